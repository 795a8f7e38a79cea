/* Due date or birth month: worked out in the browser only. Nothing is sent to the server (no
   form, no request); it is kept on this device only if she ticks "remember". */
(function () {
  "use strict";
  var box = document.getElementById("due");
  var portal = window.kansrijkPortal;
  if (!box || !portal) return;
  var due = document.getElementById("due-date"), month = document.getElementById("birth-month");
  var result = document.getElementById("due-result"), link = document.getElementById("due-link");
  var remember = document.getElementById("due-remember"), KEY = "due";
  var base = link.getAttribute("href");
  box.hidden = false;
  if (portal.noTrace()) remember.disabled = true;

  function say(name, n) { result.textContent = box.getAttribute("data-" + name).replace("{n}", n); }
  function mark(phase) {
    document.querySelectorAll(".choice-card[data-phase]").forEach(function (card) {
      var on = card.getAttribute("data-phase") === phase;
      card.classList.toggle("choice-card--now", on);
      var a = card.querySelector("a");
      if (on) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
    });
  }
  function today() { var d = new Date(); return new Date(d.getFullYear(), d.getMonth(), d.getDate()); }
  function update() {
    link.hidden = true; mark(""); result.textContent = "";
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due.value);
    if (m) {
      var days = Math.round((new Date(+m[1], m[2] - 1, +m[3]) - today()) / 864e5);
      var weeks = Math.floor((280 - days) / 7);
      if (weeks < 1 || weeks > 43) { say("check", ""); return; }
      say("weeks", weeks);
      mark("pregnancy");
      link.href = base + "#trimester-" + (weeks <= 12 ? 1 : weeks <= 26 ? 2 : 3);
      link.textContent = box.getAttribute("data-trimester");
      link.hidden = false;
      return;
    }
    m = /^(\d{4})-(\d{1,2})$/.exec(month.value.trim());
    if (m) {
      var now = today(), months = (now.getFullYear() - m[1]) * 12 + now.getMonth() + 1 - m[2];
      if (months < 0 || m[2] < 1 || m[2] > 12) { say("check", ""); return; }
      if (months >= 24) { say("older", ""); return; }
      say("months", months);
      mark(months < 6 ? "0-6-months" : "6-24-months");
    }
  }
  function save() {
    if (remember.checked) portal.store(KEY, JSON.stringify({ d: due.value, m: month.value }));
    else portal.forget(KEY);
  }
  due.addEventListener("change", function () { if (due.value) month.value = ""; update(); save(); });
  month.addEventListener("change", function () { if (month.value) due.value = ""; update(); save(); });
  remember.addEventListener("change", save);
  document.getElementById("due-forget").addEventListener("click", function () {
    due.value = ""; month.value = ""; remember.checked = false; portal.forget(KEY); update();
  });
  try {
    var kept = JSON.parse(portal.load(KEY) || "null");
    if (kept) { due.value = kept.d || ""; month.value = kept.m || ""; remember.checked = true; update(); }
  } catch (e) { portal.forget(KEY); }
})();
