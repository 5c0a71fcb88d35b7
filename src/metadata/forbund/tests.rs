//! Förbund resolution on short synthetic texts, with the built-in data and
//! with small hand-made data sets.

use std::sync::LazyLock;

use super::ForbundResolver;
use crate::document::{Line, Page};
use crate::metadata::view::TextView;
use crate::metadata::{Kommuner, MetadataError};

static KOMMUNER: LazyLock<Kommuner> =
    LazyLock::new(|| Kommuner::from_toml(include_str!("../../../data/kommuner.toml")).unwrap());

static BUILTIN: LazyLock<ForbundResolver> = LazyLock::new(|| {
    ForbundResolver::from_toml(include_str!("../../../data/forbund.toml"), &KOMMUNER).unwrap()
});

fn view(lines: &[&str]) -> TextView {
    TextView::new(&[Page {
        number: 1,
        lines: lines.iter().map(|l| Line::plain(*l)).collect(),
    }])
}

fn resolve(lines: &[&str]) -> Option<String> {
    BUILTIN.resolve(&view(lines), None)
}

const FILLER: &str =
    "Insatsen har följts upp av styrgruppen och redovisats för styrelsen under året.";

#[test]
fn canonical_name_and_alias_match() {
    let expected = Some("Samordningsförbundet Gävleborg".to_string());
    assert_eq!(
        resolve(&["Rapport till Samordningsförbundet Gävleborg"]),
        expected
    );
    assert_eq!(
        resolve(&["Rapport till Finsam Gävleborg", FILLER]),
        expected
    );
    assert_eq!(
        resolve(&["Beslut i Samordningsförbund Gävleborg"]),
        expected
    );
    assert_eq!(
        resolve(&["Ansökan till Gävleborgs samordningsförbund"]),
        expected
    );
}

#[test]
fn spelling_variants_of_hyphenated_names_match() {
    let expected = Some("Samordningsförbundet Burlöv-Staffanstorp".to_string());
    assert_eq!(
        resolve(&["SAMORDNINGSFÖRBUNDET BURLÖV – STAFFANSTORP"]),
        expected
    );
    assert_eq!(
        resolve(&["Samordningsförbundet Burlöv Staffanstorp"]),
        expected
    );
}

#[test]
fn email_domain_matches() {
    let lines = [
        "Kvartalsrapport",
        FILLER,
        "Skickas till kontakt@finsamgavleborg.se",
    ];
    assert_eq!(
        resolve(&lines).as_deref(),
        Some("Samordningsförbundet Gävleborg")
    );
}

#[test]
fn passing_mention_of_another_forbund_does_not_win() {
    let mut lines = vec![
        "Slutrapport",
        "Samordningsförbundet Västerås",
        FILLER,
        FILLER,
    ];
    lines.extend([
        "Vi har inspirerats av ett projekt inom Finsam Lund.",
        FILLER,
    ]);
    lines.extend(["Referenser: Ansökan om medel från Samordningsförbundet Halland."]);
    assert_eq!(
        resolve(&lines).as_deref(),
        Some("Samordningsförbundet Västerås")
    );
}

#[test]
fn name_in_title_block_outweighs_a_reference_list() {
    let mut lines = vec![
        "Delrapport",
        "Samordningsförbundet Umeå",
        "Relevanta dokument",
    ];
    lines.extend([
        "Ansökan om medel från Finsam Lund",
        "Slutrapport KAOS, Finsam Lund",
    ]);
    lines.extend([
        "Transkript:",
        "Delrapport för Samordningsförbundet Umeå 2018",
    ]);
    assert_eq!(
        resolve(&lines).as_deref(),
        Some("Samordningsförbundet Umeå")
    );
}

#[test]
fn contact_details_on_page_one_beat_names_on_later_pages() {
    let page = |number: u32, lines: &[&str]| Page {
        number,
        lines: lines.iter().map(|l| Line::plain(*l)).collect(),
    };
    let pages = [
        page(
            1,
            &[
                "Slutrapport",
                "Insatsen Vägen",
                FILLER,
                "Kontakt: info@finsamgavleborg.se",
            ],
        ),
        page(2, &["Vi lånade arbetssättet från Finsam Göteborg.", FILLER]),
        page(
            3,
            &[
                "Finsam Göteborg har också utvärderat metoden.",
                "Samordningsförbundet Göteborg bjöd in oss.",
            ],
        ),
    ];
    let resolved = BUILTIN.resolve(&TextView::new(&pages), None);
    assert_eq!(resolved.as_deref(), Some("Samordningsförbundet Gävleborg"));
}

