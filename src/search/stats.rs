//! What the index holds in sum, and which files wait for OCR.

use serde::Serialize;

/// Counts over the index, for `/api/stats`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexStats {
    /// Documents indexed.
    pub documents: usize,
    /// Sections indexed.
    pub sections: u64,
    /// When the index was last written (RFC 3339, UTC), when known.
    pub indexed_at: Option<String>,
    /// The version of Finsamsök answering.
    pub version: &'static str,
    /// Files with pages that no reader could read because OCR (Tesseract)
    /// was missing when they were ingested.
    pub needs_ocr: usize,
    /// Those files, by path.
    pub needs_ocr_files: Vec<NeedsOcr>,
}

/// A file with pages that wait for OCR.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedsOcr {
    /// Path relative to the corpus.
    pub path: String,
    /// The pages without a usable text layer.
    pub pages: Vec<u32>,
}

impl IndexStats {
    /// The stats of `documents` indexed documents and the files of `manifest`.
    pub(crate) fn new(
        documents: usize,
        sections: u64,
        written: Option<std::time::SystemTime>,
        manifest: &crate::index::Manifest,
    ) -> IndexStats {
        let needs_ocr_files: Vec<NeedsOcr> = manifest
            .iter()
            .filter(|(_, state)| !state.needs_ocr.is_empty())
            .map(|(path, state)| NeedsOcr {
                path: path.clone(),
                pages: state.needs_ocr.clone(),
            })
            .collect();
        let indexed_at = written.and_then(|at| {
            time::OffsetDateTime::from(at)
                .format(&time::format_description::well_known::Rfc3339)
                .ok()
        });
        IndexStats {
            documents,
            sections,
            indexed_at,
            version: env!("CARGO_PKG_VERSION"),
            needs_ocr: needs_ocr_files.len(),
            needs_ocr_files,
        }
    }
}
