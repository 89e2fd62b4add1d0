//! The application state ([`HashiyaApp`]) and one frame of the window: shortcuts and panels
//! emit [`Command`]s, which are applied once per frame (`apply.rs`), then background work,
//! autosave, the disk check and the window title are looked after.

use std::path::PathBuf;
use std::time::Instant;

use crate::editor::{Article, ArticleId, Notice, Workspace};

use super::command::Command;
use super::dialogs::{Dialogs, LabelEditor, ModelDialog, about_ui};
use super::i18n;
use super::jobs::learn::Learner;
use super::jobs::suggest::SuggestJob;
use super::jobs::{CorpusJobDone, Job};
use super::panels::{self, EntityPanel, FindBar};
use super::sample::sample_path;
use super::settings::Settings;
use super::shortcuts;
use super::state::{Compare, CorpusState};
use super::target::{OpenTarget, open_target};
use super::view::ArticleView;
use super::widgets::{column_ui, install_ui_fonts, is_rtl};
use crate::t;

/// After tagging a name: its other untagged occurrences, tagged by `T` (one undo step), and
/// the count in the rest of the corpus when one is open.
pub(super) struct Offer {
    pub(super) label: crate::model::LabelId,
    pub(super) ranges: Vec<std::ops::Range<usize>>,
    /// The notice as first shown.
    pub(super) text: String,
    /// Counting the name in the corpus (until it finishes).
    pub(super) corpus: Option<crate::corpus::CorpusSearch>,
}

/// Something waiting for the user's answer about unsaved changes.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pending {
    Quit,
    Open(PathBuf),
}

/// The application state.
pub struct HashiyaApp {
    pub(super) workspace: Workspace,
    pub(super) view: ArticleView,
    pub(super) panel: EntityPanel,
    pub(super) labels: LabelEditor,
    pub(super) dialogs: Dialogs,
    pub(super) find: FindBar,
    pub(super) offer: Option<Offer>,
    pub(super) corpus: Option<CorpusState>,
    /// File > Compare with…: another annotator's version of the open document.
    pub(super) compare: Option<Compare>,
    pub(super) corpus_seen: u64,
    /// Work on many documents of the corpus running on a thread (its notice when done).
    pub(super) corpus_job: Option<Job<CorpusJobDone>>,
    /// Per document changed by a corpus-wide tag-all: its transaction, adopted as an undo step
    /// when the document is opened.
    pub(super) corpus_undo: std::collections::HashMap<PathBuf, crate::model::Transaction>,
    /// Pre-annotation of the open document running on a thread.
    pub(super) suggest_job: Option<SuggestJob>,
    /// Background retraining of the learned suggestions.
    pub(super) learner: Learner,
    pub(super) settings: Settings,
    pub(super) notice: Option<Notice>,
    /// Error shown in the central area when no article could be opened.
    pub(super) open_error: Option<String>,
    pub(super) cmds: Vec<Command>,
    pub(super) seen_revision: u64,
    pub(super) changed_at: Option<Instant>,
    /// When the active article's annotation file was last looked at on disk.
    pub(super) disk_checked: Option<Instant>,
    pub(super) pending: Option<Pending>,
    pub(super) allow_close: bool,
    pub(super) title: String,
    /// The document shown last frame (view key, path): its reading position is kept when
    /// another is shown.
    pub(super) reading: Option<(u64, PathBuf)>,
    /// Help > About is shown.
    pub(super) about_open: bool,
    /// Suggest > Your own model…
    pub(super) model_dialog: ModelDialog,
}

impl HashiyaApp {
    /// Creates the app with `settings`, opening `file` (a folder opens as a corpus; none: the
    /// bundled sample).
    pub fn new(ctx: &egui::Context, settings: Settings, file: Option<PathBuf>) -> Self {
        let mut app = Self::with_workspace(ctx, settings, Workspace::new(), Vec::new());
        match file.map_or_else(sample_path, Ok).map(|p| open_target(&p)) {
            Ok(OpenTarget::Folder(dir)) => {
                if let Err(notice) = app.open_folder(&dir) {
                    app.show_open_error(notice.text);
                }
            }
            Ok(OpenTarget::Article(path)) => app.open(&path),
            Ok(OpenTarget::MissingArticle { annotations, article }) => {
                app.show_open_error(OpenTarget::missing_text(&annotations, &article));
            }
            Err(e) => app.open_error = Some(t!("sample-could-not-write", detail = e.to_string())),
        }
        app
    }

    /// Shows why nothing could be opened, where the article would be and in the status bar.
    pub fn show_open_error(&mut self, text: String) {
        self.notice = Some(Notice::error(text.clone()));
        self.open_error = Some(text);
    }

