//! Window text with its style, for both languages: [`Txt`] is to these widgets what egui's
//! `RichText` is to egui's. English goes to egui's own text; Arabic is shaped by cosmic-text
//! (`shaped.rs`), since egui's text has no shaping or bidi. The widgets here (labels, buttons,
//! check boxes, menus, tooltips) take a `Txt` and keep egui's look and hover behaviour.

use egui::accesskit::Role;
use egui::{Atom, Color32, Response, RichText, Ui, WidgetInfo};

use super::shaped::{BODY_PT, shaped_atom, shaped_text_ui};
use crate::app::i18n;
use crate::text::is_rtl_char;

/// Widest a shaped tooltip gets before it wraps, in points.
const TIP_WIDTH: f32 = 420.0;

/// A piece of window text and its style.
#[derive(Debug, Clone, PartialEq)]
pub struct Txt {
    pub(super) text: String,
    small: bool,
    strong: bool,
    weak: bool,
    heading: bool,
    monospace: bool,
    color: Option<Color32>,
}

impl Txt {
    /// Plain body text.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            small: false,
            strong: false,
            weak: false,
            heading: false,
            monospace: false,
            color: None,
        }
    }

    /// Smaller text.
    pub fn small(mut self) -> Self {
        self.small = true;
        self
    }

    /// Stronger (bold-looking) text.
    pub fn strong(mut self) -> Self {
        self.strong = true;
        self
    }

    /// Fainter text.
    pub fn weak(mut self) -> Self {
        self.weak = true;
        self
    }

    /// A heading.
    pub fn heading(mut self) -> Self {
        self.heading = true;
        self
    }

    /// Fixed-width digits (counts in columns).
    pub fn monospace(mut self) -> Self {
        self.monospace = true;
        self
    }

    /// In this colour.
    pub fn color(mut self, color: Color32) -> Self {
        self.color = Some(color);
        self
    }

    /// As egui's rich text.
    pub fn rich(&self) -> RichText {
        let mut r = RichText::new(&self.text);
        if self.small {
            r = r.small();
        }
        if self.strong {
            r = r.strong();
        }
        if self.weak {
            r = r.weak();
        }
        if self.heading {
            r = r.heading();
        }
        if self.monospace {
            r = r.monospace();
        }
        if let Some(c) = self.color {
            r = r.color(c);
        }
        r
    }

    /// True when the text goes through cosmic-text: all text of the Arabic interface, and any
    /// text holding right-to-left letters.
    pub fn is_shaped(&self) -> bool {
        // Text without letters (a status dot, an arrow, an icon) goes to egui, whose fonts have
        // symbols and emoji our reading fonts lack (they would be empty boxes).
        let words = self.text.chars().any(char::is_alphabetic);
        (i18n::language().is_rtl() && words) || self.text.chars().any(is_rtl_char)
    }

    /// Size in points when shaped.
    pub(super) fn pt(&self) -> f32 {
        if self.heading {
            BODY_PT * 1.35
        } else if self.small {
            BODY_PT * 0.8
        } else {
            BODY_PT
        }
    }

    /// The colour when shaped: its own, or the style's, or `None` for the widget's.
    fn shaped_color(&self, ui: &Ui) -> Option<Color32> {
        self.color.or_else(|| {
            if self.strong || self.heading {
                Some(ui.visuals().strong_text_color())
            } else if self.weak {
                Some(ui.visuals().weak_text_color())
            } else {
                None
            }
        })
    }

    /// As an atom for egui's buttons, check boxes and menus.
    pub fn atom(&self, ui: &Ui) -> Atom<'static> {
        if self.is_shaped() {
            shaped_atom(ui.ctx(), &self.text, self.pt(), self.shaped_color(ui))
        } else {
            Atom::from(self.rich())
        }
    }
}

impl From<String> for Txt {
    fn from(text: String) -> Self {
        Txt::new(text)
    }
}

impl From<&str> for Txt {
    fn from(text: &str) -> Self {
        Txt::new(text)
    }
}

impl From<&String> for Txt {
    fn from(text: &String) -> Self {
        Txt::new(text.clone())
    }
}

/// A label.
pub fn label_ui(ui: &mut Ui, text: impl Into<Txt>) -> Response {
    let text = text.into();
    if !text.is_shaped() {
        return ui.label(text.rich());
    }
    let color = text.shaped_color(ui).unwrap_or_else(|| ui.visuals().text_color());
    shaped_text_ui(ui, &text.text, (text.pt(), None), color)
}

/// A label that wraps at the width available (a paragraph: a notice, an attribution).
pub fn wrapped_label_ui(ui: &mut Ui, text: impl Into<Txt>) -> Response {
    let text = text.into();
    if !text.is_shaped() {
        return ui.add(egui::Label::new(text.rich()).wrap());
    }
    let color = text.shaped_color(ui).unwrap_or_else(|| ui.visuals().text_color());
    shaped_text_ui(ui, &text.text, (text.pt(), Some(ui.available_width())), color)
}

/// Tells screen readers what a widget drawn from a shaped atom says (egui only reads text
/// atoms), as a `role`; `selected` for check boxes and toggles.
pub(super) fn speak(ui: &Ui, response: &Response, text: &Txt, role: Role, selected: Option<bool>) {
    if !text.is_shaped() {
        // egui names its own text but calls every button a push button: inside a menu it is
        // a menu item (and a check box a checkable menu item).
        if matches!(role, Role::MenuItem | Role::MenuItemCheckBox) {
            ui.ctx().accesskit_node_builder(response.id, |node| node.set_role(role));
        }
        return;
    }
    let enabled = ui.is_enabled() && response.enabled();
    response.widget_info(|| match selected {
        Some(on) => WidgetInfo::selected(role, enabled, on, &text.text),
        None => WidgetInfo::labeled(role, enabled, &text.text),
    });
}

