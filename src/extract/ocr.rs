//! OCR for pages without a usable text layer, with Tesseract in Swedish.
//!
//! A page is rendered with poppler's `pdftoppm` and read by `tesseract -l
//! swe` (Debian: poppler-utils, tesseract-ocr-swe). Both are external
//! programs, found on the PATH; when either is missing, OCR is unavailable
//! and the caller reports the pages as needing OCR instead.

use crate::document::{Line, Page};
use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

/// Rendering resolution for OCR, dots per inch.
const DPI: &str = "300";

/// True when `pdftoppm` and `tesseract` with Swedish are installed.
pub fn available() -> bool {
    missing().is_none()
}

/// What OCR lacks, as one Swedish line saying what to install; `None` when
/// `pdftoppm` and `tesseract` with Swedish are installed.
pub fn missing() -> Option<String> {
    static MISSING: LazyLock<Option<String>> = LazyLock::new(|| {
        let languages = Command::new("tesseract").arg("--list-langs").output();
        let tesseract = languages.is_ok();
        let swedish = languages.is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == "swe")
        });
        let poppler = Command::new("pdftoppm").arg("-v").output().is_ok();
        let lacking = match (tesseract, swedish, poppler) {
            (_, true, true) => return None,
            (false, _, true) => "Tesseract saknas",
            (true, false, true) => "Tesseract saknar svenska",
            (_, true, false) | (true, false, false) => "poppler (pdftoppm) saknas",
            (false, _, false) => "Tesseract och poppler saknas",
        };
        Some(format!(
            "{lacking}: skannade sidor blir inte sökbara. Installera med \
             `sudo apt-get install tesseract-ocr-swe poppler-utils` (eller kör scripts/run.sh)."
        ))
    });
    MISSING.clone()
}

/// Reads page `number` of the PDF at `pdf` by OCR; `None` when it fails.
pub fn read_page(pdf: &Path, number: u32) -> Option<Page> {
    let dir = tempfile::tempdir().ok()?;
    let prefix = dir.path().join("sida");
    let page = number.to_string();
    let rendered = Command::new("pdftoppm")
        .args([
            "-r",
            DPI,
            "-gray",
            "-png",
            "-singlefile",
            "-f",
            &page,
            "-l",
            &page,
        ])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .ok()?;
    let image = prefix.with_extension("png");
    if !rendered.success() || !image.exists() {
        return None;
    }
    // Tesseract's OpenMP threads spin while they wait; ingest already reads
    // one file per core, so one thread each (as Tesseract's docs advise).
    let out = Command::new("tesseract")
        .env("OMP_THREAD_LIMIT", "1")
        .arg(&image)
        .arg("stdout")
        .args(["-l", "swe"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let lines = text.lines().map(|l| Line::plain(l.trim())).collect();
    out.status.success().then_some(Page { number, lines })
}
