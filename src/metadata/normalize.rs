//! Text normalisation shared by all matchers.
//!
//! Cue phrases, names and document text are compared in one normal form:
//! lower-cased (keeping å, ä, ö — no ASCII folding), with every run of
//! punctuation or whitespace turned into a single space. "Burlöv-Staffanstorp",
//! "Burlöv – Staffanstorp" and "burlöv staffanstorp" then look the same, and
//! an e-mail domain "x@finsamgavleborg.se" contains the words "finsamgavleborg se".

use aho_corasick::{AhoCorasick, MatchKind};

/// Lower-cases `text` and collapses non-alphanumeric runs into single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// Phrases found at word starts, longest first: the matcher every cue list
/// uses (förbund names, report types, målgrupper, organisations, section
/// kinds).
///
/// It matches what the regex `\b(?:longest|…|shortest)` would, each phrase
/// with its own ending (any suffix may follow, or a word must end), but
/// with Aho-Corasick over all phrases at once instead of a regex engine:
/// Unicode word boundaries over Swedish letters keep the regex crate off its
/// fast engines, and these lists are large (every kommun, every förbund).
/// One matcher may hold several lists (every report type's cues), each
/// matched on its own but all in one pass over the text ([`Self::find_each`]).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    automaton: Option<AhoCorasick>,
    /// Per pattern: its list, and true when it must end at a word end.
    patterns: Vec<(usize, bool)>,
    /// How many lists it holds.
    lists: usize,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> PhraseMatch<'h> {
    /// Byte offset of its start.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Its byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The text matched.
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

impl PhraseMatcher {
    /// A matcher of `phrases`, each with whether it must end a word.
    pub fn new(phrases: &[(String, bool)]) -> Result<PhraseMatcher, aho_corasick::BuildError> {
        PhraseMatcher::of_lists(&[phrases.to_vec()])
    }

    /// A matcher of several lists of phrases, each phrase with whether it
    /// must end a word.
    pub fn of_lists(
        lists: &[Vec<(String, bool)>],
    ) -> Result<PhraseMatcher, aho_corasick::BuildError> {
        let mut kept: Vec<(&str, usize, bool)> = lists
            .iter()
            .enumerate()
            .flat_map(|(list, phrases)| phrases.iter().map(move |(p, w)| (p.as_str(), list, *w)))
            .filter(|(p, _, _)| !p.is_empty())
            .collect();
        kept.sort_unstable();
        kept.dedup();
        let automaton = match kept.is_empty() {
            true => None,
            false => Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(kept.iter().map(|(p, _, _)| p))?,
            ),
        };
        Ok(PhraseMatcher {
            automaton,
            patterns: kept.iter().map(|&(_, list, whole)| (list, whole)).collect(),
            lists: lists.len(),
        })
    }

    /// The non-overlapping matches in `text` of the first (or only) list,
    /// left to right; at each start the longest phrase whose ending fits.
    pub fn find_iter<'h>(&self, text: &'h str) -> impl Iterator<Item = PhraseMatch<'h>> + 'h {
        self.find_each(text).swap_remove(0).into_iter()
    }

    /// The matches of each list in `text`, as [`Self::find_iter`] gives a
    /// list's, from one pass over the text.
    pub fn find_each<'h>(&self, text: &'h str) -> Vec<Vec<PhraseMatch<'h>>> {
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for m in self
            .automaton
            .iter()
            .flat_map(|a| a.find_overlapping_iter(text))
        {
            let (list, whole) = self.patterns[m.pattern().as_usize()];
            if (!whole || ends_word(text, m.end())) && starts_word(text, m.start()) {
                hits.push((list, m.start(), m.end()));
            }
        }
        hits.sort_unstable();
        let mut each = vec![Vec::new(); self.lists.max(1)];
        let mut after = vec![0; self.lists.max(1)];
        for (i, &(list, start, end)) in hits.iter().enumerate() {
            let longest = hits.get(i + 1).is_none_or(|h| (h.0, h.1) != (list, start));
            if longest && start >= after[list] {
                after[list] = end;
                each[list].push(PhraseMatch {
                    haystack: text,
                    start,
                    end,
                });
            }
        }
        each
    }

    /// The leftmost match in `text`.
    pub fn find<'h>(&self, text: &'h str) -> Option<PhraseMatch<'h>> {
        self.find_iter(text).next()
    }

    /// True when `text` holds a phrase.
    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }
}

