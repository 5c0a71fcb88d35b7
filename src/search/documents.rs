//! Document listing and the document view: labels from the corpus
//! knowledge (near-duplicate copies listed once, under their original, with
//! every path), sections read from the stored index.

use super::{
    DocumentDetail, DocumentLink, DocumentList, DocumentSummary, Result, SearchRequest,
    SectionView, Sort,
};
use crate::corpus::{Knowledge, Summary};
use crate::index::{
    Fields, StoredSection, UNKNOWN_FORBUND, UNKNOWN_REPORT_TYPE, document_sections,
    sections_matching,
};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// Every document (originals only: a near-duplicate copy is one of its
/// original's paths) that passes the request's filters (facets, year range,
/// `project`), ordered by path (or year, by the request's sort), one page.
pub fn list(
    knowledge: &Knowledge,
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    project: Option<&str>,
) -> Result<DocumentList> {
    let mut documents: Vec<DocumentSummary> = match knowledge.documents.is_empty() {
        false => knowledge
            .documents
            .iter()
            .filter(|(id, facts)| facts.original == **id)
            .map(|(id, _)| known_summary(knowledge, id))
            .collect::<Option<_>>()
            .unwrap_or_default(),
        true => stored_summaries(searcher, fields)?,
    };
    documents.retain(|d| {
        passes(d, request) && project.is_none_or(|p| d.project_id.as_deref() == Some(p))
    });
    documents.sort_by(|a, b| a.path.cmp(&b.path));
    match request.sort {
        Sort::Relevans => {}
        Sort::Nyast => documents.sort_by_key(|d| std::cmp::Reverse(d.year)),
        Sort::Aldst => documents.sort_by_key(|d| (d.year.is_none(), d.year)),
    }
    let total = documents.len();
    let documents = documents
        .into_iter()
        .skip(request.offset)
        .take(request.limit)
        .collect();
    Ok(DocumentList { total, documents })
}

/// True when a document passes every facet filter (OR within a facet) and
/// the year range of `request`.
fn passes(document: &DocumentSummary, request: &SearchRequest) -> bool {
    let owner = document.owner.iter().cloned().collect::<Vec<_>>();
    let values: [(&str, &[String]); 5] = [
        ("forbund", std::slice::from_ref(&document.forbund)),
        ("report_type", std::slice::from_ref(&document.report_type)),
        ("malgrupp", &document.malgrupp),
        ("owner", &owner),
        ("partner", &document.partners),
    ];
    let facets = values.iter().all(|(facet, held)| {
        let wanted = request.filter(facet);
        wanted.is_empty() || held.iter().any(|v| wanted.contains(v))
    });
    let year = |bound: Option<u64>, keep: fn(i64, i64) -> bool| {
        bound.is_none_or(|b| document.year.is_some_and(|y| keep(i64::from(y), b as i64)))
    };
    facets && year(request.year_from, |y, b| y >= b) && year(request.year_to, |y, b| y <= b)
}

/// Summaries read from every document's first stored section (for an index
/// whose corpus knowledge is missing).
fn stored_summaries(searcher: &Searcher, fields: &Fields) -> Result<Vec<DocumentSummary>> {
    let first_sections = TermQuery::new(
        Term::from_field_u64(fields.ordinal, 0),
        IndexRecordOption::Basic,
    );
    Ok(sections_matching(searcher, fields, &first_sections)?
        .iter()
        .map(summary)
        .collect())
}

/// One document with all its sections in order, its references and the
/// documents citing it.
pub fn detail(
    knowledge: &Knowledge,
    searcher: &Searcher,
    fields: &Fields,
    doc_id: &str,
) -> Result<Option<DocumentDetail>> {
    let sections = document_sections(searcher, fields, doc_id)?;
    let Some(first) = sections.first() else {
        return Ok(None);
    };
    let summary = with_knowledge(summary(first), knowledge);
    let (evidence, overridden, furniture) = (
        first.metadata.evidence.clone(),
        first.metadata.overridden.clone(),
        first.furniture.clone(),
    );
    let facts = knowledge.document(doc_id);
    let references = facts.map(|f| f.references.clone()).unwrap_or_default();
    let cited_by = facts
        .map(|f| {
            f.cited_by
                .iter()
                .filter_map(|id| link(knowledge, id))
                .collect()
        })
        .unwrap_or_default();
    Ok(Some(DocumentDetail {
        summary,
        evidence,
        overridden,
        references,
        cited_by,
        sections: sections.into_iter().map(section_view).collect(),
        furniture,
    }))
}

/// A stored section as the document view shows it.
pub fn section_view(s: StoredSection) -> SectionView {
    SectionView {
        kind: s.labels.kind().to_string(),
        id: s.id,
        heading: s.heading,
        page_start: s.page_start,
        page_end: s.page_end,
        lang: s.lang,
        ocr: s.ocr,
        part_type: s.labels.report_type,
        text: s.text,
    }
}

/// A document named by its title, when the knowledge has it.
pub fn link(knowledge: &Knowledge, doc_id: &str) -> Option<DocumentLink> {
    let facts = knowledge.document(doc_id)?;
    Some(DocumentLink {
        doc_id: doc_id.to_string(),
        title: facts.summary.title.clone(),
    })
}

/// The listed summary of a known document (an original with its copies' paths).
pub fn known_summary(knowledge: &Knowledge, doc_id: &str) -> Option<DocumentSummary> {
    let facts = knowledge.document(doc_id)?;
    Some(with_knowledge(from_corpus(&facts.summary), knowledge))
}

/// `summary` with what the corpus knows: every path of the original and its
/// copies, the project, and the original when this is a copy.
pub fn with_knowledge(mut summary: DocumentSummary, knowledge: &Knowledge) -> DocumentSummary {
    let Some(facts) = knowledge.document(&summary.doc_id) else {
        return summary;
    };
    let original = knowledge.document(&facts.original).unwrap_or(facts);
    let mut paths = original.summary.paths.clone();
    for copy in original
        .copies
        .iter()
        .filter_map(|id| knowledge.document(id))
    {
        paths.extend(copy.summary.paths.iter().cloned());
    }
    summary.paths = paths;
    summary.path = summary.paths.first().cloned().unwrap_or_default();
    summary.project_id = facts.project_id.clone();
    summary.duplicate_of = (facts.original != summary.doc_id).then(|| facts.original.clone());
    summary
}

/// A summary from the corpus stage's labels.
fn from_corpus(s: &Summary) -> DocumentSummary {
    DocumentSummary {
        doc_id: s.doc_id.clone(),
        path: s.paths.first().cloned().unwrap_or_default(),
        paths: s.paths.clone(),
        title: s.title.clone(),
        forbund: s.forbund.clone(),
        report_type: s.report_type.clone(),
        malgrupp: s.malgrupp.clone(),
        year: s.year,
        project: s.project.clone(),
        owner: s.owner.clone(),
        partners: s.partners.clone(),
        pages: u64::from(s.pages),
        project_id: None,
        duplicate_of: None,
    }
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
        project_id: None,
        duplicate_of: None,
    }
}
