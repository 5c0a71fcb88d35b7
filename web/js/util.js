// Small helpers shared by the views: escaping, labels, numbers, the API
// client, links to files and titles that tell reports apart (section text
// and marking live in text.js).

/** Escape text for insertion into HTML. */
export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** First letter upper-case, for labels such as "slutrapport". */
export function label(value) {
  const s = String(value ?? "");
  return s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);
}

/** "Samordningsförbundet Gävleborg" → "Gävleborg" (where the context says förbund). */
export const shortForbund = (value) =>
  String(value ?? "").replace(/^Samordningsförbundet\s+(i\s+)?/i, "");

/** Format a number the Swedish way (1 234). */
export const num = (n) => Number(n || 0).toLocaleString("sv-SE");

/** "s. 3" or "s. 3–4". */
export function pageSpan(start, end) {
  return !end || end === start ? `s. ${start}` : `s. ${start}–${end}`;
}

/** "2023–2025", "2024" or "". */
export function yearSpan(years) {
  if (!Array.isArray(years) || years[0] == null) return "";
  return years[1] && years[1] !== years[0] ? `${years[0]}–${years[1]}` : String(years[0]);
}

/** Swedish plural: plural(3, "rapport", "rapporter") → "3 rapporter". */
export const plural = (n, one, many) => `${num(n)} ${n === 1 ? one : many}`;

/** The last part of a path: the file name. */
export const fileName = (path) => String(path ?? "").split("/").pop();

/** An Error with a Swedish message, a hint of what to do, and whether retrying may help. */
const failure = (message, hint, retry, status = 0) => Object.assign(new Error(message), { hint, retry, status });

/** What a 400 from the search means to the user, in Swedish (never the parser's English). */
function requestMessage(error) {
  if (/[a-z]/i.test(error) && !/[åäöÅÄÖ]|måste|får|inte|för|sök/i.test(error)) return "Sökningen kunde inte läsas.";
  return error.charAt(0).toLocaleUpperCase("sv") + error.slice(1) + (/[.!?]$/.test(error) ? "" : ".");
}

/** Fetch JSON from the API; throws an Error with a Swedish message and a hint. */
export async function api(path) {
  let res;
  try {
    res = await fetch(path, { headers: { Accept: "application/json" } });
  } catch {
    throw failure("Kunde inte nå servern.", "Kontrollera din anslutning och försök igen.", true);
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    // A 4xx is about the request itself: retrying will not help, changing it will.
    if (res.status === 400) {
      throw failure(requestMessage(String(body?.error || "")), "Prova färre ord eller ta bort specialtecken. Se Sökhjälp under sökrutan för hur frågor skrivs.", false, 400);
    }
    if (res.status === 404) throw failure(body?.error ? requestMessage(body.error) : "Det du söker finns inte.", "Länken kan vara gammal. Sök efter rapporten i stället.", false, 404);
    if (res.status === 503 || res.status === 429) throw failure("Servern har mycket att göra just nu.", "Vänta några sekunder och försök igen.", true);
    throw failure(`Servern svarade med ett fel (${res.status}).`, "Försök igen om en stund.", true);
  }
  if (!body) throw failure("Servern gav ett oväntat svar.", "Försök igen om en stund.", true);
  return body;
}

export const fileUrl = (docId, page) =>
  `/api/documents/${encodeURIComponent(docId)}/file` + (page ? `#page=${page}` : "");
export const isPdf = (path) => /\.pdf$/i.test(path || "");

/** A link that opens a report's file, at a page when it is a PDF (or its path is unknown: null). */
export function fileLink(docId, path, page, text) {
  const pdf = path == null || isPdf(path);
  const shown = text || (pdf ? (page ? `Öppna PDF på s. ${page}` : "Öppna PDF") : "Öppna originalfilen");
  return `<a class="pdf-link" href="${esc(fileUrl(docId, pdf ? page : 0))}" target="_blank" rel="noopener">${
    esc(shown)}<span class="visually-hidden"> (öppnas i ny flik)</span></a>`;
}

/** A Swedish error with its hint and, when it may help, "Försök igen". */
export function errorBox(err) {
  return `<div class="error" role="alert"><p><strong>Något gick fel.</strong> ${esc(err.message)}</p>` +
    (err.hint ? `<p>${esc(err.hint)}</p>` : "") +
    (err.retry !== false ? `<p><button type="button" class="link-button" data-action="retry" data-key="retry">Försök igen</button></p>` : "") +
    `</div>`;
}

export const spinner = (text) =>
  `<p class="status"><span class="spinner" aria-hidden="true"></span> ${esc(text)}</p>`;

// ---------- Titles that tell reports apart ----------

/** Words that alone say only what kind of report it is, not which one. */
const GENERIC_WORDS = new Set([
  "ansökan", "om", "medel", "från", "till", "samordningsförbund", "samordningsförbundet", "för", "av",
  "insats", "insatsen", "insatsmedel", "samverkansmedel", "projekt", "projektet", "projektmedel",
  "rapport", "slutrapport", "delrapport", "kvartalsrapport", "lägesrapport", "halvtidsrapport",
  "projektplan", "förstudie", "utvärdering", "årsredovisning", "verksamhetsplan", "verksamhetsberättelse",
  "budget", "och", "med", "kvartal", "bakgrund", "inledning", "sammanfattning", "allmänna", "uppgifter",
  "finsam", "namnlös",
]);

/**
 * True when a title does not tell one report from another: a bare report type
 * ("Slutrapport", "Ansökan om medel") or a heading taken for a title
 * ("1. Allmänna uppgifter").
 */
export function isGenericTitle(title, project) {
  const t = String(title ?? "").trim().toLocaleLowerCase("sv");
  if (!t) return true;
  if (project && t.includes(String(project).toLocaleLowerCase("sv"))) return false;
  if (/^\d+(\.\d+)*\.?\s/.test(t)) return true;
  return t.split(/[^\p{L}\p{N}]+/u).filter(Boolean).every((w) => GENERIC_WORDS.has(w) || /^[\d:–-]+$/.test(w));
}

/**
 * The title a result shows: the report's own, or — when that is generic —
 * its type with the project and förbund ("Slutrapport – KLIV (Gävleborg)").
 */
export function displayTitle(item, projectName) {
  const title = String(item.title ?? "").trim();
  const project = projectName ?? item.project;
  if (!isGenericTitle(title, project)) return title;
  const type = item.report_type && !["övrigt", "okänt"].includes(item.report_type) ? label(item.report_type) : "";
  const base = /^\d/.test(title) || !title ? (type || "Rapport") : (type && title.length > 30 ? type : title);
  const forbund = item.forbund && item.forbund !== "okänt" ? shortForbund(item.forbund) : "";
  if (project) return `${base} – ${project}${forbund ? ` (${forbund})` : ""}`;
  return forbund ? `${base} – ${forbund}` : base;
}

/** Move keyboard focus to a view's heading, without scrolling past it. */
export function focusHeading(el) {
  if (!el) return;
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: "nearest" });
}

// ---------- Requests that are still current ----------

let requestSeq = 0;
/** Start a request; answers to older ones are ignored (see isCurrent). */
export const nextRequest = () => ++requestSeq;
export const isCurrent = (seq) => seq === requestSeq;
