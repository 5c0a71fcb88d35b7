// Finsamsök – the search page. Plain JS, no build step.
// The page's own query string is the single source of truth: every search,
// filter, page and document view is a URL (?q=…&forbund=…&offset=…, ?doc=…),
// so links can be shared and the back button works.
"use strict";

const PAGE_SIZE = 20;
const FACETS = [
  { key: "forbund", label: "Förbund" },
  { key: "malgrupp", label: "Målgrupp" },
  { key: "report_type", label: "Rapporttyp" },
  { key: "section_kind", label: "Avsnitt" },
  { key: "owner", label: "Projektägare" },
  { key: "partner", label: "Samverkanspart" },
];
const YEARS = ["year_from", "year_to"]; // year range filters, kept in the URL
/** Section kinds of the "what came of it" shortcut. */
const OUTCOME_KINDS = ["resultat", "framgångsfaktorer"];
const FACET_PREVIEW = 8; // values shown before "Visa alla"

const $ = (id) => document.getElementById(id);
let requestSeq = 0; // ignore answers to requests that are no longer current
const expandedFacets = new Set(); // facets the user has expanded ("Visa alla")
let lastFacets = null; // facets of the latest search, to re-draw on "Visa alla"

// ---------- Small helpers ----------

/** Escape text for insertion into HTML. */
function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** First letter upper-case, for labels such as "slutrapport". */
function label(value) {
  const s = String(value ?? "");
  return s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);
}

/** Facet display name: "Samordningsförbundet Gävleborg" → "Gävleborg" (the heading says Förbund). */
const facetLabel = (key, value) =>
  key === "forbund" ? String(value).replace(/^Samordningsförbundet\s+/i, "") : label(value);

/** Format a number the Swedish way (1 234). */
const num = (n) => Number(n || 0).toLocaleString("sv-SE");

/** "s. 3" or "s. 3–4". */
function pageSpan(start, end) {
  return !end || end === start ? `s. ${start}` : `s. ${start}–${end}`;
}

/**
 * The snippet is server-escaped with only <mark> as markup. As a safety net we
 * still parse it inertly and keep nothing but text and bare <mark> elements.
 */
function safeSnippet(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = String(html ?? "");
  return [...tpl.content.childNodes].map((node) =>
    node.nodeName === "MARK" ? `<mark>${esc(node.textContent)}</mark>` : esc(node.textContent)).join("");
}

// ---------- URL state ----------

/** Read the state from a query string. */
function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const state = { q: (p.get("q") || "").trim(), doc: p.get("doc") || "",
                  offset: Math.max(0, parseInt(p.get("offset"), 10) || 0) };
  for (const f of FACETS) state[f.key] = p.getAll(f.key).filter(Boolean);
  for (const y of YEARS) state[y] = /^\d{4}$/.test(p.get(y) || "") ? p.get(y) : "";
  return state;
}

/** Build the page URL ("/?…") for a state; empty values are left out. */
function stateUrl(state) {
  const p = new URLSearchParams();
  if (state.doc) p.set("doc", state.doc);
  if (state.q) p.set("q", state.q);
  for (const f of FACETS) for (const v of state[f.key] || []) p.append(f.key, v);
  for (const y of YEARS) if (state[y]) p.set(y, state[y]);
  if (state.offset) p.set("offset", state.offset); // kept in ?doc= URLs for "Tillbaka"
  const qs = p.toString();
  return qs ? `/?${qs}` : "/";
}

/** Copy of a state with some fields replaced. */
const withState = (state, changes) => ({ ...state, ...changes });
const hasFilters = (state) => FACETS.some((f) => state[f.key].length > 0) || YEARS.some((y) => state[y]);

/** Go to a new URL in-page (pushState) and render it. */
function navigate(url) {
  history.pushState(null, "", url);
  render();
}

// ---------- API ----------

/** Fetch JSON from the API; throws an Error with a Swedish message. */
async function api(path) {
  let res;
  try {
    res = await fetch(path, { headers: { Accept: "application/json" } });
  } catch {
    throw new Error("Kunde inte nå servern. Kontrollera din anslutning och försök igen.");
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    // A 4xx with a message is about the request itself: retrying will not help.
    if (body && body.error) throw Object.assign(new Error(body.error), { retry: res.status >= 500 });
    if (res.status === 404) throw new Error("Det du söker finns inte (404).");
    throw new Error(`Servern svarade med ett fel (${res.status}). Försök igen om en stund.`);
  }
  if (!body) throw new Error("Servern gav ett oväntat svar.");
  return body;
}

