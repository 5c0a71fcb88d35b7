//! How much of a page's text reads as words: the measure that picks a
//! page's reader and flags text that is silently wrong.
//!
//! Extraction can go wrong without a single odd character: glyphs mapped to
//! the wrong letters ("Xkfq rbm"), text read backwards ("tkejorp"), the
//! letter `a` where spaces belong ("Theana tura"), spaces lost
//! ("Linktopage1"). What all of these lose is the short function words that
//! make up a third of Swedish and English prose ("och", "att", "the",
//! "of", `data/function_words.txt`). A page's [`Plausibility`] counts its
//! tokens that could be words (letters with a vowel, or numbers, not glued
//! into an over-long run) and those that are function words. Its score is
//! the characters of those words, a function word's counting three times:
//! so between two readings of a page the one that reads as language wins
//! even when the other has as many letters, and words torn into single
//! letters (vertical text read row by row) count for nothing. Whether
//! text is prose is judged by its words in lower case alone: names,
//! headings, abbreviations and numbers fill title pages and tables without
//! function words, and they do not make a page's text doubtful. A page of
//! numbers with hardly a letter among them is: tables carry labels, and a
//! font whose letters could not be mapped leaves its digits behind. So is a
//! page whose letters stand mostly alone ("E C N E R E F E R"): words torn
//! apart, drawn backwards or letter by letter. Thai, Lao, Khmer, Burmese,
//! Tibetan, Chinese and Japanese are written without spaces between words,
//! so a long run of their letters is a phrase, not words glued together.

use super::quality::TextMeasure;
use crate::document::Line;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A token with more letters than this is words glued together.
pub(crate) const GLUED_LETTERS: usize = 25;
/// Pages with fewer tokens than this are too short to judge by shares of tokens.
const MIN_TOKENS: usize = 20;
/// Pages with fewer letters than this are too short to judge for glued words.
const MIN_LETTERS: usize = 100;
/// Pages with fewer words in lower case than this are not judged as prose
/// (a contact page or a table names things without function words).
const MIN_PROSE_WORDS: usize = 40;
/// Below this share of function words among words in lower case, text is
/// not prose (Swedish and English prose measure 0.3–0.5; a table less).
const MIN_KNOWN_SHARE: f64 = 0.12;
/// Below this share of word tokens with a letter, a page of at least
/// [`MIN_PROSE_WORDS`] words is numbers alone.
const MIN_LETTERED_SHARE: f64 = 0.2;
/// Above this share of single letters among tokens with letters, a page's
/// words are torn apart.
const MAX_SINGLE_LETTER_SHARE: f64 = 0.5;
/// Below this share of word-like tokens, text is not language.
const MIN_WORD_SHARE: f64 = 0.6;
/// Above this share of letters in glued tokens, word spacing was lost.
const MAX_GLUED_SHARE: f64 = 0.2;
/// Weight of a function word in the score, over a plain word's 1.
const KNOWN_WEIGHT: f64 = 3.0;

static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/function_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Token counts of some text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Plausibility {
    /// Whitespace-separated tokens.
    pub tokens: usize,
    /// Tokens that could be words or numbers.
    pub words: usize,
    /// Tokens that are function words.
    pub known: usize,
    /// Word tokens with at least one letter (not numbers).
    pub lettered: usize,
    /// Word tokens that are a single letter.
    pub single_letters: usize,
    /// Word tokens in lower case (not names, headings, abbreviations or numbers).
    pub lower: usize,
    /// Function words among them.
    pub lower_known: usize,
    /// Tokens of more than [`GLUED_LETTERS`] letters.
    pub glued: usize,
    /// Letters in all tokens.
    pub letters: usize,
    /// Letters in glued tokens.
    pub glued_letters: usize,
    /// Characters of word tokens longer than one character, or function words.
    pub word_chars: usize,
    /// Characters of function words.
    pub known_chars: usize,
    /// Share of suspicious characters (see [`TextMeasure`]).
    pub suspicious_share: f64,
}

