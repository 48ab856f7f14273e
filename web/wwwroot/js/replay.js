// ?date=yyyy-MM-dd: the page shows that past day as it ended (回放), from the daily figures the server
// keeps, instead of the live figures: it neither connects to the hub nor keeps figures for offline use.
export const replayDay = /^\d{4}-\d{2}-\d{2}$/.test(new URLSearchParams(location.search).get("date") ?? "")
  ? new URLSearchParams(location.search).get("date")
  : null;

// The last moment of the replayed day in Beijing, as a timestamp: what "now" is for a replayed chart.
export function replayEnd() {
  return Date.parse(`${replayDay}T23:59:59.999+08:00`);
}
