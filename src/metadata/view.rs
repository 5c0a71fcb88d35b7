//! A normalised view of a document, built once and shared by the labellers.
//!
//! It holds the whole text in [normal form](super::normalize) with the offset
//! where each page starts, the first lines of page 1 (where titles, senders
//! and report types usually stand) and the lines that look like headings.

use super::normalize::normalize;
use crate::document::{Line, Page};

/// How many non-blank lines at the top of page 1 count as its head.
const HEAD_LINES: usize = 8;
/// A heading is at most this many characters long.
const MAX_HEADING_CHARS: usize = 120;
/// A line is a heading when its font is at least this much larger than the body's.
const HEADING_FONT_RATIO: f32 = 1.15;

/// The document text prepared for matching.
#[derive(Debug, Clone, Default)]
pub struct TextView {
    /// All pages, normalised and joined with a space.
    pub text: String,
    /// Byte offset in `text` where each page starts.
    page_starts: Vec<usize>,
    /// The first non-blank lines of page 1, normalised.
    pub head: Vec<String>,
    /// Lines that look like headings, normalised.
    pub headings: Vec<String>,
}

impl TextView {
    /// Builds the view of `pages`.
    pub fn new(pages: &[Page]) -> TextView {
        let mut view = TextView::default();
        for page in pages {
            view.page_starts.push(view.text.len());
            let normal = normalize(&page.text());
            if !normal.is_empty() {
                if !view.text.is_empty() {
                    view.text.push(' ');
                }
                view.text.push_str(&normal);
            }
            view.headings.extend(headings(&page.lines).map(normalize));
        }
        view.head = pages
            .iter()
            .map(head_lines)
            .find(|head| !head.is_empty())
            .unwrap_or_default();
        view
    }

    /// Byte offset in `text` where the first `lines` head lines end.
    pub fn head_end(&self, lines: usize) -> usize {
        let taken = &self.head[..lines.min(self.head.len())];
        taken
            .iter()
            .map(|l| l.len() + 1)
            .sum::<usize>()
            .saturating_sub(1)
    }

    /// Index (0-based) of the page containing byte `offset` of `text`.
    pub fn page_of(&self, offset: usize) -> usize {
        self.page_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }
}

/// The first non-blank lines of `page`, normalised.
fn head_lines(page: &Page) -> Vec<String> {
    page.lines
        .iter()
        .map(|l| normalize(&l.text))
        .filter(|t| !t.is_empty())
        .take(HEAD_LINES)
        .collect()
}

/// Lines of one page that look like headings: markdown `#` or `**…**`, bold,
/// or set clearly larger than the page's body text.
fn headings(lines: &[Line]) -> impl Iterator<Item = &str> {
    let body = body_font_size(lines);
    lines
        .iter()
        .filter(move |l| is_heading(l, body))
        .map(|l| l.text.as_str())
}

fn is_heading(line: &Line, body_size: f32) -> bool {
    let text = line.text.trim();
    if text.is_empty() || text.chars().count() > MAX_HEADING_CHARS {
        return false;
    }
    let markdown = text.starts_with('#') || (text.starts_with("**") && text.ends_with("**"));
    let larger = body_size > 0.0 && line.font_size >= body_size * HEADING_FONT_RATIO;
    markdown || line.bold || larger
}

/// The font size carrying most characters on the page, 0.0 when unknown.
fn body_font_size(lines: &[Line]) -> f32 {
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    for line in lines.iter().filter(|l| l.font_size > 0.0) {
        let chars = line.text.chars().count();
        match sizes.iter_mut().find(|(size, _)| *size == line.font_size) {
            Some((_, count)) => *count += chars,
            None => sizes.push((line.font_size, chars)),
        }
    }
    sizes
        .into_iter()
        .max_by_key(|&(_, chars)| chars)
        .map_or(0.0, |(size, _)| size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::sized;

    #[test]
    fn pages_are_located_by_offset() {
        let pages = [
            Page {
                number: 1,
                lines: vec![Line::plain("Första sidan")],
            },
            Page {
                number: 2,
                lines: vec![Line::plain("Andra sidan")],
            },
        ];
        let view = TextView::new(&pages);
        assert_eq!(view.text, "första sidan andra sidan");
        assert_eq!(view.page_of(0), 0);
        assert_eq!(view.page_of(view.text.find("andra").unwrap()), 1);
        assert_eq!(&view.text[..view.head_end(1)], "första sidan");
    }

    #[test]
    fn headings_come_from_markdown_bold_or_large_fonts() {
        let lines = vec![
            sized("Målgrupp", 16.0),
            sized("Brödtext som är ganska lång och vanlig.", 11.0),
            sized("Mer brödtext på samma storlek som förut.", 11.0),
            Line::plain("## Bakgrund"),
            Line {
                text: "Syfte".into(),
                font_size: 11.0,
                bold: true,
            },
        ];
        let found: Vec<&str> = headings(&lines).collect();
        assert_eq!(found, ["Målgrupp", "## Bakgrund", "Syfte"]);
    }
}
