//! Form fields: a label and its value.
//!
//! Finsam forms ask for facts by label ("Insatsens namn", "Huvudman för
//! insatsen", "Samverkansparter"). A label is followed by its value on the
//! same line ("Huvudman: Göteborgs Stad"), on the next line (a table cell),
//! or — when a PDF lays a table out column by column — a few lines further
//! down after the other labels. A value ends where the next label begins.
//! [`FormFields`] knows every label of `data/organisations.toml` and reads
//! the value after one.

use crate::word_regex::WordRegex;

use super::evidence::first_sentence;

/// How many lines after a label its value may stand (tables laid out by column).
const LOOKAHEAD: usize = 8;

/// The document's lines with their pages (blank lines kept as "").
pub type Lines<'a> = [(u32, &'a str)];

/// Reads the values of form fields.
#[derive(Debug)]
pub struct FormFields {
    /// Every label, to know where a value ends.
    any_label: WordRegex,
}

impl FormFields {
    /// Fields ending at any of `labels`.
    pub fn new(labels: &[String]) -> FormFields {
        FormFields {
            any_label: label_regex(labels),
        }
    }

    /// The value after a label ending at byte `end` of line `i`: the rest of
    /// the line (continued over following lines until the sentence ends), or
    /// else the first of the next lines that is not itself a label and
    /// passes `accept` (continued over up to `max_lines` lines). Returns the
    /// value and the index of the line it starts on.
    pub fn values_after(
        &self,
        lines: &Lines,
        i: usize,
        end: usize,
        max_lines: usize,
        accept: impl Fn(&str) -> bool,
    ) -> Option<(String, usize)> {
        let full = self.skip_labels(&lines[i].1[end..]);
        let rest = self.cut_at_label(full);
        if rest.chars().any(char::is_alphabetic) {
            // A value cut short by the next label is complete.
            let value = if rest.len() < full.len() {
                rest.trim().to_string()
            } else {
                self.continue_sentence(rest, &lines[i + 1..], max_lines)
            };
            return accept(&value).then_some((value, i));
        }
        let candidates = (i + 1..lines.len().min(i + 1 + LOOKAHEAD))
            .filter(|&j| !lines[j].1.is_empty() && !self.is_label_line(lines[j].1));
        for j in candidates {
            let value = self.continue_lines(lines, j, max_lines);
            if accept(&value) {
                return Some((value, j));
            }
        }
        None
    }

    /// `text` without separators and labels at its start ("/huvudman: X" → "X").
    fn skip_labels<'a>(&self, mut text: &'a str) -> &'a str {
        loop {
            text = text.trim_start_matches([':', ' ', '–', '-', '/', '*', '(', ')']);
            match self.any_label.find(text) {
                Some(m) if m.start() == 0 => text = &text[m.end()..],
                _ => return text,
            }
        }
    }

    /// `text` followed by the next lines while the sentence runs on (at most
    /// `max_lines` lines in all), cut at its first sentence end. A sentence runs
    /// on when the text ends in a word or a comma and the next line does not
    /// open with a label.
    fn continue_sentence(&self, text: &str, next: &Lines, max_lines: usize) -> String {
        let mut value = text.trim_end().to_string();
        for &(_, line) in next.iter().take(max_lines.saturating_sub(1)) {
            let runs_on = value
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '-');
            if !runs_on || line.is_empty() || self.starts_with_label(line) {
                break;
            }
            value.push(' ');
            value.push_str(self.cut_at_label(line));
        }
        let sentence = first_sentence(&value);
        sentence.trim_end_matches(['.', '!', '?']).to_string()
    }

    /// Line `j` and the following non-blank, non-label lines, up to `max`.
    fn continue_lines(&self, lines: &Lines, j: usize, max: usize) -> String {
        let mut value = self.cut_at_label(lines[j].1).to_string();
        for &(_, line) in lines.iter().skip(j + 1).take(max.saturating_sub(1)) {
            if line.is_empty() || self.starts_with_label(line) {
                break;
            }
            value.push(' ');
            value.push_str(self.cut_at_label(line));
        }
        value
    }

    /// `text` up to the first label in it (a value ends where a label begins).
    fn cut_at_label<'a>(&self, text: &'a str) -> &'a str {
        match self.any_label.find(text) {
            Some(m) if m.start() > 0 => &text[..m.start()],
            _ => text,
        }
    }

    /// A line that opens with a label ("Finansiär Samordningsförbundet …").
    fn starts_with_label(&self, line: &str) -> bool {
        self.any_label.find(line).is_some_and(|m| m.start() <= 1)
    }

    /// A line that is only a label ("Samverkansparter", "Kontaktperson:").
    fn is_label_line(&self, line: &str) -> bool {
        self.any_label
            .find(line)
            .is_some_and(|m| m.start() <= 1 && !line[m.end()..].chars().any(char::is_alphabetic))
    }
}

/// A case-insensitive regex of form labels; spaces in a label match any
/// run of spaces or slashes, and a label must stand as whole words.
pub fn label_regex(labels: &[String]) -> WordRegex {
    let mut sorted: Vec<&String> = labels.iter().collect();
    sorted.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let alternation: Vec<String> = sorted
        .iter()
        .map(|l| {
            let words: Vec<String> = l.split_whitespace().map(split_tolerant).collect();
            words.join(r"[\s/]+")
        })
        .collect();
    WordRegex::new(&format!(r"(?i){}", alternation.join("|"))).expect("escaped labels")
}

/// A word as a regex that also matches it split after å, ä or ö, as some
/// PDF extractions do ("Projektä gare").
fn split_tolerant(word: &str) -> String {
    word.chars()
        .map(|c| {
            let escaped = regex::escape(&c.to_string());
            if c.is_ascii() {
                escaped
            } else {
                format!(r"{escaped}\s?")
            }
        })
        .collect()
}

/// Evidence text: the label and its value ("Huvudman för insatsen Bollnäs kommun").
pub fn labelled(label: &str, value: &str) -> String {
    format!("{} {}", label.trim(), value.trim())
}

/// A line of a table of contents ("1. Inledning... 3 Projektnamn... 3").
pub fn is_contents_line(line: &str) -> bool {
    line.matches("...").count() + line.matches('…').count() >= 2
}
