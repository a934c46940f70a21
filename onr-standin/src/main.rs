//! `onr-standin`: **A TEST STAND-IN, NOT ONR.** Serves a fixed demo script on 127.0.0.1 for
//! trying `onr send` without OPH's QA: CAS (user `demo`, password `demo`), OAuth2 (client
//! `demo`, secret `demo`), OPH's edge checks (Caller-Id, CSRF), `PUT /oppija` and
//! `PUT /yleistunniste` accepted as import 1, 2, ... (one sequence, as ONR's), each processed
//! after one poll, and results that make every row a new person (scripted: no rule of ONR is
//! applied, nothing is matched or validated).
//!
//! Usage: `onr-standin [PORT]` (default: a free port); prints the base URL and serves until
//! stopped.

use std::sync::{Arc, Mutex};

use onr_standin::{Recorded, Reply, StandIn};

const SVC: &str = "/oppijanumerorekisteri-service";

/// The import id of `.../oppija/tuonti={id}...` or `.../yleistunniste/tuonti={id}...`.
fn import_id(r: &Recorded) -> Option<usize> {
    let p = r.path().split_once("/tuonti=")?.1;
    p.split('/').next()?.parse().ok()
}

/// A result row: the row's `tunniste` and a new person, in the shape of `/oppija` or of
/// `/yleistunniste` (`FilteredRow`: the OID is the learner number, no creation time).
fn result_row(
    row: &serde_json::Value,
    oid: String,
    yleistunniste: bool,
    now: u64,
) -> serde_json::Value {
    if yleistunniste {
        serde_json::json!({
            "tunniste": row["tunniste"],
            "henkilo": {"oid": oid, "oppijanumero": oid, "passivoitu": false, "linked": []}
        })
    } else {
        serde_json::json!({
            "tunniste": row["tunniste"],
            "henkilo": {"oid": oid, "luotu": now, "passivoitu": false}
        })
    }
}

fn main() {
    let port = std::env::args().nth(1);
    let imports: Arc<Mutex<Vec<serde_json::Value>>> = Arc::default();
    let put = |imports: Arc<Mutex<Vec<serde_json::Value>>>| {
        move |r: &Recorded, _: &[Recorded]| {
            let body: serde_json::Value = serde_json::from_str(&r.body).unwrap_or_default();
            let n = body["henkilot"].as_array().map_or(0, Vec::len);
            let mut imports = imports.lock().unwrap_or_else(|p| p.into_inner());
            imports.push(body);
            Reply::json(
                200,
                format!(
                    r#"{{"id":{},"kasiteltavia":{n},"kasiteltyja":0,"kasitelty":false}}"#,
                    imports.len()
                ),
            )
        }
    };
    let get = |imports: Arc<Mutex<Vec<serde_json::Value>>>| {
        move |r: &Recorded, all: &[Recorded]| {
            let imports = imports.lock().unwrap_or_else(|p| p.into_inner());
            let Some(body) = import_id(r).and_then(|id| imports.get(id.wrapping_sub(1))) else {
                return Reply::json(
                    404,
                    r#"{"status":404,"error":"Not Found","message":"not_found"}"#,
                );
            };
            let id = import_id(r).unwrap_or(0);
            let rows = body["henkilot"].as_array().cloned().unwrap_or_default();
            let n = rows.len();
            if r.path().ends_with("/perustiedot") {
                let polls = all.iter().filter(|q| q.path() == r.path()).count();
                let done = if polls > 1 { n } else { 0 };
                return Reply::json(
                    200,
                    format!(
                        r#"{{"id":{id},"kasiteltavia":{n},"kasiteltyja":{done},"kasitelty":{}}}"#,
                        done == n
                    ),
                );
            }
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64);
            let yleistunniste = r.path().contains("/yleistunniste/");
            let henkilot: Vec<serde_json::Value> = rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    result_row(
                        row,
                        format!("1.2.246.562.24.9{id:04}{i:06}"),
                        yleistunniste,
                        now,
                    )
                })
                .collect();
            Reply::json(200, serde_json::json!({"id": id, "kasiteltavia": n, "kasiteltyja": n, "kasitelty": true, "henkilot": henkilot}).to_string())
        }
    };
    let builder = StandIn::builder()
        .edge_checks()
        .cas("demo", "demo")
        .oauth2("demo", "demo", 3600)
        .handler("PUT", &format!("{SVC}/oppija"), put(imports.clone()))
        .handler("PUT", &format!("{SVC}/yleistunniste"), put(imports.clone()))
        .handler(
            "GET",
            &format!("{SVC}/oppija/tuonti=*"),
            get(imports.clone()),
        )
        .handler(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=*"),
            get(imports),
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/muuttuneet"),
            [Reply::json(
                200,
                r#"{"number":1,"size":0,"results":[],"totalElements":0}"#,
            )],
        );
    let s = builder.start_on(port.as_deref().unwrap_or("0"));
    println!("{}", s.base_url());
    eprintln!("onr-standin: a TEST STAND-IN with scripted answers, not ONR (CAS user demo/demo)");
    s.wait();
}
