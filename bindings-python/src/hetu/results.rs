//! The verdicts of a batch: `HetuResult` (one input), `HetuResults` (a sequence held
//! natively), the columnar form, and the module's twin functions over a batch, which are the
//! two validators' (`validator.rs`).

use chrono::NaiveDate;
use onr_core::error::Coded;
use onr_core::hetu::{self as core, HetuError, HetuWarning, HetuWarnings};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString, PyTuple};

use crate::convert::{self, detached, guard};
use crate::errors;
use onr_core::hetu::{RuleSet, Validator as CoreValidator};

use super::validator::{is_valid_with, with_env};
use super::{sex, warnings_tuple, Hetu};

/// The verdict on one input of a batch: the parsed ``hetu`` or the error's ``code``,
/// ``category``, ``position`` and ``message(lang)``, plus the derived fields. Frozen.
///
/// >>> from onr import hetu
/// >>> ok, bad = hetu.validate_many(["131052-308T", "131052-308X"])
/// >>> ok
/// HetuResult(valid=True, hetu=Hetu(131052-****), warnings=())
/// >>> ok.birth_date, ok.sex.value
/// (datetime.date(1952, 10, 13), '2')
/// >>> bad
/// HetuResult(valid=False, code='hetu.checksum')
/// >>> bad.message("sv"), bad.birth_date
/// ('fel kontrolltecken, `T` förväntades, hittade `X`', None)
#[pyclass(module = "onr.hetu", name = "HetuResult", frozen, eq, hash)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HetuResult {
    pub(super) result: Result<core::Hetu, HetuError>,
    pub(super) warnings: HetuWarnings,
}

#[pymethods]
impl HetuResult {
    /// Whether the input is valid under the verdict asked.
    #[getter]
    fn valid(&self) -> bool {
        self.result.is_ok()
    }

    /// The parsed hetu, or ``None``.
    #[getter]
    fn hetu(&self) -> Option<Hetu> {
        self.result.ok().map(Hetu)
    }

    /// The error code (``"hetu.checksum"``...), or ``None`` for a valid input.
    #[getter]
    fn code(&self) -> Option<&'static str> {
        self.result.err().map(|e| e.code())
    }

    /// The error's ``onr.Category``, or ``None``.
    #[getter]
    fn category<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(py, || {
            self.result
                .err()
                .map(|e| convert::enum_member(py, "Category", e.category().as_str()))
                .transpose()
        })
    }

    /// The 0-based position of the offending character, where there is one.
    #[getter]
    fn position(&self) -> Option<usize> {
        self.result.err().and_then(|e| e.position())
    }

    /// The error as an ``onr.HetuError`` instance (not raised), or ``None``.
    #[getter]
    fn error<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(py, || {
            self.result
                .err()
                .map(|e| errors::hetu_instance(py, &e))
                .transpose()
        })
    }

    /// The error message in ``lang`` (``"en"``, ``"fi"`` or ``"sv"``), or ``None``.
    #[pyo3(signature = (lang = None), text_signature = "($self, lang='en')")]
    fn message(&self, py: Python<'_>, lang: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
        guard(py, || {
            let lang = convert::lang(lang)?;
            Ok(self.result.err().map(|e| e.message(lang)))
        })
    }

    /// The hetu, or raises its ``onr.HetuError``.
    fn unwrap(&self, py: Python<'_>) -> PyResult<Hetu> {
        guard(py, || {
            self.result.map(Hetu).map_err(|e| errors::hetu(py, &e))
        })
    }

    /// The birth date, or ``None``.
    #[getter]
    fn birth_date(&self) -> Option<NaiveDate> {
        self.result.ok().map(|h| h.birth_date())
    }

    /// The ``onr.Sex``, or ``None``.
    #[getter]
    fn sex<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(py, || {
            self.result.ok().map(|h| sex(py, h.sex())).transpose()
        })
    }

    /// Whether the code is temporary (900-999), or ``None``.
    #[getter]
    fn is_temporary(&self) -> Option<bool> {
        self.result.ok().map(|h| h.is_temporary())
    }

    /// The ``onr.HetuWarning`` members (with ``FUTURE_BIRTH_DATE`` when ``today`` was given).
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        guard(py, || warnings_tuple(py, self.warnings))
    }

    fn __bool__(&self) -> bool {
        self.result.is_ok()
    }

    fn __repr__(&self) -> String {
        match self.result {
            Ok(h) => {
                let codes: Vec<String> = self
                    .warnings
                    .iter()
                    .map(|w| format!("'{}'", w.code()))
                    .collect();
                let comma = if codes.len() == 1 { "," } else { "" };
                format!(
                    "HetuResult(valid=True, hetu={h:?}, warnings=({}{comma}))",
                    codes.join(", ")
                )
            }
            Err(e) => format!("HetuResult(valid=False, code='{}')", e.code()),
        }
    }
}

