// The report view: facts, project, copies, references both ways, similar
// projects, then the report's sections with the query's words marked.

import { api, displayTitle, esc, errorBox, fileLink, fileUrl, focusHeading, isCurrent, isGenericTitle,
  highlight, isPdf, label, nextRequest, pageSpan, paragraphs, queryWords, spinner } from "./util.js";
import { docUrl, projectUrl } from "./state.js";
import { backLink, loadSimilar, similarHtml } from "./related.js";

const $ = (id) => document.getElementById(id);

/** Names of the labelled fields, as the document view shows them. */
const FIELD_NAMES = { forbund: "Förbund", report_type: "Rapporttyp", malgrupp: "Målgrupp", year: "År",
  project: "Projekt", owner: "Projektägare", partners: "Samverkanspart" };

/** "Varför dessa uppgifter?": each label beside the text that produced it. */
function evidenceHtml(doc) {
  const rows = (doc.evidence || []).map((e) => `<li><strong>${esc(FIELD_NAMES[e.field] || e.field)}:
    ${esc(e.field === "report_type" || e.field === "malgrupp" ? label(e.value) : e.value)}</strong>
    – ”${esc(e.text)}” <span class="muted">${e.page ? `s. ${esc(e.page)}` : "filnamn"}</span></li>`).join("");
  const overridden = (doc.overridden || []).map((f) => FIELD_NAMES[f] || f).join(", ");
  const note = overridden ? `<p class="muted">Satt för hand i en rättelsefil: ${esc(overridden)}.</p>` : "";
  return rows || note ? `<details class="evidence"><summary>Varför dessa uppgifter?</summary>${note}<ul>${rows}</ul></details>` : "";
}

/** A section's kind and, in a bundled report, the type of its part. */
function sectionLabels(s) {
  const parts = [];
  if (s.kind && s.kind !== "övrigt") parts.push(label(s.kind));
  if (s.part_type) parts.push(`del: ${label(s.part_type)}`);
  return parts.length ? `<span class="kind">${esc(parts.join(" · "))}</span> · ` : "";
}

/** The report's place in its project: every report of it, this one marked. */
function projectBox(doc, project, state) {
  if (!doc.project_id) return "";
  const name = project?.name || doc.project || "projektet";
  const items = (project?.documents || []).map((d) => {
    const here = d.doc_id === doc.doc_id;
    const text = `${d.year ? `${d.year} · ` : ""}${label(d.report_type || "rapport")}: ${d.title || "Namnlös rapport"}`;
    return here ? `<li aria-current="true"><strong>${esc(text)}</strong> <span class="muted">(den här rapporten)</span></li>`
      : `<li><a href="${esc(docUrl(state, d.doc_id))}" data-nav>${esc(text)}</a></li>`;
  }).join("");
  return `<section class="related-box" aria-labelledby="project-box-heading">
    <h2 id="project-box-heading">Del av projektet ${esc(name)}</h2>
    ${items ? `<ol class="mini-timeline">${items}</ol>` : ""}
    <p><a href="${esc(projectUrl(state, doc.project_id))}" data-nav>Visa projektet ${esc(name)} med tidslinje</a></p>
  </section>`;
}

/** "Hänvisar till": resolved references link to the report, the rest stay as text. */
function referencesBox(refs, state) {
  if (!refs?.length) return "";
  const items = refs.map((r) => r.doc_id
    ? `<li><a href="${esc(docUrl(state, r.doc_id))}" data-nav>${esc(r.text)}</a></li>`
    : `<li>${esc(r.text)} <span class="missing">finns inte i Finsamsök</span></li>`).join("");
  return `<section class="related-box" aria-labelledby="refs-heading">
    <h2 id="refs-heading">Hänvisar till</h2><ul class="ref-list">${items}</ul></section>`;
}

/** "Hänvisas till av": reports that cite this one. */
function citedByBox(cited, state) {
  if (!cited?.length) return "";
  const items = cited.map((c) =>
    `<li><a href="${esc(docUrl(state, c.doc_id))}" data-nav>${esc(c.title || "Namnlös rapport")}</a></li>`).join("");
  return `<section class="related-box" aria-labelledby="cited-heading">
    <h2 id="cited-heading">Hänvisas till av</h2><ul class="ref-list">${items}</ul></section>`;
}

