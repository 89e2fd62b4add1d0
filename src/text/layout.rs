//! Paragraph layout of a whole article: one cosmic-text [`BufferLine`] per paragraph, shaped
//! and wrapped lazily when it comes into view. Heights start as estimates and become exact as
//! the height worker ([`super::background`]) reports them, so the first screen of a huge
//! article is ready without shaping the rest.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use cosmic_text::{BufferLine, FontSystem, LayoutGlyph, LayoutLine};

use super::background::HeightJob;
use super::cells::{Cell, LineCells};
use super::marks::{MarkMap, strip_marks};
use super::para::{LayoutParams, ParaKind, estimate_height, layout_line, line_height, new_line, para_height};

/// Text (bytes) whose shaping and geometry is kept; farther paragraphs keep only their height.
/// cosmic-text holds a few hundred bytes per glyph, so this bounds memory to tens of MB.
const LIVE_BYTES: usize = 128 * 1024;

struct Para {
    /// Byte range in the document (without the line end).
    range: Range<usize>,
    kind: ParaKind,
    /// Shaping, and wrapped lines once laid out at the current parameters; held only near the
    /// view (`None` when evicted). See [`ArticleLayout::is_laid_out`].
    line: Option<BufferLine>,
    /// Top y; valid after `update_tops`.
    top: f32,
    /// Exact when `exact_height`, estimated otherwise.
    height: f32,
    /// The height is exact at the current parameters (from a layout here or from the worker);
    /// says nothing about whether geometry is in memory.
    exact_height: bool,
    /// Cells of each visual line, built with the layout (empty when not laid out).
    cells: Vec<LineCells>,
    /// With tashkeel hidden: the shown text and its offset map (held with `line`; `None` when
    /// the paragraph is shaped from its own text).
    marks: Option<Box<(String, MarkMap)>>,
}

impl Para {
    /// Wrapped at the current parameters, with cells (`set_params` resets the wrapping).
    fn is_laid_out(&self) -> bool {
        self.line.as_ref().is_some_and(|l| l.layout_opt().is_some())
    }
}

/// One wrapped visual line of a paragraph, positioned in the article.
#[derive(Debug, Clone, Copy)]
pub struct VisualLine<'a> {
    /// Paragraph index.
    pub para: usize,
    /// Document byte offset of the paragraph start (glyph offsets are relative to it).
    pub para_start: usize,
    /// Top of the line box.
    pub top: f32,
    /// Height of the line box.
    pub height: f32,
    /// Baseline y.
    pub baseline: f32,
    /// Paragraph direction is right-to-left.
    pub rtl: bool,
    /// Glyphs in visual (left-to-right) order; `start`/`end` are offsets in the paragraph's
    /// shown text (its own text unless tashkeel is hidden).
    pub glyphs: &'a [LayoutGlyph],
    /// The glyphs grouped into cells (see [`super::cells`]).
    pub(super) cells: &'a [Cell],
    /// Paragraph-relative bytes the line covers (first..last cell byte).
    pub(super) bytes: (usize, usize),
}

/// How [`ArticleLayout::build`] makes paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    /// Lines with text; the first is the headline.
    Article,
    /// Lines with text, all body.
    Plain,
    /// The whole text as one body paragraph.
    Single,
}

/// The laid-out article.
pub struct ArticleLayout {
    text: Arc<str>,
    paras: Vec<Para>,
    /// Heights computed on a worker thread, while it runs.
    job: Option<HeightJob>,
    /// Heights come from the worker (restarted when parameters change).
    background: bool,
    params: LayoutParams,
    /// Paragraphs whose height is exact.
    exact: usize,
    /// Paragraphs holding geometry (see [`Para::line`]) and their text size.
    live: BTreeSet<usize>,
    live_bytes: usize,
    /// Paragraphs to keep live: the ones last shown.
    keep: Range<usize>,
    /// Measured average advance per byte of text, for height estimates.
    px_per_byte: f32,
    total_height: f32,
}

