//! Incremental ingest: unchanged files are not re-read, changed and removed
//! files update the index, copies are one document, and the index does not
//! grow without bound over many runs.

mod common;

use common::{Ingested, get_json};
use finsam::ingest::{self, IngestOptions, IngestReport};
use std::path::Path;

fn ingest_into(corpus: &Path, index: &Path) -> IngestReport {
    ingest::run(&IngestOptions::new(corpus, index), |_| {}).expect("ingest runs")
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn report_text(n: usize, word: &str) -> String {
    format!(
        "Rapport {n}\n\nBakgrund\n\nInsatsen {n} handlar om {word} och samverkan mellan parterna i förbundet.\n"
    )
}

async fn total(ingested: &Ingested, q: &str) -> u64 {
    let (_, results) = get_json(&ingested.router(), &format!("/api/search?q={q}&limit=0")).await;
    results["total"].as_u64().unwrap()
}

/// A corpus folder and an index that outlive each ingest run, viewed through the router.
fn view(corpus: &Path, index: &tempfile::TempDir) -> Ingested {
    Ingested::open(corpus, index.path())
}

#[tokio::test]
async fn second_run_reads_nothing_and_changes_are_applied() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", &report_text(1, "arbetsträning"));
    write(corpus.path(), "b.txt", &report_text(2, "kartläggning"));
    write(corpus.path(), "c.txt", &report_text(3, "hälsoinsatser"));
    let first = ingest_into(corpus.path(), index.path());
    assert_eq!((first.indexed, first.unchanged), (3, 0));

    let again = ingest_into(corpus.path(), index.path());
    assert_eq!((again.indexed, again.unchanged, again.removed), (0, 3, 0));

    write(corpus.path(), "a.txt", &report_text(1, "språkstöd"));
    std::fs::remove_file(corpus.path().join("b.txt")).unwrap();
    let changed = ingest_into(corpus.path(), index.path());
    assert_eq!(
        (changed.indexed, changed.unchanged, changed.removed),
        (1, 1, 2)
    );

    let ingested = view(corpus.path(), &index);
    assert_eq!(
        total(&ingested, "arbetsträning").await,
        0,
        "old content of a.txt is gone"
    );
    assert_eq!(
        total(&ingested, "kartläggning").await,
        0,
        "removed b.txt is gone"
    );
    assert_eq!(total(&ingested, "språkstöd").await, 1);
    assert_eq!(total(&ingested, "hälsoinsatser").await, 1);
}

#[tokio::test]
async fn same_content_under_two_paths_is_one_document_with_both_paths() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    std::fs::create_dir(corpus.path().join("kopior")).unwrap();
    write(corpus.path(), "a.txt", &report_text(1, "arbetsträning"));
    write(
        corpus.path(),
        "kopior/a.txt",
        &report_text(1, "arbetsträning"),
    );
    let report = ingest_into(corpus.path(), index.path());
    assert_eq!((report.indexed, report.skipped), (1, 1));
    let (_, list) = get_json(&view(corpus.path(), &index).router(), "/api/documents").await;
    assert_eq!(list["total"], 1);
    assert_eq!(
        list["documents"][0]["paths"],
        serde_json::json!(["a.txt", "kopior/a.txt"])
    );

    std::fs::remove_file(corpus.path().join("a.txt")).unwrap();
    let report = ingest_into(corpus.path(), index.path());
    assert_eq!((report.indexed, report.removed), (0, 0));
    let (_, list) = get_json(&view(corpus.path(), &index).router(), "/api/documents").await;
    assert_eq!(
        list["documents"][0]["paths"],
        serde_json::json!(["kopior/a.txt"])
    );
    assert_eq!(list["documents"][0]["path"], "kopior/a.txt");
}

#[test]
fn index_stays_near_fresh_size_after_ten_runs_with_changes() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    for n in 0..40 {
        write(
            corpus.path(),
            &format!("r{n}.txt"),
            &report_text(n, &"uppföljning ".repeat(50)),
        );
    }
    ingest_into(corpus.path(), index.path());
    for round in 0..10 {
        for n in (round * 4)..(round * 4 + 4) {
            write(
                corpus.path(),
                &format!("r{n}.txt"),
                &report_text(n, &format!("omgång{round} ").repeat(60)),
            );
        }
        ingest_into(corpus.path(), index.path());
    }
    let fresh = tempfile::tempdir().unwrap();
    ingest_into(corpus.path(), fresh.path());
    let (grown, rebuilt) = (folder_size(index.path()), folder_size(fresh.path()));
    println!("after ten runs: {grown} bytes; fresh build: {rebuilt} bytes");
    assert!(
        grown as f64 <= rebuilt as f64 * 1.10,
        "index grew to {grown} bytes against {rebuilt} fresh"
    );
}

