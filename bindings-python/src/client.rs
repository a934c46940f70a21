//! `onr.client.Client`: onr-client's `Client`, converted. Every call runs detached from the
//! interpreter (other Python threads run during the network I/O); the protocol, the
//! pre-flight check, the polling and the audit all live in onr-client.

use std::time::Duration;

use onr_client::feed::{Feed, FeedCursor};
use onr_client::import::{ImportOptions, JsonBatch, PollOptions, DEFAULT_CHUNK_SIZE};
use onr_client::yleistunniste::{Batch, BatchOptions, Person};
use onr_client::{
    CallerId, Client as RustClient, ClientError, ClientOptions, Credentials, Secret, Target,
};
use onr_core::import::action::Unknown;
use onr_core::import::koodisto::Koodisto;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{self, detached, guard};
use crate::{errors, json};

/// A client of one ONR (see ``onr.client``).
#[pyclass(name = "Client", module = "onr.client", frozen)]
#[derive(Debug)]
pub struct Client {
    inner: RustClient,
}

fn secs(what: &str, v: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(v).map_err(|_| {
        PyValueError::new_err(format!("{what} must be a non-negative number of seconds"))
    })
}

fn batch_text(batch: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = batch.cast::<PyString>() {
        return Ok(convert::str_text(s)?.into_owned());
    }
    if batch.hasattr("keys")? {
        let v: serde_json::Value = json::from_py(batch, "batch")?;
        return Ok(v.to_string());
    }
    Err(PyTypeError::new_err(format!(
        "batch must be JSON text (str) or a dict, not {}",
        convert::type_name(batch)
    )))
}

#[pymethods]
impl Client {
    /// A client. ``env`` is ``"qa"`` (default) or ``"production"``; ``base_url`` another ONR (a
    /// local stand-in), checked with the rules of ``env`` (test rules unless ``"production"``).
    /// Credentials come from ``credentials_file`` (``KEY=VALUE`` lines) or the environment:
    /// ``ONR_CAS_USERNAME`` + ``ONR_CAS_PASSWORD``, or ``ONR_OAUTH2_CLIENT_ID`` +
    /// ``ONR_OAUTH2_CLIENT_SECRET``. ``timeout`` is each call's, in seconds (onr-client's
    /// default: 30). The keyword defaults of this class are onr-client's constants; the
    /// signature shows them as ``...``.
    #[new]
    #[pyo3(signature = (caller_id, *, env = "qa", base_url = None, credentials_file = None, timeout = ClientOptions::DEFAULT_TIMEOUT.as_secs_f64()))]
    fn new(
        py: Python<'_>,
        caller_id: &str,
        env: &str,
        base_url: Option<&str>,
        credentials_file: Option<std::path::PathBuf>,
        timeout: f64,
    ) -> PyResult<Client> {
        guard(py, || {
            let target = Target::select(env, base_url).map_err(|e| errors::client(py, &e))?;
            let caller = CallerId::new(caller_id).map_err(|e| errors::client(py, &e))?;
            let credentials = Credentials::from_file_or_env(credentials_file.as_deref())
                .map_err(|e| errors::client(py, &e))?;
            let options = ClientOptions {
                timeout: secs("timeout", timeout)?,
                ..ClientOptions::default()
            };
            Ok(Client {
                inner: RustClient::new(target, caller, credentials, options),
            })
        })
    }

    /// The base URL.
    #[getter]
    fn base_url(&self) -> String {
        self.inner.target().base_url().to_owned()
    }

