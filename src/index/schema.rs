//! The index schema, defined once, with resolved field handles.

use super::{IndexError, Result};
use crate::analysis::{ENGLISH, EXACT, SWEDISH};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Section id, `{doc_id}-{ordinal}`: stable while the file's content is unchanged.
    pub id: Field,
    /// Document id: a hash of the file's content.
    pub doc_id: Field,
    /// Path of the file relative to the corpus folder.
    pub path: Field,
    /// Document title (full text, boosted).
    pub title: Field,
    /// Section heading (full text, boosted).
    pub heading: Field,
    /// Section body text (full text).
    pub body: Field,
    /// Heading and body again, lower-cased but neither stemmed nor split, so
    /// that the form the user typed ranks above other forms (not stored).
    pub exact: Field,
    /// The body of an English section, analysed as English (not stored).
    pub body_en: Field,
    /// Words about the document rather than in it — report type, förbund,
    /// year, file name — so "slutrapport Uppsala" finds the report (not stored).
    pub about: Field,
    /// Förbund facet (keyword).
    pub forbund: Field,
    /// Report type facet (keyword).
    pub report_type: Field,
    /// Målgrupp facet (keyword, multi-valued).
    pub malgrupp: Field,
    /// Section kind facet (keyword): "resultat", "framgångsfaktorer", …
    pub section_kind: Field,
    /// Owner facet (keyword): the project's huvudman.
    pub owner: Field,
    /// Partner facet (keyword, multi-valued).
    pub partner: Field,
    /// The document's whole [`crate::document::Metadata`] as JSON, with
    /// evidence (stored only, on the document's first section).
    pub labels: Field,
    /// Report type of the bundled part the section is in, when it differs (stored only).
    pub part_type: Field,
    /// Year of the document, 0 when unknown.
    pub year: Field,
    /// Language code of the section.
    pub lang: Field,
    /// First page of the section.
    pub page_start: Field,
    /// Last page of the section.
    pub page_end: Field,
    /// Position of the section in its document, from 0.
    pub ordinal: Field,
    /// Page count of the document.
    pub pages: Field,
    /// True when some of the section's text was read by OCR.
    pub ocr: Field,
    /// The document's page furniture, one value per line (its first section only).
    pub furniture: Field,
}

/// The facets whose values every section of a document shares (the
/// document's labels); `report_type` (a bundled part's own type) and
/// `section_kind` differ between sections. The year is shared too.
pub const DOCUMENT_FACETS: [&str; 4] = ["forbund", "malgrupp", "owner", "partner"];

/// Names of the facet fields, as used in the API.
pub const FACETS: [&str; 6] = [
    "forbund",
    "malgrupp",
    "report_type",
    "section_kind",
    "owner",
    "partner",
];

impl Fields {
    /// Builds the schema and its field handles.
    pub fn build() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let text = TextOptions::default()
            .set_stored()
            .set_indexing_options(analysed(SWEDISH));
        let unstored = |tokenizer| TextOptions::default().set_indexing_options(analysed(tokenizer));
        let keyword = STRING | STORED | FAST;
        let number = INDEXED | STORED | FAST;
        let fields = Fields {
            id: builder.add_text_field("id", keyword.clone()),
            doc_id: builder.add_text_field("doc_id", keyword.clone()),
            path: builder.add_text_field("path", STRING | STORED),
            title: builder.add_text_field("title", text.clone()),
            heading: builder.add_text_field("heading", text.clone()),
            body: builder.add_text_field("body", text.clone()),
            exact: builder.add_text_field("exact", unstored(EXACT)),
            body_en: builder.add_text_field("body_en", unstored(ENGLISH)),
            about: builder.add_text_field("about", unstored(SWEDISH)),
            forbund: builder.add_text_field("forbund", keyword.clone()),
            report_type: builder.add_text_field("report_type", keyword.clone()),
            malgrupp: builder.add_text_field("malgrupp", keyword.clone()),
            section_kind: builder.add_text_field("section_kind", keyword.clone()),
            owner: builder.add_text_field("owner", keyword.clone()),
            partner: builder.add_text_field("partner", keyword.clone()),
            labels: builder.add_text_field("labels", STORED),
            part_type: builder.add_text_field("part_type", STORED),
            year: builder.add_u64_field("year", number.clone()),
            lang: builder.add_text_field("lang", keyword),
            page_start: builder.add_u64_field("page_start", STORED),
            page_end: builder.add_u64_field("page_end", STORED),
            ordinal: builder.add_u64_field("ordinal", number),
            pages: builder.add_u64_field("pages", STORED),
            ocr: builder.add_bool_field("ocr", STORED),
            furniture: builder.add_text_field("furniture", text),
        };
        (builder.build(), fields)
    }

    /// Resolves the handles in an opened index's schema, failing on a mismatch.
    pub fn resolve(schema: &Schema) -> Result<Fields> {
        let (expected, fields) = Fields::build();
        for (_, entry) in expected.fields() {
            let found = schema.get_field_entry(
                schema
                    .get_field(entry.name())
                    .map_err(|_| mismatch(entry.name()))?,
            );
            if found != entry {
                return Err(mismatch(entry.name()));
            }
        }
        Ok(fields)
    }

    /// The keyword field behind a facet name from [`FACETS`].
    pub fn facet(&self, name: &str) -> Option<Field> {
        match name {
            "forbund" => Some(self.forbund),
            "malgrupp" => Some(self.malgrupp),
            "report_type" => Some(self.report_type),
            "section_kind" => Some(self.section_kind),
            "owner" => Some(self.owner),
            "partner" => Some(self.partner),
            _ => None,
        }
    }
}

/// Full-text indexing with `tokenizer`, frequencies and positions.
fn analysed(tokenizer: &str) -> TextFieldIndexing {
    TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions)
}

fn mismatch(name: &str) -> IndexError {
    IndexError::SchemaMismatch(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_accepts_own_schema_and_rejects_other() {
        let (schema, _) = Fields::build();
        assert!(Fields::resolve(&schema).is_ok());
        let mut other = Schema::builder();
        other.add_text_field("id", STRING);
        assert!(matches!(
            Fields::resolve(&other.build()),
            Err(IndexError::SchemaMismatch(_))
        ));
    }

    #[test]
    fn every_facet_name_has_a_field() {
        let (_, fields) = Fields::build();
        assert!(FACETS.iter().all(|name| fields.facet(name).is_some()));
    }
}
