//! How the suggestions layer changes: the suggestion and rejection edits of
//! [`Annotations::apply`], and loading a layer from a file.

use std::collections::BTreeSet;

use super::{Annotations, Document, Edit, EditError, LabelId, Rejection, Suggestion, Suggestions};

impl Annotations {
    /// Sets the suggestions layer and the rejections of freshly loaded annotations; refuses
    /// (returns the first bad suggestion or rejection as an error) unless every range is on
    /// char boundaries of `doc` and every label (alternatives too) is defined.
    pub fn set_layer(
        &mut self,
        doc: &Document,
        suggestions: Suggestions,
        rejections: BTreeSet<Rejection>,
    ) -> Result<(), EditError> {
        for s in suggestions.iter() {
            self.check_suggestion(doc, s)?;
        }
        for r in &rejections {
            self.check_range(doc, r.range())?;
        }
        self.suggestions = suggestions;
        self.rejections = rejections;
        Ok(())
    }

    /// Labels the layer uses (suggestions and their alternatives; rejections are dropped
    /// with their label, see [`super::ops::set_labels`]).
    pub(super) fn layer_labels(&self) -> impl Iterator<Item = LabelId> + '_ {
        self.suggestions.iter().flat_map(|s| std::iter::once(s.label).chain(s.alternatives.iter().copied()))
    }

    pub(super) fn apply_layer_edit(&mut self, doc: &Document, edit: &Edit) -> Result<(), EditError> {
        let problem = |start, end, what| EditError::Suggestion { start, end, what };
        match edit {
            Edit::Suggest(s) => {
                self.check_suggestion(doc, s)?;
                if !self.suggestions.insert(s.clone()) {
                    return Err(problem(s.start, s.end, "already there"));
                }
            }
            Edit::Unsuggest(s) => {
                if !self.suggestions.remove(s) {
                    return Err(problem(s.start, s.end, "not there"));
                }
            }
            Edit::Layer { old, new } => {
                if *old != self.suggestions {
                    return Err(problem(0, 0, "stale"));
                }
                for s in new.iter() {
                    self.check_suggestion(doc, s)?;
                }
                self.suggestions = new.clone();
            }
            Edit::Reject(r) => {
                self.check_range(doc, r.range())?;
                if !self.rejections.insert(*r) {
                    return Err(problem(r.start, r.end, "already rejected"));
                }
            }
            Edit::Unreject(r) => {
                if !self.rejections.remove(r) {
                    return Err(problem(r.start, r.end, "not rejected"));
                }
            }
            Edit::Add(_) | Edit::Remove(_) | Edit::Replace { .. } | Edit::Labels { .. } => {}
        }
        Ok(())
    }

    fn check_suggestion(&self, doc: &Document, s: &Suggestion) -> Result<(), EditError> {
        self.check_range(doc, s.range())?;
        let labels = std::iter::once(s.label).chain(s.alternatives.iter().copied());
        for label in labels {
            self.labels().get(label).ok_or(EditError::UnknownLabel(label.0))?;
        }
        Ok(())
    }
}
