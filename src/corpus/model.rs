//! What the corpus stage knows, as plain serialisable structs: stored with
//! the index (`corpus.json`), read by search.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Knowledge about the corpus as a whole, computed at the end of an ingest run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Knowledge {
    /// Every indexed document by id.
    pub documents: BTreeMap<String, DocumentFacts>,
    /// Every project (insats) by id.
    pub projects: BTreeMap<String, Project>,
    /// The terms of the documents' profiles, sorted; a profile names a term
    /// by its index here.
    pub vocabulary: Vec<String>,
    /// The corpus stage that related it ([`STAGE`]); another one's
    /// knowledge is related anew by the next ingest run.
    pub stage: String,
}

/// Fingerprint of the corpus stage's code (see `build.rs`).
pub const STAGE: &str = env!("FINSAM_CORPUS_STAGE");

/// What the corpus stage knows of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentFacts {
    /// The document's own labels, as listed (title, förbund, type, year …).
    pub summary: Summary,
    /// The document that stands for this one and its near-duplicates: its
    /// own id when it is the original (or has no copies).
    pub original: String,
    /// Ids of the near-duplicate copies this document stands for (only on an original).
    pub copies: Vec<String>,
    /// The project (insats) the document reports on, when it is one.
    pub project_id: Option<String>,
    /// The references the document makes, resolved where the corpus has the report.
    pub references: Vec<Reference>,
    /// Ids of the documents that cite this one.
    pub cited_by: Vec<String>,
    /// What the document is about, for "Liknande projekt": weighted terms,
    /// each by its index in [`Knowledge::vocabulary`], in ascending order.
    pub profile: Vec<(u32, f32)>,
    /// Named methods and models (IPS, SIP, Supported Employment …).
    pub methods: Vec<String>,
    /// Diarienummer named on the document, normalised.
    pub diarienummer: Vec<String>,
}

/// A document's labels as shown in lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Document id.
    pub doc_id: String,
    /// Every file path holding this content (the first is shown).
    pub paths: Vec<String>,
    /// Title.
    pub title: String,
    /// Förbund, or "okänt".
    pub forbund: String,
    /// Primary report type, or "övrigt".
    pub report_type: String,
    /// Report types of bundled parts (a delrapport with its ansökan).
    pub part_types: Vec<String>,
    /// Målgrupper.
    pub malgrupp: Vec<String>,
    /// Year, when known.
    pub year: Option<i32>,
    /// Project name as written, when stated.
    pub project: Option<String>,
    /// Owner (huvudman).
    pub owner: Option<String>,
    /// Partners.
    pub partners: Vec<String>,
    /// Page count.
    pub pages: u32,
    /// True when some of its text was read by OCR.
    pub ocr: bool,
}

/// A reference a document makes to another report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// The reference as written (one entry of a list, or a footnote).
    pub text: String,
    /// The corpus document it names, when found; null when the corpus lacks it.
    pub doc_id: Option<String>,
}

/// A project (insats): the reports about it, in time order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Stable id (a hash of its förbund and normalised name).
    pub project_id: String,
    /// The name as most of its reports write it.
    pub name: String,
    /// Förbund.
    pub forbund: String,
    /// Owner (huvudman), when stated.
    pub owner: Option<String>,
    /// Its documents (originals), in time order: ansökan → projektplan →
    /// kvartals- och delrapporter → slutrapport → utvärdering, by year.
    pub documents: Vec<String>,
    /// Målgrupper of its reports together.
    pub malgrupp: Vec<String>,
    /// First and last year its reports name.
    pub years: Option<(i32, i32)>,
    /// Fields the national follow-up system registers, where the reports say.
    pub fields: ProjectFields,
}

/// What Uppföljning Finsam registers for an insats, as its reports state it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectFields {
    /// "individinriktad" or "strukturövergripande".
    pub inriktning: Option<String>,
    /// True when financed by the ESF (ESF+), false when a report says it is not.
    pub esf: Option<bool>,
    /// Start date or year as written (`2022-09-01`, `2022`).
    pub start: Option<String>,
    /// End date or year as written.
    pub end: Option<String>,
}

impl Knowledge {
    /// The facts of a document, or `None` for an unknown id.
    pub fn document(&self, doc_id: &str) -> Option<&DocumentFacts> {
        self.documents.get(doc_id)
    }

    /// The id of the original a document stands under (itself when unknown).
    pub fn original_of<'a>(&'a self, doc_id: &'a str) -> &'a str {
        self.documents
            .get(doc_id)
            .map_or(doc_id, |facts| facts.original.as_str())
    }
}
