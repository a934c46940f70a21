//! `onr.hetu.Validator`: onr-core's `hetu::Validator` (the rules and the environment as one
//! value), converted; the module's twin functions (`is_valid` / `is_valid_strict`, ...) are
//! the validators of their rules.

use onr_core::hetu::{self as core, RuleSet};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::results::{today_arg, validate_columns_with, validate_many_with, warnings_of};
use super::{Hetu, HetuResult, HetuResults};
use crate::convert::{self, guard};
use crate::errors;

/// The validator of `rules` for an `env` argument.
pub(super) fn with_env(
    rules: RuleSet,
    env: Option<&Bound<'_, PyAny>>,
) -> PyResult<core::Validator> {
    Ok(core::Validator::new(rules, convert::environment(env)?))
}

/// The rules of a `rules` argument: `None` (ONR's), `"onr"` or `"official"`.
fn rules(rules: Option<&Bound<'_, PyAny>>) -> PyResult<RuleSet> {
    match rules {
        None => Ok(RuleSet::Onr),
        Some(r) if r.is_none() => Ok(RuleSet::Onr),
        Some(r) => {
            let name = convert::text(r, "rules")?;
            name.parse().map_err(|e: core::UnknownRuleSet| {
                PyValueError::new_err(format!("{e}, found {name:?}"))
            })
        }
    }
}

/// `is_valid` for a `value` argument: `None` is not valid, another non-`str` a `TypeError`.
pub(super) fn is_valid_with(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    validator: impl FnOnce() -> PyResult<core::Validator>,
) -> PyResult<bool> {
    guard(py, || {
        let validator = validator()?;
        if value.is_none() {
            return Ok(false);
        }
        Ok(validator.is_valid(&convert::text(value, "hetu")?))
    })
}

/// A hetu validator: the rules (``"onr"``, ONR's verdict exactly as the registry answers, the
/// default; or ``"official"``, the official rules) and the environment (``"production"``, the
/// default, or ``"test"``) as one value, with every verdict as a method. Frozen, hashable.
///
/// >>> from onr.hetu import Validator
/// >>> onr, official = Validator(), Validator("official")
/// >>> onr
/// Validator(rules='onr', env='production')
/// >>> onr.is_valid("310490-123D"), official.is_valid("310490-123D"), onr.is_valid(None)
/// (True, False, False)
/// >>> official.many(["310490-123D", "131052-308T"]).codes
/// ['hetu.date', None]
/// >>> Validator("onr", env="test").parse("010594Y9032").is_temporary
/// True
#[pyclass(module = "onr.hetu", name = "Validator", frozen, eq, hash)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Validator(core::Validator);

#[pymethods]
impl Validator {
    #[new]
    #[pyo3(
        signature = (rules = None, env = None),
        text_signature = "(rules='onr', env='production')"
    )]
    fn new(
        py: Python<'_>,
        rules: Option<&Bound<'_, PyAny>>,
        env: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(py, || {
            Ok(Validator(core::Validator::new(
                self::rules(rules)?,
                convert::environment(env)?,
            )))
        })
    }

    /// The rules: ``"onr"`` or ``"official"``.
    #[getter]
    fn rules(&self) -> &'static str {
        self.0.rules().as_str()
    }

    /// The environment, an ``onr.Environment`` member.
    #[getter]
    fn env<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::enum_member(py, "Environment", self.0.env().as_str())
        })
    }

    /// Parses one hetu; raises ``onr.HetuError`` with the first reason the rules reject it.
    #[pyo3(signature = (value, /))]
    fn parse(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Hetu> {
        guard(py, || {
            self.0
                .parse(&convert::text(value, "hetu")?)
                .map(Hetu)
                .map_err(|e| errors::hetu(py, &e))
        })
    }

    /// Whether the rules accept ``value``; ``None`` is not valid, another value that is not a
    /// ``str`` raises ``TypeError``.
    #[pyo3(signature = (value, /))]
    fn is_valid(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        is_valid_with(py, value, || Ok(self.0))
    }

    /// The verdict on one input as a ``HetuResult`` (never raises for a ``str``): the facts
    /// (birth date, sex, temporary, warnings) or the error's code and messages.
    ///
    /// >>> from onr.hetu import Validator
    /// >>> Validator().facts("310490-123D").birth_date
    /// datetime.date(1990, 4, 30)
    #[pyo3(signature = (value, /, today = None), text_signature = "($self, value, /, today=None)")]
    fn facts(
        &self,
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        today: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<HetuResult> {
        guard(py, || {
            let today = today_arg(today)?;
            let result = self.0.parse(&convert::text(value, "hetu")?);
            Ok(HetuResult {
                warnings: warnings_of(&result, today),
                result,
            })
        })
    }

    /// The verdict on every input of an iterable, in order, never stopping at a bad one: a
    /// ``HetuResults`` (see ``onr.hetu.validate_many``, which is ``Validator("onr", env).many``).
    #[pyo3(signature = (values, /, today = None), text_signature = "($self, values, /, today=None)")]
    fn many(
        &self,
        py: Python<'_>,
        values: &Bound<'_, PyAny>,
        today: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<HetuResults> {
        validate_many_with(py, values, || Ok(self.0), today, "many")
    }

    /// The verdict on a column, as columns (an ``onr.hetu.HetuColumns`` dict of equally long
    /// lists; see ``onr.hetu.validate_columns``).
    #[pyo3(signature = (values, /, today = None), text_signature = "($self, values, /, today=None)")]
    fn columns<'py>(
        &self,
        py: Python<'py>,
        values: &Bound<'py, PyAny>,
        today: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        validate_columns_with(py, values, || Ok(self.0), today, "columns")
    }

    fn __repr__(&self) -> String {
        format!(
            "Validator(rules='{}', env='{}')",
            self.0.rules().as_str(),
            self.0.env().as_str()
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (&'static str, &'static str))> {
        let v = slf.get().0;
        Ok((
            slf.get_type().into_any(),
            (v.rules().as_str(), v.env().as_str()),
        ))
    }
}
