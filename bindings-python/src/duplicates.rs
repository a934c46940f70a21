//! `onr.similarity`, `onr.trigram`, `onr.names` and `onr.DuplicateIndex`: onr-core's `names`,
//! `similarity::trigram` and `similarity::duplicates`, converted.

use chrono::NaiveDate;
use onr_core::names;
use onr_core::similarity::duplicates::{self as core, PersonRecord};
use onr_core::similarity::trigram;
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyMapping, PyString};

use crate::convert::{self, detached, guard};
use crate::errors;
use crate::similarity::f32_to_py;

/// pg_trgm's ``similarity(a, b)`` of ONR's duplicate-search forms: ``similarity(lower(unaccent(a)),
/// lower(unaccent(b)))`` exactly as PostgreSQL computes it (single precision). ONR lists two
/// persons as duplicate candidates at ``>= 0.5``.
///
/// >>> import onr
/// >>> onr.similarity("Ääkkönen", "Aakkonen")
/// 1.0
/// >>> onr.similarity("Matti Meikäläinen 2005-03-14", "Matti Meikalainen 2005-04-13")
/// 0.75
#[pyfunction]
#[pyo3(signature = (a, b, /))]
pub fn trigram_similarity_fmt(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<f64> {
    guard(py, || {
        Ok(f32_to_py(trigram::similarity_fmt(
            &convert::text(a, "a")?,
            &convert::text(b, "b")?,
        )))
    })
}

/// pg_trgm's ``similarity(a, b)`` of the strings as given (pg_trgm lowercases words itself but
/// does not unaccent).
///
/// >>> from onr import trigram
/// >>> trigram.similarity("word", "two words")
/// 0.36363637
#[pyfunction]
#[pyo3(signature = (a, b, /))]
pub fn trigram_similarity(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<f64> {
    guard(py, || {
        Ok(f32_to_py(trigram::similarity(
            &convert::text(a, "a")?,
            &convert::text(b, "b")?,
        )))
    })
}

/// ``similarity`` (ONR's forms, ``fmt=True``, the default) or pg_trgm's raw similarity of every
/// ``(a, b)`` pair, in order, detached from the interpreter.
///
/// >>> from onr import trigram
/// >>> trigram.similarity_many([("Ääkkönen", "Aakkonen"), ("word", "two words")])
/// [1.0, 0.36363637]
#[pyfunction]
#[pyo3(signature = (pairs, /, fmt = true))]
pub fn trigram_similarity_many(
    py: Python<'_>,
    pairs: &Bound<'_, PyAny>,
    fmt: bool,
) -> PyResult<Vec<f64>> {
    guard(py, || {
        let mut texts = Vec::new();
        for (i, pair) in pairs.try_iter()?.enumerate() {
            let (a, b): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair?.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "similarity_many expects (str, str) pairs; item {i} is not one"
                ))
            })?;
            texts.push((
                convert::text(&a, "a")?.into_owned(),
                convert::text(&b, "b")?.into_owned(),
            ));
        }
        let values = detached(py, || {
            texts
                .iter()
                .map(|(a, b)| {
                    if fmt {
                        trigram::similarity_fmt(a, b)
                    } else {
                        trigram::similarity(a, b)
                    }
                })
                .collect::<Vec<_>>()
        })?;
        Ok(values.into_iter().map(f32_to_py).collect())
    })
}

/// pg_trgm's ``%`` verdict: the similarity, in double precision, ``>= threshold``.
///
/// >>> from onr import trigram
/// >>> trigram.is_similar(0.5), trigram.is_similar(0.49999997)
/// (True, False)
#[pyfunction]
#[pyo3(
    signature = (similarity, /, threshold = trigram::DEFAULT_THRESHOLD),
    text_signature = "(similarity, /, threshold=0.5)"
)]
pub fn trigram_is_similar(similarity: f32, threshold: f64) -> bool {
    trigram::is_similar(similarity, threshold)
}

/// pg_trgm's distance ``a <-> b``: ``1 - similarity`` in single precision.
#[pyfunction]
#[pyo3(signature = (similarity, /))]
pub fn trigram_distance(similarity: f32) -> f64 {
    f32_to_py(trigram::distance(similarity))
}

