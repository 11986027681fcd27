{% load static %}/* HybridPeaks service worker: the athlete's pages open without a connection.
 *
 * The app shell (styles, scripts, icons) is kept at install. Athlete pages (/today/…) are
 * fetched from the network first and kept; offline, the kept copy answers. Background Sync
 * sends the outbox (outbox-core.js) when the connection returns.
 *
 * A phone may be shared: pages are kept per person, in the cache named by the HP-User header
 * the server puts on a signed-in answer (accounts/middleware.py), and offline only the last
 * signed-in person's copies answer. The Cache API keeps them although the answers say
 * `Cache-Control: no-store`: that header is for HTTP caches, and sign-out clears these.
 */
"use strict";
importScripts("{% static 'js/outbox-core.js' %}");

const SHELL = "hp-shell";
const CORE = self.HP_OUTBOX;
/* Only what the athlete's pages load: no htmx (they have no hx- attribute) and no install
   icons (the browser fetches those itself); every byte here is on a phone's first visit. */
const SHELL_FILES = [
  "{% static 'vendor/pico-2.1.1/pico.min.css' %}",
  "{% static 'css/app.css' %}",
  "{% static 'js/outbox-core.js' %}",
  "{% static 'js/outbox.js' %}",
  "{% static 'js/timezone.js' %}",
  "{% static 'icons/favicon.svg' %}",
];
const OFFLINE_PAGES = "{% url 'logging_app:today' %}";
const OFFLINE_NOTE = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Offline · HybridPeaks</title><h1>You are offline</h1>
<p>This page was not saved on this phone. Open <a href="${OFFLINE_PAGES}">Today</a>: it works offline once you have visited it with a connection.</p>`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

/* A new release names new (hashed) files: drop the old release's copies, and the pages kept
   before they were kept per person. */
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.delete("hp-pages").then(() => caches.open(SHELL))
      .then((cache) => cache.keys().then((requests) => Promise.all(
        requests.filter((request) => !SHELL_FILES.includes(new URL(request.url).pathname))
          .map((request) => cache.delete(request)))))
      .then(() => self.clients.claim())
  );
});

async function keptCopy(request) {
  const owner = await CORE.lastOwner();
  return owner && (await caches.open(CORE.pagesCache(owner))).match(request, { ignoreVary: true });
}

const OFFLINE = () => new Response(OFFLINE_NOTE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });

/* A server that is down (5xx: its database, a deploy) is no answer about who is signed in:
   the kept copy serves, as when offline. */
async function networkFirst(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    return (await keptCopy(request)) || OFFLINE();
  }
  if (response.status >= 500) return (await keptCopy(request)) || response;
  const owner = response.headers.get("HP-User") || "";
  await CORE.rememberOwner(owner);
  if (response.ok && owner) await (await caches.open(CORE.pagesCache(owner))).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(OFFLINE_PAGES)) {
    event.respondWith(networkFirst(request));
  } else if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
  }
});

/* The tag names whose outbox to send (outbox.js): the cookies sent are the phone's current
   ones, so another person's log would only be refused; it waits for its owner instead. */
self.addEventListener("sync", (event) => {
  if (!event.tag.startsWith(CORE.SYNC_PREFIX)) return;
  const owner = event.tag.slice(CORE.SYNC_PREFIX.length);
  event.waitUntil(
    CORE.lastOwner().then((current) => current === owner && CORE.flush(owner))
      .then(() => self.clients.matchAll()).then((clients) => clients.forEach((client) => client.postMessage("outbox-changed")))
  );
});
