//! Page layout: from positioned glyphs to lines in reading order.
//!
//! Glyphs become rows ([`super::rows`]), wrong glyph widths are replaced
//! by measured ones ([`super::widths`]) unless the page then reads clearly
//! worse, rows are put in reading order across columns
//! ([`super::columns`]), and each row becomes a [`Line`]
//! with its dominant font size and boldness. An empty line marks a
//! paragraph break wherever the distance to the previous baseline, measured
//! in font sizes, is clearly larger than the page's usual line spacing, and
//! wherever reading jumps back up the page (the next column). A page whose
//! rows hold glyphs drawn over one another (two texts at one baseline, or
//! lines a reader placed on one baseline) is marked as overlapping: its
//! text interleaves letters of several words.

use super::columns::reading_order;
use super::glyphs::Glyph;
use super::plausible::Plausibility;
use super::rows::{Row, group_rows};
use super::widths::{calibrate_widths, set_widths};
use crate::document::Line;

/// A gap this many times the usual spacing starts a paragraph.
const PARAGRAPH_GAP: f64 = 1.4;
/// Usual baseline distance, in font sizes, when a page has too few lines to tell.
const DEFAULT_SPACING: f64 = 1.2;
/// A row with at least this many glyphs is judged for overlap.
const OVERLAP_MIN_GLYPHS: usize = 10;
/// A row where this share of glyphs starts inside the glyph before overlaps.
const OVERLAP_SHARE: f64 = 0.3;
/// Consecutive pairs of glyphs judged together for a local overlap.
const OVERLAP_WINDOW: usize = 12;
/// A row where this many pairs within one window start inside the glyph
/// before overlaps: a figure's label drawn across part of a line of the
/// column beside it interleaves with a few of its words.
const OVERLAP_DENSE: usize = 5;

/// One page laid out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    /// Lines in reading order, paragraph breaks as empty lines.
    pub lines: Vec<Line>,
    /// True when some row interleaves glyphs drawn over one another.
    pub overlapping: bool,
}

impl Layout {
    /// The layouts of one page's groups of glyphs, one after the other, each
    /// a paragraph of its own.
    pub fn joined(layouts: impl IntoIterator<Item = Layout>) -> Layout {
        let mut page = Layout {
            lines: Vec::new(),
            overlapping: false,
        };
        for layout in layouts {
            if !page.lines.is_empty() {
                page.lines.push(Line::plain(""));
            }
            page.lines.extend(layout.lines);
            page.overlapping |= layout.overlapping;
        }
        page
    }
}

/// Lays out one page's glyphs as lines, paragraph breaks as empty lines.
pub(crate) fn lay_out(glyphs: Vec<Glyph>) -> Layout {
    let rows = group_rows(glyphs);
    // Judged on the fonts' widths: calibration measures advances from
    // where glyphs start, which overlapping glyphs make look narrow.
    let overlapping = rows.iter().any(overlaps);
    let rows = reading_order(calibrated(rows));
    let spacing = usual_spacing(&rows);
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 && starts_paragraph(&rows[i - 1], row, spacing) {
            lines.push(Line {
                text: String::new(),
                font_size: 0.0,
                bold: false,
            });
        }
        lines.push(row_line(row));
    }
    Layout { lines, overlapping }
}

/// The rows with their glyph widths calibrated ([`calibrate_widths`]),
/// unless the fonts' own widths give clearly more characters of words
/// ([`Plausibility::clearly_fewer_word_chars`]): on a page that repeats the
/// same words ("Link to page 1", "Link to page 2" …) a letter may end a word
/// wherever it stands, its measured advance then holds the word gap, and
/// calibration would glue the words together.
fn calibrated(mut rows: Vec<Row>) -> Vec<Row> {
    let replaced = calibrate_widths(&mut rows);
    if replaced.is_empty() {
        return rows;
    }
    let after: Vec<Line> = rows.iter().map(row_line).collect();
    set_widths(&mut rows, &replaced, false);
    let before: Vec<Line> = rows.iter().map(row_line).collect();
    let same = before.iter().zip(&after).all(|(b, a)| b.text == a.text);
    let worse = !same
        && Plausibility::of_lines(&after)
            .clearly_fewer_word_chars(&Plausibility::of_lines(&before));
    if !worse {
        set_widths(&mut rows, &replaced, true);
    }
    rows
}

