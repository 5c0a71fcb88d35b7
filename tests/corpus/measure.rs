//! Corpus knowledge measured against the hand-written truth in `tests/corpus/`
//! (near_duplicates.tsv, projects.tsv, references.tsv); shared by
//! `benches/corpus.rs` (prints the table) and `tests/corpus_knowledge.rs`
//! (asserts floors).
//!
//! The sample corpus (`corpus/exempel`), the five shared reports
//! (`../shared/corpus/pdf`, when present) and the shared reports printed
//! through other producers (`print_shared_variants.sh`, when its tools are
//! installed) are copied into one temporary corpus — `exempel/…`, `shared/NNN.pdf`,
//! `varianter/NNN-producer.pdf` — ingested with [`finsam::ingest::run`], and
//! the stored `corpus.json` is compared with the truth. A document is named
//! as in the truth files: its path under `corpus/exempel` without `.pdf`, or
//! the shared id (`000`–`004`); a variant is `NNN-gs`, `NNN-cairo`, `NNN-skannad`.

#![allow(dead_code)] // the bench and the test use different parts

use finsam::analysis::Profile;
use finsam::corpus::{Features, Knowledge, duplicates};
use finsam::index::knowledge;
use finsam::ingest::{self, IngestOptions};
use finsam::search::SearchService;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use tempfile::TempDir;

/// Citing documents whose reference rows were kept aside while the
/// reference rules were developed: their misses were not looked at until
/// the final check (see BENCHMARKS.md).
pub const HELD_OUT: [&str; 5] = [
    "umea-slutrapport-team-framsteg-2024",
    "stockholms-stad-slutrapport-beroendelotsen-2024",
    "sodra-vatterbygden-delrapport-brobyggarna-2026",
    "vastra-malardalen-forstudie-npf-2025",
    "rar-sormland-ansokan-npf-lotsen-2023",
];

/// Producers `print_shared_variants.sh` prints each shared report through.
pub const PRODUCERS: [&str; 3] = ["gs", "cairo", "skannad"];

