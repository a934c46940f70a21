#![no_main]
//! Jaro-Winkler and the name rules on arbitrary input: no panic, values in [0, 1], symmetric,
//! the str and UTF-16 entry points agree, and ONR's normalisation gives idempotent ASCII.

use libfuzzer_sys::fuzz_target;
use onr_core::similarity::jaro_winkler::{similarity, similarity_utf16};
use onr_core::similarity::name_match::{comparison_form, NameRules, PersonNames, VtjNames};

fuzz_target!(|data: &[u8]| {
    // Any UTF-16 (lone surrogates included) for the code-unit entry point.
    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let (ua, ub) = units.split_at(units.len() / 2);
    let v = similarity_utf16(ua, ub);
    assert!((0.0..=1.0).contains(&v));
    assert_eq!(v.to_bits(), similarity_utf16(ub, ua).to_bits());

    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = s.split_once('\t').unwrap_or((s, ""));
    let v = similarity(a, b);
    assert!((0.0..=1.0).contains(&v));
    assert_eq!(v.to_bits(), similarity(b, a).to_bits());
    let (wa, wb): (Vec<u16>, Vec<u16>) = (a.encode_utf16().collect(), b.encode_utf16().collect());
    assert_eq!(v.to_bits(), similarity_utf16(&wa, &wb).to_bits());
    if !a.is_empty() {
        assert_eq!(similarity(a, a), 1.0);
    }

    let form = comparison_form(a);
    assert!(form.is_ascii());
    assert_eq!(comparison_form(&form), form);

    let rules = NameRules::default();
    let (first, surname) = a.split_once(' ').unwrap_or((a, ""));
    let given = PersonNames::new(first, surname);
    let reference = PersonNames::new(b, surname);
    let _ = rules.names_match(given, reference);
    let former = [surname];
    let vtj = VtjNames::new(b, first).with_former_surnames(&former);
    let _ = rules.identification(given, true, vtj);
    let _ = rules.identification(given, false, vtj);
});
