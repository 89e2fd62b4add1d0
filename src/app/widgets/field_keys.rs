//! Keyboard, clipboard and IME events of a focused text field turned into the field core's
//! [`Action`]s: arrows move by the paragraph's direction (Ctrl by word, Shift extends),
//! Home/End, Backspace/Delete (Ctrl by word), Ctrl+A, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y inside the
//! field, egui's Copy/Cut/Paste events (the system clipboard), and IME composition.

use egui::{Event, ImeEvent, Key, Modifiers};

use crate::text::field::{Action, Motion};

/// What the events of one frame ask of a field.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FieldInput {
    /// Actions in order.
    pub actions: Vec<Action>,
    /// Enter was pressed (the field gives up the keyboard, like egui's single-line edit).
    pub enter: bool,
}

/// The actions of `events` for a focused field.
pub fn field_input(events: &[Event]) -> FieldInput {
    let mut out = FieldInput::default();
    for event in events {
        match event {
            Event::Text(t) if !t.is_empty() && !t.contains(['\n', '\r']) => {
                out.actions.push(Action::Insert(t.clone()));
            }
            Event::Paste(t) if !t.is_empty() => out.actions.push(Action::Paste(t.clone())),
            Event::Copy => out.actions.push(Action::Copy),
            Event::Cut => out.actions.push(Action::Cut),
            Event::Key { key: Key::Enter, pressed: true, .. } => {
                out.enter = true;
                break;
            }
            Event::Key { key, pressed: true, modifiers, .. } => {
                out.actions.extend(key_action(*key, *modifiers))
            }
            Event::Ime(ime) => out.actions.extend(ime_action(ime)),
            _ => {}
        }
    }
    out
}

/// The action of a pressed key, if it has one in a field.
fn key_action(key: Key, m: Modifiers) -> Option<Action> {
    let word = m.command;
    let extend = m.shift;
    let motion = |motion| Some(Action::Move { motion, extend });
    match key {
        Key::ArrowLeft if word => motion(Motion::WordLeft),
        Key::ArrowRight if word => motion(Motion::WordRight),
        Key::ArrowLeft => motion(Motion::Left),
        Key::ArrowRight => motion(Motion::Right),
        Key::Home => motion(Motion::Home),
        Key::End => motion(Motion::End),
        Key::Backspace => Some(Action::DeleteBackward { word }),
        Key::Delete => Some(Action::DeleteForward { word }),
        Key::A if m.command => Some(Action::SelectAll),
        Key::Z if m.command && m.shift => Some(Action::Redo),
        Key::Y if m.command => Some(Action::Redo),
        Key::Z if m.command => Some(Action::Undo),
        _ => None,
    }
}

fn ime_action(ime: &ImeEvent) -> Option<Action> {
    match ime {
        ImeEvent::Preedit { text, .. } => Some(Action::Preedit(text.clone())),
        ImeEvent::Commit(text) if text != "\n" && text != "\r" => Some(Action::Commit(text.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key, modifiers: Modifiers) -> Event {
        Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers }
    }

    #[test]
    fn keys_become_actions() {
        let events = [
            Event::Text("ب".into()),
            key(Key::ArrowLeft, Modifiers::SHIFT | Modifiers::COMMAND),
            key(Key::Backspace, Modifiers::COMMAND),
            key(Key::Z, Modifiers::COMMAND),
            key(Key::Z, Modifiers::COMMAND | Modifiers::SHIFT),
            Event::Paste("G20".into()),
            Event::Ime(ImeEvent::Preedit { text: "ك".into(), active_range_chars: None }),
            Event::Ime(ImeEvent::Commit("كو".into())),
            key(Key::Enter, Modifiers::NONE),
            Event::Text("after".into()),
        ];
        let input = field_input(&events);
        assert!(input.enter);
        assert_eq!(
            input.actions,
            vec![
                Action::Insert("ب".into()),
                Action::Move { motion: Motion::WordLeft, extend: true },
                Action::DeleteBackward { word: true },
                Action::Undo,
                Action::Redo,
                Action::Paste("G20".into()),
                Action::Preedit("ك".into()),
                Action::Commit("كو".into()),
            ]
        );
    }
}
