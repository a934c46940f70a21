//! `onr.hetu` and `onr.Hetu`: onr-core's `hetu` module, converted.

use chrono::NaiveDate;
use onr_core::error::Coded;
use onr_core::hetu::{self as core, Change, Edit, HetuError, HetuWarning, HetuWarnings, Sex};
use onr_core::Environment;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString, PyTuple};

use crate::convert::{self, detached, guard};
use crate::errors;

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
    result: Result<core::Hetu, HetuError>,
    warnings: HetuWarnings,
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

/// ONR's verdict (`Hetu::parse`) or the strict one (`Hetu::parse_strict`).
type Verdict = fn(&str, Environment) -> Result<core::Hetu, HetuError>;

const ONR: Verdict = core::Hetu::parse;
const STRICT: Verdict = core::Hetu::parse_strict;

/// The warnings of a result: those of the parse, plus the future birth date against `today`.
fn warnings_of(result: &Result<core::Hetu, HetuError>, today: Option<NaiveDate>) -> HetuWarnings {
    match (result, today) {
        (Ok(h), Some(today)) => h.warnings_on(today),
        (Ok(h), None) => h.warnings(),
        (Err(_), _) => HetuWarnings::empty(),
    }
}

fn today_arg(today: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
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
    env: Environment,
    verdict: Verdict,
    mut each: impl FnMut(&convert::Texts, Vec<Result<core::Hetu, HetuError>>) -> PyResult<()>,
) -> PyResult<()> {
    let mut reader = convert::Reader::new(values, what, allow_missing)?;
    let mut texts = convert::Texts::default();
    while reader.next_chunk(&mut texts)? {
        let results = detached(py, || {
            texts
                .iter()
                .map(|text| verdict(text.unwrap_or_default(), env))
                .collect()
        })?;
        each(&texts, results)?;
    }
    Ok(())
}

fn validate_many_with(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    env: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
    what: &'static str,
    verdict: Verdict,
) -> PyResult<HetuResults> {
    guard(py, || {
        let env = convert::environment(env)?;
        let today = today_arg(today)?;
        let mut reader = convert::Reader::new(values, what, true)?;
        let mut texts = convert::Texts::default();
        let mut results = Vec::with_capacity(reader.len_hint());
        while reader.next_chunk(&mut texts)? {
            let verdicts = texts.iter().map(|text| text.map(|t| verdict(t, env)));
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

fn validate_columns_with<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    env: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
    what: &'static str,
    verdict: Verdict,
) -> PyResult<Bound<'py, PyDict>> {
    guard(py, || {
        let env = convert::environment(env)?;
        let today = today_arg(today)?;
        let mut columns = Columns::new(py);
        for_each_chunk(py, values, what, true, env, verdict, |texts, results| {
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
/// ``"test"``). Raises ``TypeError`` if ``value`` is not a ``str``.
///
/// >>> from onr import hetu
/// >>> hetu.is_valid("131052-308T"), hetu.is_valid(" 131052-308T")
/// (True, False)
/// >>> hetu.is_valid("010594Y9032"), hetu.is_valid("010594Y9032", env="test")
/// (False, True)
#[pyfunction]
#[pyo3(signature = (value, /, env = None), text_signature = "(value, /, env='production')")]
pub fn hetu_is_valid(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    env: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    guard(py, || {
        let env = convert::environment(env)?;
        Ok(core::is_valid(&convert::text(value, "hetu")?, env))
    })
}

/// Whether ``value`` is a hetu by the strict (official) rules for ``env``.
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
    guard(py, || {
        let env = convert::environment(env)?;
        Ok(core::is_valid_strict(&convert::text(value, "hetu")?, env))
    })
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
    validate_many_with(py, values, env, today, "validate_many", ONR)
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
    validate_many_with(py, values, env, today, "validate_many_strict", STRICT)
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
    validate_columns_with(py, values, env, today, "validate_columns", ONR)
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
    validate_columns_with(py, values, env, today, "validate_columns_strict", STRICT)
}

/// The result of ``normalize``: the cleaned ``value`` (not validated) and the ``changes``
/// made, as ``onr.Change`` members. ``repr`` shows only the length of the value.
#[pyclass(module = "onr.hetu", name = "Normalized", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Normalized {
    value: String,
    changes: Vec<Change>,
}

#[pymethods]
impl Normalized {
    /// The cleaned text.
    #[getter]
    fn value(&self) -> &str {
        &self.value
    }

    /// What was changed, in the order trimmed, dash replaced, ASCII folded, uppercased.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        guard(py, || {
            let members = self
                .changes
                .iter()
                .map(|c| convert::enum_member(py, "Change", c.code()))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, members)
        })
    }

    /// Whether nothing was changed.
    #[getter]
    fn unchanged(&self) -> bool {
        self.changes.is_empty()
    }

    fn __repr__(&self) -> String {
        format!("{self:?}")
    }
}

impl std::fmt::Debug for Normalized {
    /// Shows only the length of the value, which is likely a hetu.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<String> = self
            .changes
            .iter()
            .map(|c| format!("'{}'", c.code()))
            .collect();
        let comma = if codes.len() == 1 { "," } else { "" };
        write!(
            f,
            "Normalized(value=<{} chars>, changes=({}{comma}))",
            self.value.chars().count(),
            codes.join(", ")
        )
    }
}

