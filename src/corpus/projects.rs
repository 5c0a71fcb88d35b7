//! Projects (insatser): the reports about one insats — its ansökan,
//! projektplan, kvartals- and delrapporter, slutrapport and utvärdering.
//!
//! Two reports of one förbund are about the same insats when they name it
//! alike ("RESAN", "Projekt Resan", "Insatsen RESAN – kvartal 4" all read
//! "resan"; "IPS Ung" is part of "IPS Ung Nordost"), or when they share a
//! diarienummer. A name the user set by correction is taken as it is and is
//! not joined to another by a diarienummer. Reports about a förbund as a
//! whole (verksamhetsplan, årsredovisning) belong to no project.

use super::Features;
use super::data::{DATA, fold};
use super::duplicates::DisjointSets;
use super::model::{Project, ProjectFields};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Shortest word that may carry a name alone ("ips" does not, "resan" does).
const MIN_NAME_WORD: usize = 4;

/// Projects found among documents.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// The projects.
    pub projects: Vec<Project>,
    /// For each document, the index of its project in `projects`.
    pub assignment: Vec<Option<usize>>,
    /// For each document, the name key it was grouped by (its own, or the
    /// one its title or file name carries when its own was misread).
    pub keys: Vec<Option<String>>,
}

impl Grouping {
    /// The name keys each document goes by: every key of its project's
    /// documents (the ways its reports write the name), or its own.
    pub fn names(&self) -> Vec<Vec<String>> {
        let mut of_project: Vec<Vec<String>> = vec![Vec::new(); self.projects.len()];
        for (project, key) in self.assignment.iter().zip(&self.keys) {
            if let (Some(p), Some(key)) = (project, key) {
                of_project[*p].push(key.clone());
            }
        }
        for names in &mut of_project {
            names.sort();
            names.dedup();
        }
        let own = |key: &Option<String>| key.iter().cloned().collect();
        (self.assignment.iter().zip(&self.keys))
            .map(|(project, key)| project.map_or_else(|| own(key), |p| of_project[p].clone()))
            .collect()
    }
}

/// The projects among `documents` (originals only), each document's project
/// and the name key it was grouped by.
pub fn group(documents: &[&Features]) -> Grouping {
    let mut keys: Vec<Option<String>> = documents.iter().map(|d| project_key(d)).collect();
    recognise_mentions(documents, &mut keys);
    let mut sets = DisjointSets::new(documents.len());
    link_by_name(documents, &keys, &mut sets);
    link_by_diarienummer(documents, &keys, &mut sets);
    let mut projects = Vec::new();
    let mut assignment = vec![None; documents.len()];
    for members in sets.groups() {
        if members.iter().all(|&i| keys[i].is_none()) {
            continue; // no member names a project
        }
        for &i in &members {
            assignment[i] = Some(projects.len());
        }
        projects.push(project(documents, &keys, &members));
    }
    Grouping {
        projects,
        assignment,
        keys,
    }
}

/// The document's project name without the words beside it, folded:
/// `None` when it names none (or is about its förbund as a whole).
pub fn project_key(document: &Features) -> Option<String> {
    name_key(document.summary.project.as_deref()?)
}

/// A name without noise words and numbers, folded ("Insatsen RESAN – kvartal 4" → "resan").
pub fn name_key(name: &str) -> Option<String> {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !DATA.projects.noise.contains(*w))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Gives a project report that names no project, or one no other report of
/// its förbund names (a form's label read as its name), the project of
/// its förbund whose name its title or file name carries — a name carried
/// whole before one carried in part, then the longest, when one is best.
fn recognise_mentions(documents: &[&Features], keys: &mut [Option<String>]) {
    let mut named: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(key) = key {
            *named
                .entry((&documents[i].summary.forbund, key))
                .or_default() += 1;
        }
    }
    let mut keys_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for &(forbund, key) in named.keys() {
        keys_of.entry(forbund).or_default().push(key);
    }
    let mut found = Vec::new();
    for (i, document) in documents.iter().enumerate() {
        let forbund = document.summary.forbund.as_str();
        let alone = keys[i]
            .as_deref()
            .is_none_or(|k| named.get(&(forbund, k)) == Some(&1));
        if !alone || !is_project_report(document, keys[i].is_some()) {
            continue;
        }
        let words: BTreeSet<String> = fold(&document.name_text)
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .collect();
        let mut mentioned: Vec<((bool, usize), &str)> = (keys_of.get(forbund).into_iter())
            .flatten()
            .filter(|&&key| Some(key) != keys[i].as_deref() && is_a_name(key))
            .filter_map(|&key| Some((mention(key, &words)?, key)))
            .collect();
        mentioned.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
        let best = mentioned.first().map(|(n, _)| *n);
        if best.is_some() && mentioned.get(1).map(|(n, _)| *n) < best {
            found.push((i, mentioned[0].1.to_string()));
        }
    }
    for (i, key) in found {
        keys[i] = Some(key);
    }
}

