//! Section kinds: what one section of a report is about.
//!
//! Practitioners look for "the hinder of projects about nollplacerade", so
//! every section gets one kind from a fixed list (bakgrund, syfte, mål,
//! målgrupp, metod, resultat, framgångsfaktorer, hinder, …, övrigt). The kind
//! is read from the heading with the cue phrases in `data/section_kinds.toml`:
//! a nested heading "Parent › Child" is read from the child outwards, a
//! numbered heading without cues ("5.2 Rehabkoordinering") takes the kind of
//! its numbered parent ("5 Metod och aktiviteter"), and a table row carried
//! into a heading ("Summa 620 000 574 000") continues the section before it.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::error::{Result, invalid, parse_toml};
use super::normalize::{PhraseMatcher, mixed_matcher, normalize};

const FILE: &str = "section_kinds.toml";
/// The kind of a section no cue speaks for.
pub const FALLBACK_KIND: &str = "övrigt";
/// Separator of nested heading parts, as `sections` writes them.
const NESTING: char = '›';
/// A dash between words inside a heading part.
static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s[–—-]\s").expect("valid regex"));
/// Cue weights by list.
const STRONG: f64 = 2.0;
const NORMAL: f64 = 1.0;
const WEAK: f64 = 0.5;
/// At most this many leading numbers make a section number ("2.3.1").
const MAX_NUMBER_DEPTH: usize = 3;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindEntry {
    name: String,
    #[serde(default)]
    strong: Vec<String>,
    cues: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindsFile {
    kind: Vec<KindEntry>,
}

/// One cue: the kind it points to and how much it weighs.
#[derive(Debug, Clone, Copy)]
struct Cue {
    kind: usize,
    weight: f64,
}

/// Decides section kinds from headings.
#[derive(Debug)]
pub struct SectionKinds {
    names: Vec<String>,
    /// All cues, longest first, each anchored at a word start.
    regex: PhraseMatcher,
    /// Normalised cue phrase → cue.
    cues: HashMap<String, Cue>,
    /// (cue without spaces, cue), longest first, for headings split inside words.
    squashed: Vec<(String, Cue)>,
    fallback: usize,
}

/// What the sections before the current one said, for headings without cues.
#[derive(Debug, Default)]
struct Context {
    previous: Option<usize>,
    numbered: HashMap<Vec<u32>, usize>,
}

impl SectionKinds {
    /// Parses and compiles `section_kinds.toml`.
    pub fn from_toml(text: &str) -> Result<SectionKinds> {
        let file: KindsFile = parse_toml(FILE, text)?;
        let names: Vec<String> = file.kind.iter().map(|k| k.name.clone()).collect();
        let fallback = names
            .iter()
            .position(|n| n == FALLBACK_KIND)
            .ok_or_else(|| invalid(FILE, format!("kind '{FALLBACK_KIND}' is missing")))?;
        let mut cues: HashMap<String, Cue> = HashMap::new();
        let mut patterns: Vec<(String, bool)> = Vec::new();
        for (kind, entry) in file.kind.iter().enumerate() {
            if entry.cues.is_empty() && entry.strong.is_empty() {
                return Err(invalid(FILE, format!("kind '{}' has no cues", entry.name)));
            }
            let lists = [
                (&entry.strong, STRONG),
                (&entry.cues, NORMAL),
                (&entry.weak, WEAK),
            ];
            for (list, weight) in lists {
                for raw in list {
                    let (phrase, suffix) = parse_cue(raw);
                    if phrase.is_empty() {
                        return Err(invalid(FILE, format!("{}: empty cue", entry.name)));
                    }
                    if cues.insert(phrase.clone(), Cue { kind, weight }).is_some() {
                        return Err(invalid(FILE, format!("cue '{phrase}' is listed twice")));
                    }
                    patterns.push((phrase, suffix));
                }
            }
        }
        let regex = cue_regex(&mut patterns)?;
        let mut squashed: Vec<(String, Cue)> =
            cues.iter().map(|(p, c)| (p.replace(' ', ""), *c)).collect();
        squashed.sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
        Ok(SectionKinds {
            names,
            regex,
            cues,
            squashed,
            fallback,
        })
    }

    /// The canonical kind names, in data-file order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The kind of each heading, in order (each may depend on the ones before).
    pub fn kinds<'a>(&self, headings: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut context = Context::default();
        headings
            .into_iter()
            .map(|h| {
                let kind = self.kind_in_context(h, &mut context);
                self.names[kind].clone()
            })
            .collect()
    }

    /// The kind of one heading on its own.
    pub fn kind_of(&self, heading: &str) -> &str {
        &self.names[self.kind_in_context(heading, &mut Context::default())]
    }

    fn kind_in_context(&self, heading: &str, context: &mut Context) -> usize {
        let parts: Vec<Part> = heading
            .split(NESTING)
            .map(|raw| Part::new(raw, self))
            .collect();
        let kind = parts
            .iter()
            .rev()
            .find_map(|p| p.cue_kind)
            .or_else(|| self.numbered_parent(&parts, context))
            .or_else(|| {
                parts
                    .iter()
                    .any(|p| p.table_row)
                    .then_some(context.previous)
                    .flatten()
            })
            .unwrap_or(self.fallback);
        for part in &parts {
            if !part.number.is_empty() {
                let own = part.cue_kind.unwrap_or(kind);
                context.numbered.insert(part.number.clone(), own);
            }
        }
        context.previous = Some(kind);
        kind
    }

    /// The kind of the closest numbered ancestor of the innermost numbered part.
    fn numbered_parent(&self, parts: &[Part], context: &Context) -> Option<usize> {
        let number = &parts.iter().rev().find(|p| !p.number.is_empty())?.number;
        (1..number.len())
            .rev()
            .find_map(|len| context.numbered.get(&number[..len]).copied())
    }

    /// The winning cue of a normalised heading part: heaviest, then earliest.
    fn cue_in(&self, text: &str) -> Option<usize> {
        let found = self
            .regex
            .find_iter(text)
            .filter_map(|m| self.cues.get(m.as_str()).map(|c| (m.start(), *c)));
        found
            .max_by(|a, b| a.1.weight.total_cmp(&b.1.weight).then(b.0.cmp(&a.0)))
            .map(|(_, c)| c.kind)
    }

    /// A cue at the start of a part whose words the extractor split
    /// ("må lgrupp"): matched with spaces removed, and only when the cue
    /// reaches past the first fragment (so "processdag" is not "process").
    fn squashed_cue(&self, text: &str) -> Option<usize> {
        let first = text.split(' ').next()?.chars().count();
        let squashed: String = text.chars().filter(|c| *c != ' ').collect();
        self.squashed
            .iter()
            .find(|(cue, _)| squashed.starts_with(cue.as_str()) && cue.chars().count() > first)
            .map(|(_, c)| c.kind)
    }
}

