//! `onr.linking`: onr-core's `linking` module, converted. Outcomes, violations and views cross
//! as plain dicts in the shapes of onr-core's serde derives.

use onr_core::error::Coded;
use onr_core::linking::{self as core, LinkRow, Outcome, Violation};
use onr_core::Lang;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::convert::{self, guard};
use crate::person::Person;
use crate::{errors, json};

/// A `str` list argument (`candidates`, `oids`).
fn strings(values: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if values.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} expects an iterable of str, not a single str (wrap it in a list)"
        )));
    }
    values
        .try_iter()?
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            convert::text(&item, what)
                .map(|t| t.into_owned())
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "{what} expects an iterable of str, but item {i} is {}",
                        convert::type_name(&item)
                    ))
                })
        })
        .collect()
}

/// Link pairs `(master, slave)`.
fn pairs(values: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    values
        .try_iter()?
        .enumerate()
        .map(|(i, item)| {
            item?.extract::<(String, String)>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "links expects an iterable of (master, slave) pairs of str; item {i} is not one"
                ))
            })
        })
        .collect()
}

fn outcome<'py>(
    py: Python<'py>,
    result: Result<Outcome, core::LinkError>,
) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(o) => json::to_py(py, &o),
        Err(e) => Err(errors::link(py, &e)),
    }
}

/// A violation as a dict: its ``kind`` and OIDs, plus the stable ``code`` and the ``message``.
fn violation<'py>(py: Python<'py>, v: &Violation) -> PyResult<Bound<'py, PyAny>> {
    let d = json::to_py(py, v)?;
    let dict = d.cast::<PyDict>()?;
    dict.set_item("code", v.code())?;
    dict.set_item("message", v.message(Lang::En))?;
    Ok(d)
}

fn violations<'py>(py: Python<'py>, found: &[Violation]) -> PyResult<Bound<'py, PyList>> {
    let items = found
        .iter()
        .map(|v| violation(py, v))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Persons and the master/slave links between them, with ONR's linking operations and queries.
///
/// Every operation is atomic: it returns the outcome (a ``dict``: ``master``, ``slaves``,
/// ``links_created``, ``links_deleted``, ``flag_changes``, ``saved``, ``change_feed``,
/// ``lints``, ...) or raises ``onr.LinkError`` (with ONR's ``http_status`` and
/// ``onr_message``) and leaves the registry untouched.
///
/// >>> from onr import Person
/// >>> from onr.linking import Registry
/// >>> reg = Registry()
/// >>> reg.extend_persons([Person("M"), Person("S")])
/// >>> outcome = reg.link("M", ["S"])
/// >>> outcome["master"], outcome["slaves"], reg.master_of("S"), reg.person("S").duplicate
/// ('M', ['S'], 'M', True)
#[pyclass(module = "onr.linking", name = "Registry")]
#[derive(Debug)]
pub struct Registry(core::Registry);

