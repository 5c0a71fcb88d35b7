//! Question phrasing: the words of a question that are not its topic.
//!
//! A practitioner asks "hur ska SAM-projektet utvärderas"; the answer says
//! "utvärderas utifrån Samordningsförbundets 9-fältsmodell" and never "ska".
//! Required, such a word keeps the answer out of the sections that have all
//! the words and lets sections win that merely repeat it. The entries of
//! `data/question_phrasing.toml` (auxiliaries, light verbs, degree words
//! after "hur") are grammar, not topics; [`Phrasing::strip`] takes them out
//! of the words a query requires.

use super::query_words;
use serde::Deserialize;
use std::sync::LazyLock;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};
use tantivy::tokenizer::TextAnalyzer;

/// The built-in phrasing words.
const PHRASING_TOML: &str = include_str!("../../data/question_phrasing.toml");

/// Weight of the phrasing words, each optional, in a section's body.
const PHRASING_BOOST: f32 = 0.5;

/// `query`, ranked a little higher for sections whose body also has the
/// stripped phrasing words (`phrasing`, parsed as any-word): "hur gjordes
/// förstudien" still prefers the förstudie section that says "gjordes".
pub fn boost(query: Box<dyn Query>, phrasing: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (
            Occur::Should,
            Box::new(BoostQuery::new(phrasing, PHRASING_BOOST)),
        ),
    ]))
}

/// One group of phrasing words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhrasingGroup {
    /// Lower-case words, or phrases of neighbouring words.
    pub words: Vec<String>,
    /// Why they phrase a question rather than name its topic.
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhrasingFile {
    question_words: Vec<String>,
    phrasing: Vec<PhrasingGroup>,
}

/// The phrasing words, ready to strip queries.
pub struct Phrasing {
    question_words: Vec<String>,
    groups: Vec<PhrasingGroup>,
    /// Every entry split into words, longest first.
    phrases: Vec<Vec<String>>,
}

impl Phrasing {
    /// The built-in phrasing words, parsed once.
    pub fn builtin() -> &'static Phrasing {
        static BUILTIN: LazyLock<Phrasing> = LazyLock::new(|| {
            Phrasing::from_toml(PHRASING_TOML)
                .expect("data/question_phrasing.toml is valid (pinned by tests)")
        });
        &BUILTIN
    }

    /// Parses a phrasing file.
    pub fn from_toml(text: &str) -> Result<Phrasing, toml::de::Error> {
        let file: PhrasingFile = toml::from_str(text)?;
        let mut phrases: Vec<Vec<String>> = file
            .phrasing
            .iter()
            .flat_map(|group| &group.words)
            .map(|entry| entry.split_whitespace().map(str::to_string).collect())
            .collect();
        phrases.sort_by_key(|phrase: &Vec<String>| std::cmp::Reverse(phrase.len()));
        Ok(Phrasing {
            question_words: file.question_words,
            groups: file.phrasing,
            phrases,
        })
    }

    /// The groups, in file order.
    pub fn groups(&self) -> &[PhrasingGroup] {
        &self.groups
    }

    /// True when `query` is a question: its first word is a question word
    /// ("hur", "vad", "vilka" …).
    pub fn is_question(&self, query: &str) -> bool {
        let first = query.split_whitespace().next().unwrap_or_default();
        self.question_words.contains(&first.to_lowercase())
    }

    /// `asked` without its question phrasing, and the phrasing words,
    /// unless nothing searchable would be left. Phrasing made only of stop
    /// words ("hur mycket") is dropped: it has nothing to rank by, and a
    /// query of stop words alone cannot be parsed.
    pub fn topic(&self, asked: &str, analyzer: &mut TextAnalyzer) -> (String, String) {
        let (rest, phrasing) = self.strip(asked);
        if !analyzer.token_stream(&rest).advance() {
            return (asked.to_string(), String::new());
        }
        if analyzer.token_stream(&phrasing).advance() {
            (rest, phrasing)
        } else {
            (rest, String::new())
        }
    }

    /// `query` without its phrasing words, and those words: plain, bare
    /// words only (a `"phrase"`, `+word` or `field:value` is the user's
    /// syntax and kept).
    pub fn strip(&self, query: &str) -> (String, String) {
        let words: Vec<_> = query_words::words(query)
            .into_iter()
            .filter(|w| w.bare)
            .collect();
        let (mut rest, mut stripped) = (String::with_capacity(query.len()), Vec::new());
        let (mut copied, mut i) = (0, 0);
        while i < words.len() {
            let Some(len) = self.phrase_at(&words[i..]) else {
                i += 1;
                continue;
            };
            rest.push_str(&query[copied..words[i].span.start]);
            stripped.extend(words[i..i + len].iter().map(|w| w.text));
            copied = words[i + len - 1].span.end;
            i += len;
        }
        rest.push_str(&query[copied..]);
        let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        (rest, stripped.join(" "))
    }

    /// The length of the longest phrase starting the neighbouring `words`.
    fn phrase_at(&self, words: &[query_words::Word]) -> Option<usize> {
        let starts = |phrase: &&Vec<String>| {
            phrase.len() <= words.len()
                && words[..phrase.len()]
                    .windows(2)
                    .all(|pair| pair[0].chunk + 1 == pair[1].chunk)
                && phrase
                    .iter()
                    .zip(words)
                    .all(|(p, w)| w.text.to_lowercase() == *p)
        };
        self.phrases.iter().find(starts).map(Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auxiliaries_light_verbs_and_degree_words_are_stripped() {
        let strip = |query| Phrasing::builtin().strip(query);
        assert_eq!(
            strip("hur ska SAM-projektet utvärderas"),
            ("hur SAM-projektet utvärderas".into(), "ska".into())
        );
        assert_eq!(
            strip("Hur många socialsekreterare slutade"),
            ("socialsekreterare slutade".into(), "Hur många".into())
        );
        assert_eq!(
            strip("vad gör man med deltagare"),
            ("vad man med deltagare".into(), "gör".into())
        );
        assert_eq!(
            strip("varför kommer det så få deltagare från Hässleholm"),
            (
                "varför kommer det deltagare från Hässleholm".into(),
                "så få".into()
            )
        );
    }

    #[test]
    fn syntax_and_topic_words_stay() {
        for kept in [
            "\"ska vara\" +får gå:x",
            "många deltagare",
            "samverkan arbetsförmåga",
        ] {
            assert_eq!(
                Phrasing::builtin().strip(kept),
                (kept.into(), String::new())
            );
        }
    }

    #[test]
    fn a_query_opening_with_a_question_word_is_a_question() {
        let phrasing = Phrasing::builtin();
        assert!(phrasing.is_question("Hur gjordes förstudien"));
        assert!(phrasing.is_question("vilka får inte vara med i Hälsosteget"));
        assert!(!phrasing.is_question("förstudie Karin Lindqvist"));
        assert!(!phrasing.is_question("deltagare hur många"));
        assert!(!phrasing.is_question(""));
    }

    #[test]
    fn every_group_has_lower_case_words_and_a_reason() {
        for group in Phrasing::builtin().groups() {
            assert!(!group.words.is_empty() && !group.reason.is_empty());
            for word in &group.words {
                assert_eq!(word, &word.to_lowercase(), "phrasing words are lower case");
            }
        }
    }
}
