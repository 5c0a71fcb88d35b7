//! Evidence: the sentence that made a label, shown beside it.
//!
//! The labellers match on normalised text; a practitioner wants to see the
//! original words. [`Sentences`] keeps every sentence of the document with
//! its page and its normal form, so a labeller can name the first sentence
//! where its evidence stands. Sentences are cut from lines; a phrase broken
//! over two layout lines ("… Samordningsförbundet Södra" / "Vätterbygden och
//! …") is found in the join of a line's last sentence and the next line's
//! first, tried when no single sentence has it.

use super::normalize::normalize;
use crate::document::{Evidence, Page};

/// Evidence text is cut to at most this many characters.
pub const MAX_EVIDENCE_CHARS: usize = 200;

/// One sentence of the document.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// 1-based page number.
    pub page: u32,
    /// The sentence as written, whitespace-trimmed.
    pub raw: String,
    /// Its normal form.
    pub normal: String,
}

/// All sentences of a document, in reading order.
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    /// The sentences.
    pub all: Vec<Sentence>,
    /// Each line's last sentence joined with the next line's first.
    joins: Vec<Sentence>,
}

/// A sentence on `page`, unless it has no words.
fn sentence(page: u32, raw: String) -> Option<Sentence> {
    let normal = normalize(&raw);
    (!normal.is_empty()).then_some(Sentence { page, raw, normal })
}

impl Sentences {
    /// Cuts the lines of `pages` into sentences.
    pub fn new(pages: &[Page]) -> Sentences {
        let mut all = Vec::new();
        let mut joins = Vec::new();
        for page in pages {
            let mut previous: Option<String> = None;
            for line in &page.lines {
                let sentences = split_sentences(line.text.trim());
                if let (Some(last), Some(first)) = (previous.take(), sentences.first()) {
                    joins.extend(sentence(page.number, format!("{last} {first}")));
                }
                previous = sentences.last().map(|s| s.to_string());
                all.extend(
                    sentences
                        .into_iter()
                        .filter_map(|s| sentence(page.number, s.to_string())),
                );
            }
        }
        Sentences { all, joins }
    }

    /// The first sentence whose normal form satisfies `test` (or else the
    /// first join of two lines that does).
    pub fn first(&self, test: impl Fn(&str) -> bool) -> Option<&Sentence> {
        let found = self.all.iter().find(|s| test(&s.normal));
        found.or_else(|| self.joins.iter().find(|s| test(&s.normal)))
    }

    /// Evidence for `field` = `value` from the first sentence satisfying
    /// `test`, or from `fallback` (e.g. the title) on page 1.
    pub fn evidence(
        &self,
        field: &str,
        value: &str,
        test: impl Fn(&str) -> bool,
        fallback: &str,
    ) -> Evidence {
        match self.first(test) {
            Some(s) => evidence(field, value, &s.raw, s.page),
            None => evidence(field, value, fallback, 1),
        }
    }
}

/// An [`Evidence`] with its text trimmed to [`MAX_EVIDENCE_CHARS`].
pub fn evidence(field: &str, value: &str, text: &str, page: u32) -> Evidence {
    Evidence {
        field: field.to_string(),
        value: value.to_string(),
        text: trim(text),
        page,
    }
}

/// `text` cut at a word boundary to at most [`MAX_EVIDENCE_CHARS`] characters,
/// with "…" when cut.
pub fn trim(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX_EVIDENCE_CHARS {
        return text;
    }
    let cut: String = text.chars().take(MAX_EVIDENCE_CHARS - 1).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > MAX_EVIDENCE_CHARS / 2);
    format!("{}…", &cut[..at_word.unwrap_or(cut.len())])
}

/// Splits a line at sentence ends, keeping each sentence's punctuation.
fn split_sentences(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = line;
    while let Some(end) = sentence_end(rest) {
        parts.push(&rest[..end]);
        rest = rest[end..].trim_start();
    }
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts
}

/// `text` up to and including its first sentence end; all of it when it
/// has none.
pub fn first_sentence(text: &str) -> &str {
    sentence_end(text).map_or(text, |end| &text[..end])
}

/// The byte just after the first sentence end of `text`: ".", "?" or "!"
/// followed by a space and a capital letter or a digit.
fn sentence_end(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars.windows(3).find_map(|w| {
        let [(at, end), (_, space), (_, next)] = [w[0], w[1], w[2]];
        let ends = matches!(end, '.' | '?' | '!') && space == ' ';
        (ends && (next.is_uppercase() || next.is_ascii_digit())).then_some(at + end.len_utf8())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::page;

    #[test]
    fn a_phrase_broken_over_two_lines_is_found_in_their_join() {
        let pages = [page(
            1,
            &[
                "Parter är Region Jönköpings län, Samordningsförbundet Södra",
                "Vätterbygden och Habo kommun. Nästa mening.",
            ],
        )];
        let sentences = Sentences::new(&pages);
        let found = sentences
            .first(|n| n.contains("förbundet södra vätterbygden"))
            .unwrap();
        assert_eq!(
            found.raw,
            "Parter är Region Jönköpings län, Samordningsförbundet Södra Vätterbygden och Habo kommun."
        );
        assert!(
            sentences
                .first(|n| n.contains("habo kommun"))
                .unwrap()
                .raw
                .starts_with("Vätterbygden")
        );
    }

    #[test]
    fn long_lines_are_cut_into_sentences() {
        let pages = [page(
            2,
            &["Projektet startade 2011. Parter i projektet är Arbetsförmedlingen. Slut"],
        )];
        let sentences = Sentences::new(&pages);
        let found = sentences.first(|n| n.contains("parter")).unwrap();
        assert_eq!(found.raw, "Parter i projektet är Arbetsförmedlingen.");
        assert_eq!(found.page, 2);
    }

    #[test]
    fn evidence_is_trimmed_at_a_word() {
        let long = "ord ".repeat(100);
        let trimmed = trim(&long);
        assert!(trimmed.chars().count() <= MAX_EVIDENCE_CHARS);
        assert!(trimmed.ends_with("ord…"));
    }
}
