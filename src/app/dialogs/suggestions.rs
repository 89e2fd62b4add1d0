//! The label editor's Suggestions section: each type of the starter model with the corpus
//! label it is suggested as (a drop-down of the corpus's labels and "not suggested") and where
//! that comes from (the name, the done documents, the user's choice), the starter on or off,
//! the clitic convention with the one in use, and the other corpora the corpus learns from.
//! Changes are [`Command::Learn`]s, saved at once into the corpus file.
//!
//! What the done documents show is read on a thread ([`Job`]: the starter runs over every
//! done document), never in a frame; the section then follows each choice at once from the
//! corpus's settings and that evidence ([`Overview::starter_mapping`]).

use std::path::{Path, PathBuf};

use egui::Ui;

use crate::app::command::{Command, DialogPurpose};
use crate::app::jobs::{Job, Polled};
use crate::app::widgets::{
    Txt, button_ui, checkbox_ui, choice_ui, column_ui, is_rtl, label_ui, menu_ui, row_layout, row_ui,
    selectable_ui, small_button_ui, tip, wrapped_label_ui,
};
use crate::corpus::{Clitics, Corpus, LearnSettings};
use crate::learn::edit::{LearnEdit, Target};
use crate::learn::mapping::{Mapping, Origin};
use crate::learn::overview::{Overview, PriorView};
use crate::learn::setup::ConventionOrigin;
use crate::t;

/// Width of the starter type's cell, in points.
const TYPE_WIDTH: f32 = 48.0;
/// Width of the corpus label's drop-down cell, in points.
const TARGET_WIDTH: f32 = 150.0;
/// Height of the screen left to the label list and the window's frame, in points.
const SPARE_HEIGHT: f32 = 420.0;
/// The least height of the section, in points.
const MIN_HEIGHT: f32 = 200.0;
/// Room for the scroll bar at the section's right, in points.
const SCROLL_BAR: i8 = 12;

/// The section's state: the last overview read and the reading under way.
#[derive(Debug, Default)]
pub struct SuggestionsSection {
    overview: Option<Overview>,
    job: Option<Job<Result<Overview, String>>>,
    /// Read again when the running reading ends (something changed meanwhile).
    again: Option<PathBuf>,
    error: Option<String>,
    /// The section's height last frame, in points.
    content_height: f32,
}

impl SuggestionsSection {
    /// Reads the corpus at `root` on a thread (again after the running reading, if any).
    pub fn reread(&mut self, ctx: Option<&egui::Context>, root: &Path) {
        if self.job.is_some() {
            self.again = Some(root.to_path_buf());
            return;
        }
        let dir = root.to_path_buf();
        let work = move || Overview::read(&dir).map_err(|e| e.to_string());
        let job = match ctx {
            Some(ctx) => Job::spawn_waking("hashiya-overview", ctx, work),
            None => Job::spawn("hashiya-overview", work),
        };
        match job {
            Ok(job) => self.job = Some(job),
            Err(e) => self.error = Some(t!("could-not-start", detail = e.to_string())),
        }
    }

