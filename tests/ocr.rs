//! Scanned PDFs (images only, one of them skewed) are read by OCR when
//! Tesseract is installed, and hits say so; without Tesseract the file is
//! reported as needing OCR, never silently empty.

mod common;

use common::{Ingested, get_json};
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
    let paths: Vec<&str> = hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert!(
        paths.contains(&"skannad.pdf") && paths.contains(&"skannad-sned.pdf"),
        "{paths:?}"
    );
    assert!(hits.iter().all(|h| h["ocr"] == true));
    assert!(hits[0]["snippet"].as_str().unwrap().contains("<mark>"));
}
