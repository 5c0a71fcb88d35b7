//! Resolving a reference to the corpus document it names.
//!
//! A reference names a document when it names the document's report type
//! (or a bundled part's) and identifies it: by a name its project goes by
//! (every word of it; a one-word name written as a name, with a capital), by
//! its diarienummer, or — for a report about a
//! förbund as a whole (verksamhetsplan, årsredovisning …) — by the förbund
//! and the exact year. Nothing it says may disagree: a förbund it names must
//! be the document's (one no list knows agrees with none), a year it names
//! must be the document's (or one off,
//! for a project's report, which is often cited by the year it was written
//! or published). Among the documents it names, the one it identifies by the
//! most (longest name, diarienummer, förbund, exact year) wins; equals name
//! none.

use super::cited::Cited;
use crate::corpus::Features;
use crate::corpus::data::is_about_forbund;
use std::collections::{BTreeSet, HashMap};

/// A document a reference may name.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// What the corpus stage read off it.
    pub features: &'a Features,
    /// The name keys its project goes by (every way its reports write the
    /// name, see [`crate::corpus::projects::name_key`]), or its own.
    pub names: Vec<String>,
}

/// The documents references may name, indexed by what identifies them.
#[derive(Debug)]
pub struct Catalogue<'a> {
    candidates: Vec<Candidate<'a>>,
    by_word: HashMap<String, Vec<usize>>,
    by_number: HashMap<String, Vec<usize>>,
    by_forbund: HashMap<String, Vec<usize>>,
}

