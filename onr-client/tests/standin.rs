//! The client against the test stand-in (a real HTTP server on 127.0.0.1 with scripted answers).

use std::time::Duration;

use onr_client::import::{ImportOptions, PollOptions};
use onr_client::retry::RetryPolicy;
use onr_client::{CallerId, Client, ClientOptions, Credentials, Secret, Target};
use onr_core::import::action::Unknown;
use onr_core::import::koodisto::Koodisto;
use onr_core::import::{Koodi, Row, RowInput, RowPerson};
use onr_core::linking::ChangeFeedTracker;
use onr_core::Environment;
use onr_standin::{Reply, StandIn};

const SVC: &str = "/oppijanumerorekisteri-service";

fn options() -> ClientOptions {
    ClientOptions {
        timeout: Duration::from_millis(1500),
        import_timeout: Duration::from_millis(1500),
        connect_timeout: Duration::from_millis(500),
        retry: RetryPolicy {
            retries: 3,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
        },
    }
}

fn cas_client(s: &StandIn) -> Client {
    Client::new(
        Target::custom(&s.base_url(), Environment::Test).unwrap(),
        CallerId::new("1.2.246.562.10.00000000001.test").unwrap(),
        Credentials::Cas {
            username: "svc".into(),
            password: Secret::new("pw"),
        },
        options(),
    )
}

fn fast_poll() -> ImportOptions {
    ImportOptions {
        poll: PollOptions {
            first: Duration::from_millis(5),
            max: Duration::from_millis(20),
            stall_after: Duration::from_millis(150),
        },
        ..ImportOptions::default()
    }
}

