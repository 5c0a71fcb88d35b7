//! Compound splitting: "arbetsförmågebedömning" is also indexed as
//! "arbetsförmåga" and "bedömning".
//!
//! Swedish writes compounds as one word, so a search for "bedömning" would
//! otherwise miss it. [`Splitter`] finds the parts with the [`Lexicon`]: every
//! part but the last must be able to begin a compound (possibly through a
//! linking form: samverkan|s, arbetsförmåg|e, which are emitted as their base
//! word), the last must be able to end one (possibly inflected:
//! "-koordinatorerna", "-verket"), and every part has at least three letters.
//! Among the splits found it takes the one with the fewest parts, then the one
//! whose shortest part is longest. Words in `data/lexicon/keep_whole.txt` are
//! never split.
//!
//! [`Decompound`] is the token filter: it emits the original token, then its
//! parts at the same position and with the same offsets, so a snippet
//! highlights the whole compound when a part matched. It runs before the
//! stemmer, so the parts are stemmed too. It is used at index time only: the
//! query parser would turn same-position tokens into a phrase.

use super::lexicon::Lexicon;
use super::memo::Memo;
use std::collections::HashSet;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Fewest letters in a part.
const MIN_PART: usize = 3;
/// Most parts in one split.
const MAX_PARTS: usize = 4;

/// Endings of inflected final parts: rapport|en, koordinator|erna, verk|et,
/// stöd|ets, insats|er, inrikta|d, förbereda|nde.
const INFLECTIONS: [&str; 39] = [
    "ernas", "arnas", "ornas", "erna", "arna", "orna", "rnas", "ande", "ende", "aste", "ndes",
    "ens", "ets", "ers", "ars", "ors", "nas", "rna", "are", "ade", "nde", "en", "et", "er", "ar",
    "or", "na", "ns", "ts", "rs", "es", "de", "n", "t", "r", "s", "a", "e", "d",
];

/// Words never split, with their inflected forms (one a line, `#` comments).
const KEEP_WHOLE: &str = include_str!("../../data/lexicon/keep_whole.txt");
/// Words that never begin a compound: particles such as "över", "genom".
const NEVER_FIRST: &str = include_str!("../../data/lexicon/never_first.txt");

/// Splits Swedish compounds into parts; splits and base forms are memoised.
#[derive(Debug)]
pub struct Splitter {
    lexicon: Lexicon,
    keep_whole: HashSet<String>,
    never_first: HashSet<String>,
    splits: Memo<Option<Vec<String>>>,
    base_forms: Memo<Option<String>>,
}

/// One way to split a word: the parts and the length of the shortest piece.
struct Split {
    parts: Vec<String>,
    shortest: usize,
}

impl Split {
    /// Ordering key: fewer parts first, then the longest shortest piece.
    fn rank(&self) -> (usize, std::cmp::Reverse<usize>) {
        (self.parts.len(), std::cmp::Reverse(self.shortest))
    }
}

impl Splitter {
    /// A splitter over `lexicon`, with the built-in exception lists.
    pub fn new(lexicon: Lexicon) -> Splitter {
        Splitter {
            lexicon,
            keep_whole: word_list(KEEP_WHOLE),
            never_first: word_list(NEVER_FIRST),
            splits: Memo::default(),
            base_forms: Memo::default(),
        }
    }

    /// The parts of a lower-cased compound: linking forms as their base word
    /// ("samverkans" → "samverkan"), the last part as written
    /// ("koordinatorerna"). `None` when `word` is not a known compound.
    pub fn split(&self, word: &str) -> Option<Vec<String>> {
        self.splits.get(word, |w| self.split_uncached(w))
    }

    fn split_uncached(&self, word: &str) -> Option<Vec<String>> {
        let letters = word.chars().count();
        if letters < 2 * MIN_PART
            || !word.chars().all(char::is_alphabetic)
            || self.is_kept_whole(word)
        {
            return None;
        }
        self.best(word, MAX_PARTS).map(|split| split.parts)
    }

    /// True when `word` or its uninflected form is on the keep-whole list.
    fn is_kept_whole(&self, word: &str) -> bool {
        self.keep_whole.contains(word)
            || INFLECTIONS.iter().any(|ending| {
                word.strip_suffix(ending).is_some_and(|stem| {
                    self.keep_whole.contains(stem) || self.keep_whole.contains(&format!("{stem}e"))
                })
            })
    }

