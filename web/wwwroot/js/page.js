// What every page shares: the frame (shell.js), the 1920×1080 canvas scaled to the screen, numbers that
// flash when they change, and kiosk mode.
import { loadDisplay } from "./display.js";
import { keepOffline } from "./offline.js";
import { createFreshness } from "./freshness.js";
import { offerSignOut } from "./session.js";
import { buildShell, nameShell, tickClock } from "./shell.js";

// ?kiosk=1: an unattended screen. No controls, no cursor, no scrollbars (see .kiosk in wall.css).
export const kiosk = new URLSearchParams(location.search).get("kiosk") === "1";
document.documentElement.classList.toggle("kiosk", kiosk);

const DESIGN_WIDTH = 1920;
const DESIGN_HEIGHT = 1080;

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

// What every page does before it connects: its offline copy, the shared frame, the stage fitted to the screen, the
// clock, the display settings (waiting for the server if need be), the bureau's name, and freshness
// for every tile marked data-fresh="<group>".
export async function preparePage() {
  keepOffline();
  buildShell();
  fitToScreen();
  window.addEventListener("resize", fitToScreen);
  tickClock();
  setInterval(tickClock, 1000);
  offerSignOut(document.querySelector(".status .connection"));
  const display = await loadDisplay();
  nameShell(display.cityName);
  const freshness = createFreshness(display.staleAfterSeconds);
  document.querySelectorAll("[data-fresh]").forEach(tile => freshness.track(tile, tile.dataset.fresh));
  return { display, freshness };
}
