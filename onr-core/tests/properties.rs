//! Property tests: generated codes parse, parse then display round-trips, no input panics.

use chrono::NaiveDate;
use onr_core::hetu::{self, Generator, Hetu};
use onr_core::oid::{self, Oid};
use onr_core::Environment;
use proptest::prelude::*;

const ENVS: [Environment; 2] = [Environment::Production, Environment::Test];

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1800i32..=2099, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

proptest! {
    #[test]
    fn generated_temporary_codes_parse_in_test_only(seed in any::<u64>(), date in any_date()) {
        let h = Generator::new(seed).temporary(date).unwrap();
        let text = h.to_string();
        prop_assert_eq!(Hetu::parse_strict(&text, Environment::Test), Ok(h));
        prop_assert!(Hetu::parse(&text, Environment::Production).is_err());
        prop_assert_eq!(h.birth_date(), date);
    }

    #[test]
    fn generated_ordinary_codes_parse_everywhere(seed in any::<u64>(), date in any_date()) {
        let h = Generator::new(seed).ordinary(date).unwrap();
        for env in ENVS {
            prop_assert_eq!(Hetu::parse_strict(&h.to_string(), env), Ok(h));
            prop_assert_eq!(Hetu::parse(&h.to_string(), env), Ok(h));
        }
    }

    #[test]
    fn parse_then_display_round_trips(s in "[0-3][0-9][01][0-9][0-9]{2}[-+A-FU-Y][0-9]{3}[0-9A-Y]") {
        for env in ENVS {
            if let Ok(h) = Hetu::parse(&s, env) {
                prop_assert_eq!(h.to_string(), s.clone());
                prop_assert_eq!(h.as_str(), s.as_str());
                prop_assert_eq!(Hetu::parse(&h.to_string(), env), Ok(h));
            }
        }
    }

    #[test]
    fn no_input_panics(s in any::<String>()) {
        for env in ENVS {
            let _ = Hetu::parse(&s, env);
            let _ = Hetu::parse_strict(&s, env);
            let _ = hetu::suggest(&s, env, 3);
        }
        let _ = hetu::normalize(&s);
        let _ = Oid::parse(&s);
        let _ = Oid::parse_lenient(&s);
    }

    #[test]
    fn batch_equals_one_by_one(inputs in prop::collection::vec("[0-9]{6}[-A+][0-9]{3}[0-9A-Y]|.{0,12}", 0..40)) {
        let batch = hetu::validate_many(&inputs, Environment::Production);
        prop_assert_eq!(batch.len(), inputs.len());
        for (b, s) in batch.iter().zip(&inputs) {
            prop_assert_eq!(b, &Hetu::parse(s, Environment::Production));
        }
    }

    #[test]
    fn generated_oids_parse(seed in any::<u64>(), node in prop::sample::select(vec![10u32, 24, 98, 198, 298, 27])) {
        let o = oid::Generator::new(seed).generate(node);
        prop_assert_eq!(Oid::parse(&o.to_string()), Ok(o));
        prop_assert_eq!(o.node(), node);
    }

    #[test]
    fn a_wrong_check_digit_is_always_caught(number in 1_000_000_000u64..10_000_000_000, node in 1u32..400, delta in 1u64..10) {
        let good = Oid::new(node, number).unwrap();
        let bad = format!("1.2.246.562.{node}.{number}{}", (u64::from(good.check_digit()) + delta) % 10);
        prop_assert!(Oid::parse(&bad).is_err());
    }
}

/// The python-stdnum robustness idea: junk of every kind gives an error, never a panic.
#[test]
fn junk_is_rejected_without_panic() {
    let long = "9".repeat(10_000);
    let junk = [
        "",
        " ",
        "\0",
        "€",
        "😀",
        "¹²³",
        "①②③",
        "１２３４５６－７８９０",
        "\u{202E}131052-308T",
        "131052-308T\u{0}",
        "131052\u{2013}308T",
        "131052-308T\r",
        "null",
        "None",
        long.as_str(),
    ];
    for s in junk {
        for env in ENVS {
            assert!(Hetu::parse(s, env).is_err(), "{s:?}");
            assert!(Hetu::parse_strict(s, env).is_err(), "{s:?}");
        }
        assert!(Oid::parse(s).is_err());
    }
}
