// A county: its figures with last month's changes and its last 13 weeks, and every institution, live
// from the "county:<code>" group. The institutions table turns its pages by itself when they do not fit
// the tile at once.
import { connect } from "./live.js";
import * as format from "./format.js";
import { judge, worst, showStatus } from "./display.js";
import { preparePage, setText } from "./page.js";
import { setPageTitle, showConnection, showSnapshot } from "./shell.js";
import { createPager } from "./pager.js";
import { change, everyHistoryPeriod, fetchMonthRows, fetchWeeks, sparkline } from "./history.js";

const code = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() ?? "");

function status(institution) {
  if (!institution.active) return "已停用";
  if (institution.overCapacity) return "超员";
  if (institution.rescue) return `在站 ${institution.rescue.residents} · 滞留 ${institution.rescue.stranded}`;
  return "正常";
}

function row(institution) {
  const tr = document.createElement("tr");
  tr.className = !institution.active ? "inactive" : institution.overCapacity ? "over" : "";
  tr.dataset.id = institution.id;
  const rate = institution.beds === 0 ? 0 : (100 * institution.occupants) / institution.beds;
  const cells = [
    [institution.name, ""], [institution.kindName, ""], [format.count(institution.beds), "number"],
    [format.count(institution.occupants), "number"], [format.count(institution.available), "number"],
    [format.percent(rate), "number"], [status(institution), ""],
  ];
  for (const [text, css] of cells) {
    const td = document.createElement("td");
    td.textContent = text;
    td.className = css;
    tr.append(td);
  }
  return tr;
}

// Over capacity first, then stations, then the rest by occupancy; deactivated ones last.
function rank(institution) {
  if (!institution.active) return 3;
  if (institution.overCapacity) return 0;
  return institution.rescue ? 1 : 2;
}

function byAttention(a, b) {
  return rank(a) - rank(b) || b.occupants / Math.max(1, b.beds) - a.occupants / Math.max(1, a.beds);
}

function renderStatus(display, county) {
  showStatus(document.getElementById("kpi-beds-status"), judge(display, "availableBeds", county.elderlyCare.available), "空余 ");
  showStatus(document.getElementById("kpi-occupancy-status"), judge(display, "occupancyRate", county.elderlyCare.occupancyRate));
  showStatus(document.getElementById("kpi-rescue-status"), judge(display, "stranded", county.rescue.stranded), "滞留 ");
  const hotline = worst([
    { prefix: "未接 ", judgement: judge(display, "missedCalls", county.hotline.today.missed) },
    { prefix: "来电 ", judgement: judge(display, "lastHourCalls", county.hotline.lastHourCalls) },
  ], entry => entry.judgement).item;
  showStatus(document.getElementById("kpi-hotline-status"), hotline.judgement, hotline.prefix);
}

function render(display, pager, county) {
  const care = county.elderlyCare;
  renderStatus(display, county);
  setPageTitle(county.name);
  setText("kpi-beds", format.count(care.beds));
  setText("kpi-occupants", format.count(care.occupants));
  setText("kpi-occupancy", format.percent(care.occupancyRate));
  setText("kpi-children", format.count(county.childWelfare.occupants));
  setText("kpi-rescue", `${format.count(county.rescue.residents)} / ${format.count(county.rescue.stranded)}`);
  setText("kpi-hotline", `接听 ${format.count(county.hotline.today.answered)}`);
  document.getElementById("kpi-beds-detail").textContent = `${format.count(care.institutions)} 家养老机构`;
  document.getElementById("kpi-occupants-detail").textContent = `空余床位 ${format.count(care.available)}`;
  const over = document.getElementById("kpi-occupancy-detail");
  over.textContent = care.overCapacity > 0 ? `${care.overCapacity} 家机构超员` : "无机构超员";
  over.classList.toggle("alert", care.overCapacity > 0);
  document.getElementById("kpi-children-detail").textContent = `${format.count(county.childWelfare.institutions)} 家儿童福利机构`;
  document.getElementById("kpi-rescue-detail").textContent =
    `本年救助 ${format.count(county.rescue.received)} · 寻亲 ${format.count(county.rescue.reunited)} · 落户 ${format.count(county.rescue.settled)}`;
  document.getElementById("kpi-hotline-detail").textContent =
    `未接 ${format.count(county.hotline.today.missed)} · 拨出 ${format.count(county.hotline.today.outbound)} · 近1小时 ${format.count(county.hotline.lastHourCalls)}`;
  pager.setRows([...county.institutions].sort(byAttention).map(row));
  showSnapshot(county);
}

const TRENDS = [
  { id: "kpi-occupants", metric: "occupancy", weekly: false, label: "近13周在住老人" },
  { id: "kpi-children", metric: "children", weekly: false, label: "近13周在院儿童" },
  { id: "kpi-rescue", metric: "rescues", weekly: true, label: "近13周每周救助" },
  { id: "kpi-hotline", metric: "hotlineCalls", weekly: true, label: "近13周每周来电" },
];

// Last month against the month before (环比) and a year earlier (同比), and the last 13 weeks.
async function renderHistory() {
  const [rows, weeks] = await Promise.all([fetchMonthRows(), fetchWeeks(code)]);
  const month = rows.get(code);
  if (month) {
    // The tile is narrow: the change in words, last month's figure where it is pointed at.
    const show = (id, figure, mom, yoy) => {
      const element = document.getElementById(`${id}-change`);
      element.textContent = mom === undefined ? figure : `上月${change("环比", mom)} · ${change("同比", yoy)}`;
      element.title = mom === undefined ? figure : `${figure} · ${element.textContent}`;
    };
    show("kpi-occupants", `上月末 ${format.count(month.elderlyCareOccupants)} 人`, month.occupantsMonthOnMonth, month.occupantsYearOnYear);
    show("kpi-children", `上月末 ${format.count(month.childWelfareOccupants)} 人`);
    show("kpi-rescue", `上月救助 ${format.count(month.rescueReceived)} 人次`, month.rescueMonthOnMonth, month.rescueYearOnYear);
    show("kpi-hotline", `上月来电 ${format.count(month.hotlineInbound)} 个`, month.hotlineMonthOnMonth, month.hotlineYearOnYear);
  }
  if (weeks) {
    for (const trend of TRENDS) {
      document.getElementById(`${trend.id}-trend`).replaceChildren(sparkline(weeks.metrics[trend.metric], trend));
    }
  }
}

async function start() {
  const { display, freshness } = await preparePage();
  const pager = createPager({
    viewport: document.getElementById("institutions-window"),
    body: document.getElementById("institutions"),
    indicator: document.getElementById("institutions-page"),
    turnEveryMs: display.pageTurnIntervalSeconds * 1000,
  });
  renderHistory();
  everyHistoryPeriod(renderHistory);
  connect({
    groups: [`county:${code}`],
    refreshEveryMs: freshness.refreshEveryMs,
    freshness,
    onData: (_, county) => render(display, pager, county),
    onState: showConnection,
  });
}

start();
