//! Keyboard shortcuts: read once per frame and turned into the same [`Command`]s the menus use,
//! the suggestions layer's keys included.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Command, DialogPurpose};
use crate::editor::Article;
use crate::editor::EditCommand;
use crate::model::Edge;
use crate::text::first_strong_rtl;

/// Global shortcuts (work whatever has focus, except text fields for plain keys).
pub fn shortcut_commands(
    ctx: &egui::Context,
    article: Option<&Article>,
    typing: bool,
    offer: bool,
) -> Vec<Command> {
    let mut out = Vec::new();
    let cmd = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
    let cmd_shift = |k| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, k);
    // In a text field, Ctrl+Z and Ctrl+Y undo and redo the typing (the field reads them).
    let in_field = crate::app::widgets::text_field_focused(ctx);
    ctx.input_mut(|i| {
        let table = [
            (cmd_shift(Key::Z), EditCommand::Redo.into()),
            (cmd(Key::Z), EditCommand::Undo.into()),
            (cmd(Key::Y), EditCommand::Redo.into()),
            (cmd_shift(Key::S), Command::Dialog(DialogPurpose::SaveAs)),
            (cmd(Key::S), Command::Save),
            (cmd(Key::O), Command::Dialog(DialogPurpose::Open)),
            (cmd(Key::Plus), Command::ZoomIn),
            (cmd(Key::Equals), Command::ZoomIn),
            (cmd(Key::Minus), Command::ZoomOut),
            (cmd(Key::Num0), Command::ZoomReset),
            (cmd(Key::Q), Command::Quit),
            (cmd_shift(Key::F), Command::FindOpen(true)),
            (cmd(Key::F), Command::FindOpen(false)),
            (cmd(Key::PageDown), Command::StepDoc(true)),
            (cmd(Key::PageUp), Command::StepDoc(false)),
            (cmd(Key::Enter), Command::DoneAndNext),
        ];
        for (shortcut, command) in table {
            let history = matches!(command, Command::Edit(EditCommand::Undo | EditCommand::Redo));
            if !(in_field && history) && i.consume_shortcut(&shortcut) {
                out.push(command);
            }
        }
    });
    if typing {
        return out;
    }
    if let Some(article) = article {
        out.extend(annotation_keys(ctx, article, offer));
    }
    out
}

/// Suggestion keys (N / P step, Enter or a label key accepts, Backspace rejects), label hotkeys, T for an offered tag-all,
/// Delete, Escape and Shift+Alt+arrows for the selected entity.
fn annotation_keys(ctx: &egui::Context, article: &Article, offer: bool) -> Vec<Command> {
    let mut out = Vec::new();
    ctx.input(|i| {
        for event in &i.events {
            if let Some(cmd) = suggestion_key(article, event, i.modifiers) {
                out.push(cmd.into());
                continue;
            }
            match event {
                egui::Event::Text(t) if !i.modifiers.command && !i.modifiers.alt => {
                    for c in t.chars() {
                        if let Some(label) = article.ann().labels().by_hotkey(c) {
                            out.push(EditCommand::Tag(label.id).into());
                        } else if offer && c.eq_ignore_ascii_case(&'t') {
                            out.push(Command::TagOffered);
                        }
                    }
                }
                egui::Event::Key { key, pressed: true, modifiers, .. } => {
                    out.extend(key_command(*key, *modifiers, article).map(Command::from));
                }
                _ => {}
            }
        }
    });
    out
}

fn key_command(key: Key, m: Modifiers, article: &Article) -> Option<EditCommand> {
    match key {
        Key::Escape => Some(EditCommand::ClearSelection),
        Key::Delete | Key::Backspace => article.selected.map(EditCommand::Delete),
        Key::ArrowLeft | Key::ArrowRight if m.shift && m.alt => {
            let id = article.selected?;
            let e = article.ann().entities().get(id)?;
            let rtl = first_strong_rtl(article.doc.text(), e.start);
            // Visual arrows: on a right-to-left line, Left moves towards the text's end.
            let forward = (key == Key::ArrowLeft) == rtl;
            // Shift+Alt+arrow moves the end; with Ctrl as well it moves the start.
            let edge = if m.command { Edge::Start } else { Edge::End };
            Some(EditCommand::AdjustEdge(id, edge, if forward { 1 } else { -1 }))
        }
        Key::ArrowLeft | Key::ArrowRight if !m.alt => {
            let text = article.doc.text();
            let caret = article.selection.map_or(0, |s| s.caret);
            let forward = (key == Key::ArrowLeft) == first_strong_rtl(text, caret);
            let next = step(text, caret, forward, m.command);
            let anchor = match (m.shift, article.selection) {
                (true, Some(s)) => s.anchor,
                (true, None) => caret,
                (false, _) => next,
            };
            Some(EditCommand::Select { anchor, caret: next })
        }
        _ => None,
    }
}

/// The caret position one code point (or one word, with `word`) forward or back.
fn step(text: &str, caret: usize, forward: bool, word: bool) -> usize {
    let caret = text.floor_char_boundary(caret.min(text.len()));
    if word {
        let w = if forward {
            crate::model::word_at(text, caret).end
        } else {
            crate::model::word_at(text, text[..caret].char_indices().next_back().map_or(0, |(i, _)| i)).start
        };
        return w;
    }
    if forward {
        text[caret..].chars().next().map_or(caret, |c| caret + c.len_utf8())
    } else {
        text[..caret].chars().next_back().map_or(caret, |c| caret - c.len_utf8())
    }
}

/// Keys for the suggestions layer, given the key or text events of this frame: `None` when
/// the event is not about suggestions.
fn suggestion_key(article: &Article, event: &egui::Event, m: egui::Modifiers) -> Option<EditCommand> {
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