#[test]
fn member_municipality_resolves_through_membership() {
    let lines = ["Ansökan", FILLER, "Projektet drivs av Söderhamns kommun."];
    assert_eq!(
        resolve(&lines).as_deref(),
        Some("Samordningsförbundet Gävleborg")
    );
    let lines = [
        "Slutrapport",
        "Parter: Arbetsförmedlingen, Uppsala kommun och Region Uppsala.",
    ];
    assert_eq!(
        resolve(&lines).as_deref(),
        Some("Samordningsförbundet i Uppsala län")
    );
}

#[test]
fn strong_evidence_overrules_municipalities() {
    let lines = [
        "Ansökan",
        "Söderhamns kommun, Gävle kommun, Sandvikens kommun",
        "Finsam Lund",
    ];
    assert_eq!(
        resolve(&lines).as_deref(),
        Some("Samordningsförbundet Finsam Lund")
    );
}

#[test]
fn nothing_known_gives_none() {
    assert_eq!(resolve(&["Protokoll", FILLER]), None);
    // A kommun without a förbund in the data.
    assert_eq!(
        resolve(&["Ansökan", "Projektet drivs av Ängelholms kommun."]),
        None
    );
}

const TWO_FORBUND: &str = r#"
name_patterns = ["Samordningsförbundet {short}"]

[scoring]
name_weight = 3.0
domain_weight = 3.0
member_weight = 1.0
first_page_bonus = 1.0
title_lines = 3
title_bonus = 5.0
head_chars = 2000
head_bonus = 1.0
min_strong_score = 3.0
min_weak_score = 2.0
min_ratio = 1.25

[[forbund]]
name = "Samordningsförbundet Norr"
short = "Norr"
lan = "Testlän"
municipalities = ["Delad", "Nordby"]
source = "test"
verified = false

[[forbund]]
name = "Samordningsförbundet Söder"
short = "Söder"
lan = "Testlän"
municipalities = ["Delad", "Söderby"]
source = "test"
verified = false
"#;

#[test]
fn municipality_in_two_forbund_is_ambiguous() {
    let resolver = ForbundResolver::from_toml(TWO_FORBUND, &KOMMUNER).unwrap();
    assert_eq!(
        resolver.resolve(&view(&["Ansökan", "Projektägare är Delads kommun."]), None),
        None
    );
    let both = view(&["Ansökan", "Parter: Nordby kommun och Söderby kommun."]);
    assert_eq!(resolver.resolve(&both, None), None);
    let one = view(&["Ansökan", "Parter: Delads kommun och Söderby kommun."]);
    assert_eq!(
        resolver.resolve(&one, None).as_deref(),
        Some("Samordningsförbundet Söder")
    );
}

#[test]
fn equally_strong_names_are_ambiguous() {
    let resolver = ForbundResolver::from_toml(TWO_FORBUND, &KOMMUNER).unwrap();
    let lines = ["Gemensam rapport från Samordningsförbundet Norr och Samordningsförbundet Söder"];
    assert_eq!(resolver.resolve(&view(&lines), None), None);
}

#[test]
fn shared_alias_is_rejected() {
    let data = TWO_FORBUND.replace("short = \"Söder\"", "short = \"Norr\"");
    let err = ForbundResolver::from_toml(&data, &KOMMUNER).unwrap_err();
    assert!(
        err.to_string().contains("samordningsförbundet norr"),
        "{err}"
    );
}

#[test]
fn former_names_resolve_to_the_successor() {
    assert_eq!(
        resolve(&["Verksamhetsberättelse", "Samordningsförbundet Pyramis"]).as_deref(),
        Some("Samordningsförbundet Södra Norrbotten")
    );
    assert_eq!(
        resolve(&["Årsredovisning", "Samordningsförbundet Södra Roslagen"]).as_deref(),
        Some("Samordningsförbundet Roslagen")
    );
}

#[test]
fn membership_follows_the_document_year() {
    let view = view(&["Ansökan", "Projektägare är Bodens kommun."]);
    let expected = Some("Samordningsförbundet Södra Norrbotten".to_string());
    assert_eq!(BUILTIN.resolve(&view, Some(2019)), None);
    assert_eq!(BUILTIN.resolve(&view, Some(2021)), expected);
    assert_eq!(BUILTIN.resolve(&view, None), expected);
}

#[test]
fn irregular_genitive_is_matched() {
    assert_eq!(
        resolve(&["Ansökan", "Projektägare är Falu kommun."]).as_deref(),
        Some("Samordningsförbundet Finsam Falun-Borlänge")
    );
}

#[test]
fn member_since_must_name_a_member() {
    let data = TWO_FORBUND.replace(
        "municipalities = [\"Delad\", \"Nordby\"]",
        "municipalities = [\"Delad\", \"Nordby\"]\nmember_since = { \"Söderby\" = 2020 }",
    );
    let err = ForbundResolver::from_toml(&data, &KOMMUNER).unwrap_err();
    assert!(
        matches!(&err, MetadataError::Invalid { message, .. } if message.contains("Söderby")),
        "{err}"
    );
}
