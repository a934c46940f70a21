//! The `onr` binary, run for real.

use assert_cmd::Command;
use predicates::prelude::*;

fn onr() -> Command {
    Command::cargo_bin("onr").unwrap()
}

#[test]
fn hetu_validate_keeps_order_and_every_character_but_the_line_break() {
    let input =
        "131052-308T\n131052-308X\n 131052-308T\n010594Y9032\r\n310490-123D\n\n010190-１２３M\n";
    onr()
        .args(["hetu", "validate", "--today", "2026-11-22"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(
            "valid\t\t1952-10-13\t2\t\n\
             invalid\thetu.checksum\t\t\t\n\
             invalid\thetu.length\t\t\t\n\
             invalid\thetu.temporary\t\t\t\n\
             valid\t\t1990-04-30\t1\thetu.warning.date_clamped\n\
             invalid\thetu.empty\t\t\t\n\
             valid\t\t1990-01-01\t1\thetu.warning.non_ascii_digit\n",
        );
}

#[test]
fn hetu_validate_environment_and_strict() {
    onr()
        .args(["hetu", "validate", "--env", "test"])
        .write_stdin("010594Y9032\n")
        .assert()
        .success()
        .stdout("valid\t\t1994-05-01\t1\t\n");
    onr()
        .args(["hetu", "validate", "--strict"])
        .write_stdin("310490-123D\n")
        .assert()
        .success()
        .stdout("invalid\thetu.date\t\t\t\n");
}

#[test]
fn invalid_utf8_line_is_reported_not_dropped() {
    onr()
        .args(["hetu", "validate"])
        .write_stdin(&b"131052-308T\n\xff\xfe\n131052-308T\n"[..])
        .assert()
        .success()
        .stdout(
            "valid\t\t1952-10-13\t2\t\ninvalid\tinput.not_utf8\t\t\t\nvalid\t\t1952-10-13\t2\t\n",
        );
}

#[test]
fn hetu_validate_json_lines() {
    let out = onr()
        .args(["hetu", "validate", "--format", "json"])
        .write_stdin("131052-308X\n")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["code"], "hetu.checksum");
    assert_eq!(v["position"], 10);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("131052"));
}

#[test]
fn oid_validate() {
    onr()
        .args(["oid", "validate"])
        .write_stdin("1.2.246.562.24.25909319372\n1.2.246.562.24.25909319373\noid1\n1.2.246.562.10.00000000001\n")
        .assert()
        .success()
        .stdout("valid\t\t24\ninvalid\toid.checksum\t\ninvalid\toid.root\t\ninvalid\toid.leading_zero\t\n");
    onr()
        .args(["oid", "validate", "--lenient"])
        .write_stdin("1.2.246.562.10.00000000001\n")
        .assert()
        .success()
        .stdout("valid\t\t10\n");
}

#[test]
fn generate_is_deterministic() {
    let a = onr()
        .args([
            "hetu",
            "generate",
            "2001-02-03",
            "--count",
            "3",
            "--seed",
            "9",
        ])
        .output()
        .unwrap();
    let b = onr()
        .args([
            "hetu",
            "generate",
            "2001-02-03",
            "--count",
            "3",
            "--seed",
            "9",
        ])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8(a.stdout).unwrap();
    assert_eq!(text.lines().count(), 3);
    onr()
        .args(["hetu", "validate", "--env", "test"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("valid\t\t2001-02-03"));
}

#[test]
fn normalize_and_suggest() {
    onr()
        .args(["hetu", "normalize"])
        .write_stdin(" 131052–308t\n")
        .assert()
        .success()
        .stdout("131052-308T\ttrimmed,dash_replaced,uppercased\n");
    onr()
        .args(["hetu", "suggest", "--max", "1"])
        .write_stdin("131052-3O8T\n")
        .assert()
        .success()
        .stdout("1\t131052-308T\tsubstitution@9\n");
}

#[test]
fn check_runs_on_the_bundled_example() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/learners.csv");
    onr()
        .args(["check", path])
        .assert()
        .success()
        .stdout(predicate::str::contains("summary:"));
}

#[test]
fn unusable_input_exits_2() {
    onr()
        .args(["check", "/nonexistent/file.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("onr: cannot open"));
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    onr()
        .args(["check", empty.to_str().unwrap()])
        .assert()
        .code(2);
    onr()
        .args(["hetu", "validate", "/nonexistent"])
        .assert()
        .code(2);
}
