//! `onr.Person`: onr-core's `person` module, converted. The record crosses as ONR's JSON shape
//! (`oidHenkilo`, `kaikkiHetut`, `yksiloityVTJ`, ...).

use onr_core::person::{self as core, Actor, Audience, Lookup};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{self, guard};
use crate::{errors, json};

/// A person record of ONR (henkilö) and the state ONR derives from it.
///
/// Frozen: ``replace(**changes)`` gives a changed copy. Built from ONR's JSON shape
/// (``Person.from_dict``, or ``Person(oid, **fields)`` with the same field names) and turned
/// back into it by ``to_dict()``. ``repr`` shows no hetu, name or identifier.
///
/// >>> from onr import Person
/// >>> p = Person("1.2.246.562.24.10000000003", hetu="010190-998V", yksiloityVTJ=True)
/// >>> p.yksilointi_tila, p.oppijanumero, p.is_strongly_identified
/// ('OK', '1.2.246.562.24.10000000003', True)
/// >>> Person("1.2.246.562.24.10000000003").yksilointi_tila
/// 'HETU_PUUTTUU'
#[pyclass(module = "onr", name = "Person", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person(pub core::Person);

/// A vocabulary name (`lookup`, `audience`, `actor`) parsed by onr-core; `ValueError` else.
fn named<T: std::str::FromStr<Err = core::UnknownName>>(name: &str) -> PyResult<T> {
    name.parse()
        .map_err(|e: core::UnknownName| PyValueError::new_err(format!("{e}, found {name:?}")))
}