    /// Checks a batch (ONR's import JSON as text or a dict) with onr-core's import check, sends
    /// it in chunks of ``chunk_size`` rows, follows every import to the end and returns the
    /// report: ``rows``, ``sent``, ``held_back``, ``chunks`` (``id``, ``rows``, ``status``,
    /// ``restarted``, ``results``) and ``audit`` (the differences from the prediction).
    /// A batch ONR would refuse raises ``onr.ClientError`` (code ``client.rejected``) unless
    /// ``only_accepted``; text that is not an import batch, or one whose own fields ONR cannot
    /// read (``henkilot`` not an array, ``sahkoposti`` an object), raises ``onr.ClientError``
    /// (code ``client.config``) before anything is sent. Defaults (onr-client's): 1000 rows
    /// a chunk; polls after 1 s, doubling to 30 s; stalled after 600 s without progress.
    #[pyo3(signature = (batch, *, chunk_size = DEFAULT_CHUNK_SIZE, only_accepted = false, sahkoposti = None, resend_unconfirmed = false, poll_first = PollOptions::DEFAULT.first.as_secs_f64(), poll_max = PollOptions::DEFAULT.max.as_secs_f64(), stall_after = PollOptions::DEFAULT.stall_after.as_secs_f64()))]
    #[allow(clippy::too_many_arguments)]
    fn send<'py>(
        &self,
        py: Python<'py>,
        batch: &Bound<'py, PyAny>,
        chunk_size: usize,
        only_accepted: bool,
        sahkoposti: Option<String>,
        resend_unconfirmed: bool,
        poll_first: f64,
        poll_max: f64,
        stall_after: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let text = batch_text(batch)?;
            let JsonBatch {
                rows,
                sahkoposti: in_batch,
                ..
            } = JsonBatch::from_json(&text).map_err(|e| errors::client(py, &e))?;
            let options = ImportOptions {
                chunk_size: chunk_size.max(1),
                only_accepted,
                sahkoposti: sahkoposti.or(in_batch),
                resend_unconfirmed,
                poll: PollOptions {
                    first: secs("poll_first", poll_first)?,
                    max: secs("poll_max", poll_max)?,
                    stall_after: secs("stall_after", stall_after)?,
                },
            };
            let inner = &self.inner;
            let result = detached(py, move || {
                inner.send_batch(rows, &Koodisto::bundled(), &Unknown, &options, &mut |_| {})
            })?;
            let report = result.map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &report)
        })
    }

    /// An import's progress: ``id``, ``kasiteltavia``, ``kasiteltyja``, ``kasitelty``.
    fn import_status<'py>(&self, py: Python<'py>, id: i64) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let inner = &self.inner;
            let s = detached(py, move || inner.import_status(id))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &s)
        })
    }

    /// An import's results: ``status`` and ``rows`` (``tunniste``, ``oid``, ``luotu``, ``conflict``).
    fn import_results<'py>(&self, py: Python<'py>, id: i64) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let inner = &self.inner;
            let r = detached(py, move || inner.import_results(id))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &r)
        })
    }

    /// Restarts a stalled import (``POST .../oppija/tuonti={id}``); returns its progress.
    fn restart_import<'py>(&self, py: Python<'py>, id: i64) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let inner = &self.inner;
            let s = detached(py, move || inner.restart_import(id))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &s)
        })
    }

    /// Reads one run of the change feed from ``cursor`` (a cursor dict saved from an earlier
    /// call, or an ISO 8601 time to start from); returns ``{"entries": [{oid, master,
    /// passivoitu}], "cursor": {...}}``. Save the cursor to resume. A failed page raises
    /// ``onr.ClientError``. ``count`` is the page size (onr-client's default: 1000).
    #[pyo3(signature = (cursor, *, count = onr_client::feed::DEFAULT_COUNT))]
    fn feed<'py>(
        &self,
        py: Python<'py>,
        cursor: &Bound<'py, PyAny>,
        count: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let cursor: FeedCursor = if let Ok(s) = cursor.cast::<PyString>() {
                FeedCursor::new(convert::str_text(s)?.into_owned())
            } else {
                json::from_py(cursor, "feed cursor")?
            };
            let inner = &self.inner;
            let (entries, cursor) = detached(py, move || {
                let mut feed = Feed::new(inner, cursor, count);
                let mut entries = Vec::new();
                for page in feed.by_ref() {
                    entries.extend(page?);
                }
                Ok::<_, ClientError>((entries, feed.cursor().clone()))
            })?
            .map_err(|e| errors::client(py, &e))?;
            json::to_py(
                py,
                &serde_json::json!({"entries": entries, "cursor": cursor}),
            )
        })
    }

    /// Finds or creates the person of a hetu and names (``POST .../yleistunniste/hae``):
    /// ``{"outcome": "found", "oid", "oppijanumero"}``, or ``{"outcome": "not_found" |
    /// "name_mismatch" | "rejected", "message", "field_errors"}`` (ONR's 404 / 409 / 400,
    /// hetus redacted). Any other failure raises ``onr.ClientError``. Never resent once sent.
    fn yleistunniste_hae<'py>(
        &self,
        py: Python<'py>,
        hetu: &str,
        etunimet: &str,
        kutsumanimi: &str,
        sukunimi: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let person = Person {
                hetu: Secret::new(hetu),
                etunimet: etunimet.to_owned(),
                kutsumanimi: kutsumanimi.to_owned(),
                sukunimi: sukunimi.to_owned(),
            };
            let inner = &self.inner;
            let outcome = detached(py, move || inner.yleistunniste_hae(&person))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &outcome)
        })
    }

    /// The person of an OID (``GET .../yleistunniste/hae/{oid}``): ``oid``, ``oppijanumero``,
    /// ``passivoitu``, ``linked``; ``None`` when ONR has none (404).
    fn yleistunniste_oid<'py>(&self, py: Python<'py>, oid: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let inner = &self.inner;
            let student = detached(py, move || inner.yleistunniste_oid(oid))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &student)
        })
    }

    /// Checks a yleistunniste batch (ONR's ``YleistunnisteInput`` as JSON text or a dict:
    /// ``{"sahkoposti", "henkilot": [{"tunniste", "henkilo": {"hetu", "etunimet",
    /// "kutsumanimi", "sukunimi"}}]}``) with onr-core's rules of ``PUT .../yleistunniste``,
    /// sends it in chunks, follows each to the end (a stalled one is restarted once) and
    /// returns the report: ``rows``, ``sent``, ``held_back``, ``chunks`` (``id``, ``rows``,
    /// ``status``, ``restarted``, ``results``). No hetu in it. A batch ONR would refuse raises
    /// ``onr.ClientError`` (code ``client.rejected``) unless ``only_accepted``.
    #[pyo3(signature = (batch, *, chunk_size = DEFAULT_CHUNK_SIZE, only_accepted = false, sahkoposti = None, resend_unconfirmed = false, poll_first = PollOptions::DEFAULT.first.as_secs_f64(), poll_max = PollOptions::DEFAULT.max.as_secs_f64(), stall_after = PollOptions::DEFAULT.stall_after.as_secs_f64()))]
    #[allow(clippy::too_many_arguments)]
    fn yleistunniste_send<'py>(
        &self,
        py: Python<'py>,
        batch: &Bound<'py, PyAny>,
        chunk_size: usize,
        only_accepted: bool,
        sahkoposti: Option<String>,
        resend_unconfirmed: bool,
        poll_first: f64,
        poll_max: f64,
        stall_after: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let text = batch_text(batch)?;
            let mut batch = Batch::from_json(&text).map_err(|e| errors::client(py, &e))?;
            if sahkoposti.is_some() {
                batch.sahkoposti = sahkoposti;
            }
            let options = BatchOptions {
                chunk_size: chunk_size.max(1),
                only_accepted,
                resend_unconfirmed,
                poll: PollOptions {
                    first: secs("poll_first", poll_first)?,
                    max: secs("poll_max", poll_max)?,
                    stall_after: secs("stall_after", stall_after)?,
                },
            };
            let inner = &self.inner;
            let report = detached(py, move || {
                inner.send_yleistunniste(&batch, &options, &mut |_| {})
            })?
            .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &report)
        })
    }

    /// A yleistunniste batch's progress: ``id``, ``kasiteltavia``, ``kasiteltyja``, ``kasitelty``.
    fn yleistunniste_status<'py>(&self, py: Python<'py>, id: i64) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let inner = &self.inner;
            let s = detached(py, move || inner.yleistunniste_status(id))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &s)
        })
    }

    /// A yleistunniste batch's progress and rows (``henkilot``: ``tunniste``, ``henkilo``,
    /// ``conflict``).
    fn yleistunniste_results<'py>(&self, py: Python<'py>, id: i64) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let inner = &self.inner;
            let r = detached(py, move || inner.yleistunniste_results(id))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &r)
        })
    }

    /// Restarts a stalled yleistunniste batch (``POST .../yleistunniste/tuonti={id}``).
    fn restart_yleistunniste<'py>(&self, py: Python<'py>, id: i64) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let inner = &self.inner;
            let s = detached(py, move || inner.restart_yleistunniste(id))?
                .map_err(|e| errors::client(py, &e))?;
            json::to_py(py, &s)
        })
    }

    fn __repr__(&self) -> String {
        format!("Client(base_url={:?})", self.inner.target().base_url())
    }
}
