//! Hashiya: reader and named-entity annotator for Arabic news articles.
pub mod model;
pub mod formats;
pub mod cli;
pub mod text;
pub mod app;
