//! Calibrating glyph widths against the advances seen on the page.
//!
//! Word gaps are found from each glyph's right edge, so they are only as
//! good as the advance widths pdf-extract reads from the font. Some fonts
//! (CID fonts printed by Chromium, for one) give it no width (0) or a
//! default for some glyphs, and every such letter then looks followed by
//! a word gap. The page itself tells the truth: most of the time a letter
//! is followed by another letter of the same word, so the lower quartile
//! of the distance from a character's start to the next glyph's start, per
//! character, font size and weight, is that character's real advance.
//! Where the font's width disagrees with it, the measured advance wins;
//! letters seen too rarely take the measured advance of their base letter
//! in the same style (`a` for `ä`); when that is not measured either, a
//! missing width falls back to the same character in any style, then the
//! base letter's width, then the page's median width. A font width that the
//! next glyph confirms (it starts right where the width ends) is kept: a
//! monospaced `i` in a code listing is as wide as its font says, however
//! narrow the body text's `i` of the same size is. A distance longer than
//! any character's advance is no measurement: it holds a gap.

use super::glyphs::Glyph;
use super::rows::Row;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Widths below this share of the font size count as missing.
const MISSING: f64 = 0.05;
/// A font width this far (in font sizes) from the measured advance is wrong.
const DISAGREEMENT: f64 = 0.1;
/// The next glyph starting within this share of the font size of where a
/// glyph's font width ends confirms that width.
const CONFIRMED: f64 = 0.02;
/// A character needs this many measured advances to be calibrated.
const MIN_SAMPLES: usize = 3;
/// Median letter width, in font sizes, when a page gives nothing to go by.
const TYPICAL: f64 = 0.5;
/// No character advances further than this, in font sizes (a "W" or "—" is
/// about one): a longer start-to-start distance holds a gap, as after a
/// form's "X" in a checkbox, which is always followed by one.
const MAX_ADVANCE: f64 = 1.1;

/// Character, rounded size and weight: the closest thing to a font we know.
type Style = (String, i64, bool);
/// A [`Style`] borrowing the glyph's text, for counting without a copy per glyph.
type StyleOf<'a> = (&'a str, i64, bool);

/// One glyph width that calibration replaced.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Replaced {
    /// Index of the glyph's row.
    row: usize,
    /// Index of the glyph in its row.
    glyph: usize,
    /// The font's width.
    font: f64,
    /// The width calibration gave it.
    calibrated: f64,
}

/// Replaces font widths that disagree with the page's measured advances;
/// returns the widths it replaced (none on most pages).
pub(crate) fn calibrate_widths(rows: &mut [Row]) -> Vec<Replaced> {
    let measured = measured_advances(rows);
    let base_widths = BaseWidths::for_unmeasured_accents(rows, &measured);
    let reported = reported_widths(rows);
    let typical = median(reported.values().copied().collect()).unwrap_or(TYPICAL);
    let mut replaced = Vec::new();
    for (r, row) in rows.iter_mut().enumerate() {
        let next_starts: Vec<Option<f64>> = (0..row.glyphs.len())
            .map(|i| row.glyphs.get(i + 1).map(|next| next.x))
            .collect();
        for (g, (glyph, next)) in row.glyphs.iter_mut().zip(next_starts).enumerate() {
            if is_letter(glyph) && !confirmed(glyph, next) {
                let font = glyph.width;
                calibrate(glyph, &measured, &base_widths, &reported, typical);
                if glyph.width != font {
                    replaced.push(Replaced {
                        row: r,
                        glyph: g,
                        font,
                        calibrated: glyph.width,
                    });
                }
            }
        }
    }
    replaced
}

/// Puts the fonts' own widths back where calibration `replaced` them, or,
/// with `calibrated`, the calibrated widths again.
pub(crate) fn set_widths(rows: &mut [Row], replaced: &[Replaced], calibrated: bool) {
    for r in replaced {
        rows[r.row].glyphs[r.glyph].width = if calibrated { r.calibrated } else { r.font };
    }
}

