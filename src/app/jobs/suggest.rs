//! Pre-annotation of the open document from the window, on a thread so that reading a large
//! gazetteer or the whole corpus never blocks a frame: the job computes the suggestions for
//! the document's text and labels; when it ends, they go into the layer through
//! `EditCommand::Suggest` (one undo step) if the same document is still open.

use std::path::{Path, PathBuf};

use super::Job;
use crate::app::i18n::{Arg, Lang, language, tr_in};
use crate::corpus::DocEntry;
use crate::corpus::external::{self, CommandOptions};
use crate::corpus::suggest::{DEFAULT_MIN_CONFIDENCE, Dictionary, corpus_dictionary, proposals};
use crate::editor::{Article, Notice};
use crate::formats::gazetteer::read_gazetteer;
use crate::model::{LabelSet, Suggestion, SuggestionSource};
use crate::search::NormalizedText;

/// What a finished job hands back.
pub struct Proposed {
    /// The document the suggestions are for.
    pub article: PathBuf,
    /// Where they come from.
    pub source: SuggestionSource,
    /// The suggestions.
    pub suggestions: Vec<Suggestion>,
    /// Warnings to show (malformed gazetteer lines, labels the document lacks).
    pub warnings: Vec<String>,
}

/// A running pre-annotation job.
pub type SuggestJob = Job<Result<Proposed, Notice>>;

/// Where the names come from, and how they are read into a dictionary on the job's thread.
pub enum Names {
    /// A gazetteer file.
    Gazetteer(PathBuf),
    /// The forms tagged in the corpus's annotated documents.
    Corpus(Vec<DocEntry>),
}

impl Names {
    /// The dictionary, its source and warnings (malformed gazetteer lines); messages in `lang`.
    fn read(self, lang: Lang) -> Result<(Dictionary, SuggestionSource, Vec<String>), Notice> {
        match self {
            Names::Gazetteer(path) => {
                let (gazetteer, warnings) =
                    read_gazetteer(&path).map_err(|e| Notice::error(e.to_string()))?;
                Ok((Dictionary::from_gazetteer(gazetteer), SuggestionSource::Gazetteer, warnings))
            }
            Names::Corpus(docs) => {
                let dict = corpus_dictionary(&docs, |_, _| {}).map_err(|e| Notice::error(e.to_string()))?;
                if dict.gazetteer.is_empty() {
                    return Err(Notice::info(tr_in(lang, "suggest-no-entities", &[])));
                }
                Ok((dict, SuggestionSource::Corpus, Vec::new()))
            }
        }
    }
}

/// Reads `names` and matches them in `article`'s text on a thread.
pub fn spawn(names: Names, article: &Article) -> std::io::Result<SuggestJob> {
    let (path, text, labels) =
        (article.path.clone(), article.doc.text().to_string(), article.ann().labels().clone());
    let lang = language();
    Job::spawn("hashiya-suggest", move || {
        let read = names.read(lang);
        read.map(|(dict, source, warnings)| propose(&dict, source, warnings, path, &text, &labels, lang))
    })
}

/// Time limit of one run of the user's model from the window (as `hashiya suggest --command`).
const MODEL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);

/// Sends `article` (its name relative to `root`, the open corpus's folder, else its file name)
/// to the user's model `command` on a thread; its checked answer becomes `External`
/// suggestions. A failing, hanging or wrong answer is an error notice and changes nothing.
pub fn spawn_model(command: String, root: Option<&Path>, article: &Article) -> std::io::Result<SuggestJob> {
    let rel = root
        .and_then(|r| article.path.strip_prefix(r).ok())
        .or_else(|| article.path.file_name().map(Path::new))
        .unwrap_or(&article.path)
        .to_path_buf();
    let entry = DocEntry { path: article.path.clone(), rel };
    let (text, labels) = (article.doc.text().to_string(), article.ann().labels().clone());
    let lang = language();
    Job::spawn("hashiya-model", move || {
        // This thread's messages in the window's language.
        crate::app::i18n::set_language(lang);
        let names: Vec<String> = labels.iter().map(|l| l.name.clone()).collect();
        let opts = CommandOptions { command: command.clone(), batch: 1, timeout: MODEL_TIMEOUT };
        let spans = external::ask_one(&entry, &text, &names, &opts)
            .map_err(|e| Notice::error(crate::t!("model-failed", detail = e.to_string())))?;
        let (suggestions, _) = external::suggestions_of(&spans, &labels, (&external::short(&command), 0));
        Ok(Proposed {
            article: entry.path,
            source: SuggestionSource::External,
            suggestions,
            warnings: Vec::new(),
        })
    })
}

fn propose(
    dict: &Dictionary,
    source: SuggestionSource,
    mut warnings: Vec<String>,
    article: PathBuf,
    text: &str,
    labels: &LabelSet,
    lang: Lang,
) -> Proposed {
    let normalized = NormalizedText::new(text);
    let (suggestions, unknown) = proposals(dict, text, &normalized, labels, (source, DEFAULT_MIN_CONFIDENCE));
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(String::as_str).collect();
        warnings.push(tr_in(lang, "suggest-unknown-labels", &[("labels", Arg::from(names.join(", ")))]));
    }
    Proposed { article, source, suggestions, warnings }
}