/// The warnings of a result: those of the parse, plus the future birth date against `today`.
pub(super) fn warnings_of(
    result: &Result<core::Hetu, HetuError>,
    today: Option<NaiveDate>,
) -> HetuWarnings {
    match (result, today) {
        (Ok(h), Some(today)) => h.warnings_on(today),
        (Ok(h), None) => h.warnings(),
        (Err(_), _) => HetuWarnings::empty(),
    }
}

pub(super) fn today_arg(today: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    today
        .filter(|t| !t.is_none())
        .map(|t| convert::date(t, "today"))
        .transpose()
}

/// Reads the inputs chunk by chunk and runs the verdict on each chunk detached from the
/// interpreter; `each` gets every chunk's inputs and results.
fn for_each_chunk(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    what: &'static str,
    allow_missing: bool,
    validator: CoreValidator,
    mut each: impl FnMut(&convert::Texts, Vec<Result<core::Hetu, HetuError>>) -> PyResult<()>,
) -> PyResult<()> {
    let mut reader = convert::Reader::new(values, what, allow_missing)?;
    let mut texts = convert::Texts::default();
    while reader.next_chunk(&mut texts)? {
        let results = detached(py, || {
            texts
                .iter()
                .map(|text| validator.parse(text.unwrap_or_default()))
                .collect()
        })?;
        each(&texts, results)?;
    }
    Ok(())
}

pub(super) fn validate_many_with(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    validator: impl FnOnce() -> PyResult<CoreValidator>,
    today: Option<&Bound<'_, PyAny>>,
    what: &'static str,
) -> PyResult<HetuResults> {
    guard(py, || {
        let validator = validator()?;
        let today = today_arg(today)?;
        let mut reader = convert::Reader::new(values, what, true)?;
        let mut texts = convert::Texts::default();
        let mut results = Vec::with_capacity(reader.len_hint());
        while reader.next_chunk(&mut texts)? {
            let verdicts = texts.iter().map(|text| text.map(|t| validator.parse(t)));
            detached(py, || results.extend(verdicts))?;
        }
        Ok(HetuResults { results, today })
    })
}

/// The results of ``validate_many``: a read-only sequence with one ``HetuResult`` per input,
/// in order (``len``, indexing, slicing, iteration), ``None`` for a missing input (``None``,
/// NaN, ``pandas.NA``). The verdicts are held natively and each ``HetuResult`` is made when it
/// is accessed; ``list(results)`` makes them all. ``valid``, ``codes`` and ``to_columns()``
/// give whole columns at once.
///
/// >>> from onr import hetu
/// >>> results = hetu.validate_many(["131052-308T", "131052-308X", "x", None])
/// >>> len(results), results.valid, results.codes
/// (4, [True, False, False, None], [None, 'hetu.checksum', 'hetu.length', None])
/// >>> results[2], results[3]
/// (HetuResult(valid=False, code='hetu.length'), None)
/// >>> results
/// HetuResults(4 results, 1 valid, 2 invalid, 1 missing)
#[pyclass(module = "onr.hetu", name = "HetuResults", frozen, sequence)]
#[derive(Debug)]
pub struct HetuResults {
    /// `None` for a missing input.
    results: Vec<Option<Result<core::Hetu, HetuError>>>,
    today: Option<NaiveDate>,
}

