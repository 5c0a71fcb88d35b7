//! The corpus stage's domain knowledge, read once from `data/corpus.toml`:
//! words beside project names, the timeline order of report types, the
//! phrases that state Uppföljning Finsam's fields, named methods and the
//! headings of reference lists — and, from the metadata's own data files,
//! the cues that name a report type (`data/report_types.toml`) and the
//! names of the förbund (`data/forbund.toml`), to read references with.

use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

const CORPUS_TOML: &str = include_str!("../../data/corpus.toml");
const REPORT_TYPES_TOML: &str = include_str!("../../data/report_types.toml");
const FORBUND_TOML: &str = include_str!("../../data/forbund.toml");

/// The parsed data file.
#[derive(Debug, Deserialize)]
pub struct CorpusData {
    /// Project names and timelines.
    pub projects: ProjectData,
    /// Uppföljning Finsam's fields.
    pub fields: FieldCues,
    /// Named methods and models.
    pub methods: Vec<Method>,
    /// How reference lists are found.
    pub references: ReferenceData,
}

/// How reference lists are found and report types named in them.
#[derive(Debug, Deserialize)]
pub struct ReferenceData {
    /// Headings of reference lists (lower-case).
    pub headings: Vec<String>,
    /// Lowest weight of a report-type cue that names the type in a reference.
    pub min_type_weight: u32,
}

impl ReferenceData {
    /// True when `heading` (one part of a nested heading) is a reference
    /// list's: one of [`ReferenceData::headings`], ignoring a leading number
    /// ("7.", "7.1") and a trailing colon.
    pub fn is_heading(&self, heading: &str) -> bool {
        let bare = heading
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .trim()
            .trim_end_matches(':')
            .trim()
            .to_lowercase();
        self.headings.contains(&bare)
    }
}

/// How project names are read and their reports ordered.
#[derive(Debug, Deserialize)]
pub struct ProjectData {
    /// Words beside a name that are not part of it (ASCII-folded).
    pub noise: HashSet<String>,
    /// Report types in timeline phases (by year within a phase).
    pub timeline: Vec<Vec<String>>,
}

impl ProjectData {
    /// The phase of a report type on a project's timeline (unknown types last).
    pub fn phase(&self, report_type: &str) -> usize {
        self.timeline
            .iter()
            .position(|phase| phase.iter().any(|t| t == report_type))
            .unwrap_or(self.timeline.len())
    }

    /// True for the report types of a project (not of a förbund as a whole).
    pub fn is_project_type(&self, report_type: &str) -> bool {
        self.phase(report_type) < self.timeline.len()
    }
}

/// Phrases that state the fields a project registers.
#[derive(Debug, Deserialize)]
pub struct FieldCues {
    /// Individinriktad insats.
    pub individinriktad: Vec<String>,
    /// Strukturövergripande insats.
    #[serde(rename = "strukturövergripande")]
    pub strukturovergripande: Vec<String>,
    /// Financed by the ESF.
    pub esf: Vec<String>,
    /// Stated not to be financed by the ESF.
    pub not_esf: Vec<String>,
    /// Labels before a period ("Projektperiod: 2022-09-01 – 2024-08-31").
    pub period_labels: Vec<String>,
    /// Labels before a start date.
    pub start_labels: Vec<String>,
    /// Labels before an end date.
    pub end_labels: Vec<String>,
}

/// A named method or model and the phrases that name it.
#[derive(Debug, Deserialize)]
pub struct Method {
    /// Its name as shown ("IPS", "SIP").
    pub name: String,
    /// Phrases naming it, matched as whole words, case-insensitively.
    pub phrases: Vec<String>,
}

/// The data, parsed once.
pub static DATA: LazyLock<CorpusData> =
    LazyLock::new(|| toml::from_str(CORPUS_TOML).expect("data/corpus.toml is valid (tested)"));

/// A report type as `data/report_types.toml` describes it (the fields the
/// corpus stage reads).
#[derive(Debug, Deserialize)]
pub struct ReportType {
    /// Its name ("delrapport").
    pub name: String,
    /// True for a report about a förbund as a whole (verksamhetsplan …).
    #[serde(default)]
    pub about_forbund: bool,
    /// Phrases that name it, with how specific they are (10 = outright).
    pub cues: Vec<TypeCue>,
}

/// A phrase naming a report type.
#[derive(Debug, Deserialize)]
pub struct TypeCue {
    /// The phrase, as written.
    pub phrase: String,
    /// How specific it is.
    pub weight: u32,
}

#[derive(Deserialize)]
struct ReportTypesFile {
    #[serde(rename = "type")]
    types: Vec<ReportType>,
}

