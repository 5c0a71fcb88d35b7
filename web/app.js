// Finsamsök – the search page. Plain JS modules, no build step.
// This file routes: it reads the state from the URL (js/state.js), shows the
// view it names, handles clicks, the search box, the sort and the year form,
// and decides where keyboard focus goes after each action. The views live in
// js/: search.js (results by report or section, the omvärldsbild, the start
// page), projects.js (project list and project view), document.js (a report).

import { readState, stateUrl, withState } from "./js/state.js";
import { api, esc, focusHeading } from "./js/util.js";
import { closeFilters, openFilters, placeFilters, readYearForm, setYearNote,
  toggleExpanded } from "./js/filters.js";
import { renderSearch } from "./js/search.js";
import { renderProject, renderProjectList, toggleAllSections } from "./js/projects.js";
import { goToSection, renderDocument, stepMatch } from "./js/document.js";
import { toggleChart } from "./js/overview.js";
import { enableBrush } from "./js/charts.js";

const $ = (id) => document.getElementById(id);

/**
 * Where focus goes back to when the user returns to a list: the link they
 * left it by (`href`), if they come back to the same list URL.
 */
let returnTo = null;

/**
 * Show the view the URL names. `focus`: true moves keyboard focus to the
 * view's heading; a string is the `data-key` of the control to keep focus on
 * (it is drawn anew); false leaves focus alone.
 */
function render(focus = false) {
  const state = readState();
  const view = state.doc ? "doc" : state.project ? "project" : "list";
  $("q").value = state.q;
  $("search-view").hidden = view !== "list";
  $("doc-view").hidden = view !== "doc";
  $("project-view").hidden = view !== "project";
  for (const a of document.querySelectorAll("[data-skip]")) a.hidden = view !== "list";
  markNav(state);
  if (view === "doc") return renderDocument(state, focus === true);
  if (view === "project") return renderProject(state, focus === true);
  const list = state.view === "projects" ? renderProjectList : renderSearch;
  const back = returnTo && returnTo.url === location.pathname + location.search ? returnTo : null;
  return Promise.resolve(list(state, focus === true && !back)).then(() => {
    if (typeof focus === "string") keepFocus(focus);
    if (!back) return;
    returnTo = null;
    const link = [...document.querySelectorAll("#hits a[data-nav], #overview a[data-nav]")]
      .find((a) => a.getAttribute("href") === back.href);
    if (link) { link.focus({ preventScroll: true }); link.scrollIntoView({ block: "center" }); }
    else focusHeading($("results-heading"));
  });
}

/** Focus the control drawn anew with `key` (a chip that is gone: the next chip, else the heading). */
function keepFocus(key) {
  if (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected) return;
  const el = key === "chip" ? document.querySelector("#active-filters a")
    : document.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (el) el.focus();
  else focusHeading($("results-heading"));
}

