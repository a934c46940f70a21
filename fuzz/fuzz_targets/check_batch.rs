//! Whole import batches, CSV or JSON, through the checker to its summary (the in-batch
//! duplicate search included), with a cost budget: an input whose time per byte explodes
//! (quadratic work on a long name, a self-join that piles up pairs) fails the target. The
//! memory budget is libFuzzer's `-rss_limit_mb` (scripts/fuzz.sh sets it).
#![no_main]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use onr_core::import::checker::check_json;
use onr_core::import::csv::{CsvOptions, Reader};
use onr_core::import::{koodisto::Koodisto, CheckOptions, Checker};

/// A generous budget: a fixed part plus a linear part per input byte. The checker is
/// linear in the input but for the duplicate pairs, which the budget's linear part covers
/// for the batch sizes libFuzzer builds.
fn budget(len: usize) -> Duration {
    Duration::from_millis(500) + Duration::from_micros(200) * len as u32
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    static KOODISTO: OnceLock<Koodisto> = OnceLock::new();
    let koodisto = KOODISTO.get_or_init(Koodisto::bundled);
    let start = Instant::now();
    let checker = Checker::new(koodisto, CheckOptions::default());
    if kind % 2 == 0 {
        let Ok(text) = onr_core::input::decode(body.to_vec(), onr_core::input::Encoding::Utf8)
        else {
            return;
        };
        let _ = check_json(&text, checker, |_| {});
    } else {
        let mut checker = checker;
        let Ok(reader) = Reader::new(body, CsvOptions::default()) else {
            return;
        };
        let mut rows = 0;
        for row in reader {
            let Ok(row) = row else { break };
            assert_eq!(row.index, rows);
            let _ = checker.check(row);
            rows += 1;
        }
        let summary = checker.finish(None, Some(rows));
        assert_eq!(summary.rows, rows);
    }
    let spent = start.elapsed();
    assert!(
        spent <= budget(data.len()),
        "cost budget exceeded: {spent:?} for {} bytes",
        data.len()
    );
});
