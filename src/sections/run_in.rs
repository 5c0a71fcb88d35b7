//! Run-in headings of flattened reports, found through the report's own
//! table of contents.
//!
//! A report that went through PostScript, or was pasted as plain text, often
//! keeps its headings only as words in the running text: "… för full
//! implementering. Framgångsfaktorer I de ordinarie verksamheterna …". Its
//! table of contents still names them. When the layout found fewer than half
//! of the listed headings, each listed heading that stands at a sentence
//! start (after an optional section number) and is followed by a capitalised
//! word opens a section there.

use super::SECTION_NUMBER;
use super::shape::{Block, RawSection};
use regex::Regex;
use std::sync::LazyLock;

/// Fewest contents entries that make a table of contents worth reading.
const MIN_ENTRIES: usize = 3;
/// A section number just before a run-in heading ("2. Processen …").
static NUMBER_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{SECTION_NUMBER}\s*$")).expect("valid regex"));

/// The headings to look for in running text (none for a report whose
/// layout shows its headings).
pub struct RunInHeadings {
    headings: Vec<String>,
}

impl RunInHeadings {
    /// The contents `entries` the layout did not find among the `detected`
    /// headings, when it found fewer than half of them.
    pub fn new<'a>(entries: Vec<String>, detected: impl Iterator<Item = &'a str>) -> RunInHeadings {
        let detected: Vec<String> = detected.map(str::to_lowercase).collect();
        let is_found = |entry: &String| {
            let entry = entry.to_lowercase();
            detected.iter().any(|heading| heading.contains(&entry))
        };
        let found = entries.iter().filter(|e| is_found(e)).count();
        if entries.len() < MIN_ENTRIES || 2 * found >= entries.len() {
            return RunInHeadings {
                headings: Vec::new(),
            };
        }
        let mut headings: Vec<String> = entries.into_iter().filter(|e| !is_found(e)).collect();
        headings.sort_by_key(|h| std::cmp::Reverse(h.chars().count()));
        headings.dedup();
        RunInHeadings { headings }
    }

    /// Adds a paragraph to the sections: the text before its first run-in
    /// heading to the current section, each heading as a new section with
    /// the text that follows it.
    pub fn add(&self, sections: &mut Vec<RawSection>, text: String, page: u32) {
        let cuts = self.cuts(&text);
        let first_cut = cuts.first().map_or(text.len(), |cut| cut.start);
        let before = text[..first_cut].trim();
        if !before.is_empty() {
            let current = sections.last_mut().expect("never empty");
            current.blocks.push(Block {
                text: before.to_string(),
                page,
            });
        }
        for (i, cut) in cuts.iter().enumerate() {
            let end = cuts.get(i + 1).map_or(text.len(), |next| next.start);
            let mut section = RawSection::new(text[cut.start..cut.body].trim().to_string(), page);
            let body = text[cut.body..end].trim();
            if !body.is_empty() {
                section.blocks.push(Block {
                    text: body.to_string(),
                    page,
                });
            }
            sections.push(section);
        }
    }

    /// Where run-in headings start and their bodies begin, in text order.
    fn cuts(&self, text: &str) -> Vec<Cut> {
        let mut cuts: Vec<Cut> = Vec::new();
        for heading in &self.headings {
            for (at, _) in text.match_indices(heading.as_str()) {
                let body = at + heading.len();
                let Some(start) = sentence_start(text, at) else {
                    continue;
                };
                let overlaps = cuts.iter().any(|c| start < c.body && c.start < body);
                if starts_sentence(&text[body..]) && !overlaps {
                    cuts.push(Cut { start, body });
                }
            }
        }
        cuts.sort_by_key(|cut| cut.start);
        cuts
    }
}

/// A run-in heading: where it starts (with its number) and where its body begins.
struct Cut {
    start: usize,
    body: usize,
}

/// Where a heading at `at` starts, counting a section number before it,
/// when it stands at the start of the text or of a sentence.
fn sentence_start(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let start = NUMBER_BEFORE
        .find(before)
        .map_or(at, |number| number.start());
    let preceding = text[..start].trim_end();
    let after_sentence = preceding.is_empty()
        || preceding.ends_with(['.', '!', '?', ':', '”', '"', ')'])
        || preceding.ends_with(|c: char| c.is_ascii_digit());
    (after_sentence && (start == 0 || text[..start].ends_with(char::is_whitespace)))
        .then_some(start)
}

/// True when `rest` is white space and then a capital letter: a new sentence.
fn starts_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<String> {
        [
            "Bakgrund",
            "Processen och genomförandet",
            "Framgångsfaktorer",
            "Referenser",
        ]
        .map(String::from)
        .to_vec()
    }

    fn headings_and_texts(run_in: &RunInHeadings, text: &str) -> Vec<(String, String)> {
        let mut sections = vec![RawSection::new("Transkript".into(), 1)];
        run_in.add(&mut sections, text.to_string(), 1);
        sections
            .into_iter()
            .map(|s| {
                let texts: Vec<String> = s.blocks.into_iter().map(|b| b.text).collect();
                (s.heading, texts.join(" "))
            })
            .collect()
    }

    #[test]
    fn listed_headings_at_sentence_starts_open_sections() {
        let run_in = RunInHeadings::new(entries(), std::iter::empty());
        let text = "Inledande text. Bakgrund Personer utan SGI får inget stöd. \
                    2. Processen och genomförandet Processen har en ledare. Våra \
                    framgångsfaktorer är få. Framgångsfaktorer I verksamheterna finns tid.";
        let sections = headings_and_texts(&run_in, text);
        let headings: Vec<&str> = sections.iter().map(|(h, _)| h.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Transkript",
                "Bakgrund",
                "2. Processen och genomförandet",
                "Framgångsfaktorer"
            ]
        );
        assert_eq!(sections[0].1, "Inledande text.");
        assert_eq!(sections[3].1, "I verksamheterna finns tid.");
        assert!(sections[2].1.ends_with("Våra framgångsfaktorer är få."));
    }

    #[test]
    fn a_report_whose_layout_shows_its_headings_is_left_alone() {
        let detected = ["1. Bakgrund", "Processen och genomförandet", "Referenser"];
        let run_in = RunInHeadings::new(entries(), detected.into_iter());
        let text = "Inledande text. Framgångsfaktorer I verksamheterna finns tid.";
        assert_eq!(headings_and_texts(&run_in, text).len(), 1);
    }

    #[test]
    fn a_heading_word_inside_a_sentence_is_not_a_heading() {
        let run_in = RunInHeadings::new(entries(), std::iter::empty());
        let text = "Vi beskriver Bakgrund Och mer. Framgångsfaktorer är många.";
        assert_eq!(headings_and_texts(&run_in, text).len(), 1);
    }
}
