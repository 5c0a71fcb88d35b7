//! Ingest: a corpus folder in, a searchable index out.
//!
//! Files are found ([`walk`]), read and extracted in parallel, cut into
//! sections, labelled and written in commits; at the end of a run that
//! changed anything, the corpus stage relates all documents
//! ([`crate::corpus`]) and its knowledge is stored with the index. A file that fails is
//! reported with its reason and skipped; it never stops the run or touches
//! the index. The run fails only when nothing can be done at all.

mod corrections;
mod error;
mod isolation;
mod plan;
mod pool;
mod report;
mod walk;

pub use corrections::{MANIFEST_FILE, SIDECAR_SUFFIX};
pub use error::IngestError;
pub use isolation::{Isolation, worker_main};
pub use plan::content_id;
pub use pool::{WorkerLimits, WorkerPool};
pub use report::{FileOutcome, IngestReport, Outcome};
pub use walk::{SOURCE_EXTENSIONS, is_stale};

use crate::analysis::Profile;
use crate::corpus::{self, Features};
use crate::document::{Metadata, Page};
use crate::extract::{Extracted, Reader};
use crate::index::{DocumentRecord, FileState, IndexUpdater, SectionRecord};
use crate::metadata::Labeler;
use corrections::Corrections;
use plan::{Plan, Scanned};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Largest file read, by default (500 MiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 500 * 1024 * 1024;

/// New documents extracted between two commits, by default (a commit also
/// comes after [`COMMIT_INTERVAL`]).
pub const DEFAULT_COMMIT_EVERY: usize = 1_000;

/// Longest time between two commits: a killed run loses at most this much work.
const COMMIT_INTERVAL: Duration = Duration::from_secs(60);

/// Documents prepared in parallel at a time: tantivy indexes one batch
/// while the next is read and labelled.
const PREPARE_BATCH: usize = 100;

/// Where to read from and write to.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Folder of source documents, read recursively.
    pub corpus: PathBuf,
    /// Index folder, created when missing.
    pub index: PathBuf,
    /// Start from an empty index (also throws away one with another schema).
    pub rebuild: bool,
    /// New documents extracted between two commits (at most; a commit also
    /// comes after [`COMMIT_INTERVAL`]).
    pub commit_every: usize,
    /// Where extraction runs (in a pool of worker processes for the CLI).
    pub isolation: Isolation,
    /// Files larger than this many bytes are not read.
    pub max_file_bytes: u64,
    /// How text is analysed; search the index with the same profile.
    pub profile: Profile,
    /// Keep personnummer and samordningsnummer as written instead of masking
    /// them (for a closed installation; see [`crate::privacy`]).
    pub keep_personnummer: bool,
}

impl IngestOptions {
    /// Options for ingesting `corpus` into `index` incrementally.
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> IngestOptions {
        IngestOptions {
            corpus: corpus.into(),
            index: index.into(),
            rebuild: false,
            commit_every: DEFAULT_COMMIT_EVERY,
            isolation: Isolation::InProcess,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            profile: Profile::Full,
            keep_personnummer: false,
        }
    }
}

/// What ingest tells its caller while it works.
#[derive(Debug)]
pub enum Progress<'a> {
    /// The plan is made: `files` were found, `to_read` of them need reading.
    Planned {
        /// Source files found.
        files: usize,
        /// New or changed files to extract.
        to_read: usize,
    },
    /// One file is done (reported as soon as it is, before its commit).
    File(&'a FileOutcome),
}

