//! The `finsam` binary on a folder with broken, empty and good files.

mod common;

use common::{finsam, ingest_args};
use std::path::Path;

fn good_pdf() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/exempel/gavleborg-kvartalsrapport-2024q1.pdf")
}

#[test]
fn broken_and_empty_files_are_reported_and_good_ones_indexed() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let good = std::fs::read(good_pdf()).unwrap();
    std::fs::write(corpus.path().join("trasig.pdf"), &good[..good.len() / 3]).unwrap();
    std::fs::write(corpus.path().join("tom.pdf"), b"").unwrap();
    std::fs::write(
        corpus.path().join("word.pdf"),
        b"PK\x03\x04 not a pdf at all",
    )
    .unwrap();
    std::fs::write(corpus.path().join("bra.pdf"), &good).unwrap();
    std::fs::write(
        corpus.path().join("anteckning.txt"),
        "Bakgrund\n\nÅtervändare får stöd av samverkansteamet.",
    )
    .unwrap();

    let out = finsam(&ingest_args(corpus.path(), index.path()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "ingest failed: {stderr}");
    for name in ["trasig.pdf", "tom.pdf", "word.pdf"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("MISSLYCKADES") && l.contains(name)),
            "{name} not reported:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("5 filer: 2 indexerade"),
        "summary missing:\n{stderr}"
    );

    let out = finsam(&[
        "search",
        "återvändare",
        "--index",
        index.path().to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success());
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results["hits"][0]["path"], "anteckning.txt");
    let out = finsam(&[
        "search",
        "kvartalsrapport",
        "--index",
        index.path().to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("bra.pdf"));
}

#[test]
fn missing_corpus_fails_with_a_clear_message() {
    let index = tempfile::tempdir().unwrap();
    let out = finsam(&[
        "ingest",
        "--corpus",
        "/nonexistent/korpus",
        "--index",
        index.path().to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("finns inte"));
}

#[test]
fn search_without_index_says_what_to_do() {
    let out = finsam(&["search", "x", "--index", "/nonexistent/index"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("finsam ingest"));
}
