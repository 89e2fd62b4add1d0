//! The entity panel: entities in reading order with label chip and surface text, counts per
//! label, a label filter, orphans, and per-entity relabel and delete. Rows are virtualised so
//! 100k entities scroll smoothly. Each row runs in its surface text's direction: right-aligned
//! with the chip on the right for Arabic, left-aligned for Latin. Hovering a row shows the
//! attributes and notes kept from a brat import.

use std::collections::HashMap;

use egui::{Align, Color32, Layout, Ui, vec2};

use crate::model::{EntityId, LabelId};

use crate::app::command::Command;
use crate::app::widgets::{
    Txt, button_ui, label_color, label_ui, selectable_ui, shaped_label_ui, shaped_rtl, small_button_ui, tip,
};
use crate::app::widgets::{row_wrapped_ui, styled_button_ui};
use crate::editor::{Article, EditCommand};
use crate::t;

/// Panel state that is not part of the model.
#[derive(Debug, Default)]
pub struct EntityPanel {
    filter: Option<LabelId>,
    /// Rows and counts, rebuilt only when the annotations or the filter change.
    cache: Option<Rows>,
}

/// The filtered rows and per-label counts for one (document, revision, filter).
#[derive(Debug)]
struct Rows {
    key: (u64, u64, Option<LabelId>),
    ids: Vec<EntityId>,
    counts: HashMap<LabelId, usize>,
}

impl EntityPanel {
    /// Shows the panel.
    /// `doc_id` changes when another article is opened.
    pub fn entity_panel_ui(&mut self, ui: &mut Ui, article: &Article, doc_id: u64, cmds: &mut Vec<Command>) {
        label_ui(ui, Txt::new(t!("entities-title")).heading());
        let key = (doc_id, article.ann().revision(), self.filter);
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            self.cache = Some(rows(article, key));
        }
        let Some(cache) = self.cache.take() else { return };
        self.counts_ui(ui, article, &cache.counts);
        ui.separator();
        let ids = &cache.ids;
        let row_h = 30.0;
        egui::ScrollArea::vertical()
            .id_salt("entities")
            .auto_shrink(false)
            .max_height(ui.available_height() - 60.0)
            .show_rows(ui, row_h, ids.len(), |ui, rows| {
                for id in &ids[rows] {
                    entity_row_ui(ui, article, *id, cmds);
                }
            });
        self.cache = Some(cache);
        if !article.ann().orphans().is_empty() {
            orphans_ui(ui, article);
        }
    }

    fn counts_ui(&mut self, ui: &mut Ui, article: &Article, counts: &HashMap<LabelId, usize>) {
        row_wrapped_ui(ui, |ui| {
            let all = t!("entities-all", n = article.ann().entities().len());
            if selectable_ui(ui, self.filter.is_none(), all).clicked() {
                self.filter = None;
            }
            for label in article.ann().labels().iter() {
                let n = counts.get(&label.id).copied().unwrap_or(0);
                let text = Txt::new(format!("{} {n}", label.name)).color(label_color(article, label.id));
                if selectable_ui(ui, self.filter == Some(label.id), text).clicked() {
                    self.filter = if self.filter == Some(label.id) { None } else { Some(label.id) };
                }
            }
        });
    }
}

fn rows(article: &Article, key: (u64, u64, Option<LabelId>)) -> Rows {
    let mut counts = HashMap::new();
    let mut ids = Vec::new();
    for e in article.ann().entities().iter() {
        *counts.entry(e.label).or_default() += 1;
        if key.2.is_none_or(|f| e.label == f) {
            ids.push(e.id);
        }
    }
    Rows { key, ids, counts }
}

/// Entities whose text could not be found after the article changed, each row in its text's
/// direction.
fn orphans_ui(ui: &mut Ui, article: &Article) {
    ui.separator();
    let title = t!("entities-orphans", n = article.ann().orphans().len());
    label_ui(ui, Txt::new(title).strong());
    egui::ScrollArea::vertical().id_salt("orphans").max_height(120.0).show(ui, |ui| {
        for o in article.ann().orphans() {
            let name = article.ann().labels().get(o.label).map_or("?", |l| l.name.as_str());
            let layout = row_layout(shaped_rtl(ui, &o.text));
            let size = vec2(ui.available_width(), ui.spacing().interact_size.y);
            ui.allocate_ui_with_layout(size, layout, |ui| {
                label_ui(ui, Txt::new(name).color(label_color(article, o.label)));
                shaped_label_ui(ui, &o.text);
                label_ui(ui, Txt::new(format!("@{}", o.chars.start)).weak());
            });
        }
    });
}

fn entity_row_ui(ui: &mut Ui, article: &Article, id: EntityId, cmds: &mut Vec<Command>) {
    let Some(e) = article.ann().entities().get(id).copied() else { return };
    let selected = article.selected == Some(id);
    let text = article.doc.slice(e.range()).unwrap_or("");
    let layout = row_layout(shaped_rtl(ui, text));
    ui.allocate_ui_with_layout(vec2(ui.available_width(), 26.0), layout, |ui| {
        ui.set_height(26.0);
        let color = label_color(article, e.label);
        let name = article.ann().labels().get(e.label).map_or("?", |l| l.name.as_str());
        let chip = Txt::new(name).color(Color32::WHITE).small().strong();
        styled_button_ui(ui, true, chip, |b| b.fill(color)).context_menu(|ui| {
            for label in article.ann().labels().iter() {
                if button_ui(ui, t!("entities-relabel", label = &label.name)).clicked() {
                    cmds.push(EditCommand::Relabel(id, label.id).into());
                }
            }
        });
        if tip(small_button_ui(ui, "×"), t!("entities-delete-tip")).clicked() {
            cmds.push(EditCommand::Delete(id).into());
        }
        let response = shaped_label_ui(ui, text);
        let mut response = response.interact(egui::Sense::click());
        if response.hovered() {
            response = notes_tooltip(response, article, id);
        }
        if selected {
            ui.painter().rect_stroke(
                response.rect.expand(2.0),
                3.0,
                egui::Stroke::new(1.5, color),
                egui::StrokeKind::Outside,
            );
        }
        if response.clicked() {
            cmds.push(EditCommand::SelectEntity(id).into());
            cmds.push(Command::Reveal(id));
        }
    });
}

/// The attributes, normalisations and notes kept from a brat import, shown read-only when
/// the pointer is over an entity's row (each line shaped, Arabic included).
fn notes_tooltip(response: egui::Response, article: &Article, id: EntityId) -> egui::Response {
    let notes = crate::formats::brat::entity_notes(article.ann(), id);
    if notes.is_empty() {
        return response;
    }
    response.on_hover_ui(|ui| {
        for note in &notes {
            shaped_label_ui(ui, note);
        }
    })
}

/// A row laid out in its text's direction: from the right edge for right-to-left text (chip
/// first, at the right), from the left edge otherwise.
fn row_layout(rtl: bool) -> Layout {
    if rtl { Layout::right_to_left(Align::Center) } else { Layout::left_to_right(Align::Center) }
}
