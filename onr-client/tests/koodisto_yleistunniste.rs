//! Koodisto refresh and yleistunniste against the test stand-in (scripted answers).

use std::time::Duration;

use onr_client::import::{PollOptions, Progress};
use onr_client::koodisto::KoodistoReader;
use onr_client::retry::RetryPolicy;
use onr_client::yleistunniste::{Batch, BatchOptions, BatchRow, HaeOutcome, Identifiers, Person};
use onr_client::{CallerId, Client, ClientOptions, Credentials, Secret, Target};
use onr_core::import::koodisto::Koodisto;
use onr_core::Environment;
use onr_standin::{Reply, StandIn};

const SVC: &str = "/oppijanumerorekisteri-service";
const KS: &str = "/koodisto-service/rest/json";

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

fn target(s: &StandIn) -> Target {
    Target::custom(&s.base_url(), Environment::Test).unwrap()
}

fn caller() -> CallerId {
    CallerId::new("1.2.246.562.10.00000000001.test").unwrap()
}

/// A `KoodiType[]` answer in the shape of koodisto's DTO (as in ONR's KoodistoClientImplTest).
fn koodit(uri: &str, codes: &[(&str, &str)]) -> Reply {
    let items: Vec<String> = codes
        .iter()
        .map(|(arvo, fi)| {
            format!(
                r#"{{"koodiUri":"{uri}_{l}","resourceUri":"https://h/koodisto-service/rest/codeelement/{uri}_{l}","version":1,"versio":1,
                "koodisto":{{"koodistoUri":"{uri}","organisaatioOid":"1.2.246.562.10.00000000001","koodistoVersios":[1]}},
                "koodiArvo":"{arvo}","paivitysPvm":"2014-10-15","paivittajaOid":null,"voimassaAlkuPvm":"2014-04-07","voimassaLoppuPvm":null,"tila":"HYVAKSYTTY",
                "metadata":[{{"nimi":"{fi}","kuvaus":null,"lyhytNimi":null,"kieli":"FI"}},{{"nimi":"sv-{fi}","kieli":"SV"}}]}}"#,
                l = arvo.to_lowercase()
            )
        })
        .collect();
    Reply::json(200, format!("[{}]", items.join(",")))
}

#[test]
fn koodisto_lists_are_read_without_login_with_the_edge_headers() {
    let s = StandIn::builder()
        .edge_checks()
        .route(
            "GET",
            &format!("{KS}/sukupuoli/koodi"),
            [koodit("sukupuoli", &[("2", "nainen"), ("1", "mies")])],
        )
        // A 5xx is resent, as every GET.
        .route(
            "GET",
            &format!("{KS}/kieli/koodi"),
            [
                Reply::text(503, "busy"),
                koodit("kieli", &[("FI", "suomi"), ("ZZ", "uusi")]),
            ],
        )
        .route(
            "GET",
            &format!("{KS}/maatjavaltiot2/koodi"),
            [koodit(
                "maatjavaltiot2",
                &[("246", "Suomi"), ("000", "Uusi maa")],
            )],
        )
        .start();
    let reader = KoodistoReader::new(&target(&s), caller(), &options());
    let file = reader.fetch().unwrap();
    assert_eq!(file.format, 1);
    assert_eq!(file.source, format!("{}/koodisto-service", s.base_url()));
    assert_eq!(
        file.lists["sukupuoli"]
            .iter()
            .map(|c| c.koodi.as_str())
            .collect::<Vec<_>>(),
        ["1", "2"]
    );
    assert_eq!(file.lists["kieli"][1].fi.as_deref(), Some("uusi"));
    assert_eq!(file.lists["kieli"][1].sv.as_deref(), Some("sv-uusi"));
    let k: Koodisto = onr_core::import::koodisto_file::KoodistoFile::parse(&file.to_json())
        .unwrap()
        .koodisto()
        .unwrap();
    assert!(k.kieli.contains("ZZ") && k.maatjavaltiot2.contains("000"));
    let reqs = s.requests();
    assert_eq!(reqs.len(), 4);
    for r in &reqs {
        assert_eq!(r.query("onlyValidKoodis"), Some("false"), "{}", r.url);
        assert_eq!(
            r.header("caller-id"),
            Some("1.2.246.562.10.00000000001.test")
        );
        assert!(r.header("authorization").is_none());
        assert!(r.cookie("JSESSIONID").is_none());
    }
    assert!(!s.counts().keys().any(|k| k.contains("/cas/")));
}

