//! Metadata: labels that describe a document and its sections.
//!
//! After extraction, each document is labelled with its title, the
//! samordningsförbund it belongs to, its report type, the target groups
//! (målgrupper) it is about, its year, and the project, owner and partners it
//! names; each section gets a kind (bakgrund, resultat, hinder, …) and, in a
//! bundled document, the type of the part it belongs to. These become search
//! facets, so the values are Swedish and drawn from fixed lists, and every
//! document label carries its evidence: the sentence it was read from. The
//! domain knowledge — the förbund with their aliases, domains and members,
//! Sweden's kommuner, the report-type cues, the målgrupp terms, the
//! section-kind cues and the organisations with their form labels — is data
//! in `data/*.toml`, compiled into the binary and pinned by tests; the code
//! here only weighs evidence. `tests/metadata/labels.tsv` holds hand labels of
//! the corpus that the accuracy test holds the labelling to.

mod error;
mod evidence;
mod fields;
mod forbund;
mod kommuner;
mod malgrupp;
mod normalize;
mod organisations;
mod overrides;
mod parties;
mod parts;
mod project;
mod references;
mod report_type;
mod section_kind;
mod statement;
mod title;
mod unlisted;
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
pub use overrides::Override;
pub use section_kind::{FALLBACK_KIND, SectionKinds};

use crate::document::{Metadata, Page, Section, SectionLabels};
use evidence::{Sentences, evidence};
use forbund::ForbundResolver;
use malgrupp::MalgruppDetector;
use organisations::Organisations;
use parties::PartyReader;
use references::ReferenceLists;
use report_type::ReportTypeClassifier;
use view::TextView;

