//! The year a report is about.
//!
//! In order of trust:
//! 1. a year in the title ("Årsredovisning 2023" is 2023 though adopted in
//!    2024, "Delrapport juni 2012");
//! 2. the period the report covers ("Kvartalsrapporten gäller för perioden
//!    20220930 – 20221231", "Rapportperiod …"), or else the insats period
//!    ("Insatsperiod 2021-03-01 – 2023-12-31", "Slutdatum: 2017-12-31"): its
//!    end for a report looking back, its start for a document looking ahead
//!    (ansökan, projektplan, verksamhetsplan);
//! 3. the report's own date ("Rapportdatum 2024-02-20", "Datum: 2012-06-14",
//!    "Ort och datum: Uppsala 2018-01-31"), not an arrival stamp;
//! 4. votes: every explicit date in the text is a vote for its year. Full
//!    dates ("2023-01-13", "20220930") and month names ("juni 2012") count
//!    more than a bare year ("2024") or a diarienummer year ("Dnr 2024/11"),
//!    and a vote fades with its distance from the start of the document, so
//!    the first page decides unless later text is overwhelming. Legal
//!    references such as "SOU 2015:21" or "Dir. 2018:27" are not dates.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::word_regex::WordRegex;

use crate::document::Page;

/// Plausible report years; anything outside is a number, not a year.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2040;
/// Vote of a full date or a month-and-year.
const DATE_WEIGHT: f64 = 3.0;
/// Vote of a bare four-digit year.
const BARE_WEIGHT: f64 = 1.0;
/// A vote at this many characters from the start counts half.
const HALF_DISTANCE: f64 = 1000.0;

static FULL_DATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::bounded(r"\b((?:19|20)\d\d)-?(?:0[1-9]|1[0-2])-?(?:[0-2]\d|3[01])\b")
        .expect("valid regex")
});
static MONTH_YEAR: LazyLock<WordRegex> = LazyLock::new(|| {
    let months =
        "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
    let short = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec";
    WordRegex::bounded(&format!(
        r"(?i)\b(?:{months}|{short})\.?\s+((?:19|20)\d\d)\b"
    ))
    .expect("valid regex")
});
static BARE_YEAR: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::bounded(r"\b((?:19|20)\d\d)\b").expect("valid regex"));
/// "Dnr 2024/11", "Diarienummer: SNO 2024/031", "dnr: 2011/11-SFV".
static DIARIENUMMER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::bounded(
        r"(?i)\b(?:dnr|diarienummer|diarienr)\b[.:]?\s*(?:[A-ZÅÄÖ]{2,5}\s*)?((?:19|20)\d\d)[/:-]\d",
    )
    .expect("valid regex")
});
/// A date in a period: "2023-09-01", "20220930", "2024-0901", or a cut-off "2022123".
const PERIOD_DATE: &str = r"((?:19|20)\d\d)(?:-?\d{2}-?\s?\d{2}|\d{3}|-\d{2})?";
/// The period the report itself covers.
static REPORT_PERIOD: LazyLock<WordRegex> = LazyLock::new(|| {
    let cues = r"(?:rapport\w*\s+(?:avser|gäller)(?:\s+för)?\s+perioden|(?:avser|gäller\s+för|för)\s+perioden|rapportperiod(?:en)?|redovisningsperiod(?:en)?)";
    period_regex(cues)
});
/// The period of the insats or project.
static INSATS_PERIOD: LazyLock<WordRegex> = LazyLock::new(|| {
    let cues = r"(?:insatsperiod(?:en)?|projektperiod(?:en)?|förstudieperiod(?:en)?|projekttid(?:en)?|löptid|insatsen\s+pågår|period)";
    period_regex(cues)
});
/// "Slutdatum: 2017-12-31" (and "Startdatum: …" for documents looking ahead).
static END_DATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::bounded(&format!(r"(?i)\bslutdatum\W{{0,3}}{PERIOD_DATE}")).expect("valid regex")
});
/// "Rapportdatum 2024-02-20", "**Datum:** 2012-06-14", "Ort och datum: Uppsala 2018-01-31".
static REPORT_DATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::bounded(&format!(
        r"(?i)\b(?:rapportdatum|ort\s+och\s+datum|datum)\b\W{{0,5}}(?:\p{{Lu}}\p{{L}}+\s+)?{PERIOD_DATE}"
    ))
    .expect("valid regex")
});
static START_DATE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::bounded(&format!(r"(?i)\bstartdatum\W{{0,3}}{PERIOD_DATE}")).expect("valid regex")
});

