//! Applying commands, once per frame: article changes go to the editor core, file and dialog
//! commands to `files.rs` and `dialogs.rs`, view and settings commands here. Every error is
//! turned into the status bar's notice here, once (`From<EditorError> for Notice`).

use crate::editor::{EditCommand, EditorError, Notice};
use crate::formats::FormatError;

use super::command::Command;
use super::settings::DEFAULT_FONT_PT;
use super::state::{Compare, corpus_figures};
use super::target::{OpenTarget, open_target};
use super::window::{HashiyaApp, Offer};
use crate::t;

impl From<EditorError> for Notice {
    fn from(err: EditorError) -> Self {
        let text = editor_error_text(&err);
        if err.is_hint() { Notice::info(text) } else { Notice::error(text) }
    }
}

/// An editor error in the window's language: the sentence is translated, the lower layer's
/// detail (a file's path:line:column, a format's message) is kept as it is.
fn editor_error_text(err: &EditorError) -> String {
    match err {
        EditorError::Open(e) => t!("error-open", detail = e.to_string()),
        EditorError::StoreBroken(path) => t!("error-store-broken", path = path.display()),
        EditorError::ChangedOnDisk(path, _) => t!("error-changed-on-disk", path = path.display()),
        EditorError::Save(e) => t!("error-not-saved", detail = e.to_string()),
        EditorError::SaveJournaled(e) => t!("error-not-saved-journaled", detail = e.to_string()),
        EditorError::Edit(e) => t!("error-edit-refused", detail = e.to_string()),
        EditorError::NothingSelected => t!("hint-select-first"),
        EditorError::NotBatchable(what) => t!("error-not-batchable", what = what),
        EditorError::NotOpen(_) => t!("error-not-open"),
        EditorError::ReadOnly(path) => t!("error-read-only", path = path.display()),
        EditorError::JournalNotFolded(path, why) => {
            t!("error-journal-not-folded", path = path.display(), why = why)
        }
    }
}

impl From<FormatError> for Notice {
    fn from(err: FormatError) -> Self {
        Notice::error(err.to_string())
    }
}