fn row(i: usize, hetu: &str, tunniste: &str) -> RowInput {
    RowInput::new(
        i,
        Some(Row {
            tunniste: Some(tunniste.into()),
            henkilo: Some(RowPerson {
                hetu: Some(hetu.into()),
                etunimet: Some("Aino Maria".into()),
                kutsumanimi: Some("Aino".into()),
                sukunimi: Some("Virtanen".into()),
                kansalaisuus: Some(vec![Some(Koodi::new("246"))]),
                ..RowPerson::default()
            }),
            conflict: None,
        }),
    )
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

fn results(id: i64, rows: &[(&str, &str, bool)]) -> Reply {
    let now = chrono::Utc::now().timestamp_millis();
    let henkilot: Vec<String> = rows
        .iter()
        .map(|(t, oid, conflict)| {
            format!(
                r#"{{"tunniste":"{t}","henkilo":{{"oid":"{oid}","luotu":{now},"hetu":null}}{}}}"#,
                if *conflict { r#","conflict":true"# } else { "" }
            )
        })
        .collect();
    Reply::json(
        200,
        format!(
            r#"{{"id":{id},"kasiteltavia":{n},"kasiteltyja":{n},"kasitelty":true,"henkilot":[{}]}}"#,
            henkilot.join(","),
            n = rows.len()
        ),
    )
}

#[test]
fn a_batch_goes_through_cas_with_every_header_and_is_audited() {
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/oppija"),
            [Reply::json(
                200,
                r#"{"id":41,"kasiteltavia":2,"kasiteltyja":0,"kasitelty":false}"#,
            )],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=41/perustiedot"),
            [status(41, 2, 0), status(41, 2, 1), status(41, 2, 2)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=41"),
            [results(
                41,
                &[
                    ("r1", "1.2.246.562.24.10000000003", false),
                    ("r2", "1.2.246.562.24.10000000004", true),
                ],
            )],
        )
        .start();
    let c = cas_client(&s);
    let opts = ImportOptions {
        sahkoposti: Some("kirjaamo@example.fi".into()),
        ..fast_poll()
    };
    let mut sent = Vec::new();
    let report = c
        .send_batch(
            vec![row(0, "010101A900R", "r1"), row(1, "131052-308T", "r2")],
            &Koodisto::bundled(),
            &Unknown,
            &opts,
            &mut |p| {
                if let onr_client::import::Progress::Sent { id, .. } = p {
                    sent.push(id)
                }
            },
        )
        .unwrap();
    assert_eq!(sent, [41]);
    assert_eq!(report.sent, 2);
    assert_eq!(report.chunks.len(), 1);
    assert_eq!(report.chunks[0].results.len(), 2);
    // The check predicted no conflict for r2 (no existing persons known: conflict unknown,
    // so nothing to report) and new persons for both.
    assert!(
        report
            .audit
            .iter()
            .all(|d| d.code != "audit.missing_result"),
        "{:?}",
        report.audit
    );
    // Every request passed the edge's checks (else the stand-in would have answered 403).
    let reqs = s.requests();
    assert!(reqs
        .iter()
        .all(|r| r.header("caller-id") == Some("1.2.246.562.10.00000000001.test")));
    assert!(reqs
        .iter()
        .all(|r| r.header("csrf").is_some() && r.header("csrf") == r.cookie("CSRF")));
    let put = &s.requests_to("PUT", &format!("{SVC}/oppija"))[0];
    assert_eq!(put.header("content-type"), Some("application/json"));
    assert!(put
        .cookie("JSESSIONID")
        .is_some_and(|v| v.starts_with("session-")));
    let body: serde_json::Value = serde_json::from_str(&put.body).unwrap();
    assert_eq!(body["sahkoposti"], "kirjaamo@example.fi");
    assert_eq!(body["henkilot"].as_array().unwrap().len(), 2);
    assert_eq!(
        s.requests_to("GET", &format!("{SVC}/oppija/tuonti=41/perustiedot"))
            .len(),
        3
    );
}

#[test]
fn an_expired_session_gets_one_new_login_then_fails() {
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "pw")
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1/perustiedot"),
            [Reply::cas_login(), status(1, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=2/perustiedot"),
            [Reply::text(401, "")],
        )
        .start();
    let c = cas_client(&s);
    assert!(c.import_status(1).unwrap().kasitelty);
    assert_eq!(
        s.counts()["GET /oppijanumerorekisteri-service/j_spring_cas_security_check"],
        2
    );
    let e = c.import_status(2).unwrap_err();
    assert_eq!(e.code(), "client.auth");
    assert_eq!(e.status(), Some(401));
    assert_eq!(
        s.requests_to("GET", &format!("{SVC}/oppija/tuonti=2/perustiedot"))
            .len(),
        2
    );
}

#[test]
fn wrong_cas_password_is_an_auth_error_without_the_password() {
    let s = StandIn::builder().cas("svc", "pw").start();
    let c = Client::new(
        Target::custom(&s.base_url(), Environment::Test).unwrap(),
        CallerId::new("x").unwrap(),
        Credentials::Cas {
            username: "svc".into(),
            password: Secret::new("wrong-password-123"),
        },
        options(),
    );
    let e = c.import_status(1).unwrap_err();
    assert_eq!(e.code(), "client.auth");
    let shown = format!("{e} {e:?} {c:?}");
    assert!(!shown.contains("wrong-password-123"), "{shown}");
}

#[test]
fn oauth2_token_is_cached_and_renewed_once_on_invalid_token() {
    let s = StandIn::builder()
        .edge_checks()
        .oauth2("cid", "csecret", 3600)
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1/perustiedot"),
            [status(1, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=2/perustiedot"),
            [
                Reply::json(401, "{}")
                    .header("WWW-Authenticate", r#"Bearer error="invalid_token""#),
                status(2, 1, 1),
            ],
        )
        .start();
    let c = Client::new(
        Target::custom(&s.base_url(), Environment::Test).unwrap(),
        CallerId::new("x").unwrap(),
        Credentials::OAuth2 {
            client_id: "cid".into(),
            client_secret: Secret::new("csecret"),
            issuer: None,
        },
        options(),
    );
    for _ in 0..3 {
        c.import_status(1).unwrap();
    }
    assert_eq!(s.counts()["POST /kayttooikeus-service/oauth2/token"], 1);
    let first = s.requests_to("GET", &format!("{SVC}/oppija/tuonti=1/perustiedot"));
    assert!(first
        .iter()
        .all(|r| r.header("authorization") == Some("Bearer token-1")));
    c.import_status(2).unwrap();
    assert_eq!(s.counts()["POST /kayttooikeus-service/oauth2/token"], 2);
    let second = s.requests_to("GET", &format!("{SVC}/oppija/tuonti=2/perustiedot"));
    assert_eq!(
        second.last().unwrap().header("authorization"),
        Some("Bearer token-2")
    );
    assert!(!format!("{c:?}").contains("token-2"));
}

#[test]
fn gets_retry_server_errors_three_times() {
    let e503 = || Reply::json(503, r#"{"message":"busy"}"#);
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1/perustiedot"),
            [e503(), e503(), Reply::dropped(), status(1, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=2/perustiedot"),
            [e503()],
        )
        .start();
    let c = cas_client(&s);
    assert!(c.import_status(1).unwrap().kasitelty);
    let e = c.import_status(2).unwrap_err();
    assert_eq!((e.code(), e.status()), ("client.http", Some(503)));
    assert_eq!(e.body().unwrap().message.as_deref(), Some("busy"));
    assert_eq!(
        s.requests_to("GET", &format!("{SVC}/oppija/tuonti=2/perustiedot"))
            .len(),
        4
    );
}

#[test]
fn a_slow_answer_times_out() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1/perustiedot"),
            [status(1, 1, 1).after(Duration::from_secs(3))],
        )
        .start();
    let mut o = options();
    o.retry.retries = 1;
    let c = Client::new(
        Target::custom(&s.base_url(), Environment::Test).unwrap(),
        CallerId::new("x").unwrap(),
        Credentials::Cas {
            username: "svc".into(),
            password: Secret::new("pw"),
        },
        o,
    );
    let e = c.import_status(1).unwrap_err();
    assert_eq!(e.code(), "client.timeout", "{e:?}");
}

#[test]
fn put_oppija_is_never_resent_after_its_body_went_out() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/oppija"),
            [
                Reply::json(502, "{}"),
                Reply::dropped(),
                Reply::json(
                    200,
                    r#"{"id":5,"kasiteltavia":1,"kasiteltyja":0,"kasitelty":false}"#,
                ),
            ],
        )
        .start();
    let c = cas_client(&s);
    let rows = || vec![row(0, "010101A900R", "r1")];
    let k = Koodisto::bundled();
    let e = c
        .send_batch(rows(), &k, &Unknown, &fast_poll(), &mut |_| {})
        .unwrap_err();
    assert_eq!((e.code(), e.status()), ("client.http", Some(502)));
    let e = c
        .send_batch(rows(), &k, &Unknown, &fast_poll(), &mut |_| {})
        .unwrap_err();
    assert_eq!(e.code(), "client.unconfirmed", "{e:?}");
    assert_eq!(s.requests_to("PUT", &format!("{SVC}/oppija")).len(), 2);
    // Asked to, the client resends.
    let s2 = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/oppija"),
            [
                Reply::dropped(),
                Reply::json(
                    200,
                    r#"{"id":5,"kasiteltavia":1,"kasiteltyja":1,"kasitelty":true}"#,
                ),
            ],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=5/perustiedot"),
            [status(5, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=5"),
            [results(5, &[("r1", "1.2.246.562.24.10000000003", false)])],
        )
        .start();
    let c2 = cas_client(&s2);
    let opts = ImportOptions {
        resend_unconfirmed: true,
        ..fast_poll()
    };
    let r = c2
        .send_batch(rows(), &k, &Unknown, &opts, &mut |_| {})
        .unwrap();
    assert_eq!(r.chunks[0].id, 5);
    assert_eq!(s2.requests_to("PUT", &format!("{SVC}/oppija")).len(), 2);
}

#[test]
fn a_stalled_import_is_restarted_once() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/oppija"),
            [Reply::json(
                200,
                r#"{"id":7,"kasiteltavia":1,"kasiteltyja":0,"kasitelty":false}"#,
            )],
        )
        .handler(
            "GET",
            &format!("{SVC}/oppija/tuonti=7/perustiedot"),
            |_, all| {
                let restarted = all
                    .iter()
                    .any(|r| r.method == "POST" && r.path().ends_with("tuonti=7"));
                status(7, 1, i64::from(restarted))
            },
        )
        .route("POST", &format!("{SVC}/oppija/tuonti=7"), [status(7, 1, 0)])
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=7"),
            [results(7, &[("r1", "1.2.246.562.24.10000000003", false)])],
        )
        .start();
    let c = cas_client(&s);
    let r = c
        .send_batch(
            vec![row(0, "010101A900R", "r1")],
            &Koodisto::bundled(),
            &Unknown,
            &fast_poll(),
            &mut |_| {},
        )
        .unwrap();
    assert!(r.chunks[0].restarted);
    assert_eq!(
        s.requests_to("POST", &format!("{SVC}/oppija/tuonti=7"))
            .len(),
        1
    );

    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=8/perustiedot"),
            [status(8, 3, 1)],
        )
        .route("POST", &format!("{SVC}/oppija/tuonti=8"), [status(8, 3, 1)])
        .start();
    let e = cas_client(&s)
        .wait_for_import(8, &fast_poll().poll, &mut |_| {})
        .unwrap_err();
    assert_eq!(
        e,
        onr_client::ClientError::Stalled {
            id: 8,
            done: 1,
            total: 3
        }
    );
}

