//! The model file: `hashiya-model.bin` in the corpus folder. A compact little-endian binary:
//! the magic `HASHIYA-MODEL\n`, a `u32` version, then the labels, what it was trained on, the
//! transition matrix, the non-zero emission weights per feature hash and the dictionary of
//! tagged names. Any foreign, truncated or corrupt file is a [`LearnError::Format`], never a
//! panic; writes are atomic.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use super::LearnError;
use super::calibrate::Calibration;
use super::combiner::{Combiner, FEATURES};
use super::dict::Dictionary;
use super::model::{Model, TrainInfo};
use super::perceptron::Weights;

/// The file name in a corpus folder.
pub const FILE_NAME: &str = "hashiya-model.bin";
/// First bytes of every model file.
pub const MAGIC: &[u8] = b"HASHIYA-MODEL\n";
/// The version written and read. Bump it whenever the features change (their hashes are the
/// file's keys): an older file then reads as foreign and is retrained, never used with
/// features it was not trained on. 2: bigrams hashed as pairs; 3: context conjunctions;
/// 4: units keep the first letters of known words («وزارة»); 5: the priors' fingerprints,
/// clitics learned as outside, a description and a calibration; 6: the layer's combiner.
pub const VERSION: u32 = 6;

/// The model file of the corpus at `dir`.
pub fn path_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// The bytes of `model`.
pub fn to_bytes(model: &Model) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.u32(VERSION);
    w.u32(model.labels.len() as u32);
    model.labels.iter().for_each(|l| w.str(l));
    w.u32(model.info.docs);
    w.u64(model.info.tokens);
    w.u64(model.info.fingerprint);
    w.u32(u32::from(model.use_clusters));
    w.u32(model.priors.len() as u32);
    model.priors.iter().for_each(|&p| w.u64(p));
    w.str(&model.description);
    let points = model.calibration.as_ref().map_or(&[][..], |c| &c.points[..]);
    w.u32(points.len() as u32);
    for &(raw, p) in points {
        w.f32(raw);
        w.f32(p);
    }
    let weights = model.combiner.as_ref().map_or(&[][..], |c| &c.weights[..]);
    w.u32(weights.len() as u32);
    weights.iter().for_each(|&x| w.f32(x));
    let t = model.weights.tags;
    w.u32(t as u32);
    model.weights.trans.iter().for_each(|&x| w.f32(x));
    let mut rows: Vec<(u64, u32)> = model.index.iter().map(|(&h, &r)| (h, r)).collect();
    rows.sort_unstable();
    let nonzero = |r: u32| {
        let start = r as usize * t;
        model.weights.emit.get(start..start + t).unwrap_or(&[]).iter().enumerate().filter(|(_, x)| **x != 0.0)
    };
    rows.retain(|&(_, r)| nonzero(r).next().is_some());
    w.u32(rows.len() as u32);
    for (h, r) in rows {
        w.u64(h);
        let cells: Vec<(usize, f32)> = nonzero(r).map(|(c, &x)| (c, x)).collect();
        w.u32(cells.len() as u32);
        for (c, x) in cells {
            w.u32(c as u32);
            w.f32(x);
        }
    }
    let mut names: Vec<_> = model.dict.entries().collect();
    names.sort_by(|a, b| a.0.cmp(b.0));
    w.u32(names.len() as u32);
    for (name, counts) in names {
        w.str(name);
        w.u32(counts.len() as u32);
        for (l, n) in counts {
            w.str(l);
            w.u32(*n);
        }
    }
    w.0
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self.bytes.get(self.at..self.at.saturating_add(n)).ok_or("truncated")?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let lo = u64::from(self.u32()?);
        Ok(lo | (u64::from(self.u32()?) << 32))
    }
    fn f32(&mut self) -> Result<f32, String> {
        let x = f32::from_bits(self.u32()?);
        if x.is_finite() { Ok(x) } else { Err("a weight is not finite".into()) }
    }
    fn count(&mut self, min_item: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item) > self.bytes.len().saturating_sub(self.at) {
            return Err(format!("count {n} exceeds the file"));
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<String, String> {
        let n = self.count(1)?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "text is not UTF-8".to_string())
    }
}

