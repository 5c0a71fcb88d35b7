//! What the corpus stage reads off each document once: its summary, a
//! MinHash signature, the terms of its content sections, the methods and
//! diarienummer it names, Uppföljning Finsam's fields, and its reference
//! entries. Everything after works on these.

use super::data::{DATA, fold};
use super::duplicates::{self, Signature};
use super::model::{ProjectFields, Summary};
use super::references;
use crate::index::{DocumentRecord, UNKNOWN_FORBUND, UNKNOWN_REPORT_TYPE};
use regex::{Regex, RegexSet};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// Section kinds whose words say what an insats is about, with how much
/// they count; other kinds (ekonomi, kontakt, referenser …) do not count.
const CONTENT_KINDS: [(&str, f32); 12] = [
    ("sammanfattning", 1.0),
    ("syfte", 1.0),
    ("mål", 1.0),
    ("målgrupp", 1.0),
    ("metod", 1.0),
    ("resultat", 1.0),
    ("framgångsfaktorer", 1.0),
    ("hinder", 0.7),
    ("implementering", 0.7),
    ("brukarmedverkan", 0.7),
    ("bakgrund", 0.5),
    ("övrigt", 0.5),
];

/// A diarienummer after its label: "Dnr 2023/14", "Diarienummer: SFH 2022/19".
static DIARIENUMMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:dnr|diarienummer|diarienr|ärendenummer|ärendenr)\.?\s*:?\s*((?:[A-ZÅÄÖ]{1,6}[\s-]?)?\d{2,4}\s?[/:.-]\s?\d{1,5}(?:[/:.-]\d{1,5})?)",
    )
    .expect("valid pattern")
});

/// A date or a year: `2022-09-01`, `2022`.
const DATE: &str = r"(\d{4}-\d{2}-\d{2}|\d{4})";

/// What the corpus stage knows of one document before relating it to others.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Its labels as listed.
    pub summary: Summary,
    /// Fields the user set by correction.
    pub overridden: Vec<String>,
    /// MinHash signature of its words.
    pub signature: Signature,
    /// Number of words.
    pub words: usize,
    /// Its content terms (analysed as indexed), each by its index in the
    /// run's [`Terms`], with weighted counts; in index order.
    pub terms: Vec<(u32, f32)>,
    /// Named methods and models.
    pub methods: Vec<String>,
    /// Diarienummer, normalised (no spaces, upper case).
    pub diarienummer: Vec<String>,
    /// Uppföljning Finsam's fields, as this document states them.
    pub fields: ProjectFields,
    /// Its reference entries as written.
    pub references: Vec<String>,
    /// Its title and file names, where a report names its project.
    pub name_text: String,
}

/// Every content term of an ingest run's documents, each held once: at a
/// million sections the documents' term counts were most of the corpus
/// stage's memory when each document held its own strings.
#[derive(Debug, Default)]
pub struct Terms(Mutex<HashMap<String, u32>>);

impl Terms {
    /// `counts` with each term replaced by its index, in index order.
    pub fn ids(&self, counts: HashMap<String, f32>) -> Vec<(u32, f32)> {
        let mut table = self.0.lock().expect("terms lock");
        let mut ids: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(term, weight)| {
                let next = table.len() as u32;
                (*table.entry(term).or_insert(next), weight)
            })
            .collect();
        ids.sort_by_key(|&(id, _)| id);
        ids
    }

    /// The terms by index.
    pub fn into_names(self) -> Vec<String> {
        let table = self.0.into_inner().expect("terms lock");
        let mut names = vec![String::new(); table.len()];
        for (term, id) in table {
            names[id as usize] = term;
        }
        names
    }
}

impl Features {
    /// Reads the features of an indexed document, its terms kept in `terms`.
    pub fn of(record: &DocumentRecord, terms: &Terms) -> Features {
        let text: String = record
            .sections
            .iter()
            .map(|s| format!("{}\n{}\n", s.section.heading, s.section.text))
            .collect();
        Features {
            summary: summary(record),
            overridden: record.metadata.overridden.clone(),
            signature: duplicates::signature(&text),
            words: text.split_whitespace().count(),
            terms: terms.ids(content_terms(record)),
            methods: methods(&text),
            diarienummer: diarienummer(&text),
            fields: fields(&text),
            references: references::entries(record),
            name_text: name_text(record),
        }
    }
}

