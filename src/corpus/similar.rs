//! "Liknande projekt": other insatser ranked by what they are about.
//!
//! Each document's content sections (syfte, mål, målgrupp, metod, resultat …)
//! become a profile: its terms weighted by tf-idf over the corpus, words
//! that most reports share left out, the strongest kept. A unit — a
//! project, or a document that belongs to none — is the sum of its
//! documents' profiles. Two units are alike by the cosine of their profiles,
//! their shared målgrupper and the methods both name — a målgrupp or method
//! few units share says more than one most do (SIP). The same project and
//! near-duplicate copies are never suggested, and each suggestion says why.
//!
//! Measured by `cargo bench --bench similar` against the judged set in
//! `tests/similar/` (see BENCHMARKS.md).

use super::Features;
use super::model::{DocumentFacts, Knowledge};
use std::collections::{BTreeSet, HashMap};

/// Terms kept in a document's profile.
const PROFILE_TERMS: usize = 100;
/// Terms found in more than this share of documents are not in profiles.
const MAX_DOC_SHARE: f64 = 0.5;
/// Weights of the three kinds of likeness.
const TEXT_WEIGHT: f32 = 0.6;
const MALGRUPP_WEIGHT: f32 = 0.25;
const METHOD_WEIGHT: f32 = 0.15;

/// The profiles of `documents` (originals), in their order, over one
/// shared vocabulary (sorted): a profile names each of its terms by its
/// index in the vocabulary, in ascending order. At a million sections the
/// profiles are most of what the corpus stage knows; a term's text is kept
/// once, not once per profile that holds it. `names` are the documents'
/// terms by index (see [`super::Terms`]).
pub fn profiles(documents: &[&Features], names: &[String]) -> (Vec<String>, Vec<Vec<(u32, f32)>>) {
    let weighted = weighted_terms(documents, names);
    let vocabulary: Vec<String> = weighted
        .iter()
        .flatten()
        .map(|&(term, _)| names[term as usize].as_str())
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(str::to_string)
        .collect();
    let id = |term: u32| {
        let name = names[term as usize].as_str();
        vocabulary
            .binary_search_by(|t| t.as_str().cmp(name))
            .expect("in the vocabulary") as u32
    };
    let profiles = weighted
        .iter()
        .map(|terms| {
            let mut profile: Vec<(u32, f32)> = terms.iter().map(|&(t, w)| (id(t), w)).collect();
            profile.sort_by_key(|&(term, _)| term);
            profile
        })
        .collect();
    (vocabulary, profiles)
}

/// Each document's strongest terms by tf-idf (by index in `names`), scaled to length 1.
fn weighted_terms(documents: &[&Features], names: &[String]) -> Vec<Vec<(u32, f32)>> {
    let mut df = vec![0usize; names.len()];
    for document in documents {
        for &(term, _) in &document.terms {
            df[term as usize] += 1;
        }
    }
    let n = documents.len().max(1) as f64;
    documents
        .iter()
        .map(|document| {
            let mut weighted: Vec<(u32, f32)> = document
                .terms
                .iter()
                .filter(|&&(term, _)| (df[term as usize] as f64) <= (n * MAX_DOC_SHARE).max(1.0))
                .map(|&(term, tf)| {
                    let idf = (1.0 + n / df[term as usize] as f64).ln() as f32;
                    (term, (1.0 + tf.ln().max(0.0)) * idf)
                })
                .collect();
            weighted.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then_with(|| names[a.0 as usize].cmp(&names[b.0 as usize]))
            });
            weighted.truncate(PROFILE_TERMS);
            normalised(weighted)
        })
        .collect()
}

/// A vector scaled to length 1 (unchanged when empty).
fn normalised<T>(mut vector: Vec<(T, f32)>) -> Vec<(T, f32)> {
    let length = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if length > 0.0 {
        vector.iter_mut().for_each(|(_, w)| *w /= length);
    }
    vector
}

/// What can be suggested: a project, or a document in no project.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A project by id.
    Project(String),
    /// A document (an original in no project) by id.
    Document(String),
}

