//! Where a report's references stand: its reference-list sections (by
//! their kind, or by a heading of [`crate::corpus::data::ReferenceData`]
//! when the kind was read otherwise), a list under a heading line the
//! section splitter left in the text, its footnotes, and reports its
//! running text names as sources.

use super::footnotes::footnotes;
use super::mentions::mentions;
use super::sentences::list_entries;
use crate::corpus::data::DATA;
use crate::index::DocumentRecord;

/// The section kind of reference lists.
const REFERENCE_KIND: &str = "referenser";

/// The document's references as written, in order, each once.
pub fn entries(record: &DocumentRecord) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for section in &record.sections {
        let text = &section.section.text;
        let found = if is_reference_list(section.labels.kind(), &section.section.heading) {
            list_entries(text)
        } else {
            let (body, list) = split_at_heading_line(text);
            let mut found = mentions(body);
            found.extend(footnotes(body));
            found.extend(list.map(list_entries).unwrap_or_default());
            found
        };
        for entry in found {
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
    }
    entries
}

/// True for a reference-list section: of that kind, or under a
/// reference-list heading (the innermost part of a nested one).
fn is_reference_list(kind: &str, heading: &str) -> bool {
    let innermost = heading.rsplit('›').next().unwrap_or(heading);
    kind == REFERENCE_KIND || DATA.references.is_heading(innermost)
}

/// A section's text before and after a line that is a reference-list
/// heading ("Referenser", "Källor:"), when it has one.
fn split_at_heading_line(text: &str) -> (&str, Option<&str>) {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if DATA.references.is_heading(line) {
            return (&text[..at], Some(&text[at + line.len()..]));
        }
        at += line.len();
    }
    (text, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_lists_are_found_by_kind_or_heading() {
        assert!(is_reference_list("referenser", "Underlag"));
        assert!(is_reference_list("övrigt", "Bilagor › Källor"));
        assert!(!is_reference_list("resultat", "Resultat"));
    }

    #[test]
    fn a_heading_line_left_in_the_text_starts_a_list() {
        let text = "Arbetet fortsätter.\n\nReferenser\n\n• Slutrapport KLIV, 2025.";
        let (body, list) = split_at_heading_line(text);
        assert_eq!(body, "Arbetet fortsätter.\n\n");
        assert_eq!(list, Some("\n• Slutrapport KLIV, 2025."));
        assert_eq!(split_at_heading_line("Om referenser i text.").1, None);
    }
}
