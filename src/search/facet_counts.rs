//! Drill-sideways facet counts in one pass over the matches of the text
//! query: a section counts for facet *f* when it passes every filter but
//! *f*'s (and the year range), so a user can widen a facet (OR) as well as
//! narrow. Counts are of sections, or of reports (each report once per
//! value, however many of its sections match).

use super::{FacetCount, Facets, Result, SearchRequest};
use crate::index::{DOCUMENT_FACETS, FACETS};
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::Query;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// Most values listed per facet.
const MAX_VALUES: usize = 500;

/// What a facet count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Matching sections.
    Sections,
    /// Reports with a matching section.
    Reports,
}

/// Counts every facet for `request` over the matches of `text_query`
/// (which must not carry the facet filters: they are applied here).
pub fn count(
    searcher: &Searcher,
    text_query: &dyn Query,
    request: &SearchRequest,
    unit: Unit,
) -> Result<Facets> {
    let counts = searcher.search(text_query, &FacetCollector::new(request, unit))?;
    Ok(facets(counts))
}

/// [`count`] and, in the same pass, `inner` fed the matches of `query`
/// that pass all of the request's filters — the search page's listing, so
/// the match set is gone through once, not once for the listing and once
/// for the counts. `query` must not carry the filters.
pub fn count_with<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    request: &SearchRequest,
    unit: Unit,
    inner: C,
) -> Result<(Facets, C::Fruit)> {
    let collector = Gate {
        facets: FacetCollector::new(request, unit),
        inner,
    };
    let (counts, fruit) = searcher.search(query, &collector)?;
    Ok((facets(counts), fruit))
}

/// The facets named from their counts.
fn facets(mut counts: Counts) -> Facets {
    let years = counts.pop().unwrap_or_default();
    let mut facets: Facets = FACETS
        .iter()
        .zip(counts)
        .map(|(facet, values)| (facet.to_string(), sorted(values)))
        .collect();
    facets.insert(YEAR_FACET.to_string(), by_year(years));
    facets
}

/// The year histogram's name among the facets: every matching section (or
/// report) under the facet filters, per year, whatever the year range (so a
/// user can widen it); documents without a year are left out.
pub const YEAR_FACET: &str = "year";

/// Year counts in year order.
fn by_year(values: HashMap<String, u64>) -> Vec<FacetCount> {
    let mut counts: Vec<FacetCount> = values
        .into_iter()
        .filter(|(year, _)| year != "0")
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    counts.sort_by(|a, b| a.value.cmp(&b.value));
    counts
}

/// The request's year range; documents without a year (0) fall outside any range.
fn year_range(request: &SearchRequest) -> Option<RangeInclusive<u64>> {
    if request.year_from.is_none() && request.year_to.is_none() {
        return None;
    }
    Some(request.year_from.unwrap_or(1).max(1)..=request.year_to.unwrap_or(u64::MAX))
}

/// Value counts, most frequent first, then by value; at most [`MAX_VALUES`].
fn sorted(values: HashMap<String, u64>) -> Vec<FacetCount> {
    let mut counts: Vec<FacetCount> = values
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    counts.truncate(MAX_VALUES);
    counts
}

/// Counts per value of each facet, in [`FACETS`] order, then per year.
type Counts = Vec<HashMap<String, u64>>;

struct FacetCollector {
    filters: Vec<Vec<String>>,
    years: Option<RangeInclusive<u64>>,
    unit: Unit,
}

impl FacetCollector {
    fn new(request: &SearchRequest, unit: Unit) -> FacetCollector {
        FacetCollector {
            filters: FACETS.iter().map(|f| request.filter(f).to_vec()).collect(),
            years: year_range(request),
            unit,
        }
    }
}

/// Facet counts, and an inner collector fed the matches that pass every filter.
struct Gate<C> {
    facets: FacetCollector,
    inner: C,
}