/// The role of a button: a menu item inside a menu.
fn button_role(ui: &Ui) -> Role {
    if egui::containers::menu::is_in_menu(ui) { Role::MenuItem } else { Role::Button }
}

/// A button.
pub fn button_ui(ui: &mut Ui, text: impl Into<Txt>) -> Response {
    button_enabled_ui(ui, true, text)
}

/// A button that can be greyed out.
pub fn button_enabled_ui(ui: &mut Ui, enabled: bool, text: impl Into<Txt>) -> Response {
    let text = text.into();
    let atom = text.atom(ui);
    let response = ui.add_enabled(enabled, egui::Button::new(atom));
    speak(ui, &response, &text, button_role(ui), None);
    response
}

/// A button as small as body text.
pub fn small_button_ui(ui: &mut Ui, text: impl Into<Txt>) -> Response {
    let text = text.into();
    let atom = text.atom(ui);
    let response = ui.add(egui::Button::new(atom).small());
    speak(ui, &response, &text, Role::Button, None);
    response
}

/// A check box.
pub fn checkbox_ui(ui: &mut Ui, on: &mut bool, text: impl Into<Txt>) -> Response {
    checkbox_enabled_ui(ui, true, on, text)
}

/// A check box that can be greyed out.
pub fn checkbox_enabled_ui(ui: &mut Ui, enabled: bool, on: &mut bool, text: impl Into<Txt>) -> Response {
    let text = text.into();
    let role = if egui::containers::menu::is_in_menu(ui) { Role::MenuItemCheckBox } else { Role::CheckBox };
    let response = if text.is_shaped() && super::layout::is_rtl() {
        mirrored_checkbox_ui(ui, enabled, on, &text)
    } else {
        let atom = text.atom(ui);
        ui.add_enabled(enabled, egui::Checkbox::new(on, atom))
    };
    speak(ui, &response, &text, role, Some(*on));
    response
}

/// A check box with its box at the right of its words (the Arabic interface); a click on the
/// words toggles it too.
fn mirrored_checkbox_ui(ui: &mut Ui, enabled: bool, on: &mut bool, text: &Txt) -> Response {
    let mut add = |ui: &mut Ui| {
        let boxed = ui.add_enabled(enabled, egui::Checkbox::without_text(on));
        let color = text.shaped_color(ui).unwrap_or_else(|| ui.visuals().text_color());
        let words = shaped_text_ui(ui, &text.text, (text.pt(), None), color);
        let words = ui.interact(words.rect, words.id.with("toggle"), egui::Sense::click());
        let mut response = boxed | words.clone();
        if enabled && words.clicked() {
            *on = !*on;
            response.mark_changed();
        }
        response
    };
    if ui.layout().is_horizontal() {
        return add(ui);
    }
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), super::layout::row_layout(), add)
        .inner
}

/// A selectable label (a toggle that looks like text).
pub fn selectable_ui(ui: &mut Ui, selected: bool, text: impl Into<Txt>) -> Response {
    let text = text.into();
    let atom = text.atom(ui);
    let response = ui.add(egui::Button::selectable(selected, atom));
    speak(ui, &response, &text, Role::Button, Some(selected));
    response
}

/// A menu (or a submenu inside a menu).
pub fn menu_ui(ui: &mut Ui, text: impl Into<Txt>, add_contents: impl FnOnce(&mut Ui)) -> Response {
    let text = text.into();
    let atom = text.atom(ui);
    let response = ui.menu_button(atom, add_contents).response;
    speak(ui, &response, &text, Role::MenuItem, None);
    response
}

/// The response with `text` shown while the pointer is over it.
pub fn tip(response: Response, text: impl Into<Txt>) -> Response {
    let text = text.into();
    if !text.is_shaped() {
        return response.on_hover_text(text.rich());
    }
    response.on_hover_ui(|ui| {
        let color = ui.visuals().text_color();
        shaped_text_ui(ui, &text.text, (text.pt(), Some(TIP_WIDTH)), color);
    })
}

/// The response with `text` shown while the pointer is over it while it is disabled.
pub fn disabled_tip(response: Response, text: impl Into<Txt>) -> Response {
    let text = text.into();
    if !text.is_shaped() {
        return response.on_disabled_hover_text(text.rich());
    }
    response.on_disabled_hover_ui(|ui| {
        let color = ui.visuals().text_color();
        shaped_text_ui(ui, &text.text, (text.pt(), Some(TIP_WIDTH)), color);
    })
}

/// A button showing `text`, styled by `style` (a chip's fill, no frame…), greyed out unless
/// `enabled`; screen readers hear its text.
pub fn styled_button_ui(
    ui: &mut Ui,
    enabled: bool,
    text: impl Into<Txt>,
    style: impl FnOnce(egui::Button<'static>) -> egui::Button<'static>,
) -> Response {
    let text = text.into();
    let button = style(egui::Button::new(text.atom(ui)));
    let response = ui.add_enabled(enabled, button);
    speak(ui, &response, &text, button_role(ui), None);
    response
}
