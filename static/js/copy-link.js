/*
 * "Copy" beside a read-only link field (the calendar feed's URL): a button marked
 * data-copy="<input id>" is shown (without JavaScript the field is there to select by hand),
 * copies the field's text to the clipboard and says so in the page's [role=status].
 */
(function () {
  "use strict";

  function say(text) {
    var status = document.querySelector(".copy-status");
    if (status) status.textContent = text;
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    field.focus();
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(
        function () { say("Copied. Paste it into your calendar app."); },
        function () { say("Selected: copy it with your keyboard or menu."); }
      );
      return;
    }
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    say(copied ? "Copied. Paste it into your calendar app."
      : "Selected: copy it with your keyboard or menu.");
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
  document.querySelectorAll("input.copy-link").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
})();
