//! Exact-span scoring (as seqeval counts entities): per label and overall precision, recall
//! and F1, and the held-out splits used by `hashiya train --eval` and the quality test.

use std::collections::BTreeMap;
use std::ops::Range;

use super::TrainDoc;

/// True positives, false positives and false negatives of one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly (range and label).
    pub tp: usize,
    /// Predicted spans that do not.
    pub fp: usize,
    /// Gold spans not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall (0 when there is no gold span).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores per label and overall (micro-averaged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Per label name.
    pub labels: BTreeMap<String, Counts>,
    /// All labels together.
    pub total: Counts,
}

impl Scores {
    /// Adds the comparison of predicted and gold spans of one text.
    pub fn add(&mut self, gold: &[(Range<usize>, String)], pred: &[(Range<usize>, String)]) {
        let key = |(r, l): &(Range<usize>, String)| (r.start, r.end, l.clone());
        let gold_set: std::collections::HashSet<_> = gold.iter().map(key).collect();
        let pred_set: std::collections::HashSet<_> = pred.iter().map(key).collect();
        for g in &gold_set {
            let c = self.labels.entry(g.2.clone()).or_default();
            if pred_set.contains(g) { c.tp += 1 } else { c.fn_ += 1 }
        }
        for p in pred_set.iter().filter(|p| !gold_set.contains(*p)) {
            self.labels.entry(p.2.clone()).or_default().fp += 1;
        }
        self.total = Counts::default();
        let all: Vec<Counts> = self.labels.values().copied().collect();
        all.into_iter().for_each(|c| self.total.add(c));
    }
}

/// Splits one document at the line (sentence) boundary nearest `fraction` of its lines: the
/// first part and the rest, entities shifted to each part.
pub fn split_lines(doc: &TrainDoc, fraction: f64) -> (TrainDoc, TrainDoc) {
    let lines = doc.text.split('\n').count();
    let keep = ((lines as f64) * fraction) as usize;
    let cut = doc.text.match_indices('\n').nth(keep.saturating_sub(1)).map_or(doc.text.len(), |(i, _)| i + 1);
    let part = |range: Range<usize>| TrainDoc {
        text: doc.text.get(range.clone()).unwrap_or("").to_string(),
        entities: doc
            .entities
            .iter()
            .filter(|(r, _)| r.start >= range.start && r.end <= range.end)
            .map(|(r, l)| (r.start - range.start..r.end - range.start, l.clone()))
            .collect(),
        partial: doc.partial,
    };
    (part(0..cut), part(cut..doc.text.len()))
}

/// Scores of `model` on `test` (gold: each document's entities), keeping predictions with a
/// confidence of at least `threshold`.
pub fn score(model: &super::Model, test: &[TrainDoc], threshold: f32) -> Scores {
    let mut s = Scores::default();
    for d in test {
        let pred: Vec<(Range<usize>, String)> = model
            .predict(&d.text)
            .into_iter()
            .filter(|p| p.confidence >= threshold)
            .map(|p| (p.range, p.label))
            .collect();
        s.add(&d.entities, &pred);
    }
    s
}

/// The held-out split of a corpus: the first `fraction` of the documents and the rest; a
/// single document is split at a line boundary instead.
pub fn split_docs(docs: &[TrainDoc], fraction: f64) -> (Vec<TrainDoc>, Vec<TrainDoc>) {
    if let [one] = docs {
        let (a, b) = split_lines(one, fraction);
        return (vec![a], vec![b]);
    }
    let k = ((docs.len() as f64) * fraction).round() as usize;
    let k = k.clamp(usize::from(docs.len() > 1), docs.len().saturating_sub(1));
    (docs[..k].to_vec(), docs[k..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_spans_only() {
        let mut s = Scores::default();
        let gold = vec![(0..5, "LOC".to_string()), (10..15, "PER".to_string())];
        let pred = vec![(0..5, "LOC".to_string()), (10..14, "PER".to_string()), (20..25, "LOC".to_string())];
        s.add(&gold, &pred);
        assert_eq!(s.total, Counts { tp: 1, fp: 2, fn_: 1 });
        assert_eq!(s.labels["LOC"], Counts { tp: 1, fp: 1, fn_: 0 });
        assert!((s.total.f1() - 0.4).abs() < 1e-9, "P 1/3, R 1/2");
    }

    #[test]
    fn split_shifts_entities() {
        let doc = TrainDoc {
            text: "أ ب\nج د\nه".into(),
            entities: vec![(0..2, "X".into()), (9..12, "Y".into())],
            partial: false,
        };
        let (a, b) = split_lines(&doc, 0.6);
        assert_eq!(a.text, "أ ب\n");
        assert_eq!(b.text, "ج د\nه");
        assert_eq!(a.entities, vec![(0..2, "X".to_string())]);
        assert_eq!(b.entities, vec![(9 - 6..12 - 6, "Y".to_string())]);
    }
}