impl Plausibility {
    /// Measures the text of some lines.
    pub fn of_lines(lines: &[Line]) -> Plausibility {
        let mut p = Plausibility {
            suspicious_share: TextMeasure::of_lines(lines).suspicious_share,
            ..Plausibility::default()
        };
        let tokens = lines.iter().flat_map(|l| l.text.split_whitespace());
        for token in tokens.filter(|t| !is_notation(t)) {
            p.tokens += 1;
            let letters = token.chars().filter(|c| c.is_alphabetic()).count();
            p.letters += letters;
            if letters > GLUED_LETTERS && !is_address(token) && !is_unspaced(token) {
                p.glued += 1;
                p.glued_letters += letters;
            } else if is_word_like(token) {
                let known = is_function_word(token);
                let chars = token.chars().filter(|c| c.is_alphanumeric()).count();
                p.words += 1;
                p.known += usize::from(known);
                p.lettered += usize::from(letters > 0);
                p.single_letters += usize::from(letters == 1 && chars == 1);
                if is_lower_case(token) {
                    p.lower += 1;
                    p.lower_known += usize::from(known);
                }
                if chars > 1 || known {
                    p.word_chars += chars;
                }
                if known {
                    p.known_chars += chars;
                }
            }
        }
        p
    }

    /// Characters of words, those of function words counting [`KNOWN_WEIGHT`] times.
    pub fn score(&self) -> f64 {
        self.word_chars as f64 + (KNOWN_WEIGHT - 1.0) * self.known_chars as f64
    }

    /// Words, function words counting [`KNOWN_WEIGHT`] times.
    fn word_score(&self) -> f64 {
        self.words as f64 + (KNOWN_WEIGHT - 1.0) * self.known as f64
    }

    /// True when `other` reads clearly better than `self` and is no more
    /// garbled: clearly more characters of words, or clearly more words in
    /// as many characters (letters jumbled into long runs lose to the words
    /// they were).
    pub fn clearly_below(&self, other: &Plausibility) -> bool {
        let more_words =
            clearly(self.word_score(), other.word_score()) && other.score() >= 0.95 * self.score();
        (clearly(self.score(), other.score()) || more_words) && self.no_cleaner_than(other)
    }

    /// True when `other` holds clearly more characters of words than `self`
    /// and is no more garbled. Unlike [`Plausibility::clearly_below`], more
    /// and shorter tokens alone do not win: text written without spaces
    /// (Thai) and words torn into letters have many.
    pub fn clearly_fewer_word_chars(&self, other: &Plausibility) -> bool {
        clearly(self.score(), other.score()) && self.no_cleaner_than(other)
    }

    /// True when `other` has no larger share of suspicious characters than
    /// `self` (or the limit every text may have).
    fn no_cleaner_than(&self, other: &Plausibility) -> bool {
        other.suspicious_share <= self.suspicious_share.max(super::quality::SUSPICIOUS_LIMIT)
    }

    /// Why the text does not read as language, when it does not: words
    /// glued together, too few word-like tokens, or no function words.
    pub fn flaw(&self) -> Option<Flaw> {
        let share = |n: usize, of: usize| n as f64 / of.max(1) as f64;
        let few_function_words =
            self.lower >= MIN_PROSE_WORDS && share(self.lower_known, self.lower) < MIN_KNOWN_SHARE;
        let numbers_alone =
            self.words >= MIN_PROSE_WORDS && share(self.lettered, self.words) < MIN_LETTERED_SHARE;
        let torn_apart = self.lettered >= MIN_TOKENS
            && share(self.single_letters, self.lettered) > MAX_SINGLE_LETTER_SHARE;
        if self.letters >= MIN_LETTERS && share(self.glued_letters, self.letters) > MAX_GLUED_SHARE
        {
            Some(Flaw::Glued)
        } else if self.tokens < MIN_TOKENS {
            None
        } else if share(self.words, self.tokens) < MIN_WORD_SHARE {
            Some(Flaw::NotWords)
        } else if few_function_words || numbers_alone || torn_apart {
            Some(Flaw::NotProse)
        } else {
            None
        }
    }
}