impl ArticleLayout {
    /// Prepares an article: paragraphs of `text` split at `\n` (empty lines are skipped), the
    /// first one as the headline. Shapes nothing yet.
    pub fn new(text: &str, params: LayoutParams) -> Self {
        Self::build(text, params, Split::Article)
    }

    /// Like [`Self::new`] but every paragraph is body text (for short snippets).
    pub fn plain(text: &str, params: LayoutParams) -> Self {
        Self::build(text, params, Split::Plain)
    }

    /// One body paragraph holding all of `text`, even when it is empty or only spaces (a
    /// text field's line: every caret position has a place).
    pub fn single(text: &str, params: LayoutParams) -> Self {
        Self::build(text, params, Split::Single)
    }

    fn build(text: &str, params: LayoutParams, split: Split) -> Self {
        let mut paras = Vec::new();
        let mut start = 0;
        let lines: Vec<&str> = if split == Split::Single { vec![text] } else { text.split('\n').collect() };
        let headline = split == Split::Article;
        for line in lines {
            let range = start..start + line.len();
            start = range.end + 1;
            if line.trim().is_empty() && split != Split::Single {
                continue;
            }
            let kind = if headline && paras.is_empty() { ParaKind::Headline } else { ParaKind::Body };
            paras.push(Para {
                range,
                kind,
                line: None,
                top: 0.0,
                height: 0.0,
                exact_height: false,
                cells: Vec::new(),
                marks: None,
            });
        }
        let mut layout = Self {
            text: Arc::from(text),
            paras,
            job: None,
            background: false,
            params,
            exact: 0,
            live: BTreeSet::new(),
            live_bytes: 0,
            keep: 0..0,
            px_per_byte: 0.28 * params.font_px,
            total_height: 0.0,
        };
        layout.estimate_all();
        layout
    }

    /// Current parameters.
    pub fn params(&self) -> LayoutParams {
        self.params
    }

    /// Changes width or font size: every paragraph is re-wrapped lazily (shaping is kept).
    pub fn set_params(&mut self, params: LayoutParams) {
        if params == self.params {
            return;
        }
        let ratio = params.font_px / self.params.font_px.max(1.0);
        let reshape = params.style.reshapes(&self.params.style);
        self.params = params;
        self.px_per_byte *= ratio;
        for p in &mut self.paras {
            if let Some(line) = &mut p.line {
                line.reset_layout();
            }
            if reshape {
                p.line = None;
                p.marks = None;
            }
            p.exact_height = false;
            p.cells.clear();
        }
        if reshape {
            self.live.clear();
            self.live_bytes = 0;
        }
        self.exact = 0;
        self.job = None;
        if self.background {
            self.start_background();
        }
        self.estimate_all();
    }

    /// Number of paragraphs.
    pub fn para_count(&self) -> usize {
        self.paras.len()
    }

    /// Paragraphs whose height is exact so far, and all paragraphs.
    pub fn progress(&self) -> (usize, usize) {
        (self.exact, self.paras.len())
    }

    /// True once every paragraph's height is exact (geometry is still only held near the view).
    pub fn is_complete(&self) -> bool {
        self.exact == self.paras.len()
    }

    /// Height of the whole article (partly estimated until complete).
    pub fn total_height(&self) -> f32 {
        self.total_height
    }

    /// Document byte range and kind of paragraph `i`.
    pub fn para(&self, i: usize) -> Option<(Range<usize>, ParaKind)> {
        self.paras.get(i).map(|p| (p.range.clone(), p.kind))
    }

    /// Text of paragraph `i`.
    pub fn para_text(&self, i: usize) -> &str {
        self.paras.get(i).and_then(|p| self.text.get(p.range.clone())).unwrap_or("")
    }

