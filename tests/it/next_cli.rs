//! `hashiya next DIR`: the documents still to do, in file order or the suggestion layer's
//! least sure first, as scripts read them (rank, score, status, path; tab-separated).

use crate::fixtures::{hashiya, run_hashiya};

/// (rank, score, status, path) of each line.
fn rows(out: &str) -> Vec<(String, String, String, String)> {
    out.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "rank, score, status, path: {l:?}");
            (f[0].to_string(), f[1].to_string(), f[2].to_string(), f[3].to_string())
        })
        .collect()
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let texts = [
        ("a.txt", "وصل وزير خارجية إيران إلى دمشق أمس.\n"),
        ("b.txt", "قالت الوزارة إن المحادثات ستستمر في الأسابيع المقبلة.\n"),
        ("c.txt", "التقى الرئيس بشار الأسد في دمشق وفداً من باكو برئاسة إلهام علييف.\n"),
        ("sub/d.txt", "ارتفعت أسعار الذهب في الأسواق العالمية اليوم.\n"),
        ("e.txt", "أعلنت شركة أرامكو السعودية ومنظمة أوبك في فيينا عن اتفاق جديد مع روسيا والصين.\n"),
    ];
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    for (name, text) in texts {
        std::fs::write(dir.path().join(name), text).expect("write article");
    }
    hashiya(&["init", &dir.path().to_string_lossy(), "--labels", "PER,ORG,LOC"]);
    let (a, c) = (dir.path().join("a.txt"), dir.path().join("c.txt"));
    hashiya(&["mark", &a.to_string_lossy(), "--status", "done"]);
    hashiya(&["mark", &c.to_string_lossy(), "--status", "skipped"]);
    dir
}

#[test]
fn next_lists_the_documents_to_do_in_file_order_or_least_sure_first() {
    let dir = corpus();
    let d = dir.path().to_string_lossy().to_string();
    let file = rows(&hashiya(&["next", &d]));
    let names: Vec<&str> = file.iter().map(|r| r.3.as_str()).collect();
    assert_eq!(names, ["b.txt", "e.txt", "sub/d.txt"], "done and skipped documents are left out");
    assert!(file.iter().all(|r| r.1 == "-" && r.2 == "new"), "no score in file order: {file:?}");
    assert_eq!(file.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["1", "2", "3"]);
    assert_eq!(rows(&hashiya(&["next", &d, "-n", "1"])).len(), 1);

    let sure = rows(&hashiya(&["next", &d, "--order", "uncertain"]));
    let scores: Vec<f32> = sure.iter().map(|r| r.1.parse().expect("a score")).collect();
    assert_eq!(sure.len(), 3);
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "highest score first: {sure:?}");
    assert!(scores.iter().all(|s| *s >= 0.0), "{scores:?}");
    assert_eq!(sure[0].3, "e.txt", "the text full of names is the least sure: {sure:?}");

    // The corpus file's setting is the default order.
    let file_path = dir.path().join("hashiya-corpus.ron");
    let text = std::fs::read_to_string(&file_path).expect("corpus file");
    let text = text.replacen("    labels: [", "    order: \"uncertain\",\n    labels: [", 1);
    std::fs::write(&file_path, text).expect("write corpus file");
    assert_eq!(rows(&hashiya(&["next", &d])), sure);
    assert_eq!(rows(&hashiya(&["next", &d, "--order", "file"])), file);
}

#[test]
fn next_on_a_file_or_a_bad_order_says_what_is_wrong() {
    let dir = corpus();
    let out = run_hashiya(&["next", &dir.path().join("a.txt").to_string_lossy()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.txt"), "{out:?}");
    let out = run_hashiya(&["next", &dir.path().to_string_lossy(), "--order", "random"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("file"), "the choices are named: {out:?}");
}
