//! Errors that stop an ingest run as a whole.

use std::path::PathBuf;

/// Why nothing could be ingested.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The corpus folder does not exist or is not a folder.
    #[error("korpusmappen {0} finns inte")]
    CorpusMissing(PathBuf),
    /// The corpus folder cannot be read.
    #[error("kan inte läsa korpusmappen {path}: {source}")]
    CorpusUnreadable {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The index cannot be written.
    #[error(transparent)]
    Index(#[from] crate::index::IndexError),
}
