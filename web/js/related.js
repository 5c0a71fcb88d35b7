// What a report or project is connected to: "Liknande projekt" (from the
// /similar endpoints, each with its reason), and the back link to where the
// user came from.

import { api, esc, fileName, isGenericTitle } from "./util.js";
import { docUrl, hasFilters, projectUrl, stateUrl, withState } from "./state.js";

/** Suggestions for a report (`documents`) or project (`projects`); null when they cannot be had. */
export async function loadSimilar(kind, id, limit = 6) {
  try {
    return (await api(`/api/${kind}/${encodeURIComponent(id)}/similar?limit=${limit}`)).similar || [];
  } catch {
    return null; // the view works without them; the box says so
  }
}

/** The "Liknande projekt" box: projects link to the project view, lone reports to the report. */
export function similarHtml(similar, state) {
  const body = similar === null
    ? `<p class="muted">Liknande projekt kunde inte hämtas just nu.</p>`
    : !similar.length
      ? `<p class="muted">Inga liknande projekt hittades.</p>`
      : `<ol class="similar-list">${similar.map((s) => {
          const isProject = Boolean(s.project_id);
          const url = isProject ? projectUrl(state, s.project_id) : docUrl(state, s.doc_id);
          const title = !isProject && isGenericTitle(s.title) ? `${s.title} (${fileName(s.path)})` : s.title;
          return `<li><a href="${esc(url)}" data-nav>${esc(title)}</a>
            <span class="similar-kind">${isProject ? "projekt" : "rapport"}</span>
            ${s.reason ? `<p class="reason">${esc(capitalise(s.reason))}</p>` : ""}</li>`;
        }).join("")}</ol>`;
  return `<div class="related-box">
    <h2 id="similar-heading">Liknande projekt</h2>${body}</div>`;
}

const capitalise = (s) => String(s).charAt(0).toLocaleUpperCase("sv") + String(s).slice(1);

/** "← Tillbaka till …": one step up from a report or project. */
export function backLink(state) {
  let url, text;
  if (state.doc) {
    url = stateUrl(withState(state, { doc: "" }));
    text = state.project ? "Tillbaka till projektet" : state.view === "projects" ? "Tillbaka till projektlistan"
      : state.view === "omvarld" ? "Tillbaka till omvärldsbilden"
      : state.q || hasFilters(state) ? "Tillbaka till sökresultaten" : "Tillbaka till startsidan";
  } else {
    url = stateUrl(withState(state, { project: "" }));
    text = state.view === "projects" ? "Tillbaka till projektlistan"
      : state.view === "omvarld" ? "Tillbaka till omvärldsbilden"
      : state.q || hasFilters(state) ? "Tillbaka till sökresultaten" : "Tillbaka till startsidan";
  }
  return `<a class="back-link" href="${esc(url)}" data-nav data-back>← ${text}</a>`;
}
