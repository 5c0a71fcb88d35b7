//! Swedish action nouns also find their verbs: "tolkningen" finds "tolka".
//!
//! Swedish makes a noun of nearly every verb with -ning or -ing (tolka →
//! tolkning, bedöma → bedömning, samordna → samordning, placera →
//! placering), and reports say the same thing either way: "tolkningen av
//! läkarintyg", "svårt att tolka läkarintyg". Snowball leaves the two on
//! different stems (tolkning, tolk). A plain query word whose stem ends in
//! -ning or -ing is searched as itself or the verb, when the verb's stem
//! (the noun's stem without the ending, at least [`MIN_VERB_STEM`] letters)
//! is a word of the index; the noun as typed weighs more. Short remainders
//! are left alone: "tidning" is not about "tid", nor "ledning" about "led".

use super::Result;
use super::query_words;
use super::suggest::{single_term, written_form};
use crate::index::Fields;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Endings of action nouns, longest first ("tolk|ning", "samordn|ing").
const ENDINGS: [&str; 2] = ["ning", "ing"];
/// Shortest verb stem, in characters, taken for a noun's verb.
const MIN_VERB_STEM: usize = 4;
/// Weight of the noun as typed over its verb.
const TYPED_BOOST: u32 = 2;

/// `query` with every plain, bare action noun replaced by `(noun^2 OR verb)`,
/// the verb written as the index's sections write it.
pub fn expand(
    query: &str,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
) -> Result<String> {
    query_words::rewrite_bare(query, |word| {
        let verb = verb_of(searcher, analyzer, fields, word)?;
        Ok(verb.map(|verb| format!("({word}^{TYPED_BOOST} OR {verb})")))
    })
}

/// The verb of the action noun `word`, as written in the index, if any.
fn verb_of(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
    word: &str,
) -> Result<Option<String>> {
    if !word.chars().all(char::is_alphabetic) {
        return Ok(None);
    }
    let Some(stem) = single_term(analyzer, word) else {
        return Ok(None);
    };
    for ending in ENDINGS {
        let Some(verb_stem) = stem.strip_suffix(ending) else {
            continue;
        };
        if verb_stem.chars().count() < MIN_VERB_STEM {
            return Ok(None);
        }
        let term = Term::from_field_text(fields.body, verb_stem);
        if searcher.doc_freq(&term)? > 0 {
            return written_form(searcher, analyzer, fields, verb_stem, verb_stem);
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::body_index::expanded as expanded_by;

    #[test]
    fn an_action_noun_also_finds_its_verb_as_the_index_writes_it() {
        let texts = ["Det var svårt att tolka läkarintygen."];
        assert_eq!(
            expanded_by(expand, &texts, "tolkningen av läkarintyg"),
            "(tolkningen^2 OR tolka) av läkarintyg"
        );
        let texts = ["Förbundet ska samordna insatserna."];
        assert_eq!(
            expanded_by(expand, &texts, "samordning"),
            "(samordning^2 OR samordna)"
        );
    }

    #[test]
    fn nouns_without_their_verb_short_stems_and_syntax_are_left_alone() {
        let texts = ["Tiden räckte inte.", "Ledningen och tidningen."];
        assert_eq!(expanded_by(expand, &texts, "tolkning"), "tolkning");
        assert_eq!(
            expanded_by(expand, &texts, "tidning ledning"),
            "tidning ledning"
        );
        let texts = ["Svårt att tolka."];
        assert_eq!(
            expanded_by(expand, &texts, "\"tolkning\" +tolkning"),
            "\"tolkning\" +tolkning"
        );
    }
}
