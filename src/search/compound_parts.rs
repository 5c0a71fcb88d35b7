//! A compound the index does not hold is searched as its parts.
//!
//! Sections are indexed with each compound's parts ([`crate::analysis`]), so
//! "bedömning" finds "arbetsförmågebedömning"; the query side keeps a
//! compound whole, so "kartläggningsträffarna" finds only that word, and
//! when no report uses it, nothing — though one says "träffarna" in its
//! "Kartläggning" section. A plain query word that no section holds (in
//! body, heading, title or the words about its document) and that the
//! lexicon splits is searched as all its parts (anywhere in the section). A
//! compound some section holds stays as typed: its parts apart would dilute
//! it ("arbetsträning" is not any "arbete" near "träning").

use super::Result;
use super::query_words;
use super::suggest::single_term;
use crate::index::Fields;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// `query` with every plain, bare compound that no section holds replaced
/// by `(part part …)`.
pub fn expand(
    query: &str,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
) -> Result<String> {
    query_words::rewrite_bare(query, |word| {
        let Some(parts) = crate::analysis::compound_parts(word) else {
            return Ok(None);
        };
        let Some(stem) = single_term(analyzer, word) else {
            return Ok(None);
        };
        Ok((!held(searcher, fields, &stem)?).then(|| format!("({})", parts.join(" "))))
    })
}

/// True when some section holds `stem` in its body, heading, title, the
/// words about its document ("slutrapport" of a file name) or its page furniture.
pub(super) fn held(searcher: &Searcher, fields: &Fields, stem: &str) -> Result<bool> {
    let searched = [
        fields.body,
        fields.heading,
        fields.title,
        fields.about,
        fields.furniture,
    ];
    for field in searched {
        if searcher.doc_freq(&Term::from_field_text(field, stem))? > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::body_index::{assert_left_alone, expanded as expanded_by};

    #[test]
    fn a_compound_no_section_holds_is_searched_as_its_parts() {
        let texts = ["Kartläggning i tre träffar."];
        assert_eq!(
            expanded_by(expand, &texts, "tre kartläggningsträffarna"),
            "tre (kartläggning träffarna)"
        );
    }

    #[test]
    fn compounds_the_index_holds_plain_words_and_syntax_are_left_alone() {
        let texts = ["Arbetsträning och samverkan.", "Arbete och träning."];
        let queries = [
            "arbetsträning",
            "samverkan",
            "\"gruppaktiviteter\"",
            "+gruppaktiviteter",
        ];
        assert_left_alone(expand, &texts, &queries);
    }
}
