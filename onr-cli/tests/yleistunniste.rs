//! `onr yleistunniste find|oid` against the test stand-in (scripted answers).

use assert_cmd::Command;
use onr_standin::{Reply, StandIn};

const SVC: &str = "/oppijanumerorekisteri-service";
const HETU: &str = "010101A900R";

fn onr() -> Command {
    let mut c = Command::cargo_bin("onr").unwrap();
    c.env("ONR_CAS_USERNAME", "svc")
        .env("ONR_CAS_PASSWORD", "secret-pw")
        .env_remove("ONR_OAUTH2_CLIENT_ID")
        .env_remove("ONR_OAUTH2_CLIENT_SECRET");
    c
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn find_gives_one_line_per_row_with_onrs_outcome_and_never_the_hetu() {
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "secret-pw")
        .route(
            "POST",
            &format!("{SVC}/yleistunniste/hae"),
            [
                Reply::json(200, r#"{"oid":"1.2.246.562.24.10000000003","oppijanumero":"1.2.246.562.24.10000000003"}"#),
                Reply::json(404, r#"{"status":404,"message":"Henkilöä ei löydy"}"#),
                Reply::json(409, r#"{"status":409,"message":"Nimet eivät täsmää hetulle 010101A900R"}"#),
                Reply::json(400, r#"{"message":"invalid","fieldErrors":[{"field":"hetu","code":"ValidateHetu","rejectedValue":"010101A900R"}]}"#),
            ],
        )
        .start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("persons.csv");
    // A BOM, CRLF line ends and a blank line: the input policy of every command.
    let row = |t: &str| format!("{t},{HETU},Aino Maria,Aino,Virtanen\r\n");
    std::fs::write(
        &file,
        format!(
            "\u{feff}tunniste,hetu,etunimet,kutsumanimi,sukunimi\r\n{}\r\n{}{}{}",
            row("a"),
            row("b"),
            row("c"),
            row("d")
        ),
    )
    .unwrap();
    let out = onr()
        .args(["yleistunniste", "find"])
        .arg(&file)
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .success();
    let stdout = out.get_output().stdout.clone();
    let text = String::from_utf8(stdout.clone()).unwrap();
    assert!(!text.contains("010101"), "{text}");
    let got = lines(&stdout);
    let outcomes: Vec<(u64, &str, &str)> = got
        .iter()
        .map(|v| {
            (
                v["line"].as_u64().unwrap(),
                v["tunniste"].as_str().unwrap(),
                v["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            (2, "a", "found"),
            (4, "b", "not_found"),
            (5, "c", "name_mismatch"),
            (6, "d", "rejected")
        ]
    );
    assert_eq!(got[0]["oid"], "1.2.246.562.24.10000000003");
    assert_eq!(got[3]["field_errors"][0]["code"], "ValidateHetu");
    let sent = s.requests_to("POST", &format!("{SVC}/yleistunniste/hae"));
    let body: serde_json::Value = serde_json::from_str(&sent[0].body).unwrap();
    assert_eq!(body["hetu"], HETU);
    assert_eq!(body["etunimet"], "Aino Maria");
}

#[test]
fn find_refuses_a_file_without_the_columns_before_calling_onr() {
    let s = StandIn::builder().cas("svc", "secret-pw").start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("persons.csv");
    std::fs::write(&file, "hetu,etunimet,sukunimi\n010101A900R,Aino,Virtanen\n").unwrap();
    onr()
        .args(["yleistunniste", "find"])
        .arg(&file)
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no column `kutsumanimi`"));
    assert!(s
        .requests_to("POST", &format!("{SVC}/yleistunniste/hae"))
        .is_empty());
}

#[test]
fn oid_reports_found_and_not_found_and_stops_on_a_failed_call() {
    let s = StandIn::builder()
        .cas("svc", "secret-pw")
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/hae/1.2.246.562.24.10000000003"),
            [Reply::json(
                200,
                r#"{"oid":"1.2.246.562.24.10000000003","oppijanumero":null,"passivoitu":false}"#,
            )],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/hae/1.2.246.562.24.99999999999"),
            [Reply::json(404, r#"{"status":404}"#)],
        )
        .start();
    let out = onr()
        .args([
            "yleistunniste",
            "oid",
            "1.2.246.562.24.10000000003",
            "1.2.246.562.24.99999999999",
        ])
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .success();
    let got = lines(&out.get_output().stdout);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["found"], true);
    assert_eq!(got[0]["oid"], "1.2.246.562.24.10000000003");
    assert_eq!(
        got[1],
        serde_json::json!({"oid": "1.2.246.562.24.99999999999", "found": false})
    );
    // No route for this OID: the stand-in answers 404 for unknown paths, so script a 500.
    let s = StandIn::builder()
        .cas("svc", "secret-pw")
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/hae/1.2.246.562.24.10000000003"),
            [
                Reply::text(500, "oops"),
                Reply::text(500, "oops"),
                Reply::text(500, "oops"),
                Reply::text(500, "oops"),
            ],
        )
        .start();
    onr()
        .args([
            "yleistunniste",
            "oid",
            "1.2.246.562.24.10000000003",
            "--timeout",
            "5",
        ])
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("client.http"));
}