/// Tools `print_shared_variants.sh` needs.
const VARIANT_TOOLS: [&str; 5] = ["gs", "pdftocairo", "pdftoppm", "convert", "img2pdf"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The hand-written truth.
pub struct Truth {
    /// Pairs of files that are the same report.
    pub copies: Vec<(String, String)>,
    /// Each document's project key (`-` for none).
    pub projects: BTreeMap<String, String>,
    /// (citing document, reference text, cited document or `-`).
    pub references: Vec<(String, String, String)>,
}

impl Truth {
    /// Reads the three truth files.
    pub fn load() -> Truth {
        let rows = |name: &str| -> Vec<Vec<String>> {
            let path = root().join("tests/corpus").join(name);
            let text = std::fs::read_to_string(&path).expect("truth file");
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .skip(1) // the header
                .map(|l| l.split('\t').map(str::to_string).collect())
                .collect()
        };
        Truth {
            copies: rows("near_duplicates.tsv")
                .into_iter()
                .map(|r| (r[0].clone(), r[1].clone()))
                .collect(),
            projects: rows("projects.tsv")
                .into_iter()
                .map(|r| (r[0].clone(), r[1].clone()))
                .collect(),
            references: rows("references.tsv")
                .into_iter()
                .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
                .collect(),
        }
    }
}

/// The corpus ingested into an index, with its knowledge.
pub struct Built {
    /// The temporary corpus and index, deleted when the value goes.
    _temporary: Vec<TempDir>,
    /// The index folder.
    pub index: PathBuf,
    /// `corpus.json` as stored (or as related again, see [`Built::new`]).
    pub knowledge: Knowledge,
    /// Each document's text (headings and sections, as the corpus stage reads it).
    pub texts: BTreeMap<String, String>,
    /// True when the shared reports were found.
    pub shared: bool,
    /// True when the shared reports' variants were printed.
    pub variants: bool,
    /// Seconds to print the variants.
    pub print_seconds: f64,
    /// Seconds to ingest (extraction, indexing and the corpus stage).
    pub ingest_seconds: f64,
    /// Files that failed to ingest.
    pub failed: usize,
}

impl Built {
    /// Copies the corpora into a temporary folder and ingests it into a
    /// temporary index; prints a notice for each part that is skipped. The
    /// shared reports' scanned variants (read by OCR, minutes of work) are
    /// kept only when `scans`.
    ///
    /// For development, `FINSAM_CORPUS_INDEX=DIR` ingests into DIR and keeps
    /// it; when DIR already holds an index, its stored documents are related
    /// again by the current corpus stage instead (seconds, not minutes —
    /// valid while extraction and labelling are unchanged).
    pub fn new(scans: bool) -> Built {
        let kept = std::env::var_os("FINSAM_CORPUS_INDEX").map(PathBuf::from);
        if let Some(dir) = kept.as_ref().filter(|d| finsam::index::exists(d)) {
            return Built::related_again(dir);
        }
        let corpus = tempfile::tempdir().expect("temp dir");
        copy_pdfs(
            &root().join("corpus/exempel"),
            &corpus.path().join("exempel"),
        );
        let shared_dir = root().join("../shared/corpus/pdf");
        let shared = shared_dir.is_dir();
        if shared {
            copy_pdfs(&shared_dir, &corpus.path().join("shared"));
        } else {
            eprintln!("NOTICE: ../shared/corpus is absent; measuring the sample corpus only");
        }
        let started = Instant::now();
        let varianter = corpus.path().join("varianter");
        let variants = shared && print_variants(&shared_dir, &varianter, scans);
        let print_seconds = started.elapsed().as_secs_f64();
        let mut temporary = vec![corpus];
        let index = match kept {
            Some(dir) => dir,
            None => {
                temporary.push(tempfile::tempdir().expect("temp dir"));
                temporary[1].path().to_path_buf()
            }
        };
        let started = Instant::now();
        let options = IngestOptions::new(temporary[0].path(), &index);
        let report = ingest::run(&options, |_| {}).expect("ingest runs");
        let ingest_seconds = started.elapsed().as_secs_f64();
        let knowledge = knowledge::load(&index).expect("corpus.json is written");
        let texts = texts(&index, &knowledge);
        Built {
            _temporary: temporary,
            index,
            knowledge,
            texts,
            shared,
            variants,
            print_seconds,
            ingest_seconds,
            failed: report.failed,
        }
    }

    /// The documents stored in `dir` related again by the current corpus stage.
    fn related_again(dir: &Path) -> Built {
        eprintln!(
            "NOTICE: relating the documents stored in {} again",
            dir.display()
        );
        let (index, fields) = finsam::index::open(dir, Profile::Full).expect("index opens");
        let searcher = index.reader().expect("reader").searcher();
        let started = Instant::now();
        let terms = finsam::corpus::Terms::default();
        let features = finsam::index::map_documents(&searcher, &fields, |record| {
            Features::of(&record, &terms)
        })
        .expect("documents readable");
        let knowledge = finsam::corpus::relate(features, terms);
        let ingest_seconds = started.elapsed().as_secs_f64();
        let texts = texts(dir, &knowledge);
        let names: Vec<String> = knowledge
            .documents
            .values()
            .flat_map(|f| f.summary.paths.iter().filter_map(|p| name_of(p)))
            .collect();
        Built {
            _temporary: Vec::new(),
            index: dir.to_path_buf(),
            shared: names.iter().any(|n| n == "000"),
            variants: names.iter().any(|n| variant_of(n).is_some()),
            knowledge,
            texts,
            print_seconds: 0.0,
            ingest_seconds,
            failed: 0,
        }
    }

    /// Document id by name, for every named file.
    pub fn ids(&self) -> BTreeMap<String, String> {
        let mut ids = BTreeMap::new();
        for (id, facts) in &self.knowledge.documents {
            for path in &facts.summary.paths {
                if let Some(name) = name_of(path) {
                    ids.insert(name, id.clone());
                }
            }
        }
        ids
    }
}

/// Copies every PDF below `from` into `to`, keeping sub-folders.
fn copy_pdfs(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "pdf") {
            let target = to.join(path.strip_prefix(from).expect("below from"));
            std::fs::create_dir_all(target.parent().expect("a folder")).expect("mkdir");
            std::fs::copy(path, &target).expect("copy a PDF");
        }
    }
}

