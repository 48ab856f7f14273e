// Alerts as the alerts service publishes them ({version, asOf, alerts: [...]}, REST /api/v1/alerts and
// the hub group "alerts"), rendered as the wall's ticker and the duty console's list. Alerts carry
// places and counts only, never a caller's name.
import * as format from "./format.js";
import { writeHeaders } from "./session.js";

export const ALERTS_GROUP = "alerts";

const STATE_TEXT = { pending: "待确认", firing: "告警中", acknowledged: "已认领", resolved: "已解决" };
const STATE_ORDER = { firing: 0, pending: 1, acknowledged: 2, resolved: 3 };
const RULE_TEXT = { spike: "未保热线来电激增", "no-data": "数据未上报" };
const TICKER_PX_PER_SECOND = 70;

export function isFiring(board) {
  return board?.alerts?.some(alert => alert.state === "firing") ?? false;
}

// The places (county or city codes) with an open alert: firing, or acknowledged and being handled.
export function alertingScopes(board) {
  return new Set(board?.alerts?.filter(alert => alert.state === "firing" || alert.state === "acknowledged").map(alert => alert.scope) ?? []);
}

// The alerts service may not be deployed: null when it does not answer.
export async function fetchAlerts() {
  try {
    const response = await fetch("/api/v1/alerts");
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

// Firing first, then pending, acknowledged, resolved; escalated before others; newest first.
function ordered(alerts) {
  return [...alerts].sort((a, b) =>
    (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || b.level - a.level || Date.parse(b.openedAt) - Date.parse(a.openedAt));
}

const ruleText = alert => RULE_TEXT[alert.rule] ?? alert.rule;
const stateText = alert => (alert.level >= 2 && alert.state !== "resolved" ? `${STATE_TEXT[alert.state]} · 已升级` : STATE_TEXT[alert.state] ?? alert.state);

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

function tickerItem(alert) {
  const item = document.createElement("span");
  item.className = `ticker-item alert-${alert.state}`;
  item.append(
    span("alert-dot", alert.state === "firing" ? "■" : alert.state === "pending" ? "▲" : "●"),
    span("alert-time", format.time(alert.firedAt ?? alert.openedAt)),
    span("alert-scope", alert.scopeName),
    span("alert-rule", ruleText(alert)),
    span("alert-message", alert.message),
    span("alert-state", alert.state === "acknowledged" && alert.acknowledgedBy ? `已认领 ${alert.acknowledgedBy}` : stateText(alert)));
  return item;
}

// The ticker scrolls only when its items are wider than the strip, at a constant reading speed; it is
// rebuilt only when what it says changes, so the scroll does not restart with every push.
export function renderTicker(strip, board) {
  const open = board ? ordered(board.alerts.filter(alert => alert.state !== "resolved")) : [];
  const resolved = board ? board.alerts.length - open.length : 0;
  const signature = board ? JSON.stringify(open.map(alert => [alert.id, alert.state, alert.level, alert.message, alert.acknowledgedBy])) + resolved : "unavailable";
  if (strip.dataset.signature === signature) return;
  strip.dataset.signature = signature;
  strip.dataset.firing = String(isFiring(board));

  const track = document.createElement("div");
  track.className = "ticker-track";
  if (!board) {
    track.append(span("ticker-quiet", "告警服务不可用"));
  } else if (open.length === 0) {
    track.append(span("ticker-quiet", resolved > 0 ? `当前无告警 · 近24小时已解决 ${resolved} 条` : "当前无告警"));
  } else {
    track.append(...open.map(tickerItem));
  }
  strip.replaceChildren(track);

  const overflow = track.scrollWidth - strip.clientWidth;
  if (open.length > 0 && overflow > 0) {
    // A second copy follows the first, so the loop has no gap.
    track.append(...open.map(tickerItem));
    const distance = track.scrollWidth / 2;
    track.style.setProperty("--ticker-distance", `${-distance}px`);
    track.style.animationDuration = `${distance / TICKER_PX_PER_SECOND}s`;
    track.classList.add("scrolling");
  }
}

function when(label, iso, by) {
  return iso ? `${label} ${format.time(iso)}${by ? ` ${by}` : ""}` : null;
}

function alertCard(alert, onAction) {
  const card = document.createElement("article");
  card.className = `alert-card alert-${alert.state}${alert.level >= 2 ? " escalated" : ""}`;
  card.dataset.id = alert.id;
  card.dataset.state = alert.state;

  const head = document.createElement("div");
  head.className = "alert-head";
  head.append(span(`alert-state-chip alert-${alert.state}`, stateText(alert)), span("alert-scope", alert.scopeName), span("alert-rule", ruleText(alert)));
  if (alert.count > 1) head.append(span("alert-count", `第 ${alert.count} 次`));

  const times = [when("开始", alert.openedAt), when("触发", alert.firedAt), when("认领", alert.acknowledgedAt, alert.acknowledgedBy), when("解决", alert.resolvedAt, alert.resolvedBy)]
    .filter(Boolean).join(" · ");
  card.append(head, span("alert-message", alert.message), span("alert-times", times));

  if (alert.state !== "resolved") {
    const actions = document.createElement("div");
    actions.className = "alert-actions control";
    if (alert.state !== "acknowledged") actions.append(button("认领", () => onAction(alert, "ack")));
    actions.append(button("解决", () => onAction(alert, "resolve")));
    card.append(actions);
  }
  return card;
}

function button(text, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

// The duty console's list: open alerts first, then those resolved in the last 24 hours.
export function renderAlertList(list, board, onAction) {
  if (!board) {
    list.replaceChildren(span("alerts-empty", "告警服务不可用"));
    return;
  }
  list.replaceChildren(...(board.alerts.length === 0 ? [span("alerts-empty", "当前无告警")] : ordered(board.alerts).map(alert => alertCard(alert, onAction))));
}

// POST /api/v1/alerts/{id}/ack or /resolve; resolves to an error text in Chinese, or null on success.
export async function act(alert, action, by, note) {
  try {
    const response = await fetch(`/api/v1/alerts/${encodeURIComponent(alert.id)}/${action}`, {
      method: "POST",
      headers: await writeHeaders(),
      body: JSON.stringify({ by, note }),
    });
    if (response.ok) return null;
    const problem = await response.json().catch(() => null);
    return problem?.title ?? problem?.detail ?? `操作失败（${response.status}）`;
  } catch {
    return "无法连接服务器，操作未完成";
  }
}
