//! The shared import vectors (`tests/vectors/import_*.json|tsv`): ONR's own test cases and
//! cases computed from its rules, with hand-written expectations.

mod common;

use onr_core::error::Coded;
use onr_core::import::action::{ExistingPerson, ExistingPersons, Persons, Unknown};
use onr_core::import::email;
use onr_core::import::koodisto::{CodeList, Koodisto};
use onr_core::import::{json, CheckOptions, Checker};
use onr_core::Environment;
use serde_json::{json, Value};

const VECTORS: &str = include_str!("../../tests/vectors/import_onr.json");

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn run_case(case: &Value) -> Result<(), String> {
    let env: Environment = case["env"].as_str().unwrap().parse().unwrap();
    let mut koodisto = Koodisto::bundled();
    if let Some(over) = case.get("koodisto").and_then(Value::as_object) {
        for (uri, codes) in over {
            let list = CodeList::from_codes(uri, strings(codes));
            match uri.as_str() {
                "kieli" => koodisto.kieli = list,
                "maatjavaltiot2" => koodisto.maatjavaltiot2 = list,
                "sukupuoli" => koodisto.sukupuoli = list,
                other => return Err(format!("unknown koodisto {other}")),
            }
        }
    }
    let persons = case.get("existing").map(|e| {
        Persons::new(
            e.as_array()
                .unwrap()
                .iter()
                .map(|p| ExistingPerson {
                    oid: p["oid"].as_str().unwrap().into(),
                    hetu: p["hetu"].as_str().map(Into::into),
                    hetu_history: strings(&p["hetu_history"]),
                    passinumerot: strings(&p["passinumerot"]),
                    sahkopostit: strings(&p["sahkopostit"]),
                    etunimet: p["etunimet"].as_str().unwrap_or_default().into(),
                    sukunimi: p["sukunimi"].as_str().unwrap_or_default().into(),
                })
                .collect(),
        )
    });
    let registry: &dyn ExistingPersons = match &persons {
        Some(p) => p,
        None => &Unknown,
    };
    let options = CheckOptions {
        env,
        ..CheckOptions::default()
    };
    let mut checker = Checker::with_registry(&koodisto, options, registry);
    let text = serde_json::to_string(&case["batch"]).unwrap();
    let mut reports = Vec::new();
    let header =
        json::read(&text, |row| reports.push(checker.check(row))).map_err(|e| e.to_string())?;
    let batch_errors: Vec<Value> = checker
        .batch_errors(header.sahkoposti.as_deref(), header.rows)
        .iter()
        .map(|e| json!({"field": e.field, "key": e.key(), "message": e.onr_message()}))
        .collect();
    let expect = &case["expect"];
    if Value::Array(batch_errors.clone()) != expect["batch_errors"] {
        return Err(format!("batch errors {batch_errors:?}"));
    }
    let rows: Vec<Value> = reports
        .iter()
        .map(|r| {
            json!({
                "verdict": r.verdict().as_str(),
                "errors": r.errors.iter().map(|e| json!({"field": e.field, "key": e.key(), "message": e.onr_message()})).collect::<Vec<_>>(),
            })
        })
        .collect();
    if Value::Array(rows.clone()) != expect["rows"] {
        return Err(format!("rows {rows:#?}"));
    }
    if let Some(w) = case.get("warnings").and_then(Value::as_array) {
        for (i, expected) in w.iter().enumerate() {
            let got: Vec<&str> = reports[i].warnings.iter().map(|w| w.code()).collect();
            if strings(expected) != got {
                return Err(format!("row {i} warnings {got:?}"));
            }
        }
    }
    if let Some(a) = case.get("actions").and_then(Value::as_array) {
        for (i, expected) in a.iter().enumerate() {
            let action = &reports[i].action;
            let got = json!({
                "kind": action.kind.as_str(),
                "by": action.by.map(|b| b.as_str()),
                "oid": action.oid,
                "row": action.row,
                "conflict": action.conflict,
            });
            for (k, v) in expected.as_object().unwrap() {
                if &got[k] != v {
                    return Err(format!("row {i} action {got}"));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn import_vectors_onr_test_cases_and_computed_cases() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 60);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| run_case(c).err().map(|e| format!("{}: {e}", c["name"])))
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn import_vectors_email_rules() {
    let mut n = 0;
    for cols in common::read("import_email.tsv").into_iter().skip(1) {
        let input = &cols[0];
        assert_eq!(
            email::is_well_formed(input),
            cols[1] == "true",
            "@Email {input:?}"
        );
        assert_eq!(
            email::is_valid_contact(input),
            cols[2] == "true",
            "contact {input:?}"
        );
        n += 1;
    }
    assert!(n >= 30);
}
