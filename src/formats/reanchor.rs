//! Re-anchoring: when an article's text no longer matches the fingerprint in its annotation
//! file, finds each entity again by its surface text and the context saved around it, instead
//! of discarding entities or shifting them blindly. Pure: no I/O.
//!
//! For each entity, in reading order, every occurrence of its surface text in the new text is a
//! candidate. A candidate's score is how many code points of the saved context (up to
//! [`CONTEXT`] before and after) still match around it. The expected position is the old start
//! moved by the shift of the previous entity that was placed. The candidate exactly at the
//! expected position wins if its context is good enough; otherwise the best-scoring candidate,
//! the nearest to the expected position among equals. "Good enough" means at least a quarter of
//! the saved context matches, so an entity whose sentence was rewritten around it is not
//! silently attached to some other occurrence of the same word. Entities that find no place
//! become orphans: kept, listed in the report, never deleted.
//!
//! Orphans already in the file have no saved context. When the text changes again, an orphan
//! is restored only if its surface text is found exactly at its recorded code-point range (the
//! typical case: the article edit that orphaned it was undone); otherwise it stays an orphan.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use crate::model::{Document, Entity, EntityId, LabelId, Orphan};

/// Code points of context saved before and after each entity.
pub const CONTEXT: usize = 12;

/// An entity as saved: old code-point range, surface text and context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Its id.
    pub id: EntityId,
    /// Its label.
    pub label: LabelId,
    /// Code-point range in the old text.
    pub chars: Range<usize>,
    /// Surface text.
    pub text: String,
    /// Up to [`CONTEXT`] code points just before it in the old text.
    pub before: String,
    /// Up to [`CONTEXT`] code points just after it in the old text.
    pub after: String,
}

/// What re-anchoring did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Entities found at their old code-point offsets.
    pub kept: usize,
    /// Entities found at other offsets.
    pub moved: usize,
    /// Orphans from the file that found their place again.
    pub restored: usize,
    /// Entities that could not be placed and are now orphans (old code-point ranges).
    pub lost: Vec<Orphan>,
    /// Orphans from the file that still could not be placed.
    pub still_orphans: usize,
    /// True if imported token boundaries were dropped because the text changed.
    pub tokens_dropped: bool,
}

impl ReanchorReport {
    /// The report as a catalogue message's values: `kept`, `moved`, `restored`, `lost` (a
    /// count), `orphans` (each lost entity as `#id «text» start..end`, old code points) and
    /// `tokens` (1 when the token boundaries were dropped).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let orphans: Vec<String> = self
            .lost
            .iter()
            .map(|o| format!("#{} «{}» {}..{}", o.id.0, o.text, o.chars.start, o.chars.end))
            .collect();
        vec![
            ("kept", self.kept.to_string()),
            ("moved", self.moved.to_string()),
            ("restored", self.restored.to_string()),
            ("lost", self.lost.len().to_string()),
            ("orphans", orphans.join("; ")),
            ("tokens", u8::from(self.tokens_dropped).to_string()),
        ]
    }
}

impl fmt::Display for ReanchorReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the article changed since the annotations were saved: {} entities kept their place, {} moved",
            self.kept, self.moved
        )?;
        if self.restored > 0 {
            write!(f, ", {} orphans found their place again", self.restored)?;
        }
        if !self.lost.is_empty() {
            write!(f, "; {} could not be placed and are kept as orphans:", self.lost.len())?;
            for o in &self.lost {
                write!(f, " #{} «{}» (was at {}..{});", o.id.0, o.text, o.chars.start, o.chars.end)?;
            }
        }
        if self.tokens_dropped {
            write!(f, "; the imported token boundaries no longer fit and were dropped")?;
        }
        Ok(())
    }
}

/// The result: entities (byte ranges of the new text) and orphans (old code-point ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reanchored {
    /// Placed entities.
    pub entities: Vec<Entity>,
    /// Entities that could not be placed, then orphans from the file not restored.
    pub orphans: Vec<Orphan>,
    /// Counts and the list of newly orphaned entities.
    pub report: ReanchorReport,
}

/// Up to [`CONTEXT`] code points before byte `start` and after byte `end` of `text`.
pub fn context(text: &str, start: usize, end: usize) -> (&str, &str) {
    let head = text.get(..start).unwrap_or("");
    let from = head.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
    let tail = text.get(end..).unwrap_or("");
    let to = tail.char_indices().nth(CONTEXT).map_or(tail.len(), |(i, _)| i);
    (&head[from..], &tail[..to])
}