impl<C: Collector> Collector for Gate<C> {
    type Fruit = (Counts, C::Fruit);
    type Child = SegmentGate<C::Child>;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentGate<C::Child>> {
        Ok(SegmentGate {
            facets: self.facets.for_segment(segment, reader)?,
            inner: self.inner.for_segment(segment, reader)?,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(Counts, <C::Child as SegmentCollector>::Fruit)>,
    ) -> tantivy::Result<Self::Fruit> {
        let (counts, inner): (Vec<_>, Vec<_>) = fruits.into_iter().unzip();
        Ok((
            self.facets.merge_fruits(counts)?,
            self.inner.merge_fruits(inner)?,
        ))
    }
}

/// One segment's [`Gate`].
struct SegmentGate<C> {
    facets: SegmentFacets,
    inner: C,
}

impl<C: SegmentCollector> SegmentCollector for SegmentGate<C> {
    type Fruit = (Counts, C::Fruit);

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.facets.count(doc) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.facets.harvest(), self.inner.harvest())
    }
}

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        let mut columns = Vec::new();
        for (facet, filter) in FACETS.iter().zip(&self.filters) {
            let column = fast.str(facet)?;
            let wanted = match (&column, filter.is_empty()) {
                (_, true) => None,
                (Some(column), false) => Some(ords_of(column, filter)?),
                (None, false) => Some(HashSet::new()),
            };
            columns.push(FacetColumn { column, wanted });
        }
        Ok(SegmentFacets::new(
            columns,
            fast.u64("year").ok(),
            self.years.clone(),
            fast.str("doc_id")?,
            self.unit,
        ))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut merged: Counts = vec![HashMap::new(); FACETS.len() + 1];
        for fruit in fruits {
            for (all, counts) in merged.iter_mut().zip(fruit) {
                for (value, count) in counts {
                    *all.entry(value).or_default() += count;
                }
            }
        }
        Ok(merged)
    }
}

/// The term ordinals of `values` in a segment's column (values it lacks are left out).
fn ords_of(column: &StrColumn, values: &[String]) -> tantivy::Result<HashSet<u64>> {
    let mut ords = HashSet::new();
    for value in values {
        if let Some(ord) = column.dictionary().term_ord(value)? {
            ords.insert(ord);
        }
    }
    Ok(ords)
}

/// One facet's column in a segment and the ordinals its filter keeps.
struct FacetColumn {
    column: Option<StrColumn>,
    wanted: Option<HashSet<u64>>,
}

impl FacetColumn {
    /// True when the section passes this facet's filter (or it has none).
    fn passes(&self, doc: DocId) -> bool {
        match (&self.wanted, &self.column) {
            (None, _) => true,
            (Some(wanted), Some(column)) => column.term_ords(doc).any(|ord| wanted.contains(&ord)),
            (Some(_), None) => false,
        }
    }
}

/// One segment's counts. A document's sections are added in one batch
/// (`IndexWriter::run`), so they lie next to one another in one segment:
/// reports are counted once per value by remembering what the current
/// report has already counted, and what a report's sections share (its
/// document-level facets, its year, whether they pass those filters) is
/// read from the columns once per report, whether sections or reports are
/// counted.
struct SegmentFacets {
    columns: Vec<FacetColumn>,
    year: Option<Column<u64>>,
    range: Option<RangeInclusive<u64>>,
    ids: Option<StrColumn>,
    unit: Unit,
    /// Counts by facet and value ordinal (dense: one slot per value of the segment).
    values: Vec<Vec<u64>>,
    /// Counts by year.
    years: HashMap<u64, u64>,
    /// The report the last section belonged to.
    report: Option<u64>,
    /// True when the current section has a report: what its report's
    /// sections share is then read once per report.
    in_report: bool,
    /// Per facet: every section of a report has the same values ([`DOCUMENT_FACETS`]).
    shared_by_report: Vec<bool>,
    /// Per facet: what the current report's sections share.
    shared: Vec<Shared>,
    /// The current report's year, once read.
    report_year: Option<u64>,
    /// (facet slot, value) the current report has counted; the year's slot is [`FACETS`]`.len()`.
    counted: Vec<(usize, u64)>,
}

/// What the sections of the current report share for one facet.
#[derive(Debug, Clone, Default)]
struct Shared {
    /// Whether they pass the facet's filter, once read.
    passes: Option<bool>,
    /// True once their value ordinals are read into `ords`.
    read: bool,
    /// Their value ordinals (the room is kept from report to report).
    ords: Vec<u64>,
}

impl Shared {
    /// Forgets what the last report's sections shared.
    fn forget(&mut self) {
        self.passes = None;
        self.read = false;
    }
}

impl SegmentFacets {
    fn new(
        columns: Vec<FacetColumn>,
        year: Option<Column<u64>>,
        range: Option<RangeInclusive<u64>>,
        ids: Option<StrColumn>,
        unit: Unit,
    ) -> SegmentFacets {
        let values = columns
            .iter()
            .map(|c| vec![0; c.column.as_ref().map_or(0, |c| c.dictionary().num_terms())])
            .collect();
        SegmentFacets {
            shared_by_report: FACETS.iter().map(|f| DOCUMENT_FACETS.contains(f)).collect(),
            shared: vec![Shared::default(); columns.len()],
            columns,
            year,
            range,
            ids,
            unit,
            values,
            years: HashMap::new(),
            report: None,
            in_report: false,
            report_year: None,
            counted: Vec::new(),
        }
    }

