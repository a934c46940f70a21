//! Test data: `HetuGenerator` and `generate`, onr-core's deterministic generator, converted.

use onr_core::hetu::{self as core};
use pyo3::prelude::*;

use crate::convert::{self, guard};
use crate::errors;

use super::Hetu;

/// A deterministic generator of valid hetus for test data: the same seed gives the same codes
/// on every platform.
///
/// >>> import datetime
/// >>> from onr import hetu
/// >>> g = hetu.Generator(seed=42)
/// >>> code = g.temporary(datetime.date(2024, 2, 29))
/// >>> code.is_temporary, code.birth_date
/// (True, datetime.date(2024, 2, 29))
#[pyclass(module = "onr.hetu", name = "HetuGenerator")]
#[derive(Debug)]
pub struct HetuGenerator(core::Generator);

#[pymethods]
impl HetuGenerator {
    #[new]
    #[pyo3(signature = (seed = 0))]
    fn new(seed: u64) -> Self {
        HetuGenerator(core::Generator::new(seed))
    }

    /// A temporary code (individual number 900-999) for the birth date; ``onr.HetuError``
    /// for dates outside 1800-01-01..2099-12-31.
    #[pyo3(signature = (birth_date, /))]
    fn temporary(&mut self, py: Python<'_>, birth_date: &Bound<'_, PyAny>) -> PyResult<Hetu> {
        guard(py, || {
            let date = convert::date(birth_date, "birth_date")?;
            self.0
                .temporary(date)
                .map(Hetu)
                .map_err(|e| errors::generate(py, &e))
        })
    }

    /// An ordinary code (individual number 002-899), which may belong to a real person: use
    /// ``temporary`` for test data.
    #[pyo3(signature = (birth_date, /))]
    fn ordinary(&mut self, py: Python<'_>, birth_date: &Bound<'_, PyAny>) -> PyResult<Hetu> {
        guard(py, || {
            let date = convert::date(birth_date, "birth_date")?;
            self.0
                .ordinary(date)
                .map(Hetu)
                .map_err(|e| errors::generate(py, &e))
        })
    }

    fn __repr__(&self) -> &'static str {
        "HetuGenerator(...)"
    }
}

/// A temporary test code (individual number 900-999) for the birth date, the first one
/// ``Generator(seed)`` makes.
///
/// >>> import datetime
/// >>> from onr import hetu
/// >>> code = hetu.generate(datetime.date(1999, 12, 31), seed=7)
/// >>> code == hetu.generate(datetime.date(1999, 12, 31), seed=7), code.is_temporary
/// (True, True)
#[pyfunction]
#[pyo3(signature = (birth_date, /, seed = 0))]
pub fn hetu_generate(py: Python<'_>, birth_date: &Bound<'_, PyAny>, seed: u64) -> PyResult<Hetu> {
    guard(py, || {
        let date = convert::date(birth_date, "birth_date")?;
        core::Generator::new(seed)
            .temporary(date)
            .map(Hetu)
            .map_err(|e| errors::generate(py, &e))
    })
}
