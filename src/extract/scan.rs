//! What a page's content stream shows, seen without pdf-extract.
//!
//! The stream is walked the way pdf-extract walks it (`q`/`Q` save and
//! restore the font, `Tf` selects one, `Tj` shows one string, `TJ` one per
//! string element, `Do` runs a form XObject), recording for every shown
//! string whether the current font's name says Bold, Black or Heavy or its
//! descriptor gives a weight of at least 700. Strings shown with `'` and
//! `"` count too, because [`super::quotes`] rewrites them into `Tj` before
//! pdf-extract sees the page; the scan notes whether the page needs that.

use pdf_extract::{Dictionary, Document, Object, ObjectId, content::Content};

/// Forms nested deeper than this are not followed.
const MAX_FORM_DEPTH: usize = 8;

/// What the walk over a page's content found.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageScan {
    /// Boldness of every string pdf-extract will show, in content order.
    pub bold_strings: Vec<bool>,
    /// True when the page's own stream uses `'` or `"`.
    pub has_quote_operators: bool,
}

/// Walks a page's content stream.
pub(crate) fn scan_page(doc: &Document, page_id: ObjectId) -> PageScan {
    let mut scan = PageScan::default();
    let content = doc.get_page_content(page_id).unwrap_or_default();
    if let Some(resources) = page_resources(doc, page_id) {
        walk(doc, &content, resources, &mut scan, 0);
    }
    scan
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

fn walk(doc: &Document, content: &[u8], resources: &Dictionary, scan: &mut PageScan, depth: usize) {
    let Ok(content) = Content::decode(content) else {
        return;
    };
    let mut bold = false;
    let mut saved = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => saved.push(bold),
            "Q" => bold = saved.pop().unwrap_or(bold),
            "Tf" => bold = name_operand(op).is_some_and(|n| is_bold_font(doc, resources, n)),
            "Tj" => scan.bold_strings.push(bold),
            "TJ" => scan.bold_strings.extend(strings_in_array(op).map(|_| bold)),
            // Only the page's own stream is rewritten; pdf-extract skips these in forms.
            "'" | "\"" if depth == 0 => {
                scan.bold_strings.push(bold);
                scan.has_quote_operators = true;
            }
            "Do" if depth < MAX_FORM_DEPTH => {
                if let Some((form, form_resources)) = form_xobject(doc, resources, op) {
                    walk(
                        doc,
                        &form,
                        form_resources.unwrap_or(resources),
                        scan,
                        depth + 1,
                    );
                }
            }
            _ => {}
        }
    }
}

fn name_operand(op: &pdf_extract::content::Operation) -> Option<&[u8]> {
    op.operands.first().and_then(|o| o.as_name().ok())
}

fn strings_in_array(op: &pdf_extract::content::Operation) -> impl Iterator<Item = ()> + '_ {
    let items = op.operands.first().and_then(|o| o.as_array().ok());
    items
        .into_iter()
        .flatten()
        .filter(|o| matches!(o, Object::String(..)))
        .map(|_| ())
}

fn is_bold_font(doc: &Document, resources: &Dictionary, name: &[u8]) -> bool {
    let font = resources
        .get(b"Font")
        .ok()
        .and_then(|fonts| as_dict(doc, fonts))
        .and_then(|fonts| fonts.get(name).ok())
        .and_then(|font| as_dict(doc, font));
    font.is_some_and(|font| bold_name(font) || heavy_weight(doc, font))
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

/// The content and own resources of the form XObject a `Do` paints, if it is a form.
fn form_xobject<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    op: &pdf_extract::content::Operation,
) -> Option<(Vec<u8>, Option<&'a Dictionary>)> {
    let name = name_operand(op)?;
    let xobjects = as_dict(doc, resources.get(b"XObject").ok()?)?;
    let id = xobjects.get(name).ok()?.as_reference().ok()?;
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok()? != b"Form" {
        return None;
    }
    let content = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let own = stream
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|r| as_dict(doc, r));
    Some((content, own))
}

fn as_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(dict) => Some(dict),
        _ => None,
    }
}
