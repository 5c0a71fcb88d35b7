//! Which target groups (målgrupper) a document is about.
//!
//! Each group in `data/malgrupp.toml` has terms (stems matched at a word
//! start, so "nollplacerad" also finds "nollplacerade") and weak terms that
//! only hint at it ("försörjningsstöd" for long-term försörjningsstöd). A
//! document is *about* a group, not merely mentioning it, when
//! - a term stands in its title, or
//! - a term stands in its målgrupp statement: the lines that open with
//!   "Målgrupp…" ("Målgruppen är unga vuxna …", a "4. Målgrupp" heading and
//!   its paragraph, "Målgrupp: …" of each insats in an annual report); in a
//!   form with check boxes only the ticked lines count, or
//! - its mentions add up to the group's threshold; a mention close to
//!   "målgrupp" counts extra, a weak term in a statement counts more.
//!
//! One passing mention is never enough. A group can imply another
//! (nollplacerade are sjukskrivna without SGI).

use serde::Deserialize;

use super::error::{Result, invalid, parse_toml};
use super::evidence::Sentences;
use super::normalize::{PhraseMatch, PhraseMatcher, normalize, phrase_matcher};
use super::statement::{Statement, StatementReader};
use super::view::TextView;
use crate::document::Page;

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
    statement_phrases: Vec<String>,
    statement_words: usize,
    statement_max_chars: usize,
    statement_weight: f64,
    checkbox_marks: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupEntry {
    name: String,
    terms: Vec<String>,
    #[serde(default)]
    weak_terms: Vec<String>,
    min_score: Option<f64>,
    #[serde(default)]
    implies: Vec<String>,
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
    regex: PhraseMatcher,
    /// Strong terms only, for titles and statements.
    strong: PhraseMatcher,
    weak_terms: Vec<String>,
    min_score: f64,
    implies: Vec<usize>,
}

/// A group a document is about, with the sentence that shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The group's name, the facet value.
    pub name: String,
    /// The title, statement line or sentence that named the group.
    pub text: String,
    /// Its page (1-based).
    pub page: u32,
}

/// Detects the target groups of documents.
#[derive(Debug)]
pub struct MalgruppDetector {
    settings: Settings,
    context: PhraseMatcher,
    statements: StatementReader,
    groups: Vec<Group>,
    /// Every group's terms, one list per group, to read a text in one pass.
    terms: PhraseMatcher,
}

impl MalgruppDetector {
    /// Parses and compiles `malgrupp.toml`.
    pub fn from_toml(text: &str) -> Result<MalgruppDetector> {
        let file: GroupsFile = parse_toml(FILE, text)?;
        let context = compile_terms("context_phrases", &file.settings.context_phrases)?;
        let settings = &file.settings;
        let statements = StatementReader::new(
            compile_terms("statement_phrases", &settings.statement_phrases)?,
            settings.statement_words,
            settings.statement_max_chars,
            &settings.checkbox_marks,
        );
        let names: Vec<String> = file.group.iter().map(|g| g.name.clone()).collect();
        let lists: Vec<Vec<(String, bool)>> = file
            .group
            .iter()
            .map(|g| {
                let all = g.terms.iter().chain(&g.weak_terms);
                all.map(|t| (normalize(t), false)).collect()
            })
            .collect();
        let terms = PhraseMatcher::of_lists(&lists).map_err(|e| invalid(FILE, e.to_string()))?;
        let min_score = file.settings.min_score;
        let groups = file
            .group
            .into_iter()
            .map(|g| compile(g, min_score, &names))
            .collect::<Result<Vec<_>>>()?;
        Ok(MalgruppDetector {
            settings: file.settings,
            context,
            statements,
            groups,
            terms,
        })
    }

    /// The groups the document is about, in data-file order, each with its
    /// evidence. `title` is its title, `view` its normalised text,
    /// `sentences` its sentences.
    pub fn detect(
        &self,
        title: &str,
        pages: &[Page],
        view: &TextView,
        sentences: &Sentences,
    ) -> Vec<Found> {
        let normal_title = normalize(title);
        let statements = self.statements.read(pages);
        let context: Vec<usize> = self
            .context
            .find_iter(&view.text)
            .map(|m| m.start())
            .collect();
        let mentions = self.terms.find_each(&view.text);
        let mut found: Vec<Option<Found>> = self
            .groups
            .iter()
            .zip(&mentions)
            .map(|(g, mentions)| {
                if g.strong.is_match(&normal_title) {
                    return Some(found(g, title, 1));
                }
                if let Some(s) = statements.iter().find(|s| names(g, s)) {
                    return Some(found(g, &s.text, s.page));
                }
                let score =
                    self.score(g, mentions, &context) + self.statement_score(g, &statements);
                (score >= g.min_score).then(|| first_mention(g, sentences, title))
            })
            .collect();
        self.add_implied(&mut found);
        found.into_iter().flatten().collect()
    }

