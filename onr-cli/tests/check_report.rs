//! `onr check`'s report: the default lists only the problem rows, `--all` every row; rows are
//! named by file line and `tunniste`; the JSON report holds at least what the text shows; the
//! exit status follows the one convention (0 ran, 1 `--fail-on` findings, 2 unusable input).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn onr() -> Command {
    Command::cargo_bin("onr").unwrap()
}

fn example(name: &str) -> String {
    format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(args: &[&str]) -> String {
    let out = onr().args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn default_lists_problem_rows_and_all_lists_every_row() {
    let problems = stdout(&["check", &example("learners.csv")]);
    let all = stdout(&["check", "--all", &example("learners.csv")]);
    let rows = |text: &str| text.lines().filter(|l| l.starts_with("line ")).count();
    assert_eq!(rows(&all), 300);
    let listed = rows(&problems);
    assert!(listed > 0 && listed < 300, "{listed}");
    assert!(problems.contains(&format!("shown: {listed} of 300 rows")));
    assert!(!all.contains("shown:"));
    // Every listed row of the default report has an error or a warning under it.
    let lines: Vec<&str> = problems.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("line ") && !l.contains(" and line ") {
            assert!(lines[i + 1].starts_with("  "), "{l}");
        }
    }
    // Rows count from the file's lines: the first data row is line 2.
    assert!(all.contains("\nline 2 (tunniste S00001): "));
    assert!(!all.contains("row 0"));
}

#[test]
fn json_report_holds_what_the_text_shows() {
    let text = stdout(&["check", "--env", "test", &example("batch.json")]);
    let d: Value = serde_json::from_str(&stdout(&[
        "check",
        "--env",
        "test",
        "--format",
        "json",
        &example("batch.json"),
    ]))
    .unwrap();
    let row = d["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["tunniste"] == "A-007")
        .expect("the row with tunniste A-007");
    assert_eq!(row["line"], 16);
    let e = &row["errors"][0];
    assert_eq!(e["message"], "invalid.hetu");
    let explanation = e["explanation"].as_str().unwrap();
    assert!(explanation.contains("wrong check character, expected `9`, found `1`"));
    assert!(text.contains(explanation));
    assert!(text.contains(row["action"]["text"].as_str().unwrap()));
    // A warning that names another row says which row that is.
    let conflict = d["rows"][3]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "import.lint.name_conflict")
        .unwrap();
    assert_eq!(conflict["related"]["line"], 8);
    assert_eq!(conflict["related"]["tunniste"], "A-003");
    // The likely duplicates, each pair once, with lines and tunniste.
    let pairs = d["likely_duplicates"].as_array().unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0]["a"]["tunniste"], "A-015");
    assert_eq!(pairs[0]["b"]["tunniste"], "A-016");
    assert_eq!(d["input"]["existing_persons"], Value::Null);
}

#[test]
fn exit_status_follows_fail_on() {
    // ONR refuses batch.json (400).
    let batch = example("batch.json");
    onr().args(["check", &batch]).assert().code(0);
    onr()
        .args(["check", "--fail-on", "rejected", &batch])
        .assert()
        .code(1);
    onr()
        .args(["check", "--fail-on", "warning", "--format", "json", &batch])
        .assert()
        .code(1);
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.csv");
    std::fs::write(
        &clean,
        "tunniste,hetu,etunimet,kutsumanimi,sukunimi,sukupuoli,aidinkieli,kansalaisuus\n\
         S1,131052-308T,Aino Maria,Aino,Virtanen,2,FI,246\n",
    )
    .unwrap();
    for fail_on in ["never", "rejected", "warning"] {
        onr()
            .args(["check", "--fail-on", fail_on])
            .arg(&clean)
            .assert()
            .code(0);
    }
    // No rejected row, but ONR refuses the batch: a batch error (400), a null row (500).
    for (name, body) in [
        ("empty.json", r#"{"henkilot": []}"#),
        (
            "null_row.json",
            r#"{"henkilot": [{"tunniste": "S1", "henkilo": {"hetu": "131052-308T",
                "etunimet": "Aino", "kutsumanimi": "Aino", "sukunimi": "Virtanen",
                "kansalaisuus": [{"koodi": "246"}]}}, null]}"#,
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        onr().arg("check").arg(&path).assert().code(0);
        onr()
            .args(["check", "--fail-on", "rejected"])
            .arg(&path)
            .assert()
            .code(1);
    }
    // Warnings, but ONR accepts the batch: only `warning` fails.
    let warned = dir.path().join("warned.csv");
    std::fs::write(
        &warned,
        "tunniste,hetu,etunimet,kutsumanimi,sukunimi,sukupuoli,aidinkieli,kansalaisuus\n\
         S1,131052-308T,Aino Maria,Aino,Virtanen ,2,FI,246\n",
    )
    .unwrap();
    onr()
        .args(["check", "--fail-on", "rejected"])
        .arg(&warned)
        .assert()
        .code(0);
    onr()
        .args(["check", "--fail-on", "warning"])
        .arg(&warned)
        .assert()
        .code(1);
    // The validators: invalid lines fail only when asked.
    for (cmd, input) in [
        ("hetu", "131052-308T\n131052-308X\n"),
        ("oid", "1.2.246.562.24.25909319372\nx\n"),
    ] {
        onr()
            .args([cmd, "validate"])
            .write_stdin(input)
            .assert()
            .code(0);
        onr()
            .args([cmd, "validate", "--fail-on", "invalid"])
            .write_stdin(input)
            .assert()
            .code(1);
        onr()
            .args([cmd, "validate", "--fail-on", "invalid"])
            .write_stdin(input.lines().next().unwrap())
            .assert()
            .code(0);
    }
    // Unusable input is 2 whatever --fail-on says.
    onr()
        .args(["check", "--fail-on", "warning", "/nonexistent/file.csv"])
        .assert()
        .code(2);
}

#[test]
fn every_command_states_the_exit_status_in_its_help() {
    for cmd in [
        &["check"][..],
        &["duplicates"],
        &["similarity"],
        &["links", "check"],
        &["links", "resolve"],
        &["hetu", "validate"],
        &["hetu", "normalize"],
        &["hetu", "suggest"],
        &["hetu", "generate"],
        &["oid", "validate"],
        &["oid", "generate"],
    ] {
        onr()
            .args(cmd)
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Exit status: 0"));
    }
}
