//! The label-set editor window: add, rename, recolour and rebind labels on a working copy;
//! "Apply" sends the whole new set as one command (one undo step).

use egui::Ui;

use crate::model::{Label, LabelSet, PALETTE, Rgb};

use crate::app::command::Command;
use crate::app::widgets::TextField;
use crate::editor::EditCommand;

/// A working copy of the label set while the editor is open.
#[derive(Debug, Default)]
pub struct LabelEditor {
    draft: Option<Vec<Label>>,
    error: Option<String>,
}

impl LabelEditor {
    /// True while the window is open.
    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    /// Opens the editor on a copy of `labels`.
    pub fn open(&mut self, labels: &LabelSet) {
        self.draft = Some(labels.iter().cloned().collect());
        self.error = None;
    }

    /// Shows the window while open. `in_use` tells whether a label has entities.
    pub fn label_editor_ui(
        &mut self,
        ctx: &egui::Context,
        current: &LabelSet,
        in_use: impl Fn(&Label) -> bool,
        cmds: &mut Vec<Command>,
    ) {
        let Some(draft) = &mut self.draft else { return };
        let error = &mut self.error;
        let mut close = false;
        egui::Window::new("Labels").collapsible(false).resizable(false).show(ctx, |ui| {
            labels_grid_ui(ui, draft, &in_use);
            if ui.button("Add label").clicked() {
                add_label(draft, current);
            }
            if let Some(err) = error.as_ref() {
                ui.colored_label(ui.visuals().error_fg_color, err);
            }
            close = apply_cancel_ui(ui, draft, current, error, cmds);
        });
        if close {
            self.draft = None;
        }
    }
}

/// One editable row per label, with a Remove button for labels no entity uses.
fn labels_grid_ui(ui: &mut Ui, draft: &mut Vec<Label>, in_use: &impl Fn(&Label) -> bool) {
    egui::Grid::new("labels-grid").striped(true).show(ui, |ui| {
        ui.strong("Name");
        ui.strong("Colour");
        ui.strong("Key");
        ui.end_row();
        let mut remove = None;
        for (i, label) in draft.iter_mut().enumerate() {
            label_row_ui(ui, label);
            let button = ui.add_enabled(!in_use(label), egui::Button::new("Remove"));
            if button.on_disabled_hover_text("Entities use this label").clicked() {
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
    ui.horizontal(|ui| {
        if ui.button("Apply").clicked() {
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
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    close
}

fn label_row_ui(ui: &mut Ui, label: &mut Label) {
    ui.add(TextField::new(&mut label.name).width(110.0).id_salt(("label-name", label.id)).name("Label name"));
    let mut rgb = [label.color.0, label.color.1, label.color.2];
    if ui.color_edit_button_srgb(&mut rgb).changed() {
        label.color = Rgb(rgb[0], rgb[1], rgb[2]);
    }
    let mut key = label.hotkey.map(String::from).unwrap_or_default();
    let field =
        TextField::new(&mut key).width(24.0).max_chars(1).id_salt(("label-key", label.id)).name("Key");
    if ui.add(field).changed() {
        label.hotkey = key.chars().next();
    }
}

/// Checks a draft: non-empty names without whitespace, unique names and keys.
fn validate(draft: &[Label]) -> Result<LabelSet, String> {
    if let Some(l) = draft.iter().find(|l| l.name.trim().is_empty() || l.name.contains(char::is_whitespace)) {
        return Err(format!("Label name {:?} must be one word", l.name));
    }
    LabelSet::from_labels(draft.to_vec()).map_err(|name| format!("{name}: name or key is used twice"))
}
