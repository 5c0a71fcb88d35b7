//! Building tantivy queries from a request: parsed text plus facet filters.

use super::{Result, SearchError, SearchRequest};
use crate::analysis;
use crate::index::FACETS;
use crate::index::Fields;
use tantivy::Index;
use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;

/// Weight of a match in the document title relative to the body.
const TITLE_BOOST: f32 = 2.0;
/// Weight of a match in the section heading relative to the body.
const HEADING_BOOST: f32 = 2.5;

/// How the words of a query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Every word must match (the default).
    All,
    /// Any word may match; sections matching more words rank higher.
    Any,
}

/// Parses the user's text over title, heading and body; an empty text
/// matches every section.
pub fn parse(index: &Index, fields: &Fields, text: &str, words: Match) -> Result<Box<dyn Query>> {
    if text.trim().is_empty() {
        return Ok(Box::new(AllQuery));
    }
    // The query side never splits compounds (see `analysis`).
    let mut parser = QueryParser::new(
        index.schema(),
        vec![fields.title, fields.heading, fields.body],
        analysis::query_tokenizers(),
    );
    if words == Match::All {
        parser.set_conjunction_by_default();
    }
    parser.set_field_boost(fields.title, TITLE_BOOST);
    parser.set_field_boost(fields.heading, HEADING_BOOST);
    parser
        .parse_query(text)
        .map_err(|e| SearchError::BadQuery(e.to_string()))
}

/// `text_query` restricted by every facet filter of the request except `skip`.
pub fn with_filters(
    text_query: Box<dyn Query>,
    fields: &Fields,
    request: &SearchRequest,
    skip: Option<&str>,
) -> Box<dyn Query> {
    let mut clauses = vec![(Occur::Must, text_query)];
    for facet in FACETS.into_iter().filter(|f| Some(*f) != skip) {
        let values = request.filter(facet);
        let Some(field) = fields.facet(facet) else {
            continue;
        };
        if values.is_empty() {
            continue;
        }
        let any_value: Vec<(Occur, Box<dyn Query>)> = values
            .iter()
            .map(|v| {
                let term =
                    TermQuery::new(Term::from_field_text(field, v), IndexRecordOption::Basic);
                (Occur::Should, Box::new(term) as Box<dyn Query>)
            })
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_value))));
    }
    if clauses.len() == 1 {
        return clauses.pop().expect("one clause").1;
    }
    Box::new(BooleanQuery::new(clauses))
}
