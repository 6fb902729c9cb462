/* reportdiff page script: it only improves a page that reads in full without
   it. It filters the commitments by status, highlights together the links to
   one paragraph and the two sides of a moved sentence, moves between pairs
   with j and k, and opens the quotes for printing. */
(function () {
  "use strict";
  var d = document;
  Array.prototype.forEach.call(d.querySelectorAll(".js-only"), function (el) { el.hidden = false; });

  /* Filter the commitments by status: each form those of its section. */
  Array.prototype.forEach.call(d.querySelectorAll("form.filters"), function (form) {
    var items = form.parentNode.querySelectorAll(".cm[data-status]");
    var out = form.querySelector("output");
    var apply = function () {
      var off = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[name=status]"), function (i) { off[i.value] = !i.checked; });
      var shown = 0;
      Array.prototype.forEach.call(items, function (el) {
        el.hidden = off[el.getAttribute("data-status")] === true;
        if (!el.hidden) { shown++; }
      });
      out.textContent = "Showing " + shown + " of " + items.length + " commitments.";
    };
    form.addEventListener("change", apply);
    apply();
  });

  /* Highlight every link to the same paragraph, and both sides of a moved sentence. */
  var lit = [];
  var light = function (e) {
    var el = e.target.closest ? e.target.closest("[data-u],[data-mv]") : null;
    lit.forEach(function (x) { x.classList.remove("hl"); });
    lit = [];
    if (!el) { return; }
    var attr = el.hasAttribute("data-mv") ? "data-mv" : "data-u";
    var v = el.getAttribute(attr);
    Array.prototype.forEach.call(d.querySelectorAll("[" + attr + "]"), function (x) {
      if (x.getAttribute(attr) === v) { x.classList.add("hl"); lit.push(x); }
    });
  };
  d.addEventListener("mouseover", light);
  d.addEventListener("focusin", light);

  /* j and k: the next and the previous pair, commitment or topic. */
  d.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== "j" && e.key !== "k")) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var stops = Array.prototype.filter.call(d.querySelectorAll(".pair, .cm, tr.topic"), function (el) { return el.offsetParent !== null; });
    var next = null;
    for (var i = 0; i < stops.length; i++) {
      var top = stops[i].getBoundingClientRect().top;
      if (e.key === "j" && top > 2) { next = stops[i]; break; }
      if (e.key === "k" && top < -2) { next = stops[i]; }
    }
    if (next) {
      e.preventDefault();
      if (!next.hasAttribute("tabindex")) { next.setAttribute("tabindex", "-1"); }
      next.scrollIntoView({ block: "start" });
      next.focus({ preventScroll: true });
    }
  });

  /* Print every quote: open the details, and close them again after. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(d.querySelectorAll("details:not([open])"), function (el) { el.open = true; opened.push(el); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (el) { el.open = false; });
    opened = [];
  });
})();
