// The duty console: every 未保 hotline today (group "hotline"), calls per hour today against the same
// hour last week, and the alerts to acknowledge and resolve (group "alerts", when that service runs).
import { connect } from "./live.js";
import * as format from "./format.js";
import { judge, showStatus } from "./display.js";
import { fitCharts } from "./charts.js";
import { createTrend } from "./trend.js";
import { ALERTS_GROUP, act, fetchAlerts, isFiring, renderAlertList } from "./alerts.js";
import { shortName } from "./rankings.js";
import { preparePage, setText } from "./page.js";
import { pointBack, showConnection, showSnapshot } from "./shell.js";
import { me } from "./session.js";
import { replayDay } from "./replay.js";

const NAME_KEY = "dashboard.duty.name";

const lineName = snapshot => shortName(snapshot.name.replace(/未保热线$/, ""));

function createRow(snapshot) {
  const row = document.createElement("tr");
  row.dataset.code = snapshot.code;
  row.innerHTML = `<td class="line-name"></td><td class="number answered"></td><td class="number missed"></td><td><span class="chip missed-status"></span></td>
    <td class="number outbound"></td><td class="number last-hour"></td><td><span class="chip last-hour-status"></span></td>
    <td class="number cases-today"></td><td class="number cases-year"></td>`;
  row.querySelector(".line-name").textContent = lineName(snapshot);
  return row;
}

// Cells change in place (setText flashes what changed), so a push does not rebuild the table.
function renderLine(display, rows, snapshot) {
  let row = rows.get(snapshot.code);
  if (!row) {
    row = createRow(snapshot);
    rows.set(snapshot.code, row);
    document.getElementById("hotline-rows").append(row);
  }
  const hotline = snapshot.hotline;
  const set = (css, text) => setText(row.querySelector(css), text);
  set(".answered", format.count(hotline.today.answered));
  set(".missed", format.count(hotline.today.missed));
  set(".outbound", format.count(hotline.today.outbound));
  set(".last-hour", format.count(hotline.lastHourCalls));
  set(".cases-today", `${format.count(hotline.today.consultations)} / ${format.count(hotline.today.interventions)}`);
  set(".cases-year", format.count(hotline.consultations + hotline.interventions));
  showStatus(row.querySelector(".missed-status"), judge(display, "missedCalls", hotline.today.missed));
  showStatus(row.querySelector(".last-hour-status"), judge(display, "lastHourCalls", hotline.lastHourCalls));
  row.dataset.inbound = String(hotline.today.answered + hotline.today.missed);
  document.getElementById("demo-badge").hidden = !snapshot.demo;
}

// The hourly chart counts inbound calls: a line's case or outbound call leaves it as it is.
const inboundCalls = row => row?.dataset.inbound;

function setUpTrend(rows) {
  const trend = createTrend(document.getElementById("trend-chart"));
  const select = document.getElementById("trend-line");
  let shown = [];
  const show = () => {
    shown = select.value ? [select.value] : [...rows.keys()];
    document.getElementById("trend-line-name").textContent = select.selectedOptions[0].textContent;
    trend.show(shown);
  };
  select.addEventListener("change", show);
  return {
    trend,
    addLine(snapshot) {
      const option = document.createElement("option");
      option.value = snapshot.code;
      option.textContent = lineName(snapshot);
      select.append(option);
    },
    show,
    lineChanged(code) {
      if (shown.includes(code)) trend.scheduleRefresh();
    },
  };
}

function setUpAlerts() {
  const list = document.getElementById("alerts");
  const feedback = document.getElementById("alert-feedback");
  const name = document.getElementById("duty-name");
  const note = document.getElementById("duty-note");
  name.value = localStorage.getItem(NAME_KEY) ?? "";
  let viaHub = false;

  const show = board => {
    renderAlertList(list, board, onAction);
    const summary = document.getElementById("alert-summary");
    const open = board ? board.alerts.filter(alert => alert.state !== "resolved").length : 0;
    summary.textContent = !board ? "" : isFiring(board) ? `有告警待处置 · 未结 ${open} 条` : `未结 ${open} 条`;
    summary.classList.toggle("firing", isFiring(board));
  };

  // The server records the signed-in account; the name typed here is shown beside it (a shared desk).
  async function onAction(alert, action) {
    const by = name.value.trim();
    localStorage.setItem(NAME_KEY, by);
    const error = await act(alert, action, by, note.value.trim());
    feedback.textContent = error ?? `${action === "ack" ? "已认领" : "已解决"}：${alert.scopeName} ${alert.message}`;
    if (!error) note.value = "";
    if (!error && !viaHub) show(await fetchAlerts());
  }

  return {
    fromHub(board) {
      viaHub = true;
      show(board);
    },
    // The alerts service may be missing from this deployment: its REST answer, or 告警服务不可用.
    async unavailable() {
      viaHub = false;
      show(await fetchAlerts());
    },
  };
}

// A county's officer sees its own lines and alerts only (the server cuts the groups down): the totals
// are the county's, and the way back leads to its own county page rather than the city wall.
async function showScope() {
  const counties = (await me())?.counties ?? [];
  if (counties.length === 0) return;
  const total = counties.length === 1 ? "本区县合计" : "辖区合计";
  document.querySelector("#trend-line option[value='']").textContent = total;
  document.getElementById("trend-line-name").textContent = total;
  pointBack(`/county/${encodeURIComponent(counties[0])}`, "← 区县大屏");
}

// Alerts are acted on live: a replayed day shows its lines and hours, and sends the officer back to now.
function showAlertsAreLive() {
  document.getElementById("duty-form").hidden = true;
  const note = Object.assign(document.createElement("p"), { className: "alerts-empty", textContent: "回放只显示当日热线数据。告警请在实时值班台处理。" });
  const live = Object.assign(document.createElement("a"), { className: "control back-to-live", href: location.pathname, textContent: "返回实时值班台" });
  document.getElementById("alerts").replaceChildren(note, live);
}

async function start() {
  const { display, freshness } = await preparePage();
  await showScope();
  const rows = new Map();
  const trend = setUpTrend(rows);
  fitCharts([trend.trend.chart]);
  const alerts = setUpAlerts();
  if (replayDay) showAlertsAreLive();

  connect({
    groups: ["hotline"],
    optionalGroups: [ALERTS_GROUP],
    refreshEveryMs: freshness.refreshEveryMs,
    freshness,
    onData: (key, data, { group, snapshot }) => {
      if (group === ALERTS_GROUP) {
        alerts.fromHub(data);
      } else if (snapshot) {
        const first = rows.size === 0;
        for (const line of data.lines) {
          if (first) trend.addLine(line);
          renderLine(display, rows, line);
        }
        trend.show();
        showSnapshot({ demo: data.lines.some(line => line.demo), version: data.lines.reduce((sum, line) => sum + line.version, 0) });
      } else {
        const calls = inboundCalls(rows.get(data.code));
        renderLine(display, rows, data);
        if (inboundCalls(rows.get(data.code)) !== calls) trend.lineChanged(data.code);
      }
    },
    onUnavailable: () => alerts.unavailable(),
    onState: showConnection,
  });
}

start();
