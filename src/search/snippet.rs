//! Snippets: the best passage of a section, matched terms in `<mark>`.

use super::Result;
use crate::index::Fields;
use std::collections::{BTreeMap, BTreeSet};
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, Term};

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 240;

/// Weight of a term the user typed over one added by synonym expansion, so
/// the passage shown is the one with the user's own words when there is one.
const TYPED_WEIGHT: f32 = 10.0;

/// Makes snippets for one query.
pub struct Snippets {
    generator: SnippetGenerator,
    furniture: SnippetGenerator,
}

impl Snippets {
    /// Prepares snippets for the body terms of `query`, preferring those of
    /// `typed` (the query before synonym expansion), and for its terms in
    /// the page furniture. One-character terms that only the expansion
    /// added ("0" of "0-placerade") are not marked.
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        typed: &dyn Query,
        fields: &Fields,
    ) -> Result<Snippets> {
        let queries = (query, typed);
        Ok(Snippets {
            generator: generator(searcher, queries, fields.body)?,
            furniture: generator(searcher, queries, fields.furniture)?,
        })
    }

    /// HTML snippet for a section text: the best passage with `<mark>`ed terms,
    /// or the section's opening when nothing in the body matched.
    pub fn for_text(&self, text: &str) -> String {
        let mut snippet = self.generator.snippet(text);
        if snippet.highlighted().is_empty() {
            return opening(text);
        }
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        snippet.to_html()
    }

    /// HTML snippet of a document's page furniture (its running headers and
    /// footers, analysed as the body is), when the query's terms are in it.
    pub fn for_furniture(&self, lines: &[String]) -> Option<String> {
        let mut snippet = self.furniture.snippet(&lines.join("\n"));
        if snippet.highlighted().is_empty() {
            return None;
        }
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        Some(snippet.to_html())
    }
}

/// A snippet generator for `field`: the terms of the query (first) that
/// the index holds there, those of the typed query (second) weighing more.
fn generator(
    searcher: &Searcher,
    (query, typed): (&dyn Query, &dyn Query),
    field: Field,
) -> Result<SnippetGenerator> {
    let typed_terms = term_weights(searcher, typed, field)?;
    let mut terms = term_weights(searcher, query, field)?;
    terms.retain(|term, _| term.chars().count() > 1);
    for (term, weight) in typed_terms {
        terms.insert(term, weight * TYPED_WEIGHT);
    }
    let tokenizer = searcher.index().tokenizer_for_field(field)?;
    Ok(SnippetGenerator::new(
        terms,
        tokenizer,
        field,
        SNIPPET_CHARS,
    ))
}

/// The terms of `query` in `field` that occur in the index, weighted as
/// tantivy's `SnippetGenerator::create` does: rarer terms weigh more.
fn term_weights(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> Result<BTreeMap<String, f32>> {
    let mut terms: BTreeSet<Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term.clone());
        }
    });
    let mut weights = BTreeMap::new();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_string) else {
            continue;
        };
        let doc_freq = searcher.doc_freq(&term)?;
        if doc_freq > 0 {
            weights.insert(text, 1.0 / (1.0 + doc_freq as f32));
        }
    }
    Ok(weights)
}

/// The first words of `text`, HTML-escaped, cut at a word boundary.
fn opening(text: &str) -> String {
    let mut end = crate::char_boundary::floor(text, SNIPPET_CHARS);
    if end < text.len() {
        end = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    }
    let ellipsis = if end < text.len() { " …" } else { "" };
    format!("{}{ellipsis}", escape_html(text[..end].trim_end()))
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_is_escaped_and_cut_at_a_word() {
        let text = format!("<b>Å</b> {}", "ord ".repeat(100));
        let out = opening(&text);
        assert!(out.starts_with("&lt;b&gt;Å&lt;/b&gt;"));
        assert!(out.ends_with(" …"));
        assert!(out.chars().count() <= SNIPPET_CHARS + 20);
    }
}
