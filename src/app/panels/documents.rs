//! The documents panel of a corpus: progress, filters, and one row per document (status,
//! name, entity count, a small bar of entities per label). Rows emit commands; only the
//! panel's own filters change here.

use egui::{Color32, RichText, Sense, Ui, vec2};

use crate::formats::store::DocStatus;
use crate::model::LabelSet;

use crate::app::command::Command;
use crate::app::state::CorpusState;
use crate::app::widgets::{TextField, shaped_label_ui};
use crate::text::is_rtl_char;

/// Height of one document row, in points.
const ROW_H: f32 = 22.0;

/// The panel: header with progress and filters, then the (virtualised) list of documents.
pub fn documents_panel_ui(ui: &mut Ui, state: &mut CorpusState, cmds: &mut Vec<Command>) {
    header_ui(ui, state, cmds);
    filters_ui(ui, state);
    ui.separator();
    let listed = state.listed().to_vec();
    let state: &CorpusState = state;
    let labels = state.corpus.labels();
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(ui, ROW_H, listed.len(), |ui, rows| {
        for &i in &listed[rows] {
            row_ui(ui, state, i, labels, cmds);
        }
    });
}

fn header_ui(ui: &mut Ui, state: &CorpusState, cmds: &mut Vec<Command>) {
    let name = state.corpus.root().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    ui.heading(name).on_hover_text(state.corpus.root().display().to_string());
    let (done, total, entities) = state.progress();
    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
    ui.add(egui::ProgressBar::new(fraction).text(format!("{done} / {total} done · {entities} entities")));
    let (scanned, all) = state.scan_progress();
    if scanned < all {
        ui.label(RichText::new(format!("reading documents… {scanned} / {all}")).weak());
    }
    if !state.corpus.problems().is_empty() {
        let n = state.corpus.problems().len();
        let text = state.corpus.problems().iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        ui.colored_label(Color32::from_rgb(0xd5, 0x5e, 0x00), format!("{n} problems")).on_hover_text(text);
    }
    if let Some(current) = state.current.and_then(|i| state.summaries.get(i)) {
        ui.horizontal(|ui| {
            ui.label("This document:");
            for s in DocStatus::ALL {
                if ui.selectable_label(current.status == s, status_name(s)).clicked() && current.status != s {
                    cmds.push(Command::SetStatus(s));
                }
            }
        });
    }
    ui.horizontal(|ui| {
        if ui
            .button("Done, next")
            .on_hover_text("Mark done and open the next document to do (Ctrl+Enter)")
            .clicked()
        {
            cmds.push(Command::DoneAndNext);
        }
        if ui.button("Overview").on_hover_text("Charts of the whole corpus").clicked() {
            cmds.push(Command::ToggleOverview);
        }
    });
}

fn filters_ui(ui: &mut Ui, state: &mut CorpusState) {
    ui.horizontal(|ui| {
        egui::ComboBox::new("doc-status-filter", "Status")
            .selected_text(state.filter_status.map_or("all", status_name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter_status, None, "all");
                for s in DocStatus::ALL {
                    ui.selectable_value(&mut state.filter_status, Some(s), status_name(s));
                }
            });
        ui.add(
            TextField::new(&mut state.filter_name).hint("name").width(f32::INFINITY).id_salt("doc-filter"),
        );
    });
}

fn row_ui(ui: &mut Ui, state: &CorpusState, i: usize, labels: &LabelSet, cmds: &mut Vec<Command>) {
    let s = &state.summaries[i];
    let name = state.corpus.docs()[i].name();
    let current = state.current == Some(i);
    let response = ui
        .horizontal(|ui| {
            ui.set_height(ROW_H - 4.0);
            status_dot_ui(ui, s.status);
            let text = RichText::new(format!("{:>4}", s.entities)).monospace().weak();
            ui.label(text);
            label_bar_ui(ui, s, labels);
            if name.chars().any(is_rtl_char) {
                shaped_label_ui(ui, &name);
            } else {
                let text = if current { RichText::new(&name).strong() } else { RichText::new(&name) };
                if ui.add(egui::Button::new(text).frame(false)).clicked() {
                    cmds.push(Command::OpenDoc(i));
                }
            }
        })
        .response
        .interact(Sense::click());
    if current {
        ui.painter().rect_stroke(response.rect, 2.0, ui.visuals().selection.stroke, egui::StrokeKind::Inside);
    }
    if response.clicked() {
        cmds.push(Command::OpenDoc(i));
    }
}

/// A 48-point bar split by label in the corpus's label colours.
fn label_bar_ui(ui: &mut Ui, s: &crate::corpus::DocSummary, labels: &LabelSet) {
    let (rect, _) = ui.allocate_exact_size(vec2(48.0, 8.0), Sense::hover());
    ui.painter().rect_filled(rect, 1.0, ui.visuals().faint_bg_color);
    if s.entities == 0 {
        return;
    }
    let mut x = rect.min.x;
    for (name, n) in s.labels.iter().filter(|(_, n)| *n > 0) {
        let w = rect.width() * *n as f32 / s.entities as f32;
        let color = labels
            .by_name(name)
            .map_or(Color32::GRAY, |l| Color32::from_rgb(l.color.0, l.color.1, l.color.2));
        ui.painter().rect_filled(
            egui::Rect::from_min_size(egui::pos2(x, rect.min.y), vec2(w, rect.height())),
            0.0,
            color,
        );
        x += w;
    }
}

/// The status's name in lists and menus.
pub fn status_name(s: DocStatus) -> &'static str {
    match s {
        DocStatus::New => "new",
        DocStatus::InProgress => "in progress",
        DocStatus::Done => "done",
        DocStatus::Skipped => "skipped",
    }
}

/// A dot in the status's colour (hollow for new documents), named on hover.
fn status_dot_ui(ui: &mut Ui, s: DocStatus) {
    let (rect, response) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    let color = status_color(s);
    if s == DocStatus::New {
        ui.painter().circle_stroke(rect.center(), 4.5, egui::Stroke::new(1.5, color));
    } else {
        ui.painter().circle_filled(rect.center(), 5.0, color);
    }
    response.on_hover_text(status_name(s));
}

/// Okabe–Ito colours by status.
pub fn status_color(s: DocStatus) -> Color32 {
    match s {
        DocStatus::New => Color32::from_rgb(0x99, 0x99, 0x99),
        DocStatus::InProgress => Color32::from_rgb(0xe6, 0x9f, 0x00),
        DocStatus::Done => Color32::from_rgb(0x00, 0x9e, 0x73),
        DocStatus::Skipped => Color32::from_rgb(0x56, 0xb4, 0xe9),
    }
}
