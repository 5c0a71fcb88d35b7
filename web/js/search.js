// Report results (the default: one card per report with its best sections),
// section results (group=section), the omvärldsbild of a search
// (view=omvarld), and the start page's list of reports.

import { api, displayTitle, esc, errorBox, fileLink, focusHeading, isCurrent, isGenericTitle, isPdf, label,
  nextRequest, num, shortForbund } from "./util.js";
import { PAGE_SIZE, SEARCH_FACETS, SORTS, addFilters, docUrl, hasFilters, noFilters, overviewUrl, projectUrl,
  projectsUrl, reportsUrl, stateUrl, withState } from "./state.js";
import { renderActiveFilters, renderFacets, renderPager } from "./filters.js";
import { highlight, markedForms, queryWords, rememberForms, safeSnippet, snippetsOf } from "./text.js";
import { loadOverview, overviewForms, overviewHtml } from "./overview.js";
import { exportHtml } from "./export.js";

const $ = (id) => document.getElementById(id);

/** The search API's URL; `group` is "document" (one hit per report) or "section". */
function searchPath(state, limit, group) {
  const p = addFilters(new URLSearchParams({ q: state.q }), state);
  p.set("group", group);
  p.set("limit", limit);
  p.set("offset", state.offset);
  if (state.sort) p.set("sort", state.sort);
  return `/api/search?${p}`;
}

/** Project names by id, for the start page's list (the document list carries only ids). */
let projectNames = null;
async function loadProjectNames() {
  if (projectNames) return projectNames;
  try {
    const list = await api("/api/projects?limit=100");
    projectNames = { total: list.total, names: new Map(list.projects.map((p) => [p.project_id, p.name])) };
  } catch {
    projectNames = { total: 0, names: new Map() }; // the list still works without names
  }
  return projectNames;
}

export function setStatus(html, busy) {
  $("status").innerHTML = html;
  $("search-view").setAttribute("aria-busy", busy ? "true" : "false");
}

// ---------- Cards ----------

/** How a card marks text: the server's marked forms, and the typed words (to tell synonyms). */
let marking = { forms: new Set(), words: [] };

/** Year · type · förbund · project, then målgrupp chips. */
function metaHtml(item, state, projectName) {
  const parts = [];
  if (item.year) parts.push(`<span class="year">${esc(item.year)}</span>`);
  if (item.report_type) parts.push(`<span>${esc(label(item.report_type))}</span>`);
  if (item.forbund) parts.push(`<span>${esc(item.forbund)}</span>`);
  const name = projectName ?? item.project;
  if (item.project_id) {
    parts.push(`<span>Projekt: <a href="${esc(projectUrl(state, item.project_id))}" data-nav>${
      esc(name || "visa projektet")}</a></span>`);
  } else if (name) {
    parts.push(`<span>Projekt: ${esc(name)}</span>`);
  }
  const chips = (item.malgrupp || []).map((m) => `<li class="chip">${esc(label(m))}</li>`).join("");
  return `<p class="meta">${parts.join('<span aria-hidden="true"> · </span>')}</p>` +
    (chips ? `<ul class="chips" aria-label="Målgrupp">${chips}</ul>` : "");
}

/** "Fil: … · även som: …" when a report has copies, or when its title alone does not tell it apart. */
function filesHtml(item, projectName) {
  const paths = item.paths?.length ? item.paths : [item.path];
  if (paths.length < 2 && !isGenericTitle(item.title, projectName ?? item.project)) return "";
  const copies = paths.slice(1).map((p) => `<span class="path">${esc(p)}</span>`).join(", ");
  return `<p class="hit-files">Fil: <span class="path">${esc(paths[0])}</span>${
    copies ? ` <span aria-hidden="true">·</span> även som: ${copies}` : ""}</p>`;
}

/** The section's kind ("Resultat"), unless it is "övrigt" or its heading already says it. */
function kindLabel(kind, heading) {
  if (!kind || kind === "övrigt") return "";
  if (String(heading ?? "").toLocaleLowerCase("sv").includes(kind.toLocaleLowerCase("sv"))) return "";
  return `<span class="kind">${esc(label(kind))}</span>`;
}

