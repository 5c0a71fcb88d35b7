// Projects (insatser): the list (/api/projects, with the current query and
// filters) and a project's view — its facts, a timeline of its reports with
// their syfte/mål/resultat/framgångsfaktorer sections, and similar projects.

import { api, esc, errorBox, fileLink, focusHeading, isCurrent, label, nextRequest,
  plural, shortForbund, spinner, yearSpan } from "./util.js";
import { paragraphs } from "./text.js";
import { PAGE_SIZE, PROJECT_FACETS, addFilters, docUrl, projectUrl, reportsUrl, SEARCH_FACETS } from "./state.js";
import { renderActiveFilters, renderFacets, renderPager } from "./filters.js";
import { setStatus } from "./search.js";
import { backLink, loadSimilar, similarHtml } from "./related.js";

const $ = (id) => document.getElementById(id);

/** The project list's API URL: the query, report filters and project filters. */
function projectsPath(state) {
  const p = addFilters(new URLSearchParams({ q: state.q }), state, SEARCH_FACETS);
  for (const v of state.inriktning) p.append("inriktning", v);
  if (state.esf.length === 1) p.set("esf", state.esf[0]);
  p.set("limit", PAGE_SIZE);
  p.set("offset", state.offset);
  return `/api/projects?${p}`;
}

const esfText = (esf) => (esf === true ? "Ja" : esf === false ? "Nej" : "");
const period = (p) => (p.start || p.end ? `${p.start || "?"} – ${p.end || "?"}` : "");
const unique = (values) => [...new Set(values || [])];

/** A project in the list. */
function projectCard(p, state) {
  const facts = [shortForbund(p.forbund), yearSpan(p.years), p.owner && `Projektägare: ${p.owner}`]
    .filter(Boolean).map((t) => `<span>${esc(t)}</span>`).join('<span aria-hidden="true"> · </span>');
  const types = unique(p.report_types).map(label).join(", ");
  const tags = [p.inriktning && label(p.inriktning), p.esf === true && "ESF-finansierat"].filter(Boolean)
    .map((t) => `<li class="chip chip-strong">${esc(t)}</li>`).join("");
  const chips = (p.malgrupp || []).map((m) => `<li class="chip">${esc(label(m))}</li>`).join("");
  return `<li class="hit project-card">
    <h2 class="hit-title"><a href="${esc(projectUrl(state, p.project_id))}" data-nav>${esc(p.name)}</a></h2>
    <p class="meta">${facts}</p>
    <p class="meta">${esc(plural(p.reports, "rapport", "rapporter"))}${types ? `: ${esc(types)}` : ""}</p>
    ${tags || chips ? `<ul class="chips" aria-label="Inriktning och målgrupp">${tags}${chips}</ul>` : ""}
  </li>`;
}

/** The list of projects, in the search view's layout (filters beside it). */
export async function renderProjectList(state, focus) {
  const seq = nextRequest();
  document.title = state.q ? `Projekt: ${state.q} – Finsamsök` : "Projekt – Finsamsök";
  const heading = $("results-heading");
  heading.textContent = state.q ? `Projekt som matchar ”${state.q}”` : "Projekt";
  heading.classList.remove("visually-hidden");
  $("welcome").hidden = true;
  $("suggestion").innerHTML = "";
  $("hit-projects").innerHTML = "";
  $("view-tabs").innerHTML = "";
  $("sort-box").innerHTML = "";
  $("export").innerHTML = "";
  $("overview").hidden = true;
  $("hits").hidden = false;
  $("group-box").innerHTML = `<p class="tools-line">Ett projekt (en insats) samlar ansökan, planer och rapporter om samma insats.
    <a href="${esc(reportsUrl(state))}" data-nav>${state.q ? "Visa rapporterna som matchar" : "Visa alla rapporter"}</a></p>`;
  renderActiveFilters(state);
  setStatus(`<span class="spinner" aria-hidden="true"></span> Hämtar projekt…`, true);
  $("hits").classList.add("loading");
  try {
    const list = await api(projectsPath(state));
    if (!isCurrent(seq)) return;
    renderFacets(list.facets, state, PROJECT_FACETS, ["projekt", "projekt"]);
    $("hits").innerHTML = `<ol class="hit-list">${list.projects.map((p) => projectCard(p, state)).join("")}</ol>`;
    const line = renderPager(state, list.total, () => "projekt");
    setStatus(line || (list.total ? "Inga fler projekt här." : `Inga projekt${state.q ? ` för <strong>${esc(state.q)}</strong>` : ""}${
      " hittades. Prova en annan sökning eller ta bort ett filter."}`), false);
    if (focus) focusHeading(heading);
  } catch (err) {
    if (!isCurrent(seq)) return;
    $("hits").innerHTML = "";
    $("pager").innerHTML = "";
    setStatus(errorBox(err), false);
  } finally {
    if (isCurrent(seq)) $("hits").classList.remove("loading");
  }
}

