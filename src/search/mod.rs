//! Arabic-aware find: the engine under Find, Tag all and pre-annotation, and the proclitic
//! rules other modules reuse.
//!
//! Pure Rust like `model/` (no egui, eframe or cosmic-text). Offsets are UTF-8 byte ranges of
//! the original text on char boundaries.
//!
//! * [`NormalizedText`] folds a text once (tashkeel, tatweel and invisible marks dropped;
//!   «أ إ آ ٱ» → «ا», «ى» → «ي», «ة» → «ه», Arabic-Indic digits → ASCII, lower case) and maps
//!   normalised offsets back to the original.
//! * [`Query`] compiles a pattern for a [`Mode`] and [`Options`]; [`Query::find_in`] and
//!   [`Query::matches`] scan a text in one pass. In exact and normalised modes a match is
//!   whole words: it starts a word, or follows the word's proclitics (the match covers only
//!   what the pattern names: «إيران» in «وإيران»), and it ends a word, so «إيران» is not found
//!   in «إيرانية». In normalised mode a multi-word pattern matches across any run of spaces
//!   or tabs (and other horizontal white space) in the text, never across a line (paragraph)
//!   break; in exact mode white space is compared as written.
//! * A pattern starting with the article also finds the «لل» spelling: «الأمم المتحدة» finds
//!   «والأمم المتحدة» (covering «الأمم المتحدة») and «للأمم المتحدة», covering «لأمم المتحدة»
//!   from the lam that is the article: the preposition stays outside as in every other case,
//!   the article, which the pattern names, stays inside even though its alef is not written.
//! * A match ends after the tashkeel written on its last letter («إيرانَ» is found whole) but
//!   never starts with marks, nor ends with a tatweel or directional mark after its last letter.
//! * [`Gazetteer`] matches many names in one pass (Aho-Corasick over the normalised text)
//!   with the same rules, longest match first: pre-annotation.
//! * [`readings`] and [`split_proclitics`] expose the proclitic analysis for features and
//!   suggestions.

mod clitics;
mod error;
mod fold;
mod gazetteer;
mod matches;
mod normalize;
mod query;
#[cfg(test)]
mod tests;

pub use clitics::{Proclitics, Reading, readings, split_proclitics};
pub use error::SearchError;
pub(crate) use fold::is_tashkeel;
pub use gazetteer::{Gazetteer, GazetteerBuilder, GazetteerEntry, GazetteerMatch, LineProblem};
pub use matches::Matches;
pub use normalize::NormalizedText;
pub use query::{Mode, Options, Query};
