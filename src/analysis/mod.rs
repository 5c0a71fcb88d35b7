//! Text analysis: how Swedish text becomes searchable terms.
//!
//! One analyzer, registered under [`SWEDISH`], is used both when indexing and
//! when parsing queries, so the two can never drift apart: tokenize on
//! non-alphanumerics (å, ä, ö stay letters), drop over-long tokens, lower-case
//! (no ASCII folding: "får" and "far" are different words), remove Swedish
//! stop words and stem with Snowball Swedish.
//!
//! Compound splitting, abbreviations and synonyms belong here too, as further
//! filters in [`swedish_analyzer`]; splitting must happen at index time only
//! (tantivy's query parser turns same-position tokens into a phrase).

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenizerManager,
};

/// Name under which the Swedish analyzer is registered with tantivy.
pub const SWEDISH: &str = "sv";

/// Tokens longer than this many bytes are dropped (garbage, URLs, hashes).
const MAX_TOKEN_BYTES: usize = 60;

/// The Swedish analyzer used for every full-text field.
pub fn swedish_analyzer() -> TextAnalyzer {
    let stop_words = StopWordFilter::new(Language::Swedish)
        .expect("tantivy ships Swedish stop words (feature `stopwords`)");
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(stop_words)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

/// Registers every analyzer Finsamsök uses; call after each `Index::open`.
pub fn register(manager: &TokenizerManager) {
    manager.register(SWEDISH, swedish_analyzer());
}

/// The terms the analyzer makes of `text`, in order (for tests and debugging).
pub fn analyze(text: &str) -> Vec<String> {
    let mut analyzer = swedish_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::analyze;

    #[test]
    fn keeps_swedish_letters_and_lowercases() {
        assert_eq!(analyze("Återvändare SÖKER"), analyze("återvändare söker"));
        assert!(analyze("Återvändare")[0].starts_with("återvänd"));
    }

    #[test]
    fn removes_stop_words() {
        assert_eq!(analyze("och det att i en"), Vec::<String>::new());
    }

    #[test]
    fn stems_inflected_forms_to_one_term() {
        assert_eq!(analyze("insatser"), analyze("insatserna"));
        assert_eq!(analyze("rapporten"), analyze("rapport"));
    }

    #[test]
    fn does_not_fold_accents() {
        assert_ne!(analyze("får"), analyze("far"));
    }
}
