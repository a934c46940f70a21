//! `onr_client::Client` for the JVM (the Java facade is `fi.onr.OnrClient`): every operation is
//! onr-client's; this file only converts records and errors.

// UniFFI errors cross the boundary by value (a boxed error can't be exported), and this one
// carries ONR's error body; its size is the cost of one failed network call.
#![allow(clippy::result_large_err)]

use std::sync::Arc;
use std::time::Duration;

use onr_client::feed::{Feed, FeedCursor};
use onr_client::import::{ImportOptions, ImportStatus, JsonBatch, PollOptions, ResultRow};
use onr_client::yleistunniste::{
    Batch, BatchOptions, HaeOutcome, Person, ResultRow as YleistunnisteRow, Student,
};
use onr_client::{CallerId, Client, ClientError, ClientOptions, Credentials, Secret, Target};
use onr_core::error::{Coded, Internal};
use onr_core::import::action::Unknown;
use onr_core::import::koodisto::Koodisto;
use onr_core::Lang;

use crate::error::shielded;

/// A failed call to ONR: onr-client's stable `client.*` code, the messages, ONR's HTTP status
/// (-1 when it did not answer) and its parsed error body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum NativeClientError {
    /// The only variant.
    #[error("{message_en}")]
    Failed {
        code: String,
        /// onr-core's category name (`network` for onr-client's errors, `internal` for a caught panic).
        category: String,
        message_en: String,
        message_fi: String,
        message_sv: String,
        http_status: i32,
        body_message: Option<String>,
        field_errors: Vec<FieldErrorRecord>,
    },
}

/// One of ONR's `fieldErrors`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldErrorRecord {
    pub field: String,
    pub code: Option<String>,
    pub message: Option<String>,
}

impl From<ClientError> for NativeClientError {
    fn from(e: ClientError) -> Self {
        let body = e.body().cloned().unwrap_or_default();
        NativeClientError::Failed {
            code: e.code().to_owned(),
            category: e.category().as_str().to_owned(),
            message_en: e.message(Lang::En),
            message_fi: e.message(Lang::Fi),
            message_sv: e.message(Lang::Sv),
            http_status: e.status().map_or(-1, i32::from),
            body_message: body.message,
            field_errors: body.field_errors.into_iter().map(field_error).collect(),
        }
    }
}

/// A bug caught at the boundary (`error::shielded`): `internal.*` with onr-core's fixed text, no
/// HTTP status; the facade throws it as `fi.onr.InternalException`.
impl From<Internal> for NativeClientError {
    fn from(e: Internal) -> Self {
        NativeClientError::Failed {
            code: e.code().to_owned(),
            category: e.category().as_str().to_owned(),
            message_en: e.message(Lang::En),
            message_fi: e.message(Lang::Fi),
            message_sv: e.message(Lang::Sv),
            http_status: -1,
            body_message: None,
            field_errors: Vec::new(),
        }
    }
}

/// Which answer `POST .../yleistunniste/hae` gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum HaeKind {
    /// 200: found or created.
    Found,
    /// 404: no person with the hetu and names.
    NotFound,
    /// 409: the names do not match the person of the hetu.
    NameMismatch,
    /// 400: ONR refused the input (see the field errors).
    Rejected,
}

/// onr-client's `HaeOutcome`, flattened: the identifiers when found, ONR's body otherwise.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HaeOutcomeRecord {
    pub kind: HaeKind,
    pub oid: Option<String>,
    pub oppijanumero: Option<String>,
    pub message: Option<String>,
    pub field_errors: Vec<FieldErrorRecord>,
}

impl From<HaeOutcome> for HaeOutcomeRecord {
    fn from(o: HaeOutcome) -> Self {
        let refusal = |kind, body: onr_client::ErrorBody| HaeOutcomeRecord {
            kind,
            oid: None,
            oppijanumero: None,
            message: body.message,
            field_errors: body.field_errors.into_iter().map(field_error).collect(),
        };
        match o {
            HaeOutcome::Found(ids) => HaeOutcomeRecord {
                kind: HaeKind::Found,
                oid: Some(ids.oid),
                oppijanumero: ids.oppijanumero,
                message: None,
                field_errors: Vec::new(),
            },
            HaeOutcome::NotFound(body) => refusal(HaeKind::NotFound, body),
            HaeOutcome::NameMismatch(body) => refusal(HaeKind::NameMismatch, body),
            HaeOutcome::Rejected(body) => refusal(HaeKind::Rejected, body),
        }
    }
}

/// A person by OID (`FilteredStudent`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StudentRecord {
    pub oid: String,
    pub oppijanumero: Option<String>,
    pub passivoitu: bool,
    pub linked: Vec<String>,
}

