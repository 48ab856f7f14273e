// The leader view: for occupancy, rescues, reunions and hotline cases, every county ranked by its share
// of the target (with the raw figure), live from the "city" group. Sized to be read from 3 metres.
import { connect } from "./live.js";
import * as format from "./format.js";
import { TARGET_METRICS, cityProgress, fetchTargets, rank, renderRanking, scopesOf } from "./rankings.js";
import { preparePage } from "./page.js";
import { showConnection, showSnapshot } from "./shell.js";

function createPanel(entry) {
  const panel = document.createElement("article");
  panel.className = "tile leader-panel";
  panel.dataset.fresh = "city";
  panel.dataset.metric = entry.metric;
  panel.dataset.testid = `panel-${entry.metric}`;
  panel.innerHTML = `<header class="panel-head"><h2></h2><div class="city-progress"></div></header><ol class="ranking leader-ranking"></ol>`;
  panel.querySelector("h2").textContent = entry.title;
  document.getElementById("panels").append(panel);
  return panel;
}

function cityText(progress, unit) {
  const total = `全市合计 ${format.count(progress.figure)} ${unit}`;
  return progress.target === undefined ? `${total} · 未设目标` : `${total} · 目标完成 ${format.percent(progress.percent)}`;
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