// ---------- One project ----------

function projectFacts(p) {
  const rows = [
    ["Förbund", p.forbund], ["Projektägare", p.owner], ["År", yearSpan(p.years)], ["Period", period(p)],
    ["Inriktning", p.inriktning && label(p.inriktning)], ["ESF-finansierat", esfText(p.esf)],
    ["Målgrupp", (p.malgrupp || []).map(label).join(", ")],
    ["Rapporter", p.reports ? plural(p.reports, "rapport", "rapporter") : ""],
  ];
  return rows.filter(([, v]) => v).map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("");
}

/** "Resultat · 2.3 Resultat och utfall" → the kind, then the heading (once when the heading says it). */
function summaryText(s) {
  const kind = label(s.kind || "avsnitt");
  const heading = String(s.heading || "");
  if (!heading) return `<span class="kind">${esc(kind)}</span>`;
  if (heading.toLocaleLowerCase("sv").includes(kind.toLocaleLowerCase("sv"))) return `<span class="kind">${esc(heading)}</span>`;
  return `<span class="kind">${esc(kind)}</span> · ${esc(heading)}`;
}

/** One report on the timeline, its key sections folded. */
function timelineItem(d, state) {
  const paths = d.paths?.length ? d.paths : [d.path];
  const sections = (d.sections || []).map((s) => `<details class="tl-section"${
      s.lang && s.lang !== "sv" ? ` lang="${esc(s.lang)}"` : ""}>
      <summary>${summaryText(s)} <span class="muted">s. ${esc(s.page_start)}</span></summary>
      <div class="section-text">${paragraphs(s.text)}</div>
      <p class="tl-section-links"><a href="${esc(docUrl(state, d.doc_id, s.id))}" data-nav>Läs avsnittet i rapporten</a>
        · ${fileLink(d.doc_id, d.path, s.page_start)}</p>
    </details>`).join("");
  return `<li class="tl-item">
    <h3 class="tl-title"><span class="tl-when">${esc([d.year, label(d.report_type || "rapport")].filter(Boolean).join(" · "))}</span>
      <a href="${esc(docUrl(state, d.doc_id))}" data-nav>${esc(d.title || "Namnlös rapport")}</a></h3>
    <p class="tl-links">${fileLink(d.doc_id, d.path)}${paths.length > 1
      ? ` · även som: ${paths.slice(1).map((p) => `<span class="path">${esc(p)}</span>`).join(", ")}` : ""}</p>
    ${sections ? `<div class="tl-sections">${sections}</div>` : ""}
  </li>`;
}

export async function renderProject(state, focus) {
  const seq = nextRequest();
  const view = $("project-view");
  const back = backLink(state);
  view.innerHTML = `${back}${spinner("Hämtar projektet…")}`;
  view.setAttribute("aria-busy", "true");
  try {
    const [project, similar] = await Promise.all([
      api(`/api/projects/${encodeURIComponent(state.project)}`),
      loadSimilar("projects", state.project),
    ]);
    if (!isCurrent(seq)) return;
    document.title = `${project.name} – projekt – Finsamsök`;
    const docs = project.documents || [];
    const anySections = docs.some((d) => d.sections?.length);
    view.innerHTML = `${back}
      <header class="doc-header">
        <p class="eyebrow">Projekt</p>
        <h1 id="project-title">${esc(project.name)}</h1>
        <dl class="facts">${projectFacts(project)}</dl>
      </header>
      <div class="timeline-box">
        <div class="box-head">
          <h2 id="timeline-heading">Rapporter i tidsordning</h2>
          ${anySections ? `<button type="button" class="link-button" data-action="toggle-sections" aria-expanded="false">Visa alla avsnitt</button>` : ""}
        </div>
        ${anySections ? `<p class="muted">Under varje rapport: dess syfte, mål, resultat och framgångsfaktorer. Öppna ett avsnitt för att läsa det.</p>` : ""}
        ${docs.length ? `<ol class="timeline">${docs.map((d) => timelineItem(d, state)).join("")}</ol>`
          : `<p class="muted">Projektet har inga rapporter i Finsamsök.</p>`}
      </div>
      <div class="related">${similarHtml(similar, state)}</div>
      <p>${back}</p>`;
    if (focus) focusHeading($("project-title"));
  } catch (err) {
    if (!isCurrent(seq)) return;
    view.innerHTML = `${back}${errorBox(err)}`;
  } finally {
    if (isCurrent(seq)) view.setAttribute("aria-busy", "false");
  }
}

/** "Visa alla avsnitt" / "Dölj alla avsnitt" on the timeline. */
export function toggleAllSections(button) {
  const open = button.getAttribute("aria-expanded") !== "true";
  for (const d of document.querySelectorAll("#project-view .tl-section")) d.open = open;
  button.setAttribute("aria-expanded", String(open));
  button.textContent = open ? "Dölj alla avsnitt" : "Visa alla avsnitt";
}

