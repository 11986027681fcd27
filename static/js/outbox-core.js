/* HybridPeaks outbox: workout logs kept on the phone until the server has them.
 *
 * Shared by the pages (outbox.js) and the service worker (sw.js, for Background Sync).
 * Each entry is stored under the log's own UUID, so sending it twice is harmless: the
 * server answers a replay with the stored log. States are the spec's: pending → synced,
 * or error after 3 failed tries (a 5xx), or at once on a 4xx. No connection and a 503 (the
 * server or its database is down) are not tries: the log waits, however long that takes.
 *
 * Each entry carries its owner (the signed-in person's id): on a shared phone a log waits
 * for its owner, and nobody else sees, sends or discards it.
 */
"use strict";

self.HP_OUTBOX = (() => {
  const DB_NAME = "hybridpeaks";
  const STORE = "outbox";
  const MAX_TRIES = 3;

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function run(mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => { db.close(); resolve(result && result.result); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    });
  }

  const put = (entry) => run("readwrite", (store) => store.put(entry));
  const remove = (id) => run("readwrite", (store) => store.delete(id));
  /* The owner's entries only; entries saved before owners existed belong to nobody here. */
  const all = async (owner) => (await run("readonly", (store) => store.getAll()))
    .filter((entry) => entry.owner === owner);

  function describe(errors) {
    if (!errors || typeof errors !== "object") return "The server refused this log.";
    return Object.entries(errors).map(([field, message]) => `${field}: ${message}`).join("; ");
  }

  /* The page's current token (a new sign-in changes it); the service worker, which cannot
     read cookies, uses the one saved with the entry. */
  function currentCsrf() {
    if (typeof document === "undefined") return "";
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  async function send(entry) {
    let response;
    try {
      response = await fetch(entry.url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": currentCsrf() || entry.csrf },
        body: JSON.stringify(entry.body),
      });
    } catch (networkError) {
      return waiting(entry, "No connection to the server: it is sent when there is one.");
    }
    if (response.status === 503) {
      return waiting(entry, "The server is down for a moment: this log is sent when it is back.");
    }
    if (response.status === 200 || response.status === 201) {
      entry.state = "synced";
      entry.message = "";
      entry.syncedAt = new Date().toISOString();
    } else if (response.status >= 400 && response.status < 500) {
      let payload = {};
      try { payload = await response.json(); } catch (ignored) { /* not JSON */ }
      entry.state = "error";
      if (response.status === 409) {
        entry.message = "This session already has another log on the server.";
      } else if (response.status === 401 || response.status === 403) {
        entry.message = "Sign in again, then retry: this log is kept on the phone.";
      } else {
        // The server's words, each naming the field as the form does (api.py `messages`).
        entry.messages = payload.messages || null;
        entry.message = payload.messages ? Object.values(payload.messages).join(" ") : describe(payload.errors);
      }
    } else {
      return failed(entry, `The server had a problem (${response.status}).`);
    }
    await put(entry);
    return entry;
  }

  async function waiting(entry, message) {
    entry.message = message;
    await put(entry);
    return entry;
  }

  async function failed(entry, message) {
    entry.tries = (entry.tries || 0) + 1;
    entry.message = message;
    if (entry.tries >= MAX_TRIES) entry.state = "error";
    await put(entry);
    return entry;
  }

  /* Send the owner's pending entries once; only while the browser believes it is online. */
  async function flush(owner) {
    if (typeof navigator !== "undefined" && navigator.onLine === false) return all(owner);
    return oneSenderAtATime(async () => {
      for (const entry of await all(owner)) {
        if (entry.state === "pending") await send(entry);
      }
      return all(owner);
    });
  }

  /* The page and the service worker (Background Sync) both flush when the connection comes
     back. A replay is harmless on the server, but two senders at once double the traffic and
     race each other's writes of an entry's state; a Web Lock lets one finish first, and the
     next then finds the entries already synced. */
  function oneSenderAtATime(work) {
    const locks = typeof navigator !== "undefined" && navigator.locks;
    return locks ? locks.request("hp-outbox", work) : work();
  }

  /* The offline copy of an owner's pages, and the Background Sync tag for their entries:
     named by owner, so the next person on the phone finds neither. */
  const pagesCache = (owner) => `hp-pages-${owner}`;
  const SYNC_PREFIX = "outbox:";

  /* Whose kept pages answer offline: the last signed-in page's person. Set by that page and
     by the service worker from each answer's HP-User header; a signed-out answer forgets it. */
  const OWNER_CACHE = "hp-owner";
  const OWNER_KEY = "/hp-owner";

  async function lastOwner() {
    const kept = await (await caches.open(OWNER_CACHE)).match(OWNER_KEY);
    return kept ? kept.text() : "";
  }

  async function rememberOwner(owner) {
    const cache = await caches.open(OWNER_CACHE);
    if (owner) await cache.put(OWNER_KEY, new Response(owner));
    else await cache.delete(OWNER_KEY);
  }

  return {
    put, remove, all, send, flush, csrf: currentCsrf,
    pagesCache, SYNC_PREFIX, lastOwner, rememberOwner, MAX_TRIES,
  };
})();
