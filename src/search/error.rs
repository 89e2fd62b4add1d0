//! Errors of the search layer.

use thiserror::Error;

/// Why a query could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SearchError {
    /// The pattern is empty, or only white space, tashkeel or tatweel.
    #[error("nothing to search for")]
    Empty,
    /// The pattern is not a valid regular expression; the message is the `regex` crate's.
    #[error("invalid regular expression: {0}")]
    Regex(String),
}