/// Prints the shared reports through other producers into `out` (without
/// the scanned ones unless `scans`); false (with a notice) when a tool is
/// missing or the script fails.
fn print_variants(shared: &Path, out: &Path, scans: bool) -> bool {
    let missing: Vec<&str> = VARIANT_TOOLS
        .iter()
        .copied()
        .filter(|tool| !on_path(tool))
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "NOTICE: {} missing; the shared reports' variants are not printed",
            missing.join(", ")
        );
        return false;
    }
    let script = root().join("corpus/exempel/kallor/print_shared_variants.sh");
    let printed = Command::new("bash")
        .arg(script)
        .arg(shared)
        .arg(out)
        .output();
    match printed {
        Ok(output) if output.status.success() => {
            if !scans {
                eprintln!(
                    "NOTICE: the scanned variants are left out (FINSAM_CORPUS_SCANS=1 keeps them)"
                );
                for id in ["000", "001", "002", "003", "004"] {
                    std::fs::remove_file(out.join(format!("{id}-skannad.pdf"))).expect("printed");
                }
            }
            true
        }
        Ok(output) => {
            eprintln!(
                "NOTICE: print_shared_variants.sh failed ({}); variants skipped",
                String::from_utf8_lossy(&output.stderr).trim()
            );
            false
        }
        Err(error) => {
            eprintln!("NOTICE: print_shared_variants.sh did not run ({error}); variants skipped");
            false
        }
    }
}

/// True when `tool` is an executable file on `PATH`.
fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}

/// Each document's headings and section texts, joined as the corpus stage joins them.
fn texts(index: &Path, knowledge: &Knowledge) -> BTreeMap<String, String> {
    let service = SearchService::open(index).expect("index opens");
    knowledge
        .documents
        .keys()
        .map(|id| {
            let detail = service.document(id).expect("readable").expect("stored");
            let text = detail
                .sections
                .iter()
                .map(|s| format!("{}\n{}\n", s.heading, s.text))
                .collect();
            (id.clone(), text)
        })
        .collect()
}

/// The truth's name for a corpus path: `exempel/X.pdf` → `X`,
/// `shared/NNN.pdf` → `NNN`, `varianter/NNN-p.pdf` → `NNN-p`.
pub fn name_of(path: &str) -> Option<String> {
    let stem = path.strip_suffix(".pdf")?;
    ["exempel/", "shared/", "varianter/"]
        .iter()
        .find_map(|prefix| stem.strip_prefix(prefix))
        .map(str::to_string)
}

/// The shared report a variant was printed from (`001-gs` → `001`).
pub fn variant_of(name: &str) -> Option<&str> {
    let (id, producer) = name.split_once('-')?;
    (id.len() == 3 && id.chars().all(|c| c.is_ascii_digit()) && PRODUCERS.contains(&producer))
        .then_some(id)
}

/// Which files are the same report, by the truth: the near-duplicate pairs
/// and each variant with its shared report. Maps a name to its report's
/// first name.
pub fn same_report(truth: &Truth, names: &BTreeSet<String>) -> BTreeMap<String, String> {
    let mut report: BTreeMap<String, String> =
        names.iter().map(|n| (n.clone(), n.clone())).collect();
    let mut pairs: Vec<(String, String)> = truth.copies.clone();
    pairs.extend(
        names
            .iter()
            .filter_map(|n| Some((variant_of(n)?.to_string(), n.clone()))),
    );
    // few pairs: relabel until stable
    let mut changed = true;
    while changed {
        changed = false;
        for (a, b) in &pairs {
            let (Some(ra), Some(rb)) = (report.get(a).cloned(), report.get(b).cloned()) else {
                continue;
            };
            if ra != rb {
                let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
                report
                    .values_mut()
                    .filter(|r| **r == drop)
                    .for_each(|r| *r = keep.clone());
                changed = true;
            }
        }
    }
    report
}

