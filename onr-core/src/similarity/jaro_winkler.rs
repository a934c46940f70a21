//! Jaro-Winkler (Lucene's `JaroWinklerDistance`, the name metric of ONR's identification).
//!
//! ONR checks names with `org.apache.lucene.search.spell.JaroWinklerDistance.getDistance`, which
//! differs from the textbook Jaro-Winkler and from other libraries. This module computes the same
//! `f32`, bit for bit:
//!
//! * The strings are compared as **UTF-16 code units** (a character outside the Basic
//!   Multilingual Plane, such as an emoji, counts as two units), with exact unit equality.
//! * `max` is the longer string and `min` the other; when both have the same length, `max` is
//!   the second argument. (The result is symmetric all the same: the greedy matching pairs the
//!   same positions from either side.)
//! * The match window is `max(len(max) / 2 - 1, 0)` (integer division). Each unit of `min`, left
//!   to right, is matched with the first unmatched equal unit of `max` within the window. `m` is
//!   the number of matches; **if `m = 0` the result is `0`**, so two empty strings score `0`.
//! * `t` is the number of positions where the matched units of `min` (in `min` order) and of
//!   `max` (in `max` order) differ, divided by two (integer division).
//! * `j = (m / len(s1) + m / len(s2) + (m - t) / m) / 3`, in single precision, in that order.
//! * The common prefix `l` is **not capped at 4** and the scale is `min(0.1, 1 / len(max))`.
//! * The result is `j` when `j < 0.7`, otherwise `j + scale * l * (1 - j)`.
//!
//! Two names are similar when the result is `>= 0.85` ([`THRESHOLD`], ONR's default for both
//! first names and surnames). Single precision matters: `hanna` / `ahnn` gives `0.84999996`,
//! which is *not* similar.
//!
//! # Example
//!
//! ```
//! use onr_core::similarity::jaro_winkler;
//!
//! assert_eq!(jaro_winkler::similarity("virkailija", "virkalija"), 0.9648148);
//! assert_eq!(jaro_winkler::similarity("hanna", "ahnn"), 0.84999996);
//! assert!(!jaro_winkler::is_similar("hanna", "ahnn"));
//! assert_eq!(jaro_winkler::similarity("", ""), 0.0);
//! ```

mod java_float;
pub use java_float::java_float_text;

/// ONR's default threshold for names: a pair is similar when the similarity is `>= 0.85`.
///
/// ONR's `oppijanumerorekisteri.etunimi-threshold` and `oppijanumerorekisteri.sukunimi-threshold`
/// both default to this value.
///
/// # Example
///
/// ```
/// use onr_core::similarity::jaro_winkler::{similarity, THRESHOLD};
/// assert!(similarity("matti", "mati") >= THRESHOLD);
/// ```
pub const THRESHOLD: f32 = 0.85;

/// Lucene's threshold for the Winkler prefix boost: `j < 0.7` is returned unboosted.
const BOOST_THRESHOLD: f32 = 0.7;

/// Inputs up to this many UTF-16 units are compared without touching the heap.
const STACK_UNITS: usize = 64;

/// Lucene's `JaroWinklerDistance.getDistance(a, b)` on two Rust strings.
///
/// The strings are compared as their UTF-16 code units, exactly as Java sees them. The result is
/// in `[0, 1]`; identical non-empty strings give `1.0`, and a pair without any matching unit
/// (including two empty strings) gives `0.0`. Strings of up to 64 bytes are compared without
/// allocating.
///
/// # Example
///
/// ```
/// use onr_core::similarity::jaro_winkler::similarity;
///
/// assert_eq!(similarity("test", "test"), 1.0);
/// assert_eq!(similarity("korhonen", "korhola"), 0.889881);
/// assert_eq!(similarity("ab", "ba"), 0.0); // one-unit window: no matches
/// ```
pub fn similarity(a: &str, b: &str) -> f32 {
    if a.is_ascii() && b.is_ascii() {
        // ASCII bytes are their own UTF-16 units.
        return units_similarity(a.as_bytes(), b.as_bytes());
    }
    // A UTF-8 string never has more UTF-16 units than bytes.
    if a.len() <= STACK_UNITS && b.len() <= STACK_UNITS {
        let mut ua = [0u16; STACK_UNITS];
        let mut ub = [0u16; STACK_UNITS];
        let na = encode_into(a, &mut ua);
        let nb = encode_into(b, &mut ub);
        similarity_utf16(&ua[..na], &ub[..nb])
    } else {
        let ua: Vec<u16> = a.encode_utf16().collect();
        let ub: Vec<u16> = b.encode_utf16().collect();
        similarity_utf16(&ua, &ub)
    }
}

