//! The query language, read forgivingly.
//!
//! Whatever a user types becomes a well-formed query in the small part of
//! tantivy's syntax that Finsamsök documents: plain words (ANDed), `"phrases"`
//! (optionally `"…"~N`), `-word` to exclude, `+word`, `AND`/`OR`/`NOT`,
//! parentheses, and the fields `title:`, `heading:`, `body:`. Everything
//! else is text: a colon after any other word is punctuation (`SFI:s` is
//! the abbreviation SFI with its Swedish ending, `Slutrapport: Ungdomsbron`
//! two words), `>`, `<`, `~`, `^`, `*`, brackets and a stray quote or
//! parenthesis are dropped. Only what no reading can make sense of — a
//! query too long, too deeply nested, or with a word longer than any word —
//! is refused, with a Swedish message; the bounds are checked before any
//! parsing, so no input can make the parser recurse deeply or work long.

use super::{Result, SearchError};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most words (and phrases) a query may hold.
pub const MAX_WORDS: usize = 64;
/// Deepest nesting of parentheses accepted.
pub const MAX_DEPTH: usize = 8;
/// Longest word accepted, in characters (Swedish compounds stay far below).
pub const MAX_WORD_CHARS: usize = 60;
/// Largest slop of a `"phrase"~N`.
const MAX_SLOP: u32 = 20;
/// Field names a user may put before a colon.
pub const FIELDS: [&str; 3] = ["title", "heading", "body"];
/// Longest Swedish ending after an abbreviation's colon (`SFI:s`, `KPI:erna`).
const MAX_ENDING_CHARS: usize = 4;

/// One element of a query as read.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Phrase(String, Option<u32>),
    Open,
    Close,
    /// `+` or `-` directly before an operand.
    Occur(char),
    /// A known field name followed by a colon.
    Field(String),
    And,
    Or,
    Not,
}

/// The user's `input` as a well-formed query (see the module docs); an
/// error only for a query beyond the bounds, with a Swedish message.
pub fn normalize(input: &str) -> Result<String> {
    if input.chars().count() > MAX_QUERY_CHARS {
        return Err(SearchError::Refused(format!(
            "frågan är för lång (högst {MAX_QUERY_CHARS} tecken). Sök på några få ord som beskriver det du letar efter."
        )));
    }
    let tokens = tokenize(input)?;
    let words = tokens
        .iter()
        .filter(|t| matches!(t, Token::Word(_) | Token::Phrase(..)))
        .count();
    if words > MAX_WORDS {
        return Err(SearchError::Refused(format!(
            "frågan har för många ord (högst {MAX_WORDS}). Sök på några få ord som beskriver det du letar efter."
        )));
    }
    Ok(write(&balance(tokens)?))
}

/// Reads `input` into tokens; text that is no syntax becomes words or is dropped.
fn tokenize(input: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => i = quoted(&chars, i, &mut tokens),
            '(' => {
                tokens.push(Token::Open);
                i += 1;
            }
            ')' => {
                tokens.push(Token::Close);
                i += 1;
            }
            '+' | '-' if chars.get(i + 1).is_some_and(|&n| starts_operand(n)) => {
                tokens.push(Token::Occur(c));
                i += 1;
            }
            c if c.is_alphanumeric() => i = word(&chars, i, &mut tokens)?,
            _ => i += 1,
        }
    }
    Ok(tokens)
}

/// A phrase from the quote at `start`; without a closing quote, the quote
/// is dropped and the rest read as words. Returns where reading goes on.
fn quoted(chars: &[char], start: usize, tokens: &mut Vec<Token>) -> usize {
    let Some(length) = chars[start + 1..].iter().position(|&c| c == '"') else {
        return start + 1;
    };
    let end = start + 1 + length;
    let inner: String = chars[start + 1..end]
        .iter()
        .map(|&c| if is_word_char(c) { c } else { ' ' })
        .collect();
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD_CHARS)
        .collect();
    let mut next = end + 1;
    let mut slop = None;
    if chars.get(next) == Some(&'~') {
        let digits: String = chars[next + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        next += 1 + digits.len();
        slop = digits.parse::<u32>().ok().map(|s| s.min(MAX_SLOP));
    }
    if !words.is_empty() {
        tokens.push(Token::Phrase(words.join(" "), slop));
    }
    next
}

