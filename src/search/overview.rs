//! Omvärldsbild: where, when and in which kinds of reports a subject was
//! worked on, and what other insatser found worked or got in the way — for
//! any search and its filters, counted in reports.

use super::{
    Budget, FacetCount, Grouping, Result, SearchRequest, SearchService, facet_counts::YEAR_FACET,
    ranking::Ranking,
};
use crate::corpus::Knowledge;
use crate::metadata::Labeler;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Passages shown under "Vad andra har gjort".
const WORKED_PASSAGES: usize = 8;
/// Section kinds that say what worked and what got in the way.
const WORKED_KINDS: [&str; 2] = ["framgångsfaktorer", "hinder"];
/// Reports read to find passages from distinct projects.
const WORKED_REPORTS: usize = 40;
/// Facet value for reports whose förbund (or its län) is unknown.
const UNKNOWN_LAN: &str = "okänt";

/// The overview of a search.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Always "documents": every count is of reports.
    pub counts: &'static str,
    /// Matching reports.
    pub total: usize,
    /// Reports per förbund.
    pub forbund: Vec<FacetCount>,
    /// Reports per län (of their förbund).
    pub lan: Vec<FacetCount>,
    /// Reports per year, in year order.
    pub years: Vec<FacetCount>,
    /// Reports per report type.
    pub report_type: Vec<FacetCount>,
    /// Reports per målgrupp.
    pub malgrupp: Vec<FacetCount>,
    /// Reports and sections per förbund and year (a cross table; year
    /// `null` when unknown), for the reports that hold every query word.
    pub forbund_years: Vec<ForbundYear>,
    /// What worked and what got in the way: one passage per project.
    pub what_worked: Vec<Worked>,
}

/// One cell of the förbund × year table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForbundYear {
    /// The förbund.
    pub forbund: String,
    /// The year, when known.
    pub year: Option<i32>,
    /// Matching reports of that förbund and year.
    pub reports: u64,
    /// Their matching sections.
    pub sections: u64,
}

/// A framgångsfaktorer or hinder passage of a report.
#[derive(Debug, Clone, Serialize)]
pub struct Worked {
    /// The report's project, when it is one.
    pub project_id: Option<String>,
    /// The project's name.
    pub project: Option<String>,
    /// The report.
    pub doc_id: String,
    /// Its title.
    pub title: String,
    /// Its förbund.
    pub forbund: String,
    /// Its year.
    pub year: Option<i32>,
    /// The section's id.
    pub id: String,
    /// The section's heading.
    pub heading: String,
    /// Its first page.
    pub page: u64,
    /// The passage, matched terms in `<mark>`.
    pub snippet: String,
    /// "framgångsfaktorer" or "hinder".
    pub kind: String,
}

impl SearchService {
    /// The overview of `request` (its text and filters), counted in reports.
    pub fn overview(&self, request: &SearchRequest, budget: &Budget) -> Result<Overview> {
        let reports = SearchRequest {
            group: Grouping::Document,
            limit: 0,
            offset: 0,
            explain: false,
            every_report: true,
            ..request.clone()
        };
        let searcher = self.reader.searcher();
        let loaded = self.knowledge.get();
        // One ranking of the reports gives the counts and the förbund × year table.
        let (total, facets, forbund_years) =
            match self.rank(&searcher, &reports, &loaded, budget)? {
                Ok(ranked) => {
                    let facets = match ranked.facets {
                        Some(facets) => facets,
                        None => self.count_facets(
                            &searcher,
                            &ranked.prepared,
                            &ranked.ranking,
                            &reports,
                            &loaded,
                        )?,
                    };
                    let table = forbund_years(&ranked.ranking, &loaded.knowledge);
                    (ranked.ranking.total(), facets, table)
                }
                Err(nothing) => (nothing.total, nothing.facets, Vec::new()),
            };
        budget.check()?;
        let facet = |name: &str| facets.get(name).cloned().unwrap_or_default();
        let forbund = facet("forbund");
        Ok(Overview {
            counts: "documents",
            total,
            lan: by_lan(&forbund),
            forbund,
            years: facet(YEAR_FACET),
            report_type: facet("report_type"),
            malgrupp: facet("malgrupp"),
            forbund_years,
            what_worked: self.what_worked(request, budget)?,
        })
    }

    /// The best framgångsfaktorer and hinder passages for the request, one
    /// per project (a report in no project counts as its own).
    fn what_worked(&self, request: &SearchRequest, budget: &Budget) -> Result<Vec<Worked>> {
        let mut passages = SearchRequest {
            group: Grouping::Document,
            limit: WORKED_REPORTS,
            offset: 0,
            explain: false,
            ..request.clone()
        };
        passages.filters.insert(
            "section_kind".to_string(),
            WORKED_KINDS.iter().map(|k| k.to_string()).collect(),
        );
        let hits = self.search_within(&passages, budget)?.hits;
        let mut seen = HashSet::new();
        Ok(hits
            .into_iter()
            .filter(|hit| !hit.partial)
            .filter(|hit| seen.insert(hit.project_id.clone().unwrap_or_else(|| hit.doc_id.clone())))
            .take(WORKED_PASSAGES)
            .map(|hit| Worked {
                project_id: hit.project_id,
                project: hit.project,
                doc_id: hit.doc_id,
                title: hit.title,
                forbund: hit.forbund,
                year: hit.year,
                id: hit.id,
                heading: hit.heading,
                page: hit.page,
                snippet: hit.snippet,
                kind: hit.section_kind,
            })
            .collect())
    }
}

/// The förbund × year table of the reports matching every query word
/// (those the facet counts count), from the corpus knowledge's labels.
fn forbund_years(ranking: &Ranking, knowledge: &Knowledge) -> Vec<ForbundYear> {
    let Ranking::Reports(listing) = ranking else {
        return Vec::new();
    };
    let mut cells: BTreeMap<(String, Option<i32>), (u64, u64)> = BTreeMap::new();
    for report in listing.all().iter().filter(|r| !r.partial) {
        let Some(facts) = knowledge.documents.get(&report.doc_id) else {
            continue;
        };
        let cell = cells
            .entry((facts.summary.forbund.clone(), facts.summary.year))
            .or_default();
        cell.0 += 1;
        cell.1 += report.count as u64;
    }
    cells
        .into_iter()
        .map(|((forbund, year), (reports, sections))| ForbundYear {
            forbund,
            year,
            reports,
            sections,
        })
        .collect()
}

/// Report counts per förbund summed per län (from the förbund gazetteer).
fn by_lan(forbund: &[FacetCount]) -> Vec<FacetCount> {
    let labeler = Labeler::builtin();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for count in forbund {
        let lan = labeler
            .forbund()
            .iter()
            .find(|f| f.name == count.value)
            .map_or(UNKNOWN_LAN.to_string(), |f| f.lan.clone());
        *counts.entry(lan).or_default() += count.count;
    }
    let mut lan: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    lan.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    lan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbund_counts_add_up_per_lan() {
        let count = |value: &str, count| FacetCount {
            value: value.to_string(),
            count,
        };
        let lan = by_lan(&[
            count("Samordningsförbundet Gävleborg", 3),
            count("Samordningsförbundet Stockholms stad", 2),
            count("okänt", 1),
        ]);
        assert_eq!(lan[0], count("Gävleborgs län", 3));
        assert!(lan.contains(&count("Stockholms län", 2)));
        assert!(lan.contains(&count(UNKNOWN_LAN, 1)));
    }
}
