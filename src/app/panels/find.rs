//! Find in the article (Ctrl+F): the find bar, its matches (Arabic-aware, from
//! [`crate::search`]), stepping through them, and tagging them all. The matches are view state;
//! tagging them is an ordinary [`EditCommand::TagAll`] (one undo step).

use std::ops::Range;
use std::sync::Arc;

use egui::{Key, Ui};

use crate::corpus::{Corpus, CorpusSearch};
use crate::editor::{Article, EditCommand};
use crate::search::{Mode, NormalizedText, Options, Query};

use crate::app::command::Command;
use crate::app::jobs::Job;
use crate::app::view::FindMarks;
use crate::app::widgets::{TextField, row_ui, row_wrapped_ui, styled_button_ui};
use crate::app::widgets::{
    Txt, button_ui, checkbox_enabled_ui, checkbox_ui, choice_ui, label_ui, shaped_label_ui, tip,
};
use crate::t;

/// At most this many matches are kept for highlighting, stepping and tagging; the count stays
/// exact beyond it.
pub const MAX_KEPT: usize = 100_000;

/// Articles at least this long are normalised on a thread as soon as they open.
const PREFETCH_BYTES: usize = 256 * 1024;

/// The find bar's state: the pattern being typed, its options and the matches in the active
/// article.
#[derive(Default)]
pub struct FindBar {
    open: bool,
    focus: bool,
    pattern: String,
    options: Options,
    /// The article (view key and revision-independent text) and query the matches are for.
    computed: Option<(u64, String, Options)>,
    normalized: Option<(u64, Arc<NormalizedText>)>,
    /// A large article's normalised text being prepared on a thread since it opened.
    pending: Option<(u64, Job<NormalizedText>)>,
    matches: Vec<Range<usize>>,
    total: usize,
    current: Option<usize>,
    error: Option<String>,
    /// Search the whole corpus too (Ctrl+Shift+F), listing documents with matches.
    corpus_scope: bool,
    corpus_search: Option<(String, Options, CorpusSearch)>,
}

impl FindBar {
    /// True while the bar is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows the bar and puts the keyboard in its field; `corpus`: search the whole corpus.
    pub fn open(&mut self, corpus: bool) {
        self.open = true;
        self.focus = true;
        self.corpus_scope = corpus;
    }

    /// Starts (or restarts) the corpus search when the pattern or options changed; takes its
    /// results so far. True while it runs.
    pub fn update_corpus(&mut self, corpus: Option<&Corpus>) -> bool {
        let Some(corpus) = corpus.filter(|_| self.open && self.corpus_scope) else {
            self.corpus_search = None;
            return false;
        };
        let stale =
            self.corpus_search.as_ref().is_none_or(|(p, o, _)| *p != self.pattern || *o != self.options);
        if stale {
            self.corpus_search = None;
            let query =
                Query::new(&self.pattern, self.options).ok().filter(|_| !self.pattern.trim().is_empty());
            if let Some(query) = query {
                let search = CorpusSearch::spawn(corpus.docs().to_vec(), query);
                self.corpus_search = Some((self.pattern.clone(), self.options, search));
            }
        }
        self.corpus_search.as_mut().is_some_and(|(_, _, s)| s.poll())
    }

