//! Ingest: a corpus folder in, a searchable index out.
//!
//! Files are found ([`walk`]), read and extracted in parallel, cut into
//! sections, labelled and written in one commit. A file that fails is
//! reported with its reason and skipped; it never stops the run or touches
//! the index. The run fails only when nothing can be done at all.

mod error;
mod report;
mod walk;

pub use error::IngestError;
pub use report::{FileOutcome, IngestReport, Outcome};
pub use walk::{SOURCE_EXTENSIONS, is_stale};

use crate::analysis::Profile;
use crate::document::Page;
use crate::extract;
use crate::index::{DocumentRecord, IndexBuilder, SectionRecord};
use crate::metadata::Labeler;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where to read from and write to.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Folder of source documents, read recursively.
    pub corpus: PathBuf,
    /// Index folder, created when missing.
    pub index: PathBuf,
    /// Throw away an index built with another schema.
    pub rebuild: bool,
    /// How text is analysed; search the index with the same profile.
    pub profile: Profile,
}

/// Ingests the corpus into the index, calling `progress` once per file.
pub fn run(
    options: &IngestOptions,
    progress: impl Fn(&FileOutcome) + Sync,
) -> Result<IngestReport, IngestError> {
    let started = Instant::now();
    let files = walk::source_files(&options.corpus)?;
    let mut builder = IndexBuilder::replace(&options.index, options.rebuild, options.profile)?;
    let labeler = Labeler::builtin();
    let prepared: Vec<(FileOutcome, Option<DocumentRecord>)> = files
        .par_iter()
        .map(|path| {
            let result = prepare(&options.corpus, path, &labeler);
            progress(&result.0);
            result
        })
        .collect();
    let mut report = IngestReport::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (mut outcome, record) in prepared {
        if let Some(record) = record {
            match seen.get(&record.doc_id) {
                Some(first) => {
                    outcome.outcome = Outcome::Skipped(format!("samma innehåll som {first}"))
                }
                None => {
                    builder.add(&record)?;
                    seen.insert(record.doc_id.clone(), record.path.clone());
                }
            }
        }
        report.record(outcome);
    }
    builder.commit()?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Reads, extracts, splits and labels one file.
fn prepare(corpus: &Path, path: &Path, labeler: &Labeler) -> (FileOutcome, Option<DocumentRecord>) {
    let relative = walk::relative_path(corpus, path);
    match build_record(&relative, path, labeler) {
        Ok((record, warnings)) => {
            let outcome = Outcome::Indexed {
                pages: record.pages,
                sections: record.sections.len(),
                warnings,
            };
            (
                FileOutcome {
                    path: relative,
                    outcome,
                },
                Some(record),
            )
        }
        Err(reason) => (
            FileOutcome {
                path: relative,
                outcome: Outcome::Failed(reason),
            },
            None,
        ),
    }
}

fn build_record(
    relative: &str,
    path: &Path,
    labeler: &Labeler,
) -> Result<(DocumentRecord, Vec<String>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("kan inte läsa filen: {e}"))?;
    let extracted = extract::extract_file(path).map_err(|e| e.to_string())?;
    let pages = extracted.pages;
    if pages.iter().all(|p| p.lines.iter().all(|l| l.is_blank())) {
        return Err("ingen text hittades (skannad PDF? behöver OCR)".to_string());
    }
    let sections = crate::sections::split(&pages)
        .into_iter()
        .map(|section| SectionRecord {
            lang: crate::language::detect(&section.text).to_string(),
            section,
        })
        .collect();
    let record = DocumentRecord {
        doc_id: content_id(&bytes),
        path: relative.to_string(),
        metadata: labeler.label(relative, &pages),
        pages: page_count(&pages),
        sections,
    };
    Ok((record, extracted.warnings))
}

fn page_count(pages: &[Page]) -> u32 {
    pages.iter().map(|p| p.number).max().unwrap_or(0)
}

/// A stable document id: the first 16 hex digits of the SHA-256 of the content.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::content_id;

    #[test]
    fn content_id_is_stable_and_content_based() {
        assert_eq!(content_id(b"abc"), "ba7816bf8f01cfea");
        assert_ne!(content_id(b"abc"), content_id(b"abd"));
    }
}
