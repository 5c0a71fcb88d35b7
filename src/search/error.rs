//! Errors of the search service: the user's fault or ours.

/// What can go wrong answering a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query is beyond what is searched (too long, too deeply nested):
    /// the user's fault; the message says what to change, in Swedish.
    #[error("{0}")]
    Refused(String),
    /// The query could not be parsed (the user's fault); the parser's own
    /// (English) detail is kept for the log, not shown.
    #[error(
        "frågan kunde inte tolkas. Sök med vanliga ord, \"en fras\" inom citattecken och -ord för att utesluta ett ord."
    )]
    BadQuery(String),
    /// The search outran its time budget, or nobody waited for it any more.
    #[error(
        "sökningen tog för lång tid och avbröts. Försök igen, gärna med färre eller mer precisa ord."
    )]
    TimedOut,
    /// The index could not be opened.
    #[error(transparent)]
    Index(#[from] crate::index::IndexError),
    /// tantivy failed while searching (our fault).
    #[error("sökfel: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Result of search operations.
pub type Result<T> = std::result::Result<T, SearchError>;
