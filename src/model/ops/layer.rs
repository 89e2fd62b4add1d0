//! Transaction builders of the suggestions layer: pre-annotate, accept, reject, and accept or
//! reject every suggestion of one label. Accepting turns a suggestion into an ordinary entity
//! and rejecting remembers it, each as one undo step.

use std::collections::HashSet;

use super::super::{
    Annotations, Edit, Entity, EntityId, LabelId, Suggestion, SuggestionKey, SuggestionSource, Suggestions,
    Transaction,
};

/// What [`suggest`] did with the proposed suggestions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SuggestReport {
    /// Suggestions in the layer from this source afterwards.
    pub suggested: usize,
    /// Left out because the annotator rejected that span and label before.
    pub rejected: usize,
    /// Left out because they overlap an entity (the annotator's entities win).
    pub covered: usize,
}

impl SuggestReport {
    /// The counts as a catalogue message's values (`n`, `covered`, `rejected`).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("n", self.suggested.to_string()),
            ("covered", self.covered.to_string()),
            ("rejected", self.rejected.to_string()),
        ]
    }
}

impl std::fmt::Display for SuggestReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} suggestions", self.suggested)?;
        if self.covered > 0 {
            write!(f, ", {} already entities", self.covered)?;
        }
        if self.rejected > 0 {
            write!(f, ", {} rejected before (left out)", self.rejected)?;
        }
        Ok(())
    }
}

/// Replaces `source`'s suggestions by `proposed` (other sources' suggestions stay; where two
/// sources propose the same span and label, the one already there stays). Proposals with an
/// undefined label, a rejected span and label, or overlapping an entity are left out. `None`
/// when the layer would not change.
pub fn suggest(
    ann: &Annotations,
    source: SuggestionSource,
    mut proposed: Vec<Suggestion>,
) -> (Option<Transaction>, SuggestReport) {
    proposed.iter_mut().for_each(|s| s.source = source);
    suggest_replacing(ann, &[source], proposed)
}

/// Replaces the suggestions of every source of `sources` with `proposed` (each keeping its
/// own source), with the same rules as [`suggest`]: rejected proposals and proposals
/// overlapping an entity are left out.
pub fn suggest_replacing(
    ann: &Annotations,
    sources: &[SuggestionSource],
    proposed: Vec<Suggestion>,
) -> (Option<Transaction>, SuggestReport) {
    let mut report = SuggestReport::default();
    let mut layer: Vec<Suggestion> =
        ann.suggestions().iter().filter(|s| !sources.contains(&s.source)).cloned().collect();
    for mut s in proposed {
        if ann.labels().get(s.label).is_none() || s.start >= s.end {
            continue;
        }
        s.alternatives.retain(|l| ann.labels().get(*l).is_some() && *l != s.label);
        if ann.rejections().contains(&s.rejection()) {
            report.rejected += 1;
        } else if ann.entities().overlapping(s.range()).next().is_some() {
            report.covered += 1;
        } else {
            layer.push(s);
        }
    }
    let new = Suggestions::from_vec(layer);
    report.suggested = new.iter().filter(|s| sources.contains(&s.source)).count();
    let tx = (new != *ann.suggestions())
        .then(|| Transaction::single(Edit::Layer { old: ann.suggestions().clone(), new }));
    (tx, report)
}

/// Accepts suggestion `key` as an entity with `label` (its own label when `None`); the
/// suggestions overlapping it go too. Returns the transaction and the new entity's id.
pub fn accept(
    ann: &Annotations,
    key: SuggestionKey,
    label: Option<LabelId>,
) -> Option<(Transaction, EntityId)> {
    let s = ann.suggestions().get(key)?;
    let label = label.unwrap_or(s.label);
    ann.labels().get(label)?;
    let entity = Entity { id: ann.fresh_id(), start: s.start, end: s.end, label };
    let settled = ann.suggestions().overlapping(s.range()).cloned().map(Edit::Unsuggest);
    let edits = settled.chain(std::iter::once(Edit::Add(entity))).collect();
    Some((Transaction::new(edits), entity.id))
}

/// Rejects suggestion `key`: it leaves the layer and is remembered.
pub fn reject(ann: &Annotations, key: SuggestionKey) -> Option<Transaction> {
    let s = ann.suggestions().get(key)?;
    Some(Transaction::new(vec![Edit::Unsuggest(s.clone()), Edit::Reject(s.rejection())]))
}

/// Accepts every suggestion of `label` that overlaps no entity and no suggestion accepted
/// before it (reading order); suggestions overlapping an accepted one leave the layer.
/// Returns the transaction and how many were accepted.
pub fn accept_all(ann: &Annotations, label: LabelId) -> Option<(Transaction, usize)> {
    accept_where(ann, |s| s.label == label)
}

/// Accepts every suggestion (any label) that overlaps no entity and no suggestion accepted
/// before it, in reading order (longest first at a position): what an export with
/// suggestions writes. `None` when there is nothing to accept.
pub fn accept_every(ann: &Annotations) -> Option<Transaction> {
    accept_where(ann, |_| true).map(|(tx, _)| tx)
}

/// Accepts the suggestions `pick` chooses that overlap no entity and no suggestion accepted
/// before them (reading order); suggestions overlapping an accepted one leave the layer.
fn accept_where(ann: &Annotations, pick: impl Fn(&Suggestion) -> bool) -> Option<(Transaction, usize)> {
    let mut next = ann.fresh_id().0;
    let mut added: Vec<Entity> = Vec::new();
    for s in ann.suggestions().iter().filter(|s| pick(s)) {
        let free = ann.entities().overlapping(s.range()).next().is_none()
            && added.last().is_none_or(|e| e.end <= s.start);
        if free {
            added.push(Entity { id: EntityId(next), start: s.start, end: s.end, label: s.label });
            next += 1;
        }
    }
    if added.is_empty() {
        return None;
    }
    let gone = |s: &Suggestion| {
        let first = added.partition_point(|e| e.end <= s.start);
        added.get(first).is_some_and(|e| e.start < s.end)
    };
    let kept = ann.suggestions().iter().filter(|s| !gone(s)).cloned().collect();
    let layer = Edit::Layer { old: ann.suggestions().clone(), new: Suggestions::from_vec(kept) };
    let count = added.len();
    let edits = std::iter::once(layer).chain(added.into_iter().map(Edit::Add)).collect();
    Some((Transaction::new(edits), count))
}

/// Rejects every suggestion of `label`; returns the transaction and how many.
pub fn reject_all(ann: &Annotations, label: LabelId) -> Option<(Transaction, usize)> {
    let rejected: Vec<&Suggestion> = ann.suggestions().iter().filter(|s| s.label == label).collect();
    if rejected.is_empty() {
        return None;
    }
    let keys: HashSet<SuggestionKey> = rejected.iter().map(|s| s.key()).collect();
    let kept = ann.suggestions().iter().filter(|s| !keys.contains(&s.key())).cloned().collect();
    let layer = Edit::Layer { old: ann.suggestions().clone(), new: Suggestions::from_vec(kept) };
    let mut remembered: Vec<_> = rejected.iter().map(|s| s.rejection()).collect();
    remembered.sort_unstable();
    remembered.dedup();
    remembered.retain(|r| !ann.rejections().contains(r));
    let count = rejected.len();
    let edits = std::iter::once(layer).chain(remembered.into_iter().map(Edit::Reject)).collect();
    Some((Transaction::new(edits), count))
}

#[cfg(test)]
mod tests;
