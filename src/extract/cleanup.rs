//! Document-level cleanup of extracted lines.
//!
//! Whatever the source, lines are NFKC-normalised (ligatures such as `ﬁ`
//! become `fi`, a combining ring becomes `å`), soft hyphens are dropped and
//! white space is collapsed. Then page furniture (running headers, footers,
//! page numbers) is removed, words split by a line-end hyphen are joined,
//! and runs of empty lines shrink to one paragraph break.

use super::furniture::remove_furniture;
use super::hyphen::join_hyphenated;
use crate::document::{Line, Page};
use unicode_normalization::UnicodeNormalization;

/// Cleans every page of a document in place; returns the page furniture
/// removed (each distinct line once, in page order).
pub(crate) fn clean_pages(pages: &mut [Page]) -> Vec<String> {
    for page in pages.iter_mut() {
        page.lines.iter_mut().for_each(normalize_line);
    }
    let furniture = remove_furniture(pages);
    for page in pages.iter_mut() {
        join_hyphenated(&mut page.lines);
        tidy_breaks(&mut page.lines);
    }
    furniture
}

/// NFKC, no soft hyphens, single spaces, no surrounding white space.
fn normalize_line(line: &mut Line) {
    let text: String = line.text.nfkc().filter(|&c| c != '\u{AD}').collect();
    line.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
}

/// Drops leading, trailing and repeated paragraph breaks.
fn tidy_breaks(lines: &mut Vec<Line>) {
    let mut previous_blank = true;
    lines.retain(|line| {
        let keep = !(line.is_blank() && previous_blank);
        previous_blank = line.is_blank();
        keep
    });
    if lines.last().is_some_and(Line::is_blank) {
        lines.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::{page, texts};

    #[test]
    fn ligatures_soft_hyphens_and_combining_ring_are_normalised() {
        let mut pages = [page(
            1,
            &["ﬁnansiering  av\tsam\u{AD}verkan", "a\u{30A}tgärd"],
        )];
        clean_pages(&mut pages);
        assert_eq!(texts(&pages[0]), ["finansiering av samverkan", "åtgärd"]);
    }

    #[test]
    fn repeated_and_edge_breaks_collapse() {
        let mut pages = [page(1, &["", "ett", "", "", "två", ""])];
        clean_pages(&mut pages);
        assert_eq!(texts(&pages[0]), ["ett", "", "två"]);
    }

    #[test]
    fn markdown_heading_is_kept_as_is() {
        let mut pages = [page(1, &["## Bakgrund", "Text om förbundet."])];
        clean_pages(&mut pages);
        assert_eq!(texts(&pages[0]), ["## Bakgrund", "Text om förbundet."]);
    }
}
