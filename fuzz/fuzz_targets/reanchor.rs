//! Re-anchoring: arbitrary saved entities (ranges, surface texts, context) placed in an
//! arbitrary new text. Every entity is placed on its own surface text or kept as an orphan,
//! and the result makes valid annotations.
#![no_main]

use hashiya::formats::reanchor::{Anchor, reanchor};
use hashiya::model::{Annotations, Document, EntityId, LabelId, LabelSet, Orphan};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// Short strings drawn from a small Arabic-and-Latin alphabet, so that surface texts recur;
/// at least `min` code points (surface texts are never empty: validation refuses empty ranges
/// before anything is re-anchored).
fn word(u: &mut Unstructured<'_>, min: usize) -> Result<String> {
    const POOL: &[char] = &['ب', 'ا', 'ك', 'و', ' ', 'ة', 'َ', 'a', '\n', '😀'];
    let n = u.int_in_range(min..=6)?;
    (0..n).map(|_| u.choose(POOL).copied()).collect()
}

fn input(u: &mut Unstructured<'_>) -> Result<(String, Vec<Anchor>, Vec<Orphan>)> {
    let text: String = (0..u.int_in_range(0..=12)?).map(|_| word(u, 0)).collect::<Result<_>>()?;
    let mut anchors = Vec::new();
    for i in 0..u.int_in_range(0..=8u64)? {
        let start: usize = if u.ratio(1, 8)? { u.arbitrary()? } else { u.int_in_range(0..=80)? };
        let text = word(u, 1)?;
        let chars = start..start.saturating_add(text.chars().count());
        let (before, after) = (word(u, 0)?, word(u, 0)?);
        let label = LabelId(u.int_in_range(1..=3)?);
        anchors.push(Anchor { id: EntityId(i + 1), label, chars, text, before, after });
    }
    let mut orphans = Vec::new();
    for i in 0..u.int_in_range(0..=3u64)? {
        let start: usize = if u.ratio(1, 8)? { u.arbitrary()? } else { u.int_in_range(0..=80)? };
        let text = word(u, 1)?;
        let chars = start..start.saturating_add(text.chars().count());
        orphans.push(Orphan { id: EntityId(100 + i), label: LabelId(1), chars, text });
    }
    Ok((text, anchors, orphans))
}

fuzz_target!(|data: &[u8]| {
    let Ok((text, anchors, orphans)) = input(&mut Unstructured::new(data)) else { return };
    let doc = Document::new(text);
    let total = anchors.len() + orphans.len();
    let r = reanchor(&doc, &anchors, orphans);
    assert_eq!(r.entities.len() + r.orphans.len(), total);
    for e in &r.entities {
        let surface = anchors.iter().find(|a| a.id == e.id).map(|a| a.text.as_str());
        let surface = surface.or_else(|| (e.id.0 >= 100).then_some(doc.slice(e.range()).unwrap_or("")));
        assert_eq!(doc.slice(e.range()), surface, "entity {e:?}");
    }
    let ann = Annotations::from_parts(&doc, LabelSet::default(), r.entities, r.orphans);
    assert!(ann.is_ok(), "{:?}", ann.err());
});
