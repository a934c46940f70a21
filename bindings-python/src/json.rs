//! Records and reports (person records, linking outcomes, violations) cross the boundary as
//! ONR's own JSON shapes: onr-core's serde derives write them, Python's `json` reads them.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::de::DeserializeOwned;
use serde::Serialize;

fn json_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static JSON: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    Ok(JSON
        .get_or_try_init(py, || py.import("json").map(Bound::unbind))?
        .bind(py))
}

/// A Rust value as plain Python data (dicts, lists, strings, numbers, booleans, `None`).
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| PyValueError::new_err(format!("cannot convert to Python: {e}")))?;
    json_module(py)?.call_method1("loads", (text,))
}

/// Plain Python data as a Rust value; dates become ISO text and sets sorted lists first.
pub fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let py = obj.py();
    static DEFAULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let default = DEFAULT.get_or_try_init(py, || {
        py.import("onr._convert")?
            .getattr("json_default")
            .map(Bound::unbind)
    })?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("default", default.bind(py))?;
    let text: String = json_module(py)?
        .call_method("dumps", (obj,), Some(&kwargs))?
        .extract()?;
    serde_json::from_str(&text).map_err(|e| PyValueError::new_err(format!("invalid {what}: {e}")))
}
