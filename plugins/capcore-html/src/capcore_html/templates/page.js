// Filters, search and the view in the URL fragment. The page is complete
// without this script: it only reveals the filter form and hides rows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("plan-table");
  if (!form || !table) {
    return;
  }
  var fields = {
    area: form.elements.namedItem("area"),
    status: form.elements.namedItem("status"),
    unit: form.elements.namedItem("unit"),
    qw: form.elements.namedItem("qw"),
    q: form.elements.namedItem("q")
  };
  var shown = document.getElementById("shown");
  var groups = Array.prototype.slice.call(table.tBodies);
  var rows = [];
  groups.forEach(function (group) {
    Array.prototype.forEach.call(group.rows, function (row) {
      if (row.classList.contains("unit")) {
        rows.push({
          row: row,
          group: group,
          area: group.getAttribute("data-area") || "",
          status: row.getAttribute("data-status") || "",
          units: JSON.parse(row.getAttribute("data-units") || "[]"),
          quickWin: row.getAttribute("data-qw") === "1",
          measure: row.getAttribute("data-measure") || "",
          text: normalise(row.textContent)
        });
      }
    });
  });

  function normalise(text) {
    return text.normalize("NFC").toLocaleLowerCase().replace(/\s+/g, " ").trim();
  }

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
  }

  function readFragment() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    ["area", "status", "unit"].forEach(function (name) {
      var value = params.get(name) || "";
      fields[name].value = hasOption(fields[name], value) ? value : "";
    });
    fields.qw.checked = params.get("qw") === "1";
    fields.q.value = params.get("q") || "";
  }

  function writeFragment() {
    var params = new URLSearchParams();
    ["area", "status", "unit"].forEach(function (name) {
      if (fields[name].value) {
        params.set(name, fields[name].value);
      }
    });
    if (fields.qw.checked) {
      params.set("qw", "1");
    }
    if (fields.q.value.trim()) {
      params.set("q", fields.q.value.trim());
    }
    var fragment = params.toString();
    var target = window.location.pathname + window.location.search + (fragment ? "#" + fragment : "");
    if (target !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", target);
    }
  }

  function apply() {
    var words = normalise(fields.q.value).split(" ").filter(Boolean);
    var visible = 0;
    var seenMeasures = {};
    var visibleGroups = new Set();
    rows.forEach(function (item) {
      var show = (!fields.area.value || item.area === fields.area.value) &&
        (!fields.status.value || item.status === fields.status.value) &&
        (!fields.unit.value || item.units.indexOf(fields.unit.value) !== -1) &&
        (!fields.qw.checked || item.quickWin) &&
        words.every(function (word) { return item.text.indexOf(word) !== -1; });
      item.row.hidden = !show;
      if (show) {
        visible += 1;
        visibleGroups.add(item.group);
        // The first shown row of a measure shows the measure's cell.
        item.row.classList.toggle("cont", Boolean(seenMeasures[item.measure]));
        seenMeasures[item.measure] = true;
      }
    });
    groups.forEach(function (group) {
      group.hidden = !visibleGroups.has(group);
    });
    shown.textContent = shown.getAttribute("data-template")
      .replace("{shown}", String(visible))
      .replace("{total}", String(rows.length));
  }

  function changed() {
    apply();
    writeFragment();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(changed, 0);
  });
  window.addEventListener("hashchange", function () {
    readFragment();
    apply();
  });
  form.hidden = false;
  shown.hidden = false;
  readFragment();
  apply();
})();
