//! onr-core's errors as the Python exceptions of `onr._errors`: the class of the family, the
//! stable code, the category, the position and the message in every language.

use onr_core::error::Coded;
use onr_core::hetu::{GenerateError, HetuError};
use onr_core::linking::LinkError;
use onr_core::oid::OidError;
use onr_core::person::PersonError;
use onr_core::Lang;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyInt, PyString};

fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    MODULE
        .get_or_try_init(py, || py.import("onr._errors").map(Bound::unbind))?
        .bind(py)
        .getattr(name)
}

/// A new (not raised) instance of the exception class `class_name` for `err`.
fn instance<'py, E: Coded + ?Sized>(
    py: Python<'py>,
    class_name: &str,
    err: &E,
    position: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let messages = Lang::ALL.map(|lang| (lang, err.message(lang)));
    build(
        py,
        class_name,
        err.code(),
        err.category().as_str(),
        position,
        &messages,
    )
}

fn build<'py>(
    py: Python<'py>,
    class_name: &str,
    code: &str,
    category: &str,
    position: Option<usize>,
    messages: &[(Lang, String)],
) -> PyResult<Bound<'py, PyAny>> {
    let by_lang = PyDict::new(py);
    for (lang, message) in messages {
        by_lang.set_item(lang.as_str(), message)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", code)?;
    kwargs.set_item("category", category)?;
    kwargs.set_item("position", position)?;
    kwargs.set_item("messages", by_lang)?;
    let english = messages
        .iter()
        .find(|(lang, _)| *lang == Lang::En)
        .map_or("", |(_, m)| m.as_str());
    class(py, class_name)?.call((english,), Some(&kwargs))
}

/// The exception for `err`, raised, with extra attributes (`http_status`, `onr_message`).
fn raise_with<E: Coded + ?Sized>(
    py: Python<'_>,
    class_name: &str,
    err: &E,
    extra: &[(&str, Bound<'_, PyAny>)],
) -> PyErr {
    let made = instance(py, class_name, err, None).and_then(|exc| {
        for (name, value) in extra {
            exc.setattr(*name, value)?;
        }
        Ok(exc)
    });
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

fn raise<E: Coded + ?Sized>(
    py: Python<'_>,
    class_name: &str,
    err: &E,
    position: Option<usize>,
) -> PyErr {
    match instance(py, class_name, err, position) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `onr.HetuError` for a rejected hetu.
pub fn hetu(py: Python<'_>, err: &HetuError) -> PyErr {
    raise(py, "HetuError", err, err.position())
}

/// The `onr.HetuError` instance for a rejected hetu, not raised (for batch results).
pub fn hetu_instance<'py>(py: Python<'py>, err: &HetuError) -> PyResult<Bound<'py, PyAny>> {
    instance(py, "HetuError", err, err.position())
}

/// `onr.HetuError` for a birth date that no hetu can encode.
pub fn generate(py: Python<'_>, err: &GenerateError) -> PyErr {
    raise(py, "HetuError", err, None)
}

/// `onr.OidError` for a rejected OID.
pub fn oid(py: Python<'_>, err: &OidError) -> PyErr {
    raise(py, "OidError", err, None)
}

/// The `onr.OidError` instance for a rejected OID, not raised (for batch results).
pub fn oid_instance<'py>(py: Python<'py>, err: &OidError) -> PyResult<Bound<'py, PyAny>> {
    instance(py, "OidError", err, None)
}

/// `onr.LinkError` for a refused linking operation, with ONR's HTTP status and message.
pub fn link(py: Python<'_>, err: &LinkError) -> PyErr {
    let extra = onr_details(py, err.http_status(), err.onr_message());
    raise_with(py, "LinkError", err, &extra)
}

/// `onr.PersonError` for a refused change to a person, with ONR's HTTP status and message.
pub fn person(py: Python<'_>, err: &PersonError) -> PyErr {
    let extra = onr_details(py, err.http_status(), Some(err.onr_message().to_owned()));
    raise_with(py, "PersonError", err, &extra)
}

/// The `http_status` and `onr_message` attributes.
fn onr_details<'py>(
    py: Python<'py>,
    status: u16,
    message: Option<String>,
) -> [(&'static str, Bound<'py, PyAny>); 2] {
    let message = match message {
        Some(m) => PyString::new(py, &m).into_any(),
        None => py.None().into_bound(py),
    };
    [
        ("http_status", PyInt::new(py, status).into_any()),
        ("onr_message", message),
    ]
}

/// The exception class `class_name` of `onr._errors` for any coded error, raised.
pub fn coded<E: Coded + ?Sized>(py: Python<'_>, class_name: &str, err: &E) -> PyErr {
    raise(py, class_name, err, None)
}

/// `onr.OnrError` (code `cell.flag`, `cell.date`) for a cell that does not hold its value;
/// `what` (e.g. `record 3: passivoitu`) leads every message.
pub fn cell(py: Python<'_>, err: &onr_core::cell::CellError, what: &str) -> PyErr {
    let messages = Lang::ALL.map(|lang| (lang, format!("{what}: {}", err.message(lang))));
    match build(
        py,
        "OnrError",
        err.code(),
        err.category().as_str(),
        None,
        &messages,
    ) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `onr.InternalError` for a Rust panic caught at the boundary: `internal.panic` with
/// onr-core's fixed text. The panic's own text is not passed on, as it could quote the input.
pub fn internal(py: Python<'_>) -> PyErr {
    raise(py, "InternalError", &onr_core::error::Internal::Panic, None)
}

/// `onr.ClientError` for a failed call to ONR (onr-client), with `http_status` (or `None`) and
/// `body` (ONR's parsed error body, or `None`).
pub fn client(py: Python<'_>, err: &onr_client::ClientError) -> PyErr {
    let messages = Lang::ALL.map(|lang| (lang, err.message(lang)));
    let made = build(
        py,
        "ClientError",
        err.code(),
        err.category().as_str(),
        None,
        &messages,
    )
    .and_then(|exc| {
        exc.setattr("http_status", err.status())?;
        let body = match err.body() {
            Some(b) => crate::json::to_py(py, b)?,
            None => py.None().into_bound(py),
        };
        exc.setattr("body", body)?;
        Ok(exc)
    });
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}
