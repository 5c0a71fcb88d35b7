//! Abbreviations, synonyms and spelling variants, applied to the query.
//!
//! The groups live in `data/synonyms.toml` (compiled in). Before a query is
//! parsed, every plain word or run of words that equals a form of a group is
//! replaced by `(typed OR form OR "multi word form" …)`, so that tantivy's
//! parser analyses each form with the field's analyzer (stemming applies) and
//! multi-word forms become phrases. The typed form has no privilege over the
//! others: they name the same thing, and a boost for the user's own word let a
//! section that uses it once, in passing, outrank one that answers in the
//! other form ("ett halvår senare" found a budget table's "halvår" before a
//! follow-up "sex månader efter avslut"). Rewriting the text rather than the parsed
//! query tree leaves phrases, `field:` terms, `+`/`-` and operators to the
//! parser: only plain words are touched ([`super::query_words`]).

use super::query_words::{self, Word};
use serde::Deserialize;
use std::sync::LazyLock;

/// The built-in groups.
const SYNONYMS_TOML: &str = include_str!("../../data/synonyms.toml");

/// Longest form, in words, that a query is searched for.
const MAX_FORM_WORDS: usize = 8;

/// Shortest word that may carry a genitive `s` ("Försäkringskassans").
const MIN_GENITIVE_STEM: usize = 4;

/// One group of forms naming the same thing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Forms matched whatever their case.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Forms matched only as written (abbreviations that are words in lower case).
    #[serde(default)]
    pub cased: Vec<String>,
    /// Expansions only: they never expand themselves (a one-way group).
    #[serde(default)]
    pub to: Vec<String>,
    /// Where the pairing is stated.
    pub source: Option<String>,
    /// Why the forms are the same thing.
    pub reason: Option<String>,
}

impl Group {
    /// Every form of the group, in file order: matched ones first, then `to`.
    pub fn all_forms(&self) -> impl Iterator<Item = &String> {
        self.forms.iter().chain(&self.cased).chain(&self.to)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    group: Vec<Group>,
}

/// A form a query can match: its words, and whether case matters.
#[derive(Debug)]
struct Matcher {
    words: Vec<String>,
    cased: bool,
    group: usize,
}

/// The loaded groups, ready to expand queries.
#[derive(Debug)]
pub struct Synonyms {
    groups: Vec<Group>,
    matchers: Vec<Matcher>,
}

static BUILTIN: LazyLock<Synonyms> = LazyLock::new(|| {
    Synonyms::from_toml(SYNONYMS_TOML).expect("data/synonyms.toml is valid (pinned by tests)")
});

impl Synonyms {
    /// The groups of `data/synonyms.toml`, parsed once.
    pub fn builtin() -> &'static Synonyms {
        &BUILTIN
    }

    /// Parses a synonyms file.
    pub fn from_toml(text: &str) -> Result<Synonyms, toml::de::Error> {
        let file: SynonymsFile = toml::from_str(text)?;
        let mut matchers = Vec::new();
        for (group, g) in file.group.iter().enumerate() {
            let forms = g.forms.iter().map(|f| (f, false));
            for (form, cased) in forms.chain(g.cased.iter().map(|f| (f, true))) {
                let words = form
                    .split_whitespace()
                    .map(|w| {
                        if cased {
                            w.to_string()
                        } else {
                            w.to_lowercase()
                        }
                    })
                    .collect();
                matchers.push(Matcher {
                    words,
                    cased,
                    group,
                });
            }
        }
        Ok(Synonyms {
            groups: file.group,
            matchers,
        })
    }

    /// The groups, in file order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// `query` with every plain word or run of words that is a form replaced
    /// by an OR of the typed text and the other forms of its group.
    pub fn expand(&self, query: &str) -> String {
        let words = query_words::words(query);
        let mut out = String::with_capacity(query.len() * 2);
        let (mut copied, mut i) = (0, 0);
        while i < words.len() {
            let Some((len, group)) = self.longest_match(&words[i..]) else {
                i += 1;
                continue;
            };
            let span = words[i].span.start..words[i + len - 1].span.end;
            out.push_str(&query[copied..span.start]);
            out.push_str(&self.alternatives(&query[span.clone()], len, group));
            copied = span.end;
            i += len;
        }
        out.push_str(&query[copied..]);
        out
    }

