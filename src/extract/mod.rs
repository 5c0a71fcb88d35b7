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

mod choose;
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
mod plausible;
mod poppler;
mod quality;
mod quotes;
mod rows;
mod scan;
mod widths;

pub use error::{ExtractError, Result};

use crate::document::{Line, Page};
use health::Health;
use pdf::PdfPage;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What extraction yields for one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    /// The document's pages, numbered from 1, in order.
    pub pages: Vec<Page>,
    /// Which reader gave each page its text (same order as `pages`).
    pub readers: Vec<Reader>,
    /// Swedish notes on text that may be missing or wrong.
    pub warnings: Vec<String>,
    /// Pages without a usable text layer that OCR could not read because
    /// Tesseract (or poppler) is not installed.
    pub needs_ocr: Vec<u32>,
    /// The page furniture taken off the pages (running headers, footers,
    /// page numbers): each distinct line once, in page order.
    #[serde(default)]
    pub furniture: Vec<String>,
}

impl Extracted {
    /// The numbers of the pages `reader` read.
    pub fn pages_read_by(&self, reader: Reader) -> Vec<u32> {
        self.pages
            .iter()
            .zip(&self.readers)
            .filter(|(_, r)| **r == reader)
            .map(|(p, _)| p.number)
            .collect()
    }
}

/// Which reader gave a page its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reader {
    /// pdf-extract's glyphs, laid out by this module (sizes and boldness kept).
    PdfExtract,
    /// lopdf's plain text, when pdf-extract failed on the page.
    Lopdf,
    /// Poppler's `pdftotext`, where it read the page clearly better.
    Poppler,
    /// Tesseract, for a page without a usable text layer.
    Ocr,
    /// A text or Markdown file.
    Text,
}

/// Extracts a `.pdf`, `.txt` or `.md` file (extension in any case). Pages of
/// a PDF that our reader gets wrong are read by poppler when it reads them
/// clearly better, a PDF our reader cannot open at all by poppler, and pages
/// without a usable text layer by OCR when Tesseract is installed.
pub fn extract_file(path: &Path) -> Result<Extracted> {
    extract_file_with(path, &|| {})
}

/// [`extract_file`], calling `progress` after each page read by OCR (the
/// slow part: an extraction worker tells its pool it is still working).
pub fn extract_file_with(path: &Path, progress: &(dyn Fn() + Sync)) -> Result<Extracted> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match extension.as_deref() {
        Some("pdf") => {
            let mut warnings = Vec::new();
            let pages = match pdf::pdf_pages(&std::fs::read(path)?, &mut warnings) {
                Ok(mut pages) => {
                    choose::second_opinion(path, &mut pages, &mut warnings);
                    pages
                }
                Err(error) if opens_elsewhere(&error) => {
                    choose::poppler_instead(path, &error, &mut warnings).ok_or(error)?
                }
                Err(error) => return Err(error),
            };
            // OCR reads running headers too: it is weighed against the layer before cleanup.
            let layers: Vec<Vec<Line>> = pages.iter().map(|p| p.page.lines.clone()).collect();
            Ok(with_ocr(path, cleaned(pages), &layers, warnings, progress))
        }
        Some("txt" | "md") => extract_text_bytes(&std::fs::read(path)?),
        _ => Err(ExtractError::Unsupported),
    }
}

/// True for the errors another PDF reader may get past.
fn opens_elsewhere(error: &ExtractError) -> bool {
    matches!(
        error,
        ExtractError::Broken(_) | ExtractError::Encrypted | ExtractError::Panicked
    )
}

/// True when scanned pages can be read (Tesseract with Swedish and poppler installed).
pub fn ocr_available() -> bool {
    ocr::available()
}

/// What is missing for OCR, as one Swedish line saying what to install;
/// `None` when OCR works.
pub fn ocr_missing() -> Option<String> {
    ocr::missing()
}

