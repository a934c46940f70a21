//! True/false and date cells are read by one rule (`onr_core::cell`) in every command that
//! reads them: `onr duplicates`, `onr check --existing` and the link tables.

use assert_cmd::Command;
use predicates::prelude::*;

fn onr() -> Command {
    Command::cargo_bin("onr").unwrap()
}

fn persons(passivoitu_a: &str, syntymaaika_b: &str) -> String {
    format!(
        "id,etunimet,kutsumanimi,sukunimi,syntymaaika,passivoitu,duplicate\n\
         A,Aino Maria,Aino,Virtanen,2005-03-14,{passivoitu_a},false\n\
         B,Aino Maria,Aino,Virtanen,{syntymaaika_b},FALSE,\n"
    )
}

fn duplicates(csv: &str) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("persons.csv");
    std::fs::write(&path, csv).unwrap();
    onr().arg("duplicates").arg(&path).assert()
}

#[test]
fn duplicates_reads_false_texts_as_false_and_true_texts_as_true() {
    for no in ["false", "FALSE", " f ", "0", "no", "ei", ""] {
        duplicates(&persons(no, "2005-03-14"))
            .success()
            .stdout(predicate::str::contains("A,B,1"));
    }
    for yes in ["true", "True", "t", "1", "yes", "kyllä"] {
        duplicates(&persons(yes, "2005-03-14"))
            .success()
            .stdout("id_a,id_b,similarity\n");
    }
}

#[test]
fn duplicates_reads_an_empty_birth_date_as_missing() {
    // A missing date leaves the date out of the search string: still similar, not 1.
    duplicates(&persons("false", ""))
        .success()
        .stdout(predicate::str::contains("A,B,0."));
}

#[test]
fn duplicates_refuses_a_cell_that_is_not_a_flag_or_date() {
    duplicates(&persons("maybe", "2005-03-14"))
        .code(2)
        .stderr(predicate::str::contains(
            "line 2: passivoitu: not a true/false value",
        ));
    duplicates(&persons("false", "14.3.2005"))
        .code(2)
        .stderr(predicate::str::contains("line 3: syntymaaika: not a date"));
}

#[test]
fn check_existing_reads_flags_by_the_same_rule() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("existing.csv");
    let header = "oid,hetu,etunimet,sukunimi,kutsumanimi,syntymaaika,passivoitu,duplicate\n";
    std::fs::write(
        &existing,
        format!(
            "{header}1.2.246.562.24.10000000003,,Aino Maria,Virtanen,Aino,2005-03-14,maybe,false\n"
        ),
    )
    .unwrap();
    onr()
        .args(["check", "../examples/rules.csv", "--existing"])
        .arg(&existing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 2: passivoitu: not a true/false value",
        ));
    // "FALSE" is false (not "any non-empty text is true"): the person stays a candidate.
    std::fs::write(
        &existing,
        format!(
            "{header}1.2.246.562.24.10000000003,,Aino Maria,Virtanen,Aino,2005-03-14,FALSE,0\n"
        ),
    )
    .unwrap();
    onr()
        .args([
            "check",
            "--format",
            "json",
            "../examples/rules.csv",
            "--existing",
        ])
        .arg(&existing)
        .assert()
        .success()
        .stdout(predicate::str::contains("1.2.246.562.24.10000000003"));
}