/// The report types, parsed once.
pub static REPORT_TYPES: LazyLock<Vec<ReportType>> = LazyLock::new(|| {
    let file: ReportTypesFile =
        toml::from_str(REPORT_TYPES_TOML).expect("data/report_types.toml is valid (tested)");
    file.types
});

/// True when `report_type` is about a förbund as a whole.
pub fn is_about_forbund(report_type: &str) -> bool {
    REPORT_TYPES
        .iter()
        .any(|t| t.name == report_type && t.about_forbund)
}

/// A förbund and the phrases (folded, punctuation as spaces) that name it
/// outright: its name, aliases and former names, its short name in each of
/// the data file's name patterns, and the short name alone when it has two
/// words or more ("Östra Södertörn"; a one-word place such as "Lund" is a
/// town as often as a förbund).
#[derive(Debug)]
pub struct ForbundNames {
    /// Canonical name, as documents are labelled.
    pub name: String,
    /// Phrases naming it.
    pub phrases: Vec<String>,
}

#[derive(Deserialize)]
struct ForbundFile {
    name_patterns: Vec<String>,
    forbund: Vec<ForbundEntry>,
}

#[derive(Deserialize)]
struct ForbundEntry {
    name: String,
    short: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    former: Vec<FormerEntry>,
}

#[derive(Deserialize)]
struct FormerEntry {
    name: String,
}

/// The förbund with the phrases naming them, parsed once.
pub static FORBUND: LazyLock<Vec<ForbundNames>> = LazyLock::new(|| {
    let file: ForbundFile =
        toml::from_str(FORBUND_TOML).expect("data/forbund.toml is valid (tested)");
    file.forbund
        .iter()
        .map(|f| {
            let mut phrases: Vec<String> = std::iter::once(f.name.clone())
                .chain(f.aliases.iter().cloned())
                .chain(f.former.iter().map(|x| x.name.clone()))
                .chain(
                    file.name_patterns
                        .iter()
                        .map(|p| p.replace("{short}", &f.short)),
                )
                .map(|p| words_of(&p))
                .collect();
            if words_of(&f.short).split(' ').count() >= 2 {
                phrases.push(words_of(&f.short));
            }
            phrases.sort();
            phrases.dedup();
            ForbundNames {
                name: f.name.clone(),
                phrases,
            }
        })
        .collect()
});

/// `text` folded, its words separated by single spaces ("Burlöv-Staffanstorp"
/// → "burlov staffanstorp").
pub fn words_of(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` lower-cased with å, ä → a, ö → o, é → e, ü → u (for comparing names).
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' => 'u',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_and_is_consistent() {
        let data = &*DATA;
        assert!(data.projects.noise.contains("projekt"));
        assert!(
            data.projects.noise.iter().all(|w| *w == fold(w)),
            "noise words are folded"
        );
        let types = include_str!("../../data/report_types.toml");
        for kind in data.projects.timeline.iter().flatten() {
            assert!(
                types.contains(&format!("\"{kind}\"")),
                "{kind} is a report type"
            );
        }
        assert!(data.methods.len() >= 10);
        assert!(data.methods.iter().all(|m| !m.phrases.is_empty()));
        assert!(!data.fields.esf.is_empty() && !data.fields.individinriktad.is_empty());
    }

    #[test]
    fn reference_headings_are_read_without_numbers_and_colons() {
        let references = &DATA.references;
        assert!(references.is_heading("Referenser"));
        assert!(references.is_heading("7. Källor:"));
        assert!(references.is_heading("Relevanta dokument"));
        assert!(!references.is_heading("Referensgrupp"));
        assert!(!references.is_heading("Resultat"));
    }

    #[test]
    fn report_types_and_forbund_are_read_from_the_metadata_files() {
        assert!(REPORT_TYPES.iter().any(
            |t| t.name == "delrapport" && t.cues.iter().any(|c| c.phrase == "halvtidsrapport")
        ));
        assert!(is_about_forbund("verksamhetsplan"));
        assert!(!is_about_forbund("slutrapport"));
        let rar = FORBUND
            .iter()
            .find(|f| f.name == "Samordningsförbundet RAR Sörmland")
            .expect("listed");
        assert!(rar.phrases.contains(&"rar i sormland".to_string()));
        let lund = FORBUND
            .iter()
            .find(|f| f.name == "Samordningsförbundet Finsam Lund")
            .expect("listed");
        assert!(lund.phrases.contains(&"finsam lund".to_string()));
        assert!(!lund.phrases.contains(&"lund".to_string()), "a town alone");
    }

    #[test]
    fn folding_keeps_letters_comparable() {
        assert_eq!(fold("Återkomsten Hälsosteget"), "aterkomsten halsosteget");
    }
}