impl HetuResults {
    fn item(&self, index: usize) -> Option<HetuResult> {
        self.results[index].map(|result| HetuResult {
            result,
            warnings: warnings_of(&result, self.today),
        })
    }
}

#[pymethods]
impl HetuResults {
    fn __len__(&self) -> usize {
        self.results.len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            if let Ok(slice) = index.cast::<PySlice>() {
                let picked = convert::slice_indices(slice, self.results.len())?;
                let items: Vec<Option<HetuResult>> =
                    picked.into_iter().map(|i| self.item(i)).collect();
                return Ok(PyList::new(py, items)?.into_any());
            }
            let i = convert::sequence_index(index, self.results.len(), "HetuResults")?;
            match self.item(i) {
                Some(item) => Ok(Bound::new(py, item)?.into_any()),
                None => Ok(py.None().into_bound(py)),
            }
        })
    }

    fn __iter__(slf: &Bound<'_, Self>) -> HetuResultsIter {
        HetuResultsIter {
            results: slf.clone().unbind(),
            next: 0,
        }
    }

    /// Whether each input is valid: a list of ``bool``, ``None`` for a missing input.
    #[getter]
    fn valid(&self) -> Vec<Option<bool>> {
        self.results
            .iter()
            .map(|r| r.as_ref().map(Result::is_ok))
            .collect()
    }

    /// The error code of each input, ``None`` where valid or missing.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        guard(py, || {
            let mut memo = convert::Memo::new();
            let codes = self
                .results
                .iter()
                .map(|r| match r {
                    None | Some(Ok(_)) => Ok(None),
                    Some(Err(e)) => memo
                        .get(py, e.code(), || {
                            Ok(PyString::intern(py, e.code()).into_any())
                        })
                        .map(Some),
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, codes)
        })
    }

    /// The results as columns, the same as ``validate_columns`` gives.
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let mut columns = Columns::new(py);
            for result in &self.results {
                match result {
                    Some(result) => columns.push(result, warnings_of(result, self.today))?,
                    None => columns.push_missing()?,
                }
            }
            columns.finish()
        })
    }

    fn __repr__(&self) -> String {
        let valid = self
            .results
            .iter()
            .filter(|r| matches!(r, Some(Ok(_))))
            .count();
        let missing = self.results.iter().filter(|r| r.is_none()).count();
        let invalid = self.results.len() - valid - missing;
        let missing = if missing > 0 {
            format!(", {missing} missing")
        } else {
            String::new()
        };
        format!(
            "HetuResults({} results, {valid} valid, {invalid} invalid{missing})",
            self.results.len(),
        )
    }
}

/// The iterator of a ``HetuResults``.
#[pyclass(module = "onr.hetu", name = "HetuResultsIterator")]
#[derive(Debug)]
pub struct HetuResultsIter {
    results: Py<HetuResults>,
    next: usize,
}

#[pymethods]
impl HetuResultsIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let results = self.results.get();
        if self.next >= results.results.len() {
            return Ok(None);
        }
        self.next += 1;
        Ok(Some(match results.item(self.next - 1) {
            Some(item) => Bound::new(py, item)?.into_any(),
            None => py.None().into_bound(py),
        }))
    }

    fn __length_hint__(&self) -> usize {
        self.results.get().results.len() - self.next
    }
}

/// The columns of ``validate_columns``, built row by row.
struct Columns<'py> {
    py: Python<'py>,
    valid: Bound<'py, PyList>,
    code: Bound<'py, PyList>,
    birth_date: Bound<'py, PyList>,
    sex: Bound<'py, PyList>,
    temporary: Bound<'py, PyList>,
    warnings: Bound<'py, PyList>,
    strings: convert::Memo<&'static str>,
    dates: convert::Memo<NaiveDate>,
    warning_texts: convert::Memo<HetuWarnings>,
}

