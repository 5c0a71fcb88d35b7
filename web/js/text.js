// Text as the page shows it: the words to mark (taken from the server's own
// <mark>s, so a snippet, a heading and the document view mark the same
// forms), synonyms told apart from the typed words, and section text cleaned
// of what PDF extraction leaves behind (page numbers, runs of bullets).

import { api, esc } from "./util.js";

const STOP = new Set(["och", "eller", "inte", "and", "or", "not", "i", "på", "av", "för", "med", "att"]);

/** Words of the query, lower-cased, without operators, field names and stop words. */
export function queryWords(q) {
  return String(q ?? "").replace(/\b(title|heading|body):/gi, " ").toLocaleLowerCase("sv")
    .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w));
}

/** The part of a typed word its inflections and compounds share ("nollplacerade" → "nollplacer"). */
const stemOf = (word) => (word.length <= 5 ? word : word.slice(0, Math.max(5, word.length - 3)));

/**
 * True when a marked form is one of the typed words (inflected or inside a
 * compound); false when the server added it as a synonym, abbreviation or
 * spelling variant ("FK" → "Försäkringskassan").
 */
export function isTypedForm(form, words) {
  const f = String(form).toLocaleLowerCase("sv");
  return words.some((w) => f.includes(stemOf(w)) || (f.length >= 4 && w.startsWith(f)));
}

/** The marked forms (lower-cased, unique) of server snippets: `<mark>x</mark>` → "x". */
export function markedForms(snippets) {
  const forms = new Set();
  for (const html of snippets) {
    for (const m of String(html ?? "").matchAll(/<mark>([^<]+)<\/mark>/g)) {
      const text = decode(m[1]).trim().toLocaleLowerCase("sv");
      if (text) forms.add(text);
    }
  }
  return forms;
}

/** Every snippet of a search answer: hits, their further sections, overview passages. */
export function snippetsOf(hits) {
  return (hits || []).flatMap((h) => [h.snippet, ...(h.also || []).map((a) => a.snippet)]);
}

/** Marked forms per query, from every answer the page has seen. */
const formsByQuery = new Map();

export function rememberForms(q, forms) {
  const known = formsByQuery.get(q) || new Set();
  for (const f of forms) known.add(f);
  formsByQuery.set(q, known);
}

/**
 * The forms the server marks for `q`: those seen on the results, and those
 * of its best 100 sections (asked once per query, e.g. for a shared link to
 * a report). Without a query: none.
 */
export async function formsFor(q) {
  if (!q) return new Set();
  if (!formsByQuery.has(`sections:${q}`)) {
    try {
      const answer = await api(`/api/search?${new URLSearchParams({ q, group: "section", limit: "100" })}`);
      rememberForms(q, markedForms(snippetsOf(answer.hits)));
      formsByQuery.set(`sections:${q}`, true);
    } catch { /* mark what is known */ }
  }
  return formsByQuery.get(q) || new Set();
}

function decode(text) {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]);
}

/** `<mark>` for a form: plain for a typed word, `.syn` (and a tooltip) for a synonym. */
export function markHtml(text, words) {
  return isTypedForm(text, words) ? `<mark>${esc(text)}</mark>`
    : `<mark class="syn" title="Synonym eller förkortning av ett sökord">${esc(text)}</mark>`;
}

/**
 * Escape `text` and mark the whole words in `forms` (a Set of lower-cased
 * forms, as the server marked them).
 */
export function highlight(text, forms, words = []) {
  const list = [...(forms || [])].sort((a, b) => b.length - a.length);
  if (!list.length) return esc(text);
  const alts = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")).join("|");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${alts})(?![\\p{L}\\p{N}])`, "giu");
  return String(text ?? "").split(re).map((part, i) => (i % 2 ? markHtml(part, words) : esc(part))).join("");
}

/**
 * The snippet is server-escaped with only <mark> as markup. As a safety net we
 * still parse it inertly and keep nothing but text and bare <mark> elements;
 * a mark that is no typed word is shown as a synonym.
 */
export function safeSnippet(html, words = []) {
  const tpl = document.createElement("template");
  tpl.innerHTML = String(html ?? "");
  return [...tpl.content.childNodes].map((node) =>
    node.nodeName === "MARK" ? markHtml(node.textContent, words) : esc(cleanLine(node.textContent))).join("");
}

// ---------- Cleaning ----------

const BULLET = "[•▪·●◦■□➢►‣⁃]";
const BULLET_RUN = new RegExp(`(?:${BULLET}\\s*){2,}`, "gu");
const ONLY_BULLETS = new RegExp(`^(?:${BULLET}|\\s)+$`, "u");

/** A line without runs of bullets ("• • • •" → "•"). */
function cleanLine(line) {
  return String(line).replace(BULLET_RUN, "• ");
}

/**
 * Section text → paragraphs (arrays of lines), without what extraction left
 * behind: lines of bullets only, a page number alone between two parts of a
 * sentence (joining a word hyphenated across it), a page number after a
 * paragraph's last full stop ("kompetenshöjning. 4"). A number after a
 * number is kept: that is a table.
 */
export function cleanParagraphs(text) {
  const paras = String(text || "").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
    .map((p) => p.split("\n").map((l) => cleanLine(l.trim())).filter((l) => l && !ONLY_BULLETS.test(l)))
    .filter((lines) => lines.length);
  const out = [];
  for (let i = 0; i < paras.length; i++) {
    const lines = paras[i];
    const prev = out[out.length - 1];
    const next = paras[i + 1];
    const lone = lines.length === 1 && /^\d{1,3}$/.test(lines[0]);
    if (lone && prev && next && /[\p{L},:;)\-–]$|[.!?]$/u.test(prev[prev.length - 1]) && /^\p{L}/u.test(next[0])) {
      const last = prev[prev.length - 1];
      if (/\p{L}-$/u.test(last) && /^\p{Ll}/u.test(next[0])) { // "anställ-" 1 "ning" → "anställning"
        prev[prev.length - 1] = last.slice(0, -1) + next[0];
        prev.push(...next.slice(1));
        i++;
      } else if (/[\p{L},]$/u.test(last) && /^\p{Ll}/u.test(next[0])) { // one sentence around the number
        prev.push(...next);
        i++;
      }
      continue;
    }
    const end = lines.length - 1;
    lines[end] = lines[end].replace(/([\p{L})][.!?])\s+\d{1,3}$/u, "$1");
    out.push(lines);
  }
  return out;
}

/** Section text → HTML paragraphs; list items (•, -, 1.) keep their own line. */
export function paragraphs(text, forms, words = []) {
  const listItem = /^(?:[•\-–*·▪]|\d+[.)])\s/;
  return cleanParagraphs(text).map((lines) => {
    const html = lines.map((line, i) => (i === 0 ? "" : listItem.test(line) ? "<br>" : " ") + highlight(line, forms, words));
    return `<p>${html.join("")}</p>`;
  }).join("");
}
