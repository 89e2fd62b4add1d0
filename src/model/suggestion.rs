//! The suggestions layer: proposed entities (from a gazetteer, the corpus, a learned model, a
//! merge conflict or the user's own model) kept apart from the entities until the annotator
//! accepts or rejects them, and the rejections that keep a suggestion from coming back.

use std::ops::Range;

use super::LabelId;

/// Where a suggestion came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SuggestionSource {
    /// A gazetteer (name list) file.
    Gazetteer,
    /// Surface forms tagged in other documents of the corpus.
    Corpus,
    /// The model learned from the annotator's documents.
    Model,
    /// A conflict left by a three-way merge.
    Merge,
    /// The user's own model: a command run by `hashiya suggest --command` or a file read by
    /// `hashiya import --as-suggestions` (its name in the suggestion's note).
    External,
    /// The starter model built into Hashiya (trained on open Arabic NER data).
    Starter,
}

impl SuggestionSource {
    /// Every source, in file order.
    pub const ALL: [SuggestionSource; 6] =
        [Self::Gazetteer, Self::Corpus, Self::Model, Self::Merge, Self::External, Self::Starter];

    /// The sources of the combined layer (`hashiya suggest` with no source option and the
    /// window's default), which it replaces together.
    pub const COMBINED: [SuggestionSource; 4] = [Self::Gazetteer, Self::Corpus, Self::Model, Self::Starter];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Gazetteer => "gazetteer",
            Self::Corpus => "corpus",
            Self::Model => "model",
            Self::Merge => "merge",
            Self::External => "external",
            Self::Starter => "starter",
        }
    }

    /// Parses [`SuggestionSource::as_str`]'s names.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// A proposed entity: a UTF-8 byte range on char boundaries and a label, with its origin.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Suggestion {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The proposed label.
    pub label: LabelId,
    /// Where it came from.
    pub source: SuggestionSource,
    /// Confidence in per mille (1000: certain); gazetteer and corpus matches use 1000 unless
    /// the form is ambiguous.
    pub confidence: u16,
    /// Other labels the same form carries elsewhere (ambiguous forms), most frequent first.
    pub alternatives: Vec<LabelId>,
    /// Free text shown with it (e.g. which annotator a merge conflict came from).
    pub note: String,
}

impl Suggestion {
    /// A suggestion with no alternatives and no note.
    pub fn new(range: Range<usize>, label: LabelId, source: SuggestionSource, confidence: u16) -> Self {
        Self {
            start: range.start,
            end: range.end,
            label,
            source,
            confidence,
            alternatives: Vec::new(),
            note: String::new(),
        }
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// What identifies it in its layer: range and label.
    pub fn key(&self) -> SuggestionKey {
        SuggestionKey { start: self.start, end: self.end, label: self.label }
    }

    /// The rejection that keeps it from coming back.
    pub fn rejection(&self) -> Rejection {
        Rejection { start: self.start, end: self.end, label: self.label }
    }

    /// Reading order: by start, longer first, then label and source.
    fn order(&self) -> (usize, std::cmp::Reverse<usize>, LabelId, SuggestionSource) {
        (self.start, std::cmp::Reverse(self.end), self.label, self.source)
    }
}

/// A range and label: what identifies a suggestion in its layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SuggestionKey {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The proposed label.
    pub label: LabelId,
}

/// A suggestion the annotator rejected: the same range and label are not proposed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rejection {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The rejected label.
    pub label: LabelId,
}

impl Rejection {
    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Suggestions in reading order, at most one per range and label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    sorted: Vec<Suggestion>,
}

impl Suggestions {
    /// All suggestions in reading order.
    pub fn iter(&self) -> std::slice::Iter<'_, Suggestion> {
        self.sorted.iter()
    }

    /// Number of suggestions.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// The suggestion with this range and label.
    pub fn get(&self, key: SuggestionKey) -> Option<&Suggestion> {
        self.position(key).map(|i| &self.sorted[i])
    }

    /// The n-th suggestion in reading order.
    pub fn nth(&self, i: usize) -> Option<&Suggestion> {
        self.sorted.get(i)
    }

    /// Index (reading order) of the suggestion with this key.
    pub fn position(&self, key: SuggestionKey) -> Option<usize> {
        let first = self.sorted.partition_point(|s| s.start < key.start);
        self.sorted[first..]
            .iter()
            .take_while(|s| s.start == key.start)
            .position(|s| s.key() == key)
            .map(|i| first + i)
    }

    /// Suggestions overlapping `range` (linear in the suggestions starting before its end).
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Suggestion> {
        let end = self.sorted.partition_point(|s| s.start < range.end);
        self.sorted[..end].iter().filter(move |s| s.end > range.start)
    }

    /// Inserts; false (nothing changed) if one with the same key is there.
    pub(super) fn insert(&mut self, s: Suggestion) -> bool {
        if self.position(s.key()).is_some() {
            return false;
        }
        let at = self.sorted.partition_point(|o| o.order() < s.order());
        self.sorted.insert(at, s);
        true
    }

    /// Removes exactly `s`; false if it is not there.
    pub(super) fn remove(&mut self, s: &Suggestion) -> bool {
        match self.position(s.key()) {
            Some(i) if self.sorted[i] == *s => {
                self.sorted.remove(i);
                true
            }
            _ => false,
        }
    }

    /// Builds the layer from suggestions in any order; later duplicates of a key are dropped.
    pub fn from_vec(mut all: Vec<Suggestion>) -> Self {
        all.sort_by_key(Suggestion::order);
        all.dedup_by_key(|s| s.key());
        Self { sorted: all }
    }
}