/// A suggested unit, how alike it is, and why (in Swedish).
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The suggested unit.
    pub unit: Unit,
    /// Likeness from 0 to 1.
    pub score: f32,
    /// Why, e.g. "samma målgrupp: nollplacerade; båda arbetar med SIP".
    pub reason: String,
}

/// What a unit names: its documents' målgrupper and methods together.
struct Named<'a> {
    malgrupp: BTreeSet<&'a str>,
    methods: BTreeSet<&'a str>,
}

/// How telling each målgrupp and method is: ln(1 + units / units naming it).
struct Rarity<'a>(HashMap<&'a str, f32>);

impl<'a> Rarity<'a> {
    fn of(named: &[Named<'a>]) -> Rarity<'a> {
        let mut naming: HashMap<&str, f32> = HashMap::new();
        for unit in named {
            for &item in unit.malgrupp.iter().chain(&unit.methods) {
                *naming.entry(item).or_default() += 1.0;
            }
        }
        let units = named.len() as f32;
        naming
            .values_mut()
            .for_each(|n| *n = (1.0 + units / *n).ln());
        Rarity(naming)
    }

    fn weight(&self, item: &str) -> f32 {
        self.0.get(item).copied().unwrap_or(0.0)
    }

    /// Weighted Jaccard: the rarity of what both name over that of what either names.
    fn overlap(&self, a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> f32 {
        let either: f32 = a.union(b).map(|x| self.weight(x)).sum();
        if either == 0.0 {
            return 0.0;
        }
        a.intersection(b).map(|x| self.weight(x)).sum::<f32>() / either
    }

    /// What both name, the most telling first.
    fn shared<'b>(&self, a: &BTreeSet<&'b str>, b: &BTreeSet<&'b str>) -> Vec<&'b str> {
        let mut shared: Vec<&str> = a.intersection(b).copied().collect();
        shared.sort_by(|x, y| self.weight(y).total_cmp(&self.weight(x)).then(x.cmp(y)));
        shared
    }
}

/// The unit `doc_id` belongs to: its project, or itself (as its original).
pub fn unit_of(knowledge: &Knowledge, doc_id: &str) -> Unit {
    let original = knowledge.original_of(doc_id);
    match knowledge
        .document(original)
        .and_then(|d| d.project_id.clone())
    {
        Some(project) => Unit::Project(project),
        None => Unit::Document(original.to_string()),
    }
}

/// The `limit` units most like `unit`, best first (never `unit` itself).
/// At national size there are tens of thousands of units, all compared on
/// every call: their term vectors are summed in one reused dense buffer,
/// nothing is allocated per unit, and reasons are written only for the
/// units listed.
pub fn similar(knowledge: &Knowledge, unit: &Unit, limit: usize) -> Vec<Suggestion> {
    let units = units(knowledge);
    let Some(at) = units.iter().position(|u| u == unit) else {
        return Vec::new();
    };
    let documents: Vec<Vec<&DocumentFacts>> =
        units.iter().map(|u| documents_of(knowledge, u)).collect();
    let named: Vec<Named> = documents.iter().map(|d| named(d)).collect();
    let rarity = Rarity::of(&named);
    let mut terms = TermSum::new(knowledge.vocabulary.len());
    let target = terms.dense(&documents[at]);
    let mut scored: Vec<(usize, f32)> = (0..units.len())
        .filter(|&other| other != at)
        .map(|other| {
            let cosine = terms.cosine(&documents[other], &target);
            let score = TEXT_WEIGHT * cosine
                + MALGRUPP_WEIGHT * rarity.overlap(&named[at].malgrupp, &named[other].malgrupp)
                + METHOD_WEIGHT * rarity.overlap(&named[at].methods, &named[other].methods);
            (other, score)
        })
        .filter(|&(_, score)| score > 0.0)
        .collect();
    scored.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| units[a.0].cmp(&units[b.0]))
    });
    scored.truncate(limit);
    scored
        .into_iter()
        .map(|(other, score)| Suggestion {
            unit: units[other].clone(),
            score,
            reason: reason(
                &rarity.shared(&named[at].malgrupp, &named[other].malgrupp),
                &rarity.shared(&named[at].methods, &named[other].methods),
            ),
        })
        .collect()
}

