//! Knowledge about the corpus as a whole: which files are the same report
//! (near-duplicates), which reports are about one insats (projects), which
//! reports cite which (references), and what each insats is about (for
//! "Liknande projekt").
//!
//! This stage runs after metadata, over every indexed document at the end
//! of an ingest run: [`Features::of`] reads each document once, [`relate`]
//! relates them all. The result, [`Knowledge`], is stored with the index
//! and read by search; the per-document stages never see it.

pub mod data;
pub mod duplicates;
mod features;
pub mod model;
pub mod projects;
pub mod references;
pub mod similar;

pub use features::{Features, Terms};
pub use model::{DocumentFacts, Knowledge, Project, ProjectFields, Reference, Summary};
pub use similar::{Suggestion, Unit};

use std::collections::BTreeMap;

/// Relates every document's features (their terms kept in `terms`):
/// near-duplicates, projects, references and profiles.
pub fn relate(features: Vec<Features>, terms: Terms) -> Knowledge {
    let mut features = features;
    features.sort_by(|a, b| a.summary.doc_id.cmp(&b.summary.doc_id));
    let original_of = originals(&features);
    let original_indexes: Vec<usize> = (0..features.len())
        .filter(|&i| original_of[i] == i)
        .collect();
    let grouping = {
        let originals: Vec<&Features> = original_indexes.iter().map(|&i| &features[i]).collect();
        projects::group(&originals)
    };
    name_projects(
        &mut features,
        &original_indexes,
        &grouping.projects,
        &grouping.assignment,
    );
    let originals: Vec<&Features> = original_indexes.iter().map(|&i| &features[i]).collect();
    let catalogue = references::Catalogue::new(
        (originals.iter().zip(grouping.names()))
            .map(|(features, names)| references::Candidate { features, names })
            .collect(),
    );
    let copies = copies(&original_of);
    let (vocabulary, profiles) = similar::profiles(&originals, &terms.into_names());
    let position = |i: usize| original_indexes.binary_search(&i).expect("an original");
    let mut documents: BTreeMap<String, DocumentFacts> = BTreeMap::new();
    for (i, document) in features.iter().enumerate() {
        let original = original_of[i];
        let at = position(original);
        let is_original = original == i;
        let references = document
            .references
            .iter()
            .map(|text| Reference {
                text: text.clone(),
                doc_id: catalogue
                    .resolve(text, at)
                    .map(|j| originals[j].summary.doc_id.clone()),
            })
            .collect();
        let facts = DocumentFacts {
            summary: document.summary.clone(),
            original: features[original].summary.doc_id.clone(),
            copies: (copies[i].iter())
                .map(|&j| features[j].summary.doc_id.clone())
                .collect(),
            project_id: grouping.assignment[at].map(|p| grouping.projects[p].project_id.clone()),
            references,
            cited_by: Vec::new(),
            profile: if is_original {
                profiles[at].clone()
            } else {
                Vec::new()
            },
            methods: document.methods.clone(),
            diarienummer: document.diarienummer.clone(),
        };
        documents.insert(document.summary.doc_id.clone(), facts);
    }
    add_cited_by(&mut documents);
    Knowledge {
        documents,
        projects: projects::by_id(grouping.projects),
        vocabulary,
        stage: model::STAGE.to_string(),
    }
}

/// Gives each original in a project the project's name where its own
/// label names none or another (a form's label misread as its name), so
/// that it is listed and cited under the name its project goes by.
fn name_projects(
    features: &mut [Features],
    original_indexes: &[usize],
    projects: &[Project],
    assignment: &[Option<usize>],
) {
    for (at, &i) in original_indexes.iter().enumerate() {
        let Some(project) = assignment[at].map(|p| &projects[p]) else {
            continue;
        };
        let own = features[i]
            .summary
            .project
            .as_deref()
            .and_then(projects::name_key);
        if own != projects::name_key(&project.name) {
            features[i].summary.project = Some(project.name.clone());
        }
    }
}

/// For each document, the index of the original it is a copy of (itself
/// when it is the original): in each group of near-duplicates, the one with
/// a text layer rather than OCR, then the one with the shortest file name
/// (copies tend to gain suffixes: "-utskrift", "-kopia", "(1)"), then the
/// first path.
fn originals(features: &[Features]) -> Vec<usize> {
    let signatures: Vec<duplicates::Signature> =
        features.iter().map(|f| f.signature.clone()).collect();
    let mut original_of: Vec<usize> = (0..features.len()).collect();
    for group in duplicates::groups(&signatures) {
        let best = *group
            .iter()
            .min_by_key(|&&i| {
                let f = &features[i];
                let path = f.summary.paths.first().cloned().unwrap_or_default();
                let name = path.rsplit('/').next().map_or(0, str::len);
                (f.summary.ocr, name, path)
            })
            .expect("groups are not empty");
        group.iter().for_each(|&i| original_of[i] = best);
    }
    original_of
}

/// For each document, the copies it is the original of, in order (none
/// for a copy).
fn copies(original_of: &[usize]) -> Vec<Vec<usize>> {
    let mut copies = vec![Vec::new(); original_of.len()];
    for (j, &original) in original_of.iter().enumerate() {
        if original != j {
            copies[original].push(j);
        }
    }
    copies
}

/// Fills each original's `cited_by` from the resolved references of the
/// other originals.
fn add_cited_by(documents: &mut BTreeMap<String, DocumentFacts>) {
    let mut citations: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, facts) in documents.iter().filter(|(id, f)| f.original == **id) {
        for cited in facts.references.iter().filter_map(|r| r.doc_id.as_ref()) {
            if cited != id {
                citations.entry(cited.clone()).or_default().push(id.clone());
            }
        }
    }
    for (cited, mut by) in citations {
        by.sort();
        by.dedup();
        if let Some(facts) = documents.get_mut(&cited) {
            facts.cited_by = by;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(id: &str, text: &str, project: Option<&str>, kind: &str) -> Features {
        Features {
            summary: Summary {
                doc_id: id.into(),
                paths: vec![format!("{id}.pdf")],
                forbund: "F".into(),
                project: project.map(str::to_string),
                report_type: kind.into(),
                year: Some(2024),
                ..Summary::default()
            },
            signature: duplicates::signature(text),
            words: text.split_whitespace().count(),
            ..Features::default()
        }
    }

    #[test]
    fn copies_stand_under_their_original_and_share_its_project() {
        let body: String = (0..300).map(|i| format!("ord{} ", i * 7 % 997)).collect();
        let mut original = features("b", &body, Some("Steget"), "slutrapport");
        original.references = vec!["Ansökan Steget 2024".into()];
        let mut copy = features("a", &format!("{body} Webbversion"), None, "slutrapport");
        copy.summary.paths = vec!["b-webbversion.pdf".into()];
        let application = features(
            "c",
            "Ansökan om medel för Steget",
            Some("Steget"),
            "ansökan",
        );
        let knowledge = relate(vec![original, copy, application], Terms::default());
        let (a, b) = (&knowledge.documents["a"], &knowledge.documents["b"]);
        assert_eq!(
            (a.original.as_str(), b.original.as_str()),
            ("b", "b"),
            "the shorter file name is the original"
        );
        assert_eq!(b.copies, ["a"]);
        assert_eq!(a.project_id, b.project_id);
        assert_eq!(knowledge.projects.len(), 1);
        assert_eq!(b.references[0].doc_id.as_deref(), Some("c"));
        assert_eq!(knowledge.documents["c"].cited_by, ["b"]);
    }
}
