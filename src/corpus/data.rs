//! The corpus stage's domain knowledge, read once from `data/corpus.toml`:
//! words beside project names, the timeline order of report types, the
//! phrases that state Uppföljning Finsam's fields, and named methods.

use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

const CORPUS_TOML: &str = include_str!("../../data/corpus.toml");

/// The parsed data file.
#[derive(Debug, Deserialize)]
pub struct CorpusData {
    /// Project names and timelines.
    pub projects: ProjectData,
    /// Uppföljning Finsam's fields.
    pub fields: FieldCues,
    /// Named methods and models.
    pub methods: Vec<Method>,
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
    fn folding_keeps_letters_comparable() {
        assert_eq!(fold("Återkomsten Hälsosteget"), "aterkomsten halsosteget");
    }
}