/// Lucene's `JaroWinklerDistance.getDistance` on two UTF-16 strings, such as Java strings.
///
/// Unlike [`similarity`] this accepts any sequence of code units, including unpaired
/// surrogates, as a Java `String` may hold them.
///
/// # Example
///
/// ```
/// use onr_core::similarity::jaro_winkler::similarity_utf16;
///
/// let a: Vec<u16> = "sepo".encode_utf16().collect();
/// let b: Vec<u16> = "seppo".encode_utf16().collect();
/// assert_eq!(similarity_utf16(&a, &b), 0.9533333);
/// assert_eq!(similarity_utf16(&[0xD800], &[0xD800]), 1.0); // a lone surrogate
/// ```
pub fn similarity_utf16(a: &[u16], b: &[u16]) -> f32 {
    units_similarity(a, b)
}

/// Runs the algorithm on code units, with scratch space on the stack for short inputs.
fn units_similarity<T: Copy + Eq>(a: &[T], b: &[T]) -> f32 {
    let longest = a.len().max(b.len());
    if longest <= STACK_UNITS {
        let mut max_matched = [false; STACK_UNITS];
        let mut min_matched = [false; STACK_UNITS];
        lucene(a, b, &mut max_matched, &mut min_matched)
    } else {
        let mut max_matched = vec![false; longest];
        let mut min_matched = vec![false; longest];
        lucene(a, b, &mut max_matched, &mut min_matched)
    }
}

/// Whether ONR considers two strings similar: [`similarity`] `>=` [`THRESHOLD`].
///
/// The strings are compared as given; ONR compares names only after its normalisation, see
/// [`name_match`](super::name_match) for the name rules.
///
/// # Example
///
/// ```
/// use onr_core::similarity::jaro_winkler::is_similar;
///
/// assert!(is_similar("karhu", "karju"));
/// assert!(!is_similar("mikko", "mika")); // 0.8483333
/// ```
pub fn is_similar(a: &str, b: &str) -> bool {
    similarity(a, b) >= THRESHOLD
}

/// [`similarity`] of every pair, in order: one result per pair.
///
/// # Example
///
/// ```
/// use onr_core::similarity::jaro_winkler::similarities;
///
/// let pairs = [("anna", "hanna"), ("a", "b")];
/// assert_eq!(similarities(&pairs), vec![0.93333334, 0.0]);
/// ```
pub fn similarities<A: AsRef<str>, B: AsRef<str>>(pairs: &[(A, B)]) -> Vec<f32> {
    pairs
        .iter()
        .map(|(a, b)| similarity(a.as_ref(), b.as_ref()))
        .collect()
}

/// Writes the UTF-16 units of `s` into `buf` and returns how many were written.
///
/// The caller guarantees `buf.len() >= s.len()`, which bounds the number of units.
fn encode_into(s: &str, buf: &mut [u16]) -> usize {
    let mut n = 0;
    for unit in s.encode_utf16() {
        buf[n] = unit;
        n += 1;
    }
    n
}

