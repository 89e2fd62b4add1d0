//! Which document next, in the window: the documents panel's Order choice switches to the
//! suggestion layer's least sure first (saved in the corpus file), the documents to do are
//! ranked in the background exactly as `hashiya next DIR --order uncertain` ranks them, and
//! Ctrl+Enter opens the first of them.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::{HashiyaApp, Settings};

use crate::window::tag_word;

/// Runs frames until `done` holds, for at most a minute (the learner trains on a thread).
fn wait_for(h: &mut Harness<'_, HashiyaApp>, done: impl Fn(&Harness<'_, HashiyaApp>) -> bool) {
    crate::window::run_frames_until(h, std::time::Duration::from_secs(60), done);
}

fn active_name(h: &Harness<'_, HashiyaApp>) -> String {
    h.state().article().map(|a| a.name()).unwrap_or_default()
}

/// `hashiya next DIR --order uncertain`: the documents to do, most uncertain first.
fn cli_order(dir: &std::path::Path) -> Vec<String> {
    let out = crate::fixtures::hashiya(&[
        "next".as_ref(),
        dir.as_os_str(),
        "--order".as_ref(),
        "uncertain".as_ref(),
    ]);
    out.lines().map(|l| l.split('\t').nth(3).expect("rank, score, status, path").to_string()).collect()
}

#[test]
fn least_sure_first_reorders_the_documents_and_ctrl_enter_follows_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let texts = [
        ("a.txt", "وصل وزير خارجية إيران إلى دمشق أمس.\n"),
        ("b.txt", "قالت الوزارة إن المحادثات ستستمر في الأسابيع المقبلة.\n"),
        (
            "c.txt",
            "التقى الرئيس بشار الأسد في دمشق وفداً من باكو برئاسة إلهام علييف، وبحث معه العلاقات بين سوريا وأذربيجان.\n",
        ),
        ("d.txt", "ارتفعت أسعار الذهب في الأسواق العالمية اليوم.\n"),
        ("e.txt", "أعلنت شركة أرامكو السعودية ومنظمة أوبك في فيينا عن اتفاق جديد مع روسيا والصين.\n"),
    ];
    for (name, text) in texts {
        std::fs::write(dir.path().join(name), text).expect("write article");
    }
    let settings = Settings { autosave: true, ..crate::fixtures::settings() };
    let root = dir.path().to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1300.0, 800.0))
        .build_eframe(move |cc| HashiyaApp::new(&cc.egui_ctx, settings, Some(root)));
    h.run_steps(6);
    tag_word(&mut h, "إيران", 0, "4");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(4);
    assert_eq!(active_name(&h), "b.txt", "file order is the default");

    let order = h.get_by_role_and_label(Role::ComboBox, "Order");
    assert_eq!(order.value().as_deref(), Some("file order"));
    order.click();
    h.run_steps(2);
    h.get_by_label("least sure first").click();
    h.run_steps(2);
    let corpus_file = std::fs::read_to_string(dir.path().join("hashiya-corpus.ron")).expect("corpus file");
    assert!(corpus_file.contains("order: \"uncertain\""), "{corpus_file}");
    wait_for(&mut h, |h| h.state().to_do_in_order().1);
    let (window, ranked) = h.state().to_do_in_order();
    assert!(ranked, "the documents were ranked: {window:?}");
    let window: Vec<String> = window.iter().map(|p| p.display().to_string()).collect();
    let cli = cli_order(dir.path());
    assert_eq!(window, cli, "the window ranks as `hashiya next` does");
    assert_eq!(window.len(), 4, "a.txt is done");
    let expected = window.iter().find(|n| *n != "b.txt").cloned().expect("another document to do");
    assert_ne!(expected, "c.txt", "the test means something only if the order differs from the file's");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(4);
    assert_eq!(active_name(&h), expected, "Ctrl+Enter opens the least sure document to do");
}