/// A row as a line of text with its dominant style.
fn row_line(row: &Row) -> Line {
    Line {
        text: row.text(),
        font_size: row.size as f32,
        bold: row.bold,
    }
}

/// True when many of a row's glyphs, or several close together, start
/// well inside the glyph before them (a different letter: the same one
/// drawn twice is fake bold).
fn overlaps(row: &Row) -> bool {
    let ink = row.ink();
    if ink.len() < OVERLAP_MIN_GLYPHS {
        return false;
    }
    let inside: Vec<bool> = ink
        .windows(2)
        .map(|w| w[0].text != w[1].text && w[1].x < w[0].x + 0.5 * w[0].width)
        .collect();
    let count = inside.iter().filter(|i| **i).count();
    let densest = inside
        .windows(OVERLAP_WINDOW)
        .map(|w| w.iter().filter(|i| **i).count())
        .max()
        .unwrap_or(0);
    count as f64 > OVERLAP_SHARE * ink.len() as f64 || densest >= OVERLAP_DENSE
}

/// Baseline distance between two rows in font sizes; negative when `next` is higher.
fn relative_gap(prev: &Row, next: &Row) -> f64 {
    let size = prev.size.max(next.size).max(1.0);
    (prev.baseline - next.baseline) / size
}

fn starts_paragraph(prev: &Row, next: &Row, spacing: f64) -> bool {
    let gap = relative_gap(prev, next);
    gap <= 0.0 || gap > PARAGRAPH_GAP * spacing
}

/// The median distance between consecutive baselines, in font sizes.
fn usual_spacing(rows: &[Row]) -> f64 {
    let mut gaps: Vec<f64> = rows
        .windows(2)
        .map(|w| relative_gap(&w[0], &w[1]))
        .filter(|g| *g > 0.0)
        .collect();
    if gaps.len() < 3 {
        return DEFAULT_SPACING;
    }
    gaps.sort_by(f64::total_cmp);
    gaps[gaps.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::super::rows::tests::word;
    use super::*;

    #[test]
    fn wide_gap_becomes_paragraph_break() {
        let ys = [700.0, 688.0, 676.0, 664.0, 640.0, 628.0];
        let glyphs = ys.iter().flat_map(|&y| word("rad", 50.0, y)).collect();
        let texts: Vec<String> = lay_out(glyphs).lines.into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["rad", "rad", "rad", "rad", "", "rad", "rad"]);
    }

    #[test]
    fn lines_drawn_on_one_baseline_overlap() {
        let mut glyphs = word("Hello World", 50.0, 700.0);
        glyphs.extend(word("Roboto Mono", 52.0, 700.0));
        assert!(lay_out(glyphs).overlapping);
        let apart = [
            word("Hello World", 50.0, 700.0),
            word("Roboto Mono", 50.0, 680.0),
        ];
        assert!(!lay_out(apart.concat()).overlapping);
    }

    #[test]
    fn a_label_drawn_across_part_of_a_line_overlaps() {
        // pdf.js tracemonkey.pdf: a figure's label over a line of the column beside it.
        let line = "The best case is a loop where the types at the loop edge are the same";
        let mut glyphs = word(line, 50.0, 700.0);
        glyphs.extend(word("Interpret", 126.5, 700.0));
        assert!(lay_out(glyphs).overlapping);
        assert!(!lay_out(word(line, 50.0, 700.0)).overlapping);
    }

    #[test]
    fn line_carries_size_and_boldness() {
        let mut glyphs = word("Rubrik", 50.0, 700.0);
        glyphs.iter_mut().for_each(|g| {
            g.bold = true;
            g.size = 16.0;
        });
        let lines = lay_out(glyphs).lines;
        assert_eq!((lines[0].font_size, lines[0].bold), (16.0, true));
    }
}
