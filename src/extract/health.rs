//! Does a page's text look like real text? The check behind "this document
//! will search badly" warnings and behind the decision to OCR a page.
//!
//! A font without a usable Unicode map (common after a PostScript round
//! trip) gives text that looks fine on screen but extracts as punctuation
//! soup, replacement characters or mojibake; a lost word-spacing gives runs
//! of glued words. Each is measured on the page's whitespace tokens.

use super::quality::TextMeasure;
use crate::document::Page;

/// Below this share of word-like tokens a page's text is not language.
const MIN_WORD_SHARE: f64 = 0.6;
/// Above this share of glued (over-long) tokens, word spacing was lost.
const MAX_GLUED_SHARE: f64 = 0.05;
/// A token longer than this many letters is glued words (Swedish compounds are rarely longer).
const GLUED_LETTERS: usize = 32;
/// Pages with fewer tokens than this are too short to judge by shares.
const MIN_TOKENS: usize = 12;
/// Character pairs that betray UTF-8 read as Latin-1 ("Ã¤" for "ä").
const MOJIBAKE: [&str; 7] = ["Ã¤", "Ã¥", "Ã¶", "Ã„", "Ã…", "Ã–", "Ã©"];

/// What is wrong with a page's text, if anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Health {
    /// Reads as text.
    Good,
    /// No text at all (a scanned page).
    Empty,
    /// Text that is not language: OCR may do better.
    Garbage(&'static str),
    /// Text with lost word spacing: searchable only in part.
    Glued,
}

impl Health {
    /// Judges one page.
    pub fn of(page: &Page) -> Health {
        let text = page.text();
        let tokens: Vec<&str> = text.split_whitespace().collect();
        if tokens.is_empty() {
            return Health::Empty;
        }
        if TextMeasure::of_chars(text.chars()).is_garbled() {
            return Health::Garbage("ersättningstecken eller privata tecken");
        }
        if MOJIBAKE.iter().any(|m| text.contains(m)) {
            return Health::Garbage("felkodade tecken (Ã¤ för ä)");
        }
        if tokens.len() < MIN_TOKENS {
            return Health::Good;
        }
        if share(&tokens, is_word_like) < MIN_WORD_SHARE {
            return Health::Garbage("mest tecken som inte bildar ord");
        }
        if share(&tokens, |t| letters(t) > GLUED_LETTERS) > MAX_GLUED_SHARE {
            return Health::Glued;
        }
        Health::Good
    }

    /// True when OCR should be tried on the page.
    pub fn needs_ocr(&self) -> bool {
        matches!(self, Health::Empty | Health::Garbage(_))
    }

    /// A Swedish warning for page `number`, or `None` when the page is good.
    pub fn warning(&self, number: u32) -> Option<String> {
        match self {
            Health::Good => None,
            Health::Empty => Some(format!("sida {number} saknar text (skannad?)")),
            Health::Garbage(why) => Some(format!("sida {number} har trasig text: {why}")),
            Health::Glued => Some(format!(
                "sida {number} har ihopskrivna ord (mellanslag saknas)"
            )),
        }
    }
}

fn share(tokens: &[&str], test: impl Fn(&str) -> bool) -> f64 {
    tokens.iter().filter(|t| test(t)).count() as f64 / tokens.len() as f64
}

fn letters(token: &str) -> usize {
    token.chars().filter(|c| c.is_alphabetic()).count()
}

/// A token that could be a word, a number or an abbreviation: mostly letters
/// (with a vowel) or digits, allowing surrounding punctuation.
fn is_word_like(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return token.chars().all(|c| "–-•·|/&§%".contains(c));
    }
    let alnum = core.chars().filter(|c| c.is_alphanumeric()).count();
    let mostly_alnum = alnum * 10 >= core.chars().count() * 8;
    let digits = core
        .chars()
        .all(|c| c.is_ascii_digit() || ",.:-".contains(c));
    let vowel = core.chars().any(|c| "aeiouyåäöéüAEIOUYÅÄÖÉÜ".contains(c));
    let short_caps = core.chars().count() <= 5 && core.chars().all(char::is_uppercase);
    mostly_alnum && (vowel || digits || short_caps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Line;

    fn page(text: &str) -> Page {
        Page {
            number: 1,
            lines: text.lines().map(Line::plain).collect(),
        }
    }

    #[test]
    fn swedish_prose_is_good() {
        let text = "Projektet har under perioden arbetat med samordnat stöd till 45 deltagare. \
                    Försäkringskassan och AF deltog i samtliga möten, enligt § 3.";
        assert_eq!(Health::of(&page(text)), Health::Good);
    }

    #[test]
    fn punctuation_soup_from_an_unmapped_font_is_garbage() {
        let text = "!\"#$ %&'( )*+, -./0 1234 5678 9:;< =>?@ [\\]^ _`{| }~!\" #$%& '()* +,-. /012 !#%& )(*&";
        assert!(Health::of(&page(text)).needs_ocr());
    }

    #[test]
    fn mojibake_and_glued_words_are_flagged() {
        assert!(matches!(
            Health::of(&page("SamordningsfÃ¶rbundet")),
            Health::Garbage(_)
        ));
        let glued =
            "Projektetharunderperiodenarbetatmedsamordnatstöd ".repeat(2) + &"ord ".repeat(12);
        assert_eq!(Health::of(&page(&glued)), Health::Glued);
    }

    #[test]
    fn empty_page_needs_ocr_and_says_so() {
        let health = Health::of(&page(""));
        assert!(health.needs_ocr());
        assert_eq!(health.warning(4).unwrap(), "sida 4 saknar text (skannad?)");
    }
}
