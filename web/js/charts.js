// Charts drawn by the page: a ranked bar list that is also a table (so it is
// its own text alternative), and a year histogram in inline SVG whose bars
// are links that set the year range (click one year, or press on one bar and
// release on another for a range), with a table beside it for screen readers.
// Bars are SVG shapes sized by attributes: the CSP allows no inline styles.

import { esc, num } from "./util.js";
import { stateUrl, withState } from "./state.js";

const unitOf = (n, unit) => (n === 1 ? unit[0] : unit[1]);

/**
 * A ranked bar list as a table: a row per value, its name (a toggle button
 * when `facet` is given: it filters the search), a bar and the count.
 */
export function barTable({ id, caption, head, rows, unit, facet, state, limit = 10, expanded = false }) {
  if (!rows.length) return "";
  const max = Math.max(...rows.map((r) => r.count), 1);
  const shown = expanded ? rows : rows.slice(0, limit);
  const body = shown.map((r) => {
    const active = facet ? state[facet].includes(r.value) : false;
    const name = facet
      ? `<button type="button" class="bar-name${active ? " active" : ""}" data-facet="${esc(facet)}" data-value="${esc(r.value)}"
          data-key="${esc(`${id}:${r.value}`)}" aria-pressed="${active}">${esc(r.label)}</button>`
      : esc(r.label);
    const width = Math.max(1, Math.round((r.count / max) * 100));
    return `<tr${active ? ' class="active"' : ""}><th scope="row">${name}</th>
      <td><div class="bar-cell"><svg class="bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width="${width}" height="12"></rect></svg><span class="bar-count">${num(r.count)}<span class="visually-hidden"> ${
        esc(unitOf(r.count, unit))}</span></span></div></td></tr>`;
  }).join("");
  const more = rows.length > limit
    ? `<button type="button" class="link-button" data-action="expand-chart" data-chart="${esc(id)}" data-key="more:${esc(id)}"
        aria-expanded="${expanded}">${expanded ? "Visa färre" : `Visa alla ${num(rows.length)}`}</button>` : "";
  return `<table class="bar-table" id="${esc(id)}">
      <caption class="visually-hidden">${esc(caption)}</caption>
      <colgroup><col class="bar-name-col"><col></colgroup>
      <thead class="visually-hidden"><tr><th scope="col">${esc(head)}</th><th scope="col">Antal ${esc(unit[1])}</th></tr></thead>
      <tbody>${body}</tbody></table>${more}`;
}

/** The years from the first to the last with reports, gaps included (at most 60). */
function yearRange(years) {
  const counts = new Map(years.filter((y) => /^\d{4}$/.test(String(y.value))).map((y) => [Number(y.value), y.count]));
  if (!counts.size) return [];
  const all = [...counts.keys()];
  const from = Math.max(Math.min(...all), Math.max(...all) - 59), to = Math.max(...all);
  const out = [];
  for (let y = from; y <= to; y++) out.push({ year: y, count: counts.get(y) || 0 });
  return out;
}

/** True when the state's year filter is exactly `year`. */
const onlyYear = (state, year) => state.year_from === String(year) && state.year_to === String(year);

/** In the state's year range (an open end counts as open). */
const inRange = (state, year) => (state.year_from || state.year_to)
  && (!state.year_from || year >= Number(state.year_from)) && (!state.year_to || year <= Number(state.year_to));

/**
 * Reports per year as an SVG histogram. Each bar with reports is a link:
 * to that year alone (or back to all years when it already is the filter).
 * `id` names the chart (its keys keep focus across re-renders).
 */
