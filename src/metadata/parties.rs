//! The project a report is about, its owner and its partners.
//!
//! Finsam forms ask for them by label: "Insatsens namn", "Huvudman för
//! insatsen", "Samverkansparter". A label is followed by its value on the
//! same line ("Huvudman: Göteborgs Stad"), on the next line (a table cell),
//! or — when a PDF lays a table out column by column — a few lines further
//! down after the other labels. Running text names them too: "Katrineholms
//! kommun är huvudman", "i samverkan med Arbetsförmedlingen och …",
//! "Medlemmar är …". Without a project label, a title such as
//! "Slutrapport – Återkomsten" names the project. The labels are data
//! (`data/organisations.toml`); organisations are resolved to canonical
//! names by [`Organisations`].

use std::sync::LazyLock;

use regex::Regex;

use super::evidence::{evidence, first_sentence};
use super::forbund::ForbundResolver;
use super::organisations::{Labels, Organisations};
use crate::document::{Evidence, Page};

/// How many lines after a label its value may stand (tables laid out by column).
const LOOKAHEAD: usize = 8;
/// A value continues over at most this many lines.
const VALUE_LINES: usize = 4;
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

/// What a document says about its project.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Parties {
    /// The project or insats name, with its evidence.
    pub project: Option<(String, Evidence)>,
    /// The owner's canonical name, with its evidence.
    pub owner: Option<(String, Evidence)>,
    /// Partners' canonical names (never the owner), each with its evidence.
    pub partners: Vec<(String, Evidence)>,
}

/// Compiled label patterns.
#[derive(Debug)]
pub struct PartyReader {
    owner: Regex,
    owner_before: Regex,
    partners: Regex,
    project: Regex,
    any_label: Regex,
    title_word: Regex,
    title_start: Regex,
}

/// One line of the document with its page.
type Lines<'a> = [(u32, &'a str)];

