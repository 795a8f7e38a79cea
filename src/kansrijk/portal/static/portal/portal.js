/* The parent site's small enhancements; every page works without them.
   - Quick exit (button or Esc): replaces this page with a neutral one.
   - Links inside the site replace the current history entry, so the whole visit is one entry
     that the quick exit replaces: the back button cannot return to the site.
   - No trace: clears what the site kept on this device and keeps nothing more.
   - Read aloud: the browser's own speech synthesis, in the page's language. */
(function () {
  "use strict";
  var KEY = "kansrijk-portal";
  var exitLink = document.getElementById("quick-exit");
  var noTraceParam = "spoorloos";

  function noTrace() { return new URLSearchParams(location.search).has(noTraceParam); }
  function clearStorage() {
    try { Object.keys(localStorage).forEach(function (k) { if (k.indexOf(KEY) === 0) localStorage.removeItem(k); }); sessionStorage.clear(); } catch (e) { /* storage blocked */ }
  }
  function withNoTrace(url) {
    if (!noTrace()) return url;
    var u = new URL(url, location.href);
    u.searchParams.set(noTraceParam, "1");
    return u.toString();
  }
  function leave() {
    if (noTrace()) clearStorage();
    location.replace(exitLink.getAttribute("data-exit-url"));
  }
  if (exitLink) {
    exitLink.addEventListener("click", function (event) { event.preventDefault(); leave(); });
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") leave(); });
  }
  function sameSite(url) { return url.origin === location.origin && url.pathname.indexOf("/ouders/") === 0; }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link === exitLink || link.target || link.hasAttribute("download") || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var url = new URL(link.href, location.href);
    if (!sameSite(url) || url.pathname.slice(-4) === ".ics") return;
    if (url.pathname === location.pathname && url.hash) return;
    event.preventDefault();
    location.replace(withNoTrace(url.toString()));
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if ((form.method || "get").toLowerCase() !== "get") return;
    var url = new URL(form.action || location.href, location.href);
    if (!sameSite(url)) return;
    event.preventDefault();
    url.search = new URLSearchParams(new FormData(form)).toString();
    location.replace(withNoTrace(url.toString()));
  });
  var toggle = document.getElementById("no-trace");
  if (toggle) {
    toggle.closest(".no-trace").hidden = false;
    var on = noTrace();
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    toggle.parentNode.querySelector(".no-trace__on").hidden = !on;
    toggle.addEventListener("click", function () {
      var url = new URL(location.href);
      if (noTrace()) { url.searchParams.delete(noTraceParam); } else { clearStorage(); url.searchParams.set(noTraceParam, "1"); }
      location.replace(url.toString());
    });
  }
  window.kansrijkPortal = {
    noTrace: noTrace,
    store: function (name, value) { if (noTrace()) return false; try { localStorage.setItem(KEY + "-" + name, value); return true; } catch (e) { return false; } },
    load: function (name) { if (noTrace()) return null; try { return localStorage.getItem(KEY + "-" + name); } catch (e) { return null; } },
    forget: function (name) { try { localStorage.removeItem(KEY + "-" + name); } catch (e) { /* blocked */ } }
  };
  if ("speechSynthesis" in window) {
    document.querySelectorAll("[data-speak]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function (event) {
        event.preventDefault();
        window.speechSynthesis.cancel();
        var utterance = new SpeechSynthesisUtterance(button.getAttribute("data-speak"));
        utterance.lang = document.documentElement.lang;
        window.speechSynthesis.speak(utterance);
      });
    });
  }
})();
