//! Which samordningsförbund a document belongs to.
//!
//! Evidence is scored from `data/forbund.toml`. A förbund's name, alias or
//! former name ("Samordningsförbundet Gävleborg", "Finsam Gävleborg",
//! "Samordningsförbundet Pyramis") and its web or e-mail domain are strong
//! evidence. A member named as "Söderhamns kommun", "Falu kommun", "Västerås
//! stad" or "Region Gävleborg" is weak evidence: it is used only when no name
//! or domain is found, and only when that member belongs to exactly one
//! förbund in the document's year (a kommun that joined in 2021 is no
//! evidence for a 2019 report). Each mention counts more on page 1 and the earlier it
//! stands, so the sender named in the title block and contact details
//! outweighs förbund cited in passing ("Ansökan om medel från Finsam Lund" in
//! a reference list). No clear winner means `None`.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::error::{Result, invalid, parse_toml};
use super::kommuner::Kommuner;
use super::normalize::{PhraseMatcher, normalize, phrase_matcher};
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
    /// Earlier names, its own or of förbund merged into it.
    #[serde(default)]
    pub former: Vec<FormerName>,
    /// The year the förbund was formed in its present form.
    #[serde(default)]
    pub since: Option<i32>,
    /// Web and e-mail domains ("finsamgavleborg.se").
    #[serde(default)]
    pub domains: Vec<String>,
    /// The län the förbund lies in.
    pub lan: String,
    /// Member kommuner as in "X kommun", without the genitive s.
    #[serde(default)]
    pub municipalities: Vec<String>,
    /// Members that joined later, with the year they joined.
    #[serde(default)]
    pub member_since: BTreeMap<String, i32>,
    /// Member regions as written in running text ("Region Gävleborg").
    #[serde(default)]
    pub regions: Vec<String>,
    /// Where the entry comes from.
    pub source: String,
    /// True when the name was seen in the cited source.
    pub verified: bool,
}

/// A name a förbund (or one merged into it) used to have.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    /// The name as written ("Samordningsförbundet Södra Roslagen").
    pub name: String,
    /// The year the name stopped being used, when known.
    #[serde(default)]
    pub until: Option<i32>,
}

