//! `onr check`: the import check over JSON and CSV, run as the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn onr() -> Command {
    Command::cargo_bin("onr").unwrap()
}

fn example(name: &str) -> String {
    format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn json_report(args: &[&str]) -> Value {
    let out = onr().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

#[test]
fn check_json_report_has_the_documented_contract() {
    let d = json_report(&["check", "--format", "json", &example("learners.csv")]);
    let rows = d["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 300);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["index"], i);
        assert!(r["verdict"] == "accepted" || r["verdict"] == "rejected");
        for e in r["errors"].as_array().unwrap() {
            assert!(e["field"]
                .as_str()
                .unwrap()
                .starts_with(&format!("henkilot[{i}]")));
            assert!(e["key"].is_string());
            assert!(e.get("message").is_some());
        }
        for w in r["warnings"].as_array().unwrap() {
            assert!(w["code"].as_str().unwrap().starts_with("import.lint."));
            assert!(w["message"].is_string());
        }
        assert!(r["action"]["kind"].is_string());
        assert_eq!(
            r["verdict"] == "rejected",
            !r["errors"].as_array().unwrap().is_empty()
        );
    }
    assert!(d["batch_errors"].as_array().unwrap().is_empty());
    let s = &d["summary"];
    assert_eq!(s["rows"], 300);
    assert_eq!(
        s["accepted"].as_u64().unwrap() + s["rejected"].as_u64().unwrap(),
        300
    );
}

#[test]
fn check_json_input_every_rule_of_the_example_batch() {
    let d = json_report(&[
        "check",
        "--env",
        "test",
        "--format",
        "json",
        &example("batch.json"),
    ]);
    let rows = d["rows"].as_array().unwrap();
    let keys = |i: usize| -> Vec<String> {
        rows[i]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["key"].as_str().unwrap().to_owned())
            .collect()
    };
    let lints = |i: usize| -> Vec<String> {
        rows[i]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(keys(1), ["invalid.aidinkieli"]);
    assert_eq!(lints(2), ["import.lint.empty_hetu"]);
    assert_eq!(rows[3]["action"]["kind"], "same_as_row");
    assert_eq!(rows[3]["action"]["row"], 2);
    assert_eq!(keys(4), ["hetu.required.for.finnish"]);
    assert_eq!(rows[4]["errors"][0]["message"], Value::Null);
    assert_eq!(keys(9), ["ValidateAtLeastOneNotNull"]);
    assert_eq!(keys(11), ["HttpMessageNotReadableException"]);
    assert_eq!(keys(13), ["NullPointerException"]);
    assert!(lints(15).contains(&"import.lint.same_person_other_identifiers".to_owned()));
    assert_eq!(d["summary"]["onr"]["status"], 400);
    assert_eq!(d["summary"]["onr"]["stage"], "deserialization");
}

#[test]
fn check_existing_persons_make_actions_certain() {
    let d = json_report(&[
        "check",
        "--env",
        "test",
        "--format",
        "json",
        "--existing",
        &example("existing.csv"),
        &example("batch.json"),
    ]);
    let rows = d["rows"].as_array().unwrap();
    assert_eq!(rows[0]["action"]["kind"], "match");
    assert_eq!(rows[0]["action"]["by"], "hetu");
    assert_eq!(rows[0]["action"]["oid"], "1.2.246.562.24.10000000003");
    assert_eq!(rows[2]["action"]["kind"], "create");
    assert_eq!(rows[16]["action"]["kind"], "match");
    assert_eq!(rows[10]["action"]["kind"], "match");
}

#[test]
fn check_csv_reports_every_line_with_its_number() {
    let d = json_report(&["check", "--format", "json", &example("rules.csv")]);
    let rows = d["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 12);
    assert_eq!(rows[11]["line"], 13);
    assert_eq!(rows[11]["tunniste"].as_str().unwrap_or("C-12"), "C-12");
    // A line with more cells than the header makes the file unusable (input policy), named
    // by its line: see tests/input_policy.rs.
}

#[test]
fn check_csv_empty_cells_as_empty_strings() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("b.csv");
    std::fs::write(
        &f,
        "hetu,etunimet,kutsumanimi,sukunimi,kansalaisuus\n,Aino,Aino,Virtanen,246\n",
    )
    .unwrap();
    let null = json_report(&["check", "--format", "json", f.to_str().unwrap()]);
    assert_eq!(
        null["rows"][0]["errors"][0]["key"],
        "ValidateAtLeastOneNotNull"
    );
    let empty = json_report(&[
        "check",
        "--format",
        "json",
        "--csv-empty",
        "empty-string",
        f.to_str().unwrap(),
    ]);
    assert_eq!(empty["rows"][0]["verdict"], "accepted");
    assert_eq!(
        empty["rows"][0]["warnings"][0]["code"],
        "import.lint.empty_hetu"
    );
}

#[test]
fn check_semicolon_csv_and_batch_email_option() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("b.csv");
    std::fs::write(
        &f,
        "passinumero;etunimet;kutsumanimi;sukunimi;kansalaisuus\nX1;Aino;Aino;Virtanen;752\n",
    )
    .unwrap();
    let d = json_report(&[
        "check",
        "--format",
        "json",
        "--sahkoposti",
        "makkara",
        f.to_str().unwrap(),
    ]);
    assert_eq!(d["rows"][0]["verdict"], "accepted");
    assert_eq!(d["batch_errors"][0]["key"], "Email");
    assert_eq!(d["summary"]["onr"]["status"], 400);
}

#[test]
fn check_text_report_in_finnish() {
    onr()
        .args([
            "check",
            "--env",
            "test",
            "--lang",
            "fi",
            &example("batch.json"),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("henkilötunnus"))
        .stdout(predicate::str::contains(
            "(testiympäristö, olemassa olevia henkilöitä ei annettu)",
        ))
        .stdout(predicate::str::contains(
            "rivi 16 (tunniste A-007): HYLÄTTY, mitään ei tuoda",
        ))
        .stdout(predicate::str::contains(
            "yhteenveto: 17 riviä, 9 hyväksytty, 8 hylätty",
        ))
        .stdout(predicate::str::contains("summary").not());
    onr()
        .args([
            "check",
            "--env",
            "test",
            "--lang",
            "sv",
            &example("batch.json"),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "rad 16 (tunniste A-007): AVVISAD, inget importeras",
        ))
        .stdout(predicate::str::contains("sammanfattning: 17 rader"))
        .stdout(predicate::str::contains("ONR svarar: 400"));
}

#[test]
fn check_reads_standard_input() {
    onr()
        .args(["check", "--format", "json", "-"])
        .write_stdin(r#"{"henkilot": []}"#)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"key\":\"NotEmpty\""));
}

#[test]
fn check_unusable_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"henkilot\": [\n{}").unwrap();
    onr()
        .args(["check", bad.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("line 2"));
    let arr = dir.path().join("arr.json");
    std::fs::write(&arr, "[]").unwrap();
    onr()
        .args(["check", arr.to_str().unwrap()])
        .assert()
        .code(2);
    let nocols = dir.path().join("x.csv");
    std::fs::write(&nocols, "a,b\n1,2\n").unwrap();
    onr()
        .args(["check", nocols.to_str().unwrap()])
        .assert()
        .code(2);
}

#[test]
fn check_existing_persons_as_onr_person_json() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("persons.json");
    std::fs::write(
        &f,
        r#"[{"oidHenkilo": "1.2.246.562.24.10000000003", "hetu": "140305A902U", "etunimet": "Aino Maria", "kutsumanimi": "Aino", "sukunimi": "Virtanen",
            "identifications": [{"idpEntityId": "email", "identifier": "kalle@kotiposti"}]}]"#,
    )
    .unwrap();
    let d = json_report(&[
        "check",
        "--env",
        "test",
        "--format",
        "json",
        "--existing",
        f.to_str().unwrap(),
        &example("batch.json"),
    ]);
    assert_eq!(d["rows"][0]["action"]["kind"], "match");
    assert_eq!(d["rows"][2]["action"]["kind"], "create");
}

