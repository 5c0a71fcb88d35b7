//! A reference list's text cut into entries. Lists come out of PDFs in
//! three shapes: one entry per bullet or numbered line; one entry per line;
//! or — when the list had no bullets and little spacing — all entries run
//! together in one paragraph. The last is cut into sentences, and sentences
//! are grouped back into entries by how references end: with their year
//! ("…, 2021.", "Rapport 2023:4."), or where the next one starts with its
//! author and year ("ISF (2020): …").

use super::cited::names_a_report_type;
use regex::Regex;
use std::sync::LazyLock;

/// Longest entry kept, in characters (a longer one is prose).
pub const MAX_ENTRY_CHARS: usize = 400;
/// Shortest entry kept, in characters.
pub const MIN_ENTRY_CHARS: usize = 12;
/// Most words of a sentence that only completes the entry before it
/// ("Samordningsförbundet Halland 2023.", "ISF Rapport 2023:6.").
const TAIL_WORDS: usize = 6;

/// A year, a date or a numbered report ending a sentence: "2021.", "(2021).",
/// "2023-06-30.", "2020:11.", "2024/112.".
static ENDS_WITH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(?:19|20)\d{2}(?:[-/:.]\d{1,4})*\)?[.,;]?\s*$").expect("valid pattern")
});
/// Any year 1900–2099 as a word.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").expect("valid pattern"));
/// An author and year opening a reference: "ISF (2020)", "Se även SBU (2024)".
static AUTHOR_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^.:()]{1,80}?\((?:19|20)\d{2}\)").expect("valid pattern"));
/// A place and date that open a signature, not a reference: "Bollnäs 2025-10-15".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}-]+,?\s+(?:den\s+)?\d{4}-\d{2}-\d{2}\b").expect("valid pattern")
});
/// A page number as running footers write it: "Sida 3 av 3", "Page 2 of 5".
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sida|sid|page)\s+\d+\s*(?:av|of|/)\s*\d+\b").expect("valid pattern")
});
/// A bullet or a number opening a list item: "•", "–", "1.", "2)", "[3]".
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•·▪◦*●■-]|–|—|\[\d{1,3}\]|\d{1,3}[.)](?:\s|$))[\s•·▪◦*●■]*")
        .expect("valid pattern")
});

/// The entries of a reference list's text.
pub fn list_entries(text: &str) -> Vec<String> {
    blocks(text)
        .iter()
        .flat_map(|block| group(&sentences(block)))
        .filter(|entry| is_entry(entry))
        .collect()
}

/// The lines of a list joined into its items: a bullet or number starts an
/// item, and where the list has none, a line does — unless it continues the
/// line before (which ends without a full stop, and this one starts in lower
/// case or the one before ends with a comma or dash). A page's running
/// footer left in the text is no line of the list.
fn blocks(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_page_footer(l))
        .collect();
    let bulleted = lines.iter().any(|l| MARKER.is_match(l));
    let mut blocks: Vec<String> = Vec::new();
    for line in lines {
        let (starts, body) = match MARKER.find(line) {
            Some(marker) => (true, line[marker.end()..].trim()),
            None => {
                let continues = blocks.last().is_some_and(|b| continues(b, line));
                (!bulleted && !continues, line)
            }
        };
        match blocks.last_mut() {
            Some(last) if !starts => {
                last.push(' ');
                last.push_str(body);
            }
            _ => blocks.push(body.to_string()),
        }
    }
    blocks.retain(|b| !b.is_empty());
    blocks
}

/// True when `next` continues the text `before` (a line broken inside a sentence).
pub fn continues(before: &str, next: &str) -> bool {
    let before = before.trim_end();
    let ended = before.ends_with(['.', '!', '?']);
    let joined = before.ends_with([',', ';', ':', '–', '-', '(', '&']);
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    !ended && (lower || joined)
}

/// A block's sentences: it is cut after `.`, `!` or `?` followed by a space
/// and a capital letter or digit ("avsnitt 6.1. Se även" is cut; "P. (2015)"
/// and "S., Nazem" are not).
pub fn sentences(block: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    for (n, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = &chars[n + 1..];
        let spaced = after.first().is_some_and(|(_, c)| c.is_whitespace());
        let next = after.iter().map(|(_, c)| *c).find(|c| !c.is_whitespace());
        if spaced && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            let end = at + c.len_utf8();
            sentences.push(block[start..end].trim());
            start = end;
        }
    }
    sentences.push(block[start..].trim());
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// Sentences grouped into entries: a sentence starts a new entry after one
/// ending with a year, when it opens with an author and year, or when both
/// it and the entry so far name a year — unless it only completes the entry
/// (a few words naming no report type). A signature's dateline ends the list.
pub fn group(sentences: &[&str]) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    let mut current = String::new();
    for &sentence in sentences {
        if DATELINE.is_match(sentence) {
            break;
        }
        if current.is_empty() {
            current = sentence.to_string();
            continue;
        }
        let starts_new = !is_tail(sentence)
            && (AUTHOR_YEAR.is_match(sentence)
                || ENDS_WITH_YEAR.is_match(&current)
                || (YEAR.is_match(&current) && YEAR.is_match(sentence)));
        if starts_new {
            entries.push(std::mem::take(&mut current));
            current = sentence.to_string();
        } else {
            current.push(' ');
            current.push_str(sentence);
        }
    }
    if !current.is_empty() {
        entries.push(current);
    }
    entries
}

