//! Token filter replacing inflected Swedish words by their dictionary form.
//!
//! Snowball's Swedish stemmer leaves many definite and plural forms apart
//! from their base ("projektet"/"projekt", "koordinatorerna"/"koordinator",
//! "mötena"/"möte"). Before stemming, a word the lexicon does not know is
//! replaced by the dictionary word an inflection ending leaves, when there
//! is one ([`Splitter::base_form`]). Both sides of the index use it.

use super::decompound::Splitter;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Token filter mapping each token to its dictionary form when known.
#[derive(Clone)]
pub struct BaseForms {
    splitter: Arc<Splitter>,
}

impl BaseForms {
    /// A filter using `splitter`'s lexicon.
    pub fn new(splitter: Arc<Splitter>) -> BaseForms {
        BaseForms { splitter }
    }
}

impl TokenFilter for BaseForms {
    type Tokenizer<T: Tokenizer> = BaseFormsFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> BaseFormsFilter<T> {
        BaseFormsFilter {
            splitter: self.splitter,
            inner,
        }
    }
}

/// The tokenizer [`BaseForms`] wraps around the rest of the chain.
#[derive(Clone)]
pub struct BaseFormsFilter<T> {
    splitter: Arc<Splitter>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for BaseFormsFilter<T> {
    type TokenStream<'a> = BaseFormsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        BaseFormsStream {
            splitter: &self.splitter,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`BaseFormsFilter`].
pub struct BaseFormsStream<'a, S> {
    splitter: &'a Splitter,
    tail: S,
}

impl<S: TokenStream> TokenStream for BaseFormsStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(base) = self.splitter.base_form(&token.text) {
            token.text = base;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
