//! Entity labels: name, colour and hotkey, and the ordered label set.

use serde::{Deserialize, Serialize};

/// Stable identifier of a label; survives renaming.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LabelId(pub u32);

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb`.
    pub fn from_hex(s: &str) -> Option<Self> {
        let h = s.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgb(p(0)?, p(2)?, p(4)?))
    }

    /// Formats as `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// One entity type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Stable id.
    pub id: LabelId,
    /// Name as exported (`PER`, `ORG`, …).
    pub name: String,
    /// Highlight colour.
    pub color: Rgb,
    /// Key that applies the label (`'1'`..`'9'` or a letter).
    pub hotkey: Option<char>,
}

/// Colour-blind-friendly palette (Okabe–Ito, plus two extra hues) that reads on light and dark.
pub const PALETTE: [Rgb; 9] = [
    Rgb(0x00, 0x72, 0xb2), // blue
    Rgb(0xe6, 0x9f, 0x00), // orange
    Rgb(0x00, 0x9e, 0x73), // bluish green
    Rgb(0xcc, 0x79, 0xa7), // reddish purple
    Rgb(0xd5, 0x5e, 0x00), // vermillion
    Rgb(0x56, 0xb4, 0xe9), // sky blue
    Rgb(0xa0, 0x8c, 0x00), // olive (darkened yellow)
    Rgb(0x88, 0x88, 0x88), // grey
    Rgb(0x99, 0x55, 0xdd), // violet
];

/// The ordered set of labels of an annotation file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelSet {
    labels: Vec<Label>,
}

impl Default for LabelSet {
    /// PER, ORG, LOC, GPE, EVENT, DATE, MISC on keys 1–7.
    fn default() -> Self {
        let names = ["PER", "ORG", "LOC", "GPE", "EVENT", "DATE", "MISC"];
        let labels = names
            .iter()
            .enumerate()
            .map(|(i, name)| Label {
                id: LabelId(i as u32 + 1),
                name: (*name).to_string(),
                color: PALETTE[i % PALETTE.len()],
                hotkey: char::from_digit(i as u32 + 1, 10),
            })
            .collect();
        Self { labels }
    }
}

impl LabelSet {
    /// An empty label set.
    pub fn empty() -> Self {
        Self { labels: Vec::new() }
    }

    /// Builds a set from labels; fails on a duplicate id, name or hotkey (returns the name).
    pub fn from_labels(labels: Vec<Label>) -> Result<Self, String> {
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[..i] {
                if a.id == b.id || a.name == b.name || (a.hotkey.is_some() && a.hotkey == b.hotkey) {
                    return Err(a.name.clone());
                }
            }
        }
        Ok(Self { labels })
    }

    /// Labels in display order.
    pub fn iter(&self) -> impl Iterator<Item = &Label> {
        self.labels.iter()
    }

    /// Number of labels.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there are no labels.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Label by id.
    pub fn get(&self, id: LabelId) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// Label by name.
    pub fn by_name(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// Label bound to a hotkey.
    pub fn by_hotkey(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.hotkey == Some(key))
    }

    /// A fresh id not used by any label.
    pub fn next_id(&self) -> LabelId {
        LabelId(self.labels.iter().map(|l| l.id.0).max().unwrap_or(0) + 1)
    }

    /// Returns the label named `name`, adding it (with a palette colour) if missing.
    pub fn ensure(&mut self, name: &str) -> LabelId {
        if let Some(l) = self.by_name(name) {
            return l.id;
        }
        let id = self.next_id();
        let used: Vec<char> = self.labels.iter().filter_map(|l| l.hotkey).collect();
        let hotkey = ('1'..='9').find(|c| !used.contains(c));
        self.labels.push(Label {
            id,
            name: name.to_string(),
            color: PALETTE[self.labels.len() % PALETTE.len()],
            hotkey,
        });
        id
    }

    /// Mutable access for building a changed copy (the model applies it as one edit).
    pub fn labels_mut(&mut self) -> &mut Vec<Label> {
        &mut self.labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_set_has_seven_keys() {
        let set = LabelSet::default();
        assert_eq!(set.len(), 7);
        assert_eq!(set.by_hotkey('1').map(|l| l.name.as_str()), Some("PER"));
        assert_eq!(set.by_hotkey('7').map(|l| l.name.as_str()), Some("MISC"));
        assert!(LabelSet::from_labels(set.iter().cloned().collect()).is_ok());
    }

    #[test]
    fn duplicates_are_refused() {
        let mut labels: Vec<Label> = LabelSet::default().iter().cloned().collect();
        labels[1].name = "PER".into();
        assert_eq!(LabelSet::from_labels(labels), Err("PER".to_string()));
    }

    #[test]
    fn ensure_adds_once() {
        let mut set = LabelSet::empty();
        let a = set.ensure("Person");
        let b = set.ensure("Person");
        assert_eq!(a, b);
        assert_eq!(set.len(), 1);
        assert_eq!(Rgb::from_hex(&Rgb(1, 2, 255).to_hex()), Some(Rgb(1, 2, 255)));
    }
}