    /// The best split of `word` into 2..=`max_parts` parts.
    fn best(&self, word: &str, max_parts: usize) -> Option<Split> {
        let mut best: Option<Split> = None;
        for (cut, _) in word.char_indices().skip(MIN_PART) {
            let (head, tail) = word.split_at(cut);
            if tail.chars().count() < MIN_PART {
                break;
            }
            let Some(base) = self.begin(head) else {
                continue;
            };
            let head_len = head.chars().count();
            let mut consider = |rest: Vec<String>, rest_shortest: usize| {
                let mut parts = vec![base.clone()];
                parts.extend(rest);
                let split = Split {
                    parts,
                    shortest: head_len.min(rest_shortest),
                };
                if best.as_ref().is_none_or(|b| split.rank() < b.rank()) {
                    best = Some(split);
                }
            };
            if self.is_end(tail) {
                consider(vec![tail.to_string()], tail.chars().count());
            } else if max_parts > 2
                && let Some(rest) = self.best(tail, max_parts - 1)
            {
                consider(rest.parts, rest.shortest);
            }
        }
        best
    }

    /// The word `head` stands for as the first part of a compound: a begin
    /// form, or a lexicalised compound ending in a linking form
    /// ("arbetsförmåge" = "arbets" + "förmåge", and "arbetsförmåga" is a word).
    fn begin(&self, head: &str) -> Option<String> {
        if self.never_first.contains(head) {
            return None;
        }
        if let Some(base) = self.lexicon.begin(head) {
            return Some(base.to_string());
        }
        head.char_indices().skip(MIN_PART).find_map(|(cut, _)| {
            let (first, linking) = head.split_at(cut);
            if self.never_first.contains(first) {
                return None;
            }
            self.lexicon.begin(first)?;
            let base = self.lexicon.linking_base(linking)?;
            let whole = format!("{first}{base}");
            self.lexicon.is_word(&whole).then_some(whole)
        })
    }

    /// True when `tail` may end a compound, as written or inflected.
    fn is_end(&self, tail: &str) -> bool {
        self.lexicon.is_end(tail) || self.uninflected(tail, |w| self.lexicon.is_end(w)).is_some()
    }

    /// True when lower-case `word` is a dictionary word, an inflected form
    /// of one, or a compound of known parts.
    pub fn knows(&self, word: &str) -> bool {
        self.lexicon.is_word(word) || self.base_form(word).is_some() || self.split(word).is_some()
    }

    /// The dictionary form of an inflected word ("projektet" → "projekt",
    /// "koordinatorerna" → "koordinator", "mötena" → "möte",
    /// "överlämningsmötena" → "överlämningsmöte"); `None` when `word` is a
    /// dictionary word itself or no ending leaves one.
    pub fn base_form(&self, word: &str) -> Option<String> {
        if word.chars().count() < 2 * MIN_PART
            || self.lexicon.is_word(word)
            || !word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        self.base_forms.get(word, |w| self.inflected_base(w))
    }

    /// [`Self::base_form`] of a word of letters the lexicon does not know.
    fn inflected_base(&self, word: &str) -> Option<String> {
        if let Some(base) = self.uninflected(word, |w| self.lexicon.is_word(w)) {
            return Some(base);
        }
        let parts = self.split(word)?;
        let last = parts.last()?;
        let head = &word[..word.len() - last.len()];
        let base = self.uninflected(last, |w| self.lexicon.is_end(w))?;
        Some(format!("{head}{base}"))
    }

    /// The longest form `accepted` that `word` leaves without an inflection
    /// ending, the stem possibly changed back (see [`changed_stems`]):
    /// "läkarna" is "läkare" + "na" rather than "läka" + "rna".
    fn uninflected(&self, word: &str, accepted: impl Fn(&str) -> bool) -> Option<String> {
        INFLECTIONS
            .iter()
            .filter_map(|ending| Some((word.strip_suffix(ending)?, ending)))
            .filter(|(stem, _)| stem.chars().count() >= MIN_PART)
            .flat_map(|(stem, ending)| {
                let mut forms = vec![stem.to_string()];
                forms.extend(changed_stems(stem, ending));
                forms
            })
            .filter(|form| accepted(form))
            .max_by_key(String::len)
    }
}

/// Stems as they were before an ending changed them: a doubled last
/// consonant made single (rumm|et → rum, programm|et → program) or a last
/// vowel restored (flick|or → flicka, pojk|ar → pojke, sekreterar|na → sekreterare).
fn changed_stems(stem: &str, ending: &str) -> Vec<String> {
    let mut stems = Vec::new();
    let mut last_two = stem.chars().rev();
    let (last, before) = (last_two.next(), last_two.next());
    if last == before && last.is_some_and(|c| !"aeiouyåäöé".contains(c)) {
        stems.push(stem[..stem.len() - last.map_or(0, char::len_utf8)].to_string());
    }
    let vowel = match ending.get(..2) {
        Some("or") => Some("a"),
        Some("ar" | "na") => Some("e"),
        _ => None,
    };
    stems.extend(vowel.map(|v| format!("{stem}{v}")));
    stems
}

/// The lower-cased words of a list file, one a line, `#` starting a comment.
fn word_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token filter emitting each compound's parts after it, at the same position.
#[derive(Clone)]
pub struct Decompound {
    splitter: Arc<Splitter>,
}

