//! One input policy for every command (onr-core's `input` module), run through the binary:
//! unclosed quotes, line numbers, BOMs, encodings, repeated columns, extra cells, TSV output.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;

fn onr() -> Command {
    Command::cargo_bin("onr").unwrap()
}

fn file(suffix: &str, content: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(suffix).tempfile().unwrap();
    f.write_all(content).unwrap();
    f
}

const HEADER: &str = "tunniste,hetu,etunimet,kutsumanimi,sukunimi\n";

#[test]
fn check_refuses_an_unclosed_quote_naming_its_line() {
    // Row 2 (line 3) opens a quote that never closes; 998 rows follow.
    let mut text =
        format!("{HEADER}A,131052-308T,Aino,Aino,Virtanen\nB,\"131052-308T,Eino,Eino,Virtanen\n");
    for i in 0..998 {
        text.push_str(&format!("R{i},,Anna,Anna,Virtanen\n"));
    }
    let f = file(".csv", text.as_bytes());
    onr()
        .args(["check", "--format", "json"])
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 3: a quote opens a cell here and never closes",
        ));
}

#[test]
fn check_line_numbers_with_crlf_and_blank_lines() {
    let text = "tunniste,etunimet,kutsumanimi,sukunimi\r\nA,Aino,Aino,Virtanen\r\n\r\nB,Eino,Eino,Virtanen\r\n";
    let f = file(".csv", text.as_bytes());
    let out = onr()
        .args(["check", "--format", "json"])
        .arg(f.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let lines: Vec<u64> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 4], "{stdout}");
}

#[test]
fn check_reads_bom_json_and_windows_1252_csv_or_refuses_it() {
    let json = b"\xEF\xBB\xBF{\"henkilot\": [{\"tunniste\": \"1\", \"henkilo\": {\"hetu\": \"131052-308T\", \"etunimet\": \"Anna\", \"kutsumanimi\": \"Anna\", \"sukunimi\": \"Virtanen\"}}]}";
    let f = file(".json", json);
    onr()
        .arg("check")
        .arg(f.path())
        .assert()
        .code(predicate::ne(2));
    let csv = b"tunniste,hetu,etunimet,kutsumanimi,sukunimi\nA,131052-308T,J\xe4nis,J\xe4nis,M\xe4kel\xe4\n";
    let f = file(".csv", csv);
    onr()
        .arg("check")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 2: the file is not UTF-8 text: it looks like Windows-1252",
        ));
    onr()
        .args(["check", "--format", "json", "--encoding", "windows-1252"])
        .arg(f.path())
        .assert()
        .code(predicate::ne(2))
        .stdout(predicate::str::contains("not UTF-8").not());
}

#[test]
fn check_empty_file_directory_and_extra_cells() {
    let f = file(".csv", b"");
    onr()
        .arg("check")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty file"));
    let dir = tempfile::tempdir().unwrap();
    onr()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(dir.path().display().to_string()));
    let f = file(
        ".csv",
        format!("{HEADER}A,131052-308T,Aino,Aino,Virtanen,extra\n").as_bytes(),
    );
    onr()
        .arg("check")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 2 has 6 cells, the header has 5",
        ))
        .stderr(predicate::str::contains("JSON").not());
}

#[test]
fn duplicates_refuses_repeated_columns_and_unclosed_quotes() {
    let f = file(
        ".csv",
        b"id,etunimet,kutsumanimi,sukunimi,syntymaaika,etunimet\n1,A,A,B,,C\n",
    );
    onr()
        .arg("duplicates")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the column `etunimet` appears twice",
        ));
    let f = file(
        ".csv",
        b"id,etunimet,kutsumanimi,sukunimi,syntymaaika\n1,Anna,Anna,Virtanen,\n2,\"Anna,Anna,Virtanen,\n3,Anna,Anna,Virtanen,\n",
    );
    onr()
        .arg("duplicates")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 3: a quote opens"));
}

