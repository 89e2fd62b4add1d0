//! A deterministic stream of edits for crash tests (`hashiya drive-edits`, `tests/it/kill_edits.rs`):
//! the same seed and the same starting article give the same commands and the same states, so
//! a test can recompute every state a killed process went through.

use std::hash::Hasher as _;

use super::{Article, EditCommand};
use crate::formats::store::DocStatus;
use crate::model::{Edge, LabelId};

/// Picks and applies pseudo-random commands (tag, delete, relabel, adjust, undo, redo, status).
#[derive(Debug, Clone)]
pub struct Driver {
    state: u64,
}

impl Driver {
    /// A driver with its seed.
    pub fn new(seed: u64) -> Self {
        Self { state: seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1 }
    }

    fn next(&mut self) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A pseudo-random number below `n` (tests use it to pick delays).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Applies one command to the article (a refused or empty one changes nothing; that is part
    /// of the stream too).
    pub fn step(&mut self, article: &mut Article) {
        let roll = self.below(100);
        let count = article.ann().entities().len() as u64;
        let nth = self.below(count.max(1)) as usize;
        let some = article.ann().entities().iter().nth(nth).map(|e| e.id);
        let label = LabelId(self.below(7) as u32 + 1);
        let cmd = match (roll, some) {
            (_, Some(id)) if count > 120 => EditCommand::Delete(id),
            (45..60, Some(id)) => EditCommand::Delete(id),
            (60..70, Some(id)) => EditCommand::Relabel(id, label),
            (70..75, Some(id)) => {
                let edge = if self.below(2) == 0 { Edge::Start } else { Edge::End };
                EditCommand::AdjustEdge(id, edge, self.below(3) as i32 - 1)
            }
            (75..85, _) => EditCommand::Undo,
            (85..92, _) => EditCommand::Redo,
            (92..96, _) => {
                article.set_status(DocStatus::ALL[self.below(4) as usize]);
                return;
            }
            _ => EditCommand::TagRange(self.word_range(article), label),
        };
        let _ = article.apply(cmd);
    }

    /// One or two whole words somewhere in the text (never empty).
    fn word_range(&mut self, article: &Article) -> std::ops::Range<usize> {
        let text = article.doc.text();
        let words: Vec<(usize, &str)> = text
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .filter(|(_, w)| !w.trim().is_empty())
            .collect();
        if words.is_empty() {
            return 0..text.len();
        }
        let i = self.below(words.len() as u64) as usize;
        let j = (i + self.below(2) as usize).min(words.len() - 1);
        let (start, _) = words[i];
        let (last, w) = words[j];
        start..last + w.trim_end().len()
    }
}

/// A fingerprint of what an edit can change: entities, labels, suggestions and the status.
pub fn digest(article: &Article) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    let ann = article.ann();
    for e in ann.entities().iter() {
        h.write_u64(e.id.0);
        h.write_usize(e.start);
        h.write_usize(e.end);
        h.write_u32(e.label.0);
    }
    for l in ann.labels().iter() {
        h.write_u32(l.id.0);
        h.write(l.name.as_bytes());
    }
    h.write_usize(ann.suggestions().len());
    h.write_usize(ann.rejections().len());
    h.write(article.status().as_str().as_bytes());
    h.finish()
}
