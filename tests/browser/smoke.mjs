// Browser tests of the page: results by report, section mode, the
// omvärldsbild, sort, export, the year form, the filter dialog on a phone,
// keyboard focus, the project list and a project's timeline, a report with
// references, contents and marks — driven in the system's headless Chromium,
// with axe-core (WCAG 2.1 A/AA, serious and critical fail) on each view at
// 1366 and 390 px and no horizontal scroll at 320 px.
//
//   cd tests/browser && npm ci && node smoke.mjs
//
// Without FINSAM_URL it ingests corpus/ into a temporary index with the
// release (else debug) binary and serves it on a free port with web/ from
// this tree. Screenshots go to $SCREENS (default: a temporary folder, named
// at the end). Exit status 1 when a check fails.

import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const screens = process.env.SCREENS || mkdtempSync(join(tmpdir(), "finsam-screens-"));
mkdirSync(screens, { recursive: true });
const axeSource = readFileSync(join(here, "node_modules/axe-core/axe.min.js"), "utf8");

const failures = [];
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

// ---------- The server ----------

async function freePort() {
  return new Promise((ok) => {
    const srv = createServer().listen(0, "127.0.0.1", () => { const { port } = srv.address(); srv.close(() => ok(port)); });
  });
}

async function startServer() {
  if (process.env.FINSAM_URL) return { base: process.env.FINSAM_URL.replace(/\/$/, ""), stop() {} };
  const bin = process.env.FINSAM_BIN || ["release", "debug"].map((p) => join(root, "target", p, "finsam")).find(existsSync);
  if (!bin) throw new Error("no finsam binary: run cargo build --release (or set FINSAM_BIN / FINSAM_URL)");
  const index = mkdtempSync(join(tmpdir(), "finsam-browser-index-"));
  const corpus = join(root, "corpus");
  execFileSync(bin, ["ingest", "--corpus", corpus, "--index", index], { stdio: "ignore" });
  const port = await freePort();
  const child = spawn(bin, ["serve", "--no-ingest", "--index", index, "--corpus", corpus,
    "--web", join(root, "web"), "--addr", `127.0.0.1:${port}`], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) {
        return { base, stop() { child.kill("SIGTERM"); rmSync(index, { recursive: true, force: true }); } };
      }
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGTERM");
  rmSync(index, { recursive: true, force: true });
  throw new Error("server did not answer /healthz");
}

// ---------- Helpers ----------

const getJson = async (base, path) => (await fetch(base + path)).json();

async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !document.querySelector(".spinner"),
    { timeout: 10000 });
}

