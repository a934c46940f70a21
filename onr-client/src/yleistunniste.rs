//! Yleistunniste: the learner number as a general identifier (ONR's `/yleistunniste` API,
//! which answers without the sensitive fields of `/oppija`).
//!
//! * `POST .../yleistunniste/hae` finds a person by hetu and names, or creates one:
//!   [`Client::yleistunniste_hae`] gives a [`HaeOutcome`]: found or created (`oid`,
//!   `oppijanumero`), not found (404: the hetu is not in the population register) or a name
//!   mismatch (409: the names do not match the person of the hetu) or rejected (400: ONR
//!   refused the input; its field errors say why).
//! * `GET .../yleistunniste/hae/{oid}`: [`Client::yleistunniste_oid`], `None` for 404.
//! * `PUT .../yleistunniste`: a batch (`sahkoposti`, `henkilot[]` of `tunniste` and person),
//!   processed in the background like `PUT /oppija`. [`Client::send_yleistunniste`] is the
//!   whole flow: onr-core's check of what ONR validates ([`onr_core::import::yleistunniste`];
//!   ONR refuses the whole batch for one bad row, so by default nothing is sent then), chunks,
//!   `PUT`, polling of `.../yleistunniste/tuonti={id}/perustiedot` with the import's poller
//!   (a stalled batch is restarted once) and the results (`.../yleistunniste/tuonti={id}`).
//!   The single steps are [`Client::put_yleistunniste`], [`Client::yleistunniste_status`],
//!   [`Client::restart_yleistunniste`], [`Client::wait_for_yleistunniste`] and
//!   [`Client::yleistunniste_results`]. A `PUT` whose body went out is never resent unless
//!   the caller asks (a resend makes a second batch).
//!
//! Hetus are held in [`Secret`]s: no `Debug` or error shows them.

use crate::client::Client;
use crate::error::{ClientError, ErrorBody};
use crate::import::{
    HeldBack, ImportKind, ImportStatus, PollOptions, Progress, DEFAULT_CHUNK_SIZE,
};
use crate::protocol::{Body, Method, Resend, SERVICE};
use crate::secret::Secret;
use onr_core::error::Coded;
use onr_core::import::yleistunniste::{self as check, BatchError, RowFields};

/// A person to find or create (`HenkiloExistenceCheckDto`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The hetu (never printed).
    pub hetu: Secret,
    /// First names.
    pub etunimet: String,
    /// The nickname, one of the first names.
    pub kutsumanimi: String,
    /// The surname.
    pub sukunimi: String,
}

impl Person {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "hetu": self.hetu.expose(),
            "etunimet": self.etunimet,
            "kutsumanimi": self.kutsumanimi,
            "sukunimi": self.sukunimi,
        })
    }
}

/// A person's identifiers (`YleistunnisteDto`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Identifiers {
    /// The person's OID.
    pub oid: String,
    /// The learner number (the master's OID), if the person has one.
    pub oppijanumero: Option<String>,
}

/// The answer of `POST .../yleistunniste/hae`.
///
/// Serialized (the one view the CLI and the bindings print) as an object tagged by `outcome`:
/// `{"outcome": "found", "oid", "oppijanumero"}`, `{"outcome": "not_found" | "name_mismatch",
/// "message", "field_errors"}`, `{"outcome": "rejected", "message", "field_errors"}` (ONR's
/// body, hetus redacted).
///
/// ```
/// use onr_client::yleistunniste::{HaeOutcome, Identifiers};
/// let found = HaeOutcome::Found(Identifiers { oid: "1.2.246.562.24.10000000003".into(), oppijanumero: None });
/// assert_eq!(
///     serde_json::to_string(&found).unwrap(),
///     r#"{"outcome":"found","oid":"1.2.246.562.24.10000000003","oppijanumero":null}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum HaeOutcome {
    /// 200: found, or created.
    Found(Identifiers),
    /// 404: no person with the hetu and names could be found or created.
    NotFound(ErrorBody),
    /// 409: the names do not match the person of the hetu.
    NameMismatch(ErrorBody),
    /// 400: ONR refused the input (its field errors say which field and rule).
    Rejected(ErrorBody),
}

