//! The plain words of a query string, found without parsing it.
//!
//! Synonym expansion and spelling correction rewrite a user's query as text,
//! so that tantivy's own parser keeps handling the syntax. They may only touch
//! plain words: never a `"phrase"`, a `field:value`, a `[range]`, `word^2`,
//! `prefix*` or the operators `AND`/`OR`/`NOT`. A word may carry a `+`/`-`
//! modifier and parentheses; its span covers the word itself only.

use std::ops::Range;

/// A plain word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as typed, without modifier or parentheses.
    pub text: &'a str,
    /// Where the word stands in the query (byte offsets).
    pub span: Range<usize>,
    /// Index of its whitespace-separated chunk: neighbours differ by one.
    pub chunk: usize,
    /// True when the chunk is the word alone (no modifier, parentheses).
    pub bare: bool,
}

/// The plain words of `query`, in order.
pub fn words(query: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut after_colon = false;
    for (chunk, (start, text)) in chunks(query).into_iter().enumerate() {
        if !after_colon && let Some(word) = plain_word(text, start, chunk) {
            words.push(word);
        }
        after_colon = text.ends_with(':');
    }
    words
}

/// `query` with each bare plain word for which `rewrite` gives a
/// replacement replaced by it (the rest kept as typed).
pub fn rewrite_bare<E>(
    query: &str,
    mut rewrite: impl FnMut(&str) -> Result<Option<String>, E>,
) -> Result<String, E> {
    let mut out = String::with_capacity(query.len() * 2);
    let mut copied = 0;
    for word in words(query).into_iter().filter(|w| w.bare) {
        let Some(replacement) = rewrite(word.text)? else {
            continue;
        };
        out.push_str(&query[copied..word.span.start]);
        out.push_str(&replacement);
        copied = word.span.end;
    }
    out.push_str(&query[copied..]);
    Ok(out)
}

/// Splits at whitespace outside quotes and brackets; returns (offset, text).
fn chunks(query: &str) -> Vec<(usize, &str)> {
    let mut chunks = Vec::new();
    let (mut start, mut in_quote, mut depth) = (None, false, 0usize);
    for (i, c) in query.char_indices() {
        match c {
            '"' => in_quote = !in_quote,
            '[' | '{' if !in_quote => depth += 1,
            ']' | '}' if !in_quote => depth = depth.saturating_sub(1),
            _ => {}
        }
        let splits = c.is_whitespace() && !in_quote && depth == 0;
        match (start, splits) {
            (Some(s), true) => {
                chunks.push((s, &query[s..i]));
                start = None;
            }
            (None, false) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        chunks.push((s, &query[s..]));
    }
    chunks
}

/// The word inside a chunk like `word`, `-word`, `+word`, `(word` or `word)`.
fn plain_word(chunk: &str, offset: usize, index: usize) -> Option<Word<'_>> {
    let core_start = chunk.trim_start_matches(['(', '+', '-']);
    let core = core_start.trim_end_matches(')');
    let is_word = core.chars().all(|c| c.is_alphanumeric() || c == '-')
        && core.starts_with(char::is_alphanumeric)
        && core.ends_with(char::is_alphanumeric)
        && !matches!(core, "AND" | "OR" | "NOT");
    if !is_word {
        return None;
    }
    let start = offset + (chunk.len() - core_start.len());
    Some(Word {
        text: core,
        span: start..start + core.len(),
        chunk: index,
        bare: core.len() == chunk.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(query: &str) -> Vec<&str> {
        words(query).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn finds_plain_words_with_modifiers_and_parentheses() {
        assert_eq!(
            texts("FK -AF +(SIP OR KBT) 0-placerade"),
            ["FK", "AF", "SIP", "KBT", "0-placerade"]
        );
        let query = "stöd -FK";
        let fk = &words(query)[1];
        assert_eq!((&query[fk.span.clone()], fk.bare), ("FK", false));
    }

    #[test]
    fn skips_phrases_fields_ranges_and_operators() {
        assert_eq!(
            texts(r#""samordnad individuell plan" title:FK FK^2 FK* year:[2020 TO 2023] a AND b"#),
            ["a", "b"]
        );
        assert!(texts("title: FK").is_empty());
        assert!(texts(r#""FK och AF""#).is_empty());
    }

    #[test]
    fn neighbours_have_consecutive_chunks() {
        let found = words("ekonomiskt bistånd");
        assert_eq!((found[0].chunk + 1, found[1].chunk), (1, 1));
        assert!(found.iter().all(|w| w.bare));
    }
}