    /// Takes the reading's result when it is in.
    fn poll(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else { return };
        let result = match job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Polled::Done(result) => result,
            Polled::Stopped => Err(t!("learn-stopped")),
        };
        self.job = None;
        match result {
            Ok(o) => {
                self.overview = Some(o);
                self.error = None;
            }
            Err(e) => self.error = Some(t!("suggestions-could-not-read", detail = e)),
        }
        if let Some(root) = self.again.take() {
            self.reread(Some(ctx), &root);
        }
    }

    /// The section, for the open `corpus` (`None`: an article outside any corpus): aligned to
    /// the interface's start side, scrolled when the window would not fit the screen.
    pub fn suggestions_ui(&mut self, ui: &mut Ui, corpus: Option<&Corpus>, cmds: &mut Vec<Command>) {
        ui.separator();
        let height = (ui.ctx().content_rect().height() - SPARE_HEIGHT).max(MIN_HEIGHT);
        // An auto-sized window gives a scroll area only the height it had: asking for the
        // contents' last height lets the window grow with them (up to `height`).
        let shown = egui::ScrollArea::vertical()
            .id_salt("suggestions-section")
            .max_height(height)
            .min_scrolled_height(self.content_height.min(height))
            .show(ui, |ui| {
                // Room for the scroll bar, which is drawn over the end of the content.
                let margin = egui::Margin { right: SCROLL_BAR, ..egui::Margin::ZERO };
                egui::Frame::NONE.inner_margin(margin).show(ui, |ui| {
                    column_ui(ui, |ui| self.section_ui(ui, corpus, cmds));
                });
            });
        if shown.content_size.y != self.content_height {
            self.content_height = shown.content_size.y;
            ui.ctx().request_repaint();
        }
    }

    fn section_ui(&mut self, ui: &mut Ui, corpus: Option<&Corpus>, cmds: &mut Vec<Command>) {
        label_ui(ui, Txt::new(t!("suggestions-heading")).strong());
        let Some(corpus) = corpus else {
            wrapped_label_ui(ui, Txt::new(t!("suggestions-open-folder")).weak());
            return;
        };
        self.poll(ui.ctx());
        if let Some(err) = &self.error {
            wrapped_label_ui(ui, Txt::new(err).color(ui.visuals().error_fg_color));
        }
        let Some(overview) = &self.overview else {
            row_ui(ui, |ui| {
                ui.spinner();
                label_ui(ui, Txt::new(t!("suggestions-reading")).weak());
            });
            return;
        };
        let settings = &corpus.settings().learning;
        let labels: Vec<String> = corpus.labels().iter().map(|l| l.name.clone()).collect();
        label_ui(ui, Txt::new(t!("suggestions-saved-at-once")).weak().small());
        let mut on = settings.starter;
        let check = checkbox_ui(ui, &mut on, t!("suggestions-starter"));
        if tip(check, t!("suggestions-starter-tip")).changed() {
            cmds.push(Command::Learn(LearnEdit::Starter(on)));
        }
        starter_rows_ui(ui, &overview.starter_mapping(settings, &labels), &labels, cmds);
        clitics_ui(ui, overview, settings, cmds);
        priors_ui(ui, overview, settings, cmds);
        if self.job.is_some() {
            ui.spinner();
        }
    }
}

/// One row per starter type: the type, the corpus label (a drop-down), where it comes from,
/// and "Automatic" when the user chose.
fn starter_rows_ui(ui: &mut Ui, mapping: &Mapping, labels: &[String], cmds: &mut Vec<Command>) {
    let mut options: Vec<(Option<String>, String)> =
        labels.iter().map(|l| (Some(l.clone()), l.clone())).collect();
    options.push((None, t!("suggestions-not-suggested")));
    for e in &mapping.entries {
        row_ui(ui, |ui| {
            cell_ui(ui, TYPE_WIDTH, |ui| label_ui(ui, Txt::new(&e.source).monospace()));
            let mut target = e.target.clone();
            cell_ui(ui, TARGET_WIDTH, |ui| target_ui(ui, &e.source, &mut target, &options));
            if target != e.target {
                let to = target.map_or(Target::Never, Target::Label);
                cmds.push(Command::Learn(LearnEdit::Map(e.source.clone(), to)));
            }
            let (origin, why) = match e.origin {
                Origin::Rule => (t!("suggestions-origin-rule"), t!("suggestions-origin-rule-tip")),
                Origin::Documents => {
                    (t!("suggestions-origin-documents"), t!("suggestions-origin-documents-tip"))
                }
                Origin::User => (t!("suggestions-origin-user"), t!("suggestions-origin-user-tip")),
            };
            let strong = e.origin == Origin::User;
            let text = if strong { Txt::new(origin).strong() } else { Txt::new(origin).weak() };
            tip(label_ui(ui, text.small()), why);
            if strong
                && tip(small_button_ui(ui, t!("suggestions-automatic")), t!("suggestions-automatic-tip"))
                    .clicked()
            {
                cmds.push(Command::Learn(LearnEdit::Map(e.source.clone(), Target::Auto)));
            }
        });
    }
}

