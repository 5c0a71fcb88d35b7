// The page's state lives in its query string: every search, filter, page,
// report, project and project list is a URL, so links can be shared and the
// back button works.
//
//   /?q=…&forbund=…&offset=…     results by report (group=section: by section)
//   /?doc=ID                     a report          (keeps the search for "Tillbaka")
//   /?project=ID                 a project and its timeline
//   /?view=projects&q=…          the list of projects
//   /?view=omvarld&q=…           the omvärldsbild of a search (its filters too)
//   sort=nyast|aldst             newest or oldest first (relevance when absent)

/** Filters of the report search, in the order the page shows them. */
export const SEARCH_FACETS = [
  { key: "forbund", label: "Förbund" },
  { key: "malgrupp", label: "Målgrupp" },
  { key: "report_type", label: "Rapporttyp" },
  { key: "section_kind", label: "Avsnitt" },
  { key: "owner", label: "Projektägare" },
  { key: "partner", label: "Samverkanspart" },
];
/** Filters of the project list (it also honours the report filters above). */
export const PROJECT_FACETS = [
  { key: "forbund", label: "Förbund" },
  { key: "malgrupp", label: "Målgrupp" },
  { key: "inriktning", label: "Inriktning" },
  { key: "esf", label: "ESF-finansierat" },
];
export const ALL_FACETS = [...SEARCH_FACETS, ...PROJECT_FACETS.filter((f) => !SEARCH_FACETS.some((s) => s.key === f.key))];
/** Filters only the project list knows. */
export const PROJECT_ONLY = ["inriktning", "esf"];
export const YEARS = ["year_from", "year_to"];
export const PAGE_SIZE = 20;
/** Orders of the results; the first is the default and stays out of the URL. */
export const SORTS = [
  { key: "", label: "Relevans" },
  { key: "nyast", label: "Nyast först" },
  { key: "aldst", label: "Äldst först" },
];

/** Read the state from a query string. */
export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const state = {
    q: (p.get("q") || "").trim(),
    doc: p.get("doc") || "",
    project: p.get("project") || "",
    view: ["projects", "omvarld"].includes(p.get("view")) ? p.get("view") : "",
    sort: SORTS.some((s) => s.key && s.key === p.get("sort")) ? p.get("sort") : "",
    group: p.get("group") === "section" ? "section" : "",
    offset: Math.max(0, parseInt(p.get("offset"), 10) || 0),
  };
  for (const f of ALL_FACETS) state[f.key] = p.getAll(f.key).filter(Boolean);
  for (const y of YEARS) state[y] = /^\d{4}$/.test(p.get(y) || "") ? p.get(y) : "";
  return state;
}

/** Build the page URL ("/?…") for a state; empty values are left out. */
export function stateUrl(state) {
  const p = new URLSearchParams();
  if (state.view) p.set("view", state.view);
  if (state.project) p.set("project", state.project);
  if (state.doc) p.set("doc", state.doc);
  if (state.q) p.set("q", state.q);
  if (state.group) p.set("group", state.group);
  if (state.sort) p.set("sort", state.sort);
  for (const f of ALL_FACETS) for (const v of state[f.key] || []) p.append(f.key, v);
  for (const y of YEARS) if (state[y]) p.set(y, state[y]);
  if (state.offset) p.set("offset", state.offset); // kept in ?doc= URLs for "Tillbaka"
  const qs = p.toString();
  return qs ? `/?${qs}` : "/";
}

/** Copy of a state with some fields replaced. */
export const withState = (state, changes) => ({ ...state, ...changes });

export const hasFilters = (state) =>
  ALL_FACETS.some((f) => state[f.key].length > 0) || YEARS.some((y) => state[y]);

/** The state with no filters at all. */
export const noFilters = () =>
  Object.fromEntries([...ALL_FACETS.map((f) => [f.key, []]), ...YEARS.map((y) => [y, ""])]);

/** URL of a report, from wherever the user is (the way back is kept). */
export const docUrl = (state, docId, sectionId) =>
  stateUrl(withState(state, { doc: docId })) + (sectionId ? `#avsnitt-${encodeURIComponent(sectionId)}` : "");

/** URL of a project, from wherever the user is. */
export const projectUrl = (state, projectId) =>
  stateUrl(withState(state, { doc: "", project: projectId }));

/** The project list for the current query and its filters. */
export const projectsUrl = (state) =>
  stateUrl(withState(state, { view: "projects", doc: "", project: "", group: "", offset: 0 }));

/** The report results for the current query (dropping project-only filters). */
export const reportsUrl = (state) =>
  stateUrl(withState(state, { view: "", doc: "", project: "", offset: 0,
    ...Object.fromEntries(PROJECT_ONLY.map((k) => [k, []])) }));

/** The omvärldsbild of the current query and its report filters. */
export const overviewUrl = (state) =>
  stateUrl(withState(state, { view: "omvarld", doc: "", project: "", offset: 0, group: "",
    ...Object.fromEntries(PROJECT_ONLY.map((k) => [k, []])) }));

/** Add the report filters of `state` (facets, years) to API parameters. */
export function addFilters(params, state, facets = SEARCH_FACETS) {
  for (const f of facets) for (const v of state[f.key]) params.append(f.key, v);
  for (const y of YEARS) if (state[y]) params.set(y, state[y]);
  return params;
}
