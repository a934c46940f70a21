//! `onr similarity --metric jaro-winkler`, run for real against Lucene's own printed values.
//!
//! Every pair of `tests/vectors/jaro_winkler.tsv` (or of the file named by `LUCENE_JW_VECTORS`)
//! goes through the binary in one run; each output line must be Java's `Float.toString` of
//! Lucene's value, character for character, and the verdict.

use assert_cmd::Command;

// The vector readers of onr-core's integration tests (the same files, the same escapes).
#[path = "../../onr-core/tests/common/mod.rs"]
mod common;
use common::{rows, unescape, vectors};

fn onr() -> Command {
    Command::cargo_bin("onr").unwrap()
}

#[test]
fn every_fixture_pair_prints_as_java_prints_lucenes_value() {
    let (_, text) = vectors("jaro_winkler.tsv", "LUCENE_JW_VECTORS");
    let mut input = String::new();
    let mut expected = Vec::new();
    for cols in rows(&text) {
        input.push_str(&format!("{}\t{}\n", unescape(cols[0]), unescape(cols[1])));
        let verdict = if cols[3] == "true" { 1 } else { 0 };
        expected.push((cols.join("\t"), format!("{}\t{verdict}", cols[2])));
    }
    let output = onr()
        .args(["similarity", "--metric", "jaro-winkler"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let got: Vec<&str> = stdout.lines().collect();
    assert_eq!(got.len(), expected.len());
    let mismatches: Vec<String> = expected
        .iter()
        .zip(&got)
        .filter(|((_, want), got)| want != *got)
        .map(|((line, want), got)| format!("{line}: want {want:?}, got {got:?}"))
        .collect();
    println!(
        "{} lines checked, {} differ",
        expected.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{}",
        mismatches[..mismatches.len().min(20)].join("\n")
    );
}

#[test]
fn normalize_option_compares_onr_comparison_forms() {
    onr()
        .args(["similarity", "--metric", "jaro-winkler", "--normalize"])
        .write_stdin("Äyrämö\tayramo\nŁukasz\tLukasz\r\nMikko\tMika\n")
        .assert()
        .success()
        .stdout("1.0\t1\n1.0\t1\n0.8483333\t0\n");
}

#[test]
fn raw_comparison_is_the_default() {
    onr()
        .args(["similarity", "--metric", "jaro-winkler"])
        .write_stdin("Äyrämö\tayramo\nhanna\tahnn\n\t\n")
        .assert()
        .success()
        .stdout("0.6666667\t0\n0.84999996\t0\n0.0\t0\n");
}

#[test]
fn a_line_without_a_tab_is_unusable_input() {
    onr()
        .args(["similarity", "--metric", "jaro-winkler"])
        .write_stdin("a\ta\nno tab here\n")
        .assert()
        .code(2)
        .stdout("1.0\t1\n")
        .stderr(predicates::str::contains("line 2"));
}

#[test]
fn invalid_utf8_is_unusable_input() {
    // One input policy for every command (onr-core's `input`): a line that is not UTF-8 is
    // refused with its number, as `onr hetu validate` reports it, never replaced silently.
    onr()
        .args(["similarity", "--metric", "jaro-winkler"])
        .write_stdin(b"a\ta\n\xff\t\xef\xbf\xbd\n".to_vec())
        .assert()
        .code(2)
        .stdout("1.0\t1\n")
        .stderr(predicates::str::contains("line 2: the line is not UTF-8"));
}
