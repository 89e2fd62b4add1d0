//! The Suggestions section of the side panel: per label, accept all and reject all; a list to
//! click through. (The view paints the layer, `view/overlays.rs`; its keys are in
//! `shortcuts.rs`.) Every change is an [`EditCommand`].

use egui::{Color32, Stroke, Ui};

use crate::app::command::Command;
use crate::app::widgets::{Txt, label_color, label_ui, shaped_label_ui, shaped_rtl, small_button_ui, tip};
use crate::app::widgets::{row_ui, styled_button_ui};
use crate::editor::{Article, EditCommand};
use crate::model::{LabelId, Suggestion, SuggestionSource};
use crate::t;

/// The Suggestions section of the side panel; nothing when the layer is empty.
pub fn suggestions_panel_ui(ui: &mut Ui, article: &Article, cmds: &mut Vec<Command>) {
    let layer = article.ann().suggestions();
    if layer.is_empty() {
        return;
    }
    ui.separator();
    let title = label_ui(ui, Txt::new(t!("suggestions-title", n = layer.len())).strong());
    tip(title, t!("suggestions-keys-tip"));
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
    row_ui(ui, |ui| {
        label_ui(ui, Txt::new(format!("{name} {n}")).color(label_color(article, label)));
        if small_button_ui(ui, t!("suggestions-accept-all")).clicked() {
            cmds.push(EditCommand::AcceptAll(label).into());
        }
        if small_button_ui(ui, t!("suggestions-reject-all")).clicked() {
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
        let chip = styled_button_ui(ui, true, Txt::new(name).small().color(color), |b| {
            b.stroke(Stroke::new(1.0, color)).fill(Color32::TRANSPARENT)
        });
        if tip(chip, t!("suggestions-accept-tip")).clicked() {
            cmds.push(EditCommand::Accept(s.key(), None).into());
        }
        if tip(small_button_ui(ui, "×"), t!("suggestions-reject-tip")).clicked() {
            cmds.push(EditCommand::Reject(s.key()).into());
        }
        let response = shaped_label_ui(ui, text).interact(egui::Sense::click());
        let alts: Vec<&str> = s
            .alternatives
            .iter()
            .filter_map(|l| article.ann().labels().get(*l))
            .map(|l| l.name.as_str())
            .collect();
        let percent = format!("{:.0}", f32::from(s.confidence) / 10.0);
        let mut info = t!("suggestions-info", source = source_name(s.source), percent = percent);
        if !alts.is_empty() {
            info.push_str(&t!("suggestions-also", labels = alts.join(", ")));
        }
        tip(label_ui(ui, Txt::new(info).weak()), &s.note);
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

/// Where a suggestion comes from, in the window's words.
pub fn source_name(source: SuggestionSource) -> String {
    match source {
        SuggestionSource::Gazetteer => t!("source-gazetteer"),
        SuggestionSource::Corpus => t!("source-corpus"),
        SuggestionSource::Model => t!("source-model"),
        SuggestionSource::Merge => t!("source-merge"),
        SuggestionSource::External => t!("source-external"),
        SuggestionSource::Starter => t!("source-starter"),
    }
}
