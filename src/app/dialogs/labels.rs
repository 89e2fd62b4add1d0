//! The label-set editor window: add, rename, recolour and rebind labels on a working copy;
//! "Apply" sends the whole new set as one command (one undo step). Below, in a corpus, how
//! suggestions are made (`suggestions.rs`), each change saved at once.

use std::path::Path;

use egui::Ui;

use super::suggestions::SuggestionsSection;
use crate::corpus::Corpus;

use crate::model::{Label, LabelSet, PALETTE, Rgb};

use crate::app::command::Command;
use crate::app::widgets::row_ui;
use crate::app::widgets::{TextField, Txt, button_enabled_ui, button_ui, disabled_tip, label_ui, window_ui};
use crate::editor::EditCommand;
use crate::t;

/// A working copy of the label set while the editor is open.
#[derive(Debug, Default)]
pub struct LabelEditor {
    draft: Option<Vec<Label>>,
    error: Option<String>,
    suggestions: SuggestionsSection,
}

impl LabelEditor {
    /// True while the window is open.
    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    /// Opens the editor on a copy of `labels`; in the corpus at `root`, reads what its
    /// suggestions learn from (on a thread).
    pub fn open(&mut self, labels: &LabelSet, root: Option<&Path>) {
        self.draft = Some(labels.iter().cloned().collect());
        self.error = None;
        if let Some(root) = root {
            self.suggestions.reread(None, root);
        }
    }

    /// Reads the corpus at `root` again for the Suggestions section, if the editor is open
    /// (its settings or the corpora it learns from changed).
    pub fn reread(&mut self, root: &Path) {
        if self.is_open() {
            self.suggestions.reread(None, root);
        }
    }

    /// Shows the window while open. `in_use` tells whether a label has entities.
    pub fn label_editor_ui(
        &mut self,
        ctx: &egui::Context,
        current: &LabelSet,
        (in_use, corpus): (impl Fn(&Label) -> bool, Option<&Corpus>),
        cmds: &mut Vec<Command>,
    ) {
        let Some(draft) = &mut self.draft else { return };
        let error = &mut self.error;
        let suggestions = &mut self.suggestions;
        let mut close = false;
        let title = ("label-editor", Txt::new(t!("labels-title")));
        window_ui(
            ctx,
            title,
            None,
            |w| w.collapsible(false).resizable(false),
            |ui| {
                labels_grid_ui(ui, draft, &in_use);
                if button_ui(ui, t!("labels-add")).clicked() {
                    add_label(draft, current);
                }
                if let Some(err) = error.as_ref() {
                    label_ui(ui, Txt::new(err).color(ui.visuals().error_fg_color));
                }
                close = apply_cancel_ui(ui, draft, current, error, cmds);
                suggestions.suggestions_ui(ui, corpus, cmds);
            },
        );
        if close {
            self.draft = None;
        }
    }
}

/// One editable row per label, with a Remove button for labels no entity uses.
fn labels_grid_ui(ui: &mut Ui, draft: &mut Vec<Label>, in_use: &impl Fn(&Label) -> bool) {
    egui::Grid::new("labels-grid").striped(true).show(ui, |ui| {
        label_ui(ui, Txt::new(t!("labels-name")).strong());
        label_ui(ui, Txt::new(t!("labels-colour")).strong());
        label_ui(ui, Txt::new(t!("labels-key")).strong());
        ui.end_row();
        let mut remove = None;
        for (i, label) in draft.iter_mut().enumerate() {
            label_row_ui(ui, label);
            let button = button_enabled_ui(ui, !in_use(label), t!("labels-remove"));
            if disabled_tip(button, t!("labels-in-use-tip")).clicked() {
                remove = Some(i);
            }
            ui.end_row();
        }
        if let Some(i) = remove {
            draft.remove(i);
        }
    });
}

/// Appends a new label with an id no label (in the draft or the current set) has had.
fn add_label(draft: &mut Vec<Label>, current: &LabelSet) {
    let max = draft.iter().map(|l| l.id.0).max().unwrap_or(0);
    let id = crate::model::LabelId(max.max(current.next_id().0 - 1) + 1);
    let n = draft.len();
    draft.push(Label {
        id,
        name: format!("LABEL{}", n + 1),
        color: PALETTE[n % PALETTE.len()],
        hotkey: None,
    });
}

/// The Apply and Cancel buttons; true when the window should close. Apply sends the draft as
/// one command if it is valid and differs from `current`, else shows why it is not valid.
fn apply_cancel_ui(
    ui: &mut Ui,
    draft: &[Label],
    current: &LabelSet,
    error: &mut Option<String>,
    cmds: &mut Vec<Command>,
) -> bool {
    let mut close = false;
    row_ui(ui, |ui| {
        if button_ui(ui, t!("labels-apply")).clicked() {
            match validate(draft) {
                Ok(set) => {
                    if set != *current {
                        cmds.push(EditCommand::SetLabels(set).into());
                    }
                    close = true;
                }
                Err(e) => *error = Some(e),
            }
        }
        if button_ui(ui, t!("labels-cancel")).clicked() {
            close = true;
        }
    });
    close
}

fn label_row_ui(ui: &mut Ui, label: &mut Label) {
    let name = t!("labels-name");
    ui.add(TextField::new(&mut label.name).width(110.0).id_salt(("label-name", label.id)).name(&name));
    let mut rgb = [label.color.0, label.color.1, label.color.2];
    if ui.color_edit_button_srgb(&mut rgb).changed() {
        label.color = Rgb(rgb[0], rgb[1], rgb[2]);
    }
    let mut key = label.hotkey.map(String::from).unwrap_or_default();
    let key_name = t!("labels-key");
    let field =
        TextField::new(&mut key).width(24.0).max_chars(1).id_salt(("label-key", label.id)).name(&key_name);
    if ui.add(field).changed() {
        label.hotkey = key.chars().next();
    }
}

/// Checks a draft: non-empty names without whitespace, unique names and keys.
fn validate(draft: &[Label]) -> Result<LabelSet, String> {
    if let Some(l) = draft.iter().find(|l| l.name.trim().is_empty() || l.name.contains(char::is_whitespace)) {
        return Err(t!("labels-error-one-word", name = format!("{:?}", l.name)));
    }
    LabelSet::from_labels(draft.to_vec()).map_err(|name| t!("labels-error-twice", name = name))
}
