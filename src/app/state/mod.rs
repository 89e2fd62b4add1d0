//! What the window knows beyond the editor: the open corpus (its listing and the background
//! scan's summaries, `corpus.rs`) and File > Compare with… (another annotator's copy, the
//! differences and figures, `compare.rs`). Bookkeeping only: the panels show it, the app
//! changes it.

mod compare;
mod corpus;

pub use compare::{Compare, CorpusFigures, corpus_figures};
pub use corpus::CorpusState;
