use super::fast::{digit, verdict_ascii11};
use super::*;
use crate::error::{Coded, Lang};
use chrono::Datelike;

const P: Environment = Environment::Production;
const T: Environment = Environment::Test;

fn code(r: Result<Hetu, HetuError>) -> &'static str {
    match r {
        Ok(_) => "",
        Err(e) => e.code(),
    }
}

#[test]
fn length_error_is_every_verdict_on_inputs_of_that_length() {
    // Units of one and two UTF-16 units (a non-BMP character), digits, hetu-like text.
    let pieces = ["1", "-", "A", "ä", "１", "😀", "131052-308T", " ", "\0"];
    for a in pieces {
        for b in pieces {
            for reps in 0..5 {
                let s = format!("{}{}", a.repeat(reps), b.repeat(reps));
                let units = s.encode_utf16().count();
                let Some(e) = length_error(units) else {
                    assert_eq!(units, LENGTH);
                    continue;
                };
                for env in [P, T] {
                    assert_eq!(Hetu::parse(&s, env).err(), Some(e), "{s:?}");
                    assert_eq!(Hetu::parse_strict(&s, env).err(), Some(e), "{s:?}");
                    assert_eq!(verdict(&s, env).err(), Some(e), "{s:?}");
                    assert_eq!(verdict_strict(&s, env).err(), Some(e), "{s:?}");
                    assert!(!is_valid(&s, env) && !is_valid_strict(&s, env));
                }
            }
        }
    }
    assert_eq!(length_error(0), Some(HetuError::Empty));
    assert_eq!(
        length_error(usize::MAX),
        Some(HetuError::Length { found: u32::MAX })
    );
}

#[test]
fn java_digit_table_matches_runs() {
    assert_eq!(java_digit(u16::from(b'7')), Some(7));
    assert_eq!(java_digit(0xFF13), Some(3)); // full-width three
    assert_eq!(java_digit(0x0669), Some(9)); // Arabic-Indic nine
    assert_eq!(java_digit(0xFF1A), None); // full-width colon, just after the run
    assert_eq!(java_digit(0x00B2), None); // superscript two is not Nd
    assert_eq!(java_digit(0x2F), None);
    assert_eq!(java_digit(0xD835), None); // a surrogate
}

#[test]
fn checks_run_in_documented_order() {
    // A bad date and a bad checksum: the date wins.
    assert_eq!(code(Hetu::parse("320190-123X", P)), "hetu.date");
    // A non-digit in the date beats a bad century sign.
    assert_eq!(code(Hetu::parse("0101x0Z123M", P)), "hetu.character");
    // A bad century sign beats a non-digit in the individual number.
    assert_eq!(code(Hetu::parse("010190Z1x3M", P)), "hetu.century_sign");
    // Checksum before the production policy, as in ONR.
    assert_eq!(code(Hetu::parse("010190-900X", P)), "hetu.checksum");
    assert_eq!(code(Hetu::parse("010190-900P", P)), "hetu.temporary");
    // Strict: nonexistent date before individual number before checksum.
    assert_eq!(code(Hetu::parse_strict("310490-000X", P)), "hetu.date");
    assert_eq!(
        code(Hetu::parse_strict("010190-000X", P)),
        "hetu.individual_number"
    );
}

#[test]
fn length_counts_utf16_units() {
    assert_eq!(Hetu::parse("", P), Err(HetuError::Empty));
    assert_eq!(
        Hetu::parse("123456+789", P),
        Err(HetuError::Length { found: 10 })
    );
    assert_eq!(
        Hetu::parse(" 010190-123M", P),
        Err(HetuError::Length { found: 12 })
    );
    // A non-BMP character is two units in Java: 10 chars, 11 units, but not digits.
    let s = "010190-12\u{1D7CE}";
    assert_eq!(s.chars().count(), 10);
    assert_eq!(code(Hetu::parse(s, P)), "hetu.character");
    let long = "1".repeat(10_000);
    assert_eq!(
        Hetu::parse(&long, P),
        Err(HetuError::Length { found: 10_000 })
    );
}

