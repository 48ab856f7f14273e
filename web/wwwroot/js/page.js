// What every page shares: the 1920×1080 canvas scaled to the screen, the clock, the connection badge,
// and numbers that flash when they change.
import * as format from "./format.js";

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

export function setText(id, text) {
  const element = document.getElementById(id);
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
