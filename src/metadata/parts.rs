//! Bundled parts: a document that carries another document inside it.
//!
//! Municipal PDFs often bundle a report with its original application or a
//! brochure. The document keeps its primary report type, but the sections of
//! a bundled part are labelled with the part's own type, so a search for
//! ansökningar can find the bundled PROJEKTANSÖKAN. A part starts at a short
//! line naming a report type outright (see [`ReportTypeClassifier::named_by_line`]);
//! several such lines close together are a list of documents, not a part.

use super::normalize::normalize;
use super::report_type::ReportTypeClassifier;
use crate::document::Section;

/// Part markers closer than this many lines to another marker form a list.
const LIST_GAP: usize = 3;

/// Where a part starts: the section it applies from and its type.
struct Marker<'a> {
    line: usize,
    from_section: usize,
    report_type: &'a str,
}

/// The report type of the part each section belongs to, when it differs
/// from `primary` (the document's type); `None` elsewhere.
pub fn part_types(
    classifier: &ReportTypeClassifier,
    primary: Option<&str>,
    sections: &[Section],
) -> Vec<Option<String>> {
    let markers = markers(classifier, sections);
    let mut current: Option<&str> = None;
    let mut next = markers.iter().peekable();
    (0..sections.len())
        .map(|i| {
            while let Some(m) = next.next_if(|m| m.from_section <= i) {
                current = Some(m.report_type);
            }
            current.filter(|t| Some(*t) != primary).map(str::to_string)
        })
        .collect()
}

/// Part markers in document order, lists of titles left out.
fn markers<'a>(classifier: &'a ReportTypeClassifier, sections: &[Section]) -> Vec<Marker<'a>> {
    let mut found = Vec::new();
    let mut line = 0;
    for (i, section) in sections.iter().enumerate() {
        if let Some(t) = classifier.named_by_line(&normalize(&section.heading)) {
            found.push(Marker {
                line,
                from_section: i,
                report_type: t,
            });
        }
        line += 1;
        for text in section.text.lines().filter(|l| !l.trim().is_empty()) {
            if let Some(t) = classifier.named_by_line(&normalize(text)) {
                found.push(Marker {
                    line,
                    from_section: i + 1,
                    report_type: t,
                });
            }
            line += 1;
        }
    }
    let lines: Vec<usize> = found.iter().map(|m| m.line).collect();
    found.retain(|m| {
        !lines
            .iter()
            .any(|&l| l != m.line && l.abs_diff(m.line) <= LIST_GAP)
    });
    found
}

#[cfg(test)]
mod tests {
    use crate::document::{Metadata, Section};
    use crate::metadata::Labeler;

    fn section(heading: &str, text: &str) -> Section {
        Section {
            heading: heading.into(),
            text: text.into(),
            page_start: 1,
            page_end: 1,
        }
    }

    fn parts(sections: &[Section]) -> Vec<Option<String>> {
        let meta = Metadata {
            report_type: Some("delrapport".into()),
            ..Metadata::default()
        };
        let labels = Labeler::shared().label_sections(&meta, sections);
        labels.into_iter().map(|l| l.report_type).collect()
    }

    #[test]
    fn bundled_application_after_a_delrapport() {
        let sections = [
            section("Delrapport juni 2012", "Rapporten gäller första året."),
            section("Resultat", "Projektet har nått 40 deltagare."),
            section("PROJEKTANSÖKAN", "Datum: 2011-08-11"),
            section("Bakgrund", "Det finns en stor grupp individer."),
        ];
        let ansokan = Some("ansökan".to_string());
        assert_eq!(parts(&sections), [None, None, ansokan.clone(), ansokan]);
    }

    #[test]
    fn part_starting_inside_a_section_applies_from_the_next() {
        let sections = [
            section("Folder", "Välkommen!\n\nProjektansökan\nDatum: 2011"),
            section("Bakgrund", "Text."),
        ];
        assert_eq!(parts(&sections), [None, Some("ansökan".to_string())]);
    }

    #[test]
    fn a_list_of_document_titles_is_not_a_part() {
        let list = "Relevanta dokument\nSlutrapport SamPlan\nProjektansökan\nFörstudie";
        let sections = [section("Relevanta dokument", list), section("Text", "x")];
        assert_eq!(parts(&sections), [None, None]);
    }
}
