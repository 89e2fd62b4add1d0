//! The lines of a brat `.ann` that Hashiya keeps without editing them: relations (`R`), events
//! (`E`), attributes (`A`, `M`), normalisations (`N`), notes (`#`), equivalences (`*`),
//! discontinuous text-bound spans (`T` with `;`) and lines of unknown kinds.
//!
//! They are stored with the document ([`Annotations::brat_lines`]) with every reference to a
//! text-bound annotation rewritten as `T<entity id>`, so they follow the entities through any
//! edit. On export the references are remapped to the exported `T` ids; a line that refers to
//! an entity that no longer exists is dropped and the report says which and why, and so is
//! every line that refers to a dropped line (an attribute of a dropped event, say).
//!
//! Which fields are references depends on the kind: the `ROLE:ID` arguments of `R` and `E`
//! lines (an event's `TYPE:TRIGGER` too), the target of `A`, `M`, `N` and `#` lines, and every
//! id of a `*` line. Unknown kinds are kept as they are.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::ops::Range;

use crate::model::{Annotations, EntityId};

/// The id field of a line (before its first tab; the whole line if it has none).
pub(super) fn line_id(line: &str) -> &str {
    line.split_once('\t').map_or(line, |(id, _)| id)
}

/// Byte ranges, within `line`, of the ids it refers to (see the module documentation).
pub(super) fn references(line: &str) -> Vec<Range<usize>> {
    let Some((id, rest)) = line.split_once('\t') else { return Vec::new() };
    let body = rest.split('\t').next().unwrap_or("");
    let kind = id.chars().next();
    let mut out = Vec::new();
    let mut at = id.len() + 1;
    for (i, token) in body.split(' ').enumerate() {
        let range = at..at + token.len();
        at = range.end + 1;
        let found = match kind {
            Some('R') if i == 0 => None,
            Some('R' | 'E') => token.find(':').map(|c| range.start + c + 1..range.end),
            Some('A' | 'M' | 'N' | '#') if i == 1 => Some(range),
            Some('*') if i >= 1 => Some(range),
            _ => None,
        };
        out.extend(found.filter(|r| !r.is_empty()));
    }
    out
}

/// The entity id of a stored reference `T<entity id>`.
pub(super) fn entity_ref(reference: &str) -> Option<EntityId> {
    let digits = reference.strip_prefix('T')?;
    digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok().map(EntityId))?
}

/// The largest entity id that stored lines refer to (a `T` line's own id included).
pub(crate) fn highest_ref(lines: &[impl AsRef<str>]) -> Option<EntityId> {
    let ids = lines.iter().flat_map(|line| {
        let line = line.as_ref();
        let own = entity_ref(line_id(line)).filter(|_| line.starts_with('T'));
        references(line).into_iter().filter_map(|r| line.get(r).and_then(entity_ref)).chain(own)
    });
    ids.max()
}

/// `line` with each reference replaced by what `map` gives for it; the first reference it
/// has no replacement for is the error, with the reason `map` gave.
fn rewrite<'a>(
    line: &'a str,
    mut map: impl FnMut(&'a str) -> Result<Cow<'a, str>, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(line.len() + 8);
    let mut done = 0;
    for r in references(line) {
        let (Some(before), Some(reference)) = (line.get(done..r.start), line.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&map(reference)?);
        done = r.end;
    }
    out.push_str(line.get(done..).unwrap_or(""));
    Ok(out)
}

/// Marks, for every line not yet dropped that refers to the id of a dropped line, why it is
/// dropped too, transitively. `T` lines never pass their drop on: what refers to a `T` id
/// refers to the entity, which is judged on its own.
fn cascade(lines: &[&str], dropped: &mut [Option<String>]) {
    let mut users: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        for r in references(line) {
            if let Some(reference) = line.get(r) {
                users.entry(reference).or_default().push(i);
            }
        }
    }
    let mut queue: VecDeque<usize> = (0..lines.len()).filter(|&i| dropped[i].is_some()).collect();
    while let Some(i) = queue.pop_front() {
        let id = line_id(lines[i]);
        if id.starts_with('T') {
            continue;
        }
        for &j in users.get(id).map_or(&[][..], Vec::as_slice) {
            if dropped[j].is_none() {
                dropped[j] = Some(format!("it refers to {id}, which was left out"));
                queue.push_back(j);
            }
        }
    }
}