const TWINS: &str = "tunniste,passinumero,etunimet,kutsumanimi,sukunimi,syntymaaika,kansalaisuus
T1,PA1,Aino Maria,Aino,Virtanen,2006-05-17,752
T2,PB2,Ville,Ville,Korhonen,2007-01-02,752
T3,PC3,Aino Marja,Aino,Virtanen,2006-05-17,752
T4,PA1,Aino Maria,Aino,Virtane,2006-05-17,752
";

#[test]
fn check_reports_likely_duplicates_inside_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("twins.csv");
    std::fs::write(&f, TWINS).unwrap();
    let d = json_report(&["check", "--format", "json", f.to_str().unwrap()]);
    // The rows stream before the whole batch is known: their warnings are unchanged.
    for r in d["rows"].as_array().unwrap() {
        assert_eq!(r["verdict"], "accepted");
        assert!(r["warnings"].as_array().unwrap().is_empty(), "{r}");
    }
    let s = &d["summary"];
    let got: Vec<(u64, u64)> = s["row_warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            assert_eq!(w["code"], "import.lint.likely_duplicate");
            assert!(w["similarity"].as_f64().unwrap() >= 0.5);
            (w["index"].as_u64().unwrap(), w["row"].as_u64().unwrap())
        })
        .collect();
    // Rows 0 and 3 share a passport: one person, not a duplicate.
    assert_eq!(got, [(0, 2), (2, 0), (2, 3), (3, 2)]);
    assert_eq!(s["warnings_by_code"]["import.lint.likely_duplicate"], 4);
    assert_eq!(s["with_warnings"], 3);

    onr()
        .args(["check", f.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "likely duplicates inside the batch: ONR's duplicate search will list each pair as duplicate candidates",
        ))
        // Each pair once, by line and tunniste; no "likely the same person".
        .stdout(predicate::str::contains(
            "\n  line 2 (tunniste T1) and line 4 (tunniste T3): names and birth date",
        ))
        .stdout(predicate::str::contains(
            "\n  line 4 (tunniste T3) and line 5 (tunniste T4): names and birth date",
        ))
        .stdout(predicate::str::contains("line 4 (tunniste T3) and line 2").not())
        .stdout(predicate::str::contains("likely the same person").not());
}

