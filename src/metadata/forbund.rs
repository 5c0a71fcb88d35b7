//! Which samordningsförbund a document belongs to.
//!
//! Evidence is scored from `data/forbund.toml`. A förbund's name or alias
//! ("Samordningsförbundet Gävleborg", "Finsam Gävleborg") and its web or
//! e-mail domain are strong evidence. A member named as "Söderhamns kommun",
//! "Västerås stad" or "Region Gävleborg" is weak evidence: it is used only
//! when no name or domain is found, and only when that member belongs to
//! exactly one förbund. Each mention counts more on page 1 and the earlier it
//! stands, so the sender named in the title block and contact details
//! outweighs förbund cited in passing ("Ansökan om medel från Finsam Lund" in
//! a reference list). No clear winner means `None`.

use std::collections::HashMap;

use regex::Regex;
use serde::Deserialize;

use super::error::{Result, invalid, parse_toml};
use super::normalize::{normalize, phrase_regex};
use super::view::TextView;

const FILE: &str = "forbund.toml";

/// One samordningsförbund as described in the data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forbund {
    /// Canonical name, the facet value ("Samordningsförbundet Gävleborg").
    pub name: String,
    /// The place part of the name; expanded into aliases by the name patterns.
    pub short: String,
    /// Further names and spellings in use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Web and e-mail domains ("finsamgavleborg.se").
    #[serde(default)]
    pub domains: Vec<String>,
    /// The län the förbund lies in.
    pub lan: String,
    /// Member kommuner as in "X kommun", without the genitive s.
    #[serde(default)]
    pub municipalities: Vec<String>,
    /// Member regions as written in running text ("Region Gävleborg").
    #[serde(default)]
    pub regions: Vec<String>,
    /// Where the entry comes from.
    pub source: String,
    /// True when the name was seen in the cited source.
    pub verified: bool,
}

/// Weights of the evidence and the decision thresholds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scoring {
    name_weight: f64,
    domain_weight: f64,
    member_weight: f64,
    first_page_bonus: f64,
    title_lines: usize,
    title_bonus: f64,
    head_chars: usize,
    head_bonus: f64,
    min_strong_score: f64,
    min_weak_score: f64,
    min_ratio: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ForbundFile {
    scoring: Scoring,
    name_patterns: Vec<String>,
    forbund: Vec<Forbund>,
}

/// What a matched phrase points at: the förbund it names and how much it weighs.
type Targets = HashMap<String, (Vec<usize>, f64)>;

/// A compiled matcher: a regex over normalised text and what each match means.
#[derive(Debug)]
struct Matcher {
    regex: Regex,
    targets: Targets,
}

/// Resolves the förbund of a document.
#[derive(Debug)]
pub struct ForbundResolver {
    forbund: Vec<Forbund>,
    scoring: Scoring,
    strong: Matcher,
    weak: Matcher,
}

impl ForbundResolver {
    /// Parses and checks `forbund.toml`.
    pub fn from_toml(text: &str) -> Result<ForbundResolver> {
        let file: ForbundFile = parse_toml(FILE, text)?;
        check_entries(&file.forbund)?;
        let strong = build_matcher(strong_targets(&file)?)?;
        let weak = build_matcher(weak_targets(&file))?;
        Ok(ForbundResolver {
            forbund: file.forbund,
            scoring: file.scoring,
            strong,
            weak,
        })
    }

    /// All known förbund, in file order.
    pub fn all(&self) -> &[Forbund] {
        &self.forbund
    }

    /// The canonical name of the förbund `view` belongs to, if clear.
    pub fn resolve(&self, view: &TextView) -> Option<String> {
        let s = &self.scoring;
        let strong = self.scores(&self.strong, view);
        let winner = if strong.iter().any(|&x| x > 0.0) {
            decide(&strong, s.min_strong_score, s.min_ratio)
        } else {
            decide(
                &self.scores(&self.weak, view),
                s.min_weak_score,
                s.min_ratio,
            )
        };
        winner.map(|i| self.forbund[i].name.clone())
    }

    /// Evidence per förbund: its mentions, weighted by position, heaviest
    /// first, the i-th counting 1/i. One prominent mention thus outweighs a
    /// few passing ones, while more mentions still add up slowly. A mention
    /// pointing at more than one förbund (a kommun in two förbund) is no
    /// evidence.
    fn scores(&self, matcher: &Matcher, view: &TextView) -> Vec<f64> {
        let mut mentions: Vec<Vec<f64>> = vec![Vec::new(); self.forbund.len()];
        for m in matcher.regex.find_iter(&view.text) {
            let Some((targets, weight)) = matcher.targets.get(m.as_str()) else {
                continue;
            };
            if let [only] = targets[..] {
                mentions[only].push(weight * self.position_weight(view, m.start()));
            }
        }
        mentions.into_iter().map(diminishing_sum).collect()
    }

