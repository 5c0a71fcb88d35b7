//! Exports of search hits, for researchers who work in spreadsheets or R:
//! CSV that Swedish Excel opens as it is (`;` between cells, UTF-8 with a
//! byte-order mark, Swedish headers, a link to each report's page) and JSON
//! Lines (one hit per line). A page of hits, or every hit, streamed.

use crate::search::Hit;

/// The formats an answer can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The JSON answer (the default).
    Json,
    /// CSV for spreadsheets.
    Csv,
    /// One JSON hit per line.
    JsonLines,
}

impl Format {
    /// The Content-Type of the format's rows.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv; charset=utf-8",
            Format::JsonLines => "application/x-ndjson; charset=utf-8",
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::JsonLines => "jsonl",
        }
    }

    /// What comes before the first row: a CSV's byte-order mark and headers.
    pub fn start(self) -> Vec<u8> {
        match self {
            Format::Csv => {
                let mut bytes = "\u{feff}".as_bytes().to_vec();
                bytes.extend(record(&COLUMNS.map(String::from)));
                bytes
            }
            _ => Vec::new(),
        }
    }

    /// One hit as a row (CSV record or JSON line), ending in a line break.
    pub fn row(self, hit: &Hit) -> Vec<u8> {
        match self {
            Format::Csv => record(&cells(hit)),
            _ => {
                let mut line = serde_json::to_vec(hit).expect("a hit serialises");
                line.push(b'\n');
                line
            }
        }
    }
}

/// Column names of the CSV export (Swedish), in order.
const COLUMNS: [&str; 16] = [
    "id",
    "dokument",
    "fil",
    "länk",
    "titel",
    "rubrik",
    "sida",
    "förbund",
    "rapporttyp",
    "målgrupp",
    "år",
    "projekt",
    "avsnittstyp",
    "poäng",
    "saknar_sökord",
    "text",
];

/// A hit's cells, in [`COLUMNS`] order.
fn cells(hit: &Hit) -> [String; 16] {
    [
        hit.id.clone(),
        hit.doc_id.clone(),
        hit.path.clone(),
        format!("/api/documents/{}/file#page={}", hit.doc_id, hit.page),
        hit.title.clone(),
        hit.heading.clone(),
        hit.page.to_string(),
        hit.forbund.clone(),
        hit.report_type.clone(),
        hit.malgrupp.join("; "),
        hit.year.map(|y| y.to_string()).unwrap_or_default(),
        hit.project.clone().unwrap_or_default(),
        hit.section_kind.clone(),
        format!("{:.4}", hit.score).replace('.', ","),
        if hit.partial { "ja" } else { "nej" }.to_string(),
        hit.text.clone(),
    ]
}

/// One CSV record with `;` between cells, quoted where needed, formulas neutralised.
fn record(values: &[String]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(values.iter().map(|value| cell(value).into_owned()))
        .expect("writing to memory");
    writer.into_inner().expect("writing to memory")
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

/// A file name for an export of `query` on `date`: "finsamsok-nollplacerade-2026-12-05.csv".
pub fn file_name(query: &str, date: &str, format: Format) -> String {
    let slug: String = query
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "alla".to_string()
    } else {
        slug
    };
    format!("finsamsok-{slug}-{date}.{}", format.extension())
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

    #[test]
    fn csv_opens_in_swedish_excel() {
        let start = Format::Csv.start();
        assert!(
            start.starts_with("\u{feff}".as_bytes()),
            "a byte-order mark"
        );
        let header = String::from_utf8(start[3..].to_vec()).unwrap();
        assert!(header.starts_with("id;dokument;fil;länk;titel"), "{header}");
        let row = String::from_utf8(record(&["a;b".to_string(), "1,5".to_string()])).unwrap();
        assert_eq!(row, "\"a;b\";1,5\r\n");
    }

    #[test]
    fn file_names_say_the_query_and_date() {
        assert_eq!(
            file_name(
                "\"långvarigt försörjningsstöd\" -FK",
                "2026-12-05",
                Format::Csv
            ),
            "finsamsok-långvarigt-försörjningsstöd-FK-2026-12-05.csv"
        );
        assert_eq!(
            file_name("", "2026-12-05", Format::JsonLines),
            "finsamsok-alla-2026-12-05.jsonl"
        );
    }
}