/// True when the glyph's font width is confirmed by where the next glyph starts.
fn confirmed(glyph: &Glyph, next_start: Option<f64>) -> bool {
    let ends = glyph.x + glyph.width;
    glyph.width / glyph.size.max(f64::MIN_POSITIVE) >= MISSING
        && next_start.is_some_and(|start| (start - ends).abs() <= CONFIRMED * glyph.size)
}

/// Gives one letter the measured advance of its style when its font width
/// disagrees, or a reported width when it has none.
fn calibrate(
    glyph: &mut Glyph,
    measured: &HashMap<Style, f64>,
    base_widths: &BaseWidths,
    reported: &HashMap<String, f64>,
    typical: f64,
) {
    let em = glyph.size.max(f64::MIN_POSITIVE);
    let width = glyph.width / em;
    let advance = measured_advance(measured, glyph).or_else(|| base_widths.width(glyph));
    match advance {
        Some(advance) if (advance - width).abs() > DISAGREEMENT => glyph.width = advance * em,
        Some(_) => {}
        None if width < MISSING => {
            let base = base_letter(&glyph.text);
            let known = reported.get(&glyph.text).or_else(|| reported.get(&base));
            glyph.width = known.copied().unwrap_or(typical) * em;
        }
        None => {}
    }
}

/// The glyph's advance measured on the page: its own style's, else its
/// base letter's in that style.
fn measured_advance(measured: &HashMap<Style, f64>, glyph: &Glyph) -> Option<f64> {
    let own = measured.get(&style(glyph));
    own.or_else(|| measured.get(&base_style(glyph))).copied()
}

/// The fonts' own widths of base letters, for accented letters the page
/// does not measure: an accent never changes a letter's advance, so a font
/// saying "ä" is narrower than "a" is wrong about "ä".
#[derive(Default)]
struct BaseWidths {
    by_style: HashMap<Style, f64>,
    by_weight: HashMap<Style, f64>,
}

impl BaseWidths {
    /// The widths, read only when some accented letter on the page lacks a
    /// measured advance (most pages have none).
    fn for_unmeasured_accents(rows: &[Row], measured: &HashMap<Style, f64>) -> BaseWidths {
        let needed = rows
            .iter()
            .flat_map(|r| &r.glyphs)
            .any(|g| is_letter(g) && is_accented(g) && measured_advance(measured, g).is_none());
        if !needed {
            return BaseWidths::default();
        }
        BaseWidths {
            by_style: owned_styles(median_widths(rows, style_of)),
            by_weight: owned_styles(median_widths(rows, |glyph| any_size(style_of(glyph)))),
        }
    }

    /// The font's width of the glyph's base letter, in the glyph's style or
    /// at another size of its weight, when the glyph is accented.
    fn width(&self, glyph: &Glyph) -> Option<f64> {
        if self.by_style.is_empty() || !is_accented(glyph) {
            return None;
        }
        let base = base_style(glyph);
        let own_size = self.by_style.get(&base).copied();
        own_size.or_else(|| self.by_weight.get(&any_size(base)).copied())
    }
}

/// True for a letter with accents (`ä`, `é`): one as wide as its base letter.
fn is_accented(glyph: &Glyph) -> bool {
    !glyph.text.is_ascii() && base_letter(&glyph.text) != glyph.text
}

fn is_letter(glyph: &Glyph) -> bool {
    glyph.size > 0.0 && glyph.text.chars().next().is_some_and(char::is_alphanumeric)
}

/// The style of the glyph's base letter (`a` for `ä`): accents do not
/// change a letter's advance, so a rare "ä" in a bold heading can be
/// measured by the many "a" around it.
fn base_style(glyph: &Glyph) -> Style {
    let (_, size, bold) = style(glyph);
    (base_letter(&glyph.text), size, bold)
}

