//! Sending a batch: the pre-flight check, chunks, `PUT /oppija`, polling until ONR has
//! processed each import, the results, and the audit of ONR's result against the prediction.

use std::time::{Duration, Instant};

use chrono::Utc;
use onr_core::import::action::{ActionKind, ExistingPersons};
use onr_core::import::koodisto::Koodisto;
use onr_core::import::{Batch, CheckOptions, Checker, Row, RowInput, RowReport};

use crate::client::Client;
use crate::error::ClientError;
use crate::protocol::{Body, Method, Resend};

/// Rows per import by default; see the README ("Sending to ONR") for why.
pub const DEFAULT_CHUNK_SIZE: usize = 1000;

/// ONR's import request (`PUT /oppija` JSON) read for [`Client::send_batch`]: its rows and
/// its `sahkoposti`. Every front end reads a JSON batch to send with it.
///
/// # Example
///
/// ```
/// use onr_client::import::JsonBatch;
/// let b = JsonBatch::from_json(r#"{"sahkoposti": "a@example.fi", "henkilot": [{"henkilo": {}}]}"#)?;
/// assert_eq!((b.rows.len(), b.sahkoposti.as_deref()), (1, Some("a@example.fi")));
/// // ONR cannot read the batch's own fields: it refuses the whole request, so it is not sent.
/// let e = JsonBatch::from_json(r#"{"henkilot": {"henkilo": {}}}"#).unwrap_err();
/// assert_eq!(e.code(), "client.config");
/// assert!(e.to_string().contains("henkilot"));
/// # Ok::<(), onr_client::ClientError>(())
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct JsonBatch {
    /// The rows, in order, each as read (a row ONR cannot read is kept with its problem: the
    /// pre-flight check reports it).
    pub rows: Vec<RowInput>,
    /// The batch's notification e-mail.
    pub sahkoposti: Option<String>,
}

/// The rows hold hetus: `Debug` shows how many there are, never their values.
///
/// ```
/// let b = onr_client::import::JsonBatch::from_json(r#"{"henkilot": [{"henkilo": {"hetu": "010101A900R"}}]}"#)?;
/// let shown = format!("{b:?}");
/// assert!(!shown.contains("010101A900R") && shown.contains("rows: 1"), "{shown}");
/// # Ok::<(), onr_client::ClientError>(())
/// ```
impl std::fmt::Debug for JsonBatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonBatch")
            .field("rows", &self.rows.len())
            .field("sahkoposti", &self.sahkoposti)
            .finish()
    }
}

impl JsonBatch {
    /// Reads the request body of `PUT /oppija`.
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] for text that is not a JSON object, or a batch-level value ONR
    /// cannot read (`sahkoposti` an object or array, `henkilot` not an array: ONR refuses the whole
    /// request with HTTP 400); the message names the field and quotes no value.
    pub fn from_json(text: &str) -> Result<JsonBatch, ClientError> {
        let mut rows = Vec::new();
        let header = onr_core::import::json::read(text, |r| rows.push(r))
            .map_err(|e| ClientError::Config(format!("not an import batch: {e}")))?;
        if let Some(p) = header.problems.first() {
            return Err(ClientError::Config(format!(
                "{}: {} (ONR refuses the whole request)",
                p.field, p.detail
            )));
        }
        Ok(JsonBatch {
            rows,
            sahkoposti: header.sahkoposti,
        })
    }
}

/// How a batch is sent.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Rows per import (each chunk is one `PUT /oppija`, one import id).
    pub chunk_size: usize,
    /// Send only the rows ONR accepts and return the others with their reasons; by default a
    /// batch with any rejected row is not sent at all (ONR would refuse it whole).
    pub only_accepted: bool,
    /// The batch's `sahkoposti` (ONR mails it when an official has to act).
    pub sahkoposti: Option<String>,
    /// Resend `PUT /oppija` after a timeout, a broken connection or a 5xx (may import twice).
    pub resend_unconfirmed: bool,
    /// Polling of `perustiedot`.
    pub poll: PollOptions,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            chunk_size: DEFAULT_CHUNK_SIZE,
            only_accepted: false,
            sahkoposti: None,
            resend_unconfirmed: false,
            poll: PollOptions::default(),
        }
    }
}