impl<'py> Columns<'py> {
    fn new(py: Python<'py>) -> Self {
        Columns {
            py,
            valid: PyList::empty(py),
            code: PyList::empty(py),
            birth_date: PyList::empty(py),
            sex: PyList::empty(py),
            temporary: PyList::empty(py),
            warnings: PyList::empty(py),
            strings: convert::Memo::new(),
            dates: convert::Memo::new(),
            warning_texts: convert::Memo::new(),
        }
    }

    fn push_missing(&mut self) -> PyResult<()> {
        let none = self.py.None();
        for column in [
            &self.valid,
            &self.code,
            &self.birth_date,
            &self.sex,
            &self.temporary,
            &self.warnings,
        ] {
            column.append(&none)?;
        }
        Ok(())
    }

    fn string(&mut self, s: &'static str) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        self.strings
            .get(py, s, || Ok(PyString::intern(py, s).into_any()))
    }

    fn push(
        &mut self,
        result: &Result<core::Hetu, HetuError>,
        warnings: HetuWarnings,
    ) -> PyResult<()> {
        let py = self.py;
        match result {
            Ok(h) => {
                self.valid.append(true)?;
                self.code.append(py.None())?;
                let date = h.birth_date();
                self.birth_date.append(
                    self.dates
                        .get(py, date, || Ok(date.into_pyobject(py)?.into_any()))?,
                )?;
                let sex = self.string(h.sex().code())?;
                self.sex.append(sex)?;
                self.temporary.append(h.is_temporary())?;
                let text = self.warning_texts.get(py, warnings, || {
                    let codes: Vec<&str> = warnings.iter().map(|w: HetuWarning| w.code()).collect();
                    Ok(PyString::new(py, &codes.join(",")).into_any())
                })?;
                self.warnings.append(text)?;
            }
            Err(e) => {
                self.valid.append(false)?;
                let code = self.string(e.code())?;
                self.code.append(code)?;
                for column in [&self.birth_date, &self.sex, &self.temporary, &self.warnings] {
                    column.append(py.None())?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(self.py);
        out.set_item("valid", self.valid)?;
        out.set_item("code", self.code)?;
        out.set_item("birth_date", self.birth_date)?;
        out.set_item("sex", self.sex)?;
        out.set_item("temporary", self.temporary)?;
        out.set_item("warnings", self.warnings)?;
        Ok(out)
    }
}

pub(super) fn validate_columns_with<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    validator: impl FnOnce() -> PyResult<CoreValidator>,
    today: Option<&Bound<'py, PyAny>>,
    what: &'static str,
) -> PyResult<Bound<'py, PyDict>> {
    guard(py, || {
        let validator = validator()?;
        let today = today_arg(today)?;
        let mut columns = Columns::new(py);
        for_each_chunk(py, values, what, true, validator, |texts, results| {
            for (text, result) in texts.iter().zip(&results) {
                if text.is_none() {
                    columns.push_missing()?;
                } else {
                    columns.push(result, warnings_of(result, today))?;
                }
            }
            Ok(())
        })?;
        columns.finish()
    })
}

/// Whether ONR accepts ``value`` as a hetu in ``env`` (``"production"``, the default, or
/// ``"test"``): ``Validator("onr", env).is_valid(value)``. ``None`` is not valid; any other
/// value that is not a ``str`` raises ``TypeError``.
///
/// >>> from onr import hetu
/// >>> hetu.is_valid("131052-308T"), hetu.is_valid(" 131052-308T"), hetu.is_valid(None)
/// (True, False, False)
/// >>> hetu.is_valid("010594Y9032"), hetu.is_valid("010594Y9032", env="test")
/// (False, True)
#[pyfunction]
#[pyo3(signature = (value, /, env = None), text_signature = "(value, /, env='production')")]
pub fn hetu_is_valid(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    env: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    is_valid_with(py, value, || with_env(RuleSet::Onr, env))
}

/// Whether ``value`` is a hetu by the strict (official) rules for ``env``:
/// ``Validator("official", env).is_valid(value)``.
///
/// >>> from onr import hetu
/// >>> hetu.is_valid("310490-123D"), hetu.is_valid_strict("310490-123D")
/// (True, False)
#[pyfunction]
#[pyo3(signature = (value, /, env = None), text_signature = "(value, /, env='production')")]
pub fn hetu_is_valid_strict(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    env: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    is_valid_with(py, value, || with_env(RuleSet::Official, env))
}

/// ONR's verdict on every input of an iterable of ``str``, in order, never stopping at a bad
/// one: a ``HetuResults`` sequence with one ``HetuResult`` per input (``None`` for a missing
/// one: ``None``, NaN, ``pandas.NA``, as in a data-frame column). Works detached from the
/// interpreter, so other threads run meanwhile. With ``today``, a birth date after it is a
/// warning.
///
/// >>> from onr import hetu
/// >>> [r.valid for r in hetu.validate_many(("131052-308T", "", "010594Y9032"))]
/// [True, False, False]
/// >>> [r.code for r in hetu.validate_many(["010594Y9032", "x"], env="test")]
/// [None, 'hetu.length']
#[pyfunction]
#[pyo3(
    signature = (values, /, env = None, today = None),
    text_signature = "(values, /, env='production', today=None)"
)]
pub fn hetu_validate_many<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    env: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
) -> PyResult<HetuResults> {
    validate_many_with(
        py,
        values,
        || with_env(RuleSet::Onr, env),
        today,
        "validate_many",
    )
}