impl PartyReader {
    /// Compiles the labels of `organisations.toml`.
    pub fn new(labels: &Labels) -> PartyReader {
        let all: Vec<String> = [
            &labels.owner,
            &labels.owner_before,
            &labels.partners,
            &labels.project,
            &labels.other,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        PartyReader {
            owner: label_regex(&labels.owner),
            owner_before: label_regex(&labels.owner_before),
            partners: label_regex(&labels.partners),
            project: label_regex(&labels.project),
            any_label: label_regex(&all),
            title_word: title_regex(&labels.title_words),
            title_start: title_start_regex(&labels.title_words),
        }
    }

    /// The project, owner and partners `pages` name; `title` is the title.
    /// `is_local` tells whether an organisation belongs to the document's
    /// förbund: among several owners named (a list of related documents may
    /// name others), a local one is preferred.
    pub fn read(
        &self,
        pages: &[Page],
        title: &str,
        organisations: &Organisations,
        forbund: &ForbundResolver,
        is_local: &dyn Fn(&str) -> bool,
    ) -> Parties {
        let lines: Vec<(u32, &str)> = pages
            .iter()
            .flat_map(|p| p.lines.iter().map(move |l| (p.number, l.text.trim())))
            .map(|(p, l)| if is_contents_line(l) { (p, "") } else { (p, l) })
            .collect();
        let names = |text: &str| organisations.named_in(text, forbund);
        let owners = self.owners(&lines, &names);
        let preferred = owners.iter().position(|(n, _)| is_local(n)).unwrap_or(0);
        let owner = owners.into_iter().nth(preferred);
        let owner_name = owner.as_ref().map(|(n, _)| n.as_str());
        let partners = self.partners(&lines, &names, owner_name);
        let project = self
            .project_by_label(&lines)
            .or_else(|| self.project_by_title(title, &lines, &names));
        Parties {
            project,
            owner,
            partners,
        }
    }

    /// Every owner a label or phrase gives, in document order.
    fn owners(
        &self,
        lines: &Lines,
        names: &dyn Fn(&str) -> Vec<String>,
    ) -> Vec<(String, Evidence)> {
        let mut owners = Vec::new();
        for (i, &(page, line)) in lines.iter().enumerate() {
            for m in self.owner.find_iter(line) {
                let rest = &line[m.end()..];
                if self.partners.find(rest).is_some_and(|p| p.start() <= 2) {
                    continue; // "Insatsägare/Samverkansparter": a list of parties
                }
                let found = self.values_after(lines, i, m.end(), 1, |v| !names(v).is_empty());
                if let Some((value, at)) = found {
                    let name = names(&value).remove(0);
                    let ev = evidence("owner", &name, &labelled(m.as_str(), &value), lines[at].0);
                    owners.push((name, ev));
                }
            }
            if let Some(m) = self.owner_before.find(line) {
                let before = sentence_before(&line[..m.start()]);
                if let Some(name) = names(before).pop() {
                    let ev = evidence("owner", &name, line, page);
                    owners.push((name, ev));
                }
            }
        }
        owners
    }

    /// Partners named after partner labels, in order, without the owner.
    fn partners(
        &self,
        lines: &Lines,
        names: &dyn Fn(&str) -> Vec<String>,
        owner: Option<&str>,
    ) -> Vec<(String, Evidence)> {
        let others = |v: &str| -> Vec<String> {
            names(v)
                .into_iter()
                .filter(|n| Some(n.as_str()) != owner)
                .collect()
        };
        let mut partners: Vec<(String, Evidence)> = Vec::new();
        for (i, &(_, line)) in lines.iter().enumerate() {
            for m in self.partners.find_iter(line) {
                let found =
                    self.values_after(lines, i, m.end(), VALUE_LINES, |v| !others(v).is_empty());
                let Some((value, at)) = found else {
                    continue;
                };
                for name in others(&value) {
                    if !partners.iter().any(|(n, _)| *n == name) {
                        let text = labelled(m.as_str(), &value);
                        let ev = evidence("partners", &name, &text, lines[at].0);
                        partners.push((name, ev));
                    }
                }
            }
        }
        partners
    }

    /// The project's name after a project label.
    fn project_by_label(&self, lines: &Lines) -> Option<(String, Evidence)> {
        lines.iter().enumerate().find_map(|(i, &(_, line))| {
            let m = self.project.find(line)?;
            let (value, at) =
                self.values_after(lines, i, m.end(), 1, |v| clean_name(v).is_some())?;
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
    fn project_by_title(
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

    /// The value after a label ending at byte `end` of line `i`: the rest of
    /// the line (continued over following lines until the sentence ends), or
    /// else the first of the next lines that is not itself a label and
    /// passes `accept` (continued over up to `max_lines` lines). Returns the
    /// value and the index of the line it starts on.
    fn values_after(
        &self,
        lines: &Lines,
        i: usize,
        end: usize,
        max_lines: usize,
        accept: impl Fn(&str) -> bool,
    ) -> Option<(String, usize)> {
        let full = self.skip_labels(&lines[i].1[end..]);
        let rest = self.cut_at_label(full);
        if rest.chars().any(char::is_alphabetic) {
            // A value cut short by the next label is complete.
            let value = if rest.len() < full.len() {
                rest.trim().to_string()
            } else {
                self.continue_sentence(rest, &lines[i + 1..], max_lines)
            };
            return accept(&value).then_some((value, i));
        }
        let candidates = (i + 1..lines.len().min(i + 1 + LOOKAHEAD))
            .filter(|&j| !lines[j].1.is_empty() && !self.is_label_line(lines[j].1));
        for j in candidates {
            let value = self.continue_lines(lines, j, max_lines);
            if accept(&value) {
                return Some((value, j));
            }
        }
        None
    }

    /// `text` without separators and labels at its start ("/huvudman: X" → "X").
    fn skip_labels<'a>(&self, mut text: &'a str) -> &'a str {
        loop {
            text = text.trim_start_matches([':', ' ', '–', '-', '/', '*', '(', ')']);
            match self.any_label.find(text) {
                Some(m) if m.start() == 0 => text = &text[m.end()..],
                _ => return text,
            }
        }
    }

    /// `text` followed by the next lines while the sentence runs on (at most
    /// `max_lines` lines in all), cut at its first sentence end. A sentence runs
    /// on when the text ends in a word or a comma and the next line does not
    /// open with a label.
    fn continue_sentence(&self, text: &str, next: &Lines, max_lines: usize) -> String {
        let mut value = text.trim_end().to_string();
        for &(_, line) in next.iter().take(max_lines.saturating_sub(1)) {
            let runs_on = value
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '-');
            if !runs_on || line.is_empty() || self.starts_with_label(line) {
                break;
            }
            value.push(' ');
            value.push_str(self.cut_at_label(line));
        }
        let sentence = first_sentence(&value);
        sentence.trim_end_matches(['.', '!', '?']).to_string()
    }

    /// Line `j` and the following non-blank, non-label lines, up to `max`.
    fn continue_lines(&self, lines: &Lines, j: usize, max: usize) -> String {
        let mut value = self.cut_at_label(lines[j].1).to_string();
        for &(_, line) in lines.iter().skip(j + 1).take(max.saturating_sub(1)) {
            if line.is_empty() || self.starts_with_label(line) {
                break;
            }
            value.push(' ');
            value.push_str(self.cut_at_label(line));
        }
        value
    }

    /// `text` up to the first label in it (a value ends where a label begins).
    fn cut_at_label<'a>(&self, text: &'a str) -> &'a str {
        match self.any_label.find(text) {
            Some(m) if m.start() > 0 => &text[..m.start()],
            _ => text,
        }
    }

    /// A line that opens with a label ("Finansiär Samordningsförbundet …").
    fn starts_with_label(&self, line: &str) -> bool {
        self.any_label.find(line).is_some_and(|m| m.start() <= 1)
    }

    /// A line that is only a label ("Samverkansparter", "Kontaktperson:").
    fn is_label_line(&self, line: &str) -> bool {
        self.any_label
            .find(line)
            .is_some_and(|m| m.start() <= 1 && !line[m.end()..].chars().any(char::is_alphabetic))
    }
}