/// The answer of `GET .../yleistunniste/hae/{oid}` and a person of a batch's results
/// (`FilteredStudent`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Student {
    /// The OID.
    pub oid: String,
    /// The learner number, if any.
    pub oppijanumero: Option<String>,
    /// Whether the person is passivated.
    #[serde(default)]
    pub passivoitu: bool,
    /// Every linked OID (master and duplicates), when ONR gives them.
    #[serde(default)]
    pub linked: Vec<String>,
}

/// A row of a batch (`YleistunnisteInputRow`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRow {
    /// The source system's identifier of the person.
    pub tunniste: String,
    /// The person.
    pub henkilo: Person,
}

/// A batch (`YleistunnisteInput`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    /// The address ONR mails when an official has to act.
    pub sahkoposti: Option<String>,
    /// The rows (at least one).
    pub henkilot: Vec<BatchRow>,
}

#[derive(serde::Deserialize)]
struct InputDto {
    sahkoposti: Option<String>,
    henkilot: Option<Vec<Option<RowDto>>>,
}

#[derive(serde::Deserialize)]
struct RowDto {
    tunniste: Option<String>,
    henkilo: Option<PersonDto>,
}

#[derive(serde::Deserialize)]
struct PersonDto {
    hetu: Option<String>,
    etunimet: Option<String>,
    kutsumanimi: Option<String>,
    sukunimi: Option<String>,
}

impl Batch {
    /// Reads ONR's `YleistunnisteInput` JSON: `{"sahkoposti": ..., "henkilot": [{"tunniste":
    /// ..., "henkilo": {"hetu", "etunimet", "kutsumanimi", "sukunimi"}}]}`. A missing or null
    /// field reads as `""` (ONR refuses both alike, and so does the pre-flight check); a
    /// missing `henkilot` as no rows.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_client::yleistunniste::Batch;
    /// let b = Batch::from_json(r#"{"henkilot":[{"tunniste":"t1","henkilo":{"hetu":"010101A900R","etunimet":"Aino","kutsumanimi":"Aino","sukunimi":"Virtanen"}}]}"#)?;
    /// assert_eq!(b.henkilot[0].tunniste, "t1");
    /// let e = Batch::from_json(r#"{"henkilot":[{"henkilo":{"hetu":101}}]}"#).unwrap_err();
    /// assert_eq!(e.code(), "client.config");
    /// # Ok::<(), onr_client::ClientError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] for text that is not such JSON (the message quotes no value),
    /// or a row or person that is `null`.
    pub fn from_json(text: &str) -> Result<Batch, ClientError> {
        let dto: InputDto =
            serde_json::from_str(onr_core::input::strip_bom(text)).map_err(|e| {
                ClientError::Config(format!(
                    "not a yleistunniste batch: {}",
                    crate::protocol::strip_serde_value(&e.to_string())
                ))
            })?;
        let henkilot = dto
            .henkilot
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let null = |what: &str| {
                    ClientError::Config(format!(
                        "henkilot[{i}]{what} is null (ONR refuses the whole batch)"
                    ))
                };
                let r = r.ok_or_else(|| null(""))?;
                let p = r.henkilo.ok_or_else(|| null(".henkilo"))?;
                Ok(BatchRow {
                    tunniste: r.tunniste.unwrap_or_default(),
                    henkilo: Person {
                        hetu: Secret::new(p.hetu.unwrap_or_default()),
                        etunimet: p.etunimet.unwrap_or_default(),
                        kutsumanimi: p.kutsumanimi.unwrap_or_default(),
                        sukunimi: p.sukunimi.unwrap_or_default(),
                    },
                })
            })
            .collect::<Result<_, ClientError>>()?;
        Ok(Batch {
            sahkoposti: dto.sahkoposti,
            henkilot,
        })
    }

    fn to_json(&self) -> String {
        Batch::body(self.sahkoposti.as_deref(), self.henkilot.iter())
    }

    fn body<'a>(sahkoposti: Option<&str>, rows: impl Iterator<Item = &'a BatchRow>) -> String {
        let rows: Vec<serde_json::Value> = rows
            .map(|r| serde_json::json!({"tunniste": r.tunniste, "henkilo": r.henkilo.to_json()}))
            .collect();
        let mut v = serde_json::json!({ "henkilot": rows });
        if let Some(s) = sahkoposti {
            v["sahkoposti"] = serde_json::Value::String(s.to_owned());
        }
        v.to_string()
    }

    /// The fields onr-core's check reads.
    fn fields(row: &BatchRow) -> RowFields<'_> {
        RowFields {
            tunniste: &row.tunniste,
            hetu: row.henkilo.hetu.expose(),
            etunimet: &row.henkilo.etunimet,
            kutsumanimi: &row.henkilo.kutsumanimi,
            sukunimi: &row.henkilo.sukunimi,
        }
    }
}

