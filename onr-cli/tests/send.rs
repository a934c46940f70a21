//! `onr send`, `onr import` and `onr feed` against the test stand-in.

use assert_cmd::Command;
use onr_standin::{Reply, StandIn};

const SVC: &str = "/oppijanumerorekisteri-service";

fn onr(s: &StandIn) -> Command {
    let mut c = Command::cargo_bin("onr").unwrap();
    c.env("ONR_CAS_USERNAME", "svc")
        .env("ONR_CAS_PASSWORD", "secret-pw")
        .env_remove("ONR_OAUTH2_CLIENT_ID")
        .env_remove("ONR_OAUTH2_CLIENT_SECRET");
    let _ = s;
    c
}

fn status(id: i64, n: i64, done: i64) -> Reply {
    Reply::json(
        200,
        format!(
            r#"{{"id":{id},"kasiteltavia":{n},"kasiteltyja":{done},"kasitelty":{}}}"#,
            n == done
        ),
    )
}

fn standin() -> StandIn {
    StandIn::builder()
        .edge_checks()
        .cas("svc", "secret-pw")
        .route("PUT", &format!("{SVC}/oppija"), [Reply::json(200, r#"{"id":12,"kasiteltavia":1,"kasiteltyja":0,"kasitelty":false}"#)])
        .route("GET", &format!("{SVC}/oppija/tuonti=12/perustiedot"), [status(12, 1, 1)])
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=12"),
            [Reply::json(200, r#"{"id":12,"kasiteltavia":1,"kasiteltyja":1,"kasitelty":true,"henkilot":[{"tunniste":"t1","henkilo":{"oid":"1.2.246.562.24.10000000003","luotu":0},"conflict":true}]}"#)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/muuttuneet?muokattuJalkeen=2024-01-01T00%3A00%3A00Z&page=1&count=1000"),
            [Reply::json(200, r#"{"results":[{"oid":"S","master":{"oid":"M"}}]}"#)],
        )
        .start()
}

fn batch(dir: &tempfile::TempDir, hetu: &str) -> std::path::PathBuf {
    let p = dir.path().join("batch.csv");
    std::fs::write(&p, format!("tunniste,hetu,etunimet,kutsumanimi,sukunimi,kansalaisuus\nt1,{hetu},Aino Maria,Aino,Virtanen,246\n")).unwrap();
    p
}

#[test]
fn send_reports_the_import_and_the_audit() {
    let s = standin();
    let dir = tempfile::tempdir().unwrap();
    let file = batch(&dir, "010101A900R");
    let out = onr(&s)
        .arg("send")
        .arg(&file)
        .args(["--env", "qa", "--sahkoposti", "kirjaamo@example.fi"])
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("import 12: 1 rows, 1/1 processed"), "{text}");
    // Without known persons the check predicts "an existing person or a new one" and no
    // conflict prediction: ONR's answer (an existing person) matches it.
    assert!(
        text.contains("audit: ONR's result matches the prediction for every row"),
        "{text}"
    );
    assert!(!text.contains("010101A900R") && !text.contains("secret-pw"));
    let put = &s.requests_to("PUT", &format!("{SVC}/oppija"))[0];
    assert!(put.body.contains(r#""sahkoposti":"kirjaamo@example.fi""#));
    let out = onr(&s)
        .arg("send")
        .arg(&file)
        .args([
            "--format",
            "json",
            "--base-url",
            &s.base_url(),
            "--caller-id",
            "cli",
        ])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["chunks"][0]["id"], 12);
    assert_eq!(v["chunks"][0]["results"][0]["conflict"], true);
}

#[test]
fn send_refuses_json_whose_batch_fields_onr_cannot_read() {
    // `henkilot` and `sahkoposti` objects: ONR refuses the whole request (400), so
    // nothing is sent; the message names the field and never the value.
    let s = standin();
    let dir = tempfile::tempdir().unwrap();
    for (body, field) in [
        (
            r#"{"henkilot": {"henkilo": {"hetu": "010101A900R"}}}"#,
            "henkilot",
        ),
        (
            r#"{"sahkoposti": {"x": 12345}, "henkilot": []}"#,
            "sahkoposti",
        ),
    ] {
        let file = dir.path().join("batch.json");
        std::fs::write(&file, body).unwrap();
        let out = onr(&s)
            .arg("send")
            .arg(&file)
            .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
            .assert()
            .failure();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(
            err.contains(field) && err.contains("ONR refuses the whole request"),
            "{err}"
        );
        assert!(
            !err.contains("010101A900R") && !err.contains("12345"),
            "{err}"
        );
    }
    assert!(s.requests_to("PUT", &format!("{SVC}/oppija")).is_empty());
}

#[test]
fn send_refuses_a_batch_onr_would_refuse() {
    let s = standin();
    let dir = tempfile::tempdir().unwrap();
    let file = batch(&dir, "010101A900X");
    let out = onr(&s)
        .arg("send")
        .arg(&file)
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("not sent") && text.contains("ValidateHetu"),
        "{text}"
    );
    assert!(s.requests_to("PUT", &format!("{SVC}/oppija")).is_empty());
}

#[test]
fn import_status_and_resumable_feed() {
    let s = standin();
    let out = Command::cargo_bin("onr")
        .unwrap()
        .env("ONR_CAS_USERNAME", "svc")
        .env("ONR_CAS_PASSWORD", "secret-pw")
        .args([
            "import",
            "status",
            "12",
            "--base-url",
            &s.base_url(),
            "--caller-id",
            "cli",
        ])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains(r#""kasitelty":true"#));
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("feed.json");
    let out = Command::cargo_bin("onr")
        .unwrap()
        .env("ONR_CAS_USERNAME", "svc")
        .env("ONR_CAS_PASSWORD", "secret-pw")
        .args(["feed", "--since", "2024-01-01T00:00:00Z", "--state"])
        .arg(&state)
        .args(["--base-url", &s.base_url(), "--caller-id", "cli"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout).trim(),
        r#"{"oid":"S","master":"M","passivoitu":false}"#
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!(saved["page"], 1);
    assert_ne!(saved["since"], "2024-01-01T00:00:00Z");
}

#[test]
fn credentials_never_come_from_arguments_and_caller_id_is_checked() {
    let s = standin();
    Command::cargo_bin("onr")
        .unwrap()
        .env_remove("ONR_CAS_USERNAME")
        .env_remove("ONR_CAS_PASSWORD")
        .args([
            "import",
            "status",
            "1",
            "--base-url",
            &s.base_url(),
            "--caller-id",
            "cli",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("client.config"));
    Command::cargo_bin("onr")
        .unwrap()
        .env("ONR_CAS_USERNAME", "svc")
        .env("ONR_CAS_PASSWORD", "secret-pw")
        .args([
            "import",
            "status",
            "1",
            "--base-url",
            &s.base_url(),
            "--caller-id",
            "bad id",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("client.caller_id"));
}

#[test]
fn send_checks_with_the_koodisto_file_and_audits_against_the_existing_persons() {
    let s = standin();
    let dir = tempfile::tempdir().unwrap();
    // A mother tongue the bundled kieli list lacks: ONR (with the bundled lists) refuses it.
    let file = dir.path().join("batch.csv");
    std::fs::write(&file, "tunniste,hetu,etunimet,kutsumanimi,sukunimi,kansalaisuus,aidinkieli\nt1,010101A900R,Aino Maria,Aino,Virtanen,246,QQ\n").unwrap();
    let base = ["--base-url", &s.base_url(), "--caller-id", "cli"];
    onr(&s).arg("send").arg(&file).args(base).assert().code(1);
    assert!(s.requests_to("PUT", &format!("{SVC}/oppija")).is_empty());
    let koodisto = dir.path().join("koodisto.json");
    std::fs::write(
        &koodisto,
        r#"{"format":1,"fetched":"2026-12-02T17:00:00Z","source":"test","lists":{
        "sukupuoli":[{"koodi":"1"},{"koodi":"2"}],"kieli":[{"koodi":"FI"},{"koodi":"QQ"}],
        "maatjavaltiot2":[{"koodi":"246"}]}}"#,
    )
    .unwrap();
    // ONR has this hetu under another OID than the stand-in answers: the audit says so.
    let existing = dir.path().join("existing.csv");
    std::fs::write(&existing, "oid,hetu,hetu_history,passinumerot,sahkopostit,etunimet,sukunimi\n1.2.246.562.24.25909319372,010101A900R,,,,Aino Maria,Virtanen\n").unwrap();
    let out = onr(&s)
        .arg("send")
        .arg(&file)
        .arg("--koodisto")
        .arg(&koodisto)
        .arg("--existing")
        .arg(&existing)
        .args(["--format", "json"])
        .args(base)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["sent"], 1, "{v}");
    let codes: Vec<&str> = v["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"audit.other_person"), "{v}");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format":2}"#).unwrap();
    onr(&s)
        .arg("send")
        .arg(&file)
        .arg("--koodisto")
        .arg(&bad)
        .args(base)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("koodisto.file.format"));
}
