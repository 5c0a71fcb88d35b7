//! Projects and similar projects, as the corpus stage relates reports:
//! the project list (searched and filtered like reports), one project's
//! timeline with what each report says of its aims and results, and
//! "Liknande projekt" for a document or a project.

use super::documents::{known_summary, section_view};
use super::{
    Budget, FacetCount, Facets, Grouping, Result, SearchRequest, SearchService, SectionView,
};
use crate::corpus::similar::{self, Unit};
use crate::corpus::{Knowledge, Project};
use crate::index::document_sections;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Section kinds a project view shows of each report.
const TIMELINE_KINDS: [&str; 5] = [
    "sammanfattning",
    "syfte",
    "mål",
    "resultat",
    "framgångsfaktorer",
];
/// Facets of the project list.
const PROJECT_FACETS: [&str; 4] = ["forbund", "malgrupp", "inriktning", "esf"];

/// A search for projects: reports searched and filtered as in a search,
/// then gathered by project, and project fields to keep.
#[derive(Debug, Clone, Default)]
pub struct ProjectRequest {
    /// The report search (its `limit`/`offset` page the projects).
    pub search: SearchRequest,
    /// Keep projects with one of these inriktningar.
    pub inriktning: Vec<String>,
    /// Keep projects financed by the ESF (true) or not (false).
    pub esf: Option<bool>,
}

/// A project as listed.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectSummary {
    /// Stable id.
    pub project_id: String,
    /// Name.
    pub name: String,
    /// Förbund.
    pub forbund: String,
    /// Owner (huvudman), when stated.
    pub owner: Option<String>,
    /// First and last year its reports name, `[from, to]`.
    pub years: Option<[i32; 2]>,
    /// Målgrupper of its reports.
    pub malgrupp: Vec<String>,
    /// Individinriktad or strukturövergripande, where stated.
    pub inriktning: Option<String>,
    /// Financed by the ESF, where stated.
    pub esf: Option<bool>,
    /// Start as stated.
    pub start: Option<String>,
    /// End as stated.
    pub end: Option<String>,
    /// Its report types in time order.
    pub report_types: Vec<String>,
    /// Number of reports.
    pub reports: usize,
}

/// A page of projects.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectList {
    /// Matching projects.
    pub total: usize,
    /// The page, best match (or latest, without a query) first.
    pub projects: Vec<ProjectSummary>,
    /// Projects per value of `forbund`, `malgrupp`, `inriktning`, `esf` (ja/nej).
    pub facets: Facets,
}

/// One report of a project, with what it says of aims and results.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectDocument {
    /// Document id.
    pub doc_id: String,
    /// Title.
    pub title: String,
    /// Report type.
    pub report_type: String,
    /// Year.
    pub year: Option<i32>,
    /// First path.
    pub path: String,
    /// Every path (near-duplicate copies too).
    pub paths: Vec<String>,
    /// Its sammanfattning, syfte, mål, resultat and framgångsfaktorer sections.
    pub sections: Vec<SectionView>,
}

/// A project with its reports in time order.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectDetail {
    /// The project.
    #[serde(flatten)]
    pub project: ProjectSummary,
    /// Its reports: ansökan → projektplan → kvartals-/delrapporter → slutrapport → utvärdering.
    pub documents: Vec<ProjectDocument>,
}

/// A suggested project or report.
#[derive(Debug, Clone, Serialize)]
pub struct SimilarItem {
    /// The report, when the suggestion is a report in no project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
    /// The project, when the suggestion is a project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Title (a project's name, with its förbund).
    pub title: String,
    /// Path of the report (a project's latest report).
    pub path: String,
    /// Likeness from 0 to 1.
    pub score: f32,
    /// Why, in Swedish.
    pub reason: String,
}

/// Suggestions, best first.
#[derive(Debug, Clone, Serialize)]
pub struct SimilarList {
    /// The suggestions.
    pub similar: Vec<SimilarItem>,
}

impl SearchService {
    /// Projects whose reports match the request, best first (latest first
    /// without a query or filter), with project facets.
    pub fn projects(&self, request: &ProjectRequest, budget: &Budget) -> Result<ProjectList> {
        let loaded = self.knowledge.get();
        let knowledge = &loaded.knowledge;
        let search = SearchRequest {
            group: Grouping::Document,
            ..request.search.clone()
        };
        let ordered: Vec<&Project> = if search.q.trim().is_empty()
            && search.filters.is_empty()
            && search.year_from.is_none()
            && search.year_to.is_none()
        {
            latest_first(knowledge)
        } else {
            self.ranked_reports(&search, budget)?
                .iter()
                .filter_map(|doc_id| knowledge.document(doc_id)?.project_id.as_ref())
                .filter_map(|id| knowledge.projects.get(id))
                .collect()
        };
        let mut seen = HashSet::new();
        let matching: Vec<ProjectSummary> = ordered
            .into_iter()
            .filter(|p| seen.insert(p.project_id.clone()))
            .map(|p| project_summary(p, knowledge))
            .filter(|p| keeps(request, p))
            .collect();
        let facets = project_facets(&matching);
        let total = matching.len();
        let projects = matching
            .into_iter()
            .skip(request.search.offset)
            .take(request.search.limit)
            .collect();
        Ok(ProjectList {
            total,
            projects,
            facets,
        })
    }

