//! The shared test vectors of `tests/vectors/`, which the Python and JVM suites read too.

mod common;

use onr_core::error::Coded;
use onr_core::hetu::Hetu;
use onr_core::oid::Oid;
use onr_core::Environment;

/// The rows of a vector file, without its header line.
fn vectors(name: &str) -> Vec<Vec<String>> {
    common::read(name).into_iter().skip(1).collect()
}

fn env(name: &str) -> Environment {
    name.parse().unwrap()
}

#[test]
fn onr_verdict_matches_onrs_own_validator() {
    let rows = vectors("hetu_onr.tsv");
    assert!(rows.len() > 30_000);
    let mut checked = 0;
    for row in &rows {
        let input = &row[0];
        for (env, cols) in [
            (Environment::Production, &row[1..4]),
            (Environment::Test, &row[4..7]),
        ] {
            let parsed = Hetu::parse(input, env);
            // The value-free verdicts agree with the full parse.
            assert_eq!(onr_core::hetu::is_valid(input, env), parsed.is_ok());
            assert_eq!(
                onr_core::hetu::verdict(input, env),
                parsed.map(onr_core::hetu::Verdict::from)
            );
            match parsed {
                Ok(h) => {
                    assert_eq!(cols[0], "valid", "{input:?} {env}");
                    assert_eq!(h.birth_date().to_string(), cols[1], "{input:?} {env}");
                    assert_eq!(h.sex().code(), cols[2], "{input:?} {env}");
                }
                Err(e) => assert_eq!(cols[0], "invalid", "{input:?} {env}: ours {}", e.code()),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, rows.len() * 2);
}

#[test]
fn strict_verdict_never_accepts_what_onr_rejects() {
    for row in vectors("hetu_onr.tsv") {
        for (env, valid) in [
            (Environment::Production, &row[1]),
            (Environment::Test, &row[4]),
        ] {
            if Hetu::parse_strict(&row[0], env).is_ok() {
                assert_eq!(valid, "valid", "{:?}", row[0]);
            }
        }
    }
}

#[test]
fn error_codes_and_warnings_follow_the_contract() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let rows = vectors("hetu_codes.tsv");
    assert!(rows.len() > 40);
    for row in rows {
        let [input, env_name, rules, code, date, sex, warnings] = &row[..] else {
            panic!("bad row {row:?}");
        };
        let (result, verdict, valid) = match rules.as_str() {
            "onr" => (
                Hetu::parse(input, env(env_name)),
                onr_core::hetu::verdict(input, env(env_name)),
                onr_core::hetu::is_valid(input, env(env_name)),
            ),
            "strict" => (
                Hetu::parse_strict(input, env(env_name)),
                onr_core::hetu::verdict_strict(input, env(env_name)),
                onr_core::hetu::is_valid_strict(input, env(env_name)),
            ),
            other => panic!("rules {other}"),
        };
        assert_eq!(
            verdict,
            result.map(onr_core::hetu::Verdict::from),
            "{input:?}"
        );
        assert_eq!(valid, result.is_ok(), "{input:?}");
        match result {
            Ok(h) => {
                assert_eq!(code, "", "{input:?} {env_name} {rules}: expected an error");
                assert_eq!(&h.birth_date().to_string(), date, "{input:?}");
                assert_eq!(h.sex().code(), sex, "{input:?}");
                let got: Vec<_> = h.warnings_on(today).iter().map(|w| w.code()).collect();
                assert_eq!(got.join(","), *warnings, "{input:?}");
            }
            Err(e) => assert_eq!(e.code(), code, "{input:?} {env_name} {rules}"),
        }
    }
}

#[test]
fn oid_vectors() {
    let rows = vectors("oid.tsv");
    assert!(rows.len() > 30);
    for row in rows {
        let [input, code, lenient_code, node] = &row[..] else {
            panic!("bad row {row:?}");
        };
        let got = Oid::parse(input).map_or_else(|e| e.code().to_string(), |_| String::new());
        assert_eq!(&got, code, "{input:?}");
        match Oid::parse_lenient(input) {
            Ok(o) => {
                assert_eq!(lenient_code, "", "{input:?}");
                assert_eq!(&o.node().to_string(), node, "{input:?}");
                assert_eq!(
                    &o.to_string(),
                    input,
                    "lenient parse keeps the text {input:?}"
                );
            }
            Err(e) => assert_eq!(e.code(), lenient_code, "{input:?}"),
        }
    }
}

#[test]
fn oid_order_vectors() {
    let want: Vec<String> = vectors("oid_order.tsv")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert!(want.len() > 15);
    let mut oids: Vec<Oid> = want
        .iter()
        .map(|t| Oid::parse_lenient(t).unwrap())
        .collect();
    oids.reverse();
    oids.swap(0, 7);
    oids.sort();
    let got: Vec<String> = oids.iter().map(|o| o.to_string()).collect();
    assert_eq!(got, want);
}
