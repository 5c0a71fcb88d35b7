//! CSV export of search hits, for researchers who work in spreadsheets or R.

use crate::search::SearchResults;

/// Column names of the CSV export, in order.
const COLUMNS: [&str; 14] = [
    "id",
    "doc_id",
    "path",
    "title",
    "heading",
    "page",
    "forbund",
    "report_type",
    "malgrupp",
    "year",
    "section_kind",
    "score",
    "partial",
    "text",
];

/// The hits as CSV (comma-separated, quoted where needed, målgrupper joined
/// by `;`, `partial` true for a hit lacking some of the query's words).
pub fn to_csv(results: &SearchResults) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for hit in &results.hits {
        writer.write_record([
            hit.id.as_str(),
            &hit.doc_id,
            &hit.path,
            &hit.title,
            &hit.heading,
            &hit.page.to_string(),
            &hit.forbund,
            &hit.report_type,
            &hit.malgrupp.join(";"),
            &hit.year.map(|y| y.to_string()).unwrap_or_default(),
            &hit.section_kind,
            &format!("{:.4}", hit.score),
            if hit.partial { "true" } else { "false" },
            &hit.text,
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"))
}
