//! Metadata: labels that describe a whole document.
//!
//! After extraction, each document is labelled with its title, the
//! samordningsförbund it belongs to, its report type, the target groups
//! (målgrupper) it is about and its year. These become search facets, so the
//! values are Swedish and drawn from fixed lists. The domain knowledge — the
//! förbund with their aliases, domains and members, Sweden's kommuner, the
//! report-type cues and the målgrupp terms — is data in `data/*.toml`,
//! compiled into the binary and pinned by tests; the code here only weighs
//! evidence.

mod error;
mod evidence;
mod forbund;
mod kommuner;
mod malgrupp;
mod normalize;
mod parts;
mod report_type;
mod section_kind;
mod statement;
mod title;
mod view;
mod year;

#[cfg(test)]
mod accuracy_tests;
#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod data_tests;

pub use error::{MetadataError, Result};
pub use forbund::{Forbund, FormerName};
pub use kommuner::{Kommun, Kommuner, Lan};
pub use section_kind::{FALLBACK_KIND, SectionKinds};

use crate::document::{Metadata, Page, Section, SectionLabels};
use forbund::ForbundResolver;
use malgrupp::MalgruppDetector;
use report_type::ReportTypeClassifier;
use view::TextView;

const FORBUND_TOML: &str = include_str!("../../data/forbund.toml");
const KOMMUNER_TOML: &str = include_str!("../../data/kommuner.toml");
const REPORT_TYPES_TOML: &str = include_str!("../../data/report_types.toml");
const MALGRUPP_TOML: &str = include_str!("../../data/malgrupp.toml");
const SECTION_KINDS_TOML: &str = include_str!("../../data/section_kinds.toml");

/// The texts of the data files a [`Labeler`] is built from.
#[derive(Debug, Clone, Copy)]
pub struct DataFiles<'a> {
    /// `forbund.toml`: the förbund with names, domains and members.
    pub forbund: &'a str,
    /// `kommuner.toml`: Sweden's kommuner and län.
    pub kommuner: &'a str,
    /// `report_types.toml`: report-type cues.
    pub report_types: &'a str,
    /// `malgrupp.toml`: målgrupp terms.
    pub malgrupp: &'a str,
    /// `section_kinds.toml`: section-kind cues.
    pub section_kinds: &'a str,
}

impl DataFiles<'static> {
    /// The data files compiled into the binary.
    pub fn builtin() -> DataFiles<'static> {
        DataFiles {
            forbund: FORBUND_TOML,
            kommuner: KOMMUNER_TOML,
            report_types: REPORT_TYPES_TOML,
            malgrupp: MALGRUPP_TOML,
            section_kinds: SECTION_KINDS_TOML,
        }
    }
}

/// Domain knowledge loaded from the data files (förbund list, kommuner,
/// report-type cues, målgrupp terms), ready to label documents.
#[derive(Debug)]
pub struct Labeler {
    forbund: ForbundResolver,
    report_types: ReportTypeClassifier,
    malgrupp: MalgruppDetector,
    section_kinds: SectionKinds,
}

impl Labeler {
    /// The data files compiled into the binary — always available.
    ///
    /// # Panics
    /// Never in a tested build: the data files are checked by the test suite.
    pub fn builtin() -> Labeler {
        Labeler::from_toml(&DataFiles::builtin())
            .expect("built-in metadata data files are valid (pinned by tests)")
    }

    /// Parses the data files from TOML strings.
    pub fn from_toml(files: &DataFiles) -> Result<Labeler> {
        let kommuner = Kommuner::from_toml(files.kommuner)?;
        Ok(Labeler {
            forbund: ForbundResolver::from_toml(files.forbund, &kommuner)?,
            report_types: ReportTypeClassifier::from_toml(files.report_types)?,
            malgrupp: MalgruppDetector::from_toml(files.malgrupp)?,
            section_kinds: SectionKinds::from_toml(files.section_kinds)?,
        })
    }

    /// All known förbund, e.g. to list facet values with their län.
    pub fn forbund(&self) -> &[Forbund] {
        self.forbund.all()
    }

    /// The section-kind classifier, e.g. to list the kinds as facet values.
    pub fn section_kinds(&self) -> &SectionKinds {
        &self.section_kinds
    }

    /// The built-in labeler, built once for the whole test run.
    #[cfg(test)]
    pub(crate) fn shared() -> &'static Labeler {
        static SHARED: std::sync::LazyLock<Labeler> = std::sync::LazyLock::new(Labeler::builtin);
        &SHARED
    }

    /// Labels a document from its pages and its path relative to the corpus
    /// (the file name can hint at the type, e.g. "slutrapport").
    ///
    /// ```
    /// use finsam::document::{Line, Page};
    /// use finsam::metadata::Labeler;
    ///
    /// let lines = ["Slutrapport", "Insatsen Vägen", "Samordningsförbundet Gävleborg, juni 2021"];
    /// let page = Page { number: 1, lines: lines.map(Line::plain).to_vec() };
    /// let meta = Labeler::builtin().label("2021/vagen.pdf", &[page]);
    /// assert_eq!(meta.title, "Slutrapport");
    /// assert_eq!(meta.forbund.as_deref(), Some("Samordningsförbundet Gävleborg"));
    /// assert_eq!(meta.report_type.as_deref(), Some("slutrapport"));
    /// assert_eq!(meta.year, Some(2021));
    /// ```
    pub fn label(&self, path: &str, pages: &[Page]) -> Metadata {
        let view = TextView::new(pages);
        let title = title::title(path, pages);
        let year = year::year(pages);
        Metadata {
            forbund: self.forbund.resolve(&view, year),
            report_type: self.report_types.classify(path, &title, &view),
            malgrupp: self
                .malgrupp
                .detect(&title, pages, &view)
                .into_iter()
                .map(|f| f.name)
                .collect(),
            year,
            title,
            ..Metadata::default()
        }
    }

    /// Labels each of a document's sections (same order): its kind, and the
    /// report type of the bundled part it belongs to when that differs from
    /// the document's (`metadata` is the document's labels).
    ///
    /// ```
    /// use finsam::document::{Metadata, Section};
    /// use finsam::metadata::Labeler;
    ///
    /// let section = |heading: &str| Section {
    ///     heading: heading.into(),
    ///     text: "Text.".into(),
    ///     page_start: 1,
    ///     page_end: 1,
    /// };
    /// let sections = [section("2.3 Brukarmedverkan"), section("PROJEKTANSÖKAN")];
    /// let meta = Metadata { report_type: Some("delrapport".into()), ..Metadata::default() };
    /// let labels = Labeler::builtin().label_sections(&meta, &sections);
    /// assert_eq!(labels[0].kind, "brukarmedverkan");
    /// assert_eq!(labels[0].report_type, None);
    /// assert_eq!(labels[1].report_type.as_deref(), Some("ansökan"));
    /// ```
    pub fn label_sections(&self, metadata: &Metadata, sections: &[Section]) -> Vec<SectionLabels> {
        let kinds = self
            .section_kinds
            .kinds(sections.iter().map(|s| s.heading.as_str()));
        let primary = metadata.report_type.as_deref();
        let parts = parts::part_types(&self.report_types, primary, sections);
        kinds
            .into_iter()
            .zip(parts)
            .map(|(kind, report_type)| SectionLabels { kind, report_type })
            .collect()
    }
}
