//! For unit tests: an index in memory of one section per text (body only),
//! analysed as the full profile analyses sections.

use super::Result;
use crate::analysis::{self, Profile};
use crate::index::Fields;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Searcher};

/// A searcher over one section per text, the fields, and the body analyzer.
pub fn body_index(texts: &[&str]) -> (Searcher, Fields, TextAnalyzer) {
    let (schema, fields) = Fields::build();
    let index = Index::create_in_ram(schema);
    analysis::register(index.tokenizers(), Profile::Full);
    let mut writer = index.writer(15_000_000).unwrap();
    for text in texts {
        let mut doc = tantivy::TantivyDocument::default();
        doc.add_text(fields.body, text);
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    let searcher = index.reader().unwrap().searcher();
    let analyzer = index.tokenizer_for_field(fields.body).unwrap();
    (searcher, fields, analyzer)
}

/// A query expansion, as the search service calls it.
pub type Expansion = fn(&str, &Searcher, &mut TextAnalyzer, &Fields) -> Result<String>;

/// What `expand` makes of `query` over an index of one section per text.
pub fn expanded(expand: Expansion, texts: &[&str], query: &str) -> String {
    let (searcher, fields, mut analyzer) = body_index(texts);
    expand(query, &searcher, &mut analyzer, &fields).unwrap()
}