impl From<Student> for StudentRecord {
    fn from(s: Student) -> Self {
        StudentRecord {
            oid: s.oid,
            oppijanumero: s.oppijanumero,
            passivoitu: s.passivoitu,
            linked: s.linked,
        }
    }
}

/// A row of a yleistunniste batch's results (`FilteredRow`): no hetu.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct YleistunnisteRowRecord {
    pub tunniste: Option<String>,
    pub henkilo: Option<StudentRecord>,
    pub conflict: Option<bool>,
}

impl From<YleistunnisteRow> for YleistunnisteRowRecord {
    fn from(r: YleistunnisteRow) -> Self {
        YleistunnisteRowRecord {
            tunniste: r.tunniste,
            henkilo: r.henkilo.map(Into::into),
            conflict: r.conflict,
        }
    }
}

/// A yleistunniste batch's progress and rows.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct YleistunnisteResultsRecord {
    pub status: ImportStatusRecord,
    pub rows: Vec<YleistunnisteRowRecord>,
}

/// One `PUT .../yleistunniste` of a batch.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct YleistunnisteChunkRecord {
    pub id: i64,
    pub rows: Vec<i64>,
    pub status: ImportStatusRecord,
    pub restarted: bool,
    pub results: Vec<YleistunnisteRowRecord>,
}

/// The report of a yleistunniste batch over every chunk.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct YleistunnisteReportRecord {
    pub target: String,
    pub environment: String,
    pub rows: i64,
    pub sent: i64,
    pub held_back: Vec<HeldBackRecord>,
    pub chunks: Vec<YleistunnisteChunkRecord>,
}

fn held_back(h: onr_client::import::HeldBack) -> HeldBackRecord {
    HeldBackRecord {
        index: idx(h.index),
        tunniste: h.tunniste,
        reasons: h.reasons,
    }
}

fn poll(options: &SendOptionsRecord) -> PollOptions {
    PollOptions {
        first: ms(options.poll_first_ms),
        max: ms(options.poll_max_ms),
        stall_after: ms(options.stall_after_ms),
    }
}

fn field_error(f: onr_client::FieldError) -> FieldErrorRecord {
    FieldErrorRecord {
        field: f.field,
        code: f.code,
        message: f.message,
    }
}

fn config(message: String) -> NativeClientError {
    NativeClientError::from(ClientError::Config(message))
}

/// An import's progress.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportStatusRecord {
    pub id: i64,
    pub kasiteltavia: i64,
    pub kasiteltyja: i64,
    pub kasitelty: bool,
}

impl From<ImportStatus> for ImportStatusRecord {
    fn from(s: ImportStatus) -> Self {
        ImportStatusRecord {
            id: s.id,
            kasiteltavia: s.kasiteltavia,
            kasiteltyja: s.kasiteltyja,
            kasitelty: s.kasitelty,
        }
    }
}

/// A result row.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ResultRowRecord {
    pub tunniste: Option<String>,
    pub oid: Option<String>,
    /// ms since 1970, or -1.
    pub luotu: i64,
    pub conflict: bool,
}

impl From<ResultRow> for ResultRowRecord {
    fn from(r: ResultRow) -> Self {
        ResultRowRecord {
            tunniste: r.tunniste,
            oid: r.oid,
            luotu: r.luotu.unwrap_or(-1),
            conflict: r.conflict,
        }
    }
}

/// An import's progress and rows.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportResultsRecord {
    pub status: ImportStatusRecord,
    pub rows: Vec<ResultRowRecord>,
}

/// How a batch is sent.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SendOptionsRecord {
    pub chunk_size: i64,
    pub only_accepted: bool,
    pub sahkoposti: Option<String>,
    pub resend_unconfirmed: bool,
    pub poll_first_ms: i64,
    pub poll_max_ms: i64,
    pub stall_after_ms: i64,
}

/// A row held back by the pre-flight check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HeldBackRecord {
    pub index: i64,
    pub tunniste: Option<String>,
    pub reasons: Vec<String>,
}

/// One import of a batch.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChunkRecord {
    pub id: i64,
    pub rows: Vec<i64>,
    pub status: ImportStatusRecord,
    pub restarted: bool,
    pub results: Vec<ResultRowRecord>,
}

/// A difference between the prediction and ONR's result.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditRecord {
    pub index: i64,
    pub tunniste: Option<String>,
    pub code: String,
    pub detail: String,
}

