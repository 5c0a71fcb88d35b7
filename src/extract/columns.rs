//! Column detection: reading a multi-column page column by column.
//!
//! A row is cut into segments where its glyphs leave a gap wider than a
//! couple of font sizes. A gutter is a vertical strip, at least a font size
//! wide and inside the text's left and right edges, that almost no segment
//! crosses while text on both sides of it covers most of the text height.
//! Rows that cross the gutter (a title over both columns) are read where
//! they stand; each run of rows between them is read left part first, then
//! right part, and each part is searched again for further columns.
//!
//! A page's edge bands, a row or two at the very top or bottom that stand
//! far apart from the rest in type no larger than the body's (running
//! headers and footers), are read where they stand and never split at a
//! gutter: split, their left part would end the left column and their right
//! part open the right one, in the middle of the page's text, where
//! furniture removal cannot recognise them.

use super::glyphs::Glyph;
use super::rows::Row;

/// Gaps wider than this many font sizes split a row into segments.
const SEGMENT_GAP: f64 = 1.0;
/// At most this share of rows may cross a gutter (full-width titles).
const MAX_CROSSING: f64 = 0.10;
/// Text on each side of a gutter must span this share of the text height.
const MIN_SIDE_HEIGHT: f64 = 0.5;
/// Each side must hold at least this share of the rows.
const MIN_SIDE_ROWS: f64 = 0.2;
/// Columns inside columns are followed this deep.
const MAX_DEPTH: usize = 2;
/// A band of columns below full-width text must hold at least this many rows.
const MIN_BAND_ROWS: usize = 6;
/// An edge band is at most this many rows.
const EDGE_ROWS: usize = 2;
/// An edge band stands at least this many usual baseline distances from the body.
const EDGE_GAP: f64 = 2.5;

/// Rows (top row first) in reading order, columns read one after the other.
pub(crate) fn reading_order(rows: Vec<Row>) -> Vec<Row> {
    let edges = edge_bands(&rows);
    order(rows, 0, edges)
}

/// How many rows form the top and the bottom edge band (0 when none).
fn edge_bands(rows: &[Row]) -> (usize, usize) {
    let gaps: Vec<f64> = rows
        .windows(2)
        .map(|w| w[0].baseline - w[1].baseline)
        .collect();
    let (Some(spacing), Some(size)) = (median(gaps.clone()), median_size(rows)) else {
        return (0, 0);
    };
    let apart = |i: usize| gaps[i] > EDGE_GAP * spacing;
    let small = |band: &[Row]| band.iter().all(|r| r.size <= size);
    let last_gap = gaps.len().saturating_sub(1);
    let top = (0..EDGE_ROWS.min(gaps.len()))
        .find(|&i| apart(i))
        .map_or(0, |i| i + 1)
        .min(rows.len() / 2);
    let bottom = (0..EDGE_ROWS.min(gaps.len()))
        .find(|&i| apart(last_gap - i))
        .map_or(0, |i| i + 1)
        .min((rows.len() - top) / 2);
    let top = if small(&rows[..top]) { top } else { 0 };
    let bottom = if small(&rows[rows.len() - bottom..]) {
        bottom
    } else {
        0
    };
    (top, bottom)
}

/// `rows` in reading order; the first `top` and the last `bottom` rows
/// (the page's edge bands) are read whole, where they stand.
fn order(rows: Vec<Row>, depth: usize, (top, bottom): (usize, usize)) -> Vec<Row> {
    if depth >= MAX_DEPTH {
        return rows;
    }
    let all: Vec<Segments> = rows.iter().map(segments).collect();
    let Some(gutter) = find_gutter(&rows, &all) else {
        return order_bands(rows, &all, depth, bottom);
    };
    let body = top..rows.len() - bottom;
    let mut ordered = Vec::new();
    let mut block = Vec::new();
    for (i, (row, segments)) in rows.into_iter().zip(&all).enumerate() {
        if gutter.crossed_by(segments) || !body.contains(&i) {
            ordered.extend(read_block(std::mem::take(&mut block), &gutter, depth));
            ordered.push(row);
        } else {
            block.push(row);
        }
    }
    ordered.extend(read_block(block, &gutter, depth));
    ordered
}

/// A page whose upper part runs across the page and whose lower part is set
/// in columns (a title block or abstract over a two-column body): the upper
/// rows are read as they stand, then the columns below, column by column.
/// `all` holds the rows' segments.
fn order_bands(mut rows: Vec<Row>, all: &[Segments], depth: usize, bottom: usize) -> Vec<Row> {
    let last_start = rows.len().saturating_sub(MIN_BAND_ROWS);
    let found = |k: usize| find_gutter(&rows[k..], &all[k..]).is_some();
    let Some(start) = (1..=last_start).find(|&k| found(k)) else {
        return rows;
    };
    let columns = rows.split_off(start);
    rows.extend(order(columns, depth, (0, bottom)));
    rows
}