#[pymethods]
impl Person {
    #[new]
    #[pyo3(signature = (oid, /, **fields))]
    fn new(py: Python<'_>, oid: &str, fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        guard(py, || {
            let data = PyDict::new(py);
            if let Some(fields) = fields {
                data.update(fields.as_mapping())?;
            }
            data.set_item("oidHenkilo", oid)?;
            Ok(Person(json::from_py(data.as_any(), "person")?))
        })
    }

    /// A person from ONR's JSON shape (a ``dict`` as ONR's REST API gives it; missing fields
    /// take their defaults, dates may be ``datetime.date`` or ISO text).
    ///
    /// >>> from onr import Person
    /// >>> p = Person.from_dict({"oidHenkilo": "1.2.246.562.24.10000000003", "passivoitu": True})
    /// >>> p.passivoitu, p.included_in("duplicate_search"), p.included_in("by_hetu")
    /// (True, False, True)
    #[staticmethod]
    #[pyo3(signature = (data, /))]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || Ok(Person(json::from_py(data, "person")?)))
    }

    /// The record in ONR's JSON shape.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || json::to_py(py, &self.0))
    }

    /// A copy with some fields (ONR's JSON names) changed.
    ///
    /// >>> from onr import Person
    /// >>> Person("1.2.246.562.24.10000000003").replace(yksiloity=True).yksilointi_tila
    /// 'OK'
    #[pyo3(signature = (**changes))]
    fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        guard(py, || {
            let data = json::to_py(py, &self.0)?.cast_into::<PyDict>()?;
            if let Some(changes) = changes {
                data.update(changes.as_mapping())?;
            }
            Ok(Person(json::from_py(data.as_any(), "person")?))
        })
    }

    /// The OID (``oidHenkilo``).
    #[getter]
    fn oid(&self) -> &str {
        &self.0.oid
    }

    /// The current hetu, or ``None``.
    #[getter]
    fn hetu(&self) -> Option<&str> {
        self.0.hetu.as_deref()
    }

    /// First names (``etunimet``).
    #[getter]
    fn etunimet(&self) -> &str {
        &self.0.etunimet
    }

    /// The name in use (``kutsumanimi``).
    #[getter]
    fn kutsumanimi(&self) -> &str {
        &self.0.kutsumanimi
    }

    /// Surname (``sukunimi``).
    #[getter]
    fn sukunimi(&self) -> &str {
        &self.0.sukunimi
    }

    /// Birth date (``syntymaaika``), or ``None``.
    #[getter]
    fn syntymaaika(&self) -> Option<chrono::NaiveDate> {
        self.0.syntymaaika
    }

    /// Sex code (``sukupuoli``): ``"1"``, ``"2"`` or ``None``.
    #[getter]
    fn sukupuoli(&self) -> Option<&str> {
        self.0.sukupuoli.as_deref()
    }

    /// Whether the person is passivated.
    #[getter]
    fn passivoitu(&self) -> bool {
        self.0.passivoitu
    }

    /// Whether the person is a duplicate (a slave of a link).
    #[getter]
    fn duplicate(&self) -> bool {
        self.0.duplicate
    }

    /// Manually identified without a hetu.
    #[getter]
    fn yksiloity(&self) -> bool {
        self.0.yksiloity
    }

    /// Identified against VTJ, the population register.
    #[getter]
    fn yksiloity_vtj(&self) -> bool {
        self.0.yksiloity_vtj
    }

    /// Identified with eIDAS.
    #[getter]
    fn yksiloity_eidas(&self) -> bool {
        self.0.yksiloity_eidas
    }

    /// Identification against VTJ was attempted.
    #[getter]
    fn yksilointi_yritetty(&self) -> bool {
        self.0.yksilointi_yritetty
    }

    /// Address non-disclosure (turvakielto).
    #[getter]
    fn turvakielto(&self) -> bool {
        self.0.turvakielto
    }

    /// Whether the person has a hetu.
    #[getter]
    fn has_hetu(&self) -> bool {
        self.0.has_hetu()
    }

    /// Identified by any method (``yksiloity``, ``yksiloityVTJ`` or ``yksiloityEidas``).
    #[getter]
    fn is_identified_by_any_method(&self) -> bool {
        self.0.is_identified_by_any_method()
    }

    /// Strongly identified (``yksiloityVTJ`` or ``yksiloityEidas``).
    #[getter]
    fn is_strongly_identified(&self) -> bool {
        self.0.is_strongly_identified()
    }

    /// Counts as identified when linking: identified by any method or has a hetu.
    #[getter]
    fn counts_as_identified_for_linking(&self) -> bool {
        self.0.counts_as_identified_for_linking()
    }

    /// The learner number: the OID when identified by any method, else ``None``.
    #[getter]
    fn oppijanumero(&self) -> Option<&str> {
        self.0.oppijanumero()
    }

    /// ONR's identification state: ``"OK"``, ``"HETU_PUUTTUU"``, ``"VIRHE"`` or ``"KESKEN"``.
    #[getter]
    fn yksilointi_tila(&self) -> &'static str {
        self.0.yksilointi_tila().as_str()
    }

    /// Whether an import counts this person as a success.
    #[getter]
    fn counts_as_import_success(&self) -> bool {
        self.0.counts_as_import_success()
    }

    /// The birth date and sex code ONR takes from the hetu when it is valid in ``env``, or
    /// ``None``.
    ///
    /// >>> from onr import Person
    /// >>> Person("1.2.246.562.24.10000000003", hetu="131052-308T").hetu_birth_date_and_sex()
    /// (datetime.date(1952, 10, 13), '2')
    #[pyo3(signature = (env = None), text_signature = "($self, env='production')")]
    fn hetu_birth_date_and_sex(
        &self,
        py: Python<'_>,
        env: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<(chrono::NaiveDate, &'static str)>> {
        guard(py, || {
            Ok(self.0.hetu_birth_date_and_sex(convert::environment(env)?))
        })
    }

    /// The record as ONR saves it in ``env``: an empty hetu becomes none, birth date and sex
    /// come from a valid hetu, and (with turvakielto) contact groups of VTJ origin are deleted.
    ///
    /// >>> from onr import Person
    /// >>> saved = Person("1.2.246.562.24.10000000003", hetu="131052-308T").saved()
    /// >>> saved.syntymaaika, saved.sukupuoli
    /// (datetime.date(1952, 10, 13), '2')
    #[pyo3(signature = (env = None), text_signature = "($self, env='production')")]
    fn saved(&self, py: Python<'_>, env: Option<&Bound<'_, PyAny>>) -> PyResult<Person> {
        guard(py, || {
            let env = convert::environment(env)?;
            let mut p = self.0.clone();
            p.apply_save_rules(env);
            Ok(Person(p))
        })
    }

    /// The record as ``audience`` (``"consumer"`` or ``"guardian"``) sees it.
    #[pyo3(signature = (audience = "consumer"))]
    fn view(&self, py: Python<'_>, audience: &str) -> PyResult<Person> {
        guard(py, || Ok(Person(self.0.view(named::<Audience>(audience)?))))
    }

    /// Whether ONR's lookup or listing ``lookup`` includes the person: ``"duplicate_search"``,
    /// ``"name_search"`` (with ``include_passive``), ``"search_term"``, ``"by_hetu"``,
    /// ``"by_oid"``, ``"by_eidas"``, ``"import_error_count"``, ``"failed_identification_list"``,
    /// ``"vtj_change_feed"``, ``"vtj_bucket_refresh"`` or ``"background_identification"``
    /// (onr-core's names, ``onr_core::person::Lookup::NAMES``; ``"name_search_with_passive"``
    /// is the name search with ``include_passive``).
    #[pyo3(signature = (lookup, /, include_passive = false))]
    fn included_in(&self, py: Python<'_>, lookup: &str, include_passive: bool) -> PyResult<bool> {
        guard(py, || {
            let lookup = named::<Lookup>(lookup)?.with_passive(include_passive);
            Ok(self.0.included_in(lookup))
        })
    }

    /// Raises ``onr.PersonError`` if ``actor`` (``"official"`` or ``"superuser"``) may not set
    /// ``passivoitu`` to ``requested`` (``None``: unchanged).
    #[pyo3(signature = (requested, actor = "official"))]
    fn check_reactivation(
        &self,
        py: Python<'_>,
        requested: Option<bool>,
        actor: &str,
    ) -> PyResult<()> {
        guard(py, || {
            self.0
                .check_reactivation(requested, named::<Actor>(actor)?)
                .map_err(|e| errors::person(py, &e))
        })
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }
}
