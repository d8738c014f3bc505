// Follows a running job: asks for its status every second and updates the bar; reloads the
// page once the job has finished, so its log and result appear.
(function () {
  "use strict";
  document.querySelectorAll(".job-progress[data-finished='0']").forEach(function (box) {
    var url = box.getAttribute("data-job-status");
    var bar = box.querySelector("progress");
    var percent = box.querySelector(".job-percent");
    var label = box.querySelector(".job-status-label");
    var count = box.querySelector(".job-count");
    function poll() {
      fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          bar.value = s.percent;
          bar.textContent = s.percent + "%";
          percent.textContent = s.percent + "%";
          label.textContent = s.status_label.charAt(0).toUpperCase() + s.status_label.slice(1);
          count.textContent = s.total ? s.done + " / " + s.total : "";
          if (s.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
        })
        .catch(function () { setTimeout(poll, 3000); });
    }
    setTimeout(poll, 500);
  });
})();
