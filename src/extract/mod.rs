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
mod hyphen;
mod layout;
mod pdf;
mod plain;
mod quality;
mod quotes;
mod rows;
mod scan;
mod widths;

pub use error::{ExtractError, Result};

use crate::document::Page;
use quality::TextMeasure;
use std::path::Path;

/// What extraction yields for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The document's pages, numbered from 1, in order.
    pub pages: Vec<Page>,
    /// Swedish notes on text that may be missing or wrong.
    pub warnings: Vec<String>,
}

/// Extracts a `.pdf`, `.txt` or `.md` file (extension in any case).
pub fn extract_file(path: &Path) -> Result<Extracted> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match extension.as_deref() {
        Some("pdf") => extract_pdf_bytes(&std::fs::read(path)?),
        Some("txt" | "md") => extract_text_bytes(&std::fs::read(path)?),
        _ => Err(ExtractError::Unsupported),
    }
}

/// Extracts a PDF held in memory.
pub fn extract_pdf_bytes(bytes: &[u8]) -> Result<Extracted> {
    let mut warnings = Vec::new();
    let mut pages = pdf::pdf_pages(bytes, &mut warnings)?;
    cleanup::clean_pages(&mut pages);
    for page in &pages {
        if page.lines.is_empty() {
            warnings.push(format!("sida {} saknar text (skannad?)", page.number));
        }
    }
    warnings.extend(garbled_warnings(&pages));
    Ok(Extracted { pages, warnings })
}

/// Extracts plain text or Markdown held in memory.
fn extract_text_bytes(bytes: &[u8]) -> Result<Extracted> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let mut pages = plain::text_pages(bytes);
    cleanup::clean_pages(&mut pages);
    let warnings = garbled_warnings(&pages);
    Ok(Extracted { pages, warnings })
}

fn garbled_warnings(pages: &[Page]) -> Vec<String> {
    pages
        .iter()
        .filter(|page| TextMeasure::of_lines(&page.lines).is_garbled())
        .map(|page| format!("sida {} innehåller många oläsbara tecken", page.number))
        .collect()
}

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod fixture_tests;