/// A single-precision value as PostgreSQL prints a ``real``.
///
/// >>> from onr import trigram
/// >>> trigram.pg_float4_text(22 / 41), trigram.pg_float4_text(1e-5)
/// ('0.5365854', '1e-05')
#[pyfunction]
#[pyo3(signature = (value, /))]
pub fn trigram_pg_float4_text(value: f32) -> String {
    trigram::pg_float4_text(value)
}

/// PostgreSQL's ``unaccent(text)`` with the default rules.
///
/// >>> from onr import names
/// >>> names.unaccent("Åsa Ærø Łukasz Šmíd")
/// 'Asa AEro Lukasz Smid'
#[pyfunction]
#[pyo3(signature = (text, /))]
pub fn names_unaccent(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        Ok(names::unaccent(&convert::text(text, "text")?).into_owned())
    })
}

/// PostgreSQL's ``lower(text)`` in a UTF-8 libc locale (glibc's ``towlower`` per character).
///
/// >>> from onr import names
/// >>> names.lower("ΣΊΣΥΦΟΣ İ")
/// 'σίσυφοσ i'
#[pyfunction]
#[pyo3(signature = (text, /))]
pub fn names_lower(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        Ok(names::pg_lower(&convert::text(text, "text")?).into_owned())
    })
}

/// ``lower(unaccent(text))``: the form ONR's duplicate search compares.
///
/// >>> from onr import names
/// >>> names.duplicate_search_fmt("Äijälä Œdipe ẞ")
/// 'aijala oedipe ss'
#[pyfunction]
#[pyo3(signature = (text, /))]
pub fn names_duplicate_search_fmt(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        Ok(names::duplicate_search_fmt(&convert::text(text, "text")?))
    })
}

fn opt_text(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match obj {
        None => Ok(None),
        Some(o) if is_missing(o) => Ok(None),
        Some(o) => Ok(Some(convert::text(o, what)?.into_owned())),
    }
}

fn opt_date(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<NaiveDate>> {
    match obj {
        None => Ok(None),
        Some(o) if is_missing(o) => Ok(None),
        Some(o) if o.is_instance_of::<PyString>() => {
            let text = convert::text(o, what)?;
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    PyTypeError::new_err(format!("{what} must be datetime.date or YYYY-MM-DD text"))
                })
        }
        Some(o) => convert::date(o, what).map(Some),
    }
}

fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_none() || obj.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
}