/// The strict verdict on every input, in order: a ``HetuResults`` with one ``HetuResult`` per
/// input.
///
/// >>> from onr import hetu
/// >>> [r.code for r in hetu.validate_many_strict(["310490-123D", "131052-308T"])]
/// ['hetu.date', None]
#[pyfunction]
#[pyo3(
    signature = (values, /, env = None, today = None),
    text_signature = "(values, /, env='production', today=None)"
)]
pub fn hetu_validate_many_strict<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    env: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
) -> PyResult<HetuResults> {
    validate_many_with(
        py,
        values,
        || with_env(RuleSet::Official, env),
        today,
        "validate_many_strict",
    )
}

/// ONR's verdict on a column, as columns: a ``dict`` of equally long lists, ready for
/// ``pandas.DataFrame(...)``, ``polars.DataFrame(...)`` or ``DataFrame.assign(**...)``:
///
/// * ``valid``: ``bool``;
/// * ``code``: the error code, ``None`` when valid;
/// * ``birth_date``: ``datetime.date``, ``None`` when invalid;
/// * ``sex``: ONR's code ``"1"`` (male) or ``"2"`` (female), ``None`` when invalid;
/// * ``temporary``: ``bool`` (individual number 900-999), ``None`` when invalid;
/// * ``warnings``: the warning codes joined by ``,`` (``""`` for none), ``None`` when invalid.
///
/// A missing value (``None``, NaN, ``pandas.NA``) gives ``None`` in every column.
///
/// >>> from onr import hetu
/// >>> cols = hetu.validate_columns(["131052-308T", "131052-308X", None])
/// >>> cols["valid"], cols["code"], cols["sex"]
/// ([True, False, None], [None, 'hetu.checksum', None], ['2', None, None])
#[pyfunction]
#[pyo3(
    signature = (values, /, env = None, today = None),
    text_signature = "(values, /, env='production', today=None)"
)]
pub fn hetu_validate_columns<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    env: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    validate_columns_with(
        py,
        values,
        || with_env(RuleSet::Onr, env),
        today,
        "validate_columns",
    )
}

/// ``validate_columns`` with the strict (official) rules.
///
/// >>> from onr import hetu
/// >>> hetu.validate_columns_strict(["310490-123D"])["code"]
/// ['hetu.date']
#[pyfunction]
#[pyo3(
    signature = (values, /, env = None, today = None),
    text_signature = "(values, /, env='production', today=None)"
)]
pub fn hetu_validate_columns_strict<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    env: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    validate_columns_with(
        py,
        values,
        || with_env(RuleSet::Official, env),
        today,
        "validate_columns_strict",
    )
}
