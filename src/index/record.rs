//! What the index stores, as plain structs: written by ingest, read by search.

use super::Fields;
use crate::document::{Metadata, Section, SectionLabels};
use tantivy::TantivyDocument;
use tantivy::schema::Value;

/// Facet value stored for a document whose förbund is not known.
pub const UNKNOWN_FORBUND: &str = "okänt";
/// Facet value stored for a document whose report type is not known.
pub const UNKNOWN_REPORT_TYPE: &str = "övrigt";
/// Facet value stored for a section whose kind is not known.
pub const UNKNOWN_SECTION_KIND: &str = "övrigt";

/// A document ready to be indexed: its identity, labels and sections.
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    /// Content hash of the file.
    pub doc_id: String,
    /// Paths relative to the corpus folder, with `/` separators: every file
    /// with this content, the first one shown as the document's path.
    pub paths: Vec<String>,
    /// Document labels.
    pub metadata: Metadata,
    /// Number of pages.
    pub pages: u32,
    /// Sections with their language codes.
    pub sections: Vec<SectionRecord>,
    /// The page furniture taken off its pages (running headers, footers,
    /// page numbers), each distinct line once: searchable, kept apart from
    /// the sections' text.
    pub furniture: Vec<String>,
}

/// A section, its detected language and where its text came from.
#[derive(Debug, Clone)]
pub struct SectionRecord {
    /// The section.
    pub section: Section,
    /// ISO 639-1 language code.
    pub lang: String,
    /// True when some of its text was read by OCR.
    pub ocr: bool,
    /// Its kind and the report type of the part it is in.
    pub labels: SectionLabels,
}

/// One section as read back from the index; the document's labels are
/// stored with its first section only (the others read them as default).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredSection {
    /// Section id.
    pub id: String,
    /// Document id.
    pub doc_id: String,
    /// Paths relative to the corpus folder (the same content may be in several files).
    pub paths: Vec<String>,
    /// Position in the document.
    pub ordinal: u64,
    /// Page count of the document.
    pub pages: u64,
    /// Language code.
    pub lang: String,
    /// The section.
    pub heading: String,
    /// Body text.
    pub text: String,
    /// First page.
    pub page_start: u64,
    /// Last page.
    pub page_end: u64,
    /// True when some of the text was read by OCR.
    pub ocr: bool,
    /// The section's own labels.
    pub labels: SectionLabels,
    /// The document's labels.
    pub metadata: Metadata,
    /// The document's page furniture (stored with its first section only).
    pub furniture: Vec<String>,
}

impl DocumentRecord {
    /// The tantivy documents for this record, one per section.
    pub fn to_tantivy(&self, f: &Fields) -> Vec<TantivyDocument> {
        self.sections
            .iter()
            .enumerate()
            .map(|(ordinal, s)| self.section_doc(f, ordinal, s))
            .collect()
    }

    fn section_doc(&self, f: &Fields, ordinal: usize, record: &SectionRecord) -> TantivyDocument {
        let m = &self.metadata;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, section_id(&self.doc_id, ordinal));
        doc.add_text(f.doc_id, &self.doc_id);
        for path in &self.paths {
            doc.add_text(f.path, path);
        }
        doc.add_text(f.title, &m.title);
        doc.add_text(f.heading, &record.section.heading);
        doc.add_text(f.body, &record.section.text);
        doc.add_text(f.exact, &record.section.heading);
        doc.add_text(f.exact, &record.section.text);
        if record.lang == "en" {
            doc.add_text(f.body_en, &record.section.text);
        }
        doc.add_text(f.about, self.about());
        doc.add_text(f.forbund, m.forbund.as_deref().unwrap_or(UNKNOWN_FORBUND));
        doc.add_text(
            f.report_type,
            m.report_type.as_deref().unwrap_or(UNKNOWN_REPORT_TYPE),
        );
        if let Some(part) = &record.labels.report_type {
            doc.add_text(f.report_type, part);
            doc.add_text(f.part_type, part);
        }
        for group in &m.malgrupp {
            doc.add_text(f.malgrupp, group);
        }
        doc.add_text(f.section_kind, record.labels.kind());
        if let Some(owner) = &m.owner {
            doc.add_text(f.owner, owner);
        }
        for partner in &m.partners {
            doc.add_text(f.partner, partner);
        }
        if ordinal == 0 {
            // Stored once per document (its first section), not per section.
            doc.add_text(f.labels, serde_json::to_string(m).unwrap_or_default());
            for line in &self.furniture {
                doc.add_text(f.furniture, line);
            }
        }
        doc.add_u64(f.year, m.year.map_or(0, |y| y.max(0) as u64));
        doc.add_text(f.lang, &record.lang);
        doc.add_u64(f.page_start, u64::from(record.section.page_start));
        doc.add_u64(f.page_end, u64::from(record.section.page_end));
        doc.add_u64(f.ordinal, ordinal as u64);
        doc.add_u64(f.pages, u64::from(self.pages));
        doc.add_bool(f.ocr, record.ocr);
        doc
    }
}

impl SectionLabels {
    /// The kind as stored: [`UNKNOWN_SECTION_KIND`] when not known.
    pub fn kind(&self) -> &str {
        if self.kind.is_empty() {
            UNKNOWN_SECTION_KIND
        } else {
            &self.kind
        }
    }
}

impl DocumentRecord {
    /// The words about the document for the `about` field: report type,
    /// förbund, year, project and the file names without folders and extension.
    fn about(&self) -> String {
        let m = &self.metadata;
        let names = self.paths.iter().filter_map(|path| {
            let stem = std::path::Path::new(path).file_stem()?;
            Some(stem.to_string_lossy().replace(['-', '_'], " "))
        });
        [
            m.report_type.clone(),
            m.forbund.clone(),
            m.year.map(|y| y.to_string()),
        ]
        .into_iter()
        .flatten()
        .chain(names)
        .collect::<Vec<_>>()
        .join(" \n ")
    }
}