#[pymethods]
impl Registry {
    #[new]
    #[pyo3(signature = (env = None), text_signature = "(env='production')")]
    fn new(py: Python<'_>, env: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        guard(py, || {
            Ok(Registry(core::Registry::new(convert::environment(env)?)))
        })
    }

    /// A registry holding only a link table: ``(master, slave)`` pairs of OIDs.
    ///
    /// >>> from onr.linking import Registry
    /// >>> reg = Registry.from_links([("M", "S1"), ("M", "S2")])
    /// >>> reg.group("S1"), reg.resolve("S2"), reg.resolve("X")
    /// (['M', 'S1', 'S2'], 'M', 'X')
    #[staticmethod]
    #[pyo3(signature = (links, /, env = None), text_signature = "(links, /, env='production')")]
    fn from_links(
        py: Python<'_>,
        links: &Bound<'_, PyAny>,
        env: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(py, || {
            let env = convert::environment(env)?;
            Ok(Registry(core::Registry::from_links(env, pairs(links)?)))
        })
    }

    /// The environment: ``"production"`` or ``"test"``.
    #[getter]
    fn environment(&self) -> &'static str {
        self.0.environment().as_str()
    }

    /// Adds or replaces a person; returns the one it replaced.
    fn insert_person(
        &mut self,
        py: Python<'_>,
        person: PyRef<'_, Person>,
    ) -> PyResult<Option<Person>> {
        guard(py, || {
            Ok(self.0.insert_person(person.0.clone()).map(Person))
        })
    }

    /// Adds or replaces many persons.
    fn extend_persons(&mut self, py: Python<'_>, persons: &Bound<'_, PyAny>) -> PyResult<()> {
        guard(py, || {
            let mut all = Vec::new();
            for item in persons.try_iter()? {
                let item = item?;
                let person = item.cast::<Person>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "extend_persons expects onr.Person items, not {}",
                        convert::type_name(&item)
                    ))
                })?;
                all.push(person.get().0.clone());
            }
            self.0.extend_persons(all);
            Ok(())
        })
    }

    /// The person with the OID, or ``None``.
    fn person(&self, py: Python<'_>, oid: &str) -> PyResult<Option<Person>> {
        guard(py, || Ok(self.0.person(oid).cloned().map(Person)))
    }

    /// How many persons the registry holds.
    #[getter]
    fn person_count(&self) -> usize {
        self.0.person_count()
    }

    /// Adds a link row as it is (no rule is checked: a loaded table).
    fn add_link(&mut self, py: Python<'_>, master: &str, slave: &str) -> PyResult<()> {
        guard(py, || {
            self.0.add_link(master, slave);
            Ok(())
        })
    }

    /// Adds many link rows ``(master, slave)`` as they are.
    fn extend_links(&mut self, py: Python<'_>, links: &Bound<'_, PyAny>) -> PyResult<()> {
        guard(py, || {
            self.0.extend_links(pairs(links)?);
            Ok(())
        })
    }

    /// How many link rows the registry holds.
    #[getter]
    fn link_count(&self) -> usize {
        self.0.link_count()
    }

    /// The link rows ``(master, slave)`` in insertion order.
    fn links(&self) -> Vec<(String, String)> {
        self.0
            .links()
            .map(|(m, s)| (m.to_owned(), s.to_owned()))
            .collect()
    }

    /// The master of a slave, or ``None``.
    fn master_of(&self, oid: &str) -> Option<String> {
        self.0.master_of(oid).map(str::to_owned)
    }

    /// The OID a consumer should use: the master's for a slave, else the OID itself.
    fn resolve(&self, oid: &str) -> String {
        self.0.resolve(oid).to_owned()
    }

    /// Every master of the OID (several only in a broken table).
    fn masters_of(&self, oid: &str) -> Vec<String> {
        self.0
            .masters_of(oid)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The slaves of a master.
    fn slaves_of(&self, oid: &str) -> Vec<String> {
        self.0
            .slaves_of(oid)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The master and all its slaves, for any OID of the group.
    fn group(&self, oid: &str) -> Vec<String> {
        self.0.group(oid).into_iter().map(str::to_owned).collect()
    }

    /// The OIDs linked to the OID, as ONR's ``linked`` list shows them.
    fn linked(&self, oid: &str) -> Vec<String> {
        self.0.linked(oid).into_iter().map(str::to_owned).collect()
    }

    /// The master's person record for any OID of a group; ``onr.LinkError`` if unknown.
    fn master_person(&self, py: Python<'_>, oid: &str) -> PyResult<Person> {
        guard(py, || {
            self.0
                .master_person(oid)
                .map(|p| Person(p.clone()))
                .map_err(|e| errors::link(py, &e))
        })
    }

    /// The learner number consumers see for the OID (the master's); ``onr.LinkError`` if
    /// unknown.
    fn oppijanumero(&self, py: Python<'_>, oid: &str) -> PyResult<Option<String>> {
        guard(py, || {
            self.0
                .oppijanumero(oid)
                .map(|o| o.map(str::to_owned))
                .map_err(|e| errors::link(py, &e))
        })
    }

    /// ONR's ``yleistunniste`` view of the OID, as a ``dict``.
    fn yleistunniste<'py>(&self, py: Python<'py>, oid: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || match self.0.yleistunniste(oid) {
            Ok(view) => json::to_py(py, &view),
            Err(e) => Err(errors::link(py, &e)),
        })
    }

    /// ``(oid, master oid)`` pairs as ONR's ``masterHenkilosByOidList`` answers (at most 5000
    /// OIDs).
    fn masters_by_oids(
        &self,
        py: Python<'_>,
        oids: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(String, String)>> {
        guard(py, || {
            self.0
                .masters_by_oids(&strings(oids, "masters_by_oids")?)
                .map_err(|e| errors::link(py, &e))
        })
    }

    /// ONR's ``/s2s/duplicateHenkilos``: ``{"henkiloOid", "masterOid"}`` dicts, for the given
    /// OIDs or (``None``) all.
    #[pyo3(signature = (oids = None))]
    fn duplicate_henkilos<'py>(
        &self,
        py: Python<'py>,
        oids: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let found = match oids {
                Some(o) if !o.is_none() => self
                    .0
                    .duplicate_henkilos(Some(&strings(o, "duplicate_henkilos")?)),
                _ => self.0.duplicate_henkilos::<String>(None),
            };
            json::to_py(py, &found)
        })
    }

    /// Links ``oid`` with ``candidates`` as ONR's ``link`` does; returns the outcome.
    fn link<'py>(
        &mut self,
        py: Python<'py>,
        oid: &str,
        candidates: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let candidates = strings(candidates, "candidates")?;
            outcome(py, self.0.link(oid, &candidates))
        })
    }

    /// ONR's ``forceLink``: the candidates' manual identification is removed, then ``link``.
    fn force_link<'py>(
        &mut self,
        py: Python<'py>,
        master: &str,
        candidates: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let candidates = strings(candidates, "candidates")?;
            outcome(py, self.0.force_link(master, &candidates))
        })
    }

    /// ONR's ``unlink``.
    fn unlink<'py>(
        &mut self,
        py: Python<'py>,
        master: &str,
        slave: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || outcome(py, self.0.unlink(master, slave)))
    }

    /// Identification against VTJ gave ``oid`` a hetu that another person may hold: link them.
    fn link_with_vtj_hetu<'py>(
        &mut self,
        py: Python<'py>,
        oid: &str,
        vtj_hetu: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || outcome(py, self.0.link_with_vtj_hetu(oid, vtj_hetu)))
    }

    /// ONR's forced hetu update (and the linking a collision causes).
    fn force_update_hetu<'py>(
        &mut self,
        py: Python<'py>,
        oid: &str,
        new_hetu: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || outcome(py, self.0.force_update_hetu(oid, new_hetu)))
    }

    /// ONR's ``removeDuplicateHetuAndLink``.
    fn remove_duplicate_hetu_and_link<'py>(
        &mut self,
        py: Python<'py>,
        oid: &str,
        hetu: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            outcome(py, self.0.remove_duplicate_hetu_and_link(oid, hetu))
        })
    }

    /// Manual identification of a person without a hetu.
    fn identify_without_hetu<'py>(
        &mut self,
        py: Python<'py>,
        oid: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || outcome(py, self.0.identify_without_hetu(oid)))
    }

    /// Passivates a person.
    fn passivate<'py>(&mut self, py: Python<'py>, oid: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || outcome(py, self.0.passivate(oid)))
    }

    /// The rule violations of the registry's link table and flags, as dicts (``kind``, the
    /// OIDs, ``code``, ``message``).
    fn check<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        guard(py, || violations(py, &self.0.check()))
    }

    /// The change-feed entries (``GET /oppija/muuttuneet``) a consumer sees after an
    /// operation: ``(oid, master)`` for each OID of the outcome's ``change_feed``, its master
    /// now (itself when it is no one's slave). Feed them to a ``ChangeFeedTracker``.
    ///
    /// >>> from onr import Person
    /// >>> from onr.linking import Registry
    /// >>> reg = Registry()
    /// >>> reg.extend_persons([Person("M"), Person("S")])
    /// >>> reg.change_feed_entries(reg.link("M", ["S"]))
    /// [('M', 'M'), ('S', 'M')]
    fn change_feed_entries(
        &self,
        py: Python<'_>,
        outcome: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(String, String)>> {
        guard(py, || {
            let oids = outcome.get_item("change_feed").map_err(|_| {
                PyTypeError::new_err(
                    "change_feed_entries expects an operation's outcome (a dict with 'change_feed')",
                )
            })?;
            Ok(strings(&oids, "change_feed")?
                .into_iter()
                .map(|oid| {
                    let master = self.0.resolve(&oid).to_owned();
                    (oid, master)
                })
                .collect())
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Registry(env='{}', persons={}, links={})",
            self.0.environment(),
            self.0.person_count(),
            self.0.link_count()
        )
    }
}

/// Change-feed entries `(oid, master)` from an iterable of pairs.
fn feed_page(values: &Bound<'_, PyAny>) -> PyResult<Vec<core::ChangeFeedEntry>> {
    values
        .try_iter()?
        .enumerate()
        .map(|(i, item)| {
            let (oid, master) = item?.extract::<(String, String)>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "a change-feed page is an iterable of (oid, master) pairs of str; item {i} is not one"
                ))
            })?;
            Ok(core::ChangeFeedEntry::new(oid, master))
        })
        .collect()
}

