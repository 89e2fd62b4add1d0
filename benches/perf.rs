//! Performance suite for issue 6: big articles and many entities stay instant.
//!
//! `cargo bench --bench perf` runs every group below; each figure is measured next to a
//! baseline in the same run, and a summary (criterion's medians, baseline, budget, verdict)
//! is printed at the end. Inputs are generated, never stored in the repository:
//!
//! * articles of 100 KB, 1 MB and 10 MB made by repeating the sentences of
//!   `$HASHIYA_SHARED/corpus/newsfane-text/newsfane_sentences.txt` (default
//!   `HASHIYA_SHARED=../shared` relative to the crate root) in paragraphs of 5 sentences
//!   joined by `\n`, with the first sentence alone as the headline; if the corpus is missing a
//!   generated Arabic text from a small word list is used instead (a note is printed);
//! * entity sets of 1k, 10k and 100k entities placed on word boundaries of the 10 MB article.
//!
//! Before criterion starts, child processes (this binary again, one per path) time the 10 MB
//! article once and report its peak memory (VmHWM): first screen only; fully laid out with
//! `layout_all`; first screen plus the height worker; and raw cosmic-text per paragraph and as
//! one `Buffer`. Set `HASHIYA_BENCH_MEMORY=0` to skip them (e.g. when filtering benchmarks).
//! Full layout of 10 MB (~6 s per run) is in criterion only with `HASHIYA_BENCH_FULL_10MB=1`.
//!
//! All geometry uses a 1920×1080 px viewport: a 1864 px column (1920 minus the app's 28 px
//! margins) at the app's default 20 px font.

mod common;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::ops::Range;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use cosmic_text::{
    Attrs, AttrsList, Buffer, BufferLine, Cursor, Ellipsize, Family, FontSystem, Hinting, LineEnding,
    Metrics, Shaping, SwashCache, Weight, Wrap,
};
use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode};
use serde::{Deserialize, Serialize};

use hashiya::formats::{conll, reanchor, store, tokenize};
use hashiya::model::{
    Annotations, Document, Edit, Entity, EntityId, History, LabelId, LabelSet, Transaction, ops,
};
use hashiya::text::{ARABIC_FAMILY, ArticleLayout, GlyphAtlas, GlyphQuad, LayoutParams, font_system};

/// Viewport height in physical pixels.
const VIEW_H: f32 = 1080.0;
/// Layout of every benchmark: a 1920 px wide window minus the app's 28 px margins, 20 px font.
const PARAMS: LayoutParams = LayoutParams::new(1920.0 - 2.0 * 28.0, 20.0);
/// The app's line height factor (`LINE_HEIGHT` in `src/text/para.rs`), for the raw baseline.
const LINE_HEIGHT: f32 = 1.75;
/// Atlas side the app starts with.
const ATLAS: u32 = 1024;
/// Sentences per paragraph.
const PARA_SENTENCES: usize = 5;
/// Highlights wanted in the steady-frame viewport.
const VISIBLE_HIGHLIGHTS: usize = 1000;

const KB: usize = 1024;
const MB: usize = 1024 * 1024;
/// Article sizes: (name, bytes).
const SIZES: [(&str, usize); 3] = [("100KB", 100 * KB), ("1MB", MB), ("10MB", 10 * MB)];
/// Entity counts: (name, count).
const COUNTS: [(&str, usize); 3] = [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)];

/// Environment variable that turns this binary into a memory-probe child.
const PROBE_ENV: &str = "HASHIYA_BENCH_MEMPROBE";

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// An article of at least `bytes` bytes: a one-sentence headline, then paragraphs of
/// [`PARA_SENTENCES`] sentences, joined by `\n`, cycling through the sentences.
fn article(sentences: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 8 * KB);
    out.push_str(&sentences[0]);
    let mut i = 1;
    while out.len() < bytes {
        out.push('\n');
        for k in 0..PARA_SENTENCES {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&sentences[i % sentences.len()]);
            i += 1;
        }
    }
    out
}