#[test]
fn check_lists_existing_duplicate_candidates_in_onr_order() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("twins.csv");
    std::fs::write(&f, TWINS).unwrap();
    let p = dir.path().join("persons.csv");
    std::fs::write(
        &p,
        "oid,hetu,etunimet,kutsumanimi,sukunimi,syntymaaika,passivoitu,duplicate
1.2.246.562.24.10000000003,,Aino,Aino,Virtanen,2006-05-17,false,false
1.2.246.562.24.10000000016,,Aino Maria,Aino,Virtanen,2006-05-17,false,false
1.2.246.562.24.10000000029,,Aino Maria,Aino,Virtanen,2006-05-17,true,false
1.2.246.562.24.10000000032,,Aino Maria,Aino,Virtanen,2006-05-17,false,true
",
    )
    .unwrap();
    let d = json_report(&[
        "check",
        "--format",
        "json",
        "--existing",
        p.to_str().unwrap(),
        f.to_str().unwrap(),
    ]);
    let w = &d["rows"][0]["warnings"][0];
    assert_eq!(w["code"], "import.lint.existing_duplicates");
    let oids: Vec<&str> = w["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["oid"].as_str().unwrap())
        .collect();
    // Most similar first; the passivated and the duplicate person are never candidates.
    assert_eq!(
        oids,
        ["1.2.246.562.24.10000000016", "1.2.246.562.24.10000000003"]
    );
    assert_eq!(w["candidates"][0]["similarity"], 1.0);
    assert!(d["rows"][1]["warnings"].as_array().unwrap().is_empty());
    onr()
        .args([
            "check",
            "--existing",
            p.to_str().unwrap(),
            f.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("import.lint.existing_duplicates"))
        .stdout(predicate::str::contains("1.2.246.562.24.10000000016 (1)"));
}

#[test]
fn check_example_learners_have_two_likely_duplicates() {
    let d = json_report(&["check", "--format", "json", &example("learners.csv")]);
    let pairs: Vec<(u64, u64)> = d["summary"]["row_warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "import.lint.likely_duplicate")
        .map(|w| (w["index"].as_u64().unwrap(), w["row"].as_u64().unwrap()))
        .collect();
    // S00120 is S00016 again without the accents, S00240 is S00017 with one first name
    // (scripts/gen-examples.py, DUPLICATE_OF).
    for pair in [(15, 119), (119, 15), (16, 239), (239, 16)] {
        assert!(pairs.contains(&pair), "{pair:?} not in {pairs:?}");
    }
}

#[test]
fn check_reports_onr_answer_and_what_comes_later() {
    // Two unreadable values and a bean error in one row, an unreadable value in a later row:
    // ONR names only the first value of the first row.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("b.json");
    std::fs::write(
        &f,
        r#"{"henkilot": [
  {"henkilo": {"syntymaaika": "2005-03-14T00:00:00", "kansalaisuus": ["246"],
   "passinumero": "X1", "etunimet": "", "kutsumanimi": "A", "sukunimi": "B"}},
  {"conflict": true, "henkilo": {"syntymaaika": 20050314}}
]}"#,
    )
    .unwrap();
    let path = f.to_str().unwrap();
    let d = json_report(&["check", "--format", "json", path]);
    let row = &d["rows"][0];
    assert_eq!(row["errors"].as_array().unwrap().len(), 1);
    assert_eq!(row["errors"][0]["field"], "henkilot[0].henkilo.syntymaaika");
    assert_eq!(
        row["errors"][0]["message"],
        "JSON parse error: Text '2005-03-14T00:00:00' could not be parsed, unparsed text found at index 10"
    );
    let later: Vec<(&str, &str)> = row["later"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["stage"].as_str().unwrap()))
        .collect();
    assert_eq!(
        later,
        [
            ("henkilot[0].henkilo.kansalaisuus[0]", "deserialization"),
            ("henkilot[0].henkilo.etunimet", "bean_validation"),
        ]
    );
    let answer = d["summary"]["answer"].as_array().unwrap();
    assert_eq!(answer.len(), 1);
    assert_eq!(answer[0]["field"], "henkilot[0].henkilo.syntymaaika");
    assert_eq!(d["summary"]["onr"]["stage"], "deserialization");
    assert_eq!(
        d["rows"][1]["warnings"][0]["code"],
        "import.lint.sent_conflict"
    );
    onr()
        .args(["check", path])
        .assert()
        .stdout(predicate::str::contains(
            "later    henkilot[0].henkilo.etunimet  NotEmpty  [bean_validation]",
        ));
}

