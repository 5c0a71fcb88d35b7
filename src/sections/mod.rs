//! Cutting a document into sections: the unit that search returns.
//!
//! A report is read as a stream of paragraphs, each tagged with its page.
//! Tables of contents are left out ([`contents`]), but their entries name
//! the headings a flattened report ran into its text ([`run_in`]).
//! Paragraphs that look like headings ([`heading`]) open a new section; the
//! sections are then tidied ([`shape`]): headings with no body become the
//! parent of the next heading, tiny sections are folded into their
//! neighbour, and long ones are cut into passages of sensible length, so a
//! hit is always a readable piece and never a whole document.

mod contents;
mod heading;
mod paragraphs;
mod run_in;
mod shape;

use crate::document::{Page, Section};
use contents::{entries, is_table_of_contents};
use heading::HeadingDetector;
use paragraphs::{Paragraph, paragraphs};
use run_in::RunInHeadings;
use shape::{Block, RawSection};

/// A section number in a heading ("2", "2.1", "3.1.2."), as a regex fragment.
const SECTION_NUMBER: &str = r"\d{1,2}(?:\.\d{1,2})*\.?";

/// Splits a document's pages into ordered sections.
pub fn split(pages: &[Page]) -> Vec<Section> {
    let detector = HeadingDetector::for_pages(pages);
    let (contents, body): (Vec<Paragraph>, Vec<Paragraph>) = paragraphs(pages)
        .into_iter()
        .partition(is_table_of_contents);
    let detected: Vec<_> = body.iter().map(|p| detector.detect(p)).collect();
    let run_in = RunInHeadings::new(
        contents.iter().flat_map(entries).collect(),
        detected
            .iter()
            .flatten()
            .map(|(heading, _)| heading.as_str()),
    );
    let first_page = pages.first().map_or(1, |p| p.number);
    let mut raw = vec![RawSection::new(String::new(), first_page)];
    for (paragraph, heading) in body.into_iter().zip(detected) {
        let page = paragraph.page;
        match heading {
            Some((heading, rest)) => {
                raw.push(RawSection::new(heading, page));
                let current = raw.last_mut().expect("just pushed");
                current.blocks.extend(rest.map(|text| Block { text, page }));
            }
            None => run_in.add(&mut raw, paragraph.text, page),
        }
    }
    shape::tidy(raw)
}

#[cfg(test)]
mod tests {
    use super::split;
    use crate::document::{Line, Page};

    fn page(number: u32, text: &str) -> Page {
        Page {
            number,
            lines: text.lines().map(Line::plain).collect(),
        }
    }

    const BODY: &str = "Insatsen har under perioden arbetat med samordnat stöd till deltagare \
        som står långt från arbetsmarknaden och som behöver stöd från flera myndigheter.";

    #[test]
    fn standalone_short_lines_open_sections() {
        let text = format!("Bakgrund\n\n{BODY}\n\nSyfte och mål\n\n{BODY}");
        let sections = split(&[page(1, &text)]);
        let headings: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["Bakgrund", "Syfte och mål"]);
        assert!(sections[1].text.starts_with("Insatsen har"));
    }

    #[test]
    fn a_table_of_contents_is_left_out() {
        let contents =
            "Innehållsförteckning\n\n1. Bakgrund .......... 2\n2. Syfte och mål .......... 3";
        let text = format!("{contents}\n\n1. Bakgrund\n\n{BODY}\n\n2. Syfte och mål\n\n{BODY}");
        let sections = split(&[page(1, &text)]);
        let headings: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["1. Bakgrund", "2. Syfte och mål"]);
        assert!(sections.iter().all(|s| !s.text.contains("..........")));
    }

    #[test]
    fn a_flattened_report_is_cut_at_the_headings_its_contents_list() {
        let contents = "Innehåll 1. Bakgrund... 2 2. Resultat... 3 3. Framgångsfaktorer... 4";
        let flat = format!(
            "Rapport om insatsen. 1. Bakgrund {BODY} 2. Resultat {BODY} \
             3. Framgångsfaktorer Tät samverkan gjorde skillnad. {BODY}"
        );
        let sections = split(&[page(1, &format!("{contents}\n\n{flat}"))]);
        let headings: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            ["1. Bakgrund", "2. Resultat", "3. Framgångsfaktorer"],
            "{sections:#?}"
        );
        assert!(sections[0].text.starts_with("Rapport om insatsen."));
    }

    #[test]
    fn numbered_heading_with_colon_keeps_body() {
        let text = format!("2.1 Aktiviteter: Beskriv kortfattat aktiviteterna. {BODY}");
        let sections = split(&[page(1, &text)]);
        assert_eq!(sections[0].heading, "2.1 Aktiviteter");
        assert!(sections[0].text.starts_with("Beskriv kortfattat"));
    }

    #[test]
    fn markdown_headings_are_headings() {
        let text = format!("# Projekt SAM\n\n## **Sammanfattning**\n\n{BODY}");
        let sections = split(&[page(1, &text)]);
        assert_eq!(
            sections.last().unwrap().heading,
            "Projekt SAM › Sammanfattning"
        );
    }

    #[test]
    fn sections_carry_page_spans() {
        let pages = [
            page(1, &format!("Resultat\n\n{BODY}")),
            page(2, BODY),
            page(3, &format!("Budget\n\n{BODY}")),
        ];
        let sections = split(&pages);
        assert_eq!((sections[0].page_start, sections[0].page_end), (1, 2));
        assert_eq!((sections[1].page_start, sections[1].page_end), (3, 3));
    }

    #[test]
    fn document_without_headings_is_cut_into_passages() {
        let long = vec![BODY; 60].join("\n\n");
        let sections = split(&[page(1, &long)]);
        assert!(sections.len() > 3, "got {} sections", sections.len());
        assert!(
            sections
                .iter()
                .all(|s| s.text.len() <= shape::MAX_SECTION_BYTES)
        );
    }

    #[test]
    fn sentences_are_not_headings() {
        let text = format!("Deltagarna fick stöd.\n\n{BODY}");
        let sections = split(&[page(1, &text)]);
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].heading, "");
    }

    use super::shape;
}
