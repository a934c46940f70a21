//! `onr koodisto update` from the test stand-in, then `onr check --koodisto`.

use assert_cmd::Command;
use onr_standin::{Reply, StandIn};
use serde_json::Value;

const KS: &str = "/koodisto-service/rest/json";

fn koodit(codes: &[&str]) -> Reply {
    let items: Vec<String> = codes
        .iter()
        .map(|c| format!(r#"{{"koodiUri":"x_{c}","versio":1,"koodiArvo":"{c}","tila":"HYVAKSYTTY","metadata":[{{"nimi":"n{c}","kieli":"FI"}}]}}"#))
        .collect();
    Reply::json(200, format!("[{}]", items.join(",")))
}

fn check(batch: &std::path::Path, koodisto: Option<&std::path::Path>) -> Value {
    let mut c = Command::cargo_bin("onr").unwrap();
    c.args(["check", "--env", "test", "--format", "json"]);
    if let Some(k) = koodisto {
        c.arg("--koodisto").arg(k);
    }
    let out = c.arg(batch).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn error_keys(report: &Value) -> Vec<String> {
    report["rows"][0]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn update_writes_a_file_that_check_uses() {
    let s = StandIn::builder()
        .edge_checks()
        .route(
            "GET",
            &format!("{KS}/sukupuoli/koodi"),
            [koodit(&["1", "2"])],
        )
        // `QQ` and `000` are not in the bundled lists.
        .route(
            "GET",
            &format!("{KS}/kieli/koodi"),
            [koodit(&["FI", "SV", "QQ"])],
        )
        .route(
            "GET",
            &format!("{KS}/maatjavaltiot2/koodi"),
            [koodit(&["246", "000"])],
        )
        .start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("koodisto.json");
    let out = Command::cargo_bin("onr")
        .unwrap()
        .args([
            "koodisto",
            "update",
            "--base-url",
            &s.base_url(),
            "--caller-id",
            "1.2.246.562.10.00000000001.test",
            "--out",
        ])
        .arg(&file)
        .env_remove("ONR_CAS_USERNAME")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("kieli: 3 codes; not in the bundled list: QQ"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(v["lists"]["kieli"][1]["koodi"], "QQ");

    let batch = dir.path().join("batch.json");
    std::fs::write(
        &batch,
        r#"{"henkilot":[{"tunniste":"t1","henkilo":{"passinumero":"P123","etunimet":"Aino","kutsumanimi":"Aino","sukunimi":"Virtanen","aidinkieli":{"koodi":"QQ"},"kansalaisuus":[{"koodi":"000"}]}}]}"#,
    )
    .unwrap();
    let bundled = check(&batch, None);
    let keys = error_keys(&bundled);
    assert!(keys.contains(&"invalid.aidinkieli".to_owned()), "{keys:?}");
    assert!(
        keys.contains(&"invalid.kansalaisuus".to_owned()),
        "{keys:?}"
    );
    let refreshed = check(&batch, Some(&file));
    assert_eq!(error_keys(&refreshed), Vec::<String>::new(), "{refreshed}");
    assert_eq!(refreshed["rows"][0]["verdict"], "accepted");
}

#[test]
fn a_bad_koodisto_file_is_a_usage_error_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("k.json");
    std::fs::write(&file, r#"{"format":9}"#).unwrap();
    let batch = dir.path().join("b.json");
    std::fs::write(&batch, r#"{"henkilot":[]}"#).unwrap();
    let out = Command::cargo_bin("onr")
        .unwrap()
        .args(["check", "--koodisto"])
        .arg(&file)
        .arg(&batch)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("koodisto.file.format"), "{stderr}");
}

#[test]
fn update_needs_a_valid_caller_id_and_reports_http_errors() {
    let s = StandIn::builder()
        .route(
            "GET",
            &format!("{KS}/sukupuoli/koodi"),
            [Reply::json(500, r#"{"message":"down"}"#)],
        )
        .start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("k.json");
    let run = |caller: &str| {
        Command::cargo_bin("onr")
            .unwrap()
            .args([
                "koodisto",
                "update",
                "--base-url",
                &s.base_url(),
                "--caller-id",
                caller,
                "--out",
            ])
            .arg(&file)
            .output()
            .unwrap()
    };
    let out = run("bad caller");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("client.caller_id"));
    let out = run("test");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("client.http"));
    assert!(!file.exists(), "nothing written after a failure");
}
