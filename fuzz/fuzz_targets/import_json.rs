//! The import JSON reader and the checker: no input may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onr_core::import::{json, koodisto::Koodisto, CheckOptions, Checker};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let koodisto = Koodisto::bundled();
    let mut checker = Checker::new(&koodisto, CheckOptions::default());
    if let Ok(header) = json::read(text, |row| {
        let _ = checker.check(row);
    }) {
        let _ = checker.finish(header.sahkoposti.as_deref(), header.rows);
    }
});
