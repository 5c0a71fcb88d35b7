//! Words written with and without a hyphen find each other.
//!
//! Reports write "drop-outs", "SAM-projektet", "RESAN-deltagarna"; people
//! type "dropouts", "SAM-projektet" of a text that says "projektet SAM", or
//! "RESAN-deltagarna" of one that says "deltagarna i RESAN". The analyzer
//! cuts at the hyphen, and the query parser makes the pieces of one typed
//! word a phrase, so the hyphenated form finds only the same pieces side by
//! side. A plain query word of letters joined by hyphens is searched as its
//! pieces anywhere in the section; a word of letters no section holds, which the lexicon does not
//! split, is searched as the phrase of the two pieces the index holds
//! ("dropouts" as "drop outs", which "drop-outs" was indexed as).

use super::Result;
use super::compound_parts::held;
use super::query_words;
use super::suggest::single_term;
use crate::index::Fields;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Shortest piece, in letters, a word without a hyphen is cut into.
const MIN_PIECE: usize = 3;

/// `query` with each plain, bare hyphenated word replaced by `(piece piece …)`
/// and each unknown word the index holds in two pieces by `"piece piece"`.
pub fn expand(
    query: &str,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
) -> Result<String> {
    query_words::rewrite_bare(query, |word| {
        if let Some(pieces) = hyphenated(word) {
            return Ok(Some(format!("({})", pieces.join(" "))));
        }
        Ok(unhyphenated(searcher, analyzer, fields, word)?
            .map(|(left, right)| format!("\"{left} {right}\"")))
    })
}

/// The pieces of a word of letters joined by hyphens ("SAM-projektet").
fn hyphenated(word: &str) -> Option<Vec<&str>> {
    let pieces: Vec<&str> = word.split('-').collect();
    let letters = |piece: &&str| !piece.is_empty() && piece.chars().all(char::is_alphabetic);
    (pieces.len() > 1 && pieces.iter().all(letters)).then_some(pieces)
}

/// The two pieces the index holds of `word` when no section holds the word
/// itself and the lexicon does not split it; of several cuts, the one whose
/// rarer piece is the most common.
fn unhyphenated<'w>(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
    word: &'w str,
) -> Result<Option<(&'w str, &'w str)>> {
    let letters = word.chars().count();
    if letters < 2 * MIN_PIECE
        || !word.chars().all(char::is_alphabetic)
        || crate::analysis::compound_parts(word).is_some()
    {
        return Ok(None);
    }
    match single_term(analyzer, word) {
        Some(stem) if !held(searcher, fields, &stem)? => {}
        _ => return Ok(None),
    }
    let mut best: Option<(u64, (&str, &str))> = None;
    for (cut, _) in word.char_indices().skip(MIN_PIECE) {
        let (left, right) = word.split_at(cut);
        if right.chars().count() < MIN_PIECE {
            break;
        }
        let df = body_freq(searcher, analyzer, fields, left)?
            .min(body_freq(searcher, analyzer, fields, right)?);
        if df > 0 && best.is_none_or(|(most, _)| df > most) {
            best = Some((df, (left, right)));
        }
    }
    Ok(best.map(|(_, pieces)| pieces))
}

/// How many sections' bodies hold `piece` (as analysed).
fn body_freq(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
    piece: &str,
) -> Result<u64> {
    let Some(stem) = single_term(analyzer, piece) else {
        return Ok(0);
    };
    Ok(searcher.doc_freq(&Term::from_field_text(fields.body, &stem))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::body_index::{assert_left_alone, expanded as expanded_by};

    #[test]
    fn a_hyphenated_word_is_searched_as_its_pieces_anywhere() {
        let texts = ["Projektet SAM har deltagare."];
        assert_eq!(
            expanded_by(expand, &texts, "hur utvärderas SAM-projektet"),
            "hur utvärderas (SAM projektet)"
        );
    }

    #[test]
    fn a_word_written_with_a_hyphen_in_the_reports_finds_it() {
        let texts = ["Två har blivit s.k. drop-outs.", "Outs och drop."];
        assert_eq!(
            expanded_by(expand, &texts, "dropouts i projektet"),
            "\"drop outs\" i projektet"
        );
    }

    #[test]
    fn known_words_figures_and_syntax_are_left_alone() {
        let texts = ["Drop-outs och dropouts.", "Nollplacerade i 0-placerade."];
        let queries = [
            "dropouts",
            "0-placerade",
            "\"SAM-projektet\"",
            "+SAM-projektet",
        ];
        assert_left_alone(expand, &texts, &queries);
    }
}
