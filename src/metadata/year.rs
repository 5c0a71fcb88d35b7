//! The year a report is about or was written.
//!
//! Every explicit date in the text is a vote for its year: full dates
//! ("2023-01-13", "20220930") and month names ("juni 2012") count more than a
//! bare year ("2024"), and a vote fades with its distance from the start of
//! the document, so the first page decides unless later text is
//! overwhelming. Legal references such as "SOU 2015:21" or "Dir. 2018:27" are
//! not dates.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Page;

/// Plausible report years; anything outside is a number, not a year.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2040;
/// Vote of a full date or a month-and-year.
const DATE_WEIGHT: f64 = 3.0;
/// Vote of a bare four-digit year.
const BARE_WEIGHT: f64 = 1.0;
/// A vote at this many characters from the start counts half.
const HALF_DISTANCE: f64 = 1000.0;

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d\d)-?(?:0[1-9]|1[0-2])-?(?:[0-2]\d|3[01])\b").expect("valid regex")
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let months =
        "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
    let short = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec";
    Regex::new(&format!(
        r"(?i)\b(?:{months}|{short})\.?\s+((?:19|20)\d\d)\b"
    ))
    .expect("valid regex")
});
static BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)\b").expect("valid regex"));

/// The most plausible report year of `pages`, or `None` when no date is stated.
pub fn year(pages: &[Page]) -> Option<i32> {
    let texts: Vec<String> = pages.iter().map(Page::text).collect();
    year_of_text(&texts.join("\n"))
}

/// The most plausible report year of a plain text.
pub fn year_of_text(text: &str) -> Option<i32> {
    let mut votes: BTreeMap<i32, f64> = BTreeMap::new();
    let mut dated: Vec<std::ops::Range<usize>> = Vec::new();
    for re in [&*FULL_DATE, &*MONTH_YEAR] {
        for caps in re.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            dated.push(whole.range());
            vote(&mut votes, &caps[1], whole.start(), DATE_WEIGHT);
        }
    }
    for m in BARE_YEAR.find_iter(text) {
        let inside_date = dated.iter().any(|r| r.contains(&m.start()));
        if !inside_date && !is_reference_number(text, m.end()) {
            vote(&mut votes, m.as_str(), m.start(), BARE_WEIGHT);
        }
    }
    // Ties go to the later year: a report is written after what it reports on.
    votes
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(y, _)| y)
}

fn vote(votes: &mut BTreeMap<i32, f64>, digits: &str, offset: usize, weight: f64) {
    let Ok(year) = digits.parse::<i32>() else {
        return;
    };
    if YEARS.contains(&year) {
        *votes.entry(year).or_default() += weight * HALF_DISTANCE / (HALF_DISTANCE + offset as f64);
    }
}

/// "2015:21", "2014/15" and "2011/4725" number a document, not a date.
fn is_reference_number(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    matches!((rest.next(), rest.next()), (Some(':' | '/'), Some(d)) if d.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_date_near_start() {
        assert_eq!(
            year_of_text("Registreringsdatum\nAnkomst: 2023-01-13\nText om arbete."),
            Some(2023)
        );
    }

    #[test]
    fn month_and_year() {
        assert_eq!(year_of_text("Projekt SAM Delrapport juni 2012"), Some(2012));
    }

    #[test]
    fn compact_period_dates() {
        assert_eq!(
            year_of_text("Rapporten gäller för perioden 20220930 – 20221231"),
            Some(2022)
        );
    }

    #[test]
    fn bare_year() {
        assert_eq!(year_of_text("Verksamhetsplan och budget 2024"), Some(2024));
    }

    #[test]
    fn early_date_beats_later_passing_years() {
        let text = format!(
            "Delrapport mars 2016\n{}\nSe även 2010 och 2011.",
            "text ".repeat(800)
        );
        assert_eq!(year_of_text(&text), Some(2016));
    }

    #[test]
    fn legal_references_and_other_numbers_are_not_years() {
        assert_eq!(
            year_of_text("Se SOU 2015:21 och Dir. 2018:27, prop. 2014/15. Tel 070-084 04 00."),
            None
        );
        assert_eq!(year_of_text("Budgeten är 1126 tkr för 85 personer."), None);
    }

    #[test]
    fn no_date_gives_none() {
        assert_eq!(year_of_text("Ingen tidsangivelse här."), None);
        assert_eq!(year(&[]), None);
    }
}