    /// The section's year (0 when unknown); read once per report.
    fn year_of(&mut self, doc: DocId) -> u64 {
        if let (true, Some(year)) = (self.in_report, self.report_year) {
            return year;
        }
        let year = self.year.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        if self.in_report {
            self.report_year = Some(year);
        }
        year
    }

    fn year_passes(&mut self, doc: DocId) -> bool {
        let year = self.year_of(doc);
        self.range
            .as_ref()
            .is_none_or(|range| range.contains(&year))
    }

    /// Starts the section's report; false when the section has no report
    /// and reports are counted (it is then not counted).
    fn enter_report(&mut self, doc: DocId) -> bool {
        self.in_report = false;
        let Some(report) = self.ids.as_ref().and_then(|ids| ids.term_ords(doc).next()) else {
            return self.unit == Unit::Sections;
        };
        if self.report != Some(report) {
            self.report = Some(report);
            self.counted.clear();
            self.shared.iter_mut().for_each(Shared::forget);
            self.report_year = None;
        }
        self.in_report = true;
        true
    }

    /// True when facet `f` is read once for the current report.
    fn shares(&self, f: usize) -> bool {
        self.in_report && self.shared_by_report[f]
    }

    /// True when the section passes facet `f`'s filter.
    fn passes(&mut self, f: usize, doc: DocId) -> bool {
        if !self.shares(f) {
            return self.columns[f].passes(doc);
        }
        let column = &self.columns[f];
        *self.shared[f]
            .passes
            .get_or_insert_with(|| column.passes(doc))
    }

    /// Counts the section's year in the histogram.
    fn count_year(&mut self, doc: DocId) {
        let year = self.year_of(doc);
        if first_time(self.unit, &mut self.counted, FACETS.len(), year) {
            *self.years.entry(year).or_default() += 1;
        }
    }

    /// Counts the section's values of facet `f`.
    fn count_values(&mut self, f: usize, doc: DocId) {
        let shares = self.shares(f);
        let Some(column) = &self.columns[f].column else {
            return;
        };
        if shares {
            // The report's values are its first section's: read once, then
            // counted once per report, or for every section.
            let shared = &mut self.shared[f];
            let first = !std::mem::replace(&mut shared.read, true);
            if first {
                shared.ords.clear();
                shared.ords.extend(column.term_ords(doc));
            }
            if first || self.unit == Unit::Sections {
                let values = &mut self.values[f];
                shared
                    .ords
                    .iter()
                    .for_each(|&ord| values[ord as usize] += 1);
            }
            return;
        }
        for ord in column.term_ords(doc) {
            if first_time(self.unit, &mut self.counted, f, ord) {
                self.values[f][ord as usize] += 1;
            }
        }
    }

    /// The one facet whose filter the section fails (`Some(None)` when it
    /// passes all), or `None` when it fails two or more.
    fn failing(&mut self, doc: DocId) -> Option<Option<usize>> {
        let mut failing = None;
        for f in 0..self.columns.len() {
            if !self.passes(f, doc) {
                if failing.is_some() {
                    return None;
                }
                failing = Some(f);
            }
        }
        Some(failing)
    }
}

impl SegmentFacets {
    /// Counts section `doc`; true when it passes every filter and the year range.
    fn count(&mut self, doc: DocId) -> bool {
        let in_report = self.enter_report(doc);
        let Some(failing) = self.failing(doc) else {
            return false;
        };
        let year_passes = self.year_passes(doc);
        if !in_report {
            return failing.is_none() && year_passes;
        }
        if failing.is_none() {
            self.count_year(doc);
        }
        if !year_passes {
            return false;
        }
        match failing {
            None => (0..self.columns.len()).for_each(|f| self.count_values(f, doc)),
            Some(only) => self.count_values(only, doc),
        }
        failing.is_none()
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.count(doc);
    }

    fn harvest(self) -> Counts {
        let mut counts: Counts = self
            .values
            .into_iter()
            .zip(&self.columns)
            .map(|(counts, facet)| named(facet, &counts))
            .collect();
        counts.push(
            self.years
                .into_iter()
                .map(|(year, n)| (year.to_string(), n))
                .collect(),
        );
        counts
    }
}

