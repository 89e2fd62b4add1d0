//! The app's text field: a thin egui widget over [`FieldCore`] (editing, undo, IME) and
//! [`crate::text::field::FieldLine`] (cosmic-text layout), painted through the shared glyph
//! atlas. Arabic is shaped and ordered by UAX #9 like the article, the paragraph direction comes
//! from the first strong character (right-to-left text is right-aligned), and a line wider
//! than the field scrolls to keep the caret in view. Bound to a `&mut String` like egui's
//! `TextEdit`, which it replaces everywhere.

use std::sync::{Arc, Mutex, PoisonError};

use egui::accesskit;
use egui::{EventFilter, Id, Rect, Response, Sense, Stroke, StrokeKind, Ui, Widget, pos2, vec2};

use crate::text::field::{Action, FieldCore};

use super::field_access::{Names, field_access_ui};
use super::field_keys::{FieldInput, field_input};
use super::shaper::{Shaper, with_shaper};

/// Inner margin of the field, in points.
const MARGIN: egui::Vec2 = egui::vec2(4.0, 1.0);
/// Default text size, in points.
const FONT_PT: f32 = 14.0;

/// A single-line text field bound to a `String`.
pub struct TextField<'a> {
    text: &'a mut String,
    hint: &'a str,
    width: f32,
    id_salt: Option<egui::IdSalt>,
    max_chars: Option<usize>,
    font_pt: f32,
    name: Option<&'a str>,
}

/// A field's state between frames (in egui's memory, per widget id).
#[derive(Default)]
struct FieldState {
    core: FieldCore,
    /// Offset of the text's left edge from the field's inner left edge, in points.
    offset: f32,
}

impl<'a> TextField<'a> {
    /// A field editing `text`, 200 points wide.
    pub fn new(text: &'a mut String) -> Self {
        Self { text, hint: "", width: 200.0, id_salt: None, max_chars: None, font_pt: FONT_PT, name: None }
    }

    /// Placeholder shown while the field is empty.
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = hint;
        self
    }

    /// Width in points (`f32::INFINITY`: all that is available).
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// A stable id (keeps caret and undo history across layout changes).
    pub fn id_salt(mut self, salt: impl egui::AsIdSalt) -> Self {
        self.id_salt = Some(egui::IdSalt::new(salt));
        self
    }

    /// At most `n` characters.
    pub fn max_chars(mut self, n: usize) -> Self {
        self.max_chars = Some(n);
        self
    }

    /// The name screen readers give the field (default: the placeholder).
    pub fn name(mut self, name: &'a str) -> Self {
        self.name = Some(name);
        self
    }
}

/// Where the field and its text are on screen this frame.
struct Frame {
    inner: Rect,
    font_px: f32,
    ppp: f32,
}

impl Widget for TextField<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let id = match self.id_salt {
            Some(salt) => ui.make_persistent_id(salt),
            None => ui.next_auto_id(),
        };
        let state = field_state(ui.ctx(), id, self.text, self.max_chars);
        let mut st = state.lock().unwrap_or_else(PoisonError::into_inner);
        if st.core.text() != self.text.as_str() {
            st.core.set_text(self.text);
        }
        let ctx = ui.ctx().clone();
        // Shaping happens inside the shared shaper; nothing drawn here shapes through it again.
        with_shaper(&ctx, |sh| self.show_ui(ui, id, &mut st, sh))
    }
}

impl TextField<'_> {
    /// The field's frame: layout, input, painting and accessibility, with the shaper held.
    fn show_ui(self, ui: &mut Ui, id: Id, st: &mut FieldState, sh: &mut Shaper) -> Response {
        let ppp = ui.ctx().pixels_per_point();
        let font_px = (self.font_pt * ppp).round();
        let line_h = sh.line("", font_px).height() / ppp;
        let width = if self.width.is_finite() { self.width } else { ui.available_width() };
        let (_, rect) = ui.allocate_space(vec2(width, line_h + 2.0 * MARGIN.y));
        let mut response = ui.interact(rect, id, Sense::click_and_drag());
        let frame = Frame { inner: rect.shrink2(MARGIN), font_px, ppp };
        let before = self.text.clone();
        if interact(ui, &response, st, sh, &frame) {
            *self.text = st.core.text().to_string();
            response.mark_changed();
        }
        let text_rect = paint(ui, &response, st, sh, &frame, self.hint);
        let run = sh.line(&st.core.display_text(), font_px).text_run();
        let names = Names { before: &before, name: self.name.unwrap_or(self.hint), hint: self.hint };
        field_access_ui(ui, &response, &st.core, (run, text_rect, ppp), &names);
        response
    }
}