function searchPath(state, limit = PAGE_SIZE) {
  const p = new URLSearchParams({ q: state.q });
  for (const f of FACETS) for (const v of state[f.key]) p.append(f.key, v);
  for (const y of YEARS) if (state[y]) p.set(y, state[y]);
  p.set("limit", limit);
  p.set("offset", state.offset);
  return `/api/search?${p}`;
}

const fileUrl = (docId, page) =>
  `/api/documents/${encodeURIComponent(docId)}/file` + (page ? `#page=${page}` : "");
const isPdf = (path) => /\.pdf$/i.test(path || "");

// ---------- Rendering: shared pieces ----------

function setStatus(html, busy) {
  $("status").innerHTML = html;
  $("search-view").setAttribute("aria-busy", busy ? "true" : "false");
}

function errorBox(message, retry) {
  return `<div class="error" role="alert"><strong>Något gick fel.</strong> ${esc(message)}` +
    (retry !== false ? ` <button type="button" class="link-button" data-action="retry">Försök igen</button>` : "") +
    `</div>`;
}

/** Metadata line: förbund · rapporttyp · målgrupp chips. */
function metaHtml(item) {
  const parts = [];
  if (item.forbund) parts.push(`<span>${esc(item.forbund)}</span>`);
  if (item.report_type) parts.push(`<span>${esc(label(item.report_type))}</span>`);
  const chips = (item.malgrupp || []).map((m) => `<li class="chip">${esc(label(m))}</li>`).join("");
  return `<div class="meta">${parts.join('<span aria-hidden="true"> · </span>')}</div>` +
    (chips ? `<ul class="chips" aria-label="Målgrupp">${chips}</ul>` : "");
}

// ---------- Rendering: search / browse ----------

// Hits lacking some of the words follow a line that says so.
function renderHits(hits, state) {
  const firstPartial = hits.findIndex((h) => h.partial);
  return hits.map((h, i) => (i === firstPartial ? PARTIAL_DIVIDER : "") + renderHit(h, state)).join("");
}

const PARTIAL_DIVIDER = `<li class="partial-divider" role="separator">Träffarna nedan saknar något av sökorden</li>`;

function renderHit(hit, state) {
  const docUrl = stateUrl(withState(state, { doc: hit.doc_id })) + `#avsnitt-${encodeURIComponent(hit.id)}`;
  const open = isPdf(hit.path) ? `Öppna PDF på sidan ${hit.page}` : "Öppna originalfilen";
  return `<li class="hit">
    <h2 class="hit-title"><a href="${esc(docUrl)}" data-nav>${esc(hit.title || "Namnlös rapport")}</a></h2>
    <p class="hit-where">${hit.heading ? `<span class="hit-heading">${esc(hit.heading)}</span> · ` : ""}${
      hit.section_kind && hit.section_kind !== "övrigt" ? `<span class="kind">${esc(label(hit.section_kind))}</span> · ` : ""}s. ${esc(hit.page)}${hit.ocr ? ` · <span title="Texten är inläst med OCR från en skannad sida och kan innehålla feltolkningar">OCR-läst</span>` : ""}</p>
    ${metaHtml(hit)}
    <p class="snippet">${safeSnippet(hit.snippet)}</p>
    <a class="pdf-link" href="${esc(fileUrl(hit.doc_id, isPdf(hit.path) ? hit.page : 0))}"
       target="_blank" rel="noopener">${open}<span class="visually-hidden"> (öppnas i ny flik)</span></a>
  </li>`;
}

function renderDocItem(doc, state) {
  const url = stateUrl(withState(state, { doc: doc.doc_id }));
  return `<li class="hit">
    <h2 class="hit-title"><a href="${esc(url)}" data-nav>${esc(doc.title || "Namnlös rapport")}</a></h2>
    ${metaHtml(doc)}
    <p class="hit-where">${doc.pages ? `${num(doc.pages)} sidor · ` : ""}<span class="path">${esc(doc.path)}</span></p>
  </li>`;
}

