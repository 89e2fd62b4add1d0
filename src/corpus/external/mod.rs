//! Suggestions from the user's own model, the offline equivalent of Label Studio's ML backend:
//! a command given the documents as JSON lines answers with span lines ([`ask_command`]), or a
//! file of span lines made earlier is read ([`answers_from_text`]). Every answer is checked
//! ([`crate::formats::spans`]) before any document is written: one bad answer (bad JSON, an
//! offset out of range or inside a character, an unknown label, a document not sent, answered
//! twice or not at all) or a failing or hanging command stops everything and changes nothing.
//! Then [`fill`] puts the spans into the documents' layers through the editor core (source
//! [`SuggestionSource::External`], the command or file named in each suggestion's note), as
//! the other sources do: spans equal to or overlapping an entity, or rejected before, are left
//! out.

pub mod run;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use thiserror::Error;

pub use run::{RunError, run_batch};

use super::suggest::{Fill, SuggestSummary, fill_each};
use super::walk::DocEntry;
use crate::editor::{Article, JournalRead};
use crate::formats::FormatError;
use crate::formats::spans::{self, Span, SpanLine};
use crate::formats::store::{DocStatus, sha256_hex};
use crate::model::{LabelSet, Suggestion, SuggestionSource};

/// How the model's command is run.
#[derive(Debug, Clone)]
pub struct CommandOptions {
    /// The command line, run by `sh -c`.
    pub command: String,
    /// Documents per run.
    pub batch: usize,
    /// Time limit of one run.
    pub timeout: Duration,
}

/// Checked answers, ready to fill the documents' layers.
#[derive(Debug, Default)]
pub struct Answers {
    /// Per article path: the fingerprint of the text the spans were checked against, and the
    /// spans.
    docs: HashMap<PathBuf, (String, Vec<Span>)>,
    /// Documents marked done: not sent (or, in a file, not read).
    pub done: usize,
    /// Documents that could not be read, with why: not sent.
    pub failed: Vec<(PathBuf, String)>,
    /// Lines of a file for documents outside the target (left alone).
    pub skipped: usize,
    /// Batches run.
    pub batches: usize,
}

impl Answers {
    /// Documents answered.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    /// Spans in all answers.
    pub fn spans(&self) -> usize {
        self.docs.values().map(|(_, s)| s.len()).sum()
    }
}

/// A run of the command that failed, and on which documents.
#[derive(Debug, Error)]
#[error("`{command}`, batch {batch} ({first}{more}): {source}")]
pub struct BatchFailed {
    /// The command (shortened).
    pub command: String,
    /// The batch's number, from 1.
    pub batch: usize,
    /// The batch's first document.
    pub first: String,
    /// `` and N more documents`` or nothing.
    pub more: String,
    /// Why.
    #[source]
    pub source: RunError,
}

