//! Renders real Arabic news text headlessly and scores it with OCR (tesseract, Arabic) against
//! the source: correct shaping and bidi score high, reversed or unjoined text scores low.
//! Runs when `HASHIYA_SHARED` points at the shared folder; then missing data or tools fail.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared(test: &str) -> Option<PathBuf> {
    crate::fixtures::shared(test, &["tools/ocr_score.py"])
}

/// Renders `article` at 900 px / 22 px and returns (char_acc, word_recall).
fn score(shared: &Path, article: &Path, dir: &Path) -> (f64, f64) {
    let png = dir.join("page.png");
    let status = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("render")
        .arg(article)
        .arg("--out")
        .arg(&png)
        .args(["--width", "900", "--font-size", "22"])
        .status()
        .expect("hashiya runs");
    assert!(status.success(), "render failed for {}", article.display());
    let out = Command::new("python3")
        .arg(shared.join("tools/ocr_score.py"))
        .arg(&png)
        .arg(article)
        .output()
        .expect("python3 and tesseract (tesseract-ocr-ara) are installed");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "ocr_score failed: {}", String::from_utf8_lossy(&out.stderr));
    let field = |name: &str| -> f64 {
        let v = text.split_whitespace().find_map(|kv| kv.strip_prefix(name)).expect("score printed");
        v.parse().expect("a number")
    };
    (field("char_acc="), field("word_recall="))
}

#[test]
fn sana_article_reads_back_through_ocr() {
    let Some(shared) = shared("sana_article_reads_back_through_ocr") else { return };
    let article = shared.join("corpus/sana-baku-2023.txt");
    assert!(article.exists(), "missing {}", article.display());
    let dir = tempfile::tempdir().expect("tempdir");
    let (acc, recall) = score(&shared, &article, dir.path());
    eprintln!("sana-baku-2023: char_acc={acc:.3} word_recall={recall:.3}");
    assert!(acc >= 0.98 && recall >= 0.95, "char_acc={acc} word_recall={recall}");
}

#[test]
fn unseen_newswire_reads_back_through_ocr() {
    let Some(shared) = shared("unseen_newswire_reads_back_through_ocr") else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = shared.join("corpus/newsfane-text/newsfane_sentences.txt");
    let text = std::fs::read_to_string(&corpus).expect("newsfane sentences present");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    for skip in [500, 2500, 4500] {
        let news = dir.path().join(format!("news-{skip}.txt"));
        std::fs::write(&news, lines[skip..skip + 12].join("\n")).expect("write");
        let (acc, recall) = score(&shared, &news, dir.path());
        eprintln!("newsfane lines {skip}..: char_acc={acc:.3} word_recall={recall:.3}");
        assert!(acc >= 0.98 && recall >= 0.95, "lines {skip}..: char_acc={acc} word_recall={recall}");
    }
}

#[test]
fn sample_with_latin_names_keeps_every_arabic_word() {
    let Some(shared) = shared("sample_with_latin_names_keeps_every_arabic_word") else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    // Latin names, an acronym, percentages, quotes and parentheses. Tesseract's Arabic model
    // cannot read Latin letters or «%» (it prints digits for them), so char_acc here measures
    // the OCR, not the rendering: the Arabic words are the check.
    let sample = crate::fixtures::repo("assets/sample-article.txt");
    let (acc, recall) = score(&shared, &sample, dir.path());
    eprintln!("sample: char_acc={acc:.3} word_recall={recall:.3}");
    assert!(recall >= 0.97, "word_recall={recall}");
    assert!(acc >= 0.85, "char_acc={acc}");
}