/** Facet lists; active values are marked and toggle off on click. */
function renderFacets(facets, state) {
  lastFacets = facets;
  const focused = document.activeElement?.dataset?.key; // keep keyboard focus across re-render
  $("facets").innerHTML = FACETS.map((f) => {
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
        <span class="facet-label">${esc(facetLabel(f.key, v.value))}</span><span class="count">${num(v.count)}</span></button></li>`;
    }).join("");
    const more = values.length > FACET_PREVIEW
      ? `<button type="button" class="link-button" data-action="expand" data-facet="${f.key}" data-key="more:${f.key}"
           aria-expanded="${expanded}">${expanded ? "Visa färre" : `Visa alla (${values.length})`}</button>` : "";
    const shortcut = f.key === "section_kind" ? outcomeShortcut(state) : "";
    return `<section class="facet"><h2>${f.label}</h2>${shortcut}<ul>${items}</ul>${more}</section>`;
  }).join("") + yearForm(state);
  if (focused) document.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
}

/** "Sök bara i Resultat och Framgångsfaktorer": one click sets both section kinds. */
function outcomeShortcut(state) {
  const on = OUTCOME_KINDS.every((k) => state.section_kind.includes(k));
  const url = stateUrl(withState(state, { section_kind: on ? [] : OUTCOME_KINDS, offset: 0 }));
  return `<p class="facet-shortcut"><a href="${esc(url)}" data-nav>${on ? "Sök i alla avsnitt" :
    "Sök bara i Resultat och Framgångsfaktorer"}</a></p>`;
}

/** Year range: two four-digit fields and a button; applied by onYears. */
function yearForm(state) {
  return `<section class="facet"><h2>År</h2>
    <form id="year-form" class="year-form">
      <label>Från <input name="year_from" inputmode="numeric" pattern="\\d{4}" size="4" value="${esc(state.year_from)}"></label>
      <label>Till <input name="year_to" inputmode="numeric" pattern="\\d{4}" size="4" value="${esc(state.year_to)}"></label>
      <button type="submit">Använd</button>
    </form></section>`;
}

/** Chips for the active filters, each removable, plus "Rensa filter". */
function renderActiveFilters(state) {
  const years = YEARS.filter((y) => state[y]);
  const n = FACETS.reduce((sum, f) => sum + state[f.key].length, 0) + years.length;
  $("filter-count").textContent = n ? `(${n} ${n === 1 ? "aktivt" : "aktiva"})` : "";
  if (!n) { $("active-filters").innerHTML = ""; return; }
  const chips = FACETS.flatMap((f) => state[f.key].map((v) => {
    const url = stateUrl(withState(state, { [f.key]: state[f.key].filter((x) => x !== v), offset: 0 }));
    return `<li><a class="filter-chip" href="${esc(url)}" data-nav
      aria-label="Ta bort filter ${esc(f.label)}: ${esc(label(v))}">${esc(f.label)}: ${esc(facetLabel(f.key, v))} <span aria-hidden="true">×</span></a></li>`;
  })).concat(years.map((y) => {
    const url = stateUrl(withState(state, { [y]: "", offset: 0 }));
    const text = `${y === "year_from" ? "Från år" : "Till år"} ${state[y]}`;
    return `<li><a class="filter-chip" href="${esc(url)}" data-nav aria-label="Ta bort filter ${esc(text)}">${esc(text)} <span aria-hidden="true">×</span></a></li>`;
  })).join("");
  const none = Object.fromEntries([...FACETS.map((f) => [f.key, []]), ...YEARS.map((y) => [y, ""])]);
  const clear = stateUrl(withState(state, { ...none, offset: 0 }));
  $("active-filters").innerHTML = `<div class="active-filters"><span>Aktiva filter:</span><ul>${chips}</ul>
    <a href="${esc(clear)}" data-nav class="clear-filters">Rensa filter</a></div>`;
}

/** "Visar 1–20 av 57 träffar" and Föregående/Nästa links. */
function renderPager(state, total, noun) {
  if (!total) { $("pager").innerHTML = ""; return ""; }
  const from = state.offset + 1, to = Math.min(state.offset + PAGE_SIZE, total);
  const link = (offset, text, rel) =>
    `<a href="${esc(stateUrl(withState(state, { offset })))}" data-nav rel="${rel}">${text}</a>`;
  const prev = state.offset > 0 ? link(Math.max(0, state.offset - PAGE_SIZE), "← Föregående", "prev") : "";
  const next = to < total ? link(state.offset + PAGE_SIZE, "Nästa →", "next") : "";
  $("pager").innerHTML = prev || next ? `<span>${prev}</span><span>${next}</span>` : "";
  return from > total ? "" : `Visar ${num(from)}–${num(to)} av ${num(total)} ${noun(total)}`;
}

const hitNoun = (n) => (n === 1 ? "träff" : "träffar");
const docNoun = (n) => (n === 1 ? "rapport" : "rapporter");

/** Search (or browse, when q is empty) and render results + facets. */
async function renderSearch(state) {
  const seq = ++requestSeq;
  const startPage = !state.q && !hasFilters(state);
  document.title = state.q ? `${state.q} – Finsamsök` : "Finsamsök";
  $("welcome").hidden = !startPage;
  renderActiveFilters(state);
  $("suggestion").innerHTML = "";
  setStatus(`<span class="spinner" aria-hidden="true"></span> ${state.q ? "Söker…" : "Hämtar…"}`, true);
  $("hits").classList.add("loading");
  try {
    // The start page lists documents; facets come from an empty-q search.
    const [search, docs] = await Promise.all([
      api(searchPath(state, startPage ? 1 : PAGE_SIZE)),
      startPage ? api(`/api/documents?limit=${PAGE_SIZE}&offset=${state.offset}`) : null,
    ]);
    if (seq !== requestSeq) return;
    renderFacets(search.facets, state);
    if (docs) {
      $("hits").innerHTML = docs.documents.map((d) => renderDocItem(d, state)).join("");
      setStatus(renderPager(state, docs.total, docNoun).replace("Visar", "Alla rapporter: visar"), false);
    } else {
      $("hits").innerHTML = renderHits(search.hits, state);
      renderSuggestion(search.suggestion, state, search.relaxed);
      const line = renderPager(state, search.total, hitNoun);
      const csv = `${searchPath(state, PAGE_SIZE)}&format=csv`;
      const exportLink = line ? ` · <a href="${esc(csv)}" download>Exportera sidan som CSV</a>` : "";
      setStatus(line ? line + exportLink : emptyMessage(state, search.total), false);
    }
  } catch (err) {
    if (seq !== requestSeq) return;
    $("hits").innerHTML = "";
    $("pager").innerHTML = "";
    setStatus(errorBox(err.message, err.retry), false);
  } finally {
    if (seq === requestSeq) $("hits").classList.remove("loading");
  }
}

function renderSuggestion(suggestion, state, relaxed) {
  if (relaxed) {
    $("suggestion").innerHTML = `<p class="suggestion">Få eller inga träffar innehöll alla sökorden – därför visas även träffar med några av dem, efter strecket.</p>`;
  }
  if (!suggestion) return;
  const url = stateUrl(withState(state, { q: suggestion, offset: 0 }));
  $("suggestion").innerHTML += `<p class="suggestion">Menade du <a href="${esc(url)}" data-nav>${esc(suggestion)}</a>?</p>`;
}

function emptyMessage(state, total) {
  if (total > 0) { // offset past the end, e.g. an old shared link
    const first = stateUrl(withState(state, { offset: 0 }));
    return `Inga fler träffar här. <a href="${esc(first)}" data-nav>Till första sidan</a>`;
  }
  const what = state.q ? `för <strong>${esc(state.q)}</strong>` : "";
  return `Inga träffar ${what}${hasFilters(state) ? " med de valda filtren. Prova att ta bort ett filter." :
    ". Prova ett annat ord eller en kortare sökning."}`;
}

// ---------- Rendering: document view ----------

/** Words of the query, for client-side highlighting in the document view. */
function queryWords(q) {
  const stop = new Set(["och", "eller", "inte", "and", "or", "not", "i", "på", "av", "för", "med", "att"]);
  return q.toLocaleLowerCase("sv").split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !stop.has(w));
}

/** Escape `text` and wrap words starting with a query word in <mark>. */
function highlight(text, words) {
  if (!words.length) return esc(text);
  const alts = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])((?:${alts})[\\p{L}\\p{N}]*)`, "giu");
  return text.split(re).map((part, i) => (i % 2 ? `<mark>${esc(part)}</mark>` : esc(part))).join("");
}

/** Section text → paragraphs. PDF line wraps inside a paragraph become spaces,
 *  except before list items (•, -, 1.), which keep their own line. */
function paragraphs(text, words) {
  const listItem = /^(?:[•\-–*·▪]|\d+[.)])\s/;
  return String(text || "").split(/\n\s*\n/).map((para) => para.trim()).filter(Boolean).map((para) => {
    const html = para.split("\n").map((line) => line.trim())
      .map((line, i) => (i === 0 ? "" : listItem.test(line) ? "<br>" : " ") + highlight(line, words));
    return `<p>${html.join("")}</p>`;
  }).join("");
}

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

