//! Trigram similarity (PostgreSQL pg_trgm's `similarity`, `%` and `<->`, bit for bit).
//!
//! The rule, as pg_trgm 1.6 (PostgreSQL 15/16) computes it in a UTF-8 database with a glibc
//! UTF-8 `LC_CTYPE`:
//!
//! 1. Words are maximal runs of word characters: ASCII letters and digits, and beyond ASCII the
//!    characters glibc's `iswalpha || iswdigit` accepts (Unicode letters and decimal digits;
//!    not `²`, `½`, emoji or most combining marks). Everything else separates words.
//! 2. Each word is lowercased character by character with glibc's `towlower`.
//! 3. Each word is padded with two spaces in front and one behind; every three consecutive
//!    characters form a trigram (a word of n characters gives n + 1 trigrams).
//! 4. A trigram of three one-byte characters is kept as its three bytes; any other trigram is
//!    replaced by the low 24 bits of PostgreSQL's legacy CRC-32 of its UTF-8 bytes (so
//!    collisions are possible, and are part of the semantics).
//! 5. The trigrams form a set; `similarity = common / (|A| + |B| - common)` computed in single
//!    precision, and 0 when either set is empty.
//! 6. `a % b` holds when the similarity, widened to double, is `>=` the threshold
//!    (`pg_trgm.similarity_threshold`, 0.5 in ONR). The distance `a <-> b` is `1 - similarity`
//!    in single precision.
//!
//! ONR compares `lower(unaccent(x))` strings; [`similarity_fmt`] and
//! [`TrigramSet::from_fmt`] apply that normalisation on the fly, without building the string.
//! Where the caller chooses, the choice is a [`Form`] ([`Form::Raw`], the text as given, or
//! [`Form::Onr`], ONR's form), taken by [`similarity_in`], [`TrigramSet::of`],
//! [`sets_of`] and `DuplicateIndex::from_texts`; the front ends parse its name with
//! [`Form`]'s `FromStr`.
//!
//! # Example
//!
//! ```
//! use onr_core::similarity::trigram::{similarity, similarity_fmt, is_similar, DEFAULT_THRESHOLD};
//! let s = similarity("eino ilmari urho kaleva eino testiainen 1911-11-11", "eino eino testiainen 1911-11-11");
//! assert_eq!(s, 22.0 / 41.0);
//! assert!(is_similar(s, DEFAULT_THRESHOLD));
//! assert_eq!(similarity_fmt("Testiäinen", "TESTIAINEN"), 1.0);
//! assert_eq!(similarity("", ""), 0.0);
//! ```

use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;

use crate::error::{code_table, Category, Coded, Lang};
use crate::glibc;
use crate::names;

/// ONR's similarity threshold for duplicate candidates: `pg_trgm.similarity_threshold`, whose
/// default 0.5 ONR's duplicate query relies on (`DUPLICATE_QUERY_SIMILARITY_THRESHOLD` in
/// ONR's `HenkiloRepositoryImpl`; the `%` operator of its `duplicate_search_str` query).
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// The form in which a text's trigrams are taken: as given, or in ONR's comparison form.
///
/// | form | the text compared | PostgreSQL |
/// |---|---|---|
/// | [`Form::Raw`] (`raw`) | as given (pg_trgm lowercases words itself, but keeps accents) | `show_trgm(text)`, `similarity(a, b)` |
/// | [`Form::Onr`] (`onr`) | `lower(unaccent(text))`, computed on the fly | ONR's `duplicate_search_fmt(text)` (the form of its `duplicate_search_str` column and of its queries) |
///
/// The names ([`Form::NAMES`], [`Form::as_str`], [`FromStr`], case-insensitive) are the ones
/// every front end takes (Python's `form="onr"`, Java's `TrigramForm`).
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::{similarity_in, Form};
/// let form: Form = "onr".parse()?;
/// assert_eq!(form, Form::Onr);
/// assert_eq!(similarity_in("Äijälä", "AIJALA", form), 1.0);
/// assert!(similarity_in("Äijälä", "AIJALA", Form::Raw) < 1.0);
/// assert_eq!(Form::NAMES, ["raw", "onr"]);
/// # Ok::<(), onr_core::similarity::trigram::UnknownForm>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Form {
    /// The text as given: pg_trgm's own rule (`show_trgm(text)`).
    Raw,
    /// ONR's comparison form `lower(unaccent(text))` (ONR's `duplicate_search_fmt(text)`).
    Onr,
}