/// A consumer's view of masters, kept up to date from ONR's change feed
/// (``GET /oppija/muuttuneet``).
///
/// The consumer knows some OIDs, each pointing to a master (itself when it is not a
/// duplicate). An entry ``(oid, master)`` re-points ``oid`` if it is known; and because ONR
/// keeps two levels (a new slave hands its own slaves to its new master), every known record
/// that pointed to ``oid`` follows to the entry's master too, even before its own entry comes.
///
/// ``known`` are OIDs that are their own masters; ``masters`` are ``(oid, master)`` pairs.
///
/// >>> from onr.linking import ChangeFeedTracker
/// >>> t = ChangeFeedTracker(["A", "B", "C"])
/// >>> t.apply([("B", "A")])
/// [('B', 'B', 'A')]
/// >>> t.apply([("A", "C")])
/// [('A', 'A', 'C'), ('B', 'A', 'C')]
/// >>> t.master_of("B")
/// 'C'
#[derive(Debug)]
#[pyclass(module = "onr.linking", name = "ChangeFeedTracker")]
pub struct ChangeFeedTracker(core::ChangeFeedTracker);

#[pymethods]
impl ChangeFeedTracker {
    #[new]
    #[pyo3(signature = (known = None, /, masters = None))]
    fn new(
        py: Python<'_>,
        known: Option<&Bound<'_, PyAny>>,
        masters: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(py, || {
            let mut pairs: Vec<(String, String)> = match known {
                Some(k) => strings(k, "known")?
                    .into_iter()
                    .map(|o| (o.clone(), o))
                    .collect(),
                None => Vec::new(),
            };
            if let Some(m) = masters {
                pairs.extend(feed_page(m)?.into_iter().map(|e| (e.oid, e.master)));
            }
            Ok(ChangeFeedTracker(core::ChangeFeedTracker::with_masters(
                pairs,
            )))
        })
    }

