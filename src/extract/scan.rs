//! What a page's content stream shows, seen without pdf-extract.
//!
//! The stream is walked the way pdf-extract walks it (`q`/`Q` save and
//! restore the font, `Tf` selects one, `Tj` shows one string, `TJ` one per
//! string element, `Do` runs a form XObject), recording for every shown
//! string whether the current font's name says Bold, Black or Heavy or its
//! descriptor gives a weight of at least 700. Strings shown with `'` and
//! `"` count too, because [`super::quotes`] rewrites them into `Tj` before
//! pdf-extract sees the page; the scan notes whether the page needs that.
//! It also counts the glyphs the strings show (one byte per glyph, two in a
//! composite font; spaces not counted), so that a reader that returns far
//! fewer characters than the page draws can be doubted.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// Forms nested deeper than this are not followed (nor is a form inside
/// itself), as in the vendored pdf-extract.
const MAX_FORM_DEPTH: usize = 8;

/// What the walk over a page's content found.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageScan {
    /// Boldness of every string pdf-extract will show, in content order.
    pub bold_strings: Vec<bool>,
    /// True when the page's own stream uses `'` or `"`.
    pub has_quote_operators: bool,
    /// Glyphs the page's strings show, spaces not counted.
    pub glyphs: usize,
    /// True when the page has annotations with their own appearance (form
    /// fields, free text) or form fields with a value, which pdf-extract
    /// does not read.
    pub annotations: bool,
}

/// The state of the walk that `q` saves and `Q` restores.
#[derive(Debug, Clone, Copy)]
struct FontState {
    bold: bool,
    /// Bytes per glyph code: 2 in a composite (Type0) font.
    code_bytes: usize,
}

/// Walks a page's content stream, decoded into `operations`.
pub(crate) fn scan_page(doc: &Document, page_id: ObjectId, operations: &[Operation]) -> PageScan {
    let mut scan = PageScan {
        annotations: has_drawn_annotations(doc, page_id),
        ..PageScan::default()
    };
    if let Some(resources) = page_resources(doc, page_id) {
        walk(doc, operations, resources, &mut scan, &mut Vec::new());
    }
    scan
}

/// True when an annotation of the page has an appearance stream (`/AP`) or
/// is a form field with a text value (a viewer draws it when the form asks
/// for appearances to be made, as some save filled forms).
fn has_drawn_annotations(doc: &Document, page_id: ObjectId) -> bool {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return false;
    };
    let annotations = match page.get(b"Annots") {
        Ok(Object::Reference(id)) => doc.get_object(*id).and_then(Object::as_array).ok(),
        Ok(object) => object.as_array().ok(),
        Err(_) => None,
    };
    annotations
        .into_iter()
        .flatten()
        .filter_map(|a| as_dict(doc, a))
        .any(|a| a.has(b"AP") || has_field_value(doc, a))
}

/// Fields nested deeper than this under their form are not looked at.
const MAX_FIELD_DEPTH: usize = 8;

/// True when a widget's field (the widget itself or a parent) has a
/// non-empty text value.
fn has_field_value(doc: &Document, widget: &Dictionary) -> bool {
    let mut node = widget;
    for _ in 0..MAX_FIELD_DEPTH {
        if let Ok(value) = node.get(b"V") {
            let value = doc.dereference(value).ok().map(|(_, object)| object);
            return matches!(value, Some(Object::String(text, _)) if !text.is_empty());
        }
        match node.get(b"Parent").ok().and_then(|p| as_dict(doc, p)) {
            Some(parent) => node = parent,
            None => return false,
        }
    }
    false
}

fn page_resources(doc: &Document, page_id: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    for _ in 0..32 {
        if let Ok(resources) = node.get(b"Resources") {
            return as_dict(doc, resources);
        }
        node = node.get(b"Parent").ok().and_then(|p| as_dict(doc, p))?;
    }
    None
}