impl Decompound {
    /// A filter splitting with `splitter`.
    pub fn new(splitter: Arc<Splitter>) -> Decompound {
        Decompound { splitter }
    }
}

impl TokenFilter for Decompound {
    type Tokenizer<T: Tokenizer> = DecompoundFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> DecompoundFilter<T> {
        DecompoundFilter {
            splitter: self.splitter,
            inner,
        }
    }
}

/// The tokenizer [`Decompound`] wraps around the rest of the chain.
#[derive(Clone)]
pub struct DecompoundFilter<T> {
    splitter: Arc<Splitter>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DecompoundFilter<T> {
    type TokenStream<'a> = DecompoundStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DecompoundStream {
            splitter: &self.splitter,
            tail: self.inner.token_stream(text),
            pending: Vec::new(),
            current: None,
        }
    }
}

/// The token stream of [`DecompoundFilter`]: the original token, then its parts.
pub struct DecompoundStream<'a, S> {
    splitter: &'a Splitter,
    tail: S,
    /// Parts still to emit, last part first.
    pending: Vec<Token>,
    /// The part being emitted; `None` while the original token is current.
    current: Option<Token>,
}

impl<S: TokenStream> TokenStream for DecompoundStream<'_, S> {
    fn advance(&mut self) -> bool {
        if let Some(part) = self.pending.pop() {
            self.current = Some(part);
            return true;
        }
        self.current = None;
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token();
        if let Some(parts) = self.splitter.split(&token.text) {
            self.pending = parts
                .into_iter()
                .rev()
                .map(|text| Token {
                    text,
                    ..token.clone()
                })
                .collect();
        }
        true
    }

    fn token(&self) -> &Token {
        self.current.as_ref().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        self.current
            .as_mut()
            .unwrap_or_else(|| self.tail.token_mut())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splitter() -> Splitter {
        Splitter::new(Lexicon::load().expect("data/lexicon/sv_compounds.tsv is readable"))
    }

    fn parts(splitter: &Splitter, word: &str) -> Vec<String> {
        splitter.split(word).unwrap_or_default()
    }

    #[test]
    fn splits_linking_letters_and_inflected_ends() {
        let s = splitter();
        assert_eq!(parts(&s, "samverkansprojekt"), ["samverkan", "projekt"]);
        assert_eq!(
            parts(&s, "arbetsförmågebedömning"),
            ["arbetsförmåga", "bedömning"]
        );
        assert_eq!(parts(&s, "försörjningsstöd"), ["försörjning", "stöd"]);
        assert_eq!(
            parts(&s, "samverkanskoordinatorerna"),
            ["samverkan", "koordinatorerna"]
        );
    }

    #[test]
    fn keeps_plain_words_whole() {
        let s = splitter();
        for word in ["arbete", "rapport", "kommunerna", "deltagarna", "övergång"] {
            assert_eq!(s.split(word), None, "{word}");
        }
    }

    #[test]
    fn base_forms_of_inflected_words_and_compounds() {
        let s = splitter();
        for (word, base) in [
            ("projektet", "projekt"),
            ("koordinatorerna", "koordinator"),
            ("mötena", "möte"),
            ("kvinnor", "kvinna"),
            ("läkarna", "läkare"),
            ("överlämningsmötena", "överlämningsmöte"),
        ] {
            assert_eq!(s.base_form(word).as_deref(), Some(base), "{word}");
        }
        for word in ["arbete", "projekt", "rapport", "och", "2024", "xqzvtr"] {
            assert_eq!(s.base_form(word), None, "{word}");
        }
    }

    /// Precision and recall of splitting on the hand-labelled words in
    /// `data/lexicon/split_checks.tsv`.
    #[test]
    fn split_checks_precision_and_recall() {
        let s = splitter();
        let checks = include_str!("../../data/lexicon/split_checks.tsv");
        let (mut splits, mut right, mut compounds) = (0, 0, 0);
        for line in checks.lines().filter(|l| !l.starts_with('#')) {
            let (word, expected) = line.split_once('\t').expect("word<TAB>parts");
            let expected: Vec<&str> = expected.split(' ').filter(|p| *p != "-").collect();
            let got = s.split(word);
            compounds += usize::from(!expected.is_empty());
            if let Some(got) = got {
                splits += 1;
                if got == expected {
                    right += 1;
                } else {
                    eprintln!("wrong split: {word} -> {got:?}, expected {expected:?}");
                }
            } else if !expected.is_empty() {
                eprintln!("missed: {word}, expected {expected:?}");
            }
        }
        let precision = right as f64 / splits as f64;
        let recall = right as f64 / compounds as f64;
        eprintln!(
            "split checks: precision {precision:.3}, recall {recall:.3} ({compounds} compounds)"
        );
        assert!(precision >= 0.9, "precision {precision:.3}");
        assert!(recall >= 0.8, "recall {recall:.3}");
    }
}
