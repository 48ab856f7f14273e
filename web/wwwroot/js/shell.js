// The frame every page shares, built from what the page declares on its stage element:
//   data-title     the page's heading (h1)
//   data-subtitle  what kind of screen this is, shown under the bureau's name
//   data-back      where the way back leads (omitted on the city wall, which is the way back)
//   data-back-text the link's words
//   data-as-of     present when the page shows when its figures were taken
//   data-footer    the footer's note
// Header (brand, title, demo badge, clock, connection, as-of), the banner shown while disconnected
// and the footer keep their element ids, so pages and tests address them the same on every screen.
import { relabelToday, replayDay } from "./replay.js";
import * as format from "./format.js";

const CONNECTION_TEXT = { connected: "实时连接", connecting: "正在连接", disconnected: "连接已断开", replay: "回放", "replay-missing": "无法回放" };
const PRODUCT = "民政实时运行看板";

// The registry's city, once the display settings named it (nameShell).
let city = null;

// A short blip only changes the badge; a connection down for longer puts a banner over the page.
const BANNER_DELAY_MS = 2000;
let bannerTimer;

function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

function brand(stage) {
  const sub = element("div", { className: "brand-sub", id: "brand-sub" });
  const name = stage.dataset.back
    ? element("a", { className: "brand-name back control", id: "brand-name", href: stage.dataset.back, textContent: stage.dataset.backText })
    : element("div", { className: "brand-name", id: "brand-name" });
  return element("div", { className: "brand" }, name, sub);
}

function status(stage) {
  const connection = element("div", { className: "connection" },
    element("span", { className: "connection-state connecting", id: "connection", textContent: "连接中" }));
  connection.firstChild.dataset.state = "connecting";
  if ("asOf" in stage.dataset) {
    connection.append(element("span", { className: "as-of" }, "数据截至 ", element("time", { id: "as-of", textContent: "--" })));
  }
  return element("div", { className: "status" }, element("div", { className: "clock", id: "clock", textContent: "--" }), connection);
}

export function buildShell() {
  const stage = document.getElementById("stage");
  const title = element("div", { className: "title" },
    element("h1", { id: "page-title", textContent: stage.dataset.title ?? "" }),
    element("span", { className: "badge demo", id: "demo-badge", hidden: true, textContent: "演示数据" }));
  stage.prepend(element("header", { className: "header" }, brand(stage), title, status(stage)));
  stage.append(
    element("div", { className: "banner", id: "connection-banner", role: "alert", hidden: true, textContent: "与服务器的连接已断开，正在自动重连 · 页面上的数据可能不是最新" }),
    element("footer", { className: "footer" }, element("span", { textContent: stage.dataset.footer ?? "" }), element("span", { id: "version-info" })));
  relabelToday(stage);
  nameShell(null);
}

// The bureau's name comes from the registry's region (GET /api/v1/display); before a registry is
// loaded the product's name stands in for it.
export function nameShell(cityName) {
  city = cityName;
  const stage = document.getElementById("stage");
  const bureau = bureauName(cityName);
  const subtitle = stage.dataset.subtitle ?? PRODUCT;
  if (stage.dataset.back) {
    document.getElementById("brand-sub").textContent = `${bureau} · ${subtitle}`;
  } else {
    document.getElementById("brand-name").textContent = bureau;
    document.getElementById("brand-sub").textContent = subtitle;
  }
  setPageTitle(stage.dataset.title ?? "");
}

// The heading and the browser tab's title; a county page names its county once it knows it.
export function setPageTitle(title) {
  document.getElementById("page-title").textContent = title;
  document.title = tabTitle(title, city);
}

export const tabTitle = (title, cityName) => `${title} · ${bureauName(cityName)}`;

const bureauName = cityName => (cityName ? `${cityName}民政局` : PRODUCT);

// The way back, when a page learns it should lead elsewhere (a county's duty officer goes back to its county).
export function pointBack(href, text) {
  const back = document.getElementById("brand-name");
  back.href = href;
  back.textContent = text;
}

// A replayed day (replay.js) says so on the badge and in a banner that stays: these are not live figures.
export function showConnection(state, detail) {
  const badge = document.getElementById("connection");
  badge.className = `connection-state ${state}`;
  badge.dataset.state = state;
  badge.textContent = replayDay ? `${CONNECTION_TEXT[state]} ${replayDay}` : CONNECTION_TEXT[state];
  const banner = document.getElementById("connection-banner");
  clearTimeout(bannerTimer);
  if (replayDay) {
    banner.classList.add("replay");
    banner.textContent = state === "replay" ? `回放：${replayDay} 日终数据，不是实时数据` : `无法回放 ${replayDay}：${detail ?? ""}`;
    banner.hidden = false;
    return;
  }
  if (state === "connected") {
    banner.hidden = true;
  } else {
    bannerTimer = setTimeout(() => { banner.hidden = false; }, BANNER_DELAY_MS);
  }
}

// What every snapshot tells the frame: when it was taken, whether it is demo data, and its version.
export function showSnapshot({ asOf, demo, version }) {
  const time = document.getElementById("as-of");
  if (time && asOf) time.textContent = format.time(asOf);
  document.getElementById("demo-badge").hidden = !demo;
  document.getElementById("version-info").textContent = `数据版本 ${version}`;
}

export function tickClock() {
  document.getElementById("clock").textContent = format.clock(new Date());
}
