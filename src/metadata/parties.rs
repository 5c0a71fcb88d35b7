//! The project a report is about, its owner and its partners.
//!
//! Forms name the owner and partners by label ("Huvudman för insatsen",
//! "Samverkansparter", see [`FormFields`]); running text names them too:
//! "Katrineholms kommun är huvudman", "i samverkan med Arbetsförmedlingen och
//! …", "Medlemmar är …". The labels are data (`data/organisations.toml`);
//! organisations are resolved to canonical names by [`Organisations`], the
//! project's name is read by [`ProjectReader`].

use regex::Regex;
use std::cell::RefCell;
use std::collections::HashMap;

use super::evidence::evidence;
use super::fields::{FormFields, Lines, is_contents_line, label_regex, labelled};
use super::forbund::ForbundResolver;
use super::organisations::{Labels, Organisations};
use super::project::ProjectReader;
use crate::document::{Evidence, Page};

/// A list of partners continues over at most this many lines.
const VALUE_LINES: usize = 4;
/// The paragraph under an organisation heading is read for at most this many lines.
const SECTION_LINES: usize = 8;
/// An organisation heading has at most this many words.
const SECTION_HEADING_WORDS: usize = 5;

/// What a document says about its project.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Parties {
    /// The project or insats name, with its evidence.
    pub project: Option<(String, Evidence)>,
    /// The owner's canonical name, with its evidence.
    pub owner: Option<(String, Evidence)>,
    /// Partners' canonical names (never the owner), each with its evidence.
    pub partners: Vec<(String, Evidence)>,
}

/// Compiled label patterns.
#[derive(Debug)]
pub struct PartyReader {
    fields: FormFields,
    owner: Regex,
    owner_before: Regex,
    partners: Regex,
    partner_section: Regex,
    project: ProjectReader,
}