impl HashiyaApp {
    /// Applies one command; a failure becomes the status bar's notice.
    pub(super) fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        let result = match cmd {
            Command::Edit(edit) => self.edit(edit),
            Command::Dialog(purpose) => {
                let start = self.dialog_start(purpose);
                let notice = self.dialogs.request(ctx, purpose, start, self.settings.builtin_dialogs);
                self.notice = notice.or(self.notice.take());
                Ok(())
            }
            Command::DialogDone(purpose, path) => self.dialog_done(purpose, path),
            Command::Save => self.save(false),
            Command::OverwriteBrokenStore => self.save(true),
            Command::Quit => {
                self.request_quit(ctx);
                Ok(())
            }
            Command::Reveal(id) => {
                let start = self.workspace.active().and_then(|a| a.ann().entities().get(id)).map(|e| e.start);
                if let Some(start) = start {
                    self.view.reveal(id, start, ctx.input(|i| i.time));
                }
                Ok(())
            }
            other => self.apply_view(ctx, other),
        };
        if let Err(notice) = result {
            self.notice = Some(notice);
        }
    }

    /// Sends an edit to the active article through the editor core; after a tag that made a
    /// new entity, offers to tag the name's other occurrences too.
    pub(super) fn edit(&mut self, cmd: EditCommand) -> Result<(), Notice> {
        let Some(id) = self.workspace.active_id() else { return Ok(()) };
        let changes = !matches!(
            cmd,
            EditCommand::Select { .. }
                | EditCommand::SelectEntity(_)
                | EditCommand::ClearSelection
                | EditCommand::SelectSuggestion(_)
                | EditCommand::StepSuggestion(_)
        );
        let walks =
            matches!(cmd, EditCommand::StepSuggestion(_) | EditCommand::Accept(..) | EditCommand::Reject(_));
        let labels_before = match (&cmd, &self.corpus, self.workspace.active()) {
            (EditCommand::SetLabels(_), Some(_), Some(a)) => Some(a.ann().labels().clone()),
            _ => None,
        };
        let offers = matches!(cmd, EditCommand::Tag(_) | EditCommand::TagRange(..));
        let outcome = self.workspace.apply(id, cmd)?;
        if let Some(before) = labels_before {
            self.carry_labels(before);
        }
        if changes {
            self.offer = None;
        }
        if let Some(notice) = outcome.notice {
            self.notice = Some(notice);
        }
        if let (true, &[created]) = (offers, &outcome.created[..]) {
            self.offer_more(created);
        }
        if let Some(key) = self.workspace.active().and_then(|a| a.suggestion).filter(|_| walks) {
            self.view.scroll_to(key.start);
        }
        Ok(())
    }

    /// "12 more «إيران» here — press T to tag them all": the name's untagged occurrences.
    fn offer_more(&mut self, created: crate::model::EntityId) {
        let key = self.view_key();
        let Some(article) = self.workspace.active() else { return };
        let Some(e) = article.ann().entities().get(created).copied() else { return };
        let surface = article.doc.slice(e.range()).unwrap_or("").to_string();
        let ranges = self.find.untagged_occurrences(key, article, &surface);
        let corpus = self.corpus.as_ref().map(|c| &c.corpus);
        if ranges.is_empty() && corpus.is_none() {
            return;
        }
        let name = article.ann().labels().get(e.label).map_or("?", |l| l.name.as_str());
        let text = if ranges.is_empty() {
            t!("offer-tagged", surface = &surface)
        } else {
            t!("offer-more", n = ranges.len(), surface = &surface, label = name)
        };
        self.notice = Some(Notice::info(text.clone()));
        // How often the name occurs in the other documents, counted in the background.
        let query = crate::search::Query::new(&surface, crate::search::Options::default()).ok();
        let search = corpus.zip(query).map(|(c, q)| crate::corpus::CorpusSearch::spawn(c.docs().to_vec(), q));
        self.offer = Some(Offer { label: e.label, ranges, text, corpus: search });
    }

    /// Documents of the corpus, the find bar, zoom, theme and other settings.
    fn apply_view(&mut self, ctx: &egui::Context, cmd: Command) -> Result<(), Notice> {
        match cmd {
            Command::Open(path) => match open_target(&path) {
                OpenTarget::Folder(dir) => self.open_folder(&dir),
                OpenTarget::Article(path) => self.request_open(path),
                OpenTarget::MissingArticle { annotations, article } => {
                    Err(Notice::error(OpenTarget::missing_text(&annotations, &article)))
                }
            },
            Command::OpenFolder(dir) => self.open_folder(&dir),
            Command::OpenDoc(i) => self.open_doc(i),
            Command::StepDoc(forward) => self.step_doc(forward),
            Command::DoneAndNext => self.done_and_next(),
            Command::SetStatus(status) => self.set_status(status),
            Command::SetDocOrder(order) => self.set_doc_order(order),
            Command::ToggleAbout => {
                self.about_open = !self.about_open;
                Ok(())
            }
            Command::ToggleOverview => {
                if let Some(state) = self.corpus.as_mut() {
                    state.overview_open = !state.overview_open;
                }
                Ok(())
            }
            Command::FindOpen(corpus) => {
                self.find.open(corpus && self.corpus.is_some());
                Ok(())
            }
            Command::FindClose => {
                self.find.close();
                Ok(())
            }
            Command::FindStep(forward) => {
                let from = self.workspace.active().and_then(|a| a.selection.map(|s| s.caret));
                if let Some(start) = self.find.step(forward, from) {
                    self.view.scroll_to(start);
                }
                Ok(())
            }
            Command::TagAllInCorpus(label) => self.tag_all_in_corpus(label),
            Command::CompareWith(source) => self.compare_with(source),
            Command::CompareClose => {
                self.compare = None;
                Ok(())
            }
            Command::KeepMine(diffs) => {
                if let Some(c) = self.compare.as_mut() {
                    c.keep_mine(diffs);
                }
                Ok(())
            }
            Command::ScrollTo(start) => {
                self.view.scroll_to(start);
                Ok(())
            }
            Command::Learn(edit) => self.learn_edit(edit),
            Command::SuggestFromCorpus => {
                self.suggest_from_corpus();
                Ok(())
            }
            Command::OpenModelDialog => {
                self.model_dialog.open(&self.settings.model_command);
                Ok(())
            }
            Command::SuggestFromModel(command) => {
                self.settings.model_command = command.clone();
                self.suggest_from_model(command);
                Ok(())
            }
            Command::TagOffered => match self.offer.take() {
                Some(offer) => self.edit(EditCommand::TagAll(offer.ranges, offer.label)),
                None => Ok(()),
            },
            other => {
                self.apply_setting(ctx, other);
                Ok(())
            }
        }
    }

    /// Zoom, theme and autosave: settings only.
    fn apply_setting(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::ZoomIn => self.settings.zoom(1),
            Command::ZoomOut => self.settings.zoom(-1),
            Command::ZoomReset => self.settings.font_pt = DEFAULT_FONT_PT,
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                ctx.set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
            Command::ToggleAutosave => self.settings.autosave = !self.settings.autosave,
            Command::SetReadingFont(font) => self.settings.reading_font = font,
            Command::SetLineHeight(h) => self.settings.line_height = h.clamp(1.2, 3.0),
            Command::ToggleTashkeel => self.settings.tashkeel = !self.settings.tashkeel,
            Command::SetLanguage(lang) => {
                self.settings.language = lang;
                crate::app::i18n::set_language(self.settings.language());
            }
            Command::ToggleExportSuggestions => {
                self.settings.export_suggestions = !self.settings.export_suggestions;
            }
            Command::ToggleBuiltinDialogs => self.settings.builtin_dialogs = !self.settings.builtin_dialogs,
            Command::SetLearnThreshold(t) => {
                self.settings.learn_threshold = t.clamp(0.0, 1.0);
                self.learner.pending = true;
            }
            Command::SetAnnotator(name) => {
                self.settings.annotator = name;
                self.apply_annotator();
            }
            _ => {}
        }
    }

    /// Starts comparing the open document with `source` (a file or a folder).
    pub(super) fn compare_with(&mut self, source: std::path::PathBuf) -> Result<(), Notice> {
        let key = self.view_key();
        let Some(article) = self.workspace.active() else {
            return Err(Notice::info(t!("compare-open-first")));
        };
        let mut compare = Compare::new(source.clone());
        let corpus = self.corpus.as_ref().map(|c| &c.corpus);
        compare.update(key, article, corpus);
        if let (true, Some(c)) = (source.is_dir(), corpus) {
            compare.corpus = corpus_figures(c.root().to_path_buf(), source);
        }
        let result = match compare.problem() {
            Some(why) => Err(Notice::warn(why.to_string())),
            None => Ok(()),
        };
        self.compare = Some(compare);
        result
    }
}
