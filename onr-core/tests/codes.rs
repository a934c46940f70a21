//! The error contract: every code of onr-core comes from one code table per type, is unique
//! in its table, has the `area.reason` shape, and every code the shared vectors expect is one
//! onr-core defines.

mod common;

use std::collections::HashSet;

use onr_core::error::{all_codes, code_tables};

fn is_code(s: &str) -> bool {
    let mut parts = s.split('.');
    let area = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !area.is_empty()
        && area.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        && !rest.is_empty()
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

#[test]
fn codes_are_unique_per_table_and_well_formed() {
    for (ty, codes) in code_tables() {
        assert!(!codes.is_empty(), "{ty}");
        let unique: HashSet<&str> = codes.iter().copied().collect();
        assert_eq!(unique.len(), codes.len(), "{ty} repeats a code: {codes:?}");
        for code in codes {
            assert!(is_code(code), "{ty}: {code:?} is not area.reason");
        }
    }
}

#[test]
fn a_code_belongs_to_one_table_unless_a_wrapper_repeats_it() {
    // `IndexInputError` wraps `ThresholdError` (no table of its own) and lists its code; no
    // other code is in two tables.
    let mut owner = std::collections::HashMap::new();
    for (ty, codes) in code_tables() {
        for code in codes {
            if let Some(first) = owner.insert(*code, ty) {
                panic!("{code} is in both {first} and {ty}");
            }
        }
    }
    assert!(owner.len() > 100, "{}", owner.len());
}

#[test]
fn internal_codes_are_defined_in_onr_core() {
    let all = all_codes();
    assert!(all.contains(&"internal.panic"));
    assert!(all.contains(&"internal.callback"));
}

/// The codes in the named columns of a vector file (lists separated by commas or spaces).
fn vector_codes(file: &str, columns: &[&str]) -> Vec<String> {
    let (_, text) = common::vectors(file, "ONR_NO_OVERRIDE");
    let mut rows = common::rows(&text);
    let header = rows.next().expect("a header line");
    let idx: Vec<usize> = columns
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h == c)
                .unwrap_or_else(|| panic!("{file}: no column {c}"))
        })
        .collect();
    let mut out = Vec::new();
    for row in rows {
        for &i in &idx {
            let cell = row.get(i).copied().unwrap_or_default();
            out.extend(
                cell.split([',', ' '])
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    out
}

#[test]
fn every_code_the_vectors_expect_is_defined() {
    let all: HashSet<&str> = all_codes().into_iter().collect();
    let mut seen = 0;
    for (file, columns) in [
        ("hetu_codes.tsv", &["code", "warnings"][..]),
        ("oid.tsv", &["code", "lenient_code"][..]),
        ("learners_check.tsv", &["warnings"][..]),
        ("link_table_bad_rows.tsv", &["code"][..]),
    ] {
        for code in vector_codes(file, columns) {
            assert!(
                all.contains(code.as_str()),
                "{file}: {code} is not an onr-core code"
            );
            seen += 1;
        }
    }
    // The lint codes of the import vectors (`warnings` lists).
    let (_, json) = common::vectors("import_onr.json", "ONR_NO_OVERRIDE");
    for quoted in json.split('"').filter(|s| s.starts_with("import.lint.")) {
        assert!(
            all.contains(quoted),
            "import_onr.json: {quoted} is not an onr-core code"
        );
        seen += 1;
    }
    assert!(seen > 100, "only {seen} codes found in the vectors");
}
