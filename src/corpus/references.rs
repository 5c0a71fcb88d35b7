//! References between reports: the entries of a report's reference lists
//! ("Referenser", "Källor", "Litteratur", "Relevanta dokument"), its
//! footnotes and the reports its running text names as sources, each resolved to the corpus document it names when the corpus
//! has it, and left as text when it does not — so a user sees what the
//! corpus lacks.
//!
//! Reading ([`entries`]) and resolving ([`Catalogue`]) are apart: an entry
//! is read as written, then [`Cited`] reads what it says (report types,
//! words, years, förbund, diarienummer), and the catalogue finds the one
//! document that agrees with all of it. Precision comes first: an entry that
//! could name two documents equally well names neither.

mod catalogue;
mod cited;
mod entries;
mod footnotes;
mod mentions;
mod sentences;

pub use catalogue::{Candidate, Catalogue};
pub use cited::Cited;
pub use entries::entries;