impl PartyReader {
    /// Compiles the labels of `organisations.toml`.
    pub fn new(labels: &Labels) -> PartyReader {
        let all: Vec<String> = [
            &labels.owner,
            &labels.owner_before,
            &labels.partners,
            &labels.project,
            &labels.other,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        PartyReader {
            fields: FormFields::new(&all),
            owner: label_regex(&labels.owner),
            owner_before: label_regex(&labels.owner_before),
            partners: label_regex(&labels.partners),
            partner_section: label_regex(&labels.partner_sections),
            project: ProjectReader::new(&labels.project, &labels.title_words),
        }
    }

    /// The project, owner and partners `pages` name; `title` is the title.
    /// `is_local` tells whether an organisation belongs to the document's
    /// förbund: among several owners named (a list of related documents may
    /// name others), a local one is preferred.
    pub fn read(
        &self,
        pages: &[Page],
        title: &str,
        organisations: &Organisations,
        forbund: &ForbundResolver,
        is_local: &dyn Fn(&str) -> bool,
    ) -> Parties {
        let lines: Vec<(u32, &str)> = pages
            .iter()
            .flat_map(|p| p.lines.iter().map(move |l| (p.number, l.text.trim())))
            .map(|(p, l)| if is_contents_line(l) { (p, "") } else { (p, l) })
            .collect();
        // The same line is looked at under several labels: read it once.
        let seen: RefCell<HashMap<String, Vec<String>>> = RefCell::default();
        let names = |text: &str| -> Vec<String> {
            if let Some(known) = seen.borrow().get(text) {
                return known.clone();
            }
            let found = organisations.named_in(text, forbund);
            seen.borrow_mut().insert(text.to_string(), found.clone());
            found
        };
        let owners = self.owners(&lines, &names);
        let preferred = owners.iter().position(|(n, _)| is_local(n)).unwrap_or(0);
        let owner = owners.into_iter().nth(preferred);
        let owner_name = owner.as_ref().map(|(n, _)| n.as_str());
        let partners = self.partners(&lines, &names, owner_name);
        let project = self.project.read(&self.fields, &lines, title, &names);
        Parties {
            project,
            owner,
            partners,
        }
    }

    /// Every owner a label or phrase gives, in document order.
    fn owners(
        &self,
        lines: &Lines,
        names: &dyn Fn(&str) -> Vec<String>,
    ) -> Vec<(String, Evidence)> {
        let mut owners = Vec::new();
        for (i, &(page, line)) in lines.iter().enumerate() {
            for m in self.owner.find_iter(line) {
                let rest = &line[m.end()..];
                if self.partners.find(rest).is_some_and(|p| p.start() <= 2) {
                    continue; // "Insatsägare/Samverkansparter": a list of parties
                }
                let found = self
                    .fields
                    .values_after(lines, i, m.end(), 1, |v| !names(v).is_empty());
                if let Some((value, at)) = found {
                    let name = names(&value).remove(0);
                    let ev = evidence("owner", &name, &labelled(m.as_str(), &value), lines[at].0);
                    owners.push((name, ev));
                }
            }
            if let Some(m) = self.owner_before.find(line) {
                // The sentence may have begun on the line before
                // ("… Projektägare Staffanstorps" / "kommun är projektägare.").
                let previous = i.checked_sub(1).map_or("", |j| lines[j].1);
                let joined = format!("{previous} {}", &line[..m.start()]);
                if let Some(name) = names(sentence_before(&joined)).pop() {
                    let ev = evidence("owner", &name, line, page);
                    owners.push((name, ev));
                }
            }
        }
        owners
    }

    /// Partners named after partner labels, in order, without the owner.
    fn partners(
        &self,
        lines: &Lines,
        names: &dyn Fn(&str) -> Vec<String>,
        owner: Option<&str>,
    ) -> Vec<(String, Evidence)> {
        let others = |v: &str| -> Vec<String> {
            names(v)
                .into_iter()
                .filter(|n| Some(n.as_str()) != owner)
                .collect()
        };
        let mut partners: Vec<(String, Evidence)> = Vec::new();
        for (i, &(_, line)) in lines.iter().enumerate() {
            let mut values: Vec<(&str, String, usize)> = Vec::new();
            for m in self.partners.find_iter(line) {
                let accept = |v: &str| !others(v).is_empty();
                let found = self
                    .fields
                    .values_after(lines, i, m.end(), VALUE_LINES, accept);
                values.extend(found.map(|(value, at)| (m.as_str(), value, at)));
            }
            if self.is_partner_section(line) {
                values.extend(self.section_text(lines, i).map(|(v, at)| (line, v, at)));
            }
            for (label, value, at) in values {
                for name in others(&value) {
                    if !partners.iter().any(|(n, _)| *n == name) {
                        let text = labelled(label, &value);
                        partners.push((
                            name.clone(),
                            evidence("partners", &name, &text, lines[at].0),
                        ));
                    }
                }
            }
        }
        partners
    }

    /// A short heading such as "3. Organisation" or "5. Samverkan": the
    /// organisations its paragraph names are the project's parties.
    fn is_partner_section(&self, line: &str) -> bool {
        let text = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        let short = text.split_whitespace().count() <= SECTION_HEADING_WORDS;
        short
            && self
                .partner_section
                .find(text)
                .is_some_and(|m| m.start() == 0)
    }

    /// The paragraph after heading line `i` (running text, read whole), up
    /// to [`SECTION_LINES`] lines.
    fn section_text(&self, lines: &Lines, i: usize) -> Option<(String, usize)> {
        let j = (i + 1..lines.len()).find(|&j| !lines[j].1.is_empty())?;
        let paragraph = lines[j..]
            .iter()
            .take(SECTION_LINES)
            .take_while(|(_, l)| !l.is_empty());
        let text: Vec<&str> = paragraph.map(|&(_, l)| l).collect();
        Some((text.join(" "), j))
    }
}

/// The last sentence of `text` (what precedes a phrase in its sentence).
fn sentence_before(text: &str) -> &str {
    let cut = text.rfind(". ").map_or(0, |i| i + 2);
    &text[cut..]
}

#[cfg(test)]
mod tests {
    use crate::document::test_support::page;
    use crate::metadata::Labeler;

