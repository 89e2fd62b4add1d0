//! A document's annotation status (new, in progress, done, skipped): stored in its own
//! annotation file as `status: "done"`, so two annotators working on different documents of a
//! corpus never write the same file.

use std::fmt;
use std::str::FromStr;

/// How far the annotation of one document has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum DocStatus {
    /// Not started.
    #[default]
    New,
    /// Started, not finished.
    InProgress,
    /// Finished.
    Done,
    /// Left out on purpose (not to be annotated, not exported).
    Skipped,
}

impl DocStatus {
    /// Every status, in the order a list or a chart shows them.
    pub const ALL: [DocStatus; 4] =
        [DocStatus::New, DocStatus::InProgress, DocStatus::Done, DocStatus::Skipped];

    /// Its name in files and on the command line: `new`, `in-progress`, `done`, `skipped`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::New => "new",
            DocStatus::InProgress => "in-progress",
            DocStatus::Done => "done",
            DocStatus::Skipped => "skipped",
        }
    }

    /// The status of a file that does not record one: new without entities, else in progress.
    pub fn implied(entities: usize) -> Self {
        if entities == 0 { DocStatus::New } else { DocStatus::InProgress }
    }

    /// The status as shown and saved: a document with entities is no longer new (tagging a new
    /// document starts it; undoing every tag makes it new again).
    pub fn with_entities(self, entities: usize) -> Self {
        match self {
            DocStatus::New if entities > 0 => DocStatus::InProgress,
            other => other,
        }
    }

    /// True for done and skipped: nothing left to do.
    pub fn is_finished(self) -> bool {
        matches!(self, DocStatus::Done | DocStatus::Skipped)
    }
}

impl fmt::Display for DocStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DocStatus {
    type Err = String;

    /// Parses `new`, `in-progress`, `done` or `skipped`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocStatus::ALL.into_iter().find(|st| st.as_str() == s).ok_or_else(|| {
            format!("status {s:?} is not one of \"new\", \"in-progress\", \"done\", \"skipped\"")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_new_with_entities_is_in_progress() {
        for s in DocStatus::ALL {
            assert_eq!(s.as_str().parse::<DocStatus>(), Ok(s));
        }
        assert!("Done".parse::<DocStatus>().is_err());
        assert_eq!(DocStatus::implied(0), DocStatus::New);
        assert_eq!(DocStatus::implied(3), DocStatus::InProgress);
        assert_eq!(DocStatus::New.with_entities(1), DocStatus::InProgress);
        assert_eq!(DocStatus::Done.with_entities(0), DocStatus::Done);
    }
}
