//! ONR's recorded answers (`tests/vectors/import_onr_recorded.json`): generated messy batches
//! sent through ONR's own request stack (its JSON configuration, bean validation and
//! post-validator). Every batch's answer and every row's answer alone must match: verdict,
//! HTTP status, stage, and the error set (field path, code, default message).

use onr_core::import::koodisto::Koodisto;
use onr_core::import::lint::Lint;
use onr_core::import::verdict::{OnrError, Stage};
use onr_core::import::{checker::check_json, RowReport};
use onr_core::import::{CheckOptions, Checker};
use onr_core::Environment;
use serde_json::{json, Value};

const RECORDED: &str = include_str!("../../tests/vectors/import_onr_recorded.json");

fn error_json(e: &OnrError) -> Value {
    json!({"field": e.field, "code": e.key(), "message": e.onr_message()})
}

/// Errors as ONR's answer lists them: bean-validation errors sorted (Hibernate's order is
/// unspecified), others in order; a 500 carries none.
fn answer(status: u16, stage: Option<Stage>, errors: &[OnrError]) -> Value {
    let mut list: Vec<Value> = match stage {
        Some(Stage::Server) | None => Vec::new(),
        _ => errors.iter().map(error_json).collect(),
    };
    if stage == Some(Stage::BeanValidation) {
        list.sort_by_key(|e| {
            (
                e["field"].as_str().unwrap_or_default().to_owned(),
                e["code"].as_str().unwrap_or_default().to_owned(),
                e["message"].as_str().unwrap_or_default().to_owned(),
            )
        });
    }
    json!({"status": status, "stage": stage.map(Stage::as_str), "errors": list})
}

fn expected(a: &Value) -> Value {
    json!({"status": a["status"], "stage": a["stage"], "errors": a["errors"]})
}

/// A row's report as ONR's answer for the row alone (`{"henkilot": [row]}`: index 0).
fn row_answer(r: &RowReport) -> Value {
    let stage = r.errors.first().map(OnrError::stage);
    let own = format!("henkilot[{}]", r.index);
    let alone: Vec<OnrError> = r
        .errors
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if let Some(rest) = e.field.strip_prefix(&own) {
                e.field = format!("henkilot[0]{rest}");
            }
            e
        })
        .collect();
    answer(stage.map_or(200, Stage::http_status), stage, &alone)
}

fn run(case: &Value, koodisto: &Koodisto) -> Vec<String> {
    let env: Environment = case["env"].as_str().unwrap().parse().unwrap();
    let options = CheckOptions {
        env,
        ..CheckOptions::default()
    };
    let checker = Checker::new(koodisto, options);
    let mut reports = Vec::new();
    let body = case["body"].as_str().unwrap();
    let mut out = Vec::new();
    let (_, summary) = match check_json(body, checker, |r| reports.push(r)) {
        Ok(x) => x,
        Err(e) => return vec![format!("not read: {e}")],
    };
    let got = answer(
        summary.response.http_status(),
        summary.response.stage(),
        &summary.answer,
    );
    if got != expected(&case["answer"]) {
        out.push(format!(
            "batch answer: got {got}, ONR {}",
            expected(&case["answer"])
        ));
    }
    let rows = case["rows"].as_array().unwrap();
    if rows.len() != reports.len() {
        out.push(format!("{} rows, ONR {}", reports.len(), rows.len()));
        return out;
    }
    for (i, (r, onr)) in reports.iter().zip(rows).enumerate() {
        let got = row_answer(r);
        if got != expected(onr) {
            out.push(format!("row {i}: got {got}, ONR {}", expected(onr)));
        }
        if let Some(stored) = onr["conflict"].as_array().and_then(|c| c.first()) {
            let sent_true = r.warnings.contains(&Lint::SentConflict { value: true });
            if stored.as_bool() != Some(sent_true) {
                out.push(format!("row {i}: ONR stores conflict {stored} as sent"));
            }
            if sent_true && r.action.conflict != Some(true) {
                out.push(format!(
                    "row {i}: predicted conflict {:?}",
                    r.action.conflict
                ));
            }
        }
    }
    out
}

#[test]
fn import_recorded_onr_answers_match() {
    let doc: Value = serde_json::from_str(RECORDED).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let rows: usize = cases
        .iter()
        .map(|c| c["rows"].as_array().unwrap().len())
        .sum();
    assert!(
        cases.len() >= 1000 && rows >= 3000,
        "{} {rows}",
        cases.len()
    );
    let koodisto = Koodisto::bundled();
    let mut mismatches = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        for m in run(case, &koodisto) {
            mismatches.push(format!("case {n} ({}): {m}", case["env"]));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Every stage of ONR's answer is represented.
    for stage in [
        "deserialization",
        "bean_validation",
        "post_validation",
        "server",
    ] {
        assert!(
            cases.iter().any(|c| c["answer"]["stage"] == stage),
            "{stage}"
        );
    }
}

#[test]
fn import_recorded_later_holds_what_onr_says_next() {
    // A row with two unreadable values and a bean error: ONR names the first value only;
    // the second and the bean error come later, each with its stage.
    let body = r#"{"henkilot": [{"henkilo": {"syntymaaika": [2005, 3, 14],
        "kansalaisuus": ["246"], "etunimet": "", "kutsumanimi": "A", "sukunimi": "B",
        "passinumero": "X1"}}]}"#;
    let koodisto = Koodisto::bundled();
    let checker = Checker::new(&koodisto, CheckOptions::default());
    let mut reports = Vec::new();
    let (_, summary) = check_json(body, checker, |r| reports.push(r)).unwrap();
    let r = &reports[0];
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].field, "henkilot[0].henkilo.syntymaaika");
    assert_eq!(
        r.errors[0].onr_message().as_deref(),
        Some("JSON parse error: Unexpected token (`JsonToken.START_ARRAY`), expected `JsonToken.VALUE_STRING`")
    );
    let later: Vec<(&str, &str, Stage)> = r
        .later
        .iter()
        .map(|e| (e.field.as_str(), e.key(), e.stage()))
        .collect();
    assert_eq!(
        later,
        [
            (
                "henkilot[0].henkilo.kansalaisuus[0]",
                "HttpMessageNotReadableException",
                Stage::Deserialization
            ),
            (
                "henkilot[0].henkilo.etunimet",
                "NotEmpty",
                Stage::BeanValidation
            ),
        ]
    );
    assert_eq!(summary.answer, r.errors);
    assert_eq!(summary.response.stage(), Some(Stage::Deserialization));
}