/// The report over every chunk.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SendReportRecord {
    pub target: String,
    pub environment: String,
    pub rows: i64,
    pub sent: i64,
    pub held_back: Vec<HeldBackRecord>,
    pub chunks: Vec<ChunkRecord>,
    pub audit: Vec<AuditRecord>,
}

/// A change-feed entry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedEntryRecord {
    pub oid: String,
    pub master: String,
    pub passivoitu: bool,
}

/// One run of the change feed and the cursor (JSON text) to resume from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedRunRecord {
    pub entries: Vec<FeedEntryRecord>,
    pub cursor: String,
}

fn idx(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

fn ms(v: i64) -> Duration {
    Duration::from_millis(u64::try_from(v).unwrap_or(0))
}

/// A client of one ONR.
#[derive(Debug, uniffi::Object)]
pub struct NativeClient {
    inner: Client,
}

#[uniffi::export]
impl NativeClient {
    /// `env`: `qa` or `production`; `base_url`: another ONR, checked with the rules of `env`;
    /// credentials from `credentials_file` or the environment variables.
    #[uniffi::constructor]
    pub fn new(
        caller_id: String,
        env: String,
        base_url: Option<String>,
        credentials_file: Option<String>,
        timeout_ms: i64,
    ) -> Result<Arc<NativeClient>, NativeClientError> {
        shielded(|| {
            let target = Target::select(&env, base_url.as_deref())?;
            let caller = CallerId::new(&caller_id)?;
            let credentials = Credentials::from_file_or_env(
                credentials_file.as_deref().map(std::path::Path::new),
            )?;
            let options = ClientOptions {
                timeout: ms(timeout_ms),
                ..ClientOptions::default()
            };
            Ok(Arc::new(NativeClient {
                inner: Client::new(target, caller, credentials, options),
            }))
        })
    }

    /// The base URL.
    pub fn base_url(&self) -> Result<String, NativeClientError> {
        shielded(|| Ok(self.inner.target().base_url().to_owned()))
    }

    /// Checks and sends a batch (ONR's import JSON), follows every import, audits the result.
    pub fn send(
        &self,
        json: String,
        options: SendOptionsRecord,
    ) -> Result<SendReportRecord, NativeClientError> {
        shielded(|| {
            let JsonBatch {
                rows, sahkoposti, ..
            } = JsonBatch::from_json(&json)?;
            let opts = ImportOptions {
                chunk_size: usize::try_from(options.chunk_size).unwrap_or(1).max(1),
                only_accepted: options.only_accepted,
                poll: poll(&options),
                sahkoposti: options.sahkoposti.or(sahkoposti),
                resend_unconfirmed: options.resend_unconfirmed,
            };
            let r =
                self.inner
                    .send_batch(rows, &Koodisto::bundled(), &Unknown, &opts, &mut |_| {})?;
            Ok(SendReportRecord {
                target: r.target,
                environment: r.environment.to_owned(),
                rows: idx(r.rows),
                sent: idx(r.sent),
                held_back: r.held_back.into_iter().map(held_back).collect(),
                chunks: r
                    .chunks
                    .into_iter()
                    .map(|c| ChunkRecord {
                        id: c.id,
                        rows: c.rows.into_iter().map(idx).collect(),
                        status: c.status.into(),
                        restarted: c.restarted,
                        results: c.results.into_iter().map(Into::into).collect(),
                    })
                    .collect(),
                audit: r
                    .audit
                    .into_iter()
                    .map(|d| AuditRecord {
                        index: idx(d.index),
                        tunniste: d.tunniste,
                        code: d.code.to_owned(),
                        detail: d.detail,
                    })
                    .collect(),
            })
        })
    }

    /// `GET .../oppija/tuonti={id}/perustiedot`.
    pub fn import_status(&self, id: i64) -> Result<ImportStatusRecord, NativeClientError> {
        shielded(|| Ok(self.inner.import_status(id)?.into()))
    }

    /// `GET .../oppija/tuonti={id}`.
    pub fn import_results(&self, id: i64) -> Result<ImportResultsRecord, NativeClientError> {
        shielded(|| {
            let r = self.inner.import_results(id)?;
            Ok(ImportResultsRecord {
                status: r.status.into(),
                rows: r.rows.into_iter().map(Into::into).collect(),
            })
        })
    }

    /// `POST .../oppija/tuonti={id}`.
    pub fn restart_import(&self, id: i64) -> Result<ImportStatusRecord, NativeClientError> {
        shielded(|| Ok(self.inner.restart_import(id)?.into()))
    }

    /// One run of the change feed from `cursor` (a cursor's JSON text from an earlier run, or
    /// an ISO 8601 time).
    pub fn feed(&self, cursor: String, count: i32) -> Result<FeedRunRecord, NativeClientError> {
        shielded(|| {
            let start: FeedCursor = if cursor.trim_start().starts_with('{') {
                serde_json::from_str(&cursor).map_err(|_| config("not a feed cursor".into()))?
            } else {
                FeedCursor::new(cursor)
            };
            let mut feed = Feed::new(&self.inner, start, u32::try_from(count).unwrap_or(1));
            let mut entries = Vec::new();
            for page in feed.by_ref() {
                entries.extend(page?.into_iter().map(|e| FeedEntryRecord {
                    oid: e.oid,
                    master: e.master,
                    passivoitu: e.passivoitu,
                }));
            }
            let cursor = serde_json::to_string(feed.cursor()).map_err(|e| config(e.to_string()))?;
            Ok(FeedRunRecord { entries, cursor })
        })
    }

    /// `POST .../yleistunniste/hae`: finds or creates the person of a hetu and names; 400, 404
    /// and 409 are outcomes, any other failure an error. Never resent once sent.
    pub fn yleistunniste_hae(
        &self,
        hetu: String,
        etunimet: String,
        kutsumanimi: String,
        sukunimi: String,
    ) -> Result<HaeOutcomeRecord, NativeClientError> {
        shielded(|| {
            let person = Person {
                hetu: Secret::new(hetu),
                etunimet,
                kutsumanimi,
                sukunimi,
            };
            Ok(self.inner.yleistunniste_hae(&person)?.into())
        })
    }

    /// `GET .../yleistunniste/hae/{oid}`: `None` for 404.
    pub fn yleistunniste_oid(
        &self,
        oid: String,
    ) -> Result<Option<StudentRecord>, NativeClientError> {
        shielded(|| Ok(self.inner.yleistunniste_oid(&oid)?.map(Into::into)))
    }

    /// `PUT .../yleistunniste`: checks a batch (ONR's `YleistunnisteInput` JSON) with
    /// onr-core's rules, sends it in chunks, follows each to the end (a stalled one restarted
    /// once) and reads the rows. `options.sahkoposti` overrides the JSON's.
    pub fn yleistunniste_send(
        &self,
        json: String,
        options: SendOptionsRecord,
    ) -> Result<YleistunnisteReportRecord, NativeClientError> {
        shielded(|| {
            let mut batch = Batch::from_json(&json)?;
            if options.sahkoposti.is_some() {
                batch.sahkoposti.clone_from(&options.sahkoposti);
            }
            let opts = BatchOptions {
                chunk_size: usize::try_from(options.chunk_size).unwrap_or(1).max(1),
                only_accepted: options.only_accepted,
                resend_unconfirmed: options.resend_unconfirmed,
                poll: poll(&options),
            };
            let r = self.inner.send_yleistunniste(&batch, &opts, &mut |_| {})?;
            Ok(YleistunnisteReportRecord {
                target: r.target,
                environment: r.environment.to_owned(),
                rows: idx(r.rows),
                sent: idx(r.sent),
                held_back: r.held_back.into_iter().map(held_back).collect(),
                chunks: r
                    .chunks
                    .into_iter()
                    .map(|c| YleistunnisteChunkRecord {
                        id: c.id,
                        rows: c.rows.into_iter().map(idx).collect(),
                        status: c.status.into(),
                        restarted: c.restarted,
                        results: c.results.into_iter().map(Into::into).collect(),
                    })
                    .collect(),
            })
        })
    }

    /// `GET .../yleistunniste/tuonti={id}/perustiedot`.
    pub fn yleistunniste_status(&self, id: i64) -> Result<ImportStatusRecord, NativeClientError> {
        shielded(|| Ok(self.inner.yleistunniste_status(id)?.into()))
    }

    /// `GET .../yleistunniste/tuonti={id}`.
    pub fn yleistunniste_results(
        &self,
        id: i64,
    ) -> Result<YleistunnisteResultsRecord, NativeClientError> {
        shielded(|| {
            let r = self.inner.yleistunniste_results(id)?;
            Ok(YleistunnisteResultsRecord {
                status: ImportStatusRecord {
                    id: r.id,
                    kasiteltavia: r.kasiteltavia,
                    kasiteltyja: r.kasiteltyja,
                    kasitelty: r.kasitelty,
                },
                rows: r.henkilot.into_iter().map(Into::into).collect(),
            })
        })
    }

    /// `POST .../yleistunniste/tuonti={id}`: restarts a stalled batch.
    pub fn restart_yleistunniste(&self, id: i64) -> Result<ImportStatusRecord, NativeClientError> {
        shielded(|| Ok(self.inner.restart_yleistunniste(id)?.into()))
    }
}
