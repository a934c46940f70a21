//! `onr.similarity`, `onr.trigram`, `onr.names` and `onr.DuplicateIndex`: onr-core's `names`,
//! `similarity::trigram` and `similarity::duplicates`, converted.

use chrono::NaiveDate;
use onr_core::names;
use onr_core::similarity::duplicates::{self as core, PersonRecord};
use onr_core::similarity::trigram::{self, Form};
use pyo3::exceptions::{PyDeprecationWarning, PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyMapping, PyString, PyType};

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

/// The names ``form=`` takes (``onr.trigram.Form``'s values): onr-core's ``Form::NAMES``.
///
/// >>> from onr import _onr
/// >>> _onr.trigram_form_names()
/// ['raw', 'onr']
#[pyfunction]
pub fn trigram_form_names() -> Vec<&'static str> {
    Form::NAMES.to_vec()
}

/// The ``form=`` argument (a name or an ``onr.trigram.Form``, parsed by onr-core) or its
/// deprecated alias ``fmt=`` (``True``: ``"onr"``, ``False``: ``"raw"``); ``default`` when
/// neither is given. Both given: ``TypeError``; an unknown name: ``onr.SimilarityError``
/// ``similarity.unknown_form``.
fn form_arg(
    py: Python<'_>,
    form: Option<&Bound<'_, PyAny>>,
    fmt: Option<bool>,
    default: Form,
) -> PyResult<Form> {
    // A bool in `form`'s place is `fmt` given by position (`similarity_many(pairs, False)`).
    let (form, fmt) = match form {
        Some(f) if f.is_instance_of::<PyBool>() => (None, Some(f.is_truthy()?).or(fmt)),
        _ => (form, fmt),
    };
    match (form.filter(|f| !f.is_none()), fmt) {
        (Some(_), Some(_)) => Err(PyTypeError::new_err(
            "form= and its deprecated alias fmt= given together; give form= only",
        )),
        (None, Some(fmt)) => {
            PyErr::warn(
                py,
                &py.get_type::<PyDeprecationWarning>(),
                c"fmt= is deprecated: use form=\"onr\" (fmt=True) or form=\"raw\" (fmt=False)",
                2,
            )?;
            Ok(if fmt { Form::Onr } else { Form::Raw })
        }
        (Some(form), None) => {
            let name = form.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "form must be str or onr.trigram.Form, not {}",
                    convert::type_name(form)
                ))
            })?;
            name.to_cow()?
                .parse::<Form>()
                .map_err(|e| errors::coded(py, "SimilarityError", &e))
        }
        (None, None) => Ok(default),
    }
}

