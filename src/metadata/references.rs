//! Lists of other documents: where a report names reports that are not it.
//!
//! A report may open or close with a list of other documents ("Relevanta
//! dokument", "Referenser", "Källor"). Their titles name other förbund,
//! owners, projects, target groups and years ("Ansökan om medel från Finsam
//! Lund", "Projektplan. Projektägare: … Linköpings kommun"), so evidence
//! found there describes those documents, not this one. [`ReferenceLists`]
//! blanks such lists out before a document is labelled.
//!
//! A list begins at a line that is only a reference heading (from
//! `reference_lists` in `data/organisations.toml`, optionally numbered:
//! "4. Referenser") and ends before the next heading: a line set larger or
//! bolder than the list's own lines, in text without layout a short numbered
//! line ("1. Inledning") or a short label ("Transkript:"), or a table of
//! contents ("Innehållsförteckning …"); else at the end of the document.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::fields::label_regex;
use crate::document::{Line, Page};

/// A reference heading has at most this many words (after its number).
const MAX_HEADING_WORDS: usize = 4;
/// A numbered heading that ends a list has at most this many words.
const MAX_NUMBERED_WORDS: usize = 10;
/// A line of at most this many words ending in a colon ("Transkript:") is a heading.
const MAX_LABEL_WORDS: usize = 3;
/// A line this many points larger than the list's lines is a heading.
const LARGER: f32 = 0.5;

/// "1. Inledning", "2 Processen och genomförandet", "3.1 Mål".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(\.\d{1,2})*\.?\s+\p{Lu}").expect("valid regex"));
/// The leading section number of a heading.
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(\.\d{1,2})*\.?\s+").expect("valid regex"));

/// Finds lists of other documents' titles.
#[derive(Debug)]
pub struct ReferenceLists {
    heading: Regex,
}

impl ReferenceLists {
    /// Compiles the reference headings ("relevanta dokument", "referenser").
    pub fn new(headings: &[String]) -> ReferenceLists {
        ReferenceLists {
            heading: label_regex(headings),
        }
    }

    /// `pages` with the lines of every reference list blanked out (the
    /// heading too); borrowed unchanged when there is none.
    pub fn without_lists<'a>(&self, pages: &'a [Page]) -> Cow<'a, [Page]> {
        let lines: Vec<(usize, usize)> = pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| (0..page.lines.len()).map(move |l| (p, l)))
            .collect();
        let line = |i: usize| &pages[lines[i].0].lines[lines[i].1];
        let mut blanked = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if !self.is_heading(&line(i).text) {
                i += 1;
                continue;
            }
            let heading = i;
            let body = (i + 1..lines.len()).find(|&j| !line(j).is_blank());
            let style = body.map(|j| line(j).clone());
            i += 1;
            while i < lines.len() && !style.as_ref().is_some_and(|s| ends_list(line(i), s)) {
                i += 1;
            }
            blanked.extend(heading..i);
        }
        if blanked.is_empty() {
            return Cow::Borrowed(pages);
        }
        let mut own = pages.to_vec();
        for i in blanked {
            let (p, l) = lines[i];
            own[p].lines[l].text.clear();
        }
        Cow::Owned(own)
    }

    /// A line that is only a reference heading, possibly numbered.
    fn is_heading(&self, text: &str) -> bool {
        let text = NUMBER.replace(text.trim(), "");
        let text = text.trim_end_matches(':');
        text.split_whitespace().count() <= MAX_HEADING_WORDS
            && self
                .heading
                .find(text)
                .is_some_and(|m| m.start() == 0 && m.end() == text.len())
    }
}

/// True when `line` is a heading after a list whose first entry is `entry`.
/// Where the layout is known, a heading shows in its style; in plain text
/// (and flattened PDFs) a short numbered line is taken for one.
fn ends_list(line: &Line, entry: &Line) -> bool {
    if line.is_blank() {
        return false;
    }
    let text = line.text.trim();
    if text.to_lowercase().starts_with("innehåll") {
        return true;
    }
    if line.font_size > 0.0 && entry.font_size > 0.0 {
        return line.font_size > entry.font_size + LARGER || line.bold && !entry.bold;
    }
    let words = text.split_whitespace().count();
    let label = text.ends_with(':') && words <= MAX_LABEL_WORDS;
    label || NUMBERED.is_match(text) && words <= MAX_NUMBERED_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::{page, texts};

    fn lists() -> ReferenceLists {
        ReferenceLists::new(&["relevanta dokument".into(), "referenser".into()])
    }

    #[test]
    fn a_list_ends_at_the_table_of_contents() {
        let pages = [page(
            1,
            &[
                "Delrapport",
                "Relevanta dokument",
                "Ansökan om medel från Finsam Lund",
                "",
                "Projektägare: Linköpings kommun.",
                "Innehållsförteckning 1. Inledning... 3",
                "Staffanstorps kommun är projektägare.",
            ],
        )];
        let own = lists().without_lists(&pages);
        assert_eq!(
            texts(&own[0]),
            [
                "Delrapport",
                "",
                "",
                "",
                "",
                "Innehållsförteckning 1. Inledning... 3",
                "Staffanstorps kommun är projektägare."
            ]
        );
    }

    #[test]
    fn a_list_ends_at_a_larger_or_bolder_line_on_a_later_page() {
        let entry = |t: &str| Line {
            text: t.into(),
            font_size: 11.0,
            bold: false,
        };
        let heading = |t: &str| Line {
            bold: true,
            ..entry(t)
        };
        let pages = [
            Page {
                number: 1,
                lines: vec![heading("4. Referenser"), entry("Finsam Lund, 2017")],
            },
            Page {
                number: 2,
                lines: vec![
                    entry("Skåne Nordost, 2016"),
                    heading("Bilaga 1"),
                    entry("x"),
                ],
            },
        ];
        let own = lists().without_lists(&pages);
        assert_eq!(texts(&own[0]), ["", ""]);
        assert_eq!(texts(&own[1]), ["", "Bilaga 1", "x"]);
    }

    #[test]
    fn a_mention_in_running_text_is_no_list() {
        let pages = [page(1, &["Se referenser nedan.", "Referensgrupp", "text"])];
        assert!(matches!(lists().without_lists(&pages), Cow::Borrowed(_)));
    }
}
