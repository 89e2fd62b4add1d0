//! The window with the Arabic interface (issue 21): a steady frame with every panel open
//! (documents, entities, suggestions, find bar, status), and the first frame after switching
//! the language (every visible word shaped anew). Frames run through egui_kittest without a
//! GPU: egui's pass (layout, our shaping and meshes), not rasterisation.
//! Run: `cargo bench --bench window`.

use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use hashiya::app::i18n::Lang;
use hashiya::app::{Command, HashiyaApp, Settings};

/// A corpus of 20 Arabic documents open in a window speaking `lang`, with the find bar open
/// on a name and some entities and suggestions.
fn window(dir: &std::path::Path, lang: Lang) -> Harness<'static, HashiyaApp> {
    let para = "افتتحت وزيرة الطاقة الأردنية سلمى الحديدي صباح اليوم أعمال مؤتمر المشرق للطاقة المتجددة في العاصمة عمّان، بمشاركة وفود من الأردن ولبنان وسورية والعراق ومصر.\n\n";
    for i in 0..20 {
        std::fs::write(dir.join(format!("doc-{i:02}.txt")), para.repeat(8)).expect("write article");
    }
    let settings = Settings { autosave: false, language: Some(lang), ..Settings::default() };
    let dir = dir.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(dir)));
    h.run_steps(4);
    for word in ["الأردنية", "عمّان", "الطاقة"] {
        let text = h.state().article().map(|a| a.doc.text().to_string()).unwrap_or_default();
        let start = text.find(word).unwrap_or(0);
        let select = hashiya::editor::EditCommand::Select { anchor: start, caret: start + word.len() };
        h.state_mut().push_command(Command::Edit(select));
        h.state_mut()
            .push_command(Command::Edit(hashiya::editor::EditCommand::Tag(hashiya::model::LabelId(4))));
        h.run_steps(2);
    }
    h.state_mut().push_command(Command::FindOpen(true));
    h.run_steps(10);
    h
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = window(dir.path(), Lang::Arabic);
    let mut group = c.benchmark_group("7_window");
    group.sample_size(30).measurement_time(Duration::from_secs(8));
    group.bench_function("steady_frame_arabic_all_panels", |b| b.iter(|| h.step()));
    let mut en = window(dir.path(), Lang::English);
    group.bench_function("steady_frame_english_all_panels", |b| b.iter(|| en.step()));
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("switch_to_arabic_first_frame", |b| {
        b.iter_batched(
            || window(dir.path(), Lang::English),
            |mut h| {
                h.state_mut().push_command(Command::SetLanguage(Some(Lang::Arabic)));
                // The command is applied in this frame; the next one draws every word in Arabic.
                h.step();
                h.step();
                h
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
