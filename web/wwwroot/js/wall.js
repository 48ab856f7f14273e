// The city wall: KPI tiles, the counties coloured by their worst status (on the county map, or as cards
// where no map is configured), occupancy and rescue by county,
// the hotline trend, a rotating ranking board and the alert ticker, live from the "city" and "alerts" groups.
import { connect } from "./live.js";
import * as format from "./format.js";
import { judge, worst, showStatus } from "./display.js";
import { createChart, fitCharts } from "./charts.js";
import { createTrend } from "./trend.js";
import { ALERTS_GROUP, alertingScopes, fetchAlerts, renderTicker } from "./alerts.js";
import { covers, createCountyMap, fetchMap, renderCountyMap } from "./countymap.js";
import { TARGET_METRICS, fetchTargets, rank, renderRanking, scopesOf, shortName } from "./rankings.js";
import { preparePage, setText } from "./page.js";
import { showConnection, showSnapshot } from "./shell.js";
import { TODAY } from "./replay.js";

const LEVEL_COLOURS = { ok: "#5cc8ff", warn: "#f5b342", bad: "#ff5d5d" };

// Every county figure that has a threshold, with the words it is named by on a tile.
const COUNTY_METRICS = [
  { metric: "occupancyRate", label: "入住率", value: county => county.elderlyCare.occupancyRate },
  { metric: "availableBeds", label: "空余床位", value: county => county.elderlyCare.available },
  { metric: "stranded", label: "滞留", value: county => county.rescue.stranded },
  { metric: "missedCalls", label: "未接", value: county => county.hotline.today.missed },
  { metric: "lastHourCalls", label: "来电", value: county => county.hotline.lastHourCalls },
];

// Thresholds are set for a county (or a line); a city tile shows its worst county and names it.
function worstCounty(display, counties, metric, value) {
  const found = worst(counties, county => judge(display, metric, value(county)));
  return { ...found.judgement, county: found.item };
}

function showCityStatus(id, display, counties, metric, value) {
  const result = worstCounty(display, counties, metric, value);
  showStatus(document.getElementById(id), result, result.level === "ok" ? "" : `${shortName(result.county.name)} `);
}

function createOccupancyChart() {
  return createChart(document.getElementById("occupancy-chart"), {
    type: "bar",
    data: { labels: [], datasets: [{ label: "入住率 %", data: [], backgroundColor: [], borderRadius: 4 }] },
    options: {
      indexAxis: "y",
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: { min: 0, max: 100, grid: { color: "#1f3f73" }, ticks: { maxRotation: 0, stepSize: 25, callback: value => `${value}%` } },
        y: { grid: { display: false }, ticks: { autoSkip: false, font: { size: 18 } } },
      },
    },
  });
}

function renderOccupancyChart(chart, display, counties) {
  const sorted = [...counties].sort((a, b) => b.elderlyCare.occupancyRate - a.elderlyCare.occupancyRate);
  const dataset = chart.data.datasets[0];
  chart.data.labels.length = dataset.data.length = dataset.backgroundColor.length = sorted.length;
  sorted.forEach((county, index) => {
    chart.data.labels[index] = shortName(county.name);
    dataset.data[index] = county.elderlyCare.occupancyRate;
    dataset.backgroundColor[index] = LEVEL_COLOURS[judge(display, "occupancyRate", county.elderlyCare.occupancyRate).level];
  });
  chart.update("none");
}

// The county's worst figure: { label, judgement }. A home over capacity is a safety matter, red whatever
// the county's occupancy rate.
function worstOf(display, county) {
  const judged = COUNTY_METRICS.map(entry => ({ ...entry, judgement: judge(display, entry.metric, entry.value(county)) }));
  if (county.elderlyCare.overCapacity > 0) judged.push({ label: "机构", judgement: { level: "bad", text: "超员" } });
  return worst(judged, entry => entry.judgement).item;
}

