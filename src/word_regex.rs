//! Patterns with word boundaries that stay on the regex crate's fast engines.
//!
//! A Unicode `\b` makes the regex crate leave its DFAs for the slow PikeVM
//! on any non-ASCII text — every Swedish line. A [`WordRegex`] searches a
//! loose pattern, the same pattern with its word boundaries left out (DFA
//! and literal prefilters), and asks the exact pattern only where a loose
//! match starts, anchored there. Every exact match is a loose one, so the
//! first such place where the exact pattern matches starts its leftmost
//! match: the matches are exactly those of the pattern with its boundaries.

use regex_automata::meta::{BuildError, Regex};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};
use std::ops::Range;

/// The Unicode word-boundary assertions the loose pattern leaves out.
const WORD_LOOKS: [Look; 6] = [
    Look::WordUnicode,
    Look::WordUnicodeNegate,
    Look::WordStartUnicode,
    Look::WordEndUnicode,
    Look::WordStartHalfUnicode,
    Look::WordEndHalfUnicode,
];

/// A pattern with Unicode word boundaries (`\b`), matched on fast engines.
#[derive(Debug, Clone)]
pub struct WordRegex {
    loose: Regex,
    exact: Regex,
}

/// A match: its byte range in the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    /// Byte offset of the match's start.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the match.
    pub fn end(&self) -> usize {
        self.end
    }

    /// Its byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// The groups of a match: 0 is the whole match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups<'t> {
    text: &'t str,
    spans: Vec<Option<Range<usize>>>,
}

impl<'t> Groups<'t> {
    /// Group `i`, unless it took no part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'t>> {
        let span = self.spans.get(i)?.clone()?;
        Some(Match {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

impl WordRegex {
    /// Compiles `pattern` as whole words, as `\b(?:pattern)\b` (flags such
    /// as `(?i)` may lead).
    pub fn new(pattern: &str) -> Result<WordRegex, Box<BuildError>> {
        let (flags, body) = split_flags(pattern);
        WordRegex::bounded(&format!(r"{flags}\b(?:{body})\b"))
    }

    /// Compiles `pattern` with its word boundaries wherever it writes them.
    pub fn bounded(pattern: &str) -> Result<WordRegex, Box<BuildError>> {
        let exact = Regex::new(pattern)?;
        let hir = regex_automata::util::syntax::parse(pattern).expect("it compiled just now");
        let loose = Regex::builder().build_from_hir(&loosen(&hir))?;
        Ok(WordRegex { loose, exact })
    }

    /// The first match.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.find_at(text, 0)
    }

    /// True when the pattern occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.start_at(text, 0, |input| self.exact.is_match(input.clone()))
            .is_some()
    }

    /// Every match, left to right, not overlapping.
    pub fn find_iter<'a, 't>(&'a self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 'a
    where
        't: 'a,
    {
        non_overlapping(text, move |at| {
            let found = self.find_at(text, at)?;
            Some((found, found.range()))
        })
    }

    /// The groups of the first match.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Groups<'t>> {
        self.captures_at(text, 0)
    }

    /// The groups of every match, left to right, not overlapping.
    pub fn captures_iter<'a, 't>(&'a self, text: &'t str) -> impl Iterator<Item = Groups<'t>> + 'a
    where
        't: 'a,
    {
        non_overlapping(text, move |at| {
            let groups = self.captures_at(text, at)?;
            let whole = groups.get(0).expect("a match has group 0").range();
            Some((groups, whole))
        })
    }

    /// The groups of the first match starting at or after byte `start`.
    fn captures_at<'t>(&self, text: &'t str, start: usize) -> Option<Groups<'t>> {
        let mut caps = self.exact.create_captures();
        self.start_at(text, start, |input| {
            self.exact.search_captures(input, &mut caps);
            caps.is_match()
        })?;
        let spans = (0..caps.group_len())
            .map(|i| caps.get_group(i).map(|span| span.range()))
            .collect();
        Some(Groups { text, spans })
    }

    /// The first match starting at or after byte `start`.
    fn find_at<'t>(&self, text: &'t str, start: usize) -> Option<Match<'t>> {
        let mut found = None;
        self.start_at(text, start, |input| {
            found = self.exact.search(input);
            found.is_some()
        })?;
        found.map(|m| Match {
            text,
            start: m.start(),
            end: m.end(),
        })
    }

    /// Runs `exact` (an anchored search) at each place from `start` on where
    /// a loose match starts, until it says it matched; the place it did.
    fn start_at(
        &self,
        text: &str,
        start: usize,
        mut exact: impl FnMut(&Input<'_>) -> bool,
    ) -> Option<usize> {
        let mut at = start;
        while at <= text.len() {
            let candidate = self.loose.search(&Input::new(text).range(at..))?.start();
            if exact(&Input::new(text).range(candidate..).anchored(Anchored::Yes)) {
                return Some(candidate);
            }
            at = next_char(text, candidate);
        }
        None
    }
}