async function renderDocument(state) {
  const seq = ++requestSeq;
  const view = $("doc-view");
  const back = stateUrl(withState(state, { doc: "" }));
  const backText = state.q || hasFilters(state) ? "Tillbaka till sökresultaten" : "Tillbaka till startsidan";
  const backLink = `<a class="back-link" href="${esc(back)}" data-nav>← ${backText}</a>`;
  view.innerHTML = `${backLink}<p class="status"><span class="spinner" aria-hidden="true"></span> Hämtar rapporten…</p>`;
  view.setAttribute("aria-busy", "true");
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(state.doc)}`);
    if (seq !== requestSeq) return;
    const words = queryWords(state.q);
    const pdf = isPdf(doc.path);
    document.title = `${doc.title || "Rapport"} – Finsamsök`;
    const facts = [
      ["Förbund", doc.forbund], ["Rapporttyp", doc.report_type && label(doc.report_type)],
      ["Målgrupp", (doc.malgrupp || []).map(label).join(", ")], ["År", doc.year],
      ["Projekt", doc.project], ["Projektägare", doc.owner],
      ["Samverkansparter", (doc.partners || []).join(", ")],
      ["Antal sidor", doc.pages], ["Fil", doc.path],
    ].filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `<dt>${k}</dt><dd${k === "Fil" ? ' class="path"' : ""}>${esc(v)}</dd>`).join("");
    const sections = (doc.sections || []).map((s) => `
      <section class="doc-section" id="avsnitt-${esc(s.id)}" aria-label="${esc(s.heading || "Inledning")}">
        <h2>${s.heading ? highlight(s.heading, words) : '<span class="muted">(Utan rubrik)</span>'}</h2>
        <p class="section-pages">${sectionLabels(s)}${pageSpan(s.page_start, s.page_end)}
          · <a href="${esc(fileUrl(doc.doc_id, pdf ? s.page_start : 0))}" target="_blank" rel="noopener">${
            pdf ? `Öppna PDF på s. ${s.page_start}` : "Öppna originalfilen"}<span class="visually-hidden"> (öppnas i ny flik)</span></a></p>
        <div class="section-text">${paragraphs(s.text, words)}</div>
      </section>`).join("");
    view.innerHTML = `${backLink}
      <header class="doc-header">
        <h1 tabindex="-1" id="doc-title">${esc(doc.title || "Namnlös rapport")}</h1>
        <dl class="facts">${facts}</dl>
        ${evidenceHtml(doc)}
        <p><a class="button" href="${esc(fileUrl(doc.doc_id))}" target="_blank" rel="noopener">
          ${pdf ? "Öppna hela PDF-filen" : "Öppna hela filen"}<span class="visually-hidden"> (öppnas i ny flik)</span></a>
          ${words.length ? `<span class="muted">Sökorden är markerade i texten.</span>` : ""}</p>
      </header>
      ${sections || '<p class="muted">Rapporten har inga textavsnitt.</p>'}
      <p>${backLink}</p>`;
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.classList.add("is-target"); target.tabIndex = -1; target.focus(); } else $("doc-title").focus();
  } catch (err) {
    if (seq !== requestSeq) return;
    view.innerHTML = `${backLink}${errorBox(err.message, err.retry)}`;
  } finally {
    if (seq === requestSeq) view.setAttribute("aria-busy", "false");
  }
}

// ---------- Main ----------

function render() {
  const state = readState();
  const inDoc = Boolean(state.doc);
  $("q").value = state.q;
  $("search-view").hidden = inDoc;
  $("doc-view").hidden = !inDoc;
  if (inDoc) renderDocument(state); else renderSearch(state);
}

/** Clicks: in-page links, facet toggles, "Visa alla", "Försök igen". */
function onClick(event) {
  const button = event.target.closest("button[data-facet], button[data-action]");
  if (button) {
    const state = readState();
    if (button.dataset.action === "retry") return render();
    if (button.dataset.action === "expand") {
      const key = button.dataset.facet;
      expandedFacets.has(key) ? expandedFacets.delete(key) : expandedFacets.add(key);
      return renderFacets(lastFacets, state);
    }
    const { facet, value } = button.dataset;
    const values = state[facet].includes(value) ? state[facet].filter((v) => v !== value) : [...state[facet], value];
    return navigate(stateUrl(withState(state, { [facet]: values, offset: 0 })));
  }
  const link = event.target.closest("a[data-nav]");
  if (!link || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const scrollTop = !link.hash;
  navigate(link.getAttribute("href"));
  if (scrollTop) window.scrollTo(0, 0);
}

/** New query keeps the active filters and starts at the first page. */
function onSubmit(event) {
  event.preventDefault();
  const state = readState();
  const q = $("q").value.trim();
  navigate(stateUrl(withState(state, { q, doc: "", offset: 0 })));
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
window.addEventListener("popstate", render);
// Filters are open beside the results on wide screens, folded away on phones.
const wide = window.matchMedia("(min-width: 48em)");
$("filters").open = wide.matches;
wide.addEventListener("change", () => { $("filters").open = wide.matches; });
render();
showOcrNotice();
