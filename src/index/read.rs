//! Reading stored sections back, for the document view and for rewriting a
//! document's paths: one place that knows how sections are found by field.

use super::{Fields, StoredSection};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

/// Every stored section matching `query`, in no particular order.
pub fn sections_matching(
    searcher: &Searcher,
    fields: &Fields,
    query: &TermQuery,
) -> tantivy::Result<Vec<StoredSection>> {
    let addresses = searcher.search(query, &DocSetCollector)?;
    addresses
        .into_iter()
        .map(|address| {
            let doc: TantivyDocument = searcher.doc(address)?;
            Ok(StoredSection::from_tantivy(&doc, fields))
        })
        .collect()
}

/// A document's stored sections in document order (empty for an unknown id).
pub fn document_sections(
    searcher: &Searcher,
    fields: &Fields,
    doc_id: &str,
) -> tantivy::Result<Vec<StoredSection>> {
    let term = Term::from_field_text(fields.doc_id, doc_id);
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let mut sections = sections_matching(searcher, fields, &query)?;
    sections.sort_by_key(|s| s.ordinal);
    Ok(sections)
}
