//! Pre-annotation across a corpus: fills the suggestions layer of documents from a gazetteer
//! or from the corpus itself (every surface form tagged in an annotated document, with its
//! most frequent label and its alternatives), through the editor core (one `Suggest` command
//! per document), saved atomically. Matching is [`Gazetteer::find`]'s: normalised,
//! clitic-aware, longest match first.
//!
//! A corpus dictionary also measures each form on the annotated documents: how often a match
//! of it there is tagged (with the match as the entity or the entity's name after its
//! proclitics). A suggestion's confidence is that rate times its label's share, so forms that
//! are mostly not names («الرئيس» tagged once, written a hundred times) fall below the
//! threshold instead of flooding the layer.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::PathBuf;

use super::labels::reconcile;
use super::walk::DocEntry;
use crate::editor::{Article, EditCommand};
use crate::formats::store::DocStatus;
use crate::model::{LabelSet, Suggestion, SuggestionSource};
use crate::search::{Gazetteer, GazetteerBuilder, NormalizedText, SearchError};

/// Confidence below which suggestions are left out unless asked for (per mille). Chosen on
/// NewsFANE (see BENCHMARKS.md, "Pre-annotation"): from 0.5 down to 0.25 precision falls from
/// 0.76 to 0.72 while recall passes the plain dictionary's.
pub const DEFAULT_MIN_CONFIDENCE: u16 = 250;

/// Names to suggest, with a measured precision per entry where known.
#[derive(Debug, Clone)]
pub struct Dictionary {
    /// The names.
    pub gazetteer: Gazetteer,
    /// Per entry, for matches that are whole words and for matches after proclitics: the
    /// share of such matches in annotated documents that were tagged (1.0 for a gazetteer
    /// file, which has no evidence). «عمر» is a name as a word but mostly «بعمر» ("aged").
    pub precision: Vec<[f32; 2]>,
    /// The same share per entry and spelling as written, where that spelling was seen: «على»
    /// folds like the name «علي» but is almost never tagged.
    pub by_spelling: HashMap<(usize, String), f32>,
    /// Annotated documents it was made from.
    pub documents: usize,
    /// One line per document read with its journal (edits not yet saved, included; or a
    /// journal not applied).
    pub journal: Vec<String>,
}

impl Dictionary {
    /// A gazetteer file's names, trusted as given.
    pub fn from_gazetteer(gazetteer: Gazetteer) -> Self {
        let precision = vec![[1.0; 2]; gazetteer.len()];
        Self { gazetteer, precision, by_spelling: HashMap::new(), documents: 0, journal: Vec::new() }
    }
}

/// A document read for the dictionary: its text and entities (range, label name).
pub struct Annotated {
    /// The text.
    pub text: String,
    /// Its entities: byte range, label name.
    pub entities: Vec<(Range<usize>, String)>,
}

/// Builds the dictionary of the forms tagged in the corpus's annotated documents: those
/// marked done, or, when none is, those with entities. `progress(done, total)` per document.
pub fn corpus_dictionary(
    docs: &[DocEntry],
    mut progress: impl FnMut(usize, usize),
) -> Result<Dictionary, SearchError> {
    let mut done = Vec::new();
    let mut with_entities = Vec::new();
    let mut journal = Vec::new();
    for (i, entry) in docs.iter().enumerate() {
        progress(i + 1, docs.len());
        let Ok(reading) = Article::open_to_read(&entry.path) else { continue };
        journal.extend(reading.journal.message(&entry.path));
        let article = reading.article;
        if article.store_is_broken() || article.ann().entities().is_empty() {
            continue;
        }
        let labels = article.ann().labels();
        let entities = article
            .ann()
            .entities()
            .iter()
            .filter_map(|e| Some((e.range(), labels.get(e.label)?.name.clone())))
            .collect();
        let doc = Annotated { text: article.doc.text().to_string(), entities };
        if article.status() == DocStatus::Done { done.push(doc) } else { with_entities.push(doc) }
    }
    let annotated = if done.is_empty() { with_entities } else { done };
    let mut dict = dictionary_of(&annotated)?;
    dict.journal = journal;
    Ok(dict)
}

/// The dictionary of the forms tagged in `annotated`, each measured on them.
pub fn dictionary_of(annotated: &[Annotated]) -> Result<Dictionary, SearchError> {
    let mut builder = GazetteerBuilder::default();
    for doc in annotated {
        for (range, label) in &doc.entities {
            // Forms with no letters to match (punctuation, marks) are not names to suggest.
            let _ = builder.add(&doc.text[range.clone()], label, 1);
        }
    }
    let gazetteer = builder.build()?;
    let (precision, by_spelling) = measure(&gazetteer, annotated);
    Ok(Dictionary { gazetteer, precision, by_spelling, documents: annotated.len(), journal: Vec::new() })
}

/// Rates per entry (word, glued) and per entry and spelling.
type Rates = (Vec<[f32; 2]>, HashMap<(usize, String), f32>);

