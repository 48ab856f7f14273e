// 系统管理: an administrator's page. The institutions of the admin's counties with their reporting
// links (issue, reissue, revoke; a new link's QR code is shown once, to print), and the CSV imports
// with each bad row's reason.
import { dayTime } from "./format.js";
import { me, offerSignOut, writeHeaders } from "./session.js";

const element = id => document.getElementById(id);
let links = [];

async function problemLines(response) {
  const problem = await response.json().catch(() => null);
  const rows = Object.entries(problem?.errors ?? {}).map(([where, messages]) => `${where}：${messages.join("；")}`);
  return [problem?.title ?? problem?.detail ?? `服务器答复 ${response.status}`, ...(problem?.detail && problem?.title ? [problem.detail] : []), ...rows];
}

async function loadLinks() {
  const response = await fetch("/api/v1/admin/reporting", { cache: "no-store" });
  if (!response.ok) {
    element("links-summary").textContent = (await problemLines(response)).join(" ");
    return;
  }
  links = await response.json();
  const counties = [...new Map(links.map(link => [link.countyCode, link.countyName])).entries()];
  const select = element("county");
  const chosen = select.value;
  select.replaceChildren(new Option("全部", ""), ...counties.map(([code, name]) => new Option(name, code)));
  select.value = chosen;
  renderLinks();
}

function renderLinks() {
  const county = element("county").value;
  const search = element("search").value.trim();
  const shown = links.filter(link => (!county || link.countyCode === county)
    && (!search || link.institutionName.includes(search) || link.institutionId.includes(search)));
  const issued = links.filter(link => link.linkId).length;
  element("links-summary").textContent = `共 ${links.length} 个机构，已签发填报链接 ${issued} 个；显示 ${shown.length} 个`;
  element("links").tBodies[0].replaceChildren(...shown.map(row));
}

function row(link) {
  const cells = [
    `${link.institutionName}\n${link.institutionId}`,
    link.countyName,
    link.kindName,
    link.linkId ? `已签发 ${dayTime(link.issuedAt)}\n${link.issuedBy}` : "未签发",
    link.lastReportedAt ? dayTime(link.lastReportedAt) : "从未填报",
  ].map(text => {
    const cell = document.createElement("td");
    cell.textContent = text;
    return cell;
  });
  cells[3].classList.toggle("muted", !link.linkId);
  const actions = document.createElement("td");
  actions.className = "row-actions";
  actions.append(button(link.linkId ? "重新签发" : "签发", () => issue(link)));
  if (link.linkId) actions.append(button("撤销", () => revoke(link), "danger"));
  const tr = document.createElement("tr");
  tr.dataset.institution = link.institutionId;
  tr.append(...cells, actions);
  return tr;
}

function button(text, action, kind = "") {
  const control = document.createElement("button");
  control.type = "button";
  control.textContent = text;
  control.className = kind;
  control.addEventListener("click", action);
  return control;
}

async function issue(link) {
  if (link.linkId && !confirm(`重新签发后，${link.institutionName}现有的填报链接立即失效。继续吗？`)) return;
  const response = await fetch(`/api/v1/admin/reporting/${encodeURIComponent(link.institutionId)}`, { method: "POST", headers: await writeHeaders(), body: "{}" });
  if (!response.ok) {
    alert((await problemLines(response)).join("\n"));
    return;
  }
  const issued = await response.json();
  element("issued-name").textContent = issued.institutionName;
  element("issued-qr").src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(issued.qrCodeSvg)}`;
  element("issued-url").textContent = issued.url;
  element("issued").showModal();
  await loadLinks();
}

async function revoke(link) {
  if (!confirm(`撤销后，${link.institutionName}的手机将无法再填报，直到重新签发。继续吗？`)) return;
  const response = await fetch(`/api/v1/admin/reporting/${encodeURIComponent(link.institutionId)}`, { method: "DELETE", headers: await writeHeaders() });
  if (!response.ok) alert((await problemLines(response)).join("\n"));
  await loadLinks();
}

async function upload(event) {
  event.preventDefault();
  const form = event.target;
  const result = form.querySelector(".result");
  const file = form.elements.file.files[0];
  if (!file) return;
  const query = new URLSearchParams();
  for (const name of ["replace", "dryRun", "skipInvalid"]) {
    if (form.elements[name]?.checked) query.set(name, "true");
  }
  result.className = "result";
  result.textContent = "正在上传…";
  const type = file.name.toLowerCase().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
  const headers = { ...(await writeHeaders()), "Content-Type": type };
  const search = query.toString();
  const response = await fetch(`${form.dataset.path}${search ? `?${search}` : ""}`, { method: "POST", headers, body: file });
  const lines = response.ok ? describe(await response.json(), form.elements.dryRun?.checked) : await problemLines(response);
  result.classList.add(response.ok ? "ok" : "bad");
  const list = document.createElement("ul");
  list.append(...lines.slice(1).map(line => Object.assign(document.createElement("li"), { textContent: line })));
  result.replaceChildren(Object.assign(document.createElement("p"), { textContent: lines[0] }), list);
  if (response.ok) await loadLinks();
}

function describe(answer, dryRun) {
  if ("outsideHotline" in answer) {
    return [`已读取 ${answer.rows} 条工单：计入 ${answer.accepted} 条，此前已计入 ${answer.duplicates} 条，作为历史来电 ${answer.history} 条；`
      + `非未保工单 ${answer.outsideHotline} 条，跳过错误行 ${answer.invalid} 条（${answer.format}）`, ...answer.rejections];
  }
  if ("imported" in answer) {
    const verb = dryRun ? "预览：将导入" : "已导入";
    return [`${verb} ${answer.imported} 个机构，停用 ${answer.deactivated} 个（编码 ${answer.encoding}）`, ...(answer.deactivatedIds ?? []).map(id => `停用 ${id}`)];
  }
  return [`已导入 ${answer.lines} 条线路、${answer.days} 个线路日、${answer.hours} 个小时的历史来电（编码 ${answer.encoding}）`];
}

element("county").addEventListener("change", renderLinks);
element("search").addEventListener("input", renderLinks);
element("registry-import").addEventListener("submit", upload);
element("history-import").addEventListener("submit", upload);
element("workorder-import").addEventListener("submit", upload);
element("print").addEventListener("click", () => window.print());
element("copy").addEventListener("click", () => navigator.clipboard?.writeText(element("issued-url").textContent));

if (await me()) {
  offerSignOut(element("who"));
  await loadLinks();
}
