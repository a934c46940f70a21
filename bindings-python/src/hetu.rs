//! `onr.hetu` and `onr.Hetu`: onr-core's `hetu` module, converted. The value is here; the
//! policy (`validator.rs`), a batch's verdicts (`results.rs`), help for dirty data
//! (`repair.rs`) and test data (`generate.rs`) have a file each, as in onr-core.

use chrono::NaiveDate;
use onr_core::error::Coded;
use onr_core::hetu::{self as core, HetuError, HetuWarning, HetuWarnings, Sex};
use onr_core::Environment;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{self, guard};
use crate::errors;

mod generate;
mod repair;
mod results;
mod validator;
pub use generate::{hetu_generate, HetuGenerator};
pub use repair::{hetu_normalize, hetu_suggest, Normalized, Suggestion};
pub use results::{
    hetu_is_valid, hetu_is_valid_strict, hetu_validate_columns, hetu_validate_columns_strict,
    hetu_validate_many, hetu_validate_many_strict, HetuResult, HetuResults, HetuResultsIter,
};
pub use validator::Validator;

/// The `onr.Sex` member.
fn sex<'py>(py: Python<'py>, sex: Sex) -> PyResult<Bound<'py, PyAny>> {
    convert::enum_member(py, "Sex", sex.code())
}

fn warnings_tuple<'py>(py: Python<'py>, warnings: HetuWarnings) -> PyResult<Bound<'py, PyTuple>> {
    let members = warnings
        .iter()
        .map(|w| convert::enum_member(py, "HetuWarning", w.code()))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, members)
}

/// A valid hetu (henkilötunnus, the Finnish personal identity code).
///
/// Made only by ``Hetu.parse`` (ONR's verdict), ``Hetu.parse_strict`` (the official rules) and
/// the generators, so it always holds a code that passed. ``str(hetu)`` is the canonical form;
/// ``repr`` masks the individual number and the check character, which are personal data.
///
/// >>> from onr import Hetu, Sex
/// >>> hetu = Hetu.parse("131052-308T")
/// >>> hetu
/// Hetu(131052-****)
/// >>> str(hetu), hetu.birth_date, hetu.sex is Sex.FEMALE
/// ('131052-308T', datetime.date(1952, 10, 13), True)
#[pyclass(module = "onr", name = "Hetu", frozen, eq, hash, ord)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hetu(pub core::Hetu);

#[pymethods]
impl Hetu {
    /// Parses a hetu with ONR's verdict for ``env`` (``"production"``, the default, or
    /// ``"test"``), exactly as the registry's own validator answers; the quirks it accepts are
    /// listed in ``warnings``.
    ///
    /// Raises ``onr.HetuError`` with the first reason why ONR rejects it.
    ///
    /// >>> from onr import Hetu
    /// >>> Hetu.parse("010594Y9032", env="test").is_temporary
    /// True
    /// >>> Hetu.parse("010594Y9032")
    /// Traceback (most recent call last):
    ///     ...
    /// onr._errors.HetuError: temporary individual number 900-999, not accepted in production
    #[staticmethod]
    #[pyo3(signature = (value, /, env = None), text_signature = "(value, /, env='production')")]
    fn parse(
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        env: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Hetu> {
        guard(py, || {
            let env = convert::environment(env)?;
            let text = convert::text(value, "hetu")?;
            core::Hetu::parse(&text, env)
                .map(Hetu)
                .map_err(|e| errors::hetu(py, &e))
        })
    }

    /// Parses a hetu with the strict (official) rules for ``env``: the date must exist, the
    /// individual number is 002-899 (900-999 only where ``env`` accepts temporary numbers),
    /// ASCII only.
    ///
    /// >>> from onr import Hetu, HetuError
    /// >>> Hetu.parse("310490-123D").birth_date  # ONR clamps 31 April
    /// datetime.date(1990, 4, 30)
    /// >>> try:
    /// ...     Hetu.parse_strict("310490-123D")
    /// ... except HetuError as err:
    /// ...     print(err.code)
    /// hetu.date
    #[staticmethod]
    #[pyo3(signature = (value, /, env = None), text_signature = "(value, /, env='production')")]
    fn parse_strict(
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        env: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Hetu> {
        guard(py, || {
            let env = convert::environment(env)?;
            let text = convert::text(value, "hetu")?;
            core::Hetu::parse_strict(&text, env)
                .map(Hetu)
                .map_err(|e| errors::hetu(py, &e))
        })
    }

    /// The birth date as ONR derives it (an impossible day is clamped to the month's last day).
    #[getter]
    fn birth_date(&self) -> NaiveDate {
        self.0.birth_date()
    }

    /// The sex encoded by the individual number: ``Sex.MALE`` (odd) or ``Sex.FEMALE`` (even).
    #[getter]
    fn sex<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || sex(py, self.0.sex()))
    }

