//! Paragraphs: runs of non-blank lines on one page, joined into one text.

use crate::document::{Line, Page};

/// One paragraph of text and the page it stands on.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The paragraph's text; wrapped lines joined with spaces, list items with `\n`.
    pub text: String,
    /// The lines it was made of (for layout signals such as font size).
    pub lines: Vec<Line>,
    /// Page the paragraph stands on.
    pub page: u32,
}

/// The paragraphs of all pages in reading order.
pub fn paragraphs(pages: &[Page]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for page in pages {
        for run in page.lines.split(Line::is_blank) {
            if !run.is_empty() {
                out.push(Paragraph {
                    text: join_lines(run),
                    lines: run.to_vec(),
                    page: page.number,
                });
            }
        }
    }
    out
}

fn join_lines(lines: &[Line]) -> String {
    let mut text = String::new();
    for line in lines {
        let line_text = line.text.trim();
        if !text.is_empty() {
            text.push(if starts_list_item(line_text) {
                '\n'
            } else {
                ' '
            });
        }
        text.push_str(line_text);
    }
    text
}

/// True for "- x", "* x", "• x", "1. x", "a) x" style list items.
fn starts_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '▪' | '\u{f0b7}') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_with_space_and_lists_keep_lines() {
        let page = Page {
            number: 4,
            lines: [
                "Första raden",
                "fortsätter här",
                "",
                "- punkt ett",
                "- punkt två",
            ]
            .into_iter()
            .map(Line::plain)
            .collect(),
        };
        let paragraphs = paragraphs(&[page]);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[0].text, "Första raden fortsätter här");
        assert_eq!(paragraphs[1].text, "- punkt ett\n- punkt två");
        assert_eq!(paragraphs[1].page, 4);
    }
}
