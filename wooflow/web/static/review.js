// wooflow review: progressive enhancement only. Every action also works as a plain form.
// - select text in the document to fill the "Zelf lakken" form (offsets in code points,
//   as Python counts them; the browser counts UTF-16 units, so we convert);
// - click a highlight to jump to its finding; keep the text's scroll position across posts.
(function () {
  "use strict";
  // keyboard shortcuts on the document and page views: j/k next/previous finding, a accept,
  // r reject, x select, n next document to review, u undo, ? help. Not while typing in a form field.
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var help = document.getElementById("sneltoetsen");
  var at = -1;
  function here() {  // the current finding may also be chosen by clicking a highlight
    var i = items.findIndex(function (li) { return li.classList.contains("current"); });
    return i >= 0 ? i : at;
  }
  function focusItem(i) {
    if (!items.length) return;
    at = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (li) { li.classList.remove("current"); });
    items[at].classList.add("current");
    items[at].focus({ preventScroll: true });
    items[at].scrollIntoView({ block: "nearest" });
  }
  function press(selector) {
    var li = items[here()];
    var btn = li && li.querySelector(selector);
    if (btn) btn.click();
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(t.tagName))) return;
    var go = { j: function () { focusItem(here() + 1); }, k: function () { focusItem(here() - 1); },
      a: function () { press("button.accept"); }, r: function () { press("button[aria-label^=\"Niet lakken\"]"); },
      n: function () { var l = document.getElementById("next-mine") || document.getElementById("next-open"); if (l) l.click(); },
      u: function () { var b = document.getElementById("undo-button"); if (b) b.click(); },
      x: function () { var li = items[here()], box = li && li.querySelector("input.pick"); if (box) box.click(); },
      "?": function () { if (help) help.open = !help.open; } }[e.key];
    if (go) { e.preventDefault(); go(); }
  });
  // multi-select on the document page: "alles op deze pagina" and a category tick the boxes
  // they stand for; unticking one box drops the "alles" that included it; a live count.
  // Without JavaScript the server resolves the same choices (see routes_select.py).
  var selForm = document.getElementById("selectie");
  if (selForm) {
    var picks = Array.prototype.slice.call(document.querySelectorAll("input.pick"));
    var pageAll = document.getElementById("sel-page");
    var cats = Array.prototype.slice.call(selForm.querySelectorAll("input.sel-cat"));
    var countOut = document.getElementById("sel-count");
    var showCount = function () {
      var n = picks.filter(function (p) { return p.checked; }).length;
      var extra = cats.filter(function (c) { return c.checked; }).length;
      countOut.textContent = n || extra ? n + " aangevinkt op deze pagina" + (extra ? " (plus wat de gekozen soorten elders in dit document hebben)" : "") : "";
    };
    pageAll.addEventListener("change", function () {
      picks.forEach(function (p) { p.checked = pageAll.checked; });
      showCount();
    });
    cats.forEach(function (c) {
      c.addEventListener("change", function () {
        picks.forEach(function (p) { if (p.dataset.cat === c.value) p.checked = c.checked; });
        showCount();
      });
    });
    picks.forEach(function (p) {
      p.addEventListener("change", function () {
        if (!p.checked) {
          pageAll.checked = false;
          cats.forEach(function (c) { if (c.value === p.dataset.cat) c.checked = false; });
        }
        showCount();
      });
    });
    showCount();
  }
  // the page view: after an action the URL names the finding; show it inside its list
  // instead of scrolling the whole page away from the page image and the message on top
  var pageList = document.querySelector(".pageview ol.findings");
  var chosen = pageList && pageList.querySelector(".finding.current");
  if (chosen) {
    pageList.scrollTop += chosen.getBoundingClientRect().top - pageList.getBoundingClientRect().top - 8;
  }
  // case-wide person decisions ask first, with the counts (data-confirm-redact/-keep); so
  // does removing a user (data-confirm)
  document.addEventListener("submit", function (e) {
    var f = e.target, b = e.submitter;
    var msg = f && b && f.dataset && (f.dataset.confirm || f.dataset["confirm" + (b.value === "redact" ? "Redact" : "Keep")]);
    if (msg && !window.confirm(msg)) e.preventDefault();
  });
  // the page view: drag a rectangle over the page image to fill the "Vlak lakken" form
  // (coordinates in PDF points: the SVG's own user space, which is the page in points)
  var svg = document.querySelector("svg.page");
  var areaForm = document.getElementById("area-form");
  if (svg && areaForm) {
    var drawRect = document.getElementById("draw-rect");
    var fields = ["x0", "y0", "x1", "y1"].map(function (k) { return document.getElementById("area-" + k); });
    var from = null;
    svg.classList.add("can-draw");
    var pointAt = function (e) {
      var pt = svg.createSVGPoint();
      pt.x = e.clientX; pt.y = e.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse());
    };
    var show = function (a, b) {
      var x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
      drawRect.setAttribute("x", x); drawRect.setAttribute("y", y);
      drawRect.setAttribute("width", Math.abs(a.x - b.x)); drawRect.setAttribute("height", Math.abs(a.y - b.y));
      drawRect.setAttribute("visibility", "visible");
    };
    svg.addEventListener("mousedown", function (e) {
      if (e.button !== 0 || (e.target.closest && e.target.closest("a.box"))) return;
      e.preventDefault();
      from = pointAt(e);
      show(from, from);
    });
    svg.addEventListener("mousemove", function (e) { if (from) show(from, pointAt(e)); });
    var finish = function (e) {
      if (!from) return;
      var to = pointAt(e);
      var vals = [Math.min(from.x, to.x), Math.min(from.y, to.y), Math.max(from.x, to.x), Math.max(from.y, to.y)];
      from = null;
      if (vals[2] - vals[0] < 2 || vals[3] - vals[1] < 2) { drawRect.setAttribute("visibility", "hidden"); return; }
      vals.forEach(function (v, i) { fields[i].value = v.toFixed(1); });
      var g = document.getElementById("area-ground");
      if (g) g.focus();
    };
    svg.addEventListener("mouseup", finish);
    svg.addEventListener("mouseleave", function (e) { if (from) finish(e); });
  }
  var text = document.getElementById("doctext");
  if (!text) return;
  var form = document.getElementById("add-form");
  var startIn = document.getElementById("add-start");
  var endIn = document.getElementById("add-end");
  var expectedIn = document.getElementById("add-expected");
  var preview = document.getElementById("sel-preview");
  var category = document.getElementById("add-category");
  var ground = document.getElementById("add-ground");
  var tool = document.getElementById("sel-tool");
  var selGround = document.getElementById("sel-ground");
  var docLength = parseInt(text.dataset.length, 10);

  function cpLen(s) { return Array.from(s).length; }

  function segmentOf(node) {
    var el = node.nodeType === 3 ? node.parentElement : node;
    return el && el.closest ? el.closest("[data-s]") : null;
  }

  // Offset (code points into the document text) of a DOM boundary point inside #doctext.
  function offsetOf(node, off) {
    if (node.nodeType === 3) {
      var seg = segmentOf(node);
      return parseInt(seg.dataset.s, 10) + cpLen(node.data.slice(0, off));
    }
    var seg2 = node.hasAttribute && node.hasAttribute("data-s") ? node : null;
    if (seg2) return parseInt(seg2.dataset.s, 10) + (off > 0 ? cpLen(seg2.textContent) : 0);
    var kids = node.childNodes;
    for (var i = off; i < kids.length; i++) {
      var s = kids[i].nodeType === 1 ? (kids[i].matches("[data-s]") ? kids[i] : kids[i].querySelector("[data-s]")) : segmentOf(kids[i]);
      if (s) return parseInt(s.dataset.s, 10);
    }
    return docLength;
  }

  function currentSpan() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return null;
    var start = offsetOf(r.startContainer, r.startOffset);
    var end = offsetOf(r.endContainer, r.endOffset);
    var chosen = r.toString();
    // a double click or a sloppy drag takes spaces along: trim them off both ends
    var lead = chosen.length - chosen.replace(/^\s+/, "").length;
    var trail = chosen.length - chosen.replace(/\s+$/, "").length;
    start += cpLen(chosen.slice(0, lead));
    end -= cpLen(chosen.slice(chosen.length - trail));
    chosen = chosen.trim();
    if (!(end > start) || !chosen) return null;
    return { start: start, end: end, text: chosen, rect: r.getBoundingClientRect() };
  }

  function fill(span) {
    startIn.value = span.start;
    endIn.value = span.end;
    expectedIn.value = span.text;
    preview.textContent = "Selectie: “" + span.text + "” (" + span.start + "–" + span.end + ")";
    preview.hidden = false;
  }

  function hideTool() { tool.hidden = true; }

  function onSelect() {
    var span = currentSpan();
    if (!span) { hideTool(); return; }
    fill(span);
    tool.hidden = false;
    tool.style.top = (window.scrollY + span.rect.bottom + 6) + "px";
    tool.style.left = (window.scrollX + Math.max(8, span.rect.left)) + "px";
    if (ground.value) selGround.value = ground.value;
  }

  text.addEventListener("mouseup", function () { setTimeout(onSelect, 0); });
  text.addEventListener("keyup", function (e) { if (e.shiftKey || e.key === "Shift") onSelect(); });
  document.addEventListener("selectionchange", function () {
    var sel = window.getSelection();
    if ((!sel || sel.isCollapsed) && !tool.contains(document.activeElement)) hideTool();
  });
  // typing the offsets by hand: the server checks them, no expected text to compare
  [startIn, endIn].forEach(function (el) {
    el.addEventListener("input", function () { expectedIn.value = ""; preview.hidden = true; });
  });
  document.getElementById("sel-redact").addEventListener("click", function () {
    ground.value = selGround.value;  // the ground picked in the selection bar
    saveScroll();
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
  document.getElementById("sel-cancel").addEventListener("click", function () {
    window.getSelection().removeAllRanges(); hideTool();
  });
  category.addEventListener("change", function () {
    var g = category.options[category.selectedIndex].dataset.ground;
    if (g) ground.value = g;
  });

  // a highlight leads to its finding in the list
  text.addEventListener("click", function (e) {
    var mark = e.target.closest("mark.f");
    if (!mark || !window.getSelection().isCollapsed) return;
    var ids = mark.dataset.ids.split(" ");
    var item = null;
    for (var i = 0; i < ids.length && !item; i++) item = document.getElementById("f-" + ids[i]);
    if (!item) return;
    document.querySelectorAll(".finding.current").forEach(function (el) { el.classList.remove("current"); });
    item.classList.add("current");
    item.scrollIntoView({ block: "nearest" });
    item.focus({ preventScroll: true });
  });

  // and each finding gets a button that shows its place in the text
  function marksOf(id) {
    return Array.prototype.filter.call(document.querySelectorAll("mark.f"), function (m) {
      return m.dataset.ids.split(" ").indexOf(id) >= 0;
    });
  }
  document.querySelectorAll("li.finding").forEach(function (item) {
    var id = item.id.slice(2);
    var found = marksOf(id);
    if (!found.length) return;
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "show";
    btn.textContent = "toon in tekst";
    btn.addEventListener("click", function () {
      document.querySelectorAll("mark.flash-hit").forEach(function (m) { m.classList.remove("flash-hit"); });
      found.forEach(function (m) { m.classList.add("flash-hit"); });
      var top = found[0].getBoundingClientRect().top - text.getBoundingClientRect().top;
      text.scrollTop += top - text.clientHeight / 3;
    });
    item.querySelector(".ftext").appendChild(btn);
  });

  // keep the reading position of the text across the post + redirect of each action
  var key = "wooflow-scroll-" + text.dataset.doc;
  function saveScroll() {
    try { sessionStorage.setItem(key, String(text.scrollTop)); } catch (err) { /* private mode */ }
  }
  document.querySelectorAll("form[method=post]").forEach(function (f) { f.addEventListener("submit", saveScroll); });
  try {
    var y = sessionStorage.getItem(key);
    if (y !== null) { text.scrollTop = parseInt(y, 10); sessionStorage.removeItem(key); }
  } catch (err) { /* private mode */ }
  // after an action the URL names the finding: mark its highlight too, and show the finding
  // inside its list instead of scrolling the whole page (which hides the message on top)
  if (location.hash.indexOf("#f-") === 0) {
    var id = location.hash.slice(3);
    document.querySelectorAll("mark.f").forEach(function (m) {
      if (m.dataset.ids.split(" ").indexOf(id) >= 0) m.classList.add("flash-hit");
    });
    window.addEventListener("load", function () {
      var item = document.getElementById("f-" + id);
      var list = item && item.closest("ol.findings");
      if (!list) return;
      window.scrollTo(0, 0);
      list.scrollTop += item.getBoundingClientRect().top - list.getBoundingClientRect().top - 8;
      item.classList.add("current");
    });
  }
})();
