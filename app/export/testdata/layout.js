// layout.js runs in headless Chromium inside a copy of an HTML memo
// (browser_test.go) and writes what it measured, as JSON, into a hidden
// <pre id="layout-result"> that the test reads back with --dump-dom.
(function () {
  var out = {
    width: window.innerWidth,
    pageWidth: document.documentElement.scrollWidth,
    cards: false,
    rows: 0,
    overflow: [],
    notStacked: [],
    notSideBySide: [],
    unnamed: []
  };
  function shown(el) {
    return getComputedStyle(el).display !== "none" && el.getClientRects().length > 0;
  }
  function what(el) {
    return el.tagName.toLowerCase() + "." + el.className + ": " + el.textContent.trim().slice(0, 60);
  }
  // No box's content spills out of it: neither its own scroll width nor
  // any element inside it reaches past its edges.
  document.querySelectorAll("table.rows th, table.rows td, ol.reports li, p, h1, h2").forEach(function (el) {
    if (!shown(el)) return;
    if (el.scrollWidth > el.clientWidth + 1) {
      out.overflow.push(what(el));
      return;
    }
    var box = el.getBoundingClientRect();
    el.querySelectorAll("*").forEach(function (c) {
      var r = c.getBoundingClientRect();
      if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
        out.overflow.push(what(el) + " (inside: " + what(c) + ")");
      }
    });
  });
  var head = document.querySelector("table.rows thead");
  out.cards = head !== null && getComputedStyle(head).display === "none";
  document.querySelectorAll("table.rows tbody tr").forEach(function (tr) {
    out.rows++;
    var all = Array.prototype.slice.call(tr.querySelectorAll("td.claim"));
    if (!out.cards) {
      // A table: every report's cell on one line, left to right.
      for (var i = 1; i < all.length; i++) {
        var a = all[i - 1].getBoundingClientRect(), b = all[i].getBoundingClientRect();
        if (Math.abs(a.top - b.top) > 1 || b.left < a.right - 1) out.notSideBySide.push(what(tr));
      }
      return;
    }
    // Cards: the claims stated, one under the other, each as wide as its
    // row and headed by its report's name.
    var cards = all.filter(shown);
    var row = tr.getBoundingClientRect();
    cards.forEach(function (td, k) {
      var r = td.getBoundingClientRect();
      if (r.width < row.width * 0.8) out.notStacked.push(what(td) + " is narrow");
      if (k > 0) {
        var p = cards[k - 1].getBoundingClientRect();
        if (r.top < p.bottom - 1 || Math.abs(r.left - p.left) > 2) out.notStacked.push(what(td));
      }
      var who = td.querySelector(".who");
      if (!who || !shown(who) || who.textContent.trim().charAt(0) !== "[") out.unnamed.push(what(td));
    });
  });
  var pre = document.createElement("pre");
  pre.id = "layout-result";
  pre.style.display = "none";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