/// Extracts a PDF held in memory with our own reader alone (poppler and OCR
/// need the file).
pub fn extract_pdf_bytes(bytes: &[u8]) -> Result<Extracted> {
    let mut warnings = Vec::new();
    let Cleaned {
        pages,
        readers,
        furniture,
    } = cleaned(pdf::pdf_pages(bytes, &mut warnings)?);
    warnings.extend(health_warnings(&pages));
    Ok(Extracted {
        pages,
        readers,
        warnings,
        needs_ocr: Vec::new(),
        furniture,
    })
}

/// A document's pages after cleanup, who read each, and the furniture taken off them.
struct Cleaned {
    pages: Vec<Page>,
    readers: Vec<Reader>,
    furniture: Vec<String>,
}

/// The chosen readings, cleaned up as one document.
fn cleaned(pages: Vec<PdfPage>) -> Cleaned {
    let (mut pages, readers): (Vec<Page>, Vec<Reader>) =
        pages.into_iter().map(|p| (p.page, p.reader)).unzip();
    let furniture = cleanup::clean_pages(&mut pages);
    Cleaned {
        pages,
        readers,
        furniture,
    }
}

/// Replaces pages without usable text by their OCR reading, where that
/// reads clearly better than the page's text layer as read (`layers`, one
/// per page), saying what was wrong with each replaced page's text layer;
/// lists the pages that need OCR when Tesseract is missing.
fn with_ocr(
    pdf: &Path,
    Cleaned {
        mut pages,
        mut readers,
        mut furniture,
    }: Cleaned,
    layers: &[Vec<Line>],
    mut warnings: Vec<String>,
    progress: &(dyn Fn() + Sync),
) -> Extracted {
    let needing: Vec<(u32, Health)> = pages
        .iter()
        .map(|p| (p.number, Health::of(p)))
        .filter(|(_, health)| health.needs_ocr())
        .collect();
    let numbers: Vec<u32> = needing.iter().map(|(n, _)| *n).collect();
    let (mut replaced, mut needs_ocr) = (Vec::new(), Vec::new());
    if !needing.is_empty() && ocr::available() {
        let read = (&mut pages[..], &mut readers[..], layers);
        replaced = apply_ocr(pdf, read, &numbers, progress);
        // OCR text has running headers and hyphens too.
        furniture.extend(cleanup::clean_pages(&mut pages));
        furniture::keep_first(&mut furniture);
    } else if !needing.is_empty() {
        let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
        warnings.push(format!(
            "behöver OCR: sida {} saknar läsbar text och Tesseract är inte installerat",
            list.join(", ")
        ));
        needs_ocr = numbers;
    }
    warnings.extend(
        needing
            .iter()
            .filter(|(n, _)| replaced.contains(n))
            .filter_map(|(n, health)| health.warning(*n))
            .map(|why| format!("{why}; lästes med OCR")),
    );
    warnings.extend(health_warnings(&pages));
    Extracted {
        pages,
        readers,
        warnings,
        needs_ocr,
        furniture,
    }
}

/// OCRs the `needing` pages in parallel; keeps a reading that is clearly
/// more plausible than the page's text layer as read (by the words
/// Tesseract is sure of, see [`ocr::OcrReading::replaces`]), calling
/// `progress` after each page. Returns the pages replaced.
fn apply_ocr(
    pdf: &Path,
    (pages, readers, layers): (&mut [Page], &mut [Reader], &[Vec<Line>]),
    needing: &[u32],
    progress: &(dyn Fn() + Sync),
) -> Vec<u32> {
    let read: Vec<ocr::OcrReading> = needing
        .par_iter()
        .filter_map(|&n| {
            let page = ocr::read_page(pdf, n);
            progress();
            page
        })
        .collect();
    let mut replaced = Vec::new();
    for reading in read {
        let Some(i) = pages.iter().position(|p| p.number == reading.page.number) else {
            continue;
        };
        if reading.replaces(&layers[i]) {
            replaced.push(reading.page.number);
            pages[i] = reading.page;
            readers[i] = Reader::Ocr;
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
    let furniture = cleanup::clean_pages(&mut pages);
    let warnings = health_warnings(&pages);
    Ok(Extracted {
        readers: vec![Reader::Text; pages.len()],
        pages,
        warnings,
        needs_ocr: Vec::new(),
        furniture,
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
