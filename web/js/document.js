// The report view: facts, a table of contents, project, copies, references
// both ways, similar projects, then the report's sections with the search's
// words marked as the snippets mark them, and "Föregående/Nästa träff".

import { api, displayTitle, esc, errorBox, fileLink, fileUrl, focusHeading, isCurrent, isGenericTitle,
  isPdf, label, nextRequest, pageSpan, spinner } from "./util.js";
import { formsFor, highlight, paragraphs, queryWords } from "./text.js";
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
  return `<div class="related-box">
    <h2 id="project-box-heading">Del av projektet ${esc(name)}</h2>
    ${items ? `<ol class="mini-timeline">${items}</ol>` : ""}
    <p><a href="${esc(projectUrl(state, doc.project_id))}" data-nav>Visa projektet ${esc(name)} med tidslinje</a></p>
  </div>`;
}

/** "Hänvisar till": resolved references link to the report, the rest stay as text. */
function referencesBox(refs, state) {
  if (!refs?.length) return "";
  const items = refs.map((r) => r.doc_id
    ? `<li><a href="${esc(docUrl(state, r.doc_id))}" data-nav>${esc(r.text)}</a></li>`
    : `<li>${esc(r.text)} <span class="missing">finns inte i Finsamsök</span></li>`).join("");
  return `<div class="related-box">
    <h2 id="refs-heading">Hänvisar till</h2><ul class="ref-list">${items}</ul></div>`;
}

/** "Hänvisas till av": reports that cite this one. */
function citedByBox(cited, state) {
  if (!cited?.length) return "";
  const items = cited.map((c) =>
    `<li><a href="${esc(docUrl(state, c.doc_id))}" data-nav>${esc(c.title || "Namnlös rapport")}</a></li>`).join("");
  return `<div class="related-box">
    <h2 id="cited-heading">Hänvisas till av</h2><ul class="ref-list">${items}</ul></div>`;
}

/** How many search words are marked in some HTML. */
const markCount = (html) => (html.match(/<mark/g) || []).length;

/** The running headers, footers and page numbers taken off the text: searchable, shown apart,
 * open when the search words are in them and nowhere in the text (`inText` marks). */
function furnitureBox(lines, forms, words, inText) {
  if (!lines?.length) return { html: "", marks: 0 };
  // The server's marks come from section snippets, which never show furniture: the typed words too.
  const marked = new Set([...forms, ...words]);
  const items = lines.map((line) => `<li>${highlight(line, marked, words)}</li>`).join("");
  const marks = markCount(items);
  const html = `<details class="furniture" id="sidhuvuden"${marks && !inText ? " open" : ""}>
    <summary>Sidhuvuden, sidfötter och sidnummer (${lines.length} ${lines.length === 1 ? "rad" : "rader"})</summary>
    <p class="muted">Rader som står i sidans marginal tas bort ur texten ovan men går att söka på.</p>
    <ul>${items}</ul></details>`;
  return { html, marks };
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

/** The table of contents: each section with its page and, with a query, its marks. */
function tocHtml(sections, counts, open) {
  if (sections.length < 2) return "";
  const items = sections.map((s, i) => `<li><a href="#avsnitt-${esc(s.id)}" data-toc>${
      esc(s.heading || "(Utan rubrik)")}</a> <span class="muted">${pageSpan(s.page_start, s.page_end)}${
      counts[i] ? ` · ${counts[i]} ${counts[i] === 1 ? "träff" : "träffar"}` : ""}</span></li>`).join("");
  return `<nav class="toc" aria-labelledby="toc-heading"><details${open ? " open" : ""}>
      <summary><span id="toc-heading">Innehåll</span> <span class="muted">(${sections.length} avsnitt)</span></summary>
      <ol>${items}</ol></details></nav>`;
}

/** "Träff 3 av 17": the marks of the text, stepped through with Föregående/Nästa. */
let matches = { marks: [], at: -1 };

function matchNav(total) {
  if (!total) return "";
  return `<div class="match-nav" role="group" aria-label="Sökordens träffar i texten">
      <span id="match-pos" aria-live="polite">${total} ${total === 1 ? "markering" : "markeringar"} i texten</span>
      <span class="match-buttons">
        <button type="button" data-action="match-prev">← Föregående träff</button>
        <button type="button" data-action="match-next">Nästa träff →</button>
      </span></div>`;
}

/** Move to the next (+1) or previous (−1) mark: scrolled to, outlined and announced; focus stays on the button. */
export function stepMatch(dir) {
  const { marks } = matches;
  if (!marks.length) return;
  marks[matches.at]?.classList.remove("current");
  matches.at = (matches.at + dir + marks.length) % marks.length;
  const mark = marks[matches.at];
  mark.classList.add("current");
  mark.scrollIntoView({ block: "center" });
  const section = mark.closest(".doc-section");
  const where = section?.querySelector("h3")?.textContent.trim();
  $("match-pos").textContent = `Träff ${matches.at + 1} av ${marks.length}${where ? ` · ${where}` : ""}`;
}

/** A table-of-contents link: focus the section, put it in the address without a new history entry. */
export function goToSection(link) {
  const target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  if (!target) return;
  history.replaceState(null, "", link.getAttribute("href"));
  document.querySelectorAll(".doc-section.is-target").forEach((el) => el.classList.remove("is-target"));
  target.classList.add("is-target");
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "start" });
  const first = matches.marks.findIndex((m) => target.contains(m));
  if (first >= 0) matches.at = first - 1;
}