/// How `words` hold a name, when they do — all its words, or at least two
/// and two thirds of them ("IPS Ung" of "IPS Ung Nordost"): whether whole,
/// and how many words; `None` otherwise.
fn mention(key: &str, words: &BTreeSet<String>) -> Option<(bool, usize)> {
    let total = key.split(' ').count();
    let held = key.split(' ').filter(|w| words.contains(*w)).count();
    (held == total || (held >= 2 && held * 3 >= total * 2)).then_some((held == total, held))
}

/// True when a name key can name a project by itself: two words, or one of a
/// name's length.
fn is_a_name(key: &str) -> bool {
    key.split(' ').count() >= 2 || key.chars().count() >= MIN_NAME_WORD
}

/// Joins documents of one förbund whose names are equal or one's words
/// hold the other's (with a word long enough to be a name).
fn link_by_name(documents: &[&Features], keys: &[Option<String>], sets: &mut DisjointSets) {
    let mut by_forbund: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if key.is_some() {
            by_forbund
                .entry(&documents[i].summary.forbund)
                .or_default()
                .push(i);
        }
    }
    for members in by_forbund.values() {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                if names_agree(keys[a].as_deref(), keys[b].as_deref())
                    && owners_agree(documents[a], documents[b])
                {
                    sets.join(a, b);
                }
            }
        }
    }
}

/// True when two names are the same project's: equal, or one's words are
/// all among the other's and are a name by themselves (two words, or one
/// of a name's length).
fn names_agree(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    if a == b {
        return true;
    }
    let words = |k: &str| {
        k.split(' ')
            .map(str::to_string)
            .collect::<BTreeSet<String>>()
    };
    let (wa, wb) = (words(a), words(b));
    let (small, large) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    small.is_subset(&large) && is_a_name(&small.iter().cloned().collect::<Vec<_>>().join(" "))
}

/// False only when both documents name owners and the owners differ.
fn owners_agree(a: &Features, b: &Features) -> bool {
    match (&a.summary.owner, &b.summary.owner) {
        (Some(x), Some(y)) => fold(x) == fold(y),
        _ => true,
    }
}

/// Joins documents of one förbund that name the same diarienummer, when
/// both are project reports and no user correction says otherwise.
fn link_by_diarienummer(documents: &[&Features], keys: &[Option<String>], sets: &mut DisjointSets) {
    let mut by_number: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, document) in documents.iter().enumerate() {
        if !is_project_report(document, keys[i].is_some()) {
            continue;
        }
        for number in &document.diarienummer {
            by_number
                .entry((&document.summary.forbund, number))
                .or_default()
                .push(i);
        }
    }
    for members in by_number.values() {
        for &other in &members[1..] {
            let (a, b) = (members[0], other);
            let corrected = |i: usize| documents[i].overridden.iter().any(|f| f == "project");
            let conflict = keys[a].is_some()
                && keys[b].is_some()
                && !names_agree(keys[a].as_deref(), keys[b].as_deref());
            if !(conflict && (corrected(a) || corrected(b))) {
                sets.join(a, b);
            }
        }
    }
}

/// A report about an insats: it names a project, or its type is one of a
/// project's (ansökan, delrapport …) rather than the förbund's.
fn is_project_report(document: &Features, named: bool) -> bool {
    named || DATA.projects.is_project_type(&document.summary.report_type)
}

