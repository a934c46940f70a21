//! `onr links check` and `onr links resolve`, run for real.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;

fn onr() -> Command {
    Command::cargo_bin("onr").unwrap()
}

fn table(content: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(content.as_bytes()).unwrap();
    f
}

#[test]
fn check_consistent_table_exits_0_and_prints_nothing() {
    let t = table("master_oid,slave_oid\nM,S1\nM,S2\nN,T\n");
    onr()
        .args(["links", "check"])
        .arg(t.path())
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn a_semicolon_or_tab_table_is_read_by_its_header_line() {
    // onr_core::input::sniff_delimiter, as onr check reads a batch: the same violation found.
    for sep in [";", "\t"] {
        let t = table(&format!("master_oid{sep}slave_oid\nA{sep}A\n"));
        onr()
            .args(["links", "check"])
            .arg(t.path())
            .assert()
            .code(0)
            .stdout(predicate::str::contains("self_link\tA\tA"));
    }
}

#[test]
fn check_lists_every_violation_and_exits_1() {
    let t = table(
        "master_oid,slave_oid,master_passivoitu,slave_duplicate\n\
         A,A,,\n\
         M1,S,,true\n\
         M2,S,,\n\
         X,Y,,\n\
         Y,Z,,\n\
         P,Q,true,false\n\
         C1,C2,,\n\
         C2,C1,,\n",
    );
    // Violations are findings: exit 1 only when asked (`--fail-on violation`).
    onr()
        .args(["links", "check"])
        .arg(t.path())
        .assert()
        .code(0);
    onr()
        .args(["links", "check", "--fail-on", "violation"])
        .arg(t.path())
        .assert()
        .code(1)
        .stdout(
            "self_link\tA\tA is linked to itself\n\
             several_masters\tS M1 M2\tslave S has 2 masters: M1, M2\n\
             chain\tY X Z\tY is a slave of X and a master of Z\n\
             chain\tC1 C2 C2\tC1 is a slave of C2 and a master of C2\n\
             chain\tC2 C1 C1\tC2 is a slave of C1 and a master of C1\n\
             cycle\tC1 C2\tlink cycle through C1, C2\n\
             slave_not_duplicate\tQ\tslave Q is not flagged duplicate\n\
             master_passivated\tP\tmaster P is passivated\n",
        );
}

#[test]
fn check_json_lines() {
    let t = table("master_oid,slave_oid\nM1,S\nM2,S\n");
    onr()
        .args([
            "links",
            "check",
            "--format",
            "json",
            "--fail-on",
            "violation",
        ])
        .arg(t.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(r#""kind":"several_masters""#))
        .stdout(predicate::str::contains(r#""oids":["S","M1","M2"]"#));
}

#[test]
fn check_reads_standard_input() {
    onr()
        .args(["links", "check", "-"])
        .write_stdin("slave_oid,master_oid\nS,M\n")
        .assert()
        .code(0);
}

#[test]
fn unusable_input_exits_2() {
    let no_column = table("master,slave\nM,S\n");
    onr()
        .args(["links", "check"])
        .arg(no_column.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing column `master_oid`"));
    let bad_rows = table("master_oid,slave_oid,slave_duplicate\nM,,true\nM,S,perhaps\n");
    onr()
        .args(["links", "check"])
        .arg(bad_rows.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 2: empty `slave_oid`"))
        .stderr(predicate::str::contains(
            "line 3: `slave_duplicate` is not a boolean",
        ));
    onr()
        .args(["links", "check", "/nonexistent/links.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("onr: "));
    onr()
        .args(["links", "resolve"])
        .arg(no_column.path())
        .write_stdin("S\n")
        .assert()
        .code(2);
}

/// `tests/vectors/link_table_bad_rows.csv` (a blank row, two bad rows) gives what
/// `link_table_bad_rows.tsv` says, as Java's `LinkTableAgreementTest` checks too.
#[test]
fn blank_rows_are_skipped_and_every_bad_row_is_reported() {
    let vectors = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let csv = vectors.join("link_table_bad_rows.csv");
    let expected = std::fs::read_to_string(vectors.join("link_table_bad_rows.tsv")).unwrap();
    let expected: Vec<String> = expected
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let [line, code, message] = l.split('\t').collect::<Vec<_>>()[..] else {
                panic!("not line, code, message: {l}");
            };
            format!("onr: {} line {line}: {message} ({code})\n", csv.display())
        })
        .collect();
    assert_eq!(expected.len(), 2);
    let out = onr()
        .args(["links", "check"])
        .arg(&csv)
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    let reported: String = stderr
        .lines()
        .filter(|l| l.contains(" line "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(reported, expected.concat());
    assert!(stderr.contains("2 unusable row(s)"), "{stderr}");
    // Without the bad rows, the blank ones are simply skipped.
    let blank_only = table("master_oid,slave_oid\nM,S\n,\n \t, \nM1,T\n");
    onr()
        .args(["links", "check", "--fail-on", "violation"])
        .arg(blank_only.path())
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn bad_rows_before_a_broken_record_are_reported_with_it() {
    let t = table("master_oid,slave_oid\nM,\nM,S\n\"unclosed\n");
    onr()
        .args(["links", "check"])
        .arg(t.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 2: empty `slave_oid`"))
        .stderr(predicate::str::contains("input.csv.unclosed_quote"));
}

#[test]
fn resolve_prints_oid_and_master() {
    let t = table("master_oid,slave_oid\nM,S1\nM,S2\nM2,S2\n");
    onr()
        .args(["links", "resolve"])
        .arg(t.path())
        .write_stdin("S1\nM\n\nX\r\nS2\n")
        .assert()
        .code(0)
        .stdout("S1\tM\nM\tM\nX\tX\nS2\tM\n");
}

#[test]
fn resolve_needs_a_file() {
    onr()
        .args(["links", "resolve", "-"])
        .write_stdin("S\n")
        .assert()
        .code(2);
}
