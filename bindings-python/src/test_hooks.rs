//! Functions that only the pytest suite calls, built with the `test-hooks` feature (which
//! `scripts/test-python.sh` turns on); a release wheel has none.

use pyo3::prelude::*;

use crate::convert::{detached, guard};

/// Raises a Rust panic whose message is ``message`` inside the boundary guard (attached to the
/// interpreter, or ``detached`` from it): the test suite proves with it that a panic arrives as
/// ``onr.InternalError`` with fixed text, never as PyO3's ``PanicException``, and that the panic
/// hook never prints the message.
#[pyfunction]
#[pyo3(signature = (message, detached_))]
pub fn _panic_for_tests(py: Python<'_>, message: String, detached_: bool) -> PyResult<()> {
    if detached_ {
        return detached(py, || -> () { panic!("{message}") });
    }
    guard(py, || -> PyResult<()> { panic!("{message}") })
}
