//! Reading a PDF page by page, surviving panics and weak pages.
//!
//! The document is loaded with pdf-extract's re-exported lopdf and, when it
//! is encrypted with an empty user password (only printing or copying is
//! restricted), decrypted with "". Each page's content stream is decoded
//! once: scanned for bold fonts and glyphs ([`super::scan`]), rid of the
//! `'` and `"` operators that pdf-extract skips ([`super::quotes`]), and
//! laid out from the glyphs pdf-extract's [`PageReader`] shows, which
//! decodes each font once per document. lopdf's own text extraction of the
//! same page is the fallback. Since it costs as much again, it is consulted
//! only when there is a reason to doubt pdf-extract: it failed or
//! panicked, or found no text or garbled text. Then the two are measured,
//! and lopdf's text wins when it has clearly more letters and is no more
//! garbled. A panic costs one page,
//! never the document. Each page carries the reader that gave its text and
//! the number of glyphs its content stream shows, so that [`super::choose`]
//! can doubt a reading that returned far fewer.

use super::Reader;
use super::error::{ExtractError, Result};
use super::glyphs::GlyphCollector;
use super::guard::guarded;
use super::layout::{Layout, lay_out};
use super::quality::TextMeasure;
use super::quotes::rewrite_quote_operators;
use super::scan::scan_page;
use crate::document::{Line, Page};
use pdf_extract::content::{Content, Operation};
use pdf_extract::encryption::DecryptionError;
use pdf_extract::{Document, ObjectId, PageReader};

/// The header every PDF starts with (possibly after a little junk).
const PDF_MAGIC: &[u8] = b"%PDF-";
/// How far into the file the header may start.
const MAGIC_WINDOW: usize = 1024;

/// One page as this module read it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PdfPage {
    /// The page's lines.
    pub page: Page,
    /// Who read them.
    pub reader: Reader,
    /// Glyphs the page's content stream shows (spaces not counted).
    pub glyphs: usize,
    /// True when the page has form fields or annotations with text of their own.
    pub annotations: bool,
    /// True when our layout found glyphs drawn over one another.
    pub overlapping: bool,
}

/// Extracts all pages of a PDF; recoverable problems become warnings.
pub(crate) fn pdf_pages(bytes: &[u8], warnings: &mut Vec<String>) -> Result<Vec<PdfPage>> {
    let doc = load(bytes)?;
    let mut page_reader = PageReader::new(&doc);
    let mut pages = Vec::new();
    for (number, id) in doc.get_pages() {
        let operations = guarded(|| page_operations(&doc, id)).ok().flatten();
        let own = operations.as_deref().unwrap_or_default();
        let scan = guarded(|| scan_page(&doc, id, own)).unwrap_or_default();
        let operations = match operations {
            Some(ops) if scan.has_quote_operators => Some(rewrite_quote_operators(ops)),
            other => other,
        };
        let page = PageToRead {
            number,
            id,
            operations: operations.as_deref(),
        };
        let (layout, reader) =
            page_lines(&mut page_reader, &doc, &page, scan.bold_strings, warnings);
        pages.push(PdfPage {
            page: Page {
                number,
                lines: layout.lines,
            },
            reader,
            glyphs: scan.glyphs,
            annotations: scan.annotations,
            overlapping: layout.overlapping,
        });
    }
    if pages.is_empty() {
        return Err(ExtractError::Broken("sidorna går inte att hitta"));
    }
    Ok(pages)
}

/// A page's content stream, decoded; `None` when it cannot be.
fn page_operations(doc: &Document, id: ObjectId) -> Option<Vec<Operation>> {
    Content::decode(&doc.get_page_content(id))
        .ok()
        .map(|content| content.operations)
}

/// One page of a document, with its decoded content (`None` when it could not be decoded).
struct PageToRead<'a> {
    number: u32,
    id: ObjectId,
    operations: Option<&'a [Operation]>,
}

fn load(bytes: &[u8]) -> Result<Document> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let head = &bytes[..bytes.len().min(MAGIC_WINDOW)];
    if !head.windows(PDF_MAGIC.len()).any(|w| w == PDF_MAGIC) {
        return Err(ExtractError::NotPdf);
    }
    let mut doc = guarded(|| Document::load_mem(bytes))
        .map_err(|_| ExtractError::Panicked)?
        .map_err(load_error)?;
    if doc.is_encrypted() {
        guarded(|| doc.decrypt(""))
            .map_err(|_| ExtractError::Panicked)?
            .map_err(load_error)?;
    }
    Ok(doc)
}

