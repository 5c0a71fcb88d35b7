// The filter column (facet lists, reports per year and the year range), the
// chips of active filters above the results, and the pager — shared by the
// report results and the project list. On phones the column lives in a
// dialog opened by "Filter (N)" (see placeFilters).

import { esc, label, num, shortForbund } from "./util.js";
import { ALL_FACETS, PAGE_SIZE, YEARS, noFilters, stateUrl, withState } from "./state.js";
import { yearHistogram } from "./charts.js";

const $ = (id) => document.getElementById(id);
const FACET_PREVIEW = 8; // values shown before "Visa alla"
/** Section kinds of the "what came of it" shortcut. */
const OUTCOME_KINDS = ["resultat", "framgångsfaktorer"];

const expandedFacets = new Set(); // facets the user has expanded ("Visa alla")
let last = null; // the latest facets, to re-draw on "Visa alla"

/** A facet value as shown: förbund without "Samordningsförbundet", ESF as Ja/Nej. */
export function facetLabel(key, value) {
  if (key === "forbund") return shortForbund(value);
  if (key === "esf") return value === "ja" || value === "true" ? "Ja" : value === "nej" || value === "false" ? "Nej" : label(value);
  return label(value);
}

/**
 * Facet lists; active values are marked and toggle off on click.
 * `unit` says what the counts count: [one, many], e.g. ["rapport", "rapporter"].
 */
export function renderFacets(facets, state, defs, unit) {
  last = { facets, defs, unit };
  const focused = document.activeElement?.dataset?.key; // keep keyboard focus across re-render
  const lists = defs.map((f) => {
    const values = [...(facets?.[f.key] || [])];
    // Active values the server did not return still need to be visible.
    for (const v of state[f.key]) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
    if (!values.length) return "";
    const expanded = expandedFacets.has(f.key);
    const shown = expanded ? values : values.slice(0, FACET_PREVIEW);
    const items = shown.map((v) => {
      const active = state[f.key].includes(v.value);
      return `<li><button type="button" class="facet-value${active ? " active" : ""}" aria-pressed="${active}"
        data-facet="${f.key}" data-value="${esc(v.value)}" data-key="${esc(f.key + ":" + v.value)}">
        <span class="facet-label">${esc(facetLabel(f.key, v.value))}</span><span class="count"><span class="visually-hidden">, </span>${num(v.count)}<span class="visually-hidden"> ${esc(v.count === 1 ? unit[0] : unit[1])}</span></span></button></li>`;
    }).join("");
    const more = values.length > FACET_PREVIEW
      ? `<button type="button" class="link-button" data-action="expand" data-facet="${f.key}" data-key="more:${f.key}"
           aria-expanded="${expanded}">${expanded ? "Visa färre" : `Visa alla (${values.length})`}</button>` : "";
    const shortcut = f.key === "section_kind" ? outcomeShortcut(state) : "";
    return `<section class="facet"><h2>${f.label}</h2>${shortcut}<ul>${items}</ul>${more}</section>`;
  }).join("");
  $("facets").innerHTML = `<p class="facet-note">Siffrorna anger antal ${esc(unit[1])}.</p>${lists}${
    yearForm(state, facets?.year, unit)}`;
  if (focused) document.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
}

/** "Visa alla" / "Visa färre" on one facet. */
export function toggleExpanded(key, state) {
  expandedFacets.has(key) ? expandedFacets.delete(key) : expandedFacets.add(key);
  if (last) renderFacets(last.facets, state, last.defs, last.unit);
}

/** "Sök bara i Resultat och Framgångsfaktorer": one click sets both section kinds. */
function outcomeShortcut(state) {
  const on = OUTCOME_KINDS.every((k) => state.section_kind.includes(k));
  const url = stateUrl(withState(state, { section_kind: on ? [] : OUTCOME_KINDS, offset: 0 }));
  return `<p class="facet-shortcut"><a href="${esc(url)}" data-nav data-keep-focus data-key="shortcut:outcome">${on ? "Sök i alla avsnitt" :
    "Sök bara i Resultat och Framgångsfaktorer"}</a></p>`;
}

/** A message for the year form after the next render ("the years were swapped"). */
let yearNote = "";
export const setYearNote = (text) => { yearNote = text; };

/**
 * Year range: reports per year (when the server counts them: click a bar for
 * one year), then two four-digit fields checked by the page in Swedish
 * (novalidate: no browser bubbles), applied by the page's submit handler.
 */
function yearForm(state, years, unit) {
  const chart = years?.length
    ? yearHistogram({ id: "facet-years", years, state, unit, labelledBy: "year-heading", small: true }) : "";
  const note = yearNote ? `<p class="year-note" role="status">${esc(yearNote)}</p>` : "";
  yearNote = "";
  return `<section class="facet"><h2 id="year-heading">År</h2>${chart}
    <form id="year-form" class="year-form" novalidate aria-labelledby="year-heading">
      <div class="year-fields">
        <label for="year-from">Från</label>
        <input id="year-from" name="year_from" inputmode="numeric" maxlength="4" autocomplete="off"
               value="${esc(state.year_from)}" aria-describedby="year-help year-error">
        <label for="year-to">till</label>
        <input id="year-to" name="year_to" inputmode="numeric" maxlength="4" autocomplete="off"
               value="${esc(state.year_to)}" aria-describedby="year-help year-error">
        <button type="submit" data-key="year-apply">Använd</button>
      </div>
      <p id="year-help" class="year-help">Årtal med fyra siffror, t.ex. 2021. Lämna en ruta tom för ett öppet intervall.</p>
      <p id="year-error" class="field-error"></p>
      ${note}
    </form></section>`;
}

