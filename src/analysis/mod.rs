//! Text analysis: how Swedish text becomes searchable terms.
//!
//! One chain, [`swedish_chain`], serves both sides of the index: tokenize on
//! non-alphanumerics (å, ä, ö stay letters), drop over-long tokens, lower-case
//! (no ASCII folding: "får" and "far" are different words), remove Swedish
//! stop words, split compounds (index side only, see [`decompound`]) and stem
//! with Snowball Swedish. The index side is registered with the index by
//! [`register`]; the query side is [`query_tokenizers`], handed to the query
//! parser under the same name [`SWEDISH`]. Both come from the one chain, so
//! indexing and querying cannot drift apart.
//!
//! Splitting must happen at index time only: tantivy's query parser turns
//! same-position tokens into a phrase, so "miljörapport" would then require
//! "miljö" and "rapport" at one position. Indexed parts let "rapport" find
//! "miljörapport"; the query "miljörapport" stays one precise term.
//!
//! Beside the chain, [`general_weight`] tells how common a query term is in
//! general Swedish ([`commonness`]), so that ranking can weigh a question's
//! everyday words below its topic words.

mod base_form;
mod commonness;
mod data_file;
mod decompound;
mod lexicon;
mod memo;

use base_form::BaseForms;
use commonness::Commonness;
use decompound::{Decompound, Splitter};
use lexicon::Lexicon;

use std::sync::{Arc, LazyLock};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenizerManager,
};

/// Name under which the Swedish analyzer is registered with tantivy.
pub const SWEDISH: &str = "sv";
/// Name of the exact-form analyzer: Swedish words lower-cased, neither
/// stemmed nor split, so the form the user typed can rank first.
pub const EXACT: &str = "sv_exact";
/// Name of the English analyzer, for sections detected as English.
pub const ENGLISH: &str = "en";

/// Tokens longer than this many bytes are dropped (garbage, URLs, hashes).
const MAX_TOKEN_BYTES: usize = 60;

/// How much the index-side analyzer does; the query side is the same for all.
///
/// The relevance runner builds one index per profile to measure what
/// compound splitting adds. Build and search an index with the same profile
/// (it decides snippet highlighting); the default is [`Profile::Full`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Profile {
    /// Stemming and compound splitting.
    #[default]
    Full,
    /// Stemming only: compounds are indexed whole.
    StemmingOnly,
}

/// The splitter over the lexicon file, loaded once; `None` (with a warning)
/// when the file cannot be read, and then nothing is split.
static SPLITTER: LazyLock<Option<Arc<Splitter>>> = LazyLock::new(|| match Lexicon::load() {
    Ok(lexicon) => Some(Arc::new(Splitter::new(lexicon))),
    Err(error) => {
        tracing::warn!(%error, "compound lexicon unreadable; compounds are not split");
        None
    }
});

/// General-language frequencies by query-side term, loaded once; `None`
/// (with a warning) when the file cannot be read, and then every word
/// weighs fully.
static COMMONNESS: LazyLock<Option<Commonness>> =
    LazyLock::new(
        || match Commonness::load(swedish_chain(SPLITTER.clone(), Side::Query)) {
            Ok(commonness) => Some(commonness),
            Err(error) => {
                tracing::warn!(%error, "word frequencies unreadable; common words weigh fully");
                None
            }
        },
    );

/// The query-side tokenizers of [`Profile::Full`]: [`SWEDISH`] without
/// compound splitting, and the [`EXACT`] and [`ENGLISH`] analyzers as on the
/// index side.
static QUERY_TOKENIZERS: LazyLock<TokenizerManager> =
    LazyLock::new(|| query_side(swedish_chain(SPLITTER.clone(), Side::Query)));

/// The query-side tokenizers of [`Profile::StemmingOnly`].
static STEMMING_ONLY_QUERY_TOKENIZERS: LazyLock<TokenizerManager> =
    LazyLock::new(|| query_side(swedish_chain(None, Side::Query)));

/// A query-side manager with `swedish` as [`SWEDISH`].
fn query_side(swedish: TextAnalyzer) -> TokenizerManager {
    let manager = TokenizerManager::default();
    manager.register(SWEDISH, swedish);
    register_side_analyzers(&manager);
    manager
}

/// Which side of the index a chain serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Indexed text: compounds are split.
    Index,
    /// Queries: compounds stay whole.
    Query,
}

/// The analyzers that are the same on both sides: [`EXACT`] and [`ENGLISH`].
fn register_side_analyzers(manager: &TokenizerManager) {
    manager.register(EXACT, plain_chain(Language::Swedish).build());
    // Swedish stop words go too: a query word that is one must not become
    // a required term that only English sections could hold.
    let english = plain_chain(Language::English)
        .filter_dynamic(stop_words(Language::Swedish))
        .filter_dynamic(Stemmer::new(Language::English))
        .build();
    manager.register(ENGLISH, english);
}

/// Tokenize, drop over-long tokens, lower-case and remove `language`'s stop words.
fn plain_chain(language: Language) -> tantivy::tokenizer::TextAnalyzerBuilder {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(stop_words(language))
        .dynamic()
}

/// The stop-word filter of `language`.
fn stop_words(language: Language) -> StopWordFilter {
    StopWordFilter::new(language)
        .expect("tantivy ships Swedish and English stop words (feature `stopwords`)")
}