/// A word from `start`, with what follows it: a colon makes a field of a
/// field name, is dropped with a short ending after any other word
/// (`SFI:s`), and is punctuation otherwise; `~N` after a word is dropped.
fn word(chars: &[char], start: usize, tokens: &mut Vec<Token>) -> Result<usize> {
    let length = chars[start..]
        .iter()
        .position(|&c| !is_word_char(c))
        .unwrap_or(chars.len() - start);
    let mut next = start + length;
    let text: String = chars[start..next].iter().collect();
    let text = text.trim_end_matches('-').to_string();
    if text.chars().count() > MAX_WORD_CHARS {
        return Err(SearchError::Refused(format!(
            "ett ord i frågan är för långt (högst {MAX_WORD_CHARS} tecken)."
        )));
    }
    match chars.get(next) {
        Some(':')
            if FIELDS.contains(&text.to_lowercase().as_str())
                && chars.get(next + 1).is_some_and(|&n| starts_operand(n)) =>
        {
            tokens.push(Token::Field(text.to_lowercase()));
            return Ok(next + 1);
        }
        Some(':') => next += ending_length(&chars[next + 1..]).map_or(0, |n| n + 1),
        Some('~') => {
            next += 1 + chars[next + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        }
        _ => {}
    }
    tokens.push(match text.as_str() {
        "AND" => Token::And,
        "OR" => Token::Or,
        "NOT" => Token::Not,
        _ => Token::Word(text),
    });
    Ok(next)
}

/// The length of a Swedish ending after an abbreviation's colon (`s`, `er`,
/// `a`, `arna`): lower-case letters standing alone; `None` otherwise.
fn ending_length(rest: &[char]) -> Option<usize> {
    let length = rest.iter().take_while(|c| c.is_lowercase()).count();
    let alone = rest.get(length).is_none_or(|c| !is_word_char(*c));
    (length > 0 && length <= MAX_ENDING_CHARS && alone).then_some(length)
}

/// Letters, digits and the hyphen inside words ("0-placerade").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// True when `c` can open an operand: a word, a phrase or a group.
fn starts_operand(c: char) -> bool {
    c.is_alphanumeric() || c == '"' || c == '('
}

/// Drops tokens that stand where they mean nothing (an operator without
/// operands on both sides, a modifier or field before nothing, an
/// unmatched parenthesis), closes open groups and refuses deep nesting.
fn balance(tokens: Vec<Token>) -> Result<Vec<Token>> {
    let mut out: Vec<Token> = Vec::new();
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate() {
        let next_starts = tokens.get(i + 1).is_some_and(opens);
        let after_operand = out.last().is_some_and(closes);
        let keep = match token {
            Token::Word(_) | Token::Phrase(..) => true,
            Token::Open => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SearchError::Refused(format!(
                        "frågan har för många parenteser inuti varandra (högst {MAX_DEPTH} nivåer)."
                    )));
                }
                true
            }
            Token::Close if depth > 0 => {
                depth -= 1;
                true
            }
            Token::Close => false,
            Token::Occur(_) | Token::Field(_) => next_starts,
            Token::Not => next_starts,
            Token::And | Token::Or => after_operand && next_starts,
        };
        if keep {
            out.push(token.clone());
        }
    }
    out.extend(std::iter::repeat_n(Token::Close, depth));
    Ok(drop_empty_groups(out))
}

/// True when `token` can begin an operand.
fn opens(token: &Token) -> bool {
    matches!(
        token,
        Token::Word(_) | Token::Phrase(..) | Token::Open | Token::Occur(_) | Token::Field(_)
    )
}

/// True when `token` can end an operand.
fn closes(token: &Token) -> bool {
    matches!(token, Token::Word(_) | Token::Phrase(..) | Token::Close)
}

/// Removes `()` pairs with nothing searchable inside, and the modifiers,
/// fields and operators they leave stranded.
fn drop_empty_groups(mut tokens: Vec<Token>) -> Vec<Token> {
    loop {
        let before = tokens.len();
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
        for token in tokens {
            if token == Token::Close && out.last() == Some(&Token::Open) {
                out.pop();
                continue;
            }
            out.push(token);
        }
        tokens = strip_dangling(out);
        if tokens.len() == before {
            return tokens;
        }
    }
}

/// Drops modifiers, fields and `NOT` before nothing, and `AND`/`OR` without
/// an operand on both sides.
fn strip_dangling(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let next_starts = tokens.get(i + 1).is_some_and(opens);
        let keep = match token {
            Token::Occur(_) | Token::Field(_) | Token::Not => next_starts,
            Token::And | Token::Or => out.last().is_some_and(closes) && next_starts,
            _ => true,
        };
        if keep {
            out.push(token.clone());
        }
    }
    out
}

/// The tokens as query text; a group (or the whole query) whose operands
/// are all excluded gets `*` so that it keeps the rest rather than nothing.
fn write(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut groups: Vec<GroupState> = vec![GroupState::default()];
    let mut excluding = false;
    let mut space = false;
    for token in tokens {
        if matches!(token, Token::Word(_) | Token::Phrase(..) | Token::Open) {
            groups.last_mut().expect("a group").add(excluding);
            excluding = false;
        }
        match token {
            Token::Occur('-') | Token::Not => excluding = true,
            Token::Open => groups.push(GroupState::default()),
            Token::Close if groups.pop().unwrap_or_default().only_excluded() => {
                out.push_str(" *");
            }
            _ => {}
        }
        if space && *token != Token::Close {
            out.push(' ');
        }
        out.push_str(&text(token));
        space = !matches!(
            token,
            Token::Open | Token::Occur(_) | Token::Field(_) | Token::Not
        );
    }
    match groups.first() {
        Some(top) if top.only_excluded() => format!("* {out}"),
        _ => out,
    }
}

