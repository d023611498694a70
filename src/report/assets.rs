//! The report's style sheet and script: plain files beside the pages (no CDN, no web font).
//! The script only enhances (search box, column sorting); every page works without it.
use std::fs;
use std::path::Path;

use crate::error::Result;

const CSS: &str = r#"/* stancedb report: system fonts only (Latin, Cyrillic, Hangul, right-to-left) */
:root { --fg: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --bg: #fff; --soft: #f4f4f2;
  --support: #0072B2; --oppose: #D55E00; --ambivalent: #F0E442; --none: #c8c8c8; --link: #0b57a4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR",
    "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", "DejaVu Sans", sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
header.top { background: #20303f; padding: .5rem 1rem; }
header.top nav a { color: #fff; margin-right: 1.2rem; text-decoration: none; font-weight: 600; }
header.top nav a[aria-current] { text-decoration: underline; text-underline-offset: .3em; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
footer { max-width: 72rem; margin: 2rem auto; padding: 1rem; color: var(--muted); font-size: .85rem;
  border-top: 1px solid var(--line); }
h1 { font-size: 1.7rem; line-height: 1.25; margin: .5rem 0 .75rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
.lede { color: var(--muted); margin-top: 0; }
.meta { color: var(--muted); font-size: .9rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: start; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); }
td.date, time { white-space: nowrap; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
.v { display: inline-block; padding: 0 .45em; border-radius: .25em; font-size: .85rem; font-weight: 600;
  white-space: nowrap; border: 1px solid rgba(0,0,0,.35); }
.v-support { background: var(--support); color: #fff; }
.v-oppose { background: var(--oppose); color: #000; }
.v-ambivalent { background: var(--ambivalent); color: #000; }
.v-none_found { background: var(--none); color: #000; }
.camp { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem 1rem; margin: 1rem 0; }
.camp h3 { margin-top: 0; display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.bar { background: var(--soft); border: 1px solid var(--line); height: .9rem; border-radius: .2rem; margin: .3rem 0 .6rem; }
.bar span { display: block; height: 100%; border-radius: .2rem; }
.bar .b-support { background: var(--support); } .bar .b-oppose { background: var(--oppose); }
.bar .b-ambivalent { background: var(--ambivalent); } .bar .b-none_found { background: var(--none); }
.pos { list-style: none; padding: 0; margin: 0; }
.pos > li { padding: .5rem 0; border-top: 1px solid var(--line); }
blockquote { margin: .35rem 0; padding: .2rem .8rem; border-inline-start: 4px solid var(--support); background: var(--soft); }
blockquote.own { border-inline-start-color: #20303f; font-style: normal; }
blockquote.attributed { border-inline-start: 4px dashed var(--muted); background: #fff; font-style: italic; }
.stored-text p { white-space: pre-line; max-width: 46rem; }
.stored-text summary { cursor: pointer; font-weight: 600; }
.tag { display: inline-block; font-size: .75rem; padding: 0 .4em; border-radius: .2em; border: 1px solid var(--muted);
  color: var(--muted); margin-inline-start: .3em; }
.tag.changed { border-color: #9a4a00; color: #9a4a00; font-weight: 600; }
.tag.sig { border-style: dashed; }
ul.signers { list-style: none; padding: 0; margin: .3rem 0 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
ul.names { padding-inline-start: 1.2rem; }
.timeline { list-style: none; padding-inline-start: 0; border-inline-start: 3px solid var(--line); margin-inline-start: .4rem; }
.timeline > li { position: relative; padding: .2rem 0 .8rem 1rem; }
.timeline > li::before { content: ""; position: absolute; inset-inline-start: -.5rem; top: .55rem; width: .7rem; height: .7rem;
  border-radius: 50%; background: var(--fg); }
table.matrix td, table.matrix th { white-space: nowrap; }
table.matrix td.cell { text-align: center; }
table.matrix td.cell a { text-decoration: none; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: start; }
th button::after { content: " \2195"; color: var(--muted); }
#search { margin: 1rem 0; }
#search input { font-size: 1.05rem; padding: .4rem .6rem; width: 100%; max-width: 30rem; border: 1px solid var(--muted); border-radius: .3rem; }
#hits { padding-inline-start: 1.2rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .8rem; }
.card { border: 1px solid var(--line); border-radius: .4rem; padding: .6rem .8rem; }
.legend { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0; }
figure.net { margin: 0; border: 1px solid var(--line); border-radius: .4rem; }
figure.net svg { display: block; width: 100%; height: auto; }
figure.net figcaption { padding: .5rem .8rem; color: var(--muted); font-size: .9rem; }
.v-nostance { background: #fff; color: #000; border-style: dashed; }
figure.net .shared line { stroke: #8a8a8a; stroke-opacity: .45; }
figure.net .members line { stroke: #20303f; stroke-width: 1.8; }
figure.net circle { stroke: #1b1b1b; stroke-width: 1; }
figure.net .n-support { fill: var(--support); } figure.net .n-oppose { fill: var(--oppose); }
figure.net .n-ambivalent { fill: var(--ambivalent); } figure.net .n-none_found { fill: var(--none); }
figure.net .n-nostance { fill: #fff; stroke-dasharray: 2 2; }
figure.net text { font-size: 11px; text-anchor: middle; fill: #1b1b1b; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
figure.net a:hover circle, figure.net a:focus circle { stroke-width: 3; }
.storedtext { white-space: pre-wrap; background: var(--soft); padding: .8rem; border-radius: .3rem; max-height: 40rem; overflow: auto; }
@media (max-width: 40rem) {
  main { padding: .6rem; }
  h1 { font-size: 1.35rem; }
  th, td { padding: .3rem .35rem; }
  table.wide thead { display: none; }
  table.wide tr { display: block; border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.wide td { display: block; border: 0; padding: .1rem 0; text-align: start; }
  table.wide td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
}
@media print {
  header.top, #search, footer { display: none; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .camp, .pos > li, .timeline > li, tr { break-inside: avoid; }
  .v, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .scroll { overflow: visible; }
}
"#;

const JS: &str = r#"// stancedb report: enhancements only (search box, sortable columns); pages work without it.
"use strict";
(function () {
  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function search() {
    var box = document.getElementById("search");
    var data = window.STANCEDB_INDEX;
    if (!box || !data) { return; }
    var input = document.getElementById("q");
    var hits = document.getElementById("hits");
    var keys = data.map(function (e) { return fold(e[0]); });
    box.hidden = false;
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      hits.textContent = "";
      if (q.length === 0) { return; }
      var shown = 0;
      for (var i = 0; i < data.length && shown < 50; i++) {
        if (keys[i].indexOf(q) !== -1) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = data[i][1];
          a.textContent = data[i][0];
          if (data[i][3]) { a.lang = data[i][3]; }
          li.appendChild(a);
          li.appendChild(document.createTextNode(" (" + data[i][2] + ")"));
          hits.appendChild(li);
          shown++;
        }
      }
      if (shown === 0) { hits.textContent = "Nothing found."; }
    });
  }
  function sortable(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      while (th.firstChild) { b.appendChild(th.firstChild); }
      th.appendChild(b);
      b.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var desc = th.getAttribute("aria-sort") === "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        function key(r) {
          var c = r.cells[col];
          return c ? (c.getAttribute("data-sort") || c.textContent.trim()) : "";
        }
        rows.sort(function (x, y) {
          var a = key(x), b2 = key(y);
          var r = a < b2 ? -1 : a > b2 ? 1 : 0;
          return desc ? -r : r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    search();
    document.querySelectorAll("table.sortable").forEach(sortable);
  });
})();
"#;

/// Write the style sheet and the script into `dir/assets`.
pub fn write(dir: &Path) -> Result<()> {
    fs::write(dir.join("assets/style.css"), CSS)?;
    fs::write(dir.join("assets/report.js"), JS)?;
    Ok(())
}