/// How near-duplicates measured.
#[derive(Debug, Clone, Default)]
pub struct Duplicates {
    /// Truth pairs (near_duplicates.tsv) present in the corpus.
    pub copy_pairs: usize,
    /// …of which merged.
    pub copy_pairs_merged: usize,
    /// Pairs of different reports merged (names).
    pub different_merged: Vec<(String, String)>,
    /// Variants printed, and how many were merged with their shared report.
    pub variants: usize,
    /// …merged with their shared report.
    pub variants_merged: usize,
    /// Pairs of shared reports (or their variants) of different reports merged.
    pub shared_merged_together: usize,
    /// Lowest estimated similarity between two files of one report.
    pub lowest_copy: Option<(f64, String, String)>,
    /// Highest estimated similarity between two different reports.
    pub highest_different: Option<(f64, String, String)>,
}

/// Measures near-duplicates.
pub fn duplicates(built: &Built, truth: &Truth) -> Duplicates {
    let ids = built.ids();
    let names: BTreeSet<String> = ids.keys().cloned().collect();
    let report = same_report(truth, &names);
    let original = |name: &str| built.knowledge.original_of(&ids[name]).to_string();
    let mut out = Duplicates::default();
    for (a, b) in &truth.copies {
        if ids.contains_key(a) && ids.contains_key(b) {
            out.copy_pairs += 1;
            out.copy_pairs_merged += usize::from(original(a) == original(b));
        }
    }
    for name in names.iter().filter(|n| variant_of(n).is_some()) {
        out.variants += 1;
        let shared = variant_of(name).expect("a variant");
        out.variants_merged +=
            usize::from(ids.contains_key(shared) && original(name) == original(shared));
    }
    let signatures: BTreeMap<&str, duplicates::Signature> = ids
        .iter()
        .map(|(name, id)| (name.as_str(), duplicates::signature(&built.texts[id])))
        .collect();
    let list: Vec<&String> = names.iter().collect();
    for (n, a) in list.iter().enumerate() {
        for b in &list[n + 1..] {
            let same = report[*a] == report[*b];
            let merged = original(a) == original(b);
            if !same && merged {
                out.different_merged.push(((*a).clone(), (*b).clone()));
                let shared = |x: &str| x.len() == 3 || variant_of(x).is_some();
                out.shared_merged_together += usize::from(shared(a) && shared(b));
            }
            let (Some(x), Some(y)) = (&signatures[a.as_str()], &signatures[b.as_str()]) else {
                continue;
            };
            let s = duplicates::similarity(x, y);
            let entry = Some((s, (*a).clone(), (*b).clone()));
            if same && out.lowest_copy.as_ref().is_none_or(|(low, ..)| s < *low) {
                out.lowest_copy = entry;
            } else if !same
                && out
                    .highest_different
                    .as_ref()
                    .is_none_or(|(high, ..)| s > *high)
            {
                out.highest_different = entry;
            }
        }
    }
    out
}

/// Pairwise precision and recall of project grouping.
#[derive(Debug, Clone, Default)]
pub struct Projects {
    /// Truth documents found in the corpus.
    pub documents: usize,
    /// Pairs in one project by the truth.
    pub truth_pairs: usize,
    /// Pairs in one project as grouped.
    pub grouped_pairs: usize,
    /// Pairs in both.
    pub agreed: usize,
    /// Pairs grouped but not in the truth, and missed (names).
    pub wrong: Vec<(String, String)>,
    /// Pairs in the truth but not grouped.
    pub missed: Vec<(String, String)>,
    /// The bundled shared report 004 belongs to a project (None when absent).
    pub bundle_in_project: Option<bool>,
}