/// True when `theirs` is clearly more than `mine`: a tenth and three more.
fn clearly(mine: f64, theirs: f64) -> bool {
    theirs > mine * 1.1 + 3.0
}

/// What makes a page's tokens implausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flaw {
    /// Over-long tokens: word spacing was lost.
    Glued,
    /// Most tokens are not words: punctuation soup, stray letters.
    NotWords,
    /// Words in lower case but few function words among them (scrambled,
    /// reversed, another language, or a table of common nouns), numbers
    /// with hardly a letter, or letters standing alone.
    NotProse,
}

impl Flaw {
    /// The flaw in Swedish, for warnings.
    pub fn reason(self) -> &'static str {
        match self {
            Flaw::Glued => "ord utan mellanslag",
            Flaw::NotWords => "mest tecken som inte bildar ord",
            Flaw::NotProse => "ord som inte liknar svenska eller engelska",
        }
    }
}

/// Brackets and operators standing alone, as in tables, formulas and
/// matrices ("[ 1.0 0.0 ]", "A = 0.75"): neither words nor signs of garbage,
/// so they are left out of the shares.
fn is_notation(token: &str) -> bool {
    token.chars().count() <= 2 && token.chars().all(|c| "[](){}=+*<>×±÷≤≥≈~^".contains(c))
}

/// A web or e-mail address: long without being glued words.
fn is_address(token: &str) -> bool {
    token.contains('/') || token.contains('@') || token.to_lowercase().contains("www.")
}