/// The one Swedish chain. With a `splitter`, words become their dictionary
/// forms before stemming, and the index side adds compound parts.
fn swedish_chain(splitter: Option<Arc<Splitter>>, side: Side) -> TextAnalyzer {
    let mut builder = plain_chain(Language::Swedish);
    if let Some(splitter) = splitter {
        if side == Side::Index {
            builder = builder.filter_dynamic(Decompound::new(splitter.clone()));
        }
        builder = builder.filter_dynamic(BaseForms::new(splitter));
    }
    builder
        .filter_dynamic(Stemmer::new(Language::Swedish))
        .build()
}

/// The analyzer for indexed text (and snippets) under `profile`.
pub fn index_analyzer(profile: Profile) -> TextAnalyzer {
    match profile {
        Profile::Full => swedish_chain(SPLITTER.clone(), Side::Index),
        Profile::StemmingOnly => swedish_chain(None, Side::Index),
    }
}

/// Registers the index-side analyzers; call after each `Index::open`.
pub fn register(manager: &TokenizerManager, profile: Profile) {
    manager.register(SWEDISH, index_analyzer(profile));
    register_side_analyzers(manager);
}

/// The tokenizers the query parser must use (`QueryParser::new`) on an
/// index built under `profile`.
pub fn query_tokenizers(profile: Profile) -> TokenizerManager {
    match profile {
        Profile::Full => QUERY_TOKENIZERS.clone(),
        Profile::StemmingOnly => STEMMING_ONLY_QUERY_TOKENIZERS.clone(),
    }
}

/// True when the lexicon knows `word` (any case) as a dictionary word, an
/// inflected form of one, or a compound of them; false without a lexicon.
/// Spelling correction leaves such words alone however rare they are.
pub fn is_dictionary_word(word: &str) -> bool {
    let word = word.to_lowercase();
    SPLITTER
        .as_ref()
        .is_some_and(|splitter| splitter.knows(&word))
}

/// The parts of `word` (any case) when the lexicon knows it as a compound:
/// linking forms as their base word, the last part as written
/// ("samverkansprojektet" → "samverkan", "projektet"); `None` otherwise or
/// without a lexicon.
pub fn compound_parts(word: &str) -> Option<Vec<String>> {
    SPLITTER.as_ref()?.split(&word.to_lowercase())
}

/// How much a query term of [`Profile::Full`] weighs for being rare in
/// general Swedish: 1 for a rare word, less for an everyday one (see
/// [`commonness`]); 1 for every term without the frequency file.
pub fn general_weight(term: &str) -> f32 {
    COMMONNESS
        .as_ref()
        .map_or(1.0, |commonness| commonness.weight(term))
}

/// The terms `analyzer` makes of `text`, in order (for tests and debugging).
pub fn terms(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// The terms the full index-side analyzer makes of `text`.
pub fn analyze(text: &str) -> Vec<String> {
    terms(index_analyzer(Profile::Full), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query_terms(text: &str) -> Vec<String> {
        let analyzer = query_tokenizers(Profile::Full)
            .get(SWEDISH)
            .expect("registered");
        terms(analyzer, text)
    }

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
    fn exact_analyzer_keeps_the_form_and_english_stems_english() {
        let tokenizers = query_tokenizers(Profile::Full);
        let exact = terms(
            tokenizers.get(EXACT).expect("registered"),
            "Projektet och RAPPORTERNA",
        );
        assert_eq!(exact, ["projektet", "rapporterna"]);
        let english = terms(
            tokenizers.get(ENGLISH).expect("registered"),
            "the employers' attitudes",
        );
        assert_eq!(english, ["employ", "attitud"]);
    }

    #[test]
    fn definite_and_plural_forms_meet_their_base_word_on_both_sides() {
        for (form, base) in [("projektet", "projekt"), ("koordinatorerna", "koordinator")] {
            assert_eq!(analyze(form)[0], analyze(base)[0], "{form}");
            assert_eq!(query_terms(form), query_terms(base), "{form}");
        }
    }

    #[test]
    fn dictionary_words_are_known_and_misspellings_are_not() {
        for word in ["fördelning", "Utmätning", "projektet", "samverkansteam"] {
            assert!(is_dictionary_word(word), "{word}");
        }
        for word in ["nollplaserade", "samhällsekonomsk", "trisamteem"] {
            assert!(!is_dictionary_word(word), "{word}");
        }
    }

    #[test]
    fn does_not_fold_accents() {
        assert_ne!(analyze("får"), analyze("far"));
    }

    #[test]
    fn index_side_adds_stemmed_parts_after_the_compound() {
        let terms = analyze("samverkansprojekt");
        assert_eq!(terms[0], query_terms("samverkansprojekt")[0]);
        assert!(terms.contains(&query_terms("samverkan")[0]), "{terms:?}");
        assert!(terms.contains(&query_terms("projekt")[0]), "{terms:?}");
    }

    #[test]
    fn query_side_and_stemming_only_keep_compounds_whole() {
        assert_eq!(query_terms("arbetsförmågebedömning").len(), 1);
        let stemming_only = terms(index_analyzer(Profile::StemmingOnly), "samverkansprojekt");
        assert_eq!(stemming_only, query_terms("samverkansprojekt"));
    }

    #[test]
    fn sides_agree_on_words_that_are_not_compounds() {
        let text = "Rapporten om insatserna för deltagarna i kommunerna";
        assert_eq!(analyze(text), query_terms(text));
    }
}
