//! Page furniture: running headers, running footers and page numbers.
//!
//! A page's edge zones are its first and its last block of lines (up to
//! the first or after the last paragraph break), at most three lines each:
//! headers and footers stand apart from the body. A running header or
//! footer is a line that recurs, once digits are masked, in the same edge
//! zone of many pages: at least half of the pages of a document with three
//! or more pages, or both pages of a two-page document. Pages are counted
//! once per distinct content: a page printed twice (a test sheet, a form
//! copied for each party) repeats all its lines, and that is no evidence
//! that any of them is a header. Bare page numbers
//! ("3", "- 3 -", "3 (12)", "Sida 3 av 12") are removed wherever they stand
//! in an edge zone. Nothing is removed from the middle of a page, where a
//! lone number is more likely a table cell, and nothing from a page where it
//! would be most of the text: a running header is a small part of a page,
//! so lines that repeat and make up more than half of a page's words are the
//! document's content (a one-line-per-page report, a form or a test sheet
//! printed once per page with a few lines changed) and are kept.
//!
//! What is removed is not lost: each distinct removed line is returned, in
//! page order, and the index holds it as the document's furniture (a
//! diarienummer or a förbund's name in a footer stays searchable).

use crate::document::{Line, Page};
use std::collections::{HashMap, HashSet};

/// At most this many lines at the top and at the bottom of a page form its edge zones.
const EDGE_LINES: usize = 3;
/// Words that may surround a page number.
const PAGE_WORDS: [&str; 6] = ["sida", "sid", "s", "page", "av", "of"];

/// Removes running headers, footers and page numbers from all pages;
/// returns the removed lines' texts, each distinct text once, in page order.
pub(crate) fn remove_furniture(pages: &mut [Page]) -> Vec<String> {
    let running = running_lines(pages);
    let mut removed = Vec::new();
    for page in pages.iter_mut() {
        let (top, bottom) = edge_zones(&page.lines);
        let furniture: Vec<usize> = top
            .into_iter()
            .map(|i| (true, i))
            .chain(bottom.into_iter().map(|i| (false, i)))
            .filter(|&(at_top, i)| {
                let text = &page.lines[i].text;
                is_page_number(text) || running.contains(&(at_top, mask(text)))
            })
            .map(|(_, i)| i)
            .collect();
        if is_most_of(&furniture, &page.lines) {
            continue;
        }
        let mut index = 0;
        page.lines.retain(|line| {
            index += 1;
            let keep = !furniture.contains(&(index - 1));
            if !keep {
                removed.push(line.text.clone());
            }
            keep
        });
    }
    keep_first(&mut removed);
    removed
}

/// Drops every line but the first of each text, keeping their order.
pub(crate) fn keep_first(lines: &mut Vec<String>) {
    let mut seen = HashSet::new();
    lines.retain(|text| seen.insert(text.clone()));
}

/// True when the lines at `indices` (which may repeat) hold more than half of the words of `lines`.
fn is_most_of(indices: &[usize], lines: &[Line]) -> bool {
    let words = |line: &Line| {
        let tokens = line.text.split_whitespace();
        tokens
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .count()
    };
    let chosen: HashSet<usize> = indices.iter().copied().collect();
    let removed: usize = chosen.iter().map(|&i| words(&lines[i])).sum();
    removed * 2 > lines.iter().map(words).sum::<usize>()
}

/// (at top, masked text) of lines that recur in the same edge zone of enough pages.
fn running_lines(pages: &[Page]) -> HashSet<(bool, String)> {
    let mut seen = HashSet::new();
    let distinct: Vec<&Page> = pages
        .iter()
        .filter(|page| seen.insert(content(page)))
        .collect();
    let needed = match distinct.len() {
        0 | 1 => return HashSet::new(),
        2 => 2,
        n => n.div_ceil(2),
    };
    let mut counts: HashMap<(bool, String), usize> = HashMap::new();
    for page in distinct {
        let (top, bottom) = edge_zones(&page.lines);
        let masked = |at_top: bool| move |i: usize| (at_top, mask(&page.lines[i].text));
        let keys: HashSet<(bool, String)> = top
            .into_iter()
            .map(masked(true))
            .chain(bottom.into_iter().map(masked(false)))
            .collect();
        keys.into_iter()
            .for_each(|key| *counts.entry(key).or_default() += 1);
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= needed)
        .map(|(key, _)| key)
        .collect()
}

/// A page's lines but blanks and page numbers: equal for pages printed twice.
fn content(page: &Page) -> Vec<&str> {
    page.lines
        .iter()
        .filter(|line| !line.is_blank() && !is_page_number(&line.text))
        .map(|line| line.text.as_str())
        .collect()
}

/// Indices of the lines in the top and in the bottom edge zone.
fn edge_zones(lines: &[Line]) -> (Vec<usize>, Vec<usize>) {
    let zone = |order: &mut dyn Iterator<Item = usize>| {
        let mut zone = Vec::new();
        for i in order {
            if lines[i].is_blank() && !zone.is_empty() || zone.len() == EDGE_LINES {
                break;
            }
            if !lines[i].is_blank() {
                zone.push(i);
            }
        }
        zone
    };
    (
        zone(&mut (0..lines.len())),
        zone(&mut (0..lines.len()).rev()),
    )
}

/// Lower-cased text with every run of digits replaced by `#`.
fn mask(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('#') {
            out.push('#');
        }
    }
    out
}

