//! Text extraction: the first stage of the pipeline.
//!
//! A report arrives as a PDF, a text file or a Markdown file and leaves as
//! numbered [`Page`]s of [`Line`]s in reading order, with font size and
//! boldness where the source has them, page furniture removed and words
//! re-joined across line-end hyphens. Problems that cost some text (a page
//! without text, a page read by the fallback extractor, garbled characters)
//! are reported as Swedish warnings next to the pages; problems that cost
//! the whole file are an [`ExtractError`].
//!
//! [`Line`]: crate::document::Line

mod cleanup;
mod columns;
mod error;
mod furniture;
mod glyphs;
mod guard;
mod health;
mod hyphen;
mod layout;
mod ocr;
mod pdf;
mod plain;
mod quality;
mod quotes;
mod rows;
mod scan;
mod widths;

pub use error::{ExtractError, Result};

use crate::document::Page;
use health::Health;
use quality::TextMeasure;
use rayon::prelude::*;
use std::path::Path;

/// What extraction yields for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The document's pages, numbered from 1, in order.
    pub pages: Vec<Page>,
    /// Swedish notes on text that may be missing or wrong.
    pub warnings: Vec<String>,
    /// Pages whose text was read by OCR.
    pub ocr_pages: Vec<u32>,
}

/// Extracts a `.pdf`, `.txt` or `.md` file (extension in any case). Pages of a
/// PDF without a usable text layer are read by OCR when Tesseract is installed.
pub fn extract_file(path: &Path) -> Result<Extracted> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match extension.as_deref() {
        Some("pdf") => {
            let (pages, warnings) = pdf_text(&std::fs::read(path)?)?;
            Ok(with_ocr(path, pages, warnings))
        }
        Some("txt" | "md") => extract_text_bytes(&std::fs::read(path)?),
        _ => Err(ExtractError::Unsupported),
    }
}

/// True when scanned pages can be read (Tesseract with Swedish and poppler installed).
pub fn ocr_available() -> bool {
    ocr::available()
}

/// Extracts a PDF held in memory (no OCR: that needs the file).
pub fn extract_pdf_bytes(bytes: &[u8]) -> Result<Extracted> {
    let (pages, mut warnings) = pdf_text(bytes)?;
    warnings.extend(health_warnings(&pages));
    Ok(Extracted {
        pages,
        warnings,
        ocr_pages: Vec::new(),
    })
}

/// The PDF's text layer, page by page, cleaned up.
fn pdf_text(bytes: &[u8]) -> Result<(Vec<Page>, Vec<String>)> {
    let mut warnings = Vec::new();
    let mut pages = pdf::pdf_pages(bytes, &mut warnings)?;
    cleanup::clean_pages(&mut pages);
    Ok((pages, warnings))
}

/// Replaces pages without usable text by their OCR reading, where that
/// reads more, saying what was wrong with each replaced page's text layer;
/// says which pages need OCR when Tesseract is missing.
fn with_ocr(pdf: &Path, mut pages: Vec<Page>, mut warnings: Vec<String>) -> Extracted {
    let needing: Vec<(u32, Health)> = pages
        .iter()
        .map(|p| (p.number, Health::of(p)))
        .filter(|(_, health)| health.needs_ocr())
        .collect();
    let numbers: Vec<u32> = needing.iter().map(|(n, _)| *n).collect();
    let ocr_pages = if needing.is_empty() {
        Vec::new()
    } else if ocr::available() {
        let replaced = apply_ocr(pdf, &mut pages, &numbers);
        cleanup::clean_pages(&mut pages); // OCR text has running headers and hyphens too
        replaced
    } else {
        let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
        warnings.push(format!(
            "behöver OCR: sida {} saknar läsbar text och Tesseract är inte installerat",
            list.join(", ")
        ));
        Vec::new()
    };
    warnings.extend(
        needing
            .iter()
            .filter(|(n, _)| ocr_pages.contains(n))
            .filter_map(|(n, health)| health.warning(*n))
            .map(|why| format!("{why}; lästes med OCR")),
    );
    warnings.extend(health_warnings(&pages));
    Extracted {
        pages,
        warnings,
        ocr_pages,
    }
}

/// OCRs the `needing` pages in parallel; keeps a reading that has clearly
/// more text than the text layer. Returns the pages replaced.
fn apply_ocr(pdf: &Path, pages: &mut [Page], needing: &[u32]) -> Vec<u32> {
    let read: Vec<Page> = needing
        .par_iter()
        .filter_map(|&n| ocr::read_page(pdf, n))
        .collect();
    let mut replaced = Vec::new();
    for ocr_page in read {
        let Some(page) = pages.iter_mut().find(|p| p.number == ocr_page.number) else {
            continue;
        };
        if TextMeasure::of_lines(&page.lines)
            .clearly_less_than(&TextMeasure::of_lines(&ocr_page.lines))
        {
            replaced.push(page.number);
            *page = ocr_page;
        }
    }
    replaced.sort_unstable();
    replaced
}

/// Extracts plain text or Markdown held in memory.
fn extract_text_bytes(bytes: &[u8]) -> Result<Extracted> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let mut pages = plain::text_pages(bytes);
    cleanup::clean_pages(&mut pages);
    let warnings = health_warnings(&pages);
    Ok(Extracted {
        pages,
        warnings,
        ocr_pages: Vec::new(),
    })
}

/// One warning per page whose text looks missing or broken.
fn health_warnings(pages: &[Page]) -> Vec<String> {
    pages
        .iter()
        .filter_map(|page| Health::of(page).warning(page.number))
        .collect()
}

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod fixture_tests;