export async function renderDocument(state, focus) {
  const seq = nextRequest();
  const view = $("doc-view");
  const back = backLink(state);
  view.innerHTML = `${back}${spinner("Hämtar rapporten…")}`;
  view.setAttribute("aria-busy", "true");
  try {
    const [doc, similar, forms] = await Promise.all([
      api(`/api/documents/${encodeURIComponent(state.doc)}`),
      loadSimilar("documents", state.doc),
      formsFor(state.q),
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
    const docSections = doc.sections || [];
    const bodies = docSections.map((s) => ({
      heading: s.heading ? highlight(s.heading, forms, words) : '<span class="muted">(Utan rubrik)</span>',
      text: paragraphs(s.text, forms, words),
    }));
    const counts = bodies.map((b) => markCount(b.heading) + markCount(b.text));
    const total = counts.reduce((a, b) => a + b, 0);
    const furniture = furnitureBox(doc.furniture, forms, words, total);
    const sections = docSections.map((s, i) => `
      <section class="doc-section" id="avsnitt-${esc(s.id)}"${s.lang && s.lang !== "sv" ? ` lang="${esc(s.lang)}"` : ""}>
        <h3>${bodies[i].heading}</h3>
        <p class="section-pages" lang="sv">${sectionLabels(s)}${pageSpan(s.page_start, s.page_end)}
          · ${fileLink(doc.doc_id, doc.path, s.page_start, pdf ? `Öppna PDF på s. ${s.page_start}` : "")}</p>
        <div class="section-text" dir="auto">${bodies[i].text}</div>
      </section>`).join("");
    const related = [projectBox(doc, project, state), referencesBox(doc.references, state),
      citedByBox(doc.cited_by, state), similarHtml(similar, state)].join("");
    const wide = window.matchMedia("(min-width: 48em)").matches;
    view.innerHTML = `${back}
      <header class="doc-header">
        <h1 id="doc-title">${esc(doc.title || "Namnlös rapport")}</h1>
        ${isGenericTitle(doc.title, projectName) && shown !== doc.title ? `<p class="doc-subtitle">${esc(shown)}</p>` : ""}
        ${copyOf}
        <dl class="facts">${factsHtml(doc, projectName, state)}</dl>
        ${evidenceHtml(doc)}
        <p><a class="button" href="${esc(fileUrl(doc.doc_id))}" target="_blank" rel="noopener">
          ${pdf ? "Öppna hela PDF-filen" : "Öppna hela filen"}<span class="visually-hidden"> (öppnas i ny flik)</span></a>
          ${words.length ? `<span class="muted">${total ? `Sökorden är markerade i texten (${total} ${total === 1 ? "gång" : "gånger"}).`
            : furniture.marks ? '<a href="#sidhuvuden" data-toc>Sökorden finns bara i sidhuvud eller sidfot.</a>'
            : "Sökorden finns inte ordagrant i texten."}</span>` : ""}</p>
      </header>
      ${tocHtml(docSections, counts, wide && docSections.length <= 30)}
      <div class="related">${related}</div>
      <h2 class="text-heading" id="text-heading">Rapportens text</h2>
      ${matchNav(total)}
      ${sections || '<p class="muted">Rapporten har inga textavsnitt.</p>'}
      ${furniture.html}
      <p>${back}</p>`;
    matches = { marks: [...view.querySelectorAll(".doc-section mark")], at: -1 };
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.classList.add("is-target");
      target.tabIndex = -1;
      target.focus();
      const first = matches.marks.findIndex((m) => target.contains(m));
      if (first >= 0) matches.at = first - 1;
    } else if (focus) focusHeading($("doc-title"));
  } catch (err) {
    if (!isCurrent(seq)) return;
    view.innerHTML = `${back}${errorBox(err)}`;
  } finally {
    if (isCurrent(seq)) view.setAttribute("aria-busy", "false");
  }
}