/// One part of a nested heading, read.
struct Part {
    number: Vec<u32>,
    cue_kind: Option<usize>,
    table_row: bool,
}

impl Part {
    /// Reads one part. A dash between words splits it further, and the
    /// segment after the dash names the topic when it has a cue ("För
    /// organisationen – Resultat och effekter" is resultat).
    fn new(raw: &str, kinds: &SectionKinds) -> Part {
        let normal = normalize(raw);
        let (number, _) = split_number(&normal);
        let cue_kind = DASH
            .split(raw)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find_map(|segment| {
                let normal = normalize(segment);
                let (_, words) = split_number(&normal);
                kinds.cue_in(words).or_else(|| kinds.squashed_cue(words))
            });
        Part {
            number,
            cue_kind,
            table_row: is_table_row(raw),
        }
    }
}

/// "bakgrund*" → ("bakgrund", suffix allowed); "ekonomi" → whole word only.
fn parse_cue(raw: &str) -> (String, bool) {
    match raw.strip_suffix('*') {
        Some(stem) => (normalize(stem), true),
        None => (normalize(raw), false),
    }
}

fn cue_regex(patterns: &mut [(String, bool)]) -> Result<PhraseMatcher> {
    mixed_matcher(patterns).map_err(|e| invalid(FILE, e.to_string()))
}

/// Leading section numbers ("2 3 resultat" → [2, 3], "resultat") of a
/// normalised part; a four-digit year is not a section number.
fn split_number(normal: &str) -> (Vec<u32>, &str) {
    let mut number = Vec::new();
    let mut rest = normal;
    while number.len() < MAX_NUMBER_DEPTH {
        let (token, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        match token.parse::<u32>() {
            Ok(n) if token.len() <= 2 => {
                number.push(n);
                rest = tail;
            }
            _ => break,
        }
    }
    (number, rest)
}

/// Mostly words without letters: a table row ("Summa 620 000 574 000").
fn is_table_row(raw: &str) -> bool {
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    let bare = tokens
        .iter()
        .filter(|t| !t.chars().any(char::is_alphabetic))
        .count();
    bare >= 2 && bare * 2 > tokens.len()
}

#[cfg(test)]
mod tests {
    use crate::metadata::Labeler;

    fn kind(heading: &str) -> &'static str {
        Labeler::shared().section_kinds().kind_of(heading)
    }

    #[test]
    fn numbered_and_nested_headings() {
        assert_eq!(kind("2.3 Brukarmedverkan"), "brukarmedverkan");
        assert_eq!(kind("3. Syfte och mål"), "syfte");
        assert_eq!(kind("7. Hinder och utmaningar"), "hinder");
        assert_eq!(kind("Resultat › Status vid avslut (n = 62)"), "resultat");
        assert_eq!(
            kind("9. Ekonomi › Kostnadsslag (tkr) Budget Utfall"),
            "ekonomi"
        );
    }

    #[test]
    fn template_questions_name_their_topic_late() {
        let q = "2.3 Beskriv hur målgruppen/brukarna involverats och gjorts delaktiga";
        assert_eq!(kind(q), "brukarmedverkan");
        let q = "2.5 Vad går bra och mindre bra i arbetet? Framgångsfaktorer, systemfel";
        assert_eq!(kind(q), "framgångsfaktorer");
        assert_eq!(kind("Beskriv målgrupp för insatsen"), "målgrupp");
        assert_eq!(kind("Vilka mål/delmål är uppfyllda?"), "resultat");
    }

    #[test]
    fn whole_word_cues_do_not_match_longer_words() {
        assert_eq!(kind("Ekonomiskt bistånd"), "övrigt");
        assert_eq!(kind("Processdag 14 juni 2012"), "övrigt");
    }

    #[test]
    fn words_split_by_the_extractor_still_match() {
        assert_eq!(kind("4 . Må lgrupp och avgrä nsningar"), "målgrupp");
        assert_eq!(kind("1. B akgrund"), "bakgrund");
        assert_eq!(kind("Framgångs faktorer"), "framgångsfaktorer");
    }

    #[test]
    fn numbered_child_and_table_rows_inherit() {
        let kinds = Labeler::shared().section_kinds().kinds([
            "5. Metod och aktiviteter › 5.1 Arbetsfokuserad KBT",
            "5.2 Rehabkoordinering",
            "3. Målgrupp",
            "Aktivitetsersättning (FK) 41 35 %",
            "Närvarande",
        ]);
        assert_eq!(kinds, ["metod", "metod", "målgrupp", "målgrupp", "övrigt"]);
    }
}