impl Form {
    /// Every form, in the order of [`Form::NAMES`].
    pub const ALL: [Form; 2] = [Form::Raw, Form::Onr];
    /// Every name: `raw`, `onr`.
    pub const NAMES: [&'static str; 2] = ["raw", "onr"];

    /// The stable name: `raw` or `onr`.
    ///
    /// ```
    /// use onr_core::similarity::trigram::Form;
    /// assert_eq!(Form::Onr.as_str(), "onr");
    /// assert_eq!(Form::Raw.to_string(), "raw");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Form::Raw => "raw",
            Form::Onr => "onr",
        }
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Form {
    type Err = UnknownForm;
    /// One of [`Form::NAMES`], case-insensitively, surrounding whitespace ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Form::NAMES
            .iter()
            .position(|n| n.eq_ignore_ascii_case(s))
            .map(|i| Form::ALL[i])
            .ok_or(UnknownForm)
    }
}

/// A [`Form`] name that is not one of [`Form::NAMES`] (`similarity.unknown_form`).
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::similarity::trigram::Form;
/// let e = "fmt".parse::<Form>().unwrap_err();
/// assert_eq!(e.code(), "similarity.unknown_form");
/// assert_eq!(e.to_string(), "unknown trigram form, expected one of: raw, onr");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown trigram form, expected one of: {}", Form::NAMES.join(", "))]
#[non_exhaustive]
pub struct UnknownForm;

code_table! {
    /// Every error code.
    UnknownForm {
        UnknownForm => "similarity.unknown_form", Category::Format;
    }
}

impl Coded for UnknownForm {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }
    fn category(&self) -> Category {
        self.code_entry().1
    }
    fn message(&self, lang: Lang) -> String {
        let names = Form::NAMES.join(", ");
        match lang {
            Lang::En => self.to_string(),
            Lang::Fi => format!("tuntematon trigrammimuoto, odotettiin yhtä näistä: {names}"),
            Lang::Sv => format!("okänd trigramform, en av dessa förväntades: {names}"),
        }
    }
}

/// PostgreSQL's legacy CRC-32 table (the reflected table of polynomial 0xEDB88320, used with
/// a left-shifting update, as `COMP_LEGACY_CRC32` does).
static CRC_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// Packs three bytes in memory order into one integer (the same packing for both kinds of
/// trigram, so that hash collisions with plain trigrams happen exactly as in PostgreSQL).
#[inline(always)]
const fn pack(b0: u8, b1: u8, b2: u8) -> u32 {
    (b0 as u32) << 16 | (b1 as u32) << 8 | b2 as u32
}

#[inline]
fn crc_trigram(chars: [char; 3]) -> u32 {
    let mut crc: u32 = 0xFFFF_FFFF;
    let mut buf = [0u8; 4];
    for c in chars {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            crc = CRC_TABLE[(((crc >> 24) ^ b as u32) & 0xFF) as usize] ^ (crc << 8);
        }
    }
    crc ^= 0xFFFF_FFFF;
    // CPTRGM copies the first three bytes of the little-endian u32.
    let b = crc.to_le_bytes();
    pack(b[0], b[1], b[2])
}

#[inline(always)]
fn trigram_of(a: char, b: char, c: char) -> u32 {
    if a.is_ascii() && b.is_ascii() && c.is_ascii() {
        pack(a as u8, b as u8, c as u8)
    } else {
        crc_trigram([a, b, c])
    }
}

/// Where trigrams go while a string is split: a growable buffer.
pub(crate) trait Sink {
    fn push(&mut self, t: u32);
}

impl Sink for Vec<u32> {
    #[inline(always)]
    fn push(&mut self, t: u32) {
        Vec::push(self, t);
    }
}