/// The stored side of ONR's duplicate search (the generated column ``duplicate_search_str``);
/// ``None`` when any name part is ``None`` (SQL NULL).
///
/// >>> import datetime
/// >>> from onr import names
/// >>> names.stored_search_string("Eino Ilmari", "Eino", "Testiäinen", datetime.date(1911, 11, 11))
/// 'eino ilmari eino testiainen 1911-11-11'
#[pyfunction]
#[pyo3(signature = (etunimet, kutsumanimi, sukunimi, syntymaaika = None))]
pub fn names_stored_search_string(
    py: Python<'_>,
    etunimet: Option<&Bound<'_, PyAny>>,
    kutsumanimi: Option<&Bound<'_, PyAny>>,
    sukunimi: Option<&Bound<'_, PyAny>>,
    syntymaaika: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<String>> {
    guard(py, || {
        Ok(names::stored_search_string(
            opt_text(etunimet, "etunimet")?.as_deref(),
            opt_text(kutsumanimi, "kutsumanimi")?.as_deref(),
            opt_text(sukunimi, "sukunimi")?.as_deref(),
            opt_date(syntymaaika, "syntymaaika")?,
        ))
    })
}

/// The query side of ONR's duplicate search: the parts present, joined by single spaces.
///
/// >>> from onr import names
/// >>> names.query_search_string("Etu", None, "Suku")
/// 'etu suku '
#[pyfunction]
#[pyo3(signature = (etunimet = None, kutsumanimi = None, sukunimi = None, syntymaaika = None))]
pub fn names_query_search_string(
    py: Python<'_>,
    etunimet: Option<&Bound<'_, PyAny>>,
    kutsumanimi: Option<&Bound<'_, PyAny>>,
    sukunimi: Option<&Bound<'_, PyAny>>,
    syntymaaika: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    guard(py, || {
        Ok(names::query_search_string(
            opt_text(etunimet, "etunimet")?.as_deref(),
            opt_text(kutsumanimi, "kutsumanimi")?.as_deref(),
            opt_text(sukunimi, "sukunimi")?.as_deref(),
            opt_date(syntymaaika, "syntymaaika")?,
        ))
    })
}

/// Person records from a list of mappings or a data frame (polars ``to_dicts``, pandas
/// ``to_dict("records")``): ``id``, ``etunimet``, ``kutsumanimi``, ``sukunimi``,
/// ``syntymaaika``, ``passivoitu``, ``duplicate``.
fn records(values: &Bound<'_, PyAny>) -> PyResult<Vec<PersonRecord>> {
    let py = values.py();
    let rows = if values.hasattr("to_dicts")? {
        values.call_method0("to_dicts")?
    } else if values.hasattr("columns")? && values.hasattr("to_dict")? {
        values.call_method1("to_dict", ("records",))?
    } else {
        values.clone()
    };
    let mut out = Vec::new();
    for (i, row) in rows.try_iter()?.enumerate() {
        let row = row?;
        let row = row.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err(format!(
                "records expects mappings (dicts) or a data frame; item {i} is {}",
                convert::type_name(&row)
            ))
        })?;
        let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
            match row.get_item(key) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(py) => Ok(None),
                Err(e) => Err(e),
            }
        };
        let id =
            get("id")?.ok_or_else(|| PyTypeError::new_err(format!("record {i} has no \"id\"")))?;
        let id = match id.cast::<PyString>() {
            Ok(s) => convert::str_text(s)?.into_owned(),
            Err(_) => id.str()?.to_cow()?.into_owned(),
        };
        let flag = |key: &str| -> PyResult<bool> {
            match get(key)? {
                Some(v) if !is_missing(&v) => v.is_truthy(),
                _ => Ok(false),
            }
        };
        let mut record = PersonRecord {
            id,
            etunimet: opt_text(get("etunimet")?.as_ref(), "etunimet")?,
            kutsumanimi: opt_text(get("kutsumanimi")?.as_ref(), "kutsumanimi")?,
            sukunimi: opt_text(get("sukunimi")?.as_ref(), "sukunimi")?,
            syntymaaika: opt_date(get("syntymaaika")?.as_ref(), "syntymaaika")?,
            ..PersonRecord::default()
        };
        record.passivoitu = flag("passivoitu")?;
        record.duplicate = flag("duplicate")?;
        out.push(record);
    }
    Ok(out)
}

/// An index over many person records answering ONR's duplicate query, identical to
/// PostgreSQL's GIN-indexed ``%`` query: candidates at ``similarity >= threshold`` of the
/// stored and query search strings, most similar first; passivated and duplicate records and
/// records with a missing name part are never candidates.
///
/// ``records``: mappings (or a pandas/polars data frame) with ``id``, ``etunimet``,
/// ``kutsumanimi``, ``sukunimi``, ``syntymaaika`` (``datetime.date`` or ``YYYY-MM-DD``), and
/// optionally ``passivoitu`` and ``duplicate``.
///
/// >>> import datetime
/// >>> import onr
/// >>> d = datetime.date(1911, 11, 11)
/// >>> index = onr.DuplicateIndex([
/// ...     {"id": "1", "etunimet": "Eino Ilmari Urho Kaleva", "kutsumanimi": "Eino", "sukunimi": "Testiäinen", "syntymaaika": d},
/// ...     {"id": "2", "etunimet": "Eino", "kutsumanimi": "Eino", "sukunimi": "Testiäinen", "syntymaaika": d},
/// ...     {"id": "3", "etunimet": "Anna", "kutsumanimi": "Anna", "sukunimi": "Virtanen", "syntymaaika": d}])
/// >>> index.find(etunimet="Eino", kutsumanimi="Eino", sukunimi="Testiainen", syntymaaika=d)
/// [('2', 1.0), ('1', 0.5365854)]
/// >>> index.pairs()
/// [('1', '2', 0.5365854)]
#[pyclass(module = "onr", name = "DuplicateIndex", frozen)]
#[derive(Debug)]
pub struct DuplicateIndex(core::DuplicateIndex);

fn candidates(index: &core::DuplicateIndex, found: Vec<core::Candidate>) -> Vec<(String, f64)> {
    found
        .into_iter()
        .map(|c| (index.id(c.index).to_owned(), f32_to_py(c.similarity)))
        .collect()
}