export function yearHistogram({ id, years, state, unit, labelledBy, small = false }) {
  const range = yearRange(years);
  if (!range.length) return "";
  const max = Math.max(...range.map((r) => r.count), 1);
  const step = small ? 18 : 36, gap = small ? 3 : 8, top = small ? 14 : 18, plot = small ? 44 : 110;
  const labelEvery = Math.ceil(range.length / (small ? 4 : 10));
  const width = Math.max(range.length * step, small ? 120 : 280);
  const height = top + plot + (small ? 16 : 22);
  const left = (width - range.length * step) / 2;
  const bars = range.map((r, i) => {
    const x = left + i * step + gap / 2, w = step - gap;
    const h = r.count ? Math.max(2, Math.round((r.count / max) * plot)) : 0;
    const y = top + plot - h;
    const chosen = inRange(state, r.year);
    const label = i % labelEvery === 0 || i === range.length - 1 || range.length <= 8
      ? `<text class="axis" x="${x + w / 2}" y="${top + plot + (small ? 12 : 16)}" text-anchor="middle">${small ? `’${String(r.year).slice(2)}` : r.year}</text>` : "";
    if (!r.count) return `${label}<rect class="zero" x="${x}" y="${top + plot - 1}" width="${w}" height="1"></rect>`;
    const only = onlyYear(state, r.year);
    const url = stateUrl(withState(state, only ? { year_from: "", year_to: "", offset: 0 } : { year_from: String(r.year), year_to: String(r.year), offset: 0 }));
    const name = `${r.year}: ${num(r.count)} ${unitOf(r.count, unit)}. ${only ? "Visa alla år" : `Visa bara ${r.year}`}`;
    // The count is drawn beside the link, not in it: the link's name says it (with the year).
    return `<a href="${esc(url)}" data-nav draggable="false" data-year="${r.year}" data-key="${esc(`${id}:${r.year}`)}" aria-label="${esc(name)}">
        <rect class="hit-area" x="${x - gap / 2}" y="${top - (small ? 12 : 16)}" width="${step}" height="${plot + (small ? 12 : 16)}"></rect>
        <rect class="year-bar${chosen ? " chosen" : ""}" x="${x}" y="${y}" width="${w}" height="${h}"></rect>
        ${chosen ? `<rect class="chosen-mark" x="${x}" y="${top + plot + 1}" width="${w}" height="3"></rect>` : ""}
      </a><text class="count" x="${x + w / 2}" y="${y - (small ? 2 : 4)}" text-anchor="middle" aria-hidden="true">${r.count}</text>${label}`;
  }).join("");
  return `<svg class="histogram${small ? " small" : ""}" id="${esc(id)}" viewBox="0 0 ${width} ${height}" role="group"
      aria-labelledby="${esc(labelledBy)}" data-brush>${bars}</svg>`;
}

/** The histogram's text alternative: a table of years and counts (only years with reports). */
export function yearTable(years, unit, caption) {
  const rows = yearRange(years).filter((r) => r.count)
    .map((r) => `<tr><th scope="row">${r.year}</th><td>${num(r.count)}</td></tr>`).join("");
  return rows ? `<details class="chart-table"><summary>Visa som tabell</summary>
      <table><caption class="visually-hidden">${esc(caption)}</caption>
      <thead><tr><th scope="col">År</th><th scope="col">Antal ${esc(unit[1])}</th></tr></thead><tbody>${rows}</tbody></table></details>` : "";
}

/**
 * Brushing a range: press on one year's bar and release on another; the
 * years between become the filter. A press and release on one bar is an
 * ordinary click (that year alone). `go(url)` navigates.
 */
export function enableBrush(root, go) {
  let start = null;
  root.addEventListener("dragstart", (e) => { if (e.target.closest?.("svg[data-brush]")) e.preventDefault(); });
  const barOf = (e) => e.target.closest?.("svg[data-brush] a[data-year]");
  root.addEventListener("pointerdown", (e) => {
    const bar = barOf(e);
    start = bar && e.button === 0 ? { year: Number(bar.dataset.year), svg: bar.ownerSVGElement } : null;
  });
  root.addEventListener("pointerover", (e) => {
    if (!start || !(e.buttons & 1)) return;
    const bar = barOf(e);
    if (!bar || bar.ownerSVGElement !== start.svg) return;
    const [a, b] = [start.year, Number(bar.dataset.year)].sort((x, y) => x - y);
    for (const el of start.svg.querySelectorAll("a[data-year]")) {
      el.classList.toggle("brushing", Number(el.dataset.year) >= a && Number(el.dataset.year) <= b);
    }
  });
  root.addEventListener("pointerup", (e) => {
    const bar = barOf(e);
    const from = start;
    start = null;
    if (!from || !bar || bar.ownerSVGElement !== from.svg) return;
    const end = Number(bar.dataset.year);
    if (end === from.year) return; // a click: the link does it
    const [a, b] = [from.year, end].sort((x, y) => x - y);
    e.preventDefault();
    go({ year_from: String(a), year_to: String(b) }, bar.dataset.key);
  });
}
