//! unaccent + lower: never panics; the fused duplicate_search_fmt equals lower(unaccent(x)),
//! lowering is idempotent and per character.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onr_core::names::{duplicate_search_fmt, pg_lower, unaccent};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let u = unaccent(s);
    let l = pg_lower(&u);
    assert_eq!(duplicate_search_fmt(s), l.as_ref());
    assert_eq!(pg_lower(&l), l.as_ref());
    assert_eq!(pg_lower(s).chars().count(), s.chars().count());
});