/// The project of `members`: id, name, förbund, documents in time order.
fn project(documents: &[&Features], keys: &[Option<String>], members: &[usize]) -> Project {
    let mut ordered: Vec<usize> = members.to_vec();
    ordered.sort_by_key(|&i| timeline_position(documents[i]));
    let key = most_common(ordered.iter().filter_map(|&i| keys[i].clone())).unwrap_or_default();
    let name = most_common(
        ordered
            .iter()
            .filter(|&&i| keys[i].as_deref() == Some(key.as_str()))
            .filter(|&&i| project_key(documents[i]).as_deref() == Some(key.as_str()))
            .filter_map(|&i| documents[i].summary.project.clone()),
    )
    .unwrap_or_else(|| key.clone());
    let first = documents[ordered[0]];
    let years: Vec<i32> = ordered
        .iter()
        .filter_map(|&i| documents[i].summary.year)
        .collect();
    let mut malgrupp: Vec<String> = ordered
        .iter()
        .flat_map(|&i| documents[i].summary.malgrupp.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    malgrupp.sort();
    Project {
        project_id: project_id(&first.summary.forbund, &key),
        name,
        forbund: first.summary.forbund.clone(),
        owner: ordered
            .iter()
            .find_map(|&i| documents[i].summary.owner.clone()),
        documents: ordered
            .iter()
            .map(|&i| documents[i].summary.doc_id.clone())
            .collect(),
        malgrupp,
        years: years
            .iter()
            .min()
            .zip(years.iter().max())
            .map(|(a, b)| (*a, *b)),
        fields: merged_fields(ordered.iter().map(|&i| &documents[i].fields)),
    }
}

/// Where a report stands on its project's timeline: its phase (ansökan
/// before kvartalsrapporter before slutrapport), then its year, then its path.
fn timeline_position(document: &Features) -> (usize, i32, String) {
    let summary = &document.summary;
    let path = summary.paths.first().cloned().unwrap_or_default();
    let phase = DATA.projects.phase(&summary.report_type);
    (phase, summary.year.unwrap_or(i32::MAX), path)
}

/// The value met most often (the first met among equals).
fn most_common(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, n)) => *n += 1,
            None => counts.push((value, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

/// Each field as the first report (in time order) that states it.
fn merged_fields<'a>(fields: impl Iterator<Item = &'a ProjectFields>) -> ProjectFields {
    let mut merged = ProjectFields::default();
    for f in fields {
        merged.inriktning = merged.inriktning.or_else(|| f.inriktning.clone());
        merged.esf = merged.esf.or(f.esf);
        merged.start = merged.start.or_else(|| f.start.clone());
        merged.end = merged.end.or_else(|| f.end.clone());
    }
    merged
}

/// A stable id: 16 hex digits of the SHA-256 of the förbund and the name key.
fn project_id(forbund: &str, key: &str) -> String {
    let digest = Sha256::digest(format!("{forbund}\n{key}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Projects by id.
pub fn by_id(projects: Vec<Project>) -> BTreeMap<String, Project> {
    projects
        .into_iter()
        .map(|p| (p.project_id.clone(), p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Summary;

    fn report(
        doc_id: &str,
        forbund: &str,
        project: Option<&str>,
        kind: &str,
        year: i32,
    ) -> Features {
        Features {
            summary: Summary {
                doc_id: doc_id.into(),
                paths: vec![format!("{doc_id}.pdf")],
                forbund: forbund.into(),
                project: project.map(str::to_string),
                report_type: kind.into(),
                year: Some(year),
                ..Summary::default()
            },
            ..Features::default()
        }
    }

    #[test]
    fn names_written_in_different_ways_read_alike() {
        for name in [
            "RESAN",
            "Projekt Resan",
            "Insatsen RESAN – kvartal 4",
            "projektet Resan",
        ] {
            assert_eq!(name_key(name).as_deref(), Some("resan"), "{name}");
        }
        assert_eq!(
            name_key("ESF+-projektet Ungdomsbron").as_deref(),
            Some("ungdomsbron")
        );
        assert_eq!(name_key("Kvartalsrapport 4"), None);
    }

    #[test]
    fn reports_of_one_insats_form_a_project_in_time_order() {
        let docs = [
            report(
                "c",
                "F",
                Some("Insatsen RESAN – kvartal 4"),
                "kvartalsrapport",
                2023,
            ),
            report("a", "F", Some("Projekt Resan"), "ansökan", 2022),
            report("s", "F", Some("RESAN"), "slutrapport", 2024),
            report("x", "F", Some("Steget"), "ansökan", 2022),
            report("y", "G", Some("Resan"), "ansökan", 2022),
            report("v", "F", None, "verksamhetsplan", 2023),
        ];
        let refs: Vec<&Features> = docs.iter().collect();
        let Grouping {
            projects,
            assignment,
            ..
        } = group(&refs);
        let resan = &projects[assignment[0].unwrap()];
        assert_eq!(resan.documents, ["a", "c", "s"]);
        assert_eq!(resan.years, Some((2022, 2024)));
        assert_ne!(
            assignment[3], assignment[0],
            "another name is another project"
        );
        assert_ne!(
            assignment[4], assignment[0],
            "another förbund is another project"
        );
        assert_eq!(assignment[5], None);
        assert_eq!(projects.len(), 3);
    }

    #[test]
    fn a_shared_diarienummer_joins_a_report_that_names_no_project() {
        let mut plan = report("p", "F", None, "delrapport", 2023);
        plan.diarienummer = vec!["2022/19".into()];
        let mut application = report("a", "F", Some("Steget"), "ansökan", 2022);
        application.diarienummer = vec!["2022/19".into()];
        let Grouping {
            projects,
            assignment,
            keys,
        } = group(&[&plan, &application]);
        assert_eq!(keys, [None, Some("steget".to_string())]);
        assert_eq!(projects.len(), 1);
        assert_eq!(assignment, [Some(0), Some(0)]);
        assert_eq!(projects[0].name, "Steget");
    }

    #[test]
    fn a_report_whose_name_was_misread_joins_the_project_its_title_or_file_names() {
        let mut form = report("f", "F", Some("Sökt belopp"), "ansökan", 2021);
        form.name_text = "Ansökan om medel goteborg ansokan ips ung nordost 2021".into();
        let mut last = report("s", "F", None, "slutrapport", 2023);
        last.name_text = "Slutrapport goteborg slutrapport ips ung 2023".into();
        let middle = report("d", "F", Some("IPS Ung Nordost"), "delrapport", 2022);
        let plan = report("v", "F", None, "verksamhetsplan", 2023);
        let Grouping {
            projects,
            assignment,
            keys,
        } = group(&[&form, &last, &middle, &plan]);
        assert_eq!(
            keys[0].as_deref(),
            Some("ips ung nordost"),
            "its misread name replaced"
        );
        assert_eq!(projects.len(), 1);
        assert_eq!(assignment, [Some(0), Some(0), Some(0), None]);
        assert_eq!(projects[0].name, "IPS Ung Nordost");
        assert_eq!(projects[0].documents, ["f", "d", "s"]);
    }

    #[test]
    fn a_name_a_file_name_carries_whole_wins_over_one_it_carries_in_part() {
        let mut form = report("a", "F", Some("Sökt belopp"), "ansökan", 2024);
        form.name_text = "Ansökan om insatsmedel uppsala ansokan noll till ett 2024".into();
        let study = report("f", "F", Some("Noll till ett"), "förstudie", 2023);
        let team = report(
            "d",
            "F",
            Some("Samverkansteam Noll till ett"),
            "delrapport",
            2025,
        );
        let grouping = group(&[&form, &study, &team]);
        assert_eq!(grouping.projects.len(), 1);
        assert_eq!(grouping.assignment, [Some(0), Some(0), Some(0)]);
        assert_eq!(grouping.keys[0].as_deref(), Some("noll ett"));
        assert_eq!(grouping.names()[0], ["noll ett", "samverkansteam noll ett"]);
    }

    #[test]
    fn part_of_a_name_joins_but_a_short_common_word_does_not() {
        assert!(names_agree(Some("ips ung nordost"), Some("ips ung")));
        assert!(!names_agree(Some("ips ung nordost"), Some("ips")));
        assert!(!names_agree(Some("steget"), Some("halsosteget")));
    }
}
