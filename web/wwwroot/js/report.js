// 机构填报: an institution's clerk on a phone. The reporting link (/report#<key>) carries a key that
// writes only this institution's events and reads only its figures. Every entry gets its event id
// here, when it is made, and stays in this browser until the server has answered for it: a dead
// network, a lost answer, a reload or a double tap never loses an entry or counts it twice.
import { count, time } from "./format.js";
import { keepOffline } from "./offline.js";

const KEY = "report.key";
const VIEW = "report.view";
const ENTRIES = "report.entries";
const SETTLED_KEPT = 20;
const REFRESH_MS = 60_000;
const ANSWER_WAIT_MS = 15_000;
const RETRY_MS = [2_000, 5_000, 15_000, 30_000];
// A second tap within this time is the same intent, not a second entry.
const TAP_GUARD_MS = 1_500;

// A home reports people and beds; a rescue station counts people one by one as they arrive and leave.
const HOME_KINDS = {
  admitted: { name: "入住", label: "入住人数", hint: "本次入住的人数", min: 1, max: 10_000, unit: "人",
    event: (entry) => ({ type: "institution.admitted", count: entry.amount }) },
  discharged: { name: "出院", label: "出院人数", hint: "本次出院（含离院、转出）的人数", min: 1, max: 10_000, unit: "人",
    event: (entry) => ({ type: "institution.discharged", count: entry.amount }) },
  census: { name: "清点在院人数", label: "清点后的在院人数", hint: "每日清点后填写实际在院总人数，系统据此校正", min: 0, max: 100_000, unit: "人",
    event: (entry) => ({ type: "institution.census", occupants: entry.amount }) },
  capacity: { name: "调整床位数", label: "调整后的床位总数", hint: "床位增减后填写现有床位总数", min: 0, max: 100_000, unit: "张",
    event: (entry) => ({ type: "institution.capacity", beds: entry.amount }) },
};

const STATION_KINDS = {
  received: { name: "救助登记", label: "受助人员", hint: "一人一条：有人来站求助时登记", min: 1, max: 1, unit: "人",
    event: () => ({ type: "rescue.received", minor: false }) },
  receivedMinor: { name: "未成年人登记", label: "受助未成年人", hint: "一人一条：未成年人来站时登记", min: 1, max: 1, unit: "人",
    event: () => ({ type: "rescue.received", minor: true }) },
  reunited: { name: "寻亲成功离站", label: "离站人员", hint: "在站时间最长的一人与家人团聚离站", min: 1, max: 1, unit: "人",
    event: () => ({ type: "rescue.reunited" }) },
  settled: { name: "落户安置离站", label: "离站人员", hint: "在站时间最长的一人落户安置离站", min: 1, max: 1, unit: "人",
    event: () => ({ type: "rescue.settled" }) },
};

const KINDS = { ...HOME_KINDS, ...STATION_KINDS };

const STATES = {
  pending: "待发送",
  accepted: "已计入",
  rejected: "未计入",
};

const element = id => document.getElementById(id);
const form = element("entry");
const amount = element("amount");
const submit = element("submit");

let key = takeKey();
let view = read(VIEW);
let entries = read(ENTRIES) ?? [];
let sending = false;
let failures = 0;
let retryTimer;
let linkProblem = false;

// A link opened from the QR code: keep its key, and take it out of the address bar, the history and
// any screenshot. A different link on the same phone replaces the institution's figures.
function takeKey() {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) {
    if (fromLink !== localStorage.getItem(KEY)) {
      localStorage.setItem(KEY, fromLink);
      localStorage.removeItem(VIEW);
    }
    history.replaceState(null, "", location.pathname);
  }
  return localStorage.getItem(KEY);
}

function read(name) {
  try {
    return JSON.parse(localStorage.getItem(name));
  } catch {
    return null;
  }
}

