// /carousel rotates the configured screens (Dashboard:Display:Carousel) at the configured interval and
// holds the alert screen while any alert is firing. Every screen stays loaded in its own frame, kept
// live and sized (hidden frames keep their layout), so a turn is instant and never reconnects.
import { connect, messagePack } from "./live.js";
import { loadDisplay } from "./display.js";
import { ALERTS_GROUP, fetchAlerts, isFiring } from "./alerts.js";
import { tabTitle } from "./shell.js";

// Without the hub's alerts group the REST list is read this often, so a firing alert holds the screen soon.
const ALERT_POLL_MS = 10_000;

// Each screen as an unattended one, on the hub protocol the carousel itself was asked for.
function kioskUrl(screen) {
  const url = new URL(screen, location.origin);
  url.searchParams.set("kiosk", "1");
  if (messagePack) url.searchParams.set("protocol", "messagepack");
  return url.pathname + url.search;
}

async function start() {
  const display = await loadDisplay();
  document.title = tabTitle("轮播", display.cityName);
  const container = document.getElementById("carousel");
  const screens = [...display.carouselScreens];
  if (!screens.includes(display.carouselAlertScreen)) screens.push(display.carouselAlertScreen);
  const frames = screens.map(screen => {
    const frame = document.createElement("iframe");
    frame.src = kioskUrl(screen);
    frame.title = screen;
    frame.dataset.screen = screen;
    container.append(frame);
    return frame;
  });
  const rotation = frames.filter(frame => display.carouselScreens.includes(frame.dataset.screen));
  const alertFrame = frames.find(frame => frame.dataset.screen === display.carouselAlertScreen);

  let index = 0;
  let firing = false;
  const show = frame => {
    for (const other of frames) other.classList.toggle("active", other === frame);
    container.dataset.screen = frame.dataset.screen;
    container.dataset.holding = String(firing);
  };
  const turn = () => {
    if (firing) {
      show(alertFrame);
      return;
    }
    index = (index + 1) % rotation.length;
    show(rotation[index]);
  };
  const onAlerts = board => {
    const wasFiring = firing;
    firing = isFiring(board);
    if (firing) show(alertFrame);
    else if (wasFiring) show(rotation[index]);
  };

  show(rotation[0]);
  setInterval(turn, display.carouselIntervalSeconds * 1000);
  connect({
    groups: [],
    optionalGroups: [ALERTS_GROUP],
    refreshEveryMs: ALERT_POLL_MS,
    onData: (_, board) => onAlerts(board),
    onUnavailable: async () => onAlerts(await fetchAlerts()),
    onState: () => {},
  });
}

start();
