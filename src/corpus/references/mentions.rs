//! Reports named in running text as a source, outside any reference list:
//! a title in quotes after a report type ("I den ursprungliga ansökan
//! "Överenskommelse om …""), or a report type with its year or attachment
//! after a word that points at a source ("Ur årsrapporten för 2016",
//! "Av verksamhetsplan 2017", "i enlighet med projektbeskrivningen (se bil 2)").
//! Only these narrow forms are read: a report type alone in a sentence is
//! as often the report itself ("en slutrapport lämnas 2024").

use crate::corpus::data::{DATA, REPORT_TYPES};
use crate::word_regex::WordRegex;
use std::sync::LazyLock;

/// The one-word cues naming a report type, as a regex alternation (each may
/// carry an inflection: "årsrapporten").
fn type_words() -> String {
    let mut words: Vec<String> = REPORT_TYPES
        .iter()
        .flat_map(|t| t.cues.iter())
        .filter(|c| c.weight >= DATA.references.min_type_weight && !c.phrase.contains(' '))
        .map(|c| regex::escape(&c.phrase))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

/// A report type and a title in quotes.
static QUOTED_TITLE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::bounded(&format!(
        r#"(?i)\b(?:{})\p{{L}}*\s+(?:om\s+)?["“”«„][^"“”«»„\n]{{10,200}}["“”»]"#,
        type_words()
    ))
    .expect("valid pattern")
});

/// A source word, a report type and its year or attachment.
static SOURCE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::bounded(&format!(
        r"(?i)\b(?:ur|av|enligt|i\s+enlighet\s+med|se|från)\s+(?:den\s+|det\s+)?(?:{})\p{{L}}*\s*(?:(?:för\s+)?(?:år\s+)?(?:19|20)\d{{2}}\b|\((?:se\s+)?(?:bil|bilaga)\.?\s*\d+\))",
        type_words()
    ))
    .expect("valid pattern")
});

/// The reports `text` names as sources in running text, as written.
pub fn mentions(text: &str) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut found: Vec<(usize, String)> = QUOTED_TITLE
        .find_iter(&flat)
        .chain(SOURCE.find_iter(&flat))
        .map(|m| (m.start(), m.as_str().to_string()))
        .collect();
    found.sort();
    found.into_iter().map(|(_, m)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_titles_after_a_report_type_are_mentions() {
        assert_eq!(
            mentions(
                "I den ursprungliga ansökan \"Överenskommelse om Plattform för långsiktig \
                 samverkan i Uppsala kommun\" beskrevs målen."
            ),
            ["ansökan \"Överenskommelse om Plattform för långsiktig samverkan i Uppsala kommun\""]
        );
    }

    #[test]
    fn a_report_type_with_its_year_after_a_source_word_is_a_mention() {
        assert_eq!(
            mentions(
                "Ur årsrapporten för 2016: 40 deltagare. Av verksamhetsplan 2017 som fastställdes."
            ),
            ["Ur årsrapporten för 2016", "Av verksamhetsplan 2017"]
        );
        assert_eq!(
            mentions("Dokumentation sker i enlighet med projektbeskrivningen (se bil 2)."),
            ["i enlighet med projektbeskrivningen (se bil 2)"]
        );
    }

    #[test]
    fn a_report_type_alone_is_no_mention() {
        assert!(mentions("En slutrapport lämnas 2024 och en delrapport efter ett år.").is_empty());
        assert!(mentions("Enligt planen startar insatsen 2024.").is_empty());
    }
}