/// True if the widget with the keyboard is a [`TextField`] (its Ctrl+Z undoes typing, not
/// the article's last edit).
pub fn text_field_focused(ctx: &egui::Context) -> bool {
    let Some(id) = ctx.memory(|m| m.focused()) else { return false };
    ctx.data(|d| d.get_temp::<Arc<Mutex<FieldState>>>(id).is_some())
}

/// The state of field `id`, made from `text` on first use.
fn field_state(ctx: &egui::Context, id: Id, text: &str, max_chars: Option<usize>) -> Arc<Mutex<FieldState>> {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(id, || {
            let core = FieldCore::new(text).with_max_chars(max_chars);
            Arc::new(Mutex::new(FieldState { core, offset: 0.0 }))
        })
        .clone()
    })
}

/// Pointer, keyboard, clipboard, IME and assistive-technology input; true if the text
/// changed.
fn interact(ui: &Ui, response: &Response, st: &mut FieldState, sh: &mut Shaper, f: &Frame) -> bool {
    let mut actions = pointer_actions(ui, response, st, sh, f);
    if let Some(value) = set_value_request(ui, response.id) {
        actions.push(Action::SetValue(value));
    }
    if response.has_focus() {
        let filter = EventFilter { horizontal_arrows: true, ..EventFilter::default() };
        ui.memory_mut(|m| m.set_focus_lock_filter(response.id, filter));
        let FieldInput { actions: keys, enter } = field_input(&ui.input(|i| i.filtered_events(&filter)));
        actions.extend(keys);
        if enter {
            response.surrender_focus();
        }
    }
    let mut changed = false;
    for action in actions {
        let outcome = st.core.apply(action);
        changed |= outcome.changed;
        if let Some(text) = outcome.copied {
            ui.ctx().copy_text(text);
        }
    }
    changed
}

/// Press: caret (Shift: extend); drag: select; double click: a word; triple click: all.
fn pointer_actions(ui: &Ui, response: &Response, st: &FieldState, sh: &mut Shaper, f: &Frame) -> Vec<Action> {
    let mut out = Vec::new();
    let (pressed, shift, pos) =
        ui.input(|i| (i.pointer.primary_pressed(), i.modifiers.shift, i.pointer.interact_pos()));
    let Some(pos) = pos else { return out };
    let display = st.core.display_text();
    let line = sh.line(&display, f.font_px);
    let x = (pos.x - (f.inner.min.x + st.offset)) * f.ppp;
    let at = st.core.from_display(line.offset_at(x));
    if pressed && response.hovered() {
        response.request_focus();
        out.push(Action::Click { at, extend: shift });
    } else if response.dragged() && response.is_pointer_button_down_on() {
        out.push(Action::DragTo(at));
    }
    if response.triple_clicked() {
        out.push(Action::SelectAll);
    } else if response.double_clicked() {
        let ch = line.char_at(x).map_or(at, |r| st.core.from_display(r.start));
        out.push(Action::SelectWord(ch));
    }
    out
}

/// The value an assistive technology asked to set, if any.
fn set_value_request(ui: &Ui, id: Id) -> Option<String> {
    ui.input(|i| {
        i.accesskit_action_requests(id, accesskit::Action::SetValue)
            .filter_map(|r| match &r.data {
                Some(accesskit::ActionData::Value(v)) => Some(v.to_string()),
                _ => None,
            })
            .last()
    })
}

/// The text's left edge relative to the field's inner left edge (points): aligned to the
/// paragraph's start side when it fits, otherwise scrolled as little as keeps the caret in view.
pub fn text_offset(previous: f32, avail: f32, text_w: f32, caret_x: f32, rtl: bool) -> f32 {
    if text_w <= avail {
        return if rtl { avail - text_w } else { 0.0 };
    }
    let clamp = |o: f32| o.clamp(avail - text_w, 0.0);
    let mut offset = clamp(previous);
    let caret = offset + caret_x;
    if caret < 0.0 {
        offset -= caret;
    } else if caret > avail {
        offset -= caret - avail;
    }
    clamp(offset)
}

