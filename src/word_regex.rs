//! Whole-word patterns that stay on the regex crate's fast engines.
//!
//! A Unicode `\b` makes the regex crate leave its DFAs for the slow PikeVM
//! on any non-ASCII text — every Swedish line. A [`WordRegex`] searches the
//! pattern without `\b` (DFA and literal prefilters) and checks the word
//! boundaries of each candidate itself; only when a candidate ends inside a
//! word is the exact `\b…\b` pattern asked, from that candidate on, so the
//! matches are exactly those of `\b(?:pattern)\b`.

use regex::{Match, Regex};

/// A pattern matched only as whole words (as `\b(?:pattern)\b`).
#[derive(Debug, Clone)]
pub struct WordRegex {
    fast: Regex,
    exact: Regex,
}

impl WordRegex {
    /// Compiles `pattern` (written without `\b`; flags such as `(?i)` may lead).
    pub fn new(pattern: &str) -> Result<WordRegex, regex::Error> {
        let (flags, body) = split_flags(pattern);
        Ok(WordRegex {
            fast: Regex::new(pattern)?,
            exact: Regex::new(&format!(r"{flags}\b(?:{body})\b"))?,
        })
    }

    /// The first whole-word match.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.find_at(text, 0)
    }

    /// True when the pattern occurs as whole words.
    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// Every whole-word match, left to right, not overlapping.
    pub fn find_iter<'a, 't>(&'a self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 'a
    where
        't: 'a,
    {
        let mut at = 0;
        std::iter::from_fn(move || {
            let found = self.find_at(text, at)?;
            at = match found.end() > found.start() {
                true => found.end(),
                false => next_char(text, found.end()),
            };
            Some(found)
        })
    }

    /// The first whole-word match starting at or after byte `start`.
    fn find_at<'t>(&self, text: &'t str, start: usize) -> Option<Match<'t>> {
        let mut at = start;
        while at <= text.len() {
            let candidate = self.fast.find_at(text, at)?;
            if !boundary(text, candidate.start()) {
                at = next_char(text, candidate.start());
                continue;
            }
            if candidate.is_empty() || !boundary(text, candidate.end()) {
                return self.exact.find_at(text, candidate.start());
            }
            return Some(candidate);
        }
        None
    }
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

/// True when `\b` holds at byte `at`: a word character on one side only.
fn boundary(text: &str, at: usize) -> bool {
    word_before(text, at) != word_after(text, at)
}

/// True when a word character (as `\w`) ends just before byte `at`.
fn word_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word)
}

/// True when a word character starts at byte `at`.
fn word_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte after the character at `at` (past the end for the last).
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches as the `\b` pattern, over texts built to trip it.
    #[test]
    fn matches_are_those_of_the_word_bounded_pattern() {
        let patterns = [
            r"(?i)projektägare|ägare|projekt ägare",
            r"(?i)ab c|ab",
            r"(?i)(?:ur|av|se)\s+(?:års)?rapport\p{L}*\s*(?:19|20)\d{2}",
            r"år|åren",
            r"(?i)\. se|se",
        ];
        let texts = [
            "Projektägaren är Burlöv; projektägare: Lund. Ägare, ÄGARE.",
            "ab cd ab, xab ab_c ab c",
            "påse rapporten 2019, se rapporten 2019 och ur årsrapporten 20199 samt av rapport 2020.",
            "åren år åråren _år år",
            "",
        ];
        for pattern in patterns {
            let ours = WordRegex::new(pattern).unwrap();
            let exact = Regex::new(&format!(r"\b(?:{pattern})\b")).unwrap();
            for text in texts {
                let want: Vec<(usize, &str)> = exact
                    .find_iter(text)
                    .map(|m| (m.start(), m.as_str()))
                    .collect();
                let got: Vec<(usize, &str)> = ours
                    .find_iter(text)
                    .map(|m| (m.start(), m.as_str()))
                    .collect();
                assert_eq!(got, want, "{pattern} in {text:?}");
            }
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