/// A case-insensitive regex of form labels; spaces in a label match any
/// run of spaces or slashes, and a label must stand as whole words.
fn label_regex(labels: &[String]) -> Regex {
    let mut sorted: Vec<&String> = labels.iter().collect();
    sorted.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let alternation: Vec<String> = sorted
        .iter()
        .map(|l| {
            let words: Vec<String> = l.split_whitespace().map(split_tolerant).collect();
            words.join(r"[\s/]+")
        })
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", alternation.join("|"))).expect("escaped labels")
}

/// A word as a regex that also matches it split after å, ä or ö, as some
/// PDF extractions do ("Projektä gare").
fn split_tolerant(word: &str) -> String {
    word.chars()
        .map(|c| {
            let escaped = regex::escape(&c.to_string());
            if c.is_ascii() {
                escaped
            } else {
                format!(r"{escaped}\s?")
            }
        })
        .collect()
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

/// Evidence text: the label and its value ("Huvudman för insatsen Bollnäs kommun").
fn labelled(label: &str, value: &str) -> String {
    format!("{} {}", label.trim(), value.trim())
}

/// A line of a table of contents ("1. Inledning... 3 Projektnamn... 3").
fn is_contents_line(line: &str) -> bool {
    line.matches("...").count() + line.matches('…').count() >= 2
}

/// The last sentence of `text` (what precedes a phrase in its sentence).
fn sentence_before(text: &str) -> &str {
    let cut = text.rfind(". ").map_or(0, |i| i + 2);
    &text[cut..]
}

#[cfg(test)]
mod tests {
    use crate::document::test_support::page;
    use crate::metadata::Labeler;

    fn read(lines: &[&str]) -> (Option<String>, Option<String>, Vec<String>) {
        let meta = Labeler::shared().label("x.pdf", &[page(1, lines)]);
        (meta.project, meta.owner, meta.partners)
    }

    #[test]
    fn form_fields_on_the_same_or_the_next_line() {
        let (project, owner, partners) = read(&[
            "Kvartalsrapport",
            "Insatsens namn KLIV – Kartläggning, Lots",
            "Huvudman för insatsen",
            "Bollnäs kommun, Arbetsmarknadsenheten",
            "Samverkansparter",
            "Bollnäs kommun (Försörjningsstöd), Arbetsförmedlingen (AF),",
            "Försäkringskassan (FK), Region Gävleborg",
            "Kontaktperson",
            "Linnea Åkerström, Region Skåne",
        ]);
        assert_eq!(project.as_deref(), Some("KLIV"));
        assert_eq!(owner.as_deref(), Some("Bollnäs kommun"));
        assert_eq!(
            partners,
            [
                "Arbetsförmedlingen",
                "Försäkringskassan",
                "Region Gävleborg"
            ]
        );
    }

    #[test]
    fn a_table_laid_out_by_column() {
        let (project, owner, partners) = read(&[
            "Namn på insats",
            "Sökande huvudman",
            "Samverkansparter",
            "Kontaktperson",
            "Brobyggarna",
            "Vaggeryds kommun, Arbetsmarknadsenheten",
            "Habo kommun, Arbetsförmedlingen Jönköping, Försäkringskassan",
        ]);
        assert_eq!(project.as_deref(), Some("Brobyggarna"));
        assert_eq!(owner.as_deref(), Some("Vaggeryds kommun"));
        assert_eq!(
            partners,
            ["Habo kommun", "Arbetsförmedlingen", "Försäkringskassan"]
        );
    }

    #[test]
    fn running_text_and_titles() {
        let (project, owner, partners) = read(&[
            "Slutrapport – Återkomsten",
            "Katrineholms kommun är huvudman och anställer två lotsar.",
            "Insatsen drivs i samverkan med Vingåkers kommun, Region",
            "Sörmland och FK. Styrgruppen träffas.",
        ]);
        assert_eq!(project.as_deref(), Some("Återkomsten"));
        assert_eq!(owner.as_deref(), Some("Katrineholms kommun"));
        assert_eq!(
            partners,
            ["Vingåkers kommun", "Region Sörmland", "Försäkringskassan"]
        );
    }

    #[test]
    fn words_split_by_the_extractor_are_joined() {
        assert_eq!(
            read(&["Projektplan: Hä lsosteget"]).0.as_deref(),
            Some("Hälsosteget")
        );
    }

    #[test]
    fn titles_without_a_name() {
        assert_eq!(read(&["Delrapport juni 2012", "Text."]).0, None);
        assert_eq!(
            read(&["Kvartalsrapport för finansierad insats", "x"]).0,
            None
        );
        assert_eq!(read(&["Verksamhetsplan och budget 2025"]).0, None);
        assert_eq!(
            read(&["Slutrapport ESF+-projektet Ungdomsbron"])
                .0
                .as_deref(),
            Some("Ungdomsbron")
        );
        assert_eq!(
            read(&["Utvärdering av Team Framsteg · Samordningsförbundet Umeå"])
                .0
                .as_deref(),
            Some("Team Framsteg")
        );
    }
}
