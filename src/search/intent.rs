//! Questions whose answer is a kind of section.
//!
//! "vad fungerade bra i samverkan" asks for framgångsfaktorer, in words the
//! answer rarely repeats. The cue phrases of `data/query_intents.toml` say
//! which section kind a question asks for; [`Intents::read`] takes the cue
//! out of the words every hit must contain, and [`Intent::boost`] ranks
//! sections of that kind higher, and passages using the words such sections
//! use ("framgångsfaktorer") a little higher: a flattened report whose
//! headings were lost has no section kinds to go by.

use crate::index::Fields;
use serde::Deserialize;
use std::sync::LazyLock;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

/// The built-in cues.
const INTENTS_TOML: &str = include_str!("../../data/query_intents.toml");

/// Score added to a section of the asked-for kind.
const KIND_SCORE: f32 = 3.0;
/// Weight of the kind's answer words in a passage, relative to the query's own words.
const ANSWER_WORDS_BOOST: f32 = 0.5;

/// One section kind and the phrases that ask for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntentRule {
    /// The section kind, as in `data/section_kinds.toml`.
    pub kind: String,
    /// Lower-case phrases, matched as whole words.
    pub cues: Vec<String>,
    /// Words that sections of this kind use, ranking passages that have them higher.
    pub answer_words: Vec<String>,
    /// Why these phrases ask for this kind.
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntentsFile {
    intent: Vec<IntentRule>,
}

/// The cue phrases, ready to read queries.
pub struct Intents {
    rules: Vec<IntentRule>,
}

/// What a query asks for: a section kind, and the query without the cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    /// The section kind asked for.
    pub kind: String,
    /// The query without the cue phrase: what is searched for.
    pub rest: String,
    /// Words that sections of the kind use (see [`IntentRule::answer_words`]).
    pub answer_words: String,
}

impl Intents {
    /// The built-in cues, parsed once.
    pub fn builtin() -> &'static Intents {
        static BUILTIN: LazyLock<Intents> = LazyLock::new(|| {
            Intents::from_toml(INTENTS_TOML)
                .expect("data/query_intents.toml is valid (pinned by tests)")
        });
        &BUILTIN
    }

    /// Parses a cue file.
    pub fn from_toml(text: &str) -> Result<Intents, toml::de::Error> {
        let file: IntentsFile = toml::from_str(text)?;
        Ok(Intents { rules: file.intent })
    }

    /// The rules, in file order.
    pub fn rules(&self) -> &[IntentRule] {
        &self.rules
    }

    /// The first cue phrase found in `query` (a plain question; queries with
    /// syntax are left alone), unless nothing but the cue would be left.
    pub fn read(&self, query: &str) -> Option<Intent> {
        if query.contains(['"', ':', '(', '[', '+']) {
            return None;
        }
        let words: Vec<&str> = query.split_whitespace().collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.rules.iter().find_map(|rule| {
            rule.cues.iter().find_map(|cue| {
                let cue_words: Vec<&str> = cue.split_whitespace().collect();
                let start = lower
                    .windows(cue_words.len())
                    .position(|window| window.iter().zip(&cue_words).all(|(a, b)| a == b))?;
                let end = start + cue_words.len();
                let rest = [&words[..start], &words[end..]].concat().join(" ");
                (!rest.trim().is_empty()).then(|| Intent {
                    kind: rule.kind.clone(),
                    rest,
                    answer_words: rule.answer_words.join(" "),
                })
            })
        })
    }
}

impl Intent {
    /// `query` (the rest, parsed) ranked higher for sections of the asked-for
    /// kind and for passages matching `answer_words` (the kind's answer
    /// words, parsed as any-word).
    pub fn boost(
        &self,
        query: Box<dyn Query>,
        answer_words: Box<dyn Query>,
        fields: &Fields,
    ) -> Box<dyn Query> {
        let kind = TermQuery::new(
            Term::from_field_text(fields.section_kind, &self.kind),
            IndexRecordOption::Basic,
        );
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(kind), KIND_SCORE)),
            ),
            (
                Occur::Should,
                Box::new(BoostQuery::new(answer_words, ANSWER_WORDS_BOOST)),
            ),
        ]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_is_taken_out_of_the_required_words() {
        let intent = Intents::builtin()
            .read("Vad fungerade bra i samverkan")
            .unwrap();
        assert_eq!(intent.kind, "framgångsfaktorer");
        assert_eq!(intent.rest, "Vad i samverkan");
        let hinder = Intents::builtin()
            .read("problem med vårdcentralernas deltagande")
            .unwrap();
        assert_eq!(
            (hinder.kind.as_str(), hinder.rest.as_str()),
            ("hinder", "vårdcentralernas deltagande")
        );
        assert_eq!(
            Intents::builtin().read("varför kommer deltagarna inte"),
            None
        );
    }

    #[test]
    fn no_cue_only_cue_or_syntax_leaves_the_query_alone() {
        let intents = Intents::builtin();
        assert_eq!(intents.read("nollplacerade samverkan"), None);
        assert_eq!(intents.read("fungerade bra"), None);
        assert_eq!(intents.read("\"fungerade bra\" samverkan"), None);
        assert_eq!(intents.read("brabra fungerade samverkan"), None);
    }

    #[test]
    fn every_rule_has_cues_a_reason_and_a_known_section_kind() {
        const KINDS: &str = include_str!("../../data/section_kinds.toml");
        for rule in Intents::builtin().rules() {
            assert!(
                !rule.cues.is_empty() && !rule.answer_words.is_empty() && !rule.reason.is_empty(),
                "{}",
                rule.kind
            );
            assert!(
                KINDS.contains(&format!("name = \"{}\"", rule.kind)),
                "{} is not a section kind",
                rule.kind
            );
            for cue in &rule.cues {
                assert_eq!(cue, &cue.to_lowercase(), "cues are lower case");
            }
        }
    }
}
