// The page's offline copy (sw.js). Its first load came before the worker, so once the page has fetched
// what it needs to start, it tells the worker what that was; <html data-offline="ready"> once kept.
const KEEP_AFTER_MS = 3000;

export function keepOffline() {
  const workers = navigator.serviceWorker;
  if (!workers) return;
  workers.register("/sw.js").catch(() => {});
  workers.addEventListener("message", event => {
    if (event.data?.kept !== undefined) document.documentElement.dataset.offline = "ready";
  });
  workers.ready.then(registration => setTimeout(() => {
    const loaded = performance.getEntriesByType("resource").map(entry => entry.name);
    registration.active?.postMessage({ keep: [location.href, ...loaded] });
  }, KEEP_AFTER_MS));
}
