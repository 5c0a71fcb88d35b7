//! The name of the project or insats a report is about.
//!
//! A form names it by label ("Insatsens namn", "Projektbenämning"); without
//! one, a title does: "Slutrapport – Återkomsten", "Utvärdering av Team
//! Framsteg", "Projekt SAM- …", or a short title that is a name over a line
//! "Slutrapport för ett ESF+-projekt …". A name ends at a dash, comma or
//! bracket that starts its description ("KLIV – Kartläggning, Lots, …").

use crate::word_regex::WordRegex;
use std::sync::LazyLock;

use regex::Regex;

use super::evidence::evidence;
use super::fields::{FormFields, Lines, label_regex, labelled};
use crate::document::Evidence;

/// A project name has at most this many words.
const MAX_PROJECT_WORDS: usize = 20;
/// The title and this many first lines of page 1 may name the project.
const HEAD_LINES: usize = 8;
/// A title of at most this many words may be the project's name itself.
const MAX_TITLE_NAME_WORDS: usize = 4;

/// Where a name ends: a dash or dot between words, a comma, a bracket.
static NAME_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s[–—·|]\s|\s-\s|-\s|,|\(|\s·|:\s").expect("valid regex"));
/// A qualifier before the name: "ESF+-projektet Ungdomsbron".
static QUALIFIER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\S*(?:projektet|insatsen)\s+").expect("valid regex"));

/// Finds project names.
#[derive(Debug)]
pub struct ProjectReader {
    label: WordRegex,
    title_word: Regex,
    title_start: Regex,
}

impl ProjectReader {
    /// A reader for the project `labels` and the `title_words` of titles.
    pub fn new(labels: &[String], title_words: &[String]) -> ProjectReader {
        ProjectReader {
            label: label_regex(labels),
            title_word: title_regex(title_words),
            title_start: title_start_regex(title_words),
        }
    }

    /// The project `lines` (titled `title`) name, by label or else by title;
    /// `names` lists the organisations a text names (a name that is an
    /// organisation is not a project).
    pub fn read(
        &self,
        fields: &FormFields,
        lines: &Lines,
        title: &str,
        names: &dyn Fn(&str) -> Vec<String>,
    ) -> Option<(String, Evidence)> {
        self.by_label(fields, lines)
            .or_else(|| self.by_title(title, lines, names))
    }

    /// The project's name after a project label.
    fn by_label(&self, fields: &FormFields, lines: &Lines) -> Option<(String, Evidence)> {
        lines.iter().enumerate().find_map(|(i, &(_, line))| {
            let m = self.label.find(line)?;
            let (value, at) =
                fields.values_after(lines, i, m.end(), 1, |v| clean_name(v).is_some())?;
            let name = clean_name(&value)?;
            Some((
                name.clone(),
                evidence("project", &name, &labelled(m.as_str(), &value), lines[at].0),
            ))
        })
    }

    /// The project a title names: "Slutrapport – Återkomsten", "Utvärdering
    /// av Team Framsteg", "Projekt SAM- …" (the title, then the first lines);
    /// or a short title that is a name, over a line such as "Slutrapport för
    /// ett ESF+-projekt …". A name the extractor split inside a word
    /// ("Hä lsosteget") gives way to a clean one.
    fn by_title(
        &self,
        title: &str,
        lines: &Lines,
        names: &dyn Fn(&str) -> Vec<String>,
    ) -> Option<(String, Evidence)> {
        let head: Vec<(u32, &str)> = lines
            .iter()
            .filter(|(_, l)| !l.is_empty())
            .take(HEAD_LINES)
            .copied()
            .collect();
        let not_organisation = |name: &String| names(name).is_empty();
        let mut candidates: Vec<(String, u32, &str)> = std::iter::once((1, title))
            .chain(head.iter().copied())
            .filter_map(|(page, line)| {
                let caps = self.title_word.captures(line)?;
                let name = clean_name(caps.name("name")?.as_str())?;
                not_organisation(&name).then_some((name, page, line))
            })
            .collect();
        if candidates.is_empty() {
            candidates.extend(
                self.title_as_name(title, &head)
                    .filter(|(n, ..)| not_organisation(n)),
            );
        }
        let clean = candidates
            .iter()
            .position(|(n, ..)| !looks_split(n))
            .unwrap_or(0);
        let (name, page, line) = candidates.into_iter().nth(clean)?;
        Some((name.clone(), evidence("project", &name, line, page)))
    }

    /// A short title without digits that is followed by a line opening with
    /// a title word ("Ungdomsbron" over "Slutrapport för ett ESF+-projekt").
    fn title_as_name<'a>(
        &self,
        title: &'a str,
        head: &[(u32, &'a str)],
    ) -> Option<(String, u32, &'a str)> {
        let short = title.split_whitespace().count() <= MAX_TITLE_NAME_WORDS;
        if !short || title.chars().any(|c| c.is_ascii_digit()) || self.title_start.is_match(title) {
            return None;
        }
        let at = head.iter().position(|(_, l)| *l == title)?;
        let (_, next) = head.get(at + 1)?;
        let name = clean_name(title)?;
        self.title_start.is_match(next).then_some((name, 1, title))
    }
}

/// "<title word> [för|av|om] [: – -] <Name>" at a line start or after a dash.
fn title_regex(words: &[String]) -> Regex {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alternation: Vec<String> = sorted.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(
        r"(?i:(?:^|[–·|:]\s*)(?:{})\b)\s*[:–-]?\s*(?P<name>[\p{{Lu}}\d].*)$",
        alternation.join("|")
    ))
    .expect("escaped title words")
}

/// A line opening with a title word.
fn title_start_regex(words: &[String]) -> Regex {
    let alternation: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(r"(?i)^\s*(?:{})\b", alternation.join("|"))).expect("escaped title words")
}