/// True when a word starts at `at`: an alphanumeric character not preceded by one.
fn starts_word(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let here = text[at..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && here.is_some_and(char::is_alphanumeric)
}

/// True when a word ends at `at`: no alphanumeric character follows.
fn ends_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A matcher of `phrases` (already normalised) at word starts, each with its
/// own ending: `true` lets any suffix follow ("bakgrund" finds "bakgrunden"),
/// `false` requires a word end ("ekonomi" misses "ekonomiskt").
pub fn mixed_matcher(
    phrases: &[(String, bool)],
) -> Result<PhraseMatcher, aho_corasick::BuildError> {
    let phrases: Vec<(String, bool)> = phrases
        .iter()
        .map(|(p, suffix)| (p.clone(), !suffix))
        .collect();
    PhraseMatcher::new(&phrases)
}

/// A matcher of `phrases` (already normalised) at word starts, longest
/// first; with `whole_words` a match must also end a word, otherwise any
/// inflection suffix may follow.
pub fn phrase_matcher<'a>(
    phrases: impl IntoIterator<Item = &'a str>,
    whole_words: bool,
) -> Result<PhraseMatcher, aho_corasick::BuildError> {
    let phrases: Vec<(String, bool)> = phrases
        .into_iter()
        .map(|p| (p.to_string(), whole_words))
        .collect();
    PhraseMatcher::new(&phrases)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_swedish_letters_and_collapses_punctuation() {
        assert_eq!(
            normalize("Burlöv–Staffanstorp, ÅR 2018!"),
            "burlöv staffanstorp år 2018"
        );
        assert_eq!(normalize("  **Projekt SAM-** "), "projekt sam");
        assert_eq!(
            normalize("kontakt@finsamgavleborg.se"),
            "kontakt finsamgavleborg se"
        );
    }

    #[test]
    fn phrase_matcher_prefers_longest_and_respects_word_starts() {
        let re =
            phrase_matcher(["försörjningsstöd", "långvarigt försörjningsstöd"], false).unwrap();
        let found: Vec<&str> = re
            .find_iter("långvarigt försörjningsstöd och försörjningsstödet")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["långvarigt försörjningsstöd", "försörjningsstöd"]);
        assert!(!re.is_match("ekonomiförsörjningsstöd"));
    }

    #[test]
    fn whole_word_phrase_matcher_rejects_suffixes() {
        let re = phrase_matcher(["finsam lund"], true).unwrap();
        assert!(re.is_match("inom finsam lund i år"));
        assert!(!re.is_match("finsam lundby"));
    }

    #[test]
    fn a_shorter_phrase_wins_where_the_longer_one_runs_into_a_word() {
        let phrases = [
            ("ekonomi".to_string(), true),
            ("ekonomiskt bistånd".to_string(), true),
        ];
        let re = PhraseMatcher::new(&phrases).unwrap();
        let found: Vec<&str> = re
            .find_iter("ekonomiskt biståndet och ekonomi")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(
            found,
            ["ekonomi"],
            "neither phrase ends a word in 'ekonomiskt biståndet'"
        );
        let mixed =
            PhraseMatcher::new(&[("bakgrund".to_string(), false), ("mål".to_string(), true)])
                .unwrap();
        let found: Vec<&str> = mixed
            .find_iter("bakgrunden målen mål")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["bakgrund", "mål"]);
        assert!(!PhraseMatcher::new(&[]).unwrap().is_match("allt"));
    }

    #[test]
    fn each_list_is_matched_on_its_own_in_one_pass() {
        let list = |phrases: &[(&str, bool)]| -> Vec<(String, bool)> {
            phrases.iter().map(|(p, w)| (p.to_string(), *w)).collect()
        };
        let lists = [
            list(&[("ekonomi", true), ("ekonomiskt bistånd", true)]),
            list(&[("bakgrund", false), ("mål", true), ("ekonomi", false)]),
            list(&[]),
        ];
        let text = "ekonomiskt biståndet och ekonomi, bakgrunden målen mål";
        let each = PhraseMatcher::of_lists(&lists).unwrap().find_each(text);
        assert_eq!(each.len(), 3);
        for (list, found) in lists.iter().zip(each) {
            let alone: Vec<&str> = PhraseMatcher::new(list)
                .unwrap()
                .find_iter(text)
                .map(|m| m.as_str())
                .collect();
            let found: Vec<&str> = found.iter().map(|m| m.as_str()).collect();
            assert_eq!(found, alone);
        }
    }
}
