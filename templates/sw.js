{% load static %}/* HybridPeaks service worker: the athlete's pages open without a connection.
 *
 * The app shell (styles, scripts, icons) is kept at install. Athlete pages (/today/…) are
 * fetched from the network first and kept; offline, the kept copy answers. Background Sync
 * sends the outbox (outbox-core.js) when the connection returns.
 */
"use strict";
importScripts("{% static 'js/outbox-core.js' %}");

const SHELL = "hp-shell";
const PAGES = "hp-pages";
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

/* A new release names new (hashed) files: drop the old release's copies. */
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.open(SHELL)
      .then((cache) => cache.keys().then((requests) => Promise.all(
        requests.filter((request) => !SHELL_FILES.includes(new URL(request.url).pathname))
          .map((request) => cache.delete(request)))))
      .then(() => self.clients.claim())
  );
});

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(request, { ignoreVary: true });
    return kept || new Response(OFFLINE_NOTE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
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

self.addEventListener("sync", (event) => {
  if (event.tag !== "outbox") return;
  event.waitUntil(
    self.HP_OUTBOX.flush().then(() => self.clients.matchAll()).then((clients) => clients.forEach((client) => client.postMessage("outbox-changed")))
  );
});
