// "Exportera": links that stream every hit of the search (all=true) as CSV
// for Excel (`;`, BOM, Swedish headers) or JSON Lines. The server names the
// file after the query and the date (Content-Disposition), so the links carry
// a bare `download`.

import { esc } from "./util.js";
import { addFilters } from "./state.js";

/** The export URL of a search (`group`: "document" or "section") in `format`. */
function exportUrl(state, group, format) {
  const p = addFilters(new URLSearchParams({ q: state.q }), state);
  p.set("group", group);
  if (state.sort) p.set("sort", state.sort);
  p.set("format", format);
  p.set("all", "true");
  return `/api/search?${p}`;
}

/** The export links for a search with hits; nothing without hits. */
export function exportHtml(state, group, total) {
  if (!total) return "";
  const what = group === "document" ? (total === 1 ? "rapporten" : `alla ${total} rapporter`) : `alla ${total} träffar`;
  const link = (format, text) =>
    `<a href="${esc(exportUrl(state, group, format))}" download data-export="${format}">${text}</a>`;
  return `<p><strong>Exportera ${esc(what)}:</strong> ${link("csv", "CSV för Excel")}
    <span aria-hidden="true">·</span> ${link("jsonl", "JSON Lines")}
    <span class="muted">(med länk till varje rapport och sida)</span></p>`;
}
