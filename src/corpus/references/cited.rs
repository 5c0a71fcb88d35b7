//! What a reference says about the report it names: the report types it
//! names, its words, the years, förbund and diarienummer it gives. Words an
//! extractor split ("A nsökan", "D nr") are read joined as well.

use crate::corpus::data::{DATA, FORBUND, REPORT_TYPES, fold, words_of};
use crate::corpus::features::diarienummer;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A capital letter standing alone before the rest of its word, as PDF
/// extraction leaves a wide initial: "A nsökan", "D nr", "(A rbetsförmåga".
static SPLIT_INITIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\p{L}])(\p{Lu}) (\p{Ll}{2,})").expect("valid pattern"));
/// Capital letters that are Swedish words by themselves ("I den …", "Å …").
const ONE_LETTER_WORDS: [&str; 3] = ["I", "Å", "Ö"];

/// What one reference says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cited {
    /// Its words, folded, as written and with split initials joined.
    pub words: HashSet<String>,
    /// Those of its words written with a capital at least once (folded).
    pub capitalized: HashSet<String>,
    /// The report types it names ("delrapport" for "halvtidsrapport").
    pub types: Vec<String>,
    /// The years it names (1990–2099).
    pub years: Vec<i32>,
    /// The förbund it names outright (canonical names).
    pub forbund: Vec<String>,
    /// The diarienummer it gives, normalised as documents' are.
    pub diarienummer: Vec<String>,
    /// True when it names a förbund that is not known ("Samordningsförbundet
    /// X", "Finsam X" with an X of no listed förbund): no document's förbund
    /// agrees with it.
    pub unknown_forbund: bool,
}

impl Cited {
    /// Reads a reference.
    pub fn of(text: &str) -> Cited {
        let joined = join_split_initials(text);
        let mut words: HashSet<String> = HashSet::new();
        let mut capitalized: HashSet<String> = HashSet::new();
        for version in [text, joined.as_str()] {
            for word in version.split(|c: char| !c.is_alphanumeric()) {
                let folded = fold(word);
                if word.chars().next().is_some_and(char::is_uppercase) {
                    capitalized.insert(folded.clone());
                }
                words.insert(folded);
            }
        }
        words.remove("");
        let mut numbers = diarienummer(text);
        numbers.extend(diarienummer(&joined));
        numbers.sort();
        numbers.dedup();
        let forbund = forbund_named(&joined);
        let unknown_forbund = forbund.is_empty()
            && words
                .iter()
                .any(|w| w.starts_with("samordningsforbund") || w == "finsam");
        Cited {
            types: report_types(&joined),
            years: years(&joined),
            forbund,
            diarienummer: numbers,
            unknown_forbund,
            words,
            capitalized,
        }
    }

    /// True when it names `name` (a name key, words separated by spaces):
    /// it holds every word, and a one-word name with a capital at least once,
    /// as a name is written ("Projekt Steget", "STEGET" — not "första steget").
    pub fn names(&self, name: &str) -> bool {
        let mut words = name.split(' ');
        let proper = match (words.next(), words.next()) {
            (Some(only), None) => self.capitalized.contains(only),
            _ => true,
        };
        proper && name.split(' ').all(|w| self.words.contains(w))
    }
}

/// `text` with split initials joined to their word ("A nsökan" → "Ansökan").
pub fn join_split_initials(text: &str) -> String {
    SPLIT_INITIAL
        .replace_all(text, |c: &regex::Captures| {
            match ONE_LETTER_WORDS.contains(&&c[2]) {
                true => c[0].to_string(),
                false => format!("{}{}{}", &c[1], &c[2], &c[3]),
            }
        })
        .into_owned()
}

/// True when `text` names a report type.
pub fn names_a_report_type(text: &str) -> bool {
    !report_types(text).is_empty()
}

/// The report types `text` names: a cue of `data/report_types.toml` weighty
/// enough to name its type, at a word's start ("slutrapporten"), or the
/// type's own name inside a word ("projektansökan").
pub fn report_types(text: &str) -> Vec<String> {
    let folded = format!(" {} ", words_of(text));
    let min = DATA.references.min_type_weight;
    REPORT_TYPES
        .iter()
        .filter(|t| {
            let cue = t
                .cues
                .iter()
                .filter(|c| c.weight >= min)
                .any(|c| folded.contains(&format!(" {}", words_of(&c.phrase))));
            cue || folded.contains(&fold(&t.name))
        })
        .map(|t| t.name.clone())
        .collect()
}

/// The years `text` names (1990–2099).
fn years(text: &str) -> Vec<i32> {
    let mut years: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse().ok())
        .filter(|y| (1990..2100).contains(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The förbund `text` names outright.
fn forbund_named(text: &str) -> Vec<String> {
    let folded = format!(" {} ", words_of(text));
    FORBUND
        .iter()
        .filter(|f| f.phrases.iter().any(|p| folded.contains(&format!(" {p} "))))
        .map(|f| f.name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_initials_are_joined() {
        assert_eq!(
            join_split_initials("A nsökan om medel, D nr SFUL 2024/112 (A rbetsförmåga i fokus)"),
            "Ansökan om medel, Dnr SFUL 2024/112 (Arbetsförmåga i fokus)"
        );
        assert_eq!(
            join_split_initials("I den ursprungliga"),
            "I den ursprungliga"
        );
    }

    #[test]
    fn a_reference_is_read_for_types_years_forbund_and_numbers() {
        let cited = Cited::of(
            "A nsökan om insatsmedel, Samverkansteam Noll till ett, D nr SFUL 2024/112, \
             Samordningsförbundet i Uppsala län",
        );
        assert_eq!(cited.types, ["ansökan"]);
        assert_eq!(cited.years, [2024]);
        assert_eq!(cited.forbund, ["Samordningsförbundet i Uppsala län"]);
        assert_eq!(cited.diarienummer, ["SFUL2024/112"]);
        assert!(cited.names("samverkansteam noll ett"));
        assert!(!cited.names("noll fem"));
    }

    #[test]
    fn a_one_word_name_is_named_when_written_as_a_name() {
        assert!(Cited::of("Delrapport projekt Steget, 2023").names("steget"));
        assert!(Cited::of("Kvartalsrapport STEGET, kvartal 1").names("steget"));
        assert!(!Cited::of("Slutrapport: första steget mot arbete").names("steget"));
    }

    #[test]
    fn report_types_are_named_by_their_cues() {
        assert_eq!(
            report_types("RAR i Sörmland: Halvtidsrapport för perioden"),
            ["delrapport"]
        );
        assert_eq!(
            report_types("Slutrapporten för ESF-projektansökan"),
            ["ansökan", "slutrapport"]
        );
        assert!(report_types("Återrapportering till styrelsen").is_empty());
        assert!(report_types("Socialstyrelsen (2019): Nationella riktlinjer").is_empty());
    }

    #[test]
    fn forbund_are_named_by_name_alias_or_a_two_word_place() {
        assert_eq!(
            forbund_named("Östra Södertörn, Slutrapport Ungdomsbron"),
            ["Samordningsförbundet Östra Södertörn"]
        );
        assert_eq!(
            forbund_named("Finsam Lund, Projektplan"),
            ["Samordningsförbundet Finsam Lund"]
        );
        assert!(forbund_named("Primärvården Lund").is_empty());
    }
}