/// The algorithm itself. `max_matched` and `min_matched` are scratch buffers of at least the
/// longer input's length, all `false`.
fn lucene<T: Copy + Eq>(
    s1: &[T],
    s2: &[T],
    max_matched: &mut [bool],
    min_matched: &mut [bool],
) -> f32 {
    // The second argument is `max` unless the first is strictly longer.
    let (max, min) = if s1.len() > s2.len() {
        (s1, s2)
    } else {
        (s2, s1)
    };
    let window = (max.len() / 2).saturating_sub(1);

    let mut matches = 0usize;
    for (i, &unit) in min.iter().enumerate() {
        let from = i.saturating_sub(window);
        let to = (i + window + 1).min(max.len());
        for k in from..to {
            if !max_matched[k] && max[k] == unit {
                max_matched[k] = true;
                min_matched[i] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }

    // Walk the matched units of `min` and of `max` side by side, each in its own order.
    let mut half_transpositions = 0usize;
    let mut max_matches = max
        .iter()
        .zip(max_matched.iter())
        .filter_map(|(unit, &matched)| matched.then_some(unit));
    for (unit, _) in min
        .iter()
        .zip(min_matched.iter())
        .filter(|(_, &matched)| matched)
    {
        if max_matches.next() != Some(unit) {
            half_transpositions += 1;
        }
    }
    let transpositions = half_transpositions / 2;

    let prefix = s1.iter().zip(s2).take_while(|(x, y)| x == y).count();

    // Single precision, in Lucene's order of operations. Rust never fuses or reorders these.
    let m = matches as f32;
    let j = (m / s1.len() as f32 + m / s2.len() as f32 + (m - transpositions as f32) / m) / 3.0;
    if j < BOOST_THRESHOLD {
        j
    } else {
        j + 0.1f32.min(1.0 / max.len() as f32) * prefix as f32 * (1.0 - j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// The values of ONR's own tests and the worked examples of its rules, as Lucene prints them.
    #[test]
    fn onr_examples() {
        let cases: &[(&str, &str, f32)] = &[
            ("test", "test", 1.0),
            ("test", "tes", 0.94166666),
            ("test", "te", 0.8666667),
            ("test", "t", 0.775),
            ("a", "b", 0.0),
            (" ", " ", 1.0),
            ("", "", 0.0),
            ("anna", "hanna", 0.93333334),
            ("virkailija", "virkalija", 0.9648148),
            ("hanna", "ahnn", 0.84999996),
            ("mikko", "mika", 0.8483333),
            ("krista", "liisa", 0.7),
            ("ab", "ba", 0.0),
        ];
        for &(a, b, expected) in cases {
            assert_eq!(
                similarity(a, b).to_bits(),
                expected.to_bits(),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn threshold_is_inclusive_and_single_precision() {
        assert!(!is_similar("hanna", "ahnn"));
        assert!(is_similar("test", "te"));
    }

    #[test]
    fn equal_lengths_are_symmetric_all_the_same() {
        for (a, b) in [
            ("abcd", "badc"),
            ("aabb", "abab"),
            ("martha", "marhta"),
            ("ab", "ba"),
        ] {
            assert_eq!(
                similarity(a, b).to_bits(),
                similarity(b, a).to_bits(),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn surrogate_pairs_count_as_two_units() {
        // One emoji against itself plus a letter: 2 of 3 units match, prefix 2.
        let v = similarity("😀", "😀a");
        assert_eq!(v, similarity_utf16(&units("😀"), &units("😀a")));
        assert!(v > 0.0 && v < 1.0);
    }

    #[test]
    fn long_inputs_use_the_heap_path_with_the_same_answer() {
        let a = "abcdefghij".repeat(20);
        let mut b = a.clone();
        b.insert(37, 'x');
        let expected = similarity_utf16(&units(&a), &units(&b));
        assert_eq!(similarity(&a, &b), expected);
        assert_eq!(similarity(&a, &a), 1.0);
    }

    #[test]
    fn stack_and_heap_boundaries() {
        for n in [63usize, 64, 65] {
            let a = "a".repeat(n);
            assert_eq!(similarity(&a, &a), 1.0);
            // Multi-byte characters: 64 bytes but fewer units.
            let b = "ä".repeat(n / 2);
            assert_eq!(similarity(&b, &b), 1.0);
        }
    }

    #[test]
    fn batch_keeps_order() {
        let pairs = vec![("a".to_string(), "a"), ("x".to_string(), "y")];
        assert_eq!(similarities(&pairs), vec![1.0, 0.0]);
    }
}
