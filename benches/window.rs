//! The window with the Arabic interface (issue 21): a steady frame with every panel open
//! (documents, entities, suggestions, find bar, status), and the first frame after switching
//! the language (every visible word shaped anew). Frames run through egui_kittest without a
//! GPU: egui's pass (layout, our shaping and meshes), not rasterisation. Issue 20: a steady
//! frame of a 1,000-document corpus whose documents to do are being ranked most uncertain
//! first on a thread, and once they are (the ranking's time is printed).
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

/// A corpus of 1,000 documents of about 250 words open in the window, least sure first.
fn large(dir: &std::path::Path) -> Harness<'static, HashiyaApp> {
    let paras = [
        "افتتحت وزيرة الطاقة الأردنية سلمى الحديدي صباح اليوم أعمال مؤتمر المشرق للطاقة المتجددة في العاصمة عمّان.\n\n",
        "قالت الوزارة إن المحادثات ستستمر في الأسابيع المقبلة بين الجانبين لبحث التعاون الاقتصادي.\n\n",
        "التقى الرئيس وفداً من باكو برئاسة وزير الخارجية وبحث معه العلاقات بين سوريا وأذربيجان.\n\n",
    ];
    for i in 0..1000 {
        let text: String = (0..15).map(|k| paras[(i * 7 + k * (i % 5 + 1)) % paras.len()]).collect();
        std::fs::write(dir.join(format!("doc-{i:04}.txt")), text).expect("write article");
    }
    let settings = Settings { autosave: false, language: Some(Lang::English), ..Settings::default() };
    let dir = dir.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(dir)));
    h.run_steps(4);
    h.state_mut().push_command(Command::SetDocOrder(hashiya::corpus::DocOrder::Uncertain));
    h.run_steps(2);
    h
}

/// Frames of a 1,000-document corpus while its documents are ranked, and after.
fn ranking(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = large(dir.path());
    let started = std::time::Instant::now();
    // The learner builds the layer first (the starter alone: nothing is done), then the ranking starts.
    while started.elapsed() < Duration::from_secs(2) {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut group = c.benchmark_group("7_window");
    group.sample_size(20).measurement_time(Duration::from_secs(5));
    group.bench_function("steady_frame_1000_documents_while_ranking", |b| b.iter(|| h.step()));
    while !h.state().to_do_in_order().1 && started.elapsed() < Duration::from_secs(600) {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    println!("1,000 documents ranked {:.1} s after the order was set", started.elapsed().as_secs_f64());
    group.bench_function("steady_frame_1000_documents_ranked", |b| b.iter(|| h.step()));
    group.finish();
}

criterion_group!(benches, bench, ranking);
criterion_main!(benches);
