//! Text normalisation shared by all matchers.
//!
//! Cue phrases, names and document text are compared in one normal form:
//! lower-cased (keeping å, ä, ö — no ASCII folding), with every run of
//! punctuation or whitespace turned into a single space. "Burlöv-Staffanstorp",
//! "Burlöv – Staffanstorp" and "burlöv staffanstorp" then look the same, and
//! an e-mail domain "x@finsamgavleborg.se" contains the words "finsamgavleborg se".

use regex::Regex;

/// Lower-cases `text` and collapses non-alphanumeric runs into single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// A regex matching any of `phrases` (already normalised) at word starts.
///
/// Longer phrases are tried first, so "långvarigt försörjningsstöd" wins over
/// "försörjningsstöd" at the same position. With `whole_words` the match must
/// also end at a word boundary; otherwise any inflection suffix may follow.
/// With no phrases the regex never matches.
pub fn phrase_regex<'a>(
    phrases: impl IntoIterator<Item = &'a str>,
    whole_words: bool,
) -> Result<Regex, regex::Error> {
    let mut sorted: Vec<&str> = phrases.into_iter().filter(|p| !p.is_empty()).collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
    sorted.dedup();
    if sorted.is_empty() {
        return Regex::new(r"[^\s\S]");
    }
    let alternation: Vec<String> = sorted.iter().map(|p| regex::escape(p)).collect();
    let end = if whole_words { r"\b" } else { "" };
    Regex::new(&format!(r"\b(?:{}){end}", alternation.join("|")))
}

/// A regex matching any of `phrases` (already normalised) at word starts,
/// each with its own ending: `true` lets any suffix follow ("bakgrund" finds
/// "bakgrunden"), `false` requires a word end ("ekonomi" misses
/// "ekonomiskt"). Longer phrases are tried first.
pub fn mixed_regex(phrases: &[(String, bool)]) -> Result<Regex, regex::Error> {
    let mut sorted: Vec<&(String, bool)> = phrases.iter().filter(|(p, _)| !p.is_empty()).collect();
    sorted.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    if sorted.is_empty() {
        return Regex::new(r"[^\s\S]");
    }
    let alternation: Vec<String> = sorted
        .iter()
        .map(|(p, suffix)| {
            let end = if *suffix { "" } else { r"\b" };
            format!("{}{end}", regex::escape(p))
        })
        .collect();
    Regex::new(&format!(r"\b(?:{})", alternation.join("|")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_swedish_letters_and_collapses_punctuation() {
        assert_eq!(
            normalize("Burlöv–Staffanstorp, ÅR 2018!"),
            "burlöv staffanstorp år 2018"
        );
        assert_eq!(normalize("  **Projekt SAM-** "), "projekt sam");
        assert_eq!(
            normalize("kontakt@finsamgavleborg.se"),
            "kontakt finsamgavleborg se"
        );
    }

    #[test]
    fn phrase_regex_prefers_longest_and_respects_word_starts() {
        let re = phrase_regex(["försörjningsstöd", "långvarigt försörjningsstöd"], false).unwrap();
        let found: Vec<&str> = re
            .find_iter("långvarigt försörjningsstöd och försörjningsstödet")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["långvarigt försörjningsstöd", "försörjningsstöd"]);
        assert!(!re.is_match("ekonomiförsörjningsstöd"));
    }

    #[test]
    fn whole_word_phrase_regex_rejects_suffixes() {
        let re = phrase_regex(["finsam lund"], true).unwrap();
        assert!(re.is_match("inom finsam lund i år"));
        assert!(!re.is_match("finsam lundby"));
    }
}
