//! The open articles: any number of them, one of them active in the window.

use std::path::{Path, PathBuf};

use super::{Article, EditCommand, EditorError, Notice, Outcome};
use crate::formats::store::DocStatus;

/// Identifies an open article for as long as it stays open (never reused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u64);

/// What [`Workspace::open`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The article's id.
    pub id: ArticleId,
    /// What the user should know (legacy encoding, re-anchoring, a broken annotation file).
    pub notices: Vec<Notice>,
    /// True when it was open already (nothing was read again).
    pub already_open: bool,
}

/// Open articles in the order they were opened, and which one is active.
#[derive(Default)]
pub struct Workspace {
    articles: Vec<(ArticleId, Article)>,
    active: Option<ArticleId>,
    next: u64,
    /// The annotator name given to every article (`None`: each keeps the OS user name).
    annotator: Option<String>,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens an article (or finds it open already) and makes it active.
    pub fn open(&mut self, path: &Path) -> Result<Opened, EditorError> {
        if let Some(id) = self.find(path) {
            self.active = Some(id);
            return Ok(Opened { id, notices: Vec::new(), already_open: true });
        }
        let (article, notices) = Article::open(path)?;
        let id = self.insert(article);
        Ok(Opened { id, notices, already_open: false })
    }

    /// Adds an article opened elsewhere and makes it active (it gets the workspace's annotator,
    /// if one is set).
    pub fn insert(&mut self, mut article: Article) -> ArticleId {
        if let Some(name) = &self.annotator {
            article.set_annotator(name);
        }
        self.next += 1;
        let id = ArticleId(self.next);
        self.articles.push((id, article));
        self.active = Some(id);
        id
    }

    /// Closes an article, returning it (unsaved changes are the caller's to save first).
    pub fn close(&mut self, id: ArticleId) -> Option<Article> {
        let at = self.articles.iter().position(|(i, _)| *i == id)?;
        let (_, article) = self.articles.remove(at);
        if self.active == Some(id) {
            self.active = self.articles.last().map(|(i, _)| *i);
        }
        Some(article)
    }

    /// The open article with this file, if any.
    pub fn find(&self, path: &Path) -> Option<ArticleId> {
        let want = canonical(path);
        self.articles.iter().find(|(_, a)| canonical(&a.path) == want).map(|(id, _)| *id)
    }

    /// An open article.
    pub fn get(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|(i, _)| *i == id).map(|(_, a)| a)
    }

    /// An open article, to save or to change its selection.
    pub fn get_mut(&mut self, id: ArticleId) -> Option<&mut Article> {
        self.articles.iter_mut().find(|(i, _)| *i == id).map(|(_, a)| a)
    }

    /// The active article's id.
    pub fn active_id(&self) -> Option<ArticleId> {
        self.active
    }

    /// Makes an open article active; false if it is not open.
    pub fn set_active(&mut self, id: ArticleId) -> bool {
        let open = self.get(id).is_some();
        if open {
            self.active = Some(id);
        }
        open
    }

    /// The active article.
    pub fn active(&self) -> Option<&Article> {
        self.active.and_then(|id| self.get(id))
    }

    /// The active article, mutably.
    pub fn active_mut(&mut self) -> Option<&mut Article> {
        self.active.and_then(|id| self.get_mut(id))
    }

    /// All open articles in the order they were opened.
    pub fn iter(&self) -> impl Iterator<Item = (ArticleId, &Article)> {
        self.articles.iter().map(|(id, a)| (*id, a))
    }

    /// Number of open articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when nothing is open.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The annotator name set for every article, if any ([`Workspace::set_annotator`]).
    pub fn annotator(&self) -> Option<&str> {
        self.annotator.as_deref()
    }

    /// Sets who is annotating: written into every article's file on its next save, for the
    /// open articles and those opened later (default: the OS user name). A blank name is
    /// ignored.
    pub fn set_annotator(&mut self, name: &str) {
        if name.trim().is_empty() {
            return;
        }
        self.annotator = Some(name.trim().to_string());
        for (_, article) in &mut self.articles {
            article.set_annotator(name);
        }
    }

    /// Sets an open article's status; returns the status now shown (see
    /// [`Article::set_status`]).
    pub fn set_status(&mut self, id: ArticleId, status: DocStatus) -> Result<DocStatus, EditorError> {
        Ok(self.get_mut(id).ok_or(EditorError::NotOpen(id))?.set_status(status))
    }

    /// Carries out a command on an open article.
    pub fn apply(&mut self, id: ArticleId, cmd: EditCommand) -> Result<Outcome, EditorError> {
        self.get_mut(id).ok_or(EditorError::NotOpen(id))?.apply(cmd)
    }

    /// Saves every article with unsaved changes; returns the failures (the others are saved).
    /// An article whose annotation file could not be read fails with
    /// [`EditorError::StoreBroken`] and is not written.
    pub fn save_all(&mut self) -> Vec<(ArticleId, EditorError)> {
        let mut failed = Vec::new();
        for (id, article) in &mut self.articles {
            if article.is_dirty()
                && let Err(e) = article.save(false)
            {
                failed.push((*id, e));
            }
        }
        failed
    }

    /// The user chose to throw away unsaved changes: the edit journals of the articles with
    /// unsaved changes are removed, so the next open does not restore them.
    pub fn discard_journals(&mut self) {
        for (_, article) in self.articles.iter_mut().filter(|(_, a)| a.is_dirty()) {
            article.discard_journal();
        }
    }

    /// Ids of the articles with unsaved changes.
    pub fn dirty(&self) -> Vec<ArticleId> {
        self.articles.iter().filter(|(_, a)| a.is_dirty()).map(|(id, _)| *id).collect()
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
