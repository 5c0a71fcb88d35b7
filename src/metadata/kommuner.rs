//! Sweden's kommuner and the län they lie in.
//!
//! The list (`data/kommuner.toml`, SCB's 290 kommuner in 21 län) is the
//! reference the förbund gazetteer is checked against: every member named in
//! `forbund.toml` must be a kommun here, in the förbund's län. It also knows
//! how running text names a kommun in the genitive ("Jönköpings kommun",
//! "Falu kommun"), which the förbund resolver matches.

use serde::Deserialize;

use super::error::{Result, parse_toml};

const FILE: &str = "kommuner.toml";

/// One kommun.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kommun {
    /// SCB's four-digit kommunkod ("0114"); its first two digits are the län code.
    pub code: String,
    /// The name as in "X kommun", without the genitive s ("Upplands Väsby").
    pub name: String,
    /// An irregular genitive, e.g. "Falu" for Falun; `None` when regular.
    #[serde(default)]
    genitive: Option<String>,
}

impl Kommun {
    /// The genitive used in "Xs kommun" / "Xs stad".
    pub fn genitive(&self) -> String {
        self.genitive
            .clone()
            .unwrap_or_else(|| regular_genitive(&self.name))
    }
}

/// One län with its kommuner.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lan {
    /// SCB's two-digit län code ("01").
    pub code: String,
    /// The name as written in `forbund.toml` ("Stockholms län").
    pub name: String,
    /// The kommuner of the län.
    pub kommuner: Vec<Kommun>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KommunerFile {
    lan: Vec<Lan>,
}

/// All län and kommuner.
#[derive(Debug, Clone)]
pub struct Kommuner {
    lan: Vec<Lan>,
}

impl Kommuner {
    /// Parses `kommuner.toml`.
    pub fn from_toml(text: &str) -> Result<Kommuner> {
        let file: KommunerFile = parse_toml(FILE, text)?;
        Ok(Kommuner { lan: file.lan })
    }

    /// The län, in file order.
    pub fn lan(&self) -> &[Lan] {
        &self.lan
    }

    /// Every kommun with the name of its län.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Kommun)> {
        self.lan
            .iter()
            .flat_map(|l| l.kommuner.iter().map(move |k| (l.name.as_str(), k)))
    }

    /// The genitive of kommun `name`; the regular rule for names not listed.
    pub fn genitive(&self, name: &str) -> String {
        self.iter()
            .find(|(_, k)| k.name == name)
            .map_or_else(|| regular_genitive(name), |(_, k)| k.genitive())
    }
}

/// "Jönköping" → "Jönköpings"; names already ending in s are unchanged
/// ("Borås", "Kramfors").
fn regular_genitive(name: &str) -> String {
    if name.ends_with('s') {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genitives_follow_the_rule_unless_listed() {
        let kommuner = Kommuner::from_toml(
            "[[lan]]\ncode = \"20\"\nname = \"Dalarnas län\"\nkommuner = [\
             { code = \"2080\", name = \"Falun\", genitive = \"Falu\" },\
             { code = \"2081\", name = \"Borlänge\" }]\n",
        )
        .unwrap();
        assert_eq!(kommuner.genitive("Falun"), "Falu");
        assert_eq!(kommuner.genitive("Borlänge"), "Borlänges");
        assert_eq!(kommuner.genitive("Borås"), "Borås");
    }
}