fn folder_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

#[test]
fn an_open_search_service_sees_a_later_ingest_without_restart() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", &report_text(1, "arbetsträning"));
    ingest_into(corpus.path(), index.path());
    let service = finsam::search::SearchService::open(index.path()).unwrap();
    let count = |q: &str| {
        service
            .search(&finsam::search::SearchRequest::text(q))
            .unwrap()
            .total
    };
    assert_eq!(count("språkstöd"), 0);
    write(corpus.path(), "b.txt", &report_text(2, "språkstöd"));
    ingest_into(corpus.path(), index.path());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while count("språkstöd") == 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        count("språkstöd"),
        1,
        "the open service did not pick up the new commit"
    );
}

#[tokio::test]
async fn an_index_built_by_another_pipeline_is_rebuilt_and_counts_as_stale() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", &report_text(1, "arbetsträning"));
    write(corpus.path(), "b.txt", &report_text(2, "kartläggning"));
    ingest_into(corpus.path(), index.path());
    assert!(!ingest::is_stale(corpus.path(), index.path()));

    // An older binary wrote this commit: its pipeline fingerprint differs.
    let meta = index.path().join("meta.json");
    let text = std::fs::read_to_string(&meta).unwrap();
    let older = text.replace("\\\"pipeline\\\":\\\"", "\\\"pipeline\\\":\\\"older ");
    assert_ne!(older, text, "the commit payload names its pipeline");
    std::fs::write(&meta, older).unwrap();
    assert!(ingest::is_stale(corpus.path(), index.path()));

    let rebuilt = ingest_into(corpus.path(), index.path());
    assert_eq!((rebuilt.indexed, rebuilt.unchanged), (2, 0));
    assert!(!ingest::is_stale(corpus.path(), index.path()));
    assert_eq!(total(&view(corpus.path(), &index), "kartläggning").await, 1);
}

/// Rewrites the stored knowledge of `index` with `change`.
fn rewrite_knowledge(index: &Path, change: impl Fn(&mut serde_json::Value)) {
    let file = index.join(finsam::index::knowledge::KNOWLEDGE_FILE);
    let mut knowledge: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    change(&mut knowledge);
    std::fs::write(&file, serde_json::to_vec(&knowledge).unwrap()).unwrap();
}

#[test]
fn knowledge_of_an_older_layout_or_corpus_stage_is_related_anew_by_the_next_run() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", &report_text(1, "arbetsträning"));
    write(corpus.path(), "b.txt", &report_text(2, "kartläggning"));
    ingest_into(corpus.path(), index.path());
    let fresh = finsam::index::knowledge::load(index.path()).expect("knowledge written");
    let older_layout = |k: &mut serde_json::Value| {
        k.as_object_mut().unwrap().remove("vocabulary");
        for facts in k["documents"].as_object_mut().unwrap().values_mut() {
            facts["profile"] = serde_json::json!([["arbetsträn", 1.0]]);
        }
    };
    let older_stage = |k: &mut serde_json::Value| {
        k["stage"] = "0123456789abcdef".into();
        k["projects"] = serde_json::json!({});
    };
    for change in [
        &older_layout as &dyn Fn(&mut serde_json::Value),
        &older_stage,
    ] {
        rewrite_knowledge(index.path(), change);
        assert_ne!(
            finsam::index::knowledge::load(index.path()).as_ref(),
            Some(&fresh)
        );
        let again = ingest_into(corpus.path(), index.path());
        assert_eq!((again.indexed, again.unchanged), (0, 2));
        assert_eq!(
            finsam::index::knowledge::load(index.path()),
            Some(fresh.clone())
        );
    }
    assert!(!ingest::is_stale(corpus.path(), index.path()));
    let stage = index.path().join(finsam::index::knowledge::STAGE_FILE);
    std::fs::write(stage, "0123456789abcdef").unwrap();
    assert!(
        ingest::is_stale(corpus.path(), index.path()),
        "knowledge of another corpus stage: serve relates it at start"
    );
}