// The link opened twice (WeChat opens a new page each time it is tapped) gives two pages one storage:
// each saves what the other stored as well, and an answer either page got wins over "pending".
function saveEntries() {
  const merged = new Map((read(ENTRIES) ?? []).map(entry => [entry.id, entry]));
  for (const entry of entries) {
    if (merged.get(entry.id)?.state !== "accepted" && merged.get(entry.id)?.state !== "rejected") merged.set(entry.id, entry);
  }
  const all = [...merged.values()].sort((a, b) => b.at.localeCompare(a.at));
  entries = [...all.filter(entry => entry.state === "pending"), ...all.filter(entry => entry.state !== "pending").slice(0, SETTLED_KEPT)]
    .sort((a, b) => b.at.localeCompare(a.at));
  localStorage.setItem(ENTRIES, JSON.stringify(entries));
}

class LinkProblem extends Error {}

async function call(path, body) {
  const response = await fetch(path, {
    method: body ? "POST" : "GET",
    cache: "no-store",
    headers: { "X-Api-Key": key, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(ANSWER_WAIT_MS),
  });
  if (response.status === 401) throw new LinkProblem("此填报链接已失效（已被撤销或重新签发）。请向民政局管理员索取本机构新的填报链接或二维码。");
  if (response.status === 403) throw new LinkProblem("此链接无权填报，请使用本机构的填报链接。");
  return response;
}

async function problemText(response) {
  const problem = await response.json().catch(() => null);
  const details = Object.values(problem?.errors ?? {}).flat();
  return details.length ? details.join("；") : problem?.detail ?? problem?.title ?? `服务器答复 ${response.status}`;
}

async function refreshView() {
  if (!key || linkProblem) return;
  try {
    const response = await call("/api/v1/reporting/institution");
    if (!response.ok) {
      showLinkProblem(await problemText(response), response.status === 404);
      return;
    }
    reachable();
    view = { ...(await response.json()), readAt: new Date().toISOString() };
    localStorage.setItem(VIEW, JSON.stringify(view));
    renderView();
  } catch (error) {
    handleFailure(error);
  }
}

// One entry per request: a clerk makes a few a day, and each answer then belongs to exactly one entry.
// Entries made while a send is under way are sent in the same run. Answers "failed" (the retry is
// set), "refreshed" (entries counted and the figures read again) or "idle".
async function flush() {
  if (sending || !key || linkProblem) return "idle";
  sending = true;
  try {
    let sent = false;
    let accepted = false;
    for (let entry = oldestPending(); entry; entry = oldestPending()) {
      const response = await call("/api/v1/events", { events: [toEvent(entry)] });
      if (response.status === 429 || response.status >= 500) throw new Error(`服务器暂时不可用（${response.status}）`);
      sent = true;
      if (!response.ok) {
        settle(entry, "rejected", await problemText(response));
        continue;
      }
      const [result] = (await response.json()).results;
      settle(entry, result.status === "rejected" ? "rejected" : "accepted", result.reason);
      accepted ||= result.status !== "rejected";
    }
    if (sent) reachable();
    if (!accepted) return "idle";
    await refreshView();
    return "refreshed";
  } catch (error) {
    handleFailure(error);
    return "failed";
  } finally {
    sending = false;
  }
}

function oldestPending() {
  return [...entries].reverse().find(entry => entry.state === "pending");
}

function toEvent(entry) {
  const target = entry.kind in STATION_KINDS ? { stationId: entry.institutionId } : { institutionId: entry.institutionId };
  return { id: entry.id, occurredAt: entry.at, ...target, ...KINDS[entry.kind].event(entry) };
}

function settle(entry, state, reason) {
  entry.state = state;
  entry.reason = state === "rejected" ? reason : undefined;
  saveEntries();
  renderEntries();
}

function handleFailure(error) {
  if (error instanceof LinkProblem) {
    showLinkProblem(error.message, true);
    return;
  }
  renderNetwork(false);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(sync, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
}

async function sync() {
  if ((await flush()) === "idle") await refreshView();
}

// The server answered: the next failure waits the shortest time again.
function reachable() {
  failures = 0;
  renderNetwork(true);
}

function showLinkProblem(message, blocking) {
  linkProblem = blocking;
  element("link-problem").textContent = message;
  element("link-problem").hidden = false;
  submit.disabled = blocking;
}

function isStation() {
  return Boolean(view?.institution.rescue);
}

// The choices of this institution: a home's or a station's, the first one chosen.
function renderKinds() {
  const kinds = isStation() ? STATION_KINDS : HOME_KINDS;
  const fieldset = form.querySelector(".kinds");
  if (fieldset.dataset.station === String(isStation())) return;
  fieldset.dataset.station = String(isStation());
  fieldset.querySelectorAll("label").forEach(label => label.remove());
  fieldset.append(...Object.entries(kinds).map(([value, kind], index) => {
    const input = Object.assign(document.createElement("input"), { type: "radio", name: "kind", value, checked: index === 0 });
    const label = document.createElement("label");
    label.append(input, Object.assign(document.createElement("span"), { textContent: kind.name }));
    return label;
  }));
  selectKind();
}

// Census and capacity start from today's figure, so the clerk changes only what changed. A station
// registers one person at a time, so it has no number to set.
function selectKind() {
  const kind = KINDS[selectedKind()];
  const onePerson = kind.max === 1;
  element("amount-label").textContent = `${kind.label}（${kind.unit}）`;
  element("amount-label").hidden = onePerson;
  form.querySelector(".stepper").hidden = onePerson;
  element("hint").textContent = kind.hint;
  amount.min = kind.min;
  amount.max = kind.max;
  const current = view?.institution;
  amount.value = selectedKind() === "census" && current ? current.occupants
    : selectedKind() === "capacity" && current ? current.beds
    : kind.min;
  element("entry-error").textContent = "";
}

function selectedKind() {
  return form.elements.kind.value;
}

function step(by) {
  const kind = KINDS[selectedKind()];
  const value = Number.parseInt(amount.value, 10);
  amount.value = Math.min(kind.max, Math.max(kind.min, (Number.isFinite(value) ? value : kind.min) + by));
}

// Occupants as they will be once the entries still waiting here are counted.
function expectedOccupants() {
  if (!view) return null;
  return entries.filter(entry => entry.state === "pending" && entry.institutionId === view.institution.id).reverse()
    .reduce((occupants, entry) => entry.kind === "admitted" ? occupants + entry.amount
      : entry.kind === "discharged" ? occupants - entry.amount
      : entry.kind === "census" ? entry.amount
      : occupants, view.institution.occupants);
}

function confirmDischarge(requested, occupants) {
  const dialog = element("confirm");
  element("confirm-text").textContent = `出院 ${requested} 人多于当前在院的 ${occupants} 人，提交后会被拒绝。请核对人数，或先“清点在院人数”。仍要提交吗？`;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise(resolve => dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true }));
}

