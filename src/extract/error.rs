//! Why a file could not be extracted, in words a user understands.
//!
//! Display texts are Swedish because they reach the people who upload
//! reports; the variants tell the caller whether the file is at fault
//! (empty, not a PDF, locked, broken) or the library is.

/// The ways extraction of one file can fail.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file has no bytes at all.
    #[error("tom fil")]
    Empty,
    /// The bytes do not start like a PDF.
    #[error("inte en PDF")]
    NotPdf,
    /// The PDF needs a user password to be opened.
    #[error("lösenordsskyddad")]
    Encrypted,
    /// The PDF could not be parsed (truncated, corrupt, unsupported); says
    /// which part is broken.
    #[error("trasig PDF: {0}")]
    Broken(&'static str),
    /// The PDF library panicked while loading the document.
    #[error("PDF-biblioteket kraschade när filen öppnades")]
    Panicked,
    /// The file extension is not one we read.
    #[error("filtypen stöds inte")]
    Unsupported,
    /// The file could not be read from disk.
    #[error("kunde inte läsa filen: {0}")]
    Io(#[from] std::io::Error),
}

/// Result of an extraction step.
pub type Result<T> = std::result::Result<T, ExtractError>;
