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