#[test]
fn onr_quirks_are_accepted_with_warnings() {
    let h = Hetu::parse("010190-１２３M", P).unwrap();
    assert_eq!(h.individual_number(), 123);
    assert!(h.warnings().contains(HetuWarning::NonAsciiDigit));
    assert_eq!(
        code(Hetu::parse_strict("010190-１２３M", P)),
        "hetu.non_ascii_digit"
    );
    // A full-width nine in position 7 escapes ONR's production check, which looks for the
    // ASCII `9` only.
    let number = 10190u32 * 1000 + 923;
    let text = format!("010190-９23{}", check_char(number));
    let h = Hetu::parse(&text, P).unwrap();
    assert!(h.is_temporary());
    assert_eq!(code(Hetu::parse_strict(&text, T)), "hetu.non_ascii_digit");
}

#[test]
fn debug_and_errors_never_show_the_full_code() {
    let h = Hetu::parse("131052-308T", P).unwrap();
    let debug = format!("{h:?} {:?}", Hetu::parse("131052-308X", P));
    assert!(!debug.contains("308"));
    for lang in Lang::ALL {
        let msg = Hetu::parse("131052-308X", P).unwrap_err().message(lang);
        assert!(!msg.contains("131052"), "{msg}");
    }
}

#[test]
fn normalize_reports_changes() {
    let n = normalize("131052-308T");
    assert!(n.is_unchanged());
    let n = normalize("\u{a0}１３１０５２﹣３０８ｔ ");
    assert_eq!(n.value, "131052-308T");
    assert_eq!(
        n.changes,
        [
            Change::Trimmed,
            Change::DashReplaced,
            Change::AsciiFolded,
            Change::Uppercased
        ]
    );
}

#[test]
fn suggest_finds_typos_best_first() {
    // Check character typed wrong: the only fix of that character is the right one.
    let s = suggest("131052-308X", P, 5);
    assert!(s.iter().any(|s| s.hetu.to_string() == "131052-308T"));
    // O for 0 ranks first.
    let s = suggest("131052-3O8T", P, 3);
    assert_eq!(s[0].hetu.to_string(), "131052-308T");
    assert_eq!(s[0].edit, Edit::Substitution { position: 8 });
    assert!(s.len() <= 3);
    // Valid input: nothing to suggest.
    assert!(suggest("131052-308T", P, 3).is_empty());
    // Hopeless input: nothing, no panic.
    assert!(suggest("hello", P, 3).is_empty());
}

#[test]
fn generator_is_deterministic_and_in_range() {
    let mut g = Generator::new(1);
    let mut g2 = Generator::new(1);
    for y in [1800, 1899, 1900, 1950, 1999, 2000, 2024, 2050, 2099] {
        let d = NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
        let h = g.temporary(d).unwrap();
        assert_eq!(h, g2.temporary(d).unwrap());
        assert_eq!(h.birth_date(), d);
        assert!(h.is_temporary());
        assert!(Hetu::parse(h.as_str(), P).is_err());
        assert!(Hetu::parse(h.as_str(), T).is_ok());
    }
    for y in [1700, 1799, 2100, 2200] {
        let d = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert_eq!(g.temporary(d), Err(GenerateError::DateOutOfRange));
    }
}

#[test]
fn error_size_is_small() {
    // A speed bump: errors are returned by value in batches.
    assert!(std::mem::size_of::<HetuError>() <= 12);
    assert!(std::mem::size_of::<Hetu>() <= 40);
}

