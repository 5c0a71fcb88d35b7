//! A bounded memo of what the analysers work out per word.
//!
//! Text repeats its words: most tokens an index sees have been seen before.
//! Working out a word's compound parts or dictionary form tries every cut and
//! every inflection ending against the lexicon, so each answer is kept, up to
//! [`MAX_CACHED`] words, so that a long-running server cannot grow without
//! bound.

use std::collections::HashMap;
use std::sync::RwLock;

/// Memoised words at most.
const MAX_CACHED: usize = 500_000;

/// Remembered answers per word.
#[derive(Debug, Default)]
pub struct Memo<V> {
    answers: RwLock<HashMap<String, V>>,
}

impl<V: Clone> Memo<V> {
    /// The answer for `word`: remembered, or `compute`d and remembered.
    pub fn get(&self, word: &str, compute: impl FnOnce(&str) -> V) -> V {
        if let Some(known) = self.answers.read().ok().and_then(|a| a.get(word).cloned()) {
            return known;
        }
        let answer = compute(word);
        if let Ok(mut answers) = self.answers.write()
            && answers.len() < MAX_CACHED
        {
            answers.insert(word.to_string(), answer.clone());
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_worked_out_once() {
        let memo: Memo<usize> = Memo::default();
        let calls = std::cell::Cell::new(0);
        let length = |w: &str| {
            calls.set(calls.get() + 1);
            w.len()
        };
        assert_eq!(memo.get("projekt", length), 7);
        assert_eq!(memo.get("projekt", length), 7);
        assert_eq!(calls.get(), 1);
    }
}
