//! The corpus knowledge an index was stored with, loaded once and again
//! whenever a later ingest writes a new one (the search service sees new
//! ingests without a restart).

use crate::corpus::Knowledge;
use crate::index::knowledge;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

/// The knowledge of one index folder, reloaded when its file changes.
pub struct KnowledgeCache {
    dir: PathBuf,
    current: RwLock<(Option<SystemTime>, Arc<Loaded>)>,
}

/// Loaded knowledge and what search derives from it once.
#[derive(Default)]
pub struct Loaded {
    /// The knowledge.
    pub knowledge: Knowledge,
    /// Ids of near-duplicate copies (left out of search: their originals stand for them).
    pub copies: Vec<String>,
}

impl KnowledgeCache {
    /// The cache of the index in `dir` (nothing is read until asked).
    pub fn new(dir: PathBuf) -> KnowledgeCache {
        KnowledgeCache {
            dir,
            current: RwLock::new((None, Arc::new(Loaded::default()))),
        }
    }

    /// When the knowledge file was last written (`None` when there is none).
    pub fn stamp(&self) -> Option<SystemTime> {
        knowledge::stamp(&self.dir)
    }

    /// The knowledge as last written (empty when there is none).
    pub fn get(&self) -> Arc<Loaded> {
        let stamp = knowledge::stamp(&self.dir);
        {
            let current = self.current.read().expect("knowledge lock");
            if current.0 == stamp {
                return current.1.clone();
            }
        }
        let knowledge = knowledge::load(&self.dir).unwrap_or_default();
        let copies = knowledge
            .documents
            .iter()
            .filter(|(id, facts)| facts.original != **id)
            .map(|(id, _)| id.clone())
            .collect();
        let loaded = Arc::new(Loaded { knowledge, copies });
        *self.current.write().expect("knowledge lock") = (stamp, loaded.clone());
        loaded
    }
}