    /// The longest form starting at `words[0]`: (its length in words, group).
    fn longest_match(&self, words: &[Word]) -> Option<(usize, usize)> {
        let run = adjacent_run(words);
        self.matchers
            .iter()
            .filter(|m| m.words.len() <= run && matches(m, &words[..m.words.len()]))
            .max_by_key(|m| m.words.len())
            .map(|m| (m.words.len(), m.group))
    }

    /// `(typed OR form …)` in query syntax, each form once, the typed one first.
    fn alternatives(&self, typed: &str, typed_words: usize, group: usize) -> String {
        let mut seen = vec![typed.to_lowercase()];
        let typed_part = if typed_words > 1 {
            format!("({typed})")
        } else {
            quoted(typed)
        };
        let mut parts = vec![typed_part];
        for form in self.groups[group].all_forms() {
            if !seen.contains(&form.to_lowercase()) {
                seen.push(form.to_lowercase());
                parts.push(quoted(form));
            }
        }
        format!("({})", parts.join(" OR "))
    }
}

/// How many words from the first stand next to each other, without any
/// modifier or parenthesis between them (a run of one is always allowed).
fn adjacent_run(words: &[Word]) -> usize {
    let mut run = 1;
    while run < words.len().min(MAX_FORM_WORDS)
        && words[run].chunk == words[run - 1].chunk + 1
        && words[run].bare
        && words[0].bare
    {
        run += 1;
    }
    run
}

/// Whether the typed words are the matcher's form; the last word may add a
/// genitive `s`.
fn matches(matcher: &Matcher, typed: &[Word]) -> bool {
    let last = matcher.words.len() - 1;
    matcher
        .words
        .iter()
        .zip(typed)
        .enumerate()
        .all(|(i, (form, word))| {
            let word = if matcher.cased {
                word.text.to_string()
            } else {
                word.text.to_lowercase()
            };
            word == *form || (i == last && !matcher.cased && is_genitive(&word, form))
        })
}

/// `word` is `form` plus a genitive `s` ("arbetsförmedlingens").
fn is_genitive(word: &str, form: &str) -> bool {
    form.chars().count() >= MIN_GENITIVE_STEM
        && !form.ends_with('s')
        && word.strip_suffix('s') == Some(form)
}

