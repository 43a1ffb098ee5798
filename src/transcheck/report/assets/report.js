/* transcheck HTML report: tooltip on hover and focus, filters by severity, category, rule and file. */
(function () {
  "use strict";
  var RANK = { minor: 1, major: 2, critical: 3 };
  var TAGS = { accuracy: "ACC", fluency: "FLU", terminology: "TER", style: "STY", "locale-convention": "LOC", "non-translation": "NON" };
  var items = {};
  document.querySelectorAll("li.finding").forEach(function (li) { items[li.id] = li; });
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.f"));
  var tip = document.getElementById("tip");
  var form = document.getElementById("filters");
  var visible = {};

  function ids(mark, attr) {
    return (mark.getAttribute(attr) || "").split(" ").filter(function (id) { return id && visible[id]; });
  }

  function showTip(mark) {
    var shown = ids(mark, "data-ids");
    if (!shown.length) { hideTip(); return; }
    tip.textContent = "";
    shown.forEach(function (id) {
      var li = items[id], box = document.createElement("div");
      box.className = "item";
      Array.prototype.forEach.call(li.childNodes, function (node) {
        if (!(node.classList && node.classList.contains("loc"))) { box.appendChild(node.cloneNode(true)); }
      });
      var doc = document.getElementById("rule-" + li.dataset.rule);
      if (doc && doc.nextElementSibling) {
        var why = document.createElement("p");
        why.className = "doc-why";
        why.textContent = doc.nextElementSibling.textContent;
        box.appendChild(why);
      }
      tip.appendChild(box);
    });
    var r = mark.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = window.scrollY + r.bottom + 6 + "px";
  }

  function hideTip() { tip.hidden = true; }

  function checked(name) {
    var boxes = form ? form.querySelectorAll('input[name="' + name + '"]') : [];
    if (!boxes.length) { return null; }
    var on = {};
    Array.prototype.forEach.call(boxes, function (b) { if (b.checked) { on[b.value] = true; } });
    return on;
  }

  function apply() {
    var sev = checked("sev"), cat = checked("cat"), rule = checked("rule"), file = checked("file");
    var n = 0, total = 0;
    Object.keys(items).forEach(function (id) {
      var d = items[id].dataset;
      var on = (!sev || sev[d.sev]) && (!cat || cat[d.cat]) && (!rule || rule[d.rule]) && (!file || file[d.file]);
      visible[id] = !!on;
      items[id].hidden = !on;
      total += 1;
      n += on ? 1 : 0;
    });
    marks.forEach(function (mark) {
      var shown = ids(mark, "data-ids");
      mark.classList.toggle("off", !shown.length);
      mark.tabIndex = shown.length ? 0 : -1;
      if (shown.length) {
        mark.dataset.sev = shown.reduce(function (best, id) {
          var s = items[id].dataset.sev;
          return RANK[s] > RANK[best] ? s : best;
        }, "minor");
        mark.setAttribute("aria-describedby", shown.join(" "));
      } else {
        mark.removeAttribute("aria-describedby");
      }
      if (mark.hasAttribute("data-ends")) {
        var tags = ids(mark, "data-ends").map(function (id) { return TAGS[items[id].dataset.cat]; });
        tags = tags.filter(function (t, i) { return tags.indexOf(t) === i; });
        if (tags.length) { mark.dataset.tag = tags.join(" "); } else { mark.removeAttribute("data-tag"); }
      }
    });
    document.querySelectorAll("section.file").forEach(function (section) {
      section.hidden = !!file && !file[section.dataset.file];
    });
    var out = document.getElementById("shown");
    if (out) { out.textContent = "Showing " + n + " of " + total + " findings"; }
    hideTip();
  }

  marks.forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { showTip(mark); });
    mark.addEventListener("mouseleave", function () { if (document.activeElement !== mark) { hideTip(); } });
    mark.addEventListener("focus", function () { showTip(mark); });
    mark.addEventListener("blur", hideTip);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hideTip(); } });
  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    document.getElementById("show-all").addEventListener("click", function () {
      form.querySelectorAll("input[type=checkbox]").forEach(function (b) { b.checked = true; });
      apply();
    });
  }
  apply();
})();
