//! Building the index: a full rebuild committed in one step.
//!
//! The old contents stay searchable until [`IndexBuilder::commit`], so a
//! failed or killed run never leaves a half-written index behind.

use super::{DocumentRecord, Fields, Result};
use crate::analysis::Profile;
use std::path::Path;
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexWriter};

/// Heap budget of the index writer.
const WRITER_HEAP_BYTES: usize = 100_000_000;

/// Writes documents into an index folder, replacing what it held.
pub struct IndexBuilder {
    writer: IndexWriter,
    fields: Fields,
}

impl IndexBuilder {
    /// Opens (or creates) the index in `dir` and schedules the removal of its
    /// old contents; `rebuild` wipes an index with another schema first.
    /// Text is analysed under `profile`.
    pub fn replace(dir: &Path, rebuild: bool, profile: Profile) -> Result<IndexBuilder> {
        std::fs::create_dir_all(dir)?;
        if rebuild && super::exists(dir) {
            wipe(dir)?;
        }
        let (schema, fields) = Fields::build();
        let index = Index::open_or_create(MmapDirectory::open(dir)?, schema)?;
        Fields::resolve(&index.schema())?;
        crate::analysis::register(index.tokenizers(), profile);
        let writer: IndexWriter = index.writer(WRITER_HEAP_BYTES)?;
        writer.delete_all_documents()?;
        Ok(IndexBuilder { writer, fields })
    }

    /// Adds one document's sections.
    pub fn add(&mut self, record: &DocumentRecord) -> Result<()> {
        for doc in record.to_tantivy(&self.fields) {
            self.writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Makes everything added visible and durable, and waits for merges.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }
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