async function onSubmit(event) {
  event.preventDefault();
  if (submit.disabled) return;
  const kindName = selectedKind();
  const kind = KINDS[kindName];
  const value = Number(amount.value);
  if (!view) {
    element("entry-error").textContent = "尚未取得本机构信息：请在有网络时打开一次填报链接。";
    return;
  }
  if (!Number.isInteger(value) || value < kind.min || value > kind.max) {
    element("entry-error").textContent = `${kind.label}应为 ${kind.min} 到 ${count(kind.max)} 之间的整数`;
    return;
  }
  element("entry-error").textContent = "";
  guardTaps();
  const occupants = expectedOccupants();
  if (kindName === "discharged" && value > occupants && !(await confirmDischarge(value, occupants))) return;
  entries.unshift({ id: newEventId(), kind: kindName, amount: value, institutionId: view.institution.id, at: new Date().toISOString(), state: "pending" });
  saveEntries();
  renderEntries();
  flush();
}

function guardTaps() {
  submit.disabled = true;
  submit.textContent = "已记录";
  setTimeout(() => {
    submit.disabled = linkProblem;
    submit.textContent = "提交";
  }, TAP_GUARD_MS);
}

// 128 random bits, made on the phone: a resend after a lost answer carries the same id. getRandomValues,
// unlike randomUUID, also works on a plain-HTTP intranet address.
function newEventId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `m-${Array.from(bytes, byte => byte.toString(16).padStart(2, "0")).join("")}`;
}

