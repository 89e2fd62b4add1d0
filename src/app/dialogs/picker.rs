//! The built-in file picker's state, without egui: the folder shown and its listing (folders
//! first, hidden entries left out, names in a stable order), the path and file-name fields,
//! and what a choice means for each kind of dialog. The window (`picker_ui.rs`) only draws it.
//!
//! Our own picker replaces `egui_file`, whose text inputs were egui's (no bidi: an Arabic file
//! name came out reversed) and whose icons were characters no bundled font has (empty boxes).

use std::path::{Path, PathBuf};

/// What the picker picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickMode {
    /// An existing file.
    Open,
    /// A file name to write (may not exist yet).
    Save,
    /// A folder.
    Folder,
}

/// Why the picker cannot do what was asked (shown in the window, from the catalogues).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickError {
    /// The folder could not be listed.
    CannotList(PathBuf, String),
    /// A typed path names no folder.
    NoSuchFolder(PathBuf),
    /// A folder was asked for.
    NotAFolder(PathBuf),
    /// An existing file was asked for.
    NotAFile(PathBuf),
    /// Save needs a file name.
    NeedsName,
    /// Save named an existing file: choosing it again replaces it.
    Exists(PathBuf),
}

/// One row of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// File or folder name.
    pub name: String,
    /// A folder.
    pub is_dir: bool,
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct Picker {
    /// What it picks.
    pub mode: PickMode,
    /// Window title.
    pub title: String,
    /// The folder shown.
    dir: PathBuf,
    /// The path field (the folder shown, editable).
    pub path_text: String,
    /// The file-name field.
    pub name: String,
    entries: Vec<Entry>,
    /// Why the folder could not be listed, or why a choice was refused.
    pub error: Option<PickError>,
}

impl Picker {
    /// A picker in `dir` (the home folder if `None`), suggesting file name `name`.
    pub fn new(mode: PickMode, title: String, dir: Option<PathBuf>, name: Option<String>) -> Self {
        let dir = dir.filter(|d| d.is_dir()).or_else(home).unwrap_or_else(|| PathBuf::from("/"));
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        let mut picker = Self {
            mode,
            title,
            path_text: String::new(),
            dir: PathBuf::new(),
            name: name.unwrap_or_default(),
            entries: Vec::new(),
            error: None,
        };
        picker.go(&dir);
        picker
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Its listing.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Shows folder `dir`; on failure stays where it is and says why.
    pub fn go(&mut self, dir: &Path) {
        match list(dir) {
            Ok(entries) => {
                self.dir = dir.to_path_buf();
                self.entries = entries;
                self.error = None;
            }
            Err(e) => self.error = Some(PickError::CannotList(dir.to_path_buf(), e.to_string())),
        }
        self.path_text = self.dir.display().to_string();
    }

    /// Shows the parent folder.
    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent().map(Path::to_path_buf) {
            self.go(&parent);
        }
    }

    /// The path field was confirmed: a folder is shown; a file's folder is shown and its name
    /// put in the name field.
    pub fn go_to_typed(&mut self) {
        let typed = PathBuf::from(self.path_text.trim());
        if typed.is_dir() {
            self.go(&typed);
        } else if let (Some(parent), Some(name)) = (typed.parent(), typed.file_name()) {
            self.name = name.to_string_lossy().into_owned();
            self.go(parent);
        } else {
            self.error = Some(PickError::NoSuchFolder(typed));
        }
    }

    /// A click on entry `i`: a file's name goes to the name field (folders are entered by
    /// [`Self::activate`]).
    pub fn select(&mut self, i: usize) {
        if let Some(e) = self.entries.get(i).filter(|e| !e.is_dir || self.mode == PickMode::Folder) {
            self.name = e.name.clone();
        }
    }

    /// A double click on entry `i`: enters a folder, or chooses a file.
    pub fn activate(&mut self, i: usize) -> Option<PathBuf> {
        let e = self.entries.get(i)?.clone();
        let path = self.dir.join(&e.name);
        if e.is_dir {
            self.go(&path);
            None
        } else {
            self.name = e.name;
            self.choose()
        }
    }

