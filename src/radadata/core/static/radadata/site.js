// Wide tables scroll inside their own region, never the page sideways: every table of the page
// that is not already in one is wrapped in a .table-scroll region. A region that does scroll
// can be reached and scrolled from the keyboard (tabindex, named by the table's caption); one
// that fits adds no tab stop. Also: skip links to the sections of a long page, and a form that
// asks to confirm (data-confirm) asks.
(function () {
  "use strict";
  function label(region) {
    var caption = region.querySelector("caption");
    var heading = region.previousElementSibling;
    var text = caption ? caption.textContent : (heading && /^H[1-6]$/.test(heading.tagName)
      ? heading.textContent : "");
    return text.replace(/\s+/g, " ").trim() || document.documentElement.getAttribute("data-table-label") || "";
  }
  function fit(region) {
    if (region.scrollWidth > region.clientWidth + 1) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", label(region));
    } else if (region.getAttribute("data-made-focusable")) {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
    region.setAttribute("data-made-focusable", "1");
  }
  function wrap(root) {
    root.querySelectorAll("main table").forEach(function (table) {
      if (table.closest(".table-scroll")) { return; }
      var region = document.createElement("div");
      region.className = "table-scroll";
      table.parentNode.insertBefore(region, table);
      region.appendChild(table);
    });
    document.querySelectorAll("main .table-scroll").forEach(fit);
  }
  // Skip links to each section of a long page (a dataset page has a dozen): the keyboard
  // reaches the files in three Tab presses instead of forty.
  function sections() {
    var nav = document.querySelector(".skip-sections");
    if (!nav) { return; }
    var list = nav.querySelector("ul");
    var found = document.querySelectorAll("main section[aria-labelledby]");
    if (found.length < 3) { return; }
    found.forEach(function (section) {
      var heading = document.getElementById(section.getAttribute("aria-labelledby"));
      if (!heading || !heading.textContent.trim()) { return; }
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + heading.id;
      link.textContent = heading.textContent.replace(/\s+/g, " ").trim();
      item.appendChild(link);
      list.appendChild(item);
    });
    nav.hidden = false;
  }
  function start() {
    sections();
    wrap(document);
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { document.querySelectorAll("main .table-scroll").forEach(fit); }, 150);
    });
    // Parts of the page replaced in place (jobs/progress.js) get the same treatment.
    document.addEventListener("radadata:updated", function () { wrap(document); });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var question = form.getAttribute && form.getAttribute("data-confirm");
      if (question && !window.confirm(question)) { event.preventDefault(); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
