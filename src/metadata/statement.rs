//! Målgrupp statements: where a report says whom it is for.
//!
//! Report templates state the target group in a recognisable place: a
//! "4. Målgrupp" heading and the first sentence after it, a sentence opening
//! with "Målgruppen är …", a "Målgrupp: …" line per insats in an annual
//! report, a list introduced by "… följande målgrupper:", or a form with
//! check boxes ("X Psykisk ohälsa"). A group named there is what the document
//! is *about*, unlike a group mentioned in passing.

use std::sync::LazyLock;

use super::normalize::PhraseMatcher;
use regex::Regex;

use super::evidence::first_sentence;
use super::normalize::normalize;
use crate::document::Page;

/// A line of at most this many words without closing punctuation is a heading.
const HEADING_WORDS: usize = 6;

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[•▪●◦*–-]|\d{1,2}[.)])\s").expect("valid regex"));
static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\d{1,2}(?:\s?\.\s?\d{1,2})*\s?\.?\s+\p{Lu}").expect("valid regex")
});

/// One statement of a document's target group.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Page where it starts.
    pub page: u32,
    /// The statement as written (for evidence).
    pub text: String,
    /// What a group term must match: the normalised sentence, or for a form
    /// with check boxes each ticked item (a term must open the item).
    pub items: Vec<String>,
    /// True for a form with check boxes.
    pub checkbox: bool,
}

/// Finds målgrupp statements.
#[derive(Debug)]
pub struct StatementReader {
    /// Statement phrases ("målgrupp"), normalised, matched at word starts.
    phrase: PhraseMatcher,
    /// How many first words of a line may hold the phrase.
    words: usize,
    /// Longest statement in characters.
    max_chars: usize,
    /// A check mark before an item ("X", "☒"), then the item.
    mark: Regex,
}

impl StatementReader {
    /// A reader for statements opened by `phrase` among a line's first
    /// `words` words; `marks` are the check marks of forms.
    pub fn new(
        phrase: PhraseMatcher,
        words: usize,
        max_chars: usize,
        marks: &[String],
    ) -> StatementReader {
        let alternation: Vec<String> = marks.iter().map(|m| regex::escape(m)).collect();
        let mark = Regex::new(&format!(
            r"(?:^|\s)(?:{})\s?(?:\p{{Lu}})",
            alternation.join("|")
        ))
        .expect("escaped marks form a valid regex");
        StatementReader {
            phrase,
            words,
            max_chars,
            mark,
        }
    }

    /// The statements of `pages`, in order.
    pub fn read(&self, pages: &[Page]) -> Vec<Statement> {
        let lines: Vec<(u32, &str)> = pages
            .iter()
            .flat_map(|p| p.lines.iter().map(move |l| (p.number, l.text.trim())))
            .collect();
        let mut found = Vec::new();
        for i in 0..lines.len() {
            let text = lines[i].1;
            if self.opens(text) {
                found.extend(self.sentence_after(&lines, i));
            }
            if text.ends_with(':') && self.phrase.is_match(&normalize(text)) {
                found.extend(self.bullets_after(&lines, i));
            }
        }
        found
    }

    /// A line that starts a paragraph and has the phrase among its first words.
    fn opens(&self, text: &str) -> bool {
        let starts_paragraph = text
            .trim_start_matches(['#', '*', ' '])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let normal = normalize(text);
        let head: Vec<&str> = normal
            .split(' ')
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .take(self.words)
            .collect();
        starts_paragraph && self.phrase.is_match(&head.join(" "))
    }

    /// The first sentence of the statement opened by `lines[i]`: the line
    /// itself, or after a heading the paragraph that follows it.
    fn sentence_after(&self, lines: &[(u32, &str)], i: usize) -> Option<Statement> {
        let mut j = i;
        if is_heading(lines[i].1) {
            j = (i + 1..lines.len()).find(|&k| !lines[k].1.is_empty())?;
        }
        let mut text = String::new();
        for (k, &(_, line)) in lines.iter().enumerate().skip(j) {
            let ticked = self.mark.is_match(line);
            let stop = line.is_empty()
                || (k > j && !ticked && (is_heading(line) || SECTION_NUMBER.is_match(line)));
            if stop || text.len() >= self.max_chars {
                break;
            }
            push_line(&mut text, line);
            if ends_sentence(line) && !ticked {
                break;
            }
        }
        Some(self.statement(lines[j].0, first_sentence(&text)))
    }