/// A trigram buffer that lives on the stack for ordinary names and spills to the heap for
/// long strings, so that one pairwise comparison allocates nothing.
pub(crate) struct StackBuf {
    arr: [u32; STACK_TRIGRAMS],
    len: usize,
    spill: Vec<u32>,
}

const STACK_TRIGRAMS: usize = 160;

impl StackBuf {
    #[inline(always)]
    pub(crate) fn new() -> Self {
        StackBuf {
            arr: [0; STACK_TRIGRAMS],
            len: 0,
            spill: Vec::new(),
        }
    }

    /// The trigrams as pushed (unsorted, with repeats).
    #[inline]
    fn raw(&self) -> &[u32] {
        if self.spill.is_empty() {
            &self.arr[..self.len]
        } else {
            &self.spill
        }
    }

    /// Sorts and deduplicates the trigrams, returning the set.
    #[inline]
    pub(crate) fn sorted_set(&mut self) -> &[u32] {
        if self.spill.is_empty() {
            let s = &mut self.arr[..self.len];
            s.sort_unstable();
            let n = dedup_sorted(s);
            &self.arr[..n]
        } else {
            self.spill.sort_unstable();
            self.spill.dedup();
            &self.spill
        }
    }
}

impl Sink for StackBuf {
    #[inline(always)]
    fn push(&mut self, t: u32) {
        if self.len < STACK_TRIGRAMS {
            self.arr[self.len] = t;
            self.len += 1;
        } else {
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.arr);
            }
            self.spill.push(t);
        }
    }
}

/// `(|set(a)|, |set(b)|, |set(a) ∩ set(b)|)` of two trigram lists with repeats.
///
/// Small lists (ordinary names) go through two small open-addressing hash sets on the stack,
/// sized to the input so that a short name clears little memory; large ones are sorted.
#[inline]
fn set_stats(a: &mut StackBuf, b: &mut StackBuf) -> (usize, usize, usize) {
    let longest = a.raw().len().max(b.raw().len());
    if longest <= 32 {
        hashed_stats::<64>(a.raw(), b.raw())
    } else if longest <= 64 {
        hashed_stats::<128>(a.raw(), b.raw())
    } else if longest <= 128 {
        hashed_stats::<256>(a.raw(), b.raw())
    } else {
        let (sa, sb) = (a.sorted_set().to_vec(), b.sorted_set());
        (sa.len(), sb.len(), count_common(&sa, sb) as usize)
    }
}

/// [`set_stats`] with one open-addressing hash set of `CAP` slots (a power of two, at least
/// twice the longer list, so probing always ends) holding both lists: a slot keeps the 24-bit
/// trigram and, above it, one bit for each list it came from.
#[inline]
fn hashed_stats<const CAP: usize>(la: &[u32], lb: &[u32]) -> (usize, usize, usize) {
    const EMPTY: u32 = 0; // a stored slot always has a list bit
    const IN_A: u32 = 1 << 24;
    const IN_B: u32 = 1 << 25;
    const VALUE: u32 = IN_A - 1;
    let shift = 32 - CAP.trailing_zeros();
    let slot = |t: u32| (t.wrapping_mul(0x9E37_79B1) >> shift) as usize;
    let mut table = [EMPTY; CAP];
    let mut na = 0;
    for &t in la {
        let mut i = slot(t);
        loop {
            let e = table[i];
            // Empty or already there (the common cases): count without a data-dependent branch.
            if e == EMPTY || e & VALUE == t {
                na += (e == EMPTY) as usize;
                table[i] = t | IN_A;
                break;
            }
            i = (i + 1) & (CAP - 1);
        }
    }
    let (mut nb, mut common) = (0, 0);
    for &t in lb {
        let mut i = slot(t);
        loop {
            let e = table[i];
            if e == EMPTY || e & VALUE == t {
                let new_b = (e & IN_B == 0) as usize;
                nb += new_b;
                common += new_b & (e >> 24) as usize; // IN_A is bit 24
                table[i] = e | t | IN_B;
                break;
            }
            i = (i + 1) & (CAP - 1);
        }
    }
    (na, nb, common)
}

