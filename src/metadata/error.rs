//! Errors raised while loading the metadata data files.
//!
//! Labelling itself never fails (a label it cannot decide is `None`); only the
//! domain data (förbund, report-type cues, målgrupp terms) can be malformed.

use thiserror::Error;

/// What can go wrong when loading the labelling data.
#[derive(Debug, Error)]
pub enum MetadataError {
    /// A data file is not valid TOML or does not have the expected fields.
    #[error("{file}: {source}")]
    Parse {
        /// Which data file failed.
        file: &'static str,
        /// The TOML parser's error.
        #[source]
        source: toml::de::Error,
    },
    /// A data file parses but is inconsistent, e.g. two förbund share an alias.
    #[error("{file}: {message}")]
    Invalid {
        /// Which data file is inconsistent.
        file: &'static str,
        /// What is wrong, in plain words.
        message: String,
    },
    /// A user's correction file is not valid (unknown field, wrong type).
    #[error("rättelsen kunde inte läsas: {0}")]
    Override(String),
}

/// Result of loading labelling data.
pub type Result<T> = std::result::Result<T, MetadataError>;

/// Parses one data file, naming it in the error.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T> {
    toml::from_str(text).map_err(|source| MetadataError::Parse { file, source })
}

/// An [`MetadataError::Invalid`] for `file`.
pub(crate) fn invalid(file: &'static str, message: impl Into<String>) -> MetadataError {
    MetadataError::Invalid {
        file,
        message: message.into(),
    }
}
