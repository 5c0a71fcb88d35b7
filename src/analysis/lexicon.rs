//! The compound lexicon: which Swedish words may begin or end a compound.
//!
//! The data is `data/lexicon/sv_compounds.tsv`, derived from hunspell-sv by
//! `data/lexicon/build_lexicon.py` (see `LICENSE-hunspell-sv.txt` there). It is
//! LGPL-3, so it stays a separate file read at startup rather than being
//! compiled into the binary. Each line is `form<TAB>roles[<TAB>base]`: role `B`
//! may begin a compound or stand in its middle, `E` may end one, `W` is a plain
//! word; `base` is the word a linking form stands for (`bedömnings` →
//! `bedömning`).

use std::collections::HashMap;

/// Environment variable naming another lexicon file.
pub const LEXICON_ENV: &str = "FINSAM_LEXICON";

/// Where the lexicon lives relative to the working directory (and the crate).
const LEXICON_PATH: &str = "data/lexicon/sv_compounds.tsv";

/// What the lexicon knows about one lower-cased form.
#[derive(Debug, Clone, Default)]
struct Entry {
    begin: bool,
    end: bool,
    /// The standalone word a linking form stands for, when it differs.
    base: Option<Box<str>>,
}

/// Compound roles of Swedish word forms, looked up by lower-cased form.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: HashMap<Box<str>, Entry>,
}

impl Lexicon {
    /// Reads the lexicon from `$FINSAM_LEXICON`, else `data/lexicon/` under the
    /// working directory, else under the source tree the binary was built from.
    pub fn load() -> std::io::Result<Lexicon> {
        let path = super::data_file::locate(LEXICON_PATH, LEXICON_ENV);
        Ok(Lexicon::parse(&std::fs::read_to_string(path)?))
    }

    /// Parses the lexicon's text; malformed lines are ignored.
    pub fn parse(text: &str) -> Lexicon {
        let entries = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let form = cols.next()?;
                let roles = cols.next()?;
                let entry = Entry {
                    begin: roles.contains('B'),
                    end: roles.contains('E'),
                    base: cols.next().map(Box::from),
                };
                Some((Box::from(form), entry))
            })
            .collect();
        Lexicon { entries }
    }

    /// The word `form` stands for when it may begin (or be the middle of) a
    /// compound: itself, or the base of a linking form (`samverkans` → `samverkan`).
    pub fn begin<'a>(&'a self, form: &'a str) -> Option<&'a str> {
        let entry = self.entries.get(form).filter(|e| e.begin)?;
        Some(entry.base.as_deref().unwrap_or(form))
    }

    /// The base of `form` when it is a linking form (`förmåge` → `förmåga`).
    pub fn linking_base(&self, form: &str) -> Option<&str> {
        self.entries.get(form).filter(|e| e.begin)?.base.as_deref()
    }

    /// True when `form` may end a compound.
    pub fn is_end(&self, form: &str) -> bool {
        self.entries.get(form).is_some_and(|e| e.end)
    }

    /// True when `form` is any word of the lexicon that stands on its own.
    pub fn is_word(&self, form: &str) -> bool {
        self.entries.get(form).is_some_and(|e| e.base.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    const SAMPLE: &str = "# comment\nprojekt\tBE\nsamverkans\tB\tsamverkan\nverk\tE\nrap\tW\n";

    #[test]
    fn parses_roles_and_bases() {
        let lexicon = Lexicon::parse(SAMPLE);
        assert_eq!(lexicon.begin("projekt"), Some("projekt"));
        assert_eq!(lexicon.begin("samverkans"), Some("samverkan"));
        assert_eq!(lexicon.linking_base("samverkans"), Some("samverkan"));
        assert_eq!(lexicon.begin("verk"), None);
        assert!(lexicon.is_end("verk") && !lexicon.is_end("rap"));
        assert!(lexicon.is_word("rap") && !lexicon.is_word("samverkans"));
    }
}