/// Removes adjacent duplicates in place; returns the new length.
#[inline]
fn dedup_sorted(s: &mut [u32]) -> usize {
    if s.is_empty() {
        return 0;
    }
    let mut w = 1;
    for r in 1..s.len() {
        if s[r] != s[w - 1] {
            s[w] = s[r];
            w += 1;
        }
    }
    w
}

/// The word splitter and trigram maker, fed one (already lowercased) character at a time.
struct Splitter<'a, S: Sink> {
    sink: &'a mut S,
    in_word: bool,
    w0: char,
    w1: char,
}

impl<'a, S: Sink> Splitter<'a, S> {
    #[inline(always)]
    fn new(sink: &'a mut S) -> Self {
        Splitter {
            sink,
            in_word: false,
            w0: ' ',
            w1: ' ',
        }
    }

    /// Feeds a character that is already lowercase (towlower is idempotent in glibc).
    #[inline(always)]
    fn feed(&mut self, c: char) {
        if glibc::is_word_char(c) {
            self.feed_word(c);
        } else if self.in_word {
            self.end_word();
        }
    }

    /// Feeds a (lowercase) word character.
    #[inline(always)]
    fn feed_word(&mut self, c: char) {
        if !self.in_word {
            self.in_word = true;
            self.w0 = ' ';
            self.w1 = ' ';
        }
        self.sink.push(trigram_of(self.w0, self.w1, c));
        self.w0 = self.w1;
        self.w1 = c;
    }

    #[inline(always)]
    fn end_word(&mut self) {
        self.sink.push(trigram_of(self.w0, self.w1, ' '));
        self.in_word = false;
    }

    #[inline(always)]
    fn finish(mut self) {
        if self.in_word {
            self.end_word();
        }
    }
}

/// Pushes the (unsorted, possibly repeated) trigrams of `s` as pg_trgm extracts them.
#[inline]
pub(crate) fn extract_raw<S: Sink>(s: &str, sink: &mut S) {
    let mut sp = Splitter::new(sink);
    // Lowercasing inside a word and classifying before it commute: glibc's towlower maps
    // word characters to word characters and is idempotent (checked in the tests).
    for c in s.chars() {
        sp.feed(glibc::towlower(c));
    }
    sp.finish();
}

/// Pushes the trigrams of `lower(unaccent(s))`.
#[inline]
pub(crate) fn extract_fmt<S: Sink>(s: &str, sink: &mut S) {
    let mut sp = Splitter::new(sink);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII: no unaccent rule, towlower is ASCII lowercasing.
            let c = b.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() {
                sp.feed_word(c as char);
            } else if sp.in_word {
                sp.end_word();
            }
            i += 1;
        } else {
            let len = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            names::for_each_fmt_char(&s[i..i + len], |c| sp.feed(c));
            i += len;
        }
    }
    sp.finish();
}

/// Number of common elements of two sorted, deduplicated slices.
#[inline]
pub(crate) fn count_common(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut n) = (0usize, 0usize, 0u32);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += (x == y) as u32;
        i += (x <= y) as usize;
        j += (y <= x) as usize;
    }
    n
}

/// pg_trgm's `CALCSML`: `(float4) common / (float4) (na + nb - common)`, 0 when a set is empty.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::similarity_from_counts;
/// assert_eq!(similarity_from_counts(22, 41, 22), 0.53658537);
/// assert_eq!(similarity_from_counts(0, 0, 0), 0.0);
/// ```
#[inline]
pub fn similarity_from_counts(common: usize, len_a: usize, len_b: usize) -> f32 {
    if len_a == 0 || len_b == 0 {
        return 0.0;
    }
    common as f32 / (len_a + len_b - common) as f32
}

/// pg_trgm's `%` verdict: the similarity, widened to double, `>=` the threshold.
///
/// The comparison is in double precision as PostgreSQL's is (`pg_trgm.similarity_threshold`
/// is a double), which matters for thresholds such as 0.3 that are not exact in `f32`.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::is_similar;
/// assert!(is_similar(0.5, 0.5));
/// assert!(!is_similar(0.49999997, 0.5));
/// assert!(is_similar(0.3, 0.3)); // 0.3f32 is slightly above 0.3
/// ```
#[inline]
pub fn is_similar(similarity: f32, threshold: f64) -> bool {
    similarity as f64 >= threshold
}

