/*
 * The device's time zone, offered and never imposed.
 *
 * 1. Sign-up forms: a zone select marked data-browser-zone starts on this device's zone (the
 *    server can only guess its own default), and its help text says so, so the person confirms.
 * 2. Travel: when this device's clock differs from the profile's, the page offers to switch the
 *    profile (a plain POST form) or keep it. "Keep" is remembered per device zone and profile
 *    zone in localStorage, so the same trip does not ask again. Zones whose clocks agree now and
 *    across the year (Europe/Paris vs Europe/Berlin, Asia/Calcutta vs Asia/Kolkata) count as the
 *    same: switching would change no time shown.
 */
(function () {
  "use strict";

  function deviceZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function offsetIn(zone, instant) {
    var parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(instant);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === "timeZoneName") return parts[i].value;
    }
    return "";
  }

  function sameClock(a, b) {
    if (a === b) return true;
    var year = new Date().getUTCFullYear();
    var instants = [new Date(), new Date(Date.UTC(year, 0, 15)), new Date(Date.UTC(year, 6, 15))];
    try {
      return instants.every(function (instant) {
        return offsetIn(a, instant) === offsetIn(b, instant);
      });
    } catch (error) {
      return false; // a zone this browser does not know: let the person decide
    }
  }

  function readable(zone) {
    return zone.replace(/_/g, " ");
  }

  function preselect(zone) {
    document.querySelectorAll("select[data-browser-zone]").forEach(function (select) {
      var option = Array.prototype.find.call(select.options, function (o) {
        return o.value === zone;
      });
      if (!option) return;
      select.value = zone;
      var help = document.getElementById(select.id + "_helptext");
      if (help) {
        help.textContent = "Set from this device: " + readable(zone) +
          ". Change it if that is not where you train. It decides what “today” means for you.";
      }
    });
  }

  function keepKey(phone, profile) {
    return "hp-zone-kept:" + phone + "|" + profile;
  }

  function offer(phone) {
    var box = document.querySelector("[data-zone-offer]");
    if (!box) return;
    var profile = box.getAttribute("data-profile-zone");
    if (!profile || sameClock(phone, profile)) return;
    try {
      if (localStorage.getItem(keepKey(phone, profile))) return;
    } catch (error) {
      /* storage refused (private mode): ask, and Keep only hides it for this page */
    }
    box.querySelectorAll("[data-zone-phone]").forEach(function (el) {
      el.textContent = readable(phone);
    });
    box.querySelector("[data-zone-input]").value = phone;
    box.querySelector("[data-zone-keep]").addEventListener("click", function () {
      try {
        localStorage.setItem(keepKey(phone, profile), "1");
      } catch (error) {
        /* nothing to remember it in */
      }
      box.hidden = true;
    });
    box.hidden = false;
  }

  var phone = deviceZone();
  if (!phone) return;
  preselect(phone);
  offer(phone);
})();