/// pg_trgm's similarity of every ``(a, b)`` pair in ``form`` (``"onr"``, the default: ONR's
/// ``lower(unaccent())`` forms, as ``onr.similarity``; ``"raw"``: as given, as
/// ``trigram.similarity``), in order, detached from the interpreter. ``fmt=`` is the
/// deprecated alias of ``form=`` (``True``: ``"onr"``).
///
/// >>> from onr import trigram
/// >>> trigram.similarity_many([("Ääkkönen", "Aakkonen"), ("word", "two words")])
/// [1.0, 0.36363637]
/// >>> trigram.similarity_many([("Ääkkönen", "Aakkonen")], form="raw")
/// [0.125]
#[pyfunction]
#[pyo3(
    signature = (pairs, /, form = None, *, fmt = None),
    text_signature = "(pairs, /, form='onr', *, fmt=None)"
)]
pub fn trigram_similarity_many(
    py: Python<'_>,
    pairs: &Bound<'_, PyAny>,
    form: Option<&Bound<'_, PyAny>>,
    fmt: Option<bool>,
) -> PyResult<Vec<f64>> {
    guard(py, || {
        let form = form_arg(py, form, fmt, Form::Onr)?;
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
        let values = detached(py, || trigram::similarities_in(&texts, form))?;
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

/// The pg_trgm trigram set of one text, computed once to be compared with many texts or sets
/// (the similarity of two sets is a linear merge, no text is split again).
///
/// ``TrigramSet(text)`` (``form="raw"``) takes the text as given, as ``trigram.similarity`` and
/// pg_trgm's ``show_trgm(text)`` do; ``TrigramSet(text, form="onr")`` takes ONR's
/// ``lower(unaccent(text))`` form, as ``trigram.similarity_fmt`` (``onr.similarity``) does
/// (``form`` also takes an ``onr.trigram.Form``; ``fmt=True``/``False`` is its deprecated
/// alias). Similarities are
/// PostgreSQL's single-precision values. Sets compare equal when they hold the same trigrams;
/// the text itself is not kept, and ``repr`` shows only the size (names are personal data).
///
/// >>> from onr import trigram
/// >>> q = trigram.TrigramSet("Eino Eino Testiäinen 1911-11-11", form="onr")
/// >>> q
/// TrigramSet(len=22)
/// >>> q.similarity_to("eino ilmari urho kaleva eino testiainen 1911-11-11"), q.similarity_to("pekka puupaa")
/// (0.5365854, 0.0)
/// >>> trigram.TrigramSet("Äijä", form=trigram.Form.ONR) == trigram.TrigramSet("aija")
/// True
/// >>> trigram.TrigramSet("Ab").trigrams()
/// ['  a', ' ab', 'ab ']
#[pyclass(module = "onr", name = "TrigramSet", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TrigramSet(trigram::TrigramSet);

#[pymethods]
impl TrigramSet {
    #[new]
    #[pyo3(
        signature = (text, /, *, form = None, fmt = None),
        text_signature = "(text, /, *, form='raw', fmt=None)"
    )]
    fn new(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        form: Option<&Bound<'_, PyAny>>,
        fmt: Option<bool>,
    ) -> PyResult<Self> {
        guard(py, || {
            let form = form_arg(py, form, fmt, Form::Raw)?;
            Ok(TrigramSet(trigram::TrigramSet::of(
                &convert::text(text, "text")?,
                form,
            )))
        })
    }

    /// The number of distinct trigrams (0: the text has no letters or digits, and is similar
    /// to nothing, not even itself).
    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// The trigrams as pg_trgm's ``show_trgm`` prints them, in its order: three characters
    /// when all are ASCII letters, digits or spaces, else ``0x`` and six hex digits (hashed
    /// multibyte trigrams).
    ///
    /// >>> from onr import trigram
    /// >>> trigram.TrigramSet("cat").trigrams(), trigram.TrigramSet("ä").trigrams()
    /// (['  c', ' ca', 'at ', 'cat'], ['0xd3cd89', '0x5be7e5'])
    fn trigrams(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        guard(py, || Ok(self.0.show()))
    }

    /// The number of trigrams both sets hold.
    ///
    /// >>> from onr import trigram
    /// >>> trigram.TrigramSet("abc").common(trigram.TrigramSet("abd"))
    /// 2
    #[pyo3(signature = (other, /))]
    fn common(&self, other: &Bound<'_, TrigramSet>) -> usize {
        self.0.common(&other.get().0)
    }

    /// pg_trgm's ``similarity`` of the texts the two sets came from: shared trigrams over the
    /// size of their union, in single precision (0 when either set is empty).
    ///
    /// >>> from onr import trigram
    /// >>> trigram.TrigramSet("word").similarity(trigram.TrigramSet("two words"))
    /// 0.36363637
    #[pyo3(signature = (other, /))]
    fn similarity(&self, other: &Bound<'_, TrigramSet>) -> f64 {
        f32_to_py(self.0.similarity(&other.get().0))
    }

    /// pg_trgm's ``similarity`` of this set's text and ``text``, taken as given
    /// (``form="raw"``, the default) or in ONR's ``lower(unaccent())`` form (``form="onr"``);
    /// ``fmt=`` is the deprecated alias of ``form=``.
    ///
    /// >>> from onr import trigram
    /// >>> q = trigram.TrigramSet("Meikäläinen", form="onr")
    /// >>> q.similarity_to("MEIKÄLÄINEN", form="onr"), q.similarity_to("MEIKÄLÄINEN")
    /// (1.0, 0.4117647)
    #[pyo3(
        signature = (text, /, *, form = None, fmt = None),
        text_signature = "($self, text, /, *, form='raw', fmt=None)"
    )]
    fn similarity_to(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        form: Option<&Bound<'_, PyAny>>,
        fmt: Option<bool>,
    ) -> PyResult<f64> {
        guard(py, || {
            let form = form_arg(py, form, fmt, Form::Raw)?;
            Ok(f32_to_py(
                self.0.similarity_str(&convert::text(text, "text")?, form),
            ))
        })
    }

    fn __repr__(&self) -> String {
        format!("TrigramSet(len={})", self.0.len())
    }
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
        Some(o) if convert::is_missing(o) => Ok(None),
        Some(o) => Ok(Some(convert::text(o, what)?.into_owned())),
    }
}

