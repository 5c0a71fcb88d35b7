//! Personal data kept in: Swedish personnummer and samordningsnummer are
//! masked as soon as a file's text is read, before anything stores, labels or
//! indexes it, so no path through the API or the page can show them and no
//! search can find them.
//!
//! A number is masked only when it is one: ten or twelve digits, with or
//! without `-`, `+` or a space before the last four, a valid date (a
//! samordningsnummer adds 60 to the day) and a valid Luhn check digit. Other
//! numbers — amounts, diarienummer, organisationsnummer, years — are left
//! alone. The birth date stays (`19850315-XXXX`): the last four digits are
//! what identifies a person.

use crate::document::Page;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A personnummer's shape: an optional century, the date, an optional
/// separator and the four last digits.
static CANDIDATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:1[89]|20)?\d{6}[-+ ]?\d{4}").expect("valid pattern"));

/// What replaces the four last digits.
const MASK: &str = "XXXX";

/// Masks every personnummer and samordningsnummer on `pages` and in the
/// page furniture taken off them; returns how many.
pub fn mask_pages(pages: &mut [Page], furniture: &mut [String]) -> usize {
    let lines = pages.iter_mut().flat_map(|p| p.lines.iter_mut());
    mask_texts(lines.map(|line| &mut line.text).chain(furniture.iter_mut()))
}

/// Masks the texts in place; returns how many numbers were masked.
fn mask_texts<'a>(texts: impl Iterator<Item = &'a mut String>) -> usize {
    let mut count = 0;
    for text in texts {
        let (masked, found) = mask(text);
        if found > 0 {
            *text = masked.into_owned();
            count += found;
        }
    }
    count
}

/// `text` with its personnummer and samordningsnummer masked, and how many there were.
pub fn mask(text: &str) -> (Cow<'_, str>, usize) {
    let (mut out, mut copied, mut at, mut count) = (String::new(), 0, 0, 0);
    while let Some(found) = CANDIDATE.find_at(text, at) {
        let digit_before = text[..found.start()].ends_with(|c: char| c.is_ascii_digit());
        let digit_after = text[found.end()..].starts_with(|c: char| c.is_ascii_digit());
        match masked(found.as_str()).filter(|_| !digit_before && !digit_after) {
            Some(replacement) => {
                out.push_str(&text[copied..found.start()]);
                out.push_str(&replacement);
                (copied, at, count) = (found.end(), found.end(), count + 1);
            }
            None => at = found.start() + 1, // digits are one byte: a char boundary
        }
    }
    if count == 0 {
        return (Cow::Borrowed(text), 0);
    }
    out.push_str(&text[copied..]);
    (Cow::Owned(out), count)
}

/// The masked form of a candidate, or `None` when it is no personnummer
/// (an impossible date, a failed Luhn check).
fn masked(candidate: &str) -> Option<String> {
    let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
    let (century, number) = digits.split_at(digits.len() - 10);
    let date = &number[..6];
    if !valid_date(date) || !luhn_valid(number) {
        return None;
    }
    let separator = if candidate.contains('+') { "+" } else { "-" };
    Some(format!("{century}{date}{separator}{MASK}"))
}

/// True for `YYMMDD` with a real month and a day of 1–31, or 61–91 (a
/// samordningsnummer).
fn valid_date(date: &str) -> bool {
    let number = |range: std::ops::Range<usize>| date[range].parse::<u32>().unwrap_or(0);
    let (month, day) = (number(2..4), number(4..6));
    (1..=12).contains(&month) && ((1..=31).contains(&day) || (61..=91).contains(&day))
}

/// The Luhn check over ten digits (`YYMMDDNNNC`).
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .chars()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            let weighted = if i % 2 == 0 { d * 2 } else { d };
            weighted / 10 + weighted % 10
        })
        .sum();
    digits.len() == 10 && sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personnummer_in_every_written_form_are_masked() {
        // 850315-1238 has a valid check digit (Luhn).
        for (text, expected) in [
            (
                "Deltagare 19850315-1238 deltog.",
                "Deltagare 19850315-XXXX deltog.",
            ),
            ("pnr 850315-1238", "pnr 850315-XXXX"),
            ("198503151238", "19850315-XXXX"),
            ("8503151238.", "850315-XXXX."),
            ("850315+1238 (över 100 år)", "850315+XXXX (över 100 år)"),
            ("850315 1238", "850315-XXXX"),
            ("850315-1238 och 850315-1238", "850315-XXXX och 850315-XXXX"),
        ] {
            let (masked, count) = mask(text);
            assert_eq!(masked, expected, "{text}");
            assert!(count >= 1);
        }
    }

    #[test]
    fn samordningsnummer_are_masked() {
        // Day 15 + 60 = 75: 850375-1235 passes the Luhn check.
        assert!(luhn_valid("8503751235"));
        assert_eq!(mask("850375-1235").0, "850375-XXXX");
    }

    #[test]
    fn other_numbers_are_left_alone() {
        for text in [
            "850315-1234",        // wrong check digit
            "Org.nr 212000-2478", // month 20: an organisationsnummer
            "Dnr 2023/0142",      // a diarienummer
            "1 250 000 kronor",   // an amount
            "98503151238",        // eleven digits
            "1985031512381",      // thirteen digits
            "år 2024 och 2025",   // years
            "tel 0701234567x",    // a phone number that fails the date or Luhn check
        ] {
            let (masked, count) = mask(text);
            assert_eq!((masked.as_ref(), count), (text, 0), "{text}");
        }
    }

    #[test]
    fn pages_and_furniture_are_masked_line_by_line_and_counted() {
        let mut pages = vec![crate::document::test_support::page(
            1,
            &[
                "Ansvarig: 19850315-1238",
                "Budget 850 000 kr",
                "Kontakt 850315-1238",
            ],
        )];
        let mut furniture = vec!["Handläggare 19850315-1238 | Dnr 2023-0451".to_string()];
        assert_eq!(mask_pages(&mut pages, &mut furniture), 3);
        assert!(!pages[0].text().contains("1238"));
        assert!(pages[0].text().contains("Budget 850 000 kr"));
        assert_eq!(furniture, ["Handläggare 19850315-XXXX | Dnr 2023-0451"]);
    }
}