/// Every unit: each project, and each original document in no project.
fn units(knowledge: &Knowledge) -> Vec<Unit> {
    let projects = knowledge.projects.keys().cloned().map(Unit::Project);
    let loose = knowledge
        .documents
        .iter()
        .filter(|(id, d)| d.original == **id && d.project_id.is_none())
        .map(|(id, _)| Unit::Document(id.clone()));
    projects.chain(loose).collect()
}

/// The original documents of `unit`.
fn documents_of<'a>(knowledge: &'a Knowledge, unit: &Unit) -> Vec<&'a DocumentFacts> {
    let ids: Vec<&str> = match unit {
        Unit::Project(id) => knowledge.projects.get(id).map_or(Vec::new(), |p| {
            p.documents.iter().map(String::as_str).collect()
        }),
        Unit::Document(id) => vec![id.as_str()],
    };
    ids.into_iter()
        .filter_map(|id| knowledge.document(id))
        .collect()
}

/// What `documents` name together.
fn named<'a>(documents: &[&'a DocumentFacts]) -> Named<'a> {
    let mut named = Named {
        malgrupp: BTreeSet::new(),
        methods: BTreeSet::new(),
    };
    for facts in documents {
        named
            .malgrupp
            .extend(facts.summary.malgrupp.iter().map(String::as_str));
        named
            .methods
            .extend(facts.methods.iter().map(String::as_str));
    }
    named
}

/// Sums of documents' profiles in a dense buffer over the vocabulary,
/// reused from one unit to the next.
struct TermSum {
    weights: Vec<f32>,
    touched: Vec<u32>,
}

impl TermSum {
    fn new(vocabulary: usize) -> TermSum {
        TermSum {
            weights: vec![0.0; vocabulary],
            touched: Vec::new(),
        }
    }

    /// Adds the profiles of `documents` to the (cleared) buffer.
    fn add(&mut self, documents: &[&DocumentFacts]) {
        for facts in documents {
            for &(term, weight) in &facts.profile {
                let Some(slot) = self.weights.get_mut(term as usize) else {
                    continue;
                };
                if *slot == 0.0 {
                    self.touched.push(term);
                }
                *slot += weight;
            }
        }
    }

    /// Clears what [`TermSum::add`] wrote.
    fn clear(&mut self) {
        for term in self.touched.drain(..) {
            self.weights[term as usize] = 0.0;
        }
    }

    /// The summed profiles of `documents` as a dense vector of length 1.
    fn dense(&mut self, documents: &[&DocumentFacts]) -> Vec<f32> {
        self.add(documents);
        let mut dense = self.weights.clone();
        self.clear();
        let length = dense.iter().map(|w| w * w).sum::<f32>().sqrt();
        if length > 0.0 {
            dense.iter_mut().for_each(|w| *w /= length);
        }
        dense
    }

    /// The cosine of the summed profiles of `documents` and `target` (of length 1).
    fn cosine(&mut self, documents: &[&DocumentFacts], target: &[f32]) -> f32 {
        self.add(documents);
        let (mut dot, mut squares) = (0.0, 0.0);
        for &term in &self.touched {
            let weight = self.weights[term as usize];
            dot += weight * target[term as usize];
            squares += weight * weight;
        }
        self.clear();
        if squares > 0.0 {
            dot / squares.sqrt()
        } else {
            0.0
        }
    }
}

/// "samma målgrupp: nollplacerade; båda arbetar med SIP och arbetsträning".
fn reason(groups: &[&str], methods: &[&str]) -> String {
    let mut parts = Vec::new();
    if !groups.is_empty() {
        parts.push(format!("samma målgrupp: {}", listed(groups)));
    }
    if !methods.is_empty() {
        parts.push(format!("båda arbetar med {}", listed(methods)));
    }
    if parts.is_empty() {
        return "liknande innehåll i syfte, metod och resultat".to_string();
    }
    parts.join("; ")
}

