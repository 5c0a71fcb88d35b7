// Finsamsök – the search page. Plain JS modules, no build step.
// This file routes: it reads the state from the URL (js/state.js), shows the
// view it names and handles clicks, the search box and the year form. The
// views live in js/: search.js (results by report or section, the start
// page), projects.js (project list and project view), document.js (a report).

import { readState, stateUrl, withState, YEARS } from "./js/state.js";
import { api, esc, focusHeading } from "./js/util.js";
import { toggleExpanded } from "./js/filters.js";
import { renderSearch } from "./js/search.js";
import { renderProject, renderProjectList, toggleAllSections } from "./js/projects.js";
import { renderDocument } from "./js/document.js";

const $ = (id) => document.getElementById(id);

/**
 * Where focus goes back to when the user returns to a list: the link they
 * left it by (`href`), if they come back to the same list URL.
 */
let returnTo = null;

/** Show the view the URL names; `focus` moves keyboard focus to its heading. */
function render(focus = false) {
  const state = readState();
  const view = state.doc ? "doc" : state.project ? "project" : "list";
  $("q").value = state.q;
  $("search-view").hidden = view !== "list";
  $("doc-view").hidden = view !== "doc";
  $("project-view").hidden = view !== "project";
  document.querySelector("[data-skip]").hidden = view !== "list";
  markNav(state);
  if (view === "doc") return renderDocument(state, focus);
  if (view === "project") return renderProject(state, focus);
  const list = state.view === "projects" ? renderProjectList : renderSearch;
  const back = returnTo && returnTo.url === location.pathname + location.search ? returnTo : null;
  return Promise.resolve(list(state, focus && !back)).then(() => {
    if (!back) return;
    returnTo = null;
    const link = [...document.querySelectorAll("#hits a[data-nav]")].find((a) => a.getAttribute("href") === back.href);
    if (link) { link.focus({ preventScroll: true }); link.scrollIntoView({ block: "center" }); }
    else focusHeading($("results-heading"));
  });
}

/** Header links: "Rapporter" or "Projekt" marked as where the user is. */
function markNav(state) {
  const where = state.view === "projects" || (state.project && !state.doc) ? "projects" : "reports";
  for (const a of document.querySelectorAll(".site-nav a")) {
    if (a.dataset.section === where) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

/** Go to a new URL in-page (pushState) and render it. */
function navigate(url, focus = true) {
  history.pushState(null, "", url);
  return render(focus);
}

/** Clicks: in-page links, facet toggles, "Visa alla", "Försök igen", timeline toggles. */
function onClick(event) {
  const button = event.target.closest("button[data-facet], button[data-action]");
  if (button) {
    const state = readState();
    const action = button.dataset.action;
    if (action === "retry") return render(true);
    if (action === "expand") return toggleExpanded(button.dataset.facet, state);
    if (action === "toggle-sections") return toggleAllSections(button);
    const { facet, value } = button.dataset;
    const values = state[facet].includes(value) ? state[facet].filter((v) => v !== value) : [...state[facet], value];
    return navigate(stateUrl(withState(state, { [facet]: values, offset: 0 })), false);
  }
  const skip = event.target.closest("a.skip-link");
  if (skip) { // focus the target without a history entry (which would re-render the page)
    event.preventDefault();
    return focusHeading(document.querySelector(skip.getAttribute("href")));
  }
  const link = event.target.closest("a[data-nav]");
  if (!link || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  // Leaving a list for a report or project: remember the link, to return to it.
  if (link.closest("#hits") && !$("search-view").hidden) {
    returnTo = { url: location.pathname + location.search, href: link.getAttribute("href") };
  }
  const keepFocus = link.hasAttribute("data-keep-focus");
  const scrollTop = !link.hash && !keepFocus;
  navigate(link.getAttribute("href"), !keepFocus);
  if (scrollTop && !link.hasAttribute("data-back")) window.scrollTo(0, 0);
}

/** New query keeps the active filters (and the project list, if there) and starts at the first page. */
function onSubmit(event) {
  event.preventDefault();
  const state = readState();
  const q = $("q").value.trim();
  navigate(stateUrl(withState(state, { q, doc: "", project: "", offset: 0 })), false);
}

/** The year form: keep four-digit years, drop the rest, start at page one. */
function onYears(event) {
  if (event.target.id !== "year-form") return;
  event.preventDefault();
  const form = new FormData(event.target);
  const years = Object.fromEntries(YEARS.map((y) => [y, /^\d{4}$/.test(form.get(y)) ? form.get(y) : ""]));
  navigate(stateUrl(withState(readState(), { ...years, offset: 0 })));
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
$("search-form").addEventListener("submit", onSubmit);
window.addEventListener("popstate", () => render(true));
// Filters are open beside the results on wide screens, folded away on phones.
const wide = window.matchMedia("(min-width: 48em)");
$("filters").open = wide.matches;
wide.addEventListener("change", () => { $("filters").open = wide.matches; });
render(false);
showOcrNotice();
