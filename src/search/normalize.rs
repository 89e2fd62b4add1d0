//! Normalised text with a map back to the original: fold once, search many times.
//!
//! [`NormalizedText`] folds a whole document in one pass (see [`super::fold`]): tashkeel,
//! tatweel and invisible marks are dropped, letters folded, each run of horizontal white space
//! becomes one `' '`. Every kept character comes from exactly one original character, so a
//! byte range of the normalised text maps back to a byte range of the original that starts on
//! the original of its first character and ends after the original of its last character plus
//! the tashkeel written on it.
//!
//! The map is sparse: one [`Run`] per stretch of characters that were copied with their byte
//! length unchanged and nothing skipped in between, so an ordinary news text without tashkeel
//! needs a handful of runs however long it is.

use std::ops::Range;

use super::fold::{ALEF, Fold, classify};

/// A stretch of the normalised text whose characters have the same byte lengths as their
/// originals, with nothing skipped between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// Normalised byte offset where the run starts.
    norm: usize,
    /// Original byte offset of the run's first character.
    orig: usize,
    /// Original byte offset after the run's last character and the tashkeel attached to it:
    /// where a match ending with the run ends.
    end: usize,
}

/// A text folded for Arabic-aware matching, with the map back to the original's byte offsets.
///
/// The folded text always applies every fold, including «ة» → «ه» and Latin lower case; a
/// [`super::Query`] that does not fold teh marbuta checks those letters in the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NormalizedText {
    text: String,
    runs: Vec<Run>,
    original_len: usize,
}