/// How `GET .../tuonti={id}/perustiedot` is polled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollOptions {
    /// The first wait (1 s), doubled after each poll.
    pub first: Duration,
    /// The longest wait (30 s).
    pub max: Duration,
    /// No progress for this long makes the import stalled (10 min): it is restarted once
    /// (`POST .../tuonti={id}`), and a second stall is [`ClientError::Stalled`].
    pub stall_after: Duration,
}

impl PollOptions {
    /// The defaults: 1 s doubling to 30 s, stalled after 10 min (what every front end offers
    /// as its default).
    ///
    /// ```
    /// use onr_client::import::PollOptions;
    /// assert_eq!(PollOptions::DEFAULT, PollOptions::default());
    /// assert_eq!(PollOptions::DEFAULT.stall_after.as_secs(), 600);
    /// ```
    pub const DEFAULT: PollOptions = PollOptions {
        first: Duration::from_secs(1),
        max: Duration::from_secs(30),
        stall_after: Duration::from_secs(600),
    };
}

impl Default for PollOptions {
    fn default() -> Self {
        PollOptions::DEFAULT
    }
}

/// `OppijaTuontiPerustiedotReadDto`: an import's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportStatus {
    /// The import id.
    pub id: i64,
    /// Rows to process.
    pub kasiteltavia: i64,
    /// Rows processed.
    pub kasiteltyja: i64,
    /// Whether every row is processed.
    pub kasitelty: bool,
}

/// A row of an import's results (`OppijaTuontiRiviReadDto`): the source's `tunniste`, the
/// person it became (`oid`, creation time) and whether ONR flagged a name conflict.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ResultRow {
    /// The row's `tunniste`.
    pub tunniste: Option<String>,
    /// The person's OID.
    pub oid: Option<String>,
    /// When the person was created (ms since 1970), if ONR said.
    pub luotu: Option<i64>,
    /// ONR's name-conflict flag.
    pub conflict: bool,
    /// The person's hetu as ONR returned it (used only to pair rows without a `tunniste`;
    /// never serialized or printed).
    #[serde(skip)]
    hetu: Option<crate::Secret>,
}

/// `OppijaTuontiReadDto`: an import's progress and its rows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportResults {
    /// The progress.
    pub status: ImportStatus,
    /// The rows.
    pub rows: Vec<ResultRow>,
}

#[derive(serde::Deserialize)]
struct ResultsDto {
    id: i64,
    #[serde(default)]
    kasiteltavia: i64,
    #[serde(default)]
    kasiteltyja: i64,
    #[serde(default)]
    kasitelty: bool,
    #[serde(default)]
    henkilot: Vec<RowDto>,
}

#[derive(serde::Deserialize)]
struct RowDto {
    tunniste: Option<String>,
    henkilo: Option<PersonDto>,
    conflict: Option<bool>,
}

#[derive(serde::Deserialize)]
struct PersonDto {
    oid: Option<String>,
    hetu: Option<String>,
    luotu: Option<serde_json::Value>,
}

impl Client {
    /// `GET .../oppija/tuonti={id}/perustiedot`.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`].
    pub fn import_status(&self, id: i64) -> Result<ImportStatus, ClientError> {
        self.get_json(self.urls().import_status(id))
    }

    /// `GET .../oppija/tuonti={id}`.
    ///
    /// # Errors
    ///
    /// As [`Client::get_json`].
    pub fn import_results(&self, id: i64) -> Result<ImportResults, ClientError> {
        let dto: ResultsDto = self.get_json(self.urls().import_results(id))?;
        Ok(ImportResults {
            status: ImportStatus {
                id: dto.id,
                kasiteltavia: dto.kasiteltavia,
                kasiteltyja: dto.kasiteltyja,
                kasitelty: dto.kasitelty,
            },
            rows: dto
                .henkilot
                .into_iter()
                .map(|r| {
                    let p = r.henkilo;
                    ResultRow {
                        tunniste: r.tunniste,
                        oid: p.as_ref().and_then(|p| p.oid.clone()),
                        luotu: p.as_ref().and_then(|p| p.luotu.as_ref()).and_then(millis),
                        conflict: r.conflict.unwrap_or(false),
                        hetu: p.and_then(|p| p.hetu).map(crate::Secret::new),
                    }
                })
                .collect(),
        })
    }