    /// The text paragraph `i` is shaped from: its own, or without tashkeel when hidden.
    pub(super) fn shown_text(&self, i: usize) -> &str {
        match self.paras.get(i).and_then(|p| p.marks.as_ref()) {
            Some(m) => &m.0,
            None => self.para_text(i),
        }
    }

    /// The document byte of offset `shown` in paragraph `i`'s shown text (after any hidden
    /// marks there).
    pub(super) fn to_doc(&self, i: usize, shown: usize) -> usize {
        let Some(p) = self.paras.get(i) else { return shown };
        p.range.start + p.marks.as_ref().map_or(shown, |m| m.1.to_doc(shown))
    }

    /// The offset in paragraph `i`'s shown text of document byte `doc` (clamped to it).
    pub(super) fn to_shown(&self, i: usize, doc: usize) -> usize {
        let Some(p) = self.paras.get(i) else { return 0 };
        let rel = doc.clamp(p.range.start, p.range.end) - p.range.start;
        p.marks.as_ref().map_or(rel, |m| m.1.to_shown(rel))
    }

    /// True if paragraph `i` has its wrapped lines and cells in memory for the current
    /// parameters (its height is then exact too).
    pub fn is_laid_out(&self, i: usize) -> bool {
        self.paras.get(i).is_some_and(Para::is_laid_out)
    }

    /// Top y of paragraph `i`.
    pub fn para_top(&self, i: usize) -> Option<f32> {
        self.paras.get(i).map(|p| p.top)
    }

    /// Index of the paragraph containing document byte `byte` (or the next one after it).
    pub fn para_of_byte(&self, byte: usize) -> Option<usize> {
        let i = self.paras.partition_point(|p| p.range.end < byte);
        (i < self.paras.len()).then_some(i)
    }

    /// Index of the paragraph at height `y` (clamped to the first and last).
    pub fn para_at_y(&self, y: f32) -> Option<usize> {
        if self.paras.is_empty() {
            return None;
        }
        Some(self.paras.partition_point(|p| p.top + p.height <= y).min(self.paras.len() - 1))
    }

    /// Lays out every paragraph that overlaps `y0..y1` (after estimates settle) and keeps
    /// them in memory.
    pub fn ensure_visible(&mut self, fs: &mut FontSystem, y0: f32, y1: f32) {
        // Laying out changes heights, which moves later paragraphs; a few rounds settle it.
        for _ in 0..8 {
            let (Some(a), Some(b)) = (self.para_at_y(y0), self.para_at_y(y1)) else { return };
            self.keep = a..b + 1;
            if (a..=b).all(|i| self.is_laid_out(i)) {
                return;
            }
            for i in a..=b {
                self.layout_para(fs, i);
            }
            self.update_tops();
            self.evict();
        }
    }

    /// Lays out everything now (memory stays bounded: far paragraphs keep only heights).
    pub fn layout_all(&mut self, fs: &mut FontSystem) {
        for i in 0..self.paras.len() {
            self.layout_para(fs, i);
            self.evict();
        }
        self.update_tops();
    }

    fn layout_para(&mut self, fs: &mut FontSystem, i: usize) {
        let params = self.params;
        let p = &mut self.paras[i];
        if p.is_laid_out() {
            return;
        }
        if p.line.is_none() {
            let text = &self.text[p.range.clone()];
            p.marks = strip_marks(text).filter(|_| !params.style.tashkeel).map(Box::new);
            let shown = p.marks.as_ref().map_or(text, |m| m.0.as_str());
            p.line = Some(new_line(shown, p.kind, params.style));
        }
        let Some(line) = p.line.as_mut() else { return };
        let lines = layout_line(fs, line, p.kind, params);
        let height = para_height(lines.len(), p.kind, params);
        p.cells = lines.iter().map(|l| LineCells::new(&l.glyphs)).collect();
        if p.kind == ParaKind::Body && !p.range.is_empty() && !p.exact_height {
            let width: f32 = lines.iter().map(|l| l.w).sum();
            let measured = width / p.range.len() as f32;
            self.px_per_byte = 0.9 * self.px_per_byte + 0.1 * measured;
        }
        if !p.exact_height {
            self.exact += 1;
        }
        p.height = height;
        p.exact_height = true;
        if self.live.insert(i) {
            self.live_bytes += p.range.len();
        }
    }

