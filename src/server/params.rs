//! Reading query-string parameters into service requests, with clear
//! Swedish messages for bad values.

use super::ApiError;
use crate::index::FACETS;
use crate::search::{Grouping, MAX_LIMIT, MAX_OFFSET, ProjectRequest, SearchRequest, Sort};

/// Default number of hits per page.
const DEFAULT_LIMIT: usize = 20;

/// Builds a search request from repeated `key=value` pairs.
pub fn search_request(pairs: Vec<(String, String)>) -> Result<SearchRequest, ApiError> {
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
            "explain" => request.explain = boolean("explain", &value)?,
            "group" => request.group = grouping(&value)?,
            "sort" => request.sort = sort(&value)?,
            _ => {}
        }
    }
    Ok(request)
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
        search: search_request(rest)?,
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

/// True for `format=csv`, false for `format=json` or no format.
pub fn wants_csv(pairs: &[(String, String)]) -> Result<bool, ApiError> {
    match pairs
        .iter()
        .rev()
        .find(|(key, _)| key == "format")
        .map(|(_, v)| v.as_str())
    {
        None | Some("json") => Ok(false),
        Some("csv") => Ok(true),
        Some(other) => Err(ApiError::BadRequest(format!(
            "format måste vara json eller csv, inte \"{other}\""
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

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn repeated_facets_accumulate() {
        let request = search_request(pairs(&[
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
        let request = search_request(pairs(&[("group", "document")])).unwrap();
        assert_eq!(request.group, Grouping::Document);
        assert!(search_request(pairs(&[("group", "rapport")])).is_err());
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
            assert!(search_request(pairs(&[("limit", bad)])).is_err(), "{bad}");
        }
        assert!(paging(&pairs(&[("offset", "x")])).is_err());
    }

    #[test]
    fn years_and_new_facets_are_read() {
        let request = search_request(pairs(&[
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
                search_request(pairs(&[("year_from", bad)])).is_err(),
                "{bad}"
            );
        }
    }
}
