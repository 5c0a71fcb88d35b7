//! Footnotes. In extracted text a footnote stands as a paragraph after a
//! paragraph holding only its number, at the foot of its page:
//!
//! ```text
//! 1
//!
//! Samordningsförbundet Burlöv-Staffanstorp, Slutrapport – Återkomsten. Samordnat stöd för
//!
//! sjukförsäkringen i Burlöv och Staffanstorp (Dnr 2024/11), 2024.
//! ```
//!
//! The footnote's own lines may stand as paragraphs of their own, and the
//! marker in the running text is a bare number too ("anställ-", "1",
//! "ning var …"). A footnote opens with a capital letter (the text after a
//! marker goes on in lower case), runs on while its text has not ended or
//! the next paragraph goes on in lower case, and is kept when it reads as a
//! reference: it names a year or a report type.

use super::cited::names_a_report_type;
use super::sentences::{continues, group, has_year, is_entry, is_page_footer, sentences};

/// Highest footnote number read.
const MAX_NUMBER: u32 = 99;

/// The references among the footnotes of a section's text.
pub fn footnotes(text: &str) -> Vec<String> {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty() && !is_page_footer(p))
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < paragraphs.len() {
        let opens = paragraphs.get(i + 1).is_some_and(|p| starts_upper(p));
        if !(is_number(&paragraphs[i]) && opens) {
            i += 1;
            continue;
        }
        let mut note = paragraphs[i + 1].clone();
        i += 2;
        while i < paragraphs.len() && !is_number(&paragraphs[i]) && ends_open(&note, &paragraphs[i])
        {
            note.push(' ');
            note.push_str(&paragraphs[i]);
            i += 1;
        }
        if has_year(&note) || names_a_report_type(&note) {
            found.extend(group(&sentences(&note)).into_iter().filter(|e| is_entry(e)));
        }
    }
    found
}

/// True for a paragraph that is only a footnote number.
fn is_number(paragraph: &str) -> bool {
    paragraph.len() <= 2
        && paragraph
            .parse::<u32>()
            .is_ok_and(|n| (1..=MAX_NUMBER).contains(&n))
}

fn starts_upper(paragraph: &str) -> bool {
    paragraph.chars().next().is_some_and(char::is_uppercase)
}

/// True when `next` goes on with the footnote `note`: its text has not ended,
/// or `next` continues in lower case.
fn ends_open(note: &str, next: &str) -> bool {
    let ended = note.trim_end().ends_with(['.', '!', '?']);
    !ended || continues(note, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnotes_after_their_numbers_are_read_and_markers_in_the_text_are_not() {
        let text = "där deltagare utan anställ-\n\n1\n\nning var svårast att nå.\n\n\
                    i linje med\n\n2\n\nprojektplanen.\n\n1\n\n\
                    Samordningsförbundet Burlöv-Staffanstorp, Slutrapport – Återkomsten. Samordnat stöd för\n\n\
                    sjukförsäkringen i Burlöv och Staffanstorp (Dnr 2024/11), 2024.\n\n2\n\n\
                    Finsam Lund, Projektplan: Hälsosteget, version 1.2, 2024-06-10.\n\n3\n\n\
                    Samordningsförbundet Västra Mälardalen, Verksamhetsplan och budget 2025, avsnitt 6.1. \
                    Se även SBU (2024),\n\nArbetsinriktade behandlingar vid psykisk ohälsa.";
        assert_eq!(
            footnotes(text),
            [
                "Samordningsförbundet Burlöv-Staffanstorp, Slutrapport – Återkomsten. Samordnat \
                 stöd för sjukförsäkringen i Burlöv och Staffanstorp (Dnr 2024/11), 2024.",
                "Finsam Lund, Projektplan: Hälsosteget, version 1.2, 2024-06-10.",
                "Samordningsförbundet Västra Mälardalen, Verksamhetsplan och budget 2025, avsnitt 6.1.",
                "Se även SBU (2024), Arbetsinriktade behandlingar vid psykisk ohälsa.",
            ]
        );
    }

    #[test]
    fn a_numbered_paragraph_that_cites_nothing_is_no_footnote() {
        assert!(footnotes("2\n\nDeltagarna träffas varje vecka.").is_empty());
        assert!(footnotes("Tabell\n\n12\n\nSumma").is_empty());
    }
}
