//! `hashiya validate` and `hashiya stats`: headless checks of an article and its annotation
//! file. Either file may be named; the other is found beside it (`X` ↔ `X.hashiya.ron`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::editor::{Reading, has_journal, read_document};
use crate::formats::decode::read_article;
use crate::formats::store::{self, Loaded, annotation_path, article_path};
use crate::model::{Annotations, Document};

/// Checks a file; prints problems; non-zero exit on any.
pub fn validate(file: &Path) -> anyhow::Result<ExitCode> {
    let outcome = check(file);
    for line in &outcome.notes {
        outln!("{line}");
    }
    for line in &outcome.problems {
        outln!("{line}");
    }
    Ok(if outcome.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Prints entity counts per label, of the document as the window would open it (with the
/// edits of its journal not yet saved).
pub fn stats(file: &Path) -> anyhow::Result<ExitCode> {
    let (article, annotation) = pair(file)?;
    let reading = read_document(&article)?;
    if let Some(report) = &reading.reanchor {
        eprintln!("note: {report}");
    }
    note_journal(&reading);
    if !reading.is_annotated() {
        outln!("no annotations yet: {} does not exist", annotation.display());
        return Ok(ExitCode::SUCCESS);
    }
    for line in stats_lines(reading.article.ann()) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Says once on stderr what the document's journal added or why it was not applied.
pub(super) fn note_journal(reading: &Reading) {
    super::folder::note_journal(&reading.journal, &reading.article.path);
}

/// The article and annotation file of `file`, whichever it names.
pub(super) fn pair(file: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let is_annotation = file.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(store::SUFFIX));
    if !is_annotation {
        return Ok((file.to_path_buf(), annotation_path(file)));
    }
    let article = article_path(file)
        .ok_or_else(|| anyhow::anyhow!("{}: no article name before {}", file.display(), store::SUFFIX))?;
    Ok((article, file.to_path_buf()))
}

/// What `validate` prints: notes (never failures) and problems.
#[derive(Debug, Default)]
pub(super) struct Outcome {
    /// What is fine or only worth knowing.
    pub(super) notes: Vec<String>,
    /// Every problem, located.
    pub(super) problems: Vec<String>,
    /// What the journal added (also among the notes).
    pub(super) journal: Option<String>,
}

/// Checks an article and its annotation file (either may be named).
pub(super) fn check(file: &Path) -> Outcome {
    let mut out = Outcome::default();
    let (article, annotation) = match pair(file) {
        Ok(p) => p,
        Err(err) => {
            out.problems.push(err.to_string());
            return out;
        }
    };
    let names_annotation = annotation == file;
    let doc = match read_article(&article) {
        Ok(d) => {
            if d.encoding.is_legacy() {
                out.notes.push(format!("note: {}: decoded as {}", article.display(), d.encoding));
            }
            Some(Document::new(d.text))
        }
        Err(_) if names_annotation && !article.exists() => {
            out.problems.push(format!(
                "{}: the article {} is not beside it; only checks that need no text were made",
                annotation.display(),
                article.display()
            ));
            None
        }
        Err(err) => {
            out.problems.push(err.to_string());
            None
        }
    };
    if names_annotation || annotation.exists() {
        check_annotations(&annotation, doc.as_ref(), &mut out);
    }
    if doc.is_some() && out.problems.is_empty() {
        check_journal(&article, &mut out);
    }
    if out.problems.is_empty() && !out.notes.iter().any(|n| n.starts_with("ok: ")) {
        out.notes.push(format!("ok: no annotation file yet ({})", annotation.display()));
    }
    out
}

/// The journal beside a valid (or absent) annotation file: replayed in memory, it is a note
/// and the counts are the replayed ones; one that does not apply is a problem.
fn check_journal(article: &Path, out: &mut Outcome) {
    if !has_journal(article) {
        return;
    }
    let Ok(reading) = read_document(article) else { return };
    let Some(line) = reading.journal.message(article) else { return };
    if reading.journal.is_problem() {
        out.problems.push(line);
        return;
    }
    out.notes.push(line.clone());
    out.journal = Some(line);
    if reading.journal.replayed() > 0 {
        out.notes.retain(|n| !n.starts_with("ok: "));
        out.notes.push(ok_line(reading.article.ann()));
    }
}

fn check_annotations(annotation: &Path, doc: Option<&Document>, out: &mut Outcome) {
    let text = match store::read_text(annotation) {
        Ok(t) => t,
        Err(err) => {
            out.problems.push(err.to_string());
            return;
        }
    };
    match store::check_str(annotation, &text, doc) {
        Ok(Some(Loaded { annotations, reanchor, .. })) => {
            if let Some(report) = reanchor {
                let at = store::field_location(annotation, &text, "article");
                out.problems.push(format!("{at}: {report}"));
            }
            if out.problems.is_empty() {
                out.notes.push(ok_line(&annotations));
            }
        }
        Ok(None) => {}
        Err(errors) => out.problems.extend(errors.iter().map(ToString::to_string)),
    }
}

fn ok_line(ann: &Annotations) -> String {
    let orphans = match ann.orphans().len() {
        0 => String::new(),
        n => format!(", {n} orphans"),
    };
    format!("ok: {} entities, {} labels{orphans}", ann.entities().len(), ann.labels().len())
}

/// Counts per label in label-set order, the total, then orphans, in aligned columns.
fn stats_lines(ann: &Annotations) -> Vec<String> {
    let mut counts = HashMap::new();
    for e in ann.entities().iter() {
        *counts.entry(e.label).or_insert(0usize) += 1;
    }
    let mut rows: Vec<(String, usize)> =
        ann.labels().iter().map(|l| (l.name.clone(), counts.get(&l.id).copied().unwrap_or(0))).collect();
    rows.push(("total".into(), ann.entities().len()));
    rows.push(("orphans".into(), ann.orphans().len()));
    let width = rows.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0);
    rows.iter()
        .map(|(name, n)| format!("{name}{}  {n:>6}", " ".repeat(width - name.chars().count())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::store::SaveInfo;
    use crate::model::{Entity, EntityId, LabelId, LabelSet, Orphan};

    const TEXT: &str = "التقى المقداد في باكو مع علييف.";

    fn setup() -> (tempfile::TempDir, PathBuf, Document, Annotations) {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("baku.txt");
        std::fs::write(&article, TEXT).expect("write article");
        let doc = Document::new(TEXT.to_string());
        let at = |s: &str| TEXT.find(s).map_or(0..0, |i| i..i + s.len());
        let ent = |id, s: &str, l| Entity {
            id: EntityId(id),
            start: at(s).start,
            end: at(s).end,
            label: LabelId(l),
        };
        let orphan = Orphan { id: EntityId(5), label: LabelId(1), chars: 0..2, text: "أب".into() };
        let entities = vec![ent(1, "المقداد", 1), ent(2, "باكو", 3), ent(3, "علييف", 1)];
        let ann = Annotations::from_parts(&doc, LabelSet::default(), entities, vec![orphan]).expect("valid");
        (dir, article, doc, ann)
    }

    #[test]
    fn valid_pair_is_ok_from_either_name() {
        let (_dir, article, doc, ann) = setup();
        assert_eq!(
            check(&article).notes,
            vec![
                "ok: no annotation file yet (".to_string()
                    + &annotation_path(&article).display().to_string()
                    + ")"
            ]
        );
        store::save(&annotation_path(&article), &doc, &ann, &SaveInfo::new(&article)).expect("save");
        for file in [article.clone(), annotation_path(&article)] {
            let out = check(&file);
            assert_eq!(out.problems, Vec::<String>::new());
            assert_eq!(out.notes, vec!["ok: 3 entities, 7 labels, 1 orphans".to_string()]);
        }
    }

    #[test]
    fn problems_are_located_and_all_listed() {
        let (_dir, article, doc, ann) = setup();
        let path = annotation_path(&article);
        let text = store::to_ron_string(&doc, &ann, &SaveInfo::new(&article))
            .replace("label: \"LOC\"", "label: \"PLACE\"")
            .replace("(id: 3, start:", "(id: 1, start:");
        std::fs::write(&path, &text).expect("write");
        let out = check(&article);
        let line = |s: &str| text.lines().position(|l| l.contains(s)).map_or(0, |i| i + 1);
        let want = vec![
            format!(
                "{}:{}:9: entity #2: label \"PLACE\" is not defined in `labels`",
                path.display(),
                line("PLACE")
            ),
            format!(
                "{}:{}:9: entity #1: this id is used by another entity or orphan",
                path.display(),
                line("علييف\"")
            ),
        ];
        assert_eq!(out.problems, want);
    }

    #[test]
    fn changed_article_is_a_problem_and_missing_article_is_reported() {
        let (_dir, article, doc, ann) = setup();
        let path = annotation_path(&article);
        store::save(&path, &doc, &ann, &SaveInfo::new(&article)).expect("save");
        std::fs::write(&article, format!("عاجل: {TEXT}")).expect("edit article");
        let out = check(&path);
        assert_eq!(out.problems.len(), 1);
        assert!(
            out.problems[0].contains(":4:5: the article changed") && out.problems[0].contains("3 moved"),
            "{:?}",
            out.problems
        );
        std::fs::remove_file(&article).expect("remove article");
        let out = check(&path);
        assert_eq!(out.problems.len(), 1);
        assert!(out.problems[0].contains("is not beside it"), "{:?}", out.problems);
    }

    #[test]
    fn stats_count_per_label_in_order() {
        let (_dir, _article, _doc, ann) = setup();
        let lines = stats_lines(&ann);
        assert_eq!(lines[0], "PER           2");
        assert_eq!(lines[2], "LOC           1");
        assert_eq!(lines[lines.len() - 2..], ["total         3".to_string(), "orphans       1".to_string()]);
    }
}
