//! The primary report type: ansökan, delrapport, slutrapport, …
//!
//! Each type has cue phrases with weights in `data/report_types.toml`. Where a
//! cue stands matters more than how often: the file name and the title are
//! strong (a title "Slutrapport" is decisive, and in a title naming two types
//! the earlier one wins, so "Årsredovisning med verksamhetsberättelse" is an
//! årsredovisning), a line at the top of page 1 starting with a cue is
//! nearly as strong, and the body only adds a little per mention. A document
//! bundling a delrapport with its original application is therefore a
//! delrapport, because its title part comes first.

use serde::Deserialize;

use super::error::{Result, invalid, parse_toml};
use super::normalize::{PhraseMatch, PhraseMatcher, normalize, phrase_matcher};
use super::view::TextView;

const FILE: &str = "report_types.toml";

/// Zone multipliers and the decision threshold.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Zones {
    file_name: f64,
    title_first: f64,
    title_other: f64,
    head_line_start: f64,
    head_line_inside: f64,
    body: f64,
    body_max_mentions: usize,
    min_score: f64,
}

/// What makes a line open a bundled part ("PROJEKTANSÖKAN" after a delrapport).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartSettings {
    max_words: usize,
    min_weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cue {
    phrase: String,
    weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeEntry {
    name: String,
    #[serde(default)]
    looks_ahead: bool,
    #[serde(default)]
    about_forbund: bool,
    cues: Vec<Cue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypesFile {
    zones: Zones,
    parts: PartSettings,
    #[serde(rename = "type")]
    types: Vec<TypeEntry>,
}

/// One report type with its compiled cues.
#[derive(Debug)]
struct ReportType {
    name: String,
    looks_ahead: bool,
    about_forbund: bool,
    regex: PhraseMatcher,
    /// (normalised phrase, weight)
    cues: Vec<(String, f64)>,
}

impl ReportType {
    /// (offset, weight) of every cue in `text`.
    fn mentions<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, f64)> + 'a {
        self.regex
            .find_iter(text)
            .map(|m| (m.start(), self.weight_of(m.as_str())))
    }

    /// The weight of cue `phrase` (0.0 for none of this type's).
    fn weight_of(&self, phrase: &str) -> f64 {
        self.cues
            .iter()
            .find(|(p, _)| p == phrase)
            .map_or(0.0, |&(_, w)| w)
    }

    /// The heaviest cue in `text`, 0.0 when none.
    fn best_in(&self, text: &str) -> f64 {
        self.mentions(text).map(|(_, w)| w).fold(0.0, f64::max)
    }
}

/// Classifies documents into report types.
#[derive(Debug)]
pub struct ReportTypeClassifier {
    zones: Zones,
    parts: PartSettings,
    types: Vec<ReportType>,
    /// Every type's cues, one list per type, to read a body in one pass.
    cues: PhraseMatcher,
}

impl ReportTypeClassifier {
    /// Parses and compiles `report_types.toml`.
    pub fn from_toml(text: &str) -> Result<ReportTypeClassifier> {
        let file: TypesFile = parse_toml(FILE, text)?;
        let types = file
            .types
            .into_iter()
            .map(compile)
            .collect::<Result<Vec<_>>>()?;
        let lists: Vec<Vec<(String, bool)>> = types
            .iter()
            .map(|t| t.cues.iter().map(|(p, _)| (p.clone(), false)).collect())
            .collect();
        let cues = PhraseMatcher::of_lists(&lists).map_err(|e| invalid(FILE, e.to_string()))?;
        Ok(ReportTypeClassifier {
            zones: file.zones,
            parts: file.parts,
            types,
            cues,
        })
    }

    /// True when documents of type `name` are about the future (an ansökan
    /// names the years it asks money for).
    pub fn looks_ahead(&self, name: Option<&str>) -> bool {
        self.types
            .iter()
            .any(|t| Some(t.name.as_str()) == name && t.looks_ahead)
    }

    /// True when documents of type `name` are about a förbund as a whole
    /// (verksamhetsplan, årsredovisning), not about one project.
    pub fn about_forbund(&self, name: Option<&str>) -> bool {
        self.types
            .iter()
            .any(|t| Some(t.name.as_str()) == name && t.about_forbund)
    }

    /// True when the normalised `text` holds a cue of type `name`.
    pub fn cue_in(&self, name: &str, text: &str) -> bool {
        self.types
            .iter()
            .any(|t| t.name == name && t.regex.is_match(text))
    }

    /// The type a short line names outright, as a bundled part's first line
    /// does ("PROJEKTANSÖKAN", "Ansökan om medel"): the normalised `line`
    /// opens with a heavy cue and has few words.
    pub fn named_by_line(&self, line: &str) -> Option<&str> {
        if line.split(' ').count() > self.parts.max_words {
            return None;
        }
        self.types.iter().find_map(|t| {
            let (offset, weight) = t.mentions(line).next()?;
            (offset == 0 && weight >= self.parts.min_weight).then_some(t.name.as_str())
        })
    }