/// The id of a document's `ordinal`-th section.
pub fn section_id(doc_id: &str, ordinal: usize) -> String {
    format!("{doc_id}-{ordinal}")
}

impl DocumentRecord {
    /// The record of an indexed document, rebuilt from its stored sections
    /// (in order) with new `paths`; `None` when there are no sections.
    pub fn from_stored(sections: Vec<StoredSection>, paths: Vec<String>) -> Option<DocumentRecord> {
        let first = sections.first()?;
        let (doc_id, metadata, pages, furniture) = (
            first.doc_id.clone(),
            first.metadata.clone(),
            first.pages as u32,
            first.furniture.clone(),
        );
        let sections = sections
            .into_iter()
            .map(|s| SectionRecord {
                lang: s.lang,
                ocr: s.ocr,
                labels: s.labels,
                section: Section {
                    heading: s.heading,
                    text: s.text,
                    page_start: s.page_start as u32,
                    page_end: s.page_end as u32,
                },
            })
            .collect();
        Some(DocumentRecord {
            doc_id,
            paths,
            metadata,
            pages,
            sections,
            furniture,
        })
    }
}

impl StoredSection {
    /// The path shown for the section's document: its first path.
    pub fn path(&self) -> &str {
        self.paths.first().map_or("", String::as_str)
    }

    /// Reads a stored tantivy document back into a plain struct.
    pub fn from_tantivy(doc: &TantivyDocument, f: &Fields) -> StoredSection {
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let number = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_u64())
                .unwrap_or_default()
        };
        let optional = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        StoredSection {
            id: text(f.id),
            doc_id: text(f.doc_id),
            paths: doc
                .get_all(f.path)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            ordinal: number(f.ordinal),
            pages: number(f.pages),
            lang: text(f.lang),
            heading: text(f.heading),
            text: text(f.body),
            page_start: number(f.page_start),
            page_end: number(f.page_end),
            ocr: doc
                .get_first(f.ocr)
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            labels: SectionLabels {
                kind: text(f.section_kind),
                report_type: optional(f.part_type),
            },
            metadata: serde_json::from_str(&text(f.labels)).unwrap_or_default(),
            furniture: doc
                .get_all(f.furniture)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::DOCUMENT_FACETS;

    fn section(kind: &str, part: Option<&str>) -> SectionRecord {
        SectionRecord {
            section: Section {
                heading: kind.into(),
                text: format!("Om {kind}."),
                page_start: 1,
                page_end: 1,
            },
            lang: "sv".into(),
            ocr: false,
            labels: SectionLabels {
                kind: kind.into(),
                report_type: part.map(str::to_string),
            },
        }
    }

    /// The values of `field` in a tantivy document.
    fn values(doc: &TantivyDocument, f: &Fields, field: &str) -> Vec<String> {
        let field = f.facet(field).expect("a facet field");
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    #[test]
    fn document_facets_are_the_same_in_every_section_and_the_others_are_not() {
        let (_, f) = Fields::build();
        let record = DocumentRecord {
            doc_id: "d".into(),
            paths: vec!["d.pdf".into()],
            metadata: Metadata {
                forbund: Some("Samordningsförbundet Umeå".into()),
                report_type: Some("delrapport".into()),
                malgrupp: vec!["unga".into(), "nollplacerade".into()],
                year: Some(2021),
                owner: Some("Umeå kommun".into()),
                partners: vec!["Arbetsförmedlingen".into()],
                ..Metadata::default()
            },
            pages: 3,
            sections: vec![section("syfte", None), section("budget", Some("ansökan"))],
            furniture: Vec::new(),
        };
        let docs = record.to_tantivy(&f);
        for facet in DOCUMENT_FACETS {
            let first = values(&docs[0], &f, facet);
            assert!(!first.is_empty(), "{facet} has a value");
            assert_eq!(values(&docs[1], &f, facet), first, "{facet}");
        }
        let year = |doc: &TantivyDocument| doc.get_first(f.year).and_then(|v| v.as_u64());
        assert_eq!((year(&docs[0]), year(&docs[1])), (Some(2021), Some(2021)));
        for facet in ["report_type", "section_kind"] {
            assert_ne!(values(&docs[0], &f, facet), values(&docs[1], &f, facet));
            assert!(!DOCUMENT_FACETS.contains(&facet));
        }
    }

    #[test]
    fn furniture_is_stored_once_with_the_first_section_and_read_back() {
        let (_, f) = Fields::build();
        let furniture = vec!["Dnr 2022/05 Sida 1 av 3".to_string(), "Sida 2 av 3".into()];
        let record = DocumentRecord {
            doc_id: "d".into(),
            paths: vec!["d.pdf".into()],
            metadata: Metadata::default(),
            pages: 3,
            sections: vec![section("syfte", None), section("budget", None)],
            furniture: furniture.clone(),
        };
        let stored: Vec<StoredSection> = record
            .to_tantivy(&f)
            .iter()
            .map(|doc| StoredSection::from_tantivy(doc, &f))
            .collect();
        assert_eq!(stored[0].furniture, furniture);
        assert!(stored[1].furniture.is_empty(), "not repeated per section");
        let again = DocumentRecord::from_stored(stored, vec!["e.pdf".into()]).unwrap();
        assert_eq!(again.furniture, furniture, "kept when a file moves");
    }
}