/** A heading with the search's forms marked, as in the snippet. */
const markedHeading = (heading) => highlight(heading, marking.forms, marking.words);

/** Where in the report: heading (linked to the section when `url` is given), kind, page. */
function whereHtml(section, url) {
  const heading = !section.heading ? "" : url
    ? `<a class="hit-heading" href="${esc(url)}" data-nav>${markedHeading(section.heading)}</a> · `
    : `<span class="hit-heading">${markedHeading(section.heading)}</span> · `;
  const kind = kindLabel(section.section_kind, section.heading) ? `${kindLabel(section.section_kind, section.heading)} · ` : "";
  const ocr = section.ocr ? ` · <span title="Texten är inläst med OCR från en skannad sida och kan innehålla feltolkningar">OCR-läst</span>` : "";
  return `${heading}${kind}s. ${esc(section.page)}${ocr}`;
}

const snippet = (html) => safeSnippet(html, marking.words);

/** The report's running header or footer, when the query's words are there and not in the section. */
const furnitureHtml = (hit) => (hit.furniture
  ? `<p class="snippet furniture-snippet" dir="auto"><span class="muted">I sidhuvud eller sidfot:</span> ${snippet(hit.furniture)}</p>`
  : "");

/** One report: its best section, up to two more, and "N fler träffar i rapporten". */
function reportCard(hit, state) {
  const url = docUrl(state, hit.doc_id);
  // Without a query every section "matches": the first one is shown, not the rest.
  const also = (state.q ? hit.also || [] : []).map((a) => `<li>
      <a href="${esc(docUrl(state, hit.doc_id, a.id))}" data-nav>${a.heading ? markedHeading(a.heading) : "Avsnitt utan rubrik"}</a>${
        kindLabel(a.section_kind, a.heading) ? ` · ${kindLabel(a.section_kind, a.heading)}` : ""}
      · ${fileLink(hit.doc_id, hit.path, a.page, `s. ${a.page}`)}
      <span class="also-snippet" dir="auto">${snippet(a.snippet)}</span></li>`).join("");
  const more = state.q && hit.more > 0
    ? `<p class="more"><a href="${esc(url)}" data-nav>${num(hit.more)} fler ${hit.more === 1 ? "träff" : "träffar"} i rapporten</a></p>` : "";
  return `<li class="hit">
    <h2 class="hit-title"><a href="${esc(url)}" data-nav>${esc(displayTitle(hit))}</a></h2>
    ${metaHtml(hit, state)}
    <p class="hit-where">${whereHtml(hit, docUrl(state, hit.doc_id, hit.id))}</p>
    <p class="snippet" dir="auto">${snippet(hit.snippet)}</p>
    ${furnitureHtml(hit)}
    ${fileLink(hit.doc_id, hit.path, hit.page, isPdf(hit.path) ? `Öppna PDF på sidan ${hit.page}` : "")}
    ${also ? `<ul class="also" aria-label="Fler träffar i rapporten">${also}</ul>` : ""}
    ${more}
    ${filesHtml(hit)}
  </li>`;
}

/** One section (group=section). */
function sectionCard(hit, state) {
  const url = docUrl(state, hit.doc_id, hit.id);
  return `<li class="hit">
    <h2 class="hit-title"><a href="${esc(url)}" data-nav>${esc(displayTitle(hit))}</a></h2>
    <p class="hit-where">${whereHtml(hit)}</p>
    ${metaHtml(hit, state)}
    <p class="snippet" dir="auto">${snippet(hit.snippet)}</p>
    ${furnitureHtml(hit)}
    ${fileLink(hit.doc_id, hit.path, hit.page, isPdf(hit.path) ? `Öppna PDF på sidan ${hit.page}` : "")}
  </li>`;
}