/// "a", "a och b", "a, b och c".
fn listed(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::{DocumentFacts, Project, Summary};

    fn facts(
        id: &str,
        project: Option<&str>,
        terms: &[(u32, f32)],
        groups: &[&str],
        methods: &[&str],
    ) -> DocumentFacts {
        DocumentFacts {
            summary: Summary {
                doc_id: id.into(),
                malgrupp: groups.iter().map(|g| g.to_string()).collect(),
                ..Summary::default()
            },
            original: id.into(),
            project_id: project.map(str::to_string),
            profile: terms.iter().map(|&(t, w)| (t, w)).collect(),
            methods: methods.iter().map(|m| m.to_string()).collect(),
            ..DocumentFacts::default()
        }
    }

    #[test]
    fn the_most_alike_unit_comes_first_with_a_reason() {
        let mut knowledge = Knowledge {
            vocabulary: ["sip", "sjukskriv", "arbetsträn", "språk"]
                .map(String::from)
                .into(),
            ..Knowledge::default()
        };
        for f in [
            facts(
                "a1",
                Some("A"),
                &[(0, 0.8), (1, 0.6)],
                &["nollplacerade"],
                &["SIP"],
            ),
            facts(
                "a2",
                Some("A"),
                &[(0, 0.7), (2, 0.7)],
                &["nollplacerade"],
                &["SIP"],
            ),
            facts(
                "b",
                None,
                &[(0, 0.9), (1, 0.4)],
                &["nollplacerade"],
                &["SIP"],
            ),
            facts("c", None, &[(3, 1.0)], &["nyanlända"], &["språkstöd"]),
        ] {
            knowledge.documents.insert(f.summary.doc_id.clone(), f);
        }
        knowledge.projects.insert(
            "A".into(),
            Project {
                project_id: "A".into(),
                documents: vec!["a1".into(), "a2".into()],
                ..Project::default()
            },
        );
        assert_eq!(unit_of(&knowledge, "a2"), Unit::Project("A".into()));
        let found = similar(&knowledge, &Unit::Project("A".into()), 5);
        assert_eq!(found[0].unit, Unit::Document("b".into()));
        assert_eq!(
            found[0].reason,
            "samma målgrupp: nollplacerade; båda arbetar med SIP"
        );
        assert!(found.iter().all(|s| s.unit != Unit::Project("A".into())));
        assert!(found.len() == 1 || found[1].score < found[0].score);
        // The project's text is its reports' profiles summed: (sip, sjukskriv, arbetsträn).
        let (project, b) = ([0.8 + 0.7, 0.6, 0.7], [0.9, 0.4, 0.0]);
        let length = |v: &[f32; 3]| v.iter().map(|w| w * w).sum::<f32>().sqrt();
        let dot: f32 = project.iter().zip(&b).map(|(x, y)| x * y).sum();
        let cosine = dot / (length(&project) * length(&b));
        let expected = TEXT_WEIGHT * cosine + MALGRUPP_WEIGHT + METHOD_WEIGHT;
        assert!((found[0].score - expected).abs() < 1e-5, "{found:?}");
    }

    #[test]
    fn profiles_leave_out_words_most_documents_share() {
        let names = ["samverkan", "ips", "språk"].map(String::from);
        let with = |terms: Vec<(u32, f32)>| Features {
            terms,
            ..Features::default()
        };
        let common = with(vec![(0, 5.0), (1, 2.0)]);
        let other = with(vec![(0, 5.0), (2, 2.0)]);
        let third = with(vec![(0, 1.0)]);
        let (vocabulary, profiles) = profiles(&[&common, &other, &third], &names);
        assert_eq!(vocabulary, ["ips", "språk"]);
        assert_eq!(profiles[0].len(), 1);
        assert_eq!(vocabulary[profiles[0][0].0 as usize], "ips");
        assert_eq!(vocabulary[profiles[1][0].0 as usize], "språk");
    }
}
