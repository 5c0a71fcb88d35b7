//! Ingest finishes at any size: many commits, tantivy's own merges running
//! when the run ends, and a rebuild that searches never see half-done.

mod common;

use common::{finsam, ingest_args};
use finsam::ingest::{self, IngestOptions, Progress};
use finsam::search::SearchService;
use std::path::Path;

/// Writes `n` small reports of three sections each into `dir`.
fn reports(dir: &Path, n: usize) {
    for i in 0..n {
        let text = format!(
            "# Kvartalsrapport {i}\n\n## Bakgrund\n\nInsatsen {i} gäller unga vuxna i kommun {}.\n\n\
             ## Resultat\n\nAv {} deltagare gick {} till arbete eller studier.\n\n\
             ## Framgångsfaktorer\n\nSamverkan med Arbetsförmedlingen och Försäkringskassan.\n",
            i % 290,
            i % 40 + 5,
            i % 7
        );
        std::fs::write(dir.join(format!("rapport-{i:05}.md")), text).unwrap();
    }
}

/// Segments in the index's last commit.
fn segments(index: &Path) -> usize {
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(index.join("meta.json")).unwrap()).unwrap();
    meta["segments"].as_array().unwrap().len()
}

#[test]
fn thousands_of_reports_ingest_to_exit_0_within_the_segment_budget() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    reports(corpus.path(), 2_500);
    let mut args = ingest_args(corpus.path(), index.path());
    args.extend(["--commit-every".to_string(), "20".to_string()]);
    let out = finsam(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "ingest failed:\n{}",
        &stderr[stderr.len().saturating_sub(2000)..]
    );
    let service = SearchService::open(index.path()).unwrap();
    assert_eq!(service.documents(0, 0).unwrap().total, 2_500);
    assert!(
        segments(index.path()) <= 8,
        "{} segments",
        segments(index.path())
    );
}

#[test]
fn a_rebuild_is_never_seen_half_done() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    reports(corpus.path(), 60);
    let options = IngestOptions {
        commit_every: 5,
        ..IngestOptions::new(corpus.path(), index.path())
    };
    ingest::run(&options, |_| {}).unwrap();
    let seen = std::sync::Mutex::new(Vec::new());
    let rebuild = IngestOptions {
        rebuild: true,
        ..options
    };
    ingest::run(&rebuild, |progress| {
        if let Progress::File(_) = progress {
            let service = SearchService::open(index.path()).unwrap();
            seen.lock()
                .unwrap()
                .push(service.documents(0, 0).unwrap().total);
        }
    })
    .unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.len() >= 60);
    assert!(seen.iter().all(|&total| total == 60), "{seen:?}");
    let service = SearchService::open(index.path()).unwrap();
    assert_eq!(service.documents(0, 0).unwrap().total, 60);
    let staging = index.path().with_file_name(format!(
        "{}.rebuild",
        index.path().file_name().unwrap().to_string_lossy()
    ));
    assert!(!staging.exists(), "the rebuild folder is swapped in");
}
