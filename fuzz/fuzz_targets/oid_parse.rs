#![no_main]
//! OID parsing on arbitrary text: no panic; strict implies lenient; text round-trips.

use libfuzzer_sys::fuzz_target;
use onr_core::oid::Oid;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(o) = Oid::parse(s) {
        assert!(o.has_valid_check_digit());
        assert_eq!(o.to_string(), s);
        assert_eq!(Oid::parse_lenient(s), Ok(o));
    }
    if let Ok(o) = Oid::parse_lenient(s) {
        assert_eq!(o.to_string(), s);
    }
});