    /// `POST .../oppija/tuonti={id}`: restarts a stalled import.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub fn restart_import(&self, id: i64) -> Result<ImportStatus, ClientError> {
        let mut req = self.request(Method::Post, self.urls().import_results(id));
        req.resend = Resend::IfNotSent;
        self.call(&req)?.json(&req)
    }

    /// `PUT .../oppija` of one batch, as it is (no check); returns the new import.
    ///
    /// # Errors
    ///
    /// As [`Client::call`]; [`ClientError::Unconfirmed`] when the body went out but no
    /// answer came (not resent unless `resend`).
    pub fn put_batch(&self, batch: &Batch, resend: bool) -> Result<ImportStatus, ClientError> {
        self.put_import(Oppija::put_url(self), batch_body(batch)?, resend)
    }

    /// A `PUT` that starts an asynchronous import on ONR (`/oppija` or `/yleistunniste`), with
    /// the import's timeout. It is never resent once its body went out (a resend would start a
    /// second import) unless `resend` says so.
    pub(crate) fn put_import(
        &self,
        url: String,
        body: String,
        resend: bool,
    ) -> Result<ImportStatus, ClientError> {
        let mut req = self.request(Method::Put, url);
        req.timeout = self.options().import_timeout;
        req.body = Body::Json(body);
        req.resend = if resend {
            Resend::Always
        } else {
            Resend::IfNotSent
        };
        self.call(&req)?.json(&req)
    }

    /// Polls an import until ONR has processed it, restarting it once if it stalls.
    ///
    /// # Errors
    ///
    /// [`ClientError::Stalled`] after a second stall, or the errors of the calls.
    pub fn wait_for_import(
        &self,
        id: i64,
        poll: &PollOptions,
        progress: &mut dyn FnMut(&ImportStatus),
    ) -> Result<(ImportStatus, bool), ClientError> {
        self.wait_until_processed::<Oppija>(id, poll, progress)
    }

    /// The poller of every background import ONR has (`/oppija` and `/yleistunniste`): reads
    /// the progress with `K::status` from `poll.first`, doubling the wait up to `poll.max`,
    /// until `kasitelty`; no progress for `poll.stall_after` restarts the import once with
    /// `K::restart`. Returns the last progress and whether it was restarted.
    pub(crate) fn wait_until_processed<K: ImportKind>(
        &self,
        id: i64,
        poll: &PollOptions,
        progress: &mut dyn FnMut(&ImportStatus),
    ) -> Result<(ImportStatus, bool), ClientError> {
        let mut wait = poll.first;
        let mut restarted = false;
        let mut last = (-1i64, Instant::now());
        loop {
            let s = K::status(self, id)?;
            progress(&s);
            if s.kasitelty {
                return Ok((s, restarted));
            }
            if s.kasiteltyja != last.0 {
                last = (s.kasiteltyja, Instant::now());
            } else if last.1.elapsed() >= poll.stall_after {
                if restarted {
                    return Err(ClientError::Stalled {
                        id,
                        done: s.kasiteltyja,
                        total: s.kasiteltavia,
                    });
                }
                K::restart(self, id)?;
                restarted = true;
                last = (s.kasiteltyja, Instant::now());
                wait = poll.first;
            }
            std::thread::sleep(wait);
            wait = (wait * 2).min(poll.max);
        }
    }

    /// Checks `rows` with onr-core's import checker (the target's environment), then sends
    /// them in chunks, follows every import to the end, reads the results and audits them
    /// against the prediction.
    ///
    /// # Errors
    ///
    /// [`ClientError::Rejected`] (nothing sent) when ONR would refuse the batch and
    /// `only_accepted` is off, or when the batch itself is wrong; the errors of the calls
    /// otherwise (the imports made before the failure are in no report: their ids were given
    /// to `progress`).
    pub fn send_batch(
        &self,
        rows: Vec<RowInput>,
        koodisto: &Koodisto,
        registry: &dyn ExistingPersons,
        options: &ImportOptions,
        progress: &mut dyn FnMut(Progress<'_>),
    ) -> Result<ImportReport, ClientError> {
        let plan = preflight(
            rows,
            koodisto,
            registry,
            self.target().environment(),
            options,
        )?;
        let mut report = ImportReport {
            target: self.target().base_url().to_owned(),
            environment: self.target().environment().as_str(),
            rows: plan.total,
            sent: plan.send.len(),
            held_back: plan.held_back,
            chunks: Vec::new(),
            audit: Vec::new(),
        };
        let size = options.chunk_size.max(1);
        let chunks: Vec<&[Planned]> = plan.send.chunks(size).collect();
        let n = chunks.len();
        for (i, chunk) in chunks.into_iter().enumerate() {
            let batch = Batch {
                sahkoposti: options.sahkoposti.clone(),
                henkilot: Some(chunk.iter().map(|p| Some(p.row.clone())).collect()),
            };
            let run = self.run_chunk::<Oppija>(
                batch_body(&batch)?,
                chunk.len(),
                (i + 1, n),
                options.resend_unconfirmed,
                &options.poll,
                progress,
            )?;
            report
                .audit
                .extend(audit(chunk, &run.results.rows, run.sent_at_ms));
            let rows = chunk.iter().map(|p| p.index).collect();
            report.chunks.push(run.report(rows, |r| r.rows));
        }
        Ok(report)
    }

    /// One chunk of a batch, the same for every kind of import: the `PUT` of `body` (never
    /// resent once it went out unless `resend`), [`Progress::Sent`], the poller to the end
    /// ([`Progress::Polled`] for each answer; a stall restarts the import once), then the
    /// results. `chunk` is `(number from 1, chunks in all)`, `rows` the rows in `body`.
    pub(crate) fn run_chunk<K: ImportKind>(
        &self,
        body: String,
        rows: usize,
        (chunk, chunks): (usize, usize),
        resend: bool,
        poll: &PollOptions,
        progress: &mut dyn FnMut(Progress<'_>),
    ) -> Result<ChunkRun<K::Results>, ClientError> {
        let sent_at_ms = Utc::now().timestamp_millis();
        let created = self.put_import(K::put_url(self), body, resend)?;
        progress(Progress::Sent {
            chunk,
            chunks,
            id: created.id,
            rows,
        });
        let (status, restarted) = self.wait_until_processed::<K>(created.id, poll, &mut |s| {
            progress(Progress::Polled {
                chunk,
                chunks,
                status: s,
            })
        })?;
        let results = K::results(self, created.id)?;
        Ok(ChunkRun {
            id: created.id,
            sent_at_ms,
            status,
            restarted,
            results,
        })
    }
}

/// A kind of ONR's asynchronous imports (`PUT /oppija`, `PUT /yleistunniste`): where its
/// chunks go, how their progress is read and restarted, and what their results are. The
/// chunk step ([`Client::run_chunk`]) and the poller are written once over it.
pub(crate) trait ImportKind {
    /// What `GET .../tuonti={id}` answers.
    type Results;
    /// The `PUT` that starts an import.
    fn put_url(client: &Client) -> String;
    /// `GET .../tuonti={id}/perustiedot`.
    fn status(client: &Client, id: i64) -> Result<ImportStatus, ClientError>;
    /// `POST .../tuonti={id}`.
    fn restart(client: &Client, id: i64) -> Result<ImportStatus, ClientError>;
    /// `GET .../tuonti={id}`.
    fn results(client: &Client, id: i64) -> Result<Self::Results, ClientError>;
}

/// `PUT /oppija`: the import of persons.
pub(crate) struct Oppija;

impl ImportKind for Oppija {
    type Results = ImportResults;

    fn put_url(client: &Client) -> String {
        client.urls().import()
    }

    fn status(client: &Client, id: i64) -> Result<ImportStatus, ClientError> {
        client.import_status(id)
    }

    fn restart(client: &Client, id: i64) -> Result<ImportStatus, ClientError> {
        client.restart_import(id)
    }

    fn results(client: &Client, id: i64) -> Result<ImportResults, ClientError> {
        client.import_results(id)
    }
}

/// What one chunk became: its import, when it was sent, its final progress, whether it was
/// restarted, and its results.
pub(crate) struct ChunkRun<R> {
    pub(crate) id: i64,
    pub(crate) sent_at_ms: i64,
    pub(crate) status: ImportStatus,
    pub(crate) restarted: bool,
    pub(crate) results: R,
}

/// The body of `PUT /oppija`.
fn batch_body(batch: &Batch) -> Result<String, ClientError> {
    serde_json::to_string(batch)
        .map_err(|e| ClientError::Config(format!("batch not serializable: {e}")))
}

fn millis(v: &serde_json::Value) -> Option<i64> {
    match v {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => chrono::DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|d| d.timestamp_millis()),
        _ => None,
    }
}

