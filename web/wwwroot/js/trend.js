// Inbound 未保 hotline calls per hour today against the same hour a week ago, for one line or all of
// them summed. The 24 slots of each series are fixed arrays filled in place; the history is fetched
// again (at most every few seconds) when a line reports calls, and at every snapshot and new hour.
import { createChart, fillSeries } from "./charts.js";
import { TODAY, replayDay, replayEnd } from "./replay.js";

const HOURS = 24;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
const REFRESH_DELAY_MS = 3000;

const beijingDay = time => Math.floor((time + BEIJING_OFFSET_MS) / DAY_MS);
const beijingHour = time => Math.floor((time + BEIJING_OFFSET_MS) / HOUR_MS) % HOURS;

// A replayed day's chart is that day against the same day a week before it.
const now = () => (replayDay ? replayEnd() : Date.now());

async function hoursOf(code) {
  const response = await fetch(`/api/v1/hotlines/${encodeURIComponent(code)}/hours?days=8${replayDay ? `&date=${replayDay}` : ""}`);
  if (!response.ok) throw new Error(`hours of ${code}: ${response.status}`);
  return response.json();
}

// Adds a line's history into today's and last week's slots; hours still to come today stay empty.
function addHistory(history, today, lastWeek, now) {
  const from = Date.parse(history.from);
  const todayIndex = beijingDay(now);
  history.inbound.forEach((calls, index) => {
    const time = from + index * HOUR_MS;
    const day = beijingDay(time);
    const hour = beijingHour(time);
    if (day === todayIndex && time <= now) today[hour] = (today[hour] ?? 0) + calls;
    if (day === todayIndex - 7) lastWeek[hour] = (lastWeek[hour] ?? 0) + calls;
  });
}

export function createTrend(canvas) {
  const todaySeries = new Array(HOURS).fill(null);
  const lastWeekSeries = new Array(HOURS).fill(null);
  const chart = createChart(canvas, {
    type: "bar",
    data: {
      labels: Array.from({ length: HOURS }, (_, hour) => `${hour}时`),
      datasets: [
        { type: "bar", label: TODAY, data: todaySeries, backgroundColor: "#5cc8ff", borderRadius: 3, order: 2, pointStyle: "rect" },
        { type: "line", label: "上周同日", data: lastWeekSeries, borderColor: "#f5b342", backgroundColor: "#f5b342",
          borderDash: [8, 5], borderWidth: 3, pointRadius: 0, tension: 0.25, order: 1, pointStyle: "line" },
      ],
    },
    options: {
      plugins: { legend: { position: "top", align: "end", labels: { usePointStyle: true, boxWidth: 24 } }, tooltip: { enabled: false } },
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 12 } },
        y: { beginAtZero: true, grid: { color: "#1f3f73" }, ticks: { precision: 0 } },
      },
    },
  });

  let codes = [];
  let timer = null;
  let hour = beijingHour(now());

  const refresh = async () => {
    timer = null;
    if (codes.length === 0) return;
    try {
      const histories = await Promise.all(codes.map(hoursOf));
      const today = new Array(HOURS).fill(null);
      const lastWeek = new Array(HOURS).fill(null);
      const at = now();
      for (const history of histories) addHistory(history, today, lastWeek, at);
      fillSeries(todaySeries, today);
      fillSeries(lastWeekSeries, lastWeek);
      chart.update("none");
      // What the bars add up to, readable without decoding the canvas.
      canvas.dataset.todayCalls = String(today.reduce((sum, calls) => sum + (calls ?? 0), 0));
    } catch {
      // The figures stay as they were; the next update or snapshot tries again.
    }
  };

  const scheduleRefresh = () => {
    if (timer === null) timer = setTimeout(refresh, REFRESH_DELAY_MS);
  };

  setInterval(() => {
    const current = beijingHour(now());
    if (current !== hour) {
      hour = current;
      refresh();
    }
  }, 10_000);

  return {
    chart,
    // Which lines to show (summed); fetches at once.
    show(lineCodes) {
      codes = lineCodes;
      clearTimeout(timer);
      refresh();
    },
    scheduleRefresh,
    today: todaySeries,
  };
}
