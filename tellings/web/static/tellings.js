// Shows a claim's details beside the text when its highlighted figure is clicked,
// and marks the claim a link pointed at. Everything shown is copied from the page's
// own escaped HTML: nothing is built from strings.
(function () {
  "use strict";
  function show(id) {
    var panel = document.getElementById("claim-detail");
    var item = document.getElementById("detail-" + id);
    if (!panel || !item) { return; }
    panel.replaceChildren(item.cloneNode(true));
    panel.firstChild.removeAttribute("id");
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    item.classList.add("current");
    document.querySelectorAll('mark.claim[data-claim="' + CSS.escape(id) + '"]').forEach(
      function (el) { el.classList.add("current"); });
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.claim") : null;
    if (mark) { show(mark.getAttribute("data-claim")); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches && event.target.matches("mark.claim")) {
      show(event.target.getAttribute("data-claim"));
    }
  });
  function fromHash() {
    var match = /^#claim-(.+)$/.exec(window.location.hash);
    if (match) { show(decodeURIComponent(match[1])); }
  }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);
})();
