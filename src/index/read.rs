//! Reading stored sections back, for the document view and for rewriting a
//! document's paths: one place that knows how sections are found by field.

use super::{DocumentRecord, Fields, StoredSection};
use rayon::prelude::*;
use std::collections::HashMap;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

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

/// A document's first section, which carries its labels (`None` for an unknown id).
pub fn first_section(
    searcher: &Searcher,
    fields: &Fields,
    doc_id: &str,
) -> tantivy::Result<Option<StoredSection>> {
    let term = Term::from_field_text(fields.id, &super::record::section_id(doc_id, 0));
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    Ok(sections_matching(searcher, fields, &query)?
        .into_iter()
        .next())
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

/// Every document's record (its stored sections in order), mapped by `f`
/// in parallel, so that no more than a few documents' text is held at once.
pub fn map_documents<T: Send>(
    searcher: &Searcher,
    fields: &Fields,
    f: impl Fn(DocumentRecord) -> T + Sync,
) -> tantivy::Result<Vec<T>> {
    let documents: Vec<Vec<(u64, DocAddress)>> =
        section_addresses(searcher)?.into_values().collect();
    documents
        .into_par_iter()
        .map(|mut addresses| {
            addresses.sort_unstable();
            let sections = addresses
                .iter()
                .map(|(_, address)| {
                    let doc: TantivyDocument = searcher.doc(*address)?;
                    Ok(StoredSection::from_tantivy(&doc, fields))
                })
                .collect::<tantivy::Result<Vec<_>>>()?;
            let paths = sections
                .first()
                .map(|s| s.paths.clone())
                .unwrap_or_default();
            Ok(DocumentRecord::from_stored(sections, paths).map(&f))
        })
        .filter_map(|mapped| mapped.transpose())
        .collect()
}

/// The addresses of every live section by document id, with their ordinals.
fn section_addresses(
    searcher: &Searcher,
) -> tantivy::Result<HashMap<String, Vec<(u64, DocAddress)>>> {
    let mut by_document: HashMap<String, Vec<(u64, DocAddress)>> = HashMap::new();
    for (segment, reader) in searcher.segment_readers().iter().enumerate() {
        let Some(ids) = reader.fast_fields().str("doc_id")? else {
            continue;
        };
        let ordinals = reader.fast_fields().u64("ordinal")?;
        let mut id = String::new();
        for doc in reader.doc_ids_alive() {
            let Some(ord) = ids.term_ords(doc).next() else {
                continue;
            };
            id.clear();
            ids.ord_to_str(ord, &mut id)?;
            let address = DocAddress::new(segment as u32, doc);
            let ordinal = ordinals.first(doc).unwrap_or(0);
            by_document
                .entry(id.clone())
                .or_default()
                .push((ordinal, address));
        }
    }
    Ok(by_document)
}
