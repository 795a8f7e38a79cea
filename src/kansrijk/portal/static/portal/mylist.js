/* My list: print buttons, and the list kept on this device (not when "no trace" is on).
   Everything works without this script: the list lives in the link. */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var portal = window.kansrijkPortal;
  if (!portal) return;
  var list = document.querySelector("[data-list]");
  if (list) {
    var ids = list.getAttribute("data-list");
    if (ids) { portal.store("lijst", ids); } else { portal.forget("lijst"); }
  }
  var saved = document.querySelector(".nearby-saved-list");
  var stored = portal.load("lijst");
  if (saved && stored && /^[0-9a-f,-]+$/i.test(stored)) {
    var link = saved.querySelector("a");
    var url = new URL(location.pathname.replace(/hulp-in-de-buurt\/?$/, "mijn-lijst/"), location.href);
    url.searchParams.set("lijst", stored);
    link.href = url.toString();
    saved.hidden = false;
  }
})();