impl<'a> Catalogue<'a> {
    /// Indexes `candidates` by their names' longest words, their
    /// diarienummer and (for reports about a förbund) their förbund.
    pub fn new(candidates: Vec<Candidate<'a>>) -> Catalogue<'a> {
        let mut catalogue = Catalogue {
            candidates: Vec::new(),
            by_word: HashMap::new(),
            by_number: HashMap::new(),
            by_forbund: HashMap::new(),
        };
        for (i, candidate) in candidates.iter().enumerate() {
            for name in &candidate.names {
                let longest = name.split(' ').max_by_key(|w| w.len()).unwrap_or_default();
                catalogue
                    .by_word
                    .entry(longest.to_string())
                    .or_default()
                    .push(i);
            }
            for number in &candidate.features.diarienummer {
                catalogue
                    .by_number
                    .entry(number.clone())
                    .or_default()
                    .push(i);
            }
            let summary = &candidate.features.summary;
            if is_about_forbund(&summary.report_type) {
                catalogue
                    .by_forbund
                    .entry(summary.forbund.clone())
                    .or_default()
                    .push(i);
            }
        }
        catalogue.candidates = candidates;
        catalogue
    }

    /// The document (index among the candidates) `reference` names, if it
    /// names exactly one; `own` is the citing document, never its own reference.
    pub fn resolve(&self, reference: &str, own: usize) -> Option<usize> {
        let cited = Cited::of(reference);
        if cited.types.is_empty() || cited.unknown_forbund {
            return None;
        }
        let mut best: Option<(usize, u32)> = None;
        let mut tied = false;
        for i in self.possible(&cited).into_iter().filter(|&i| i != own) {
            let Some(score) = score(&cited, &self.candidates[i]) else {
                continue;
            };
            match best {
                Some((_, top)) if score < top => {}
                Some((_, top)) if score == top => tied = true,
                _ => {
                    best = Some((i, score));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied).map(|(i, _)| i)
    }

    /// Candidates sharing a name word, a diarienummer or a förbund with `cited`.
    fn possible(&self, cited: &Cited) -> BTreeSet<usize> {
        let words = cited.words.iter().filter_map(|w| self.by_word.get(w));
        let numbers = cited
            .diarienummer
            .iter()
            .filter_map(|n| self.by_number.get(n));
        let forbund = cited.forbund.iter().filter_map(|f| self.by_forbund.get(f));
        words
            .chain(numbers)
            .chain(forbund)
            .flatten()
            .copied()
            .collect()
    }
}

/// How much `cited` identifies `candidate` by, or `None` when it does not
/// name it (see the module's rules).
fn score(cited: &Cited, candidate: &Candidate) -> Option<u32> {
    let summary = &candidate.features.summary;
    let typed = cited
        .types
        .iter()
        .any(|t| *t == summary.report_type || summary.part_types.contains(t));
    if !typed || (!cited.forbund.is_empty() && !cited.forbund.contains(&summary.forbund)) {
        return None;
    }
    let about_forbund = is_about_forbund(&summary.report_type);
    if !years_agree(&cited.years, summary.year, about_forbund) {
        return None;
    }
    let name = candidate
        .names
        .iter()
        .filter(|n| cited.names(n))
        .map(|n| n.split(' ').count() as u32)
        .max();
    let forbund_named = cited.forbund.contains(&summary.forbund);
    let numbered = candidate
        .features
        .diarienummer
        .iter()
        .filter(|d| cited.diarienummer.contains(d))
        .any(|d| forbund_named || d.chars().any(char::is_alphabetic));
    let exact_year = summary.year.is_some_and(|y| cited.years.contains(&y));
    let identified = name.is_some() || numbered || (about_forbund && forbund_named && exact_year);
    identified.then(|| {
        2 * name.unwrap_or(0)
            + 4 * u32::from(numbered)
            + 2 * u32::from(forbund_named)
            + u32::from(exact_year)
    })
}

/// True when the years a reference names allow the document's year: any of
/// them is it (`exact`) or one off; no years, or no year of the document,
/// allow all.
fn years_agree(years: &[i32], year: Option<i32>, exact: bool) -> bool {
    let Some(year) = year else {
        return true;
    };
    let slack = if exact { 0 } else { 1 };
    years.is_empty() || years.iter().any(|y| (y - year).abs() <= slack)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Summary;

    fn document(kind: &str, project: Option<&str>, forbund: &str, year: i32) -> Features {
        Features {
            summary: Summary {
                report_type: kind.into(),
                project: project.map(str::to_string),
                forbund: forbund.into(),
                year: Some(year),
                ..Summary::default()
            },
            ..Features::default()
        }
    }

    fn catalogue(documents: &[Features]) -> Catalogue<'_> {
        let candidates = documents
            .iter()
            .map(|d| Candidate {
                features: d,
                names: d
                    .summary
                    .project
                    .as_deref()
                    .and_then(crate::corpus::projects::name_key)
                    .into_iter()
                    .collect(),
            })
            .collect();
        Catalogue::new(candidates)
    }

    const GAVLEBORG: &str = "Samordningsförbundet Gävleborg";
    const HALLAND: &str = "Samordningsförbundet Halland";

    #[test]
    fn a_reference_is_resolved_by_type_name_year_and_forbund() {
        let docs = [
            document("ansökan", Some("KLIV"), GAVLEBORG, 2023),
            document("kvartalsrapport", Some("KLIV"), GAVLEBORG, 2024),
            document("slutrapport", Some("Steget"), HALLAND, 2024),
        ];
        let catalogue = catalogue(&docs);
        let find = |entry: &str| catalogue.resolve(entry, usize::MAX);
        assert_eq!(
            find("Ansökan om samverkansmedel – KLIV, Bollnäs kommun, inkom 2023-05-15."),
            Some(0)
        );
        assert_eq!(
            find("Kvartalsrapport KLIV, kvartal 1 2024 (Samordningsförbundet Gävleborg)"),
            Some(1)
        );
        assert_eq!(
            find("Slutrapport KLIV 2019"),
            None,
            "no slutrapport of KLIV"
        );
        assert_eq!(find("Kvartalsrapport KLIV 2019"), None, "another year");
        assert_eq!(
            find("ISF Rapport 2023:6. Unga med aktivitetsersättning"),
            None
        );
        assert_eq!(
            find("Samordningsförbundet Skåne: Slutrapport Steget 2024"),
            None,
            "another förbund"
        );
        assert_eq!(find("Slutrapport Steget 2024"), Some(2));
        assert_eq!(
            catalogue.resolve("Slutrapport Steget 2024", 2),
            None,
            "its own"
        );
    }

    #[test]
    fn a_report_about_a_forbund_is_named_by_forbund_and_exact_year() {
        let docs = [
            document("verksamhetsplan", None, GAVLEBORG, 2024),
            document("verksamhetsplan", None, GAVLEBORG, 2025),
            document("årsredovisning", None, HALLAND, 2023),
        ];
        let catalogue = catalogue(&docs);
        let find = |entry: &str| catalogue.resolve(entry, usize::MAX);
        assert_eq!(
            find("Samordningsförbundet Gävleborg: Verksamhetsplan och budget 2024."),
            Some(0)
        );
        assert_eq!(
            find("Samordningsförbundet Gävleborg: Verksamhetsplan 2023"),
            None
        );
        assert_eq!(find("Verksamhetsplan och budget 2024"), None, "whose?");
        assert_eq!(
            find("Samordningsförbundet Halland: Verksamhetsplan 2023"),
            None
        );
        assert_eq!(
            find("Samordningsförbundet Halland, Årsredovisning 2023"),
            Some(2)
        );
    }

    #[test]
    fn a_diarienummer_identifies_and_split_words_are_read_joined() {
        let mut application = document("ansökan", Some("Sökt belopp"), "F", 2024);
        application.diarienummer = vec!["SFUL2024/112".into()];
        let mut plan = document("projektplan", None, "G", 2022);
        plan.diarienummer = vec!["2022/05".into()];
        let docs = [application, plan];
        let catalogue = catalogue(&docs);
        assert_eq!(
            catalogue.resolve("A nsökan om insatsmedel, D nr SFUL 2024/112.", usize::MAX),
            Some(0)
        );
        assert_eq!(
            catalogue.resolve("Projektplan, Dnr 2022/05", usize::MAX),
            None,
            "a bare number without its förbund is too common"
        );
    }

    #[test]
    fn two_documents_named_equally_are_neither() {
        let docs = [
            document("kvartalsrapport", Some("Vändpunkten"), "F", 2024),
            document("kvartalsrapport", Some("Vändpunkten"), "F", 2024),
        ];
        let catalogue = catalogue(&docs);
        assert_eq!(
            catalogue.resolve("Kvartalsrapport Vändpunkten 2024", usize::MAX),
            None
        );
    }
}
