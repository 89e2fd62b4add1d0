//! Where an article opens in the window (issue 23): at its top, or at its own last reading
//! position, never at the position another article was left at — in one session and in the
//! next (the positions are kept in the settings by path).

use std::path::Path;

use egui::{Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use hashiya::app::{Command, HashiyaApp, Settings};

use crate::window::harness_with;

const HEADLINE: &str = "مؤتمر دولي في عمّان يبحث مستقبل الطاقة";

/// A long article: its headline, then numbered paragraphs of two lines or so.
fn long_text() -> String {
    let mut text = format!("{HEADLINE}\n\n");
    for i in 1..=80 {
        text.push_str(&format!(
            "الفقرة رقم {i}: افتتحت وزيرة الطاقة الأردنية أعمال المؤتمر في العاصمة بمشاركة وفود من \
             الأردن ولبنان وسورية والعراق ومصر.\n\n"
        ));
    }
    text
}

/// Scrolls the article view down by about `points`, as a mouse wheel would.
fn scroll_down(h: &mut Harness<'_, HashiyaApp>, points: f32) {
    h.hover_at(Pos2::new(500.0, 400.0));
    h.run_steps(1);
    for _ in 0..(points / 400.0).ceil() as usize {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(2);
    }
    h.run_steps(20);
}

/// Opens `path` in the window as File > Open would.
fn open(h: &mut Harness<'_, HashiyaApp>, path: &Path) {
    h.state_mut().push_command(Command::Open(path.to_path_buf()));
    h.run_steps(6);
    assert_eq!(h.state().article().map(|a| a.path.as_path()), Some(path));
}

/// True when the headline is drawn at the top of the article view.
fn headline_at_top(h: &Harness<'_, HashiyaApp>) -> bool {
    let rects = h.state().view().screen_rects_of(0..HEADLINE.len());
    rects.first().is_some_and(|r| (0.0..200.0).contains(&r.min.y))
}

#[test]
fn an_article_opens_at_its_own_reading_position_never_at_anothers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = long_text();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&b, &text).expect("write b");
    let mut h = harness_with(dir.path(), &text, 1.0);
    assert!(headline_at_top(&h));
    scroll_down(&mut h, 2400.0);
    let read_at = h.state().view().reading_position().expect("drawn");
    assert!(read_at > text.len() / 5 && !headline_at_top(&h), "scrolled well down: byte {read_at}");
    open(&mut h, &b);
    assert_eq!(h.state().view().reading_position(), Some(0), "b opens at its top");
    assert!(headline_at_top(&h), "its headline in view");
    open(&mut h, &a);
    assert_eq!(h.state().view().reading_position(), Some(read_at), "a opens where it was read");
    // The next session: the positions are kept in the settings, by path.
    let settings = h.state().settings().clone();
    assert_eq!(settings.reading_position(&a), Some(read_at));
    assert_eq!(settings.reading_position(&b), None, "read from its top: nothing kept");
    let mut next = Harness::builder().with_size(vec2(1200.0, 800.0)).build_eframe(move |cc| {
        HashiyaApp::new(&cc.egui_ctx, Settings { autosave: false, ..settings }, Some(b))
    });
    next.run_steps(4);
    assert!(headline_at_top(&next), "b opens at its top in the next session too");
    open(&mut next, &a);
    assert_eq!(next.state().view().reading_position(), Some(read_at));
}
