// The page's session: who it is signed in as, the antiforgery token its writes carry, and what it
// does when the session ends (a revoked display token, a disabled user, an idle timeout): it forgets
// what it kept for offline use and goes to the sign-in page, which says why in Chinese.
import { forgetKept } from "./kept.js";

let current;

// GET /api/v1/auth/me once per page; null when the page is not signed in (the caller is sent away).
export async function me() {
  current ??= fetch("/api/v1/auth/me", { cache: "no-store" }).then(async response => {
    if (response.status === 401) {
      signedOut("expired");
      return null;
    }
    return response.ok ? response.json() : null;
  }).catch(() => null);
  const result = await current;
  if (!result) current = undefined;
  return result;
}

// Headers for a write: JSON, and the antiforgery token of this session.
export async function writeHeaders() {
  const session = await me();
  return { "Content-Type": "application/json", ...(session?.csrfToken ? { "X-CSRF-TOKEN": session.csrfToken } : {}) };
}

// A person (not a wall) can end the session from any page: the shared console changes hands.
export async function offerSignOut(container) {
  const session = await me();
  if (!session || !["user", "sso"].includes(session.kind)) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "control sign-out";
  button.textContent = `${session.name} · 退出`;
  button.addEventListener("click", async () => {
    await fetch("/api/v1/auth/signout", { method: "POST", headers: await writeHeaders() }).catch(() => null);
    await forget();
    location.replace("/signin");
  });
  container.append(button);
}

// The figures kept in this browser and the pages' offline copy.
async function forget() {
  forgetKept();
  // Pages served over plain HTTP (not localhost) have no caches and no offline copy.
  const caches = globalThis.caches;
  if (caches) await Promise.all((await caches.keys()).map(name => caches.delete(name))).catch(() => {});
}

export async function signedOut(reason) {
  await forget();
  const back = encodeURIComponent(location.pathname + location.search);
  location.replace(`/signin?reason=${encodeURIComponent(reason)}&returnUrl=${back}`);
}

// After a connection failed: if the reason is that the session ended, leave; otherwise keep retrying.
export async function checkSession() {
  try {
    const response = await fetch("/api/v1/auth/me", { cache: "no-store" });
    if (response.status === 401) signedOut("expired");
  } catch {
    // The server is unreachable: the connection keeps retrying.
  }
}