/// A token as written in query text.
fn text(token: &Token) -> String {
    match token {
        Token::Word(w) => w.clone(),
        Token::Phrase(p, None) => format!("\"{p}\""),
        Token::Phrase(p, Some(slop)) => format!("\"{p}\"~{slop}"),
        Token::Open => "(".to_string(),
        Token::Close => ")".to_string(),
        Token::Occur(c) => c.to_string(),
        Token::Field(f) => format!("{f}:"),
        Token::And => "AND".to_string(),
        Token::Or => "OR".to_string(),
        Token::Not => "-".to_string(),
    }
}

/// Whether a group holds operands that are kept or excluded.
#[derive(Debug, Default, Clone, Copy)]
struct GroupState {
    positive: bool,
    excluded: bool,
}

impl GroupState {
    /// Counts one operand, excluded or kept.
    fn add(&mut self, excluded: bool) {
        if excluded {
            self.excluded = true;
        } else {
            self.positive = true;
        }
    }

    /// True when every operand is excluded.
    fn only_excluded(&self) -> bool {
        self.excluded && !self.positive
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(input: &str) -> String {
        normalize(input).unwrap()
    }

    #[test]
    fn plain_queries_pass_unchanged() {
        for query in [
            "nollplacerade samverkan",
            "\"långvarigt försörjningsstöd\"",
            "FK -AF",
            "title:Bryggan slutrapport",
            "unga OR ungdomar",
            "(SIP OR KBT) 0-placerade",
            "\"samordnad plan\"~3",
        ] {
            assert_eq!(n(query), query);
        }
    }

    #[test]
    fn colons_after_other_words_are_punctuation() {
        assert_eq!(n("SFI:s"), "SFI");
        assert_eq!(n("KPI:er och 1:a linjen"), "KPI och 1 linjen");
        assert_eq!(n("Slutrapport: Ungdomsbron"), "Slutrapport Ungdomsbron");
        assert_eq!(n("Title:IPS"), "title:IPS");
        assert_eq!(n("rubrik:IPS"), "rubrik IPS");
    }

    #[test]
    fn operators_and_symbols_are_text() {
        assert_eq!(n("ålder > 25"), "ålder 25");
        assert_eq!(n("samverkan~2"), "samverkan");
        assert_eq!(
            n("arbets* ^2 [2020 TO 2023] {x}"),
            "arbets 2 2020 TO 2023 x"
        );
        assert_eq!(n("hur mycket"), "hur mycket");
        assert_eq!(n("AND unga OR"), "unga");
        assert_eq!(n("a AND AND b"), "a AND b");
    }

    #[test]
    fn stray_quotes_and_brackets_are_dropped_or_closed() {
        assert_eq!(n("\""), "");
        assert_eq!(n("\"unga vuxna"), "unga vuxna");
        assert_eq!(n("unga) vuxna"), "unga vuxna");
        assert_eq!(n("((unga"), "((unga))");
        assert_eq!(n("() - + ( )"), "");
        assert_eq!(
            n("title:"),
            "title",
            "a field name before nothing is a word"
        );
        assert_eq!(n("\"!!\" unga"), "unga");
    }

    #[test]
    fn only_excluded_words_keep_everything_else() {
        assert_eq!(n("-nollplacerade"), "* -nollplacerade");
        assert_eq!(n("NOT FK"), "* -FK");
        assert_eq!(n("unga (-FK)"), "unga (-FK *)");
    }

    #[test]
    fn bounds_are_checked_before_parsing() {
        let deep = "(".repeat(2_500);
        assert!(normalize(&deep).is_err(), "too long");
        let nested = format!("{}unga", "(".repeat(MAX_DEPTH + 1));
        let message = normalize(&nested).unwrap_err().to_string();
        assert!(message.contains("parenteser"), "{message}");
        assert_eq!(
            n(&format!("{}unga", "(".repeat(MAX_DEPTH)))
                .matches('(')
                .count(),
            MAX_DEPTH
        );
        assert!(normalize(&"a".repeat(MAX_WORD_CHARS + 1)).is_err());
        let many = vec!["ord"; MAX_WORDS + 1].join(" ");
        assert!(
            normalize(&many)
                .unwrap_err()
                .to_string()
                .contains("många ord")
        );
        assert!(
            normalize(&"x".repeat(MAX_QUERY_CHARS + 1))
                .unwrap_err()
                .to_string()
                .contains("lång")
        );
    }

    #[test]
    fn control_characters_and_unicode_are_harmless() {
        assert_eq!(n("unga\u{0}\u{7}vuxna"), "unga vuxna");
        assert_eq!(n("ünga 😀 vuxna"), "ünga vuxna");
    }
}