/// Cleans a hetu-like text as a person would read it: trims whitespace, turns look-alike dashes
/// into ``-``, full-width and other Unicode digits, letters and plus signs into ASCII, and
/// uppercases. Never validates: ONR itself does none of this.
///
/// >>> from onr import hetu
/// >>> n = hetu.normalize(" 131052–308t ")
/// >>> n.value, [c.value for c in n.changes]
/// ('131052-308T', ['trimmed', 'dash_replaced', 'uppercased'])
#[pyfunction]
#[pyo3(signature = (value, /))]
pub fn hetu_normalize(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Normalized> {
    guard(py, || {
        let n = core::normalize(&convert::text(value, "hetu")?);
        Ok(Normalized {
            value: n.value,
            changes: n.changes,
        })
    })
}

/// A valid code one typo away from the input, from ``suggest``: the ``hetu``, the ``edit``
/// (an ``onr.Edit``) and the 0-based ``position`` of the edit (``None`` for
/// ``Edit.NORMALIZED``).
#[pyclass(module = "onr.hetu", name = "Suggestion", frozen, eq, hash)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Suggestion {
    hetu: core::Hetu,
    edit: Edit,
}

#[pymethods]
impl Suggestion {
    /// The suggested code.
    #[getter]
    fn hetu(&self) -> Hetu {
        Hetu(self.hetu)
    }

    /// The kind of typo it undoes.
    #[getter]
    fn edit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let kind = match self.edit {
                Edit::Transposition { .. } => "transposition",
                Edit::Substitution { .. } => "substitution",
                _ => "normalized",
            };
            convert::enum_member(py, "Edit", kind)
        })
    }

    /// The 0-based position of the edit (the first of two swapped characters).
    #[getter]
    fn position(&self) -> Option<u8> {
        match self.edit {
            Edit::Transposition { position } | Edit::Substitution { position } => Some(position),
            _ => None,
        }
    }

    fn __repr__(&self) -> String {
        match self.edit {
            Edit::Transposition { position } => format!(
                "Suggestion(hetu={:?}, edit='transposition', position={position})",
                self.hetu
            ),
            Edit::Substitution { position } => format!(
                "Suggestion(hetu={:?}, edit='substitution', position={position})",
                self.hetu
            ),
            _ => format!("Suggestion(hetu={:?}, edit='normalized')", self.hetu),
        }
    }
}

/// Valid codes one typo away from an invalid input (one substituted character or one swap of
/// adjacent characters), best first, at most ``max``; checked with the strict rules for
/// ``env``. A valid input gets none.
///
/// >>> from onr import hetu
/// >>> best = hetu.suggest("131052-3O8T")[0]
/// >>> str(best.hetu), best.edit.value, best.position
/// ('131052-308T', 'substitution', 8)
#[pyfunction]
#[pyo3(
    signature = (value, /, env = None, max = 3),
    text_signature = "(value, /, env='production', max=3)"
)]
pub fn hetu_suggest(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    env: Option<&Bound<'_, PyAny>>,
    max: usize,
) -> PyResult<Vec<Suggestion>> {
    guard(py, || {
        let env = convert::environment(env)?;
        let text = convert::text(value, "hetu")?;
        Ok(core::suggest(&text, env, max)
            .into_iter()
            .map(|s| Suggestion {
                hetu: s.hetu,
                edit: s.edit,
            })
            .collect())
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

/// Raises a Rust panic inside the boundary guard: the test suite proves with it that a panic
/// arrives as ``onr.InternalError``, never as PyO3's ``PanicException``.
#[pyfunction]
pub fn _panic_for_tests(py: Python<'_>, detached_: bool) -> PyResult<()> {
    if detached_ {
        return detached(py, || -> () {
            panic!("a deliberate panic for the test suite")
        });
    }
    guard(py, || -> PyResult<()> {
        panic!("a deliberate panic for the test suite")
    })
}
