//! `onr.oid` and `onr.Oid`: onr-core's `oid` module, converted.

use onr_core::error::Coded;
use onr_core::oid::{self as core, OidError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice, PyString};

use crate::convert::{self, detached, guard};
use crate::errors;

/// An OID (object identifier) under the root ``1.2.246.562`` of the Finnish education
/// administration: ``1.2.246.562.<node>.<number><check digit>``.
///
/// Made by ``Oid.parse`` (as ONR generates OIDs: 11-digit tail, the node's check digit),
/// ``Oid.parse_lenient`` (syntax only, for the special OIDs real data holds), ``Oid.new`` and
/// the generators. ONR itself accepts any non-empty text as an OID.
///
/// >>> from onr import Oid
/// >>> oid = Oid.parse("1.2.246.562.24.25909319372")
/// >>> oid
/// Oid('1.2.246.562.24.25909319372')
/// >>> oid.node, oid.number, oid.check_digit, oid.is_person("production")
/// (24, 2590931937, 2, True)
#[pyclass(module = "onr", name = "Oid", frozen, eq, hash, ord)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Oid(pub core::Oid);

#[pymethods]
impl Oid {
    /// Parses an OID as ONR generates it: the root, a numeric node, an 11-digit tail not
    /// starting with 0, and the node's check digit (IBM 7-3-1 for node 24, Luhn otherwise).
    ///
    /// Raises ``onr.OidError`` with the first reason it is not one.
    ///
    /// >>> from onr import Oid
    /// >>> Oid.parse("1.2.246.562.24.25909319373")
    /// Traceback (most recent call last):
    ///     ...
    /// onr._errors.OidError: wrong check digit, expected 2, found 3
    #[staticmethod]
    #[pyo3(signature = (value, /))]
    fn parse(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Oid> {
        guard(py, || {
            core::Oid::parse(&convert::text(value, "oid")?)
                .map(Oid)
                .map_err(|e| errors::oid(py, &e))
        })
    }

    /// Parses only the syntax ``1.2.246.562.<node>.<digits>``; the check digit is not checked.
    ///
    /// >>> from onr import Oid
    /// >>> root = Oid.parse_lenient("1.2.246.562.10.00000000001")
    /// >>> root.has_valid_check_digit, root.is_organisation
    /// (False, True)
    #[staticmethod]
    #[pyo3(signature = (value, /))]
    fn parse_lenient(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Oid> {
        guard(py, || {
            core::Oid::parse_lenient(&convert::text(value, "oid")?)
                .map(Oid)
                .map_err(|e| errors::oid(py, &e))
        })
    }

    /// The OID ONR would make for a node and a ten-digit number, with the node's check digit.
    ///
    /// >>> from onr import Oid
    /// >>> str(Oid.new(24, 1000000000))
    /// '1.2.246.562.24.10000000003'
    #[staticmethod]
    #[pyo3(signature = (node, number, /))]
    fn new(py: Python<'_>, node: u32, number: u64) -> PyResult<Oid> {
        guard(py, || {
            core::Oid::new(node, number)
                .map(Oid)
                .map_err(|e| errors::oid(py, &e))
        })
    }

    /// The node: 24 for persons in production, 10 for organisations, ...
    #[getter]
    fn node(&self) -> u32 {
        self.0.node()
    }

    /// The number: the last segment without its check digit.
    #[getter]
    fn number(&self) -> u64 {
        self.0.number()
    }

    /// The last digit of the last segment.
    #[getter]
    fn check_digit(&self) -> u8 {
        self.0.check_digit()
    }

    /// Whether the last digit is the node's check digit of the number.
    #[getter]
    fn has_valid_check_digit(&self) -> bool {
        self.0.has_valid_check_digit()
    }

    /// Whether the node is 10, that of organisations.
    #[getter]
    fn is_organisation(&self) -> bool {
        self.0.is_organisation()
    }

    /// Whether the node is one ONR uses for person OIDs in ``env``: 24 in production, 98, 198
    /// or 298 in the test environments.
    ///
    /// >>> from onr import Oid
    /// >>> Oid.parse("1.2.246.562.98.24707445854").is_person("test")
    /// True
    #[pyo3(signature = (env = None), text_signature = "($self, env='production')")]
    fn is_person(&self, py: Python<'_>, env: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
        guard(py, || Ok(self.0.is_person(convert::environment(env)?)))
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Oid('{}')", self.0)
    }

    /// Pickles as the text; unpickling parses it again with ``parse_lenient``.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let py = slf.py();
        let unpickle = py.import("onr._onr")?.getattr("_oid_unpickle")?;
        Ok((unpickle, (slf.get().0.to_string(),)))
    }
}

/// Rebuilds a pickled `Oid`.
#[pyfunction]
pub fn _oid_unpickle(py: Python<'_>, text: &str) -> PyResult<Oid> {
    guard(py, || {
        core::Oid::parse_lenient(text)
            .map(Oid)
            .map_err(|e| errors::oid(py, &e))
    })
}

/// The verdict of ``Oid.parse`` on one input of a batch: the ``oid`` or the error's ``code``,
/// ``category`` and ``message(lang)``. Frozen.
///
/// >>> from onr import oid
/// >>> list(oid.validate_many(["1.2.246.562.24.25909319372", "1.2.3"]))
/// [OidResult(valid=True, oid=Oid('1.2.246.562.24.25909319372')), OidResult(valid=False, code='oid.root')]
#[pyclass(module = "onr.oid", name = "OidResult", frozen, eq, hash)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OidResult(Result<core::Oid, OidError>);

#[pymethods]
impl OidResult {
    /// Whether the input is an OID as ONR generates it.
    #[getter]
    fn valid(&self) -> bool {
        self.0.is_ok()
    }

