//! The on-disk tantivy index: one tantivy document per section.
//!
//! Every section carries its document's facet values (for filtering and
//! counting); the document's full labels (with evidence) are stored once,
//! on its first section (`ordinal == 0`), which stands for the document, and
//! hits read them from the corpus knowledge. Only this module, `analysis`
//! and `search` know tantivy.

mod error;
pub mod knowledge;
mod manifest;
mod read;
mod record;
mod schema;
mod writer;

pub use error::{IndexError, Result};
pub use manifest::{FileState, Manifest};
pub use read::{document_sections, first_section, map_documents, sections_matching};
pub use record::{
    DocumentRecord, SectionRecord, StoredSection, UNKNOWN_FORBUND, UNKNOWN_REPORT_TYPE,
};
pub use schema::{DOCUMENT_FACETS, FACETS, Fields};
pub use writer::IndexUpdater;

use crate::analysis::Profile;
use std::path::Path;
use tantivy::Index;
use tantivy::directory::MmapDirectory;

/// Opens an existing index for reading, with the analyzers of `profile`
/// (the one it was built with) registered.
pub fn open(dir: &Path, profile: Profile) -> Result<(Index, Fields)> {
    if !dir.join("meta.json").exists() {
        return Err(IndexError::Missing(dir.to_path_buf()));
    }
    let index = Index::open(MmapDirectory::open(dir)?)?;
    let fields = Fields::resolve(&index.schema())?;
    crate::analysis::register(index.tokenizers(), profile);
    Ok((index, fields))
}

/// True when `dir` holds an index.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").exists()
}

/// True when `dir` holds an index this binary built under `profile`: same
/// schema, same [`manifest::PIPELINE`], last commit made by ingest.
pub fn is_current(dir: &Path, profile: Profile) -> bool {
    committed_manifest(dir, profile).is_some()
}

/// The manifest of the last commit in `dir`, when this binary made it under `profile`.
pub fn committed_manifest(dir: &Path, profile: Profile) -> Option<Manifest> {
    manifest_of(&open(dir, profile).ok()?.0, profile)
}

/// The manifest of `index`'s last commit, when this binary made it under `profile`.
pub fn manifest_of(index: &Index, profile: Profile) -> Option<Manifest> {
    let payload = index.load_metas().ok().and_then(|metas| metas.payload);
    manifest::from_payload(payload.as_deref(), profile)
}
