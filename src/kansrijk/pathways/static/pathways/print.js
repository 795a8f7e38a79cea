// The "Print / save as PDF" button works only with JavaScript, so it starts hidden and is shown
// here; without JavaScript the page says to use the browser's print command.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
document.querySelectorAll("[data-print-hint]").forEach(function (hint) { hint.hidden = true; });
