//! The window driven like a user through egui_kittest: a harness on an article written for the
//! test, drags, keys, and what the annotations hold afterwards.

use std::path::Path;

use egui::{Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use hashiya::app::{HashiyaApp, Settings};

/// The app on `text` saved as `dir/a.txt`, autosave off, at `pixels_per_point`.
pub fn harness_with(dir: &Path, text: &str, pixels_per_point: f32) -> Harness<'static, HashiyaApp> {
    let article = dir.join("a.txt");
    std::fs::write(&article, text).expect("write article");
    let settings = Settings { autosave: false, ..crate::fixtures::settings() };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_pixels_per_point(pixels_per_point)
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(article)));
    h.run_steps(4);
    h
}

/// The screen rectangle of the `nth` occurrence of `needle` (which must sit on one line).
pub fn rect_of(h: &Harness<'_, HashiyaApp>, needle: &str, nth: usize) -> Rect {
    let text = h.state().article().expect("article").doc.text().to_string();
    let start = text.match_indices(needle).nth(nth).expect("needle").0;
    let rects = h.state().view().screen_rects_of(start..start + needle.len());
    assert_eq!(rects.len(), 1, "{needle} is on one line");
    rects[0]
}

/// A primary-button drag from `from` to `to` in small steps, holding `modifiers`.
pub fn drag(h: &mut Harness<'_, HashiyaApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers,
    };
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.run_steps(1);
    h.event(button(from, true));
    h.run_steps(1);
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.run_steps(1);
    }
    h.event(button(to, false));
    h.run_steps(2);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
}

/// (label, surface) of every entity of the active article, in reading order.
pub fn entities(h: &Harness<'_, HashiyaApp>) -> Vec<(String, String)> {
    let s = h.state().article().expect("article");
    s.ann()
        .entities()
        .iter()
        .map(|e| {
            let label = s.ann().labels().get(e.label).map(|l| l.name.clone()).unwrap_or_default();
            (label, s.doc.slice(e.range()).unwrap_or("").to_string())
        })
        .collect()
}

/// Drags across the `nth` occurrence of `needle` (right to left, as in Arabic) and presses `key`.
pub fn tag_word(h: &mut Harness<'_, HashiyaApp>, needle: &str, nth: usize, key: &str) {
    let r = rect_of(h, needle, nth);
    drag(h, Pos2::new(r.max.x - 1.0, r.center().y), Pos2::new(r.min.x + 1.0, r.center().y), Modifiers::NONE);
    press_text(h, key);
}

/// A primary-button click at `pos`.
pub fn click(h: &mut Harness<'_, HashiyaApp>, pos: Pos2) {
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.hover_at(pos);
    h.run_steps(1);
    h.event(button(true));
    h.event(button(false));
    h.run_steps(2);
}

/// Types `text` (label keys are text events).
pub fn press_text(h: &mut Harness<'_, HashiyaApp>, text: &str) {
    h.event(egui::Event::Text(text.to_string()));
    h.run_steps(2);
}

/// Runs frames until `done` holds (work the app does on threads), for at most `limit`; the
/// caller's assertion afterwards says what did not happen.
pub fn run_frames_until(
    h: &mut Harness<'_, HashiyaApp>,
    limit: std::time::Duration,
    done: impl Fn(&Harness<'_, HashiyaApp>) -> bool,
) {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        h.run_steps(1);
        if done(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