    /// The parsed OID, or ``None``.
    #[getter]
    fn oid(&self) -> Option<Oid> {
        self.0.ok().map(Oid)
    }

    /// The error code (``"oid.checksum"``...), or ``None``.
    #[getter]
    fn code(&self) -> Option<&'static str> {
        self.0.err().map(|e| e.code())
    }

    /// The error's ``onr.Category``, or ``None``.
    #[getter]
    fn category<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(py, || {
            self.0
                .err()
                .map(|e| convert::enum_member(py, "Category", e.category().as_str()))
                .transpose()
        })
    }

    /// Always ``None``: OID errors have no position.
    #[getter]
    fn position(&self) -> Option<usize> {
        None
    }

    /// The error as an ``onr.OidError`` instance (not raised), or ``None``.
    #[getter]
    fn error<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(py, || {
            self.0
                .err()
                .map(|e| errors::oid_instance(py, &e))
                .transpose()
        })
    }

    /// The error message in ``lang`` (``"en"``, ``"fi"`` or ``"sv"``), or ``None``.
    #[pyo3(signature = (lang = None), text_signature = "($self, lang='en')")]
    fn message(&self, py: Python<'_>, lang: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
        guard(py, || {
            let lang = convert::lang(lang)?;
            Ok(self.0.err().map(|e| e.message(lang)))
        })
    }

    /// The OID, or raises its ``onr.OidError``.
    fn unwrap(&self, py: Python<'_>) -> PyResult<Oid> {
        guard(py, || self.0.map(Oid).map_err(|e| errors::oid(py, &e)))
    }

    fn __bool__(&self) -> bool {
        self.0.is_ok()
    }

    fn __repr__(&self) -> String {
        match self.0 {
            Ok(oid) => format!("OidResult(valid=True, oid=Oid('{oid}'))"),
            Err(e) => format!("OidResult(valid=False, code='{}')", e.code()),
        }
    }
}

/// Whether ``value`` is an OID as ONR generates it (``Oid.parse`` succeeds).
///
/// >>> from onr import oid
/// >>> oid.is_valid("1.2.246.562.24.90017362330"), oid.is_valid("1.2.3.4.5")
/// (True, False)
#[pyfunction]
#[pyo3(signature = (value, /))]
pub fn oid_is_valid(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    guard(py, || Ok(core::is_valid(&convert::text(value, "oid")?)))
}

/// ``Oid.parse`` on every input of an iterable of ``str``, in order: an ``OidResults``
/// sequence with one ``OidResult`` per input. Works detached from the interpreter.
///
/// >>> from onr import oid
/// >>> [r.code for r in oid.validate_many(["1.2.246.562.24.25909319373", ""])]
/// ['oid.checksum', 'oid.empty']
#[pyfunction]
#[pyo3(signature = (values, /))]
pub fn oid_validate_many(py: Python<'_>, values: &Bound<'_, PyAny>) -> PyResult<OidResults> {
    guard(py, || {
        let mut reader = convert::Reader::new(values, "validate_many", false)?;
        let mut texts = convert::Texts::default();
        let mut results = Vec::with_capacity(reader.len_hint());
        while reader.next_chunk(&mut texts)? {
            let verdicts = texts
                .iter()
                .map(|text| core::Oid::parse(text.unwrap_or_default()));
            detached(py, || results.extend(verdicts))?;
        }
        Ok(OidResults(results))
    })
}

