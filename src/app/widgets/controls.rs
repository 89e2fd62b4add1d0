//! Composite controls with text, for both languages: a choice (drop-down), a progress bar, a
//! slider, a link and a window. In the Arabic interface their words are shaped and they read
//! from the right; egui's own versions take only egui's text, so they are rebuilt there.

use egui::accesskit::Role;
use egui::{Response, Ui};

use super::layout::{is_rtl, row_ui};
use super::text::{Txt, label_ui, menu_ui, selectable_ui, small_button_ui, speak};

/// A choice among `options` (value, name) shown as a drop-down named `label` (in the Arabic
/// interface a label and a menu of shaped names, since egui's combo box takes only its text).
pub fn choice_ui<T: PartialEq + Clone>(
    ui: &mut Ui,
    id: &str,
    label: impl Into<Txt>,
    current: &mut T,
    options: &[(T, String)],
) -> Response {
    let label = label.into();
    let selected = options.iter().find(|(v, _)| v == current).map_or("", |(_, n)| n.as_str());
    let items = |ui: &mut Ui, current: &mut T| {
        for (value, name) in options {
            if selectable_ui(ui, value == current, name).clicked() {
                *current = value.clone();
            }
        }
    };
    if label.is_shaped() {
        label_ui(ui, label);
        return menu_ui(ui, Txt::new(selected), |ui| items(ui, current));
    }
    egui::ComboBox::new(id, label.rich())
        .selected_text(selected)
        .show_ui(ui, |ui| items(ui, current))
        .response
}

/// A progress bar with `text` on it; in the Arabic interface it fills from the right.
pub fn progress_ui(ui: &mut Ui, fraction: f32, width: Option<f32>, text: impl Into<Txt>) -> Response {
    let text = text.into();
    let mut bar = egui::ProgressBar::new(fraction);
    if let Some(w) = width {
        bar = bar.desired_width(w);
    }
    if !text.is_shaped() {
        return ui.add(bar.text(text.rich()));
    }
    let response = if is_rtl() { mirrored_bar_ui(ui, fraction, width) } else { ui.add(bar) };
    let size = super::shaped::shaped_size(ui.ctx(), &text.text, text.pt(), None);
    let pos = response.rect.center() - size / 2.0;
    let color = ui.visuals().strong_text_color();
    super::shaped::paint_shaped(ui, pos, &text.text, (text.pt(), None), color);
    speak(ui, &response, &text, Role::ProgressIndicator, None);
    response
}

/// A progress bar filling from the right, egui's look otherwise.
fn mirrored_bar_ui(ui: &mut Ui, fraction: f32, width: Option<f32>) -> Response {
    let height = ui.spacing().interact_size.y;
    let width = width.unwrap_or_else(|| ui.available_width());
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let visuals = ui.visuals();
    let radius = egui::CornerRadius::same((height / 2.0) as u8);
    ui.painter().rect_filled(rect, radius, visuals.extreme_bg_color);
    let filled = rect.width() * fraction.clamp(0.0, 1.0);
    let fill = egui::Rect::from_min_max(egui::pos2(rect.max.x - filled, rect.min.y), rect.max);
    ui.painter().rect_filled(fill, radius, visuals.selection.bg_fill);
    response
}

/// A slider of `value` in `range` with `text` beside it; in the Arabic interface it reads
/// from the right (the range's start at the right end).
pub fn slider_ui(
    ui: &mut Ui,
    value: &mut f32,
    range: std::ops::RangeInclusive<f32>,
    text: impl Into<Txt>,
) -> Response {
    let text = text.into();
    if !text.is_shaped() {
        return ui.add(egui::Slider::new(value, range).text(text.rich()));
    }
    let (lo, hi) = (*range.start(), *range.end());
    row_ui(ui, |ui| {
        label_ui(ui, text);
        if !is_rtl() {
            return ui.add(egui::Slider::new(value, range));
        }
        // Mirrored: the slider holds hi + lo - value, and shows and parses the real value.
        let mut mirrored = hi + lo - *value;
        let slider = egui::Slider::new(&mut mirrored, lo..=hi)
            .custom_formatter(move |v, _| format!("{:.2}", f64::from(hi + lo) - v))
            .custom_parser(move |s| s.trim().parse::<f64>().ok().map(|v| f64::from(hi + lo) - v));
        let response = ui.add(slider);
        *value = hi + lo - mirrored;
        response
    })
    .inner
}

/// A link-like button of `size` points (a frameless button in the Arabic interface).
pub fn link_ui(ui: &mut Ui, size: [f32; 2], text: impl Into<Txt>) -> Response {
    let text = text.into();
    if !text.is_shaped() {
        return ui.add_sized(size, egui::Link::new(text.rich()));
    }
    let atom = text.atom(ui);
    let response = ui.add_sized(size, egui::Button::new(atom).frame(false));
    speak(ui, &response, &text, Role::Link, None);
    response
}

/// A window titled `title` (`id` keeps it in place when the language changes). In the
/// Arabic interface the title is drawn inside, shaped, since egui's title bar takes only its
/// own text; `open` then gets a close button there.
pub fn window_ui<R>(
    ctx: &egui::Context,
    (id, title): (&str, Txt),
    open: Option<&mut bool>,
    configure: impl FnOnce(egui::Window<'static>) -> egui::Window<'static>,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> Option<R> {
    let id = egui::Id::unique(id);
    if !title.is_shaped() {
        let window = configure(egui::Window::new(title.rich()).id(id));
        return match open {
            Some(open) => window.open(open).show(ctx, add_contents),
            None => window.show(ctx, add_contents),
        }
        .and_then(|r| r.inner);
    }
    let mut close = false;
    let shown = configure(egui::Window::new("").id(id).title_bar(false)).show(ctx, |ui| {
        // Mirrored without stretching the window: the close button first, at the left.
        ui.horizontal(|ui| {
            if open.is_some() && small_button_ui(ui, "×").clicked() {
                close = true;
            }
            label_ui(ui, title.clone().heading());
        });
        ui.separator();
        add_contents(ui)
    });
    if let (true, Some(open)) = (close, open) {
        *open = false;
    }
    shown.and_then(|r| r.inner)
}
