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
fn find_reads_a_semicolon_file_as_onr_check_does() {
    // The delimiter of the header line (onr_core::input::sniff_delimiter): a `;` file, as
    // spreadsheets write it in Finland, is read, not refused for a missing column.
    let s = StandIn::builder()
        .cas("svc", "secret-pw")
        .route(
            "POST",
            &format!("{SVC}/yleistunniste/hae"),
            [Reply::json(
                404,
                r#"{"status":404,"message":"Henkilöä ei löydy"}"#,
            )],
        )
        .start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("persons.csv");
    std::fs::write(
        &file,
        format!(
            "tunniste;hetu;etunimet;kutsumanimi;sukunimi\nx1;{HETU};Aino Maria;Aino;Virtanen\n"
        ),
    )
    .unwrap();
    let out = onr()
        .args(["yleistunniste", "find"])
        .arg(&file)
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .success();
    let got = lines(&out.get_output().stdout);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["tunniste"], "x1");
    assert_eq!(got[0]["line"], 2);
    let sent = s.requests_to("POST", &format!("{SVC}/yleistunniste/hae"));
    assert_eq!(sent.len(), 1);
    assert!(sent[0].body.contains("Aino Maria"), "{}", sent[0].body);
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

fn status(id: i64, total: i64, done: i64) -> Reply {
    Reply::json(
        200,
        format!(
            r#"{{"id":{id},"kasiteltavia":{total},"kasiteltyja":{done},"kasitelty":{}}}"#,
            done == total
        ),
    )
}

#[test]
fn send_follows_a_stalled_batch_to_the_end_and_prints_one_report_without_a_hetu() {
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "secret-pw")
        .route("PUT", &format!("{SVC}/yleistunniste"), [status(12, 2, 0)])
        .handler(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=12/perustiedot"),
            |_, all| {
                let restarted = all
                    .iter()
                    .any(|r| r.method == "POST" && r.path().ends_with("/tuonti=12"));
                status(12, 2, if restarted { 2 } else { 1 })
            },
        )
        .route("POST", &format!("{SVC}/yleistunniste/tuonti=12"), [status(12, 2, 1)])
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=12"),
            [Reply::json(
                200,
                r#"{"id":12,"kasiteltavia":2,"kasiteltyja":2,"kasitelty":true,"henkilot":[
                {"tunniste":"a","henkilo":{"oid":"1.2.246.562.24.10000000003","oppijanumero":"1.2.246.562.24.10000000003","passivoitu":false,"linked":[]}},
                {"tunniste":"b","henkilo":{"oid":"1.2.246.562.24.20000000008","oppijanumero":null,"passivoitu":false},"conflict":true}]}"#,
            )],
        )
        .start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.csv");
    std::fs::write(
        &file,
        format!("\u{feff}tunniste,hetu,etunimet,kutsumanimi,sukunimi\r\na,{HETU},Aino Maria,Aino,Virtanen\r\nb,020202A900E,Eino,Eino,Lahtinen\r\n"),
    )
    .unwrap();
    // One row processed, then no progress until the client restarts the batch.
    let out = onr()
        .args(["yleistunniste", "send"])
        .arg(&file)
        .args([
            "--base-url",
            &s.base_url(),
            "--caller-id",
            "cli",
            "--sahkoposti",
            "kirjaamo@example.fi",
        ])
        .args(["--stall-after", "1"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        !text.contains("010101") && !text.contains("020202"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["sent"], 2);
    assert_eq!(v["chunks"][0]["id"], 12);
    assert_eq!(v["chunks"][0]["status"]["kasitelty"], true);
    assert_eq!(v["chunks"][0]["results"][1]["conflict"], true);
    assert_eq!(
        v["chunks"][0]["results"][0]["henkilo"]["oppijanumero"],
        "1.2.246.562.24.10000000003"
    );
    let put = &s.requests_to("PUT", &format!("{SVC}/yleistunniste"))[0];
    let body: serde_json::Value = serde_json::from_str(&put.body).unwrap();
    assert_eq!(body["sahkoposti"], "kirjaamo@example.fi");
    assert_eq!(body["henkilot"][1]["henkilo"]["hetu"], "020202A900E");
    assert_eq!(
        s.requests_to("PUT", &format!("{SVC}/yleistunniste")).len(),
        1
    );
    assert_eq!(v["chunks"][0]["restarted"], true);
    assert_eq!(
        s.requests_to("POST", &format!("{SVC}/yleistunniste/tuonti=12"))
            .len(),
        1
    );
}

#[test]
fn send_refuses_a_batch_onr_would_refuse_and_status_and_results_read_by_id() {
    let s = StandIn::builder()
        .cas("svc", "secret-pw")
        .route("GET", &format!("{SVC}/yleistunniste/tuonti=3/perustiedot"), [status(3, 1, 1)])
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=3"),
            [Reply::json(200, r#"{"id":3,"kasiteltavia":1,"kasiteltyja":1,"kasitelty":true,"henkilot":[{"tunniste":"a","henkilo":{"oid":"1.2.246.562.24.10000000003","oppijanumero":null,"passivoitu":false}}]}"#)],
        )
        .start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.json");
    std::fs::write(
        &file,
        r#"{"henkilot":[{"tunniste":"a","henkilo":{"hetu":"010101A900X","etunimet":"Aino","kutsumanimi":"Aino","sukunimi":"Virtanen"}}]}"#,
    )
    .unwrap();
    let out = onr()
        .args(["yleistunniste", "send"])
        .arg(&file)
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!text.contains("010101"), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["sent"], false);
    assert_eq!(
        v["reasons"][0],
        "henkilot[0].henkilo.hetu: existence_check.hetu"
    );
    assert!(s
        .requests_to("PUT", &format!("{SVC}/yleistunniste"))
        .is_empty());

    let out = onr()
        .args(["yleistunniste", "status", "3"])
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["kasitelty"], true);
    let out = onr()
        .args(["yleistunniste", "results", "3"])
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        v["henkilot"][0]["henkilo"]["oid"],
        "1.2.246.562.24.10000000003"
    );
}