    fn read(lines: &[&str]) -> (Option<String>, Option<String>, Vec<String>) {
        let meta = Labeler::shared().label("x.pdf", &[page(1, lines)]);
        (meta.project, meta.owner, meta.partners)
    }

    #[test]
    fn form_fields_on_the_same_or_the_next_line() {
        let (project, owner, partners) = read(&[
            "Kvartalsrapport",
            "Insatsens namn KLIV – Kartläggning, Lots",
            "Huvudman för insatsen",
            "Bollnäs kommun, Arbetsmarknadsenheten",
            "Samverkansparter",
            "Bollnäs kommun (Försörjningsstöd), Arbetsförmedlingen (AF),",
            "Försäkringskassan (FK), Region Gävleborg",
            "Kontaktperson",
            "Linnea Åkerström, Region Skåne",
        ]);
        assert_eq!(project.as_deref(), Some("KLIV"));
        assert_eq!(owner.as_deref(), Some("Bollnäs kommun"));
        assert_eq!(
            partners,
            [
                "Arbetsförmedlingen",
                "Försäkringskassan",
                "Region Gävleborg"
            ]
        );
    }

    #[test]
    fn a_table_laid_out_by_column() {
        let (project, owner, partners) = read(&[
            "Namn på insats",
            "Sökande huvudman",
            "Samverkansparter",
            "Kontaktperson",
            "Brobyggarna",
            "Vaggeryds kommun, Arbetsmarknadsenheten",
            "Habo kommun, Arbetsförmedlingen Jönköping, Försäkringskassan",
        ]);
        assert_eq!(project.as_deref(), Some("Brobyggarna"));
        assert_eq!(owner.as_deref(), Some("Vaggeryds kommun"));
        assert_eq!(
            partners,
            ["Habo kommun", "Arbetsförmedlingen", "Försäkringskassan"]
        );
    }

    #[test]
    fn the_organisation_section_names_the_parties() {
        let (_, owner, partners) = read(&[
            "3. Organisation",
            "Katrineholms kommun är huvudman och anställer två lotsar. Vingåkers kommun",
            "ansvarar för praktikplatser. Region",
            "Sörmland bidrar med en kontaktperson. Försäkringskassan har en kontaktperson.",
            "",
            "4. Resultat",
            "Arbetsförmedlingen remitterade tio deltagare.",
        ]);
        assert_eq!(owner.as_deref(), Some("Katrineholms kommun"));
        assert_eq!(
            partners,
            ["Vingåkers kommun", "Region Sörmland", "Försäkringskassan"]
        );
    }

    #[test]
    fn the_organisation_that_runs_the_project_owns_it() {
        let text = ["Bakgrunden är att Jönköpings kommun sedan 2020 har drivit projektet Koll."];
        assert_eq!(read(&text).1.as_deref(), Some("Jönköpings kommun"));
        let text = ["Insatsen har drivits av Göteborgs Stad i samverkan med FK."];
        assert_eq!(read(&text).1.as_deref(), Some("Göteborgs stad"));
        assert_eq!(read(&["Projektet drivs av en projektledare."]).1, None);
    }

    #[test]
    fn an_owner_named_across_a_line_break() {
        let text = [
            "1. Inledning Projektnamn Metodimplementering Projektägare Staffanstorps",
            "kommun är projektägare. Övriga parter är Burlövs kommun.",
        ];
        assert_eq!(read(&text).1.as_deref(), Some("Staffanstorps kommun"));
    }

    #[test]
    fn running_text_and_titles() {
        let (project, owner, partners) = read(&[
            "Slutrapport – Återkomsten",
            "Katrineholms kommun är huvudman och anställer två lotsar.",
            "Insatsen drivs i samverkan med Vingåkers kommun, Region",
            "Sörmland och FK. Styrgruppen träffas.",
        ]);
        assert_eq!(project.as_deref(), Some("Återkomsten"));
        assert_eq!(owner.as_deref(), Some("Katrineholms kommun"));
        assert_eq!(
            partners,
            ["Vingåkers kommun", "Region Sörmland", "Försäkringskassan"]
        );
    }
}
