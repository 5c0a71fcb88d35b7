// Browser smoke test of the page: results by report, section mode, the
// project list and a project's timeline, a report with references and
// similar projects — driven in the system's headless Chromium, with axe-core
// (WCAG 2.1 A/AA) on each view at 1366 and 390 px.
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

async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes[0].target.join(" ")}`);
  check(found.length === 0, `axe ${name}: ${found.length ? found.join("; ") : "0 violations"}`);
}

async function shoot(page, name) {
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage: true });
}

/** Load `path` at both widths: screenshot and axe each; leave the page at 1366. */
async function visit(page, base, path, name) {
  for (const width of [390, 1366]) {
    await page.setViewport({ width, height: 900 });
    await page.goto(base + path, { waitUntil: "networkidle0" });
    await settle(page);
    await shoot(page, `${name}-${width}`);
    await axe(page, `${name} at ${width} px`);
  }
}

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
    await page.focus("a.skip-link[data-skip]");
    let tabs;
    await page.keyboard.press("Enter");
    for (tabs = 1; tabs <= 8; tabs++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => Boolean(document.activeElement?.closest("#hits .hit")))) break;
    }
    check(tabs <= 8, `“Hoppa till resultaten” then ${tabs} Tab presses reach the first result (${
      await page.evaluate(() => document.activeElement?.textContent.trim().slice(0, 40))})`);

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
    check(page.url().includes("group=section"), "“Visa per avsnitt” puts group=section in the URL");
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