/// A token in a script written without spaces between words (Thai, Lao,
/// Tibetan, Burmese, Khmer, Japanese kana, Chinese characters).
fn is_unspaced(token: &str) -> bool {
    token.chars().any(|c| {
        matches!(u32::from(c),
            0x0E00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x30FF
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
    })
}

/// A token whose first letter or digit is a lower-case letter.
fn is_lower_case(token: &str) -> bool {
    token
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// A function word of Swedish or English, in any case, with punctuation around.
fn is_function_word(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    match core.chars().any(char::is_uppercase) {
        true => FUNCTION_WORDS.contains(core.to_lowercase().as_str()),
        false => FUNCTION_WORDS.contains(core),
    }
}

/// A token that could be a word, a number or an abbreviation: mostly letters
/// (with a vowel, in Latin script) or digits, allowing surrounding punctuation.
pub(crate) fn is_word_like(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return token.chars().all(|c| "–-•·|/&§%".contains(c));
    }
    let alnum = core.chars().filter(|c| c.is_alphanumeric()).count();
    let mostly_alnum = alnum * 10 >= core.chars().count() * 8;
    let digits = core
        .chars()
        .all(|c| c.is_ascii_digit() || ",.:-".contains(c));
    let vowel = core.chars().any(|c| "aeiouyåäöéüAEIOUYÅÄÖÉÜ".contains(c));
    let short_caps = core.chars().count() <= 5 && core.chars().all(char::is_uppercase);
    // Vowels tell words only in Latin script; Arabic or Chinese words have none of these.
    let other_script = core
        .chars()
        .any(|c| c.is_alphabetic() && u32::from(c) >= 0x250);
    // A number may be a third separators ("0.75", "1:00", "2-3").
    let number = digits && core.chars().any(|c| c.is_ascii_digit());
    number || mostly_alnum && (vowel || short_caps || other_script)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Plausibility {
        Plausibility::of_lines(&[Line::plain(text)])
    }

    const PROSE: &str = "Projektet har under perioden arbetat med samordnat stöd till deltagare \
        som står långt från arbetsmarknaden. Försäkringskassan och kommunen deltog i alla möten \
        och det gav resultat för de flesta. Styrgruppen träffades varje månad under hela året \
        och följde upp hur många som gick vidare till arbete eller studier.";

    #[test]
    fn swedish_and_english_prose_read_as_language() {
        assert_eq!(of(PROSE).flaw(), None);
        let english = "The project worked with the people who were far from the labour market, \
            and it was found that most of them had been ill for a long time before it began.";
        assert_eq!(of(english).flaw(), None);
    }

    #[test]
    fn reversed_scrambled_and_a_for_space_text_is_flawed() {
        let page = format!("{PROSE} {PROSE}");
        let reversed: String = page.chars().rev().collect();
        // "Theana tura lmaunstoppa": every other space became an `a`.
        let a_for_space: String = page
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                if i % 2 == 0 {
                    format!("{w}a")
                } else {
                    format!("{w} ")
                }
            })
            .collect();
        let scrambled: String = page
            .chars()
            .map(|c| match c {
                'a'..='y' => char::from(c as u8 + 1),
                _ => c,
            })
            .collect();
        for text in [reversed, a_for_space, scrambled] {
            assert!(of(&text).flaw().is_some(), "{text}");
            assert!(of(&text).clearly_below(&of(&page)), "{text}");
        }
    }

    #[test]
    fn glued_words_are_flawed_and_lose_to_spaced_ones() {
        let glued = PROSE.replace(' ', "").replace('.', ". ") + &" ord".repeat(20);
        assert_eq!(of(&glued).flaw(), Some(Flaw::Glued));
        assert!(of(&glued).clearly_below(&of(PROSE)));
    }

    #[test]
    fn a_few_glued_lines_are_flawed() {
        let lines = "Theanaturalmaunstoppableaprocessaofaacquiringa\n\
            knowledgeaandamasteryoaTheavastamajorityaofathea\n\
            learningainayouralifeadoesntahappenawhenayoureaaakida";
        let lines: Vec<Line> = lines.lines().map(Line::plain).collect();
        assert_eq!(Plausibility::of_lines(&lines).flaw(), Some(Flaw::Glued));
    }

    #[test]
    fn vertical_text_read_letter_by_letter_loses_to_words() {
        let letters: Vec<Line> = "Radio button rotated"
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| Line::plain(c.to_string()))
            .collect();
        let words = [Line::plain("Radio button rotated")];
        assert!(Plausibility::of_lines(&letters).clearly_below(&Plausibility::of_lines(&words)));
    }

    #[test]
    fn letters_jumbled_into_runs_lose_to_the_words() {
        let words = "Lorem ipsum dolor sit amet consetetur sadipscing elitr sed diam nonumy \
            eirmod tempor invidunt ut labore et dolore magna aliquyam erat sed diam voluptua";
        let jumbled = "Lroem ipusmdol orsitam etcons etetursadips cingel itrseddiamnon umye \
            irmodtemp orinviduntutla boreetdol oremagnaal iquyame ratseddiam volu ptua";
        assert!(of(jumbled).clearly_below(&of(words)));
        assert!(!of(words).clearly_below(&of(jumbled)));
    }

    #[test]
    fn numbers_in_brackets_and_formulas_are_not_garbage() {
        let matrix = "Matrix [ 1.00000 0.00000 0.00000 ] [ 0.50000 1.00000 0.25000 ] \
            A, B, C = 0.75, 0.00, 0.00 Gamma = 2.2 ( 1.0 ) < 3 + 4 > ";
        // Names and numbers, not prose to judge: no reason to doubt it.
        assert_eq!(of(&matrix.repeat(3)).flaw(), None);
        let soup = "!#%& ¤/¨ ]]][ {{@£ $$€ ^^´` ~~|| ;;:: ¤¤## @@@ ]][[ \\// ".repeat(3);
        assert_eq!(of(&soup).flaw(), Some(Flaw::NotWords));
    }

    #[test]
    fn a_title_page_of_names_dates_and_headings_is_not_flawed() {
        let title = "Delrapport IPS Ung Nordost Perioden 2021-03-01 – 2022-06-30 · Göteborgs \
            Stad, Stadsområde Nordost Johanna Petrén, projektledare, och Samir Haddad, \
            IPS-handledare · 2022-09-12 · Rapport till Finsam Göteborg (Samordningsförbundet \
            Göteborg) Finsam Göteborg Delrapport IPS Ung Nordost www.finsamgoteborg.se Sida 1 av 3";
        assert!(
            of(title).words >= MIN_PROSE_WORDS,
            "judged by all words, it was not prose"
        );
        assert_eq!(of(title).flaw(), None);
    }

    #[test]
    fn numbers_without_their_labels_are_not_prose() {
        let digits = "320 25 00 0 1 7 5 150 11 10 0 5 55 10 6 15 4 5 7 2 ".repeat(3);
        assert_eq!(of(&digits).flaw(), Some(Flaw::NotProse));
        let labelled =
            "Deltagare 320 Avslut 25 Kvinnor 150 Män 170 Arbete 40 Studier 11 ".repeat(4);
        assert_eq!(of(&labelled).flaw(), None);
    }

    #[test]
    fn letters_standing_alone_are_not_prose() {
        let torn = "DAVID HELLIG & ABRAHAMSE PROFESSIONAL LAND SURVEYORS REFERENCE"
            .chars()
            .rev()
            .flat_map(|c| [c, ' '])
            .collect::<String>();
        assert_eq!(
            of(&format!("{torn} 320 25 00 0 1 7 5")).flaw(),
            Some(Flaw::NotProse)
        );
        assert_eq!(
            of("Projektet i Lund och Malmö har en plan. "
                .repeat(4)
                .as_str())
            .flaw(),
            None
        );
    }

    #[test]
    fn a_table_of_common_nouns_is_not_prose() {
        let table = "tillgångar kundfordringar kostnader intäkter skulder kassa bank ".repeat(6);
        assert_eq!(of(&table).flaw(), Some(Flaw::NotProse));
    }

    #[test]
    fn thai_written_without_spaces_beats_latin_letters_read_from_it() {
        // pdf.js issue13211.pdf: a Thai exam page, and what Tesseract in Swedish made of it.
        let thai = "18. สี่เหลี่ยมจัตุรัสรูปหนึ่ง มีความยาวด้านหนึ่งเท่ากับ 7 นิ้ว \
            สร้างสี่เหลี่ยมจัตุรัสรูปใหม่ภายในสี่เหลี่ยมรูปเดิม โดยลากเส้นเชื่อม \
            จุดที่แบ่งแต่ละด้านของสี่เหลี่ยมรูปเดิมเป็นอัตราส่วน 3:4 ดังรูป \
            ถ้ากระบวนการสร้างสี่เหลี่ยมรูปใหม่ภายในสี่เหลี่ยมรูปเดิมนี้ \
            เส้นรอบรูปสี่เหลี่ยมทั้งหมด เท่ากับข้อใดต่อไปนี้";
        let ocr = "LINLADSNAYUIALNIÄUV [öv] ludaÄgnaN LazAYaINÅVUSERIUNNIU AA st v ' AA \
            AaNIAaluTalanalua 15. ånununåsdan z ÄRAN Im(z+i) unnAga WATRDARÅDIÄVANNAT 24 = i \
            Aasmuulutalanaltå";
        assert_eq!(of(thai).flaw(), None);
        assert!(!of(thai).clearly_below(&of(ocr)));
    }

    #[test]
    fn the_same_text_is_not_clearly_better() {
        assert!(!of(PROSE).clearly_below(&of(PROSE)));
    }
}