/** A report on the start page's list. */
function listedReport(doc, state, names) {
  const name = names.get(doc.project_id) ?? doc.project;
  return `<li class="hit">
    <h2 class="hit-title"><a href="${esc(docUrl(state, doc.doc_id))}" data-nav>${esc(displayTitle(doc, name))}</a></h2>
    ${metaHtml(doc, state, name)}
    <p class="hit-where">${doc.pages ? `${num(doc.pages)} sidor · ` : ""}<span class="path">${esc(doc.path)}</span>${
      doc.paths?.length > 1 ? ` · även som: ${doc.paths.slice(1).map((p) => `<span class="path">${esc(p)}</span>`).join(", ")}` : ""}</p>
  </li>`;
}

/**
 * Cards in an ordered list; hits lacking some of the words follow, in a
 * second list, after a line that says so (a list holds only its items).
 */
function hitLists(hits, card) {
  const cut = hits.findIndex((h) => h.partial);
  if (cut < 0) return `<ol class="hit-list">${hits.map(card).join("")}</ol>`;
  const before = hits.slice(0, cut), after = hits.slice(cut);
  return (before.length ? `<ol class="hit-list">${before.map(card).join("")}</ol>` : "") +
    `<p class="partial-divider">Träffarna nedan saknar något av sökorden</p>` +
    `<ol class="hit-list" start="${cut + 1}">${after.map(card).join("")}</ol>`;
}

// ---------- Tools above the results ----------

/** "Träffar | Omvärldsbild": the current one is text (one Tab stop fewer), the other a link. */
function viewTabs(state) {
  const tab = (on, url, text, key) => on
    ? `<span class="current" aria-current="page">${text}</span>`
    : `<a href="${esc(url)}" data-nav data-key="${key}">${text}</a>`;
  const overview = state.view === "omvarld";
  return `${tab(!overview, reportsUrl(state), "Träffar", "tab-hits")}${
    tab(overview, overviewUrl(state), "Omvärldsbild", "tab-overview")}`;
}

/** "Sortera: Relevans / Nyast först / Äldst först" — a select, applied as it changes. */
function sortBox(state) {
  const options = SORTS.map((s) => `<option value="${s.key}"${s.key === state.sort ? " selected" : ""}>${s.label}</option>`).join("");
  return `<label for="sort">Sortera</label> <select id="sort" data-key="sort">${options}</select>`;
}

/** "Per rapport | Per avsnitt": the other grouping is a link, kept in the URL. */
function groupToggle(state) {
  const option = (group, text) => (state.group || "") === group
    ? `<span class="current" aria-current="true">${text}</span>`
    : `<a href="${esc(stateUrl(withState(state, { group, offset: 0 })))}" data-nav>${text}</a>`;
  return `<div class="group-toggle">${option("", "Per rapport")}${option("section", "Per avsnitt")}</div>`;
}

/** The projects the reports on this page belong to, and a link to all matching projects. */
function hitProjects(state, hits) {
  const seen = new Map();
  for (const h of hits) if (h.project_id && !seen.has(h.project_id)) seen.set(h.project_id, h);
  if (!seen.size) return "";
  const items = [...seen.values()].map((h) =>
    `<li><a href="${esc(projectUrl(state, h.project_id))}" data-nav>${esc(h.project || "Projekt")}</a>${
      h.forbund ? ` <span class="muted">(${esc(shortForbund(h.forbund))})</span>` : ""}</li>`).join("");
  return `<div class="hit-projects">
      <h2 id="hit-projects-heading">Projekt bland träffarna</h2>
      <ul>${items}</ul>
      <p><a href="${esc(projectsUrl(state))}" data-nav>Alla projekt som matchar${state.q ? ` ”${esc(state.q)}”` : ""}</a></p></div>`;
}

// ---------- The view ----------

