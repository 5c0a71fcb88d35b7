//! Organisations: the canonical names of the kommuner, regions, agencies and
//! förbund a text names.
//!
//! A project's owner and partners are facet values, so "Söderhamns Kommun",
//! "Göteborgs Stad", "Landstinget Västmanland", "FK" and "Haninge, Nynäshamns
//! och Tyresö kommuner" must become "Söderhamns kommun", "Göteborgs stad",
//! "Region Västmanland", "Försäkringskassan" and three kommuner. The names
//! come from `data/organisations.toml`, `data/kommuner.toml` and the förbund
//! list; [`Organisations::named_in`] finds them in a piece of text.

use std::collections::HashMap;

use serde::Deserialize;

use super::error::{Result, invalid, parse_toml};
use super::forbund::ForbundResolver;
use super::kommuner::Kommuner;
use super::normalize::{PhraseMatcher, mixed_matcher, normalize};

const FILE: &str = "organisations.toml";
/// How many words before "kommuner" a list of kommun names may reach back.
const MAX_LIST: usize = 8;

/// The form labels and phrases that introduce owners, partners and projects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Labels followed by the owner ("Huvudman för insatsen").
    pub owner: Vec<String>,
    /// Phrases that follow the owner ("är huvudman").
    pub owner_before: Vec<String>,
    /// Labels followed by partners ("Samverkansparter", "i samverkan med").
    pub partners: Vec<String>,
    /// Headings whose paragraph names the parties ("Organisation", "Samverkan").
    pub partner_sections: Vec<String>,
    /// Labels followed by the project's name ("Insatsens namn").
    pub project: Vec<String>,
    /// Other form labels, where a value ends.
    pub other: Vec<String>,
    /// Words that open a title naming the project after them.
    pub title_words: Vec<String>,
    /// Headings of lists of other documents ("Relevanta dokument", "Referenser").
    pub reference_lists: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationEntry {
    name: String,
    #[serde(default)]
    short: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationsFile {
    stad: Vec<String>,
    region_patterns: Vec<String>,
    labels: Labels,
    organisation: Vec<OrganisationEntry>,
}

/// Finds organisations in text.
#[derive(Debug)]
pub struct Organisations {
    /// The labels of owner, partner and project fields.
    pub labels: Labels,
    regex: PhraseMatcher,
    /// Normalised phrase → canonical name.
    canonical: HashMap<String, String>,
    /// Normalised kommun name or genitive → canonical name, for lists.
    kommun_words: HashMap<String, String>,
}

impl Organisations {
    /// Parses `organisations.toml`; `kommuner` gives the kommun names.
    pub fn from_toml(text: &str, kommuner: &Kommuner) -> Result<Organisations> {
        let file: OrganisationsFile = parse_toml(FILE, text)?;
        let mut canonical: HashMap<String, String> = HashMap::new();
        let mut phrases: Vec<(String, bool)> = Vec::new();
        let mut add = |phrase: &str, name: &str, suffix: bool| -> Result<()> {
            let phrase = normalize(phrase);
            match canonical.insert(phrase.clone(), name.to_string()) {
                Some(other) if other != name => Err(invalid(
                    FILE,
                    format!("'{phrase}' names both {other} and {name}"),
                )),
                _ => {
                    phrases.push((phrase, suffix));
                    Ok(())
                }
            }
        };
        for entry in &file.organisation {
            add(&entry.name, &entry.name, true)?;
            for alias in &entry.aliases {
                add(alias, &entry.name, true)?;
            }
            for abbreviation in &entry.abbreviations {
                add(abbreviation, &entry.name, false)?;
            }
            for pattern in entry.short.iter().flat_map(|s| {
                file.region_patterns
                    .iter()
                    .map(move |p| p.replace("{short}", s))
            }) {
                add(&pattern, &entry.name, true)?;
            }
        }
        let mut kommun_words = HashMap::new();
        for (_, kommun) in kommuner.iter() {
            let genitive = kommuner.genitive(&kommun.name);
            let name = official_name(&kommun.name, &genitive, &file.stad);
            for word in [&kommun.name, &genitive] {
                for kind in ["kommun", "stad"] {
                    add(&format!("{word} {kind}"), &name, true)?;
                }
                kommun_words.insert(normalize(word), name.clone());
            }
        }
        let regex = mixed_matcher(&phrases).map_err(|e| invalid(FILE, e.to_string()))?;
        Ok(Organisations {
            labels: file.labels,
            regex,
            canonical,
            kommun_words,
        })
    }

    /// Canonical names of the organisations `text` names, in order of
    /// appearance, each once. A name inside a förbund's name ("Stockholms
    /// stad" in "Samordningsförbundet Stockholms stad") is the förbund.
    pub fn named_in(&self, text: &str, forbund: &ForbundResolver) -> Vec<String> {
        let normal = normalize(text);
        let forbund_spans = forbund.names_in(&normal);
        let inside = |at: usize| forbund_spans.iter().any(|(r, _)| r.contains(&at));
        let mut found: Vec<(usize, String)> = forbund_spans
            .iter()
            .map(|(r, name)| (r.start, name.clone()))
            .collect();
        for m in self.regex.find_iter(&normal) {
            if let (false, Some(name)) = (inside(m.start()), self.canonical.get(m.as_str())) {
                found.push((m.start(), name.clone()));
            }
        }
        found.extend(self.kommun_lists(&normal));
        found.sort_by_key(|(at, _)| *at);
        let mut names: Vec<String> = Vec::new();
        for (_, name) in found {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The canonical name of kommun `name` ("Burlöv" → "Burlövs kommun").
    pub fn kommun(&self, name: &str) -> Option<&str> {
        self.kommun_words.get(&normalize(name)).map(String::as_str)
    }

    /// Kommuner named in lists ending in "kommuner": "köpings arboga och
    /// kungsörs kommuner" (normalised text, so the commas are gone).
    fn kommun_lists(&self, normal: &str) -> Vec<(usize, String)> {
        let words: Vec<(usize, &str)> = normal
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .collect();
        let mut found = Vec::new();
        for (i, &(_, word)) in words.iter().enumerate() {
            if word != "kommuner" {
                continue;
            }
            let before = words[i.saturating_sub(MAX_LIST)..i].iter().rev();
            for &(at, w) in before.filter(|(_, w)| !matches!(*w, "och" | "samt")) {
                match self.kommun_words.get(w) {
                    Some(name) => found.push((at, name.clone())),
                    None => break,
                }
            }
        }
        found
    }
}

/// The kommun's own name: "Burlövs kommun", "Habo kommun" (no genitive s
/// after a vowel or s), "Göteborgs stad" for kommuner that call themselves stad.
fn official_name(name: &str, genitive: &str, stad: &[String]) -> String {
    let ends_open = name
        .chars()
        .last()
        .is_some_and(|c| "aeiouyåäöé".contains(c.to_ascii_lowercase()));
    let stem = if ends_open && genitive == format!("{name}s") {
        name
    } else {
        genitive
    };
    let kind = if stad.iter().any(|s| s == name) {
        "stad"
    } else {
        "kommun"
    };
    format!("{stem} {kind}")
}

#[cfg(test)]
mod tests {
    use crate::metadata::Labeler;

    fn names(text: &str) -> Vec<String> {
        Labeler::shared().organisations_in(text)
    }

    #[test]
    fn kommuner_get_their_official_names() {
        assert_eq!(names("Söderhamns Kommun, AME"), ["Söderhamns kommun"]);
        assert_eq!(
            names("Habo kommun och Umeå kommun"),
            ["Habo kommun", "Umeå kommun"]
        );
        assert_eq!(names("drivs av Göteborgs Stad"), ["Göteborgs stad"]);
        assert_eq!(names("Falu kommun"), ["Falu kommun"]);
    }

    #[test]
    fn lists_of_kommuner_are_expanded() {
        assert_eq!(
            names("Medlemmar är Köpings, Arboga och Kungsörs kommuner, Region Västmanland"),
            [
                "Köpings kommun",
                "Arboga kommun",
                "Kungsörs kommun",
                "Region Västmanland"
            ]
        );
    }

    #[test]
    fn abbreviations_and_landsting_names() {
        assert_eq!(
            names("Arbetsförmedlingen (AF), FK och Landstinget Västmanland"),
            [
                "Arbetsförmedlingen",
                "Försäkringskassan",
                "Region Västmanland"
            ]
        );
        assert_eq!(
            names("Region Uppsalas hälso- och sjukvård"),
            ["Region Uppsala"]
        );
        assert!(names("affärsplan och fkt").is_empty());
    }

    #[test]
    fn forbund_names_win_over_the_names_inside_them() {
        assert_eq!(
            names("Samordningsförbundet Stockholms stad och Region Stockholm"),
            ["Samordningsförbundet Stockholms stad", "Region Stockholm"]
        );
    }
}