    /// Creates the app around articles opened already (their notices shown in the status bar).
    pub fn with_workspace(
        ctx: &egui::Context,
        settings: Settings,
        workspace: Workspace,
        notices: Vec<Notice>,
    ) -> Self {
        install_ui_fonts(ctx);
        i18n::set_language(settings.language());
        ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
        let mut app = Self {
            seen_revision: workspace.active().map_or(0, |a| a.revision()),
            workspace,
            view: ArticleView::default(),
            panel: EntityPanel::default(),
            labels: LabelEditor::default(),
            dialogs: Dialogs::default(),
            find: FindBar::default(),
            offer: None,
            corpus: None,
            compare: None,
            corpus_seen: 0,
            corpus_job: None,
            corpus_undo: std::collections::HashMap::new(),
            suggest_job: None,
            learner: Learner::default(),
            settings,
            notice: notices.into_iter().last(),
            open_error: None,
            cmds: Vec::new(),
            changed_at: None,
            disk_checked: None,
            pending: None,
            allow_close: false,
            title: String::new(),
            reading: None,
            about_open: false,
            model_dialog: ModelDialog::default(),
        };
        if let Some(path) = app.workspace.active().map(|a| a.path.clone()) {
            app.settings.push_recent(path);
        }
        if !app.settings.annotator.trim().is_empty() {
            app.apply_annotator();
        }
        app
    }

    /// The active article, if any.
    pub fn article(&self) -> Option<&Article> {
        self.workspace.active()
    }

    /// The open articles.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The open corpus, if a folder was opened.
    pub fn corpus(&self) -> Option<&crate::corpus::Corpus> {
        self.corpus.as_ref().map(|c| &c.corpus)
    }

    /// The documents still to do, by path relative to the corpus root, in the order the
    /// documents panel and Ctrl+Enter offer them; and whether they are ranked (the order is
    /// most uncertain first, the scores are in and no ranking runs).
    pub fn to_do_in_order(&self) -> (Vec<PathBuf>, bool) {
        let Some(state) = self.corpus.as_ref() else { return (Vec::new(), false) };
        let order = state.order();
        let scores = state.ranker.scores();
        let listed = crate::learn::order::to_do(&state.summaries, order, scores);
        let ranked = order == crate::corpus::DocOrder::Uncertain
            && state.ranker.progress().is_none()
            && !state.ranker.wants_ranking()
            && !scores.is_empty();
        (listed.into_iter().map(|i| state.summaries[i].rel.clone()).collect(), ranked)
    }

    /// The last notice shown in the status bar.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Queues a command as if a widget had emitted it (used by tests and integrations).
    pub fn push_command(&mut self, cmd: Command) {
        self.cmds.push(cmd);
    }

    /// The article view (geometry of what was drawn, for tests and automation).
    pub fn view(&self) -> &ArticleView {
        &self.view
    }

    /// Current settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The active article's id as the views key their caches (changes when another opens).
    pub(super) fn view_key(&self) -> u64 {
        self.workspace.active_id().map_or(0, |ArticleId(id)| id)
    }