/// "3", "- 3 -", "3 (12)", "3/12", "Sida 3 av 12", "Page 3 of 12".
fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || "-–—()/|.:".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let is_number = |w: &str| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    let numbers = words.iter().filter(|w| is_number(w)).count();
    let known = words.iter().all(|w| is_number(w) || PAGE_WORDS.contains(w));
    (1..=2).contains(&numbers) && known && words.len() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::{page, texts};

    const BODY: [&str; 6] = [
        "Bakgrund",
        "Målgruppen är unga.",
        "Insatsen startade i maj.",
        "Resultat",
        "Fler fick arbete.",
        "Slutsatser följer.",
    ];

    /// Pages with a running header and footer around six body lines that differ per page.
    fn report(pages: u32) -> Vec<Page> {
        (1..=pages)
            .map(|n| {
                let mut lines = vec!["Finsam Testbygd – Årsrapport 2023".to_string()];
                lines.extend(
                    BODY.iter().map(|line| {
                        format!("{line} (del {})", ["a", "b", "c", "d"][n as usize - 1])
                    }),
                );
                lines.push(format!("Sida {n} av {pages}"));
                let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
                page(n, &texts)
            })
            .collect()
    }

    fn body(part: &str) -> Vec<String> {
        BODY.iter()
            .map(|line| format!("{line} (del {part})"))
            .collect()
    }

    #[test]
    fn running_header_and_footer_are_removed_body_kept() {
        let mut pages = report(4);
        let removed = remove_furniture(&mut pages);
        assert_eq!(texts(&pages[2]), body("c"));
        assert_eq!(
            removed,
            [
                "Finsam Testbygd – Årsrapport 2023",
                "Sida 1 av 4",
                "Sida 2 av 4",
                "Sida 3 av 4",
                "Sida 4 av 4"
            ],
            "each removed text once, in page order"
        );
    }

    #[test]
    fn two_page_document_loses_lines_repeated_on_both() {
        let mut pages = report(2);
        remove_furniture(&mut pages);
        assert_eq!(texts(&pages[1]), body("b"));
    }

    #[test]
    fn single_page_keeps_everything_but_page_numbers() {
        let mut pages = vec![page(1, &["Rubrik", "text", "- 1 -"])];
        assert_eq!(remove_furniture(&mut pages), ["- 1 -"]);
        assert_eq!(texts(&pages[0]), ["Rubrik", "text"]);
    }

    #[test]
    fn page_number_shapes() {
        for text in [
            "3",
            "- 3 -",
            "– 3 –",
            "3 (12)",
            "3/12",
            "Sida 3 av 12",
            "Page 3 of 12",
            "s. 3",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["2023", "3 deltagare", "Sida", "Tfn: 070-084 04 00", "12345"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn edge_zone_ends_at_first_paragraph_break() {
        let lines: Vec<Line> = ["Sidhuvud", "", "a", "b", "c", "", "Sidfot"]
            .into_iter()
            .map(Line::plain)
            .collect();
        assert_eq!(edge_zones(&lines), (vec![0], vec![6]));
    }

    #[test]
    fn body_line_repeated_below_the_header_block_is_kept() {
        let page_n = |n: u32| {
            let body = [
                format!("Del {n} av rapporten"),
                format!("a{n}"),
                format!("b{n}"),
                format!("c{n}"),
            ];
            let mut texts = vec!["Sidhuvud", ""];
            texts.extend(body.iter().map(String::as_str));
            texts.extend(["", "Sidfot"]);
            page(n, &texts)
        };
        let mut pages: Vec<Page> = (1..=3).map(page_n).collect();
        remove_furniture(&mut pages);
        assert_eq!(
            texts(&pages[1]),
            ["", "Del 2 av rapporten", "a2", "b2", "c2", ""]
        );
    }

    #[test]
    fn a_page_whose_only_text_repeats_keeps_it() {
        let mut pages: Vec<Page> = (1..=4)
            .map(|n| page(n, &["Hello, world!", &n.to_string()]))
            .collect();
        remove_furniture(&mut pages);
        assert!(pages.iter().all(|p| texts(p)[0] == "Hello, world!"));
    }

    #[test]
    fn lines_repeated_on_every_page_that_are_most_of_its_words_are_kept() {
        // A test sheet printed once per page with one line changed (qpdf's boxes.pdf).
        let sheet = |n: u32| {
            let rotate = format!("Rotate: {}", 90 * n);
            let lines = [
                "red rectangle at media [0 0 612 792]",
                "green at crop [10 20 582 752]",
                "blue at bleed [20 40 552 712]",
                "",
                &rotate,
                "",
                "page is cropped at crop",
            ];
            page(n, &lines)
        };
        let mut pages: Vec<Page> = (0..4).map(sheet).collect();
        let before = pages.clone();
        remove_furniture(&mut pages);
        assert_eq!(pages, before);
    }

    #[test]
    fn a_page_printed_twice_keeps_its_first_and_last_lines() {
        // A form printed once per copy: both pages alike, header and footer lines included.
        let sheet = |n: u32| {
            let number = format!("Sida {n} av 2");
            let lines = [
                "radio button 1",
                "radio button 2",
                "",
                "Thick green border surrounds page.",
                "Arrow to the left points down.",
                "Formy field in yellow, rotated counter-clockwise with its text going up.",
                "",
                "Drawn rectangles appear below annotations.",
                &number,
            ];
            page(n, &lines)
        };
        let mut pages: Vec<Page> = (1..=2).map(sheet).collect();
        remove_furniture(&mut pages);
        assert_eq!(texts(&pages[1])[0], "radio button 1");
        assert_eq!(
            texts(&pages[1]).last().unwrap(),
            &"Drawn rectangles appear below annotations."
        );
    }

    #[test]
    fn lone_number_mid_page_is_kept() {
        let mut pages = vec![page(1, &["a", "b", "c", "42", "d", "e", "f"])];
        remove_furniture(&mut pages);
        assert!(texts(&pages[0]).contains(&"42"));
    }
}
