#![no_main]
//! Every hetu entry point on arbitrary text: no panic, and the verdicts stay consistent.

use libfuzzer_sys::fuzz_target;
use onr_core::hetu::{self, Hetu};
use onr_core::Environment;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for env in [Environment::Production, Environment::Test] {
        let onr = Hetu::parse(s, env);
        let strict = Hetu::parse_strict(s, env);
        // The value-free verdicts (a fast path for eleven ASCII characters) agree with parse.
        assert_eq!(hetu::is_valid(s, env), onr.is_ok());
        assert_eq!(hetu::is_valid_strict(s, env), strict.is_ok());
        assert_eq!(hetu::verdict(s, env), onr.map(hetu::Verdict::from));
        assert_eq!(hetu::verdict_strict(s, env), strict.map(hetu::Verdict::from));
        // The strict rules never accept what ONR rejects.
        if strict.is_ok() {
            assert!(onr.is_ok());
        }
        if let Ok(h) = onr {
            // What ONR accepts is what it stores: the text round-trips.
            assert_eq!(h.as_str(), s);
            let canonical = h.to_string();
            assert_eq!(Hetu::parse(&canonical, env).map(|c| c.birth_date()), Ok(h.birth_date()));
            // Debug masks the individual number and check character. (Not "Debug doesn't
            // contain them": in 040261B261B the date and sign happen to end in 261B.)
            assert_eq!(format!("{h:?}"), format!("Hetu({}****)", &canonical[..7]));
        }
        if let Ok(h) = strict {
            assert!(h.warnings().is_empty());
            assert_eq!(h.to_string(), s);
        }
        let _ = hetu::suggest(s, env, 3);
    }
    let _ = hetu::normalize(s);
});
