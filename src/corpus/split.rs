//! Splitting a corpus into train / dev / test by document. Each document's split depends only
//! on its relative path and the seed: the SHA-256 of both, read as a number in [0, 1), falls
//! into one split's share. So a split is the same on every machine and every run, and adding or
//! removing documents never moves any other document to another split.

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// Named shares of the documents, e.g. `train=0.8,dev=0.1,test=0.1`.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitSpec {
    parts: Vec<(String, f64)>,
}

impl SplitSpec {
    /// The split names, in the order given.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|(n, _)| n.as_str())
    }

    /// Number of splits.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// True if there are no splits (never, for a parsed spec).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The share of split `i`.
    pub fn share(&self, i: usize) -> f64 {
        self.parts.get(i).map_or(0.0, |(_, s)| *s)
    }

    /// The index of the split of the document at `name` (its path relative to the corpus
    /// root, `/` between folders) for `seed`.
    pub fn assign(&self, name: &str, seed: u64) -> usize {
        let x = unit_hash(name, seed);
        let mut upto = 0.0;
        for (i, (_, share)) in self.parts.iter().enumerate() {
            upto += share;
            if x < upto {
                return i;
            }
        }
        self.parts.len().saturating_sub(1)
    }
}

/// A stable hash of (seed, name) as a number in [0, 1): the first 53 bits of SHA-256.
pub fn unit_hash(name: &str, seed: u64) -> f64 {
    let mut h = Sha256::new();
    h.update(seed.to_le_bytes());
    h.update(name.as_bytes());
    let digest = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) >> 11) as f64 / (1u64 << 53) as f64
}

impl FromStr for SplitSpec {
    type Err = String;

    /// Parses `name=share,…`: names of letters, digits, `-` and `_`, unique; shares positive
    /// and adding up to 1.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts: Vec<(String, f64)> = Vec::new();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (name, share) =
                item.split_once('=').ok_or_else(|| format!("{item:?} is not name=share (e.g. train=0.8)"))?;
            let name = name.trim();
            let valid = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            if !valid {
                return Err(format!("split name {name:?} must be letters, digits, - or _"));
            }
            if parts.iter().any(|(n, _)| n == name) {
                return Err(format!("split {name:?} is named twice"));
            }
            let share: f64 =
                share.trim().parse().map_err(|_| format!("{share:?} is not a number (in {item:?})"))?;
            if !(share > 0.0 && share <= 1.0) {
                return Err(format!("the share of {name:?} must be above 0 and at most 1, not {share}"));
            }
            parts.push((name.to_string(), share));
        }
        if parts.is_empty() {
            return Err("no splits given (e.g. train=0.8,dev=0.1,test=0.1)".to_string());
        }
        let total: f64 = parts.iter().map(|(_, s)| s).sum();
        if (total - 1.0).abs() > 1e-6 {
            return Err(format!("the shares add up to {total}, not 1"));
        }
        Ok(Self { parts })
    }
}

impl fmt::Display for SplitSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.parts.iter().map(|(n, s)| format!("{n}={s}")).collect();
        f.write_str(&parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_and_refuse_mistakes() {
        let spec: SplitSpec = "train=0.8, dev=0.1,test=0.1".parse().expect("parses");
        assert_eq!(spec.names().collect::<Vec<_>>(), vec!["train", "dev", "test"]);
        assert_eq!(spec.to_string(), "train=0.8,dev=0.1,test=0.1");
        for bad in ["", "train", "train=0.8,dev=0.1", "a=0.5,a=0.5", "a b=1", "a=x", "a=1.5,b=-0.5"] {
            assert!(bad.parse::<SplitSpec>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn assignment_is_stable_and_follows_the_shares() {
        let spec: SplitSpec = "train=0.8,dev=0.1,test=0.1".parse().expect("parses");
        let names: Vec<String> = (0..5000).map(|i| format!("news/{i}.txt")).collect();
        let first: Vec<usize> = names.iter().map(|n| spec.assign(n, 7)).collect();
        let again: Vec<usize> = names.iter().map(|n| spec.assign(n, 7)).collect();
        assert_eq!(first, again);
        let train = first.iter().filter(|&&s| s == 0).count();
        assert!((3800..4200).contains(&train), "{train} of 5000 in train");
        let other_seed: Vec<usize> = names.iter().map(|n| spec.assign(n, 8)).collect();
        assert_ne!(first, other_seed);
        // Known values, so that a change of the hash (which would move documents) is noticed.
        assert!((unit_hash("a.txt", 0) - 0.407_154_819_324_689_9).abs() < 1e-15);
        assert!((unit_hash("news/1.txt", 42) - 0.732_857_642_684_978_2).abs() < 1e-15);
        assert_eq!((spec.assign("a.txt", 0), spec.assign("news/1.txt", 42)), (0, 0));
    }
}