    /// The path the dialog answers with, if the fields make one; otherwise says why. Save on
    /// an existing file asks first: it answers only when that file is chosen a second time.
    pub fn choose(&mut self) -> Option<PathBuf> {
        let name = self.name.trim();
        let path = if name.is_empty() { self.dir.clone() } else { self.dir.join(name) };
        let asked = self.error == Some(PickError::Exists(path.clone()));
        let refusal = match self.mode {
            PickMode::Folder if !path.is_dir() => Some(PickError::NotAFolder(path.clone())),
            PickMode::Open if !path.is_file() => Some(PickError::NotAFile(path.clone())),
            PickMode::Save if name.is_empty() || path.is_dir() => Some(PickError::NeedsName),
            PickMode::Save if path.exists() && !asked => Some(PickError::Exists(path.clone())),
            _ => None,
        };
        self.error = refusal;
        self.error.is_none().then_some(path)
    }
}

/// The user's home folder.
fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from).filter(|h| h.is_dir())
}

/// A folder's entries: folders first, then files, each by name; hidden ones left out.
fn list(dir: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let is_dir = e.path().is_dir();
            (!name.starts_with('.')).then_some(Entry { name, is_dir })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir.cmp(&a.is_dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("مقالات")).expect("mkdir");
        std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
        std::fs::write(dir.path().join("مقالات/سانا.txt"), "نص").expect("write");
        std::fs::write(dir.path().join("b.txt"), "x").expect("write");
        std::fs::write(dir.path().join("A.txt"), "x").expect("write");
        dir
    }

    #[test]
    fn folders_come_first_and_hidden_ones_are_left_out() {
        let dir = tree();
        let p = Picker::new(PickMode::Open, "Open".into(), Some(dir.path().into()), None);
        let names: Vec<&str> = p.entries().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["مقالات", "A.txt", "b.txt"]);
        assert_eq!(p.path_text, dir.path().display().to_string());
    }

    #[test]
    fn double_click_enters_folders_and_chooses_files() {
        let dir = tree();
        let mut p = Picker::new(PickMode::Open, "Open".into(), Some(dir.path().into()), None);
        assert_eq!(p.activate(0), None);
        assert_eq!(p.dir(), dir.path().join("مقالات"));
        assert_eq!(p.activate(0), Some(dir.path().join("مقالات/سانا.txt")));
        p.up();
        assert_eq!(p.dir(), dir.path());
    }

    #[test]
    fn each_mode_refuses_what_it_cannot_use() {
        let dir = tree();
        let mut open = Picker::new(PickMode::Open, "Open".into(), Some(dir.path().into()), None);
        assert_eq!(open.choose(), None, "no file named");
        assert_eq!(open.error, Some(PickError::NotAFile(dir.path().to_path_buf())));
        open.select(1);
        assert_eq!(open.choose(), Some(dir.path().join("A.txt")));
        let mut save =
            Picker::new(PickMode::Save, "Save".into(), Some(dir.path().into()), Some("جديد.ron".into()));
        assert_eq!(save.choose(), Some(dir.path().join("جديد.ron")));
        let mut folder = Picker::new(PickMode::Folder, "Folder".into(), Some(dir.path().into()), None);
        assert_eq!(folder.choose(), Some(dir.path().to_path_buf()), "the folder shown");
        folder.select(0);
        assert_eq!(folder.choose(), Some(dir.path().join("مقالات")));
    }

    #[test]
    fn a_typed_path_is_followed_and_a_bad_one_explained() {
        let dir = tree();
        let mut p = Picker::new(PickMode::Open, "Open".into(), Some(dir.path().into()), None);
        p.path_text = dir.path().join("مقالات/سانا.txt").display().to_string();
        p.go_to_typed();
        assert_eq!(p.dir(), dir.path().join("مقالات"));
        assert_eq!(p.name, "سانا.txt");
        p.path_text = "/no/such/place/x".into();
        p.go_to_typed();
        assert!(matches!(p.error, Some(PickError::CannotList(..))));
        assert_eq!(p.dir(), dir.path().join("مقالات"), "stays where it was");
    }

    #[test]
    fn save_asks_before_replacing_an_existing_file() {
        let dir = tree();
        let mut p = Picker::new(PickMode::Save, "Save".into(), Some(dir.path().into()), Some("b.txt".into()));
        assert_eq!(p.choose(), None, "asks first");
        assert_eq!(p.error, Some(PickError::Exists(dir.path().join("b.txt"))));
        // Another name is asked about anew.
        p.name = "A.txt".into();
        assert_eq!(p.choose(), None);
        assert_eq!(p.error, Some(PickError::Exists(dir.path().join("A.txt"))));
        assert_eq!(p.choose(), Some(dir.path().join("A.txt")), "the second choice replaces");
        p.name = "جديد.conll".into();
        assert_eq!(p.choose(), Some(dir.path().join("جديد.conll")), "a new file needs no question");
    }
}
