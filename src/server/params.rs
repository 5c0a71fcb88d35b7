//! Reading query-string parameters into service requests, with clear
//! Swedish messages for bad values.

use super::ApiError;
use super::export::Format;
use crate::index::FACETS;
use crate::search::{Grouping, MAX_LIMIT, MAX_OFFSET, ProjectRequest, SearchRequest, Sort};

/// Default number of hits per page.
const DEFAULT_LIMIT: usize = 20;

/// Parameters of a search besides the facet filters.
const SEARCH_PARAMETERS: [&str; 10] = [
    "q",
    "year_from",
    "year_to",
    "limit",
    "offset",
    "explain",
    "group",
    "sort",
    "cursor",
    "format",
];
/// Deepest offset a cursor may stand for (cursors page past `offset`'s limit).
const MAX_CURSOR_OFFSET: usize = 100_000_000;

/// Builds a search request from repeated `key=value` pairs; `also` names
/// the endpoint's own further parameters (read by the caller). Any other
/// parameter is a 400 that lists the known ones, so a misspelt filter
/// (`year=2023`) is never silently ignored.
pub fn search_request(
    pairs: Vec<(String, String)>,
    also: &[&str],
) -> Result<SearchRequest, ApiError> {
    let mut request = SearchRequest {
        limit: DEFAULT_LIMIT,
        ..SearchRequest::default()
    };
    for (key, value) in pairs {
        match key.as_str() {
            "q" => request.q = value,
            facet if FACETS.contains(&facet) => request.add_filter(facet, value),
            "year_from" => request.year_from = Some(year("year_from", &value)?),
            "year_to" => request.year_to = Some(year("year_to", &value)?),
            "limit" => request.limit = number("limit", &value, MAX_LIMIT)?,
            "offset" => request.offset = number("offset", &value, MAX_OFFSET)?,
            "cursor" => request.offset = cursor(&value)?,
            "explain" => request.explain = boolean("explain", &value)?,
            "group" => request.group = grouping(&value)?,
            "sort" => request.sort = sort(&value)?,
            "format" => {}
            other if also.contains(&other) => {}
            other => return Err(unknown(other, also)),
        }
    }
    Ok(request)
}

/// Builds a document-list request: the filters and paging of a search and
/// `project_id`; a query or a section kind would be silently meaningless for
/// a list of reports, so they are refused with the way to search reports.
pub fn document_request(
    pairs: Vec<(String, String)>,
) -> Result<(SearchRequest, Option<String>), ApiError> {
    let project = pairs
        .iter()
        .rev()
        .find(|(key, _)| key == "project_id")
        .map(|(_, value)| value.clone());
    let request = search_request(pairs, &["project_id"])?;
    if !request.q.trim().is_empty() || !request.filter("section_kind").is_empty() {
        return Err(ApiError::BadRequest(
            "/api/documents listar rapporter utan sökfråga; sök rapporter med /api/search?group=document".into(),
        ));
    }
    Ok((request, project))
}

/// A 400 naming an unknown parameter and the known ones.
fn unknown(name: &str, also: &[&str]) -> ApiError {
    let known: Vec<&str> = SEARCH_PARAMETERS
        .iter()
        .chain(FACETS.iter())
        .chain(also.iter())
        .copied()
        .collect();
    ApiError::BadRequest(format!(
        "okänd parameter \"{name}\". Kända parametrar: {}",
        known.join(", ")
    ))
}

/// The offset a cursor of an earlier answer stands for, or a 400.
fn cursor(value: &str) -> Result<usize, ApiError> {
    crate::search::cursor_offset(value.trim())
        .filter(|&offset| offset <= MAX_CURSOR_OFFSET)
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "cursor \"{value}\" kommer inte från ett svar av Finsamsök; använd next_cursor ur förra svaret"
            ))
        })
}

