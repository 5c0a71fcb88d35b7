//! The built-in data files parse, stay consistent and keep key entries.

use std::collections::{HashMap, HashSet};

use super::normalize::normalize;
use super::{FORBUND_TOML, Labeler, MALGRUPP_TOML, MetadataError, REPORT_TYPES_TOML};

fn forbund(name: &str) -> super::Forbund {
    let labeler = Labeler::shared();
    labeler
        .forbund()
        .iter()
        .find(|f| f.name == name)
        .cloned()
        .unwrap_or_else(|| panic!("{name} missing"))
}

#[test]
fn builtin_data_parses() {
    Labeler::from_toml(FORBUND_TOML, REPORT_TYPES_TOML, MALGRUPP_TOML).unwrap();
}

#[test]
fn gavleborg_entry_is_pinned() {
    let f = forbund("Samordningsförbundet Gävleborg");
    assert_eq!(f.domains, ["finsamgavleborg.se"]);
    assert_eq!(f.lan, "Gävleborgs län");
    assert!(f.municipalities.iter().any(|k| k == "Söderhamn"));
    assert!(f.verified);
}

#[test]
fn corpus_forbund_are_present() {
    for name in [
        "Samordningsförbundet Burlöv-Staffanstorp",
        "Samordningsförbundet Södra Vätterbygden",
        "Samordningsförbundet i Uppsala län",
        "Samordningsförbundet Västerås",
    ] {
        assert!(!forbund(name).municipalities.is_empty(), "{name}");
    }
}

#[test]
fn at_least_thirty_forbund_each_with_a_source() {
    let labeler = Labeler::shared();
    assert!(labeler.forbund().len() >= 30);
    for f in labeler.forbund() {
        assert!(!f.source.trim().is_empty(), "{} has no source", f.name);
    }
}

#[test]
fn names_aliases_and_domains_are_unique() {
    let mut owners: HashMap<String, String> = HashMap::new();
    for f in Labeler::shared().forbund() {
        for key in std::iter::once(&f.name).chain(&f.aliases).chain(&f.domains) {
            let previous = owners.insert(normalize(key), f.name.clone());
            assert!(
                previous.is_none_or(|p| p == f.name),
                "'{key}' belongs to two förbund"
            );
        }
    }
}

#[test]
fn regions_point_to_one_forbund() {
    let mut seen = HashSet::new();
    for f in Labeler::shared().forbund() {
        for region in &f.regions {
            assert!(
                seen.insert(normalize(region)),
                "{region} is listed for two förbund"
            );
        }
    }
}

#[test]
fn bad_data_gives_typed_errors() {
    let broken = Labeler::from_toml("not = [toml", REPORT_TYPES_TOML, MALGRUPP_TOML);
    assert!(matches!(
        broken,
        Err(MetadataError::Parse {
            file: "forbund.toml",
            ..
        })
    ));
    let no_terms = "[settings]\nmin_score = 3.0\nweak_weight = 0.3\ncontext_phrases = []\ncontext_window = 10\ncontext_bonus = 1.0\n[[group]]\nname = \"x\"\nterms = []\n";
    let empty = Labeler::from_toml(FORBUND_TOML, REPORT_TYPES_TOML, no_terms);
    assert!(matches!(
        empty,
        Err(MetadataError::Invalid {
            file: "malgrupp.toml",
            ..
        })
    ));
}

#[test]
fn report_types_and_groups_are_the_facet_values() {
    let types: HashSet<&str> = REPORT_TYPES_TOML
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    let expected = [
        "ansökan",
        "projektplan",
        "förstudie",
        "kvartalsrapport",
        "delrapport",
        "slutrapport",
        "verksamhetsberättelse",
        "årsredovisning",
        "verksamhetsplan",
        "utvärdering",
    ];
    assert_eq!(types, expected.into_iter().collect());
    for group in [
        "nollplacerade",
        "återvändare",
        "unga",
        "nyanlända",
        "långvarigt försörjningsstöd",
    ] {
        assert!(
            MALGRUPP_TOML.contains(&format!("name = \"{group}\"")),
            "{group}"
        );
    }
}