/// Frame, selection, composition underline, glyphs, caret and placeholder; returns where the
/// text is on screen.
fn paint(ui: &Ui, response: &Response, st: &mut FieldState, sh: &mut Shaper, f: &Frame, hint: &str) -> Rect {
    let visuals = ui.visuals();
    let focused = response.has_focus();
    let stroke = if focused {
        visuals.selection.stroke
    } else if response.hovered() {
        visuals.widgets.hovered.bg_stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    let radius = visuals.widgets.inactive.corner_radius;
    ui.painter().rect(response.rect, radius, visuals.extreme_bg_color, stroke, StrokeKind::Inside);
    let painter = ui.painter_at(f.inner.expand(1.0));
    let display = st.core.display_text();
    let caret = st.core.to_display(st.core.caret());
    let (text_w, caret_x, rtl) = {
        let line = sh.line(&display, f.font_px);
        // An empty field has no direction of its own: its caret waits on the interface's side.
        let rtl = if display.is_empty() { super::layout::is_rtl() } else { line.rtl() };
        (line.width() / f.ppp, line.caret_x(caret) / f.ppp, rtl)
    };
    st.offset = text_offset(st.offset, f.inner.width(), text_w, caret_x, rtl);
    let left = f.inner.min.x + st.offset;
    let sel = st.core.to_display(st.core.selection().start)..st.core.to_display(st.core.selection().end);
    let fill =
        if focused { visuals.selection.bg_fill } else { visuals.selection.bg_fill.gamma_multiply(0.5) };
    spans_ui(sh, (&display, sel), f, left, |r| {
        painter.rect_filled(r, 0.0, fill);
    });
    let underline = Stroke::new(1.0, visuals.strong_text_color());
    spans_ui(sh, (&display, st.core.display_preedit()), f, left, |r| {
        painter.line_segment([r.left_bottom(), r.right_bottom()], underline);
    });
    if display.is_empty() && !hint.is_empty() {
        let hint_line = sh.line(hint, f.font_px);
        let w = hint_line.width() / f.ppp;
        let x = if hint_line.rtl() { f.inner.max.x - w } else { f.inner.min.x };
        sh.paint(&painter, hint, f.font_px, pos2(x, f.inner.min.y), visuals.weak_text_color());
    }
    sh.paint(&painter, &display, f.font_px, pos2(left, f.inner.min.y), visuals.text_color());
    if focused {
        let x = ((left + caret_x) * f.ppp).round() / f.ppp;
        let caret_rect = Rect::from_min_max(pos2(x, f.inner.min.y + 2.0), pos2(x, f.inner.max.y - 2.0));
        painter.line_segment([caret_rect.min, caret_rect.max], visuals.text_cursor.stroke);
        ime_output(ui, f.inner, caret_rect);
    }
    Rect::from_min_max(pos2(left, f.inner.min.y), pos2(left + text_w, f.inner.max.y))
}

/// Calls `draw` with the screen rectangle of each visual piece of display bytes `range`.
fn spans_ui(
    sh: &mut Shaper,
    (display, range): (&str, std::ops::Range<usize>),
    f: &Frame,
    left: f32,
    mut draw: impl FnMut(Rect),
) {
    if range.is_empty() {
        return;
    }
    for (x0, x1) in sh.line(display, f.font_px).spans(range) {
        draw(Rect::from_min_max(
            pos2(left + x0 / f.ppp, f.inner.min.y),
            pos2(left + x1 / f.ppp, f.inner.max.y),
        ));
    }
}

/// Tells the platform where the field and its caret are, for the IME's candidate window.
fn ime_output(ui: &Ui, inner: Rect, caret: Rect) {
    let to_global = ui.ctx().layer_transform_to_global(ui.layer_id()).unwrap_or_default();
    ui.output_mut(|o| {
        o.ime = Some(egui::output::IMEOutput {
            purpose: egui::IMEPurpose::Normal,
            rect: to_global * inner,
            cursor_rect: to_global * caret,
            should_interrupt_composition: false,
        });
    });
}

/// A shorthand: `ui.add(TextField::new(text).hint(hint).width(width))`.
pub fn text_field_ui(ui: &mut Ui, text: &mut String, hint: &str, width: f32) -> Response {
    ui.add(TextField::new(text).hint(hint).width(width))
}

#[cfg(test)]
mod tests {
    use super::text_offset;

    #[test]
    fn short_text_sits_on_its_start_side() {
        assert_eq!(text_offset(0.0, 100.0, 40.0, 0.0, false), 0.0);
        assert_eq!(text_offset(0.0, 100.0, 40.0, 40.0, true), 60.0);
    }

    #[test]
    fn long_text_scrolls_just_enough_to_show_the_caret() {
        // Caret at the far right end of a 300-point line in a 100-point field.
        assert_eq!(text_offset(0.0, 100.0, 300.0, 300.0, false), -200.0);
        // Moving the caret back a little does not scroll.
        assert_eq!(text_offset(-200.0, 100.0, 300.0, 250.0, false), -200.0);
        // Past the left edge scrolls back by the difference.
        assert_eq!(text_offset(-200.0, 100.0, 300.0, 150.0, false), -150.0);
        // Right-to-left text: caret at its start (right end) shows the right end.
        assert_eq!(text_offset(-200.0, 100.0, 300.0, 300.0, true), -200.0);
    }
}