/// The results of ``oid.validate_many``: a read-only sequence with one ``OidResult`` per input,
/// in order, each made when it is accessed; ``valid`` and ``codes`` give whole columns.
///
/// >>> from onr import oid
/// >>> results = oid.validate_many(["1.2.246.562.24.25909319372", "1.2.3"])
/// >>> len(results), results.valid, results.codes
/// (2, [True, False], [None, 'oid.root'])
#[pyclass(module = "onr.oid", name = "OidResults", frozen, sequence)]
#[derive(Debug)]
pub struct OidResults(Vec<Result<core::Oid, OidError>>);

#[pymethods]
impl OidResults {
    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            if let Ok(slice) = index.cast::<PySlice>() {
                let picked = convert::slice_indices(slice, self.0.len())?;
                let items: Vec<OidResult> =
                    picked.into_iter().map(|i| OidResult(self.0[i])).collect();
                return Ok(PyList::new(py, items)?.into_any());
            }
            let i = convert::sequence_index(index, self.0.len(), "OidResults")?;
            Ok(Bound::new(py, OidResult(self.0[i]))?.into_any())
        })
    }

    fn __iter__(slf: &Bound<'_, Self>) -> OidResultsIter {
        OidResultsIter {
            results: slf.clone().unbind(),
            next: 0,
        }
    }

    /// Whether each input is valid: a list of ``bool``.
    #[getter]
    fn valid(&self) -> Vec<bool> {
        self.0.iter().map(Result::is_ok).collect()
    }

    /// The error code of each input, ``None`` where valid.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        guard(py, || {
            let mut memo = convert::Memo::new();
            let codes = self
                .0
                .iter()
                .map(|r| match r {
                    Ok(_) => Ok(None),
                    Err(e) => memo
                        .get(py, e.code(), || {
                            Ok(PyString::intern(py, e.code()).into_any())
                        })
                        .map(Some),
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, codes)
        })
    }

    fn __repr__(&self) -> String {
        let valid = self.0.iter().filter(|r| r.is_ok()).count();
        format!(
            "OidResults({} results, {valid} valid, {} invalid)",
            self.0.len(),
            self.0.len() - valid
        )
    }
}

/// The iterator of an ``OidResults``.
#[pyclass(module = "onr.oid", name = "OidResultsIterator")]
#[derive(Debug)]
pub struct OidResultsIter {
    results: Py<OidResults>,
    next: usize,
}

#[pymethods]
impl OidResultsIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<OidResult> {
        let results = &self.results.get().0;
        (self.next < results.len()).then(|| {
            self.next += 1;
            OidResult(results[self.next - 1])
        })
    }

    fn __length_hint__(&self) -> usize {
        self.results.get().0.len() - self.next
    }
}

/// The check digit of a number under a node's rule: IBM 7-3-1 for node 24, Luhn otherwise.
///
/// >>> from onr import oid
/// >>> oid.check_digit(24, 2590931937), oid.check_digit(10, 8718921483)
/// (2, 3)
#[pyfunction]
#[pyo3(signature = (node, number, /))]
pub fn oid_check_digit(py: Python<'_>, node: u32, number: u64) -> PyResult<u8> {
    guard(py, || Ok(core::check_digit(node, number)))
}

/// A deterministic generator of OIDs as ONR makes them, for test data.
///
/// >>> from onr import oid
/// >>> g = oid.Generator(seed=3)
/// >>> made = g.generate(98)
/// >>> made.node, oid.is_valid(str(made))
/// (98, True)
#[pyclass(module = "onr.oid", name = "OidGenerator")]
#[derive(Debug)]
pub struct OidGenerator(core::Generator);

#[pymethods]
impl OidGenerator {
    #[new]
    #[pyo3(signature = (seed = 0))]
    fn new(seed: u64) -> Self {
        OidGenerator(core::Generator::new(seed))
    }

    /// A random OID under ``node`` (default 24) with the node's check digit.
    #[pyo3(signature = (node = core::PERSON_NODE), text_signature = "($self, node=24)")]
    fn generate(&mut self, py: Python<'_>, node: u32) -> PyResult<Oid> {
        guard(py, || Ok(Oid(self.0.generate(node))))
    }

    fn __repr__(&self) -> &'static str {
        "OidGenerator(...)"
    }
}

/// Every error code of ``onr.OidError``, for documentation and tests.
#[pyfunction]
pub fn oid_error_codes() -> Vec<&'static str> {
    OidError::ALL_CODES.to_vec()
}