const FORBUND_TOML: &str = include_str!("../../data/forbund.toml");
const KOMMUNER_TOML: &str = include_str!("../../data/kommuner.toml");
const REPORT_TYPES_TOML: &str = include_str!("../../data/report_types.toml");
const MALGRUPP_TOML: &str = include_str!("../../data/malgrupp.toml");
const SECTION_KINDS_TOML: &str = include_str!("../../data/section_kinds.toml");
const ORGANISATIONS_TOML: &str = include_str!("../../data/organisations.toml");

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
    /// `organisations.toml`: owners, partners and the labels naming them.
    pub organisations: &'a str,
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
            organisations: ORGANISATIONS_TOML,
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
    organisations: Organisations,
    parties: PartyReader,
    references: ReferenceLists,
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
        let organisations = Organisations::from_toml(files.organisations, &kommuner)?;
        Ok(Labeler {
            forbund: ForbundResolver::from_toml(files.forbund, &kommuner)?,
            report_types: ReportTypeClassifier::from_toml(files.report_types)?,
            malgrupp: MalgruppDetector::from_toml(files.malgrupp)?,
            section_kinds: SectionKinds::from_toml(files.section_kinds)?,
            parties: PartyReader::new(&organisations.labels),
            references: ReferenceLists::new(&organisations.labels.reference_lists),
            organisations,
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
    /// (the file name can hint at the type, e.g. "slutrapport"). Lists of
    /// other documents ("Relevanta dokument", "Referenser") are no evidence.
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
        let own = self.references.without_lists(pages);
        let pages = own.as_ref();
        let view = TextView::new(pages);
        let title = title::title(path, pages);
        let report_type = self.report_types.classify(path, &title, &view);
        let looks_ahead = self.report_types.looks_ahead(report_type.as_deref());
        let year = year::document_year(pages, &title, looks_ahead);
        let mut meta = Metadata {
            forbund: self.forbund.resolve(&view, year.as_ref().map(|y| y.value)),
            report_type,
            year: year.as_ref().map(|y| y.value),
            title,
            ..Metadata::default()
        };
        let sentences = Sentences::new(pages);
        self.add_forbund_and_type_evidence(&mut meta, path, &sentences);
        if meta.forbund.is_none()
            && let Some((name, line, page)) = unlisted::named_in_head(pages)
        {
            meta.evidence.push(evidence("forbund", &name, &line, page));
            meta.forbund = Some(name);
        }
        if let Some(y) = year {
            let value = y.value.to_string();
            meta.evidence
                .push(evidence("year", &value, &y.text, y.page));
        }
        for found in self.malgrupp.detect(&meta.title, pages, &view, &sentences) {
            let ev = evidence("malgrupp", &found.name, &found.text, found.page);
            meta.evidence.push(ev);
            meta.malgrupp.push(found.name);
        }
        self.add_parties(&mut meta, pages);
        meta
    }

    /// Evidence for the förbund (a sentence naming it) and the report type
    /// (the file name, the title or a sentence with one of its cues).
    fn add_forbund_and_type_evidence(
        &self,
        meta: &mut Metadata,
        path: &str,
        sentences: &Sentences,
    ) {
        if let Some(name) = &meta.forbund {
            let (names, members) = self.forbund.phrases_of(name);
            let mentions = |phrases: &[String]| {
                sentences.first(|n| phrases.iter().any(|p| contains_phrase(n, p)))
            };
            let ev = match mentions(&names).or_else(|| mentions(&members)) {
                Some(s) => evidence("forbund", name, &s.raw, s.page),
                None => evidence("forbund", name, path, 0),
            };
            meta.evidence.push(ev);
        }
        if let Some(kind) = &meta.report_type {
            let has_cue = |text: &str| self.report_types.cue_in(kind, &normalize::normalize(text));
            let ev = if has_cue(path) {
                evidence("report_type", kind, path, 0)
            } else if has_cue(&meta.title) {
                evidence("report_type", kind, &meta.title, 1)
            } else {
                let cue = |n: &str| self.report_types.cue_in(kind, n);
                sentences.evidence("report_type", kind, cue, &meta.title)
            };
            meta.evidence.push(ev);
        }
    }

    /// Project, owner and partners (never the document's own förbund), with
    /// their evidence. A document about a whole förbund (an årsredovisning)
    /// has no project or owner.
    fn add_parties(&self, meta: &mut Metadata, pages: &[Page]) {
        let forbund = meta.forbund.as_deref();
        let is_local = |org: &str| self.is_local(forbund, org);
        let parties = self.parties.read(
            pages,
            &meta.title,
            &self.organisations,
            &self.forbund,
            &is_local,
        );
        let about_project = !self.report_types.about_forbund(meta.report_type.as_deref());
        for (slot, found) in [
            (&mut meta.project, parties.project),
            (&mut meta.owner, parties.owner),
        ] {
            if let Some((name, ev)) = found.filter(|_| about_project) {
                *slot = Some(name);
                meta.evidence.push(ev);
            }
        }
        // The document's own förbund is its förbund label, not a partner.
        let partners = parties.partners.into_iter();
        for (name, ev) in partners.filter(|(n, _)| Some(n) != meta.forbund.as_ref()) {
            meta.partners.push(name);
            meta.evidence.push(ev);
        }
    }

    /// True when organisation `org` (a canonical name) is förbund `forbund`
    /// or one of its member kommuner or regions.
    fn is_local(&self, forbund: Option<&str>, org: &str) -> bool {
        let Some(f) = self
            .forbund
            .all()
            .iter()
            .find(|f| Some(f.name.as_str()) == forbund)
        else {
            return false;
        };
        f.name == org
            || f.regions.iter().any(|r| r == org)
            || f.municipalities
                .iter()
                .any(|k| self.organisations.kommun(k) == Some(org))
    }

    /// The canonical names of the organisations `text` names (for tests).
    #[cfg(test)]
    pub(crate) fn organisations_in(&self, text: &str) -> Vec<String> {
        self.organisations.named_in(text, &self.forbund)
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

/// True when the normalised `text` holds the normalised `phrase` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    format!(" {text} ").contains(&format!(" {phrase} "))
}

#[cfg(test)]
mod tests {
    use crate::document::test_support::page;
    use crate::metadata::Labeler;

    #[test]
    fn a_list_of_other_documents_is_no_evidence() {
        let pages = [
            page(
                1,
                &[
                    "Delrapport Metodimplementering kring nollplacerade",
                    "Relevanta dokument",
                    "Ansökan om medel från Finsam Lund",
                    "FRÅN KAOS TILL KAOSAM. - ett samverkansprojekt inom Finsam Lund",
                    "Ansökan om medel från Samordningsförbundet Lycksele",
                    "PROJEKTPLAN/PROJEKTANSÖKAN. Projektägare: Linköpings kommun.",
                    "Verksamhetsplan och budget 2014",
                ],
            ),
            page(
                2,
                &[
                    "Transkript:",
                    "Delrapport för samordningsförbundet Burlöv-Staffanstorp 2018",
                    "Staffanstorps kommun är projektägare.",
                ],
            ),
        ];
        let meta = Labeler::shared().label("rapport.pdf", &pages);
        assert_eq!(
            meta.forbund.as_deref(),
            Some("Samordningsförbundet Burlöv-Staffanstorp")
        );
        assert_eq!(meta.owner.as_deref(), Some("Staffanstorps kommun"));
        assert_eq!(meta.year, Some(2018));
    }

    #[test]
    fn every_label_has_its_evidence() {
        let pages = [page(
            1,
            &[
                "Slutrapport – Återkomsten",
                "Samordningsförbundet Burlöv-Staffanstorp, maj 2024",
                "Projektägare/huvudman",
                "Burlövs kommun, Arbetsmarknadsenheten",
                "Samverkansparter",
                "Försäkringskassan och Arbetsförmedlingen",
                "4. Målgrupp",
                "Målgruppen var återvändare från sjukförsäkringen.",
            ],
        )];
        let meta = Labeler::shared().label("2024/slutrapport.pdf", &pages);
        let of = |field: &str| -> Vec<(&str, &str, u32)> {
            let found = meta.evidence.iter().filter(|e| e.field == field);
            found
                .map(|e| (e.value.as_str(), e.text.as_str(), e.page))
                .collect()
        };
        assert_eq!(
            of("forbund"),
            [(
                "Samordningsförbundet Burlöv-Staffanstorp",
                "Samordningsförbundet Burlöv-Staffanstorp, maj 2024",
                1
            )]
        );
        assert_eq!(
            of("report_type"),
            [("slutrapport", "2024/slutrapport.pdf", 0)]
        );
        assert_eq!(of("year")[0].0, "2024");
        assert_eq!(
            of("project"),
            [("Återkomsten", "Slutrapport – Återkomsten", 1)]
        );
        assert_eq!(of("owner")[0].0, "Burlövs kommun");
        assert_eq!(of("partners").len(), 2);
        let groups: Vec<&str> = of("malgrupp").iter().map(|e| e.0).collect();
        assert_eq!(groups, ["återvändare", "sjukskrivna"]);
        assert_eq!(
            of("malgrupp")[0].1,
            "Målgruppen var återvändare från sjukförsäkringen."
        );
    }
}