/// Byte ranges of the words of `text` (white-space separated runs with a letter or digit).
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                if text[s..i].chars().any(char::is_alphanumeric) {
                    out.push(s..i);
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// `n` entities spread evenly over `words` (every fourth one spans two words), labels cycling
/// through the seven default labels, ids from `first_id`.
fn spread_entities(words: &[Range<usize>], n: usize, first_id: u64) -> Vec<Entity> {
    let stride = (words.len() / n.max(1)).max(1);
    (0..n.min(words.len()))
        .map(|k| {
            let i = k * stride;
            let two = k % 4 == 3 && stride >= 2 && i + 1 < words.len();
            let end = if two { words[i + 1].end } else { words[i].end };
            Entity { id: EntityId(first_id + k as u64), start: words[i].start, end, label: label(k) }
        })
        .collect()
}

fn label(k: usize) -> LabelId {
    LabelId((k % 7) as u32 + 1)
}

fn annotations(doc: &Document, entities: Vec<Entity>) -> Annotations {
    Annotations::from_parts_with_tokens(doc, LabelSet::default(), entities, Vec::new(), None)
        .unwrap_or_else(|e| panic!("generated entities are valid: {e:?}"))
}

/// The 10 MB article with its words and entity sets.
struct Big {
    doc: Document,
    words: Vec<Range<usize>>,
    /// (name, annotations) for 1k, 10k, 100k entities.
    sets: Vec<(&'static str, Annotations)>,
}

impl Big {
    fn new(text: String) -> Self {
        let doc = Document::new(text);
        let words = words(doc.text());
        let sets = COUNTS
            .iter()
            .map(|&(name, n)| (name, annotations(&doc, spread_entities(&words, n, 1))))
            .collect();
        Self { doc, words, sets }
    }

    fn set(&self, name: &str) -> &Annotations {
        self.sets.iter().find(|(n, _)| *n == name).map(|(_, a)| a).expect("entity set exists")
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

fn arabic_attrs() -> Attrs<'static> {
    Attrs::new().family(Family::Name(ARABIC_FAMILY))
}

/// The app's headline size (`HEADLINE_SCALE` in `src/text/layout.rs`) and attributes: the
/// first paragraph is bold and larger, so the baselines load and shape the same faces.
fn headline_attrs() -> (Attrs<'static>, f32) {
    let px = (PARAMS.font_px * 1.45).round();
    (arabic_attrs().weight(Weight::BOLD).metrics(Metrics::new(px, px * LINE_HEIGHT)), px)
}

/// A raw cosmic-text buffer with the app's fonts, metrics, wrapping and hinting.
fn raw_buffer(text: &str, height: Option<f32>) -> Buffer {
    let mut buf = Buffer::new_empty(Metrics::new(PARAMS.font_px, PARAMS.font_px * LINE_HEIGHT));
    buf.set_wrap(Wrap::WordOrGlyph);
    buf.set_hinting(Hinting::Disabled);
    buf.set_size(Some(PARAMS.width_px), height);
    buf.set_text(text, &arabic_attrs(), Shaping::Advanced, None);
    if let Some(first) = buf.lines.first_mut() {
        first.set_attrs_list(AttrsList::new(&headline_attrs().0));
    }
    buf
}

/// Rasterises (with cosmic-text's own swash cache) every glyph of the buffer's visible runs.
fn raw_raster(buf: &Buffer, fs: &mut FontSystem, cache: &mut SwashCache) -> usize {
    let mut n = 0;
    for run in buf.layout_runs() {
        for g in run.glyphs {
            let phys = g.physical((0.0, run.line_y), 1.0);
            n += usize::from(cache.get_image(fs, phys.cache_key).is_some());
        }
    }
    n
}

/// cosmic-text's unavoidable work for a whole article: every paragraph shaped and wrapped
/// with the app's settings (headline bold and larger). With `keep` = None each paragraph's
/// geometry is dropped right away (as the app keeps only heights of far paragraphs);
/// otherwise the lines are kept there. Returns the number of visual lines.
fn raw_layout_paragraphs(text: &str, fs: &mut FontSystem, mut keep: Option<&mut Vec<BufferLine>>) -> usize {
    let body = AttrsList::new(&arabic_attrs());
    let (headline, headline_px) = headline_attrs();
    let headline = AttrsList::new(&headline);
    let mut lines = 0;
    for (k, para) in text.split('\n').filter(|p| !p.trim().is_empty()).enumerate() {
        let (attrs, px) = if k == 0 { (&headline, headline_px) } else { (&body, PARAMS.font_px) };
        let mut line = BufferLine::new(para, LineEnding::None, attrs.clone(), Shaping::Advanced);
        let wrap = Wrap::WordOrGlyph;
        let laid =
            line.layout(fs, px, Some(PARAMS.width_px), wrap, Ellipsize::None, None, 8, Hinting::Disabled);
        lines += laid.len();
        if let Some(kept) = keep.as_deref_mut() {
            kept.push(line);
        }
    }
    lines
}

/// The app's open path for the rest of the article: exact heights from the worker thread,
/// polled until complete.
fn background_heights(layout: &mut ArticleLayout) {
    layout.start_background();
    while !layout.is_complete() {
        if !layout.poll_background() {
            std::thread::sleep(Duration::from_micros(200));
        }
    }
}

/// The app's first-screen path: prepare, lay out the first viewport, make its glyph quads.
fn first_screen(text: &str, fs: &mut FontSystem, atlas: &mut GlyphAtlas) -> (ArticleLayout, Vec<GlyphQuad>) {
    let mut layout = ArticleLayout::new(text, PARAMS);
    layout.ensure_visible(fs, 0.0, VIEW_H);
    let quads = quads(&layout, 0.0, VIEW_H, fs, atlas);
    (layout, quads)
}

/// Glyph quads of `y0..y1`, asking again once if the atlas grew meanwhile (as the app does).
fn quads(
    layout: &ArticleLayout,
    y0: f32,
    y1: f32,
    fs: &mut FontSystem,
    atlas: &mut GlyphAtlas,
) -> Vec<GlyphQuad> {
    ArticleLayout::glyph_quads(layout.lines_in(y0, y1), fs, atlas)
        .or_else(|| ArticleLayout::glyph_quads(layout.lines_in(y0, y1), fs, atlas))
        .expect("atlas settles after one growth")
}

/// Document bytes of the paragraphs overlapping `y0..y1` (what the app queries entities for).
fn visible_bytes(layout: &ArticleLayout, y0: f32, y1: f32) -> Range<usize> {
    let a = layout.para_at_y(y0).and_then(|i| layout.para(i)).map_or(0, |(r, _)| r.start);
    let b = layout.para_at_y(y1).and_then(|i| layout.para(i)).map_or(0, |(r, _)| r.end);
    a..b.max(a)
}

/// Criterion settings for benchmarks that take about a second or more per iteration.
fn slow(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, secs: u64) {
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(secs));
}

fn quick(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group.sample_size(50);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
}

// ---------------------------------------------------------------------------------------------
// 1. Open → first screen, and full layout
// ---------------------------------------------------------------------------------------------

fn bench_open(c: &mut Criterion, articles: &[(&str, String)]) {
    let mut group = c.benchmark_group("1_open_first_screen");
    group.sample_size(20);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(3));
    for (name, text) in articles {
        if *name == "10MB" {
            slow(&mut group, 4);
        }
        // A fresh font system and atlas per open (created outside the timing).
        group.bench_function(BenchmarkId::new("hashiya", name), |b| {
            b.iter_batched(
                || (font_system(), GlyphAtlas::new(ATLAS)),
                |(mut fs, mut atlas)| {
                    let (layout, quads) = first_screen(text, &mut fs, &mut atlas);
                    (layout, quads, fs, atlas)
                },
                BatchSize::PerIteration,
            );
        });
        // As the app opens an article: the height worker starts before the first screen.
        group.bench_function(BenchmarkId::new("hashiya_with_worker", name), |b| {
            b.iter_batched(
                || (font_system(), GlyphAtlas::new(ATLAS)),
                |(mut fs, mut atlas)| {
                    let mut layout = ArticleLayout::new(text, PARAMS);
                    layout.start_background();
                    layout.ensure_visible(&mut fs, 0.0, VIEW_H);
                    let quads = quads(&layout, 0.0, VIEW_H, &mut fs, &mut atlas);
                    (layout, quads, fs, atlas)
                },
                BatchSize::PerIteration,
            );
        });
        group.bench_function(BenchmarkId::new("cosmic_text", name), |b| {
            b.iter_batched(
                || (font_system(), SwashCache::new()),
                |(mut fs, mut cache)| {
                    let mut buf = raw_buffer(text, Some(VIEW_H));
                    buf.shape_until_scroll(&mut fs, false);
                    let n = raw_raster(&buf, &mut fs, &mut cache);
                    (buf, n, fs, cache)
                },
                BatchSize::PerIteration,
            );
        });
    }
    // Creating a font system with the bundled fonts (the height worker makes its own).
    quick(&mut group);
    group.bench_function("phase_font_system_new", |b| b.iter_with_large_drop(font_system));
    // Phases of the 10 MB first screen: splitting into paragraphs vs the rest.
    if let Some((name, text)) = articles.iter().find(|(n, _)| *n == "10MB") {
        slow(&mut group, 3);
        group.bench_function(BenchmarkId::new("phase_new_only", name), |b| {
            b.iter_with_large_drop(|| ArticleLayout::new(text, PARAMS));
        });
        group.bench_function(BenchmarkId::new("phase_cosmic_set_text_only", name), |b| {
            b.iter_with_large_drop(|| raw_buffer(text, Some(VIEW_H)));
        });
    }
    group.finish();

    if std::env::args().any(|a| a == "--bench") {
        full_layout_faults(articles);
    }
    let mut group = c.benchmark_group("1_full_layout");
    // 10 MB takes ~10 s per layout: measured by criterion only on request; otherwise the
    // memory probes time it once (see `memory_report`).
    let with_10mb = std::env::var("HASHIYA_BENCH_FULL_10MB").is_ok_and(|v| v == "1");
    for (name, text) in articles.iter().filter(|(n, _)| *n != "10MB" || with_10mb) {
        match *name {
            "100KB" => {
                group.sample_size(30);
                group.sampling_mode(SamplingMode::Flat);
                group.warm_up_time(Duration::from_millis(300));
                group.measurement_time(Duration::from_secs(3));
            }
            "1MB" => slow(&mut group, 8),
            _ => slow(&mut group, 100),
        }
        group.bench_function(BenchmarkId::new("hashiya", name), |b| {
            b.iter_batched(
                font_system,
                |mut fs| {
                    let mut layout = ArticleLayout::new(text, PARAMS);
                    layout.layout_all(&mut fs);
                    (layout, fs)
                },
                BatchSize::PerIteration,
            );
        });
        group.bench_function(BenchmarkId::new("hashiya_worker", name), |b| {
            b.iter_with_large_drop(|| {
                let mut layout = ArticleLayout::new(text, PARAMS);
                background_heights(&mut layout);
                layout
            });
        });
        group.bench_function(BenchmarkId::new("cosmic_text", name), |b| {
            b.iter_batched(
                font_system,
                |mut fs| (raw_layout_paragraphs(text, &mut fs, None), fs),
                BatchSize::PerIteration,
            );
        });
        // Where hashiya's extra time goes: keeping geometry (fresh memory) instead of reusing it.
        group.bench_function(BenchmarkId::new("cosmic_text_kept", name), |b| {
            b.iter_batched(
                font_system,
                |mut fs| {
                    let mut kept = Vec::new();
                    let n = raw_layout_paragraphs(text, &mut fs, Some(&mut kept));
                    (n, kept, fs)
                },
                BatchSize::PerIteration,
            );
        });
        group.bench_function(BenchmarkId::new("cosmic_text_buffer", name), |b| {
            b.iter_batched(
                font_system,
                |mut fs| {
                    let mut buf = raw_buffer(text, None);
                    buf.shape_until_scroll(&mut fs, false);
                    (buf, fs)
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// 2. Steady frame, 3. hit-testing
// ---------------------------------------------------------------------------------------------

/// The 10 MB article with its first screen laid out, a warm atlas and 100k entities of which
/// about [`VISIBLE_HIGHLIGHTS`] are in the first viewport.
struct Screen<'a> {
    text: &'a str,
    layout: ArticleLayout,
    fs: FontSystem,
    atlas: GlyphAtlas,
    ann: Annotations,
    visible: Range<usize>,
}

impl<'a> Screen<'a> {
    fn new(big: &'a Big) -> Self {
        let text = big.doc.text();
        let mut fs = font_system();
        let mut atlas = GlyphAtlas::new(ATLAS);
        let (layout, _) = first_screen(text, &mut fs, &mut atlas);
        let visible = visible_bytes(&layout, 0.0, VIEW_H);
        // Dense entities on the words of the visible paragraphs, the rest spread after them.
        let split = big.words.partition_point(|w| w.start < visible.end);
        let (on_screen, rest) = big.words.split_at(split);
        let dense = on_screen.len().min(VISIBLE_HIGHLIGHTS);
        let mut entities = spread_entities(on_screen, dense, 1);
        entities.extend(spread_entities(rest, 100_000 - dense, dense as u64 + 1));
        let ann = annotations(&big.doc, entities);
        Self { text, layout, fs, atlas, ann, visible }
    }

    /// One steady frame: visible entities, their rectangles, the glyph quads.
    fn frame(&mut self) -> (usize, usize) {
        let mut rects = 0;
        for e in self.ann.entities().overlapping(self.visible.clone()) {
            rects += self.layout.range_rects(e.range()).len();
        }
        let quads = quads(&self.layout, 0.0, VIEW_H, &mut self.fs, &mut self.atlas);
        (rects, quads.len())
    }
}

fn bench_frame_and_hits(c: &mut Criterion, big: &Big) {
    let mut s = Screen::new(big);
    let visible_entities = s.ann.entities().overlapping(s.visible.clone()).count();
    let (rects, glyphs) = s.frame();
    eprintln!(
        "steady frame: {} of {} entities visible, {rects} highlight rectangles, {glyphs} glyph quads, {} paragraphs laid out",
        visible_entities,
        s.ann.entities().len(),
        s.layout.progress().0
    );

    // Why a cold first screen spends most of its time rasterising: distinct atlas entries.
    let mut keys = std::collections::HashSet::new();
    let mut glyph_ids = std::collections::HashSet::new();
    for line in s.layout.lines_in(0.0, VIEW_H) {
        for g in line.glyphs {
            let key = g.physical((0.0, line.baseline), 1.0).cache_key;
            keys.insert(key);
            glyph_ids.insert((key.font_id, key.glyph_id, key.font_size_bits));
        }
    }
    eprintln!(
        "first screen: {glyphs} glyphs, {} distinct glyphs, {} distinct atlas entries (sub-pixel positions)",
        glyph_ids.len(),
        keys.len()
    );
    // Per-entity highlight cost: glyphs of the paragraphs the visible entities are in.
    let visible_paras = s.layout.para_at_y(0.0).unwrap_or(0)..=s.layout.para_at_y(VIEW_H).unwrap_or(0);
    let para_glyphs: Vec<usize> =
        visible_paras.map(|i| s.layout.para_lines(i).map(|l| l.glyphs.len()).sum::<usize>()).collect();
    eprintln!("glyphs per visible paragraph: {para_glyphs:?}");

    let mut group = c.benchmark_group("2_steady_frame");
    quick(&mut group);
    group.bench_function("hashiya_1000_highlights", |b| b.iter(|| s.frame()));
    group.bench_function("baseline_glyph_quads_only", |b| {
        b.iter(|| quads(&s.layout, 0.0, VIEW_H, &mut s.fs, &mut s.atlas));
    });
    group.bench_function("phase_visibility_query", |b| {
        b.iter(|| s.ann.entities().overlapping(black_box(s.visible.clone())).count());
    });
    group.bench_function("phase_highlight_rects", |b| {
        b.iter(|| {
            let mut n = 0;
            for e in s.ann.entities().overlapping(s.visible.clone()) {
                n += s.layout.range_rects(e.range()).len();
            }
            n
        });
    });
    group.finish();

    // Hit-testing at the middle of the viewport.
    let (x, y) = (PARAMS.width_px / 2.0, VIEW_H / 2.0);
    let y = (0..40)
        .map(|k| y + k as f32 * 7.0)
        .find(|&y| s.layout.char_at(x, y).is_some())
        .expect("a glyph near the middle of the screen");
    let caret = s.layout.caret_at(x, y).expect("caret under the point");
    let i = big.words.partition_point(|w| w.end <= caret);
    let three = big.words[i].start..big.words[i + 2].end;
    // cosmic-text's own hit-test and highlight on the visible paragraphs.
    let last_para = s.layout.para_at_y(VIEW_H).expect("paragraphs");
    let shown_end = s.layout.para(last_para).map_or(0, |(r, _)| r.end);
    let mut raw = raw_buffer(&s.text[..shown_end], Some(VIEW_H));
    raw.shape_until_scroll(&mut s.fs, false);
    let para = s.layout.para_of_byte(three.start).expect("paragraph of the range");
    let para_start = s.layout.para(para).map_or(0, |(r, _)| r.start);
    let (c0, c1) = (Cursor::new(para, three.start - para_start), Cursor::new(para, three.end - para_start));

    let mut group = c.benchmark_group("3_hit_test");
    quick(&mut group);
    group.bench_function("hashiya_caret_at", |b| b.iter(|| s.layout.caret_at(black_box(x), black_box(y))));
    group.bench_function("hashiya_char_at", |b| b.iter(|| s.layout.char_at(black_box(x), black_box(y))));
    group.bench_function("cosmic_text_hit", |b| b.iter(|| raw.hit(black_box(x), black_box(y))));
    group.bench_function("hashiya_range_rects_3_words", |b| {
        b.iter(|| s.layout.range_rects(black_box(three.clone())));
    });
    // The cost of `range_rects` depends on the paragraph, not on the range: one word and the
    // whole paragraph cost about the same as three words.
    let one = big.words[i].clone();
    let whole = s.layout.para(para).map(|(r, _)| r).expect("paragraph");
    eprintln!(
        "hit-test paragraph {para}: {} bytes, {} lines, {} glyphs",
        whole.len(),
        s.layout.para_lines(para).count(),
        s.layout.para_lines(para).map(|l| l.glyphs.len()).sum::<usize>()
    );
    group.bench_function("phase_range_rects_1_word", |b| {
        b.iter(|| s.layout.range_rects(black_box(one.clone())))
    });
    group.bench_function("phase_range_rects_whole_paragraph", |b| {
        b.iter(|| s.layout.range_rects(black_box(whole.clone())));
    });
    group.bench_function("cosmic_text_highlight_3_words", |b| {
        b.iter(|| {
            raw.layout_runs()
                .filter(|r| r.line_i == para)
                .flat_map(|r| r.highlight(c0, c1).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        });
    });
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// 4. Edits
// ---------------------------------------------------------------------------------------------

/// Times `op` on a persistent state, restoring the state with the untimed `restore` after
/// each run (cloning 100k entities per iteration would swamp the measurement).
fn timed_with_restore<S>(
    b: &mut criterion::Bencher<'_>,
    state: &mut S,
    mut prepare: impl FnMut(&mut S),
    mut op: impl FnMut(&mut S),
    mut restore: impl FnMut(&mut S),
) {
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            prepare(state);
            let t = Instant::now();
            op(state);
            total += t.elapsed();
            restore(state);
        }
        total
    });
}

fn bench_edits(c: &mut Criterion, big: &Big) {
    let doc = &big.doc;
    let mut group = c.benchmark_group("4_edit");
    quick(&mut group);
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(1));
    group.warm_up_time(Duration::from_millis(200));
    for &(name, n) in &COUNTS {
        let base = big.set(name);
        // A free word in the middle of the document, and the entity in the middle.
        let mid = base.entities().iter().nth(n / 2).copied().expect("middle entity");
        let wi = big.words.partition_point(|w| w.start < mid.end);
        let free = (wi..big.words.len())
            .map(|i| big.words[i].clone())
            .find(|w| base.entities().overlapping(w.clone()).next().is_none())
            .expect("a free word");
        let mut st = (base.clone(), History::default());

        let add_label = LabelId(2);
        group.bench_function(BenchmarkId::new("add", name), |b| {
            timed_with_restore(
                b,
                &mut st,
                |_| {},
                |(ann, h)| {
                    let tx = ops::tag(ann, free.clone(), add_label).map(|(tx, _)| tx).expect("adds");
                    h.apply(ann, doc, tx).expect("valid add");
                },
                |(ann, h)| {
                    h.undo(ann, doc).expect("undo applies");
                },
            );
        });
        let other = if mid.label == LabelId(1) { LabelId(2) } else { LabelId(1) };
        group.bench_function(BenchmarkId::new("relabel", name), |b| {
            timed_with_restore(
                b,
                &mut st,
                |_| {},
                |(ann, h)| {
                    let tx = ops::tag(ann, mid.range(), other).map(|(tx, _)| tx).expect("relabels");
                    h.apply(ann, doc, tx).expect("valid relabel");
                },
                |(ann, h)| {
                    h.undo(ann, doc).expect("undo applies");
                },
            );
        });
        group.bench_function(BenchmarkId::new("delete", name), |b| {
            timed_with_restore(
                b,
                &mut st,
                |_| {},
                |(ann, h)| h.apply(ann, doc, Transaction::single(Edit::Remove(mid))).expect("valid delete"),
                |(ann, h)| {
                    h.undo(ann, doc).expect("undo applies");
                },
            );
        });
        group.bench_function(BenchmarkId::new("undo", name), |b| {
            timed_with_restore(
                b,
                &mut st,
                |(ann, h)| {
                    let tx = ops::tag(ann, free.clone(), add_label).map(|(tx, _)| tx).expect("adds");
                    h.apply(ann, doc, tx).expect("valid add");
                },
                |(ann, h)| {
                    h.undo(ann, doc).expect("undo applies");
                },
                |_| {},
            );
        });
        assert_eq!(&st.0, base, "every edit was undone");
        // Baseline: the same insert and remove on a bare sorted Vec (the floor of this model).
        let mut vec: Vec<(usize, usize, u64)> =
            base.entities().iter().map(|e| (e.start, e.end, e.id.0)).collect();
        let key = (free.start, free.end, u64::MAX);
        group.bench_function(BenchmarkId::new("baseline_sorted_vec_insert", name), |b| {
            timed_with_restore(
                b,
                &mut vec,
                |_| {},
                |v| {
                    let i = v.partition_point(|x| *x < key);
                    v.insert(i, key);
                },
                |v| {
                    let i = v.partition_point(|x| *x < key);
                    v.remove(i);
                },
            );
        });
    }
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// 5. RON save/load vs serde_json, 6. CoNLL export
// ---------------------------------------------------------------------------------------------

/// The same data as an entity line of the RON file, for the serde_json baseline.
#[derive(Serialize, Deserialize)]
struct JsonEntity {
    id: u64,
    start: usize,
    end: usize,
    label: String,
    text: String,
    before: String,
    after: String,
}

fn json_entities(doc: &Document, ann: &Annotations) -> Vec<JsonEntity> {
    let text = doc.text();
    ann.entities()
        .iter()
        .map(|e| {
            let chars = doc.byte_range_to_chars(e.range()).expect("entity on char boundaries");
            let (before, after) = reanchor::context(text, e.start, e.end);
            JsonEntity {
                id: e.id.0,
                start: chars.start,
                end: chars.end,
                label: ann.labels().get(e.label).map_or("?", |l| l.name.as_str()).to_string(),
                text: text[e.range()].to_string(),
                before: before.to_string(),
                after: after.to_string(),
            }
        })
        .collect()
}

fn bench_store(c: &mut Criterion, big: &Big) {
    let doc = &big.doc;
    let path = Path::new("/tmp/hashiya-bench/article.txt.hashiya.ron");
    let info = store::SaveInfo::new(Path::new("article.txt"));
    let mut group = c.benchmark_group("5_store");
    group.sample_size(20);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(3));
    for name in ["10k", "100k"] {
        let ann = big.set(name);
        let ron = store::to_ron_string(doc, ann, &info);
        let loaded = store::from_ron_str(path, &ron, doc).expect("the saved file loads");
        assert_eq!(&loaded.annotations, ann, "RON round trip");
        let data = json_entities(doc, ann);
        let json = serde_json::to_string(&data).expect("serialises");
        eprintln!("store {name}: RON {} bytes, JSON {} bytes", ron.len(), json.len());
        group.bench_function(BenchmarkId::new("ron_save", name), |b| {
            b.iter_with_large_drop(|| store::to_ron_string(doc, ann, &info));
        });
        group.bench_function(BenchmarkId::new("json_save", name), |b| {
            b.iter_with_large_drop(|| serde_json::to_string(&data).expect("serialises"));
        });
        group.bench_function(BenchmarkId::new("ron_load", name), |b| {
            b.iter_with_large_drop(|| store::from_ron_str(path, &ron, doc).expect("loads"));
        });
        group.bench_function(BenchmarkId::new("json_load", name), |b| {
            b.iter_with_large_drop(|| serde_json::from_str::<Vec<JsonEntity>>(&json).expect("parses"));
        });
    }
    // Phases of a load that the public API can isolate: building the model from validated
    // entities (below) and the article fingerprint (`phase_sha256_10MB`); the rest of a load
    // is parsing, validation and code-point → byte conversion.
    for name in ["10k", "100k"] {
        let ann = big.set(name);
        let entities: Vec<Entity> = ann.entities().iter().copied().collect();
        group.bench_function(BenchmarkId::new("phase_load_from_parts_with_tokens", name), |b| {
            b.iter_batched(
                || entities.clone(),
                |e| {
                    Annotations::from_parts_with_tokens(doc, LabelSet::default(), e, Vec::new(), None)
                        .expect("valid")
                },
                BatchSize::LargeInput,
            );
        });
    }
    // Work that depends on the article, not on the entities: the fingerprint of 10 MB.
    group.bench_function("phase_sha256_10MB", |b| b.iter(|| store::sha256_hex(black_box(doc.text()))));
    group.finish();
}

fn bench_conll(c: &mut Criterion, big: &Big) {
    let doc = &big.doc;
    let ann = big.set("100k");
    let (out, report) = conll::export(doc, ann);
    eprintln!(
        "conll 10MB/100k: {} bytes, {} tokens, {} sentences, {} entities",
        out.len(),
        report.tokens,
        report.sentences,
        report.entities
    );
    let mut group = c.benchmark_group("6_conll_export");
    slow(&mut group, 8);
    group.bench_function("hashiya_10MB_100k", |b| b.iter_with_large_drop(|| conll::export(doc, ann)));
    // Baseline: the output's floor, `word<TAB>O` lines of white-space separated words.
    group.bench_function("baseline_split_whitespace_10MB", |b| {
        b.iter_with_large_drop(|| {
            let mut s = String::with_capacity(doc.len() * 2);
            for w in doc.text().split_whitespace() {
                s.push_str(w);
                s.push_str("\tO\n");
            }
            s
        });
    });
    group
        .bench_function("phase_tokenize_10MB", |b| b.iter_with_large_drop(|| tokenize::tokenize(doc.text())));
    // The next steps of the export: split tokens at entity edges, find sentence starts.
    let tokens = tokenize::tokenize(doc.text());
    let mut cuts: Vec<usize> = ann.entities().iter().flat_map(|e| [e.start, e.end]).collect();
    cuts.sort_unstable();
    group.bench_function("phase_split_at_and_sentence_starts_10MB", |b| {
        b.iter_with_large_drop(|| {
            let split = tokenize::split_at(&tokens, &cuts);
            let starts = tokenize::sentence_starts(doc.text(), &split, true);
            (split, starts)
        });
    });
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// Peak memory (child processes)
// ---------------------------------------------------------------------------------------------

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Minor page faults of this process so far (field 10 of /proc/self/stat).
fn minor_faults() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    after.split_whitespace().nth(7).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// One full layout of the 100 KB and 1 MB articles per variant, with its time and minor page
/// faults: the full-layout figures depend on whether geometry lands in fresh pages.
fn full_layout_faults(articles: &[(&str, String)]) {
    for (name, text) in articles.iter().filter(|(n, _)| *n != "10MB") {
        let mut line = format!("full layout {name}, one run each (time, minor page faults):");
        for variant in ["hashiya", "cosmic_text", "cosmic_text_kept"] {
            let mut fs = font_system();
            let (f0, t) = (minor_faults(), Instant::now());
            let kept = match variant {
                "hashiya" => {
                    let mut layout = ArticleLayout::new(text, PARAMS);
                    layout.layout_all(&mut fs);
                    (Some(layout), Vec::new())
                }
                "cosmic_text" => {
                    raw_layout_paragraphs(text, &mut fs, None);
                    (None, Vec::new())
                }
                _ => {
                    let mut kept = Vec::new();
                    raw_layout_paragraphs(text, &mut fs, Some(&mut kept));
                    (None, kept)
                }
            };
            let (elapsed, faults) = (t.elapsed(), minor_faults() - f0);
            drop(black_box(kept));
            line.push_str(&format!(" {variant} {} / {faults};", ms(elapsed)));
        }
        eprintln!("{line}");
    }
}

fn mib(kb: Option<u64>) -> String {
    kb.map_or_else(|| "?".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Child: builds the 10 MB article and runs one path, printing VmHWM and timings.
fn memprobe_child(mode: &str) {
    let doc = Document::new(article(&common::sentences(), 10 * MB));
    let hwm = |what: &str| {
        eprintln!(
            "  [{mode}] {what}: VmHWM {} (VmRSS {})",
            mib(status_kb("VmHWM:")),
            mib(status_kb("VmRSS:"))
        )
    };
    hwm("the text and its Document");
    let mut fs = font_system();
    let t = Instant::now();
    match mode {
        "first" | "full" | "worker" => {
            let mut atlas = GlyphAtlas::new(ATLAS);
            let mut layout = ArticleLayout::new(doc.text(), PARAMS);
            let t_new = t.elapsed();
            if mode == "worker" {
                layout.start_background();
            }
            layout.ensure_visible(&mut fs, 0.0, VIEW_H);
            let t_visible = t.elapsed();
            let q = quads(&layout, 0.0, VIEW_H, &mut fs, &mut atlas);
            let t_quads = t.elapsed();
            eprintln!(
                "  [{mode}] first screen (cold): new {} + ensure_visible {} + glyph_quads {} = {}; {} paragraphs, {} quads",
                ms(t_new),
                ms(t_visible - t_new),
                ms(t_quads - t_visible),
                ms(t_quads),
                layout.para_count(),
                q.len()
            );
            hwm("first screen only");
            let t = Instant::now();
            match mode {
                "full" => {
                    layout.layout_all(&mut fs);
                    eprintln!(
                        "  [{mode}] layout_all (every paragraph shaped and wrapped): {}",
                        ms(t.elapsed())
                    );
                    hwm("full layout");
                }
                "worker" => {
                    background_heights(&mut layout);
                    eprintln!("  [{mode}] worker heights complete after {}", ms(t.elapsed()));
                    hwm("first screen + worker heights");
                }
                _ => {}
            }
            black_box((layout, atlas));
        }
        "raw" => {
            let lines = raw_layout_paragraphs(doc.text(), &mut fs, None);
            eprintln!(
                "  [{mode}] cosmic-text per paragraph (geometry dropped): {}, {lines} lines",
                ms(t.elapsed())
            );
            hwm("raw cosmic-text per paragraph");
        }
        "raw_buffer" => {
            let mut buf = raw_buffer(doc.text(), None);
            buf.shape_until_scroll(&mut fs, false);
            eprintln!("  [{mode}] cosmic-text Buffer, everything shaped and kept: {}", ms(t.elapsed()));
            hwm("raw cosmic-text Buffer");
            black_box(buf);
        }
        _ => eprintln!("  unknown probe {mode}"),
    }
    black_box((doc, fs));
}

/// Runs the memory probes in fresh processes so each peak is its own.
fn memory_report() {
    let Ok(exe) = std::env::current_exe() else { return };
    eprintln!("10 MB article, each path in a fresh process (peak memory budget 80 MB):");
    for mode in ["first", "full", "worker", "raw", "raw_buffer"] {
        match Command::new(&exe).env(PROBE_ENV, mode).output() {
            Ok(out) => eprint!("{}", String::from_utf8_lossy(&out.stderr)),
            Err(e) => eprintln!("  [{mode}] could not run the probe: {e}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

enum Budget {
    None,
    /// At most this many nanoseconds.
    Ns(f64),
    /// At most this multiple of the baseline.
    Ratio(f64),
}

/// (row name, benchmark id, baseline id, budget).
fn summary_rows() -> Vec<(&'static str, String, Option<String>, Budget)> {
    use Budget::{Ns, Ratio};
    const MS: f64 = 1e6;
    const US: f64 = 1e3;
    let mut rows = Vec::new();
    for (name, _) in SIZES {
        let budget = if name == "10MB" { Ns(150.0 * MS) } else { Budget::None };
        rows.push((
            "first screen",
            format!("1_open_first_screen/hashiya/{name}"),
            Some(format!("1_open_first_screen/cosmic_text/{name}")),
            budget,
        ));
    }
    for (name, _) in SIZES {
        rows.push((
            "first screen, worker started",
            format!("1_open_first_screen/hashiya_with_worker/{name}"),
            Some(format!("1_open_first_screen/cosmic_text/{name}")),
            if name == "10MB" { Ns(150.0 * MS) } else { Budget::None },
        ));
    }
    for (name, _) in SIZES {
        rows.push((
            "full layout (worker thread)",
            format!("1_full_layout/hashiya_worker/{name}"),
            Some(format!("1_full_layout/cosmic_text/{name}")),
            Ratio(1.2),
        ));
        rows.push((
            "full layout vs one raw Buffer",
            format!("1_full_layout/hashiya/{name}"),
            Some(format!("1_full_layout/cosmic_text_buffer/{name}")),
            Ratio(1.2),
        ));
        rows.push((
            "full layout",
            format!("1_full_layout/hashiya/{name}"),
            Some(format!("1_full_layout/cosmic_text/{name}")),
            Ratio(1.2),
        ));
    }
    rows.push((
        "steady frame",
        "2_steady_frame/hashiya_1000_highlights".into(),
        Some("2_steady_frame/baseline_glyph_quads_only".into()),
        Ns(2.0 * MS),
    ));
    rows.push((
        "hit-test caret",
        "3_hit_test/hashiya_caret_at".into(),
        Some("3_hit_test/cosmic_text_hit".into()),
        Ns(50.0 * US),
    ));
    rows.push((
        "hit-test char",
        "3_hit_test/hashiya_char_at".into(),
        Some("3_hit_test/cosmic_text_hit".into()),
        Ns(50.0 * US),
    ));
    rows.push((
        "range → rects (3 words)",
        "3_hit_test/hashiya_range_rects_3_words".into(),
        Some("3_hit_test/cosmic_text_highlight_3_words".into()),
        Ns(50.0 * US),
    ));
    for (name, _) in COUNTS {
        for op in ["add", "relabel", "delete", "undo"] {
            rows.push((
                "edit",
                format!("4_edit/{op}/{name}"),
                Some(format!("4_edit/baseline_sorted_vec_insert/{name}")),
                if name == "100k" { Ns(1.0 * MS) } else { Budget::None },
            ));
        }
    }
    for name in ["10k", "100k"] {
        let budget = || if name == "100k" { Ns(100.0 * MS) } else { Budget::None };
        rows.push((
            "RON save",
            format!("5_store/ron_save/{name}"),
            Some(format!("5_store/json_save/{name}")),
            budget(),
        ));
        rows.push((
            "RON load",
            format!("5_store/ron_load/{name}"),
            Some(format!("5_store/json_load/{name}")),
            budget(),
        ));
    }
    rows.push((
        "CoNLL export",
        "6_conll_export/hashiya_10MB_100k".into(),
        Some("6_conll_export/baseline_split_whitespace_10MB".into()),
        Budget::None,
    ));
    rows
}

/// Medians (ns) of every benchmark measured since `since`, by full id.
fn medians(dir: &Path, since: SystemTime, out: &mut BTreeMap<String, f64>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let (bench, est) = (path.join("new/benchmark.json"), path.join("new/estimates.json"));
        let fresh = std::fs::metadata(&est).and_then(|m| m.modified()).is_ok_and(|t| t >= since);
        if fresh {
            let read = |p: &Path| -> Option<serde_json::Value> {
                serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()
            };
            if let (Some(b), Some(e)) = (read(&bench), read(&est)) {
                let id = b["full_id"].as_str().map(str::to_string);
                let median = e["median"]["point_estimate"].as_f64();
                if let (Some(id), Some(median)) = (id, median) {
                    out.insert(id, median);
                }
            }
        }
        if path.file_name().is_some_and(|n| n != "new" && n != "base" && n != "report") {
            medians(&path, since, out);
        }
    }
}

fn fmt_ns(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

fn print_summary(since: SystemTime) {
    let Some(dir) = common::criterion_dir() else { return };
    let mut m = BTreeMap::new();
    medians(&dir, since, &mut m);
    if m.is_empty() {
        return;
    }
    println!("\nSummary (criterion medians of this run; {}):", dir.display());
    println!("| benchmark | median | baseline | budget | verdict |");
    println!("|---|---|---|---|---|");
    for (row, id, base, budget) in summary_rows() {
        let Some(&t) = m.get(&id) else { continue };
        let b = base.as_ref().and_then(|b| m.get(b).copied());
        let base_s = match (&base, b) {
            (Some(name), Some(b)) => {
                format!("{} ({}; ×{:.2})", fmt_ns(b), name.rsplit('/').nth(1).unwrap_or(name), t / b)
            }
            _ => "–".into(),
        };
        let (budget_s, verdict) = match budget {
            Budget::None => ("–".to_string(), "–"),
            Budget::Ns(max) => (format!("≤ {}", fmt_ns(max)), if t <= max { "met" } else { "MISSED" }),
            Budget::Ratio(r) => match b {
                Some(b) => (format!("≤ {r} × baseline"), if t <= r * b { "met" } else { "MISSED" }),
                None => (format!("≤ {r} × baseline"), "?"),
            },
        };
        println!("| {row} `{id}` | {} | {base_s} | {budget_s} | {verdict} |", fmt_ns(t));
    }
    println!("All medians measured in this run:");
    for (id, t) in &m {
        println!("  {id:<60} {}", fmt_ns(*t));
    }
}

// ---------------------------------------------------------------------------------------------

fn main() {
    if let Ok(mode) = std::env::var(PROBE_ENV) {
        memprobe_child(&mode);
        return;
    }
    let since = SystemTime::now();
    // `cargo bench` passes `--bench`; without it (`cargo test --benches`) criterion runs each
    // benchmark once as a test, and the one-shot probes are skipped.
    let args: Vec<String> = std::env::args().collect();
    let listing = args.iter().any(|a| a == "--list");
    let benching = args.iter().any(|a| a == "--bench") && !listing;
    let mem = std::env::var("HASHIYA_BENCH_MEMORY").map_or(true, |v| v != "0");
    if mem && benching {
        memory_report();
    }

    let sentences = common::sentences();
    let articles: Vec<(&str, String)> =
        SIZES.iter().map(|&(n, bytes)| (n, article(&sentences, bytes))).collect();
    let big = Big::new(articles[2].1.clone());
    eprintln!(
        "inputs: {} ({} words in 10MB); entity sets {:?}",
        articles.iter().map(|(n, t)| format!("{n} = {} bytes", t.len())).collect::<Vec<_>>().join(", "),
        big.words.len(),
        big.sets.iter().map(|(n, a)| format!("{n} = {}", a.entities().len())).collect::<Vec<_>>()
    );

    let mut c = Criterion::default().configure_from_args();
    bench_open(&mut c, &articles);
    bench_frame_and_hits(&mut c, &big);
    bench_edits(&mut c, &big);
    bench_store(&mut c, &big);
    bench_conll(&mut c, &big);
    c.final_summary();
    if benching {
        print_summary(since);
    }
}
