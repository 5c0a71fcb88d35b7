//! For unit tests: an index in memory of one section per text (body and
//! report id only), analysed as the full profile analyses sections.

use super::Result;
use crate::analysis::{self, Profile};
use crate::index::Fields;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Searcher};

/// A searcher over one section per text, the fields, and the body analyzer.
pub fn body_index(texts: &[&str]) -> (Searcher, Fields, TextAnalyzer) {
    let sections: Vec<(&str, &str)> = texts.iter().map(|&text| ("", text)).collect();
    report_index(&sections)
}

/// A searcher over one section per (report id, text) pair, the fields,
/// and the body analyzer.
pub fn report_index(sections: &[(&str, &str)]) -> (Searcher, Fields, TextAnalyzer) {
    let (schema, fields) = Fields::build();
    let index = Index::create_in_ram(schema);
    analysis::register(index.tokenizers(), Profile::Full);
    let mut writer = index.writer(15_000_000).unwrap();
    for (id, text) in sections {
        let mut doc = tantivy::TantivyDocument::default();
        if !id.is_empty() {
            doc.add_text(fields.doc_id, id);
        }
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

/// Asserts that `expand` leaves each of `queries` as typed over an index
/// of one section per text.
pub fn assert_left_alone(expand: Expansion, texts: &[&str], queries: &[&str]) {
    for query in queries {
        assert_eq!(expanded(expand, texts, query), *query);
    }
}

/// `count` texts of 3 to 122 words drawn from a fixed pseudo-random
/// sequence: seven common Swedish words and `fillers` made-up words, so
/// the common ones lie closer together or further apart.
pub fn drawn_texts(count: usize, fillers: usize) -> Vec<String> {
    let common = [
        "deltagare",
        "arbete",
        "samverkan",
        "insats",
        "och",
        "med",
        "stöd",
    ];
    let mut vocabulary: Vec<String> = common.iter().map(|w| w.to_string()).collect();
    vocabulary.extend((0..fillers).map(|i| format!("fyll{i}")));
    let mut seed: u64 = 7;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    (0..count)
        .map(|_| {
            let words = 3 + next(120);
            let picked: Vec<&str> = (0..words)
                .map(|_| vocabulary[next(vocabulary.len() as u64) as usize].as_str())
                .collect();
            picked.join(" ")
        })
        .collect()
}
