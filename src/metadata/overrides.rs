//! Corrections a user makes to a document's labels, and applying them.
//!
//! A correction comes from a sidecar file next to the document
//! (`rapport.pdf.meta.toml`) or from a row of the corpus's manifest
//! (`metadata.csv`); ingest finds them (see `ingest::overrides`). Every
//! field is optional: what a correction sets replaces the label, the rest
//! stays as detected, and the document says which fields were set by hand.

use super::{MetadataError, Result};
use crate::document::{Evidence, Metadata};
use serde::{Deserialize, Serialize};

/// The fields a user may set; `None` (or an empty list) leaves a label alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Document title.
    pub title: Option<String>,
    /// Canonical förbund name.
    pub forbund: Option<String>,
    /// Primary report type, e.g. "slutrapport".
    pub report_type: Option<String>,
    /// Målgrupper (replaces the detected list).
    #[serde(default)]
    pub malgrupp: Vec<String>,
    /// Year.
    pub year: Option<i32>,
    /// Project name.
    pub project: Option<String>,
    /// Owner (huvudman).
    pub owner: Option<String>,
    /// Partners (replaces the detected list).
    #[serde(default)]
    pub partners: Vec<String>,
}

impl Override {
    /// Parses a sidecar file's TOML.
    pub fn from_toml(text: &str) -> Result<Override> {
        toml::from_str(text).map_err(|e| MetadataError::Override(e.message().to_string()))
    }

    /// True when the correction sets nothing.
    pub fn is_empty(&self) -> bool {
        self == &Override::default()
    }

    /// `other`'s fields laid over this one's (a sidecar over a manifest row).
    pub fn merged(self, other: Override) -> Override {
        Override {
            title: other.title.or(self.title),
            forbund: other.forbund.or(self.forbund),
            report_type: other.report_type.or(self.report_type),
            malgrupp: non_empty(other.malgrupp, self.malgrupp),
            year: other.year.or(self.year),
            project: other.project.or(self.project),
            owner: other.owner.or(self.owner),
            partners: non_empty(other.partners, self.partners),
        }
    }

    /// Sets `metadata`'s labels from this correction, replacing their
    /// evidence with `source` (the file that made it) and listing the fields
    /// in `metadata.overridden`.
    pub fn apply(&self, metadata: &mut Metadata, source: &str) {
        for (field, values) in self.set_fields() {
            metadata.evidence.retain(|e| e.field != field);
            metadata
                .evidence
                .extend(values.into_iter().map(|value| Evidence {
                    field: field.to_string(),
                    value,
                    text: format!("rättat för hand i {source}"),
                    page: 0,
                }));
            metadata.overridden.push(field.to_string());
        }
        self.set_values(metadata);
    }

    /// The fields this correction sets, as (API name, values), in API order.
    fn set_fields(&self) -> Vec<(&'static str, Vec<String>)> {
        let one = |value: &Option<String>| value.iter().cloned().collect::<Vec<_>>();
        let year = self.year.iter().map(i32::to_string).collect();
        [
            ("title", one(&self.title)),
            ("forbund", one(&self.forbund)),
            ("report_type", one(&self.report_type)),
            ("malgrupp", self.malgrupp.clone()),
            ("year", year),
            ("project", one(&self.project)),
            ("owner", one(&self.owner)),
            ("partners", self.partners.clone()),
        ]
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .collect()
    }

    /// Copies the set fields into `metadata`.
    fn set_values(&self, metadata: &mut Metadata) {
        let replace = |target: &mut Option<String>, value: &Option<String>| {
            if value.is_some() {
                target.clone_from(value);
            }
        };
        if let Some(title) = &self.title {
            metadata.title.clone_from(title);
        }
        replace(&mut metadata.forbund, &self.forbund);
        replace(&mut metadata.report_type, &self.report_type);
        replace(&mut metadata.project, &self.project);
        replace(&mut metadata.owner, &self.owner);
        if !self.malgrupp.is_empty() {
            metadata.malgrupp.clone_from(&self.malgrupp);
        }
        if !self.partners.is_empty() {
            metadata.partners.clone_from(&self.partners);
        }
        if self.year.is_some() {
            metadata.year = self.year;
        }
    }
}

fn non_empty(preferred: Vec<String>, fallback: Vec<String>) -> Vec<String> {
    if preferred.is_empty() {
        fallback
    } else {
        preferred
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_only_the_given_fields_and_says_so() {
        let correction = Override::from_toml(
            "forbund = \"Samordningsförbundet Gävleborg\"\nyear = 2019\nmalgrupp = [\"unga\"]\n",
        )
        .unwrap();
        let mut metadata = Metadata {
            forbund: Some("Samordningsförbundet Malmö".into()),
            report_type: Some("slutrapport".into()),
            malgrupp: vec!["nollplacerade".into()],
            evidence: vec![Evidence {
                field: "forbund".into(),
                value: "Samordningsförbundet Malmö".into(),
                text: "Finsam Malmö".into(),
                page: 1,
            }],
            ..Metadata::default()
        };
        correction.apply(&mut metadata, "a.pdf.meta.toml");
        assert_eq!(
            metadata.forbund.as_deref(),
            Some("Samordningsförbundet Gävleborg")
        );
        assert_eq!(metadata.report_type.as_deref(), Some("slutrapport"));
        assert_eq!(
            (metadata.year, metadata.malgrupp.clone()),
            (Some(2019), vec!["unga".to_string()])
        );
        assert_eq!(metadata.overridden, ["forbund", "malgrupp", "year"]);
        let forbund: Vec<&Evidence> = metadata
            .evidence
            .iter()
            .filter(|e| e.field == "forbund")
            .collect();
        assert_eq!(forbund.len(), 1);
        assert!(forbund[0].text.contains("a.pdf.meta.toml"));
    }

    #[test]
    fn unknown_fields_and_wrong_types_are_errors() {
        assert!(Override::from_toml("forbun = \"x\"").is_err());
        assert!(Override::from_toml("year = \"tjugo\"").is_err());
        assert!(Override::from_toml("").unwrap().is_empty());
    }

    #[test]
    fn a_sidecar_wins_over_a_manifest_row() {
        let row = Override {
            year: Some(2018),
            owner: Some("A kommun".into()),
            ..Override::default()
        };
        let sidecar = Override {
            year: Some(2020),
            ..Override::default()
        };
        let merged = row.merged(sidecar);
        assert_eq!(
            (merged.year, merged.owner.as_deref()),
            (Some(2020), Some("A kommun"))
        );
    }
}