    /// One frame of UI for the whole window.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        i18n::set_language(self.settings.language());
        self.handle_dropped_files(&ctx);
        let typing = ctx.egui_wants_keyboard_input()
            || self.labels.is_open()
            || self.dialogs.is_open()
            || self.model_dialog.is_open();
        let offer = self.offer.is_some();
        let shortcuts = shortcuts::shortcut_commands(&ctx, self.workspace.active(), typing, offer);
        self.cmds.extend(shortcuts);
        self.track_reading();
        self.panels_ui(ui);
        self.cmds.extend(self.dialogs.dialogs_ui(&ctx, &self.settings));
        self.cmds.extend(about_ui(&ctx, self.about_open));
        self.cmds.extend(self.model_dialog.dialog_ui(&ctx, self.suggest_job.is_some()));
        for cmd in std::mem::take(&mut self.cmds) {
            self.apply(&ctx, cmd);
        }
        self.corpus_frame(&ctx);
        self.autosave(&ctx);
        self.watch_disk(&ctx);
        self.handle_close(&ctx);
        self.pending_ui(&ctx);
        self.update_title(&ctx);
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let mut cmds = Vec::new();
        let mut edit_labels = false;
        let key = self.view_key();
        let article = self.workspace.active();
        self.find.update(key, article);
        if self.find.update_corpus(self.corpus.as_ref().map(|c| &c.corpus)) {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
        }
        // The Arabic interface is mirrored: the documents start at the right, the entities at the
        // left (`side(true)` is the documents' side).
        let rtl = is_rtl();
        let side = |start: bool, id: &'static str| {
            if start != rtl { egui::Panel::left(id) } else { egui::Panel::right(id) }
        };
        egui::Panel::top("menu").show(ui, |ui| panels::menu_bar_ui(ui, article, &self.settings, &mut cmds));
        if let Some(article) = article {
            egui::Panel::top("labels")
                .show(ui, |ui| panels::label_bar_ui(ui, article, &mut edit_labels, &mut cmds));
        }
        if let Some(state) = self.corpus.as_mut() {
            side(true, "documents")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| column_ui(ui, |ui| panels::documents_panel_ui(ui, state, &mut cmds)));
        }
        if let Some(article) = article.filter(|_| self.find.is_open()) {
            let corpus = self.corpus.as_ref().map(|c| &c.corpus);
            egui::Panel::top("find")
                .show(ui, |ui| panels::find_panel_ui(ui, &mut self.find, article, corpus, &mut cmds));
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            let learner = self.learner.status();
            let progress = self.view.progress();
            panels::status_bar_ui(ui, article, progress, self.notice.as_ref(), learner)
        });
        if let Some(article) = article {
            side(false, "entities").resizable(true).default_size(320.0).show(ui, |ui| {
                column_ui(ui, |ui| {
                    panels::suggestions_panel_ui(ui, article, &mut cmds);
                    self.panel.entity_panel_ui(ui, article, key, &mut cmds);
                })
            });
        }
        let corpus = self.corpus.as_ref().map(|c| &c.corpus);
        self.view.theirs =
            panels::compare_panel_ui(ui, self.compare.as_mut(), key, (article, corpus), &mut cmds);
        egui::CentralPanel::default().show(ui, |ui| match article {
            Some(article) => {
                let marks = self.find.marks();
                let reading = (self.settings.font_pt, self.settings.text_style());
                self.view.article_view_ui(ui, article, key, reading, marks, &mut cmds)
            }
            None => panels::empty_ui(ui, self.open_error.as_deref()),
        });
        if let Some(article) = article {
            let corpus = self.corpus.as_ref().filter(|c| c.current.is_some()).map(|c| &c.corpus);
            if edit_labels {
                self.labels.open(article.ann().labels(), corpus.map(crate::corpus::Corpus::root));
            }
            let ann = article.ann();
            let in_use = |l: &crate::model::Label| ann.entities().iter().any(|e| e.label == l.id);
            self.labels.label_editor_ui(ui.ctx(), ann.labels(), (in_use, corpus), &mut cmds);
        }
        self.cmds.extend(cmds);
    }

    /// Each document opens at its own last reading position (or its top), never at another's:
    /// when the document shown changes, where the last one was read is kept in the settings.
    fn track_reading(&mut self) {
        let key = self.view_key();
        if self.reading.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        self.remember_reading();
        let path = self.workspace.active().map(|a| a.path.clone());
        self.view.open_at(path.as_deref().and_then(|p| self.settings.reading_position(p)));
        self.reading = path.map(|p| (key, p));
    }

    /// Keeps where the document shown is being read (for its next opening).
    fn remember_reading(&mut self) {
        if let (Some((_, path)), Some(at)) = (&self.reading, self.view.reading_position()) {
            self.settings.set_reading_position(path, at);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.cmds.push(Command::Open(path));
        }
    }

    /// Takes the corpus scan's news, keeps the open document's row current, shows the overview.
    fn corpus_frame(&mut self, ctx: &egui::Context) {
        self.offer_count(ctx);
        self.corpus_job_done(ctx);
        self.suggest_job_done(ctx);
        self.learner_done(ctx);
        self.watch_corpus_file(ctx);
        self.retrain_after_edits();
        self.rank_frame(ctx);
        let Some(state) = self.corpus.as_mut() else { return };
        if state.poll() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let revision = self.workspace.active().map_or(0, Article::revision);
        if revision != self.corpus_seen {
            self.corpus_seen = revision;
            self.refresh_corpus();
        }
        if let Some(state) = self.corpus.as_mut().filter(|s| s.overview_open) {
            panels::overview_ui(ctx, state);
        }
    }

    /// When the corpus count of an offered name is in, adds it to the notice.
    fn offer_count(&mut self, ctx: &egui::Context) {
        let current = self.corpus.as_ref().and_then(|c| c.current);
        let Some(offer) = self.offer.as_mut() else { return };
        let Some(search) = offer.corpus.as_mut() else { return };
        if search.poll() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let elsewhere: usize = search.hits.iter().filter(|h| Some(h.index) != current).map(|h| h.count).sum();
        let docs = search.hits.iter().filter(|h| Some(h.index) != current).count();
        offer.corpus = None;
        if elsewhere > 0 {
            let text = t!("offer-corpus", offer = &offer.text, n = elsewhere, docs = docs);
            self.notice = Some(Notice::info(text));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.workspace.active() {
            Some(a) => format!("{}{} — Hashiya", if a.is_dirty() { "• " } else { "" }, a.name()),
            None => "Hashiya".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        // Screen readers name the window (AT-SPI's frame) by its root node, which egui leaves
        // without a name.
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(self.title.as_str()));
    }
}

impl eframe::App for HashiyaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_reading();
        eframe::set_value(storage, Settings::KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_on_exit();
    }
}