/// Left parts of the block's rows, then right parts, each ordered recursively.
fn read_block(block: Vec<Row>, gutter: &Gutter, depth: usize) -> Vec<Row> {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for row in block {
        let (l, r): (Vec<Glyph>, Vec<Glyph>) = row
            .glyphs
            .into_iter()
            .partition(|g| g.x + g.width / 2.0 < gutter.middle());
        push_nonempty(&mut left, l);
        push_nonempty(&mut right, r);
    }
    let mut ordered = order(left, depth + 1, (0, 0));
    ordered.extend(order(right, depth + 1, (0, 0)));
    ordered
}

fn push_nonempty(rows: &mut Vec<Row>, glyphs: Vec<Glyph>) {
    if glyphs.iter().any(|g| !g.is_space()) {
        rows.push(Row::new(glyphs));
    }
}

/// A vertical strip between two columns.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Gutter {
    left: f64,
    right: f64,
}

impl Gutter {
    fn middle(&self) -> f64 {
        (self.left + self.right) / 2.0
    }

    /// True when a row with these segments crosses the gutter.
    fn crossed_by(&self, segments: &[(f64, f64)]) -> bool {
        segments
            .iter()
            .any(|&(a, b)| a < self.right && b > self.left)
    }
}

/// A row's segments: horizontal extents of its ink, split at wide gaps.
type Segments = Vec<(f64, f64)>;

/// Horizontal extents of the row's ink, split at wide gaps.
fn segments(row: &Row) -> Segments {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for g in row.glyphs.iter().filter(|g| !g.is_space()) {
        match out.last_mut() {
            Some(last) if g.x - last.1 <= SEGMENT_GAP * g.size => last.1 = last.1.max(g.end()),
            _ => out.push((g.x, g.end())),
        }
    }
    out
}

/// The widest gutter between the rows, whose segments are `all`.
fn find_gutter(rows: &[Row], all: &[Segments]) -> Option<Gutter> {
    let left_edge = all.iter().flatten().map(|s| s.0).reduce(f64::min)?;
    let right_edge = all.iter().flatten().map(|s| s.1).reduce(f64::max)?;
    let min_width = median_size(rows)?;
    let max_crossing = (rows.len() as f64 * MAX_CROSSING).floor() as usize;
    open_strips(all, left_edge, right_edge, max_crossing)
        .into_iter()
        .filter(|g| g.right - g.left >= min_width)
        .filter(|g| both_sides_filled(rows, all, g))
        .max_by(|a, b| (a.right - a.left).total_cmp(&(b.right - b.left)))
}

/// Maximal strips (1 pt steps) crossed by at most `max_crossing` rows.
fn open_strips(all: &[Segments], left: f64, right: f64, max_crossing: usize) -> Vec<Gutter> {
    let start_x = left.floor() + 1.0;
    let crossing = crossings(all, start_x, right);
    let mut strips = Vec::new();
    let mut start: Option<f64> = None;
    for (step, &count) in crossing.iter().enumerate() {
        let x = start_x + step as f64;
        match (count <= max_crossing, start) {
            (true, None) => start = Some(x),
            (false, Some(s)) => {
                strips.push(Gutter { left: s, right: x });
                start = None;
            }
            _ => {}
        }
    }
    strips
}

/// For each 1 pt step `x` from `start_x` while `x < right`, how many rows
/// have a segment crossing `[x, x + 1)` (`a < x + 1 && b > x`); each row
/// counts once per step. Linear in the rows' ink, not in width × rows.
fn crossings(all: &[Segments], start_x: f64, right: f64) -> Vec<usize> {
    let steps = (right - start_x).ceil().max(0.0) as usize;
    let mut counts = vec![0usize; steps];
    let mut counted_row = vec![usize::MAX; steps];
    for (row, segments) in all.iter().enumerate() {
        for &(a, b) in segments {
            // a < start_x + i + 1 and b > start_x + i, as step indices i.
            let first = (a - 1.0 - start_x).floor() + 1.0;
            let last = (b - start_x).ceil() - 1.0;
            let (first, last) = (first.max(0.0) as usize, last.min(steps as f64 - 1.0));
            if last < 0.0 {
                continue;
            }
            for step in first..=last as usize {
                if counted_row[step] != row {
                    counted_row[step] = row;
                    counts[step] += 1;
                }
            }
        }
    }
    counts
}