/// Hetu-like ASCII inputs: mostly the right characters in the right places, so that every
/// check of the fast path is reached, with a valid code now and then.
fn ascii_hetu_like() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let digits = prop::sample::select(b"0123456789".to_vec());
    let noise = prop::sample::select(b"0123456789+-YXWVUABCDEFGZ a9.xy".to_vec());
    let sign = prop::sample::select(b"+-YXWVUABCDEFaZ1 ".to_vec());
    let check = prop::sample::select(CHECK_CHARS.to_vec());
    let pick = prop::collection::vec(0u8..10, 11);
    (
        prop::collection::vec(digits, 11),
        prop::collection::vec(noise, 11),
        sign,
        check,
        pick,
        any::<bool>(),
    )
        .prop_map(|(digits, noise, sign, check, pick, fix_check)| {
            let mut b: Vec<u8> = (0..11)
                .map(|i| if pick[i] == 0 { noise[i] } else { digits[i] })
                .collect();
            if pick[6] != 0 {
                b[6] = sign;
            }
            b[10] = check;
            if fix_check {
                // Make the check character right, so the later checks are reached.
                let number: Option<u32> =
                    [0, 1, 2, 3, 4, 5, 7, 8, 9].iter().try_fold(0u32, |n, &i| {
                        (digit(b[i]) <= 9).then(|| n * 10 + u32::from(digit(b[i])))
                    });
                if let Some(n) = number {
                    b[10] = CHECK_CHARS[(n % 31) as usize];
                }
            }
            String::from_utf8(b).expect("ASCII")
        })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

    /// The fast path for eleven ASCII bytes answers exactly as the general path: the same
    /// value (every field), the same error, the same boolean.
    #[test]
    fn fast_path_equals_general_path(input in ascii_hetu_like()) {
        let bytes = ascii11(&input).expect("eleven ASCII bytes");
        for env in [P, T] {
            for rules in [Rules::Onr, Rules::Strict] {
                let general = Hetu::parse_general(&input, env, rules);
                proptest::prop_assert_eq!(parse_ascii11(bytes, env, rules), general);
                proptest::prop_assert_eq!(is_valid_ascii11(bytes, env, rules), general.is_ok());
                proptest::prop_assert_eq!(
                    verdict_ascii11(bytes, env, rules),
                    general.map(Verdict::from)
                );
            }
        }
    }

    /// The public entry points (which pick a path) agree with the general path on any text.
    #[test]
    fn public_verdicts_equal_general_path(input in "(\\PC|[0-9+A-Y-]){0,13}") {
        for env in [P, T] {
            let onr = Hetu::parse_general(&input, env, Rules::Onr);
            let strict = Hetu::parse_general(&input, env, Rules::Strict);
            proptest::prop_assert_eq!(Hetu::parse(&input, env), onr);
            proptest::prop_assert_eq!(Hetu::parse_strict(&input, env), strict);
            proptest::prop_assert_eq!(is_valid(&input, env), onr.is_ok());
            proptest::prop_assert_eq!(is_valid_strict(&input, env), strict.is_ok());
            proptest::prop_assert_eq!(verdict(&input, env), onr.map(Verdict::from));
            proptest::prop_assert_eq!(verdict_strict(&input, env), strict.map(Verdict::from));
        }
    }
}

#[test]
fn epoch_days_of_every_hetu_date() {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let mut d = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
    while d.year() < 2100 {
        let v = Verdict {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
            individual: 2,
            warnings: HetuWarnings::empty(),
        };
        assert_eq!(
            i64::from(v.birth_date_epoch_day()),
            (d - epoch).num_days(),
            "{d}"
        );
        assert_eq!(v.birth_date(), d);
        d = d.succ_opt().unwrap();
    }
}

#[test]
fn fast_path_covers_every_date_and_number_shape() {
    // Exhaustive over day 00-39 and month 00-13 of four years (leap, 1900, 2000, plain)
    // and a few individual numbers, each with its right check character.
    for (yy, sign) in [(96, '-'), (0, '-'), (0, 'A'), (23, 'B'), (0, '+')] {
        for month in 0..14u32 {
            for day in 0..40u32 {
                for individual in [0u32, 1, 2, 899, 900, 999] {
                    let number = day * 10_000_000 + month * 100_000 + yy * 1000 + individual;
                    let input = format!(
                        "{day:02}{month:02}{yy:02}{sign}{individual:03}{}",
                        check_char(number)
                    );
                    let bytes = ascii11(&input).expect("ASCII");
                    for env in [P, T] {
                        for rules in [Rules::Onr, Rules::Strict] {
                            let general = Hetu::parse_general(&input, env, rules);
                            assert_eq!(parse_ascii11(bytes, env, rules), general, "{input}");
                            assert_eq!(is_valid_ascii11(bytes, env, rules), general.is_ok());
                            assert_eq!(
                                verdict_ascii11(bytes, env, rules),
                                general.map(Verdict::from)
                            );
                            if let Ok(h) = general {
                                let v = Verdict::from(h);
                                assert_eq!(v.birth_date(), h.birth_date());
                                let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
                                assert_eq!(
                                    i64::from(v.birth_date_epoch_day()),
                                    (h.birth_date() - epoch).num_days()
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}
