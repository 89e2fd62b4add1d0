//! The suggestions layer in the window: dashed outlines with a label chip (the current
//! suggestion solid), the Suggestions section of the side panel (per label: accept all, reject
//! all; a list to click through), and the keys (N / P step, Enter or a label key accepts,
//! Backspace rejects). Every change is an [`EditCommand`].

use std::ops::Range;

use egui::{Color32, CornerRadius, Key, RichText, Shape, Stroke, Ui};

use super::article_view::ArticleView;
use super::command::Command;
use super::highlight::{label_color, paint_tag};
use super::viewport::{Viewport, screen_rects};
use crate::editor::{Article, EditCommand};
use crate::model::{LabelId, Suggestion};
use crate::text::ArticleLayout;

/// Paints the suggestions overlapping `visible` (document bytes).
pub(super) fn paint_suggestions(
    ui: &Ui,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
    visible: Range<usize>,
) {
    for s in article.ann().suggestions().overlapping(visible) {
        let color = label_color(article, s.label);
        let current = article.suggestion == Some(s.key());
        let screen = screen_rects(&layout.range_rects(s.range()), view);
        for r in &screen {
            let r = r.expand(1.5);
            if current {
                ui.painter().rect_filled(r, CornerRadius::same(3), color.gamma_multiply(0.18));
                ui.painter().rect_stroke(
                    r,
                    CornerRadius::same(3),
                    Stroke::new(2.0, color),
                    egui::StrokeKind::Outside,
                );
            } else {
                let path = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
                ui.painter().extend(Shape::dashed_line(&path, Stroke::new(1.5, color), 4.0, 3.0));
            }
        }
        let rtl =
            layout.para_of_byte(s.start).and_then(|i| layout.para_lines(i).next()).is_some_and(|l| l.rtl);
        if let Some(first) = screen.first() {
            let name = article.ann().labels().get(s.label).map_or("?", |l| l.name.as_str());
            paint_tag(ui, *first, &format!("{name}?"), color, rtl, !current);
        }
    }
}

/// Keys for the suggestions layer, given the key or text events of this frame: `None` when
/// the event is not about suggestions.
pub(super) fn suggestion_key(
    article: &Article,
    event: &egui::Event,
    m: egui::Modifiers,
) -> Option<EditCommand> {
    let current = article.suggestion;
    match event {
        egui::Event::Text(t) if !m.command && !m.alt => {
            let c = t.chars().next()?;
            if let (Some(key), Some(label)) = (current, article.ann().labels().by_hotkey(c)) {
                return Some(EditCommand::Accept(key, Some(label.id)));
            }
            let has = !article.ann().suggestions().is_empty();
            match c.to_ascii_lowercase() {
                'n' if has => Some(EditCommand::StepSuggestion(true)),
                'p' if has => Some(EditCommand::StepSuggestion(false)),
                _ => None,
            }
        }
        egui::Event::Key { key: Key::Enter, pressed: true, modifiers, .. } if !modifiers.command => {
            current.map(|k| EditCommand::Accept(k, None))
        }
        egui::Event::Key { key: Key::Backspace | Key::Delete, pressed: true, .. } => {
            current.map(EditCommand::Reject)
        }
        _ => None,
    }
}

/// The Suggestions section of the side panel; nothing when the layer is empty.
pub(super) fn suggestions_panel_ui(
    ui: &mut Ui,
    article: &Article,
    view: &mut ArticleView,
    cmds: &mut Vec<Command>,
) {
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
                suggestion_row_ui(ui, article, s, view, cmds);
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

fn suggestion_row_ui(
    ui: &mut Ui,
    article: &Article,
    s: &Suggestion,
    view: &mut ArticleView,
    cmds: &mut Vec<Command>,
) {
    let text = article.doc.slice(s.range()).unwrap_or("");
    let layout = if view.inline_text_rtl(ui, text) {
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
        let response = view.inline_text_ui(ui, text).interact(egui::Sense::click());
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
