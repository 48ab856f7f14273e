// The days behind the figures: last month's report row (环比, 同比) and a scope's last 13 weeks, drawn small.
// A replayed page (?date=) reads them as of its day, so that its changes and trends are that day's too.
import { replayDay } from "./replay.js";

const SVG = "http://www.w3.org/2000/svg";

// The daily history moves slowly: pages read it on load and every ten minutes; a replayed day never moves.
const HISTORY_EVERY_MS = 10 * 60 * 1000;

export function everyHistoryPeriod(read) {
  if (!replayDay) setInterval(read, HISTORY_EVERY_MS);
}
const WEEKS = 13;

function beijingToday() {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
}

// yyyy-MM-dd n days after day (before, when n is negative).
function addDays(day, n) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

// The last whole day the page shows: the replayed day, or yesterday.
function lastWholeDay() {
  return replayDay ?? addDays(beijingToday(), -1);
}

// yyyy-MM of the month before the page's day (the month the bureau last reported upward).
export function lastMonth() {
  const [year, month] = (replayDay ?? beijingToday()).split("-").map(Number);
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

// Last month's report rows as a lookup by scope code (city for the whole city); empty when unavailable.
export async function fetchMonthRows() {
  const rows = await fetch(`/api/v1/reports/${lastMonth()}?format=json`, { cache: "no-store" })
    .then(response => (response.ok ? response.json() : [])).catch(() => []);
  return new Map(rows.map(row => [row.code, row]));
}

// 环比 ▲1.2%: the arrow says which way, the number how much; -- where there is nothing to compare.
export function change(label, percent) {
  if (percent == null) return `${label} --`;
  return `${label} ${percent > 0 ? "▲" : percent < 0 ? "▼" : ""}${Math.abs(percent).toFixed(1)}%`;
}

// A scope's daily metrics over the 13 weeks up to the last whole day; null when unavailable.
export async function fetchWeeks(code) {
  const to = lastWholeDay();
  const from = addDays(to, -(WEEKS * 7 - 1));
  return fetch(`/api/v1/history/${encodeURIComponent(code)}/daily?from=${from}&to=${to}`, { cache: "no-store" })
    .then(response => (response.ok ? response.json() : null)).catch(() => null);
}

// Flows read best as weekly sums; a week without any kept day is a gap, not a zero.
function weekly(values) {
  const weeks = [];
  for (let end = values.length; end > 0; end -= 7) {
    const kept = values.slice(Math.max(0, end - 7), end).filter(value => value != null);
    weeks.unshift(kept.length ? kept.reduce((sum, value) => sum + value, 0) : null);
  }
  return weeks;
}

// An SVG trend: stocks as a line of days, flows (weekly: true) as bars of weeks. It stretches to its box.
export function sparkline(values, { weekly: asWeeks = false, label = "" } = {}) {
  const points = asWeeks ? weekly(values) : values;
  const kept = points.filter(value => value != null);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 100 30");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", `sparkline${asWeeks ? " weekly" : ""}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.dataset.points = kept.length;
  if (kept.length === 0) return svg;
  // Bars rise from zero. A line spans at least a twentieth of its top, so that a home gaining one person in
  // eight hundred draws as the small change it is rather than filling the box.
  const high = Math.max(...kept);
  const span = asWeeks ? high : Math.max(high - Math.min(...kept), high / 20, 1);
  const y = value => (span === 0 ? 29.2 : 28 - (26 * (value - (high - span))) / span);
  const step = 100 / points.length;
  if (asWeeks) {
    // A week without a call or a rescue still shows as a sliver: kept, and none.
    points.forEach((value, index) => {
      if (value == null) return;
      const bar = document.createElementNS(SVG, "rect");
      Object.entries({ x: index * step + step * 0.15, width: step * 0.7, y: Math.min(y(value), 29.2), height: 30 - Math.min(y(value), 29.2) })
        .forEach(([name, number]) => bar.setAttribute(name, number.toFixed(2)));
      svg.append(bar);
    });
  } else {
    const line = document.createElementNS(SVG, "polyline");
    line.setAttribute("points", points.map((value, index) => (value == null ? null : `${(index * step + step / 2).toFixed(2)},${y(value).toFixed(2)}`)).filter(Boolean).join(" "));
    line.setAttribute("vector-effect", "non-scaling-stroke");
    svg.append(line);
  }
  return svg;
}
