//! The documents panel of a corpus: progress, the order of the documents to do, filters, and
//! one row per document (status, in the most-uncertain-first order the rank and a bar of the
//! suggestion layer's uncertainty, entity count, a small bar of entities per label, name).
//! Rows emit commands; only the panel's own filters change here.

use egui::{Color32, Sense, Ui, vec2};

use crate::corpus::DocOrder;
use crate::formats::store::DocStatus;
use crate::model::LabelSet;

use crate::app::command::Command;
use crate::app::state::CorpusState;
use crate::app::widgets::{TextField, is_rtl, row_ui, styled_button_ui};
use crate::app::widgets::{
    Txt, button_ui, choice_ui, label_ui, progress_ui, selectable_ui, shaped_label_ui, tip,
};
use crate::t;
use crate::text::is_rtl_char;

/// Height of one document row, in points.
const ROW_H: f32 = 22.0;

/// The panel: header with progress and filters, then the (virtualised) list of documents.
pub fn documents_panel_ui(ui: &mut Ui, state: &mut CorpusState, cmds: &mut Vec<Command>) {
    header_ui(ui, state, cmds);
    order_ui(ui, state, cmds);
    filters_ui(ui, state);
    ui.separator();
    let listed = state.listed().to_vec();
    let state: &CorpusState = state;
    let labels = state.corpus.labels();
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(ui, ROW_H, listed.len(), |ui, rows| {
        for &i in &listed[rows] {
            doc_row_ui(ui, state, i, labels, cmds);
        }
    });
}

fn header_ui(ui: &mut Ui, state: &CorpusState, cmds: &mut Vec<Command>) {
    let name = state.corpus.root().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    ui.heading(name).on_hover_text(state.corpus.root().display().to_string());
    let (done, total, entities) = state.progress();
    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
    progress_ui(ui, fraction, None, t!("docs-progress", done = done, total = total, entities = entities));
    let (scanned, all) = state.scan_progress();
    if scanned < all {
        label_ui(ui, Txt::new(t!("docs-reading", scanned = scanned, all = all)).weak());
    }
    if !state.corpus.problems().is_empty() {
        let n = state.corpus.problems().len();
        let text = state.corpus.problems().iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        let problems = Txt::new(t!("docs-problems", n = n)).color(Color32::from_rgb(0xd5, 0x5e, 0x00));
        tip(label_ui(ui, problems), text);
    }
    if let Some(current) = state.current.and_then(|i| state.summaries.get(i)) {
        row_ui(ui, |ui| {
            label_ui(ui, t!("docs-this-document"));
            for s in DocStatus::ALL {
                if selectable_ui(ui, current.status == s, status_name(s)).clicked() && current.status != s {
                    cmds.push(Command::SetStatus(s));
                }
            }
        });
    }
    row_ui(ui, |ui| {
        if tip(button_ui(ui, t!("docs-done-next")), t!("docs-done-next-tip")).clicked() {
            cmds.push(Command::DoneAndNext);
        }
        if tip(button_ui(ui, t!("docs-overview")), t!("docs-overview-tip")).clicked() {
            cmds.push(Command::ToggleOverview);
        }
    });
}

/// The order of the documents to do, and while they are ranked how far the ranking got.
fn order_ui(ui: &mut Ui, state: &CorpusState, cmds: &mut Vec<Command>) {
    row_ui(ui, |ui| {
        let mut order = state.order();
        let options =
            [(DocOrder::File, t!("docs-order-file")), (DocOrder::Uncertain, t!("docs-order-uncertain"))];
        tip(choice_ui(ui, "doc-order", t!("docs-order"), &mut order, &options), t!("docs-order-tip"));
        if order != state.order() {
            cmds.push(Command::SetDocOrder(order));
        }
        if state.order() != DocOrder::Uncertain {
            return;
        }
        if let Some((done, all)) = state.ranker.progress() {
            ui.spinner();
            label_ui(ui, Txt::new(t!("docs-ranking", done = done, all = all)).weak());
        } else if state.ranker.has_nothing() {
            tip(label_ui(ui, Txt::new(t!("docs-ranking-nothing")).weak()), t!("docs-ranking-nothing-tip"));
        } else if !state.ranker.has_layer() {
            label_ui(ui, Txt::new(t!("docs-ranking-waiting")).weak());
        }
    });
}

fn filters_ui(ui: &mut Ui, state: &mut CorpusState) {
    row_ui(ui, |ui| {
        let options: Vec<(Option<DocStatus>, String)> = std::iter::once((None, t!("docs-status-all")))
            .chain(DocStatus::ALL.map(|s| (Some(s), status_name(s))))
            .collect();
        choice_ui(ui, "doc-status-filter", t!("docs-status"), &mut state.filter_status, &options);
        let hint = t!("docs-name-hint");
        ui.add(TextField::new(&mut state.filter_name).hint(&hint).width(f32::INFINITY).id_salt("doc-filter"));
    });
}

fn doc_row_ui(ui: &mut Ui, state: &CorpusState, i: usize, labels: &LabelSet, cmds: &mut Vec<Command>) {
    let s = &state.summaries[i];
    let name = state.corpus.docs()[i].name();
    let current = state.current == Some(i);
    let response = row_ui(ui, |ui| {
        ui.set_height(ROW_H - 4.0);
        status_dot_ui(ui, s.status);
        if state.order() == DocOrder::Uncertain {
            rank_ui(ui, state.rank(i), state.top_score());
        }
        label_ui(ui, Txt::new(format!("{:>4}", s.entities)).monospace().weak());
        label_bar_ui(ui, s, labels);
        if name.chars().any(is_rtl_char) {
            shaped_label_ui(ui, &name);
        } else {
            let text = if current { Txt::new(&name).strong() } else { Txt::new(&name) };
            if styled_button_ui(ui, true, text, |b| b.frame(false)).clicked() {
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

/// A document's rank among the documents to do and a bar of its uncertainty score (full for
/// the highest), filled from the start of the row; blank for documents not to do.
fn rank_ui(ui: &mut Ui, rank: Option<(usize, Option<f32>)>, top: f32) {
    // A fixed width, so the bars line up in both directions whatever the rank's digits.
    let text = rank.map_or_else(String::new, |(r, _)| r.to_string());
    ui.add_sized(vec2(24.0, ROW_H - 8.0), egui::Label::new(Txt::new(text).monospace().weak().rich()));
    let (rect, response) = ui.allocate_exact_size(vec2(28.0, 8.0), Sense::hover());
    let Some((rank, score)) = rank else { return };
    ui.painter().rect_filled(rect, 1.0, ui.visuals().faint_bg_color);
    let Some(score) = score else {
        tip(response, t!("docs-not-ranked"));
        return;
    };
    let w = rect.width() * if top > 0.0 { (score / top).clamp(0.0, 1.0) } else { 0.0 };
    let fill = if is_rtl() {
        egui::Rect::from_min_max(egui::pos2(rect.max.x - w, rect.min.y), rect.max)
    } else {
        egui::Rect::from_min_size(rect.min, vec2(w, rect.height()))
    };
    ui.painter().rect_filled(fill, 1.0, Color32::from_rgb(0xd5, 0x5e, 0x00));
    tip(response, t!("docs-uncertainty-tip", rank = rank, score = format!("{score:.2}")));
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
pub fn status_name(s: DocStatus) -> String {
    match s {
        DocStatus::New => t!("doc-status-new"),
        DocStatus::InProgress => t!("doc-status-in-progress"),
        DocStatus::Done => t!("doc-status-done"),
        DocStatus::Skipped => t!("doc-status-skipped"),
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
    tip(response, status_name(s));
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
