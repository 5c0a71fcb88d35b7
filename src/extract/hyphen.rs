//! Joining words that typesetting split with a hyphen at a line end.
//!
//! "rehabili-" followed by "tering" becomes "rehabilitering": the hyphen
//! must end the line, follow a lowercase letter, and the next line must
//! start with a lowercase letter. The hyphen stays, and the lines stay
//! apart, when the next word is a conjunction that shows an elided compound
//! part ("arbetslivs- och utbildningsförvaltningen"). A capital after a
//! line-end hyphen marks a hyphenated name split at its own hyphen:
//! "Burlöv-" and "Staffanstorp" become "Burlöv-Staffanstorp".
//!
//! In a table the split word ends its cell, not the line: the row reads
//! "Handledning, trohetsmät- 110" and the next line holds the cell's second
//! line alone ("ning"). A line of one lowercase word joins the one word of
//! the line above that ends in a hyphen after a lowercase letter, unless a
//! conjunction follows that word (an elided compound part).

use crate::document::Line;

/// Words after which a line-end hyphen marks an elided compound part.
const CONJUNCTIONS: [&str; 5] = ["och", "eller", "samt", "respektive", "som"];

/// How a line ending in a hyphen meets the next line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    /// A word split by hyphenation: drop the hyphen.
    Word,
    /// A hyphenated compound split at its hyphen: keep it.
    Compound,
}

/// Joins line-end hyphenations, moving the word's second half up a line.
pub(crate) fn join_hyphenated(lines: &mut Vec<Line>) {
    let mut emptied = vec![false; lines.len()];
    for i in 1..lines.len() {
        let Some(join) = join_kind(&lines[i - 1].text, &lines[i].text) else {
            continue;
        };
        let next = std::mem::take(&mut lines[i].text);
        let (head, rest) = next.split_once(' ').unwrap_or((&next, ""));
        let prev = &mut lines[i - 1].text;
        if join == Join::Word {
            prev.pop();
        }
        prev.push_str(head);
        lines[i].text = rest.to_string();
        emptied[i] = rest.is_empty();
    }
    for i in 1..lines.len() {
        if emptied[i] {
            continue;
        }
        if let Some(joined) = joined_cell(&lines[i - 1].text, &lines[i].text) {
            lines[i - 1].text = joined;
            lines[i].text.clear();
            emptied[i] = true;
        }
    }
    let mut index = 0;
    lines.retain(|_| {
        index += 1;
        !emptied[index - 1]
    });
}

/// `row` with a table cell's hyphenated word completed by `next`, when
/// `next` is one lowercase word and `row` has exactly one word inside it
/// that a hyphen after a lowercase letter ends and no conjunction follows.
fn joined_cell(row: &str, next: &str) -> Option<String> {
    let fragment = next.trim();
    let first = fragment.chars().next()?;
    if fragment.contains(' ') || !first.is_lowercase() {
        return None;
    }
    let words: Vec<&str> = row.split(' ').collect();
    let split = |i: usize| {
        let mut tail = words[i].chars().rev();
        let hyphen_after_lowercase =
            tail.next() == Some('-') && tail.next().is_some_and(char::is_lowercase);
        hyphen_after_lowercase && !CONJUNCTIONS.contains(&words[i + 1])
    };
    let candidates: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&i| split(i))
        .collect();
    let [i] = candidates[..] else {
        return None;
    };
    let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    words[i].pop();
    words[i].push_str(fragment);
    Some(words.join(" "))
}

fn join_kind(line: &str, next: &str) -> Option<Join> {
    let mut tail = line.chars().rev();
    if tail.next() != Some('-') {
        return None;
    }
    let before = tail.next()?;
    let first_word = next.split(' ').next()?;
    let bare_word = first_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let first = first_word.chars().next()?;
    if before.is_lowercase() && first.is_lowercase() && !CONJUNCTIONS.contains(&bare_word) {
        Some(Join::Word)
    } else if before.is_alphabetic() && first.is_uppercase() {
        Some(Join::Compound)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(texts: &[&str]) -> Vec<String> {
        let mut lines: Vec<Line> = texts.iter().map(|t| Line::plain(*t)).collect();
        join_hyphenated(&mut lines);
        lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn line_end_hyphenation_is_joined() {
        assert_eq!(
            joined(&["arbetslivsinriktad rehabili-", "tering för alla"]),
            ["arbetslivsinriktad rehabilitering", "för alla"]
        );
    }

    #[test]
    fn single_word_continuation_leaves_no_empty_line() {
        assert_eq!(
            joined(&["rehabili-", "tering.", "Nästa"]),
            ["rehabilitering.", "Nästa"]
        );
    }

    #[test]
    fn elided_compound_before_conjunction_keeps_hyphen() {
        assert_eq!(
            joined(&["med arbetslivs-", "och utbildningsförvaltningen"]),
            ["med arbetslivs-", "och utbildningsförvaltningen"]
        );
    }

    #[test]
    fn capital_after_hyphen_keeps_compound() {
        assert_eq!(
            joined(&["förbundet Burlöv-", "Staffanstorp och"]),
            ["förbundet Burlöv-Staffanstorp", "och"]
        );
    }

    #[test]
    fn word_split_inside_a_table_cell_is_joined() {
        assert_eq!(
            joined(&["Handledning, trohetsmät- 110 110", "ning", "Lokaler 160"]),
            ["Handledning, trohetsmätning 110 110", "Lokaler 160"]
        );
        assert_eq!(
            joined(&["Hälso- och sjukvård 110", "kostnader"]),
            ["Hälso- och sjukvård 110", "kostnader"]
        );
    }

    #[test]
    fn hyphen_inside_line_and_paragraph_break_are_untouched() {
        assert_eq!(
            joined(&["Burlöv-Staffanstorp och"]),
            ["Burlöv-Staffanstorp och"]
        );
        assert_eq!(
            joined(&["ett tanke-", "", "streck"]),
            ["ett tanke-", "", "streck"]
        );
    }
}
