//! The pure annotation core: document text, labels, entities, edits and history.
//!
//! Owns every rule about what an annotation *is* (byte ranges on char boundaries, labels that
//! exist, unique ids) and how it changes (invertible [`Transaction`]s, undo/redo [`History`]).
//! It never imports egui, eframe or cosmic-text, so everything here is unit- and
//! property-testable without fonts or a window.

mod annotations;
mod document;
mod edit;
mod entity;
mod history;
mod label;
mod layer;
pub mod ops;
mod suggestion;
mod words;

pub use annotations::{Annotations, Orphan};
pub use document::Document;
pub use edit::{Edit, EditError, Transaction};
pub use entity::{Entity, EntityId, EntitySet};
pub use history::History;
pub use label::{Label, LabelId, LabelSet, PALETTE, Rgb};
pub use ops::{Edge, TagAllReport};
pub use suggestion::{Rejection, Suggestion, SuggestionKey, SuggestionSource, Suggestions};
pub use words::{snap_to_words, word_at};