/// How [`Client::send_yleistunniste`] sends a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Rows per `PUT` (each chunk is one batch, one import id); the import's default.
    pub chunk_size: usize,
    /// Send only the rows ONR accepts and return the others with their reasons; by default a
    /// batch with any refused row is not sent at all (ONR would refuse it whole).
    pub only_accepted: bool,
    /// Resend the `PUT` after a timeout, a broken connection or a 5xx (may create twice).
    pub resend_unconfirmed: bool,
    /// Polling of `perustiedot` (the import's).
    pub poll: PollOptions,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            chunk_size: DEFAULT_CHUNK_SIZE,
            only_accepted: false,
            resend_unconfirmed: false,
            poll: PollOptions::default(),
        }
    }
}

/// One `PUT .../yleistunniste` of a batch: its import id, input rows, final progress, whether
/// it was restarted, and ONR's result rows (`tunniste`, the person's identifiers, `conflict`:
/// no hetu).
pub type BatchChunk = crate::import::ChunkReport<ResultRow>;

/// The report of [`Client::send_yleistunniste`] over every chunk (no hetu in it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BatchReport {
    /// The base URL.
    pub target: String,
    /// The rules checked with.
    pub environment: &'static str,
    /// Rows read.
    pub rows: usize,
    /// Rows sent.
    pub sent: usize,
    /// Rows held back by the check, with `field: code` reasons.
    pub held_back: Vec<HeldBack>,
    /// The batches ONR processed.
    pub chunks: Vec<BatchChunk>,
}

/// Checks a batch with onr-core's rules of `PUT /yleistunniste`
/// ([`onr_core::import::yleistunniste`]) and returns the indices of the rows to send and the
/// rows held back (reasons `field: code`).
///
/// # Errors
///
/// [`ClientError::Rejected`] (nothing to send) when the batch itself is wrong (`sahkoposti`,
/// no rows), when any row is refused and `only_accepted` is off, or when no row is left.
pub fn preflight_batch(
    batch: &Batch,
    env: onr_core::Environment,
    only_accepted: bool,
) -> Result<(Vec<usize>, Vec<HeldBack>), ClientError> {
    let reason = |e: &BatchError| format!("{}: {}", e.field(), e.code());
    let mut send = Vec::new();
    let mut held_back = Vec::new();
    for (i, row) in batch.henkilot.iter().enumerate() {
        let errors = check::row_errors(i, &Batch::fields(row), env);
        if errors.is_empty() {
            send.push(i);
        } else {
            held_back.push(HeldBack {
                index: i,
                tunniste: Some(row.tunniste.clone()),
                reasons: errors.iter().map(reason).collect(),
            });
        }
    }
    let batch_errors = check::batch_errors(batch.sahkoposti.as_deref(), batch.henkilot.len());
    if !batch_errors.is_empty() || (!held_back.is_empty() && !only_accepted) || send.is_empty() {
        let mut reasons: Vec<String> = batch_errors.iter().map(reason).collect();
        reasons.extend(
            held_back
                .iter()
                .flat_map(|h| h.reasons.iter().cloned())
                .take(20),
        );
        return Err(ClientError::Rejected {
            rejected: held_back.len(),
            batch_errors: batch_errors.len(),
            reasons,
        });
    }
    Ok((send, held_back))
}