/** Search (or browse, when q is empty) and render results or the overview, and facets. */
export async function renderSearch(state, focus) {
  const seq = nextRequest();
  const startPage = !state.q && !hasFilters(state) && state.view !== "omvarld";
  const overview = state.view === "omvarld";
  const byReport = state.group !== "section";
  const group = startPage || byReport || overview ? "document" : "section";
  const heading = $("results-heading");
  document.title = `${overview ? "Omvärldsbild: " : ""}${state.q || (overview ? "alla rapporter" : "")}${state.q || overview ? " – " : ""}Finsamsök`;
  heading.innerHTML = overview ? `Omvärldsbild${state.q ? ` för ”${esc(state.q)}”` : ""}`
    : state.q ? `Sökresultat för ”${esc(state.q)}”${state.offset ? `<span class="visually-hidden">, sida ${state.offset / PAGE_SIZE + 1}</span>` : ""}`
      : startPage ? "Alla rapporter" : "Sökresultat";
  heading.classList.toggle("visually-hidden", startPage);
  $("welcome").hidden = !startPage;
  $("hit-projects").innerHTML = "";
  $("view-tabs").innerHTML = startPage ? "" : viewTabs(state);
  $("sort-box").innerHTML = startPage || overview ? "" : sortBox(state);
  $("group-box").innerHTML = "";
  $("overview").hidden = !overview;
  $("hits").hidden = overview;
  renderActiveFilters(state);
  $("suggestion").innerHTML = "";
  setStatus(`<span class="spinner" aria-hidden="true"></span> ${state.q ? "Söker…" : "Hämtar…"}`, true);
  $("hits").classList.add("loading");
  try {
    // The start page lists reports; its facets come from an empty-q search.
    const [search, docs, names, ov] = await Promise.all([
      api(searchPath(state, startPage || overview ? 0 : PAGE_SIZE, group)),
      startPage ? api(`/api/documents?limit=${PAGE_SIZE}&offset=${state.offset}`) : null,
      startPage ? loadProjectNames() : null,
      overview ? loadOverview(state) : null,
    ]);
    if (!isCurrent(seq)) return;
    renderFacets(search.facets, state, SEARCH_FACETS, startPage || overview || search.counts === "documents" ? ["rapport", "rapporter"] : ["avsnitt", "avsnitt"]);
    marking = { forms: new Set([...markedForms(snippetsOf(search.hits)), ...(ov ? overviewForms(ov) : [])]), words: queryWords(state.q) };
    if (state.q) rememberForms(state.q, marking.forms);
    $("export").innerHTML = "";
    if (docs) {
      $("hits").innerHTML = `<ol class="hit-list">${docs.documents.map((d) => listedReport(d, state, names.names)).join("")}</ol>`;
      $("welcome-projects").innerHTML = names.total
        ? `<a href="/?view=projects" data-nav>Bläddra bland ${esc(num(names.total))} projekt</a> – varje projekt med sina rapporter i tidsordning.` : "";
      setStatus(renderPager(state, docs.total, docNoun).replace("Visar", "Alla rapporter: visar"), false);
    } else if (overview) {
      $("pager").innerHTML = "";
      $("overview").innerHTML = overviewHtml(ov, state);
      renderSuggestion(search.suggestion, state, false, search.notice);
      setStatus(ov.total ? `${num(ov.total)} ${docNoun(ov.total)} svarar på sökningen${
        hasFilters(state) ? " med de valda filtren" : ""}` : emptyMessage(state, 0), false);
      if (!ov.total) $("overview").innerHTML = tipsHtml(state);
      $("export").innerHTML = exportHtml(state, "document", ov.total);
    } else {
      const card = byReport ? reportCard : sectionCard;
      $("hits").innerHTML = search.hits.length ? hitLists(search.hits, (h) => card(h, state))
        : search.total ? "" : tipsHtml(state);
      $("group-box").innerHTML = search.total ? groupToggle(state) : "";
      $("hit-projects").innerHTML = byReport ? hitProjects(state, search.hits) : "";
      renderSuggestion(search.suggestion, state, search.relaxed, search.notice);
      const line = renderPager(state, search.total, search.counts === "documents" ? docNoun : hitNoun);
      setStatus(line || emptyMessage(state, search.total), false);
      $("suggestion").insertAdjacentHTML("beforeend", legend());
      $("export").innerHTML = exportHtml(state, group, search.total);
    }
    if (!isCurrent(seq)) return;
    if (focus) focusHeading(heading);
  } catch (err) {
    if (!isCurrent(seq)) return;
    $("hits").innerHTML = "";
    $("overview").innerHTML = "";
    $("pager").innerHTML = "";
    $("export").innerHTML = "";
    setStatus(errorBox(err), false);
  } finally {
    if (isCurrent(seq)) $("hits").classList.remove("loading");
  }
}

