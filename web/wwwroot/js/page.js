// What every page shares: the 1920×1080 canvas scaled to the screen, the clock, the connection badge,
// numbers that flash when they change, and kiosk mode.
import * as format from "./format.js";
import { loadDisplay } from "./display.js";
import { createFreshness } from "./freshness.js";
import { offerSignOut } from "./session.js";

// ?kiosk=1: an unattended screen. No controls, no cursor, no scrollbars (see .kiosk in wall.css).
export const kiosk = new URLSearchParams(location.search).get("kiosk") === "1";
document.documentElement.classList.toggle("kiosk", kiosk);

const DESIGN_WIDTH = 1920;
const DESIGN_HEIGHT = 1080;
const CONNECTION_TEXT = { connected: "实时连接", connecting: "正在连接", disconnected: "连接已断开" };

// Returns the scale, so that canvases can draw at the screen's real resolution.
export function fitToScreen() {
  const stage = document.getElementById("stage");
  const scale = Math.min(window.innerWidth / DESIGN_WIDTH, window.innerHeight / DESIGN_HEIGHT);
  const left = (window.innerWidth - DESIGN_WIDTH * scale) / 2;
  const top = (window.innerHeight - DESIGN_HEIGHT * scale) / 2;
  stage.style.transform = `translate(${left}px, ${top}px) scale(${scale})`;
  return scale;
}

// target: an element or its id.
export function setText(target, text) {
  const element = typeof target === "string" ? document.getElementById(target) : target;
  const previous = element.textContent;
  if (previous !== text) {
    element.textContent = text;
    if (previous === "--") return;
    element.classList.remove("changed");
    void element.offsetWidth;
    element.classList.add("changed");
  }
}

// A short blip only changes the badge; a connection down for longer puts a banner over the page.
const BANNER_DELAY_MS = 2000;
let bannerTimer;

export function showConnection(state) {
  const element = document.getElementById("connection");
  element.className = `connection-state ${state}`;
  element.dataset.state = state;
  element.textContent = CONNECTION_TEXT[state];
  const banner = document.getElementById("connection-banner");
  clearTimeout(bannerTimer);
  if (state === "connected") {
    banner.hidden = true;
  } else {
    bannerTimer = setTimeout(() => { banner.hidden = false; }, BANNER_DELAY_MS);
  }
}

export function tickClock() {
  document.getElementById("clock").textContent = format.clock(new Date());
}

// What every page does before it connects: the stage fitted to the screen, the clock, the display
// settings (waiting for the server if need be), and freshness for every tile marked data-fresh="<group>".
export async function preparePage() {
  fitToScreen();
  window.addEventListener("resize", fitToScreen);
  tickClock();
  setInterval(tickClock, 1000);
  offerSignOut(document.querySelector(".status .connection"));
  const display = await loadDisplay();
  const freshness = createFreshness(display.staleAfterSeconds);
  document.querySelectorAll("[data-fresh]").forEach(tile => freshness.track(tile, tile.dataset.fresh));
  return { display, freshness };
}
