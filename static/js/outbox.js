/* HybridPeaks on the athlete's phone: the offline copy, the log form and the outbox panel.
 *
 * Progressive enhancement: every page works without this file. With it, the log form is
 * saved to the phone first (IndexedDB, outbox-core.js) and sent through the sync API, so a
 * workout logged with no signal is kept and sent when the connection returns.
 */
"use strict";

(() => {
  const script = document.currentScript;
  const API = script.dataset.api;
  const SW = script.dataset.sw;
  const TODAY = script.dataset.today;
  const PAGES = "hp-pages";
  const core = self.HP_OUTBOX;  // outbox-core.js, loaded just before this file

  /* --- The offline copy ---------------------------------------------------------------- */

  async function keepWeekOffline() {
    // Offline, the copies are what the page came from: re-adding them would only replace
    // each kept page with itself, and a page opened meanwhile could miss it.
    if (!("caches" in window) || navigator.onLine === false) return;
    const listed = document.querySelectorAll("[data-offline-urls] li");
    if (!listed.length && !document.querySelector("[data-offline-urls]")) return;
    const urls = [location.pathname, ...Array.from(listed, (li) => li.textContent.trim())];
    const cache = await caches.open(PAGES);
    for (const url of urls) {
      // Only what is not kept yet: visiting a page online refreshes its copy (sw.js), and
      // replacing a kept copy here could lose it if the page is left halfway. One at a time:
      // a phone on a weak connection, and a small server, both prefer it.
      if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
    }
  }

  /* --- The log form: its inputs become the log's JSON ---------------------------------- */

  function typed(raw, kind) {
    if (kind === "boolean") return ["true", "on", "1"].includes(raw);
    if ((kind === "number" || kind === "integer") && !Number.isNaN(Number(raw))) return Number(raw);
    return raw;  // text that is not a number stays text, and the server's schema says so
  }

  /* Mirrors logging_app/formdata.py: the name is the JSON path, data-json the kind of value,
     data-empty what an empty input means ("omit" the key, "null", or "drop" its object). */
  function actualData(form) {
    const document_ = {};
    const drops = [];
    for (const input of form.querySelectorAll("[data-json]")) {
      const raw = input.type === "checkbox" ? String(input.checked) : input.value.trim();
      const parts = input.name.slice("actualData.".length).split(".");
      const rule = input.dataset.empty;
      if (raw === "" && rule === "omit") continue;
      if (raw === "" && rule === "drop") { drops.push(parts.slice(0, -1)); continue; }
      let node = document_;
      for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
      node[parts[parts.length - 1]] = raw === "" ? null : typed(raw, input.dataset.json);
    }
    for (const parent of drops) {
      let node = document_;
      for (const part of parent.slice(0, -1)) node = node[part] || {};
      delete node[parent[parent.length - 1]];
    }
    return lists(document_);
  }

  function lists(node) {
    if (node === null || typeof node !== "object") return node;
    const keys = Object.keys(node);
    if (keys.length && keys.every((key) => /^\d+$/.test(key))) {
      return keys.sort((a, b) => a - b).map((key) => lists(node[key]));
    }
    return Object.fromEntries(keys.map((key) => [key, lists(node[key])]));
  }

  function logBody(form) {
    const field = (name) => form.querySelector(`[data-field="${name}"]`).value.trim();
    const finished = field("completedAt");
    return {
      id: form.querySelector("input[name=id]").value,
      sessionId: form.dataset.sessionId,
      completedAt: finished ? new Date(finished).toISOString() : new Date().toISOString(),
      actualData: actualData(form),
      rpe: field("rpe") ? Number(field("rpe")) : null,
      notes: field("notes") || null,
    };
  }

  /* Adding or removing a set happens on the phone (it must work offline); names are
     renumbered so the JSON paths stay in order. */
  function renumber(tbody, exercise) {
    tbody.querySelectorAll("[data-set]").forEach((row, index) => {
      row.querySelector("th").textContent = String(index + 1);
      row.querySelectorAll("input").forEach((input) => {
        input.name = input.name.replace(/(exercises\.\d+\.sets\.)\d+/, `$1${index}`);
        input.setAttribute("aria-label", input.getAttribute("aria-label").replace(/^Set \d+/, `Set ${index + 1}`));
      });
      const remove = row.querySelector("[data-remove-set]");
      remove.value = `remove-set:${exercise}:${index}`;
      remove.setAttribute("aria-label", `Remove set ${index + 1}`);
    });
  }

  function changeSets(button) {
    const fieldset = button.closest("[data-exercise]");
    const tbody = fieldset.querySelector("[data-sets]");
    if (button.hasAttribute("data-add-set")) {
      const rows = tbody.querySelectorAll("[data-set]");
      if (!rows.length) return false;  // nothing to copy: let the server draw the row
      tbody.appendChild(rows[rows.length - 1].cloneNode(true));
    } else {
      button.closest("[data-set]").remove();
    }
    renumber(tbody, fieldset.dataset.exercise);
    return true;
  }

  async function saveLog(form) {
    const entry = {
      id: form.querySelector("input[name=id]").value,
      url: API,
      csrf: core.csrf(),
      body: logBody(form),
      label: document.querySelector("h1").textContent.trim().replace(/\s+/g, " "),
      state: "pending",
      tries: 0,
      message: "",
      savedAt: new Date().toISOString(),
    };
    await core.put(entry);  // on the phone first: nothing typed is lost from here on
    await core.flush();
    requestBackgroundSync();
    const stored = (await core.all()).find((item) => item.id === entry.id);
    if (stored && stored.state === "error") {
      showOutbox();
      document.getElementById("outbox").scrollIntoView();
      return;
    }
    location.assign(TODAY);
  }

  function enhanceLogForm() {
    const form = document.querySelector("[data-log-form]");
    if (!form) return;
    form.addEventListener("submit", (event) => {
      const button = event.submitter;
      if (button && (button.hasAttribute("data-add-set") || button.hasAttribute("data-remove-set"))) {
        if (changeSets(button)) event.preventDefault();
        return;
      }
      event.preventDefault();
      saveLog(form).catch(() => form.submit());
    });
  }

  /* --- The outbox panel ---------------------------------------------------------------- */

  const WORDS = { pending: "waiting to sync", synced: "synced", error: "not synced" };

  async function showOutbox() {
    const panel = document.getElementById("outbox");
    if (!panel) return;
    const entries = (await core.all()).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    const waiting = entries.filter((entry) => entry.state !== "synced");
    panel.replaceChildren();
    for (const card of document.querySelectorAll("[data-session-id]")) {
      const entry = entries.find((item) => item.body.sessionId === card.dataset.sessionId);
      const state = card.querySelector("[data-state]");
      if (entry && state) state.textContent = entry.state === "synced" ? "done" : WORDS[entry.state];
    }
    if (!entries.length) { panel.hidden = true; return; }
    panel.hidden = false;
    const heading = document.createElement("h2");
    heading.textContent = waiting.length
      ? `${waiting.length} log${waiting.length > 1 ? "s" : ""} on this phone not yet on the server`
      : "All logs are synced";
    panel.appendChild(heading);
    const list = document.createElement("ul");
    for (const entry of entries.slice(-10)) {
      const item = document.createElement("li");
      item.className = `outbox-${entry.state}`;
      item.dataset.outboxId = entry.id;
      item.textContent = `${entry.label}: ${WORDS[entry.state]}`;
      if (entry.message && entry.state !== "synced") {
        const why = document.createElement("p");
        why.textContent = entry.message;
        item.appendChild(why);
      }
      if (entry.state === "error") {
        item.append(button("Retry", () => retry(entry)), button("Discard", () => discard(entry)));
      }
      list.appendChild(item);
    }
    panel.appendChild(list);
  }

  function button(text, action) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "secondary outline";
    element.textContent = text;
    element.addEventListener("click", action);
    return element;
  }

  async function retry(entry) {
    Object.assign(entry, { state: "pending", tries: 0, message: "", csrf: core.csrf() || entry.csrf });
    await core.put(entry);
    await core.flush();
    showOutbox();
  }

  async function discard(entry) {
    if (!window.confirm("Discard this log? It has not reached the server and will be lost.")) return;
    await core.remove(entry.id);
    showOutbox();
  }

  async function sync() {
    await core.flush();
    await showOutbox();
  }

  function requestBackgroundSync() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready
      .then((registration) => registration.sync && registration.sync.register("outbox"))
      .catch(() => undefined);
  }

  if ("serviceWorker" in navigator && SW) {
    navigator.serviceWorker.register(SW, { scope: "/" }).catch(() => undefined);
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data === "outbox-changed") showOutbox();
    });
  }
  window.addEventListener("online", sync);
  enhanceLogForm();
  sync().catch(() => undefined);
  keepWeekOffline().catch(() => undefined);
})();
