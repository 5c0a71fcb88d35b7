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
/// A cell a spreadsheet would read as a formula is neutralised ([`cell`]).
pub fn to_csv(results: &SearchResults) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for hit in &results.hits {
        let record = [
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
        ];
        writer.write_record(record.iter().map(|value| cell(value).into_owned()))?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"))
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `value` as a cell that Excel and LibreOffice show as text: one starting
/// like a formula (`=HYPERLINK(…)`, `+`, `-`, `@`) gets a leading `'`.
fn cell(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_text_is_kept() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        for formula in ["+1", "-2+3", "@SUM(A1)", "\tx"] {
            assert!(cell(formula).starts_with('\''), "{formula}");
        }
        assert_eq!(cell("Slutrapport 2024"), "Slutrapport 2024");
        assert_eq!(cell(""), "");
    }
}