/// What [`Client::send_batch`] is doing.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// A chunk was accepted by ONR as import `id`.
    Sent {
        /// The chunk (from 1).
        chunk: usize,
        /// Chunks in all.
        chunks: usize,
        /// The import id.
        id: i64,
        /// Rows in the chunk.
        rows: usize,
    },
    /// A poll's answer.
    Polled {
        /// The chunk (from 1).
        chunk: usize,
        /// Chunks in all.
        chunks: usize,
        /// The progress.
        status: &'a ImportStatus,
    },
}

/// A row the pre-flight check held back, with ONR's reasons (`field: key`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HeldBack {
    /// The row index in the input.
    pub index: usize,
    /// The row's tunniste.
    pub tunniste: Option<String>,
    /// `field: key` of each error.
    pub reasons: Vec<String>,
}

/// A row to send, with what the check predicted for it.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The row index in the input.
    pub index: usize,
    /// The row.
    pub row: Row,
    /// The check's report on it.
    pub report: RowReport,
}

/// The pre-flight check's plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Rows read.
    pub total: usize,
    /// The rows to send, in order.
    pub send: Vec<Planned>,
    /// The rows held back.
    pub held_back: Vec<HeldBack>,
}

/// Runs onr-core's import check over `rows` and decides what is sent.
///
/// # Errors
///
/// [`ClientError::Rejected`] when the batch itself is wrong (its `sahkoposti`, no rows),
/// when any row is rejected and `only_accepted` is off, or when no row is left to send.
pub fn preflight(
    rows: Vec<RowInput>,
    koodisto: &Koodisto,
    registry: &dyn ExistingPersons,
    env: onr_core::Environment,
    options: &ImportOptions,
) -> Result<Plan, ClientError> {
    let check = CheckOptions {
        env,
        ..CheckOptions::default()
    };
    let mut checker = Checker::with_registry(koodisto, check, registry);
    let total = rows.len();
    let mut send = Vec::new();
    let mut held_back = Vec::new();
    for input in rows {
        let index = input.index;
        let row = input.row.clone();
        let report = checker.check(input);
        match (report.errors.is_empty(), row) {
            (true, Some(row)) => send.push(Planned { index, row, report }),
            _ => held_back.push(HeldBack {
                index,
                tunniste: report.tunniste.clone(),
                reasons: if report.errors.is_empty() {
                    vec![format!("henkilot[{index}]: null")]
                } else {
                    report
                        .errors
                        .iter()
                        .map(|e| format!("{}: {}", e.field, e.key()))
                        .collect()
                },
            }),
        }
    }
    let batch_errors = checker.batch_errors(options.sahkoposti.as_deref(), Some(send.len().max(1)));
    let refuse = !batch_errors.is_empty()
        || (!held_back.is_empty() && !options.only_accepted)
        || send.is_empty();
    if refuse {
        let mut reasons: Vec<String> = batch_errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.key()))
            .collect();
        reasons.extend(
            held_back
                .iter()
                .flat_map(|h| h.reasons.iter().cloned())
                .take(20),
        );
        if send.is_empty() && reasons.is_empty() {
            reasons.push("henkilot: no rows".into());
        }
        return Err(ClientError::Rejected {
            rejected: held_back.len(),
            batch_errors: batch_errors.len(),
            reasons,
        });
    }
    Ok(Plan {
        total,
        send,
        held_back,
    })
}

