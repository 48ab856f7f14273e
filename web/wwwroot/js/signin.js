// The sign-in page: says why the visitor is here (a revoked wall, an ended session) and signs a person in.
const REASONS = {
  display: "此显示屏链接无效或已被撤销，请联系管理员重新获取显示屏链接。",
  revoked: "此显示屏或账户的授权已被撤销，请联系管理员。",
  expired: "登录已过期或尚未登录，请重新登录。",
  forbidden: "当前账户无权访问该页面，请使用有相应权限的账户登录。",
  sso: "统一身份认证登录未成功：您的账户可能未被授予看板权限，请联系管理员。",
};

const params = new URLSearchParams(location.search);
const reason = REASONS[params.get("reason")];
if (reason) {
  const element = document.getElementById("reason");
  element.textContent = reason;
  element.hidden = false;
}

// Only a path of this site: never an address elsewhere that a crafted link could send people to.
function returnUrl() {
  const target = params.get("returnUrl") ?? "/";
  return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/";
}

// Single sign-on beside local accounts, or instead of them, as the deployment is configured.
fetch("/api/v1/auth/options").then(response => (response.ok ? response.json() : null)).then(options => {
  if (!options) return;
  const sso = document.getElementById("sso");
  if (options.singleSignOn) {
    sso.textContent = options.singleSignOn;
    sso.href = `/signin/sso?returnUrl=${encodeURIComponent(returnUrl())}`;
    sso.hidden = false;
  }
  document.getElementById("signin").hidden = !options.localAccounts;
}).catch(() => {});

document.getElementById("signin").addEventListener("submit", async event => {
  event.preventDefault();
  const error = document.getElementById("error");
  error.textContent = "";
  try {
    const response = await fetch("/api/v1/auth/signin", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ login: document.getElementById("login").value.trim(), password: document.getElementById("password").value }),
    });
    if (response.ok) {
      location.replace(returnUrl());
      return;
    }
    const problem = await response.json().catch(() => null);
    error.textContent = problem?.detail ?? problem?.title ?? `登录失败（${response.status}）`;
  } catch {
    error.textContent = "无法连接服务器，请稍后再试";
  }
});
