//! Which target groups (målgrupper) a document is about.
//!
//! Each group in `data/malgrupp.toml` has terms (stems matched at a word
//! start, so "nollplacerad" also finds "nollplacerade") and weak terms that
//! only hint at it ("försörjningsstöd" for long-term försörjningsstöd). A
//! document is about a group when a term stands in its title or a heading,
//! or when the mentions add up to the group's threshold; a mention close to
//! "målgrupp" counts extra. One passing mention is never enough.

use regex::Regex;
use serde::Deserialize;

use super::error::{Result, invalid, parse_toml};
use super::normalize::{normalize, phrase_regex};
use super::view::TextView;

const FILE: &str = "malgrupp.toml";

/// Thresholds shared by all groups.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    min_score: f64,
    weak_weight: f64,
    context_phrases: Vec<String>,
    context_window: usize,
    context_bonus: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupEntry {
    name: String,
    terms: Vec<String>,
    #[serde(default)]
    weak_terms: Vec<String>,
    min_score: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    settings: Settings,
    group: Vec<GroupEntry>,
}

#[derive(Debug)]
struct Group {
    name: String,
    /// All terms, strong and weak.
    regex: Regex,
    /// Strong terms only, for titles and headings.
    strong: Regex,
    weak_terms: Vec<String>,
    min_score: f64,
}

/// Detects the target groups of documents.
#[derive(Debug)]
pub struct MalgruppDetector {
    settings: Settings,
    context: Regex,
    groups: Vec<Group>,
}

impl MalgruppDetector {
    /// Parses and compiles `malgrupp.toml`.
    pub fn from_toml(text: &str) -> Result<MalgruppDetector> {
        let file: GroupsFile = parse_toml(FILE, text)?;
        let context = compile_terms("context_phrases", &file.settings.context_phrases)?;
        let min_score = file.settings.min_score;
        let groups = file
            .group
            .into_iter()
            .map(|g| compile(g, min_score))
            .collect::<Result<Vec<_>>>()?;
        Ok(MalgruppDetector {
            settings: file.settings,
            context,
            groups,
        })
    }

    /// The groups `view` (titled `title`) is about, in data-file order.
    pub fn detect(&self, title: &str, view: &TextView) -> Vec<String> {
        let title = normalize(title);
        let context: Vec<usize> = self
            .context
            .find_iter(&view.text)
            .map(|m| m.start())
            .collect();
        let in_heading = |g: &Group| {
            g.strong.is_match(&title) || view.headings.iter().any(|h| g.strong.is_match(h))
        };
        self.groups
            .iter()
            .filter(|g| in_heading(g) || self.score(g, &view.text, &context) >= g.min_score)
            .map(|g| g.name.clone())
            .collect()
    }

    /// Sum of mention weights; mentions near a context phrase count extra.
    fn score(&self, group: &Group, text: &str, context: &[usize]) -> f64 {
        let s = &self.settings;
        let near = |at: usize| context.iter().any(|&c| c.abs_diff(at) <= s.context_window);
        group
            .regex
            .find_iter(text)
            .map(|m| {
                let weight = if group.weak_terms.iter().any(|w| w == m.as_str()) {
                    s.weak_weight
                } else {
                    1.0
                };
                let bonus = if near(m.start()) {
                    s.context_bonus
                } else {
                    0.0
                };
                weight * (1.0 + bonus)
            })
            .sum()
    }
}

fn compile(entry: GroupEntry, default_min: f64) -> Result<Group> {
    if entry.terms.is_empty() {
        return Err(invalid(
            FILE,
            format!("group '{}' has no terms", entry.name),
        ));
    }
    let weak_terms: Vec<String> = entry.weak_terms.iter().map(|t| normalize(t)).collect();
    let all: Vec<String> = entry
        .terms
        .iter()
        .cloned()
        .chain(entry.weak_terms)
        .collect();
    Ok(Group {
        regex: compile_terms(&entry.name, &all)?,
        strong: compile_terms(&entry.name, &entry.terms)?,
        weak_terms,
        min_score: entry.min_score.unwrap_or(default_min),
        name: entry.name,
    })
}

fn compile_terms(what: &str, terms: &[String]) -> Result<Regex> {
    let normal: Vec<String> = terms.iter().map(|t| normalize(t)).collect();
    phrase_regex(normal.iter().map(String::as_str), false)
        .map_err(|e| invalid(FILE, format!("{what}: {e}")))
}

#[cfg(test)]
mod tests {
    use crate::document::{Line, Page};
    use crate::metadata::Labeler;

    fn groups_of(lines: &[&str]) -> Vec<String> {
        let page = Page {
            number: 1,
            lines: lines.iter().map(|l| Line::plain(*l)).collect(),
        };
        Labeler::shared().label("x.pdf", &[page]).malgrupp
    }

    const FILLER: &str = "Insatsen bygger på samverkan mellan parterna och följs upp av styrelsen.";

    #[test]
    fn one_passing_mention_does_not_label() {
        let text = [
            "Verksamhetsplan 2020",
            FILLER,
            "Bland deltagarna fanns även några nyanlända.",
            FILLER,
        ];
        assert!(groups_of(&text).is_empty());
    }

    #[test]
    fn repeated_mentions_label() {
        let text = [
            "Rapport",
            "Projektet vänder sig till nyanlända kvinnor.",
            FILLER,
            "Många nyanlända saknar nätverk.",
            "För nyanlända är språket en nyckel.",
        ];
        assert_eq!(groups_of(&text), ["nyanlända"]);
    }

    #[test]
    fn title_mention_labels_and_stems_match_inflections() {
        assert_eq!(
            groups_of(&["Metodimplementering kring nollplacerade", FILLER]),
            ["nollplacerade"]
        );
    }

    #[test]
    fn mentions_near_malgrupp_count_extra() {
        let text = [
            "Rapport",
            "Målgruppen är unga vuxna 18-29 år.",
            FILLER,
            FILLER,
        ];
        assert_eq!(groups_of(&text), ["unga"]);
    }

    #[test]
    fn weak_terms_alone_need_many_mentions() {
        let text = [
            "Rapport",
            "Försörjningsstöd betalas ut.",
            FILLER,
            "Försörjningsstöd är ett bistånd.",
        ];
        assert!(groups_of(&text).is_empty());
    }
}