#[test]
fn a_koodisto_error_is_typed_and_an_empty_list_refused() {
    let s = StandIn::builder()
        .route(
            "GET",
            &format!("{KS}/sukupuoli/koodi"),
            [Reply::json(403, r#"{"message":"Caller-Id missing"}"#)],
        )
        .start();
    let e = KoodistoReader::new(&target(&s), caller(), &options())
        .fetch()
        .unwrap_err();
    assert_eq!(e.code(), "client.http");
    assert_eq!(e.status(), Some(403));
    assert_eq!(
        e.body().unwrap().message.as_deref(),
        Some("Caller-Id missing")
    );

    let s = StandIn::builder()
        .route(
            "GET",
            &format!("{KS}/sukupuoli/koodi"),
            [Reply::json(200, "[]")],
        )
        .start();
    let e = KoodistoReader::new(&target(&s), caller(), &options())
        .fetch()
        .unwrap_err();
    assert_eq!(e.code(), "client.protocol");
    assert!(e.to_string().contains("sukupuoli"), "{e}");
}

fn client(s: &StandIn) -> Client {
    Client::new(
        target(s),
        caller(),
        Credentials::Cas {
            username: "svc".into(),
            password: Secret::new("pw"),
        },
        options(),
    )
}

fn person(hetu: &str) -> Person {
    Person {
        hetu: Secret::new(hetu),
        etunimet: "Aino Maria".into(),
        kutsumanimi: "Aino".into(),
        sukunimi: "Virtanen".into(),
    }
}

#[test]
fn hae_gives_found_not_found_and_name_mismatch_as_outcomes() {
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "pw")
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
    let c = client(&s);
    let p = person("010101A900R");
    assert_eq!(
        c.yleistunniste_hae(&p).unwrap(),
        HaeOutcome::Found(Identifiers {
            oid: "1.2.246.562.24.10000000003".into(),
            oppijanumero: Some("1.2.246.562.24.10000000003".into()),
        })
    );
    assert!(matches!(
        c.yleistunniste_hae(&p).unwrap(),
        HaeOutcome::NotFound(_)
    ));
    let HaeOutcome::NameMismatch(body) = c.yleistunniste_hae(&p).unwrap() else {
        panic!("409 is a name mismatch")
    };
    assert!(!format!("{body:?}").contains("010101"), "{body:?}");
    let HaeOutcome::Rejected(body) = c.yleistunniste_hae(&p).unwrap() else {
        panic!("400 is a rejected row")
    };
    assert_eq!(body.field_errors[0].code.as_deref(), Some("ValidateHetu"));
    assert!(!format!("{body:?}").contains("010101"));
    let v = serde_json::to_value(HaeOutcome::Rejected(body)).unwrap();
    assert_eq!(v["outcome"], "rejected");
    assert_eq!(v["field_errors"][0]["field"], "hetu");
    let sent = s.requests_to("POST", &format!("{SVC}/yleistunniste/hae"));
    assert_eq!(sent.len(), 4);
    let body: serde_json::Value = serde_json::from_str(&sent[0].body).unwrap();
    assert_eq!(body["hetu"], "010101A900R");
    assert_eq!(body["etunimet"], "Aino Maria");
    assert_eq!(body["kutsumanimi"], "Aino");
    assert_eq!(body["sukunimi"], "Virtanen");
    assert!(sent[0].cookie("JSESSIONID").is_some());
}

#[test]
fn hae_is_not_resent_after_its_body_went_out() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "POST",
            &format!("{SVC}/yleistunniste/hae"),
            [Reply::text(502, "bad gateway")],
        )
        .start();
    let e = client(&s)
        .yleistunniste_hae(&person("010101A900R"))
        .unwrap_err();
    assert_eq!(e.status(), Some(502));
    assert_eq!(
        s.requests_to("POST", &format!("{SVC}/yleistunniste/hae"))
            .len(),
        1
    );
}

