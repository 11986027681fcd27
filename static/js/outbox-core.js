/* HybridPeaks outbox: workout logs kept on the phone until the server has them.
 *
 * Shared by the pages (outbox.js) and the service worker (sw.js, for Background Sync).
 * Each entry is stored under the log's own UUID, so sending it twice is harmless: the
 * server answers a replay with the stored log. States are the spec's: pending → synced,
 * or error after 3 failed tries (network or 5xx), or at once on a 4xx.
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
  const all = () => run("readonly", (store) => store.getAll());

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
      return failed(entry, "No connection to the server.");
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

  async function failed(entry, message) {
    entry.tries = (entry.tries || 0) + 1;
    entry.message = message;
    if (entry.tries >= MAX_TRIES) entry.state = "error";
    await put(entry);
    return entry;
  }

  /* Send every pending entry once; only while the browser believes it is online, so a phone
     in a basement does not use up its tries. */
  async function flush() {
    if (typeof navigator !== "undefined" && navigator.onLine === false) return all();
    for (const entry of await all()) {
      if (entry.state === "pending") await send(entry);
    }
    return all();
  }

  return { put, remove, all, send, flush, csrf: currentCsrf, MAX_TRIES };
})();