function figures(institution) {
  const rescue = institution.rescue;
  return rescue
    ? [["在站人数", rescue.residents, "residents"], ["今日救助", rescue.today.received, "received-today"], ["本年救助", rescue.received, "received-year"]]
    : [["在院人数", institution.occupants, "occupants", institution.occupants > institution.beds], ["床位数", institution.beds, "beds"],
      ["空余床位", Math.max(0, institution.beds - institution.occupants), "available"]];
}

function renderView() {
  if (!view) return;
  const institution = view.institution;
  element("institution").textContent = institution.name;
  element("where").textContent = `${view.countyName} · ${institution.kindName}`;
  element("figures").replaceChildren(...figures(institution).map(([label, value, id, over]) => {
    const figure = document.createElement("div");
    figure.className = "figure";
    const number = Object.assign(document.createElement("strong"), { textContent: count(value), className: over ? "over" : "" });
    number.dataset.testid = id;
    figure.append(Object.assign(document.createElement("span"), { className: "label", textContent: label }), number);
    return figure;
  }));
  element("as-of").textContent = `数据更新于 ${time(view.readAt)}`;
  document.title = `${institution.name} · 机构填报`;
  renderKinds();
}

function renderEntries() {
  const list = element("entries");
  list.replaceChildren(...entries.map(entry => {
    const kind = KINDS[entry.kind];
    const item = document.createElement("li");
    item.className = `entry-item ${entry.state}`;
    item.dataset.state = entry.state;
    const what = document.createElement("span");
    what.className = "what";
    what.textContent = `${kind.name} ${count(entry.amount)} ${kind.unit}`;
    const when = document.createElement("span");
    when.className = "when";
    when.textContent = time(entry.at);
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = entry.state === "rejected" ? `${STATES.rejected}：${entry.reason ?? ""}` : STATES[entry.state];
    item.append(what, when, state);
    return item;
  }));
  element("no-entries").hidden = entries.length > 0;
  renderNetwork(navigator.onLine && failures === 0);
}

function renderNetwork(reachable) {
  const waiting = entries.filter(entry => entry.state === "pending").length;
  const network = element("network");
  network.hidden = waiting === 0 && reachable;
  network.classList.toggle("down", !reachable);
  network.textContent = reachable
    ? `正在发送 ${waiting} 条填报…`
    : waiting > 0 ? `网络不可用：${waiting} 条填报已保存在本机，恢复联网后自动发送。` : "网络不可用，显示的是上次取得的数据。";
}

form.addEventListener("submit", onSubmit);
form.addEventListener("change", event => {
  if (event.target.name === "kind") selectKind();
});
element("minus").addEventListener("click", () => step(-1));
element("plus").addEventListener("click", () => step(1));
window.addEventListener("online", sync);
// Another link opened in this tab: start over with its key.
window.addEventListener("hashchange", () => {
  takeKey();
  location.reload();
});
window.addEventListener("offline", () => renderNetwork(false));
// Another page of the same link saved entries: show them, and send what waits.
window.addEventListener("storage", event => {
  if (event.key !== ENTRIES) return;
  entries = read(ENTRIES) ?? [];
  renderEntries();
  flush();
});

if (!key) {
  showLinkProblem("请使用民政局管理员提供的本机构填报链接或二维码打开本页。", true);
} else {
  keepOffline();
  renderView();
  renderKinds();
  renderEntries();
  sync();
  setInterval(refreshView, REFRESH_MS);
}