    /// The primary type of the document at `path` titled `title`, or `None`.
    pub fn classify(&self, path: &str, title: &str, view: &TextView) -> Option<String> {
        let title = normalize(title);
        let name = normalize(path);
        let first_in_title = self.first_in(&title);
        let body = self.cues.find_each(&view.text);
        let scores = self
            .types
            .iter()
            .zip(&body)
            .enumerate()
            .map(|(i, (t, body))| {
                let title_zone = if first_in_title == Some(i) {
                    self.zones.title_first
                } else {
                    self.zones.title_other
                };
                let score = self.zones.file_name * t.best_in(&name)
                    + title_zone * t.best_in(&title)
                    + self.head_score(t, &title, view)
                    + self.body_score(t, body);
                (i, score)
            });
        let (best, score) = scores.max_by(|a, b| a.1.total_cmp(&b.1))?;
        (score >= self.zones.min_score).then(|| self.types[best].name.clone())
    }

    /// The type whose cue stands earliest in `title`.
    fn first_in(&self, title: &str) -> Option<usize> {
        let firsts = self
            .types
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.regex.find(title).map(|m| (m.start(), i)));
        firsts.min().map(|(_, i)| i)
    }

    /// Lines at the top of page 1 (other than the title): a line opening
    /// with a cue is strong, a cue inside a line is weak.
    fn head_score(&self, t: &ReportType, title: &str, view: &TextView) -> f64 {
        let lines = view.head.iter().filter(|l| l.as_str() != title);
        let per_line = lines.filter_map(|line| {
            let (offset, weight) = t.mentions(line).next()?;
            let zone = if offset == 0 {
                self.zones.head_line_start
            } else {
                self.zones.head_line_inside
            };
            Some(zone * weight)
        });
        per_line.fold(0.0, f64::max)
    }

    /// The body's first mentions of `t`'s cues (`mentions`, in order).
    fn body_score(&self, t: &ReportType, mentions: &[PhraseMatch]) -> f64 {
        let weights = mentions
            .iter()
            .map(|m| t.weight_of(m.as_str()))
            .take(self.zones.body_max_mentions);
        self.zones.body * weights.sum::<f64>()
    }
}

fn compile(entry: TypeEntry) -> Result<ReportType> {
    if entry.cues.is_empty() {
        return Err(invalid(FILE, format!("type '{}' has no cues", entry.name)));
    }
    let cues: Vec<(String, f64)> = entry
        .cues
        .iter()
        .map(|c| (normalize(&c.phrase), c.weight))
        .collect();
    let regex = phrase_matcher(cues.iter().map(|(p, _)| p.as_str()), false)
        .map_err(|e| invalid(FILE, format!("type '{}': {e}", entry.name)))?;
    Ok(ReportType {
        name: entry.name,
        looks_ahead: entry.looks_ahead,
        about_forbund: entry.about_forbund,
        regex,
        cues,
    })
}

#[cfg(test)]
mod tests {
    use crate::document::{Line, Page};
    use crate::metadata::Labeler;

    fn type_of(path: &str, lines: &[&str]) -> Option<String> {
        let page = Page {
            number: 1,
            lines: lines.iter().map(|l| Line::plain(*l)).collect(),
        };
        Labeler::shared().label(path, &[page]).report_type
    }

    #[test]
    fn title_line_is_decisive() {
        assert_eq!(
            type_of(
                "a.pdf",
                &[
                    "Slutrapport",
                    "Insatsens namn",
                    "Ansökan om medel beviljades 2016."
                ]
            )
            .as_deref(),
            Some("slutrapport")
        );
        assert_eq!(
            type_of("a.pdf", &["Kvartalsrapport", "Insats för samverkansmedel"]).as_deref(),
            Some("kvartalsrapport")
        );
    }

    #[test]
    fn earliest_type_in_title_wins() {
        let lines = [
            "Årsredovisning med verksamhetsberättelse 2011",
            "Förvaltningsberättelse",
        ];
        assert_eq!(type_of("a.pdf", &lines).as_deref(), Some("årsredovisning"));
        let lines = ["Verksamhetsplan och budget 2014"];
        assert_eq!(type_of("a.pdf", &lines).as_deref(), Some("verksamhetsplan"));
    }

    #[test]
    fn lagesrapport_is_a_delrapport() {
        assert_eq!(
            type_of("a.pdf", &["Leva Livet", "Lägesrapport jan–juni"]).as_deref(),
            Some("delrapport")
        );
    }

    #[test]
    fn bundled_application_after_a_delrapport_does_not_win() {
        let mut lines = vec!["Projekt SAM Delrapport juni 2012", "Sammanfattning"];
        lines.extend([
            "Projektansökan",
            "Ansökan om medel",
            "Ansökan om medel för projekt",
        ]);
        assert_eq!(type_of("a.pdf", &lines).as_deref(), Some("delrapport"));
    }

    #[test]
    fn file_name_alone_decides() {
        assert_eq!(
            type_of(
                "2019/slutrapport_resan.pdf",
                &["Resan", "Text om insatsen."]
            )
            .as_deref(),
            Some("slutrapport")
        );
        assert_eq!(
            type_of("vp-och-budget/verksamhetsplan-2020.pdf", &["Innehåll"]).as_deref(),
            Some("verksamhetsplan")
        );
    }

    #[test]
    fn no_cue_gives_none() {
        assert_eq!(
            type_of(
                "dokument.pdf",
                &["Protokoll från mötet", "Närvarande: styrelsen"]
            ),
            None
        );
    }

    #[test]
    fn passing_body_mentions_are_not_enough() {
        let lines = [
            "Inbjudan till seminarium",
            "Vi presenterar en utvärdering och en förstudie.",
        ];
        assert_eq!(type_of("inbjudan.pdf", &lines), None);
    }
}
