//! Tables of contents: headings with page numbers, not text to search.
//!
//! A contents page repeats every heading of the report, so it matches
//! nearly any query about the report and answers none. A paragraph made of
//! entries that end in a dot leader and a page number ("Workshop ..... 9"),
//! or the "Innehållsförteckning" title above them, is left out of the
//! sections.

use super::SECTION_NUMBER;
use super::paragraphs::Paragraph;
use regex::Regex;
use std::sync::LazyLock;

/// A dot leader (dots, an ellipsis, spaced dots) and a page number (group
/// 1), then the next entry (a capital or a number) or the end.
static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{3,}|…+|(?:\. ){3,}\.?)\s*(\d{1,3})(?:\s+[\p{Lu}\d]|\s*$)")
        .expect("valid regex")
});
/// A contents title, or a section number, before an entry's heading.
static ENTRY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:innehållsförteckning|innehåll)?\s*(?:{SECTION_NUMBER}\s+)?"
    ))
    .expect("valid regex")
});
/// A long leader and a page number ending the text: one entry on its own.
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{5,}|…{2,}|(?:\. ){5,}\.?)\s*\d{1,3}$").expect("valid regex")
});

/// Entries with short leaders ("Workshop... 9") in one paragraph that make
/// it a table of contents; fewer will do when they end in a long leader.
const MIN_ENTRIES: usize = 3;
/// Longest paragraph per entry, in characters, for a table of contents.
const MAX_CHARS_PER_ENTRY: usize = 60;

/// True for a paragraph of contents entries, or the contents title alone.
pub fn is_table_of_contents(paragraph: &Paragraph) -> bool {
    let text = paragraph.text.trim();
    if is_contents_title(text) {
        return true;
    }
    let entries = LEADER.find_iter(text).count();
    let dense = text.chars().count() <= entries * MAX_CHARS_PER_ENTRY;
    dense && (entries >= MIN_ENTRIES || ENTRY.is_match(text))
}

/// The headings a contents paragraph lists, without section numbers or
/// page numbers: "1. Inledning... 3 Projektnamn... 3" → Inledning, Projektnamn.
pub fn entries(paragraph: &Paragraph) -> Vec<String> {
    let text = paragraph.text.as_str();
    let mut headings = Vec::new();
    let mut start = 0;
    for leader in LEADER.captures_iter(text) {
        let (whole, page) = (leader.get(0).expect("match"), leader.get(1).expect("group"));
        let entry = ENTRY_PREFIX.replace(text[start..whole.start()].trim(), "");
        if entry.chars().any(char::is_alphabetic) {
            headings.push(entry.trim().to_string());
        }
        start = page.end();
    }
    headings
}

fn is_contents_title(text: &str) -> bool {
    let lower = text.to_lowercase();
    matches!(lower.as_str(), "innehåll" | "innehållsförteckning")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Paragraph {
        Paragraph {
            text: text.to_string(),
            lines: Vec::new(),
            page: 1,
        }
    }

    fn is_contents(text: &str) -> bool {
        is_table_of_contents(&paragraph(text))
    }

    #[test]
    fn run_in_entries_and_single_leader_lines_are_contents() {
        assert!(is_contents(
            "Innehållsförteckning 1. Inledning... 3 Projektnamn... 3 Projektägare... 3 \
             Bakgrund och problembeskrivning... 3 Syfte och mål... 4"
        ));
        assert!(is_contents("2.1 Aktiviteter ........................ 7"));
        assert!(is_contents("3 Resultat . . . . . . . 12"));
        assert!(is_contents("Innehållsförteckning"));
    }

    #[test]
    fn entries_are_the_headings_without_numbers() {
        let contents = paragraph(
            "Innehållsförteckning 1. Inledning... 3 Projektnamn... 3 Bakgrund och \
             problembeskrivning... 3 Workshop... 9 3. Uppföljning och framåt... 10",
        );
        assert_eq!(
            entries(&contents),
            [
                "Inledning",
                "Projektnamn",
                "Bakgrund och problembeskrivning",
                "Workshop",
                "Uppföljning och framåt"
            ]
        );
    }

    #[test]
    fn text_with_an_ellipsis_or_a_number_is_not_contents() {
        assert!(!is_contents("Vi hade tre mål... 3 av dem nåddes."));
        assert!(!is_contents(
            "Deltagarna väntade... 3 veckor i snitt, och sedan... 4 veckor till. \
             Handläggarna menade att väntan... 2 gånger var för lång för de flesta \
             deltagarna och att den borde kortas."
        ));
        assert!(!is_contents("Innehållet i insatsen beskrivs nedan."));
    }
}