/// Re-anchors `anchors` (in reading order) and `orphans` in the new text `doc`.
pub fn reanchor(doc: &Document, anchors: &[Anchor], orphans: Vec<Orphan>) -> Reanchored {
    let mut report = ReanchorReport::default();
    let mut occurrences: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut taken: HashSet<(usize, usize, LabelId)> = HashSet::new();
    let mut entities = Vec::with_capacity(anchors.len());
    let mut lost = Vec::new();
    let mut shift: isize = 0;
    for a in anchors {
        let occ = occurrences.entry(a.text.as_str()).or_insert_with(|| find_all(doc.text(), &a.text));
        let expected = a.chars.start.saturating_add_signed(shift);
        match place(doc, a, occ, expected, &taken) {
            Some((bytes, start_char)) => {
                taken.insert((bytes.start, bytes.end, a.label));
                if start_char == a.chars.start {
                    report.kept += 1;
                } else {
                    report.moved += 1;
                }
                // Saved offsets come from a file and may be anything: no overflow, ever.
                let moved = i128::try_from(start_char).unwrap_or(i128::MAX)
                    - i128::try_from(a.chars.start).unwrap_or(i128::MAX);
                shift = isize::try_from(moved).unwrap_or(if moved < 0 { isize::MIN } else { isize::MAX });
                entities.push(Entity { id: a.id, start: bytes.start, end: bytes.end, label: a.label });
            }
            None => {
                lost.push(Orphan { id: a.id, label: a.label, chars: a.chars.clone(), text: a.text.clone() })
            }
        }
    }
    let mut kept_orphans = lost.clone();
    for o in orphans {
        match doc.char_range_to_bytes(o.chars.clone()) {
            Some(b)
                if doc.slice(b.clone()) == Some(o.text.as_str())
                    && taken.insert((b.start, b.end, o.label)) =>
            {
                report.restored += 1;
                entities.push(Entity { id: o.id, start: b.start, end: b.end, label: o.label });
            }
            _ => {
                report.still_orphans += 1;
                kept_orphans.push(o);
            }
        }
    }
    report.lost = lost;
    Reanchored { entities, orphans: kept_orphans, report }
}

/// Byte offsets of every (possibly overlapping) occurrence of `needle`.
fn find_all(text: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(first) = needle.chars().next() else { return out };
    let mut from = 0;
    while let Some(k) = text.get(from..).and_then(|t| t.find(needle)) {
        out.push(from + k);
        from += k + first.len_utf8();
    }
    out
}

/// The chosen byte range and its start in code points, if any candidate is good enough.
fn place(
    doc: &Document,
    a: &Anchor,
    occurrences: &[usize],
    expected: usize,
    taken: &HashSet<(usize, usize, LabelId)>,
) -> Option<(Range<usize>, usize)> {
    let available = a.before.chars().count() + a.after.chars().count();
    let threshold = available.div_ceil(4);
    let mut best: Option<(usize, usize, Range<usize>, usize)> = None; // score, distance, bytes, char
    for &start in occurrences {
        let bytes = start..start + a.text.len();
        if taken.contains(&(bytes.start, bytes.end, a.label)) {
            continue;
        }
        let score = context_score(doc.text(), &bytes, &a.before, &a.after);
        let Some(start_char) = doc.byte_to_char(start) else { continue };
        if score < threshold {
            continue;
        }
        let distance = start_char.abs_diff(expected);
        if distance == 0 {
            return Some((bytes, start_char));
        }
        let better = best.as_ref().is_none_or(|(s, d, ..)| score > *s || (score == *s && distance < *d));
        if better {
            best = Some((score, distance, bytes, start_char));
        }
    }
    best.map(|(_, _, bytes, start_char)| (bytes, start_char))
}

