//! Suggestions learned from the annotator's own annotations (issue 12): a sequence labeller
//! over clitic-split tokens, trained on the documents marked done, proposing code-point-exact
//! spans with a confidence. Pure Rust like `model/` (no egui, eframe or cosmic-text).
//!
//! * [`units`]: the labelling units — the project's tokens with the conjunction and
//!   preposition split off, so «وإيران» yields the unit «إيران».
//! * [`features`]: Arabic-aware features (normalised word, proclitic-stripped stem, prefixes and
//!   suffixes, shape, neighbours ±2, word clusters, dictionary membership).
//! * [`perceptron`]: averaged structured perceptron, Viterbi, forward–backward marginals.
//! * [`Model`]: training ([`train`]) and prediction ([`Model::predict`]); [`file`] saves
//!   and loads it as a versioned binary.
//! * [`eval`]: exact-span precision / recall / F1.
//! * [`overview`] and [`edit`]: what a corpus's suggestions learn from (starter mapping with
//!   its origins, clitic convention, other corpora) as `hashiya labels` and the label editor
//!   show it, and the checked changes both make to the corpus file.

pub mod assess;
pub mod build;
pub mod calibrate;
pub mod clitics;
pub mod clusters;
pub mod combiner;
pub mod corpus;
pub mod crossval;
pub mod dict;
pub mod edit;
pub mod eval;
pub mod features;
pub mod file;
pub mod layer;
pub mod mapping;
mod model;
pub mod overview;
pub mod perceptron;
pub mod setup;
pub mod stack;
pub mod starter;
pub mod suggest;
mod train;
pub mod units;

pub use clusters::Clusters;
pub use model::{DEFAULT_THRESHOLD, Model, Prediction, SCALE, TrainInfo};
pub use train::{Options, Prior, TrainDoc, fingerprint, train, train_with};

/// Errors of the learner's model file.
#[derive(Debug, thiserror::Error)]
pub enum LearnError {
    /// Reading or writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A corpus (this one, or one it learns from) could not be read.
    #[error("{0}")]
    Corpus(String),
    /// The file is not a model of this version (foreign, truncated or corrupt).
    #[error("{path}: not a Hashiya model file (version {version}): {reason}")]
    Format {
        /// The file.
        path: std::path::PathBuf,
        /// The version this program reads.
        version: u32,
        /// What is wrong.
        reason: String,
    },
}