/// The answer's format: `json` (default), `csv` or `jsonl`.
pub fn format(pairs: &[(String, String)]) -> Result<Format, ApiError> {
    match pairs
        .iter()
        .rev()
        .find(|(key, _)| key == "format")
        .map(|(_, v)| v.as_str())
    {
        None | Some("json") => Ok(Format::Json),
        Some("csv") => Ok(Format::Csv),
        Some("jsonl") => Ok(Format::JsonLines),
        Some(other) => Err(ApiError::BadRequest(format!(
            "format måste vara json, csv eller jsonl, inte \"{other}\""
        ))),
    }
}

/// True for `all=true`: every hit, streamed (with `format=csv` or `jsonl`).
pub fn all(pairs: &[(String, String)]) -> Result<bool, ApiError> {
    match pairs.iter().rev().find(|(key, _)| key == "all") {
        Some((_, value)) => boolean("all", value),
        None => Ok(false),
    }
}

/// Builds a project search from `key=value` pairs: a report search plus
/// `inriktning` (repeatable) and `esf` (`ja`/`nej`, `true`/`false`).
pub fn project_request(pairs: Vec<(String, String)>) -> Result<ProjectRequest, ApiError> {
    let mut inriktning = Vec::new();
    let mut esf = None;
    let mut rest = Vec::new();
    for (key, value) in pairs {
        match key.as_str() {
            "inriktning" => inriktning.push(value),
            "esf" => esf = Some(yes_no("esf", &value)?),
            _ => rest.push((key, value)),
        }
    }
    Ok(ProjectRequest {
        search: search_request(rest, &[])?,
        inriktning,
        esf,
    })
}

/// `relevans`, `nyast` or `aldst` (or `äldst`), or a 400 that says what is wrong.
fn sort(value: &str) -> Result<Sort, ApiError> {
    match value.trim() {
        "relevans" | "" => Ok(Sort::Relevans),
        "nyast" => Ok(Sort::Nyast),
        "aldst" | "äldst" => Ok(Sort::Aldst),
        other => Err(ApiError::BadRequest(format!(
            "sort måste vara relevans, nyast eller aldst, inte \"{other}\""
        ))),
    }
}

/// `section` or `document`, or a 400 that says what is wrong.
fn grouping(value: &str) -> Result<Grouping, ApiError> {
    match value.trim() {
        "section" | "" => Ok(Grouping::Section),
        "document" => Ok(Grouping::Document),
        other => Err(ApiError::BadRequest(format!(
            "group måste vara document (en träff per rapport) eller section (en per avsnitt), inte \"{other}\""
        ))),
    }
}

/// `ja`/`true`/`1` or `nej`/`false`/`0`, or a 400 that says what is wrong.
fn yes_no(name: &str, value: &str) -> Result<bool, ApiError> {
    match value.trim() {
        "ja" | "true" | "1" => Ok(true),
        "nej" | "false" | "0" => Ok(false),
        other => Err(ApiError::BadRequest(format!(
            "{name} måste vara ja eller nej, inte \"{other}\""
        ))),
    }
}

/// Reads `limit` and `offset` for listings.
pub fn paging(pairs: &[(String, String)]) -> Result<(usize, usize), ApiError> {
    let mut limit = DEFAULT_LIMIT;
    let mut offset = 0;
    for (key, value) in pairs {
        match key.as_str() {
            "limit" => limit = number("limit", value, MAX_LIMIT)?,
            "offset" => offset = number("offset", value, MAX_OFFSET)?,
            _ => {}
        }
    }
    Ok((limit, offset))
}

/// A year from 1900 to 2100, or a 400 that says what is wrong.
fn year(name: &str, value: &str) -> Result<u64, ApiError> {
    match value.trim().parse::<u64>() {
        Ok(year) if (1900..=2100).contains(&year) => Ok(year),
        _ => Err(ApiError::BadRequest(format!(
            "{name} måste vara ett årtal (1900–2100), inte \"{value}\""
        ))),
    }
}

