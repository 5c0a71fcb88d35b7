//! Why a hit matched: the query's terms found in each field of the section.
//!
//! Answers `?explain=true`. The terms are the analysed forms the index holds
//! (stems, compound parts, exact forms), read from the inverted index, so
//! what is listed is exactly what the ranking saw.

use super::Result;
use serde::Serialize;
use std::collections::BTreeMap;
use tantivy::query::Query;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Searcher, Term};

/// The query terms one field of a hit holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMatch {
    /// Field name: title, heading, body, exact, body_en, about or furniture.
    pub field: String,
    /// The matched terms as indexed, in the query's order.
    pub terms: Vec<String>,
}

/// The terms of one query, grouped by field, ready to test against hits.
pub struct Explainer {
    terms: BTreeMap<Field, Vec<Term>>,
}

impl Explainer {
    /// Collects the text terms `query` looks for.
    pub fn new(query: &dyn Query) -> Explainer {
        let mut terms: BTreeMap<Field, Vec<Term>> = BTreeMap::new();
        query.query_terms(&mut |term, _| {
            let field_terms = terms.entry(term.field()).or_default();
            if term.value().as_str().is_some() && !field_terms.contains(term) {
                field_terms.push(term.clone());
            }
        });
        Explainer { terms }
    }

    /// The fields of the section at `address` that hold some query term.
    pub fn explain(&self, searcher: &Searcher, address: DocAddress) -> Result<Vec<FieldMatch>> {
        let segment = searcher.segment_reader(address.segment_ord);
        let schema = searcher.schema();
        let mut matches = Vec::new();
        for (field, terms) in &self.terms {
            let inverted = segment.inverted_index(*field)?;
            let mut found = Vec::new();
            for term in terms {
                let postings = inverted
                    .read_postings(term, IndexRecordOption::Basic)
                    .map_err(tantivy::TantivyError::from)?;
                if let Some(mut postings) = postings
                    && postings.doc() <= address.doc_id
                    && postings.seek(address.doc_id) == address.doc_id
                {
                    found.extend(term.value().as_str().map(str::to_string));
                }
            }
            if !found.is_empty() {
                matches.push(FieldMatch {
                    field: schema.get_field_name(*field).to_string(),
                    terms: found,
                });
            }
        }
        Ok(matches)
    }
}
