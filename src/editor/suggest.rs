//! The suggestions layer in the editor: pre-annotation, the current suggestion (N / P), and
//! accept / reject, which move on to the next suggestion so that Enter, Enter, Backspace, …
//! walks through a document.

use super::apply::Planned;
use super::{Article, EditCommand, Notice};
use crate::model::{Annotations, LabelId, SuggestionKey, SuggestionSource, ops};

impl Article {
    /// The transaction of a suggestions command.
    pub(super) fn plan_layer(&self, cmd: EditCommand) -> Planned {
        let ann = &self.ann;
        match cmd {
            EditCommand::Suggest(source, proposed) => {
                let (tx, report) = ops::suggest(ann, source, proposed);
                let mut args = report.args();
                args.push(("source", source.as_str().to_string()));
                let notice = Some(
                    Notice::info(format!("{}: {report}", source.as_str()))
                        .keyed("notice-suggest-report", &args),
                );
                Planned { notice, ..Planned::plain(tx) }
            }
            EditCommand::SuggestLayer(proposed) => {
                let (tx, report) = ops::suggest_replacing(ann, &SuggestionSource::COMBINED, proposed);
                let notice = Some(
                    Notice::info(format!("suggestions: {report}"))
                        .keyed("notice-layer-report", &report.args()),
                );
                Planned { notice, ..Planned::plain(tx) }
            }
            EditCommand::Accept(key, label) => match ops::accept(ann, key, label) {
                Some((tx, id)) => Planned { tx: Some(tx), select: None, created: vec![id], notice: None },
                None => Planned::plain(None),
            },
            EditCommand::Reject(key) => Planned::plain(ops::reject(ann, key)),
            EditCommand::AcceptAll(label) => {
                let done = ops::accept_all(ann, label);
                let notice = done.as_ref().map(|(_, n)| {
                    let text = format!("accepted {n} {}", name(ann, label));
                    Notice::info(text).keyed("notice-accepted", &counts(*n, name(ann, label)))
                });
                Planned { notice, ..Planned::plain(done.map(|(tx, _)| tx)) }
            }
            EditCommand::RejectAll(label) => {
                let done = ops::reject_all(ann, label);
                let notice = done.as_ref().map(|(_, n)| {
                    let text = format!("rejected {n} {}", name(ann, label));
                    Notice::info(text).keyed("notice-rejected", &counts(*n, name(ann, label)))
                });
                Planned { notice, ..Planned::plain(done.map(|(tx, _)| tx)) }
            }
            _ => Planned::plain(None),
        }
    }

    /// Makes `key` the current suggestion; the text and entity selections are cleared.
    pub(super) fn select_suggestion(&mut self, key: Option<SuggestionKey>) {
        self.suggestion = key.filter(|k| self.ann.suggestions().get(*k).is_some());
        if self.suggestion.is_some() {
            self.selection = None;
            self.selected = None;
        }
    }

    /// N / P: the next or previous suggestion from the current one (else from the caret).
    pub(super) fn step_suggestion(&mut self, forward: bool) {
        let layer = self.ann.suggestions();
        let n = layer.len();
        if n == 0 {
            self.suggestion = None;
            return;
        }
        let current = self.suggestion.and_then(|k| layer.position(k));
        let next = match (current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => {
                let caret = self.selection.map_or(0, |s| s.caret);
                let after = layer.iter().position(|s| s.start >= caret).unwrap_or(0);
                if forward { after } else { (after + n - 1) % n }
            }
        };
        self.select_suggestion(layer.nth(next).map(|s| s.key()));
    }

    /// For accept and reject: the reading-order position whose suggestion becomes current
    /// afterwards (the one that follows the settled suggestion).
    pub(super) fn suggestion_to_follow(&self, cmd: &EditCommand) -> Option<usize> {
        match cmd {
            EditCommand::Accept(key, _) | EditCommand::Reject(key) => self.ann.suggestions().position(*key),
            _ => None,
        }
    }

    /// Selects the first suggestion at or after position `at` of the layer as it was, i.e.
    /// the first one starting at or after the settled one's start (wrapping around).
    pub(super) fn follow_suggestion(&mut self, at: usize) {
        let layer = self.ann.suggestions();
        let next = layer.nth(at.min(layer.len().saturating_sub(1))).map(|s| s.key());
        self.select_suggestion(next);
    }
}

fn name(ann: &Annotations, label: LabelId) -> &str {
    ann.labels().get(label).map_or("?", |l| l.name.as_str())
}

/// The values of an "accepted / rejected N label" notice, for the window's catalogue.
fn counts(n: usize, label: &str) -> [(&'static str, String); 2] {
    [("n", n.to_string()), ("label", label.to_string())]
}