/**
 * Check the year form in Swedish: each filled field four digits from 1900 to
 * 2100. Marks bad fields `aria-invalid`, shows why and focuses the first;
 * returns {year_from, year_to, swapped} or null.
 */
export function readYearForm(form) {
  const error = form.querySelector("#year-error");
  const fields = YEARS.map((name) => form.elements[name]);
  let first = null;
  const messages = [];
  for (const field of fields) {
    const v = field.value.trim();
    const which = field.name === "year_from" ? "Från-året" : "Till-året";
    let problem = "";
    if (v && !/^\d{4}$/.test(v)) problem = `${which} ska skrivas med fyra siffror, t.ex. 2021.`;
    else if (v && (Number(v) < 1900 || Number(v) > 2100)) problem = `${which} måste ligga mellan 1900 och 2100.`;
    field.setAttribute("aria-invalid", problem ? "true" : "false");
    if (problem) { messages.push(problem); first ??= field; }
  }
  error.textContent = messages.join(" ");
  if (first) { first.focus(); return null; }
  let [from, to] = fields.map((f) => f.value.trim());
  const swapped = Boolean(from && to && Number(from) > Number(to));
  if (swapped) [from, to] = [to, from];
  return { year_from: from, year_to: to, swapped };
}

/** Chips for the active filters, each removable, plus "Rensa filter". */
export function renderActiveFilters(state) {
  const years = YEARS.filter((y) => state[y]);
  const n = ALL_FACETS.reduce((sum, f) => sum + state[f.key].length, 0) + years.length;
  $("filter-count").innerHTML = n ? ` (${n}<span class="visually-hidden"> ${n === 1 ? "aktivt" : "aktiva"}</span>)` : "";
  if (!n) { $("active-filters").innerHTML = ""; return; }
  const chips = ALL_FACETS.flatMap((f) => state[f.key].map((v) => {
    const url = stateUrl(withState(state, { [f.key]: state[f.key].filter((x) => x !== v), offset: 0 }));
    const text = `${f.label}: ${facetLabel(f.key, v)}`;
    return `<li><a class="filter-chip" href="${esc(url)}" data-nav data-chip
      aria-label="Ta bort filter ${esc(text)}">${esc(text)} <span aria-hidden="true">×</span></a></li>`;
  })).concat(years.map((y) => {
    const url = stateUrl(withState(state, { [y]: "", offset: 0 }));
    const text = `${y === "year_from" ? "Från år" : "Till år"} ${state[y]}`;
    return `<li><a class="filter-chip" href="${esc(url)}" data-nav data-chip aria-label="Ta bort filter ${esc(text)}">${esc(text)} <span aria-hidden="true">×</span></a></li>`;
  })).join("");
  const clear = stateUrl(withState(state, { ...noFilters(), offset: 0 }));
  $("active-filters").innerHTML = `<div class="active-filters"><span class="active-label">Aktiva filter:</span><ul>${chips}</ul>
    <a href="${esc(clear)}" data-nav data-chip class="clear-filters">Rensa filter</a></div>`;
}

/** Föregående/Nästa links; returns "Visar 1–20 av 57 rapporter" (or "" past the end). */
export function renderPager(state, total, noun) {
  if (!total) { $("pager").innerHTML = ""; return ""; }
  const from = state.offset + 1, to = Math.min(state.offset + PAGE_SIZE, total);
  const link = (offset, text, rel) =>
    `<a href="${esc(stateUrl(withState(state, { offset })))}" data-nav rel="${rel}">${text}</a>`;
  const prev = state.offset > 0 ? link(Math.max(0, state.offset - PAGE_SIZE), "← Föregående", "prev") : "";
  const next = to < total ? link(state.offset + PAGE_SIZE, "Nästa →", "next") : "";
  $("pager").innerHTML = prev || next ? `<span>${prev}</span><span>${next}</span>` : "";
  return from > total ? "" : `Visar ${num(from)}–${num(to)} av ${num(total)} ${noun(total)}`;
}

// ---------- Phones: the filters in a dialog ----------

const wide = window.matchMedia("(min-width: 48em)");

/** The filter panel beside the results on wide screens, in the dialog on phones. */
export function placeFilters() {
  const panel = $("filter-panel"), dialog = $("filter-dialog");
  if (wide.matches) {
    if (dialog.open) dialog.close();
    if (panel.parentElement !== $("filter-column")) $("filter-column").append(panel);
  } else if (panel.parentElement !== $("filter-slot")) {
    $("filter-slot").append(panel);
  }
}
wide.addEventListener("change", placeFilters);

/** "Filter (N)": open the dialog, focus its first control. */
export function openFilters() {
  placeFilters();
  const dialog = $("filter-dialog");
  if (!dialog.open) dialog.showModal();
}

/** Close the dialog (a filter was applied, or Stäng); focus back on "Filter (N)". True when it was open. */
export function closeFilters() {
  const dialog = $("filter-dialog");
  if (!dialog.open) return false;
  dialog.close();
  $("filter-button").focus();
  return true;
}
