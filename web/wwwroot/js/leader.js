// The leader view: for occupancy, rescues, reunions and hotline cases, every county ranked by its share
// of the target (with the raw figure and its last 13 weeks), live from the "city" group, and the city's
// last month (the month the bureau last reported upward) against the month before and the same month a
// year earlier. Sized to be read from 3 metres.
import { connect } from "./live.js";
import * as format from "./format.js";
import { TARGET_METRICS, cityProgress, fetchTargets, rank, renderRanking, scopesOf } from "./rankings.js";
import { preparePage } from "./page.js";
import { me } from "./session.js";
import { change, everyHistoryPeriod, fetchMonthRows, fetchWeeks, lastMonth, sparkline } from "./history.js";
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

async function renderChanges(panels) {
  const city = (await fetchMonthRows()).get("city");
  if (!city) return;
  for (const entry of TARGET_METRICS) {
    const month = entry.month(city);
    panels.get(entry.metric).querySelector(".month-change").textContent =
      `${month.label} ${format.count(month.figure)} ${entry.unit} · ${change("环比", month.monthOnMonth)} · ${change("同比", month.yearOnYear)}`;
  }
}

// Every scope's last 13 weeks, per metric: code → svg, drawn into each ranking row.
async function loadTrends(codes) {
  const series = await Promise.all(codes.map(async code => [code, await fetchWeeks(code)]));
  return new Map(TARGET_METRICS.map(entry => [entry.metric, new Map(series.filter(([, days]) => days).map(([code, days]) =>
    [code, sparkline(days.metrics[entry.daily], { weekly: entry.weekly, label: `近13周${entry.title.replace(/^本年/, "")}` })]))]));
}

// The report covers the whole city: offered to city-wide viewers only.
async function offerExport() {
  if ((await me())?.counties?.length) return;
  const link = Object.assign(document.createElement("a"), { className: "control export", href: `/api/v1/reports/${lastMonth()}`, textContent: "导出上月报表" });
  link.dataset.testid = "export-month";
  document.querySelector(".footer").prepend(link);
}

function render(panels, city, targets, trends) {
  for (const entry of TARGET_METRICS) {
    const panel = panels.get(entry.metric);
    const scopes = scopesOf(city);
    panel.querySelector(".city-progress").textContent = cityText(cityProgress(scopes, entry, targets), entry.unit);
    renderRanking(panel.querySelector(".ranking"), rank(scopes, entry, targets), entry.unit, trends.get(entry.metric) ?? new Map());
  }
  showSnapshot(city);
}

async function start() {
  const panels = new Map(TARGET_METRICS.map(entry => [entry.metric, createPanel(entry)]));
  const { freshness } = await preparePage();
  offerExport();
  renderChanges(panels);

  let targets = new Map();
  let trends = new Map();
  let city = null;
  const refreshTrends = async () => {
    trends = await loadTrends(scopesOf(city).map(scope => scope.code));
    render(panels, city, targets, trends);
  };
  everyHistoryPeriod(() => {
    renderChanges(panels);
    if (city) refreshTrends();
  });
  connect({
    groups: ["city"],
    refreshEveryMs: freshness.refreshEveryMs,
    freshness,
    onData: async (key, data, { snapshot, kept }) => {
      const first = city === null;
      city = data;
      render(panels, city, targets, trends);
      if (first) refreshTrends();
      // Targets change rarely: they are read again with every snapshot (connect, refresh, midnight).
      if (snapshot && !kept) {
        targets = await fetchTargets();
        render(panels, city, targets, trends);
      }
    },
    onState: showConnection,
  });
}

start();