#[pymethods]
impl DuplicateIndex {
    #[new]
    #[pyo3(
        signature = (records, /, threshold = trigram::DEFAULT_THRESHOLD),
        text_signature = "(records, /, threshold=0.5)"
    )]
    fn new(py: Python<'_>, records: &Bound<'_, PyAny>, threshold: f64) -> PyResult<Self> {
        guard(py, || {
            let records = self::records(records)?;
            detached(py, || core::DuplicateIndex::new(&records, threshold))?
                .map(DuplicateIndex)
                .map_err(|e| errors::coded(py, "SimilarityError", &e))
        })
    }

    /// The threshold.
    #[getter]
    fn threshold(&self) -> f64 {
        self.0.threshold()
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// The id of the record at ``index`` (the indexes of ``pairs`` and ``find``'s order).
    fn id(&self, index: usize) -> PyResult<String> {
        if index < self.0.len() {
            Ok(self.0.id(index).to_owned())
        } else {
            Err(PyIndexError::new_err("DuplicateIndex index out of range"))
        }
    }

    /// ONR's duplicate candidates for a person: ``(id, similarity)`` pairs, most similar first
    /// (ties in record order). Missing parts are skipped, as ONR's query does.
    #[pyo3(signature = (etunimet = None, kutsumanimi = None, sukunimi = None, syntymaaika = None))]
    fn find(
        &self,
        py: Python<'_>,
        etunimet: Option<&Bound<'_, PyAny>>,
        kutsumanimi: Option<&Bound<'_, PyAny>>,
        sukunimi: Option<&Bound<'_, PyAny>>,
        syntymaaika: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<(String, f64)>> {
        guard(py, || {
            let e = opt_text(etunimet, "etunimet")?;
            let k = opt_text(kutsumanimi, "kutsumanimi")?;
            let s = opt_text(sukunimi, "sukunimi")?;
            let d = opt_date(syntymaaika, "syntymaaika")?;
            let found = detached(py, || {
                self.0.find(e.as_deref(), k.as_deref(), s.as_deref(), d)
            })?;
            Ok(candidates(&self.0, found))
        })
    }

    /// The candidates for a query text (compared in its ``lower(unaccent())`` form).
    #[pyo3(signature = (text, /))]
    fn find_text(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<(String, f64)>> {
        guard(py, || {
            let text = convert::text(text, "text")?.into_owned();
            let found = detached(py, || self.0.find_text(&text))?;
            Ok(candidates(&self.0, found))
        })
    }

    /// Every pair of indexed records at the threshold (PostgreSQL's self-join ``a.s % b.s``):
    /// ``(id_a, id_b, similarity)`` with ``a`` before ``b`` in record order. Uses every core,
    /// detached from the interpreter.
    fn pairs(&self, py: Python<'_>) -> PyResult<Vec<(String, String, f64)>> {
        guard(py, || {
            let pairs = detached(py, || self.0.pairs())?;
            Ok(pairs
                .into_iter()
                .map(|p| {
                    (
                        self.0.id(p.a as usize).to_owned(),
                        self.0.id(p.b as usize).to_owned(),
                        f32_to_py(p.similarity),
                    )
                })
                .collect())
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "DuplicateIndex({} records, threshold={})",
            self.0.len(),
            self.0.threshold()
        )
    }
}

/// Every pair of duplicate candidates among ``records`` at ``threshold``: the same as
/// ``DuplicateIndex(records, threshold).pairs()``.
///
/// >>> import onr
/// >>> people = [{"id": "a", "etunimet": "Matti", "kutsumanimi": "Matti", "sukunimi": "Meikäläinen"},
/// ...           {"id": "b", "etunimet": "Matti", "kutsumanimi": "Matti", "sukunimi": "Meikalainen"}]
/// >>> onr.find_duplicates(people)
/// [('a', 'b', 1.0)]
#[pyfunction]
#[pyo3(
    signature = (records, /, threshold = trigram::DEFAULT_THRESHOLD),
    text_signature = "(records, /, threshold=0.5)"
)]
pub fn find_duplicates(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    threshold: f64,
) -> PyResult<Vec<(String, String, f64)>> {
    DuplicateIndex::new(py, records, threshold)?.pairs(py)
}
