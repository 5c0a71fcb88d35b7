//! The built-in data files parse, stay consistent and keep key entries.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::normalize::normalize;
use super::view::TextView;
use super::{
    DataFiles, KOMMUNER_TOML, Kommuner, Labeler, MALGRUPP_TOML, MetadataError, REPORT_TYPES_TOML,
};
use crate::document::{Line, Page};

fn kommuner() -> Kommuner {
    Kommuner::from_toml(KOMMUNER_TOML).unwrap()
}

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
    Labeler::from_toml(&DataFiles::builtin()).unwrap();
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
fn at_least_sixty_forbund_each_with_a_source() {
    let labeler = Labeler::shared();
    assert!(labeler.forbund().len() >= 60);
    for f in labeler.forbund() {
        assert!(!f.source.trim().is_empty(), "{} has no source", f.name);
    }
}

#[test]
fn names_aliases_and_domains_are_unique() {
    let mut owners: HashMap<String, String> = HashMap::new();
    for f in Labeler::shared().forbund() {
        let former = f.former.iter().map(|n| &n.name);
        for key in std::iter::once(&f.name)
            .chain(&f.aliases)
            .chain(former)
            .chain(&f.domains)
        {
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
    let broken = Labeler::from_toml(&DataFiles {
        forbund: "not = [toml",
        ..DataFiles::builtin()
    });
    assert!(matches!(
        broken,
        Err(MetadataError::Parse {
            file: "forbund.toml",
            ..
        })
    ));
    let no_terms = "[settings]\nmin_score = 3.0\nweak_weight = 0.3\ncontext_phrases = []\ncontext_window = 10\ncontext_bonus = 1.0\nstatement_phrases = []\nstatement_words = 3\nstatement_max_chars = 10\nstatement_weight = 1.0\ncheckbox_marks = []\n[[group]]\nname = \"x\"\nterms = []\n";
    let empty = Labeler::from_toml(&DataFiles {
        malgrupp: no_terms,
        ..DataFiles::builtin()
    });
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
        "överenskommelse",
        "presentation",
        "remissvar",
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

#[test]
fn kommuner_are_the_290_in_21_lan() {
    let kommuner = kommuner();
    assert_eq!(kommuner.lan().len(), 21);
    let names: HashSet<&str> = kommuner.iter().map(|(_, k)| k.name.as_str()).collect();
    let codes: HashSet<&str> = kommuner.iter().map(|(_, k)| k.code.as_str()).collect();
    assert_eq!((names.len(), codes.len()), (290, 290));
    for lan in kommuner.lan() {
        for k in &lan.kommuner {
            assert!(k.code.starts_with(&lan.code), "{} in {}", k.name, lan.name);
        }
    }
}

#[test]
fn forbund_members_are_kommuner_of_their_lan() {
    let kommuner = kommuner();
    let lan_of: HashMap<&str, &str> = kommuner.iter().map(|(l, k)| (k.name.as_str(), l)).collect();
    for f in Labeler::shared().forbund() {
        assert!(
            kommuner.lan().iter().any(|l| l.name == f.lan),
            "{}: unknown län {}",
            f.name,
            f.lan
        );
        for k in &f.municipalities {
            assert_eq!(
                lan_of.get(k.as_str()),
                Some(&f.lan.as_str()),
                "{}: {k}",
                f.name
            );
        }
    }
}

#[test]
fn each_kommun_is_in_at_most_one_current_forbund() {
    let kommuner = kommuner();
    let mut none = Vec::new();
    for (_, k) in kommuner.iter() {
        let owners = current_forbund(&k.name);
        assert!(owners.len() <= 1, "{} is in {owners:?}", k.name);
        if owners.is_empty() {
            none.push(k.name.as_str());
        }
    }
    eprintln!(
        "{} of 290 kommuner are in a förbund here; none known for: {}",
        290 - none.len(),
        none.join(", ")
    );
}

/// The förbund kommun `k` belongs to today, by the data.
fn current_forbund(k: &str) -> BTreeSet<String> {
    let all = Labeler::shared().forbund();
    let members = all.iter().filter(|f| f.has_member(k, None));
    members.map(|f| f.name.clone()).collect()
}

/// What the resolver says for a text that names only kommun `k` (written
/// "<genitive> kommun") in `year`.
fn resolve_kommun(k: &super::Kommun, year: Option<i32>) -> Option<String> {
    let lines = [
        "Ansökan om medel".to_string(),
        format!("Projektägare är {} kommun.", k.genitive()),
    ];
    let page = Page {
        number: 1,
        lines: lines.iter().map(Line::plain).collect(),
    };
    Labeler::shared()
        .forbund
        .resolve(&TextView::new(&[page]), year)
}

#[test]
fn every_kommun_alone_resolves_to_its_forbund_or_none() {
    for (_, k) in kommuner().iter() {
        let expected = current_forbund(&k.name).into_iter().next();
        assert_eq!(resolve_kommun(k, None), expected, "{}", k.name);
    }
}

#[test]
fn kommun_that_joined_later_resolves_by_year() {
    let kommuner = kommuner();
    for f in Labeler::shared().forbund() {
        for (name, &since) in &f.member_since {
            let (_, k) = kommuner.iter().find(|(_, k)| &k.name == name).unwrap();
            assert_eq!(
                resolve_kommun(k, Some(since)).as_ref(),
                Some(&f.name),
                "{name}"
            );
            assert_eq!(
                resolve_kommun(k, Some(since - 1)),
                None,
                "{name} before {since}"
            );
        }
    }
}

#[test]
fn section_kinds_are_the_canonical_list() {
    let kinds = Labeler::shared().section_kinds().names();
    assert_eq!(
        kinds,
        [
            "bakgrund",
            "syfte",
            "mål",
            "målgrupp",
            "metod",
            "resultat",
            "framgångsfaktorer",
            "hinder",
            "brukarmedverkan",
            "organisation",
            "ekonomi",
            "uppföljning",
            "implementering",
            "sammanfattning",
            "kontakt",
            "referenser",
            "övrigt",
        ]
    );
}

#[test]
fn organisations_cover_agencies_and_all_regions() {
    let labeler = Labeler::shared();
    let names = |t: &str| labeler.organisations_in(t);
    assert_eq!(
        names("AF och FK"),
        ["Arbetsförmedlingen", "Försäkringskassan"]
    );
    let regions = super::ORGANISATIONS_TOML
        .lines()
        .filter(|l| l.starts_with("name = \"Region ") || l.contains("Götalandsregionen\""))
        .count();
    assert_eq!(regions, 21, "one entry per region");
    assert_eq!(names("Landstinget Västmanland"), ["Region Västmanland"]);
    assert_eq!(names("Stockholms läns landsting"), ["Region Stockholm"]);
}

#[test]
fn bad_organisations_and_section_kinds_give_typed_errors() {
    let duplicate =
        "[[kind]]\nname = \"övrigt\"\ncues = [\"x\"]\n[[kind]]\nname = \"y\"\ncues = [\"x\"]\n";
    let broken = Labeler::from_toml(&DataFiles {
        section_kinds: duplicate,
        ..DataFiles::builtin()
    });
    assert!(matches!(
        broken,
        Err(MetadataError::Invalid {
            file: "section_kinds.toml",
            ..
        })
    ));
    let broken = Labeler::from_toml(&DataFiles {
        organisations: "stad = 1",
        ..DataFiles::builtin()
    });
    assert!(matches!(
        broken,
        Err(MetadataError::Parse {
            file: "organisations.toml",
            ..
        })
    ));
}

#[test]
fn agreements_slides_and_consultation_answers_have_their_types() {
    use crate::document::test_support::page;
    for (title, expected) in [
        (
            "Uppdragsavtal mellan förbundet och Arbetsförmedlingen",
            "överenskommelse",
        ),
        (
            "Remissvar – Ds 2015:17 Avskaffande av den bortre tidsgränsen",
            "remissvar",
        ),
        (
            "Bildspel från nätverksträffen om nollplacerade",
            "presentation",
        ),
    ] {
        let pages = [page(
            1,
            &[title, "", "Samordningsförbundet Gävleborg, mars 2022."],
        )];
        let label = Labeler::shared().label("dokument.pdf", &pages);
        assert_eq!(label.report_type.as_deref(), Some(expected), "{title}");
    }
}