fn walk(
    doc: &Document,
    operations: &[Operation],
    resources: &Dictionary,
    scan: &mut PageScan,
    forms: &mut Vec<ObjectId>,
) {
    let mut font = FontState {
        bold: false,
        code_bytes: 1,
    };
    let mut saved = Vec::new();
    for op in operations {
        match op.operator.as_str() {
            "q" => saved.push(font),
            "Q" => font = saved.pop().unwrap_or(font),
            "Tf" => font = font_state(doc, resources, name_operand(op)),
            "Tj" => {
                scan.bold_strings.push(font.bold);
                scan.glyphs += op.operands.iter().map(|o| glyphs(o, font)).sum::<usize>();
            }
            "TJ" => {
                for string in strings_in_array(op) {
                    scan.bold_strings.push(font.bold);
                    scan.glyphs += glyphs(string, font);
                }
            }
            // Only the page's own stream is rewritten; pdf-extract skips these in forms.
            "'" | "\"" if forms.is_empty() => {
                scan.bold_strings.push(font.bold);
                scan.glyphs += op.operands.iter().map(|o| glyphs(o, font)).sum::<usize>();
                scan.has_quote_operators = true;
            }
            "Do" if forms.len() < MAX_FORM_DEPTH => {
                let Some(form) = form_xobject(doc, resources, op) else {
                    continue;
                };
                if forms.contains(&form.id) {
                    continue;
                }
                forms.push(form.id);
                let inner = form.resources.unwrap_or(resources);
                walk(doc, &form.content.operations, inner, scan, forms);
                forms.pop();
            }
            _ => {}
        }
    }
}

fn name_operand(op: &Operation) -> Option<&[u8]> {
    op.operands.first().and_then(|o| o.as_name().ok())
}

fn strings_in_array(op: &Operation) -> impl Iterator<Item = &Object> {
    let items = op.operands.first().and_then(|o| o.as_array().ok());
    items
        .into_iter()
        .flatten()
        .filter(|o| matches!(o, Object::String(..)))
}

/// Glyphs a string operand shows in `font`, spaces not counted.
fn glyphs(operand: &Object, font: FontState) -> usize {
    match operand {
        Object::String(bytes, _) if font.code_bytes == 1 => {
            bytes.iter().filter(|&&b| b != b' ').count()
        }
        Object::String(bytes, _) => bytes.len() / font.code_bytes,
        _ => 0,
    }
}

/// Boldness and code width of the font `Tf` selects by `name`.
fn font_state(doc: &Document, resources: &Dictionary, name: Option<&[u8]>) -> FontState {
    let font = name.and_then(|name| {
        resources
            .get(b"Font")
            .ok()
            .and_then(|fonts| as_dict(doc, fonts))
            .and_then(|fonts| fonts.get(name).ok())
            .and_then(|font| as_dict(doc, font))
    });
    let composite =
        font.is_some_and(|f| f.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0"));
    FontState {
        bold: font.is_some_and(|font| bold_name(font) || heavy_weight(doc, font)),
        code_bytes: if composite { 2 } else { 1 },
    }
}

fn bold_name(font: &Dictionary) -> bool {
    let name = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or_default();
    let name = String::from_utf8_lossy(name).to_lowercase();
    ["bold", "black", "heavy"]
        .iter()
        .any(|word| name.contains(word))
}

fn heavy_weight(doc: &Document, font: &Dictionary) -> bool {
    let descriptor = font
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| as_dict(doc, d));
    let weight = descriptor
        .and_then(|d| d.get(b"FontWeight").ok())
        .and_then(|w| w.as_float().ok());
    weight.is_some_and(|w| w >= 700.0)
}

/// A form XObject a `Do` draws: its object, content and own resources.
struct Form<'a> {
    id: ObjectId,
    content: Content,
    resources: Option<&'a Dictionary>,
}

/// The form XObject a `Do` paints, if it is a form.
fn form_xobject<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    op: &Operation,
) -> Option<Form<'a>> {
    let name = name_operand(op)?;
    let xobjects = as_dict(doc, resources.get(b"XObject").ok()?)?;
    let id = xobjects.get(name).ok()?.as_reference().ok()?;
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok()? != b"Form" {
        return None;
    }
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let content = Content::decode(&bytes).ok()?;
    let own = stream
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|r| as_dict(doc, r));
    Some(Form {
        id,
        content,
        resources: own,
    })
}

fn as_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(dict) => Some(dict),
        _ => None,
    }
}
