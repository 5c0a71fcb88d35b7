//! How common a word is in general Swedish.
//!
//! A term's inverse document frequency says how rare it is in the index. In
//! a small archive, or for the everyday words of a question, that is a poor
//! guide: "sitter" in "vem sitter i referensgruppen" may be as rare among a
//! few hundred sections as "referensgruppen", yet it says nothing about the
//! topic. General-language frequency does: a word a Swedish reader meets
//! every day ("sitter", "händer", "vanliga", "sista") weighs less than one
//! that names the matter ("referensgrupp", "dragningarna").
//!
//! The frequencies are `data/word_frequency/sv.tsv`, derived from wordfreq by
//! `data/word_frequency/build_frequency.py`. The file is CC BY-SA 4.0 (see
//! `LICENSE-wordfreq.txt` there), so it is read at startup rather than
//! compiled in. Each word is analysed as a query word is, and the
//! frequencies of the words that become the same term add up: a term is as
//! common as its family ("sitter", "satt", "sitta").

use std::collections::HashMap;
use tantivy::tokenizer::TextAnalyzer;

/// Environment variable naming another frequency file.
pub const FREQUENCY_ENV: &str = "FINSAM_WORD_FREQUENCY";

/// Where the frequency file lives relative to the working directory (and the crate).
const FREQUENCY_PATH: &str = "data/word_frequency/sv.tsv";

/// Zipf frequency (log10 of occurrences per billion words) up to which a
/// term weighs fully: words met about once in 30,000 or more rarely.
pub const COMMON_FROM: f32 = 4.5;
/// Zipf frequency from which a term weighs [`COMMON_WEIGHT`]: words met
/// about once in 300 or more often.
pub const COMMON_AT: f32 = 6.5;
/// The weight of the commonest terms; between [`COMMON_FROM`] and
/// [`COMMON_AT`] the weight falls linearly from 1.
pub const COMMON_WEIGHT: f32 = 0.3;

/// General-language frequency by analysed term.
#[derive(Debug, Default)]
pub struct Commonness {
    /// Occurrences per billion words of each term's family.
    per_billion: HashMap<String, f64>,
}

impl Commonness {
    /// Reads the frequency file from `$FINSAM_WORD_FREQUENCY`, else
    /// `data/word_frequency/` under the working directory, else under the
    /// source tree, analysing each word with `analyzer`.
    pub fn load(analyzer: TextAnalyzer) -> std::io::Result<Commonness> {
        let path = super::data_file::locate(FREQUENCY_PATH, FREQUENCY_ENV);
        Ok(Commonness::parse(&std::fs::read_to_string(path)?, analyzer))
    }

    /// Parses `word<TAB>zipf` lines, adding up the frequencies of words that
    /// `analyzer` makes the same term; comments and malformed lines are ignored.
    pub fn parse(text: &str, mut analyzer: TextAnalyzer) -> Commonness {
        let mut per_billion = HashMap::new();
        for line in text.lines().filter(|line| !line.starts_with('#')) {
            let Some((word, zipf)) = line.split_once('\t') else {
                continue;
            };
            let Ok(zipf) = zipf.trim().parse::<f64>() else {
                continue;
            };
            let mut stream = analyzer.token_stream(word);
            if let Some(token) = stream.next() {
                *per_billion.entry(token.text.clone()).or_insert(0.0) += 10f64.powf(zipf);
            }
        }
        Commonness { per_billion }
    }

    /// The Zipf frequency of `term`'s family, `None` when it is rare (not listed).
    pub fn zipf(&self, term: &str) -> Option<f32> {
        let per_billion = self.per_billion.get(term)?;
        Some(per_billion.log10() as f32)
    }

    /// How much `term` weighs for being rare in general language: 1 for a
    /// rare term, falling to [`COMMON_WEIGHT`] for the commonest.
    pub fn weight(&self, term: &str) -> f32 {
        let Some(zipf) = self.zipf(term) else {
            return 1.0;
        };
        let commonness = ((zipf - COMMON_FROM) / (COMMON_AT - COMMON_FROM)).clamp(0.0, 1.0);
        1.0 - (1.0 - COMMON_WEIGHT) * commonness
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Profile, index_analyzer};

    fn commonness(text: &str) -> Commonness {
        Commonness::parse(text, index_analyzer(Profile::StemmingOnly))
    }

    fn term(word: &str) -> String {
        crate::analysis::terms(index_analyzer(Profile::StemmingOnly), word).remove(0)
    }

    #[test]
    fn a_words_family_adds_up_and_unlisted_words_weigh_fully() {
        let table = commonness("# comment\nsitter\t5.5\nsitta\t5.5\nmötet\t4.0\nbroken line\n");
        assert_eq!(term("sitter"), term("sitta"));
        let sitt = table.zipf(&term("sitter")).unwrap();
        assert!(
            (sitt - (2.0 * 10f32.powf(5.5)).log10()).abs() < 1e-3,
            "{sitt}"
        );
        assert_eq!(table.zipf(&term("mötet")), Some(4.0));
        assert_eq!(table.weight(&term("mötet")), 1.0);
        assert_eq!(table.weight(&term("referensgruppen")), 1.0);
        let weight = table.weight(&term("sitter"));
        assert!(weight > COMMON_WEIGHT && weight < 0.6, "{weight}");
    }

    #[test]
    fn the_commonest_words_weigh_the_floor() {
        let table = commonness("händer\t9.0\n");
        assert_eq!(table.weight(&term("händer")), COMMON_WEIGHT);
    }

    #[test]
    fn the_shipped_table_knows_everyday_words_from_topic_words() {
        let analyzer = crate::analysis::query_tokenizers(Profile::Full)
            .get(crate::analysis::SWEDISH)
            .unwrap();
        let table = Commonness::load(analyzer.clone()).expect("data/word_frequency/sv.tsv");
        let weight = |word: &str| table.weight(&crate::analysis::terms(analyzer.clone(), word)[0]);
        for everyday in ["sitter", "händer", "vanliga", "sista", "faller"] {
            assert!(weight(everyday) < 0.8, "{everyday}: {}", weight(everyday));
        }
        for topic in [
            "referensgruppen",
            "dragningarna",
            "nollplacerade",
            "kartläggaren",
        ] {
            assert_eq!(weight(topic), 1.0, "{topic}");
        }
    }
}