/** axe-core (WCAG 2.1 A/AA): serious and critical violations fail, the rest are listed. */
async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  }));
  const line = (v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes[0].target.join(" ")}`;
  const grave = result.violations.filter((v) => ["serious", "critical"].includes(v.impact));
  const minor = result.violations.filter((v) => !grave.includes(v));
  check(grave.length === 0, `axe ${name}: ${grave.length ? grave.map(line).join("; ") : "0 serious/critical"}${
    minor.length ? ` (also: ${minor.map(line).join("; ")})` : ""}`);
}

/** True when the page is no wider than the window (no horizontal scroll). */
const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function shoot(page, name) {
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage: true });
}

/** Load `path` at 320, 390 and 1366 px: no horizontal scroll, a screenshot, and axe; leave the page at 1366. */
async function visit(page, base, path, name) {
  for (const width of [320, 390, 1366]) {
    await page.setViewport({ width, height: 900 });
    await page.goto(base + path, { waitUntil: "networkidle0" });
    await settle(page);
    await shoot(page, `${name}-${width}`);
    check(await fits(page), `${name} at ${width} px: no horizontal scroll`);
    if (width !== 320) await axe(page, `${name} at ${width} px`);
  }
}

/** Press Tab until `test` holds for the focused element (at most `max` presses); the presses, or Infinity. */
async function tabsUntil(page, test, max) {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(test)) return n;
  }
  return Infinity;
}

const focusOnBody = (page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);
const activeText = (page) => page.evaluate(() => document.activeElement?.textContent.trim().slice(0, 40));

const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));

// ---------- The checks ----------

async function run(base) {
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"] });
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error" && !/favicon|404/.test(m.text())) errors.push(m.text()); });
  page.on("requestfailed", (r) => { if (!/favicon/.test(r.url())) errors.push(`request failed: ${r.url()}`); });
  try {
    // Start page: reports listed, a way to the projects.
    await visit(page, base, "/", "start");
    check((await page.$$("#hits .hit")).length > 0, "start page lists reports");
    check(Boolean(await page.$('#welcome-projects a[href="/?view=projects"]')), "start page links to the project list");
    check(Boolean(await page.$('footer a[href="/tillganglighet.html"]')), "start page links to the tillgänglighetsredogörelse");
    await visit(page, base, "/tillganglighet.html", "tillganglighet");
    check((await texts(page, "h1")).includes("Tillgänglighetsredogörelse"), "the tillgänglighetsredogörelse page is served");

    // Results by report.
    await visit(page, base, "/?q=nollplacerade", "results-by-report");
    const api = await getJson(base, "/api/search?q=nollplacerade&group=document&limit=20");
    const cards = await page.$$("#hits ol.hit-list > li.hit");
    check(cards.length === Math.min(api.total, 20), `one card per report (${cards.length} cards, ${api.total} reports)`);
    check(/rapporter?\b/.test(await page.$eval("#status", (e) => e.textContent)), "the count says rapporter");
    const titles = await texts(page, "#hits .hit-title");
    check(titles.every((t) => !/^(Slutrapport|Kvartalsrapport|Ansökan om medel|\d+\. .*)$/.test(t)),
      `no bare generic titles: ${titles.join(" | ")}`);
    check(new Set(titles).size === titles.length, "titles tell the reports apart");
    check((await page.$$("#hits .also li a[href*='#avsnitt-']")).length > 0, "further sections link to their place");
    check((await page.$$("#hits .also a[href*='/file#page=']")).length > 0, "further sections link to their page");
    check((await page.$$eval("#hits .more a", (as) => as.filter((a) => /fler träffar? i rapporten/.test(a.textContent)).length)) > 0,
      "“N fler träffar i rapporten”");
    check((await page.$$("#hits .meta a[href*='project=']")).length > 0, "cards link to their project");
    check((await page.$$("#hits > :not(ol):not(p)")).length === 0, "the hit lists hold only hits");
    await page.focus('a.skip-link[data-skip="results"]');
    await page.keyboard.press("Enter");
    check(await page.evaluate(() => Boolean(document.activeElement?.closest("#hits .hit"))),
      `“Hoppa till resultaten” lands on the first result (${await activeText(page)})`);
    await page.focus("#q");
    const tabs = await tabsUntil(page, () => Boolean(document.activeElement?.closest("#hits .hit")), 10);
    check(tabs <= 10, `from the search box, ${tabs} Tab presses reach the first result (${await activeText(page)})`);
    check((await page.$$("ol > [role=separator], ol > li[role=separator]")).length === 0, "no separator inside a list");

    // Cards told apart: förbund on each, the year and project when the report has them.
    const metas = await page.$$eval("#hits ol.hit-list > li.hit .meta", (ms) => ms.map((m) => m.textContent));
    const wanted = api.hits.slice(0, metas.length);
    check(wanted.every((h, i) => (!h.forbund || metas[i].includes(h.forbund)) && (!h.year || metas[i].includes(String(h.year)))
      && (!h.project || metas[i].includes(h.project))), "each card shows its year, förbund and project");

    // "även som": a report with copies.
    const dupes = (await getJson(base, "/api/search?q=&group=document&limit=100")).hits.filter((h) => h.paths.length > 1);
    if (dupes.length) {
      await page.goto(`${base}/?q=&forbund=${encodeURIComponent(dupes[0].forbund)}`, { waitUntil: "networkidle0" });
      await settle(page);
      check((await texts(page, "#hits .hit-files")).some((t) => t.includes("även som")), "a report with copies says “även som”");
    }

    // Section mode, kept in the URL; focus on the results after following a link.
    await page.goto(`${base}/?q=nollplacerade`, { waitUntil: "networkidle0" });
    await settle(page);
    await page.click(".group-toggle a:not(.current)");
    await settle(page);
    check(page.url().includes("group=section"), "“Per avsnitt” puts group=section in the URL");
    check(/träff/.test(await page.$eval("#status", (e) => e.textContent)), "section mode counts träffar");
    check(await page.evaluate(() => document.activeElement?.id === "results-heading"), "focus moves to the results heading");
    await shoot(page, "results-by-section-1366");

    // A project from a result card: the timeline, its sections, similar projects.
    await page.goto(`${base}/?q=nollplacerade`, { waitUntil: "networkidle0" });
    await settle(page);
    await page.click("#hits .meta a[href*='project=']");
    await settle(page);
    check(await page.evaluate(() => document.activeElement?.id === "project-title"), "focus moves to the project's name");
    const types = await texts(page, ".timeline .tl-when");
    check(types.length > 0, `project timeline: ${types.join(" → ")}`);
    check((await page.$$(".timeline details.tl-section")).length > 0, "timeline sections are collapsible");
    check((await page.$$("#similar-heading + ol li a")).length > 0, "Liknande projekt listed");
    await page.click("[data-back]");
    await settle(page);
    check(await page.evaluate(() => document.activeElement?.closest?.("#hits") !== null), "Tillbaka returns focus to the result");

    const projects = (await getJson(base, "/api/projects?limit=100")).projects;
    const kliv = projects.find((p) => /kliv|framsteg/i.test(p.name)) || projects[0];
    await visit(page, base, `/?project=${kliv.project_id}`, "project");

    // A report with resolved and unresolved references.
    const docs = (await getJson(base, "/api/documents?limit=100")).documents;
    let withRefs = null;
    for (const d of docs) {
      const detail = await getJson(base, `/api/documents/${d.doc_id}`);
      const refs = detail.references || [];
      if (refs.some((r) => r.doc_id) && refs.some((r) => !r.doc_id)) { withRefs = detail; break; }
    }
    if (withRefs) {
      await visit(page, base, `/?doc=${withRefs.doc_id}`, "document-references");
      check(await page.$eval("#refs-heading", (h) => h.textContent) === "Hänvisar till", "“Hänvisar till” shown");
      check((await texts(page, ".ref-list .missing")).every((t) => t === "finns inte i Finsamsök") &&
        (await page.$$(".ref-list .missing")).length === withRefs.references.filter((r) => !r.doc_id).length,
        "unresolved references stay as text, marked");
      check((await page.$$(".ref-list a[href*='doc=']")).length === withRefs.references.filter((r) => r.doc_id).length,
        "resolved references link to the report");
      check((await page.$$("#similar-heading + ol li")).length > 0, "Liknande projekt on the report");
      check(withRefs.furniture.length > 0 && (await page.$$(".furniture li")).length === withRefs.furniture.length,
        "running headers and footers listed, folded, under the text");
      check(!(await page.$eval(".furniture", (d) => d.open)), "furniture folded when no search word is in it");
    } else {
      check(false, "no report with both resolved and unresolved references in the corpus");
    }
    const cited = (await Promise.all(docs.map((d) => getJson(base, `/api/documents/${d.doc_id}`))))
      .find((d) => d.cited_by?.length);
    if (cited) {
      await page.goto(`${base}/?doc=${cited.doc_id}`, { waitUntil: "networkidle0" });
      await settle(page);
      check((await page.$$("#cited-heading + ul a[href*='doc=']")).length === cited.cited_by.length,
        "“Hänvisas till av” links to the citing reports");
    }

    // A number printed only in a footer: the report says so and opens its furniture.
    const footer = await getJson(base, "/api/search?q=222000-0001&limit=1");
    check(footer.hits.length > 0, "a footer-only number finds a report");
    await visit(page, base, "/?q=222000-0001", "search-furniture");
    check((await page.$$("#hits .furniture-snippet mark")).length > 0, "the hit card shows the footer that matched, marked");
    if (footer.hits.length) {
      await visit(page, base, `/?q=222000-0001&doc=${footer.hits[0].doc_id}`, "document-furniture");
      check(await page.$eval(".furniture", (d) => d.open) && (await page.$$(".furniture mark")).length > 0,
        "furniture opened, the footer's number marked");
      check(Boolean(await page.$("a[href='#sidhuvuden']")), "“Sökorden finns bara i sidhuvud eller sidfot” links to it");
    }

    // A corrected query: the hits are for the correction, so no "Menade du"; tips when nothing is found.
    const typo = await getJson(base, "/api/search?q=nollplaserade&group=document&limit=1");
    await page.goto(`${base}/?q=nollplaserade`, { waitUntil: "networkidle0" });
    await settle(page);
    const said = await page.$eval("#suggestion", (e) => e.textContent.replace(/\s+/g, " "));
    check(!typo.suggestion || (said.includes(`Visar träffar för ${typo.suggestion}`) && !/Menade du/.test(said)),
      `a corrected query says “Visar träffar för …” (${said.trim().slice(0, 70)})`);
    await page.goto(`${base}/?q=qwxzyvbnm`, { waitUntil: "networkidle0" });
    await settle(page);
    check((await page.$$(".empty-tips li")).length > 1, "a page without hits has tips");
    check(Boolean(await page.$(".search-help summary")), "Sökhjälp explains the query syntax");

    // Nästa: focus stays on the page (the heading or the pager), never on body.
    const big = (await getJson(base, "/api/search?q=samverkan&group=document&limit=1")).total;
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(`${base}/?q=samverkan`, { waitUntil: "networkidle0" });
    await settle(page);
    const next = await page.$("#pager a[rel=next]");
    check(Boolean(next) || big <= 20, "a search with more than 20 reports has Nästa");
    if (next) {
      await next.focus();
      await page.keyboard.press("Enter");
      await settle(page);
      check(page.url().includes("offset=20"), "Nästa goes to the second page");
      check(!(await focusOnBody(page)), `focus after Nästa: ${await activeText(page)}`);
    }

    // Tillbaka till sökresultaten: back on the link the user left by, not scrolled to the top.
    await page.goto(`${base}/?q=samverkan`, { waitUntil: "networkidle0" });
    await settle(page);
    const leave = (await page.$$("#hits .hit-title a"))[Math.min(5, (await page.$$("#hits .hit-title a")).length - 1)];
    const leftBy = await leave.evaluate((a) => a.getAttribute("href"));
    await leave.focus();
    await page.keyboard.press("Enter");
    await settle(page);
    await page.focus("[data-back]");
    await page.keyboard.press("Enter");
    await settle(page);
    check(!(await focusOnBody(page)), "focus after Tillbaka is not on body");
    check(await page.evaluate((href) => document.activeElement?.getAttribute("href") === href, leftBy),
      `Tillbaka returns to the link left by (${await activeText(page)})`);
    check(await page.evaluate(() => window.scrollY > 0), "Tillbaka does not scroll to the top");

    // The year form: a reversed range is swapped and said so; a bad year is marked in Swedish, no browser bubble.
    await page.goto(`${base}/?q=samverkan`, { waitUntil: "networkidle0" });
    await settle(page);
    check(await page.$eval("#year-form", (f) => f.noValidate), "the year form does its own checking (novalidate)");
    check((await page.$$("#facet-years a[data-year]")).length > 0 &&
      (await page.$$("#facet-years text.count")).length === (await page.$$("#facet-years a[data-year]")).length,
      "the year filter shows reports per year, with counts");
    await page.type("#year-from", "2024");
    await page.type("#year-to", "2019");
    await page.click('#year-form button[type="submit"]');
    await settle(page);
    check(page.url().includes("year_from=2019") && page.url().includes("year_to=2024"), "a reversed year range is swapped");
    check(/bytte plats/.test(await page.$eval(".year-note", (p) => p.textContent).catch(() => "")), "the swap is said in Swedish");
    check(!(await focusOnBody(page)), `focus after the year form: ${await activeText(page)}`);
    const before = page.url();
    await page.$eval("#year-from", (i) => { i.value = ""; });
    await page.type("#year-from", "20x");
    await page.click('#year-form button[type="submit"]');
    check(page.url() === before, "a bad year does not search");
    check(await page.$eval("#year-from", (i) => i.getAttribute("aria-invalid") === "true" && document.activeElement === i),
      "a bad year is aria-invalid and focused");
    check(/fyra siffror/.test(await page.$eval("#year-error", (p) => p.textContent)), "the year error is in Swedish");

    // The sort select.
    await page.goto(`${base}/?q=samverkan`, { waitUntil: "networkidle0" });
    await settle(page);
    await page.focus("#sort");
    await page.select("#sort", "nyast");
    await settle(page);
    check(page.url().includes("sort=nyast"), "Sortera: Nyast först puts sort=nyast in the URL");
    const years = (await getJson(base, "/api/search?q=samverkan&group=document&limit=20&sort=nyast")).hits.map((h) => h.year).filter(Boolean);
    check(years.every((y, i) => i === 0 || years[i - 1] >= y), "nyast först: newest first");
    check(await page.evaluate(() => document.activeElement?.id === "sort"), "focus stays on the sort select");

    // Export: all hits as CSV (with a BOM, for Excel) and JSON Lines, named by the server.
    const csvHref = await page.$eval('#export a[data-export="csv"]', (a) => a.href).catch(() => "");
    check(/all=true/.test(csvHref) && /format=csv/.test(csvHref), "Exportera: a CSV link of all hits");
    check(Boolean(await page.$('#export a[data-export="jsonl"]')), "Exportera: a JSON Lines link");
    if (csvHref) {
      // As a browser asks for it: compressed (a cut-off stream fails here).
      const res = await fetch(csvHref, { headers: { "Accept-Encoding": "gzip, br" } });
      const bytes = await res.arrayBuffer().then((b) => new Uint8Array(b), (e) => e);
      check(bytes instanceof Uint8Array, `the CSV export downloads whole${bytes instanceof Uint8Array ? "" : `: ${bytes}`}`);
      check(res.ok && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, "the CSV export starts with a BOM");
      check(/filename="finsamsok-samverkan-[\d-]+\.csv"/.test(res.headers.get("content-disposition") || ""),
        "the server names the CSV file");
    }

    // Omvärldsbild: counts per report type add up to the reports found; years, förbund, Vad andra har gjort.
    await visit(page, base, "/?q=samverkan&view=omvarld", "overview");
    const ov = await getJson(base, "/api/overview?q=samverkan");
    const statusTotal = Number((await page.$eval("#status", (e) => e.textContent)).replace(/\s/g, "").match(/^\d+/)?.[0]);
    check(statusTotal === ov.total, `the overview says ${statusTotal} reports (API: ${ov.total})`);
    for (let more; (more = await page.$('#overview button[data-action=expand-chart][aria-expanded="false"]'));) {
      await more.click();
    }
    const sumOf = (id) => page.$$eval(`#${id} .bar-count`, (cs) => cs.reduce((n, c) => n + Number(c.firstChild.textContent.replace(/\s/g, "")), 0)).catch(() => -1);
    // Förbund and län are one per report, so they add up to the total (a report can be counted
    // under two report types when its near-duplicate copy is labelled otherwise).
    const forbundSum = await sumOf("ov-forbund");
    check(forbundSum === ov.total, `reports per förbund add up to ${forbundSum} of ${ov.total}`);
    const lanSum = await sumOf("ov-lan");
    check(lanSum === ov.lan.reduce((n, l) => n + (l.value === "okänt" ? 0 : l.count), 0) && lanSum > 0,
      `reports per län: ${lanSum} (API: ${ov.lan.map((l) => l.count).join("+")})`);
    check((await page.$$("#ov-type tbody tr")).length === ov.report_type.length && (await page.$$("#ov-malgrupp tbody tr")).length > 0,
      "report types and målgrupper shown");
    const yearCounts = await page.$$eval("#ov-years a[data-year]", (as) => as.map((a) => Number(a.nextElementSibling.textContent)));
    const yearSum = yearCounts.reduce((a, b) => a + b, 0);
    const undated = ov.total - ov.years.reduce((n, y) => n + y.count, 0);
    check(yearCounts.length > 0 && yearSum + undated === ov.total, `the year histogram shows counts (${yearSum} dated + ${undated} undated = ${ov.total})`);
    check((await page.$$("#overview .worked-list li")).length === ov.what_worked.length, `Vad andra har gjort lists the ${ov.what_worked.length} passages`);

    // Phone: Sök visible, the filters in a dialog that closes after a choice, the count near the top.
    await page.setViewport({ width: 320, height: 640 });
    await page.goto(`${base}/?q=samverkan`, { waitUntil: "networkidle0" });
    await settle(page);
    check(await page.$eval('#search-form button[type="submit"]', (b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
    }), "Sök is visible at 320 px");
    check(await fits(page), "results at 320 px: no horizontal scroll");
    await page.click("#filter-button");
    check(await page.$eval("#filter-dialog", (d) => d.open), "Filter opens the filter dialog");
    await page.click("#filter-dialog button[data-facet]");
    await settle(page);
    check(await page.$eval("#filter-dialog", (d) => !d.open), "choosing a filter closes the dialog");
    check(await page.evaluate(() => document.activeElement?.id === "filter-button"), "focus returns to Filter");
    const statusTop = await page.$eval("#status", (s) => Math.round(s.getBoundingClientRect().top));
    const firstTop = await page.$eval("#hits .hit", (h) => Math.round(h.getBoundingClientRect().top)).catch(() => 9999);
    check(statusTop >= 0 && statusTop < 640 / 2 && firstTop < 640, `after filtering the count (at ${statusTop} px) and the first result (at ${firstTop} px) are in view`);
    await page.setViewport({ width: 1366, height: 900 });

    // A report opened from a search: contents, next/previous match, whole words marked, lang on English sections.
    const first = (await getJson(base, "/api/search?q=nollplacerade&group=document&limit=1")).hits[0];
    await visit(page, base, `/?q=nollplacerade&doc=${first.doc_id}`, "document-search");
    check((await page.$$("nav.toc a[data-toc]")).length > 1, "the report has a table of contents");
    check((await page.$$("#doc-view section[aria-labelledby], #doc-view section[aria-label], #doc-view [role=region]")).length === 0,
      "sections are not landmarks");
    const marks = await texts(page, ".doc-section mark");
    check(marks.length > 0 && marks.every((m) => /^\p{L}/u.test(m)), `whole words marked (${marks.slice(0, 4).join(", ")})`);
    check(await page.$$eval(".doc-section mark", (ms) => ms.every((m) => {
      const after = m.nextSibling?.textContent?.[0] ?? " ";
      const before = m.previousSibling?.textContent?.slice(-1) ?? " ";
      return !/[\p{L}\p{N}]/u.test(after) && !/[\p{L}\p{N}]/u.test(before);
    })), "marks cover whole words");
    await page.click("button[data-action=match-next]");
    await page.click("button[data-action=match-next]");
    check(/Träff 2 av/.test(await page.$eval("#match-pos", (p) => p.textContent)) || marks.length < 2, "Nästa träff steps to the second mark");
    check(!(await focusOnBody(page)), "focus stays on Nästa träff");
    let english = null;
    for (const d of docs) {
      const detail = await getJson(base, `/api/documents/${d.doc_id}`);
      const s = (detail.sections || []).find((x) => x.lang && x.lang !== "sv");
      if (s) { english = { doc: d.doc_id, section: s }; break; }
    }
    if (english) {
      await page.goto(`${base}/?doc=${english.doc}`, { waitUntil: "networkidle0" });
      await settle(page);
      check(await page.$eval(`[id="avsnitt-${english.section.id}"]`, (s) => s.lang).catch(() => "") === english.section.lang,
        `a section in ${english.section.lang} has lang="${english.section.lang}"`);
    }

    // The project list from the header.
    await page.goto(`${base}/?q=nollplacerade`, { waitUntil: "networkidle0" });
    await settle(page);
    await page.click('.site-nav a[data-section="projects"]');
    await settle(page);
    check((await page.$$("#hits .project-card")).length > 0, "the header's Projekt lists projects");
    await visit(page, base, "/?view=projects", "projects");

    check(errors.length === 0, `no script errors${errors.length ? ": " + errors.join("; ") : ""}`);
  } finally {
    await browser.close();
  }
}

const server = await startServer();
try {
  await run(server.base);
} catch (err) {
  check(false, `smoke test crashed: ${err.stack || err}`);
} finally {
  server.stop();
}
console.log(`screenshots: ${screens}`);
if (failures.length) {
  console.log(`${failures.length} failed`);
  process.exit(1);
}
console.log("all passed");
