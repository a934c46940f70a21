//! pg_trgm similarity: never panics, symmetric, in [0, 1], 1 with itself when there are
//! trigrams, and the allocation-free paths agree with the precomputed sets.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onr_core::similarity::trigram::{similarity, similarity_fmt, TrigramSet};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let (a, b) = s.split_once('\t').unwrap_or((s, ""));
    let raw = similarity(a, b);
    assert_eq!(raw.to_bits(), similarity(b, a).to_bits());
    assert!((0.0..=1.0).contains(&raw));
    let (sa, sb) = (TrigramSet::new(a), TrigramSet::new(b));
    assert_eq!(sa.similarity(&sb).to_bits(), raw.to_bits());
    let fmt = similarity_fmt(a, b);
    assert_eq!(TrigramSet::from_fmt(a).similarity(&TrigramSet::from_fmt(b)).to_bits(), fmt.to_bits());
    assert_eq!(similarity(a, a), if sa.is_empty() { 0.0 } else { 1.0 });
});
