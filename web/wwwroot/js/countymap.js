// The wall's centre: the region's counties on a map (GET /api/v1/display/map, drawn with
// chartjs-chart-geo), each filled by its worst status and labelled with its name and occupancy, and
// beside it the same counties as a list with the status in words. A county with over-capacity homes
// or a firing alert gets a bright outline. Clicking a county, on the map or in the list, opens its page.
import { createChart } from "./charts.js";
import * as format from "./format.js";
import { showStatus } from "./display.js";
import { shortName } from "./rankings.js";

const FILL = { ok: "rgba(60, 207, 142, 0.28)", warn: "rgba(245, 179, 66, 0.55)", bad: "rgba(255, 93, 93, 0.65)" };
const EDGE = "#0b1a33";
const STANDOUT = "#ffffff";

// The map file, or null when none is configured or the server does not answer.
export async function fetchMap() {
  try {
    const response = await fetch("/api/v1/display/map");
    return response.ok ? (await response.json()).features : null;
  } catch {
    return null;
  }
}

// A map is drawn only when it has every county of the city: a map of another region keeps the grid.
export function covers(features, counties) {
  const codes = new Set(features.map(feature => feature.properties.code));
  return counties.length > 0 && counties.every(county => codes.has(county.code));
}

// Names, figures and status words drawn over each county, at the centre the projection gives it. Small
// neighbours (连山, 连南) have centres close together: larger counties are labelled first, and a label
// that would overlap one already drawn moves up or down until it is clear. Labels stay inside the canvas.
const LABEL_HEIGHT = 46;
const LABEL_MARGIN = 12;
const LABEL_SHIFTS = [0, 1, -1, 2, -2, 3, -3];

function overlaps(a, b) {
  return a.left < b.right + LABEL_MARGIN && b.left < a.right + LABEL_MARGIN && a.top < b.bottom && b.top < a.bottom;
}

function placeLabel(placed, x, y, width) {
  for (const shift of LABEL_SHIFTS) {
    const top = y - LABEL_HEIGHT / 2 + (shift * LABEL_HEIGHT) / 2;
    const box = { left: x - width / 2, right: x + width / 2, top, bottom: top + LABEL_HEIGHT };
    if (!placed.some(other => overlaps(box, other))) return box;
  }
  return { left: x - width / 2, right: x + width / 2, top: y - LABEL_HEIGHT / 2, bottom: y + LABEL_HEIGHT / 2 };
}

const labels = {
  id: "countyLabels",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const entries = chart.$counties ?? [];
    const family = Chart.defaults.font.family;
    const nameFont = `700 20px ${family}`;
    const detailFont = `500 16px ${family}`;
    const largestFirst = chart.getDatasetMeta(0).data
      .map((element, index) => ({ element, entry: entries[index], bounds: element.getBounds() }))
      .filter(label => label.entry)
      .sort((a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height);
    const placed = [];
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillStyle = "#ffffff";
    ctx.shadowColor = "rgba(0, 0, 0, 0.8)";
    ctx.shadowBlur = 4;
    for (const { element, entry } of largestFirst) {
      const detail = `${entry.rate} · ${entry.words}`;
      ctx.font = nameFont;
      let width = ctx.measureText(entry.name).width;
      ctx.font = detailFont;
      width = Math.max(width, ctx.measureText(detail).width) + 8;
      const centre = element.getCenterPoint();
      const x = Math.min(Math.max(centre.x, width / 2), chart.width - width / 2);
      const box = placeLabel(placed, x, centre.y, width);
      placed.push(box);
      ctx.font = nameFont;
      ctx.fillText(entry.name, x, box.top + 12);
      ctx.font = detailFont;
      ctx.fillText(detail, x, box.top + 34);
    }
    ctx.restore();
  },
};

export function createCountyMap(canvas, features, open) {
  Chart.register(ChartGeo.ChoroplethController, ChartGeo.GeoFeature, ChartGeo.ColorScale, ChartGeo.ProjectionScale);
  const chart = createChart(canvas, {
    type: "choropleth",
    data: {
      labels: features.map(feature => feature.properties.name),
      datasets: [{
        outline: features,
        data: features.map(feature => ({ feature, value: 0 })),
        backgroundColor: context => FILL[context.chart.$counties?.[context.dataIndex]?.level ?? "ok"],
        borderColor: context => (context.chart.$counties?.[context.dataIndex]?.standsOut ? STANDOUT : EDGE),
        borderWidth: context => (context.chart.$counties?.[context.dataIndex]?.standsOut ? 4 : 2),
      }],
    },
    options: {
      layout: { padding: 8 },
      showOutline: false,
      showGraticule: false,
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: { projection: { axis: "x", projection: "mercator" }, color: { axis: "x", display: false } },
      onClick: (event, elements) => {
        if (elements.length > 0) open(features[elements[0].index].properties.code);
      },
      onHover: (event, elements) => { canvas.style.cursor = elements.length > 0 ? "pointer" : "default"; },
    },
    plugins: [labels],
  });
  chart.$codes = features.map(feature => feature.properties.code);
  return chart;
}

// counties: [{ county, worst: { label, judgement }, alerting }] for every county of the city.
export function renderCountyMap(chart, list, counties) {
  const byCode = new Map(counties.map(entry => [entry.county.code, entry]));
  chart.$counties = chart.$codes.map(code => {
    const entry = byCode.get(code);
    if (!entry) return null;
    const { county, worst, alerting } = entry;
    return {
      name: shortName(county.name),
      rate: format.percent(county.elderlyCare.occupancyRate),
      level: worst.judgement.level,
      words: worst.judgement.level === "ok" ? worst.judgement.text : `${worst.label}${worst.judgement.text}`,
      standsOut: alerting || county.elderlyCare.overCapacity > 0,
    };
  });
  chart.update("none");
  list.replaceChildren(...counties.map(entry => listItem(entry)));
}

function listItem({ county, worst, alerting }) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = `/county/${county.code}${location.search}`;
  link.className = `map-county level-${worst.judgement.level}`;
  link.dataset.code = county.code;
  link.classList.toggle("stands-out", alerting || county.elderlyCare.overCapacity > 0);
  const name = Object.assign(document.createElement("span"), { className: "name", textContent: shortName(county.name) });
  const chip = document.createElement("span");
  showStatus(chip, worst.judgement, worst.judgement.level === "ok" ? "" : `${worst.label} `);
  link.append(name, chip);
  item.append(link);
  return item;
}
