//! The manifest: which file is which document, committed with the index.
//!
//! It is stored as the payload of every tantivy commit, so the list of
//! indexed files and the index itself can never disagree, even when ingest
//! is killed between two commits. Beside it the payload names the
//! [`PIPELINE`] that read the files: an index read by another one is
//! rebuilt rather than trusted.

use crate::analysis::Profile;
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
    /// Pages without a usable text layer that OCR did not read (Tesseract
    /// was missing): a later run with OCR reads the file again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs_ocr: Vec<u32>,
}

/// Every known file by its path relative to the corpus.
pub type Manifest = BTreeMap<String, FileState>;

/// Fingerprint of the code and data that decide what an index holds
/// (extraction, sections, metadata, analysis, schema), made by `build.rs`.
pub const PIPELINE: &str = env!("FINSAM_PIPELINE");

/// What a commit stores beside the index.
#[derive(Serialize, Deserialize)]
struct Payload {
    pipeline: String,
    files: Manifest,
}

/// Serialises a manifest for a commit payload, naming this binary's
/// [`PIPELINE`] and the profile the text was analysed under.
pub fn to_payload(manifest: &Manifest, profile: Profile) -> String {
    let payload = Payload {
        pipeline: pipeline(profile),
        files: manifest.clone(),
    };
    serde_json::to_string(&payload).expect("plain structs serialise")
}

/// The manifest of a commit payload written by this [`PIPELINE`] under
/// `profile`; `None` for one written by another pipeline or profile, or none.
pub fn from_payload(payload: Option<&str>, profile: Profile) -> Option<Manifest> {
    let payload: Payload = serde_json::from_str(payload?).ok()?;
    (payload.pipeline == pipeline(profile)).then_some(payload.files)
}

fn pipeline(profile: Profile) -> String {
    format!("{PIPELINE} {profile:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_and_another_pipelines_or_none_is_not_read() {
        let mut manifest = Manifest::new();
        let state = FileState {
            size: 3,
            modified_ns: 7,
            doc_id: Some("ab".into()),
            error: None,
            correction: None,
            needs_ocr: Vec::new(),
        };
        manifest.insert("a/b.pdf".into(), state);
        let payload = to_payload(&manifest, Profile::Full);
        assert_eq!(from_payload(Some(&payload), Profile::Full), Some(manifest));
        assert_eq!(from_payload(Some(&payload), Profile::StemmingOnly), None);
        let other = payload.replace(PIPELINE, "another pipeline");
        assert_eq!(from_payload(Some(&other), Profile::Full), None);
        assert_eq!(from_payload(None, Profile::Full), None);
        assert_eq!(from_payload(Some("not json"), Profile::Full), None);
    }
}
