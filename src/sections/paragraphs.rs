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

/// Font sizes closer than this (points) count as the same style.
const SAME_SIZE: f32 = 0.6;

/// The paragraphs of all pages in reading order. A paragraph ends at a
/// blank line and where the type style changes (a heading set tight above
/// its text).
pub fn paragraphs(pages: &[Page]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for page in pages {
        for run in page.lines.split(Line::is_blank) {
            for styled in split_at_style_changes(run) {
                out.push(Paragraph {
                    text: join_lines(styled),
                    lines: styled.to_vec(),
                    page: page.number,
                });
            }
        }
    }
    out
}

/// Cuts a run of lines where font size or boldness changes.
fn split_at_style_changes(run: &[Line]) -> Vec<&[Line]> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for i in 1..run.len() {
        let (a, b) = (&run[i - 1], &run[i]);
        if (a.font_size - b.font_size).abs() > SAME_SIZE || a.bold != b.bold {
            pieces.push(&run[start..i]);
            start = i;
        }
    }
    if start < run.len() {
        pieces.push(&run[start..]);
    }
    pieces
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
    fn style_change_starts_a_paragraph() {
        let line = |text: &str, font_size, bold| Line {
            text: text.into(),
            font_size,
            bold,
        };
        let page = Page {
            number: 1,
            lines: vec![
                line("Resultat", 14.0, true),
                line("Vi nådde", 11.0, false),
                line("målen.", 11.0, false),
            ],
        };
        let texts: Vec<String> = paragraphs(&[page]).into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["Resultat", "Vi nådde målen."]);
    }

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