    /// The century sign, one of ``+ - Y X W V U A B C D E F``.
    #[getter]
    fn century_sign(&self) -> char {
        self.0.century_sign()
    }

    /// The century of the birth year: 1800, 1900 or 2000.
    #[getter]
    fn century(&self) -> u16 {
        self.0.century()
    }

    /// The individual number, 0-999.
    #[getter]
    fn individual_number(&self) -> u16 {
        self.0.individual_number()
    }

    /// The check character.
    #[getter]
    fn check_char(&self) -> char {
        self.0.check_char()
    }

    /// Whether the individual number is 900-999: a temporary or test code.
    #[getter]
    fn is_temporary(&self) -> bool {
        self.0.is_temporary()
    }

    /// The quirks of this code that ONR accepts but the strict rules reject, as
    /// ``onr.HetuWarning`` members (empty for a strictly parsed code).
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        guard(py, || warnings_tuple(py, self.0.warnings()))
    }

    /// ``warnings`` plus ``HetuWarning.FUTURE_BIRTH_DATE`` when the birth date is after
    /// ``today`` (onr never reads the clock).
    ///
    /// >>> import datetime
    /// >>> from onr import Hetu
    /// >>> Hetu.parse("010150A123A").warnings_on(datetime.date(2026, 11, 22))
    /// (<HetuWarning.FUTURE_BIRTH_DATE: 'hetu.warning.future_birth_date'>,)
    #[pyo3(signature = (today, /))]
    fn warnings_on<'py>(
        &self,
        py: Python<'py>,
        today: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        guard(py, || {
            let today = convert::date(today, "today")?;
            warnings_tuple(py, self.0.warnings_on(today))
        })
    }

    /// The age in whole years on ``today``, or ``None`` if the birth date is after it.
    ///
    /// >>> import datetime
    /// >>> from onr import Hetu
    /// >>> Hetu.parse("131052-308T").age_on(datetime.date(2026, 11, 22))
    /// 74
    #[pyo3(signature = (today, /))]
    fn age_on(&self, py: Python<'_>, today: &Bound<'_, PyAny>) -> PyResult<Option<u32>> {
        guard(py, || Ok(self.0.age_on(convert::date(today, "today")?)))
    }

    /// The text exactly as it was parsed (what ONR stores); ``str()`` gives the canonical
    /// ASCII form, which differs only for non-ASCII digits.
    ///
    /// >>> from onr import Hetu
    /// >>> hetu = Hetu.parse("010190-１２３M")
    /// >>> hetu.as_str() == "010190-１２３M", str(hetu)
    /// (True, '010190-123M')
    fn as_str(&self) -> &str {
        self.0.as_str()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }

    /// Pickles as the text; unpickling parses it again (ONR's verdict for the test
    /// environment, which accepts every code any verdict accepted, with the same value).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let py = slf.py();
        let unpickle = py.import("onr._onr")?.getattr("_hetu_unpickle")?;
        Ok((unpickle, (slf.get().0.as_str().to_owned(),)))
    }
}

/// Rebuilds a pickled `Hetu`.
#[pyfunction]
pub fn _hetu_unpickle(py: Python<'_>, text: &str) -> PyResult<Hetu> {
    guard(py, || {
        core::Hetu::parse(text, Environment::Test)
            .map(Hetu)
            .map_err(|e| errors::hetu(py, &e))
    })
}

/// The check character of the nine-digit number ``DDMMYYNNN``.
///
/// >>> from onr import hetu
/// >>> hetu.check_char(131052308)
/// 'T'
#[pyfunction]
#[pyo3(signature = (number, /))]
pub fn hetu_check_char(py: Python<'_>, number: u32) -> PyResult<char> {
    guard(py, || Ok(core::check_char(number)))
}

/// Every error code of ``onr.HetuError`` for hetus, for documentation and tests.
#[pyfunction]
pub fn hetu_error_codes() -> Vec<&'static str> {
    HetuError::ALL_CODES.to_vec()
}

/// Every warning code, the values of ``onr.HetuWarning``.
#[pyfunction]
pub fn hetu_warning_codes() -> Vec<&'static str> {
    HetuWarning::ALL_CODES.to_vec()
}