impl Projects {
    /// Share of grouped pairs that are right.
    pub fn precision(&self) -> f64 {
        ratio(self.agreed, self.grouped_pairs)
    }
    /// Share of true pairs that are grouped.
    pub fn recall(&self) -> f64 {
        ratio(self.agreed, self.truth_pairs)
    }
}

/// Measures project grouping: every pair of documents in projects.tsv
/// (near-duplicate copies count as themselves: the truth lists them, and a
/// copy carries its original's project).
pub fn projects(built: &Built, truth: &Truth) -> Projects {
    let ids = built.ids();
    let listed: Vec<(&String, &String)> = truth
        .projects
        .iter()
        .filter(|(name, _)| ids.contains_key(*name))
        .collect();
    let project = |name: &str| built.knowledge.documents[&ids[name]].project_id.clone();
    let mut out = Projects {
        documents: listed.len(),
        bundle_in_project: ids.get("004").map(|_| project("004").is_some()),
        ..Projects::default()
    };
    for (n, (a, key_a)) in listed.iter().enumerate() {
        for (b, key_b) in &listed[n + 1..] {
            let truth_same = key_a == key_b && key_a.as_str() != "-";
            let grouped = project(a).is_some() && project(a) == project(b);
            out.truth_pairs += usize::from(truth_same);
            out.grouped_pairs += usize::from(grouped);
            out.agreed += usize::from(truth_same && grouped);
            let pair = ((*a).clone(), (*b).clone());
            match (truth_same, grouped) {
                (false, true) => out.wrong.push(pair),
                (true, false) => out.missed.push(pair),
                _ => {}
            }
        }
    }
    out
}

/// Reference scores over a set of citing documents.
#[derive(Debug, Clone, Default)]
pub struct ReferenceScores {
    /// Truth rows.
    pub rows: usize,
    /// …whose text is among the extracted references.
    pub rows_read: usize,
    /// Truth rows citing a corpus document.
    pub citing_rows: usize,
    /// …resolved to it.
    pub citing_resolved: usize,
    /// Extracted references resolved to a document.
    pub resolved: usize,
    /// …to the right one.
    pub resolved_right: usize,
    /// Wrongly resolved references: (citing, text, resolved to).
    pub wrong: Vec<(String, String, String)>,
    /// Truth rows not resolved: (citing, text, cited).
    pub missed: Vec<(String, String, String)>,
    /// Truth rows not read: (citing, text).
    pub unread: Vec<(String, String)>,
    /// References read that are no truth row's: (citing, text).
    pub extra: Vec<(String, String)>,
}

impl ReferenceScores {
    /// Share of resolved references that name the right document.
    pub fn precision(&self) -> f64 {
        ratio(self.resolved_right, self.resolved)
    }
    /// Share of truth rows with a corpus document that were resolved to it.
    pub fn recall(&self) -> f64 {
        ratio(self.citing_resolved, self.citing_rows)
    }
}

/// Reference scores for the development part, the held-out part and all.
#[derive(Debug, Clone, Default)]
pub struct References {
    /// Citing documents not in [`HELD_OUT`].
    pub development: ReferenceScores,
    /// Citing documents in [`HELD_OUT`].
    pub held_out: ReferenceScores,
    /// All.
    pub all: ReferenceScores,
}

