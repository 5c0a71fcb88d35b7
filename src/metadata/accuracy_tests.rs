//! Labelling accuracy against hand labels of every corpus document.
//!
//! `tests/metadata/labels.tsv` holds the labels a reader gives the five real
//! reports (`../shared/corpus/text`) and the thirteen sample PDFs
//! (`corpus/exempel`); `tests/metadata/section_kinds.tsv` the kinds of the
//! sections of nine of them. This test labels the same documents the way
//! ingest does (extract, split, label), prints per-field accuracy
//! (`cargo test --lib accuracy -- --nocapture`) and fails under the floors
//! below. Shared-corpus rows are skipped with a notice when `../shared` is
//! absent; with `LABELS_SHARED_PDF` set they are read from the PDFs instead
//! of the texts, and with `LABELS_WHY` set each difference shows its evidence.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Labeler;
use super::normalize::normalize;
use crate::document::{Metadata, Page, Section};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const LABELS: &str = include_str!("../../tests/metadata/labels.tsv");
const SECTION_KINDS: &str = include_str!("../../tests/metadata/section_kinds.tsv");

/// Floors (fractions) the labelling must reach.
const FORBUND_FLOOR: f64 = 1.0;
const REPORT_TYPE_FLOOR: f64 = 1.0;
const YEAR_FLOOR: f64 = 1.0;
const MALGRUPP_F1_FLOOR: f64 = 0.9;
const SECTION_KIND_FLOOR: f64 = 0.9;

/// Where a labelled document's file is: shared ids ("000") read the text
/// (`pdf = false`) or the PDF, sample names the PDF in `corpus/exempel`.
fn source(document: &str, pdf: bool) -> PathBuf {
    let shared = Path::new(ROOT).join("../shared/corpus");
    match (document.parse::<u32>().is_ok(), pdf) {
        (true, false) => shared.join(format!("text/{document}.txt")),
        (true, true) => shared.join(format!("pdf/{document}.pdf")),
        (false, _) => Path::new(ROOT).join(format!("corpus/exempel/{document}.pdf")),
    }
}

/// The pages of a file, or `None` (with a notice) when it is absent.
fn pages(path: &Path) -> Option<Vec<Page>> {
    if !path.exists() {
        eprintln!("{} not found; skipping its rows", path.display());
        return None;
    }
    let extracted =
        crate::extract::extract_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(extracted.pages)
}

/// Non-comment, non-header rows of a TSV file, split on tabs.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("document\t") && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Hits and attempts of a single-valued field, or set counts of a list field.
#[derive(Default)]
struct Score {
    right: usize,
    total: usize,
    /// Values given where the hand label says the text is silent.
    spurious: usize,
    /// (true positives, predicted, expected) for list fields.
    tp: usize,
    predicted: usize,
    expected: usize,
}

impl Score {
    fn single(&mut self, expected: &str, got: Option<&str>, same: fn(&str, &str) -> bool) -> bool {
        if expected == "?" {
            self.spurious += usize::from(got.is_some());
            return got.is_none();
        }
        let ok = got.is_some_and(|g| same(expected, g));
        self.total += 1;
        self.right += usize::from(ok);
        ok
    }

    fn set(&mut self, expected: &str, got: &[String]) -> bool {
        let want = if expected == "?" {
            Vec::new()
        } else {
            list(expected)
        };
        let want: Vec<String> = want.iter().map(|w| normalize(w)).collect();
        let got: Vec<String> = got.iter().map(|g| normalize(g)).collect();
        let tp = got.iter().filter(|g| want.contains(g)).count();
        self.tp += tp;
        self.predicted += got.len();
        self.expected += want.len();
        tp == want.len() && tp == got.len()
    }

    fn accuracy(&self) -> f64 {
        ratio(self.right, self.total)
    }

    fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.tp, self.expected)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn same_name(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// Project names match when one is the other followed by more words
/// ("KLIV" and "KLIV – Kartläggning, Lots, …").
fn same_project(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && (long == short || long.starts_with(&format!("{short} ")))
}

fn same_year(a: &str, b: &str) -> bool {
    a == b
}

#[derive(Default)]
struct Scores {
    fields: BTreeMap<&'static str, Score>,
}

impl Scores {
    fn field(&mut self, name: &'static str) -> &mut Score {
        self.fields.entry(name).or_default()
    }
}

/// Scores one document's labels against its row, printing what differs.
fn score_row(scores: &mut Scores, row: &[&str], meta: &Metadata) {
    let year = meta.year.map(|y| y.to_string());
    type Same = fn(&str, &str) -> bool;
    let single: [(&'static str, usize, Option<&str>, Same); 5] = [
        ("forbund", 1, meta.forbund.as_deref(), same_name),
        ("report_type", 2, meta.report_type.as_deref(), same_name),
        ("year", 4, year.as_deref(), same_year),
        ("project", 5, meta.project.as_deref(), same_project),
        ("owner", 6, meta.owner.as_deref(), same_name),
    ];
    for (field, column, got, same) in single {
        if !scores.field(field).single(row[column], got, same) {
            report(row, column, field, &format!("{got:?}"), meta);
        }
    }
    let lists: [(&'static str, usize, &[String]); 2] = [
        ("malgrupp", 3, &meta.malgrupp),
        ("partners", 7, &meta.partners),
    ];
    for (field, column, got) in lists {
        if !scores.field(field).set(row[column], got) {
            report(row, column, field, &format!("{got:?}"), meta);
        }
    }
}

/// Prints one difference (and, with `LABELS_WHY` set, its evidence).
fn report(row: &[&str], column: usize, field: &str, got: &str, meta: &Metadata) {
    println!(
        "  {:<48} {field:<11} want {:?} got {got}",
        row[0], row[column]
    );
    if std::env::var_os("LABELS_WHY").is_some() {
        let why: Vec<&str> = meta
            .evidence
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.text.as_str())
            .collect();
        println!("      because {why:?}");
    }
}

/// Every label has evidence: a non-empty text of at most 200 characters.
fn assert_evidence(meta: &Metadata) {
    let single = [
        ("forbund", meta.forbund.iter().collect::<Vec<_>>()),
        ("report_type", meta.report_type.iter().collect()),
        ("project", meta.project.iter().collect()),
        ("owner", meta.owner.iter().collect()),
        ("malgrupp", meta.malgrupp.iter().collect()),
        ("partners", meta.partners.iter().collect()),
    ];
    let year = meta.year.map(|y| y.to_string());
    let labels = single
        .into_iter()
        .flat_map(|(field, values)| values.into_iter().map(move |v| (field, v.as_str())))
        .chain(year.iter().map(|y| ("year", y.as_str())));
    for (field, value) in labels {
        let ev = meta
            .evidence
            .iter()
            .find(|e| e.field == field && e.value == value);
        let ev = ev.unwrap_or_else(|| panic!("{}: no evidence for {field} = {value}", meta.title));
        let chars = ev.text.chars().count();
        assert!(chars > 0 && chars <= 200, "{field} evidence: {:?}", ev.text);
    }
}

/// (right, total) of the section kinds in `section_kinds.tsv`.
fn section_kind_score(labeler: &Labeler) -> (usize, usize) {
    let mut by_doc: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for row in rows(SECTION_KINDS) {
        by_doc.entry(row[0]).or_default().push((row[1], row[2]));
    }
    let (mut right, mut total) = (0, 0);
    for (doc, expected) in by_doc {
        let Some(pages) = pages(&source(doc, true)) else {
            continue;
        };
        let sections: Vec<Section> = crate::sections::split(&pages);
        let meta = labeler.label(doc, &pages);
        let labels = labeler.label_sections(&meta, &sections);
        for (heading, want) in expected {
            total += 1;
            let got = sections
                .iter()
                .position(|s| s.heading == heading)
                .map(|i| labels[i].kind.as_str());
            if got == Some(want) {
                right += 1;
            } else {
                println!("  {doc:<48} {heading:.60} want {want} got {got:?}");
            }
        }
    }
    (right, total)
}

#[test]
fn labelling_accuracy_against_hand_labels() {
    let labeler = Labeler::shared();
    let mut scores = Scores::default();
    println!("differences from the hand labels:");
    for row in rows(LABELS) {
        assert_eq!(row.len(), 8, "labels.tsv row {row:?}");
        let path = source(row[0], std::env::var_os("LABELS_SHARED_PDF").is_some());
        let Some(pages) = pages(&path) else {
            continue;
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(row[0]);
        let meta = labeler.label(name, &pages);
        assert_evidence(&meta);
        score_row(&mut scores, &row, &meta);
    }
    let (kinds_right, kinds_total) = section_kind_score(labeler);
    println!("\nfield          accuracy  (right/total; spurious = given where the text is silent)");
    for field in ["forbund", "report_type", "year", "project", "owner"] {
        let s = scores.field(field);
        println!(
            "{field:<14} {:>7.3}  ({}/{}; spurious {})",
            s.accuracy(),
            s.right,
            s.total,
            s.spurious
        );
    }
    for field in ["malgrupp", "partners"] {
        let s = scores.field(field);
        println!(
            "{field:<14} P {:.3} R {:.3} F1 {:.3}  (tp {}, predicted {}, expected {})",
            s.precision(),
            s.recall(),
            s.f1(),
            s.tp,
            s.predicted,
            s.expected
        );
    }
    let kind_accuracy = ratio(kinds_right, kinds_total);
    println!("section kind   {kind_accuracy:>7.3}  ({kinds_right}/{kinds_total})");

    assert!(scores.field("forbund").accuracy() >= FORBUND_FLOOR);
    assert!(scores.field("report_type").accuracy() >= REPORT_TYPE_FLOOR);
    assert!(scores.field("year").accuracy() >= YEAR_FLOOR);
    assert!(scores.field("malgrupp").f1() >= MALGRUPP_F1_FLOOR);
    assert!(kind_accuracy >= SECTION_KIND_FLOOR);
}

/// 004 bundles a delrapport with its original PROJEKTANSÖKAN: the
/// application's sections carry its type, the report's do not. (Only the
/// PDF: `sections::split` of `text/004.txt` drops the "# PROJEKTANSÖKAN"
/// line, so no section there shows where the application starts.)
#[test]
fn bundled_projektansokan_of_004() {
    let pdf = true;
    if let Some(pages) = pages(&source("004", pdf)) {
        let labeler = Labeler::shared();
        let meta = labeler.label("004", &pages);
        let sections = crate::sections::split(&pages);
        let labels = labeler.label_sections(&meta, &sections);
        let position = |heading: &str| sections.iter().position(|s| s.heading.contains(heading));
        let report = position("Sammanfattning").expect("the delrapport's summary");
        let syfte = sections.iter().rposition(|s| s.heading.ends_with("Syfte"));
        let application = syfte.expect("the application's Syfte");
        assert_eq!(meta.report_type.as_deref(), Some("delrapport"));
        assert_eq!(labels[report].report_type, None, "pdf={pdf}");
        assert_eq!(
            labels[application].report_type.as_deref(),
            Some("ansökan"),
            "pdf={pdf}"
        );
        assert_eq!(labels[application].kind, "syfte");
    }
}

/// With `LABELS_DUMP` set, prints every label, its evidence and the kind of
/// every section of each corpus document, for reading them side by side.
#[test]
fn dump_labels_for_reading() {
    if std::env::var_os("LABELS_DUMP").is_none() {
        return;
    }
    let labeler = Labeler::shared();
    for row in rows(LABELS) {
        let Some(pages) = pages(&source(row[0], true)) else {
            continue;
        };
        let meta = labeler.label(row[0], &pages);
        println!("=== {}", row[0]);
        for e in &meta.evidence {
            println!("  {} = {} (p. {}): {}", e.field, e.value, e.page, e.text);
        }
        let sections = crate::sections::split(&pages);
        for (s, l) in sections
            .iter()
            .zip(labeler.label_sections(&meta, &sections))
        {
            let part = l.report_type.map(|t| format!(" [{t}]")).unwrap_or_default();
            println!("  {}{part}: {:.90}", l.kind, s.heading);
        }
    }
}
