//! Errors of the index stage.

use std::path::PathBuf;

/// What can go wrong opening or writing the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// No index at the given folder.
    #[error("inget index i {0} – kör `finsam ingest` först")]
    Missing(PathBuf),
    /// The index was built by another version with another schema.
    #[error(
        "indexet har ett annat schema (fältet {0} saknas) – bygg om det med `finsam ingest --rebuild`"
    )]
    SchemaMismatch(String),
    /// The folder could not be created or read.
    #[error("kan inte använda indexmappen: {0}")]
    Io(#[from] std::io::Error),
    /// The folder is not usable as an index directory.
    #[error("kan inte öppna indexmappen: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    /// tantivy failed.
    #[error("indexfel: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Result of index operations.
pub type Result<T> = std::result::Result<T, IndexError>;