/// `hir` without its Unicode word boundaries: it matches wherever `hir`
/// does, and more.
fn loosen(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if WORD_LOOKS.contains(look) => Hir::empty(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(loosen(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(loosen(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(loosen).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(loosen).collect()),
        _ => hir.clone(),
    }
}

/// Non-overlapping matches, left to right, from `next(at)`: the first match
/// from byte `at` on, with its byte range. An empty match where the one
/// before ended is no new match.
fn non_overlapping<T>(
    text: &str,
    mut next: impl FnMut(usize) -> Option<(T, Range<usize>)>,
) -> impl Iterator<Item = T> {
    let (mut at, mut last_end) = (0, None);
    std::iter::from_fn(move || {
        loop {
            let (found, range) = next(at)?;
            at = range.end;
            if range.is_empty() && last_end == Some(range.end) {
                at = next_char(text, at);
                continue;
            }
            last_end = Some(range.end);
            return Some(found);
        }
    })
}

/// Leading inline flags (`(?i)`) and the rest of a pattern.
fn split_flags(pattern: &str) -> (&str, &str) {
    match pattern.strip_prefix("(?") {
        Some(rest)
            if rest
                .find(')')
                .is_some_and(|end| rest[..end].chars().all(char::is_alphabetic)) =>
        {
            let end = rest.find(')').expect("checked") + 3;
            pattern.split_at(end)
        }
        _ => ("", pattern),
    }
}

/// The byte after the character at `at` (past the end for the last).
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 6] = [
        "Projektägaren är Burlöv; projektägare: Lund. Ägare, ÄGARE.",
        "ab cd ab, xab ab_c ab c",
        "påse rapporten 2019, se rapporten 2019 och ur årsrapporten 20199 samt av rapport 2020.",
        "åren år åråren _år år",
        "Ur årsrapporten för 2016ä, ur slutrapporten 2017 och «Överenskommelse om stöd»",
        "",
    ];

    /// The same matches as the regex crate's, over texts built to trip them.
    fn assert_same_matches(pattern: &str, ours: &WordRegex) {
        let exact = regex::Regex::new(pattern).unwrap();
        for text in TEXTS {
            let want: Vec<(usize, &str)> = exact
                .find_iter(text)
                .map(|m| (m.start(), m.as_str()))
                .collect();
            let got: Vec<(usize, &str)> = ours
                .find_iter(text)
                .map(|m| (m.start(), m.as_str()))
                .collect();
            assert_eq!(got, want, "{pattern} in {text:?}");
            assert_eq!(ours.is_match(text), exact.is_match(text));
            let spans = |c: regex::Captures| -> Vec<Option<Range<usize>>> {
                c.iter().map(|g| g.map(|g| g.range())).collect()
            };
            let ours_spans = |g: Groups| -> Vec<Option<Range<usize>>> {
                (0..exact.captures_len())
                    .map(|i| g.get(i).map(|m| m.range()))
                    .collect()
            };
            let want: Vec<_> = exact.captures_iter(text).map(spans).collect();
            let got: Vec<_> = ours.captures_iter(text).map(ours_spans).collect();
            assert_eq!(got, want, "{pattern} in {text:?}");
            let first = ours.captures(text).map(ours_spans);
            assert_eq!(
                first,
                exact.captures(text).map(spans),
                "{pattern} in {text:?}"
            );
        }
    }

    #[test]
    fn whole_words_are_those_of_the_word_bounded_pattern() {
        let patterns = [
            r"(?i)projektägare|ägare|projekt ägare",
            r"(?i)ab c|ab",
            r"(?i)(?:ur|av|se)\s+(?:års)?rapport\p{L}*\s*(?:19|20)\d{2}",
            r"år|åren",
            r"(?i)\. se|se",
        ];
        for pattern in patterns {
            let (flags, body) = split_flags(pattern);
            let exact = format!(r"{flags}\b(?:{body})\b");
            assert_same_matches(&exact, &WordRegex::new(pattern).unwrap());
        }
    }

    #[test]
    fn boundaries_anywhere_match_as_the_regex_crate_does() {
        let patterns = [
            r"(?i)\b(?:ur|av|se)\s+(?:\p{L}*rapport)\p{L}*\s*(?:(?:för\s+)?((?:19|20)\d{2})\b|\(bil\))",
            r#"(?i)\b(?:överenskommelse|rapport\p{L}*)\s+(?:om\s+)?["«][^"»]{3,40}["»]"#,
            r"\b(?:19|20)\d{2}\b",
            r"\Bpport\w*",
            r"\b",
        ];
        for pattern in patterns {
            assert_same_matches(pattern, &WordRegex::bounded(pattern).unwrap());
        }
    }

    #[test]
    fn leading_flags_stay_in_front() {
        assert_eq!(split_flags("(?i)a|b"), ("(?i)", "a|b"));
        assert_eq!(split_flags("(?:a)|b"), ("", "(?:a)|b"));
        assert!(WordRegex::new("(?i)Ägare").unwrap().is_match("ÄGARE: x"));
        assert!(
            !WordRegex::new("(?i)ägare")
                .unwrap()
                .is_match("projektägare")
        );
    }
}