/// A birth date: `datetime.date`, or text read by onr-core's cell rule (`YYYY-MM-DD`; `""`
/// is missing, as `None` and NaN are); other text is an `onr.OnrError` (`cell.date`).
fn opt_date(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<NaiveDate>> {
    match obj {
        None => Ok(None),
        Some(o) if convert::is_missing(o) => Ok(None),
        Some(o) if o.is_instance_of::<PyString>() => {
            let text = convert::text(o, what)?;
            onr_core::cell::date(&text).map_err(|e| errors::cell(o.py(), &e, what))
        }
        Some(o) => convert::date(o, what).map(Some),
    }
}

/// A true/false value: `bool` (numpy's too), the integers 0 and 1, or text read by
/// onr-core's cell rule (`"false"`, `"0"`, `"ei"`... are false; `""` is missing); missing
/// (`None`, NaN, pandas' `NA`) is false. Other text is an `onr.OnrError` (`cell.flag`).
fn flag_value(v: &Bound<'_, PyAny>, what: &str) -> PyResult<bool> {
    if convert::is_missing(v) {
        return Ok(false);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return onr_core::cell::flag(&convert::str_text(s)?)
            .map(|f| f.unwrap_or(false))
            .map_err(|e| errors::cell(v.py(), &e, what));
    }
    if let Ok(b) = v.extract::<bool>() {
        return Ok(b);
    }
    match v.extract::<i64>() {
        Ok(0) => Ok(false),
        Ok(1) => Ok(true),
        _ => Err(PyTypeError::new_err(format!(
            "{what} must be bool, 0/1 or true/false text, not {}",
            convert::type_name(v)
        ))),
    }
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
                Some(v) => flag_value(&v, &format!("record {i}: {key}")),
                None => Ok(false),
            }
        };
        let mut record = PersonRecord {
            id,
            etunimet: opt_text(get("etunimet")?.as_ref(), "etunimet")?,
            kutsumanimi: opt_text(get("kutsumanimi")?.as_ref(), "kutsumanimi")?,
            sukunimi: opt_text(get("sukunimi")?.as_ref(), "sukunimi")?,
            syntymaaika: opt_date(
                get("syntymaaika")?.as_ref(),
                &format!("record {i}: syntymaaika"),
            )?,
            ..PersonRecord::default()
        };
        record.passivoitu = flag("passivoitu")?;
        record.duplicate = flag("duplicate")?;
        out.push(record);
    }
    Ok(out)
}