/// What stops asking: nothing has been written.
#[derive(Debug, Error)]
pub enum ExternalError {
    /// A run of the command failed.
    #[error(transparent)]
    Run(Box<BatchFailed>),
    /// An answer is wrong (located: `path:line:column`, document, span).
    #[error(transparent)]
    Answer(#[from] FormatError),
}

/// A document read to be sent.
struct Pending {
    entry: DocEntry,
    text: String,
}

/// Reads a document to send: `None` if it is marked done, an error if it cannot be written.
fn read_pending(entry: &DocEntry) -> Result<Option<Pending>, String> {
    let reading = Article::open_to_read(&entry.path).map_err(|e| e.to_string())?;
    if let Some(e) = reading.store_error {
        return Err(format!("its annotation file cannot be read ({e}); left untouched"));
    }
    if reading.journal == JournalRead::InUse {
        return Err("a running Hashiya has it open; left untouched".into());
    }
    if reading.article.status() == DocStatus::Done {
        return Ok(None);
    }
    Ok(Some(Pending { entry: entry.clone(), text: reading.article.doc.text().to_string() }))
}

/// At most 60 characters of a command line, for messages.
pub fn short(command: &str) -> String {
    let one_line = command.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// Sends every document of `docs` not marked done to the command, `opts.batch` at a time, and
/// checks every answer; `progress(documents sent, all documents)` after each batch.
pub fn ask_command(
    docs: &[DocEntry],
    labels: &[String],
    opts: &CommandOptions,
    mut progress: impl FnMut(usize, usize),
) -> Result<Answers, ExternalError> {
    let mut answers = Answers::default();
    let mut batch = Vec::with_capacity(opts.batch.min(docs.len()));
    for (i, entry) in docs.iter().enumerate() {
        match read_pending(entry) {
            Ok(Some(p)) => batch.push(p),
            Ok(None) => answers.done += 1,
            Err(why) => answers.failed.push((entry.rel.clone(), why)),
        }
        if batch.len() >= opts.batch.max(1) || (i + 1 == docs.len() && !batch.is_empty()) {
            answers.batches += 1;
            answer_batch(answers.batches, &batch, labels, opts, &mut answers)?;
            batch.clear();
            progress(i + 1, docs.len());
        }
    }
    Ok(answers)
}

/// Asks the command about one document given with its text (the window's open document): the
/// same request line, run and checks as [`ask_command`]; returns its checked spans.
pub fn ask_one(
    entry: &DocEntry,
    text: &str,
    labels: &[String],
    opts: &CommandOptions,
) -> Result<Vec<Span>, ExternalError> {
    let pending = [Pending { entry: entry.clone(), text: text.to_string() }];
    let mut answers = Answers::default();
    answer_batch(1, &pending, labels, opts, &mut answers)?;
    Ok(answers.docs.remove(&entry.path).map(|(_, spans)| spans).unwrap_or_default())
}

/// `spans` as suggestions with the label ids of `labels` (source `External`, `note` on each,
/// those under `min` per mille left out); label names `labels` lacks are returned instead.
pub fn suggestions_of(
    spans: &[Span],
    labels: &LabelSet,
    (note, min): (&str, u16),
) -> (Vec<Suggestion>, BTreeSet<String>) {
    let mut unknown = BTreeSet::new();
    let mut out = Vec::with_capacity(spans.len());
    for s in spans.iter().filter(|s| s.confidence >= min) {
        let Some(label) = labels.by_name(&s.label) else {
            unknown.insert(s.label.clone());
            continue;
        };
        let mut suggestion =
            Suggestion::new(s.bytes.clone(), label.id, SuggestionSource::External, s.confidence);
        suggestion.note = note.to_string();
        out.push(suggestion);
    }
    (out, unknown)
}

/// Runs the command on one batch and checks its answer: one line per document sent.
fn answer_batch(
    n: usize,
    batch: &[Pending],
    labels: &[String],
    opts: &CommandOptions,
    answers: &mut Answers,
) -> Result<(), ExternalError> {
    let input: String = batch.iter().map(|p| spans::request_line(&p.entry.name(), &p.text, labels)).collect();
    let output = run_batch(&opts.command, input, opts.timeout).map_err(|source| {
        ExternalError::Run(Box::new(BatchFailed {
            command: short(&opts.command),
            batch: n,
            first: batch.first().map(|p| p.entry.name()).unwrap_or_default(),
            more: match batch.len() {
                0 | 1 => String::new(),
                n => format!(" and {} more documents", n - 1),
            },
            source,
        }))
    })?;
    let origin = PathBuf::from(format!("`{}` batch {n} output", short(&opts.command)));
    let by_name: HashMap<String, &Pending> = batch.iter().map(|p| (p.entry.name(), p)).collect();
    for line in spans::parse(&origin, &output)? {
        let Some(p) = by_name.get(&line.name) else {
            let msg = format!("document {:?} was not sent in this batch", line.name);
            return Err(FormatError::at(line.at, msg).into());
        };
        check_into(&line, p, labels, answers)?;
    }
    if let Some(missing) = batch.iter().find(|p| !answers.docs.contains_key(&p.entry.path)) {
        let msg = format!(
            "document {:?} was sent but not answered (every document sent needs a line, with \"spans\": [] if none)",
            missing.entry.name()
        );
        return Err(FormatError::file(&origin, msg).into());
    }
    Ok(())
}

fn check_into(
    line: &SpanLine,
    p: &Pending,
    labels: &[String],
    answers: &mut Answers,
) -> Result<(), FormatError> {
    let spans = line.check_spans(&p.text, labels)?;
    answers.docs.insert(p.entry.path.clone(), (sha256_hex(&p.text), spans));
    Ok(())
}

/// Reads span lines from `text` (`path` names it; `-` for stdin) for the documents of
/// `targets`; `all` are every document the names may refer to (the corpus's), whose other
/// documents are skipped. A name of no document of `all` is an error, as is any bad span.
pub fn answers_from_text(
    path: &Path,
    text: &str,
    (all, targets): (&[DocEntry], &[DocEntry]),
    labels: &[String],
) -> Result<Answers, ExternalError> {
    let mut answers = Answers::default();
    for line in spans::parse(path, text)? {
        let Some(entry) = all.iter().find(|d| d.name() == line.name) else {
            let msg = format!(
                "document {:?} is not an article of the corpus (names are paths from its root, as hashiya export DIR --format jsonl writes them)",
                line.name
            );
            return Err(FormatError::at(line.at, msg).into());
        };
        if !targets.contains(entry) {
            answers.skipped += 1;
            continue;
        }
        match read_pending(entry) {
            Ok(Some(p)) => check_into(&line, &p, labels, &mut answers)?,
            Ok(None) => answers.done += 1,
            Err(why) => answers.failed.push((entry.rel.clone(), why)),
        }
    }
    Ok(answers)
}

/// Puts the answers into the layers of the answered documents of `docs` (source `External`,
/// `note` on each suggestion, those under `min` per mille left out), saving each changed one.
pub fn fill(
    docs: &[DocEntry],
    answers: &Answers,
    (note, min): (&str, u16),
    corpus: (&LabelSet, &str),
    progress: impl FnMut(usize, usize),
) -> SuggestSummary {
    let answered: Vec<DocEntry> =
        docs.iter().filter(|d| answers.docs.contains_key(&d.path)).cloned().collect();
    let propose = |entry: &DocEntry, text: &str, labels: &LabelSet| {
        let Some((sha, spans)) = answers.docs.get(&entry.path) else {
            return Ok((Vec::new(), BTreeSet::new()));
        };
        if sha256_hex(text) != *sha {
            return Err("the article changed while its answer was being read; run again".to_string());
        }
        Ok(suggestions_of(spans, labels, (note, min)))
    };
    fill_each(&answered, Fill::Source(SuggestionSource::External), &propose, corpus, progress)
}

/// Where an answer came from, for messages about a whole stream.
pub fn stdin_path() -> PathBuf {
    PathBuf::from("<stdin>")
}
