//! Page layout: from positioned glyphs to lines in reading order.
//!
//! Glyphs become rows ([`super::rows`]), wrong glyph widths are replaced
//! by measured ones ([`super::widths`]), rows are put in reading order
//! across columns ([`super::columns`]), and each row becomes a [`Line`]
//! with its dominant font size and boldness. An empty line marks a
//! paragraph break wherever the distance to the previous baseline, measured
//! in font sizes, is clearly larger than the page's usual line spacing, and
//! wherever reading jumps back up the page (the next column).

use super::columns::reading_order;
use super::glyphs::Glyph;
use super::rows::{Row, group_rows};
use super::widths::calibrate_widths;
use crate::document::Line;

/// A gap this many times the usual spacing starts a paragraph.
const PARAGRAPH_GAP: f64 = 1.4;
/// Usual baseline distance, in font sizes, when a page has too few lines to tell.
const DEFAULT_SPACING: f64 = 1.2;

/// Lays out one page's glyphs as lines, paragraph breaks as empty lines.
pub(crate) fn lay_out(glyphs: Vec<Glyph>) -> Vec<Line> {
    let mut rows = group_rows(glyphs);
    calibrate_widths(&mut rows);
    let rows = reading_order(rows);
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
        lines.push(Line {
            text: row.text(),
            font_size: row.size as f32,
            bold: row.bold,
        });
    }
    lines
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
        let texts: Vec<String> = lay_out(glyphs).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["rad", "rad", "rad", "rad", "", "rad", "rad"]);
    }

    #[test]
    fn line_carries_size_and_boldness() {
        let mut glyphs = word("Rubrik", 50.0, 700.0);
        glyphs.iter_mut().for_each(|g| {
            g.bold = true;
            g.size = 16.0;
        });
        let lines = lay_out(glyphs);
        assert_eq!((lines[0].font_size, lines[0].bold), (16.0, true));
    }
}
