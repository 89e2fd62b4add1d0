//! Reading and writing files: article decoding, the RON annotation store (atomic saves,
//! re-anchoring), and the exchange formats CoNLL IOB2, brat standoff and JSONL.
//!
//! Every parse error names `path:line:column`. Offsets in every file format are Unicode
//! code points (as brat, doccano and spaCy count them); the model's byte offsets are converted
//! here and nowhere else.

pub mod atomic;
pub mod brat;
pub mod conll;
pub mod decode;
mod error;
pub mod exchange;
pub mod jsonl;
pub mod reanchor;
pub mod store;
mod store_raw;
pub mod tokenize;

pub use error::{FormatError, Location};
