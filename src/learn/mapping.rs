//! Label mapping: another model's or corpus's label names onto this corpus's labels.
//!
//! The rule ([`default_target`]) maps by name with the usual synonyms (PER / PERS / PERSON,
//! ORG / ORGANIZATION, LOC / LOCATION, Arabic names too); GPE stays apart where the corpus has
//! GPE and is folded into LOC where it does not, facilities likewise; nationalities and groups
//! (NORP), vehicles, weapons and products go to MISC where there is one. A [`Mapping`] adds
//! what the done documents showed ([`Confusion`]: what the other model called X and the
//! annotator tagged Y) and, above both, what the user chose.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::corpus::LabelMap;
use crate::formats::{FormatError, Location};

/// Names that mean the same type, by the canonical type they stand for.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("PER", &["PER", "PERS", "PERSON", "PERSONS", "PEOPLE", "شخص", "أشخاص", "اشخاص", "علم"]),
    ("ORG", &["ORG", "ORGS", "ORGANIZATION", "ORGANISATION", "ORGANIZATIONS", "منظمة", "مؤسسة", "هيئة"]),
    ("GPE", &["GPE", "GEOPOLITICAL", "GEO-POLITICAL", "COUNTRY", "دولة", "كيان سياسي"]),
    ("LOC", &["LOC", "LOCATION", "LOCATIONS", "PLACE", "GEO", "مكان", "موقع"]),
    ("FAC", &["FAC", "FACILITY", "FACILITIES", "BUILDING", "منشأة", "مبنى"]),
    ("NORP", &["NORP", "GROUP", "NATIONALITY", "NAT", "جماعة", "جنسية"]),
    ("VEH", &["VEH", "VEHICLE", "مركبة"]),
    ("WEA", &["WEA", "WEAPON", "سلاح"]),
    ("PRO", &["PRO", "PROD", "PRODUCT", "منتج"]),
    ("EVENT", &["EVENT", "EVT", "EVE", "حدث"]),
    ("DATE", &["DATE", "TIME", "تاريخ"]),
    ("MISC", &["MISC", "MIS", "MISCELLANEOUS", "OTHER", "متفرقات", "أخرى", "اخرى"]),
];

/// Where a type goes when the corpus has no label of its own for it, in order of preference.
const FALLBACKS: &[(&str, &[&str])] = &[
    ("GPE", &["LOC"]),
    ("FAC", &["LOC"]),
    ("NORP", &["MISC"]),
    ("VEH", &["MISC"]),
    ("WEA", &["MISC"]),
    ("PRO", &["MISC"]),
    ("EVENT", &["MISC"]),
];

/// The canonical type a label name stands for, if it is a known name.
pub fn canonical(name: &str) -> Option<&'static str> {
    let upper = name.trim().to_uppercase();
    let upper = upper.trim_start_matches("B-").trim_start_matches("I-");
    SYNONYMS.iter().find(|(_, names)| names.contains(&upper)).map(|(c, _)| *c)
}

/// The corpus label the rule gives `source` among `labels`: the same name, else a label of
/// the same canonical type, else the type's fallback; `None` when nothing fits.
pub fn default_target(source: &str, labels: &[String]) -> Option<String> {
    if let Some(same) = labels.iter().find(|l| l.trim().eq_ignore_ascii_case(source.trim())) {
        return Some(same.clone());
    }
    let kind = canonical(source)?;
    let of_kind = |k: &str| labels.iter().find(|l| canonical(l) == Some(k)).cloned();
    if let Some(l) = of_kind(kind) {
        return Some(l);
    }
    let fallbacks = FALLBACKS.iter().find(|(k, _)| *k == kind).map_or(&[][..], |(_, f)| *f);
    fallbacks.iter().find_map(|k| of_kind(k))
}

/// Where a source label's mapping comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The name rule.
    Rule,
    /// What the done documents showed.
    Documents,
    /// The user's choice (the corpus file).
    User,
}

