//! Finsamsök: a search engine over the reports of Swedish samordningsförbund.
//!
//! The module tree is the pipeline a document travels:
//! [`extract`] → [`privacy`] → [`language`] → [`sections`] → [`metadata`] →
//! [`corpus`] → [`analysis`] →
//! [`index`] → [`search`] → [`server`]. [`ingest`] drives the first stages over
//! a folder; [`document`] holds the plain types passed between them.

pub mod analysis;
pub mod char_boundary;
pub mod corpus;
pub mod document;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod language;
pub mod metadata;
pub mod privacy;
pub mod search;
pub mod sections;
pub mod server;
pub mod word_regex;