/// One import of a batch: a chunk sent, followed to the end and read, with the rows it
/// held. `R` is a result row of the import's kind: [`ResultRow`] of `PUT /oppija` (the
/// default), [`yleistunniste::ResultRow`](crate::yleistunniste::ResultRow) of
/// `PUT /yleistunniste` ([`BatchChunk`](crate::yleistunniste::BatchChunk)).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChunkReport<R = ResultRow> {
    /// ONR's import id.
    pub id: i64,
    /// The input indices of its rows.
    pub rows: Vec<usize>,
    /// Its final progress.
    pub status: ImportStatus,
    /// Whether it was restarted after a stall.
    pub restarted: bool,
    /// ONR's result rows.
    pub results: Vec<R>,
}

impl<R> ChunkRun<R> {
    /// The chunk's report: the input rows it held and its result rows, taken from the results.
    pub(crate) fn report<T>(
        self,
        rows: Vec<usize>,
        result_rows: impl FnOnce(R) -> Vec<T>,
    ) -> ChunkReport<T> {
        ChunkReport {
            id: self.id,
            rows,
            status: self.status,
            restarted: self.restarted,
            results: result_rows(self.results),
        }
    }
}

/// A difference between the prediction and ONR's result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditDiff {
    /// The input row.
    pub index: usize,
    /// Its tunniste.
    pub tunniste: Option<String>,
    /// A stable code: `audit.missing_result`, `audit.other_person`, `audit.created_not_matched`,
    /// `audit.matched_not_created`, `audit.not_same_as_row`, `audit.conflict`, `audit.no_conflict`.
    pub code: &'static str,
    /// What was predicted and what happened.
    pub detail: String,
}