    /// Starts computing every paragraph's exact height on a worker thread (its own font
    /// system); [`Self::poll_background`] applies the results. Restarted on a parameter change.
    pub fn start_background(&mut self) {
        self.background = true;
        let paras = self.paras.iter().map(|p| (p.range.clone(), p.kind)).collect();
        self.job = Some(HeightJob::spawn(self.text.clone(), paras, self.params));
    }

    /// True once [`Self::start_background`] was called (heights come from the worker).
    pub fn has_background(&self) -> bool {
        self.background
    }

    /// Applies heights the worker has computed; true if any height changed.
    pub fn poll_background(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        let mut changed = false;
        for (i, height) in job.results() {
            let Some(p) = self.paras.get_mut(i) else { continue };
            if !p.exact_height {
                changed |= p.height != height;
                p.height = height;
                p.exact_height = true;
                self.exact += 1;
            }
        }
        if changed {
            self.update_tops();
        }
        if self.is_complete() {
            self.job = None;
        }
        changed
    }

    /// Drops shaping and geometry of the live paragraphs farthest from `keep` until the live
    /// text fits [`LIVE_BYTES`]; their exact heights stay.
    fn evict(&mut self) {
        while self.live_bytes > LIVE_BYTES && self.live.len() > self.keep.len() {
            let (Some(&first), Some(&last)) = (self.live.first(), self.live.last()) else { return };
            let dist = |i: usize| {
                if i < self.keep.start { self.keep.start - i } else { i.saturating_sub(self.keep.end) }
            };
            let victim = if dist(first) >= dist(last) { first } else { last };
            if self.keep.contains(&victim) {
                return;
            }
            self.live.remove(&victim);
            let p = &mut self.paras[victim];
            self.live_bytes -= p.range.len();
            p.line = None;
            p.marks = None;
            p.cells = Vec::new();
        }
    }

    fn estimate_all(&mut self) {
        let params = self.params;
        let per_byte = self.px_per_byte;
        for p in self.paras.iter_mut().filter(|p| !p.exact_height) {
            p.height = estimate_height(p.kind, p.range.len(), params, per_byte);
        }
        self.update_tops();
    }

    fn update_tops(&mut self) {
        let mut y = 0.0;
        for p in &mut self.paras {
            p.top = y;
            y += p.height;
        }
        self.total_height = y;
    }

