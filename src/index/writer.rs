//! Updating the index: documents are added and deleted by `doc_id`, and each
//! commit carries the [`Manifest`] that describes exactly what it holds.
//!
//! Until a commit, readers see the previous one, so a failed or killed run
//! never leaves a half-written index behind; the next run resumes from the
//! last commit's manifest. A rebuild is written beside the live index (in
//! `<index>.rebuild`) and swapped in when it is complete, so searches never
//! see an empty or half-built index.

use super::manifest::{self, Manifest};
use super::{DocumentRecord, Fields, Result, StoredSection};
use crate::analysis::Profile;
use std::path::{Path, PathBuf};
use tantivy::directory::MmapDirectory;
use tantivy::index::SegmentId;
use tantivy::indexer::{NoMergePolicy, UserOperation};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

/// Heap budget of the index writer.
const WRITER_HEAP_BYTES: usize = 100_000_000;
/// More segments than this are merged into one at the end of a run.
const MAX_SEGMENTS: usize = 8;
/// A larger share of deleted documents than this is compacted away at the end of a run.
const MAX_DELETED_SHARE: f64 = 0.05;

/// Writes into an index folder, creating it when missing.
pub struct IndexUpdater {
    index: Index,
    writer: IndexWriter,
    reader: IndexReader,
    fields: Fields,
    manifest: Manifest,
    profile: Profile,
    /// The folder being written (the live index, or a rebuild beside it).
    dir: PathBuf,
    /// The live index this one replaces when finished (a rebuild beside it).
    replaces: Option<PathBuf>,
}

impl IndexUpdater {
    /// Opens (or creates) the index in `dir`; `rebuild` starts from empty.
    /// An index built by another pipeline (schema, extraction, labelling or
    /// analysis) or profile is rebuilt too. Text is analysed under `profile`.
    /// A rebuild of an existing index is written beside it and replaces it
    /// in [`IndexUpdater::finish`]; until then searches see the old one.
    pub fn open(dir: &Path, rebuild: bool, profile: Profile) -> Result<IndexUpdater> {
        std::fs::create_dir_all(dir)?;
        let outdated = super::exists(dir) && !super::is_current(dir, profile);
        if outdated {
            tracing::warn!(index = %dir.display(), "indexet byggdes av en annan version och byggs om");
        }
        let staging = staging_dir(dir);
        let (target, replaces) = match &staging {
            Some(staging) if (rebuild || outdated) && super::exists(dir) => {
                // An unfinished rebuild by this pipeline is resumed, unless a
                // rebuild was asked for.
                if rebuild || !super::is_current(staging, profile) {
                    remove_dir(staging)?;
                }
                std::fs::create_dir_all(staging)?;
                (staging.clone(), Some(dir.to_path_buf()))
            }
            _ => {
                if (rebuild || outdated) && super::exists(dir) {
                    wipe(dir)?;
                }
                if let Some(leftover) = &staging {
                    remove_dir(leftover)?;
                }
                (dir.to_path_buf(), None)
            }
        };
        let (schema, fields) = Fields::build();
        let index = Index::open_or_create(MmapDirectory::open(&target)?, schema)?;
        Fields::resolve(&index.schema())?;
        crate::analysis::register(index.tokenizers(), profile);
        let manifest = manifest::from_payload(index.load_metas()?.payload.as_deref(), profile)
            .unwrap_or_default();
        let writer: IndexWriter = index.writer(WRITER_HEAP_BYTES)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(IndexUpdater {
            index,
            writer,
            reader,
            fields,
            manifest,
            profile,
            dir: target,
            replaces,
        })
    }

    /// The manifest of the last commit.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Adds one document's sections, in one batch: they land in one segment
    /// (and stay together through merges), so a report is counted once per
    /// segment by the collectors that group sections by report.
    pub fn add(&mut self, record: &DocumentRecord) -> Result<()> {
        let operations: Vec<UserOperation> = record
            .to_tantivy(&self.fields)
            .into_iter()
            .map(UserOperation::Add)
            .collect();
        self.writer.run(operations)?;
        Ok(())
    }

