//! Reading and writing files: article decoding, the RON annotation store (atomic saves,
//! re-anchoring), and the exchange formats CoNLL IOB2, brat standoff and JSONL.
//!
//! Every parse error names `path:line:column`. Offsets in every file format are Unicode
//! code points (as brat, doccano and spaCy count them); the model's byte offsets are converted
//! here and nowhere else.
//!
//! - [`decode`]: article files (encoding detection, line ends); [`atomic`]: crash-safe writes;
//! - [`store`]: the RON annotation file, all in `store/` (public API in `store/mod.rs`; raw
//!   serde types, fast reader, `ron` fallback, locator, validation, writer in one file each);
//!   [`reanchor`]: placing entities again in a changed text;
//! - [`journal`]: the edit journal beside the annotation file (edits since the last save);
//! - [`exchange`] with [`conll`], [`brat`], [`jsonl`] and [`tokenize`]: the exchange formats.

pub mod atomic;
pub mod brat;
pub mod conll;
pub mod decode;
mod error;
pub mod exchange;
pub mod gazetteer;
pub mod journal;
pub mod jsonl;
pub mod reanchor;
pub mod spans;
pub mod store;
pub mod tokenize;

pub(crate) use error::utf8_text;
pub use error::{FormatError, Location};
