//! Geometry of the text layer on Arabic and mixed lines, with the bundled fonts only.

use hashiya::text::{ArticleLayout, LayoutParams, Rect, font_system};
use proptest::prelude::*;

fn laid_out(text: &str, width: f32) -> ArticleLayout {
    let mut fs = font_system();
    let mut layout = ArticleLayout::plain(text, LayoutParams::new(width, 24.0));
    layout.layout_all(&mut fs);
    layout
}

fn span(layout: &ArticleLayout, text: &str, needle: &str) -> Vec<Rect> {
    let start = text.find(needle).expect("needle in text");
    layout.range_rects(start..start + needle.len())
}

fn center(rects: &[Rect]) -> (f32, f32) {
    let r = rects[0];
    ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0)
}

#[test]
fn arabic_line_reads_right_to_left_with_latin_and_digits_in_place() {
    let text = "التقى المقداد مدير Siemens Energy في باكو عام 2023 صباحاً";
    let layout = laid_out(text, 2000.0);
    let x = |w: &str| center(&span(&layout, text, w)).0;
    // Arabic words: logical order runs right to left.
    assert!(x("التقى") > x("المقداد"));
    assert!(x("المقداد") > x("مدير"));
    assert!(x("في") > x("باكو"));
    // The Latin phrase keeps its own left-to-right order and sits between its neighbours.
    assert!(x("Siemens") < x("Energy"));
    assert!(x("مدير") > x("Siemens") && x("Energy") > x("في"));
    // Digits read left to right inside the right-to-left line.
    let d = text.find("2023").expect("digits");
    let two = center(&layout.range_rects(d..d + 1)).0;
    let three = center(&layout.range_rects(d + 3..d + 4)).0;
    assert!(two < three, "2023 must not be reversed");
    // The paragraph is right-aligned: the first word ends at the right edge of the column.
    let first = span(&layout, text, "التقى")[0];
    assert!(first.x1 > 1990.0, "right aligned, got {first:?}");
}

#[test]
fn english_paragraph_is_left_aligned() {
    let text = "The Amman Energy Forum (عمّان) publishes in English.";
    let layout = laid_out(text, 2000.0);
    let first = span(&layout, text, "The")[0];
    assert!(first.x0 < 5.0, "left aligned, got {first:?}");
    assert!(center(&span(&layout, text, "Amman")).0 < center(&span(&layout, text, "publishes")).0);
}

#[test]
fn lam_alef_cluster_is_split_from_the_right() {
    let text = "لا";
    let layout = laid_out(text, 500.0);
    let whole = layout.range_rects(0..text.len());
    let lam = layout.range_rects(0..2);
    let alef = layout.range_rects(2..4);
    assert_eq!(whole.len(), 1);
    assert_eq!((lam.len(), alef.len()), (1, 1));
    // Lam is logically first, so in right-to-left text it owns the right half of the ligature.
    assert!(lam[0].x0 > alef[0].x0, "lam {:?} alef {:?}", lam[0], alef[0]);
    assert!((lam[0].width() + alef[0].width() - whole[0].width()).abs() < 0.5);
    // Hit-testing agrees: the right half is lam, the left half is alef.
    let (cx, cy) = center(&lam);
    assert_eq!(layout.char_at(cx, cy), Some(0..2));
    let (cx, cy) = center(&alef);
    assert_eq!(layout.char_at(cx, cy), Some(2..4));
}

#[test]
fn wrapped_range_gives_one_rect_per_line() {
    let text = "كلمة ".repeat(60);
    let layout = laid_out(&text, 300.0);
    let rects = layout.range_rects(0..text.len());
    assert!(rects.len() > 3, "expected several lines, got {}", rects.len());
    assert!(rects.windows(2).all(|w| w[1].y0 > w[0].y0), "one rect per line, top to bottom");
}

#[test]
fn caret_at_end_of_rtl_line_is_the_logical_end() {
    let text = "مرحبا بكم";
    let layout = laid_out(text, 800.0);
    let y = center(&layout.range_rects(0..2)).1;
    let left_of_text = layout.range_rects(0..text.len())[0].x0 - 20.0;
    assert_eq!(layout.caret_at(left_of_text, y), Some(text.len()));
    assert_eq!(layout.caret_at(799.0, y), Some(0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// The rectangles of any code-point range cover exactly its code points: the centre of
    /// each code point inside is covered, and no code point outside overlaps.
    #[test]
    fn range_rects_cover_exactly_the_range(a in 0usize..40, len in 1usize..12) {
        let text = "وقال «الحديدي» إن 27% من IRENA لا تكفي، والله أعلم.";
        let layout = laid_out(text, 3000.0);
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let n = bounds.len() - 1;
        let (a, b) = (a.min(n - 1), (a + len).min(n));
        let union = layout.range_rects(bounds[a]..bounds[b]);
        for k in 0..n {
            let own = layout.range_rects(bounds[k]..bounds[k + 1]);
            if own.is_empty() || own[0].width() < 0.5 { continue; }
            let (cx, cy) = center(&own);
            let covered = union.iter().any(|r| r.contains(cx, cy));
            prop_assert_eq!(covered, (a..b).contains(&k), "code point {} ({:?})", k, &text[bounds[k]..bounds[k+1]]);
        }
    }
}