    /// Groups implied by found ones, with the implying group's evidence.
    fn add_implied(&self, found: &mut [Option<Found>]) {
        for (i, group) in self.groups.iter().enumerate() {
            let Some(source) = found[i].clone() else {
                continue;
            };
            for &j in &group.implies {
                if found[j].is_none() {
                    found[j] = Some(Found {
                        name: self.groups[j].name.clone(),
                        ..source.clone()
                    });
                }
            }
        }
    }

    /// Sum of the weights of `group`'s `mentions`; mentions near a context
    /// phrase count extra.
    fn score(&self, group: &Group, mentions: &[PhraseMatch], context: &[usize]) -> f64 {
        let s = &self.settings;
        let near = |at: usize| context.iter().any(|&c| c.abs_diff(at) <= s.context_window);
        mentions
            .iter()
            .map(|m| {
                let bonus = if near(m.start()) {
                    s.context_bonus
                } else {
                    0.0
                };
                self.weight(group, m.as_str()) * (1.0 + bonus)
            })
            .sum()
    }

    /// Weak terms in statements count `statement_weight` times more.
    fn statement_score(&self, group: &Group, statements: &[Statement]) -> f64 {
        let extra = self.settings.statement_weight - 1.0;
        statements
            .iter()
            .filter(|s| !s.checkbox)
            .flat_map(|s| &s.items)
            .flat_map(|item| group.regex.find_iter(item))
            .map(|m| extra * self.weight(group, m.as_str()))
            .sum()
    }

    fn weight(&self, group: &Group, term: &str) -> f64 {
        if group.weak_terms.iter().any(|w| w == term) {
            self.settings.weak_weight
        } else {
            1.0
        }
    }
}

/// True when `statement` names `group`: a strong term in its sentence, or
/// any term opening a ticked item of a form.
fn names(group: &Group, statement: &Statement) -> bool {
    statement.items.iter().any(|item| {
        if statement.checkbox {
            group.regex.find(item).is_some_and(|m| m.start() == 0)
        } else {
            group.strong.is_match(item)
        }
    })
}

fn found(group: &Group, text: &str, page: u32) -> Found {
    Found {
        name: group.name.clone(),
        text: text.to_string(),
        page,
    }
}

/// The first sentence naming `group` (strong terms preferred).
fn first_mention(group: &Group, sentences: &Sentences, title: &str) -> Found {
    let sentence = sentences
        .first(|n| group.strong.is_match(n))
        .or_else(|| sentences.first(|n| group.regex.is_match(n)));
    match sentence {
        Some(s) => found(group, &s.raw, s.page),
        None => found(group, title, 1),
    }
}

fn compile(entry: GroupEntry, default_min: f64, names: &[String]) -> Result<Group> {
    if entry.terms.is_empty() {
        return Err(invalid(
            FILE,
            format!("group '{}' has no terms", entry.name),
        ));
    }
    let implies = entry
        .implies
        .iter()
        .map(|n| {
            names.iter().position(|m| m == n).ok_or_else(|| {
                invalid(
                    FILE,
                    format!("group '{}' implies unknown '{n}'", entry.name),
                )
            })
        })
        .collect::<Result<Vec<_>>>()?;
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
        implies,
        name: entry.name,
    })
}

fn compile_terms(what: &str, terms: &[String]) -> Result<PhraseMatcher> {
    let normal: Vec<String> = terms.iter().map(|t| normalize(t)).collect();
    phrase_matcher(normal.iter().map(String::as_str), false)
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
        // Nollplacerade are sjukskrivna without SGI: the one implies the other.
        assert_eq!(
            groups_of(&["Metodimplementering kring nollplacerade", FILLER]),
            ["nollplacerade", "sjukskrivna"]
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
    fn the_malgrupp_statement_names_what_the_document_is_about() {
        let text = [
            "Slutrapport",
            "4. Målgrupp",
            "Målgruppen var unga vuxna med psykisk ohälsa eller NPF. Några hade missbruk.",
            FILLER,
        ];
        assert_eq!(
            groups_of(&text),
            ["unga", "psykisk ohälsa", "funktionsnedsättning"]
        );
    }

    #[test]
    fn only_ticked_boxes_count() {
        let text = [
            "Kvartalsrapport",
            "MÅLGRUPP (FLERA VAL MÖJLIGA)",
            "X Missbruk/beroende",
            "X Långvarigt försörjningsstöd",
            "Unga 16–29",
            "Sjukskrivna",
            FILLER,
        ];
        assert_eq!(
            groups_of(&text),
            ["långvarigt försörjningsstöd", "missbruk"]
        );
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
