//! Turning a page of the ranking into hits: stored section, snippet, the
//! document's labels with what the corpus knows (every path, the project),
//! and for a report its next best sections.

use super::by_report::ReportMatch;
use super::documents::{known_summary, summary, with_knowledge};
use super::explain::Explainer;
use super::listing::Listed;
use super::snippet::Snippets;
use super::{DocumentSummary, Hit, Result, SectionHit};
use crate::corpus::Knowledge;
use crate::index::{Fields, StoredSection, first_section};
use tantivy::{DocAddress, Searcher, TantivyDocument};

/// What building hits needs.
pub struct HitMaker<'a> {
    /// The searcher the ranking came from.
    pub searcher: &'a Searcher,
    /// The index's fields.
    pub fields: &'a Fields,
    /// Snippets of the query (none for exports, which carry the whole text).
    pub snippets: Option<Snippets>,
    /// Explanations, when asked for.
    pub explainer: Option<Explainer>,
    /// The corpus knowledge.
    pub knowledge: &'a Knowledge,
}

impl HitMaker<'_> {
    /// Hits for listed sections.
    pub fn sections(&self, page: &[Listed]) -> Result<Vec<Hit>> {
        page.iter()
            .map(|listed| {
                let mut hit = self.hit(listed.address, listed.score)?;
                hit.partial = listed.partial;
                Ok(hit)
            })
            .collect()
    }

    /// Hits for listed reports: the best section, with the next two and how
    /// many more match.
    pub fn reports(&self, page: &[ReportMatch]) -> Result<Vec<Hit>> {
        page.iter()
            .map(|report| {
                let best = report.sections[0];
                let mut hit = self.hit(best.address, report.score())?;
                hit.partial = report.partial;
                hit.also = report.sections[1..]
                    .iter()
                    .map(|s| self.section_hit(s.address, s.score))
                    .collect::<Result<_>>()?;
                hit.more = Some(report.count - report.sections.len());
                Ok(hit)
            })
            .collect()
    }

    fn stored(&self, address: DocAddress) -> Result<StoredSection> {
        let doc: TantivyDocument = self.searcher.doc(address)?;
        Ok(StoredSection::from_tantivy(&doc, self.fields))
    }

    fn hit(&self, address: DocAddress, score: f32) -> Result<Hit> {
        let section = self.stored(address)?;
        let summary = self.summary_of(&section)?;
        let snippet = self.snippet(&section.text);
        let furniture = self.furniture_snippet(&section, &snippet);
        let mut hit = to_hit(section, summary, score, snippet, self.knowledge);
        hit.furniture = furniture;
        if let Some(explainer) = &self.explainer {
            hit.explain = Some(explainer.explain(self.searcher, address)?);
        }
        Ok(hit)
    }

    /// The furniture's matching lines, for a hit whose own text shows none
    /// of the query's words (the document's first section, which its page
    /// furniture is searched with).
    fn furniture_snippet(&self, section: &StoredSection, snippet: &str) -> Option<String> {
        if snippet.contains("<mark>") || section.furniture.is_empty() {
            return None;
        }
        self.snippets.as_ref()?.for_furniture(&section.furniture)
    }

    fn snippet(&self, text: &str) -> String {
        self.snippets
            .as_ref()
            .map_or_else(String::new, |s| s.for_text(text))
    }

    /// The labels of a section's document: from the corpus knowledge, or
    /// (for a document indexed since the knowledge was written) from its
    /// first section, which stores them.
    fn summary_of(&self, section: &StoredSection) -> Result<DocumentSummary> {
        if let Some(known) = known_summary(self.knowledge, &section.doc_id) {
            return Ok(known);
        }
        let first = match section.ordinal {
            0 => Some(section.clone()),
            _ => first_section(self.searcher, self.fields, &section.doc_id)?,
        };
        Ok(with_knowledge(
            summary(first.as_ref().unwrap_or(section)),
            self.knowledge,
        ))
    }

    fn section_hit(&self, address: DocAddress, score: f32) -> Result<SectionHit> {
        let section = self.stored(address)?;
        Ok(SectionHit {
            snippet: self.snippet(&section.text),
            section_kind: section.labels.kind().to_string(),
            id: section.id,
            heading: section.heading,
            page: section.page_start,
            score,
        })
    }
}

/// A section as a hit, labelled with its document's labels and knowledge.
fn to_hit(
    section: StoredSection,
    summary: DocumentSummary,
    score: f32,
    snippet: String,
    knowledge: &Knowledge,
) -> Hit {
    let project = summary
        .project_id
        .as_ref()
        .and_then(|id| knowledge.projects.get(id));
    Hit {
        id: section.id,
        doc_id: summary.doc_id,
        paths: summary.paths,
        project: project.map(|p| p.name.clone()).or(summary.project),
        project_id: summary.project_id,
        title: summary.title,
        heading: section.heading,
        page: section.page_start,
        snippet,
        furniture: None,
        text: section.text,
        score,
        path: summary.path,
        forbund: summary.forbund,
        report_type: summary.report_type,
        malgrupp: summary.malgrupp,
        year: summary.year,
        ocr: section.ocr,
        section_kind: section.labels.kind().to_string(),
        partial: false,
        explain: None,
        also: Vec::new(),
        more: None,
    }
}