#[test]
fn check_kutsumanimi_rule_names_are_onr_cores() {
    // "Anna Maria" as kutsumanimi passes ONR's service rule (equal to etunimet) but not the
    // existence check's rule (one of the first names); both spellings of that rule's name,
    // and only onr-core's names, are taken.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.csv");
    std::fs::write(
        &path,
        "tunniste,passinumero,etunimet,kutsumanimi,sukunimi,syntymaaika\n\
         T1,P1234567,Anna Maria,Anna Maria,Virtanen,2001-01-01\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let lints = |rule: &str| -> usize {
        let d = json_report(&[
            "check",
            "--format",
            "json",
            "--kutsumanimi-rule",
            rule,
            file,
        ]);
        d["rows"][0]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["code"] == "import.lint.kutsumanimi_not_in_etunimet")
            .count()
    };
    assert_eq!(lints("service"), 0);
    assert_eq!(lints("existence-check"), 1);
    assert_eq!(lints("existence_check"), 1);
    onr()
        .args(["check", "--kutsumanimi-rule", "strict", file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown kutsumanimi rule"));
}

/// The shared existing-persons fixture (`tests/existing/`, read by the Python and Java suites
/// too): its CSV and JSON forms give the same report, with matches and duplicate candidates.
#[test]
fn check_existing_fixture_csv_and_json_give_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch.csv");
    std::fs::write(
        &batch,
        "tunniste;hetu;passinumero;etunimet;kutsumanimi;sukunimi;syntymaaika;kansalaisuus\n\
         S1;140305A902U;;Aino Maria;Aino;Virtanen;;246\n\
         S2;;XK0000000;Aino Marja;Aino;Virtanen;2005-03-14;752\n",
    )
    .unwrap();
    let fixture = |name: &str| format!("{}/../tests/existing/{name}", env!("CARGO_MANIFEST_DIR"));
    let report = |existing: &str| {
        json_report(&[
            "check",
            "--env",
            "test",
            "--format",
            "json",
            "--existing",
            existing,
            batch.to_str().unwrap(),
        ])
    };
    let from_csv = report(&fixture("persons.csv"));
    assert_eq!(from_csv, report(&fixture("persons.json")));
    assert_eq!(from_csv["input"]["existing_persons"], 3);
    assert_eq!(from_csv["rows"][0]["action"]["kind"], "match");
    let w = &from_csv["rows"][1]["warnings"][0];
    assert_eq!(w["code"], "import.lint.existing_duplicates");
    assert_eq!(w["candidates"][0]["oid"], "1.2.246.562.24.10000000003");
    // A bad existing file: the code and line, never the cell.
    let bad = dir.path().join("persons.csv");
    std::fs::write(
        &bad,
        "oid;etunimet;sukunimi;kutsumanimi;syntymaaika\n1.2.246.562.24.10000000003;Aino;Virtanen;Aino;140305A902U\n",
    )
    .unwrap();
    let out = onr()
        .args([
            "check",
            "--existing",
            bad.to_str().unwrap(),
            batch.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2: syntymaaika: not a date, expected YYYY-MM-DD (cell.date)"),
        "{stderr}"
    );
    assert!(!stderr.contains("140305A902U"), "{stderr}");
}

#[test]
fn check_csv_delimiter_must_be_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("b.csv");
    std::fs::write(
        &f,
        "tunniste;hetu;etunimet;kutsumanimi;sukunimi;kansalaisuus\nS1;131052-308T;Aino;Aino;Virtanen;246\n",
    )
    .unwrap();
    let d = json_report(&[
        "check",
        "--format",
        "json",
        "--delimiter",
        ";",
        f.to_str().unwrap(),
    ]);
    assert_eq!(d["rows"][0]["verdict"], "accepted");
    // U+00E9 and U+00A7 are one byte in Latin-1 but not ASCII: refused, not read as a byte;
    // the quote and a line break mean something else in CSV.
    for c in ["é", "§", "€", "\"", "\n"] {
        onr()
            .args(["check", "--delimiter", c])
            .arg(&f)
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicate::str::contains("input.csv.delimiter")
                    .and(predicate::str::contains("ASCII")),
            );
    }
}
