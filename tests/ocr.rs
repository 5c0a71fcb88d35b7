//! Scanned PDFs (images only, one of them skewed) and a PDF whose text
//! layer is garbage are read by OCR when Tesseract is installed, and hits say
//! so; without Tesseract the file is reported as needing OCR, never silently
//! empty or indexed as garbage without a word.

mod common;

use common::{Ingested, finsam, get_json, ingest_args};
use std::path::Path;

#[tokio::test]
async fn scanned_pages_are_read_by_ocr_or_reported() {
    let scans = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ocr");
    let ingested = Ingested::new(&scans);
    let outcomes = serde_json::to_value(&ingested.report.outcomes).unwrap();
    let warnings = |name: &str| -> String {
        let outcome = outcomes
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["path"] == name)
            .unwrap();
        outcome["outcome"].to_string()
    };
    if !finsam::extract::ocr_available() {
        eprintln!(
            "NOTICE: Tesseract with Swedish is not installed; checking the 'behöver OCR' report only"
        );
        assert!(
            warnings("skannad.pdf").contains("behöver OCR"),
            "{}",
            warnings("skannad.pdf")
        );
        return;
    }
    assert_eq!(ingested.report.indexed, 2, "{outcomes}");
    for name in ["skannad.pdf", "skannad-sned.pdf"] {
        assert!(
            warnings(name).contains("lästes med OCR"),
            "{}",
            warnings(name)
        );
    }
    let (_, results) = get_json(&ingested.router(), "/api/search?q=kvartalsrapport%20KLIV").await;
    let hits = results["hits"].as_array().unwrap();
    // The skewed scan is the same report: a near-duplicate, listed once with both paths.
    let paths: Vec<&str> = hits
        .iter()
        .flat_map(|h| h["paths"].as_array().unwrap())
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"skannad.pdf") && paths.contains(&"skannad-sned.pdf"),
        "{paths:?}"
    );
    assert!(hits.iter().all(|h| h["ocr"] == true));
    assert!(hits[0]["snippet"].as_str().unwrap().contains("<mark>"));
}

/// The page looks like Swedish prose, but its font has lost its Unicode map
/// (see `tests/fixtures/garbage_text/make.py`): the text layer is control
/// characters and punctuation.
#[test]
fn a_page_with_a_garbage_text_layer_is_read_by_ocr_through_the_cli() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/garbage_text/trasig-textlager.pdf");
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    std::fs::copy(&fixture, corpus.path().join("trasig-textlager.pdf")).unwrap();
    let report = index.path().join("rapport.json");
    let mut args = ingest_args(corpus.path(), index.path());
    args.extend([
        "--report".to_string(),
        report.to_string_lossy().into_owned(),
    ]);
    let out = finsam(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    let outcome = report["outcomes"][0]["outcome"].to_string();
    assert!(outcome.contains("sida 1 har trasig text"), "{outcome}");
    if !finsam::extract::ocr_available() {
        eprintln!("NOTICE: Tesseract with Swedish is not installed; checking the report only");
        assert!(outcome.contains("behöver OCR"), "{outcome}");
        return;
    }
    assert!(outcome.contains("lästes med OCR"), "{outcome}");
    let out = finsam(&[
        "search",
        "Försäkringskassan Älvdalen arbetsträning",
        "--index",
        index.path().to_str().unwrap(),
        "--json",
    ]);
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = results["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "{results}");
    assert!(
        hits.iter()
            .all(|h| h["path"] == "trasig-textlager.pdf" && h["ocr"] == true),
        "{results}"
    );
}

/// A fresh machine without Tesseract: ingest says in one Swedish line what
/// to install, `/api/stats` lists the scan as waiting for OCR, and once OCR
/// is installed the next run reads it and it is found.
#[tokio::test]
async fn a_scan_read_without_tesseract_waits_in_the_stats_and_is_read_once_it_is_installed() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let scan = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ocr/skannad.pdf");
    std::fs::copy(&scan, corpus.path().join("skannad.pdf")).unwrap();
    std::fs::write(
        corpus.path().join("notis.txt"),
        "Bakgrund\n\nEn notis om samverkan.",
    )
    .unwrap();
    // A Tesseract that fails, first on the PATH: as if it were not installed.
    let stub = tempfile::tempdir().unwrap();
    let tesseract = stub.path().join("tesseract");
    std::fs::write(&tesseract, "#!/bin/sh\nexit 1\n").unwrap();
    std::fs::set_permissions(
        &tesseract,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        stub.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_finsam"))
        .args(ingest_args(corpus.path(), index.path()))
        .env("PATH", path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("skannade sidor blir inte sökbara") && stderr.contains("tesseract-ocr-swe"),
        "{stderr}"
    );
    let stats = |index: &Path| {
        let ingested = Ingested::open(corpus.path(), index);
        async move { get_json(&ingested.router(), "/api/stats").await.1 }
    };
    let before = stats(index.path()).await;
    assert_eq!(before["needs_ocr"], 1, "{before}");
    assert_eq!(
        before["needs_ocr_files"][0]["path"], "skannad.pdf",
        "{before}"
    );
    assert_eq!(
        before["needs_ocr_files"][0]["pages"],
        serde_json::json!([1])
    );
    if !finsam::extract::ocr_available() {
        eprintln!("NOTICE: Tesseract with Swedish is not installed; checked the stats only");
        return;
    }
    let out = finsam(&ingest_args(corpus.path(), index.path()));
    assert!(out.status.success());
    let after = stats(index.path()).await;
    assert_eq!(after["needs_ocr"], 0, "{after}");
    let ingested = Ingested::open(corpus.path(), index.path());
    let (_, results) = get_json(&ingested.router(), "/api/search?q=kvartalsrapport%20KLIV").await;
    assert_eq!(results["hits"][0]["path"], "skannad.pdf", "{results}");
}