#[test]
fn an_oid_is_checked_and_404_is_none() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/hae/1.2.246.562.24.20000000008"),
            [Reply::json(200, r#"{"oid":"1.2.246.562.24.20000000008","oppijanumero":"1.2.246.562.24.10000000003","passivoitu":false,"linked":["1.2.246.562.24.10000000003"]}"#)],
        )
        .route("GET", &format!("{SVC}/yleistunniste/hae/1.2.246.562.24.30000000001"), [Reply::json(404, "{}")])
        .start();
    let c = client(&s);
    let st = c
        .yleistunniste_oid("1.2.246.562.24.20000000008")
        .unwrap()
        .unwrap();
    assert_eq!(
        st.oppijanumero.as_deref(),
        Some("1.2.246.562.24.10000000003")
    );
    assert_eq!(st.linked, ["1.2.246.562.24.10000000003"]);
    assert!(!st.passivoitu);
    assert_eq!(
        c.yleistunniste_oid("1.2.246.562.24.30000000001").unwrap(),
        None
    );
}

#[test]
fn a_batch_is_put_followed_and_read() {
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "pw")
        .route("PUT", &format!("{SVC}/yleistunniste"), [Reply::json(200, r#"{"id":5,"kasiteltavia":1,"kasiteltyja":0,"kasitelty":false}"#)])
        .route("GET", &format!("{SVC}/yleistunniste/tuonti=5/perustiedot"), [Reply::json(200, r#"{"id":5,"kasiteltavia":1,"kasiteltyja":1,"kasitelty":true}"#)])
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=5"),
            [Reply::json(200, r#"{"id":5,"kasiteltavia":1,"kasiteltyja":1,"kasitelty":true,"henkilot":[{"tunniste":"t1","henkilo":{"oid":"1.2.246.562.24.20000000008","oppijanumero":"1.2.246.562.24.10000000003","passivoitu":false,"linked":["1.2.246.562.24.10000000003"]}}]}"#)],
        )
        .start();
    let c = client(&s);
    let batch = Batch {
        sahkoposti: Some("virkailija@example.fi".into()),
        henkilot: vec![BatchRow {
            tunniste: "t1".into(),
            henkilo: person("010101A900R"),
        }],
    };
    let created = c.put_yleistunniste(&batch, false).unwrap();
    assert_eq!(created.id, 5);
    assert!(c.yleistunniste_status(5).unwrap().kasitelty);
    let r = c.yleistunniste_results(5).unwrap();
    assert_eq!(r.henkilot.len(), 1);
    assert_eq!(r.henkilot[0].tunniste.as_deref(), Some("t1"));
    assert_eq!(r.henkilot[0].conflict, None);
    assert_eq!(
        r.henkilot[0]
            .henkilo
            .as_ref()
            .unwrap()
            .oppijanumero
            .as_deref(),
        Some("1.2.246.562.24.10000000003")
    );
    let put = &s.requests_to("PUT", &format!("{SVC}/yleistunniste"))[0];
    let v: serde_json::Value = serde_json::from_str(&put.body).unwrap();
    assert_eq!(v["sahkoposti"], "virkailija@example.fi");
    assert_eq!(v["henkilot"][0]["henkilo"]["hetu"], "010101A900R");
    assert_eq!(
        c.put_yleistunniste(&Batch::default(), false)
            .unwrap_err()
            .code(),
        "client.config"
    );
}

fn fast() -> BatchOptions {
    BatchOptions {
        poll: PollOptions {
            first: Duration::from_millis(5),
            max: Duration::from_millis(20),
            stall_after: Duration::from_millis(150),
        },
        ..BatchOptions::default()
    }
}

fn batch(rows: &[(&str, &str)]) -> Batch {
    Batch {
        sahkoposti: Some("kirjaamo@example.fi".into()),
        henkilot: rows
            .iter()
            .map(|(t, h)| BatchRow {
                tunniste: (*t).into(),
                henkilo: person(h),
            })
            .collect(),
    }
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

/// `FilteredResult` as ONR's YleistunnisteControllerTest records it (tuontiOppijatMaster.json).
fn results(id: i64, tunnisteet: &[&str]) -> Reply {
    let rows: Vec<String> = tunnisteet
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                r#"{{"tunniste":"{t}","henkilo":{{"oid":"1.2.246.562.24.2000000000{i}","oppijanumero":"1.2.246.562.24.10000000003","passivoitu":false,"linked":["1.2.246.562.24.10000000003"]}}{}}}"#,
                if i == 1 { r#","conflict":true"# } else { "" }
            )
        })
        .collect();
    Reply::json(
        200,
        format!(
            r#"{{"id":{id},"kasiteltavia":{n},"kasiteltyja":{n},"kasitelty":true,"henkilot":[{}]}}"#,
            rows.join(","),
            n = tunnisteet.len()
        ),
    )
}

#[test]
fn a_stalled_batch_is_restarted_once_and_read_without_a_hetu() {
    let s = StandIn::builder()
        .edge_checks()
        .cas("svc", "pw")
        .route("PUT", &format!("{SVC}/yleistunniste"), [status(9, 2, 0)])
        // No progress until the restart, then done.
        .handler(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=9/perustiedot"),
            |_, all| {
                let restarted = all
                    .iter()
                    .any(|r| r.method == "POST" && r.path().ends_with("/yleistunniste/tuonti=9"));
                status(9, 2, if restarted { 2 } else { 0 })
            },
        )
        .route(
            "POST",
            &format!("{SVC}/yleistunniste/tuonti=9"),
            [status(9, 2, 0)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=9"),
            [results(9, &["t1", "t2"])],
        )
        .start();
    let c = client(&s);
    let mut seen = Vec::new();
    let r = c
        .send_yleistunniste(
            &batch(&[("t1", "010101A900R"), ("t2", "020202A900E")]),
            &fast(),
            &mut |p| seen.push(format!("{p:?}")),
        )
        .unwrap();
    assert_eq!((r.rows, r.sent, r.environment), (2, 2, "test"));
    assert_eq!(r.chunks.len(), 1);
    let chunk = &r.chunks[0];
    assert_eq!((chunk.id, chunk.restarted), (9, true));
    assert!(chunk.status.kasitelty);
    assert_eq!(chunk.rows, [0, 1]);
    assert_eq!(chunk.results[1].conflict, Some(true));
    assert_eq!(chunk.results[0].conflict, None);
    assert_eq!(
        chunk.results[0].henkilo.as_ref().unwrap().linked,
        ["1.2.246.562.24.10000000003"]
    );
    assert_eq!(
        s.requests_to("PUT", &format!("{SVC}/yleistunniste")).len(),
        1
    );
    assert_eq!(
        s.requests_to("POST", &format!("{SVC}/yleistunniste/tuonti=9"))
            .len(),
        1
    );
    assert!(seen[0].starts_with("Sent"), "{seen:?}");
    let text = format!("{} {r:?} {seen:?}", serde_json::to_string(&r).unwrap());
    assert!(
        !text.contains("010101") && !text.contains("020202"),
        "{text}"
    );

    // A second stall is an error.
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=8/perustiedot"),
            [status(8, 3, 1)],
        )
        .route(
            "POST",
            &format!("{SVC}/yleistunniste/tuonti=8"),
            [status(8, 3, 1)],
        )
        .start();
    let e = client(&s)
        .wait_for_yleistunniste(8, &fast().poll, &mut |_| {})
        .unwrap_err();
    assert_eq!(e.code(), "client.stalled");
    assert_eq!(
        s.requests_to("POST", &format!("{SVC}/yleistunniste/tuonti=8"))
            .len(),
        1
    );
}

#[test]
fn progress_names_each_chunk_as_it_is_sent_and_polled() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/yleistunniste"),
            [status(1, 2, 0), status(2, 1, 0)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=1/perustiedot"),
            [status(1, 2, 0), status(1, 2, 2)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=2/perustiedot"),
            [status(2, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=1"),
            [results(1, &["t1", "t2"])],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=2"),
            [results(2, &["t3"])],
        )
        .start();
    let opts = BatchOptions {
        chunk_size: 2,
        ..fast()
    };
    let b = batch(&[
        ("t1", "010101A900R"),
        ("t2", "020202A900E"),
        ("t3", "030303A9005"),
    ]);
    let mut seen = Vec::new();
    let r = client(&s)
        .send_yleistunniste(&b, &opts, &mut |p| {
            seen.push(match p {
                Progress::Sent {
                    chunk,
                    chunks,
                    id,
                    rows,
                } => format!("sent {chunk}/{chunks} id={id} rows={rows}"),
                Progress::Polled {
                    chunk,
                    chunks,
                    status,
                } => format!(
                    "polled {chunk}/{chunks} id={} {}/{}",
                    status.id, status.kasiteltyja, status.kasiteltavia
                ),
            })
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
            .map(|c| (c.id, c.rows.clone(), c.restarted, c.results.len()))
            .collect::<Vec<_>>(),
        [(1, vec![0, 1], false, 2), (2, vec![2], false, 1)]
    );
}

#[test]
fn a_batch_onr_would_refuse_is_not_sent_unless_only_accepted_rows_go_in_chunks() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/yleistunniste"),
            [status(1, 1, 1), status(2, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=1/perustiedot"),
            [status(1, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=2/perustiedot"),
            [status(2, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=1"),
            [results(1, &["t1"])],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=2"),
            [results(2, &["t3"])],
        )
        .start();
    let c = client(&s);
    let b = batch(&[
        ("t1", "010101A900R"),
        ("t2", "010101A900X"),
        ("t3", "020202A900E"),
    ]);
    let e = c.send_yleistunniste(&b, &fast(), &mut |_| {}).unwrap_err();
    assert_eq!(e.code(), "client.rejected");
    assert!(!format!("{e} {e:?}").contains("010101"), "{e:?}");
    assert!(s
        .requests_to("PUT", &format!("{SVC}/yleistunniste"))
        .is_empty());
    let opts = BatchOptions {
        only_accepted: true,
        chunk_size: 1,
        ..fast()
    };
    let r = c.send_yleistunniste(&b, &opts, &mut |_| {}).unwrap();
    assert_eq!(r.sent, 2);
    assert_eq!(r.held_back.len(), 1);
    assert_eq!(r.held_back[0].index, 1);
    assert_eq!(
        r.held_back[0].reasons,
        ["henkilot[1].henkilo.hetu: existence_check.hetu"]
    );
    assert_eq!(
        r.chunks
            .iter()
            .map(|c| (c.id, c.rows.clone()))
            .collect::<Vec<_>>(),
        [(1, vec![0]), (2, vec![2])]
    );
    let puts = s.requests_to("PUT", &format!("{SVC}/yleistunniste"));
    let tunnisteet: Vec<String> = puts
        .iter()
        .map(|p| {
            let v: serde_json::Value = serde_json::from_str(&p.body).unwrap();
            assert_eq!(v["sahkoposti"], "kirjaamo@example.fi");
            v["henkilot"][0]["tunniste"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(tunnisteet, ["t1", "t3"]);
}

#[test]
fn a_put_whose_body_went_out_is_not_resent_unless_asked() {
    let s = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/yleistunniste"),
            [Reply::json(502, "{}"), Reply::dropped(), status(4, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=4/perustiedot"),
            [status(4, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=4"),
            [results(4, &["t1"])],
        )
        .start();
    let c = client(&s);
    let b = batch(&[("t1", "010101A900R")]);
    let e = c.send_yleistunniste(&b, &fast(), &mut |_| {}).unwrap_err();
    assert_eq!((e.code(), e.status()), ("client.http", Some(502)));
    let e = c.send_yleistunniste(&b, &fast(), &mut |_| {}).unwrap_err();
    assert_eq!(e.code(), "client.unconfirmed", "{e:?}");
    assert_eq!(
        s.requests_to("PUT", &format!("{SVC}/yleistunniste")).len(),
        2
    );
    let opts = BatchOptions {
        resend_unconfirmed: true,
        ..fast()
    };
    let s2 = StandIn::builder()
        .cas("svc", "pw")
        .route(
            "PUT",
            &format!("{SVC}/yleistunniste"),
            [Reply::dropped(), status(4, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=4/perustiedot"),
            [status(4, 1, 1)],
        )
        .route(
            "GET",
            &format!("{SVC}/yleistunniste/tuonti=4"),
            [results(4, &["t1"])],
        )
        .start();
    let r = client(&s2)
        .send_yleistunniste(&b, &opts, &mut |_| {})
        .unwrap();
    assert_eq!(r.chunks[0].id, 4);
    assert_eq!(
        s2.requests_to("PUT", &format!("{SVC}/yleistunniste")).len(),
        2
    );
}