/// The letter without its accents (`a` for `ä`).
fn base_letter(text: &str) -> String {
    text.nfd().take(1).collect()
}

fn style(glyph: &Glyph) -> Style {
    let (text, size, bold) = style_of(glyph);
    (text.to_string(), size, bold)
}

fn style_of(glyph: &Glyph) -> StyleOf<'_> {
    (&glyph.text, (glyph.size * 10.0).round() as i64, glyph.bold)
}

/// The map with its borrowed styles copied.
fn owned_styles(map: HashMap<StyleOf, f64>) -> HashMap<Style, f64> {
    map.into_iter()
        .map(|((text, size, bold), value)| ((text.to_string(), size, bold), value))
        .collect()
}

/// Lower quartile of start-to-start distances, in font sizes, per style.
fn measured_advances(rows: &[Row]) -> HashMap<Style, f64> {
    let mut samples: HashMap<StyleOf, Vec<f64>> = HashMap::new();
    for row in rows {
        for pair in row
            .glyphs
            .windows(2)
            .filter(|p| is_letter(&p[0]) && !p[1].is_space())
        {
            let advance = (pair[1].x - pair[0].x) / pair[0].size;
            let chars = pair[0].text.chars().count() as f64;
            if advance > 0.0 && advance <= MAX_ADVANCE * chars {
                samples.entry(style_of(&pair[0])).or_default().push(advance);
            }
        }
    }
    let quartiles = samples
        .into_iter()
        .filter(|(_, advances)| advances.len() >= MIN_SAMPLES)
        .map(|(style, mut advances)| {
            advances.sort_by(f64::total_cmp);
            (style, advances[advances.len() / 4])
        });
    owned_styles(quartiles.collect())
}