/// `true`/`1` or `false`/`0`, or a 400 that says what is wrong.
fn boolean(name: &str, value: &str) -> Result<bool, ApiError> {
    match value.trim() {
        "true" | "1" => Ok(true),
        "false" | "0" | "" => Ok(false),
        other => Err(ApiError::BadRequest(format!(
            "{name} måste vara true eller false, inte \"{other}\""
        ))),
    }
}

/// A whole number from 0 to `max`, or a 400 that says what is wrong.
fn number(name: &str, value: &str, max: usize) -> Result<usize, ApiError> {
    match value.trim().parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => Err(ApiError::BadRequest(format!("{name} får vara högst {max}"))),
        Err(_) => Err(ApiError::BadRequest(format!(
            "{name} måste vara ett heltal från 0 till {max}, inte \"{value}\""
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search_request_of(pairs: Vec<(String, String)>) -> Result<SearchRequest, ApiError> {
        search_request(pairs, &[])
    }

    #[test]
    fn unknown_parameters_are_named_with_the_known_ones() {
        let message = search_request_of(pairs(&[("year", "2023")]))
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("\"year\"") && message.contains("year_from"),
            "{message}"
        );
        assert!(search_request(pairs(&[("all", "true")]), &["all"]).is_ok());
    }

    #[test]
    fn a_cursor_pages_past_the_offset_limit() {
        let deep = crate::search::cursor(250_000);
        assert_eq!(
            search_request_of(pairs(&[("cursor", &deep)]))
                .unwrap()
                .offset,
            250_000
        );
        assert!(search_request_of(pairs(&[("cursor", "x1")])).is_err());
        assert!(search_request_of(pairs(&[("offset", "250000")])).is_err());
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn repeated_facets_accumulate() {
        let request = search_request_of(pairs(&[
            ("q", "unga"),
            ("forbund", "A"),
            ("forbund", "B"),
            ("limit", "5"),
        ]))
        .unwrap();
        assert_eq!(request.filter("forbund"), ["A", "B"]);
        assert_eq!((request.q.as_str(), request.limit), ("unga", 5));
    }

    #[test]
    fn grouping_and_project_fields_are_read() {
        let request = search_request_of(pairs(&[("group", "document")])).unwrap();
        assert_eq!(request.group, Grouping::Document);
        assert!(search_request_of(pairs(&[("group", "rapport")])).is_err());
        let projects = project_request(pairs(&[
            ("esf", "ja"),
            ("inriktning", "individinriktad"),
            ("q", "unga"),
        ]))
        .unwrap();
        assert_eq!(
            (projects.esf, projects.search.q.as_str()),
            (Some(true), "unga")
        );
        assert_eq!(projects.inriktning, ["individinriktad"]);
        assert!(project_request(pairs(&[("esf", "kanske")])).is_err());
    }

    #[test]
    fn bad_numbers_are_rejected() {
        for bad in ["-1", "abc", "100000", ""] {
            assert!(
                search_request_of(pairs(&[("limit", bad)])).is_err(),
                "{bad}"
            );
        }
        assert!(paging(&pairs(&[("offset", "x")])).is_err());
    }

    #[test]
    fn years_and_new_facets_are_read() {
        let request = search_request_of(pairs(&[
            ("section_kind", "resultat"),
            ("partner", "Arbetsförmedlingen"),
            ("year_from", "2018"),
            ("year_to", "2023"),
        ]))
        .unwrap();
        assert_eq!(request.filter("section_kind"), ["resultat"]);
        assert_eq!(request.filter("partner"), ["Arbetsförmedlingen"]);
        assert_eq!(
            (request.year_from, request.year_to),
            (Some(2018), Some(2023))
        );
        for bad in ["18", "år", "3000"] {
            assert!(
                search_request_of(pairs(&[("year_from", bad)])).is_err(),
                "{bad}"
            );
        }
    }
}