#[test]
fn a_batch_onr_would_refuse_is_not_sent_unless_only_accepted_rows_go() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/oppija"),
            [Reply::json(
                200,
                r#"{"id":9,"kasiteltavia":1,"kasiteltyja":1,"kasitelty":true}"#,
            )],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=9/perustiedot"),
            [status(9, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=9"),
            [results(9, &[("good", "1.2.246.562.24.10000000003", false)])],
        )
        .start();
    let c = cas_client(&s);
    let k = Koodisto::bundled();
    let rows = || vec![row(0, "010101A900R", "good"), row(1, "010101A900X", "bad")];
    let e = c
        .send_batch(rows(), &k, &Unknown, &fast_poll(), &mut |_| {})
        .unwrap_err();
    assert_eq!(e.code(), "client.rejected");
    match &e {
        onr_client::ClientError::Rejected {
            rejected, reasons, ..
        } => {
            assert_eq!(*rejected, 1);
            assert!(
                reasons
                    .iter()
                    .any(|r| r.contains("henkilot[1].henkilo.hetu")),
                "{reasons:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(!format!("{e} {e:?}").contains("010101A900X"));
    assert!(s.requests_to("PUT", &format!("{SVC}/oppija")).is_empty());
    let opts = ImportOptions {
        only_accepted: true,
        ..fast_poll()
    };
    let r = c
        .send_batch(rows(), &k, &Unknown, &opts, &mut |_| {})
        .unwrap();
    assert_eq!(r.held_back.len(), 1);
    assert_eq!(r.held_back[0].tunniste.as_deref(), Some("bad"));
    let put = &s.requests_to("PUT", &format!("{SVC}/oppija"))[0];
    assert!(put.body.contains("good") && !put.body.contains("bad"));
}

#[test]
fn chunks_make_one_import_each_and_one_report() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/oppija"),
            [
                Reply::json(
                    200,
                    r#"{"id":1,"kasiteltavia":2,"kasiteltyja":0,"kasitelty":false}"#,
                ),
                Reply::json(
                    200,
                    r#"{"id":2,"kasiteltavia":1,"kasiteltyja":0,"kasitelty":false}"#,
                ),
            ],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1/perustiedot"),
            [status(1, 2, 2)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=2/perustiedot"),
            [status(2, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1"),
            [results(
                1,
                &[
                    ("a", "1.2.246.562.24.1", false),
                    ("b", "1.2.246.562.24.2", false),
                ],
            )],
        )
        .route("GET", &format!("{SVC}/oppija/tuonti=2"), [results(2, &[])])
        .start();
    let c = cas_client(&s);
    let opts = ImportOptions {
        chunk_size: 2,
        ..fast_poll()
    };
    let rows = vec![
        row(0, "010101A900R", "a"),
        row(1, "131052-308T", "b"),
        row(2, "010101A901S", "c"),
    ];
    let r = c
        .send_batch(rows, &Koodisto::bundled(), &Unknown, &opts, &mut |_| {})
        .unwrap();
    assert_eq!(r.chunks.iter().map(|c| c.id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(r.chunks[1].rows, [2]);
    // Import 2 answered no row for "c": the audit says so.
    assert_eq!(r.audit.len(), 1);
    assert_eq!(
        (r.audit[0].code, r.audit[0].index),
        ("audit.missing_result", 2)
    );
}

/// The progress of a send as text: `sent chunk/chunks id rows` and `polled chunk/chunks done/total`.
fn progress_line(p: &onr_client::import::Progress<'_>) -> String {
    match p {
        onr_client::import::Progress::Sent {
            chunk,
            chunks,
            id,
            rows,
        } => format!("sent {chunk}/{chunks} id={id} rows={rows}"),
        onr_client::import::Progress::Polled {
            chunk,
            chunks,
            status,
        } => format!(
            "polled {chunk}/{chunks} id={} {}/{}",
            status.id, status.kasiteltyja, status.kasiteltavia
        ),
    }
}

#[test]
fn progress_names_each_chunk_as_it_is_sent_and_polled() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/oppija"),
            [status(1, 2, 0), status(2, 1, 0)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1/perustiedot"),
            [status(1, 2, 0), status(1, 2, 2)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=2/perustiedot"),
            [status(2, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1"),
            [results(
                1,
                &[
                    ("a", "1.2.246.562.24.1", false),
                    ("b", "1.2.246.562.24.2", false),
                ],
            )],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=2"),
            [results(2, &[("c", "1.2.246.562.24.3", false)])],
        )
        .start();
    let opts = ImportOptions {
        chunk_size: 2,
        ..fast_poll()
    };
    let rows = vec![
        row(0, "010101A900R", "a"),
        row(1, "131052-308T", "b"),
        row(2, "010101A901S", "c"),
    ];
    let mut seen = Vec::new();
    let r = cas_client(&s)
        .send_batch(rows, &Koodisto::bundled(), &Unknown, &opts, &mut |p| {
            seen.push(progress_line(&p))
        })
        .unwrap();
    assert_eq!(
        seen,
        [
            "sent 1/2 id=1 rows=2",
            "polled 1/2 id=1 0/2",
            "polled 1/2 id=1 2/2",
            "sent 2/2 id=2 rows=1",
            "polled 2/2 id=2 1/1",
        ]
    );
    assert_eq!(
        r.chunks
            .iter()
            .map(|c| (c.id, c.status.kasiteltyja, c.restarted, c.results.len()))
            .collect::<Vec<_>>(),
        [(1, 2, false, 2), (2, 1, false, 1)]
    );
}

#[test]
fn the_feed_pages_and_moves_the_tracker() {
    let entry = |oid: &str, master: &str| {
        format!(r#"{{"oid":"{oid}","master":{{"oid":"{master}","passivoitu":false}}}}"#)
    };
    let page = |entries: &[String]| {
        Reply::json(
            200,
            format!(
                r#"{{"number":1,"size":2,"results":[{}],"totalElements":3}}"#,
                entries.join(",")
            ),
        )
    };
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "pw")
        .route(
            "GET",
            &format!(
                "{SVC}/oppija/muuttuneet?muokattuJalkeen=2024-01-01T00%3A00%3A00Z&page=1&count=2"
            ),
            [page(&[entry("A", "A"), entry("B", "C")])],
        )
        .route(
            "GET",
            &format!(
                "{SVC}/oppija/muuttuneet?muokattuJalkeen=2024-01-01T00%3A00%3A00Z&page=2&count=2"
            ),
            [page(&[entry("B", "C"), entry("C", "C")])],
        )
        .route(
            "GET",
            &format!(
                "{SVC}/oppija/muuttuneet?muokattuJalkeen=2024-01-01T00%3A00%3A00Z&page=3&count=2"
            ),
            [page(&[])],
        )
        .start();
    let c = cas_client(&s);
    let mut tracker = ChangeFeedTracker::new(["A", "B"]);
    let mut feed = onr_client::feed::Feed::new(
        &c,
        onr_client::feed::FeedCursor::new("2024-01-01T00:00:00Z"),
        2,
    );
    let moved = feed.follow(&mut tracker).unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(tracker.master_of("B"), Some("C"));
    assert_eq!(feed.cursor().page, 1);
    assert_ne!(feed.cursor().since, "2024-01-01T00:00:00Z");
}

#[test]
fn an_expired_tgt_is_replaced_once() {
    let s = StandIn::builder()
        .route(
            "POST",
            "/cas/v1/tickets",
            [
                Reply::text(201, "").header("Location", "/cas/v1/tickets/TGT-1"),
                Reply::text(201, "").header("Location", "/cas/v1/tickets/TGT-2"),
            ],
        )
        .route(
            "POST",
            "/cas/v1/tickets/TGT-*",
            [
                Reply::text(200, "ST-a"),
                Reply::text(404, ""),
                Reply::text(200, "ST-b"),
            ],
        )
        .route(
            "GET",
            &format!("{SVC}/j_spring_cas_security_check"),
            [
                Reply::text(200, "").header("Set-Cookie", "JSESSIONID=s1; Path=/"),
                Reply::text(200, "").header("Set-Cookie", "JSESSIONID=s2; Path=/"),
            ],
        )
        .route(
            "GET",
            &format!("{SVC}/oppija/tuonti=1/perustiedot"),
            [status(1, 1, 1), Reply::cas_login(), status(1, 1, 1)],
        )
        .start();
    let c = cas_client(&s);
    c.import_status(1).unwrap();
    c.import_status(1).unwrap();
    assert_eq!(s.requests_to("POST", "/cas/v1/tickets").len(), 2);
    let tickets: Vec<String> = s
        .requests()
        .into_iter()
        .filter(|r| r.path().starts_with("/cas/v1/tickets/"))
        .map(|r| r.path().to_owned())
        .collect();
    assert_eq!(
        tickets,
        [
            "/cas/v1/tickets/TGT-1",
            "/cas/v1/tickets/TGT-1",
            "/cas/v1/tickets/TGT-2"
        ]
    );
    let last = s
        .requests_to("GET", &format!("{SVC}/oppija/tuonti=1/perustiedot"))
        .pop()
        .unwrap();
    assert_eq!(last.cookie("JSESSIONID"), Some("s2"));
    let checks = s.requests_to("GET", &format!("{SVC}/j_spring_cas_security_check"));
    assert_eq!(checks[1].query("ticket"), Some("ST-b"));
}

#[test]
fn onr_error_bodies_are_parsed_and_hetus_in_them_redacted() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route("GET", &format!("{SVC}/oppija/tuonti=3"), [Reply::json(
            400,
            r#"{"status":400,"message":"henkilö 010101A900R on jo","fieldErrors":[{"field":"hetu","code":"ValidateHetu","message":"invalid.hetu","rejectedValue":"010101A900R"}]}"#,
        )])
        .route("GET", &format!("{SVC}/oppija/tuonti=4"), [Reply::text(403, "Caller-Id header is missing or invalid")])
        .start();
    let c = cas_client(&s);
    let e = c.import_results(3).unwrap_err();
    assert_eq!((e.code(), e.status()), ("client.http", Some(400)));
    let body = e.body().unwrap();
    assert_eq!(body.field_errors[0].code.as_deref(), Some("ValidateHetu"));
    assert_eq!(body.message.as_deref(), Some("henkilö [hetu] on jo"));
    let shown = format!("{e} {e:?} {}", e.message(onr_core::Lang::Fi));
    assert!(!shown.contains("010101"), "{shown}");
    let e = c.import_results(4).unwrap_err();
    assert_eq!(e.status(), Some(403));
    assert!(e.to_string().contains("Caller-Id"), "{e}");
}
