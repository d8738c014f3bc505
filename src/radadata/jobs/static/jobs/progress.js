// Follows a running job: asks for its status every second and updates the bar. Once the job
// has finished, it fetches the page again and swaps in, in place, the part that shows the
// result: the nearest element marked data-live-region around the bar (the check panel of a
// dataset page), else the page's <main>. It never reloads the page and never replaces a part
// where the person is typing or has changed a field: there it only says that the job is done
// and offers a link to see the result.
(function () {
  "use strict";
  if (window.radadataFollowJobs) { return; }  // the script is included once per progress bar

  function dirty(region) {
    var active = document.activeElement;
    if (active && active !== document.body && region.contains(active) &&
        active.matches("input, textarea, select, [contenteditable]")) { return true; }
    return Array.prototype.some.call(region.querySelectorAll("input, textarea, select"),
      function (field) {
        if (field.type === "hidden") { return false; }
        if (field.type === "checkbox" || field.type === "radio") {
          return field.checked !== field.defaultChecked;
        }
        if (field.tagName === "SELECT") {
          return Array.prototype.some.call(field.options, function (o) {
            return o.selected !== o.defaultSelected;
          });
        }
        if (field.type === "file") { return field.files && field.files.length > 0; }
        return field.value !== field.defaultValue;
      });
  }

  // The outermost marked part around the bar: a file's check panel on a dataset page, the
  // whole checks section of a submission (whose text changes with the submission's state).
  function regionOf(box) {
    var region = null;
    for (var node = box.parentElement; node; node = node.parentElement) {
      if (node.id && node.hasAttribute("data-live-region")) { region = node; }
    }
    return region || document.querySelector("main[id]");
  }

  function offerLink(box) {
    var note = document.createElement("p");
    note.className = "job-done-note";
    note.setAttribute("role", "status");
    var link = document.createElement("a");
    link.href = window.location.href;
    link.textContent = box.getAttribute("data-done-text") || "OK";
    note.appendChild(link);
    box.appendChild(note);
  }

  function swap(box) {
    var region = regionOf(box);
    if (!region || dirty(region)) { offerLink(box); return; }
    fetch(window.location.href, {credentials: "same-origin", headers: {Accept: "text/html"}})
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(region.id);
        // The person may have started typing while the page was being fetched.
        if (!fresh || dirty(region)) { offerLink(box); return; }
        var imported = document.importNode(fresh, true);
        region.replaceWith(imported);
        imported.querySelectorAll(".job-progress[data-finished='0']").forEach(follow);
        document.dispatchEvent(new CustomEvent("radadata:updated", {detail: {region: imported}}));
      })
      .catch(function () { offerLink(box); });
  }

  function follow(box) {
    if (box.getAttribute("data-followed")) { return; }
    box.setAttribute("data-followed", "1");
    var url = box.getAttribute("data-job-status");
    var bar = box.querySelector("progress");
    var percent = box.querySelector(".job-percent");
    var label = box.querySelector(".job-status-label");
    var count = box.querySelector(".job-count");
    function poll() {
      if (!box.isConnected) { return; }
      fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          bar.value = s.percent;
          bar.textContent = s.percent + "%";
          percent.textContent = s.percent + "%";
          label.textContent = s.status_label.charAt(0).toUpperCase() + s.status_label.slice(1);
          count.textContent = s.total ? s.done + " / " + s.total : "";
          if (s.finished) {
            box.setAttribute("data-finished", "1");
            swap(box);
          } else { setTimeout(poll, 1000); }
        })
        .catch(function () { setTimeout(poll, 3000); });
    }
    setTimeout(poll, 500);
  }

  function start() {
    window.radadataFollowJobs = true;
    document.querySelectorAll(".job-progress[data-finished='0']").forEach(follow);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