/// One source label's mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The source label.
    pub source: String,
    /// The corpus label, or `None`: not suggested.
    pub target: Option<String>,
    /// Why.
    pub origin: Origin,
}

/// A source's labels mapped onto a corpus's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Per source label, in the source's order.
    pub entries: Vec<Entry>,
}

impl Mapping {
    /// Maps `sources` onto `labels`: the user's choices first, then the documents' evidence
    /// (see [`Confusion::corrections`]), then the rule.
    pub fn new(sources: &[String], labels: &[String], user: &LabelMap, learned: &LabelMap) -> Self {
        let known = |t: &Option<String>| t.as_ref().is_none_or(|t| labels.contains(t));
        let entries = sources
            .iter()
            .map(|s| {
                let (target, origin) = match (user.get(s).filter(|t| known(t)), learned.get(s)) {
                    (Some(t), _) => (t.clone(), Origin::User),
                    (None, Some(t)) if known(t) => (t.clone(), Origin::Documents),
                    _ => (default_target(s, labels), Origin::Rule),
                };
                Entry { source: s.clone(), target, origin }
            })
            .collect();
        Self { entries }
    }

    /// The corpus label of a source label (`None`: not mapped, or not suggested).
    pub fn target(&self, source: &str) -> Option<&str> {
        self.entries.iter().find(|e| e.source == source).and_then(|e| e.target.as_deref())
    }
}

/// What a source proposed against what the annotator tagged, on done documents: per source
/// label, the corpus labels of the entities its proposals overlap (`None`: no entity there).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confusion {
    /// Source label → (corpus label or none → count).
    pub counts: BTreeMap<String, BTreeMap<Option<String>, u32>>,
}

/// Proposals of a source needed before the documents may change its mapping.
pub const MIN_EVIDENCE: u32 = 5;

impl Confusion {
    /// Counts the proposals of one text against its entities (both: byte range, label name).
    pub fn add(&mut self, proposed: &[(Range<usize>, String)], gold: &[(Range<usize>, String)]) {
        for (r, source) in proposed {
            let overlap = gold
                .iter()
                .filter(|(g, _)| g.start < r.end && r.start < g.end)
                .max_by_key(|(g, _)| g.end.min(r.end) - g.start.max(r.start))
                .map(|(_, l)| l.clone());
            *self.counts.entry(source.clone()).or_default().entry(overlap).or_default() += 1;
        }
    }

    /// The mapping the documents show: for each source label proposed at least
    /// [`MIN_EVIDENCE`] times, its most frequent outcome (a label, or none when most of its
    /// proposals cover no entity at all).
    pub fn corrections(&self) -> LabelMap {
        let mut out = LabelMap::new();
        for (source, outcomes) in &self.counts {
            if outcomes.values().sum::<u32>() < MIN_EVIDENCE {
                continue;
            }
            let best = outcomes.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
            if let Some((target, _)) = best {
                out.insert(source.clone(), target.clone());
            }
        }
        out
    }
}

/// Reads a label-mapping file: one `FROM<TAB>TO` per line (`TO` empty: the label is left
/// out), `#` comments and blank lines ignored.
pub fn read_map_file(path: &Path) -> Result<LabelMap, FormatError> {
    let text = std::fs::read_to_string(path).map_err(|e| FormatError::io(path, e))?;
    parse_map(path, &text)
}

/// Parses label-mapping text; `path` names it in errors.
pub fn parse_map(path: &Path, text: &str) -> Result<LabelMap, FormatError> {
    let mut map = LabelMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let at = Location::new(path, n + 1, 1);
        let Some((from, to)) = line.split_once('\t') else {
            return Err(FormatError::at(at, "expected FROM<TAB>TO (a tab between the two label names)"));
        };
        let (from, to) = (from.trim(), to.trim());
        if from.is_empty() {
            return Err(FormatError::at(at, "the label to map is empty"));
        }
        if map.insert(from.to_string(), (!to.is_empty()).then(|| to.to_string())).is_some() {
            return Err(FormatError::at(at, format!("{from:?} is mapped twice")));
        }
    }
    Ok(map)
}

