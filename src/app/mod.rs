//! The egui application: panels emit [`Command`]s, which [`HashiyaApp`] drains and applies
//! once per frame; undo/redo go through the model's invertible edits.

mod article_view;
mod command;
mod entity_panel;
mod exchange;
mod gestures;
mod highlight;
mod label_editor;
mod painter;
mod panels;
mod session;
mod settings;
mod shortcuts;
mod viewport;

mod apply;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use article_view::ArticleView;
pub use command::{Command, Edge};
pub use session::{Level, Notice, Selection, Session, StoreStatus};
pub use settings::Settings;

use entity_panel::EntityPanel;
use label_editor::LabelEditor;

/// The bundled sample article (written for this project).
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample-article.txt");

/// Something waiting for the user's answer about unsaved changes.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Quit,
    Open(PathBuf),
}

/// The application state.
pub struct HashiyaApp {
    session: Option<Session>,
    doc_id: u64,
    view: ArticleView,
    panel: EntityPanel,
    labels: LabelEditor,
    settings: Settings,
    notice: Option<Notice>,
    /// Error shown in the central area when no article could be opened.
    open_error: Option<String>,
    cmds: Vec<Command>,
    seen_revision: u64,
    changed_at: Option<Instant>,
    pending: Option<Pending>,
    allow_close: bool,
    title: String,
}

impl HashiyaApp {
    /// Creates the app with `settings`, opening `file` (or the bundled sample).
    pub fn new(ctx: &egui::Context, settings: Settings, file: Option<PathBuf>) -> Self {
        install_ui_fonts(ctx);
        ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
        let mut app = Self {
            session: None,
            doc_id: 0,
            view: ArticleView::default(),
            panel: EntityPanel::default(),
            labels: LabelEditor::default(),
            settings,
            notice: None,
            open_error: None,
            cmds: Vec::new(),
            seen_revision: 0,
            changed_at: None,
            pending: None,
            allow_close: false,
            title: String::new(),
        };
        match file.or_else(|| sample_path().ok()) {
            Some(path) => app.open(&path),
            None => app.open_error = Some("Could not write the sample article to the data folder".into()),
        }
        app
    }

    /// The open session, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
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

    fn open(&mut self, path: &std::path::Path) {
        match Session::open(path) {
            Ok((session, notices)) => {
                self.settings.push_recent(path.to_path_buf());
                self.seen_revision = session.ann.revision();
                self.session = Some(session);
                self.doc_id += 1;
                self.open_error = None;
                self.notice = notices
                    .into_iter()
                    .last()
                    .or_else(|| Some(Notice::info(format!("Opened {}", path.display()))));
            }
            Err(err) => {
                let text = format!("Could not open {err}");
                if self.session.is_none() {
                    self.open_error = Some(text.clone());
                }
                self.notice = Some(Notice::error(text));
            }
        }
    }

    /// One frame of UI for the whole window.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_dropped_files(&ctx);
        let typing = ctx.egui_wants_keyboard_input() || self.labels.is_open();
        let shortcuts = shortcuts::shortcut_commands(&ctx, self.session.as_ref(), typing);
        self.cmds.extend(shortcuts);
        self.panels_ui(ui);
        for cmd in std::mem::take(&mut self.cmds) {
            self.apply(&ctx, cmd);
        }
        self.autosave(&ctx);
        self.handle_close(&ctx);
        self.pending_ui(&ctx);
        self.update_title(&ctx);
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let mut cmds = Vec::new();
        let mut edit_labels = false;
        egui::Panel::top("menu")
            .show(ui, |ui| panels::menu_bar_ui(ui, self.session.as_ref(), &self.settings, &mut cmds));
        if let Some(session) = &self.session {
            egui::Panel::top("labels")
                .show(ui, |ui| panels::label_bar_ui(ui, session, &mut edit_labels, &mut cmds));
        }
        let progress = self.view.progress();
        egui::Panel::bottom("status")
            .show(ui, |ui| panels::status_bar_ui(ui, self.session.as_ref(), progress, self.notice.as_ref()));
        if let Some(session) = &self.session {
            egui::Panel::right("entities").resizable(true).default_size(320.0).show(ui, |ui| {
                self.panel.entity_panel_ui(ui, session, self.doc_id, &mut self.view, &mut cmds);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| match &self.session {
            Some(session) => {
                self.view.article_view_ui(ui, session, self.doc_id, self.settings.font_pt, &mut cmds)
            }
            None => {
                ui.centered_and_justified(|ui| {
                    let text = self
                        .open_error
                        .as_deref()
                        .unwrap_or("Open an article with File > Open… or drop a file here");
                    ui.colored_label(ui.visuals().error_fg_color, text);
                });
            }
        });
        if let Some(session) = &self.session {
            if edit_labels {
                self.labels.open(session.ann.labels());
            }
            let ann = &session.ann;
            let in_use = |l: &crate::model::Label| ann.entities().iter().any(|e| e.label == l.id);
            self.labels.label_editor_ui(ui.ctx(), ann.labels(), in_use, &mut cmds);
        }
        self.cmds.extend(cmds);
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

    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(session) = &mut self.session else { return };
        if session.ann.revision() != self.seen_revision {
            self.seen_revision = session.ann.revision();
            self.changed_at = Some(Instant::now());
        }
        let blocked = matches!(session.store, StoreStatus::Broken(_));
        if !self.settings.autosave || blocked || !session.is_dirty() {
            return;
        }
        let due = self.changed_at.is_none_or(|t| t.elapsed() >= Duration::from_millis(800));
        if due {
            match session.save(false) {
                Ok(_) => {}
                Err(n) => {
                    self.notice = Some(n);
                    self.changed_at = Some(Instant::now() + Duration::from_secs(10));
                }
            }
        } else {
            ctx.request_repaint_after(Duration::from_millis(200));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(s) => {
                let name = s.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                format!("{}{name} — Hashiya", if s.is_dirty() { "• " } else { "" })
            }
            None => "Hashiya".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for HashiyaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        let Some(s) = &mut self.session else { return };
        if self.settings.autosave && s.is_dirty() {
            // The window is closing: nowhere left to show an error, so print it.
            if let Err(n) = s.save(false) {
                eprintln!("hashiya: {}", n.text);
            }
        }
    }
}

/// Adds the bundled Arabic and Latin faces to egui's fonts so UI chrome never lacks glyphs.
fn install_ui_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in
        [("noto-sans", crate::text::font_bytes()[2]), ("noto-naskh", crate::text::font_bytes()[0])]
    {
        fonts.font_data.insert(name.to_string(), std::sync::Arc::new(egui::FontData::from_static(bytes)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.to_string());
        }
    }
    ctx.set_fonts(fonts);
}

/// Writes the bundled sample into the user's data folder (once) and returns its path, so it
/// opens and saves like any article.
pub fn sample_path() -> std::io::Result<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    let dir = base.join("hashiya");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("sample-article.txt");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(SAMPLE_ARTICLE) {
        std::fs::write(&path, SAMPLE_ARTICLE)?;
    }
    Ok(path)
}

/// Opens the window.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 860.0])
            .with_drag_and_drop(true)
            .with_title("Hashiya"),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Hashiya",
        options,
        Box::new(move |cc| {
            let settings = cc.storage.and_then(|s| eframe::get_value(s, Settings::KEY)).unwrap_or_default();
            Ok(Box::new(HashiyaApp::new(&cc.egui_ctx, settings, file)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
