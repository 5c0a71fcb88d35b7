//! Snippets: the best passage of a section, matched terms in `<mark>`.

use super::Result;
use crate::index::Fields;
use tantivy::Searcher;
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 240;

/// Makes snippets for one query.
pub struct Snippets {
    generator: SnippetGenerator,
}

impl Snippets {
    /// Prepares snippets for the terms `query` matches in the body.
    pub fn new(searcher: &Searcher, query: &dyn Query, fields: &Fields) -> Result<Snippets> {
        let mut generator = SnippetGenerator::create(searcher, query, fields.body)?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        Ok(Snippets { generator })
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
}

/// The first words of `text`, HTML-escaped, cut at a word boundary.
fn opening(text: &str) -> String {
    let mut end = text.len().min(SNIPPET_CHARS);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
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