/** Header links: "Rapporter" or "Projekt" marked as where the user is. */
function markNav(state) {
  const where = state.view === "projects" || (state.project && !state.doc) ? "projects" : "reports";
  for (const a of document.querySelectorAll(".site-nav a")) {
    if (a.dataset.section === where) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

/** Go to a new URL in-page (pushState) and render it; `focus` as in render. */
function navigate(url, focus = true) {
  history.pushState(null, "", url);
  return render(focus);
}

/**
 * A filter was applied from `el`: on a phone the dialog closes (focus back on
 * "Filter (N)"); on a wide screen focus stays on the control (its key).
 */
function applied(el) {
  return closeFilters() ? false : el?.dataset?.key || (el?.hasAttribute?.("data-chip") ? "chip" : false);
}

const ACTIONS = {
  retry: () => render(true),
  expand: (b, state) => toggleExpanded(b.dataset.facet, state),
  "expand-chart": (b) => { toggleChart(b.dataset.chart); document.querySelector(`[data-key="${CSS.escape(b.dataset.key)}"]`)?.focus(); },
  "toggle-sections": (b) => toggleAllSections(b),
  "open-filters": () => openFilters(),
  "close-filters": () => closeFilters(),
  "match-next": () => stepMatch(1),
  "match-prev": () => stepMatch(-1),
  "open-help": () => {
    const help = document.querySelector(".search-help");
    help.open = true;
    help.querySelector("summary").focus();
    help.scrollIntoView({ block: "nearest" });
  },
};

/** Clicks: in-page links, facet toggles, actions, skip links. */
function onClick(event) {
  const button = event.target.closest("button[data-facet], button[data-action]");
  if (button) {
    const state = readState();
    if (button.dataset.action) return ACTIONS[button.dataset.action]?.(button, state);
    const { facet, value } = button.dataset;
    const values = state[facet].includes(value) ? state[facet].filter((v) => v !== value) : [...state[facet], value];
    return navigate(stateUrl(withState(state, { [facet]: values, offset: 0 })), applied(button));
  }
  if (event.target.closest("#filter-button")) return openFilters();
  const skip = event.target.closest("a.skip-link[data-skip]");
  if (skip) { // focus the target without a history entry (which would re-render the page)
    event.preventDefault();
    if (skip.dataset.skip === "filters") {
      if (window.matchMedia("(min-width: 48em)").matches) focusHeading($("facets"));
      else openFilters();
      return;
    }
    const first = document.querySelector("#hits .hit a, #overview a, #overview button");
    return first ? first.focus() : focusHeading($("results-heading"));
  }
  const toc = event.target.closest("a[data-toc]");
  if (toc) { event.preventDefault(); return goToSection(toc); }
  const link = event.target.closest("a[data-nav]");
  if (!link || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  // Leaving a list for a report or project: remember the link, to return to it.
  if (link.closest("#hits, #overview") && !$("search-view").hidden && !link.closest("svg")) {
    returnTo = { url: location.pathname + location.search, href: link.getAttribute("href") };
  }
  const inFilters = link.closest("#filter-panel, #active-filters, svg[data-brush]");
  const keep = link.hasAttribute("data-keep-focus") || inFilters;
  const scrollTop = !link.hash && !keep;
  navigate(link.getAttribute("href"), keep ? applied(link) : true);
  if (scrollTop && !link.hasAttribute("data-back")) window.scrollTo(0, 0);
}

/** New query keeps the active filters, the sort and the tab; starts at the first page. */
function onSubmit(event) {
  event.preventDefault();
  const state = readState();
  const q = $("q").value.trim();
  const view = state.view === "projects" || state.view === "omvarld" ? state.view : "";
  navigate(stateUrl(withState(state, { q, view, doc: "", project: "", offset: 0 })), false);
}

/** The year form: checked in Swedish; a reversed range is swapped and said so. */
function onYears(event) {
  if (event.target.id !== "year-form") return;
  event.preventDefault();
  const years = readYearForm(event.target);
  if (!years) return; // the form says what is wrong; focus is on the field
  if (years.swapped) setYearNote(`Från-året var senare än till-året, så åren bytte plats: ${years.year_from}–${years.year_to}.`);
  const { year_from, year_to } = years;
  navigate(stateUrl(withState(readState(), { year_from, year_to, offset: 0 })), applied(event.submitter || $("year-form")));
}

/** The sort: a new order from the first page; focus stays on the select. */
function onChange(event) {
  if (event.target.id !== "sort") return;
  navigate(stateUrl(withState(readState(), { sort: event.target.value, offset: 0 })), "sort");
}

/** Scanned files that were read without OCR: how many, which, and what to install. */
async function showOcrNotice() {
  try {
    const stats = await api("/api/stats");
    if (!stats.needs_ocr) return;
    const files = stats.needs_ocr_files.map((f) => esc(f.path)).join(", ");
    $("ocr-notice").innerHTML = `${stats.needs_ocr} dokument har skannade sidor som inte är sökbara ` +
      `(Tesseract saknades när de lästes; installera tesseract-ocr-swe): ${files}`;
    $("ocr-notice").hidden = false;
  } catch {
    // The notice is extra; the page works without it.
  }
}

document.addEventListener("click", onClick);
document.addEventListener("submit", onYears);
document.addEventListener("change", onChange);
$("search-form").addEventListener("submit", onSubmit);
$("filter-dialog").addEventListener("close", () => { if (document.activeElement === document.body) $("filter-button").focus(); });
enableBrush($("search-view"), (years, key) =>
  navigate(stateUrl(withState(readState(), { ...years, offset: 0 })), applied(document.querySelector(`[data-key="${CSS.escape(key)}"]`))));
window.addEventListener("popstate", () => render(true));
placeFilters();
render(false);
showOcrNotice();
