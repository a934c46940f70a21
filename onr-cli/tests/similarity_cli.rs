//! `onr similarity` and `onr duplicates` through the real binary.

use assert_cmd::Command;
use predicates::str::contains;

fn onr() -> Command {
    Command::cargo_bin("onr").expect("binary")
}

#[test]
fn similarity_lines() {
    onr()
        .arg("similarity")
        .write_stdin("eino ilmari urho kaleva eino testiainen 1911-11-11\tEino Eino Testiäinen 1911-11-11\nabc\tabd\n\t\nTestiäinen\tTestiainen\r\n")
        .assert()
        .success()
        .stdout("0.5365854\t1\n0.33333334\t0\n0\t0\n1\t1\n");
}

#[test]
fn similarity_raw_keeps_accents() {
    onr()
        .args(["similarity", "--raw"])
        .write_stdin("Ääkkönen\tAakkonen\n")
        .assert()
        .success()
        .stdout("0.125\t0\n");
}

#[test]
fn a_line_without_a_tab_is_unusable_input() {
    onr()
        .arg("similarity")
        .write_stdin("abc\tabd\nTestiäinen\n")
        .assert()
        .code(2)
        .stdout("0.33333334\t0\n")
        .stderr(contains(
            "onr: line 2: expected two strings separated by one tab",
        ));
}

#[test]
fn both_metrics_from_one_command() {
    onr()
        .args(["similarity", "--metric", "jaro-winkler"])
        .write_stdin("hanna\tahnn\nmartha\tmarhta\n")
        .assert()
        .success()
        .stdout("0.84999996\t0\n0.96111107\t1\n");
}

fn csv_file(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    std::io::Write::write_all(&mut f, text.as_bytes()).expect("write");
    f
}

const PERSONS: &str = "id,etunimet,kutsumanimi,sukunimi,syntymaaika,passivoitu\n\
    p1,Eino Ilmari Urho Kaleva,Eino,Testiäinen,1911-11-11,false\n\
    p2,Anna,Anna,Virtanen,2001-01-01,\n\
    p3,Eino,Eino,Testiäinen,1911-11-11,false\n\
    p4,Anna,Anna,Virtanen,2011-10-10,false\n\
    p5,Anna,Anna,Virtanen,2001-01-01,true\n";

#[test]
fn duplicates_csv() {
    let f = csv_file(PERSONS);
    let out = onr().arg("duplicates").arg(f.path()).assert().success();
    let out = out.stderr(contains("5 records (4 searchable), 2 duplicate pairs"));
    // The pairs are written as the search finds them, in no particular order.
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"id_a,id_b,similarity"));
    lines[1..].sort_unstable();
    assert_eq!(lines[1..], ["p1,p3,0.5365854", "p2,p4,0.5925926"]);
}

#[test]
fn duplicates_json_and_threshold() {
    let f = csv_file(PERSONS);
    onr()
        .args(["duplicates", "--format", "json", "--threshold", "0.55"])
        .arg(f.path())
        .assert()
        .success()
        .stdout("[\n{\"id_a\":\"p2\",\"id_b\":\"p4\",\"similarity\":0.5925926}\n]\n");
}

#[test]
fn duplicates_bad_input_exits_2() {
    let f = csv_file("id,etunimet,kutsumanimi,sukunimi,syntymaaika\n1,A,A,B,2001-13-01\n");
    onr()
        .arg("duplicates")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(contains(
            "line 2: syntymaaika: not a date, expected YYYY-MM-DD",
        ));
    let f = csv_file("id,etunimet\n1,A\n");
    onr()
        .arg("duplicates")
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(contains("no column"));
    let f = csv_file(PERSONS);
    onr()
        .args(["duplicates", "--threshold", "2"])
        .arg(f.path())
        .assert()
        .code(2);
    for c in ["é", "§"] {
        onr()
            .args(["duplicates", "--delimiter", c])
            .arg(f.path())
            .assert()
            .code(2)
            .stderr(contains("input.csv.delimiter"));
    }
}