/// A period after `cues`: "2023-09-01 – 2025-08-31", "20220930 – 20221231",
/// "oktober 2011 till och med juni 2012", "1 januari–31 mars 2024".
fn period_regex(cues: &str) -> WordRegex {
    let day_month = r"(?:\d{1,2}\s+)?(?:\p{L}+\.?\s+)?";
    WordRegex::bounded(&format!(
        r"(?i)\b{cues}\b[^\d\n]{{0,20}}?{day_month}{PERIOD_DATE}(?:\s*(?:–|—|-|till(?:\s+och\s+med)?)\s*{day_month}{PERIOD_DATE})?"
    ))
    .expect("valid regex")
}

/// A document's year with the line that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    /// The year.
    pub value: i32,
    /// The title or line it was read from.
    pub text: String,
    /// That line's page (1-based).
    pub page: u32,
}

/// The year of a document titled `title` made of `pages`; `looks_ahead` is
/// true for documents about the future (ansökan, projektplan, …).
pub fn document_year(pages: &[Page], title: &str, looks_ahead: bool) -> Option<Year> {
    let lines: Vec<(u32, &str)> = pages
        .iter()
        .flat_map(|p| p.lines.iter().map(move |l| (p.number, l.text.as_str())))
        .collect();
    let from_title = title_year(title, looks_ahead).map(|value| Year {
        value,
        text: title.to_string(),
        page: 1,
    });
    from_title
        .or_else(|| period_year(&lines, &REPORT_PERIOD, looks_ahead))
        .or_else(|| period_year(&lines, &INSATS_PERIOD, looks_ahead))
        .or_else(|| single_date_year(&lines, looks_ahead))
        .or_else(|| period_year_single(&lines, &REPORT_DATE))
        .or_else(|| voted_year(pages, &lines))
}

/// The years named in a title: the first for a document looking ahead,
/// else the last ("Utvärdering 2022–2024" is 2024).
fn title_year(title: &str, looks_ahead: bool) -> Option<i32> {
    let mut years = BARE_YEAR
        .find_iter(title)
        .filter(|m| !is_reference_number(title, m.end()))
        .filter_map(|m| m.as_str().parse::<i32>().ok())
        .filter(|y| YEARS.contains(y));
    if looks_ahead {
        years.next()
    } else {
        years.last()
    }
}

/// The first period `regex` finds: its start or its end year.
fn period_year(lines: &[(u32, &str)], regex: &WordRegex, looks_ahead: bool) -> Option<Year> {
    lines.iter().find_map(|&(page, line)| {
        let caps = regex.captures(line)?;
        let (start, end) = (caps.get(1)?, caps.get(2));
        let chosen = if looks_ahead {
            start
        } else {
            end.unwrap_or(start)
        };
        let value = chosen.as_str().parse::<i32>().ok()?;
        YEARS.contains(&value).then(|| Year {
            value,
            text: line.to_string(),
            page,
        })
    })
}

/// "Slutdatum: 2017-12-31" (or "Startdatum" for a document looking ahead).
fn single_date_year(lines: &[(u32, &str)], looks_ahead: bool) -> Option<Year> {
    let regex: &WordRegex = if looks_ahead { &START_DATE } else { &END_DATE };
    period_year_single(lines, regex)
}

fn period_year_single(lines: &[(u32, &str)], regex: &WordRegex) -> Option<Year> {
    lines.iter().find_map(|&(page, line)| {
        let value = regex.captures(line)?.get(1)?.as_str().parse::<i32>().ok()?;
        YEARS.contains(&value).then(|| Year {
            value,
            text: line.to_string(),
            page,
        })
    })
}

