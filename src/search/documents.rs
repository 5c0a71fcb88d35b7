//! Document listing and the document view, read from the stored sections.

use super::{DocumentDetail, DocumentList, DocumentSummary, Result, SectionView};
use crate::index::{
    Fields, StoredSection, UNKNOWN_FORBUND, UNKNOWN_REPORT_TYPE, document_sections,
    sections_matching,
};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// Every document (its first section), ordered by path, one page of them.
pub fn list(
    searcher: &Searcher,
    fields: &Fields,
    limit: usize,
    offset: usize,
) -> Result<DocumentList> {
    let first_sections = TermQuery::new(
        Term::from_field_u64(fields.ordinal, 0),
        IndexRecordOption::Basic,
    );
    let mut documents = sections_matching(searcher, fields, &first_sections)?
        .iter()
        .map(summary)
        .collect::<Vec<_>>();
    documents.sort_by(|a, b| a.path.cmp(&b.path));
    let total = documents.len();
    let documents = documents.into_iter().skip(offset).take(limit).collect();
    Ok(DocumentList { total, documents })
}

/// One document with all its sections in order.
pub fn detail(
    searcher: &Searcher,
    fields: &Fields,
    doc_id: &str,
) -> Result<Option<DocumentDetail>> {
    let sections = document_sections(searcher, fields, doc_id)?;
    let Some(first) = sections.first() else {
        return Ok(None);
    };
    let summary = summary(first);
    let (evidence, overridden) = (
        first.metadata.evidence.clone(),
        first.metadata.overridden.clone(),
    );
    let sections = sections
        .into_iter()
        .map(|s| SectionView {
            id: s.id,
            heading: s.heading,
            page_start: s.page_start,
            page_end: s.page_end,
            lang: s.lang,
            ocr: s.ocr,
            kind: s.labels.kind().to_string(),
            part_type: s.labels.report_type,
            text: s.text,
        })
        .collect();
    Ok(Some(DocumentDetail {
        summary,
        evidence,
        overridden,
        sections,
    }))
}

/// The document-level labels a section carries.
pub fn summary(section: &StoredSection) -> DocumentSummary {
    let m = &section.metadata;
    DocumentSummary {
        doc_id: section.doc_id.clone(),
        path: section.path().to_string(),
        paths: section.paths.clone(),
        title: m.title.clone(),
        forbund: m
            .forbund
            .clone()
            .unwrap_or_else(|| UNKNOWN_FORBUND.to_string()),
        report_type: m
            .report_type
            .clone()
            .unwrap_or_else(|| UNKNOWN_REPORT_TYPE.to_string()),
        malgrupp: m.malgrupp.clone(),
        year: m.year,
        project: m.project.clone(),
        owner: m.owner.clone(),
        partners: m.partners.clone(),
        pages: section.pages,
    }
}