impl Forbund {
    /// Whether kommun `k` was a member in `year`; with no year, whether it is
    /// a member now.
    pub fn has_member(&self, k: &str, year: Option<i32>) -> bool {
        let joined = self.member_since.get(k);
        self.municipalities.iter().any(|m| m == k)
            && year.is_none_or(|y| joined.is_none_or(|&since| y >= since))
    }
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

/// What a member phrase points at: each förbund with the year the member
/// joined (`None`: from the start).
type MemberTargets = HashMap<String, Vec<(usize, Option<i32>)>>;

/// A compiled matcher: a regex over normalised text and what each match means.
#[derive(Debug)]
struct Matcher {
    regex: PhraseMatcher,
    targets: Targets,
}

/// Member kommuner and regions, matched with the year each member joined.
#[derive(Debug)]
struct MemberMatcher {
    regex: PhraseMatcher,
    targets: MemberTargets,
}

impl MemberMatcher {
    /// The förbund `phrase` points at in `year` (with no year: today).
    fn forbund_in(&self, phrase: &str, year: Option<i32>) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .targets
            .get(phrase)
            .into_iter()
            .flatten()
            .filter(|(_, since)| year.is_none_or(|y| since.is_none_or(|s| y >= s)))
            .map(|&(i, _)| i)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Resolves the förbund of a document.
#[derive(Debug)]
pub struct ForbundResolver {
    forbund: Vec<Forbund>,
    scoring: Scoring,
    strong: Matcher,
    weak: MemberMatcher,
}

impl ForbundResolver {
    /// Parses and checks `forbund.toml`; `kommuner` gives the genitives
    /// members are written with.
    pub fn from_toml(text: &str, kommuner: &Kommuner) -> Result<ForbundResolver> {
        let file: ForbundFile = parse_toml(FILE, text)?;
        check_entries(&file.forbund)?;
        let strong = build_matcher(strong_targets(&file)?)?;
        let weak = build_member_matcher(member_targets(&file, kommuner))?;
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
    /// `year` is the document's year, if known: membership is taken as it
    /// was then.
    pub fn resolve(&self, view: &TextView, year: Option<i32>) -> Option<String> {
        let s = &self.scoring;
        let strong = self.strong_scores(view);
        let winner = if strong.iter().any(|&x| x > 0.0) {
            decide(&strong, s.min_strong_score, s.min_ratio)
        } else {
            decide(
                &self.member_scores(view, year),
                s.min_weak_score,
                s.min_ratio,
            )
        };
        winner.map(|i| self.forbund[i].name.clone())
    }

    /// Förbund named outright (by a name, alias or domain) in the normalised
    /// `text`: where, and the canonical name.
    pub fn names_in(&self, text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        let matcher = &self.strong;
        matcher
            .regex
            .find_iter(text)
            .filter_map(|m| match matcher.targets.get(m.as_str()) {
                Some((targets, _)) if targets.len() == 1 => {
                    Some((m.range(), self.forbund[targets[0]].name.clone()))
                }
                _ => None,
            })
            .collect()
    }

    /// The normalised phrases that name förbund `name` outright (names,
    /// aliases, domains), and those that point at it (its members).
    pub fn phrases_of(&self, name: &str) -> (Vec<String>, Vec<String>) {
        let Some(i) = self.forbund.iter().position(|f| f.name == name) else {
            return (Vec::new(), Vec::new());
        };
        let strong = self
            .strong
            .targets
            .iter()
            .filter(|(_, (t, _))| t.contains(&i));
        let weak = self
            .weak
            .targets
            .iter()
            .filter(|(_, t)| t.iter().any(|(j, _)| *j == i));
        let mut names: Vec<String> = strong.map(|(p, _)| p.clone()).collect();
        let mut members: Vec<String> = weak.map(|(p, _)| p.clone()).collect();
        names.sort();
        members.sort();
        (names, members)
    }

    /// Evidence per förbund from names and domains.
    fn strong_scores(&self, view: &TextView) -> Vec<f64> {
        let matcher = &self.strong;
        let mentions = matcher.regex.find_iter(&view.text).filter_map(|m| {
            let (targets, weight) = matcher.targets.get(m.as_str())?;
            Some((
                targets.clone(),
                weight * self.position_weight(view, m.start()),
            ))
        });
        self.sum_mentions(mentions)
    }

    /// Evidence per förbund from members named in the text, as of `year`.
    fn member_scores(&self, view: &TextView, year: Option<i32>) -> Vec<f64> {
        let weight = self.scoring.member_weight;
        let mentions = self.weak.regex.find_iter(&view.text).map(|m| {
            let targets = self.weak.forbund_in(m.as_str(), year);
            (targets, weight * self.position_weight(view, m.start()))
        });
        self.sum_mentions(mentions)
    }

    /// Sums weighted mentions per förbund, heaviest first, the i-th counting
    /// 1/i. One prominent mention thus outweighs a few passing ones, while
    /// more mentions still add up slowly. A mention pointing at more than one
    /// förbund (a kommun in two förbund) is no evidence.
    fn sum_mentions(&self, mentions: impl Iterator<Item = (Vec<usize>, f64)>) -> Vec<f64> {
        let mut per_forbund: Vec<Vec<f64>> = vec![Vec::new(); self.forbund.len()];
        for (targets, weight) in mentions {
            if let [only] = targets[..] {
                per_forbund[only].push(weight);
            }
        }
        per_forbund.into_iter().map(diminishing_sum).collect()
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

/// Normalised names of `f`: canonical name, aliases, former names and
/// pattern expansions.
fn names_of(f: &Forbund, patterns: &[String]) -> Vec<String> {
    let expanded = patterns.iter().map(|p| p.replace("{short}", &f.short));
    let all = std::iter::once(f.name.clone())
        .chain(f.aliases.iter().cloned())
        .chain(f.former.iter().map(|n| n.name.clone()))
        .chain(expanded);
    all.map(|n| normalize(&n)).collect()
}

/// Member kommuner ("X kommun", "Xs kommun", "X stad") and regions, each
/// with the year the member joined; a member of several förbund points at
/// all of them.
fn member_targets(file: &ForbundFile, kommuner: &Kommuner) -> MemberTargets {
    let mut targets = MemberTargets::new();
    for (i, f) in file.forbund.iter().enumerate() {
        let members = f.municipalities.iter().flat_map(|k| {
            let since = f.member_since.get(k).copied();
            municipality_phrases(k, &kommuner.genitive(k)).map(|p| (p, since))
        });
        let regions = f.regions.iter().map(|r| (normalize(r), None));
        for (key, since) in members.chain(regions) {
            targets.entry(key).or_default().push((i, since));
        }
    }
    targets
}

/// How running text names kommun `k` with genitive `genitive`, normalised:
/// "Uppsala kommun", "Jönköpings kommun", "Falu kommun", "Västerås stad".
fn municipality_phrases(k: &str, genitive: &str) -> [String; 4] {
    let (k, genitive) = (normalize(k), normalize(genitive));
    [
        format!("{k} kommun"),
        format!("{genitive} kommun"),
        format!("{k} stad"),
        format!("{genitive} stad"),
    ]
}

fn build_matcher(targets: Targets) -> Result<Matcher> {
    let regex = compile(targets.keys())?;
    Ok(Matcher { regex, targets })
}

fn build_member_matcher(targets: MemberTargets) -> Result<MemberMatcher> {
    let regex = compile(targets.keys())?;
    Ok(MemberMatcher { regex, targets })
}

fn compile<'a>(phrases: impl Iterator<Item = &'a String>) -> Result<PhraseMatcher> {
    phrase_matcher(phrases.map(String::as_str), true)
        .map_err(|e| invalid(FILE, format!("cannot compile names: {e}")))
}

/// Every förbund needs a name, a short name and a source, and `member_since`
/// may only name its members.
fn check_entries(forbund: &[Forbund]) -> Result<()> {
    for f in forbund {
        if [&f.name, &f.short, &f.source]
            .iter()
            .any(|v| v.trim().is_empty())
        {
            return Err(invalid(
                FILE,
                format!("entry '{}' needs name, short and source", f.name),
            ));
        }
        if let Some(k) = f
            .member_since
            .keys()
            .find(|k| !f.municipalities.contains(k))
        {
            return Err(invalid(
                FILE,
                format!("{}: member_since names {k}, not a member", f.name),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