function countyTile(display, county) {
  const worstOne = worstOf(display, county);
  const tile = document.createElement("a");
  tile.className = `county level-${worstOne.judgement.level}`;
  tile.href = `/county/${county.code}${location.search}`;
  tile.dataset.code = county.code;
  tile.title = county.name;
  tile.innerHTML = `<div class="name"></div><span class="chip"></span><div class="rate"></div>
    <div class="line beds"></div><div class="line residents"></div><div class="line stranded"></div>
    <div class="line last-hour"></div><div class="line missed"></div>`;
  const line = (css, text) => { tile.querySelector(css).textContent = text; };
  line(".name", shortName(county.name));
  showStatus(tile.querySelector(".chip"), worstOne.judgement, worstOne.judgement.level === "ok" ? "" : `${worstOne.label} `);
  line(".rate", format.percent(county.elderlyCare.occupancyRate));
  tile.querySelector(".rate").append(Object.assign(document.createElement("small"), { textContent: " 入住率" }));
  line(".beds", `空余床位 ${format.count(county.elderlyCare.available)}`);
  line(".residents", `救助在站 ${format.count(county.rescue.residents)}`);
  line(".stranded", `滞留超3月 ${format.count(county.rescue.stranded)}`);
  line(".last-hour", `近1小时来电 ${format.count(county.hotline.lastHourCalls)}`);
  line(".missed", `${TODAY}未接 ${format.count(county.hotline.today.missed)}`);
  return tile;
}

function renderRescue(display, counties) {
  document.getElementById("rescue-rows").replaceChildren(...counties.filter(county => county.rescue.stations > 0).map(county => {
    const row = document.createElement("tr");
    row.innerHTML = `<td></td><td class="number"></td><td class="number"></td><td><span class="chip"></span></td><td class="number"></td>`;
    const cells = row.querySelectorAll("td");
    cells[0].textContent = shortName(county.name);
    cells[1].textContent = format.count(county.rescue.residents);
    cells[2].textContent = format.count(county.rescue.stranded);
    showStatus(cells[3].firstChild, judge(display, "stranded", county.rescue.stranded));
    cells[4].textContent = format.count(county.rescue.month.reunited);
    return row;
  }));
}

const PUBLIC_ELDERLY_KINDS = ["public-elderly-care", "public-built-privately-run", "regional-elderly-home"];

function bedsOf(group, kinds) {
  return group.byKind.filter(kind => kinds.includes(kind.kind)).reduce((sum, kind) => sum + kind.beds, 0);
}

function renderKpis(display, city) {
  const care = city.elderlyCare;
  setText("kpi-beds", format.count(care.beds));
  setText("kpi-occupants", format.count(care.occupants));
  setText("kpi-occupancy", format.percent(care.occupancyRate));
  setText("kpi-children", format.count(city.childWelfare.occupants));
  setText("kpi-rescue", `${format.count(city.rescue.today.received)} / ${format.count(city.rescue.received)}`);
  setText("kpi-hotline", `接听 ${format.count(city.hotline.today.answered)}`);

  const publicBeds = bedsOf(care, PUBLIC_ELDERLY_KINDS);
  document.getElementById("kpi-beds-detail").textContent =
    `空余 ${format.count(care.available)} · 公办 ${format.count(publicBeds)}`;
  document.getElementById("kpi-occupants-detail").textContent =
    `${format.count(care.institutions)} 家机构 · 民办床位 ${format.count(care.beds - publicBeds)}`;
  const over = document.getElementById("kpi-occupancy-detail");
  over.textContent = care.overCapacity > 0 ? `${care.overCapacity} 家机构超员` : "无机构超员";
  over.classList.toggle("alert", care.overCapacity > 0);
  document.getElementById("kpi-children-detail").textContent = `${format.count(city.childWelfare.institutions)} 家儿童福利机构`;
  document.getElementById("kpi-rescue-detail").textContent =
    `未成年 ${format.count(city.rescue.minors)} · 寻亲 ${format.count(city.rescue.reunited)} · 滞留 ${format.count(city.rescue.stranded)}`;
  document.getElementById("kpi-hotline-detail").textContent =
    `未接 ${format.count(city.hotline.today.missed)} · 拨出 ${format.count(city.hotline.today.outbound)} · 近1小时 ${format.count(city.hotline.lastHourCalls)}`;

  const counties = scopesOf(city);
  showCityStatus("kpi-beds-status", display, counties, "availableBeds", county => county.elderlyCare.available);
  showCityStatus("kpi-occupancy-status", display, counties, "occupancyRate", county => county.elderlyCare.occupancyRate);
  showCityStatus("kpi-rescue-status", display, counties, "stranded", county => county.rescue.stranded);
  const missed = worstCounty(display, counties, "missedCalls", county => county.hotline.today.missed);
  const lastHour = worstCounty(display, counties, "lastHourCalls", county => county.hotline.lastHourCalls);
  const hotline = worst([missed, lastHour], result => result).item;
  showStatus(document.getElementById("kpi-hotline-status"), hotline,
    hotline.level === "ok" ? "" : `${shortName(hotline.county.name)}${hotline === missed ? "未接" : "来电"}`);
}

