// Omvärldsbild: where (förbund, län), when (years), in which kinds of reports
// and for which målgrupper a search was worked on, and "Vad andra har gjort" —
// framgångsfaktorer and hinder passages, one per project. Every count is of
// reports, from GET /api/overview.

import { api, displayTitle, esc, fileLink, isPdf, label, num, shortForbund } from "./util.js";
import { addFilters, docUrl, projectUrl } from "./state.js";
import { barTable, yearHistogram, yearTable } from "./charts.js";
import { facetLabel } from "./filters.js";
import { markedForms, queryWords, safeSnippet } from "./text.js";

const UNIT = ["rapport", "rapporter"];
const expanded = new Set(); // bar tables the user opened ("Visa alla")
let last = null; // { data, state } of the latest overview, to redraw on "Visa alla"

/** The overview of a search. */
export const loadOverview = (state) =>
  api(`/api/overview?${addFilters(new URLSearchParams({ q: state.q }), state)}`);

// ---------- Drawing ----------

const rowsOf = (values, facet) => (values || []).filter((v) => v.count > 0)
  .map((v) => ({ value: v.value, count: v.count, label: facet ? facetLabel(facet, v.value) : label(v.value) }));

function card(id, title, body, wide = false) {
  return body ? `<div class="ov-card${wide ? " ov-wide" : ""}"><h2 id="${id}-h">${esc(title)}</h2>${body}</div>` : "";
}

function chart(id, title, values, facet, state, head) {
  return card(id, title, barTable({ id, caption: title, head, rows: rowsOf(values, facet), unit: UNIT, facet, state,
    expanded: expanded.has(id) }));
}

function yearsCard(data, state) {
  const chartHtml = yearHistogram({ id: "ov-years", years: data.years, state, unit: UNIT, labelledBy: "ov-years-h" });
  if (!chartHtml) return card("ov-years", "Rapporter per år", `<p class="muted">Inga av rapporterna har ett känt år.</p>`, true);
  return card("ov-years", "Rapporter per år", `${chartHtml}
    <p class="chart-hint">Välj ett år för att visa bara det. För ett intervall: tryck på ett år och dra till ett annat,
      eller skriv åren i filtret År.</p>
    ${yearTable(data.years, UNIT, "Rapporter per år")}`, true);
}

/** One passage of "Vad andra har gjort". */
function workedItem(w, state, words) {
  const kind = w.kind === "hinder" ? "Hinder" : "Framgångsfaktorer";
  const name = w.project || displayTitle(w);
  const where = w.project_id ? projectUrl(state, w.project_id) : docUrl(state, w.doc_id);
  const report = [w.title, w.heading].filter(Boolean).join(" – ");
  const meta = [w.forbund && shortForbund(w.forbund), w.year].filter(Boolean).map((t) => `<span>${esc(t)}</span>`)
    .join('<span aria-hidden="true"> · </span>');
  return `<li class="worked">
    <p class="worked-kind ${w.kind === "hinder" ? "is-hinder" : "is-success"}">${kind}</p>
    <h3 class="worked-title"><a href="${esc(where)}" data-nav>${esc(name)}</a></h3>
    ${meta ? `<p class="meta">${meta}</p>` : ""}
    <p class="snippet" dir="auto">${safeSnippet(w.snippet, words)}</p>
    <p class="worked-links"><a href="${esc(docUrl(state, w.doc_id, w.id))}" data-nav>Läs avsnittet: ${esc(report || "rapporten")}</a>
      · ${fileLink(w.doc_id, w.path ?? null, w.page, w.path && !isPdf(w.path) ? "" : `PDF s. ${w.page}`)}</p>
  </li>`;
}

function workedHtml(data, state) {
  const words = queryWords(state.q);
  const items = (data.what_worked || []).map((w) => workedItem(w, state, words)).join("");
  const body = items ? `<ol class="worked-list">${items}</ol>`
    : `<p class="muted">Inga avsnitt om framgångsfaktorer eller hinder svarar på sökningen${state.q ? "" : " ännu"}.</p>`;
  return `<div class="ov-worked">
    <h2 id="ov-worked-h">Vad andra har gjort</h2>
    <p class="muted">Framgångsfaktorer och hinder ur de projekt som bäst svarar på sökningen – ett avsnitt per projekt.</p>
    ${body}</div>`;
}

/** The overview's HTML. */
export function overviewHtml(data, state) {
  last = { data, state };
  if (!data.total) return "";
  const lan = (data.lan || []).filter((l) => l.value !== "okänt");
  return `<p class="ov-intro">Alla siffror räknar <strong>rapporter</strong> (en rapport räknas en gång, hur många avsnitt
      som än svarar). Välj ett förbund, en rapporttyp, en målgrupp eller ett år för att filtrera.</p>
    <div class="ov-grid">
      ${yearsCard(data, state)}
      ${chart("ov-forbund", "Rapporter per förbund", data.forbund, "forbund", state, "Förbund")}
      ${lan.length ? chart("ov-lan", "Rapporter per län", lan, null, state, "Län") : ""}
      ${chart("ov-type", "Rapporter per rapporttyp", data.report_type, "report_type", state, "Rapporttyp")}
      ${chart("ov-malgrupp", "Rapporter per målgrupp", data.malgrupp, "malgrupp", state, "Målgrupp")}
    </div>
    ${workedHtml(data, state)}`;
}

/** "Visa alla" / "Visa färre" on one bar table; redraws from the latest data. */
export function toggleChart(id) {
  expanded.has(id) ? expanded.delete(id) : expanded.add(id);
  if (last) document.getElementById("overview").innerHTML = overviewHtml(last.data, last.state);
}

/** The marked forms of the overview's passages (to mark headings alike). */
export const overviewForms = (data) => markedForms((data.what_worked || []).map((w) => w.snippet));
