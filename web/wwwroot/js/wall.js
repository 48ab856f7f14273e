// The city wall: KPI tiles, one tile per county and the occupancy chart, live from the "city" group.
import { connect } from "./live.js";
import * as format from "./format.js";
import { fitToScreen, showConnection, setText, tickClock } from "./page.js";

// Occupancy levels of an elderly-care scope, named in words as well as colour.
function occupancyLevel(rate) {
  if (rate >= 95) return { css: "level-bad", text: "接近满员" };
  if (rate >= 85) return { css: "level-warn", text: "床位偏紧" };
  return { css: "level-ok", text: "床位充足" };
}

// Autonomous counties have long official names; tiles and axes use the short form.
function shortName(name) {
  return name.replace(/(壮族瑶族|瑶族)自治县$/, "县");
}

function createChart() {
  Chart.defaults.color = "#8ea6cf";
  Chart.defaults.font.size = 18;
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  return new Chart(document.getElementById("occupancy-chart"), {
    type: "bar",
    data: { labels: [], datasets: [{ label: "入住率 %", data: [], backgroundColor: "#5cc8ff", borderRadius: 4 }] },
    options: {
      animation: false,
      // Chart.js measures its box on screen, which the stage's scale transform distorts; the box is
      // sized in canvas pixels instead (sizeChart), so the canvas never feeds back into the layout.
      responsive: false,
      maintainAspectRatio: false,
      indexAxis: "y",
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: { min: 0, max: 100, grid: { color: "#1f3f73" }, ticks: { callback: value => `${value}%` } },
        y: { grid: { display: false }, ticks: { font: { size: 20 } } },
      },
    },
  });
}

function renderCounties(counties) {
  const container = document.getElementById("counties");
  container.replaceChildren(...counties.map(county => {
    const level = occupancyLevel(county.elderlyCare.occupancyRate);
    const tile = document.createElement("a");
    tile.className = `county ${level.css}`;
    tile.href = `/county/${county.code}`;
    tile.dataset.code = county.code;
    tile.innerHTML = `
      <div class="name"></div>
      <div class="rate"></div>
      <div class="line level"></div>
      <div class="line beds"></div>
      <div class="line hotline"></div>`;
    tile.querySelector(".name").textContent = shortName(county.name);
    tile.title = county.name;
    tile.querySelector(".rate").textContent = format.percent(county.elderlyCare.occupancyRate);
    tile.querySelector(".level").textContent = `入住率 · ${level.text}`;
    tile.querySelector(".beds").textContent =
      `床位 ${format.count(county.elderlyCare.beds)} · 在住 ${format.count(county.elderlyCare.occupants)}`;
    tile.querySelector(".hotline").textContent =
      `热线近1小时 ${format.count(county.hotline.lastHourCalls)} · 救助在站 ${format.count(county.rescue.residents)}`;
    return tile;
  }));
}

function renderChart(chart, counties) {
  const sorted = [...counties].sort((a, b) => b.elderlyCare.occupancyRate - a.elderlyCare.occupancyRate);
  chart.data.labels = sorted.map(county => shortName(county.name));
  chart.data.datasets[0].data = sorted.map(county => county.elderlyCare.occupancyRate);
  chart.data.datasets[0].backgroundColor = sorted.map(county =>
    ({ "level-bad": "#ff5d5d", "level-warn": "#f5b342", "level-ok": "#5cc8ff" })[occupancyLevel(county.elderlyCare.occupancyRate).css]);
  chart.update("none");
}

const PUBLIC_ELDERLY_KINDS = ["public-elderly-care", "public-built-privately-run", "regional-elderly-home"];

function bedsOf(group, kinds) {
  return group.byKind.filter(kind => kinds.includes(kind.kind)).reduce((sum, kind) => sum + kind.beds, 0);
}

function renderKpis(city) {
  const care = city.elderlyCare;
  setText("kpi-beds", format.count(care.beds));
  setText("kpi-occupants", format.count(care.occupants));
  setText("kpi-occupancy", format.percent(care.occupancyRate));
  setText("kpi-children", format.count(city.childWelfare.occupants));
  setText("kpi-rescue", `${format.count(city.rescue.today.received)} / ${format.count(city.rescue.received)}`);
  setText("kpi-hotline", `接听 ${format.count(city.hotline.today.answered)}`);

  const publicBeds = bedsOf(care, PUBLIC_ELDERLY_KINDS);
  document.getElementById("kpi-beds-detail").textContent =
    `公办 ${format.count(publicBeds)} · 民办 ${format.count(care.beds - publicBeds)}`;
  document.getElementById("kpi-occupants-detail").textContent = `空余床位 ${format.count(care.available)} · ${format.count(care.institutions)} 家机构`;
  const over = document.getElementById("kpi-occupancy-detail");
  over.textContent = care.overCapacity > 0 ? `${care.overCapacity} 家机构超员` : "无机构超员";
  over.classList.toggle("alert", care.overCapacity > 0);
  document.getElementById("kpi-children-detail").textContent = `${format.count(city.childWelfare.institutions)} 家儿童福利机构`;
  document.getElementById("kpi-rescue-detail").textContent =
    `未成年人 ${format.count(city.rescue.minors)} · 寻亲 ${format.count(city.rescue.reunited)} · 滞留超3月 ${format.count(city.rescue.stranded)}`;
  document.getElementById("kpi-hotline-detail").textContent =
    `未接 ${format.count(city.hotline.today.missed)} · 拨出 ${format.count(city.hotline.today.outbound)} · 近1小时 ${format.count(city.hotline.lastHourCalls)}`;
}

function renderCity(chart, city) {
  renderKpis(city);
  document.getElementById("as-of").textContent = format.time(city.asOf);
  document.getElementById("demo-badge").hidden = !city.demo;
  document.getElementById("version-info").textContent = `数据版本 ${city.version}`;
  renderCounties(city.counties);
  renderChart(chart, city.counties);
}

function sizeChart(chart, scale) {
  const box = chart.canvas.parentElement;
  chart.options.devicePixelRatio = window.devicePixelRatio * scale;
  chart.resize(box.clientWidth, box.clientHeight);
}

const chart = createChart();
const fit = () => sizeChart(chart, fitToScreen());
fit();
window.addEventListener("resize", fit);
tickClock();
setInterval(tickClock, 1000);

connect({
  groups: ["city"],
  onData: (_, city) => renderCity(chart, city),
  onState: showConnection,
});