/// Median non-missing font width, in font sizes, per character.
fn reported_widths(rows: &[Row]) -> HashMap<String, f64> {
    let widths = median_widths(rows, |glyph| glyph.text.as_str());
    widths
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// The style with its size forgotten: the font's widths, in font sizes,
/// are the same at every size.
fn any_size<T>((text, _, bold): (T, i64, bool)) -> (T, i64, bool) {
    (text, 0, bold)
}

/// Median non-missing font width, in font sizes, per key of a glyph.
fn median_widths<'a, K: Eq + std::hash::Hash>(
    rows: &'a [Row],
    key: impl Fn(&'a Glyph) -> K,
) -> HashMap<K, f64> {
    let mut samples: HashMap<K, Vec<f64>> = HashMap::new();
    for glyph in rows.iter().flat_map(|r| &r.glyphs).filter(|g| is_letter(g)) {
        let width = glyph.width / glyph.size;
        if width >= MISSING {
            samples.entry(key(glyph)).or_default().push(width);
        }
    }
    samples
        .into_iter()
        .filter_map(|(key, widths)| Some((key, median(widths)?)))
        .collect()
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::super::rows::{group_rows, tests::word};
    use super::*;

    fn text_after_calibration(glyphs: Vec<Glyph>) -> String {
        let mut rows = group_rows(glyphs);
        calibrate_widths(&mut rows);
        rows[0].text()
    }

    /// `text` at 10 pt with every `letter` given the font width `width`.
    fn with_width(text: &str, letter: &str, width: f64) -> Vec<Glyph> {
        sized(text, 100.0, 10.0, letter, width)
    }

    /// `text` on baseline `y` at `size` pt, letters half an em wide, except
    /// every `letter`, which the font says is `width` wide.
    fn sized(text: &str, y: f64, size: f64, letter: &str, width: f64) -> Vec<Glyph> {
        let mut glyphs = word(text, 0.0, y);
        for glyph in &mut glyphs {
            glyph.x *= size / 10.0;
            glyph.size = size;
            glyph.width = if glyph.text == letter {
                width
            } else {
                size / 2.0
            };
        }
        glyphs
    }

    /// Glyphs of `text` at 10 pt on baseline `y`, each as wide as `width`
    /// says and placed one after the other.
    fn set_in(text: &str, y: f64, width: impl Fn(char) -> f64) -> Vec<Glyph> {
        let mut x = 0.0;
        let mut glyphs = Vec::new();
        for c in text.chars() {
            let w = width(c);
            if c != ' ' {
                glyphs.extend(
                    word(&c.to_string(), x, y)
                        .into_iter()
                        .map(|g| Glyph { width: w, ..g }),
                );
            }
            x += w;
        }
        glyphs
    }

    #[test]
    fn monospaced_letters_keep_the_widths_the_next_glyph_confirms() {
        // Body text measures a narrow `i` (2.5 pt at 10 pt); in a code
        // listing of the same size every glyph is 6 pt wide.
        let body = set_in("primitiva iii idiomatiska initiativ", 300.0, |c| {
            if c == 'i' { 2.5 } else { 5.0 }
        });
        let code = set_in("primes[i] = false", 200.0, |_| 6.0);
        let mut rows = group_rows([body, code].concat());
        calibrate_widths(&mut rows);
        assert_eq!(rows[1].text(), "primes[i] = false");
    }

    #[test]
    fn zero_width_letter_inside_words_is_measured() {
        let glyphs = with_width("hålla både våren", "å", 0.0);
        assert_eq!(text_after_calibration(glyphs), "hålla både våren");
    }

    #[test]
    fn rare_zero_width_letter_borrows_its_base_letter() {
        let glyphs = with_width("halla på", "å", 0.0);
        assert_eq!(text_after_calibration(glyphs), "halla på");
    }

    #[test]
    fn rare_accented_letter_with_a_wrong_width_takes_its_base_letters_advance() {
        // A bold heading font reports a default width for "ä" that is too
        // narrow; its advance is that of the "a"s of the same style.
        let glyphs = with_width("bananas hälsa", "ä", 3.0);
        assert_eq!(text_after_calibration(glyphs), "bananas hälsa");
    }

    #[test]
    fn rare_accented_letter_takes_its_base_letters_width_in_the_same_font() {
        // A 19 pt title has too few letters to measure; its font says "ä"
        // is narrower than "a", which no accent makes it.
        let title = sized("plan hälsa", 200.0, 19.0, "ä", 5.0);
        assert_eq!(text_after_calibration(title), "plan hälsa");
    }

    #[test]
    fn accented_letter_alone_in_its_size_takes_the_fonts_base_width_at_another_size() {
        // "två år" at 13 pt has no "a" to compare with; the same font at
        // 19 pt reports the width of "a".
        let glyphs = sized("två år", 100.0, 13.0, "å", 1.0)
            .into_iter()
            .chain(sized("plan", 200.0, 19.0, "å", 1.0));
        let mut rows = group_rows(glyphs.collect());
        calibrate_widths(&mut rows);
        let texts: Vec<String> = rows.iter().map(Row::text).collect();
        assert!(texts.contains(&"två år".to_string()), "{texts:?}");
    }

    #[test]
    fn checkbox_mark_always_followed_by_a_gap_stays_apart() {
        // A form's ticked boxes: "X" then, 1.3 em from its start, the label.
        let mut glyphs = Vec::new();
        for (i, label) in ["Missbruk", "Psykisk", "Unga"].iter().enumerate() {
            let x = 150.0 * i as f64;
            glyphs.extend(word("X", x, 100.0));
            glyphs.extend(word(label, x + 13.0, 100.0));
        }
        assert_eq!(
            text_after_calibration(glyphs),
            "X Missbruk X Psykisk X Unga"
        );
    }

    #[test]
    fn word_gap_survives_calibration() {
        let glyphs = word("en ny rad med ord i en följd", 0.0, 100.0);
        assert_eq!(
            text_after_calibration(glyphs),
            "en ny rad med ord i en följd"
        );
    }
}
