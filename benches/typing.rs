//! Typing and typography (issue 21): a keystroke in the find field on a 10 MB article — the
//! frame that takes the key and draws it, and the frame after, which runs the find over the
//! whole article — the text field's own work per keystroke, switching the reading font (the
//! visible screen laid out again), and the resident memory the two extra reading fonts add.
//! Frames run through egui_kittest without a GPU (egui's pass, our shaping and meshes).
//! Run: `cargo bench --bench typing`.

mod common;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use hashiya::app::{Command, HashiyaApp, Settings};
use hashiya::text::field::{Action, FieldCore, FieldLine};
use hashiya::text::{ArticleLayout, GlyphAtlas, LayoutParams, ReadingFont, TextStyle, font_system};

/// About 10 MB of newswire paragraphs (five sentences each).
fn article_10mb() -> String {
    let sentences = common::sentences();
    let mut text = String::with_capacity(10 << 20);
    for (i, s) in sentences.iter().cycle().enumerate() {
        if text.len() >= 10 << 20 {
            break;
        }
        text.push_str(s);
        text.push(if i % 5 == 4 { '\n' } else { ' ' });
    }
    text
}

/// The window on the 10 MB article, its layout complete, the find bar open with the keyboard.
fn window(dir: &std::path::Path, text: &str) -> Harness<'static, HashiyaApp> {
    let path = dir.join("big.txt");
    std::fs::write(&path, text).expect("write article");
    let settings = Settings { autosave: false, ..Settings::default() };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(path)));
    let start = Instant::now();
    while h.state().view().progress().is_none_or(|(done, all)| done < all) && start.elapsed().as_secs() < 300
    {
        h.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    h.state_mut().push_command(Command::FindOpen(false));
    h.run_steps(3);
    h
}

/// The keys typed, over and over: a name, then as many Backspaces.
fn keys() -> impl Iterator<Item = egui::Event> {
    let word = "باكو";
    let typed = word.chars().map(|c| egui::Event::Text(c.to_string()));
    let erased = word.chars().map(|_| egui::Event::Key {
        key: egui::Key::Backspace,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    typed.chain(erased).collect::<Vec<_>>().into_iter().cycle()
}

fn window_keystroke(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = article_10mb();
    println!("article: {:.1} MB, {} paragraphs", text.len() as f64 / 1e6, text.lines().count());
    let mut h = window(dir.path(), &text);
    let mut group = c.benchmark_group("8_typing");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    let mut events = keys();
    group.bench_function("find_keystroke_frame_10mb", |b| {
        b.iter_custom(|iters| timed_frames(&mut h, &mut events, iters, 0))
    });
    group.bench_function("find_frame_after_keystroke_10mb", |b| {
        b.iter_custom(|iters| timed_frames(&mut h, &mut events, iters, 1))
    });
    group.finish();
}

/// Sends a key and runs two frames, `iters` times; returns the time of frame `which` (0: the
/// frame that takes the key, 1: the next one).
fn timed_frames(
    h: &mut Harness<'static, HashiyaApp>,
    events: &mut impl Iterator<Item = egui::Event>,
    iters: u64,
    which: usize,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        if let Some(e) = events.next() {
            h.event(e);
        }
        for frame in 0..2 {
            let t = Instant::now();
            h.step();
            if frame == which {
                total += t.elapsed();
            }
        }
    }
    total
}

fn field_keystroke(c: &mut Criterion) {
    let mut fs = font_system();
    let mut group = c.benchmark_group("8_typing");
    group.bench_function("field_core_and_line_per_keystroke", |b| {
        let mut field = FieldCore::new("قمة G20 في باكو ");
        let mut n = 0;
        b.iter(|| {
            n += 1;
            let action =
                if n % 8 < 4 { Action::Insert("ب".into()) } else { Action::DeleteBackward { word: false } };
            field.apply(action);
            FieldLine::new(&mut fs, &field.display_text(), 19.0).width()
        })
    });
    group.finish();
}

/// The screen of a 1400×900 window at 20 pt: lay out what is visible.
const SCREEN: (f32, f32) = (0.0, 900.0);

fn font_switch(c: &mut Criterion) {
    let text = article_10mb();
    let mut fs = font_system();
    let mut layout = ArticleLayout::new(&text, LayoutParams::new(1000.0, 20.0));
    layout.ensure_visible(&mut fs, SCREEN.0, SCREEN.1);
    let mut group = c.benchmark_group("8_typing");
    group.sample_size(20);
    let mut k = 0;
    group.bench_function("switch_reading_font_visible_screen_10mb", |b| {
        b.iter(|| {
            k += 1;
            let font = ReadingFont::ALL[k % 3];
            let style = TextStyle { font, ..TextStyle::default() };
            layout.set_params(LayoutParams { style, ..layout.params() });
            layout.ensure_visible(&mut fs, SCREEN.0, SCREEN.1);
        })
    });
    group.bench_function("toggle_tashkeel_visible_screen_10mb", |b| {
        b.iter(|| {
            let style = layout.params().style;
            layout.set_params(LayoutParams {
                style: TextStyle { tashkeel: !style.tashkeel, ..style },
                ..layout.params()
            });
            layout.ensure_visible(&mut fs, SCREEN.0, SCREEN.1);
        })
    });
    group.finish();
}

/// Resident memory of this process in MB (Linux), if known.
fn rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches(" kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// Prints the resident memory added by reading a screen in Amiri and Noto Sans Arabic after
/// Noto Naskh Arabic (their faces parsed, shaped with and rasterised into an atlas).
fn font_memory() {
    let text = article_10mb();
    let mut fs = font_system();
    let mut atlas = GlyphAtlas::new(1024);
    let mut layout = ArticleLayout::new(&text, LayoutParams::new(1000.0, 20.0));
    let mut read = |font, layout: &mut ArticleLayout, fs: &mut cosmic_text::FontSystem| {
        let style = TextStyle { font, ..TextStyle::default() };
        layout.set_params(LayoutParams { style, ..layout.params() });
        layout.ensure_visible(fs, SCREEN.0, SCREEN.1);
        let _ = ArticleLayout::glyph_quads(layout.lines_in(SCREEN.0, SCREEN.1), fs, &mut atlas);
    };
    read(ReadingFont::NotoNaskh, &mut layout, &mut fs);
    let naskh = rss_mb();
    read(ReadingFont::Amiri, &mut layout, &mut fs);
    read(ReadingFont::NotoSans, &mut layout, &mut fs);
    let all = rss_mb();
    if let (Some(a), Some(b)) = (naskh, all) {
        println!(
            "resident memory: {a:.1} MB reading in Noto Naskh Arabic; {b:.1} MB after Amiri and Noto Sans Arabic too: +{:.1} MB",
            b - a
        );
    }
}

fn memory(_: &mut Criterion) {
    font_memory();
}

criterion_group!(benches, memory, field_keystroke, font_switch, window_keystroke);
criterion_main!(benches);