/// True when `value` of facet slot `f` is to be counted for a section:
/// always for sections; for reports, once per report (`counted` holds what
/// the current report has counted).
fn first_time(unit: Unit, counted: &mut Vec<(usize, u64)>, f: usize, value: u64) -> bool {
    if unit == Unit::Sections {
        return true;
    }
    if counted.contains(&(f, value)) {
        return false;
    }
    counted.push((f, value));
    true
}

/// The non-zero counts of a facet's value ordinals, by value, walking the
/// column's dictionary once in ordinal order.
fn named(facet: &FacetColumn, counts: &[u64]) -> HashMap<String, u64> {
    let Some(column) = &facet.column else {
        return HashMap::new();
    };
    let ords: Vec<u64> = (0..counts.len() as u64)
        .filter(|&ord| counts[ord as usize] > 0)
        .collect();
    let mut named = HashMap::with_capacity(ords.len());
    let mut at = ords.iter();
    let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        if let Some(&ord) = at.next() {
            named.insert(
                String::from_utf8_lossy(bytes).into_owned(),
                counts[ord as usize],
            );
        }
    });
    named
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{self, IngestOptions};
    use crate::search::query::with_filters;
    use serde_json::json;
    use tantivy::DocAddress;
    use tantivy::aggregation::agg_req::Aggregations;
    use tantivy::aggregation::agg_result::AggregationResults;
    use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
    use tantivy::collector::DocSetCollector;
    use tantivy::query::AllQuery;
    use tantivy::tokenizer::TokenizerManager;

    /// The slow reference: one aggregation per facet over the query with the
    /// other facets' filters (how counts were made before the single pass).
    fn reference(
        searcher: &Searcher,
        fields: &crate::index::Fields,
        request: &SearchRequest,
    ) -> Facets {
        let mut facets = Facets::default();
        for facet in FACETS {
            let mut others = request.clone();
            others.filters.remove(facet);
            let query = with_filters(Box::new(AllQuery), fields, &others);
            let aggs: Aggregations = serde_json::from_value(
                json!({ facet: { "terms": { "field": facet, "size": MAX_VALUES } } }),
            )
            .unwrap();
            let context = AggContextParams::new(
                AggregationLimitsGuard::default(),
                TokenizerManager::default(),
            );
            let result: AggregationResults = searcher
                .search(&*query, &AggregationCollector::from_aggs(aggs, context))
                .unwrap();
            let value = serde_json::to_value(result).unwrap();
            let counts = value[facet]["buckets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| {
                    (
                        b["key"].as_str().unwrap().to_string(),
                        b["doc_count"].as_u64().unwrap(),
                    )
                })
                .collect();
            facets.insert(facet.to_string(), sorted(counts));
        }
        facets
    }

    /// The values of string column `field` of a section.
    fn values_of(searcher: &Searcher, field: &str, address: DocAddress) -> Vec<String> {
        let reader = searcher.segment_reader(address.segment_ord);
        let Some(column) = reader.fast_fields().str(field).unwrap() else {
            return Vec::new();
        };
        let value = |ord| {
            let mut value = String::new();
            column.ord_to_str(ord, &mut value).unwrap();
            value
        };
        column.term_ords(address.doc_id).map(value).collect()
    }

    /// The slow reference for counts of reports: per facet, the distinct
    /// (value, report) pairs of the sections the other filters keep; per
    /// year, those of the sections every facet filter keeps.
    fn reports_reference(
        searcher: &Searcher,
        fields: &crate::index::Fields,
        request: &SearchRequest,
    ) -> Facets {
        let pairs = |request: &SearchRequest, field: &str| {
            let query = with_filters(Box::new(AllQuery), fields, request);
            let mut pairs = HashSet::new();
            for address in searcher.search(&*query, &DocSetCollector).unwrap() {
                let report = values_of(searcher, "doc_id", address).remove(0);
                let values = match field {
                    YEAR_FACET => {
                        let years = searcher.segment_reader(address.segment_ord).fast_fields();
                        let year = years.u64("year").unwrap().first(address.doc_id);
                        vec![year.unwrap_or(0).to_string()]
                    }
                    facet => values_of(searcher, facet, address),
                };
                pairs.extend(values.into_iter().map(|v| (v, report.clone())));
            }
            let mut counts: HashMap<String, u64> = HashMap::new();
            pairs
                .into_iter()
                .for_each(|(value, _)| *counts.entry(value).or_default() += 1);
            counts
        };
        let mut facets = Facets::default();
        for facet in FACETS {
            let mut others = request.clone();
            others.filters.remove(facet);
            facets.insert(facet.to_string(), sorted(pairs(&others, facet)));
        }
        let mut no_range = request.clone();
        (no_range.year_from, no_range.year_to) = (None, None);
        facets.insert(YEAR_FACET.into(), by_year(pairs(&no_range, YEAR_FACET)));
        facets
    }

    #[test]
    fn one_pass_counts_equal_the_per_facet_reference() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, index) = (dir.path().join("korpus"), dir.path().join("index"));
        std::fs::create_dir(&corpus).unwrap();
        let forbund = [
            "Samordningsförbundet Gävleborg",
            "Samordningsförbundet Umeå",
            "Finsam Göteborg",
        ];
        let groups = ["unga vuxna", "nollplacerade", "långvarigt försörjningsstöd"];
        for i in 0..12 {
            // Sections longer than the shortest kept apart, so that a report has several.
            let filler = "Parterna i förbundet har följt arbetet under hela perioden och mött deltagarna varje vecka.";
            let text = format!(
                "# Slutrapport {i}\n\n{}\n\nMålgruppen är {}. {filler}\n\n## Resultat\n\nDeltagare gick till arbete år {}. {filler}\n\n## Framgångsfaktorer\n\nSamverkan. {filler} {filler}\n",
                forbund[i % 3],
                groups[i % 3],
                2018 + i % 5
            );
            std::fs::write(corpus.join(format!("r{i}.md")), text).unwrap();
        }
        ingest::run(&IngestOptions::new(&corpus, &index), |_| {}).unwrap();
        let (tantivy_index, fields) =
            crate::index::open(&index, crate::analysis::Profile::Full).unwrap();
        let searcher = tantivy_index.reader().unwrap().searcher();
        let mut request = SearchRequest::text("");
        request.add_filter("forbund", forbund[0]);
        request.add_filter("forbund", forbund[1]);
        request.add_filter("section_kind", "framgångsfaktorer");
        for (from, to) in [(None, None), (Some(2019), Some(2021))] {
            (request.year_from, request.year_to) = (from, to);
            let mut one_pass = count(&searcher, &AllQuery, &request, Unit::Sections).unwrap();
            let (with_listing, gated) = count_with(
                &searcher,
                &AllQuery,
                &request,
                Unit::Sections,
                DocSetCollector,
            )
            .unwrap();
            assert_eq!(with_listing, one_pass, "the listing changes no count");
            let mut any_kind = request.clone();
            any_kind.filters.remove("section_kind");
            for request in [&request, &any_kind] {
                let reports = count(&searcher, &AllQuery, request, Unit::Reports).unwrap();
                let expected = reports_reference(&searcher, &fields, request);
                assert_eq!(reports, expected, "reports, years {from:?}–{to:?}");
            }
            let sections = count(&searcher, &AllQuery, &any_kind, Unit::Sections).unwrap();
            let reports = count(&searcher, &AllQuery, &any_kind, Unit::Reports).unwrap();
            assert!(
                reports["forbund"][0].count < sections["forbund"][0].count,
                "reports with more than one matching section: {reports:?}"
            );
            let filtered = with_filters(Box::new(AllQuery), &fields, &request);
            let expected_docs = searcher.search(&*filtered, &DocSetCollector).unwrap();
            assert!(!gated.is_empty(), "some section passes every filter");
            assert_eq!(
                gated, expected_docs,
                "the listing sees what the filters keep"
            );
            let years = one_pass.remove(YEAR_FACET).unwrap();
            let expected = reference(&searcher, &fields, &request);
            assert!(
                expected["forbund"].len() >= 2,
                "a test that counts something: {expected:?}"
            );
            assert_eq!(one_pass, expected, "years {from:?}–{to:?}");
            let mut no_range = request.clone();
            (no_range.year_from, no_range.year_to) = (None, None);
            let sections = reference(&searcher, &fields, &no_range)["section_kind"]
                .iter()
                .find(|c| c.value == "framgångsfaktorer")
                .map_or(0, |c| c.count);
            let histogram: u64 = years.iter().map(|c| c.count).sum();
            assert_eq!(histogram, sections, "the histogram ignores the year range");
            assert!(
                years.windows(2).all(|w| w[0].value < w[1].value),
                "in year order"
            );
        }
        let reports = count(
            &searcher,
            &AllQuery,
            &SearchRequest::text(""),
            Unit::Reports,
        )
        .unwrap();
        let total: u64 = reports["forbund"].iter().map(|c| c.count).sum();
        assert_eq!(
            total, 12,
            "each report counted once however many sections it has"
        );
    }
}