/// Tagged matches / all matches in the annotated documents, per entry and word or glued
/// match, and per entry and spelling.
fn measure(gazetteer: &Gazetteer, annotated: &[Annotated]) -> Rates {
    let mut per_entry = vec![[(0u32, 0u32); 2]; gazetteer.len()];
    let mut per_spelling: HashMap<(usize, String), (u32, u32)> = HashMap::new();
    for doc in annotated {
        let normalized = NormalizedText::new(&doc.text);
        let mut ends: Vec<(usize, usize)> = doc.entities.iter().map(|(r, _)| (r.end, r.start)).collect();
        ends.sort_unstable();
        for m in gazetteer.find(&doc.text, &normalized) {
            let first = ends.partition_point(|&(end, _)| end < m.range.end);
            let tagged =
                ends[first..].iter().take_while(|&&(end, _)| end == m.range.end).any(|&(_, start)| {
                    start <= m.range.start
                        && doc.text.get(start..m.range.start).is_some_and(|p| p.chars().count() <= 3)
                });
            let glued = usize::from(glued(&doc.text, m.range.start));
            let spelling = per_spelling.entry((m.entry, doc.text[m.range].to_string())).or_default();
            for counts in [&mut per_entry[m.entry][glued], spelling] {
                counts.0 += u32::from(tagged);
                counts.1 += 1;
            }
        }
    }
    let rate = |(hits, seen): (u32, u32)| if seen == 0 { 1.0 } else { hits as f32 / seen as f32 };
    let per_entry = per_entry.into_iter().map(|[word, glued]| {
        // A glued form never seen in the annotated documents is trusted as much as the word.
        let word_rate = rate(word);
        [word_rate, if glued.1 == 0 { word_rate } else { rate(glued) }]
    });
    (per_entry.collect(), per_spelling.into_iter().map(|(k, v)| (k, rate(v))).collect())
}

/// True if the match at `start` follows letters of its word (proclitics).
fn glued(text: &str, start: usize) -> bool {
    text[..start].chars().next_back().is_some_and(char::is_alphabetic)
}

/// A dictionary's match: byte range, label name, confidence 0..=1, the form's other labels.
pub type Match = (Range<usize>, String, f32, Vec<String>);

/// Every match of the dictionary in `text` with its confidence: the label's share of the
/// form's tags times the share of the form's occurrences that were tagged.
pub fn matches(dict: &Dictionary, text: &str, normalized: &NormalizedText) -> Vec<Match> {
    let mut out = Vec::new();
    for m in dict.gazetteer.find(text, normalized) {
        let entry = &dict.gazetteer.entries()[m.entry];
        let Some((best, count)) = entry.labels.first() else { continue };
        let share = *count as f32 / entry.total().max(1) as f32;
        let rates = dict.precision.get(m.entry).copied().unwrap_or([1.0; 2]);
        let precision = if glued(text, m.range.start) {
            rates[1]
        } else {
            dict.by_spelling.get(&(m.entry, text[m.range.clone()].to_string())).copied().unwrap_or(rates[0])
        };
        let others = entry.labels[1..].iter().map(|(name, _)| name.clone()).collect();
        out.push((m.range, best.clone(), (share * precision).clamp(0.0, 1.0), others));
    }
    out
}

/// The suggestions for one text: every match whose confidence reaches `min` (per mille),
/// with label ids of `labels`; label names that `labels` lacks are returned, not suggested.
pub fn proposals(
    dict: &Dictionary,
    text: &str,
    normalized: &NormalizedText,
    labels: &LabelSet,
    (source, min): (SuggestionSource, u16),
) -> (Vec<Suggestion>, BTreeSet<String>) {
    let mut unknown = BTreeSet::new();
    let mut out = Vec::new();
    for (range, best, conf, others) in matches(dict, text, normalized) {
        let confidence = (conf * 1000.0).round().clamp(0.0, 1000.0) as u16;
        if confidence < min {
            continue;
        }
        let Some(label) = labels.by_name(&best) else {
            unknown.insert(best);
            continue;
        };
        let mut s = Suggestion::new(range, label.id, source, confidence);
        s.alternatives = others.iter().filter_map(|name| labels.by_name(name)).map(|l| l.id).collect();
        out.push(s);
    }
    (out, unknown)
}

/// What filling the suggestions layers did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuggestSummary {
    /// Documents whose layer changed (and were saved).
    pub documents: usize,
    /// Suggestions from this source in those documents afterwards.
    pub suggestions: usize,
    /// Documents left alone because they are marked done.
    pub done: usize,
    /// Label names of the names that the corpus's labels lack (not suggested).
    pub unknown_labels: BTreeSet<String>,
    /// Documents that could not be changed, with why.
    pub failed: Vec<(PathBuf, String)>,
    /// Documents saved with edits from their journal (unsaved after a crash), one line each.
    pub journal: Vec<String>,
}

/// Which part of the layer a fill replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// One source's suggestions.
    Source(SuggestionSource),
    /// The combined layer ([`SuggestionSource::COMBINED`]).
    Combined,
}

