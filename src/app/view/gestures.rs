//! Pointer gestures on the article: drag to select (snapped to words, or letter-precise with
//! Alt), Shift+click to extend, double-click for a word, click to select or clear, and
//! dragging a selected entity's boundary handle. Gestures only emit [`Command`]s.

use std::ops::Range;

use egui::Ui;

use crate::model::{EntityId, snap_to_words, word_at};
use crate::text::ArticleLayout;

use super::viewport::{Viewport, handle_rect};
use crate::app::command::Command;
use crate::editor::Article;
use crate::editor::EditCommand;
use crate::model::Edge;

/// Distance (points) within which a press grabs a boundary handle.
const HANDLE_GRAB: f32 = 7.0;

/// A pointer drag in progress.
#[derive(Debug, Clone, Copy)]
pub(super) enum Drag {
    /// Selecting text from `anchor`.
    Select {
        /// Where the press was (document byte).
        anchor: usize,
    },
    /// Moving one boundary of an entity; the other end stays at `fixed`.
    Edge {
        /// The entity.
        id: EntityId,
        /// Its other end (document byte).
        fixed: usize,
        /// Where the moving end is now.
        current: usize,
    },
}

/// Handles the pointer for this frame; returns the range to preview while a boundary moves.
pub(super) fn handle_pointer(
    ui: &Ui,
    response: &egui::Response,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
    drag: &mut Option<Drag>,
    cmds: &mut Vec<Command>,
) -> Option<Range<usize>> {
    let (pressed, down, modifiers, press, pos) = ui.input(|i| {
        let p = &i.pointer;
        (p.primary_pressed(), p.primary_down(), i.modifiers, p.press_origin(), p.interact_pos())
    });
    let text = article.doc.text();
    if pressed && response.hovered() {
        *drag = press.and_then(|p| start_drag(p, layout, view, article, modifiers.shift));
    }
    let caret = pos.map(|p| view.to_layout(p)).and_then(|(x, y)| layout.caret_at(x, y));
    let preview = match (*drag, caret) {
        (Some(Drag::Select { anchor }), Some(caret)) if caret != anchor => {
            let (anchor, caret) = snapped(text, anchor, caret, modifiers.alt);
            if article.selection.map(|s| (s.anchor, s.caret)) != Some((anchor, caret)) {
                cmds.push(EditCommand::Select { anchor, caret }.into());
            }
            None
        }
        (Some(Drag::Edge { id, fixed, .. }), Some(caret)) => {
            *drag = Some(Drag::Edge { id, fixed, current: caret });
            Some(fixed.min(caret)..fixed.max(caret))
        }
        _ => None,
    };
    if !down && let Some(Drag::Edge { id, fixed, current }) = drag.take() {
        let range = fixed.min(current)..fixed.max(current);
        if !range.is_empty() {
            cmds.push(EditCommand::SetRange(id, range).into());
        }
    }
    clicks(response, layout, view, article, pos, modifiers.shift, cmds);
    preview.filter(|_| down)
}

/// What a press starts: grabbing a handle of the selected entity, or a text selection.
fn start_drag(
    p: egui::Pos2,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
    shift: bool,
) -> Option<Drag> {
    if let Some(e) = article.selected.and_then(|id| article.ann().entities().get(id)) {
        for (edge, at, fixed) in [(Edge::Start, e.start, e.end), (Edge::End, e.end, e.start)] {
            let near = handle_rect(layout, view, at, edge).is_some_and(|r| r.expand(HANDLE_GRAB).contains(p));
            if near {
                return Some(Drag::Edge { id: e.id, fixed, current: at });
            }
        }
    }
    let (x, y) = view.to_layout(p);
    let at = layout.caret_at(x, y)?;
    let anchor = match (shift, article.selection) {
        (true, Some(sel)) => sel.anchor,
        _ => at,
    };
    Some(Drag::Select { anchor })
}

fn clicks(
    response: &egui::Response,
    layout: &ArticleLayout,
    view: &Viewport,
    article: &Article,
    pos: Option<egui::Pos2>,
    shift: bool,
    cmds: &mut Vec<Command>,
) {
    let hit = || pos.map(|p| view.to_layout(p)).and_then(|(x, y)| layout.char_at(x, y));
    if response.double_clicked() {
        if let Some(ch) = hit() {
            let w = word_at(article.doc.text(), ch.start);
            cmds.push(EditCommand::Select { anchor: w.start, caret: w.end }.into());
        }
    } else if response.clicked() && !shift {
        let at = hit().map(|ch| ch.start);
        let entity = at.and_then(|b| article.ann().entities().innermost_at(b).copied());
        // A click on a suggestion (and no entity) makes it the current one.
        let suggestion =
            at.and_then(|b| article.ann().suggestions().overlapping(b..b + 1).last().map(|s| s.key()));
        let cmd = match (entity, suggestion) {
            (Some(e), _) => EditCommand::SelectEntity(e.id),
            (None, Some(key)) => EditCommand::SelectSuggestion(key),
            (None, None) => EditCommand::ClearSelection,
        };
        cmds.push(cmd.into());
    }
}

/// Extends a raw anchor..caret to whole words unless `precise` (Alt held).
fn snapped(text: &str, anchor: usize, caret: usize, precise: bool) -> (usize, usize) {
    if precise {
        return (anchor, caret);
    }
    let r = snap_to_words(text, anchor.min(caret)..anchor.max(caret));
    if caret >= anchor { (r.start, r.end) } else { (r.end, r.start) }
}