/// Measures references: every named document but the variants cites; a
/// resolved reference is right when its text is a truth row's of the same
/// citing document and it resolves to that row's document or a copy of it.
pub fn references(built: &Built, truth: &Truth) -> References {
    let ids = built.ids();
    let names: BTreeSet<String> = ids.keys().cloned().collect();
    let report = same_report(truth, &names);
    let name_of_id: BTreeMap<&String, &String> = ids.iter().map(|(n, id)| (id, n)).collect();
    let mut out = References::default();
    for citing in names.iter().filter(|n| variant_of(n).is_none()) {
        let rows: Vec<&(String, String, String)> =
            truth.references.iter().filter(|r| r.0 == *citing).collect();
        let found = &built.knowledge.documents[&ids[citing]].references;
        let mut scores = ReferenceScores {
            rows: rows.len(),
            ..ReferenceScores::default()
        };
        let right = |doc_id: &String, cited: &str| {
            let name = name_of_id.get(doc_id).map(|n| n.as_str());
            name.is_some_and(|n| report.get(n) == report.get(cited))
        };
        for row in &rows {
            let matching: Vec<_> = found.iter().filter(|f| mentions(&f.text, &row.1)).collect();
            scores.rows_read += usize::from(!matching.is_empty());
            if matching.is_empty() {
                scores.unread.push((citing.clone(), row.1.clone()));
            }
            if row.2 != "-" && names.contains(&row.2) {
                scores.citing_rows += 1;
                let hit = matching
                    .iter()
                    .any(|f| f.doc_id.as_ref().is_some_and(|id| right(id, &row.2)));
                scores.citing_resolved += usize::from(hit);
                if !hit {
                    scores
                        .missed
                        .push((citing.clone(), row.1.clone(), row.2.clone()));
                }
            }
        }
        for reference in found {
            if !rows.iter().any(|row| mentions(&reference.text, &row.1)) {
                scores.extra.push((citing.clone(), reference.text.clone()));
            }
            let Some(doc_id) = &reference.doc_id else {
                continue;
            };
            scores.resolved += 1;
            let ok = rows.iter().any(|row| {
                row.2 != "-" && mentions(&reference.text, &row.1) && right(doc_id, &row.2)
            });
            scores.resolved_right += usize::from(ok);
            if !ok {
                let to = name_of_id
                    .get(doc_id)
                    .map_or(doc_id.clone(), |n| (*n).clone());
                scores
                    .wrong
                    .push((citing.clone(), reference.text.clone(), to));
            }
        }
        let part = match HELD_OUT.contains(&citing.as_str()) {
            true => &mut out.held_out,
            false => &mut out.development,
        };
        add(part, &scores);
        add(&mut out.all, &scores);
    }
    out
}

fn add(to: &mut ReferenceScores, from: &ReferenceScores) {
    to.rows += from.rows;
    to.rows_read += from.rows_read;
    to.citing_rows += from.citing_rows;
    to.citing_resolved += from.citing_resolved;
    to.resolved += from.resolved;
    to.resolved_right += from.resolved_right;
    to.wrong.extend(from.wrong.iter().cloned());
    to.missed.extend(from.missed.iter().cloned());
    to.unread.extend(from.unread.iter().cloned());
    to.extra.extend(from.extra.iter().cloned());
}

/// True when an extracted reference and a truth row's text are the same
/// reference: one holds the other (letters and digits only, folded), or
/// four fifths of the shorter one's words are in the longer one.
pub fn mentions(found: &str, row: &str) -> bool {
    let (f, r) = (squash(found), squash(row));
    if r.is_empty() || f.len() < 8 {
        return false;
    }
    if f.contains(&r) || r.contains(&f) {
        return true;
    }
    let (fw, rw) = (words(found), words(row));
    let covered = |small: &HashSet<String>, large: &HashSet<String>| {
        small.len() >= 3
            && small.iter().filter(|w| large.contains(*w)).count() * 5 >= small.len() * 4
    };
    covered(&rw, &fw) || covered(&fw, &rw)
}