    /// Removes every section of a document.
    pub fn delete(&mut self, doc_id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.doc_id, doc_id));
    }

    /// Every committed document mapped by `f`, in parallel (for the corpus stage).
    pub fn map_documents<T: Send>(&self, f: impl Fn(DocumentRecord) -> T + Sync) -> Result<Vec<T>> {
        Ok(super::map_documents(
            &self.reader.searcher(),
            &self.fields,
            f,
        )?)
    }

    /// Stores the corpus stage's knowledge with the index being written.
    pub fn save_knowledge(&self, knowledge: &crate::corpus::Knowledge) -> Result<()> {
        super::knowledge::save(&self.dir, knowledge)
    }

    /// True when the index being written has corpus knowledge stored that
    /// this binary's corpus stage related (another's is related anew).
    pub fn has_knowledge(&self) -> bool {
        super::knowledge::load(&self.dir)
            .is_some_and(|knowledge| knowledge.stage == crate::corpus::model::STAGE)
    }

    /// The committed sections of a document, in order (for rewriting it).
    pub fn stored_sections(&self, doc_id: &str) -> Result<Vec<StoredSection>> {
        Ok(super::document_sections(
            &self.reader.searcher(),
            &self.fields,
            doc_id,
        )?)
    }

    /// Makes all changes visible and durable together with `manifest`.
    pub fn commit(&mut self, manifest: &Manifest) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&manifest::to_payload(manifest, self.profile));
        prepared.commit()?;
        self.reader.reload()?;
        self.manifest = manifest.clone();
        Ok(())
    }

    /// Lets tantivy's own merges finish, then compacts the index when it
    /// holds many segments or many deleted documents, with merging left to
    /// this one call (no merge of tantivy's can race it); tantivy removes the
    /// files no commit refers to any more, so repeated runs do not make the
    /// index grow. A rebuild then replaces the live index.
    pub fn finish(self) -> Result<()> {
        let IndexUpdater {
            index,
            writer,
            reader,
            replaces,
            ..
        } = self;
        drop(reader); // a live searcher would keep old segment files from collection
        writer.wait_merging_threads()?;
        compact(&index)?;
        drop(index);
        if let Some(live) = replaces {
            let staging = staging_dir(&live).expect("a rebuild has a staging folder");
            swap_in(&staging, &live)?;
        }
        Ok(())
    }
}

/// Merges the index's segments into one when [`compaction_candidates`] says
/// so, with a writer that merges nothing else, and collects unused files.
fn compact(index: &Index) -> Result<()> {
    let mut writer: IndexWriter = index.writer(WRITER_HEAP_BYTES)?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    if let Some(ids) = compaction_candidates(index)? {
        writer.merge(&ids).wait()?;
    }
    writer.garbage_collect_files().wait()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// Where a rebuild of the index in `dir` is written: `<dir>.rebuild` beside
/// it; `None` when `dir` has no name to put beside (`.`, `/`).
fn staging_dir(dir: &Path) -> Option<PathBuf> {
    let name = dir.file_name()?.to_string_lossy();
    Some(dir.with_file_name(format!("{name}.rebuild")))
}

/// Moves a finished rebuild in place of the live index: the user's own files
/// in the live folder move along, then the folders swap (two renames; a
/// reader that looks in between keeps the searcher it has).
fn swap_in(staging: &Path, live: &Path) -> Result<()> {
    for entry in std::fs::read_dir(live)? {
        let path = entry?.path();
        if !is_index_file(&path) && path.is_file() {
            let name = path.file_name().expect("a listed file has a name");
            std::fs::rename(&path, staging.join(name))?;
        }
    }
    let name = live
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let retired = live.with_file_name(format!("{name}.old"));
    remove_dir(&retired)?;
    std::fs::rename(live, &retired)?;
    std::fs::rename(staging, live)?;
    remove_dir(&retired)
}

/// Removes a folder and everything in it, when it exists.
fn remove_dir(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// The ids of all segments when the index holds many segments or many
/// deleted documents. (Segment metas held in memory keep their files from
/// garbage collection, so only ids leave this function.)
fn compaction_candidates(index: &Index) -> Result<Option<Vec<SegmentId>>> {
    let segments = index.searchable_segment_metas()?;
    let docs: u32 = segments.iter().map(|s| s.max_doc()).sum();
    let deleted: u32 = segments.iter().map(|s| s.num_deleted_docs()).sum();
    let many_deleted = f64::from(deleted) > f64::from(docs) * MAX_DELETED_SHARE;
    let compact = segments.len() > 1 && (segments.len() > MAX_SEGMENTS || many_deleted);
    Ok(compact.then(|| segments.iter().map(|s| s.id()).collect()))
}

/// Removes the index files in `dir` (not other files a user may keep there).
fn wipe(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if is_index_file(&path) && path.is_file() {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// True for a file tantivy keeps in an index folder: its metas, locks and
/// segment files (`<32 hex digits>.<ext>`).
fn is_index_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    matches!(
        name,
        "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
    ) || name.contains('.') && name.len() > 32
}
