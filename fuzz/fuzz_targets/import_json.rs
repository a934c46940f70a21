//! The import JSON reader and the checker: no input may panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use onr_core::import::{json, koodisto::Koodisto, CheckOptions, Checker};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    static KOODISTO: OnceLock<Koodisto> = OnceLock::new();
    let koodisto = KOODISTO.get_or_init(Koodisto::bundled);
    let mut checker = Checker::new(koodisto, CheckOptions::default());
    if let Ok(header) = json::read(text, |row| {
        let _ = checker.check(row);
    }) {
        let _ = checker.finish(header.sahkoposti.as_deref(), header.rows);
    }
});
