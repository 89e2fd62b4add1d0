//! Hashiya: reader and named-entity annotator for Arabic news articles.
pub mod about;
pub mod agree;
#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod corpus;
pub mod editor;
pub mod formats;
pub mod learn;
pub mod merge;
pub mod model;
pub mod search;
pub mod text;