/// The title and the file names (without folders and extension).
fn name_text(record: &DocumentRecord) -> String {
    let names = record.paths.iter().filter_map(|path| {
        let stem = std::path::Path::new(path).file_stem()?;
        Some(stem.to_string_lossy().replace(['-', '_'], " "))
    });
    std::iter::once(record.metadata.title.clone())
        .chain(names)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The document's labels as listed.
fn summary(record: &DocumentRecord) -> Summary {
    let m = &record.metadata;
    let mut part_types: Vec<String> = record
        .sections
        .iter()
        .filter_map(|s| s.labels.report_type.clone())
        .collect();
    part_types.sort();
    part_types.dedup();
    Summary {
        doc_id: record.doc_id.clone(),
        paths: record.paths.clone(),
        title: m.title.clone(),
        forbund: m
            .forbund
            .clone()
            .unwrap_or_else(|| UNKNOWN_FORBUND.to_string()),
        report_type: m
            .report_type
            .clone()
            .unwrap_or_else(|| UNKNOWN_REPORT_TYPE.to_string()),
        part_types,
        malgrupp: m.malgrupp.clone(),
        year: m.year,
        project: m.project.clone(),
        owner: m.owner.clone(),
        partners: m.partners.clone(),
        pages: record.pages,
        ocr: record.sections.iter().any(|s| s.ocr),
    }
}

/// The terms of the content sections, each counted by its kind's weight.
fn content_terms(record: &DocumentRecord) -> HashMap<String, f32> {
    let mut terms: HashMap<String, f32> = HashMap::new();
    for section in &record.sections {
        let kind = section.labels.kind();
        let Some((_, weight)) = CONTENT_KINDS.iter().find(|(k, _)| *k == kind) else {
            continue;
        };
        let text = format!("{}\n{}", section.section.heading, section.section.text);
        for term in crate::analysis::analyze(&text) {
            if term.chars().count() >= 3 && !term.chars().all(|c| c.is_ascii_digit()) {
                *terms.entry(term).or_default() += weight;
            }
        }
    }
    terms
}

/// One pattern per method, in [`DATA`]'s order, in one set so that a text
/// is read once for all of them: its phrases as whole words; a short
/// upper-case abbreviation ("SIP", "MI") only as written, the rest in any case.
static METHODS: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns = DATA.methods.iter().map(|method| {
        let alternatives: Vec<String> = method
            .phrases
            .iter()
            .map(|p| {
                let escaped = regex::escape(p);
                let abbreviation = p.chars().count() <= 5 && p.chars().all(|c| !c.is_lowercase());
                if abbreviation {
                    escaped
                } else {
                    format!("(?i:{escaped})")
                }
            })
            .collect();
        format!(
            r"(?:^|[^\p{{L}}\p{{N}}])(?:{})(?:$|[^\p{{L}}\p{{N}}])",
            alternatives.join("|")
        )
    });
    RegexSet::new(patterns).expect("valid method patterns")
});

/// The methods `text` names.
fn methods(text: &str) -> Vec<String> {
    METHODS
        .matches(text)
        .into_iter()
        .map(|i| DATA.methods[i].name.clone())
        .collect()
}

/// The diarienummer `text` names, normalised.
pub(crate) fn diarienummer(text: &str) -> Vec<String> {
    let mut numbers: Vec<String> = DIARIENUMMER
        .captures_iter(text)
        .map(|c| {
            c[1].chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase()
        })
        .collect();
    numbers.sort();
    numbers.dedup();
    numbers
}

/// Uppföljning Finsam's fields, where `text` states them.
fn fields(text: &str) -> ProjectFields {
    let lower = text.to_lowercase();
    let cues = &DATA.fields;
    let says = |phrases: &[String]| phrases.iter().any(|p| lower.contains(p.as_str()));
    let inriktning = match (
        says(&cues.strukturovergripande),
        says(&cues.individinriktad),
    ) {
        (true, false) => Some("strukturövergripande".to_string()),
        (false, true) => Some("individinriktad".to_string()),
        _ => None,
    };
    let esf = if says(&cues.not_esf) {
        Some(false)
    } else if says(&cues.esf) {
        Some(true)
    } else {
        None
    };
    let folded = fold(&lower);
    let (mut start, mut end) = period(&folded);
    start = start.or_else(|| labelled_date(&folded, &START));
    end = end.or_else(|| labelled_date(&folded, &END));
    ProjectFields {
        inriktning,
        esf,
        start,
        end,
    }
}

/// A label from `labels` (folded), as a regex alternation.
fn any_of(labels: &[String]) -> String {
    let alternatives: Vec<String> = labels.iter().map(|l| regex::escape(&fold(l))).collect();
    alternatives.join("|")
}