    /// A project with its reports in time order, or `None` for an unknown id.
    pub fn project(&self, project_id: &str) -> Result<Option<ProjectDetail>> {
        let loaded = self.knowledge.get();
        let knowledge = &loaded.knowledge;
        let Some(project) = knowledge.projects.get(project_id) else {
            return Ok(None);
        };
        let searcher = self.reader.searcher();
        let mut documents = Vec::new();
        for doc_id in &project.documents {
            let Some(summary) = known_summary(knowledge, doc_id) else {
                continue;
            };
            let sections = document_sections(&searcher, &self.fields, doc_id)?
                .into_iter()
                .filter(|s| TIMELINE_KINDS.contains(&s.labels.kind()))
                .map(section_view)
                .collect();
            documents.push(ProjectDocument {
                doc_id: summary.doc_id,
                title: summary.title,
                report_type: summary.report_type,
                year: summary.year,
                path: summary.path,
                paths: summary.paths,
                sections,
            });
        }
        Ok(Some(ProjectDetail {
            project: project_summary(project, knowledge),
            documents,
        }))
    }

    /// Projects (and reports in no project) like the one `doc_id` belongs
    /// to, or `None` for an unknown document.
    pub fn similar_to_document(&self, doc_id: &str, limit: usize) -> Result<Option<SimilarList>> {
        let loaded = self.knowledge.get();
        let knowledge = &loaded.knowledge;
        if knowledge.document(doc_id).is_none() {
            return Ok(None);
        }
        Ok(Some(suggestions(
            knowledge,
            &similar::unit_of(knowledge, doc_id),
            limit,
        )))
    }

    /// Projects (and reports in no project) like a project, or `None` for an unknown id.
    pub fn similar_to_project(
        &self,
        project_id: &str,
        limit: usize,
    ) -> Result<Option<SimilarList>> {
        let loaded = self.knowledge.get();
        let knowledge = &loaded.knowledge;
        if !knowledge.projects.contains_key(project_id) {
            return Ok(None);
        }
        Ok(Some(suggestions(
            knowledge,
            &Unit::Project(project_id.to_string()),
            limit,
        )))
    }
}

/// Every project, latest first, then by name.
fn latest_first(knowledge: &Knowledge) -> Vec<&Project> {
    let mut projects: Vec<&Project> = knowledge.projects.values().collect();
    projects.sort_by(|a, b| {
        let last = |p: &Project| p.years.map_or(i32::MIN, |(_, to)| to);
        last(b).cmp(&last(a)).then_with(|| a.name.cmp(&b.name))
    });
    projects
}

/// A project as listed.
fn project_summary(project: &Project, knowledge: &Knowledge) -> ProjectSummary {
    ProjectSummary {
        project_id: project.project_id.clone(),
        name: project.name.clone(),
        forbund: project.forbund.clone(),
        owner: project.owner.clone(),
        years: project.years.map(|(from, to)| [from, to]),
        malgrupp: project.malgrupp.clone(),
        inriktning: project.fields.inriktning.clone(),
        esf: project.fields.esf,
        start: project.fields.start.clone(),
        end: project.fields.end.clone(),
        report_types: project
            .documents
            .iter()
            .filter_map(|id| knowledge.document(id))
            .map(|d| d.summary.report_type.clone())
            .collect(),
        reports: project.documents.len(),
    }
}

/// True when a project passes the request's project-field filters.
fn keeps(request: &ProjectRequest, project: &ProjectSummary) -> bool {
    let inriktning = request.inriktning.is_empty()
        || project
            .inriktning
            .as_ref()
            .is_some_and(|i| request.inriktning.contains(i));
    let esf = request.esf.is_none() || project.esf == request.esf;
    inriktning && esf
}

/// Projects per value of each project facet.
fn project_facets(projects: &[ProjectSummary]) -> Facets {
    let mut counts: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
    for project in projects {
        let mut add = |facet: &'static str, value: String| {
            *counts.entry(facet).or_default().entry(value).or_default() += 1
        };
        add("forbund", project.forbund.clone());
        project
            .malgrupp
            .iter()
            .for_each(|g| add("malgrupp", g.clone()));
        if let Some(inriktning) = &project.inriktning {
            add("inriktning", inriktning.clone());
        }
        if let Some(esf) = project.esf {
            add("esf", if esf { "ja" } else { "nej" }.to_string());
        }
    }
    PROJECT_FACETS
        .iter()
        .map(|facet| {
            let mut values: Vec<FacetCount> = counts
                .remove(facet)
                .unwrap_or_default()
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            (facet.to_string(), values)
        })
        .collect()
}

/// The suggestions for `unit`, named and located.
fn suggestions(knowledge: &Knowledge, unit: &Unit, limit: usize) -> SimilarList {
    let similar = similar::similar(knowledge, unit, limit)
        .into_iter()
        .filter_map(|s| {
            let item = match &s.unit {
                Unit::Project(id) => {
                    let project = knowledge.projects.get(id)?;
                    let latest = knowledge.document(project.documents.last()?)?;
                    SimilarItem {
                        doc_id: None,
                        project_id: Some(id.clone()),
                        title: format!("{} ({})", project.name, project.forbund),
                        path: latest.summary.paths.first().cloned().unwrap_or_default(),
                        score: s.score,
                        reason: s.reason,
                    }
                }
                Unit::Document(id) => {
                    let facts = knowledge.document(id)?;
                    SimilarItem {
                        doc_id: Some(id.clone()),
                        project_id: None,
                        title: facts.summary.title.clone(),
                        path: facts.summary.paths.first().cloned().unwrap_or_default(),
                        score: s.score,
                        reason: s.reason,
                    }
                }
            };
            Some(item)
        })
        .collect();
    SimilarList { similar }
}