/// Code points of `before` that still end right before `bytes`, plus code points of `after`
/// that still start right after it.
fn context_score(text: &str, bytes: &Range<usize>, before: &str, after: &str) -> usize {
    let head = text.get(..bytes.start).unwrap_or("");
    let tail = text.get(bytes.end..).unwrap_or("");
    let b = before.chars().rev().zip(head.chars().rev()).take_while(|(x, y)| x == y).count();
    let a = after.chars().zip(tail.chars()).take_while(|(x, y)| x == y).count();
    a + b
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "التقى المقداد في باكو. وقال المقداد إن باكو مدينة جميلة.";

    /// Anchors for the given surface texts (n-th occurrence) of `OLD`.
    fn anchors(doc: &Document, picks: &[(&str, usize)]) -> Vec<Anchor> {
        picks
            .iter()
            .enumerate()
            .map(|(i, (text, nth))| {
                let start = find_all(doc.text(), text)[*nth];
                let end = start + text.len();
                let (before, after) = context(doc.text(), start, end);
                let chars = doc.byte_range_to_chars(start..end).unwrap_or(0..0);
                Anchor {
                    id: EntityId(i as u64 + 1),
                    label: LabelId(1),
                    chars,
                    text: (*text).into(),
                    before: before.into(),
                    after: after.into(),
                }
            })
            .collect()
    }

    fn placed(r: &Reanchored, doc: &Document) -> Vec<(u64, String, usize)> {
        r.entities
            .iter()
            .map(|e| {
                (
                    e.id.0,
                    doc.slice(e.range()).unwrap_or("?").to_string(),
                    doc.byte_to_char(e.start).unwrap_or(0),
                )
            })
            .collect()
    }

    #[test]
    fn context_is_clamped_to_the_text() {
        let text = "أبجد هوز حطي كلمن سعفص قرشت";
        let start = text.find("حطي").unwrap_or(0);
        assert_eq!(context(text, start, start + "حطي".len()), ("أبجد هوز ", " كلمن سعفص ق"));
        assert_eq!(context(text, 0, 2), ("", "بجد هوز حطي "));
    }

    #[test]
    fn insertion_before_moves_every_entity_to_the_right_occurrence() {
        let old = Document::new(OLD.into());
        let a = anchors(&old, &[("المقداد", 0), ("باكو", 0), ("المقداد", 1), ("باكو", 1)]);
        let new = Document::new(format!("دمشق (سانا) - {OLD}"));
        let r = reanchor(&new, &a, vec![]);
        assert_eq!((r.report.kept, r.report.moved, r.report.lost.len()), (0, 4, 0));
        let shift = "دمشق (سانا) - ".chars().count();
        for (e, anchor) in placed(&r, &new).iter().zip(&a) {
            assert_eq!((e.1.as_str(), e.2), (anchor.text.as_str(), anchor.chars.start + shift));
        }
    }

    #[test]
    fn deleted_entity_becomes_an_orphan_and_others_stay() {
        let old = Document::new(OLD.into());
        let a = anchors(&old, &[("المقداد", 0), ("باكو", 0), ("باكو", 1)]);
        let new = Document::new(OLD.replace("في باكو", "هناك"));
        let r = reanchor(&new, &a, vec![]);
        assert_eq!((r.report.kept, r.report.moved), (1, 1));
        assert_eq!(r.report.lost.iter().map(|o| o.id.0).collect::<Vec<_>>(), vec![2]);
        assert_eq!(r.orphans, r.report.lost);
        assert!(r.report.to_string().contains("«باكو»"));
    }

    #[test]
    fn a_word_in_rewritten_context_is_not_attached_elsewhere() {
        let old = Document::new("قال الرئيس إن الاجتماع في باكو كان مثمراً جداً. وزار الوفد باكو أمس.".into());
        let a = anchors(&old, &[("باكو", 0)]);
        let new = Document::new("قال الرئيس شيئاً آخر تماماً. وزار الوفد باكو أمس.".into());
        assert_eq!(reanchor(&new, &a, vec![]).report.lost.len(), 1);
    }

    #[test]
    fn unchanged_text_keeps_everything() {
        let doc = Document::new(OLD.into());
        let a = anchors(&doc, &[("المقداد", 1), ("باكو", 0), ("باكو", 1), ("المقداد", 0)]);
        let r = reanchor(&doc, &a, vec![]);
        assert_eq!((r.report.kept, r.report.moved, r.report.lost.len()), (4, 0, 0));
        let want: Vec<_> = a.iter().map(|x| (x.id.0, x.text.clone(), x.chars.start)).collect();
        assert_eq!(placed(&r, &doc), want);
    }

    #[test]
    fn orphans_are_restored_only_at_their_recorded_place() {
        let doc = Document::new(OLD.into());
        let at = |text: &str, start: usize, id: u64| Orphan {
            id: EntityId(id),
            label: LabelId(2),
            chars: start..start + text.chars().count(),
            text: text.into(),
        };
        let back = at("باكو", 17, 7);
        assert_eq!(doc.char_range_to_bytes(back.chars.clone()).and_then(|b| doc.slice(b)), Some("باكو"));
        let elsewhere = at("باكو", 3, 8);
        let r = reanchor(&doc, &[], vec![back, elsewhere.clone()]);
        assert_eq!((r.report.restored, r.report.still_orphans), (1, 1));
        assert_eq!(r.orphans, vec![elsewhere]);
        assert_eq!(r.entities.iter().map(|e| e.id.0).collect::<Vec<_>>(), vec![7]);
    }
}

#[cfg(test)]
mod far_offsets {
    use super::*;

    /// Found while writing the `reanchor` fuzz target: a saved start past `isize::MAX` (any
    /// number in a hand-edited file whose article changed) overflowed the shift computation
    /// (a panic in debug builds) instead of being placed by its text.
    #[test]
    fn huge_saved_offsets_are_placed_by_their_text() {
        let doc = Document::new("في باكو".to_string());
        let far = 1usize << 63;
        let anchors = [
            Anchor {
                id: EntityId(1),
                label: LabelId(1),
                chars: far..far + 4,
                text: "باكو".into(),
                before: String::new(),
                after: String::new(),
            },
            Anchor {
                id: EntityId(2),
                label: LabelId(2),
                chars: usize::MAX - 4..usize::MAX,
                text: "باكو".into(),
                before: String::new(),
                after: String::new(),
            },
        ];
        let r = reanchor(&doc, &anchors, Vec::new());
        let placed: Vec<(u64, Option<&str>)> =
            r.entities.iter().map(|e| (e.id.0, doc.slice(e.range()))).collect();
        assert_eq!(placed, [(1, Some("باكو")), (2, Some("باكو"))]);
        assert_eq!(r.report.moved, 2);
    }
}