/// Brings the index up to date with the corpus, reporting `progress`.
pub fn run(
    options: &IngestOptions,
    progress: impl Fn(Progress) + Sync,
) -> Result<IngestReport, IngestError> {
    let started = Instant::now();
    let found = walk::source_files(&options.corpus)?;
    let mut updater = IndexUpdater::open(&options.index, options.rebuild, options.profile)?;
    let old = updater.manifest().clone();
    let corrections = Corrections::load(&options.corpus);
    let scanned: Vec<Scanned> = found
        .files
        .par_iter()
        .map(|f| {
            plan::scan(
                &options.corpus,
                f,
                &old,
                &corrections,
                options.keep_personnummer,
            )
        })
        .collect();
    let plan = Plan::new(&old, scanned);
    let to_read = plan.extract.iter().map(|(_, files)| files.len()).sum();
    progress(Progress::Planned {
        files: found.files.len(),
        to_read,
    });
    let mut report = IngestReport {
        removed: plan.delete.len(),
        ..IngestReport::default()
    };
    let known = plan
        .kept
        .iter()
        .map(|(path, state)| (path.clone(), kept_outcome(state)));
    let csv_problems = corrections
        .problems
        .into_iter()
        .map(|reason| (MANIFEST_FILE.to_string(), reason));
    let problems = found
        .problems
        .into_iter()
        .chain(csv_problems)
        .map(|(path, reason)| (path, Outcome::Failed { reason }));
    let skipped = found
        .skipped
        .into_iter()
        .map(|(path, reason)| (path, Outcome::Skipped { reason }));
    for (path, outcome) in known.chain(problems).chain(skipped) {
        let file = FileOutcome::new(path, outcome);
        progress(Progress::File(&file));
        report.record(file);
    }
    apply_removals(&mut updater, &plan)?;
    let mut manifest = plan.kept.clone();
    updater.commit(&manifest)?;
    let labeler = Labeler::builtin();
    let mut commits = Commits::new(options.commit_every);
    for chunk in plan
        .extract
        .chunks(options.commit_every.clamp(1, PREPARE_BATCH))
    {
        let prepared: Vec<Prepared> = chunk
            .par_iter()
            .map(|(_, files)| {
                let item = prepare(files, options, &labeler);
                item.outcomes
                    .iter()
                    .for_each(|o| progress(Progress::File(o)));
                item
            })
            .collect();
        for item in prepared {
            if let Some(record) = &item.record {
                updater.add(record)?;
            }
            item.outcomes.into_iter().for_each(|o| report.record(o));
            manifest.extend(item.states);
        }
        if commits.due(chunk.len()) {
            updater.commit(&manifest)?;
        }
    }
    if commits.pending() {
        updater.commit(&manifest)?;
    }
    let changed = !plan.extract.is_empty() || !plan.delete.is_empty() || !plan.repath.is_empty();
    if changed || !updater.has_knowledge() {
        let terms = corpus::Terms::default();
        let features = updater.map_documents(|record| Features::of(&record, &terms))?;
        updater.save_knowledge(&corpus::relate(features, terms))?;
    }
    updater.finish()?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// When the documents added so far are committed: after `every` of them
/// or [`COMMIT_INTERVAL`], whichever comes first. Fewer commits make fewer,
/// larger segments to merge, and let tantivy index one batch while the
/// next is prepared.
struct Commits {
    every: usize,
    since: usize,
    last: Instant,
}

impl Commits {
    fn new(every: usize) -> Commits {
        Commits {
            every: every.max(1),
            since: 0,
            last: Instant::now(),
        }
    }

    /// Counts `added` documents; true (and starts counting anew) when a
    /// commit is due.
    fn due(&mut self, added: usize) -> bool {
        self.since += added;
        if self.since < self.every && self.last.elapsed() < COMMIT_INTERVAL {
            return false;
        }
        self.since = 0;
        self.last = Instant::now();
        true
    }

    /// True when documents were added since the last commit.
    fn pending(&self) -> bool {
        self.since > 0
    }
}

/// How a file the manifest vouches for is reported.
fn kept_outcome(state: &FileState) -> Outcome {
    match &state.error {
        Some(reason) => Outcome::Failed {
            reason: format!("{reason} (oförändrad sedan förra körningen)"),
        },
        None => Outcome::Unchanged,
    }
}

/// Deletes documents no file holds and rewrites those whose paths changed.
fn apply_removals(updater: &mut IndexUpdater, plan: &Plan) -> Result<(), IngestError> {
    for doc_id in &plan.delete {
        updater.delete(doc_id);
    }
    for (doc_id, paths) in &plan.repath {
        let sections = updater.stored_sections(doc_id)?;
        updater.delete(doc_id);
        if let Some(record) = DocumentRecord::from_stored(sections, paths.clone()) {
            updater.add(&record)?;
        }
    }
    Ok(())
}

/// One new document: its record (when extraction worked) and what to report
/// and record in the manifest for each of its files.
struct Prepared {
    record: Option<DocumentRecord>,
    outcomes: Vec<FileOutcome>,
    states: Vec<(String, FileState)>,
}

/// Extracts, splits and labels the first of `files` (all have the same content).
fn prepare(files: &[Scanned], options: &IngestOptions, labeler: &Labeler) -> Prepared {
    let first = &files[0];
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let mut needs_ocr = Vec::new();
    let result = match &first.state.error {
        Some(reason) => Err(reason.clone()),
        None if first.state.size > options.max_file_bytes => {
            let limit = options.max_file_bytes / (1024 * 1024);
            Err(format!("filen är större än gränsen på {limit} MiB"))
        }
        None => options
            .isolation
            .extract(&first.file)
            .and_then(|extracted| {
                needs_ocr.clone_from(&extracted.needs_ocr);
                let doc_id = first.state.doc_id.clone().unwrap_or_default();
                build_record(first, doc_id, paths.clone(), extracted, labeler, options)
            }),
    };
    let (record, outcome, error) = match result {
        Ok((record, warnings, readers)) => {
            let outcome = Outcome::Indexed {
                pages: record.pages,
                sections: record.sections.len(),
                warnings,
                readers,
            };
            (Some(record), outcome, None)
        }
        Err(reason) => (
            None,
            Outcome::Failed {
                reason: reason.clone(),
            },
            Some(reason),
        ),
    };
    // A copy is one document with its original, or fails with it.
    let copy_outcome = match &error {
        None => Outcome::Skipped {
            reason: format!(
                "samma innehåll som {} (ett dokument med båda sökvägarna)",
                first.path
            ),
        },
        Some(reason) => Outcome::Failed {
            reason: format!("{reason} (samma innehåll som {})", first.path),
        },
    };
    let outcomes = files
        .iter()
        .enumerate()
        .map(|(i, f)| FileOutcome {
            needs_ocr: needs_ocr.clone(),
            ..FileOutcome::new(
                &f.path,
                if i == 0 {
                    outcome.clone()
                } else {
                    copy_outcome.clone()
                },
            )
        })
        .collect();
    let states = files
        .iter()
        .map(|f| {
            let doc_id = record.as_ref().map(|r| r.doc_id.clone());
            (
                f.path.clone(),
                FileState {
                    doc_id,
                    error: error.clone(),
                    needs_ocr: needs_ocr.clone(),
                    ..f.state.clone()
                },
            )
        })
        .collect();
    Prepared {
        record,
        outcomes,
        states,
    }
}

/// How many pages each reader read.
type ReaderCounts = BTreeMap<Reader, usize>;

fn build_record(
    first: &Scanned,
    doc_id: String,
    paths: Vec<String>,
    extracted: Extracted,
    labeler: &Labeler,
    options: &IngestOptions,
) -> Result<(DocumentRecord, Vec<String>, ReaderCounts), String> {
    if extracted
        .pages
        .iter()
        .all(|p| p.lines.iter().all(|l| l.is_blank()))
    {
        return Err(match extracted.needs_ocr.is_empty() {
            true => "ingen text hittades, inte heller med OCR".to_string(),
            false => "ingen text: skannad PDF som behöver OCR (Tesseract är inte installerat)"
                .to_string(),
        });
    }
    let ocr_pages = extracted.pages_read_by(Reader::Ocr);
    let mut readers = ReaderCounts::new();
    extracted
        .readers
        .iter()
        .for_each(|r| *readers.entry(*r).or_default() += 1);
    let (mut pages, mut furniture) = (extracted.pages, extracted.furniture);
    let mut warnings = extracted.warnings;
    if !options.keep_personnummer {
        let masked = crate::privacy::mask_pages(&mut pages, &mut furniture);
        if masked > 0 {
            warnings.push(format!("{masked} personnummer maskerades"));
        }
    }
    let mut metadata = labeler.label(&paths[0], &pages);
    warnings.extend(correct(&mut metadata, first));
    let sections = crate::sections::split(&pages);
    let labels = labeler.label_sections(&metadata, &sections);
    let sections = sections
        .into_iter()
        .zip(labels)
        .map(|(section, labels)| SectionRecord {
            lang: crate::language::detect(&section.text).to_string(),
            ocr: ocr_pages
                .iter()
                .any(|p| (section.page_start..=section.page_end).contains(p)),
            labels,
            section,
        })
        .collect();
    let record = DocumentRecord {
        doc_id,
        metadata,
        paths,
        pages: page_count(&pages),
        sections,
        furniture,
    };
    Ok((record, warnings, readers))
}

/// Applies the file's correction, if any; says what was corrected or why
/// the correction could not be read (for the file's report).
fn correct(metadata: &mut Metadata, file: &Scanned) -> Option<String> {
    if let Some(problem) = &file.correction_problem {
        return Some(format!("rättelsen används inte: {problem}"));
    }
    let correction = file.correction.as_ref()?;
    correction.fields.apply(metadata, &correction.source);
    Some(format!(
        "uppgifter rättade för hand ({}): {}",
        correction.source,
        metadata.overridden.join(", ")
    ))
}

fn page_count(pages: &[Page]) -> u32 {
    pages.iter().map(|p| p.number).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::Commits;

    #[test]
    fn a_commit_is_due_once_every_so_many_documents() {
        let mut commits = Commits::new(250);
        assert!(!commits.pending());
        assert!(!commits.due(100));
        assert!(!commits.due(100));
        assert!(commits.pending());
        assert!(commits.due(100), "300 documents since the last commit");
        assert!(!commits.pending());
        assert!(!commits.due(100), "counting starts anew");
    }
}
