//! The import CSV reader and the checker: no input may panic, and no line is dropped.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use onr_core::import::csv::{CsvOptions, EmptyCell, Reader};
use onr_core::import::{koodisto::Koodisto, CheckOptions, Checker};

fuzz_target!(|data: &[u8]| {
    static KOODISTO: OnceLock<Koodisto> = OnceLock::new();
    let koodisto = KOODISTO.get_or_init(Koodisto::bundled);
    for empty in [EmptyCell::Null, EmptyCell::EmptyString] {
        let options = CsvOptions { empty, ..CsvOptions::default() };
        let Ok(reader) = Reader::new(data, options) else {
            continue;
        };
        let mut checker = Checker::new(koodisto, CheckOptions::default());
        for (i, row) in reader.enumerate() {
            match row {
                Ok(row) => {
                    assert_eq!(row.index, i);
                    let _ = checker.check(row);
                }
                Err(_) => break,
            }
        }
    }
});
