// ?date=yyyy-MM-dd: the page shows that past day as it ended (回放), from the daily figures the server
// keeps, instead of the live figures: it neither connects to the hub nor keeps figures for offline use.
const asked = new URLSearchParams(location.search).get("date") ?? "";
export const replayDay = /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : null;

// The last moment of the replayed day in Beijing, as a timestamp: what "now" is for a replayed chart.
export function replayEnd() {
  return Date.parse(`${replayDay}T23:59:59.999+08:00`);
}

// What a page calls the day it shows: a replayed day is that day (当日), not today.
export const TODAY = replayDay ? "当日" : "今日";

// Headings and labels written as 今日 in a page's markup name the replayed day instead.
export function relabelToday(root) {
  if (!replayDay) return;
  for (const element of root.querySelectorAll("h2, th, caption, [aria-label]")) {
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) node.textContent = node.textContent.replaceAll("今日", TODAY);
    }
    const label = element.getAttribute("aria-label");
    if (label) element.setAttribute("aria-label", label.replaceAll("今日", TODAY));
  }
}
