//! Help > About: the version and commit (with a button copying them for a bug report), the app
//! id, where settings and files live, and the licences of the code and of everything bundled —
//! the reading and interface fonts as their own files name them, the word clusters and the
//! starter model with their attributions. The facts come from [`crate::about`], the words from
//! the catalogues.

use egui::Ui;

use crate::about::{self, Credit};
use crate::app::command::Command;
use crate::app::widgets::wrapped_label_ui;
use crate::app::widgets::{Txt, button_ui, column_ui, is_rtl, label_ui, row_layout, row_ui, tip, window_ui};
use crate::t;

/// Shows the About window while `open`; returns [`Command::ToggleAbout`] when it is closed.
pub fn about_ui(ctx: &egui::Context, open: bool) -> Option<Command> {
    if !open {
        return None;
    }
    let mut still_open = true;
    let height = (ctx.content_rect().height() - 240.0).max(200.0);
    let title = ("about-hashiya", Txt::new(t!("about-title")));
    let closed = window_ui(
        ctx,
        title,
        Some(&mut still_open),
        |w| w.collapsible(false).default_size([640.0, 640.0]),
        |ui| {
            column_ui(ui, |ui| {
                egui::ScrollArea::vertical().max_height(height).show(ui, |ui| {
                    column_ui(ui, |ui| {
                        header_ui(ui);
                        ui.separator();
                        places_ui(ui);
                        ui.separator();
                        licences_ui(ui);
                    })
                });
                ui.separator();
                button_ui(ui, t!("about-close")).clicked()
            })
        },
    );
    (closed == Some(true) || !still_open).then_some(Command::ToggleAbout)
}

/// Name, what it is, version, commit and app id.
fn header_ui(ui: &mut Ui) {
    row_ui(ui, |ui| {
        if let Some(icon) = icon_texture(ui.ctx()) {
            ui.add(egui::Image::new(&icon).fit_to_exact_size(egui::vec2(64.0, 64.0)));
        }
        ui.vertical(|ui| {
            column_ui(ui, |ui| {
                row_ui(ui, |ui| {
                    for name in ["Hashiya", "حاشية"] {
                        label_ui(ui, Txt::new(name).heading());
                    }
                });
                label_ui(ui, t!("about-tagline"));
            })
        });
    });
    pairs_ui(
        ui,
        &[
            (t!("about-version"), about::VERSION.to_string()),
            (t!("about-commit"), about::COMMIT.to_string()),
            (t!("about-app-id"), about::APP_ID.to_string()),
        ],
    );
    if tip(button_ui(ui, t!("about-copy-version")), t!("about-copy-version-tip")).clicked() {
        ui.ctx().copy_text(about::VERSION_LINE.to_string());
    }
}

/// Rows of (what, value), the values as they are (paths, ids); the names in a column of their
/// own width (egui's grid does not lay out right to left).
fn pairs_ui(ui: &mut Ui, rows: &[(String, String)]) {
    for (what, value) in rows {
        row_ui(ui, |ui| {
            let cell = egui::vec2(130.0, ui.spacing().interact_size.y);
            ui.allocate_ui_with_layout(cell, row_layout(), |ui| {
                ui.set_min_width(cell.x);
                label_ui(ui, what)
            });
            // A path keeps its own order inside the right-to-left interface (first-strong isolate).
            let value = if is_rtl() { format!("\u{2068}{value}\u{2069}") } else { value.clone() };
            label_ui(ui, Txt::new(value).monospace());
        });
    }
}

/// Hashiya's icon as a texture, decoded once per context.
fn icon_texture(ctx: &egui::Context) -> Option<egui::TextureHandle> {
    let id = egui::Id::unique("hashiya-about-icon");
    if let Some(texture) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return Some(texture);
    }
    let icon = eframe::icon_data::from_png_bytes(about::ICON_PNG).ok()?;
    let size = [icon.width as usize, icon.height as usize];
    let image = egui::ColorImage::from_rgba_unmultiplied(size, &icon.rgba);
    let texture = ctx.load_texture("hashiya-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, texture.clone()));
    Some(texture)
}

/// Where settings and files live.
fn places_ui(ui: &mut Ui) {
    label_ui(ui, Txt::new(t!("about-files")).strong());
    let data = about::data_dir();
    pairs_ui(
        ui,
        &[
            (t!("about-place-settings"), about::settings_file().display().to_string()),
            (t!("about-place-sample"), data.join("sample-article.txt").display().to_string()),
            (t!("about-place-annotations"), t!("about-place-annotations-where")),
            (t!("about-place-journal"), t!("about-place-journal-where")),
            (t!("about-place-corpus"), t!("about-place-corpus-where")),
        ],
    );
}

/// The licences of the code, the fonts and the data.
fn licences_ui(ui: &mut Ui) {
    label_ui(ui, Txt::new(t!("about-licences")).strong());
    label_ui(ui, t!("about-code-licence", licence = about::CODE_LICENCE));
    wrapped_label_ui(ui, Txt::new(t!("about-crates")).small());
    ui.add_space(6.0);
    label_ui(ui, Txt::new(t!("about-reading-fonts")).strong());
    credits_ui(ui, &about::by_family(about::fonts()));
    ui.add_space(6.0);
    label_ui(ui, Txt::new(t!("about-ui-fonts")).strong());
    credits_ui(ui, &about::by_family(ui_font_credits()));
    ui.add_space(6.0);
    label_ui(ui, Txt::new(t!("about-data")).strong());
    credits_ui(ui, &data_credits());
}

/// The word clusters and the starter model, both learned from NewsFANE.
fn data_credits() -> Vec<Credit> {
    let credit = |name: String, notice: String| Credit { name, notice, licence: about::DATA_LICENCE.into() };
    vec![
        credit(t!("about-clusters"), t!("about-clusters-notice", newsfane = about::NEWSFANE)),
        credit(t!("about-model"), t!("about-model-notice", newsfane = about::NEWSFANE)),
    ]
}

/// One entry per credit: its name, licence and notice.
fn credits_ui(ui: &mut Ui, credits: &[Credit]) {
    for credit in credits {
        row_ui(ui, |ui| {
            label_ui(ui, Txt::new(&credit.name).strong());
            ui.add_space(8.0);
            label_ui(ui, &credit.licence);
        });
        if !credit.notice.is_empty() {
            wrapped_label_ui(ui, Txt::new(&credit.notice).small().weak());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn egui_fonts_name_themselves() {
        let ui = ui_font_credits();
        let licences: Vec<&str> = ui.iter().map(|c| c.licence.as_str()).collect();
        assert!(licences.contains(&"Ubuntu Font Licence 1.0"), "{licences:?}");
        assert!(licences.iter().any(|l| l.starts_with("MIT")), "{licences:?}");
    }
}
