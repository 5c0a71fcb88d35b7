//! Labels of the five real reports in `shared/corpus/text`.
//!
//! How the expected values were decided (from reading each text):
//! - 000: first line "Kvartalsrapport"; reports go to kontakt@finsamgavleborg.se
//!   and the contacts are förbundschef/verksamhetsutvecklare at
//!   finsamgavleborg.se; the insats is run by Söderhamns kommun (Gävleborg).
//! - 001: "Delrapport Metodimplementering kring nollplacerade … Delrapport för
//!   samordningsförbundet Burlöv-Staffanstorp 2018"; the page opens with a
//!   "Relevanta dokument" list naming Finsam Lund, Skåne Nordost, Lycksele,
//!   Halland … — those are references, not the sender.
//! - 002: titled "Ansökan - …"; applicant is Jönköpings kommun, and the text
//!   names "Samordningsförbundet Södra Vätterbygden" (the förbund of Jönköping,
//!   Habo, Mullsjö and Vaggeryd) as responsible for the samverkansmodell.
//!   Target group: people with långvarigt försörjningsstöd.
//! - 003: first line "Slutrapport"; Forum för långsiktig samverkan in Uppsala
//!   kommun, reporting to "Samordningsförbundet i Uppsala län".
//! - 004: title "Projekt SAM- Samverkan för arbetsåtergång Delrapport juni
//!   2012", financed by samordningsförbundet Västerås; the bundled
//!   PROJEKTANSÖKAN comes later. Target group: so-called "återvändare".

use std::path::Path;

use crate::document::{Line, Metadata, Page};
use crate::metadata::Labeler;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/text");

/// Labels `NNN.txt` as one plain-text page, or `None` when the corpus is absent.
fn label(id: &str) -> Option<Metadata> {
    let path = Path::new(CORPUS).join(format!("{id}.txt"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("corpus text {} not found; skipping", path.display());
        return None;
    };
    let page = Page {
        number: 1,
        lines: text.lines().map(Line::plain).collect(),
    };
    Some(Labeler::shared().label(&format!("{id}.txt"), &[page]))
}

fn check(id: &str, forbund: &str, report_type: &str, malgrupp: &[&str]) -> Option<Metadata> {
    let meta = label(id)?;
    assert_eq!(meta.forbund.as_deref(), Some(forbund), "{id}: {meta:?}");
    assert_eq!(
        meta.report_type.as_deref(),
        Some(report_type),
        "{id}: {meta:?}"
    );
    for group in malgrupp {
        assert!(
            meta.malgrupp.iter().any(|g| g == group),
            "{id} should be about {group}: {meta:?}"
        );
    }
    Some(meta)
}

#[test]
fn kvartalsrapport_gavleborg_000() {
    check(
        "000",
        "Samordningsförbundet Gävleborg",
        "kvartalsrapport",
        &[],
    );
}

#[test]
fn delrapport_nollplacerade_burlov_staffanstorp_001() {
    let Some(meta) = check(
        "001",
        "Samordningsförbundet Burlöv-Staffanstorp",
        "delrapport",
        &["nollplacerade"],
    ) else {
        return;
    };
    assert_eq!(
        meta.title,
        "Delrapport Metodimplementering kring nollplacerade"
    );
    assert!(!meta.malgrupp.iter().any(|g| g == "nyanlända"), "{meta:?}");
    assert_eq!(meta.year, Some(2018));
    assert_eq!(meta.owner.as_deref(), Some("Staffanstorps kommun"));
}

/// The PDF print of 001 opens with its "Relevanta dokument" list over two
/// pages, one entry of which names "Projektägare: Försäkringskassan, …":
/// the report's own owner stands on page 3.
#[test]
fn print_of_001_takes_no_label_from_its_list_of_other_documents() {
    let pdf = Path::new(CORPUS).join("../pdf/001.pdf");
    let Ok(bytes) = std::fs::read(&pdf) else {
        eprintln!("corpus pdf {} not found; skipping", pdf.display());
        return;
    };
    let pages = crate::extract::extract_pdf_bytes(&bytes).unwrap().pages;
    let meta = Labeler::shared().label("001.pdf", &pages);
    assert_eq!(
        meta.forbund.as_deref(),
        Some("Samordningsförbundet Burlöv-Staffanstorp")
    );
    assert_eq!(
        meta.owner.as_deref(),
        Some("Staffanstorps kommun"),
        "{meta:?}"
    );
    assert_eq!(meta.year, Some(2018));
}

#[test]
fn ansokan_jonkoping_is_sodra_vatterbygden_002() {
    check(
        "002",
        "Samordningsförbundet Södra Vätterbygden",
        "ansökan",
        &["långvarigt försörjningsstöd"],
    );
}

#[test]
fn slutrapport_uppsala_003() {
    check(
        "003",
        "Samordningsförbundet i Uppsala län",
        "slutrapport",
        &[],
    );
}

#[test]
fn bundled_delrapport_vasteras_004() {
    let Some(meta) = check(
        "004",
        "Samordningsförbundet Västerås",
        "delrapport",
        &["återvändare"],
    ) else {
        return;
    };
    assert_eq!(
        meta.title,
        "Projekt SAM- Samverkan för arbetsåtergång Delrapport juni 2012"
    );
    assert_eq!(meta.year, Some(2012));
}
