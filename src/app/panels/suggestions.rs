//! The Suggestions section of the side panel: per label, accept all and reject all; a list to
//! click through. (The view paints the layer, `view/overlays.rs`; its keys are in
//! `shortcuts.rs`.) Every change is an [`EditCommand`].

use egui::{Color32, RichText, Stroke, Ui};

use crate::app::command::Command;
use crate::app::widgets::{label_color, shaped_label_ui, shaped_rtl};
use crate::editor::{Article, EditCommand};
use crate::model::{LabelId, Suggestion};

/// The Suggestions section of the side panel; nothing when the layer is empty.
pub fn suggestions_panel_ui(ui: &mut Ui, article: &Article, cmds: &mut Vec<Command>) {
    let layer = article.ann().suggestions();
    if layer.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(format!("Suggestions ({})", layer.len())).strong())
        .on_hover_text("N / P: next / previous · Enter or a label key: accept · Backspace: reject");
    // One pass over the layer for the counts (it can hold thousands), not one per label.
    let mut counts: std::collections::HashMap<LabelId, usize> = std::collections::HashMap::new();
    for s in layer.iter() {
        *counts.entry(s.label).or_default() += 1;
    }
    for label in article.ann().labels().iter() {
        if let Some(&n) = counts.get(&label.id) {
            label_row_ui(ui, article, label.id, n, cmds);
        }
    }
    egui::ScrollArea::vertical().id_salt("suggestions").max_height(180.0).show_rows(
        ui,
        24.0,
        layer.len(),
        |ui, rows| {
            for s in layer.iter().skip(rows.start).take(rows.len()) {
                suggestion_row_ui(ui, article, s, cmds);
            }
        },
    );
}

fn label_row_ui(ui: &mut Ui, article: &Article, label: LabelId, n: usize, cmds: &mut Vec<Command>) {
    let name = article.ann().labels().get(label).map_or("?", |l| l.name.as_str());
    ui.horizontal(|ui| {
        ui.colored_label(label_color(article, label), format!("{name} {n}"));
        if ui.small_button("Accept all").clicked() {
            cmds.push(EditCommand::AcceptAll(label).into());
        }
        if ui.small_button("Reject all").clicked() {
            cmds.push(EditCommand::RejectAll(label).into());
        }
    });
}

fn suggestion_row_ui(ui: &mut Ui, article: &Article, s: &Suggestion, cmds: &mut Vec<Command>) {
    let text = article.doc.slice(s.range()).unwrap_or("");
    let layout = if shaped_rtl(ui, text) {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), 22.0), layout, |ui| {
        let color = label_color(article, s.label);
        let name = article.ann().labels().get(s.label).map_or("?", |l| l.name.as_str());
        let chip = egui::Button::new(RichText::new(name).small().color(color))
            .stroke(Stroke::new(1.0, color))
            .fill(Color32::TRANSPARENT);
        if ui.add(chip).on_hover_text("Accept").clicked() {
            cmds.push(EditCommand::Accept(s.key(), None).into());
        }
        if ui.small_button("×").on_hover_text("Reject").clicked() {
            cmds.push(EditCommand::Reject(s.key()).into());
        }
        let response = shaped_label_ui(ui, text).interact(egui::Sense::click());
        let alts: Vec<&str> = s
            .alternatives
            .iter()
            .filter_map(|l| article.ann().labels().get(*l))
            .map(|l| l.name.as_str())
            .collect();
        let mut info = format!("{} · {:.0} %", s.source.as_str(), f32::from(s.confidence) / 10.0);
        if !alts.is_empty() {
            info.push_str(&format!(" · also {}", alts.join(", ")));
        }
        ui.weak(info).on_hover_text(&s.note);
        if article.suggestion == Some(s.key()) {
            ui.painter().rect_stroke(
                response.rect.expand(2.0),
                3.0,
                Stroke::new(1.5, color),
                egui::StrokeKind::Outside,
            );
        }
        if response.clicked() {
            cmds.push(EditCommand::SelectSuggestion(s.key()).into());
        }
    });
}
