//! Does a page's text look like real text? The check behind "this document
//! will search badly" warnings and behind the decision to OCR a page.
//!
//! A font without a usable Unicode map (common after a PostScript round
//! trip) gives text that looks fine on screen but extracts as punctuation
//! soup, replacement characters or mojibake; a lost word-spacing gives runs
//! of glued words. Tokens are measured by [`Plausibility`]; a page of words
//! that are not Swedish or English prose is not flagged here (it may be
//! another language), only doubted when choosing its reader.

use super::plausible::{Flaw, Plausibility};
use super::quality::TextMeasure;
use crate::document::Page;

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
        if text.split_whitespace().next().is_none() {
            return Health::Empty;
        }
        if TextMeasure::of_chars(text.chars()).is_garbled() {
            return Health::Garbage("ersättningstecken eller privata tecken");
        }
        if MOJIBAKE.iter().any(|m| text.contains(m)) {
            return Health::Garbage("felkodade tecken (Ã¤ för ä)");
        }
        match Plausibility::of_lines(&page.lines).flaw() {
            Some(Flaw::NotWords) => Health::Garbage(Flaw::NotWords.reason()),
            Some(Flaw::Glued) => Health::Glued,
            Some(Flaw::NotProse) | None => Health::Good,
        }
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
        let soup = format!("{text} {text}");
        assert!(Health::of(&page(&soup)).needs_ocr());
    }

    #[test]
    fn mojibake_and_glued_words_are_flagged() {
        assert!(matches!(
            Health::of(&page("SamordningsfÃ¶rbundet")),
            Health::Garbage(_)
        ));
        let glued =
            "Projektetharunderperiodenarbetatmedsamordnatstöd ".repeat(2) + &"och ".repeat(20);
        assert_eq!(Health::of(&page(&glued)), Health::Glued);
    }

    #[test]
    fn empty_page_needs_ocr_and_says_so() {
        let health = Health::of(&page(""));
        assert!(health.needs_ocr());
        assert_eq!(health.warning(4).unwrap(), "sida 4 saknar text (skannad?)");
    }
}