/// The year the dates of the text vote for, with the first line naming it.
fn voted_year(pages: &[Page], lines: &[(u32, &str)]) -> Option<Year> {
    let value = year(pages)?;
    let digits = value.to_string();
    let names_it = |line: &str| {
        BARE_YEAR
            .find_iter(line)
            .any(|m| m.as_str() == digits && !is_reference_number(line, m.end()))
    };
    let (page, text) = lines
        .iter()
        .find(|(_, l)| names_it(l))
        .map_or((1, digits.clone()), |&(p, l)| (p, l.to_string()));
    Some(Year { value, text, page })
}

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
            let year = caps.get(1).expect("group 1");
            vote(&mut votes, year.as_str(), whole.start(), DATE_WEIGHT);
        }
    }
    for caps in DIARIENUMMER.captures_iter(text) {
        let year = caps.get(1).expect("group 1");
        dated.push(year.range());
        vote(&mut votes, year.as_str(), year.start(), BARE_WEIGHT);
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

    fn year_of(lines: &[&str], title: &str, looks_ahead: bool) -> Option<i32> {
        let pages = [crate::document::test_support::page(1, lines)];
        document_year(&pages, title, looks_ahead).map(|y| y.value)
    }

    #[test]
    fn title_year_wins_over_the_adoption_date() {
        let lines = ["Årsredovisning 2023", "Fastställd av styrelsen 2024-02-29."];
        assert_eq!(year_of(&lines, "Årsredovisning 2023", false), Some(2023));
    }

    #[test]
    fn the_reported_period_decides() {
        let lines = [
            "Registreringsdatum",
            "Ankomst: 2023-01-13",
            "Kvartalsrapporten gäller för perioden 20220930 – 2022123",
        ];
        assert_eq!(year_of(&lines, "Kvartalsrapport", false), Some(2022));
        let lines = [
            "Insatsens löptid 2023-09-01 – 2025-08-31",
            "Rapporten avser perioden 2024-01-01 – 2024-03-31 (kvartal 1)",
        ];
        assert_eq!(year_of(&lines, "Kvartalsrapport", false), Some(2024));
    }

    #[test]
    fn periods_with_month_names() {
        let lines = ["Rapporten avser perioden januari–mars 2024."];
        assert_eq!(year_of(&lines, "Kvartalsrapport", false), Some(2024));
        let lines = [
            "Rapportperiod: oktober 2011 till och med juni 2012",
            "Startade 2011.",
        ];
        assert_eq!(year_of(&lines, "Lägesrapport", false), Some(2012));
        let lines = ["Insatsperiod 1 september 2022 – 31 augusti 2024"];
        assert_eq!(year_of(&lines, "Slutrapport", false), Some(2024));
        assert_eq!(year_of(&lines, "Ansökan", true), Some(2022));
    }

    #[test]
    fn insats_period_end_or_start() {
        let lines = [
            "Rapportdatum 2024-02-20",
            "Insatsperiod 2021-03-01 – 2023-12-31",
        ];
        assert_eq!(year_of(&lines, "Slutrapport", false), Some(2023));
        let lines = ["Inkom 2025-02-14", "Period 2025-05-01 – 2027-04-30"];
        assert_eq!(year_of(&lines, "Ansökan", true), Some(2025));
        let lines = [
            "Startdatum: 2015-09-01",
            "Slutdatum: 2017-12-31",
            "Uppsala 2018-01-31",
        ];
        assert_eq!(year_of(&lines, "Slutrapport", false), Some(2017));
    }

    #[test]
    fn the_report_date_beats_years_in_the_text() {
        let lines = [
            "**Datum:** 2012-06-14",
            "Projektet startade 2011. Under 2011 och 2011 rekryterades deltagare.",
        ];
        assert_eq!(year_of(&lines, "Projektrapport", false), Some(2012));
        let lines = [
            "Registreringsdatum",
            "Ankomst: 2023-01-13",
            "Arbetet under 2022.",
        ];
        assert_eq!(
            year_of(&lines, "Rapport", false),
            Some(2023),
            "votes decide"
        );
    }

    #[test]
    fn diarienummer_years_vote() {
        assert_eq!(year_of_text("Dnr 2024/11 · Fiktivt exempel"), Some(2024));
        assert_eq!(year_of_text("Dnr SNO 2024/031"), Some(2024));
    }

    #[test]
    fn no_date_gives_none() {
        assert_eq!(year_of_text("Ingen tidsangivelse här."), None);
        assert_eq!(year(&[]), None);
    }
}