    /// The documents with matches in the corpus: progress, then one row each (name, count,
    /// first match in context, shaped by cosmic-text); a click opens the document.
    pub fn corpus_results_ui(
        &self,
        ui: &mut Ui,
        corpus: &Corpus,
        article_labels: &crate::model::LabelSet,
        cmds: &mut Vec<Command>,
    ) {
        let Some((_, _, search)) = self.corpus_search.as_ref().filter(|_| self.corpus_scope) else { return };
        let (searched, total) = search.progress();
        let summary = t!("find-corpus-summary", n = search.matches(), docs = search.hits.len());
        let progress = if searched < total {
            t!("find-corpus-searched", searched = searched, total = total)
        } else {
            String::new()
        };
        row_ui(ui, |ui| {
            label_ui(ui, format!("{summary}{progress}"));
            if search.matches() > 0 && searched == total {
                corpus_tag_chips_ui(ui, article_labels, cmds);
            }
        });
        egui::ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
            for hits in &search.hits {
                let name = corpus.docs().get(hits.index).map(|d| d.name()).unwrap_or_default();
                row_ui(ui, |ui| {
                    let name = Txt::new(format!("{name} · {}", hits.count)).strong();
                    let name = styled_button_ui(ui, true, name, |b| b.frame(false));
                    if tip(name, t!("find-open-document-tip")).clicked() {
                        cmds.push(Command::OpenDoc(hits.index));
                    }
                    if let Some(first) = hits.snippets.first() {
                        shaped_label_ui(ui, first);
                    }
                });
            }
        });
    }

    /// Hides the bar (matches are no longer highlighted).
    pub fn close(&mut self) {
        self.open = false;
    }

    /// The query being shown, if its pattern is valid.
    pub fn query(&self) -> Option<Query> {
        Query::new(&self.pattern, self.options).ok().filter(|_| self.open && !self.pattern.trim().is_empty())
    }

    /// The matches in the open article (at most [`MAX_KEPT`]).
    pub fn current_matches(&self) -> &[Range<usize>] {
        &self.matches
    }

    /// The highlights for the view, while the bar is open.
    pub fn marks(&self) -> Option<FindMarks<'_>> {
        self.open.then_some(FindMarks { ranges: &self.matches, current: self.current })
    }

    /// Moves to the next (or previous) match after the `from` byte; returns where it starts.
    pub fn step(&mut self, forward: bool, from: Option<usize>) -> Option<usize> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, from) {
            (Some(i), _) => {
                if forward {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }
            }
            (None, Some(at)) => {
                let after = self.matches.partition_point(|r| r.start < at);
                if forward { after % n } else { (after + n - 1) % n }
            }
            (None, None) => {
                if forward {
                    0
                } else {
                    n - 1
                }
            }
        };
        self.current = Some(next);
        Some(self.matches[next].start)
    }

    /// Recomputes the matches if the pattern, the options or the article changed.
    pub fn update(&mut self, key: u64, article: Option<&Article>) {
        if let Some(article) = article {
            self.prefetch(key, article.doc.text());
        }
        let Some(article) = article.filter(|_| self.open) else { return };
        let same = |(k, p, o): &(u64, String, Options)| *k == key && *p == self.pattern && *o == self.options;
        if self.computed.as_ref().is_some_and(same) {
            return;
        }
        self.computed = Some((key, self.pattern.clone(), self.options));
        (self.matches, self.total, self.current, self.error) = (Vec::new(), 0, None, None);
        if self.pattern.trim().is_empty() {
            return;
        }
        match Query::new(&self.pattern, self.options) {
            Ok(query) => {
                let text = article.doc.text();
                let normalized = self.normalized_for(key, text, &query);
                let mut all = query.matches(text, &normalized);
                self.matches = all.by_ref().take(MAX_KEPT).collect();
                self.total = self.matches.len() + all.count();
            }
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    /// Starts normalising a large article (over [`PREFETCH_BYTES`]) on a thread when it opens,
    /// so the first find does not wait for it (63 ms for 12 MB).
    fn prefetch(&mut self, key: u64, text: &str) {
        let known = |k: Option<u64>| k == Some(key);
        if text.len() < PREFETCH_BYTES
            || known(self.normalized.as_ref().map(|(k, _)| *k))
            || known(self.pending.as_ref().map(|(k, _)| *k))
        {
            return;
        }
        let owned = text.to_string();
        if let Ok(job) = Job::spawn("hashiya-normalise", move || NormalizedText::new(&owned)) {
            self.pending = Some((key, job));
        }
    }

    /// The article's normalised text, computed once per article (only when the query needs it);
    /// waits for the prefetch if one is under way.
    fn normalized_for(&mut self, key: u64, text: &str, query: &Query) -> Arc<NormalizedText> {
        if !query.needs_normalized() {
            return Arc::new(NormalizedText::default());
        }
        if let Some((k, n)) = &self.normalized
            && *k == key
        {
            return n.clone();
        }
        let prefetched = match self.pending.take() {
            Some((k, job)) if k == key => job.wait(),
            _ => None,
        };
        let n = Arc::new(prefetched.unwrap_or_else(|| NormalizedText::new(text)));
        self.normalized = Some((key, n.clone()));
        n
    }

    /// Where else `surface` occurs in the article (normalised, clitic-aware, whole words),
    /// leaving out places that overlap an entity: what "tag all" would add.
    pub fn untagged_occurrences(&mut self, key: u64, article: &Article, surface: &str) -> Vec<Range<usize>> {
        let Ok(query) = Query::new(surface, Options::default()) else { return Vec::new() };
        let text = article.doc.text();
        let normalized = self.normalized_for(key, text, &query);
        let entities = article.ann().entities();
        query
            .matches(text, &normalized)
            .filter(|r| entities.overlapping(r.clone()).next().is_none())
            .take(MAX_KEPT)
            .collect()
    }

    /// The bar: pattern (the app's shaped text field), mode, options, count, stepping and
    /// "tag all" per label.
    pub fn find_bar_ui(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        corpus_open: bool,
        cmds: &mut Vec<Command>,
    ) {
        row_wrapped_ui(ui, |ui| {
            let (label, hint) = (t!("find-label"), t!("find-hint"));
            label_ui(ui, label.as_str());
            let field =
                TextField::new(&mut self.pattern).width(220.0).hint(&hint).name(&label).id_salt("find");
            let field = ui.add(field);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            self.keys_in_field_ui(ui, &field, cmds);
            self.options_ui(ui);
            self.count_ui(ui);
            if tip(button_ui(ui, t!("find-prev")), t!("find-prev-tip")).clicked() {
                cmds.push(Command::FindStep(false));
            }
            if tip(button_ui(ui, t!("find-next")), t!("find-next-tip")).clicked() {
                cmds.push(Command::FindStep(true));
            }
            if corpus_open {
                tip(
                    checkbox_ui(ui, &mut self.corpus_scope, t!("find-whole-corpus")),
                    t!("find-whole-corpus-tip"),
                );
            }
            ui.separator();
            self.tag_all_ui(ui, article, cmds);
            if tip(button_ui(ui, "×"), t!("find-close-tip")).clicked() {
                cmds.push(Command::FindClose);
            }
        });
    }

    /// Enter / Shift+Enter step (keeping the keyboard in the field), Esc closes.
    fn keys_in_field_ui(&mut self, ui: &Ui, field: &egui::Response, cmds: &mut Vec<Command>) {
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            cmds.push(Command::FindStep(!ui.input(|i| i.modifiers.shift)));
            self.focus = true;
        }
        if field.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
            cmds.push(Command::FindClose);
        }
    }

    fn options_ui(&mut self, ui: &mut Ui) {
        let modes = [Mode::Normalized, Mode::Exact, Mode::Regex].map(|m| (m, mode_name(m)));
        choice_ui(ui, "find-mode", t!("find-mode"), &mut self.options.mode, &modes);
        let literal = self.options.mode != Mode::Regex;
        let clitics = checkbox_enabled_ui(ui, literal, &mut self.options.clitics, t!("find-clitics"));
        tip(clitics, t!("find-clitics-tip"));
        let normalized = self.options.mode == Mode::Normalized;
        checkbox_enabled_ui(ui, normalized, &mut self.options.fold_teh_marbuta, t!("find-fold-teh-marbuta"));
    }

    fn count_ui(&self, ui: &mut Ui) {
        if let Some(err) = &self.error {
            label_ui(ui, Txt::new(err).color(ui.visuals().error_fg_color));
            return;
        }
        let text = match (self.current, self.total) {
            (_, 0) if self.pattern.trim().is_empty() => String::new(),
            (_, 0) => t!("find-no-matches"),
            (Some(i), n) => t!("find-nth-of", i = i + 1, n = n),
            (None, n) => t!("find-matches", n = n),
        };
        if text.is_empty() {
            // An empty label in this wrapping row made egui draw the rest of the row over
            // its start.
            return;
        }
        let capped = self.total > self.matches.len();
        let hover = if capped { t!("find-capped-tip", max = MAX_KEPT) } else { t!("find-normalised-tip") };
        tip(label_ui(ui, text), hover);
    }

    /// One chip per label: tags every match with it (one undo step).
    fn tag_all_ui(&mut self, ui: &mut Ui, article: &Article, cmds: &mut Vec<Command>) {
        label_ui(ui, Txt::new(t!("find-tag-all-as")).weak());
        for label in article.ann().labels().iter() {
            let color = egui::Color32::from_rgb(label.color.0, label.color.1, label.color.2);
            let name = Txt::new(&label.name).color(egui::Color32::WHITE).small();
            let enabled = !self.matches.is_empty();
            let chip = styled_button_ui(ui, enabled, name, |b| b.fill(color));
            if tip(chip, t!("find-tag-all-tip")).clicked() {
                cmds.push(EditCommand::TagAll(self.matches.clone(), label.id).into());
            }
        }
    }
}

