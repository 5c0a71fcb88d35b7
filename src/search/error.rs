//! Errors of the search service: the user's fault or ours.

/// What can go wrong answering a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query cannot be parsed (the user's fault).
    #[error("frågan kunde inte tolkas: {0}")]
    BadQuery(String),
    /// The index could not be opened.
    #[error(transparent)]
    Index(#[from] crate::index::IndexError),
    /// tantivy failed while searching (our fault).
    #[error("sökfel: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Result of search operations.
pub type Result<T> = std::result::Result<T, SearchError>;
