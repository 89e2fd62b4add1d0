//! Reader typography in the text layer: the three bundled reading fonts, line height, and
//! tashkeel hidden in the view with every offset still the document's.

use hashiya::text::{ArticleLayout, LayoutParams, ReadingFont, TextStyle, font_system};

const VOWELLED: &str = "قَالَ وَزِيرُ الخَارِجِيَّةِ إِنَّ القِمَّةَ سَتُعْقَدُ فِي بَاكُو عَامَ 2023";
const PLAIN: &str = "قال وزير الخارجية إن القمة ستعقد في باكو عام 2023";

fn laid_out(text: &str, style: TextStyle) -> ArticleLayout {
    let mut fs = font_system();
    let params = LayoutParams { style, ..LayoutParams::new(2000.0, 24.0) };
    let mut layout = ArticleLayout::plain(text, params);
    layout.layout_all(&mut fs);
    layout
}

fn hidden() -> TextStyle {
    TextStyle { tashkeel: false, ..TextStyle::default() }
}

fn range_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text.find(needle).unwrap_or_else(|| panic!("{needle} in text"));
    start..start + needle.len()
}

#[test]
fn hidden_tashkeel_draws_the_bare_text_where_it_would_be() {
    let with_marks = laid_out(VOWELLED, hidden());
    let bare = laid_out(PLAIN, TextStyle::default());
    for (vowelled, plain) in [("الخَارِجِيَّةِ", "الخارجية"), ("بَاكُو", "باكو"), ("2023", "2023")]
    {
        let a = with_marks.range_rects(range_of(VOWELLED, vowelled));
        let b = bare.range_rects(range_of(PLAIN, plain));
        assert_eq!(a.len(), 1, "{vowelled}");
        assert!((a[0].x0 - b[0].x0).abs() < 0.5 && (a[0].x1 - b[0].x1).abs() < 0.5, "{a:?} vs {b:?}");
    }
    // Fewer glyphs are drawn than with the marks shown.
    let count = |l: &ArticleLayout| l.para_lines(0).map(|v| v.glyphs.len()).sum::<usize>();
    assert!(count(&with_marks) < count(&laid_out(VOWELLED, TextStyle::default())));
    assert_eq!(count(&with_marks), count(&bare));
}

#[test]
fn hit_testing_with_hidden_tashkeel_returns_document_offsets_that_include_the_marks() {
    let layout = laid_out(VOWELLED, hidden());
    let word = range_of(VOWELLED, "الخَارِجِيَّةِ");
    let r = layout.range_rects(word.clone())[0];
    let y = (r.y0 + r.y1) / 2.0;
    // Right to left: the word's logical start is its right edge, its end (after «ةِ») the left.
    assert_eq!(layout.caret_at(r.x1 - 0.5, y), Some(word.start));
    assert_eq!(layout.caret_at(r.x0 + 0.5, y), Some(word.end), "a selection ending there takes the kasra");
    // The letter under the pointer comes with the marks written on it.
    let ch = layout.char_at(r.x1 - 1.0, y).unwrap_or(0..0);
    assert_eq!(&VOWELLED[ch], "ا");
    let baku = range_of(VOWELLED, "بَاكُو");
    let b = layout.range_rects(baku.clone())[0];
    let first = layout.char_at(b.x1 - 1.0, y).unwrap_or(0..0);
    assert_eq!(&VOWELLED[first], "بَ");
    // Every caret offset is a document char boundary, and carets inside marks have a place.
    for (i, _) in VOWELLED.char_indices() {
        assert!(layout.caret_rect(i).is_some(), "caret at {i}");
    }
}

#[test]
fn fonts_and_line_height_change_the_layout() {
    let mut widths = Vec::new();
    for font in ReadingFont::ALL {
        let layout = laid_out(PLAIN, TextStyle { font, ..TextStyle::default() });
        let r = layout.range_rects(0..PLAIN.len());
        widths.push(r.iter().map(|r| r.width()).sum::<f32>());
    }
    assert!(widths[0] != widths[1] && widths[1] != widths[2], "each face has its own advances: {widths:?}");
    let tall = laid_out(PLAIN, TextStyle { line_height: 2.5, ..TextStyle::default() });
    let normal = laid_out(PLAIN, TextStyle::default());
    assert!(tall.total_height() > normal.total_height() + 10.0);
}

#[test]
fn switching_style_reshapes_only_what_is_shown_again() {
    let text = vec![VOWELLED; 200].join("\n");
    let mut fs = font_system();
    let mut layout = ArticleLayout::new(&text, LayoutParams::new(900.0, 22.0));
    layout.ensure_visible(&mut fs, 0.0, 800.0);
    let shown = layout.para_lines(1).map(|l| l.glyphs.len()).sum::<usize>();
    layout.set_params(LayoutParams { style: hidden(), ..layout.params() });
    assert!(!layout.is_laid_out(1));
    layout.ensure_visible(&mut fs, 0.0, 800.0);
    let bare = layout.para_lines(1).map(|l| l.glyphs.len()).sum::<usize>();
    assert!(bare < shown, "{bare} glyphs without marks, {shown} with");
    assert!(!layout.is_laid_out(150), "far paragraphs are not shaped");
}

#[test]
fn render_with_hidden_tashkeel_draws_exactly_the_bare_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vowelled, plain) = (dir.path().join("v.txt"), dir.path().join("p.txt"));
    std::fs::write(&vowelled, format!("{VOWELLED}\n{VOWELLED}\n")).expect("write");
    std::fs::write(&plain, format!("{PLAIN}\n{PLAIN}\n")).expect("write");
    let render = |article: &std::path::Path, out: &str, extra: &[&str]| {
        let png = dir.path().join(out);
        let mut args = vec![
            "render".to_string(),
            article.display().to_string(),
            "--out".to_string(),
            png.display().to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        crate::fixtures::hashiya(&args);
        std::fs::read(png).expect("a PNG")
    };
    let hidden = render(&vowelled, "hidden.png", &["--hide-tashkeel"]);
    let bare = render(&plain, "bare.png", &[]);
    let shown = render(&vowelled, "shown.png", &[]);
    assert_eq!(hidden, bare, "the same pixels as the text without marks");
    assert_ne!(hidden, shown);
    for font in ["amiri", "sans"] {
        let other = render(&plain, &format!("{font}.png"), &["--font", font, "--line-height", "2"]);
        assert_ne!(other, bare, "{font} draws differently");
    }
    let bad = crate::fixtures::run_hashiya(&["render", "x.txt", "--out", "y.png", "--line-height", "9"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--line-height"));
}
