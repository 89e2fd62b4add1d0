//! Hashiya's integration tests, in one binary (one link of egui, eframe and cosmic-text).
//!
//! Tests of the shared corpora (NewsFANE round trip, OCR of renders) run when
//! `HASHIYA_SHARED` points at the shared folder: then missing data fails the test. Without it
//! they print `SKIPPED …` on the terminal and return. `window` drives the app through
//! egui_kittest for the modules that test it.

mod fixtures;
mod window;

mod accessibility_window;
mod agree;
mod app_flows;
mod brat_lossless;
mod cli;
mod compare_window;
mod corpus;
mod corpus_window;
mod exchange;
mod external;
mod find;
mod find_field_window;
mod init;
mod journal_cli;
mod kill_edits;
mod kill_read;
mod kill_save;
mod labels;
mod labels_window;
mod language_window;
mod layer_sources;
mod learn;
mod merge;
mod newsfane;
mod next_cli;
mod ocr;
mod order_simulation;
mod order_window;
mod packaging;
mod picker_window;
mod reading_window;
mod render;
mod rooms;
mod starter_quality;
mod store;
mod suggest;
mod suggest_window;
mod text_field_window;
mod text_layout;
mod typography;
mod typography_window;
