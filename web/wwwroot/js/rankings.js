// County rankings against targets, shared by the leader view and the wall's rotating board.
import * as format from "./format.js";

// month: last month, and its 环比 and 同比, from a row of the month's report. daily: the metric of the
// daily series its trend draws, weekly: drawn as weekly sums (a flow) rather than a line of days (a stock).
export const TARGET_METRICS = [
  { metric: "occupancy", daily: "occupancy", weekly: false, title: "养老机构在住老人", unit: "人", value: county => county.elderlyCare.occupants,
    month: row => ({ label: "上月末", figure: row.elderlyCareOccupants, monthOnMonth: row.occupantsMonthOnMonth, yearOnYear: row.occupantsYearOnYear }) },
  { metric: "rescues", daily: "rescues", weekly: true, title: "本年流浪乞讨救助", unit: "人次", value: county => county.rescue.received,
    month: row => ({ label: "上月", figure: row.rescueReceived, monthOnMonth: row.rescueMonthOnMonth, yearOnYear: row.rescueYearOnYear }) },
  { metric: "reunions", daily: "reunions", weekly: true, title: "本年寻亲成功", unit: "人", value: county => county.rescue.reunited,
    month: row => ({ label: "上月", figure: row.rescueReunited, monthOnMonth: row.reunitedMonthOnMonth, yearOnYear: row.reunitedYearOnYear }) },
  { metric: "hotlineCases", daily: "hotlineCases", weekly: true, title: "本年未保热线个案", unit: "件", value: county => county.hotline.consultations + county.hotline.interventions,
    month: row => ({ label: "上月", figure: row.hotlineConsultations + row.hotlineInterventions, monthOnMonth: row.casesMonthOnMonth, yearOnYear: row.casesYearOnYear }) },
];

// Autonomous counties have long official names; tiles, rows and axes use the short form.
export function shortName(name) {
  return name.replace(/(壮族瑶族|瑶族)自治县$/, "县");
}

// GET /api/v1/targets as a lookup "county/metric" → value; an empty lookup when the server does not answer.
export async function fetchTargets() {
  try {
    const response = await fetch("/api/v1/targets");
    if (!response.ok) return new Map();
    const set = await response.json();
    return new Map(set.targets.map(target => [`${target.county}/${target.metric}`, target.value]));
  } catch {
    return new Map();
  }
}

// Every entry a list of the city shows: its counties, then 市本级 (the institutions and line registered
// under the city code itself), so that every list adds up to the city's totals.
export function scopesOf(city) {
  return [...city.counties, city.cityLevel];
}

// Counties with a target by share of it, best first; those without one after them, by figure.
export function rank(counties, { metric, value }, targets) {
  const rows = counties.map(county => {
    const figure = value(county);
    const target = targets.get(`${county.code}/${metric}`);
    const percent = target > 0 ? (100 * figure) / target : target === 0 ? 100 : null;
    return { code: county.code, name: shortName(county.name), figure, target, percent };
  });
  return rows.sort((a, b) =>
    (a.percent == null) - (b.percent == null) || (b.percent ?? 0) - (a.percent ?? 0) || b.figure - a.figure);
}

// The city's figure and target: targets are summed over the counties that have one.
export function cityProgress(counties, { metric, value }, targets) {
  const figure = counties.reduce((sum, county) => sum + value(county), 0);
  const withTarget = counties.filter(county => targets.has(`${county.code}/${metric}`));
  if (withTarget.length === 0) return { figure, target: undefined, percent: null };
  const target = withTarget.reduce((sum, county) => sum + targets.get(`${county.code}/${metric}`), 0);
  const reached = withTarget.reduce((sum, county) => sum + value(county), 0);
  return { figure, target, percent: target > 0 ? (100 * reached) / target : 100 };
}

function cell(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

// One row per county: place, name, a bar (share of target, or of the largest figure without one),
// the share in words, the raw figure against its target and, when trends (code → svg) are given, its trend.
export function renderRanking(list, rows, unit, trends = null) {
  const largest = Math.max(1, ...rows.map(row => row.figure));
  list.replaceChildren(...rows.map((row, index) => {
    const item = document.createElement("li");
    item.className = `ranking-row${row.percent == null ? " no-target" : row.percent >= 100 ? " reached" : ""}`;
    item.dataset.code = row.code;
    const bar = document.createElement("span");
    bar.className = "bar";
    const fill = document.createElement("span");
    fill.className = "bar-fill";
    fill.style.width = `${Math.min(100, row.percent ?? (100 * row.figure) / largest)}%`;
    bar.append(fill);
    item.append(
      cell("place", String(index + 1)),
      cell("name", row.name),
      bar,
      cell("percent", row.percent == null ? "未设目标" : format.percent(row.percent)),
      cell("figure", row.target == null ? `${format.count(row.figure)} ${unit}` : `${format.count(row.figure)} / ${format.count(row.target)}`));
    if (trends) {
      const trend = cell("trend", "");
      const svg = trends.get(row.code);
      if (svg) trend.append(svg.cloneNode(true));
      item.append(trend);
    }
    return item;
  }));
}
