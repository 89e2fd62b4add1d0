//! Model edits ↔ stored edits: byte offsets become code points and label ids become names
//! (resolved again, in order, against the label set in force when the journal is replayed).

use super::{RawEdit, RawEntity, RawSpan, RawSuggestion, Record, Step};
use crate::model::{
    Document, Edit, Entity, EntityId, Label, LabelSet, Rejection, Suggestion, SuggestionSource, Suggestions,
    Transaction,
};

/// A transaction as applied to annotations whose label set is now `labels_after`, as an edit
/// record; `None` if a range is not in `doc` or a label is in no label set of the transaction.
pub fn edit_record(step: Step, tx: &Transaction, doc: &Document, labels_after: &LabelSet) -> Option<Record> {
    // The labels in force before the transaction: the first label-set edit's old set, if any.
    let mut labels = tx
        .edits()
        .iter()
        .find_map(|e| match e {
            Edit::Labels { old, .. } => Some(old),
            _ => None,
        })
        .unwrap_or(labels_after);
    let mut edits = Vec::with_capacity(tx.edits().len());
    for edit in tx.edits() {
        let to = To { doc, labels };
        edits.push(match edit {
            Edit::Add(e) => RawEdit::Add(to.entity(e)?),
            Edit::Remove(e) => RawEdit::Remove(to.entity(e)?),
            Edit::Replace { old, new } => RawEdit::Replace(to.entity(old)?, to.entity(new)?),
            Edit::Labels { old, new } => {
                labels = new;
                RawEdit::Labels(old.iter().cloned().collect(), new.iter().cloned().collect())
            }
            Edit::Suggest(s) => RawEdit::Suggest(to.suggestion(s)?),
            Edit::Unsuggest(s) => RawEdit::Unsuggest(to.suggestion(s)?),
            Edit::Layer { old, new } => RawEdit::Layer(to.layer(old)?, to.layer(new)?),
            Edit::Reject(r) => RawEdit::Reject(to.span(r.start, r.end, r.label)?),
            Edit::Unreject(r) => RawEdit::Unreject(to.span(r.start, r.end, r.label)?),
        });
    }
    Some(Record::Edit { step, edits })
}

/// Converts model values to stored ones.
struct To<'a> {
    doc: &'a Document,
    labels: &'a LabelSet,
}

impl To<'_> {
    fn name(&self, id: crate::model::LabelId) -> Option<String> {
        self.labels.get(id).map(|l| l.name.clone())
    }

    fn span(&self, start: usize, end: usize, label: crate::model::LabelId) -> Option<RawSpan> {
        let chars = self.doc.byte_range_to_chars(start..end)?;
        Some(RawSpan { start: chars.start as u64, end: chars.end as u64, label: self.name(label)? })
    }

    fn entity(&self, e: &Entity) -> Option<RawEntity> {
        let span = self.span(e.start, e.end, e.label)?;
        Some(RawEntity { id: e.id.0, start: span.start, end: span.end, label: span.label })
    }

    fn suggestion(&self, s: &Suggestion) -> Option<RawSuggestion> {
        Some(RawSuggestion {
            span: self.span(s.start, s.end, s.label)?,
            source: s.source.as_str().to_string(),
            confidence: s.confidence,
            alternatives: s.alternatives.iter().map(|a| self.name(*a)).collect::<Option<_>>()?,
            note: s.note.clone(),
        })
    }

    fn layer(&self, layer: &Suggestions) -> Option<Vec<RawSuggestion>> {
        layer.iter().map(|s| self.suggestion(s)).collect()
    }
}

/// Turns stored edits back into a transaction on `doc`, resolving label names against
/// `labels` (the set in force before it, followed through its own label-set edits).
pub fn resolve(edits: &[RawEdit], doc: &Document, labels: &LabelSet) -> Result<Transaction, String> {
    let mut labels = labels.clone();
    let mut out = Vec::with_capacity(edits.len());
    for edit in edits {
        if let RawEdit::Labels(old, new) = edit {
            let set = |l: &[Label]| {
                LabelSet::from_labels(l.to_vec()).map_err(|name| format!("label {name:?} twice"))
            };
            let (old, new) = (set(old)?, set(new)?);
            labels = new.clone();
            out.push(Edit::Labels { old, new });
            continue;
        }
        let from = Back { doc, labels: &labels };
        out.push(match edit {
            RawEdit::Add(e) => Edit::Add(from.entity(e)?),
            RawEdit::Remove(e) => Edit::Remove(from.entity(e)?),
            RawEdit::Replace(old, new) => Edit::Replace { old: from.entity(old)?, new: from.entity(new)? },
            RawEdit::Suggest(s) => Edit::Suggest(from.suggestion(s)?),
            RawEdit::Unsuggest(s) => Edit::Unsuggest(from.suggestion(s)?),
            RawEdit::Layer(old, new) => Edit::Layer { old: from.layer(old)?, new: from.layer(new)? },
            RawEdit::Reject(r) => Edit::Reject(from.rejection(r)?),
            RawEdit::Unreject(r) => Edit::Unreject(from.rejection(r)?),
            RawEdit::Labels(..) => continue,
        });
    }
    Ok(Transaction::new(out))
}

/// Converts stored values to model ones.
struct Back<'a> {
    doc: &'a Document,
    labels: &'a LabelSet,
}

impl Back<'_> {
    fn label(&self, name: &str) -> Result<crate::model::LabelId, String> {
        self.labels.by_name(name).map(|l| l.id).ok_or_else(|| format!("label {name:?} is not defined"))
    }

    fn range(&self, start: u64, end: u64) -> Result<(usize, usize), String> {
        let byte = |c: u64| usize::try_from(c).ok().and_then(|c| self.doc.char_to_byte(c));
        match (byte(start), byte(end)) {
            (Some(s), Some(e)) => Ok((s, e)),
            _ => Err(format!("{start}..{end} is outside the article")),
        }
    }

    fn entity(&self, e: &RawEntity) -> Result<Entity, String> {
        let (start, end) = self.range(e.start, e.end).map_err(|why| format!("entity #{}: {why}", e.id))?;
        Ok(Entity { id: EntityId(e.id), start, end, label: self.label(&e.label)? })
    }

    fn rejection(&self, r: &RawSpan) -> Result<Rejection, String> {
        let (start, end) = self.range(r.start, r.end)?;
        Ok(Rejection { start, end, label: self.label(&r.label)? })
    }

    fn suggestion(&self, s: &RawSuggestion) -> Result<Suggestion, String> {
        let r = self.rejection(&s.span)?;
        let source = SuggestionSource::parse(&s.source)
            .ok_or_else(|| format!("unknown suggestion source {:?}", s.source))?;
        let mut out = Suggestion::new(r.start..r.end, r.label, source, s.confidence);
        out.alternatives = s.alternatives.iter().map(|a| self.label(a)).collect::<Result<_, _>>()?;
        out.note = s.note.clone();
        Ok(out)
    }

    fn layer(&self, layer: &[RawSuggestion]) -> Result<Suggestions, String> {
        Ok(Suggestions::from_vec(layer.iter().map(|s| self.suggestion(s)).collect::<Result<_, _>>()?))
    }
}
