//! The corpus stage's [`Knowledge`] stored beside the index, in
//! [`KNOWLEDGE_FILE`]: written whole (to a temporary file, then renamed) at
//! the end of an ingest run, read by search.

use super::Result;
use crate::corpus::Knowledge;
use std::path::Path;

/// Name of the knowledge file in the index folder.
pub const KNOWLEDGE_FILE: &str = "corpus.json";
/// Name of the file beside it naming the corpus stage that wrote it
/// (written after it, so it never names a stage the knowledge is not of).
pub const STAGE_FILE: &str = "corpus.stage";

/// Writes `knowledge` into the index folder `dir`, replacing the old file at once.
pub fn save(dir: &Path, knowledge: &Knowledge) -> Result<()> {
    let temporary = dir.join(format!("{KNOWLEDGE_FILE}.tmp"));
    let json = serde_json::to_vec(knowledge).expect("plain structs serialise");
    std::fs::write(&temporary, json)?;
    std::fs::rename(&temporary, dir.join(KNOWLEDGE_FILE))?;
    std::fs::write(dir.join(STAGE_FILE), &knowledge.stage)?;
    Ok(())
}

/// The knowledge stored in `dir`, or `None` when there is none (or it is
/// unreadable: search then works without it).
pub fn load(dir: &Path) -> Option<Knowledge> {
    let bytes = std::fs::read(dir.join(KNOWLEDGE_FILE)).ok()?;
    match serde_json::from_slice(&bytes) {
        Ok(knowledge) => Some(knowledge),
        Err(error) => {
            tracing::warn!(%error, "corpus knowledge unreadable; searching without it");
            None
        }
    }
}

/// True when the stored knowledge was related by this binary's corpus
/// stage, read from [`STAGE_FILE`] (a few bytes, not the knowledge).
pub fn is_current(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join(STAGE_FILE))
        .is_ok_and(|stage| stage == crate::corpus::model::STAGE)
}

/// When the knowledge file was last written, to notice a new one.
pub fn stamp(dir: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(dir.join(KNOWLEDGE_FILE))
        .and_then(|m| m.modified())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knowledge_round_trips_and_its_absence_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path()).is_none());
        let mut knowledge = Knowledge::default();
        knowledge.documents.insert("a".into(), Default::default());
        save(dir.path(), &knowledge).unwrap();
        assert_eq!(load(dir.path()), Some(knowledge));
        assert!(stamp(dir.path()).is_some());
    }
}