/// `docs` with their labels renamed by `map` (a label mapped to nothing is left out; labels
/// not in the map are kept).
pub fn relabel(docs: &[super::TrainDoc], map: &LabelMap) -> Vec<super::TrainDoc> {
    docs.iter()
        .map(|d| super::TrainDoc {
            text: d.text.clone(),
            entities: d
                .entities
                .iter()
                .filter_map(|(r, l)| match map.get(l) {
                    Some(to) => to.clone().map(|to| (r.clone(), to)),
                    None => Some((r.clone(), l.clone())),
                })
                .collect(),
            partial: d.partial,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_rule_uses_synonyms_and_folds_gpe_into_loc_only_without_gpe() {
        let anercorp = names(&["PERS", "ORG", "LOC", "MISC"]);
        assert_eq!(default_target("PER", &anercorp).as_deref(), Some("PERS"));
        assert_eq!(default_target("GPE", &anercorp).as_deref(), Some("LOC"));
        assert_eq!(default_target("FAC", &anercorp).as_deref(), Some("LOC"));
        assert_eq!(default_target("NORP", &anercorp).as_deref(), Some("MISC"));
        let onto = names(&["PERSON", "ORGANIZATION", "GPE", "LOCATION"]);
        assert_eq!(default_target("GPE", &onto).as_deref(), Some("GPE"));
        assert_eq!(default_target("LOC", &onto).as_deref(), Some("LOCATION"));
        assert_eq!(default_target("NORP", &onto), None, "no MISC: not suggested");
        let arabic = names(&["شخص", "منظمة", "مكان"]);
        assert_eq!(default_target("PER", &arabic).as_deref(), Some("شخص"));
        assert_eq!(default_target("GPE", &arabic).as_deref(), Some("مكان"));
    }

    #[test]
    fn map_files_are_read_with_located_errors() {
        let p = Path::new("m.tsv");
        let map = parse_map(p, "# fine to coarse\nPolitician\tPER\r\nGroup\t\n").expect("reads");
        assert_eq!(map.get("Politician"), Some(&Some("PER".to_string())));
        assert_eq!(map.get("Group"), Some(&None));
        let err = parse_map(p, "A\tB\nC B\n").expect_err("no tab").to_string();
        assert!(err.starts_with("m.tsv:2:1: expected FROM<TAB>TO"), "{err}");
        let err = parse_map(p, "A\tB\nA\tC\n").expect_err("twice").to_string();
        assert!(err.contains("mapped twice"), "{err}");
        let doc = super::super::TrainDoc {
            text: "x".into(),
            entities: vec![(0..1, "Politician".into()), (0..1, "Group".into()), (0..1, "X".into())],
            partial: false,
        };
        let out = relabel(&[doc], &map);
        assert_eq!(out[0].entities, vec![(0..1, "PER".to_string()), (0..1, "X".to_string())]);
    }

    #[test]
    fn user_choices_win_over_documents_and_documents_over_the_rule() {
        let labels = names(&["PER", "ORG", "LOC", "MISC"]);
        let sources = names(&["PER", "GPE", "NORP"]);
        let user: LabelMap = [("GPE".to_string(), Some("MISC".to_string()))].into();
        let mut c = Confusion::default();
        let p = |s: usize, l: &str| (s..s + 2, l.to_string());
        c.add(&[p(0, "NORP"), p(4, "NORP"), p(8, "NORP"), p(12, "NORP"), p(16, "NORP")], &[p(0, "PER")]);
        assert_eq!(c.corrections().get("NORP"), Some(&None), "four of five proposals covered nothing");
        let m = Mapping::new(&sources, &labels, &user, &c.corrections());
        assert_eq!(m.target("PER"), Some("PER"));
        assert_eq!(m.target("GPE"), Some("MISC"));
        assert_eq!(m.entries[1].origin, Origin::User);
        assert_eq!(m.target("NORP"), None);
        assert_eq!(m.entries[2].origin, Origin::Documents);
    }
}