impl NormalizedText {
    /// Normalises `original` in one pass.
    pub fn new(original: &str) -> Self {
        let mut builder = Builder { out: Self::default(), ..Builder::default() };
        builder.out.text.reserve(original.len());
        // Characters that are copied unchanged are copied in spans, the rest one by one.
        let mut span = None;
        for (i, c) in original.char_indices() {
            if is_plain(c) || (c == ' ' && !builder.in_space) {
                if span.is_none() {
                    builder.start_span(i);
                    span = Some(i);
                }
                builder.in_space = c == ' ';
                builder.after_alef = c == ALEF;
            } else {
                if let Some(start) = span.take() {
                    builder.end_span(&original[start..i], i);
                }
                builder.push(i, c);
            }
        }
        if let Some(start) = span {
            builder.end_span(&original[start..], original.len());
        }
        let mut out = builder.out;
        out.original_len = original.len();
        out.runs.shrink_to_fit();
        out
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalised text, consuming the map (e.g. for dictionary keys).
    pub fn into_string(self) -> String {
        self.text
    }

    /// Byte length of the original text this was made from.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Original byte offset of the character that starts at normalised offset `norm` (the
    /// original's length for the end of the text); `None` if `norm` is not a char boundary of
    /// the normalised text.
    pub fn to_original_start(&self, norm: usize) -> Option<usize> {
        if !self.text.is_char_boundary(norm) {
            return None;
        }
        if norm == self.text.len() {
            return Some(self.original_len);
        }
        let run = self.runs[self.run_index(norm)?];
        Some(run.orig + (norm - run.norm))
    }

    /// Original byte offset where a range ending at normalised offset `norm` ends: after the
    /// original of the character before `norm` and the tashkeel attached to it (never after a
    /// tatweel or directional mark that follows it). `None` if `norm` is not a char boundary.
    pub fn to_original_end(&self, norm: usize) -> Option<usize> {
        if !self.text.is_char_boundary(norm) {
            return None;
        }
        if norm == 0 {
            return Some(0);
        }
        let i = self.run_index(norm - 1)?;
        let run = self.runs[i];
        let next = self.runs.get(i + 1).map_or(self.text.len(), |r| r.norm);
        Some(if norm < next { run.orig + (norm - run.norm) } else { run.end })
    }

    /// The original byte range of the normalised range `norm` (see [`Self::to_original_start`]
    /// and [`Self::to_original_end`]); an empty range maps to an empty range at its start.
    pub fn to_original(&self, norm: Range<usize>) -> Option<Range<usize>> {
        let start = self.to_original_start(norm.start)?;
        if norm.is_empty() {
            return Some(start..start);
        }
        Some(start..self.to_original_end(norm.end)?)
    }

    /// Index of the run holding normalised offset `norm`.
    fn run_index(&self, norm: usize) -> Option<usize> {
        self.runs.partition_point(|r| r.norm <= norm).checked_sub(1)
    }
}

/// True for characters normalisation copies unchanged whatever comes before them (most of an
/// Arabic or ASCII text): the fast path of [`NormalizedText::new`]. Must agree with
/// [`classify`] (tested over every `char`).
fn is_plain(c: char) -> bool {
    let code = c as u32;
    let (bits, k) = match code {
        0..=0x7F => (&ASCII_SPECIAL, code),
        0x600..=0x6FF => (&ARABIC_SPECIAL, code - 0x600),
        _ => return false,
    };
    bits[(k >> 6) as usize] & (1 << (k & 63)) == 0
}

/// ASCII characters that are not plain: upper case letters (folded), space and tab (spaces).
const ASCII_SPECIAL: [u64; 4] = bitmap(0, &[(0x41, 0x5A), (0x20, 0x20), (0x09, 0x09)]);
/// Characters of the Arabic block that are not plain: folded letters and digits, skipped
/// marks, and the hamza marks skipped after an alef.
const ARABIC_SPECIAL: [u64; 4] = bitmap(
    0x600,
    &[
        (0x622, 0x623),
        (0x625, 0x625),
        (0x629, 0x629),
        (0x61C, 0x61C),
        (0x640, 0x640),
        (0x649, 0x649),
        (0x64B, 0x655),
        (0x660, 0x669),
        (0x670, 0x671),
        (0x6F0, 0x6F9),
    ],
);

/// A 256-bit set of the code points `base + k` in the inclusive `ranges`.
const fn bitmap(base: u32, ranges: &[(u32, u32)]) -> [u64; 4] {
    let mut bits = [0u64; 4];
    let mut r = 0;
    while r < ranges.len() {
        let mut code = ranges[r].0;
        while code <= ranges[r].1 {
            let k = code - base;
            bits[(k >> 6) as usize] |= 1 << (k & 63);
            code += 1;
        }
        r += 1;
    }
    bits
}

/// State of the one pass in [`NormalizedText::new`].
#[derive(Default)]
struct Builder {
    out: NormalizedText,
    /// The next kept character may extend the last run.
    open: bool,
    /// Tashkeel here attaches to the last kept character.
    attach: bool,
    /// The last kept character was an alef (a decomposed hamza mark on it is skipped).
    after_alef: bool,
    /// The last kept character was a folded space (more white space is absorbed).
    in_space: bool,
}

impl Builder {
    fn push(&mut self, i: usize, c: char) {
        match classify(c, self.after_alef) {
            Fold::Skip { attached } => {
                if attached && self.attach {
                    if let Some(run) = self.out.runs.last_mut() {
                        run.end = i + c.len_utf8();
                    }
                } else {
                    self.attach = false;
                }
                self.open = false;
            }
            Fold::Space if self.in_space => {
                self.open = false;
                self.attach = false;
            }
            Fold::Space => {
                self.emit(i, ' ', c.len_utf8());
                self.in_space = true;
            }
            Fold::Keep(folded) => {
                self.emit(i, folded, c.len_utf8());
                self.in_space = false;
            }
        }
    }

    /// Starts a span of plain characters at original offset `i`.
    fn start_span(&mut self, i: usize) {
        if !self.open {
            self.out.runs.push(Run { norm: self.out.text.len(), orig: i, end: i });
        }
        self.open = true;
        self.attach = true;
    }

    /// Copies the span of plain characters `span`, which ends at original offset `end`.
    fn end_span(&mut self, span: &str, end: usize) {
        self.out.text.push_str(span);
        if let Some(run) = self.out.runs.last_mut() {
            run.end = end;
        }
    }

    /// Appends `folded`, the fold of the `orig_len`-byte character at original offset `i`.
    fn emit(&mut self, i: usize, folded: char, orig_len: usize) {
        let same_len = folded.len_utf8() == orig_len;
        let end = i + orig_len;
        match self.out.runs.last_mut() {
            Some(run) if self.open && same_len => run.end = end,
            _ => self.out.runs.push(Run { norm: self.out.text.len(), orig: i, end }),
        }
        self.out.text.push(folded);
        self.open = same_len;
        self.attach = true;
        self.after_alef = folded == ALEF;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`NormalizedText::new`] without the fast path: every character through `push`.
    fn one_by_one(original: &str) -> NormalizedText {
        let mut builder = Builder::default();
        for (i, c) in original.char_indices() {
            builder.push(i, c);
        }
        builder.out.original_len = original.len();
        builder.out
    }

