/* The plan builder on a phone: the session editor opens in the slot of the tapped day (the
 * server renders it there and marks the field to focus with `autofocus`, which htmx honours);
 * this script brings the editor's top into view, so the search results under the search box
 * stay above a phone's keyboard, closes the editor with Escape, and gives the focus back to
 * the control that opened it once the editor is gone (saved or cancelled). */
(function () {
  "use strict";

  let openerId = null;

  document.addEventListener("click", function (event) {
    const opener = event.target.closest("[data-opens-editor]");
    if (opener) openerId = opener.id;
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    const editor = document.getElementById("editor");
    if (editor && editor.contains(event.target)) {
      event.preventDefault();
      editor.querySelector("[data-cancel]").click();
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    const editor = document.getElementById("editor");
    if (editor) {
      if (editor.hasAttribute("data-opened")) {
        editor.removeAttribute("data-opened"); // later swaps inside the editor keep the scroll
        editor.scrollIntoView({ block: "start" });
      }
      return;
    }
    const opener = openerId && document.getElementById(openerId);
    openerId = null;
    if (opener) opener.focus();
  });

  // A full page load (no JavaScript navigation, or a reload) opens the editor the same way.
  const editor = document.getElementById("editor");
  if (editor && editor.hasAttribute("data-opened")) editor.scrollIntoView({ block: "start" });
})();