fn squash(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn words(text: &str) -> HashSet<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Everything measured.
pub struct Measured {
    /// Near-duplicates.
    pub duplicates: Duplicates,
    /// Projects.
    pub projects: Projects,
    /// References.
    pub references: References,
}

impl Measured {
    /// Measures `built` against the truth.
    pub fn of(built: &Built) -> Measured {
        let truth = Truth::load();
        Measured {
            duplicates: duplicates(built, &truth),
            projects: projects(built, &truth),
            references: references(built, &truth),
        }
    }

    /// The table, as Markdown.
    pub fn table(&self) -> String {
        let d = &self.duplicates;
        let p = &self.projects;
        let r = &self.references;
        let similarity = |s: &Option<(f64, String, String)>| match s {
            Some((value, a, b)) => format!("{value:.3} ({a} / {b})"),
            None => "–".to_string(),
        };
        let mut rows = vec![
            "| Mått | Värde |".to_string(),
            "|---|---|".to_string(),
            format!(
                "| Nära dubbletter: par ur near_duplicates.tsv sammanslagna | {}/{} |",
                d.copy_pairs_merged, d.copy_pairs
            ),
            format!(
                "| Nära dubbletter: par av olika rapporter sammanslagna | {} |",
                d.different_merged.len()
            ),
            format!(
                "| Delade rapporters varianter (gs, cairo, skannad) sammanslagna med sin rapport | {}/{} |",
                d.variants_merged, d.variants
            ),
            format!(
                "| Delade rapporter sammanslagna med varandra | {} |",
                d.shared_merged_together
            ),
            format!(
                "| Lägsta likhet mellan kopior av en rapport (tröskel {}) | {} |",
                duplicates::THRESHOLD,
                similarity(&d.lowest_copy)
            ),
            format!(
                "| Högsta likhet mellan olika rapporter | {} |",
                similarity(&d.highest_different)
            ),
            format!(
                "| Projekt: parvis precision ({} dokument) | {:.3} ({}/{}) |",
                p.documents,
                p.precision(),
                p.agreed,
                p.grouped_pairs
            ),
            format!(
                "| Projekt: parvis recall | {:.3} ({}/{}) |",
                p.recall(),
                p.agreed,
                p.truth_pairs
            ),
            format!(
                "| Projekt: den sammansatta 004 i ett projekt | {} |",
                match p.bundle_in_project {
                    Some(true) => "ja",
                    Some(false) => "nej",
                    None => "–",
                }
            ),
        ];
        for (label, s) in [
            ("alla", &r.all),
            ("utveckling", &r.development),
            ("kontroll (hållna åt sidan)", &r.held_out),
        ] {
            rows.push(format!(
                "| Referenser {label}: precision | {:.3} ({}/{}) |",
                s.precision(),
                s.resolved_right,
                s.resolved
            ));
            rows.push(format!(
                "| Referenser {label}: recall | {:.3} ({}/{}) |",
                s.recall(),
                s.citing_resolved,
                s.citing_rows
            ));
            rows.push(format!(
                "| Referenser {label}: rader lästa ur texten | {}/{} |",
                s.rows_read, s.rows
            ));
        }
        rows.join("\n")
    }

    /// What went wrong, for development: wrong merges and groupings, wrong
    /// and missed references — of the held-out part only when `held_out`.
    pub fn details(&self, held_out: bool) -> String {
        let mut out = String::new();
        for (a, b) in &self.duplicates.different_merged {
            out += &format!("dubblett fel: {a} = {b}\n");
        }
        for (a, b) in &self.projects.wrong {
            out += &format!("projekt fel: {a} + {b}\n");
        }
        for (a, b) in &self.projects.missed {
            out += &format!("projekt saknas: {a} + {b}\n");
        }
        let refs = match held_out {
            true => &self.references.all,
            false => &self.references.development,
        };
        for (citing, text, to) in &refs.wrong {
            out += &format!("referens fel: {citing}: {text:?} -> {to}\n");
        }
        for (citing, text, cited) in &refs.missed {
            out += &format!("referens saknas: {citing}: {text:?} ({cited})\n");
        }
        for (citing, text) in &refs.unread {
            out += &format!("referens oläst: {citing}: {text:?}\n");
        }
        for (citing, text) in &refs.extra {
            out += &format!("referens utöver facit: {citing}: {text:?}\n");
        }
        out
    }
}
