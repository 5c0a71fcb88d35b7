//! References between reports: the entries of a report's reference list
//! ("Referenser", "Källor", "Relevanta dokument"), each resolved to the
//! corpus document it names when the corpus has it, and left as text when
//! it does not — so a user sees what the corpus lacks.
//!
//! An entry names a document when it names the document's report type and
//! its project (or the distinctive words of its title), and agrees with its
//! förbund and year where it states them.

use super::Features;
use super::data::fold;
use super::projects::name_key;
use crate::index::DocumentRecord;
use std::collections::HashSet;

/// Longest reference entry kept, in characters (a longer one is prose).
const MAX_ENTRY_CHARS: usize = 400;
/// Shortest entry kept, in characters.
const MIN_ENTRY_CHARS: usize = 12;

/// The entries of the document's reference-list sections, one per line or
/// bullet, as written.
pub fn entries(record: &DocumentRecord) -> Vec<String> {
    record
        .sections
        .iter()
        .filter(|s| s.labels.kind() == "referenser")
        .flat_map(|s| split_entries(&s.section.text))
        .collect()
}

/// A reference list's text as entries: a bullet, a number or a line break
/// starts an entry.
fn split_entries(text: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let bare = line
            .trim_start_matches(['•', '·', '-', '–', '*', '▪', '◦'])
            .trim_start();
        entries.push(bare.to_string());
    }
    entries
        .into_iter()
        .filter(|e| (MIN_ENTRY_CHARS..=MAX_ENTRY_CHARS).contains(&e.chars().count()))
        .collect()
}

/// The document (index into `documents`) an entry names, if exactly one
/// does; `own` is the citing document, never its own reference.
pub fn resolve(entry: &str, documents: &[&Features], own: usize) -> Option<usize> {
    let words = word_set(entry);
    let years = years(entry);
    let mut best: Option<(usize, usize)> = None;
    let mut tied = false;
    for (i, document) in documents.iter().enumerate() {
        if i == own {
            continue;
        }
        let Some(score) = match_score(&words, &years, document) else {
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

/// How well an entry names `document` (more shared name words is better),
/// or `None` when it does not: its type, its name, its year and förbund
/// must all agree.
fn match_score(words: &HashSet<String>, years: &[i32], document: &Features) -> Option<usize> {
    let summary = &document.summary;
    if !words.contains(&fold(&summary.report_type)) && !names_type(words, &summary.report_type) {
        return None;
    }
    if !years.is_empty()
        && summary
            .year
            .is_some_and(|y| !years.contains(&y) && !years.contains(&(y + 1)))
    {
        return None;
    }
    let name_words: Vec<String> = summary
        .project
        .as_deref()
        .and_then(name_key)
        .map(|k| k.split(' ').map(str::to_string).collect())
        .unwrap_or_default();
    if name_words.is_empty() || !name_words.iter().all(|w| words.contains(w)) {
        return None;
    }
    let forbund_words = word_set(&summary.forbund);
    let names_a_forbund = words
        .iter()
        .any(|w| w.starts_with("samordningsforbund") || w == "finsam");
    if names_a_forbund
        && !forbund_words
            .iter()
            .any(|w| w.len() > 3 && words.contains(w) && !w.starts_with("samordningsforbund"))
    {
        return None;
    }
    Some(name_words.len())
}

/// True when the entry's words name the report type by a word that starts
/// with it ("ansökan" in "projektansökan", "kvartalsrapport" in "kvartalsrapporten").
fn names_type(words: &HashSet<String>, report_type: &str) -> bool {
    let kind = fold(report_type);
    words.iter().any(|w| w.contains(&kind))
}

/// The entry's words, folded.
fn word_set(text: &str) -> HashSet<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The years an entry names (1990–2099).
fn years(text: &str) -> Vec<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse().ok())
        .filter(|y| (1990..2100).contains(y))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Summary;

    fn document(kind: &str, project: &str, forbund: &str, year: i32) -> Features {
        Features {
            summary: Summary {
                report_type: kind.into(),
                project: Some(project.into()),
                forbund: forbund.into(),
                year: Some(year),
                ..Summary::default()
            },
            ..Features::default()
        }
    }

    #[test]
    fn an_entry_is_resolved_by_type_name_year_and_forbund() {
        let docs = [
            document("ansökan", "KLIV", "Samordningsförbundet Gävleborg", 2023),
            document(
                "kvartalsrapport",
                "KLIV",
                "Samordningsförbundet Gävleborg",
                2024,
            ),
            document(
                "slutrapport",
                "Steget",
                "Samordningsförbundet Halland",
                2024,
            ),
        ];
        let refs: Vec<&Features> = docs.iter().collect();
        let find = |entry: &str| resolve(entry, &refs, usize::MAX);
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
        assert_eq!(
            find("ISF Rapport 2023:6. Unga med aktivitetsersättning"),
            None
        );
        assert_eq!(
            find("Samordningsförbundet Skåne: Slutrapport Steget 2024"),
            None,
            "another förbund"
        );
    }

    #[test]
    fn reference_lists_split_into_entries() {
        let text = "• Ansökan om medel – KLIV, 2023.\n• Kvartalsrapport KLIV, kvartal 1 2024.\nx";
        assert_eq!(split_entries(text).len(), 2);
    }
}
