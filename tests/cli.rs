//! The `finsam` binary on a folder with broken, empty and good files.

mod common;

use common::{finsam, ingest_args};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

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

    // No file has both words: the hits with one of them follow a line that says so.
    let out = finsam(&[
        "search",
        "återvändare kvartalsrapport",
        "--index",
        index.path().to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let divider = stdout
        .find("saknar något av sökorden")
        .expect("divider line");
    assert!(divider < stdout.find(" 1. ").expect("a hit"), "{stdout}");
}

#[test]
fn output_cut_short_by_its_reader_is_not_an_error() {
    // `finsam inspect big.txt | head -c 1`: far more than a pipe holds.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("stor.txt");
    std::fs::write(
        &big,
        "Samverkan mellan parterna i förbundet.\n".repeat(20_000),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_finsam"))
        .args(["inspect", "--pages", big.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut [0u8; 1]).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_pdf_libraries_notes_stay_out_of_what_inspect_says() {
    // lopdf logs its rebuilding of a broken cross-reference table in English.
    let broken =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers/broken_xref.pdf");
    let out = finsam(&["inspect".as_ref(), broken.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Försäkringskassan"));
    assert!(!stderr.contains("lopdf"), "{stderr}");
    assert!(!stderr.contains("WARN"), "{stderr}");
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
