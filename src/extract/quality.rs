//! Measuring extracted text, to choose between extractors and to warn.
//!
//! Two numbers describe a page's text: how many letters and digits it has
//! (independent of how well words were spaced) and what share of its
//! visible characters are suspicious (U+FFFD, private-use code points,
//! control characters), the signature of a font without a usable Unicode map.

use crate::document::Line;

/// Above this share of suspicious characters a page's text is probably garbage.
pub(crate) const SUSPICIOUS_LIMIT: f64 = 0.02;
/// A cleaner reading keeps at least this share of a garbled one's letters and digits.
const KEPT_SHARE: f64 = 0.9;
/// A reading is cleaned only of suspicious characters up to this share.
const STRAY_SHARE: f64 = 0.5;

/// Letter/digit count and suspicious share of some text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextMeasure {
    /// Letters and digits.
    pub alphanumeric: usize,
    /// Share of non-space characters that are suspicious.
    pub suspicious_share: f64,
}

impl TextMeasure {
    /// Measures the text of some lines.
    pub fn of_lines(lines: &[Line]) -> Self {
        Self::of_chars(lines.iter().flat_map(|l| l.text.chars()))
    }

    /// Measures a sequence of characters.
    pub fn of_chars(chars: impl Iterator<Item = char>) -> Self {
        let (mut visible, mut alphanumeric, mut suspicious) = (0, 0, 0);
        for c in chars.filter(|c| !c.is_whitespace()) {
            visible += 1;
            alphanumeric += usize::from(c.is_alphanumeric());
            suspicious += usize::from(is_suspicious(c));
        }
        let suspicious_share = if visible == 0 {
            0.0
        } else {
            suspicious as f64 / visible as f64
        };
        TextMeasure {
            alphanumeric,
            suspicious_share,
        }
    }

    /// True when the text looks like a broken font map.
    pub fn is_garbled(&self) -> bool {
        self.suspicious_share > SUSPICIOUS_LIMIT
    }

    /// True when `self` is garbled by a few suspicious characters (at most
    /// [`STRAY_SHARE`]) and `other` is the same text without them: not
    /// garbled, with at least [`KEPT_SHARE`] of its letters and digits (codes
    /// a font does not map, which one reader turns into control characters
    /// and the other leaves out). Text that is mostly suspicious characters
    /// is a font without a Unicode map, and the other reader's text without
    /// them is what little of it happened to map.
    pub fn cleaned_by(&self, other: &TextMeasure) -> bool {
        self.is_garbled()
            && self.suspicious_share <= STRAY_SHARE
            && !other.is_garbled()
            && other.alphanumeric as f64 >= KEPT_SHARE * self.alphanumeric as f64
    }

    /// True when `other` has clearly more real text than `self`.
    pub fn clearly_less_than(&self, other: &TextMeasure) -> bool {
        let more_text = other.alphanumeric as f64 > self.alphanumeric as f64 * 1.1 + 5.0;
        let as_clean = other.suspicious_share <= self.suspicious_share.max(SUSPICIOUS_LIMIT);
        more_text && as_clean
    }
}

fn is_suspicious(c: char) -> bool {
    let private_use = matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}');
    c == '\u{FFFD}' || private_use || c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacement_and_private_use_characters_are_suspicious() {
        let measure = TextMeasure::of_chars("ab\u{FFFD}\u{E001} cd".chars());
        assert_eq!(measure.alphanumeric, 4);
        assert!((measure.suspicious_share - 2.0 / 6.0).abs() < 1e-9);
        assert!(measure.is_garbled());
    }

    #[test]
    fn more_letters_win_only_when_clearly_more() {
        let short = TextMeasure::of_chars("a".repeat(50).chars());
        let long = TextMeasure::of_chars("a".repeat(80).chars());
        assert!(short.clearly_less_than(&long));
        assert!(!long.clearly_less_than(&short));
        assert!(!short.clearly_less_than(&TextMeasure::of_chars("a".repeat(52).chars())));
    }

    #[test]
    fn the_same_text_without_control_characters_cleans_it() {
        // A table of a font's characters: codes 0-31 have no Unicode and read as NUL.
        let printable: String = (33u8..127).map(|b| format!("{} ", char::from(b))).collect();
        let table = format!("{}{printable}", "\0 ".repeat(32));
        let garbled = TextMeasure::of_chars(table.chars());
        let clean = TextMeasure::of_chars(table.replace('\0', "").chars());
        assert!(garbled.is_garbled());
        assert!(garbled.cleaned_by(&clean));
        assert!(!clean.cleaned_by(&garbled));
        assert!(!garbled.cleaned_by(&TextMeasure::of_chars("! # A B".chars())));
        // A font without a Unicode map: mostly control characters, and the few codes that map.
        let unmapped =
            TextMeasure::of_chars("\u{1}\u{2}\u{3}\u{4} \u{2}\u{5}! \u{6}\u{1}#".chars());
        assert!(!unmapped.cleaned_by(&TextMeasure::of_chars("! #".chars())));
    }
}