    proptest! {
        #[test]
        fn fast_path_changes_nothing(
            text in "[ اأآإٱىةبلـ\u{064E}\u{0651}\u{0654}\u{0670}\u{200F}\u{200C}\u{A0}\t\n٢۳2aAİK\u{212A}]{0,40}"
        ) {
            let mut slow = one_by_one(&text);
            slow.runs.shrink_to_fit();
            prop_assert_eq!(NormalizedText::new(&text), slow);
        }
    }

    fn norm(s: &str) -> String {
        NormalizedText::new(s).into_string()
    }

    #[test]
    fn folds_like_lucenes_arabic_normalizer() {
        // The input/expected pairs of Lucene's TestArabicNormalizationFilter (apache/lucene,
        // lucene/analysis/common/src/test/org/apache/lucene/analysis/ar/), one per rule of its
        // ArabicNormalizer: alef forms, dotless yeh, teh marbuta, tatweel, the eight harakat.
        let lucene = [
            ("آجن", "اجن"),
            ("أحمد", "احمد"),
            ("إعاذ", "اعاذ"),
            ("بنى", "بني"),
            ("فاطمة", "فاطمه"),
            ("روبرـــــت", "روبرت"),
            ("مَبنا", "مبنا"),
            ("علِي", "علي"),
            ("بُوات", "بوات"),
            ("ولداً", "ولدا"),
            ("ولدٍ", "ولد"),
            ("ولدٌ", "ولد"),
            ("نلْسون", "نلسون"),
            ("هتميّ", "هتمي"),
        ];
        for (input, expected) in lucene {
            assert_eq!(norm(input), expected, "{input}");
        }
        // Hand-checked against the same rules; «ٱ», U+0670, the digits, case and the invisible
        // marks are Hashiya's additions.
        let s = "أَحْمَد إبراهيم آمال مصطفى مدرسة الـــقدس";
        assert_eq!(norm(s), "احمد ابراهيم امال مصطفي مدرسه القدس");
        assert_eq!(norm("ٱلرَّحْمَٰن"), "الرحمن");
        assert_eq!(norm("عام ٢٠٢٣ و۱۹۹۰"), "عام 2023 و1990");
        assert_eq!(norm("إيران\u{200F}، IRAN"), "ايران، iran");
        assert_eq!(norm("ا\u{0654}\u{064E}يران"), "ايران", "decomposed hamza on alef");
    }

    #[test]
    fn white_space_collapses_but_not_line_breaks() {
        assert_eq!(norm("a \t\u{A0} \u{200F} b\nc  \n d"), "a b\nc \n d");
    }

    #[test]
    fn maps_back_to_original_boundaries() {
        let s = "وَإِيرَانُ ـ ٢٠٢٣";
        let n = NormalizedText::new(s);
        assert_eq!(n.as_str(), "وايران 2023");
        let iran = n.as_str().find("ايران").unwrap_or(0);
        let r = n.to_original(iran..iran + "ايران".len()).unwrap_or(0..0);
        assert_eq!(&s[r], "إِيرَانُ", "starts on the letter, keeps the final damma");
        let digits = n.as_str().find("2023").unwrap_or(0);
        let r = n.to_original(digits..digits + 4).unwrap_or(0..0);
        assert_eq!(&s[r], "٢٠٢٣");
        let r = n.to_original(digits + 1..digits + 3).unwrap_or(0..0);
        assert_eq!(&s[r], "٠٢");
        assert_eq!(n.to_original_start(1), None, "inside a letter");
        assert_eq!(n.to_original_start(n.as_str().len()), Some(s.len()));
    }

    #[test]
    fn trailing_tatweel_and_marks_stay_outside() {
        let s = "إيرانـَ\u{200F}،";
        let n = NormalizedText::new(s);
        assert_eq!(n.as_str(), "ايران،");
        let r = n.to_original(0.."ايران".len()).unwrap_or(0..0);
        assert_eq!(&s[r], "إيران");
    }

    #[test]
    fn fast_path_agrees_with_classify() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_plain(c)) {
            for after_alef in [false, true] {
                assert_eq!(classify(c, after_alef), Fold::Keep(c), "{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn plain_text_is_one_run() {
        let n = NormalizedText::new("وقال الرئيس إن 2023 عام صعب");
        assert_eq!(n.runs.len(), 1);
    }
}
