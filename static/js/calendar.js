/* The coach's calendar: drag a session to another day of its week. A drop fills in the
 * session's own "Move to…" form and submits it, so dragging and the keyboard take one path
 * (htmx posts the form and swaps the calendar). Only the days of the session's week accept
 * a drop: a session belongs to its week's plan. */
(function () {
  "use strict";

  let dragged = null;

  function dayUnder(event) {
    const day = event.target.closest && event.target.closest(".calendar-day");
    return day && dragged && day.dataset.week === dragged.dataset.week ? day : null;
  }

  function clearTargets() {
    document.querySelectorAll(".calendar-day.is-drop-target").forEach(function (day) {
      day.classList.remove("is-drop-target");
    });
  }

  document.addEventListener("dragstart", function (event) {
    const card = event.target.closest && event.target.closest("[data-move]");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
    card.classList.add("is-dragging");
  });

  document.addEventListener("dragover", function (event) {
    const day = dayUnder(event);
    if (!day) return;
    event.preventDefault(); // accept the drop here
    event.dataTransfer.dropEffect = "move";
    if (!day.classList.contains("is-drop-target")) {
      clearTargets();
      day.classList.add("is-drop-target");
    }
  });

  document.addEventListener("drop", function (event) {
    const day = dayUnder(event);
    if (!day) return;
    event.preventDefault();
    const card = dragged;
    const form = card.querySelector("form.move-form");
    if (!form || day.dataset.date === card.dataset.date) return;
    form.elements.date.value = day.dataset.date;
    form.requestSubmit();
  });

  // The calendar is drawn anew after a move: the focus goes back to the moved session's
  // "Move to…", where a keyboard user left it (not to the top of the page).
  let movedId = null;
  document.addEventListener(
    "submit",
    function (event) {
      const card = event.target.closest && event.target.closest("[data-move]");
      movedId = card ? card.id : null;
    },
    true,
  );

  document.addEventListener("htmx:afterSettle", function () {
    const card = movedId && document.getElementById(movedId);
    movedId = null;
    const summary = card && card.querySelector("summary");
    if (summary) summary.focus();
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("is-dragging");
    dragged = null;
    clearTargets();
  });
})();
