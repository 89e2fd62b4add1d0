//! Inputs shared by the benchmarks: the newswire sentences of the shared corpus
//! (`$HASHIYA_SHARED/corpus/newsfane-text/newsfane_sentences.txt`, default `../shared` from the
//! crate root), or generated Arabic sentences with a printed note when it is missing.
// Each benchmark uses part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The newswire text, or `None` after printing why it cannot be used.
pub fn corpus_text() -> Option<String> {
    let shared = std::env::var_os("HASHIYA_SHARED")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from);
    let path = shared.join("corpus/newsfane-text/newsfane_sentences.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) if !text.trim().is_empty() => Some(text),
        Ok(_) => {
            eprintln!("note: {} is empty; using generated Arabic text", path.display());
            None
        }
        Err(e) => {
            eprintln!("note: cannot read {} ({e}); using generated Arabic text", path.display());
            None
        }
    }
}

/// The corpus sentences, or generated ones (with a note) if the corpus is missing.
pub fn sentences() -> Vec<String> {
    let sentences: Vec<String> = corpus_text()
        .map(|text| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
        .unwrap_or_default();
    if sentences.is_empty() { generated_sentences() } else { sentences }
}

/// Pseudo-random Arabic sentences from a small word list (fallback when the corpus is missing).
pub fn generated_sentences() -> Vec<String> {
    const WORDS: [&str; 32] = [
        "قال",
        "رئيس",
        "الوزراء",
        "في",
        "مؤتمر",
        "صحفي",
        "امس",
        "ان",
        "الحكومة",
        "ستواصل",
        "دعم",
        "الاقتصاد",
        "الوطني",
        "وزير",
        "الخارجية",
        "المصري",
        "بغداد",
        "القاهرة",
        "مجلس",
        "الامن",
        "الدولي",
        "الى",
        "على",
        "من",
        "عام",
        "2002",
        "مليون",
        "دولار",
        "الشركة",
        "العربية",
        "الاتحاد",
        "الاوروبي",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..4000)
        .map(|_| {
            let n = 8 + (next() % 20) as usize;
            let mut s: Vec<&str> = (0..n).map(|_| WORDS[(next() % WORDS.len() as u64) as usize]).collect();
            s.push(".");
            s.join(" ")
        })
        .collect()
}

/// Where criterion writes its results (`CRITERION_HOME`, else `$CARGO_TARGET_DIR/criterion`,
/// else `target/criterion` next to the bench binary's profile folder).
pub fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(target).join("criterion"));
    }
    // target/<profile>/deps/<bench>-<hash>
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}