// The ranking board turns every few seconds: occupancy rate, then progress against each target.
const BOARDS = [
  { title: "养老机构入住率", rows: counties => [...counties]
    .sort((a, b) => b.elderlyCare.occupancyRate - a.elderlyCare.occupancyRate)
    .map(county => ({ code: county.code, name: shortName(county.name), figure: county.elderlyCare.occupants, percent: county.elderlyCare.occupancyRate, target: null })),
    unit: "人在住" },
  ...TARGET_METRICS.map(entry => ({ title: `${entry.title} 目标完成`, rows: (counties, targets) => rank(counties, entry, targets), unit: entry.unit })),
];

// The boards take turns at the display's page-turn interval, like every other rotating table.
function createRankingBoard(turnEveryMs) {
  let index = 0;
  let counties = [];
  let targets = new Map();
  const render = () => {
    const board = BOARDS[index];
    document.getElementById("ranking-title").textContent = board.title;
    const rows = board.rows(counties, targets);
    renderRanking(document.getElementById("ranking"), rows, board.unit);
  };
  setInterval(() => {
    index = (index + 1) % BOARDS.length;
    render();
  }, turnEveryMs);
  return {
    update(next) { counties = next; render(); },
    setTargets(next) { targets = next; render(); },
  };
}

// The counties on the map, 市本级 in the list beside it; without a map, a card for each.
function renderCounties(state) {
  const scopes = scopesOf(state.city);
  const onMap = state.map !== null && covers(state.map.features, state.city.counties);
  document.getElementById("county-map").hidden = !onMap;
  const cards = document.getElementById("counties");
  cards.hidden = onMap;
  if (onMap) {
    const entries = scopes.map(county => ({ county, worst: worstOf(state.display, county), alerting: state.alerting.has(county.code) }));
    renderCountyMap(state.map.chart, document.getElementById("map-list"), entries);
  } else {
    cards.style.gridTemplateColumns = `repeat(${Math.ceil(scopes.length / 2)}, 1fr)`;
    cards.replaceChildren(...scopes.map(county => countyTile(state.display, county)));
  }
}

function renderCity(state, city, isSnapshot) {
  state.city = city;
  renderKpis(state.display, city);
  document.getElementById("county-count").textContent = city.counties.length;
  showSnapshot(city);
  renderCounties(state);
  const scopes = scopesOf(city);
  renderOccupancyChart(state.occupancyChart, state.display, scopes);
  renderRescue(state.display, scopes);
  state.ranking.update(scopes);

  const inbound = city.hotline.today.answered + city.hotline.today.missed;
  if (state.lines === null) {
    state.lines = [city.code, ...city.counties.map(county => county.code)];
    state.trend.show(state.lines);
  } else if (isSnapshot || inbound !== state.inbound) {
    state.trend.scheduleRefresh();
  }
  state.inbound = inbound;
}

async function start() {
  const { display, freshness } = await preparePage();
  const features = display.map ? await fetchMap() : null;
  const state = {
    display,
    map: features && { features, chart: createCountyMap(document.getElementById("map-chart"), features, code => location.assign(`/county/${code}${location.search}`)) },
    city: null,
    alerting: new Set(),
    occupancyChart: createOccupancyChart(),
    trend: createTrend(document.getElementById("trend-chart")),
    ranking: createRankingBoard(display.pageTurnIntervalSeconds * 1000),
    lines: null,
    inbound: 0,
  };
  fitCharts([state.occupancyChart, state.trend.chart, ...(state.map ? [state.map.chart] : [])]);
  const ticker = document.getElementById("ticker");
  const showAlerts = board => {
    renderTicker(ticker, board);
    state.alerting = alertingScopes(board);
    if (state.city) renderCounties(state);
  };

  connect({
    groups: ["city"],
    optionalGroups: [ALERTS_GROUP],
    refreshEveryMs: freshness.refreshEveryMs,
    freshness,
    onData: async (key, data, { group, snapshot, kept }) => {
      if (group === ALERTS_GROUP) {
        showAlerts(data);
        return;
      }
      renderCity(state, data, snapshot);
      if (snapshot && !kept) state.ranking.setTargets(await fetchTargets());
    },
    onUnavailable: async () => showAlerts(await fetchAlerts()),
    onState: showConnection,
  });
}

start();