/// The drop-down of a starter type's corpus label (a menu of shaped names, so that Arabic
/// labels are shaped in the English interface too).
fn target_ui(ui: &mut Ui, source: &str, target: &mut Option<String>, options: &[(Option<String>, String)]) {
    let shown = options.iter().find(|(v, _)| v == target).map_or("", |(_, n)| n.as_str());
    let menu = menu_ui(ui, Txt::new(shown), |ui| {
        ui.set_max_width(TARGET_WIDTH);
        column_ui(ui, |ui| {
            for (value, name) in options {
                if selectable_ui(ui, value == target, name).clicked() {
                    *target = value.clone();
                }
            }
        })
    });
    tip(menu, t!("suggestions-type-tip", kind = source));
}

/// A cell of `width` points in a row, its contents from the row's start side.
fn cell_ui<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(egui::vec2(width, height), row_layout(), |ui| {
        ui.set_min_width(width);
        add(ui)
    });
}

/// The clitic convention: include, exclude or learned, and the one in use with its origin.
fn clitics_ui(ui: &mut Ui, overview: &Overview, settings: &LearnSettings, cmds: &mut Vec<Command>) {
    let name = |c: Clitics| match c {
        Clitics::Include => t!("suggestions-clitics-include"),
        Clitics::Exclude => t!("suggestions-clitics-exclude"),
    };
    let options = [
        (Some(Clitics::Include), name(Clitics::Include)),
        (Some(Clitics::Exclude), name(Clitics::Exclude)),
        (None, t!("suggestions-clitics-learned")),
    ];
    let mut chosen = settings.clitics;
    row_ui(ui, |ui| choice_ui(ui, "suggestions-clitics", t!("suggestions-clitics"), &mut chosen, &options));
    if chosen != settings.clitics {
        cmds.push(Command::Learn(LearnEdit::Clitics(chosen)));
    }
    let (value, from) = overview.convention(settings);
    let origin = match from {
        ConventionOrigin::Setting => t!("suggestions-clitics-from-setting"),
        ConventionOrigin::Documents => t!("suggestions-clitics-from-documents"),
        ConventionOrigin::Default => t!("suggestions-clitics-from-default"),
    };
    let now = t!("suggestions-clitics-now", value = name(value), origin = origin);
    wrapped_label_ui(ui, Txt::new(now).weak().small());
}

/// The corpora the corpus also learns from, each with its mapping and a Remove button, and
/// "Add a corpus folder…".
fn priors_ui(ui: &mut Ui, overview: &Overview, settings: &LearnSettings, cmds: &mut Vec<Command>) {
    label_ui(ui, Txt::new(t!("suggestions-priors")).strong());
    if settings.priors.is_empty() {
        label_ui(ui, Txt::new(t!("suggestions-no-priors")).weak());
    }
    for p in &settings.priors {
        row_ui(ui, |ui| {
            // A path keeps its own order in the right-to-left interface (first-strong isolate).
            let path = p.path.display().to_string();
            let path = if is_rtl() { format!("\u{2068}{path}\u{2069}") } else { path };
            label_ui(ui, Txt::new(path).monospace());
            if button_ui(ui, t!("suggestions-prior-remove")).clicked() {
                cmds.push(Command::Learn(LearnEdit::Forget(p.path.clone())));
            }
        });
        let view = overview.priors.iter().find(|v| v.prior.path == p.path);
        if let Some(text) = view.map(prior_summary) {
            wrapped_label_ui(ui, Txt::new(text).weak().small());
        }
    }
    if button_ui(ui, t!("suggestions-prior-add")).clicked() {
        cmds.push(Command::Dialog(DialogPurpose::PriorFolder));
    }
}

/// "PERSON as PER, EVENT not suggested", or why the corpus cannot be read.
fn prior_summary(view: &PriorView) -> String {
    match &view.mapping {
        Ok(m) => {
            let entries: Vec<String> = m
                .entries
                .iter()
                .map(|e| match &e.target {
                    Some(ours) => {
                        t!("suggestions-prior-entry", theirs = e.source.as_str(), ours = ours.as_str())
                    }
                    None => t!("suggestions-prior-entry-never", theirs = e.source.as_str()),
                })
                .collect();
            entries.join(if is_rtl() { "، " } else { ", " })
        }
        Err(why) => t!("suggestions-prior-unreadable", detail = why.as_str()),
    }
}
