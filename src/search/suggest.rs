//! Spelling suggestions from the index's own vocabulary.
//!
//! When a query finds little, each plain word that the lexicon does not know
//! and whose term is absent or rare in the body is replaced by the most frequent indexed term within a small edit
//! distance: 1 for terms of 5–8 characters, 2 for longer ones, a transposition
//! counting as one. Candidates come from the body's term dictionary through
//! tantivy's Levenshtein automaton. The index stores stems, so the chosen stem
//! is mapped back to a word as written in a section that contains it.
//!
//! The corrected query is then searched as an ordinary query rather than with
//! `FuzzyTermQuery`: that keeps BM25 ranking (tantivy scores fuzzy matches as
//! constants), the user's syntax and synonyms, and snippets that highlight
//! (fuzzy queries report no terms to the snippet generator).

use super::query_words;
use super::{Budget, Result};
use crate::analysis;
use crate::index::{Fields, StoredSection};
use std::collections::HashMap;
use tantivy::collector::TopDocs;
use tantivy::query::{FuzzyTermQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Searcher, TantivyDocument, TantivyError, Term};

/// Shortest term (in characters) that is corrected.
const MIN_CHARS: usize = 5;
/// Longest term (in characters) that is corrected: longer words are no
/// misspellings of indexed ones, and the automaton's cost grows with length.
const MAX_CHARS: usize = 40;
/// Longest term allowed one edit; longer terms get two.
const MAX_CHARS_ONE_EDIT: usize = 8;
/// A term found in fewer sections than this counts as rare.
const RARE_DOC_FREQ: u64 = 3;
/// A rare term is replaced only by one this many times as frequent.
const RARE_RATIO: u64 = 10;
/// Sections read to find how a stem is written.
const SAMPLE_SECTIONS: usize = 5;

/// `query` with its absent or rare words replaced by frequent near
/// neighbours in the index, or `None` when no word needs it.
pub fn correct(
    searcher: &Searcher,
    index: &Index,
    fields: &Fields,
    query: &str,
    budget: &Budget,
) -> Result<Option<String>> {
    let mut analyzer = index.tokenizer_for_field(fields.body)?;
    let mut out = String::with_capacity(query.len());
    let (mut copied, mut changed) = (0, false);
    for word in query_words::words(query) {
        budget.check()?;
        let Some(better) = correct_word(searcher, &mut analyzer, fields, word.text)? else {
            continue;
        };
        out.push_str(&query[copied..word.span.start]);
        out.push_str(&better);
        copied = word.span.end;
        changed = true;
    }
    if !changed {
        return Ok(None);
    }
    out.push_str(&query[copied..]);
    Ok(Some(out))
}

/// A better spelling of one word, written as in the corpus.
fn correct_word(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
    word: &str,
) -> Result<Option<String>> {
    if word.chars().any(|c| !c.is_alphabetic()) || analysis::is_dictionary_word(word) {
        return Ok(None);
    }
    let Some(term) = single_term(analyzer, word) else {
        return Ok(None);
    };
    let Some(distance) = max_distance(&term) else {
        return Ok(None);
    };
    let known = searcher.doc_freq(&Term::from_field_text(fields.body, &term))?;
    if known >= RARE_DOC_FREQ {
        return Ok(None);
    }
    let Some((best, freq)) = most_frequent_neighbour(searcher, fields.body, &term, distance)?
    else {
        return Ok(None);
    };
    if freq < known * RARE_RATIO {
        return Ok(None);
    }
    let written = written_form(searcher, analyzer, fields, &best, word)?;
    Ok(written.map(|w| with_case_of(&w, word)))
}

/// The one term `word` analyses to (the first at its position, so a
/// decompounding analyzer's parts are ignored); `None` for stop words and
/// words that split into several positions.
pub(super) fn single_term(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(word);
    let mut first: Option<(usize, String)> = None;
    while let Some(token) = stream.next() {
        match &first {
            None => first = Some((token.position, token.text.clone())),
            Some((position, _)) if *position != token.position => return None,
            Some(_) => {}
        }
    }
    first.map(|(_, term)| term)
}

/// Edits allowed for a term of this length, or `None` when it is too short.
fn max_distance(term: &str) -> Option<u8> {
    match term.chars().count() {
        n if !(MIN_CHARS..=MAX_CHARS).contains(&n) => None,
        n if n <= MAX_CHARS_ONE_EDIT => Some(1),
        _ => Some(2),
    }
}

/// The indexed term within `distance` of `term` found in most sections,
/// with that count; ties go to the alphabetically first.
fn most_frequent_neighbour(
    searcher: &Searcher,
    field: Field,
    term: &str,
    distance: u8,
) -> Result<Option<(String, u64)>> {
    let automaton =
        FuzzyTermQuery::new(Term::from_field_text(field, term), distance, true).automaton()?;
    let mut freqs: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .search(&automaton)
            .into_stream()
            .map_err(TantivyError::from)?;
        while stream.advance() {
            let Ok(candidate) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if candidate != term {
                *freqs.entry(candidate.to_string()).or_default() +=
                    u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(freqs
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))))
}

/// How `stem` is written in the sections that contain it: the written form
/// closest to what the user typed, then the most common one.
pub(super) fn written_form(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    fields: &Fields,
    stem: &str,
    typed: &str,
) -> Result<Option<String>> {
    let query = TermQuery::new(
        Term::from_field_text(fields.body, stem),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(
        &query,
        &TopDocs::with_limit(SAMPLE_SECTIONS).order_by_score(),
    )?;
    let first_char = stem.chars().next().unwrap_or_default();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = StoredSection::from_tantivy(&doc, fields).text;
        for raw in text.split(|c: char| !c.is_alphanumeric()) {
            let lower = raw.to_lowercase();
            if lower.starts_with(first_char)
                && single_term(analyzer, &lower).as_deref() == Some(stem)
            {
                *counts.entry(lower).or_default() += 1;
            }
        }
    }
    let typed = typed.to_lowercase();
    Ok(counts
        .into_iter()
        .min_by_key(|(word, count)| {
            (
                edit_distance(word, &typed),
                usize::MAX - count,
                word.clone(),
            )
        })
        .map(|(word, _)| word))
}

/// `word` (lower case) in the case pattern of `typed`: "NOLLPLASERADE" →
/// upper case, "Samverkansteem" → capitalised.
fn with_case_of(word: &str, typed: &str) -> String {
    let mut typed_chars = typed.chars();
    let first_upper = typed_chars.next().is_some_and(char::is_uppercase);
    if first_upper && typed_chars.clone().count() > 0 && typed_chars.all(char::is_uppercase) {
        return word.to_uppercase();
    }
    if first_upper {
        let mut chars = word.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    word.to_string()
}

/// Levenshtein distance between two words, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_grows_with_term_length() {
        assert_eq!(max_distance("stöd"), None);
        assert_eq!(max_distance("insats"), Some(1));
        assert_eq!(max_distance("nollplacer"), Some(2));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("nollplaserade", "nollplacerade"), 1);
        assert_eq!(edit_distance("återvändare", "atervandare"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn correction_keeps_the_typed_case() {
        assert_eq!(
            with_case_of("samverkansteam", "Samverkansteem"),
            "Samverkansteam"
        );
        assert_eq!(with_case_of("ångest", "ÅNGST"), "ÅNGEST");
        assert_eq!(with_case_of("insats", "insast"), "insats");
    }
}
