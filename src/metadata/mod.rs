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
mod forbund;
mod kommuner;
mod malgrupp;
mod normalize;
mod overrides;
mod report_type;
mod title;
mod view;
mod year;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod data_tests;

pub use error::{MetadataError, Result};
pub use forbund::{Forbund, FormerName};
pub use kommuner::{Kommun, Kommuner, Lan};
pub use overrides::Override;

use crate::document::{Metadata, Page};
use forbund::ForbundResolver;
use malgrupp::MalgruppDetector;
use report_type::ReportTypeClassifier;
use view::TextView;

const FORBUND_TOML: &str = include_str!("../../data/forbund.toml");
const KOMMUNER_TOML: &str = include_str!("../../data/kommuner.toml");
const REPORT_TYPES_TOML: &str = include_str!("../../data/report_types.toml");
const MALGRUPP_TOML: &str = include_str!("../../data/malgrupp.toml");

/// Domain knowledge loaded from the data files (förbund list, kommuner,
/// report-type cues, målgrupp terms), ready to label documents.
#[derive(Debug)]
pub struct Labeler {
    forbund: ForbundResolver,
    report_types: ReportTypeClassifier,
    malgrupp: MalgruppDetector,
}

impl Labeler {
    /// The data files compiled into the binary — always available.
    ///
    /// # Panics
    /// Never in a tested build: the data files are checked by the test suite.
    pub fn builtin() -> Labeler {
        let kommuner = Kommuner::from_toml(KOMMUNER_TOML)
            .expect("built-in kommuner.toml is valid (pinned by tests)");
        Labeler::from_toml(FORBUND_TOML, &kommuner, REPORT_TYPES_TOML, MALGRUPP_TOML)
            .expect("built-in metadata data files are valid (pinned by tests)")
    }

    /// Parses the data files from TOML strings; `kommuner` is the kommun list
    /// the förbund members are written against.
    pub fn from_toml(
        forbund: &str,
        kommuner: &Kommuner,
        report_types: &str,
        malgrupp: &str,
    ) -> Result<Labeler> {
        Ok(Labeler {
            forbund: ForbundResolver::from_toml(forbund, kommuner)?,
            report_types: ReportTypeClassifier::from_toml(report_types)?,
            malgrupp: MalgruppDetector::from_toml(malgrupp)?,
        })
    }

    /// All known förbund, e.g. to list facet values with their län.
    pub fn forbund(&self) -> &[Forbund] {
        self.forbund.all()
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
            malgrupp: self.malgrupp.detect(&title, &view),
            year,
            title,
            ..Metadata::default()
        }
    }
}