/// Lines read from an `.ann`, as stored: references mapped to entity ids, or left out.
#[derive(Debug, Default)]
pub(super) struct Imported {
    /// The lines to store, in file order.
    pub lines: Vec<String>,
    /// `(index into the input, message)` for each line left out.
    pub left_out: Vec<(usize, String)>,
}

/// Maps the references of `lines` (the non-`T` lines of an `.ann`) through `entities`: brat
/// `T` id → the id of the entity it became (`None`: the `T` line was left out). A line that
/// refers to a `T` id without an entity is left out, and so is every line that refers to it.
pub(super) fn import(lines: &[&str], entities: &HashMap<&str, Option<EntityId>>) -> Imported {
    let mapped = remap_all(lines, |line| {
        if line.contains('\r') {
            return Err("it holds a carriage return, which would break it in two".to_string());
        }
        rewrite(line, |reference| match entities.get(reference) {
            Some(Some(id)) => Ok(Cow::Owned(format!("T{}", id.0))),
            Some(None) => Err(format!("it refers to {reference}, which was left out")),
            None if reference.starts_with('T') => {
                Err(format!("it refers to {reference}, which is not a text-bound annotation of this file"))
            }
            None => Ok(Cow::Borrowed(reference)),
        })
    });
    let mut out = Imported::default();
    for (i, (result, line)) in mapped.into_iter().zip(lines).enumerate() {
        match result {
            Ok(mapped) => out.lines.push(mapped),
            Err(why) => out.left_out.push((i, format!("{} left out: {why}", line_id(line)))),
        }
    }
    out
}

/// Rewrites every line with `map`; a line whose rewrite fails is dropped with the reason, and
/// so is every line that refers to a dropped one ([`cascade`]).
fn remap_all(lines: &[&str], map: impl Fn(&str) -> Result<String, String>) -> Vec<Result<String, String>> {
    let mut mapped = Vec::with_capacity(lines.len());
    let mut dropped = vec![None; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        match map(line) {
            Ok(line) => mapped.push(line),
            Err(why) => {
                mapped.push(String::new());
                dropped[i] = Some(why);
            }
        }
    }
    cascade(lines, &mut dropped);
    mapped.into_iter().zip(dropped).map(|(line, why)| why.map_or(Ok(line), Err)).collect()
}

/// What export made of the stored non-`T` lines.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Exported {
    /// The lines to write, references remapped, in stored order.
    pub lines: Vec<String>,
    /// One message per line dropped: which line and why.
    pub dropped: Vec<String>,
}

/// Remaps the stored `lines` for export: `t_of(entity id)` is the exported `T` number of an
/// entity, or why it has none.
pub(super) fn export(lines: &[&str], t_of: impl Fn(EntityId) -> Result<usize, String>) -> Exported {
    let mapped = remap_all(lines, |line| {
        rewrite(line, |reference| match entity_ref(reference) {
            Some(id) => t_of(id).map(|t| Cow::Owned(format!("T{t}"))),
            None => Ok(Cow::Borrowed(reference)),
        })
    });
    let mut out = Exported::default();
    for (result, stored) in mapped.into_iter().zip(lines) {
        match result {
            Ok(line) => out.lines.push(line),
            Err(why) => out.dropped.push(format!("brat line {stored:?} not exported: {why}")),
        }
    }
    out
}