function factsHtml(doc, projectName, state) {
  const paths = doc.paths?.length ? doc.paths : [doc.path];
  const projectCell = doc.project_id
    ? `<a href="${esc(projectUrl(state, doc.project_id))}" data-nav>${esc(projectName || "Visa projektet")}</a>`
    : doc.project ? esc(doc.project) : "";
  const copies = paths.slice(1);
  const rows = [
    ["Förbund", esc(doc.forbund)], ["Rapporttyp", doc.report_type && esc(label(doc.report_type))],
    ["Målgrupp", esc((doc.malgrupp || []).map(label).join(", "))], ["År", esc(doc.year)],
    ["Projekt", projectCell], ["Projektägare", esc(doc.owner)],
    ["Samverkansparter", esc((doc.partners || []).join(", "))],
    ["Antal sidor", esc(doc.pages)], ["Fil", `<span class="path">${esc(paths[0])}</span>`],
    ["Även som", copies.length ? copies.map((p) => `<span class="path">${esc(p)}</span>`).join("<br>") : ""],
  ];
  return rows.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("");
}

export async function renderDocument(state, focus) {
  const seq = nextRequest();
  const view = $("doc-view");
  const back = backLink(state);
  view.innerHTML = `${back}${spinner("Hämtar rapporten…")}`;
  view.setAttribute("aria-busy", "true");
  try {
    const [doc, similar] = await Promise.all([
      api(`/api/documents/${encodeURIComponent(state.doc)}`),
      loadSimilar("documents", state.doc),
    ]);
    const project = doc.project_id
      ? await api(`/api/projects/${encodeURIComponent(doc.project_id)}`).catch(() => null) : null;
    if (!isCurrent(seq)) return;
    const words = queryWords(state.q);
    const pdf = isPdf(doc.path);
    const projectName = project?.name || doc.project;
    const shown = displayTitle(doc, projectName);
    document.title = `${shown || "Rapport"} – Finsamsök`;
    const copyOf = doc.duplicate_of
      ? `<p class="notice-inline">Den här filen är en kopia av en annan rapport i Finsamsök:
         <a href="${esc(docUrl(state, doc.duplicate_of))}" data-nav>visa originalet</a>.</p>` : "";
    const sections = (doc.sections || []).map((s) => `
      <section class="doc-section" id="avsnitt-${esc(s.id)}"${s.lang && s.lang !== "sv" ? ` lang="${esc(s.lang)}"` : ""}>
        <h3>${s.heading ? highlight(s.heading, words) : '<span class="muted">(Utan rubrik)</span>'}</h3>
        <p class="section-pages">${sectionLabels(s)}${pageSpan(s.page_start, s.page_end)}
          · ${fileLink(doc.doc_id, doc.path, s.page_start, pdf ? `Öppna PDF på s. ${s.page_start}` : "")}</p>
        <div class="section-text">${paragraphs(s.text, words)}</div>
      </section>`).join("");
    const related = [projectBox(doc, project, state), referencesBox(doc.references, state),
      citedByBox(doc.cited_by, state), similarHtml(similar, state)].join("");
    view.innerHTML = `${back}
      <header class="doc-header">
        <h1 id="doc-title">${esc(doc.title || "Namnlös rapport")}</h1>
        ${isGenericTitle(doc.title, projectName) && shown !== doc.title ? `<p class="doc-subtitle">${esc(shown)}</p>` : ""}
        ${copyOf}
        <dl class="facts">${factsHtml(doc, projectName, state)}</dl>
        ${evidenceHtml(doc)}
        <p><a class="button" href="${esc(fileUrl(doc.doc_id))}" target="_blank" rel="noopener">
          ${pdf ? "Öppna hela PDF-filen" : "Öppna hela filen"}<span class="visually-hidden"> (öppnas i ny flik)</span></a>
          ${words.length ? `<span class="muted">Sökorden är markerade i texten.</span>` : ""}</p>
      </header>
      <div class="related">${related}</div>
      <h2 class="text-heading">Rapportens text</h2>
      ${sections || '<p class="muted">Rapporten har inga textavsnitt.</p>'}
      <p>${back}</p>`;
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.classList.add("is-target"); target.tabIndex = -1; target.focus(); }
    else if (focus) focusHeading($("doc-title"));
  } catch (err) {
    if (!isCurrent(seq)) return;
    view.innerHTML = `${back}${errorBox(err.message, err.retry)}`;
  } finally {
    if (isCurrent(seq)) view.setAttribute("aria-busy", "false");
  }
}
