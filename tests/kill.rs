//! Killing ingest (SIGKILL) after its first commit leaves a searchable index,
//! and the next run completes the work with nothing duplicated or missing.

mod common;

use common::{Ingested, finsam, get_json, ingest_args};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Files the index's last commit records as indexed (from meta.json's payload).
fn committed_files(index: &Path) -> usize {
    let Ok(meta) = std::fs::read_to_string(index.join("meta.json")) else {
        return 0;
    };
    let meta: serde_json::Value = serde_json::from_str(&meta).unwrap_or_default();
    let payload: serde_json::Value = meta["payload"]
        .as_str()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default();
    payload["files"].as_object().map_or(0, |m| {
        m.values().filter(|s| s["doc_id"].is_string()).count()
    })
}

/// A corpus of `n` distinct PDFs: sample reports with a different trailing comment each.
fn make_corpus(dir: &Path, n: usize) {
    let samples: Vec<_> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/exempel"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
    for i in 0..n {
        let mut bytes = std::fs::read(&samples[i % samples.len()]).unwrap();
        bytes.extend_from_slice(format!("\n% kopia {i}\n").as_bytes());
        std::fs::write(dir.join(format!("rapport-{i:03}.pdf")), bytes).unwrap();
    }
}

#[tokio::test]
async fn killed_ingest_leaves_a_searchable_index_and_the_next_run_completes() {
    const FILES: usize = 60;
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    make_corpus(corpus.path(), FILES);
    let mut args = ingest_args(corpus.path(), index.path());
    args.extend(["--commit-every".to_string(), "4".to_string()]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_finsam"))
        .args(&args)
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while committed_files(index.path()) == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let at_kill = committed_files(index.path());
    assert!(at_kill > 0, "no commit seen before the deadline");
    println!("killed with {at_kill} of {FILES} files committed");

    let (_, list) = get_json(
        &Ingested::open(corpus.path(), index.path()).router(),
        "/api/documents?limit=0",
    )
    .await;
    assert_eq!(
        list["total"].as_u64().unwrap() as usize,
        at_kill,
        "the killed run's index opens and holds its last commit"
    );

    let out = finsam(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let resumed = Ingested::open(corpus.path(), index.path());
    let fresh = Ingested::new(corpus.path());
    let (_, docs) = get_json(&resumed.router(), "/api/documents?limit=0").await;
    let (_, fresh_docs) = get_json(&fresh.router(), "/api/documents?limit=0").await;
    assert_eq!(
        docs["total"], fresh_docs["total"],
        "the same documents as a fresh build (copies of one report listed once)"
    );
    let (_, resumed_all) = get_json(&resumed.router(), "/api/search?q=&limit=0").await;
    let (_, fresh_all) = get_json(&fresh.router(), "/api/search?q=&limit=0").await;
    assert_eq!(
        resumed_all["total"], fresh_all["total"],
        "same sections as a fresh build: nothing duplicated or missing"
    );
}