/// The report over every chunk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// The base URL.
    pub target: String,
    /// The rules checked with.
    pub environment: &'static str,
    /// Rows read.
    pub rows: usize,
    /// Rows sent.
    pub sent: usize,
    /// Rows held back by the check.
    pub held_back: Vec<HeldBack>,
    /// The imports.
    pub chunks: Vec<ChunkReport>,
    /// The differences between prediction and result.
    pub audit: Vec<AuditDiff>,
}

/// How long before sending a person may have been created and still count as created by the
/// import (the clocks of ONR and this machine differ).
const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;

/// Compares ONR's result rows with the prediction for the rows of one import. Rows are paired
/// by `tunniste`, else by hetu; "created" means the person's `luotu` is not earlier than the
/// send minus five minutes.
pub fn audit(rows: &[Planned], results: &[ResultRow], sent_at_ms: i64) -> Vec<AuditDiff> {
    let find = |p: &Planned| -> Option<&ResultRow> {
        if let Some(t) = &p.row.tunniste {
            return results.iter().find(|r| r.tunniste.as_ref() == Some(t));
        }
        let hetu = p
            .row
            .henkilo
            .as_ref()?
            .hetu
            .as_deref()
            .filter(|h| !h.is_empty())?;
        results
            .iter()
            .find(|r| r.tunniste.is_none() && r.hetu.as_ref().map(|s| s.expose()) == Some(hetu))
    };
    let paired: Vec<Option<&ResultRow>> = rows.iter().map(find).collect();
    let mut out = Vec::new();
    for (p, got) in rows.iter().zip(&paired) {
        let diff = |code: &'static str, detail: String| AuditDiff {
            index: p.index,
            tunniste: p.row.tunniste.clone(),
            code,
            detail,
        };
        let Some(got) = got else {
            out.push(diff(
                "audit.missing_result",
                "no result row for this row".into(),
            ));
            continue;
        };
        let a = &p.report.action;
        let created = got.luotu.map(|l| l >= sent_at_ms - CLOCK_SKEW_MS);
        match a.kind {
            ActionKind::Match => {
                if got.oid != a.oid {
                    out.push(diff(
                        "audit.other_person",
                        format!(
                            "predicted a match with {} by {}, got {}",
                            a.oid.as_deref().unwrap_or("?"),
                            a.by.map_or("?", |b| b.as_str()),
                            got.oid.as_deref().unwrap_or("no person")
                        ),
                    ));
                }
            }
            ActionKind::Create => {
                if created == Some(false) {
                    out.push(diff(
                        "audit.matched_not_created",
                        format!(
                            "predicted a new person, got the existing {}",
                            got.oid.as_deref().unwrap_or("?")
                        ),
                    ));
                }
            }
            ActionKind::SameAsRow | ActionKind::MatchOrSameAsRow => {
                let other = a
                    .row
                    .and_then(|r| rows.iter().position(|q| q.index == r))
                    .and_then(|i| paired[i]);
                let same = other.is_some_and(|o| o.oid == got.oid);
                let matched_instead =
                    a.kind == ActionKind::MatchOrSameAsRow && created == Some(false);
                if !same && !matched_instead {
                    out.push(diff(
                        "audit.not_same_as_row",
                        format!(
                            "predicted the person of row {}, got {}",
                            a.row.map_or("?".into(), |r| r.to_string()),
                            got.oid.as_deref().unwrap_or("no person")
                        ),
                    ));
                }
            }
            ActionKind::MatchOrCreate | ActionKind::None => {}
        }
        match (a.conflict, got.conflict) {
            (Some(false), true) => out.push(diff(
                "audit.conflict",
                "ONR flagged a name conflict the check did not predict".into(),
            )),
            (Some(true), false) => out.push(diff(
                "audit.no_conflict",
                "the check predicted a name conflict ONR did not flag".into(),
            )),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use onr_core::import::action::Action;
    use onr_core::import::lint::MatchBy;

    fn planned(
        index: usize,
        tunniste: &str,
        kind: ActionKind,
        oid: Option<&str>,
        row: Option<usize>,
        conflict: Option<bool>,
    ) -> Planned {
        Planned {
            index,
            row: Row {
                tunniste: Some(tunniste.into()),
                henkilo: Some(onr_core::import::RowPerson::default()),
                conflict: None,
            },
            report: RowReport {
                index,
                line: None,
                tunniste: Some(tunniste.into()),
                errors: Vec::new(),
                later: Vec::new(),
                warnings: Vec::new(),
                action: Action {
                    kind,
                    by: oid.map(|_| MatchBy::Oid),
                    oid: oid.map(Into::into),
                    row,
                    maybe: Vec::new(),
                    conflict,
                },
                duplicate_candidates: Vec::new(),
            },
        }
    }

    fn result(tunniste: &str, oid: &str, luotu: i64, conflict: bool) -> ResultRow {
        ResultRow {
            tunniste: Some(tunniste.into()),
            oid: Some(oid.into()),
            luotu: Some(luotu),
            conflict,
            hetu: None,
        }
    }

    #[test]
    fn every_kind_of_difference_is_reported_and_agreement_is_silent() {
        let sent = 10_000_000;
        let rows = [
            planned(0, "a", ActionKind::Match, Some("X"), None, Some(false)),
            planned(1, "b", ActionKind::Match, Some("X"), None, Some(false)),
            planned(2, "c", ActionKind::Create, None, None, Some(false)),
            planned(3, "d", ActionKind::Create, None, None, Some(false)),
            planned(4, "e", ActionKind::SameAsRow, None, Some(3), Some(false)),
            planned(5, "f", ActionKind::SameAsRow, None, Some(3), Some(true)),
            planned(6, "g", ActionKind::MatchOrCreate, None, None, None),
            planned(7, "h", ActionKind::Create, None, None, None),
        ];
        let results = [
            result("a", "X", 0, false),                  // as predicted
            result("b", "Y", 0, true),                   // other person, and a conflict
            result("c", "N1", sent, false),              // created, as predicted
            result("d", "OLD", sent - 3_600_000, false), // matched an old person
            result("e", "OLD", sent, false),             // same as row d: as predicted
            result("f", "N2", sent, false),              // not row d's person; no conflict
            result("g", "Z", 0, true),                   // anything goes; conflict unknown
        ];
        let diffs = audit(&rows, &results, sent);
        let got: Vec<(usize, &str)> = diffs.iter().map(|d| (d.index, d.code)).collect();
        assert_eq!(
            got,
            [
                (1, "audit.other_person"),
                (1, "audit.conflict"),
                (3, "audit.matched_not_created"),
                (5, "audit.not_same_as_row"),
                (5, "audit.no_conflict"),
                (7, "audit.missing_result"),
            ]
        );
    }
}
