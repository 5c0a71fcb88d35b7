//! Updating the index: documents are added and deleted by `doc_id`, and each
//! commit carries the [`Manifest`] that describes exactly what it holds.
//!
//! Until a commit, readers see the previous one, so a failed or killed run
//! never leaves a half-written index behind; the next run resumes from the
//! last commit's manifest.

use super::manifest::{self, Manifest};
use super::{DocumentRecord, Fields, Result, StoredSection};
use crate::analysis::Profile;
use std::path::Path;
use tantivy::directory::MmapDirectory;
use tantivy::index::SegmentId;
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
}

impl IndexUpdater {
    /// Opens (or creates) the index in `dir`; `rebuild` starts from empty.
    /// An index built by another pipeline (schema, extraction, labelling or
    /// analysis) or profile is rebuilt too. Text is analysed under `profile`.
    pub fn open(dir: &Path, rebuild: bool, profile: Profile) -> Result<IndexUpdater> {
        std::fs::create_dir_all(dir)?;
        let outdated = super::exists(dir) && !super::is_current(dir, profile);
        if outdated {
            tracing::warn!(index = %dir.display(), "indexet byggdes av en annan version och byggs om");
        }
        if (rebuild || outdated) && super::exists(dir) {
            wipe(dir)?;
        }
        let (schema, fields) = Fields::build();
        let index = Index::open_or_create(MmapDirectory::open(dir)?, schema)?;
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
        })
    }

    /// The manifest of the last commit.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Adds one document's sections.
    pub fn add(&mut self, record: &DocumentRecord) -> Result<()> {
        for doc in record.to_tantivy(&self.fields) {
            self.writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Removes every section of a document.
    pub fn delete(&mut self, doc_id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.doc_id, doc_id));
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

    /// Compacts the index when it holds many segments or many deleted
    /// documents, then waits for merges; tantivy removes the files no commit
    /// refers to any more, so repeated runs do not make the index grow.
    pub fn finish(self) -> Result<()> {
        let IndexUpdater {
            index,
            mut writer,
            reader,
            ..
        } = self;
        drop(reader); // a live searcher would keep old segment files from collection
        if let Some(ids) = compaction_candidates(&index)? {
            writer.merge(&ids).wait()?;
        }
        writer.garbage_collect_files().wait()?;
        writer.wait_merging_threads()?;
        Ok(())
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
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let is_index_file =
            name == "meta.json" || name == ".managed.json" || name.contains('.') && name.len() > 32;
        if is_index_file && path.is_file() {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}
