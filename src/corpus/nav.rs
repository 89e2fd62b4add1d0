//! Moving between documents in listing order: next, previous, and the next one that still
//! needs work (Ctrl+PgDn, Ctrl+PgUp, Ctrl+Enter in the window).

use super::scan::{DocSummary, Health};

/// The document after `current` (`None` at the end, or if the list is empty).
pub fn next(len: usize, current: Option<usize>) -> Option<usize> {
    let i = current.map_or(0, |c| c + 1);
    (i < len).then_some(i)
}

/// The document before `current` (`None` at the start; the last one if there is no current).
pub fn previous(len: usize, current: Option<usize>) -> Option<usize> {
    match current {
        Some(c) => c.checked_sub(1).filter(|&p| p < len),
        None => len.checked_sub(1),
    }
}

/// The first document after `after` (wrapping around to the start, `after` itself last of
/// all excluded) that still needs work: not done, not skipped, and readable. `None` if every
/// other document is finished.
pub fn next_not_done(docs: &[DocSummary], after: Option<usize>) -> Option<usize> {
    let start = after.map_or(0, |a| a + 1);
    let n = docs.len();
    (0..n)
        .map(|k| (start + k) % n.max(1))
        .filter(|&i| Some(i) != after)
        .find(|&i| docs.get(i).is_some_and(|d| !d.status.is_finished() && d.health != Health::Unreadable))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::formats::store::DocStatus;

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        assert_eq!(
            (next(3, None), next(3, Some(1)), next(3, Some(2)), next(0, None)),
            (Some(0), Some(2), None, None)
        );
        assert_eq!((previous(3, None), previous(3, Some(1)), previous(3, Some(0))), (Some(2), Some(0), None));
    }

    #[test]
    fn next_not_done_wraps_and_skips_finished_documents() {
        let doc = |status, health| DocSummary { status, ..DocSummary::empty(PathBuf::from("a"), health) };
        let docs = vec![
            doc(DocStatus::New, Health::Ok),
            doc(DocStatus::Done, Health::Ok),
            doc(DocStatus::Skipped, Health::Ok),
            doc(DocStatus::InProgress, Health::Unreadable),
            doc(DocStatus::InProgress, Health::Changed),
        ];
        assert_eq!(next_not_done(&docs, Some(0)), Some(4));
        assert_eq!(next_not_done(&docs, Some(4)), Some(0), "wraps around");
        assert_eq!(next_not_done(&docs, None), Some(0));
        assert_eq!(next_not_done(&docs[..2], Some(0)), None, "only the current one is left");
        assert_eq!(next_not_done(&[], None), None);
    }
}