/// A form in query syntax: a single word as is, anything else as a phrase.
fn quoted(form: &str) -> String {
    if form.chars().all(char::is_alphanumeric) {
        form.to_string()
    } else {
        format!("\"{form}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(query: &str) -> String {
        Synonyms::builtin().expand(query)
    }

    #[test]
    fn abbreviation_expands_to_its_name_and_back() {
        assert_eq!(expand("FK"), "(FK OR Försäkringskassan)");
        assert_eq!(expand("försäkringskassan"), "(försäkringskassan OR FK)");
        assert_eq!(
            expand("Försäkringskassans"),
            "(Försäkringskassans OR FK OR Försäkringskassan)"
        );
    }

    #[test]
    fn hyphenated_and_multi_word_forms_are_phrases() {
        let out = expand("0-placerade unga");
        assert!(
            out.starts_with(r#"("0-placerade" OR nollplacerad OR "#),
            "{out}"
        );
        assert!(out.contains(r#""saknar SGI""#), "{out}");
        assert!(out.ends_with(") unga"), "{out}");
        assert_eq!(
            expand("samordnad individuell plan"),
            r#"((samordnad individuell plan) OR SIP OR "samordnade individuella planer")"#
        );
    }

    #[test]
    fn user_syntax_survives() {
        for query in [
            r#""FK och AF" title:FK FK^2"#,
            "body:sol year:[2020 TO 2023]",
            r#"heading:"samordnad individuell plan""#,
        ] {
            assert_eq!(expand(query), query);
        }
        assert_eq!(
            expand("-FK +KBT"),
            "-(FK OR Försäkringskassan) +(KBT OR \"kognitiv beteendeterapi\")"
        );
        assert_eq!(
            expand("(FK OR stöd)"),
            "((FK OR Försäkringskassan) OR stöd)"
        );
    }

    #[test]
    fn lower_case_common_words_are_not_abbreviations() {
        for query in ["sol", "mi", "act", "af", "krom", "osa"] {
            assert_eq!(expand(query), query);
        }
        assert_eq!(expand("SoL"), "(SoL OR socialtjänstlagen)");
        assert!(expand("MI").contains("\"motiverande samtal\""));
    }

    #[test]
    fn one_way_expansions_do_not_expand() {
        assert!(expand("förtidspension").contains("sjukersättning"));
        assert_eq!(expand("sjukersättning"), "sjukersättning");
        assert_eq!(expand("ACT").matches(" OR ").count(), 2);
    }

    #[test]
    fn everyday_words_find_the_words_reports_use_and_not_back() {
        let jobbet = expand("jobbet");
        assert!(jobbet.ends_with(" OR arbete OR anställning)"), "{jobbet}");
        assert_eq!(
            expand("ett halvår senare"),
            "ett (halvår OR halvåret OR \"sex månader\") senare"
        );
        assert!(expand("killar").contains("män"));
        assert_eq!(
            expand("nya projekt"),
            "nya (projekt OR projektet OR projekten OR insats)"
        );
        for formal in [
            "arbete",
            "medel",
            "män",
            "stöd",
            "svårigheter",
            "ohälsa",
            "insats",
        ] {
            assert_eq!(expand(formal), formal);
        }
    }

    #[test]
    fn the_everyday_and_the_clinical_word_find_each_other() {
        assert_eq!(expand("självmord"), "(självmord OR suicid)");
        assert_eq!(
            expand("suicidtankar"),
            "(suicidtankar OR självmordstankar OR \"suicidala tankar\")"
        );
    }

    #[test]
    fn builtin_file_has_sixty_groups_each_with_a_source_or_reason() {
        let groups = Synonyms::from_toml(SYNONYMS_TOML).unwrap().groups;
        assert!(groups.len() >= 60, "only {} groups", groups.len());
        for g in &groups {
            let why = g
                .source
                .iter()
                .chain(&g.reason)
                .any(|s| !s.trim().is_empty());
            assert!(why, "{:?} has no source or reason", g.forms);
            assert!(g.forms.len() + g.cased.len() >= 1, "{g:?} matches nothing");
            assert!(g.all_forms().count() >= 2, "{g:?} has one form");
        }
    }

    #[test]
    fn no_form_is_in_two_groups() {
        let mut owner = std::collections::HashMap::new();
        for (i, g) in Synonyms::builtin().groups().iter().enumerate() {
            for form in g.all_forms() {
                let previous = owner.insert(form.to_lowercase(), i);
                assert!(previous.is_none_or(|p| p == i), "{form} is in two groups");
            }
        }
    }

    #[test]
    fn forms_are_plain_text_that_survives_analysis() {
        for form in Synonyms::builtin()
            .groups()
            .iter()
            .flat_map(Group::all_forms)
        {
            assert!(!form.contains(['"', '(', ')', ':', '*', '^']), "{form}");
            let words = form.split_whitespace().count();
            let terms = crate::analysis::analyze(form).len();
            assert!(terms >= words.min(2), "{form} shrinks to {terms} term(s)");
        }
    }

    #[test]
    fn key_pairs_are_pinned() {
        for (short, long) in [
            ("FK", "Försäkringskassan"),
            ("AF", "Arbetsförmedlingen"),
            ("SGI", "sjukpenninggrundande inkomst"),
            ("0-placerade", "nollplacerade"),
            ("SKL", "Sveriges Kommuner och Regioner"),
            ("ESF", "Europeiska socialfonden"),
            ("SIP", "samordnad individuell plan"),
            ("UVAS", "unga som varken arbetar eller studerar"),
            ("försörjningsstöd", "ekonomiskt bistånd"),
            ("NPF", "neuropsykiatrisk funktionsnedsättning"),
            ("IPS", "Supported Employment"),
            ("MI", "motiverande samtal"),
            ("SoL", "socialtjänstlagen"),
            ("SYV", "studie- och yrkesvägledare"),
        ] {
            assert!(expand(short).contains(long), "{short} -> {}", expand(short));
        }
    }

    #[test]
    fn modified_words_do_not_join_a_multi_word_form() {
        assert_eq!(expand("-ekonomiskt bistånd"), "-ekonomiskt bistånd");
    }
}
