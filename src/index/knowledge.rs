//! The corpus stage's [`Knowledge`] stored beside the index, in
//! [`KNOWLEDGE_FILE`]: written whole (to a temporary file, then renamed) at
//! the end of an ingest run, read by search.

use super::Result;
use crate::corpus::Knowledge;
use std::path::Path;

/// Name of the knowledge file in the index folder.
pub const KNOWLEDGE_FILE: &str = "corpus.json";

/// Writes `knowledge` into the index folder `dir`, replacing the old file at once.
pub fn save(dir: &Path, knowledge: &Knowledge) -> Result<()> {
    let temporary = dir.join(format!("{KNOWLEDGE_FILE}.tmp"));
    let json = serde_json::to_vec(knowledge).expect("plain structs serialise");
    std::fs::write(&temporary, json)?;
    std::fs::rename(&temporary, dir.join(KNOWLEDGE_FILE))?;
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