    /// The master a known OID points to now, or ``None`` for an unknown OID.
    fn master_of(&self, oid: &str) -> Option<String> {
        self.0.master_of(oid).map(str::to_owned)
    }

    /// Applies one page of ``(oid, master)`` entries in order; returns every known record
    /// whose master changed, as ``(oid, from_master, to_master)``.
    fn apply(
        &mut self,
        py: Python<'_>,
        page: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(String, String, String)>> {
        guard(py, || {
            let page = feed_page(page)?;
            Ok(self
                .0
                .apply(&page)
                .into_iter()
                .map(|r| (r.oid, r.from, r.to))
                .collect())
        })
    }

    fn __repr__(&self) -> &'static str {
        "ChangeFeedTracker(...)"
    }
}

/// Checks a link table loaded from elsewhere: rows as ``(master, slave)`` pairs or dicts with
/// ``master_oid``, ``slave_oid`` and optionally ``master_passivoitu``, ``master_duplicate``,
/// ``slave_passivoitu``, ``slave_duplicate``. Returns the violations as dicts.
///
/// >>> from onr import linking
/// >>> [v["kind"] for v in linking.check_links([("A", "B"), ("B", "C")])]
/// ['chain']
#[pyfunction]
#[pyo3(signature = (rows, /))]
pub fn linking_check_links<'py>(
    py: Python<'py>,
    rows: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let mut table = Vec::new();
        for (i, item) in rows.try_iter()?.enumerate() {
            let item = item?;
            if item.is_instance_of::<PyDict>() {
                table.push(json::from_py::<LinkRow>(&item, "link row")?);
            } else if let Ok((m, s)) = item.extract::<(String, String)>() {
                table.push(LinkRow::new(m, s));
            } else {
                return Err(PyTypeError::new_err(format!(
                    "check_links expects (master, slave) pairs or dicts; item {i} is {}",
                    convert::type_name(&item)
                )));
            }
        }
        violations(py, &core::check_links(&table))
    })
}