const hitNoun = (n) => (n === 1 ? "träff" : "träffar");
const docNoun = (n) => (n === 1 ? "rapport" : "rapporter");

/** A line explaining the marks, when some mark is a synonym rather than a typed word. */
function legend() {
  if (!document.querySelector("#hits mark.syn, #overview mark.syn")) return "";
  return `<p class="mark-legend"><mark>Gult</mark>: dina sökord. <mark class="syn">Streckat</mark>: synonymer och
    förkortningar som också söktes.</p>`;
}

/**
 * The typed query with the corrected words quoted: a quoted word is searched
 * as typed, never corrected again ("samverkn unga" → "\"samverkn\" unga").
 */
function asTyped(typed, corrected) {
  const a = typed.split(/\s+/), b = corrected.split(/\s+/);
  if (a.length !== b.length) return `"${typed.replace(/"/g, "")}"`;
  return a.map((w, i) => (w === b[i] || /^["-]/.test(w) || w.includes(":") ? w : `"${w}"`)).join(" ");
}

function renderSuggestion(suggestion, state, relaxed, notice) {
  let html = "";
  if (notice) html = `<p class="suggestion">${esc(notice)}</p>`;
  if (suggestion) {
    const url = stateUrl(withState(state, { q: asTyped(state.q, suggestion), offset: 0 }));
    html += `<p class="suggestion">Visar träffar för <strong>${esc(suggestion)}</strong>. Sök i stället efter
      <a href="${esc(url)}" data-nav>${esc(state.q)}</a>.</p>`;
  }
  if (relaxed) {
    html += `<p class="suggestion">Få eller inga träffar innehöll alla sökorden – därför visas även träffar med några av dem, efter strecket.</p>`;
  }
  $("suggestion").innerHTML = html;
}

function emptyMessage(state, total) {
  if (total > 0) { // offset past the end, e.g. an old shared link
    const first = stateUrl(withState(state, { offset: 0 }));
    return `Inga fler träffar här. <a href="${esc(first)}" data-nav>Till första sidan</a>`;
  }
  const what = state.q ? ` för <strong>${esc(state.q)}</strong>` : "";
  return `Inga träffar${what}${hasFilters(state) ? " med de valda filtren." : "."}`;
}

/** Tips on a page without hits. */
function tipsHtml(state) {
  const tips = [];
  if (hasFilters(state)) {
    tips.push(`Ta bort ett filter, eller <a href="${esc(stateUrl(withState(state, { ...noFilters(), offset: 0 })))}" data-nav>sök utan filter</a>.`);
  }
  if (state.q) {
    tips.push("Kontrollera stavningen, eller skriv en kortare form av ordet: <em>bedömning</em> hittar även <em>arbetsförmågebedömning</em>.");
    if (state.q.trim().split(/\s+/).length > 1) {
      tips.push("Använd färre ord – alla ord måste finnas i ett avsnitt. Skriv <code>OR</code> mellan ord för att hitta något av dem: <code>SIP OR samordnad</code>.");
    }
    if (/"/.test(state.q)) tips.push("Ta bort citattecknen: en fras i citattecken måste stå exakt så i texten.");
    tips.push(`Sök bland <a href="${esc(projectsUrl(state))}" data-nav>projekten</a> i stället, eller <a href="/" data-nav>bläddra bland alla rapporter</a>.`);
  }
  tips.push(`Läs <button type="button" class="link-button" data-action="open-help">Sökhjälp</button> om fraser, att utesluta ord och att söka i rubriker.`);
  return `<div class="empty-tips"><h2>Tips</h2><ul>${tips.map((t) => `<li>${t}</li>`).join("")}</ul></div>`;
}