/// A name with a fragment of one or two letters before a lower-case word
/// ("Hä lsosteget"): a word the extractor split.
fn looks_split(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.windows(2).any(|w| {
        let short = w[0].chars().count() <= 2 && w[0].chars().all(char::is_alphabetic);
        let mixed = w[0].chars().any(char::is_lowercase);
        short && mixed && w[1].chars().next().is_some_and(char::is_lowercase)
    })
}

/// A project name from a raw value: up to a dash, comma or bracket, without
/// a qualifier ("ESF+-projektet"); `None` unless it looks like a name.
fn clean_name(value: &str) -> Option<String> {
    let value = value.trim().trim_matches(|c: char| c == '*' || c == '#');
    let value = QUALIFIER.replace(value, "");
    let cut = NAME_END.find(&value).map_or(value.len(), |m| m.start());
    let name = join_split_words(value[..cut].trim().trim_end_matches(['.', ':', ';']));
    let name = name.as_str();
    let words = name.split_whitespace().count();
    let starts_like_a_name = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let has_letters = name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    (starts_like_a_name && has_letters && words <= MAX_PROJECT_WORDS && !is_date(name))
        .then(|| name.to_string())
}

/// Joins a word the extractor split after å, ä or ö ("Hä lsosteget" →
/// "Hälsosteget"): a capitalised fragment of at most two letters ending in
/// one of them, before a lower-case word.
fn join_split_words(name: &str) -> String {
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\p{Lu}[åäö]?[åäö]) (\p{Ll})").expect("valid regex"));
    SPLIT.replace_all(name, "$1$2").into_owned()
}

/// "juni 2012", "2024", "Oktober 2023": a date, not a name.
fn is_date(text: &str) -> bool {
    let months = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    months.contains(&first.as_str())
        || text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use crate::document::test_support::page;
    use crate::metadata::Labeler;

    fn project(lines: &[&str]) -> Option<String> {
        Labeler::shared().label("x.pdf", &[page(1, lines)]).project
    }

    #[test]
    fn words_split_by_the_extractor_are_joined() {
        assert_eq!(
            project(&["Projektplan: Hä lsosteget"]).as_deref(),
            Some("Hälsosteget")
        );
    }

    #[test]
    fn titles_without_a_name() {
        assert_eq!(project(&["Delrapport juni 2012", "Text."]), None);
        assert_eq!(
            project(&["Kvartalsrapport för finansierad insats", "x"]),
            None
        );
        assert_eq!(project(&["Verksamhetsplan och budget 2025"]), None);
        assert_eq!(
            project(&["Slutrapport ESF+-projektet Ungdomsbron"]).as_deref(),
            Some("Ungdomsbron")
        );
        assert_eq!(
            project(&["Utvärdering av Team Framsteg · Samordningsförbundet Umeå"]).as_deref(),
            Some("Team Framsteg")
        );
    }
}