/// "Projektperiod: 2022-09-01 – 2024-08-31" (folded text).
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let labels = any_of(&DATA.fields.period_labels);
    Regex::new(&format!(
        r"(?:{labels})\s*:?\s*{DATE}\s*(?:–|-|—|till|t\.o\.m\.)\s*{DATE}"
    ))
    .expect("valid pattern")
});
/// "Startdatum: 2023-01-15" (folded text).
static START: LazyLock<Regex> = LazyLock::new(|| {
    let labels = any_of(&DATA.fields.start_labels);
    Regex::new(&format!(r"(?:{labels})\s*:\s*{DATE}")).expect("valid pattern")
});
/// "Slutdatum: 2024-06-30" (folded text).
static END: LazyLock<Regex> = LazyLock::new(|| {
    let labels = any_of(&DATA.fields.end_labels);
    Regex::new(&format!(r"(?:{labels})\s*:\s*{DATE}")).expect("valid pattern")
});

/// The first stated period's start and end.
fn period(folded: &str) -> (Option<String>, Option<String>) {
    match PERIOD.captures(folded) {
        Some(c) => (Some(c[1].to_string()), Some(c[2].to_string())),
        None => (None, None),
    }
}

/// The date after the first label `pattern` finds.
fn labelled_date(folded: &str, pattern: &Regex) -> Option<String> {
    pattern.captures(folded).map(|c| c[1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_held_once_and_named_by_their_index() {
        let terms = Terms::default();
        let counts = |pairs: &[(&str, f32)]| -> HashMap<String, f32> {
            pairs.iter().map(|&(t, w)| (t.to_string(), w)).collect()
        };
        let first = terms.ids(counts(&[("samverkan", 2.0), ("ips", 1.0)]));
        let second = terms.ids(counts(&[("ips", 3.0), ("språk", 0.5)]));
        let names = terms.into_names();
        assert_eq!(names.len(), 3, "{names:?}");
        let named = |ids: &[(u32, f32)]| -> Vec<(String, f32)> {
            let mut named: Vec<_> = ids
                .iter()
                .map(|&(id, w)| (names[id as usize].clone(), w))
                .collect();
            named.sort_by(|a, b| a.0.cmp(&b.0));
            named
        };
        assert_eq!(
            named(&first),
            [("ips".to_string(), 1.0), ("samverkan".to_string(), 2.0)]
        );
        assert_eq!(
            named(&second),
            [("ips".to_string(), 3.0), ("språk".to_string(), 0.5)]
        );
        assert!(first.windows(2).all(|w| w[0].0 < w[1].0), "in index order");
    }

    #[test]
    fn methods_are_named_as_whole_words() {
        let found =
            methods("Deltagarna fick en SIP och IPS-modellen användes; minimal risk, acting.");
        assert_eq!(found, ["IPS", "SIP"]);
        assert!(
            methods("Vi arbetade med motiverande samtal (MI).")
                .contains(&"motiverande samtal".to_string())
        );
        assert!(methods("Sipprande vatten").is_empty());
        assert_eq!(
            methods("Stöd enligt ACT (Acceptance and Commitment Therapy)."),
            ["ACT (acceptance and commitment therapy)"]
        );
        assert_eq!(methods("Ett ACT-team inom psykiatrin."), ["ACT-team"]);
    }

    #[test]
    fn diarienummer_are_read_and_normalised() {
        assert_eq!(
            diarienummer("Dnr SFH 2022/19. Diarienummer: 2023/14 och dnr 2023 / 14"),
            ["2023/14", "SFH2022/19"]
        );
    }

    #[test]
    fn project_fields_are_read_where_stated() {
        let text = "Insatsen är individinriktad och finansieras av Europeiska socialfonden (ESF+). \
                    Projektperiod: 2022-09-01 – 2024-08-31.";
        let f = fields(text);
        assert_eq!(f.inriktning.as_deref(), Some("individinriktad"));
        assert_eq!(f.esf, Some(true));
        assert_eq!(
            (f.start.as_deref(), f.end.as_deref()),
            (Some("2022-09-01"), Some("2024-08-31"))
        );
        assert_eq!(
            fields("Ingen ESF-finansiering. Startdatum: 2023-01-15").esf,
            Some(false)
        );
        assert_eq!(
            fields("Startdatum: 2023-01-15").start.as_deref(),
            Some("2023-01-15")
        );
        assert_eq!(fields("Om samverkan.").esf, None);
    }
}