/// A sentence that only completes the entry before it: a few words, no
/// report type, no author and year of its own.
fn is_tail(sentence: &str) -> bool {
    sentence.split_whitespace().count() <= TAIL_WORDS
        && !names_a_report_type(sentence)
        && !AUTHOR_YEAR.is_match(sentence)
}

/// True for a line holding a page number as running footers write it.
pub fn is_page_footer(line: &str) -> bool {
    PAGE_NUMBER.is_match(line)
}

/// True for text long enough to be a reference (two words or more, one of
/// them a word of letters), short enough not to be prose, and not a page's
/// running footer ("Dnr 2022/19 · Sida 3 av 3").
pub fn is_entry(text: &str) -> bool {
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    let wordy = text
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    (MIN_ENTRY_CHARS..=MAX_ENTRY_CHARS).contains(&chars)
        && words >= 2
        && wordy
        && !is_page_footer(text)
}

/// True when `text` names a year.
pub fn has_year(text: &str) -> bool {
    YEAR.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulleted_items_are_entries_a_wrapped_line_continues_its_item_a_footer_does_not() {
        let text = "• Ansökan om medel – KLIV, 2023.\n• Samordningsförbundet Burlöv-Staffanstorp, \
                    Slutrapport – Återkomsten. Samordnat stöd för\nåtervändare, 2024.\n• • •";
        let text = format!("{text}\n\nwww.finsamgavleborg.se Sida 3 av 3");
        assert_eq!(
            list_entries(&text),
            [
                "Ansökan om medel – KLIV, 2023.",
                "Samordningsförbundet Burlöv-Staffanstorp, Slutrapport – Återkomsten. \
                 Samordnat stöd för återvändare, 2024."
            ]
        );
    }

    #[test]
    fn lines_without_bullets_are_entries_unless_broken_inside_a_sentence() {
        let text = "Socialstyrelsen (2021): Metodguiden, IPS\nför unga vuxna.\nSKR (2022): Arbete.";
        assert_eq!(
            list_entries(text),
            [
                "Socialstyrelsen (2021): Metodguiden, IPS för unga vuxna.",
                "SKR (2022): Arbete."
            ]
        );
    }

    #[test]
    fn a_run_on_list_is_cut_where_references_end_with_their_year() {
        let text = "Delrapport Metodimplementering kring nollplacerade. Samordningsförbundet \
                    Burlöv-Staffanstorp, 2018. Projekt SAM – Samverkan för arbetsåtergång, \
                    Delrapport juni 2012 (Samordningsförbundet Västerås). ISF (2020): Vad händer \
                    efter sjukpenningen? Personer som lämnar sjukförsäkringen vid dag 180. ISF \
                    Rapport 2020:11. Burlöv 2022-01-07 · Hanna Sjöholm, utvecklingsledare";
        assert_eq!(
            list_entries(text),
            [
                "Delrapport Metodimplementering kring nollplacerade. Samordningsförbundet \
                 Burlöv-Staffanstorp, 2018.",
                "Projekt SAM – Samverkan för arbetsåtergång, Delrapport juni 2012 \
                 (Samordningsförbundet Västerås).",
                "ISF (2020): Vad händer efter sjukpenningen? Personer som lämnar \
                 sjukförsäkringen vid dag 180. ISF Rapport 2020:11.",
            ],
            "the signature's dateline ends the list"
        );
    }

    #[test]
    fn a_sentence_with_a_report_type_and_a_year_starts_a_new_entry() {
        let text = "Noll till ett – förstudie, Rapport 2023:4, Samordningsförbundet i Uppsala län. \
                    Samordningsförbundet Stockholms stad, Verksamhetsberättelse 2023.";
        assert_eq!(list_entries(text).len(), 2);
        let tail = "Delrapport projekt Steget, perioden 2022-09-01 – 2023-06-30. \
                    Samordningsförbundet Halland 2023.";
        assert_eq!(
            list_entries(tail).len(),
            1,
            "a publisher and year complete it"
        );
    }

    #[test]
    fn sentences_are_cut_before_capitals_not_after_initials() {
        assert_eq!(
            sentences("Mendelson, S., Nazem, N. och Ryberg, P. (2015). På Rätt Väg! Slutrapport."),
            [
                "Mendelson, S., Nazem, N. och Ryberg, P. (2015).",
                "På Rätt Väg!",
                "Slutrapport."
            ]
        );
        assert_eq!(
            sentences("Verksamhetsplan 2025, avsnitt 6.1. Se även SBU (2024)").len(),
            2
        );
    }

    #[test]
    fn entries_are_neither_scraps_nor_prose() {
        assert!(!is_entry("• • •"));
        assert!(!is_entry("Sida 3 av 3"));
        assert!(!is_entry("Dnr SFH 2022/19 · Fiktivt exempel Sida 3 av 3"));
        assert!(is_entry("Verksamhetsplan 2024"));
        assert!(!is_entry(&"ord ".repeat(120)));
    }
}
