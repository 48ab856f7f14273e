// Creates the first administrator with the one-time link the console printed at start.
const token = new URLSearchParams(location.search).get("token") ?? "";

function firstError(problem, status) {
  const fields = problem?.errors ? Object.values(problem.errors).flat() : [];
  return fields[0] ?? problem?.detail ?? problem?.title ?? `创建失败（${status}）`;
}

document.getElementById("setup").addEventListener("submit", async event => {
  event.preventDefault();
  const error = document.getElementById("error");
  const password = document.getElementById("password").value;
  if (password !== document.getElementById("confirm").value) {
    error.textContent = "两次输入的密码不一致";
    return;
  }
  try {
    const response = await fetch("/api/v1/auth/setup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        token,
        login: document.getElementById("login").value.trim(),
        displayName: document.getElementById("display-name").value.trim(),
        password,
      }),
    });
    if (response.ok) {
      location.replace("/");
      return;
    }
    error.textContent = firstError(await response.json().catch(() => null), response.status);
  } catch {
    error.textContent = "无法连接服务器，请稍后再试";
  }
});