/// The find bar and, when searching the corpus, its list of documents with matches.
pub fn find_panel_ui(
    ui: &mut Ui,
    find: &mut FindBar,
    article: &Article,
    corpus: Option<&Corpus>,
    cmds: &mut Vec<Command>,
) {
    find.find_bar_ui(ui, article, corpus.is_some(), cmds);
    if let Some(corpus) = corpus {
        find.corpus_results_ui(ui, corpus, article.ann().labels(), cmds);
    }
}

/// "Tag all in the corpus as" one chip per label of the open article (labels follow the
/// corpus's by name in every document).
fn corpus_tag_chips_ui(ui: &mut Ui, labels: &crate::model::LabelSet, cmds: &mut Vec<Command>) {
    label_ui(ui, Txt::new(t!("find-tag-corpus-as")).weak());
    for label in labels.iter() {
        let color = egui::Color32::from_rgb(label.color.0, label.color.1, label.color.2);
        let name = Txt::new(&label.name).color(egui::Color32::WHITE).small();
        let chip = styled_button_ui(ui, true, name, |b| b.fill(color));
        if tip(chip, t!("find-tag-corpus-tip")).clicked() {
            cmds.push(Command::TagAllInCorpus(label.id));
        }
    }
}

fn mode_name(mode: Mode) -> String {
    match mode {
        Mode::Normalized => t!("find-mode-normalised"),
        Mode::Exact => t!("find-mode-exact"),
        Mode::Regex => t!("find-mode-regex"),
    }
}