    /// Visual lines of laid-out paragraphs that overlap `y0..y1`, top to bottom.
    pub fn lines_in(&self, y0: f32, y1: f32) -> impl Iterator<Item = VisualLine<'_>> {
        let first = self.para_at_y(y0).unwrap_or(0);
        self.paras[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, p)| p.top < y1)
            .flat_map(move |(k, _)| self.para_lines(first + k))
            .filter(move |l| l.top + l.height > y0 && l.top < y1)
    }

    /// Visual lines of paragraph `i` (none if it is not laid out).
    pub fn para_lines(&self, i: usize) -> impl Iterator<Item = VisualLine<'_>> {
        let p = self.paras.get(i);
        let line = p.and_then(|p| p.line.as_ref());
        let lines: &[LayoutLine] = line.and_then(|l| l.layout_opt()).map_or(&[], |v| v.as_slice());
        let rtl = line.and_then(|l| l.shape_opt()).is_some_and(|s| s.rtl);
        let (top, start, line_h) =
            p.map_or((0.0, 0, 0.0), |p| (p.top, p.range.start, line_height(p.kind, self.params)));
        let cells: &[LineCells] = p.map_or(&[], |p| p.cells.as_slice());
        lines.iter().zip(cells).enumerate().map(move |(k, (l, c))| {
            let line_top = top + k as f32 * line_h;
            let centering = (line_h - (l.max_ascent + l.max_descent)) / 2.0;
            VisualLine {
                cells: &c.cells,
                bytes: (c.bytes.start, c.bytes.end),
                para: i,
                para_start: start,
                top: line_top,
                height: line_h,
                baseline: (line_top + centering + l.max_ascent).round(),
                rtl,
                glyphs: &l.glyphs,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::text::font_system;

    fn article(paragraphs: usize) -> String {
        let para = "التقى وزير الخارجية نظيره في باكو عام 2023 وبحثا العلاقات الثنائية. ".repeat(12);
        vec![para; paragraphs].join("\n")
    }

    #[test]
    fn far_paragraphs_keep_heights_but_not_geometry() {
        let text = article(400);
        let mut fs = font_system();
        let mut layout = ArticleLayout::new(&text, LayoutParams::new(900.0, 22.0));
        layout.layout_all(&mut fs);
        assert!(layout.is_complete());
        assert!(layout.live_bytes <= LIVE_BYTES, "live text {} bytes", layout.live_bytes);
        let last = layout.para_count() - 1;
        assert!(!layout.is_laid_out(last), "the end of the article was evicted");
        let height = layout.total_height();
        let top = layout.para_top(last).unwrap_or(0.0);
        layout.ensure_visible(&mut fs, top, top + 100.0);
        assert!(layout.is_laid_out(last));
        assert_eq!(layout.total_height(), height, "re-laying out an evicted paragraph keeps its height");
        assert!(layout.para_lines(last).count() > 1);
    }

    #[test]
    fn worker_heights_equal_the_ui_threads() {
        let text = article(80);
        let params = LayoutParams::new(640.0, 21.0);
        let mut fs = font_system();
        let mut exact = ArticleLayout::new(&text, params);
        exact.layout_all(&mut fs);
        let mut layout = ArticleLayout::new(&text, params);
        layout.ensure_visible(&mut fs, 0.0, 500.0);
        layout.start_background();
        let start = Instant::now();
        while !layout.is_complete() && start.elapsed() < Duration::from_secs(60) {
            layout.poll_background();
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(layout.is_complete());
        assert_eq!(layout.progress(), (80, 80));
        assert_eq!(layout.total_height(), exact.total_height());
        // A new width restarts the worker; it completes again.
        layout.set_params(LayoutParams { width_px: 400.0, ..params });
        while !layout.is_complete() && start.elapsed() < Duration::from_secs(60) {
            layout.poll_background();
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(layout.is_complete());
        assert!(layout.total_height() > exact.total_height());
    }

    #[test]
    fn paragraphs_kept_across_a_resize_are_laid_out_again_when_shown() {
        // Every paragraph stays live; a resize resets their wrapping, the worker makes their
        // heights exact again, and showing one must still wrap it anew (not draw nothing).
        let text = article(40);
        let params = LayoutParams::new(900.0, 22.0);
        let mut fs = font_system();
        let mut layout = ArticleLayout::new(&text, params);
        layout.layout_all(&mut fs);
        layout.start_background();
        layout.set_params(LayoutParams { width_px: 600.0, ..params });
        layout.ensure_visible(&mut fs, 0.0, 300.0);
        let start = Instant::now();
        while !layout.is_complete() && start.elapsed() < Duration::from_secs(60) {
            layout.poll_background();
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(layout.is_complete());
        let last = layout.para_count() - 1;
        assert!(!layout.is_laid_out(last), "an exact height alone is not a layout");
        let top = layout.para_top(last).unwrap_or(0.0);
        layout.ensure_visible(&mut fs, top, top + 100.0);
        assert!(layout.para_lines(last).count() > 1);
    }
}
