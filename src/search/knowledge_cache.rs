//! The corpus knowledge an index was stored with, loaded once and again
//! whenever a later ingest writes a new one (the search service sees new
//! ingests without a restart).

use crate::corpus::Knowledge;
use crate::index::knowledge;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

/// The knowledge of one index folder, reloaded when its file changes.
pub struct KnowledgeCache {
    dir: PathBuf,
    current: RwLock<(Option<SystemTime>, Arc<Loaded>)>,
    /// Held while the file is read: requests arriving meanwhile wait for
    /// that one reading instead of each reading it (at national size the
    /// file is some hundred MB).
    loading: Mutex<()>,
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
            loading: Mutex::new(()),
        }
    }

    /// When the knowledge file was last written (`None` when there is none).
    pub fn stamp(&self) -> Option<SystemTime> {
        knowledge::stamp(&self.dir)
    }

    /// The knowledge as last written (empty when there is none).
    pub fn get(&self) -> Arc<Loaded> {
        if let Some(loaded) = self.current() {
            return loaded;
        }
        let _loading = self.loading.lock().expect("knowledge loading lock");
        if let Some(loaded) = self.current() {
            return loaded;
        }
        let stamp = knowledge::stamp(&self.dir);
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

    /// The knowledge loaded, when it is that of the file as it is now.
    fn current(&self) -> Option<Arc<Loaded>> {
        let stamp = knowledge::stamp(&self.dir);
        let current = self.current.read().expect("knowledge lock");
        (current.0 == stamp).then(|| current.1.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Knowledge;

    #[test]
    fn requests_arriving_together_share_one_reading() {
        let dir = tempfile::tempdir().unwrap();
        let mut large = Knowledge::default();
        for i in 0..20_000 {
            let facts = crate::corpus::DocumentFacts::default();
            large.documents.insert(format!("dokument-{i}"), facts);
        }
        knowledge::save(dir.path(), &large).unwrap();
        let cache = KnowledgeCache::new(dir.path().to_path_buf());
        let start = std::sync::Barrier::new(4);
        let loaded: Vec<Arc<Loaded>> = std::thread::scope(|scope| {
            let read = || {
                start.wait();
                cache.get()
            };
            let readers: Vec<_> = (0..4).map(|_| scope.spawn(read)).collect();
            readers.into_iter().map(|r| r.join().unwrap()).collect()
        });
        assert!(loaded.windows(2).all(|w| Arc::ptr_eq(&w[0], &w[1])));
    }
}
