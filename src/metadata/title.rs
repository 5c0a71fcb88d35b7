//! The document title: the first substantial line of page 1.
//!
//! When the extractor knows font sizes, the largest line on page 1 wins (a
//! title set over two lines is joined); without layout the first line with
//! real words is taken. Markdown decoration (`#`, `*`) is trimmed. A
//! document with no usable line is titled by its file stem.

use crate::document::{Line, Page};

/// A line needs at least this many letters to be a title.
const MIN_LETTERS: usize = 4;
/// At most this many consecutive same-size lines are joined into one title.
const MAX_TITLE_LINES: usize = 3;

/// The title of a document at `path` (relative to the corpus) made of `pages`.
pub fn title(path: &str, pages: &[Page]) -> String {
    pages
        .iter()
        .find(|p| p.lines.iter().any(is_substantial))
        .and_then(|page| from_page(&page.lines))
        .unwrap_or_else(|| file_stem(path))
}

fn from_page(lines: &[Line]) -> Option<String> {
    // Only a line larger than the largest so far can change it: most lines
    // are never cleaned (a Markdown report is one long page of size 0).
    let largest = lines
        .iter()
        .fold(0.0, |largest, l| match l.font_size > largest {
            true if is_substantial(l) => l.font_size,
            _ => largest,
        });
    if largest <= 0.0 {
        return lines
            .iter()
            .find(|l| is_substantial(l))
            .map(|l| clean(&l.text));
    }
    let start = lines
        .iter()
        .position(|l| l.font_size == largest && is_substantial(l))?;
    let parts: Vec<String> = lines[start..]
        .iter()
        .take_while(|l| l.font_size == largest && !l.is_blank())
        .take(MAX_TITLE_LINES)
        .map(|l| clean(&l.text))
        .collect();
    Some(parts.join(" "))
}

fn is_substantial(line: &Line) -> bool {
    let text = clean(&line.text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= MIN_LETTERS && !is_page_marker(&text)
}

/// "Sida 2 av 5" and similar running footers are never titles.
fn is_page_marker(text: &str) -> bool {
    let lower = text.to_lowercase();
    (lower.starts_with("sida ") || lower.starts_with("page "))
        && lower.chars().any(|c| c.is_ascii_digit())
}

/// Trims whitespace and markdown emphasis/heading marks.
fn clean(text: &str) -> String {
    let trimmed = text
        .trim()
        .trim_matches(|c: char| c == '#' || c == '*' || c == '_' || c.is_whitespace());
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn file_stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.replace(['_', '-'], " ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::sized;

    fn page(lines: Vec<Line>) -> Vec<Page> {
        vec![Page { number: 1, lines }]
    }

    #[test]
    fn plain_text_takes_first_substantial_line_without_markdown() {
        let pages = page(vec![
            Line::plain(""),
            Line::plain("12"),
            Line::plain("# **Delrapport juni 2012**"),
        ]);
        assert_eq!(title("a/b.pdf", &pages), "Delrapport juni 2012");
    }

    #[test]
    fn largest_font_wins_and_wrapped_title_is_joined() {
        let pages = page(vec![
            sized("Samordningsförbundet Gävleborg", 9.0),
            sized("Slutrapport för insatsen", 20.0),
            sized("Vägen till arbete", 20.0),
            sized("Brödtext", 11.0),
        ]);
        assert_eq!(
            title("x.pdf", &pages),
            "Slutrapport för insatsen Vägen till arbete"
        );
    }

    #[test]
    fn falls_back_to_file_stem() {
        let pages = page(vec![Line::plain("Sida 1 av 3"), Line::plain("—")]);
        assert_eq!(
            title("2019/slutrapport_resan.pdf", &pages),
            "slutrapport resan"
        );
        assert_eq!(title("tom.pdf", &[]), "tom");
    }
}
