// Side panel: click an item (graph box, timeline bar, id chip) or a department box to
// see its findings and legal basis. Text is set with textContent only.
(function () {
  "use strict";
  var t = JSON.parse(document.getElementById("labels").textContent);
  var panel = document.getElementById("panel");
  var title = panel.querySelector(".panel-title");
  var body = panel.querySelector(".panel-body");
  var datasets = {};
  Array.prototype.forEach.call(document.querySelectorAll("section.catalog"), function (section) {
    var script = section.querySelector("script.catalog-data");
    datasets[section.dataset.catalog] = JSON.parse(script.textContent);
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function row(dl, label, value) {
    dl.appendChild(el("dt", "", label));
    dl.appendChild(el("dd", "", value === null || value === undefined || value === "" ? "—" : value));
  }

  function list(items, empty) {
    var ul = el("ul");
    if (!items || !items.length) { ul.appendChild(el("li", "", empty)); }
    (items || []).forEach(function (text) { ul.appendChild(el("li", "", text)); });
    return ul;
  }

  function findingBox(finding) {
    var box = el("div", "panel-finding sev-" + finding.severity);
    var head = el("p");
    head.appendChild(el("span", "badge-text sev-" + finding.severity, finding.severity_label));
    var link = el("a", "", finding.rule + " " + finding.title);
    link.href = "#" + finding.anchor;
    link.addEventListener("click", function () { flash(finding.anchor); });
    head.appendChild(link);
    box.appendChild(head);
    box.appendChild(el("p", "message", finding.message));
    var citation = el("p", "citation");
    citation.appendChild(el("span", "label", t.citation + t.colon));
    citation.appendChild(document.createTextNode(finding.citation));
    box.appendChild(citation);
    if (finding.fix) {
      var fix = el("p", "fix");
      fix.appendChild(el("span", "label", t.fix + t.colon));
      fix.appendChild(document.createTextNode(finding.fix));
      box.appendChild(fix);
    }
    return box;
  }

  function flash(anchor) {
    var target = document.getElementById(anchor);
    if (!target) { return; }
    var details = target.closest("details");
    if (details) { details.open = true; }
    target.classList.add("flash");
    window.setTimeout(function () { target.classList.remove("flash"); }, 1600);
  }

  function findings(data, indices, heading) {
    body.appendChild(el("h4", "", heading + t.count_suffix.replace("{n}", indices.length)));
    if (!indices.length) { body.appendChild(el("p", "hint", t.none)); }
    indices.forEach(function (i) { body.appendChild(findingBox(data.findings[i])); });
  }

  function showItem(data, key) {
    var item = data.items[key];
    body.textContent = "";
    panel.dataset.item = key;
    delete panel.dataset.department;
    if (!item) {
      title.textContent = key;
      body.appendChild(el("p", "hint", t.unlisted));
      return;
    }
    title.textContent = item.id + " " + item.name;
    var dl = el("dl");
    if (item.department !== undefined) {
      row(dl, t.department, item.department);
      row(dl, t.kind, item.kind);
      row(dl, t.promised_days, item.promised);
      row(dl, t.statutory_days, item.statutory);
    }
    body.appendChild(dl);
    findings(data, item.findings || [], t.item_findings);
    if (item.basis !== undefined) {
      body.appendChild(el("h4", "", t.basis));
      body.appendChild(list(item.basis, t.no_basis));
      body.appendChild(el("h4", "", t.prerequisites));
      body.appendChild(list(item.prerequisites, t.none));
    }
    body.appendChild(el("h4", "", t.needed_by));
    body.appendChild(list(item.needed_by, t.none));
  }

  function showDepartment(data, name) {
    body.textContent = "";
    panel.dataset.department = name;
    delete panel.dataset.item;
    title.textContent = name;
    findings(data, data.departments[name] || [], t.department_findings);
  }

  function highlight(section, attribute, key) {
    Array.prototype.forEach.call(document.querySelectorAll(".selected"), function (node) {
      node.classList.remove("selected");
    });
    Array.prototype.forEach.call(section.querySelectorAll("[" + attribute + "]"), function (node) {
      if (node.getAttribute(attribute) === key) { node.classList.add("selected"); }
    });
    Array.prototype.forEach.call(section.querySelectorAll("path.edge"), function (edge) {
      var touches = edge.dataset.source === key || edge.dataset.target === key;
      edge.classList.toggle("lit", touches);
      edge.classList.toggle("dim", !touches);
    });
  }

  function activate(target) {
    var section = target.closest("section.catalog");
    if (!section) { return; }
    var data = datasets[section.dataset.catalog];
    if (target.hasAttribute("data-department")) {
      var name = target.getAttribute("data-department");
      showDepartment(data, name);
      highlight(section, "data-department", name);
    } else {
      var key = target.getAttribute("data-item");
      showItem(data, key);
      highlight(section, "data-item", key);
    }
    panel.classList.add("open");
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-item], [data-department]");
    if (target && !target.closest("#panel")) { activate(target); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var target = event.target.closest && event.target.closest("g[data-item], g[data-department]");
    if (target) { event.preventDefault(); activate(target); }
  });
  panel.querySelector(".panel-close").addEventListener("click", function () {
    body.textContent = "";
    body.appendChild(el("p", "hint", t.panel_empty));
    title.textContent = t.items;
    Array.prototype.forEach.call(document.querySelectorAll(".selected, .lit, .dim"), function (node) {
      node.classList.remove("selected", "lit", "dim");
    });
  });
}());
