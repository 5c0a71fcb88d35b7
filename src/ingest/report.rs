//! What an ingest run did, file by file and in sum.

use crate::extract::Reader;
use serde::Serialize;
use std::collections::BTreeMap;

/// What happened to one file.
#[derive(Debug, Clone, Serialize)]
pub struct FileOutcome {
    /// Path relative to the corpus folder.
    pub path: String,
    /// The result.
    pub outcome: Outcome,
    /// Pages without a usable text layer that OCR did not read (Tesseract missing).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs_ocr: Vec<u32>,
}

impl FileOutcome {
    /// The outcome of the file at `path` (relative to the corpus), no pages needing OCR.
    pub fn new(path: impl Into<String>, outcome: Outcome) -> FileOutcome {
        FileOutcome {
            path: path.into(),
            outcome,
            needs_ocr: Vec::new(),
        }
    }
}

/// The result for one file.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Outcome {
    /// Indexed, with page and section counts and extraction warnings.
    Indexed {
        /// Pages read.
        pages: u32,
        /// Sections made.
        sections: usize,
        /// Extraction warnings (Swedish).
        warnings: Vec<String>,
        /// How many pages each reader gave the text of.
        readers: BTreeMap<Reader, usize>,
    },
    /// Already indexed and not changed since.
    Unchanged,
    /// Not indexed on purpose (e.g. a duplicate).
    Skipped {
        /// Why (Swedish).
        reason: String,
    },
    /// Could not be indexed.
    Failed {
        /// Why (Swedish).
        reason: String,
    },
}

/// Totals of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    /// Source files found.
    pub files: usize,
    /// Documents indexed.
    pub indexed: usize,
    /// Pages indexed.
    pub pages: usize,
    /// Sections indexed.
    pub sections: usize,
    /// Files already indexed and unchanged.
    pub unchanged: usize,
    /// Documents removed because their files are gone or changed.
    pub removed: usize,
    /// Files skipped on purpose.
    pub skipped: usize,
    /// Files that failed.
    pub failed: usize,
    /// Files with pages that need OCR (Tesseract missing).
    pub needs_ocr: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Every file's outcome.
    pub outcomes: Vec<FileOutcome>,
}

impl IngestReport {
    /// Adds one file's outcome to the totals.
    pub fn record(&mut self, file: FileOutcome) {
        self.files += 1;
        self.needs_ocr += usize::from(!file.needs_ocr.is_empty());
        match &file.outcome {
            Outcome::Indexed {
                pages, sections, ..
            } => {
                self.indexed += 1;
                self.pages += *pages as usize;
                self.sections += sections;
            }
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Skipped { .. } => self.skipped += 1,
            Outcome::Failed { .. } => self.failed += 1,
        }
        self.outcomes.push(file);
    }

    /// The one-line summary printed at the end of a run.
    pub fn summary(&self) -> String {
        let ocr = match self.needs_ocr {
            0 => String::new(),
            n => format!(", {n} behöver OCR"),
        };
        format!(
            "{} filer: {} indexerade ({} sidor, {} avsnitt), {} oförändrade, {} borttagna, \
             {} hoppades över, {} misslyckades{ocr}, {:.1} s",
            self.files,
            self.indexed,
            self.pages,
            self.sections,
            self.unchanged,
            self.removed,
            self.skipped,
            self.failed,
            self.seconds
        )
    }
}