/// The attributes, normalisations and notes kept for entity `id`, one readable line each
/// (`Negation`, `Confidence: High`, `Reference Wikipedia:534366 (Barack Obama)`,
/// `AnnotatorNotes: check the spelling`), for the entity's tooltip.
pub fn entity_notes(ann: &Annotations, id: EntityId) -> Vec<String> {
    let target = format!("T{}", id.0);
    let mut out = Vec::new();
    for line in ann.brat_lines() {
        let mut fields = line.split('\t').skip(1);
        let body = fields.next().unwrap_or("");
        let tokens: Vec<&str> = body.split(' ').collect();
        if tokens.get(1) != Some(&target.as_str()) {
            continue;
        }
        let kind = tokens.first().copied().unwrap_or("");
        let extra = tokens.get(2..).unwrap_or(&[]).join(" ");
        let text = fields.next().unwrap_or("");
        let note = match line.chars().next() {
            Some('A' | 'M') if extra.is_empty() => kind.to_string(),
            Some('A' | 'M') => format!("{kind}: {extra}"),
            Some('N') if text.is_empty() => format!("{kind} {extra}"),
            Some('N') => format!("{kind} {extra} ({text})"),
            Some('#') => format!("{kind}: {text}"),
            _ => continue,
        };
        out.push(note);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(line: &str) -> Vec<&str> {
        references(line).into_iter().filter_map(|r| line.get(r)).collect()
    }

    #[test]
    fn references_by_kind() {
        assert_eq!(refs("R1\tOrigin Arg1:T3 Arg2:T1"), ["T3", "T1"]);
        assert_eq!(refs("E2\tNegative_regulation:T3 Cause:E1 Theme:E3"), ["T3", "E1", "E3"]);
        assert_eq!(refs("A2\tConfidence E2 High"), ["E2"]);
        assert_eq!(refs("M1\tNegation E1"), ["E1"]);
        assert_eq!(refs("N1\tReference T1 Wikipedia:534366\tBarack Obama"), ["T1"]);
        assert_eq!(refs("#1\tAnnotatorNotes R1\tArg1:T9 is odd"), ["R1"]);
        assert_eq!(refs("*\tEquiv T1 T2 T3"), ["T1", "T2", "T3"]);
        assert!(refs("X1\tOther T1").is_empty());
        assert!(refs("R1 no tab").is_empty());
        assert_eq!(entity_ref("T12"), Some(EntityId(12)));
        assert_eq!(entity_ref("T1a"), None);
        assert_eq!(entity_ref("E1"), None);
        assert_eq!(
            highest_ref(&["R1\tOrigin Arg1:T3 Arg2:T12", "T40\tLOC 0 1;2 3\tx y", "X\tT99"]),
            Some(EntityId(40))
        );
    }

    #[test]
    fn import_maps_and_cascades() {
        let lines = [
            "E1\tMerge:T2 Org1:T1 Org2:T9",
            "A1\tNegation E1",
            "#1\tAnnotatorNotes A1\tsure?",
            "R1\tOrigin Arg1:T2 Arg2:T1",
            "R2\tOrigin Arg1:T5 Arg2:T1",
            "X9\tweird line",
            "X10\tcarriage\rreturn",
        ];
        let entities = HashMap::from([("T1", Some(EntityId(4))), ("T2", Some(EntityId(7))), ("T5", None)]);
        let got = import(&lines, &entities);
        assert_eq!(got.lines, ["R1\tOrigin Arg1:T7 Arg2:T4", "X9\tweird line"]);
        let why: Vec<(usize, &str)> = got.left_out.iter().map(|(i, m)| (*i, m.as_str())).collect();
        assert_eq!(
            why,
            [
                (0, "E1 left out: it refers to T9, which is not a text-bound annotation of this file"),
                (1, "A1 left out: it refers to E1, which was left out"),
                (2, "#1 left out: it refers to A1, which was left out"),
                (4, "R2 left out: it refers to T5, which was left out"),
                (6, "X10 left out: it holds a carriage return, which would break it in two"),
            ]
        );
    }

    #[test]
    fn export_remaps_and_reports_drops() {
        let lines =
            ["E1\tMerge:T7 Org1:T4", "A1\tNegation E1", "R1\tOrigin Arg1:T4 Arg2:T4", "N1\tRef T7 W:1"];
        let got = export(&lines, |id| match id.0 {
            4 => Ok(1),
            _ => Err(format!("entity #{} was deleted", id.0)),
        });
        assert_eq!(got.lines, ["R1\tOrigin Arg1:T1 Arg2:T1"]);
        assert_eq!(
            got.dropped,
            [
                "brat line \"E1\\tMerge:T7 Org1:T4\" not exported: entity #7 was deleted",
                "brat line \"A1\\tNegation E1\" not exported: it refers to E1, which was left out",
                "brat line \"N1\\tRef T7 W:1\" not exported: entity #7 was deleted",
            ]
        );
    }

    #[test]
    fn notes_for_the_tooltip() {
        let mut ann = Annotations::default();
        let lines = [
            "A1\tNegation T3",
            "A2\tConfidence T3 High",
            "N1\tReference T3 Wikipedia:534366\tBarack Obama",
            "#1\tAnnotatorNotes T3\tcheck the spelling",
            "#2\tAnnotatorNotes T30\tnot this one",
            "R1\tOrigin Arg1:T3 Arg2:T1",
        ];
        ann.set_brat_lines(lines.iter().map(|s| s.to_string()).collect(), None);
        assert_eq!(
            entity_notes(&ann, EntityId(3)),
            [
                "Negation",
                "Confidence: High",
                "Reference Wikipedia:534366 (Barack Obama)",
                "AnnotatorNotes: check the spelling"
            ]
        );
    }
}
