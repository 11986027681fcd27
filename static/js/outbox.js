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
  const OWNER = script.dataset.user;  // the signed-in athlete: this phone may be shared
  const core = self.HP_OUTBOX;  // outbox-core.js, loaded just before this file
  const PAGES = core.pagesCache(OWNER);

  /* --- The offline copy ---------------------------------------------------------------- */

  async function keepWeekOffline() {
    // Offline, the copies are what the page came from: re-adding them would only replace
    // each kept page with itself, and a page opened meanwhile could miss it.
    if (!("caches" in window) || navigator.onLine === false) return;
    const listed = document.querySelectorAll("[data-offline-urls] li");
    if (!listed.length && !document.querySelector("[data-offline-urls]")) return;
    const urls = [location.pathname, ...Array.from(listed, (li) => li.textContent.trim())];
    await core.rememberOwner(OWNER);
    const cache = await caches.open(PAGES);
    for (const url of urls) {
      // Only what is not kept yet: visiting a page online refreshes its copy (sw.js), and
      // replacing a kept copy here could lose it if the page is left halfway. One at a time:
      // a phone on a weak connection, and a small server, both prefer it.
      if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
    }
    // For people and tests alike: the week is on the phone now.
    document.documentElement.dataset.offline = "kept";
  }

  /* --- The log form: its inputs become the log's JSON ---------------------------------- */

  /* The page carries the server's own tables (#log-rules): each field's kind and what an empty
     input means (logging_app/formdata.py), and the schema's limits with their rule in words
     (hybridpeaks/json_validation.number_rules). Nothing here repeats a number by hand. */
  const RULES = (() => {
    const element = document.getElementById("log-rules");
    return element ? JSON.parse(element.textContent) : { fields: {}, numbers: {} };
  })();
  const EMPTY = { null: null, zero: 0 };

  function typed(raw, kind) {
    if (kind === "boolean") return ["true", "on", "1"].includes(raw);
    if ((kind === "number" || kind === "integer") && raw !== "" && !Number.isNaN(Number(raw))) return Number(raw);
    return raw;  // text that is not a number stays text, and the server's schema says so
  }

  // A set hidden by "− Set" has its inputs disabled: it is not part of the log.
  const dataInputs = (form) => Array.from(form.querySelectorAll("[name^='actualData.']"))
    .filter((input) => !input.disabled);

  /* Mirrors formdata.form_document + settle: the name is the JSON path; a later input of the
     same name wins (a checkbox after its hidden "false"). */
  function actualData(form) {
    const values = new Map();
    for (const input of dataInputs(form)) {
      values.set(input.name, input.type === "checkbox" ? String(input.checked) : input.value.trim());
    }
    const document_ = {};
    const drops = [];
    for (const [name, raw] of values) {
      const parts = name.slice("actualData.".length).split(".");
      const [kind, rule] = RULES.fields[parts[parts.length - 1]] || [];
      if (!kind) continue;
      if (raw === "" && rule === "omit") continue;
      if (raw === "" && rule === "drop") { drops.push(parts.slice(0, -1)); continue; }
      let node = document_;
      for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
      node[parts[parts.length - 1]] = raw === "" ? EMPTY[rule] : typed(raw, kind);
    }
    for (const parent of drops) {
      let node = document_;
      for (const part of parent.slice(0, -1)) node = node[part] || {};
      delete node[parent[parent.length - 1]];
    }
    return settle(lists(document_));
  }

  function lists(node) {
    if (node === null || typeof node !== "object") return node;
    const keys = Object.keys(node);
    if (keys.length && keys.every((key) => /^\d+$/.test(key))) {
      return keys.sort((a, b) => a - b).map((key) => lists(node[key]));
    }
    return Object.fromEntries(keys.map((key) => [key, lists(node[key])]));
  }

  /* Ticks become the log, as formdata.settle: only sets ticked done stay; none → skipped. */
  function settle(document_) {
    for (const exercise of document_.exercises || []) {
      const done = (exercise.sets || []).filter((set) => set.done);
      done.forEach((set) => delete set.done);
      exercise.sets = done;
      if (!done.length) exercise.skipped = true;
    }
    return document_;
  }

  /* Wall time now in the athlete's profile zone ("2026-12-01T18:30"), whatever the phone's. */
  function wallNow(zone) {
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    const part = Object.fromEntries(format.formatToParts(new Date()).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
  }

  function logBody(form) {
    const field = (name) => { const input = form.elements[name]; return input ? input.value.trim() : ""; };
    return {
      id: field("id"),
      sessionId: form.dataset.sessionId,
      // As typed: wall time in the profile's zone; the server reads it there (log_input.py).
      completedAt: field("completedAt") || null,
      actualData: actualData(form),
      rpe: field("rpe") ? Number(field("rpe")) : null,
      notes: field("notes") || null,
    };
  }

  /* --- Errors in words, next to their field ---------------------------------------------- */

  const shapeOf = (name) => name.slice("actualData.".length).replace(/\.\d+(?=\.|$)/g, ".*");

  /* The phone's check, before the outbox takes the log: the schema's numbers, by the server's
     rules and in its words (log_input.in_words says the same). */
  function problems(form) {
    const found = {};
    for (const input of dataInputs(form)) {
      const rule = RULES.numbers[shapeOf(input.name)];
      const row = input.closest("[data-set]");
      const tick = row && row.querySelector("input[type=checkbox]");
      if (!rule || input.type !== "text" || (tick && !tick.checked)) continue;
      const raw = input.value.trim();
      const empty = (RULES.fields[input.name.split(".").pop()] || [])[1];
      if (raw === "" && empty !== "omit") continue;
      const number = Number(raw);
      const fits = raw !== "" && !Number.isNaN(number) && (rule.kind !== "integer" || Number.isInteger(number))
        && (rule.min === null || number >= rule.min) && (rule.max === null || number <= rule.max);
      if (!fits) found[input.name] = `${input.getAttribute("aria-label")} ${rule.says}`;
    }
    if (form.elements.completedAt && !form.elements.completedAt.value) {
      found.completedAt = "Finished at: enter the date and time you finished";
    }
    return found;
  }

  function showErrors(form, messages) {
    form.querySelectorAll(".lf-err").forEach((element) => element.remove());
    form.querySelectorAll("[aria-invalid]").forEach((element) => element.removeAttribute("aria-invalid"));
    const summary = document.querySelector("[data-errors]");
    const list = summary.querySelector("ul");
    list.replaceChildren();
    for (const [name, message] of Object.entries(messages)) {
      const input = form.elements[name.replace(/\[(\d+)\]/g, ".$1")];
      const item = document.createElement("li");
      item.textContent = message;
      list.appendChild(item);
      if (!input || !input.setAttribute) continue;
      input.setAttribute("aria-invalid", "true");
      const note = document.createElement("small");
      note.className = "lf-err";
      note.textContent = message;
      (input.closest("[data-set]") || input.closest("label") || input.parentElement).appendChild(note);
    }
    summary.hidden = !list.children.length;
    if (!summary.hidden) summary.scrollIntoView({ block: "nearest" });
  }

  /* --- Sets: done ticks, one more, one fewer, as planned ---------------------------------- */

  /* Names are renumbered so the JSON paths stay in order; labels follow. */
  function renumber(rows) {
    rows.forEach((row, index) => {
      row.querySelector(".lf-tick").lastChild.textContent = String(index + 1);
      row.querySelectorAll("input").forEach((input) => {
        input.name = input.name.replace(/(sets\.)\d+/, `$1${index}`);
        input.setAttribute("aria-label", input.getAttribute("aria-label").replace(/^Set \d+/, `Set ${index + 1}`));
      });
    });
  }

  function changeSets(button) {
    const fieldset = button.closest("[data-exercise]");
    const rows = Array.from(fieldset.querySelectorAll("[data-set]"));
    const shown = rows.filter((row) => !row.hidden);
    const planned = Number(fieldset.dataset.planned);
    if (button.hasAttribute("data-add-set")) {
      const hidden = rows.find((row) => row.hidden);
      if (hidden) return show(hidden, true);
      if (!shown.length || rows.length >= 50) return false;
      const copy = shown[shown.length - 1].cloneNode(true);
      copy.querySelectorAll(".lf-err").forEach((element) => element.remove());
      copy.querySelectorAll("input").forEach((input) => { input.defaultValue = input.value; });
      copy.querySelector("input[type=checkbox]").checked = true;
      copy.dataset.extra = "";
      shown[shown.length - 1].after(copy);
      renumber([...rows, copy]);
    } else {
      const last = shown[shown.length - 1];
      if (!last) return true;
      // A planned row is hidden, not removed, so "Done as planned" can bring it back.
      if (last.hasAttribute("data-extra") || rows.indexOf(last) >= planned) last.remove();
      else show(last, false);
    }
    return true;
  }

  function show(row, visible) {
    row.hidden = !visible;
    row.querySelectorAll("input").forEach((input) => { input.disabled = !visible; });
    return true;
  }

  /* The form as drawn from the plan (the inputs' default values), every set ticked. */
  function asPlanned(form) {
    form.querySelectorAll("[data-set][data-extra]").forEach((row) => row.remove());
    form.querySelectorAll("[data-set]").forEach((row) => {
      show(row, true);
      row.querySelectorAll("input").forEach((input) => {
        if (input.type === "checkbox") input.checked = true;
        else input.value = input.defaultValue;
      });
    });
    form.querySelectorAll("[data-exercise] .lf-acts input[type=checkbox]").forEach((box) => { box.checked = false; });
  }

  async function saveLog(form) {
    const mistakes = problems(form);
    showErrors(form, mistakes);
    if (Object.keys(mistakes).length) return;
    const entry = {
      id: form.elements.id.value,
      owner: OWNER,
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
    await core.flush(OWNER);
    requestBackgroundSync();
    const stored = (await core.all(OWNER)).find((item) => item.id === entry.id);
    if (stored && stored.state === "error") {
      if (stored.messages) showErrors(form, stored.messages);
      showOutbox();
      return;
    }
    location.assign(TODAY);
  }

  function enhanceLogForm() {
    const form = document.querySelector("[data-log-form]");
    if (!form) return;
    const finished = form.elements.completedAt;
    // A kept (offline) copy was drawn earlier: "now" is when the form is opened.
    if (finished && finished.hasAttribute("data-now")) finished.value = wallNow(form.dataset.zone);
    form.addEventListener("submit", (event) => {
      const button = event.submitter;
      if (button && (button.hasAttribute("data-add-set") || button.hasAttribute("data-remove-set"))) {
        if (changeSets(button)) event.preventDefault();
        return;
      }
      event.preventDefault();
      if (button && button.hasAttribute("data-as-planned")) { asPlanned(form); return; }
      saveLog(form).catch(() => form.submit());
    });
  }

  /* --- The outbox panel ---------------------------------------------------------------- */

  const WORDS = { pending: "waiting to sync", synced: "synced", error: "not synced" };

  async function showOutbox() {
    const panel = document.getElementById("outbox");
    if (!panel) return;
    const entries = (await core.all(OWNER)).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    const waiting = entries.filter((entry) => entry.state !== "synced");
    panel.replaceChildren();
    markCards(entries);
    if (!entries.length) { panel.hidden = true; panel.dataset.shown = "empty"; return; }
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
    panel.dataset.shown = waiting.length ? "waiting" : "synced";
  }

  /* A log on this phone counts as done: its card says so, offers no "Log it", and the day's
     "N of M left" agrees. A refused one is not done: it can be logged again. */
  function markCards(entries) {
    for (const card of document.querySelectorAll("article[data-session-id]")) {
      const entry = entries.find((item) => item.body.sessionId === card.dataset.sessionId);
      if (!entry) continue;
      const done = entry.state !== "error";
      card.classList.toggle("is-pending", entry.state === "pending");
      card.classList.toggle("is-done", done || card.classList.contains("is-done"));
      const state = card.querySelector("[data-state]");
      if (state) state.textContent = entry.state === "pending" ? "done, waiting to sync" : entry.state === "synced" ? "done" : WORDS.error;
      const link = card.querySelector(".log-it");
      if (link) link.hidden = done;
    }
    const summary = document.querySelector("[data-left]");
    if (!summary) return;
    const cards = document.querySelectorAll("article[data-session-id]");
    const left = Array.from(cards).filter((card) => !card.classList.contains("is-done")).length;
    summary.querySelector("[data-left-count]").textContent = String(left);
    summary.querySelector("[data-left-some]").hidden = !left;
    summary.querySelector("[data-left-none]").hidden = Boolean(left);
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
    await core.flush(OWNER);
    showOutbox();
  }

  async function discard(entry) {
    if (!window.confirm("Discard this log? It has not reached the server and will be lost.")) return;
    await core.remove(entry.id);
    showOutbox();
  }

  async function sync() {
    await core.flush(OWNER);
    await showOutbox();
  }

  function requestBackgroundSync() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready
      .then((registration) => registration.sync && registration.sync.register(core.SYNC_PREFIX + OWNER))
      .catch(() => undefined);
  }

  /* Signing out clears this phone (Clear-Site-Data, accounts/views.sign_out): what waits in
     the outbox is sent first, and a log that cannot be sent now is lost only if the athlete
     says so. */
  function guardSignOut() {
    document.addEventListener("submit", async (event) => {
      const form = event.target;
      if (!form.matches("[data-sign-out]") || form.dataset.confirmed) return;
      event.preventDefault();
      const unsent = (await core.flush(OWNER).catch(() => core.all(OWNER)))
        .filter((entry) => entry.state !== "synced");
      const count = unsent.length;
      const many = count > 1;
      if (count && !window.confirm(`${count} log${many ? "s are" : " is"} not yet on the server. `
        + `Signing out deletes ${many ? "them" : "it"} from this phone. Sign out anyway?`)) {
        showOutbox();
        return;
      }
      form.dataset.confirmed = "yes";
      form.requestSubmit();
    });
  }

  if ("serviceWorker" in navigator && SW) {
    navigator.serviceWorker.register(SW, { scope: "/" }).catch(() => undefined);
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data === "outbox-changed") showOutbox();
    });
  }
  window.addEventListener("online", sync);
  guardSignOut();
  enhanceLogForm();
  sync().catch(() => undefined);
  keepWeekOffline().catch(() => undefined);
})();
