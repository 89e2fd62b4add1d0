//! Help > About: the version and commit (with a button copying them for a bug report), the app
//! id, where settings and files live, and the licences of the code and of everything bundled —
//! the reading and interface fonts as their own files name them, the word clusters and the
//! starter model with their attributions. Everything shown comes from [`crate::about`].

use egui::{RichText, Ui};

use crate::about::{self, Credit};
use crate::app::command::Command;
use crate::app::widgets::shaped_label_ui;

/// Shows the About window while `open`; returns [`Command::ToggleAbout`] when it is closed.
pub fn about_ui(ctx: &egui::Context, open: bool) -> Option<Command> {
    let mut still_open = open;
    let mut close = false;
    egui::Window::new("About Hashiya")
        .open(&mut still_open)
        .collapsible(false)
        .default_size([560.0, 640.0])
        .show(ctx, |ui| {
            let height = (ctx.content_rect().height() - 240.0).max(200.0);
            egui::ScrollArea::vertical().max_height(height).show(ui, |ui| {
                header_ui(ui);
                ui.separator();
                places_ui(ui);
                ui.separator();
                licences_ui(ui);
            });
            ui.separator();
            close = ui.button("Close").clicked();
        });
    (open && (close || !still_open)).then_some(Command::ToggleAbout)
}

/// Name, what it is, version, commit and app id.
fn header_ui(ui: &mut Ui) {
    ui.horizontal(|ui| {
        if let Some(icon) = icon_texture(ui.ctx()) {
            ui.add(egui::Image::new(&icon).fit_to_exact_size(egui::vec2(64.0, 64.0)));
        }
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                ui.heading("Hashiya");
                shaped_label_ui(ui, "حاشية");
            });
            ui.label("Reader and named-entity annotator for Arabic news articles");
        });
    });
    egui::Grid::new("about-version").num_columns(2).show(ui, |ui| {
        ui.label("Version");
        ui.label(RichText::new(about::VERSION).strong());
        ui.end_row();
        ui.label("Commit");
        ui.label(about::COMMIT);
        ui.end_row();
        ui.label("Application id");
        ui.label(about::APP_ID);
        ui.end_row();
    });
    if ui.button("Copy version").on_hover_text("For a bug report").clicked() {
        ui.ctx().copy_text(format!("hashiya {}", about::LONG_VERSION));
    }
}

/// Hashiya's icon as a texture, decoded once per context.
fn icon_texture(ctx: &egui::Context) -> Option<egui::TextureHandle> {
    let id = egui::Id::unique("hashiya-about-icon");
    if let Some(texture) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return Some(texture);
    }
    let png = include_bytes!("../../../assets/icons/hashiya-128.png");
    let icon = eframe::icon_data::from_png_bytes(png).ok()?;
    let size = [icon.width as usize, icon.height as usize];
    let image = egui::ColorImage::from_rgba_unmultiplied(size, &icon.rgba);
    let texture = ctx.load_texture("hashiya-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, texture.clone()));
    Some(texture)
}

/// Where settings and files live.
fn places_ui(ui: &mut Ui) {
    ui.label(RichText::new("Files").strong());
    egui::Grid::new("about-places").num_columns(2).striped(true).show(ui, |ui| {
        for (what, place) in about::places() {
            ui.label(what);
            ui.label(RichText::new(place).monospace());
            ui.end_row();
        }
    });
}

/// The licences of the code, the fonts and the data.
fn licences_ui(ui: &mut Ui) {
    ui.label(RichText::new("Licences").strong());
    ui.label(format!("Hashiya's code: {}.", about::CODE_LICENCE));
    ui.label(RichText::new(about::CRATES_NOTE).small());
    ui.add_space(6.0);
    ui.label(RichText::new("Reading fonts").strong());
    credits_ui(ui, &grouped(about::fonts()));
    ui.add_space(6.0);
    ui.label(RichText::new("Interface fonts (egui)").strong());
    credits_ui(ui, &grouped(ui_font_credits()));
    ui.add_space(6.0);
    ui.label(RichText::new("Data and model").strong());
    credits_ui(ui, &about::data());
}

/// One entry per credit: its name, licence and notice.
fn credits_ui(ui: &mut Ui, credits: &[Credit]) {
    for credit in credits {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&credit.name).strong());
            ui.label(format!("— {}", credit.licence));
        });
        if !credit.notice.is_empty() {
            ui.label(RichText::new(&credit.notice).small().weak());
        }
    }
}

/// The fonts egui draws the interface with besides ours (its default fonts), as they name
/// themselves.
fn ui_font_credits() -> Vec<Credit> {
    let ours: Vec<Credit> = about::fonts();
    egui::FontDefinitions::default()
        .font_data
        .values()
        .filter_map(|data| about::font_credit((*data.font).as_ref()))
        .filter(|c| !ours.contains(c))
        .collect()
}

/// Faces of one family with the same notice and licence (Regular, Bold) as one entry.
fn grouped(credits: Vec<Credit>) -> Vec<Credit> {
    let mut out: Vec<Credit> = Vec::new();
    for credit in credits {
        let family = family_of(&credit.name).to_string();
        match out
            .iter_mut()
            .find(|c| c.name == family && c.notice == credit.notice && c.licence == credit.licence)
        {
            Some(_) => {}
            None => out.push(Credit { name: family, ..credit }),
        }
    }
    out
}

/// A face's family: its full name without the style word at its end.
fn family_of(name: &str) -> &str {
    ["Regular", "Bold", "Light", "Italic", "Medium"]
        .iter()
        .find_map(|style| name.strip_suffix(style).map(str::trim_end))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_of_a_family_are_one_entry_and_egui_fonts_name_themselves() {
        let fonts = grouped(about::fonts());
        let names: Vec<&str> = fonts.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"Noto Naskh Arabic") && names.contains(&"Amiri"), "{names:?}");
        assert!(fonts.len() < about::fonts().len(), "Regular and Bold are one entry");
        let ui = ui_font_credits();
        assert!(!ui.is_empty(), "egui's default fonts are credited");
        let licences: Vec<&str> = ui.iter().map(|c| c.licence.as_str()).collect();
        assert!(licences.contains(&"Ubuntu Font Licence 1.0"), "{licences:?}");
        assert!(licences.iter().any(|l| l.starts_with("MIT")), "{licences:?}");
    }
}
