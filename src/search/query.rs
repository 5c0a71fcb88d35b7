//! Building tantivy queries from a request: parsed text plus facet filters.

use super::{Result, SearchError, SearchRequest};
use crate::analysis::{self, Profile};
use crate::index::FACETS;
use crate::index::Fields;
use std::ops::Bound;
use tantivy::Index;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::IndexRecordOption;

/// Weight of a match in the document title relative to the body.
const TITLE_BOOST: f32 = 2.0;
/// Weight of a match in the section heading relative to the body.
const HEADING_BOOST: f32 = 2.5;
/// Weight of a match of the form as typed, on top of its stem's match.
const EXACT_BOOST: f32 = 0.5;
/// Weight of an English-stemmed match in an English section.
const ENGLISH_BOOST: f32 = 0.5;
/// Weight of a match in the words about the document (type, förbund, year).
const ABOUT_BOOST: f32 = 0.5;
/// Weight of a match in the document's page furniture (its running headers
/// and footers, searched with its first section).
const FURNITURE_BOOST: f32 = 0.25;

/// How the words of a query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Every word must match (the default).
    All,
    /// All words but one must match (queries of three words or more).
    AllButOne,
    /// Any word may match; sections matching more words rank higher.
    Any,
}

/// What parsing a user's text needs: the index, its fields and the
/// profile it was built under (which decides the query-side analyzers).
#[derive(Clone, Copy)]
pub struct TextParser<'a> {
    /// The index searched.
    pub index: &'a Index,
    /// Its fields.
    pub fields: &'a Fields,
    /// The profile it was built under.
    pub profile: Profile,
}

impl TextParser<'_> {
    /// Parses the user's text over title, heading, body and the other text
    /// fields; an empty text matches every section.
    pub fn parse(&self, text: &str, words: Match) -> Result<Box<dyn Query>> {
        parse(self, text, words)
    }

    /// Parses `text` over the body alone, any word matching.
    pub fn parse_body(&self, text: &str) -> Result<Box<dyn Query>> {
        let parser = QueryParser::new(
            self.index.schema(),
            vec![self.fields.body],
            analysis::query_tokenizers(self.profile),
        );
        parser
            .parse_query(text)
            .map_err(|e| SearchError::BadQuery(e.to_string()))
    }
}

fn parse(context: &TextParser, text: &str, words: Match) -> Result<Box<dyn Query>> {
    let (index, fields) = (context.index, context.fields);
    if text.trim().is_empty() {
        return Ok(Box::new(AllQuery));
    }
    // The query side never splits compounds (see `analysis`).
    let mut searched = vec![
        (fields.title, TITLE_BOOST),
        (fields.heading, HEADING_BOOST),
        (fields.body, 1.0),
    ];
    // The stemming-only profile searches as the first version did.
    if context.profile == Profile::Full {
        searched.extend([
            (fields.exact, EXACT_BOOST),
            (fields.body_en, ENGLISH_BOOST),
            (fields.about, ABOUT_BOOST),
            (fields.furniture, FURNITURE_BOOST),
        ]);
    }
    let mut parser = QueryParser::new(
        index.schema(),
        searched.iter().map(|(field, _)| *field).collect(),
        analysis::query_tokenizers(context.profile),
    );
    if words != Match::Any {
        parser.set_conjunction_by_default();
    }
    for (field, boost) in searched {
        parser.set_field_boost(field, boost);
    }
    let query = match parser.parse_query(text) {
        // Every word it keeps is excluded: the words it searches for were
        // all stop words ("hur mycket -kostnad"); it finds nothing.
        Err(QueryParserError::AllButQueryForbidden) => Box::new(EmptyQuery),
        parsed => parsed.map_err(|e| SearchError::BadQuery(e.to_string()))?,
    };
    Ok(match words {
        Match::AllButOne => all_but_one(query),
        Match::All | Match::Any => query,
    })
}

/// A conjunction of three words or more, changed to require all but one;
/// any other query unchanged. Words that look for nothing (stop words) do
/// not count, and excluded words stay excluded.
fn all_but_one(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(conjunction) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let (required, other): (Vec<_>, Vec<_>) = conjunction
        .clauses()
        .iter()
        .filter(|(_, clause)| has_terms(clause.as_ref()))
        .map(|(occur, clause)| (*occur, clause.box_clone()))
        .partition(|(occur, _)| *occur == Occur::Must);
    if required.len() < 3 {
        return query;
    }
    let minimum = required.len() - 1;
    let words = required
        .into_iter()
        .map(|(_, clause)| (Occur::Should, clause))
        .collect();
    let most = BooleanQuery::with_minimum_required_clauses(words, minimum);
    let mut clauses = vec![(Occur::Must, Box::new(most) as Box<dyn Query>)];
    clauses.extend(other);
    Box::new(BooleanQuery::new(clauses))
}

/// The request's year range as a query on the year field; documents without
/// a year (stored as 0) fall outside any range.
/// A filter that keeps sections without adding to their score, so a
/// filtered search ranks its sections as the unfiltered one does.
fn unscored(filter: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(filter, 0.0))
}

fn year_range(fields: &Fields, request: &SearchRequest) -> Option<Box<dyn Query>> {
    if request.year_from.is_none() && request.year_to.is_none() {
        return None;
    }
    let term = |year: u64| Bound::Included(Term::from_field_u64(fields.year, year));
    // Documents without a year (0) fall outside any range, as in the counts.
    let from = term(request.year_from.unwrap_or(1).max(1));
    let to = request.year_to.map_or(Bound::Unbounded, term);
    Some(Box::new(RangeQuery::new(from, to)))
}

/// True when `query` looks for some term (a stop word alone looks for none).
pub fn has_terms(query: &dyn Query) -> bool {
    let mut found = false;
    query.query_terms(&mut |_, _| found = true);
    found
}

/// `query` without the sections of the documents `doc_ids` (near-duplicate
/// copies, which their originals stand for).
pub fn without_documents(
    query: Box<dyn Query>,
    fields: &Fields,
    doc_ids: &[String],
) -> Box<dyn Query> {
    if doc_ids.is_empty() {
        return query;
    }
    let terms = doc_ids
        .iter()
        .map(|id| Term::from_field_text(fields.doc_id, id));
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::MustNot, Box::new(TermSetQuery::new(terms))),
    ]))
}

/// `text_query` restricted by every facet filter and the year range of the request.
pub fn with_filters(
    text_query: Box<dyn Query>,
    fields: &Fields,
    request: &SearchRequest,
) -> Box<dyn Query> {
    let mut clauses = vec![(Occur::Must, text_query)];
    for facet in FACETS {
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
        clauses.push((
            Occur::Must,
            unscored(Box::new(BooleanQuery::new(any_value))),
        ));
    }
    if let Some(years) = year_range(fields, request) {
        clauses.push((Occur::Must, unscored(years)));
    }
    if clauses.len() == 1 {
        return clauses.pop().expect("one clause").1;
    }
    Box::new(BooleanQuery::new(clauses))
}
