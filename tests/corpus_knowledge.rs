//! Corpus knowledge (issue #11) cannot silently regress: near-duplicates,
//! projects and references of the sample corpus and the shared reports,
//! measured against the hand-written truth in `tests/corpus/`, stay at or
//! above floors set at (or just below) what was measured.
//! `cargo bench --bench corpus` prints the whole table.
//!
//! The shared reports' variants are printed by
//! `corpus/exempel/kallor/print_shared_variants.sh` (skipped with a notice
//! when its tools are missing); the scanned ones need OCR and are ingested
//! only with `FINSAM_CORPUS_SCANS=1` (the bench always ingests them).

#[path = "corpus/measure.rs"]
mod measure;

use finsam::corpus::duplicates::THRESHOLD;
use measure::{Built, Measured};
use std::sync::LazyLock;

/// Pairwise project precision: measured 1.000.
const PROJECT_PRECISION: f64 = 1.0;
/// Pairwise project recall: measured 1.000 (0.956 before a name carried
/// whole in a file name won over one carried in part).
const PROJECT_RECALL: f64 = 0.97;
/// Precision of resolved references: measured 1.000 (45/45; the target is 0.95).
const REFERENCE_PRECISION: f64 = 0.97;
/// Recall of references to corpus documents: measured 0.957 (45/47; 0.447
/// before lists under any heading, run-on lists, footnotes and resolving by
/// the project's names, diarienummer and förbund-level reports).
const REFERENCE_RECALL: f64 = 0.93;

/// Share of the truth's references (corpus documents or not) read from the
/// text: measured 0.71 (0.49 at first; most of the rest are 001's
/// "Relevanta dokument", titles run together without punctuation).
const REFERENCES_READ: f64 = 0.70;

/// One ingest for all the tests in this file.
static MEASURED: LazyLock<(Built, Measured)> = LazyLock::new(|| {
    let scans = std::env::var_os("FINSAM_CORPUS_SCANS").is_some_and(|v| v == "1");
    let built = Built::new(scans);
    let measured = Measured::of(&built);
    println!("{}\n{}", measured.table(), measured.details(false));
    (built, measured)
});

#[test]
fn every_copy_is_merged_and_no_two_reports_are() {
    let (built, measured) = &*MEASURED;
    assert_eq!(built.failed, 0);
    let d = &measured.duplicates;
    assert_eq!(d.copy_pairs_merged, d.copy_pairs, "near_duplicates.tsv");
    assert!(d.copy_pairs >= 5);
    assert!(d.different_merged.is_empty(), "{:?}", d.different_merged);
    assert_eq!(d.variants_merged, d.variants, "shared reports' variants");
    assert_eq!(d.shared_merged_together, 0);
    let lowest = d.lowest_copy.as_ref().expect("copies").0;
    let highest = d.highest_different.as_ref().expect("reports").0;
    assert!(
        highest < THRESHOLD && THRESHOLD <= lowest,
        "threshold {THRESHOLD} outside ({highest:.3}, {lowest:.3}]"
    );
}

#[test]
fn reports_of_one_insats_form_one_project() {
    let (_, measured) = &*MEASURED;
    let p = &measured.projects;
    assert!(p.documents >= 45);
    assert!(
        p.precision() >= PROJECT_PRECISION,
        "precision {:.3}: {:?}",
        p.precision(),
        p.wrong
    );
    assert!(
        p.recall() >= PROJECT_RECALL,
        "recall {:.3}: {:?}",
        p.recall(),
        p.missed
    );
    assert_ne!(p.bundle_in_project, Some(false), "004 is one project");
}

#[test]
fn references_resolve_precisely() {
    let (_, measured) = &*MEASURED;
    let r = &measured.references.all;
    assert!(
        r.precision() >= REFERENCE_PRECISION,
        "precision {:.3}: {:?}",
        r.precision(),
        r.wrong
    );
    assert!(
        r.recall() >= REFERENCE_RECALL,
        "recall {:.3}: {:?}",
        r.recall(),
        r.missed
    );
    let read = r.rows_read as f64 / r.rows.max(1) as f64;
    assert!(read >= REFERENCES_READ, "read {read:.3}: {:?}", r.unread);
}