    fn position_weight(&self, view: &TextView, offset: usize) -> f64 {
        let s = &self.scoring;
        let bonus = |on: bool, value: f64| if on { value } else { 0.0 };
        1.0 + bonus(view.page_of(offset) == 0, s.first_page_bonus)
            + bonus(offset < view.head_end(s.title_lines), s.title_bonus)
            + bonus(offset < s.head_chars, s.head_bonus)
    }
}

/// Sum of `weights`, largest first, the i-th divided by i.
fn diminishing_sum(mut weights: Vec<f64>) -> f64 {
    weights.sort_by(|a, b| b.total_cmp(a));
    weights
        .iter()
        .enumerate()
        .map(|(i, w)| w / (i + 1) as f64)
        .sum()
}

/// The index of the best score if it reaches `min` and beats the runner-up by `ratio`.
fn decide(scores: &[f64], min: f64, ratio: f64) -> Option<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let best = *order.first()?;
    let second = order.get(1).map_or(0.0, |&i| scores[i]);
    (scores[best] >= min && scores[best] >= ratio * second).then_some(best)
}

/// Names, expanded name patterns and domains; each must point at one förbund.
fn strong_targets(file: &ForbundFile) -> Result<Targets> {
    let mut targets = Targets::new();
    let s = &file.scoring;
    for (i, f) in file.forbund.iter().enumerate() {
        let names = names_of(f, &file.name_patterns)
            .into_iter()
            .map(|n| (n, s.name_weight));
        let domains = f.domains.iter().map(|d| (normalize(d), s.domain_weight));
        for (key, weight) in names.chain(domains) {
            let entry = targets
                .entry(key.clone())
                .or_insert_with(|| (vec![i], weight));
            if entry.0 != [i] {
                return Err(invalid(
                    FILE,
                    format!("'{key}' names both {} and another förbund", f.name),
                ));
            }
        }
    }
    Ok(targets)
}

/// Normalised names of `f`: canonical name, aliases and pattern expansions.
fn names_of(f: &Forbund, patterns: &[String]) -> Vec<String> {
    let expanded = patterns.iter().map(|p| p.replace("{short}", &f.short));
    let all = std::iter::once(f.name.clone())
        .chain(f.aliases.iter().cloned())
        .chain(expanded);
    all.map(|n| normalize(&n)).collect()
}

/// Member kommuner ("X kommun", "Xs kommun", "X stad") and regions; a
/// member of several förbund points at all of them.
fn weak_targets(file: &ForbundFile) -> Targets {
    let mut targets = Targets::new();
    for (i, f) in file.forbund.iter().enumerate() {
        let kommuner = f
            .municipalities
            .iter()
            .flat_map(|k| municipality_phrases(&normalize(k)));
        for key in kommuner.chain(f.regions.iter().map(|r| normalize(r))) {
            let entry = targets
                .entry(key)
                .or_insert_with(|| (Vec::new(), file.scoring.member_weight));
            if !entry.0.contains(&i) {
                entry.0.push(i);
            }
        }
    }
    targets
}

/// How running text names kommun `k`: "Uppsala kommun", "Jönköpings kommun", "Västerås stad".
fn municipality_phrases(k: &str) -> [String; 4] {
    let genitive = if k.ends_with('s') {
        k.to_string()
    } else {
        format!("{k}s")
    };
    [
        format!("{k} kommun"),
        format!("{genitive} kommun"),
        format!("{k} stad"),
        format!("{genitive} stad"),
    ]
}

fn build_matcher(targets: Targets) -> Result<Matcher> {
    let regex = phrase_regex(targets.keys().map(String::as_str), true)
        .map_err(|e| invalid(FILE, format!("cannot compile names: {e}")))?;
    Ok(Matcher { regex, targets })
}

/// Every förbund needs a name, a short name and a source.
fn check_entries(forbund: &[Forbund]) -> Result<()> {
    match forbund.iter().find(|f| {
        [&f.name, &f.short, &f.source]
            .iter()
            .any(|v| v.trim().is_empty())
    }) {
        Some(f) => Err(invalid(
            FILE,
            format!("entry '{}' needs name, short and source", f.name),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