impl Fill {
    /// True when suggestions of `source` belong to this part.
    pub fn covers(self, source: SuggestionSource) -> bool {
        match self {
            Self::Source(s) => s == source,
            Self::Combined => SuggestionSource::COMBINED.contains(&source),
        }
    }
}

/// What a source proposes for one text, with label ids of the given label set: the
/// suggestions and the label names the set lacks.
pub type Propose<'a> = dyn Fn(&str, &LabelSet) -> (Vec<Suggestion>, BTreeSet<String>) + 'a;

/// Fills the layer of every document of `docs` not marked done with `dict`'s suggestions from
/// `source` (replacing that source's earlier ones), saving each changed document.
pub fn suggest_documents(
    docs: &[DocEntry],
    dict: &Dictionary,
    (source, min): (SuggestionSource, u16),
    corpus: (&LabelSet, &str),
    progress: impl FnMut(usize, usize),
) -> SuggestSummary {
    let propose = |text: &str, labels: &LabelSet| {
        proposals(dict, text, &NormalizedText::new(text), labels, (source, min))
    };
    fill_documents(docs, Fill::Source(source), &propose, corpus, progress)
}

/// Fills `source`'s part of the layer of every document of `docs` not marked done with what
/// `propose` finds in its text (the document's labels following `corpus`'s first), through
/// one `Suggest` command per document, saving each one that changed.
pub fn fill_documents(
    docs: &[DocEntry],
    source: Fill,
    propose: &Propose<'_>,
    corpus: (&LabelSet, &str),
    progress: impl FnMut(usize, usize),
) -> SuggestSummary {
    fill_each(docs, source, &|_, text, labels| Ok(propose(text, labels)), corpus, progress)
}

/// What a source proposes for one document (its entry, text and label set), or why it
/// cannot (the document is then reported as failed and left untouched).
pub type ProposeFor<'a> =
    dyn Fn(&DocEntry, &str, &LabelSet) -> Result<(Vec<Suggestion>, BTreeSet<String>), String> + 'a;

/// [`fill_documents`] with proposals made per document (answers a model gave for it by name).
pub fn fill_each(
    docs: &[DocEntry],
    source: Fill,
    propose: &ProposeFor<'_>,
    (corpus, annotator): (&LabelSet, &str),
    mut progress: impl FnMut(usize, usize),
) -> SuggestSummary {
    let mut summary = SuggestSummary::default();
    for (i, entry) in docs.iter().enumerate() {
        progress(i + 1, docs.len());
        if let Err(why) = fill_one(entry, source, propose, (corpus, annotator), &mut summary) {
            summary.failed.push((entry.rel.clone(), why));
        }
    }
    summary
}

/// The document's labels following the corpus's, and whether they differ from its own. A
/// document with no annotation file yet has the default labels, which are no one's choice: it
/// takes the corpus's as they are (as the window does).
fn following(article: &Article, corpus: &LabelSet) -> (LabelSet, bool) {
    let fresh = !corpus.is_empty()
        && !crate::formats::store::annotation_path(&article.path).exists()
        && article.ann().entities().is_empty();
    let own = if fresh { LabelSet::empty() } else { article.ann().labels().clone() };
    let reconciled = reconcile(corpus, &own);
    match reconciled.changes.is_empty() {
        true => (article.ann().labels().clone(), false),
        false => (reconciled.document, true),
    }
}

fn fill_one(
    entry: &DocEntry,
    source: Fill,
    propose: &ProposeFor<'_>,
    (corpus, annotator): (&LabelSet, &str),
    summary: &mut SuggestSummary,
) -> Result<(), String> {
    let (mut article, _) = Article::open(&entry.path).map_err(|e| e.to_string())?;
    if article.status() == DocStatus::Done {
        summary.done += 1;
        return Ok(());
    }
    if article.store_is_broken() {
        return Err("its annotation file cannot be read; left untouched".into());
    }
    article.check_journal_folded().map_err(|e| e.to_string())?;
    let (labels, relabel) = following(&article, corpus);
    let (found, unknown) = propose(entry, article.doc.text(), &labels)?;
    summary.unknown_labels.extend(unknown);
    // Nothing to put in and nothing to take out: the document is not touched (no annotation
    // file is made, no journal written).
    if found.is_empty() && !article.ann().suggestions().iter().any(|s| source.covers(s.source)) {
        return Ok(());
    }
    if relabel {
        article.apply(EditCommand::SetLabels(labels)).map_err(|e| e.to_string())?;
    }
    let command = match source {
        Fill::Source(s) => EditCommand::Suggest(s, found),
        Fill::Combined => EditCommand::SuggestLayer(found),
    };
    let out = article.apply(command).map_err(|e| e.to_string())?;
    if out.changed || relabel {
        if out.changed {
            summary.documents += 1;
            summary.suggestions +=
                article.ann().suggestions().iter().filter(|s| source.covers(s.source)).count();
        }
        article.set_annotator(annotator);
        article.save(false).map_err(|e| e.to_string())?;
        if let Some(m) = article.journal_folded_message() {
            summary.journal.push(format!("{}: {m}", article.path.display()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