/// A row of a batch's results (`FilteredRow`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResultRow {
    /// The row's `tunniste`.
    pub tunniste: Option<String>,
    /// The person.
    pub henkilo: Option<Student>,
    /// ONR's name-conflict flag.
    #[serde(default)]
    pub conflict: Option<bool>,
}

/// A batch's progress and rows (`FilteredResult`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Results {
    /// The import id.
    pub id: i64,
    /// Rows to process.
    #[serde(default)]
    pub kasiteltavia: i64,
    /// Rows processed.
    #[serde(default)]
    pub kasiteltyja: i64,
    /// Whether every row is processed.
    #[serde(default)]
    pub kasitelty: bool,
    /// The rows.
    #[serde(default)]
    pub henkilot: Vec<ResultRow>,
}

fn url(client: &Client, tail: &str) -> String {
    format!("{}{SERVICE}/yleistunniste{tail}", client.urls().base())
}

impl Client {
    /// `POST .../yleistunniste/hae`: finds or creates the person.
    ///
    /// Not resent once the body went out (a resend could create the person twice).
    ///
    /// # Errors
    ///
    /// [`ClientError::Http`] for an error status other than 400, 404 and 409, and the errors
    /// of [`Client::call`].
    pub fn yleistunniste_hae(&self, person: &Person) -> Result<HaeOutcome, ClientError> {
        let mut req = self.request(Method::Post, url(self, "/hae"));
        req.body = Body::Json(person.to_json().to_string());
        req.resend = Resend::IfNotSent;
        match self.call(&req) {
            Ok(resp) => Ok(HaeOutcome::Found(resp.json(&req)?)),
            Err(ClientError::Http {
                status: 404, body, ..
            }) => Ok(HaeOutcome::NotFound(body)),
            Err(ClientError::Http {
                status: 409, body, ..
            }) => Ok(HaeOutcome::NameMismatch(body)),
            Err(ClientError::Http {
                status: 400, body, ..
            }) => Ok(HaeOutcome::Rejected(body)),
            Err(e) => Err(e),
        }
    }