/// The ids of ``from_texts``: ``str`` as they are, other values through ``str()`` (as a
/// record's ``id``); a missing value is a ``TypeError``.
fn ids(values: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if values.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "ids expects an iterable of ids, not a single str (wrap it in a list)",
        ));
    }
    let iter = values.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "ids expects an iterable of ids, not {}",
            convert::type_name(values)
        ))
    })?;
    let mut out = Vec::with_capacity(values.len().unwrap_or(0));
    for (i, id) in iter.enumerate() {
        let id = id?;
        let text = match id.cast::<PyString>() {
            Ok(s) => convert::str_text(s)?.into_owned(),
            Err(_) if convert::is_missing(&id) => {
                return Err(PyTypeError::new_err(format!(
                    "ids must not hold missing values; item {i} is {}",
                    convert::type_name(&id)
                )))
            }
            Err(_) => id.str()?.to_cow()?.into_owned(),
        };
        out.push(text);
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
pub struct DuplicateIndex(std::sync::Arc<core::DuplicateIndex>);

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
                .map(|i| DuplicateIndex(i.into()))
                .map_err(|e| errors::coded(py, "SimilarityError", &e))
        })
    }

    /// An index over arbitrary texts: ``ids[i]`` names ``texts[i]``. A missing text (``None``,
    /// NaN, ``pandas.NA``: SQL NULL) and a text without letters or digits are never
    /// candidates. ``form="onr"`` (the default) compares ONR's ``lower(unaccent())`` forms, as
    /// ``onr.similarity`` does; ``form="raw"`` the texts as given, as ``trigram.similarity``
    /// (``fmt=True``/``False`` is the deprecated alias). Query with ``find_text``, or
    /// ``find_set`` with a ``TrigramSet`` of the same ``form``.
    ///
    /// Raises ``onr.SimilarityError``: ``similarity.threshold`` (outside 0..1),
    /// ``similarity.length_mismatch`` (``ids`` and ``texts`` differ in length),
    /// ``similarity.unknown_form`` (``form`` is not ``"onr"`` or ``"raw"``),
    /// ``similarity.too_many_records`` / ``similarity.too_many_trigrams`` (past what the
    /// index addresses with 32 bits).
    ///
    /// >>> import onr
    /// >>> index = onr.DuplicateIndex.from_texts(["a", "b", "c", "d"], ["Äijälä Oy", "AIJALA OY", None, "Virtanen"])
    /// >>> index.pairs()
    /// [('a', 'b', 1.0)]
    /// >>> index.find_text("aijala"), index.find_set(onr.TrigramSet("Virtanen Oy", form="onr"))
    /// ([('a', 0.7), ('b', 0.7)], [('d', 0.75)])
    #[classmethod]
    #[pyo3(
        signature = (ids, texts, /, threshold = trigram::DEFAULT_THRESHOLD, *, form = None, fmt = None),
        text_signature = "(ids, texts, /, threshold=0.5, *, form='onr', fmt=None)"
    )]
    fn from_texts(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        ids: &Bound<'_, PyAny>,
        texts: &Bound<'_, PyAny>,
        threshold: f64,
        form: Option<&Bound<'_, PyAny>>,
        fmt: Option<bool>,
    ) -> PyResult<Self> {
        guard(py, || {
            let form = form_arg(py, form, fmt, Form::Onr)?;
            core::check_threshold(threshold)
                .map_err(|e| errors::coded(py, "SimilarityError", &e))?;
            let ids = self::ids(ids)?;
            let mut reader = convert::Reader::new(texts, "texts", true)?;
            let mut sets: Vec<Option<trigram::TrigramSet>> = Vec::with_capacity(reader.len_hint());
            let mut chunk = convert::Texts::default();
            while reader.next_chunk(&mut chunk)? {
                let texts: Vec<Option<&str>> = chunk.iter().collect();
                let made = detached(py, || trigram::sets_of(&texts, form))?;
                sets.extend(made);
            }
            detached(py, || {
                core::DuplicateIndex::try_from_sets(ids, sets, threshold)
            })?
            .map(|i| DuplicateIndex(i.into()))
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

    /// The candidates for a precomputed ``TrigramSet`` (of ONR's ``lower(unaccent())`` form,
    /// ``TrigramSet(text, form="onr")``, to match ``find_text(text)``).
    #[pyo3(signature = (trigram_set, /))]
    fn find_set(
        &self,
        py: Python<'_>,
        trigram_set: &Bound<'_, TrigramSet>,
    ) -> PyResult<Vec<(String, f64)>> {
        guard(py, || {
            let query = &trigram_set.get().0;
            let found = detached(py, || self.0.find_set(query))?;
            Ok(candidates(&self.0, found))
        })
    }

    /// Every pair of indexed records at the threshold (PostgreSQL's self-join ``a.s % b.s``):
    /// ``(id_a, id_b, similarity)`` with ``a`` before ``b`` in record order, sorted. Uses every
    /// core, detached from the interpreter. The list holds every pair: for batches with many
    /// (repeated names), iterate ``pair_chunks()`` instead.
    ///
    /// ``progress``, if given, is called as ``progress(done, total)`` from the calling thread
    /// while the search runs: ``done`` records of ``total`` (``len(index)``), increasing,
    /// ending with ``done == total``. The search itself cannot be interrupted: an
    /// exception raised by ``progress`` stops the calls, and ``pairs`` raises it once the
    /// search is over.
    ///
    /// >>> import onr
    /// >>> index = onr.DuplicateIndex.from_texts(["a", "b"], ["Anna Virtanen", "Anna Wirtanen"])
    /// >>> index.pairs(progress=lambda done, total: print(f"{done}/{total}"))
    /// 2/2
    /// [('a', 'b', 0.64705884)]
    #[pyo3(signature = (*, progress = None))]
    fn pairs(
        &self,
        py: Python<'_>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<(String, String, f64)>> {
        guard(py, || {
            let pairs = match progress.filter(|p| !p.is_none()) {
                None => detached(py, || self.0.pairs())?,
                Some(progress) => self.pairs_reporting(py, None, progress)?,
            };
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

    /// The self-join as it runs, in chunks: an iterator whose items are the pairs found so
    /// far and not yet given, at most 65,536 at a time, in no particular order (each pair
    /// once). Memory stays bounded by the index and a few chunks, whatever the number of
    /// pairs, so it suits batches whose names repeat (millions of pairs): consume each chunk
    /// and drop it. Stopping early (``break``, dropping the iterator) stops the search.
    ///
    /// Each chunk is a list of ``(id_a, id_b, similarity)`` tuples, or with ``columns=True``
    /// a dict of equal-length lists ``{"a", "b", "id_a", "id_b", "similarity"}`` (``a`` and
    /// ``b`` are record positions) that ``pandas.DataFrame(chunk)`` and
    /// ``pyarrow.Table.from_pydict(chunk)`` take as is.
    ///
    /// >>> import onr
    /// >>> index = onr.DuplicateIndex.from_texts(["a", "b", "c"], ["Anna Virtanen"] * 3)
    /// >>> sorted(p for chunk in index.pair_chunks() for p in chunk)
    /// [('a', 'b', 1.0), ('a', 'c', 1.0), ('b', 'c', 1.0)]
    /// >>> [sorted(chunk["b"]) for chunk in index.pair_chunks(columns=True)]
    /// [[1, 2, 2]]
    #[pyo3(signature = (*, columns = false))]
    fn pair_chunks(&self, columns: bool) -> PairChunks {
        PairChunks {
            index: std::sync::Arc::clone(&self.0),
            other: std::sync::Arc::clone(&self.0),
            blocks: std::sync::Mutex::new(Some(core::DuplicateIndex::pair_blocks(&self.0))),
            columns,
        }
    }

    /// Every pair of a record of this index (the reference) and a record of ``other`` (a
    /// batch) at this index's threshold: ``(id in this index, id in other, similarity)``,
    /// sorted by record positions. The pairs and similarities are exactly those of
    /// ``pairs()`` over both sets of records together that join one record of each (the same
    /// stored search strings, the same passivated / duplicate / missing-name rules on both
    /// sides); ``other``'s threshold plays no part. Uses every core, detached from the
    /// interpreter; for many pairs iterate ``pair_chunks_with(other)`` instead.
    ///
    /// ``progress``, if given, is called as ``progress(done, total)`` from the calling thread
    /// while the join runs: ``done`` records of ``other`` of ``total`` (``len(other)``),
    /// increasing, ending with ``done == total``; an exception it raises stops the calls
    /// and is raised once the join is over.
    ///
    /// >>> import onr
    /// >>> registry = onr.DuplicateIndex.from_texts(["r1", "r2"], ["Anna Virtanen", "Matti Meikäläinen"])
    /// >>> batch = onr.DuplicateIndex.from_texts(["b1", "b2"], ["Anna Wirtanen", "Pekka Puupää"])
    /// >>> registry.pairs_with(batch, progress=lambda done, total: print(f"{done}/{total}"))
    /// 2/2
    /// [('r1', 'b1', 0.64705884)]
    #[pyo3(signature = (other, /, *, progress = None))]
    fn pairs_with(
        &self,
        py: Python<'_>,
        other: &Bound<'_, DuplicateIndex>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<(String, String, f64)>> {
        guard(py, || {
            let other = &other.get().0;
            let pairs = match progress.filter(|p| !p.is_none()) {
                None => detached(py, || self.0.pairs_with(other))?,
                Some(progress) => self.pairs_reporting(py, Some(other), progress)?,
            };
            Ok(pairs
                .into_iter()
                .map(|p| {
                    (
                        self.0.id(p.a as usize).to_owned(),
                        other.id(p.b as usize).to_owned(),
                        f32_to_py(p.similarity),
                    )
                })
                .collect())
        })
    }

    /// ``pairs_with(other)`` as it runs, in chunks, as ``pair_chunks()`` gives the
    /// self-join: at most 65,536 pairs a chunk, in no particular order, each pair once,
    /// memory bounded by the two indexes and a few chunks; stopping early stops the join.
    /// With ``columns=True`` a chunk is a dict ``{"a", "b", "id_a", "id_b", "similarity"}``
    /// where ``a`` / ``id_a`` are this index's and ``b`` / ``id_b`` ``other``'s.
    ///
    /// >>> import onr
    /// >>> registry = onr.DuplicateIndex.from_texts(["r1", "r2"], ["Anna Virtanen"] * 2)
    /// >>> batch = onr.DuplicateIndex.from_texts(["b1"], ["Anna Virtanen"])
    /// >>> sorted(p for chunk in registry.pair_chunks_with(batch) for p in chunk)
    /// [('r1', 'b1', 1.0), ('r2', 'b1', 1.0)]
    /// >>> [sorted(chunk["a"]) for chunk in registry.pair_chunks_with(batch, columns=True)]
    /// [[0, 1]]
    #[pyo3(signature = (other, /, *, columns = false))]
    fn pair_chunks_with(&self, other: &Bound<'_, DuplicateIndex>, columns: bool) -> PairChunks {
        let other = &other.get().0;
        PairChunks {
            index: std::sync::Arc::clone(&self.0),
            other: std::sync::Arc::clone(other),
            blocks: std::sync::Mutex::new(Some(core::DuplicateIndex::pair_blocks_with(
                &self.0, other,
            ))),
            columns,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "DuplicateIndex({} records, threshold={})",
            self.0.len(),
            self.0.threshold()
        )
    }
}

impl DuplicateIndex {
    /// The self-join (or the R-S join with `other`), detached, calling `progress(done,
    /// total)` attached for each new progress count onr-core reports (on this thread); the
    /// first exception it raises ends the calls and is returned once the join is over.
    fn pairs_reporting(
        &self,
        py: Python<'_>,
        other: Option<&core::DuplicateIndex>,
        progress: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<core::Pair>> {
        if !progress.is_callable() {
            return Err(PyTypeError::new_err(format!(
                "progress must be callable, not {}",
                convert::type_name(progress)
            )));
        }
        let progress = progress.clone().unbind();
        let total = other.map_or(self.0.len(), |o| o.len());
        let mut failed: Option<PyErr> = None;
        let mut last = None;
        let mut pairs = Vec::new();
        let on_block = |block: &[core::Pair], done: usize| {
            if !block.is_empty() {
                pairs.extend_from_slice(block);
            } else if failed.is_none() && last != Some(done) {
                last = Some(done);
                failed = Python::attach(|py| progress.bind(py).call1((done, total)).err());
            }
        };
        detached(py, || match other {
            None => self.0.for_each_pair_block(on_block),
            Some(other) => self.0.for_each_pair_block_with(other, on_block),
        })?;
        pairs.sort_unstable_by_key(|p| (p.a, p.b));
        match failed {
            Some(err) => Err(err),
            None => Ok(pairs),
        }
    }
}

/// The iterator of ``DuplicateIndex.pair_chunks()`` and ``pair_chunks_with()``: chunks of
/// the self-join or the R-S join as it runs.
#[pyclass(module = "onr", name = "PairChunks", frozen)]
#[derive(Debug)]
pub struct PairChunks {
    /// The index of the pairs' `a` (and of `b` in the self-join).
    index: std::sync::Arc<core::DuplicateIndex>,
    /// The index of the pairs' `b`.
    other: std::sync::Arc<core::DuplicateIndex>,
    blocks: std::sync::Mutex<Option<core::PairBlocks>>,
    columns: bool,
}

#[pymethods]
impl PairChunks {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        guard(py, || {
            let mut lock = self.blocks.lock().map_err(|_| errors::internal(py))?;
            let Some(blocks) = lock.as_mut() else {
                return Ok(None);
            };
            let Some(block) = detached(py, || blocks.next())? else {
                *lock = None;
                return Ok(None);
            };
            let (index, other) = (&self.index, &self.other);
            let id = |i: u32| index.id(i as usize);
            let id_b = |i: u32| other.id(i as usize);
            let pairs = &block.pairs;
            if self.columns {
                let chunk = pyo3::types::PyDict::new(py);
                chunk.set_item("a", pairs.iter().map(|p| p.a).collect::<Vec<_>>())?;
                chunk.set_item("b", pairs.iter().map(|p| p.b).collect::<Vec<_>>())?;
                chunk.set_item("id_a", pairs.iter().map(|p| id(p.a)).collect::<Vec<_>>())?;
                chunk.set_item("id_b", pairs.iter().map(|p| id_b(p.b)).collect::<Vec<_>>())?;
                let sims: Vec<f64> = pairs.iter().map(|p| f32_to_py(p.similarity)).collect();
                chunk.set_item("similarity", sims)?;
                Ok(Some(chunk.into_any().unbind()))
            } else {
                let list: Vec<(&str, &str, f64)> = pairs
                    .iter()
                    .map(|p| (id(p.a), id_b(p.b), f32_to_py(p.similarity)))
                    .collect();
                Ok(Some(list.into_pyobject(py)?.into_any().unbind()))
            }
        })
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
    DuplicateIndex::new(py, records, threshold)?.pairs(py, None)
}
