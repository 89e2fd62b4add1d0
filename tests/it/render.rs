//! `hashiya render` produces a PNG of the expected size with real text on it.

use std::process::Command;

#[test]
fn render_command_writes_a_non_blank_png() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "عنوان الخبر\nباكو- سانا\nالتقى وزير الخارجية في العاصمة باكو عام 2023.\n")
        .expect("write");
    let out = dir.path().join("page.png");
    let status = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args([
            "render",
            article.to_str().expect("utf8"),
            "--out",
            out.to_str().expect("utf8"),
            "--width",
            "640",
        ])
        .args(["--font-size", "22"])
        .status()
        .expect("runs");
    assert!(status.success());
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).expect("png exists")));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png data");
    assert_eq!(info.width, 640);
    assert!(info.height > 150 && info.height < 600, "height {}", info.height);
    let px = &buf[..info.buffer_size()];
    let dark = px.chunks(4).filter(|p| p[0] < 100).count();
    let total = px.len() / 4;
    // Text covers a few percent of the page: not blank, not a black box.
    assert!(dark * 200 > total && dark * 5 < total, "dark pixels {dark} of {total}");
}

#[test]
fn render_refuses_a_binary_file_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("bin.txt");
    std::fs::write(&article, [0u8, 159, 146, 150, 0, 0, 1, 2]).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["render", article.to_str().expect("utf8"), "--out"])
        .arg(dir.path().join("x.png"))
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bin.txt"), "names the file: {err}");
    assert!(!dir.path().join("x.png").exists());
}

#[test]
fn render_draws_all_of_an_article_larger_than_the_kept_geometry() {
    // More text than the layout keeps shaped at once (128 KB): the bottom must still be drawn.
    let sentence = "وقال المتحدث إن الوفد سيزور العاصمة في 12 أيار لبحث التعاون الاقتصادي. ";
    let para = sentence.repeat(20);
    let text = vec![para; 120].join("\n");
    assert!(text.len() > 200 * 1024);
    let (w, h, px) =
        hashiya::text::render_png_rgba(&text, 2400, 8.0, hashiya::text::TextStyle::default(), &[]);
    let row_dark = |y: u32| (0..w).filter(|&x| px[((y * w + x) * 4) as usize] < 100).count();
    let last_text_row = (0..h).rev().find(|&y| row_dark(y) > 0).expect("some text");
    assert!(last_text_row > h - 40, "text stops at row {last_text_row} of {h}");
    let dark_rows_in_last_tenth = (h * 9 / 10..h).filter(|&y| row_dark(y) > 0).count();
    assert!(dark_rows_in_last_tenth > (h / 10) as usize / 3, "{dark_rows_in_last_tenth} rows");
}
