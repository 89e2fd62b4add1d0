//! What screen readers get from a text field: a text input named by its label (or its
//! placeholder), with its value and direction, settable by assistive technologies, and its
//! line as an AccessKit text run with the caret and selection, which gives the field the
//! platform's text interface (AT-SPI Text and EditableText on Linux).

use egui::accesskit::{self, Role, TextDirection, TextPosition, TextSelection};
use egui::{Rect, Response, Ui, UiBuilder};

use crate::text::TextRun;
use crate::text::field::FieldCore;

/// The field's names: its value before this frame, its accessible name, its placeholder.
pub(super) struct Names<'a> {
    /// The text before this frame's input (for egui's change events).
    pub before: &'a str,
    /// What screen readers call the field.
    pub name: &'a str,
    /// The placeholder.
    pub hint: &'a str,
}

/// Fills the field's node and its text run. `run`: the shown line (text with any IME
/// composition); `text_rect`: where that text is on screen; `ppp`: pixels per point.
pub(super) fn field_access_ui(
    ui: &mut Ui,
    response: &Response,
    core: &FieldCore,
    (run, text_rect, ppp): (Option<TextRun>, Rect, f32),
    names: &Names<'_>,
) {
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::text_edit(enabled, names.before, core.text(), names.hint));
    let direction = if core.is_rtl() { TextDirection::RightToLeft } else { TextDirection::LeftToRight };
    let run_id = response.id.with("run");
    let selection = run.as_ref().map(|run| {
        let position = |offset: usize| TextPosition {
            node: run_id.accesskit_id(),
            character_index: character_index(run, core.to_display(offset)),
        };
        TextSelection { anchor: position(core.anchor()), focus: position(core.caret()) }
    });
    let built = ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::TextInput);
        if !names.name.is_empty() {
            node.set_label(names.name);
        }
        node.set_value(core.text());
        node.add_action(accesskit::Action::SetValue);
        node.set_text_direction(direction);
        if let Some(selection) = selection {
            node.set_text_selection(selection);
        }
    });
    if let (Some(()), Some(run)) = (built, run) {
        run_ui(ui, response.id, run_id, (&run, &core.display_text()), text_rect, ppp);
    }
}

/// The field's line as a text run node under the field's node.
fn run_ui(
    ui: &mut Ui,
    field: egui::Id,
    run_id: egui::Id,
    (run, text): (&TextRun, &str),
    rect: Rect,
    ppp: f32,
) {
    let builder = UiBuilder::new().scope_id(run_id).max_rect(rect).accessibility_parent(field);
    let _run_ui = ui.new_child(builder.accessibility_role(Role::TextRun));
    ui.ctx().accesskit_node_builder(run_id, |node| {
        let r = egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        };
        node.set_bounds(r);
        node.set_value(text.get(run.range.clone()).unwrap_or(text));
        node.set_character_lengths(
            run.lengths.iter().map(|&l| u8::try_from(l).unwrap_or(u8::MAX)).collect::<Vec<_>>(),
        );
        node.set_character_positions(run.positions.iter().map(|p| p / ppp).collect::<Vec<_>>());
        node.set_character_widths(run.widths.iter().map(|w| w / ppp).collect::<Vec<_>>());
        node.set_word_starts(
            run.word_starts.iter().filter_map(|&w| u8::try_from(w).ok()).collect::<Vec<_>>(),
        );
        node.set_text_direction(if run.rtl {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        });
    });
}

/// The index of the character that starts at byte `offset` of the run (its length at the end).
fn character_index(run: &TextRun, offset: usize) -> usize {
    let mut at = run.range.start;
    for (k, len) in run.lengths.iter().enumerate() {
        if at >= offset {
            return k;
        }
        at += len;
    }
    run.lengths.len()
}