    /// The bulleted lines after a line ending in ':' ("följande målgrupper:").
    fn bullets_after(&self, lines: &[(u32, &str)], i: usize) -> Option<Statement> {
        let mut text = String::new();
        let mut in_bullet = false;
        for &(_, line) in lines.iter().skip(i + 1) {
            let bullet = BULLET.is_match(line);
            let continues = in_bullet && line.chars().next().is_some_and(char::is_lowercase);
            if !(bullet || continues) || text.len() >= self.max_chars {
                break;
            }
            push_line(&mut text, line);
            in_bullet = true;
        }
        (!text.is_empty()).then(|| self.statement(lines[i].0, &text))
    }

    fn statement(&self, page: u32, text: &str) -> Statement {
        // (where the mark starts, where its item starts)
        let marks: Vec<(usize, usize)> = self
            .mark
            .find_iter(text)
            .map(|m| (m.start(), crate::char_boundary::floor(text, m.end() - 1)))
            .collect();
        let checkbox = marks.len() >= 2;
        let items = if checkbox {
            let ends = marks
                .iter()
                .skip(1)
                .map(|&(mark, _)| mark)
                .chain([text.len()]);
            let items = marks
                .iter()
                .zip(ends)
                .map(|(&(_, item), end)| &text[item..end]);
            items.map(normalize).collect()
        } else {
            vec![normalize(text)]
        };
        Statement {
            page,
            text: text.to_string(),
            items,
            checkbox,
        }
    }
}

fn push_line(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

/// A short line without closing punctuation: a heading.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words > 0 && words <= HEADING_WORDS && !ends_sentence(line)
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '?', '!', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::page;

    fn reader() -> StatementReader {
        let marks = ["X".to_string(), "☒".to_string()];
        let phrase = super::super::normalize::phrase_matcher(["målgrupp"], false).unwrap();
        StatementReader::new(phrase, 3, 600, &marks)
    }

    fn texts(lines: &[&str]) -> Vec<(String, Vec<String>)> {
        let found = reader().read(&[page(1, lines)]);
        found.into_iter().map(|s| (s.text, s.items)).collect()
    }

    #[test]
    fn heading_then_first_sentence_of_the_paragraph() {
        let found = texts(&[
            "4. Målgrupp",
            "Målgruppen var unga vuxna 18–29 år med psykisk ohälsa. Av dem var 40 kvinnor.",
            "5. Metod",
        ]);
        assert_eq!(
            found[0].0,
            "Målgruppen var unga vuxna 18–29 år med psykisk ohälsa."
        );
    }

    #[test]
    fn wrapped_lines_are_joined_until_the_sentence_ends() {
        let found = texts(&[
            "Målgrupp: vuxna med missbruk eller beroende som har",
            "ekonomiskt bistånd. Arbetssätt: lotsar.",
            "Resultat: 148 deltagare.",
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "Målgrupp: vuxna med missbruk eller beroende som har ekonomiskt bistånd."
        );
    }

    #[test]
    fn ticked_boxes_only() {
        let found = reader().read(&[page(
            1,
            &[
                "MÅLGRUPP (FLERA VAL MÖJLIGA)",
                "XMissbruk/beroende XPsykisk ohälsa Unga 16–29 Sjukskrivna",
            ],
        )]);
        assert!(found[0].checkbox);
        assert_eq!(
            found[0].items,
            ["missbruk beroende", "psykisk ohälsa unga 16 29 sjukskrivna"]
        );
    }

    #[test]
    fn bullets_after_a_colon() {
        let found = texts(&[
            "Utifrån detta prioriteras följande målgrupper 2025:",
            "• Unga 16–29 år som varken arbetar eller studerar.",
            "• Personer med långvarigt försörjningsstöd,",
            "inklusive utrikes födda.",
            "Budget",
        ]);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.ends_with("inklusive utrikes födda."));
    }

    #[test]
    fn a_wrapped_line_starting_lower_case_opens_nothing() {
        assert!(texts(&["målgruppen i projektplanen. Många är unga."]).is_empty());
    }
}