    /// `GET .../yleistunniste/hae/{oid}`: the person of an OID, `None` when there is none.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`], for a status other than 404.
    pub fn yleistunniste_oid(&self, oid: &str) -> Result<Option<Student>, ClientError> {
        let u = url(self, &format!("/hae/{}", crate::protocol::encode(oid)));
        match self.get_json(u) {
            Ok(s) => Ok(Some(s)),
            Err(ClientError::Http { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `PUT .../yleistunniste`: starts a batch; returns the new import. Not resent once the
    /// body went out unless `resend` (a resend makes a second import).
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] for a batch without rows (ONR refuses it with 400), and the
    /// errors of [`Client::call`].
    pub fn put_yleistunniste(
        &self,
        batch: &Batch,
        resend: bool,
    ) -> Result<ImportStatus, ClientError> {
        if batch.henkilot.is_empty() {
            return Err(ClientError::Config(
                "a yleistunniste batch needs at least one row".into(),
            ));
        }
        self.put_import(Yleistunniste::put_url(self), batch.to_json(), resend)
    }

    /// `GET .../yleistunniste/tuonti={id}/perustiedot`.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`].
    pub fn yleistunniste_status(&self, id: i64) -> Result<ImportStatus, ClientError> {
        self.get_json(url(self, &format!("/tuonti={id}/perustiedot")))
    }

    /// `GET .../yleistunniste/tuonti={id}`.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`].
    pub fn yleistunniste_results(&self, id: i64) -> Result<Results, ClientError> {
        self.get_json(url(self, &format!("/tuonti={id}")))
    }

    /// `POST .../yleistunniste/tuonti={id}`: restarts a stalled batch.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub fn restart_yleistunniste(&self, id: i64) -> Result<ImportStatus, ClientError> {
        let mut req = self.request(Method::Post, url(self, &format!("/tuonti={id}")));
        req.resend = Resend::IfNotSent;
        self.call(&req)?.json(&req)
    }
}

impl Client {
    /// Checks a batch with onr-core's rules of `PUT /yleistunniste` (the target's
    /// environment), sends it in chunks, follows every chunk to the end with the import's
    /// poller (a stalled one is restarted once) and reads the results.
    ///
    /// # Errors
    ///
    /// [`ClientError::Rejected`] (nothing sent) when ONR would refuse the batch and
    /// `only_accepted` is off, or when the batch itself is wrong; the errors of the calls
    /// otherwise ([`ClientError::Unconfirmed`] when a `PUT`'s body went out without an answer;
    /// the ids of chunks made before a failure were given to `progress`).
    pub fn send_yleistunniste(
        &self,
        batch: &Batch,
        options: &BatchOptions,
        progress: &mut dyn FnMut(Progress<'_>),
    ) -> Result<BatchReport, ClientError> {
        let env = self.target().environment();
        let (send, held_back) = preflight_batch(batch, env, options.only_accepted)?;
        let mut report = BatchReport {
            target: self.target().base_url().to_owned(),
            environment: env.as_str(),
            rows: batch.henkilot.len(),
            sent: send.len(),
            held_back,
            chunks: Vec::new(),
        };
        let chunks: Vec<&[usize]> = send.chunks(options.chunk_size.max(1)).collect();
        let n = chunks.len();
        for (i, rows) in chunks.into_iter().enumerate() {
            let body = Batch::body(
                batch.sahkoposti.as_deref(),
                rows.iter().map(|&r| &batch.henkilot[r]),
            );
            let run = self.run_chunk::<Yleistunniste>(
                body,
                rows.len(),
                (i + 1, n),
                options.resend_unconfirmed,
                &options.poll,
                progress,
            )?;
            report
                .chunks
                .push(run.report(rows.to_vec(), |r| r.henkilot));
        }
        Ok(report)
    }

    /// Polls a batch until ONR has processed it, restarting it once if it stalls (the
    /// import's poller, over `.../yleistunniste/tuonti={id}`); returns the last progress and
    /// whether it was restarted.
    ///
    /// # Errors
    ///
    /// [`ClientError::Stalled`] after a second stall, or the errors of the calls.
    pub fn wait_for_yleistunniste(
        &self,
        id: i64,
        poll: &PollOptions,
        progress: &mut dyn FnMut(&ImportStatus),
    ) -> Result<(ImportStatus, bool), ClientError> {
        self.wait_until_processed::<Yleistunniste>(id, poll, progress)
    }
}

/// `PUT /yleistunniste`: a batch of the general identifier.
struct Yleistunniste;

impl ImportKind for Yleistunniste {
    type Results = Results;

    fn put_url(client: &Client) -> String {
        url(client, "")
    }

    fn status(client: &Client, id: i64) -> Result<ImportStatus, ClientError> {
        client.yleistunniste_status(id)
    }

    fn restart(client: &Client, id: i64) -> Result<ImportStatus, ClientError> {
        client.restart_yleistunniste(id)
    }

    fn results(client: &Client, id: i64) -> Result<Results, ClientError> {
        client.yleistunniste_results(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person() -> Person {
        Person {
            hetu: Secret::new("010101A900R"),
            etunimet: "Aino Maria".into(),
            kutsumanimi: "Aino".into(),
            sukunimi: "Virtanen".into(),
        }
    }

    #[test]
    fn hetus_never_in_debug() {
        let b = Batch {
            sahkoposti: None,
            henkilot: vec![BatchRow {
                tunniste: "t1".into(),
                henkilo: person(),
            }],
        };
        let d = format!("{:?} {b:?}", person());
        assert!(!d.contains("010101") && !d.contains("900R"), "{d}");
        assert!(d.contains("Virtanen"));
    }

    #[test]
    fn batch_body_has_onr_field_names() {
        let b = Batch {
            sahkoposti: Some("a@b.fi".into()),
            henkilot: vec![BatchRow {
                tunniste: "t1".into(),
                henkilo: person(),
            }],
        };
        let v: serde_json::Value = serde_json::from_str(&b.to_json()).unwrap();
        assert_eq!(v["sahkoposti"], "a@b.fi");
        assert_eq!(v["henkilot"][0]["tunniste"], "t1");
        assert_eq!(v["henkilot"][0]["henkilo"]["hetu"], "010101A900R");
        assert_eq!(v["henkilot"][0]["henkilo"]["kutsumanimi"], "Aino");
        let none = Batch {
            sahkoposti: None,
            ..b
        };
        assert!(!none.to_json().contains("sahkoposti"));
    }

    fn row(tunniste: &str, hetu: &str) -> BatchRow {
        BatchRow {
            tunniste: tunniste.into(),
            henkilo: Person {
                hetu: Secret::new(hetu),
                ..person()
            },
        }
    }

    #[test]
    fn preflight_holds_back_what_onr_refuses_and_refuses_the_batch_by_default() {
        let b = Batch {
            sahkoposti: None,
            henkilot: vec![
                row("t0", "010101A900R"),
                row(" ", "010101A900R"),
                row("t2", "010101A900X"),
            ],
        };
        let env = onr_core::Environment::Test;
        let ClientError::Rejected {
            rejected, reasons, ..
        } = preflight_batch(&b, env, false).unwrap_err()
        else {
            panic!("a refused row refuses the batch")
        };
        assert_eq!(rejected, 2);
        assert_eq!(
            reasons,
            [
                "henkilot[1].tunniste: yleistunniste.tunniste_blank",
                "henkilot[2].henkilo.hetu: existence_check.hetu"
            ]
        );
        let (send, held) = preflight_batch(&b, env, true).unwrap();
        assert_eq!(send, [0]);
        assert_eq!(held.iter().map(|h| h.index).collect::<Vec<_>>(), [1, 2]);
        assert!(!format!("{held:?}").contains("010101"));
        // Production refuses the temporary hetu of every row; nothing is left to send.
        assert!(matches!(
            preflight_batch(&b, onr_core::Environment::Production, true),
            Err(ClientError::Rejected { rejected: 3, .. })
        ));
        let bad_mail = Batch {
            sahkoposti: Some("kirjaamo".into()),
            henkilot: vec![row("t0", "010101A900R")],
        };
        let e = preflight_batch(&bad_mail, env, true).unwrap_err();
        assert!(
            matches!(
                e,
                ClientError::Rejected {
                    batch_errors: 1,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn a_chunk_body_has_only_its_rows() {
        let b = Batch {
            sahkoposti: Some("a@b.fi".into()),
            henkilot: vec![row("t0", "010101A900R"), row("t1", "010101A900R")],
        };
        let v: serde_json::Value = serde_json::from_str(&Batch::body(
            b.sahkoposti.as_deref(),
            [&b.henkilot[1]].into_iter(),
        ))
        .unwrap();
        assert_eq!(v["henkilot"].as_array().unwrap().len(), 1);
        assert_eq!(v["henkilot"][0]["tunniste"], "t1");
        assert_eq!(v["sahkoposti"], "a@b.fi");
    }
}