#[test]
fn line_commands_drop_a_bom_and_refuse_what_they_cannot_read() {
    onr()
        .args(["hetu", "validate", "--today", "2026-11-22"])
        .write_stdin("\u{feff}131052-308T\n")
        .assert()
        .success()
        .stdout("valid\t\t1952-10-13\t2\t\n");
    // `hetu normalize` drops the BOM too (it used to keep it in its output).
    onr()
        .args(["hetu", "normalize"])
        .write_stdin("\u{feff}131052-308t\n")
        .assert()
        .success()
        .stdout("131052-308T\tuppercased\n");
    onr()
        .args(["oid", "validate"])
        .write_stdin("\u{feff}1.2.246.562.24.10000000003\n")
        .assert()
        .stdout(predicate::str::starts_with("valid"));
    onr()
        .arg("similarity")
        .write_stdin(&b"anna\t\xe4nna\n"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1: the line is not UTF-8"));
    onr()
        .arg("similarity")
        .write_stdin("a\tb\tc\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 1: expected two strings separated by one tab",
        ));
}

#[test]
fn links_check_tsv_cannot_be_forged() {
    // A quoted OID holding a tab, a newline and NUL: the TSV keeps one line per violation.
    let f = file(
        ".csv",
        b"master_oid,slave_oid\n\"A\tinvented\nfake_violation\tX\x00\",\"A\tinvented\nfake_violation\tX\x00\"\n",
    );
    let out = onr()
        .args(["links", "check"])
        .arg(f.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert_eq!(
        stdout.lines().next().unwrap().split('\t').count(),
        3,
        "{stdout}"
    );
    assert!(
        stdout.contains("A\\tinvented\\nfake_violation\\tX\\0"),
        "{stdout}"
    );
}

#[test]
fn duplicates_reads_windows_1252_only_when_asked() {
    let f = file(
        ".csv",
        b"\xEF\xBB\xBFid,etunimet,kutsumanimi,sukunimi,syntymaaika\n1,J\xE4rvi,J\xE4rvi,M\xE4ki,\n2,J\xE4rvi,J\xE4rvi,M\xE4ki,\n",
    );
    // Without --encoding: refused as a whole, with onr-core's code and the hint.
    onr()
        .arg("duplicates")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 2: the file is not UTF-8 text",
        ))
        .stderr(predicate::str::contains("input.not_utf8"));
    // With it: the BOM-less header is read and the two rows pair up.
    onr()
        .args(["duplicates", "--encoding", "windows-1252"])
        .arg(f.path())
        .assert()
        .success()
        .stdout("id_a,id_b,similarity\n1,2,1\n");
    onr()
        .args(["duplicates", "--encoding", "ebcdic"])
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown encoding `ebcdic`"));
}

#[test]
fn links_check_reads_by_the_same_csv_policy() {
    // A BOM and CRLF are read; a file that is not UTF-8 is refused with the policy's code and
    // line (before, the CSV reader failed on it with its own words), an empty file likewise.
    let ok = file(
        ".csv",
        b"\xEF\xBB\xBFmaster_oid,slave_oid\r\n1.2.246.562.24.10000000003,1.2.246.562.24.10000000016\r\n",
    );
    onr()
        .args(["links", "check"])
        .arg(ok.path())
        .assert()
        .success()
        .stdout("");
    let latin = file(
        ".csv",
        b"master_oid,slave_oid,nimi\n1.2.246.562.24.10000000003,1.2.246.562.24.10000000016,J\xe4rvi\n",
    );
    onr()
        .args(["links", "check"])
        .arg(latin.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("line 2").and(predicate::str::contains("(input.not_utf8)")),
        );
    onr()
        .args(["links", "check"])
        .arg(file(".csv", b"").path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("(input.empty)"));
    let extra = file(
        ".csv",
        b"master_oid,slave_oid\n1.2.246.562.24.10000000003,1.2.246.562.24.10000000016,x\n",
    );
    onr()
        .args(["links", "check"])
        .arg(extra.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 2 has 3 cells, the header has 2 (input.csv.extra_cells)",
        ));
}