fn both_sides_filled(rows: &[Row], all: &[Segments], gutter: &Gutter) -> bool {
    let (top, bottom) = vertical_extent(rows.iter());
    let height = (top - bottom).max(1.0);
    let side = |on_side: &dyn Fn(&(f64, f64)) -> bool| {
        let side_rows: Vec<&Row> = rows
            .iter()
            .zip(all)
            .filter(|(_, s)| !gutter.crossed_by(s) && s.iter().any(on_side))
            .map(|(r, _)| r)
            .collect();
        let (t, b) = vertical_extent(side_rows.iter().copied());
        side_rows.len() as f64 >= MIN_SIDE_ROWS * rows.len() as f64
            && t - b >= MIN_SIDE_HEIGHT * height
    };
    side(&|s| s.1 <= gutter.left) && side(&|s| s.0 >= gutter.right)
}

fn vertical_extent<'a>(rows: impl Iterator<Item = &'a Row>) -> (f64, f64) {
    rows.map(|r| r.baseline)
        .fold((f64::MIN, f64::MAX), |(t, b), y| (t.max(y), b.min(y)))
}

fn median_size(rows: &[Row]) -> Option<f64> {
    median(rows.iter().map(|r| r.size).filter(|s| *s > 0.0).collect())
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| *v > 0.0);
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::super::rows::{group_rows, tests::word};
    use super::*;

    fn page(left: &str, right: &str, title: Option<&str>) -> Vec<Row> {
        let mut glyphs = Vec::new();
        for i in 0..20 {
            let y = 700.0 - 12.0 * i as f64;
            glyphs.extend(word(&format!("{left}{i}"), 50.0, y));
            glyphs.extend(word(&format!("{right}{i}"), 300.0, y));
        }
        if let Some(title) = title {
            glyphs.extend(word(title, 50.0, 740.0));
        }
        group_rows(glyphs)
    }

    fn texts(rows: &[Row]) -> Vec<String> {
        rows.iter().map(Row::text).collect()
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let texts = texts(&reading_order(page(
            "vänsterspaltens text ",
            "högerspaltens text ",
            None,
        )));
        assert_eq!(texts[0], "vänsterspaltens text 0");
        assert_eq!(texts[19], "vänsterspaltens text 19");
        assert_eq!(texts[20], "högerspaltens text 0");
    }

    #[test]
    fn title_across_columns_comes_first() {
        let title = "En lång rubrik som sträcker sig över båda spalterna på sidan";
        let texts = texts(&reading_order(page("vänster ", "höger ", Some(title))));
        assert_eq!(texts[0], title);
        assert_eq!(texts[1], "vänster 0");
    }

    #[test]
    fn full_width_introduction_above_columns_is_read_first() {
        let mut glyphs = Vec::new();
        for i in 0..8 {
            let line =
                format!("inledningens breda rad nummer {i} går tvärs över hela sidans bredd");
            glyphs.extend(word(&line, 50.0, 900.0 - 12.0 * i as f64));
        }
        for i in 0..20 {
            let y = 700.0 - 12.0 * i as f64;
            glyphs.extend(word(&format!("vänster {i}"), 50.0, y));
            glyphs.extend(word(&format!("höger {i}"), 300.0, y));
        }
        let texts = texts(&reading_order(group_rows(glyphs)));
        assert!(texts[7].starts_with("inledningens breda rad nummer 7"));
        assert_eq!(
            (texts[8].as_str(), texts[27].as_str(), texts[28].as_str()),
            ("vänster 0", "vänster 19", "höger 0")
        );
    }

    #[test]
    fn running_header_and_footer_are_not_split_into_the_columns() {
        let mut rows = page("vänster ", "höger ", None);
        let mut edges = word("Finsam", 50.0, 780.0);
        edges.extend(word("Rapport 2023", 300.0, 780.0));
        edges.extend(word("Sidfot", 50.0, 40.0));
        edges.extend(word("Sida 2 av 3", 300.0, 40.0));
        edges.iter_mut().for_each(|g| g.size = 8.0);
        rows.extend(group_rows(edges));
        rows.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
        let texts = texts(&reading_order(rows));
        assert_eq!(texts[0], "Finsam Rapport 2023");
        assert_eq!(texts[1], "vänster 0");
        assert_eq!(texts.last().unwrap(), "Sidfot Sida 2 av 3");
    }

    #[test]
    fn single_column_keeps_row_order() {
        let glyphs =
            (0..10).flat_map(|i| word("en rad med vanlig brödtext", 50.0, 700.0 - 12.0 * i as f64));
        let rows = group_rows(glyphs.collect());
        assert_eq!(reading_order(rows.clone()).len(), rows.len());
    }
}
