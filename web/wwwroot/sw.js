// The pages' offline copy. A wall switched on while its server is unreachable still gets its page,
// scripts, styles, libraries, display settings and county map from here, and then shows the figures it
// kept from its last visit (kept.js), marked stale, until the server answers; a clerk's reporting page
// opens without a signal and keeps its entries until they are sent. Every request goes to the
// network first, so a reachable server always wins; only what a page needs to start is kept, never
// figures, sessions or anything a redirect to the sign-in page answered.
const CACHE = "dashboard-pages-v1";
const KEPT = [/^\/(county\/[^/]+|leader|duty|carousel|report)?$/, /^\/(js|css|lib)\//, /^\/api\/v1\/display(\/map)?$/];
const NETWORK_WAIT_MS = 5000;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

// A page's first visit happens before this worker controls it: the page then sends what it loaded,
// and the worker keeps those of them a page needs to start, and answers when they are kept.
self.addEventListener("message", event => {
  const urls = (event.data?.keep ?? []).filter(url => isKept(new URL(url, self.location.origin)));
  event.waitUntil(caches.open(CACHE)
    .then(cache => Promise.all(urls.map(url => fetch(url).then(response => (response.ok && !response.redirected ? cache.put(url, response) : null)))))
    .then(() => event.source?.postMessage({ kept: urls.length }), () => {}));
});

function isKept(url) {
  return url.origin === self.location.origin && KEPT.some(pattern => pattern.test(url.pathname));
}

self.addEventListener("fetch", event => {
  if (event.request.method !== "GET" || !isKept(new URL(event.request.url))) return;
  event.respondWith(networkFirst(event.request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(NETWORK_WAIT_MS) });
    if (response.ok && !response.redirected) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}
