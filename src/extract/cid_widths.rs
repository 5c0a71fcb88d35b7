//! Rewriting CID fonts' width ranges, which pdf-extract 0.12 misreads.
//!
//! A CID font lists its glyph widths in `/W` in two forms: `c [w1 w2 …]`
//! gives consecutive glyphs their own widths, `c_first c_last w` gives a
//! whole range one width. pdf-extract reads the second form as an empty
//! range, so every glyph in it falls back to the default width `/DW`
//! (often 0 or 500). Chromium (Skia) writes ranges for runs of glyphs of
//! equal width, such as digits and many capitals, and a capital that is
//! given a width of 0 or half an em then looks followed by a word gap
//! ("D atum"). Rewriting each range into the first form before layout gives
//! pdf-extract the widths the font declares.

use pdf_extract::{Document, Object, ObjectId};

/// A range longer than this is left alone rather than spelt out.
const MAX_RANGE: i64 = 65_536;

/// Rewrites the width ranges of every CID font in the document.
pub(crate) fn rewrite_width_ranges(doc: &mut Document) {
    let widths: Vec<WidthsAt> = doc
        .objects
        .iter()
        .filter_map(|(id, object)| widths_of_cid_font(*id, object))
        .collect();
    for at in widths {
        let array = match at {
            WidthsAt::Inline(font) => doc
                .objects
                .get_mut(&font)
                .and_then(|o| o.as_dict_mut().ok())
                .and_then(|d| d.get_mut(b"W").ok()),
            WidthsAt::Object(id) => doc.objects.get_mut(&id),
        };
        if let Some(Object::Array(entries)) = array
            && let Some(spelt_out) = spelt_out(entries)
        {
            *entries = spelt_out;
        }
    }
}

/// Where a font keeps its `/W` array.
enum WidthsAt {
    /// In the font dictionary itself.
    Inline(ObjectId),
    /// In an object of its own.
    Object(ObjectId),
}

fn widths_of_cid_font(id: ObjectId, object: &Object) -> Option<WidthsAt> {
    let dict = object.as_dict().ok()?;
    let subtype = dict.get(b"Subtype").and_then(Object::as_name).ok()?;
    if subtype != b"CIDFontType2" && subtype != b"CIDFontType0" {
        return None;
    }
    match dict.get(b"W").ok()? {
        Object::Array(_) => Some(WidthsAt::Inline(id)),
        Object::Reference(target) => Some(WidthsAt::Object(*target)),
        _ => None,
    }
}

/// The entries with every `c_first c_last w` written as `c_first [w …]`;
/// `None` when there is no range or the array is not well formed.
fn spelt_out(entries: &[Object]) -> Option<Vec<Object>> {
    let mut out = Vec::with_capacity(entries.len());
    let mut changed = false;
    let mut i = 0;
    while i < entries.len() {
        match (entries.get(i), entries.get(i + 1), entries.get(i + 2)) {
            (Some(first), Some(list @ Object::Array(_)), _) => {
                out.extend([first.clone(), list.clone()]);
                i += 2;
            }
            (Some(first), Some(last), Some(width)) => {
                let (first_cid, last_cid) = (first.as_i64().ok()?, last.as_i64().ok()?);
                let count = last_cid.checked_sub(first_cid)? + 1;
                if !(1..=MAX_RANGE).contains(&count) || !is_number(width) {
                    return None;
                }
                let widths = vec![width.clone(); count as usize];
                out.extend([first.clone(), Object::Array(widths)]);
                changed = true;
                i += 3;
            }
            _ => return None,
        }
    }
    changed.then_some(out)
}

fn is_number(object: &Object) -> bool {
    matches!(object, Object::Integer(_) | Object::Real(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: i64) -> Object {
        Object::Integer(n)
    }

    #[test]
    fn range_is_spelt_out_and_lists_are_kept() {
        let entries = vec![
            int(0),
            Object::Array(vec![int(365)]),
            int(36),
            int(39),
            Object::Real(722.2),
        ];
        let expected = vec![
            int(0),
            Object::Array(vec![int(365)]),
            int(36),
            Object::Array(vec![Object::Real(722.2); 4]),
        ];
        assert_eq!(spelt_out(&entries), Some(expected));
    }

    #[test]
    fn arrays_without_ranges_or_malformed_are_left_alone() {
        assert_eq!(spelt_out(&[int(3), Object::Array(vec![int(250)])]), None);
        assert_eq!(spelt_out(&[int(3), int(2), int(250)]), None);
        assert_eq!(spelt_out(&[int(3), int(9)]), None);
    }

    #[test]
    fn fonts_widths_are_rewritten_in_the_document() {
        let mut doc = Document::with_version("1.7");
        let widths = doc.add_object(Object::Array(vec![int(1), int(2), int(600)]));
        let mut font = pdf_extract::Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"CIDFontType2".to_vec()));
        font.set("W", widths);
        let font = doc.add_object(font);
        rewrite_width_ranges(&mut doc);
        assert_eq!(
            doc.get_object(widths).unwrap(),
            &Object::Array(vec![int(1), Object::Array(vec![int(600); 2])])
        );
        assert!(doc.get_object(font).is_ok());
    }
}
