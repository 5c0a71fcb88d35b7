//! Drill-down facet counts: each facet is counted under the query and the
//! *other* facets' filters, so a user can widen a facet (OR) as well as narrow.

use super::query::with_filters;
use super::{FacetCount, Facets, Result, SearchRequest};
use crate::index::{FACETS, Fields};
use serde_json::{Value, json};
use tantivy::Searcher;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::agg_result::AggregationResults;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
use tantivy::query::Query;
use tantivy::tokenizer::TokenizerManager;

/// Most values listed per facet.
const MAX_VALUES: usize = 500;

/// Counts every facet for the request.
pub fn count(
    searcher: &Searcher,
    text_query: &dyn Query,
    fields: &Fields,
    request: &SearchRequest,
) -> Result<Facets> {
    let mut facets = Facets::default();
    for facet in FACETS {
        let query = with_filters(text_query.box_clone(), fields, request, Some(facet));
        facets.insert(facet.to_string(), count_one(searcher, &*query, facet)?);
    }
    Ok(facets)
}

fn count_one(searcher: &Searcher, query: &dyn Query, facet: &str) -> Result<Vec<FacetCount>> {
    let request = json!({ facet: { "terms": { "field": facet, "size": MAX_VALUES } } });
    let aggs: Aggregations = serde_json::from_value(request).expect("valid aggregation request");
    let context = AggContextParams::new(
        AggregationLimitsGuard::default(),
        TokenizerManager::default(),
    );
    let results: AggregationResults =
        searcher.search(query, &AggregationCollector::from_aggs(aggs, context))?;
    let value = serde_json::to_value(results).unwrap_or(Value::Null);
    Ok(buckets(&value[facet]["buckets"]))
}

/// Reads `[{"key": "…", "doc_count": n}]` buckets, most frequent first.
fn buckets(value: &Value) -> Vec<FacetCount> {
    let mut counts: Vec<FacetCount> = value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|b| {
            let value = b["key"].as_str()?.to_string();
            Some(FacetCount {
                value,
                count: b["doc_count"].as_u64()?,
            })
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_read_and_sorted() {
        let value = json!([{"key": "b", "doc_count": 1}, {"key": "a", "doc_count": 3}, {"key": "c", "doc_count": 1}]);
        let counts = buckets(&value);
        let values: Vec<&str> = counts.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(values, ["a", "b", "c"]);
        assert_eq!(counts[0].count, 3);
    }
}
