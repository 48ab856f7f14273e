// The leader view: for occupancy, rescues, reunions and hotline cases, every county ranked by its share
// of the target (with the raw figure), live from the "city" group, and the city's month so far against
// last month against the month before and the same month a year earlier (the month the bureau last
// reported upward). Sized to be read from 3 metres.
import { connect } from "./live.js";
import * as format from "./format.js";
import { TARGET_METRICS, cityProgress, fetchTargets, rank, renderRanking, scopesOf } from "./rankings.js";
import { preparePage } from "./page.js";
import { me } from "./session.js";
import { showConnection, showSnapshot } from "./shell.js";

function createPanel(entry) {
  const panel = document.createElement("article");
  panel.className = "tile leader-panel";
  panel.dataset.fresh = "city";
  panel.dataset.metric = entry.metric;
  panel.dataset.testid = `panel-${entry.metric}`;
  panel.innerHTML = `<header class="panel-head"><h2></h2><div class="city-progress"></div></header><ol class="ranking leader-ranking"></ol><p class="month-change"></p>`;
  panel.querySelector("h2").textContent = entry.title;
  document.getElementById("panels").append(panel);
  return panel;
}

function cityText(progress, unit) {
  const total = `全市合计 ${format.count(progress.figure)} ${unit}`;
  return progress.target === undefined ? `${total} · 未设目标` : `${total} · 目标完成 ${format.percent(progress.percent)}`;
}

// Changes are read from the daily history, which moves slowly: on load and every ten minutes.
const CHANGES_EVERY_MS = 10 * 60 * 1000;

function change(label, percent) {
  if (percent == null) return `${label} --`;
  return `${label} ${percent > 0 ? "▲" : percent < 0 ? "▼" : ""}${Math.abs(percent).toFixed(1)}%`;
}

// yyyy-MM of this month (months: 0) or an earlier one, in Beijing.
function monthOf(months) {
  const [year, month] = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date()).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1 - months, 1));
  return date.toISOString().slice(0, 7);
}

async function renderChanges(panels) {
  const rows = await fetch(`/api/v1/reports/${monthOf(1)}?format=json`, { cache: "no-store" }).then(response => (response.ok ? response.json() : null)).catch(() => null);
  const city = rows?.find(row => row.code === "city");
  if (!city) return;
  for (const entry of TARGET_METRICS) {
    const month = entry.month(city);
    panels.get(entry.metric).querySelector(".month-change").textContent =
      `${month.label} ${format.count(month.figure)} ${entry.unit} · ${change("环比", month.monthOnMonth)} · ${change("同比", month.yearOnYear)}`;
  }
}

// The report covers the whole city: offered to city-wide viewers only.
async function offerExport() {
  if ((await me())?.counties?.length) return;
  const link = Object.assign(document.createElement("a"), { className: "control export", href: `/api/v1/reports/${monthOf(1)}`, textContent: "导出上月报表" });
  link.dataset.testid = "export-month";
  document.querySelector(".footer").prepend(link);
}

function render(panels, city, targets) {
  for (const entry of TARGET_METRICS) {
    const panel = panels.get(entry.metric);
    const scopes = scopesOf(city);
    panel.querySelector(".city-progress").textContent = cityText(cityProgress(scopes, entry, targets), entry.unit);
    renderRanking(panel.querySelector(".ranking"), rank(scopes, entry, targets), entry.unit);
  }
  showSnapshot(city);
}

async function start() {
  const panels = new Map(TARGET_METRICS.map(entry => [entry.metric, createPanel(entry)]));
  const { freshness } = await preparePage();
  offerExport();
  renderChanges(panels);
  setInterval(() => renderChanges(panels), CHANGES_EVERY_MS);

  let targets = new Map();
  let city = null;
  connect({
    groups: ["city"],
    refreshEveryMs: freshness.refreshEveryMs,
    freshness,
    onData: async (key, data, { snapshot, kept }) => {
      city = data;
      render(panels, city, targets);
      // Targets change rarely: they are read again with every snapshot (connect, refresh, midnight).
      if (snapshot && !kept) {
        targets = await fetchTargets();
        render(panels, city, targets);
      }
    },
    onState: showConnection,
  });
}

start();
