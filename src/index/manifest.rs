//! The manifest: which file is which document, committed with the index.
//!
//! It is stored as the payload of every tantivy commit, so the list of
//! indexed files and the index itself can never disagree, even when ingest
//! is killed between two commits.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What ingest last saw of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// File size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub modified_ns: u128,
    /// The document holding this file's content, when it was indexed.
    pub doc_id: Option<String>,
    /// Why the file could not be indexed, when it failed.
    pub error: Option<String>,
    /// Fingerprint of the user's correction of its labels, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
}

/// Every known file by its path relative to the corpus.
pub type Manifest = BTreeMap<String, FileState>;

/// Serialises a manifest for a commit payload.
pub fn to_payload(manifest: &Manifest) -> String {
    serde_json::to_string(manifest).expect("a map of plain structs serialises")
}

/// Reads a commit payload; an index from before manifests has none (empty).
pub fn from_payload(payload: Option<&str>) -> Manifest {
    payload
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_and_missing_payload_is_empty() {
        let mut manifest = Manifest::new();
        let state = FileState {
            size: 3,
            modified_ns: 7,
            doc_id: Some("ab".into()),
            error: None,
            correction: None,
        };
        manifest.insert("a/b.pdf".into(), state);
        assert_eq!(from_payload(Some(&to_payload(&manifest))), manifest);
        assert!(from_payload(None).is_empty());
        assert!(from_payload(Some("not json")).is_empty());
    }
}