/// Reads a model from `bytes`.
pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
    if !bytes.starts_with(MAGIC) {
        return Err("no model header".into());
    }
    let mut r = Reader { bytes, at: MAGIC.len() };
    let version = r.u32()?;
    if version != VERSION {
        return Err(format!("written as version {version}"));
    }
    let labels = (0..r.count(4)?).map(|_| r.str()).collect::<Result<Vec<_>, _>>()?;
    let info = TrainInfo { docs: r.u32()?, tokens: r.u64()?, fingerprint: r.u64()? };
    let use_clusters = r.u32()? != 0;
    let priors = (0..r.count(8)?).map(|_| r.u64()).collect::<Result<Vec<_>, _>>()?;
    let description = r.str()?;
    let points = (0..r.count(8)?).map(|_| Ok((r.f32()?, r.f32()?))).collect::<Result<Vec<_>, String>>()?;
    let calibration = (!points.is_empty()).then_some(Calibration { points });
    let weights = (0..r.count(4)?).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
    if !weights.is_empty() && weights.len() != FEATURES {
        return Err(format!("{} combiner weights, not {FEATURES}", weights.len()));
    }
    let combiner = (!weights.is_empty()).then_some(Combiner { weights });
    let t = r.u32()? as usize;
    if t != labels.len() + 1 {
        return Err(format!("{t} tags for {} labels", labels.len()));
    }
    let trans = (0..(t + 1) * t).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
    let rows = r.count(12)?;
    let mut index = FxHashMap::default();
    let mut emit = vec![0.0f32; rows * t];
    for row in 0..rows {
        index.insert(r.u64()?, row as u32);
        for _ in 0..r.count(8)? {
            let c = r.u32()? as usize;
            let x = r.f32()?;
            *emit.get_mut(row * t + c).filter(|_| c < t).ok_or("tag out of range")? = x;
        }
    }
    let mut dict = Dictionary::default();
    for _ in 0..r.count(8)? {
        let name = r.str()?;
        for _ in 0..r.count(8)? {
            let label = r.str()?;
            let n = r.u32()?;
            dict.add_count(name.clone(), &label, n);
        }
    }
    if r.at != bytes.len() {
        return Err("trailing bytes".into());
    }
    let weights = Weights { tags: t, emit, trans };
    Ok(Model { labels, index, weights, dict, use_clusters, info, priors, description, calibration, combiner })
}

/// Saves `model` to `path` atomically (a temporary file renamed over it; no backup is kept:
/// the model can always be trained again).
pub fn save(model: &Model, path: &Path) -> Result<(), LearnError> {
    let io = |source| LearnError::Io { path: path.to_path_buf(), source };
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let result = std::fs::write(&tmp, to_bytes(model)).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Loads the model at `path`.
pub fn load(path: &Path) -> Result<Model, LearnError> {
    let bytes = std::fs::read(path).map_err(|source| LearnError::Io { path: path.to_path_buf(), source })?;
    from_bytes(&bytes).map_err(|reason| LearnError::Format {
        path: path.to_path_buf(),
        version: VERSION,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::{Options, TrainDoc, train};

    fn small_model() -> Model {
        let text = "زار الرئيس بغداد امس\nوصل الوزير الى دمشق\nقال محمد ان بغداد جميلة\n".to_string();
        let loc = |w: &str| {
            let s = text.find(w).unwrap_or(0);
            (s..s + w.len(), "LOC".to_string())
        };
        let entities = vec![
            loc("بغداد"),
            loc("دمشق"),
            (text.find("محمد").unwrap_or(0)..text.find("محمد").unwrap_or(0) + 8, "PER".into()),
        ];
        train(
            &[TrainDoc { text, entities, partial: false }],
            &Options { clusters: false, ..Options::default() },
        )
    }

    #[test]
    fn round_trips_and_rejects_broken_files() {
        let m = small_model();
        let bytes = to_bytes(&m);
        let back = from_bytes(&bytes).map_err(|e| e.to_string());
        let back = back.as_ref().map(|b| (b.labels.clone(), b.info.clone(), b.predict("زار بغداد")));
        assert_eq!(back, Ok((m.labels.clone(), m.info.clone(), m.predict("زار بغداد"))));
        assert!(from_bytes(b"PK\x03\x04 zip").is_err());
        for cut in [MAGIC.len(), MAGIC.len() + 4, bytes.len() / 2, bytes.len() - 1] {
            assert!(from_bytes(&bytes[..cut]).is_err(), "truncated at {cut}");
        }
        let mut other = bytes.clone();
        other[MAGIC.len()] = 99;
        assert_eq!(from_bytes(&other).err(), Some("written as version 99".to_string()));
    }

    #[test]
    fn save_and_load_through_a_folder() {
        let dir = tempfile::tempdir().map_err(|e| e.to_string());
        let Ok(dir) = dir else { panic!("temp dir") };
        let m = small_model();
        let path = path_in(dir.path());
        assert!(save(&m, &path).is_ok());
        assert_eq!(load(&path).ok().map(|l| l.info), Some(m.info));
        std::fs::write(&path, b"garbage").ok();
        assert!(matches!(load(&path), Err(LearnError::Format { .. })));
    }
}