/// pg_trgm's distance `a <-> b`: `1 - similarity` in single precision.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::distance;
/// assert_eq!(distance(0.75), 0.25);
/// ```
#[inline]
pub fn distance(similarity: f32) -> f32 {
    1.0 - similarity
}

/// A `float4` as PostgreSQL 12+ prints it by default (`extra_float_digits = 1`): the
/// shortest text that reads back as the same value, in fixed notation for decimal exponents
/// from -4 to 5 and as `1.5e-05` / `1.234567e+06` otherwise; `NaN`, `Infinity`.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::pg_float4_text;
/// assert_eq!(pg_float4_text(22.0 / 41.0), "0.5365854");
/// assert_eq!(pg_float4_text(1.0), "1");
/// assert_eq!(pg_float4_text(0.0), "0");
/// assert_eq!(pg_float4_text(1e-5), "1e-05");
/// assert_eq!(pg_float4_text(0.0001), "0.0001");
/// assert_eq!(pg_float4_text(1234567.0), "1.234567e+06");
/// ```
pub fn pg_float4_text(x: f32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.into();
    }
    // Rust prints the shortest round-trip digits, as PostgreSQL's Ryu does.
    let sci = format!("{:e}", x.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::with_capacity(16);
    if x < 0.0 {
        out.push('-');
    }
    if (-4..6).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.extend(std::iter::repeat('0').take(int_len - digits.len()));
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat('0').take((-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(mant);
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// pg_trgm's `similarity(a, b)` of the strings as given.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::similarity;
/// assert_eq!(similarity("word", "two words"), 0.36363637);
/// assert_eq!(similarity("Matti", "MATTI"), 1.0); // pg_trgm lowercases words itself
/// ```
pub fn similarity(a: &str, b: &str) -> f32 {
    let (mut ba, mut bb) = (StackBuf::new(), StackBuf::new());
    extract_raw(a, &mut ba);
    extract_raw(b, &mut bb);
    let (na, nb, common) = set_stats(&mut ba, &mut bb);
    similarity_from_counts(common, na, nb)
}

/// ONR's comparison: `similarity(lower(unaccent(a)), lower(unaccent(b)))`, allocation-free
/// for ordinary names.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::similarity_fmt;
/// assert_eq!(similarity_fmt("Ääkkönen", "Aakkonen"), 1.0);
/// assert_eq!(similarity_fmt("Matti Meikäläinen 2005-03-14", "Matti Meikalainen 2005-04-13"), 0.75);
/// ```
pub fn similarity_fmt(a: &str, b: &str) -> f32 {
    let (mut ba, mut bb) = (StackBuf::new(), StackBuf::new());
    extract_fmt(a, &mut ba);
    extract_fmt(b, &mut bb);
    let (na, nb, common) = set_stats(&mut ba, &mut bb);
    similarity_from_counts(common, na, nb)
}

/// pg_trgm's `similarity` of `a` and `b`, both taken in `form`: [`similarity`] for
/// [`Form::Raw`], [`similarity_fmt`] for [`Form::Onr`].
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::{similarity_in, Form};
/// assert_eq!(similarity_in("word", "two words", Form::Raw), 0.36363637);
/// assert_eq!(similarity_in("Ääkkönen", "Aakkonen", Form::Onr), 1.0);
/// ```
pub fn similarity_in(a: &str, b: &str, form: Form) -> f32 {
    match form {
        Form::Raw => similarity(a, b),
        Form::Onr => similarity_fmt(a, b),
    }
}

/// [`similarity_in`] of every pair, in order, on every core (rayon); one result per pair.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::{similarities_in, Form};
/// let pairs = [("Ääkkönen", "Aakkonen"), ("word", "two words")];
/// assert_eq!(similarities_in(&pairs, Form::Onr), [1.0, 0.36363637]);
/// assert_eq!(similarities_in(&pairs, Form::Raw)[1], 0.36363637);
/// ```
pub fn similarities_in<A, B>(pairs: &[(A, B)], form: Form) -> Vec<f32>
where
    A: AsRef<str> + Sync,
    B: AsRef<str> + Sync,
{
    pairs
        .par_iter()
        .map(|(a, b)| similarity_in(a.as_ref(), b.as_ref(), form))
        .collect()
}

/// The trigram set of every text in `form` ([`TrigramSet::of`]), in order, on every core
/// (rayon); `None` (SQL NULL) stays `None`. What [`DuplicateIndex::from_texts`] indexes, for
/// callers that build the sets chunk by chunk.
///
/// [`DuplicateIndex::from_texts`]: crate::similarity::duplicates::DuplicateIndex::from_texts
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::{sets_of, Form, TrigramSet};
/// let sets = sets_of(&[Some("Äijä"), None], Form::Onr);
/// assert_eq!(sets, [Some(TrigramSet::new("aija")), None]);
/// ```
pub fn sets_of<S: AsRef<str> + Sync>(texts: &[Option<S>], form: Form) -> Vec<Option<TrigramSet>> {
    texts
        .par_iter()
        .map(|t| t.as_ref().map(|t| TrigramSet::of(t.as_ref(), form)))
        .collect()
}

/// One string's trigram set, computed once and compared with many others.
///
/// The trigrams are kept sorted as packed integers (three bytes each, in PostgreSQL's memory
/// order); two sets compare by a linear merge.
///
/// # Example
///
/// ```
/// use onr_core::similarity::trigram::TrigramSet;
/// let q = TrigramSet::from_fmt("Eino Eino Testiäinen 1911-11-11");
/// let names = ["eino ilmari urho kaleva eino testiainen 1911-11-11", "pekka puupaa"];
/// let sims: Vec<f32> = names.iter().map(|n| q.similarity(&TrigramSet::new(n))).collect();
/// assert_eq!(sims, [22.0 / 41.0, 0.0]);
/// assert_eq!(q.len(), 22);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TrigramSet {
    trigrams: Vec<u32>,
}

impl TrigramSet {
    /// The trigram set of `s` as given (pg_trgm's `show_trgm(s)`).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::TrigramSet;
    /// assert_eq!(TrigramSet::new("cat").len(), 4); // "  c", " ca", "cat", "at "
    /// assert!(TrigramSet::new("-- ²½ 😀").is_empty());
    /// ```
    pub fn new(s: &str) -> Self {
        let mut v = Vec::with_capacity(s.len() + 2);
        extract_raw(s, &mut v);
        Self::from_unsorted(v)
    }

    /// The trigram set of `lower(unaccent(s))` (ONR's `duplicate_search_fmt`).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::TrigramSet;
    /// assert_eq!(TrigramSet::from_fmt("Äijä"), TrigramSet::new("aija"));
    /// ```
    pub fn from_fmt(s: &str) -> Self {
        let mut v = Vec::with_capacity(s.len() + 2);
        extract_fmt(s, &mut v);
        Self::from_unsorted(v)
    }

    /// The trigram set of `s` in `form`: [`TrigramSet::new`] for [`Form::Raw`],
    /// [`TrigramSet::from_fmt`] for [`Form::Onr`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::{Form, TrigramSet};
    /// assert_eq!(TrigramSet::of("Äijä", Form::Onr), TrigramSet::new("aija"));
    /// assert_eq!(TrigramSet::of("Äijä", Form::Raw), TrigramSet::new("äijä"));
    /// ```
    pub fn of(s: &str, form: Form) -> Self {
        match form {
            Form::Raw => Self::new(s),
            Form::Onr => Self::from_fmt(s),
        }
    }

    pub(crate) fn from_unsorted(mut v: Vec<u32>) -> Self {
        v.sort_unstable();
        v.dedup();
        v.shrink_to_fit();
        TrigramSet { trigrams: v }
    }

    /// Number of distinct trigrams.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::similarity::trigram::TrigramSet::new("aa aa").len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        self.trigrams.len()
    }

    /// Whether the set is empty (the string has no word characters); such a string is
    /// similar to nothing, not even itself.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(onr_core::similarity::trigram::TrigramSet::new(" - ").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.trigrams.is_empty()
    }

    /// The packed trigrams, sorted ascending: bytes `b0 b1 b2` as `b0 << 16 | b1 << 8 | b2`.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::TrigramSet;
    /// let t = TrigramSet::new("ab");
    /// assert_eq!(t.as_slice(), [u32::from_be_bytes([0, b' ', b' ', b'a']), u32::from_be_bytes([0, b' ', b'a', b'b']), u32::from_be_bytes([0, b'a', b'b', b' '])]);
    /// ```
    pub fn as_slice(&self) -> &[u32] {
        &self.trigrams
    }

    /// The trigrams as pg_trgm's `show_trgm` prints them, in its order: three characters when
    /// all three bytes are ASCII letters, digits or spaces, else `0x` and the packed value in
    /// six lowercase hex digits (hashed multibyte trigrams, and ASCII trigrams with other characters).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::TrigramSet;
    /// assert_eq!(TrigramSet::new("ä").show(), ["0xd3cd89", "0x5be7e5"]);
    /// assert_eq!(TrigramSet::new("Ab").show(), ["  a", " ab", "ab "]);
    /// ```
    pub fn show(&self) -> Vec<String> {
        let bytes = |t: u32| [(t >> 16) as u8, (t >> 8) as u8, t as u8];
        let mut v: Vec<u32> = self.trigrams.clone();
        // PostgreSQL compares trigram bytes as (signed) `char`.
        v.sort_unstable_by_key(|&t| bytes(t).map(|b| b as i8));
        v.into_iter()
            .map(|t| {
                let b = bytes(t);
                if b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b' ') {
                    b.iter().map(|&c| c as char).collect()
                } else {
                    format!("0x{t:06x}")
                }
            })
            .collect()
    }

    /// Number of trigrams both sets contain.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::TrigramSet;
    /// assert_eq!(TrigramSet::new("abc").common(&TrigramSet::new("abd")), 2);
    /// ```
    pub fn common(&self, other: &TrigramSet) -> usize {
        count_common(&self.trigrams, &other.trigrams) as usize
    }

    /// pg_trgm's `similarity` of the two strings these sets came from.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::TrigramSet;
    /// assert_eq!(TrigramSet::new("abc").similarity(&TrigramSet::new("abd")), 2.0 / 6.0);
    /// ```
    pub fn similarity(&self, other: &TrigramSet) -> f32 {
        similarity_from_counts(self.common(other), self.len(), other.len())
    }

    /// pg_trgm's `similarity` against a string taken in `form`, without allocating for
    /// ordinary names.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::trigram::{Form, TrigramSet};
    /// let q = TrigramSet::from_fmt("Meikäläinen");
    /// assert_eq!(q.similarity_str("MEIKÄLÄINEN", Form::Onr), 1.0);
    /// assert_eq!(q.similarity_str("MEIKÄLÄINEN", Form::Raw), 0.4117647);
    /// ```
    pub fn similarity_str(&self, other: &str, form: Form) -> f32 {
        let mut b = StackBuf::new();
        match form {
            Form::Onr => extract_fmt(other, &mut b),
            Form::Raw => extract_raw(other, &mut b),
        }
        let sb = b.sorted_set();
        similarity_from_counts(
            count_common(&self.trigrams, sb) as usize,
            self.len(),
            sb.len(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_set_stats_tier_agrees_with_sorting() {
        // Lists of every length across the 64/128/256-slot tables and the sorted path, with
        // repeats and shared values.
        let mut x: u32 = 12345;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        for len_a in (0..300).step_by(7) {
            for len_b in [0usize, 1, 31, 33, 64, 65, 128, 129, 250] {
                let (mut a, mut b) = (StackBuf::new(), StackBuf::new());
                let mut va = Vec::new();
                let mut vb = Vec::new();
                for _ in 0..len_a {
                    let t = next() % 97; // small range: repeats and overlap
                    a.push(t);
                    va.push(t);
                }
                for _ in 0..len_b {
                    let t = next() % 97 + 40;
                    b.push(t);
                    vb.push(t);
                }
                va.sort_unstable();
                va.dedup();
                vb.sort_unstable();
                vb.dedup();
                let want = (va.len(), vb.len(), count_common(&va, &vb) as usize);
                assert_eq!(set_stats(&mut a, &mut b), want, "{len_a} {len_b}");
            }
        }
    }

    #[test]
    fn onr_worked_examples() {
        let f = |a: &str, b: &str| similarity(a, b);
        let s = "matti juhani matti meikalainen 2005-03-14";
        assert_eq!(f(s, "matti matti meikalainen 2005-03-14"), 28.0 / 35.0);
        assert_eq!(
            f(s, "matti juhani matti meikalainen 2005-04-13"),
            31.0 / 39.0
        );
        assert_eq!(f(s, "matti juhani matti meikalainen "), 24.0 / 35.0);
        assert_eq!(f(s, "matti matti virtanen 2005-03-14"), 19.0 / 42.0);
        assert_eq!(
            f(
                "anna anna virtanen 2001-01-01",
                "anna anna virtanen 2011-10-10"
            ),
            16.0 / 27.0
        );
        assert_eq!(TrigramSet::new(s).len(), 35);
    }

    #[test]
    fn crc_matches_postgres_for_known_trigram() {
        // show_trgm('ä') in PostgreSQL 15 (C.UTF-8): {0x7ba2f4,0xd9ec5f}... checked by the
        // fixtures; here only the structure: two multibyte trigrams, distinct.
        let t = TrigramSet::new("ä");
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn word_boundaries() {
        assert_eq!(TrigramSet::new("a-b"), TrigramSet::new("a b"));
        assert_eq!(TrigramSet::new("O'Brien"), TrigramSet::new("o brien"));
        assert_eq!(TrigramSet::new("x²"), TrigramSet::new("x"));
        assert_eq!(TrigramSet::new("ΣΑΣ"), TrigramSet::new("σασ"));
    }

    #[test]
    fn stack_buffer_spills() {
        let long: String = (0..400).map(|i| format!("w{i} ")).collect();
        let a = similarity(&long, &long);
        assert_eq!(a, 1.0);
        assert_eq!(similarity_fmt(&long, &long[..long.len() / 2]), {
            let (x, y) = (
                TrigramSet::new(&long),
                TrigramSet::new(&long[..long.len() / 2]),
            );
            x.similarity(&y)
        });
    }

    #[test]
    fn form_names_round_trip_and_unknown_names_say_the_accepted_ones() {
        for (f, n) in Form::ALL.iter().zip(Form::NAMES) {
            assert_eq!(f.as_str(), n);
            assert_eq!(n.parse::<Form>(), Ok(*f));
            assert_eq!(n.to_uppercase().parse::<Form>(), Ok(*f));
        }
        assert_eq!(" onr ".parse::<Form>(), Ok(Form::Onr));
        for bad in ["", "fmt", "true", "onr-fmt"] {
            let e = bad.parse::<Form>().unwrap_err();
            assert_eq!(e.code(), "similarity.unknown_form");
            assert_eq!(e.category(), Category::Format);
            assert!(e.message(Lang::Fi).ends_with("raw, onr"));
        }
        assert_eq!(UnknownForm::ALL_CODES, ["similarity.unknown_form"]);
    }

    #[test]
    fn form_chooses_the_same_function_as_before() {
        for (a, b) in [("Äijälä Oy", "AIJALA OY"), ("word", "two words"), ("", "x")] {
            assert_eq!(similarity_in(a, b, Form::Raw), similarity(a, b));
            assert_eq!(similarity_in(a, b, Form::Onr), similarity_fmt(a, b));
            assert_eq!(TrigramSet::of(a, Form::Raw), TrigramSet::new(a));
            assert_eq!(TrigramSet::of(a, Form::Onr), TrigramSet::from_fmt(a));
            for form in Form::ALL {
                assert_eq!(
                    TrigramSet::of(a, form).similarity_str(b, form),
                    similarity_in(a, b, form)
                );
            }
        }
    }

    #[test]
    fn thresholds() {
        assert!(is_similar(0.5, DEFAULT_THRESHOLD));
        assert!(!is_similar(
            f32::from_bits(0.5f32.to_bits() - 1),
            DEFAULT_THRESHOLD
        ));
        assert_eq!(distance(0.0), 1.0);
    }
}