fn load_error(error: pdf_extract::Error) -> ExtractError {
    use pdf_extract::Error;
    tracing::debug!(%error, "the PDF library could not load the file");
    match error {
        Error::Decryption(DecryptionError::IncorrectPassword) | Error::InvalidPassword => {
            ExtractError::Encrypted
        }
        other => ExtractError::Broken(broken_part(&other)),
    }
}

/// What part of a PDF the library found broken, in Swedish.
fn broken_part(error: &pdf_extract::Error) -> &'static str {
    use pdf_extract::Error;
    match error {
        Error::Xref(_) | Error::MissingXrefEntry | Error::InvalidOffset(_) => {
            "korsreferenstabellen är trasig"
        }
        Error::Parse(_) | Error::Syntax(_) | Error::InvalidObjectStream(_) => {
            "filens objekt går inte att tolka"
        }
        Error::ObjectNotFound(_) | Error::ReferenceCycle(_) | Error::ReferenceLimit => {
            "objekt saknas eller hänvisar till sig själva"
        }
        Error::Decompress(_) | Error::InvalidStream(_) => {
            "en komprimerad del går inte att packa upp"
        }
        Error::Decryption(_) | Error::UnsupportedSecurityHandler(_) => "krypteringen stöds inte",
        _ => "filens struktur går inte att läsa",
    }
}

/// pdf-extract's layout of one page, or lopdf's text when measurably better.
/// What went wrong is logged; the warnings say it in Swedish.
fn page_lines(
    page_reader: &mut PageReader,
    doc: &Document,
    page: &PageToRead,
    bold_strings: Vec<bool>,
    warnings: &mut Vec<String>,
) -> (Layout, Reader) {
    let number = page.number;
    let laid_out = match page.operations {
        Some(operations) => guarded(|| layout_page(page_reader, page, operations, bold_strings))
            .map_err(|panic| format!("panic: {panic}"))
            .and_then(|result| result.map_err(|error| error.to_string())),
        None => Err("the content stream could not be decoded".to_string()),
    };
    if let Err(error) = &laid_out {
        tracing::debug!(page = number, %error, "pdf-extract could not read the page");
    }
    let doubtful = match &laid_out {
        Ok(layout) => looks_empty_or_garbled(&layout.lines),
        Err(_) => true,
    };
    let fallback = if doubtful {
        lopdf_lines(doc, number)
    } else {
        None
    };
    let plain = |lines: Vec<Line>| Layout {
        lines,
        overlapping: false,
    };
    match (laid_out, fallback) {
        (Ok(layout), Some(lines))
            if TextMeasure::of_lines(&layout.lines)
                .clearly_less_than(&TextMeasure::of_lines(&lines)) =>
        {
            warnings.push(format!(
                "sida {number}: för lite text, läst med reservmetoden"
            ));
            (plain(lines), Reader::Lopdf)
        }
        (Ok(layout), _) => (layout, Reader::PdfExtract),
        (Err(_), Some(lines)) => {
            warnings.push(format!(
                "sida {number}: läst med reservmetoden (sidans layout gick inte att tolka)"
            ));
            (plain(lines), Reader::Lopdf)
        }
        (Err(_), None) => {
            warnings.push(format!("sida {number} kunde inte läsas"));
            (plain(Vec::new()), Reader::PdfExtract)
        }
    }
}

fn looks_empty_or_garbled(lines: &[Line]) -> bool {
    let measure = TextMeasure::of_lines(lines);
    measure.alphanumeric == 0 || measure.is_garbled()
}

fn layout_page(
    page_reader: &mut PageReader,
    page: &PageToRead,
    operations: &[Operation],
    bold_strings: Vec<bool>,
) -> std::result::Result<Layout, pdf_extract::OutputError> {
    let mut collector = GlyphCollector::new(bold_strings);
    page_reader.output_page(&mut collector, page.number, page.id, operations)?;
    Ok(Layout::joined(
        collector.into_directions().into_iter().map(lay_out),
    ))
}

/// lopdf's text of one page as plain lines, if it has any.
fn lopdf_lines(doc: &Document, number: u32) -> Option<Vec<Line>> {
    let text = guarded(|| doc.extract_text(&[number])).ok()?.ok()?;
    Some(text.lines().map(Line::plain).collect())
}
