//! `onr.jaro_winkler` and `onr.name_match`: onr-core's `similarity` modules, converted.
//!
//! Similarities are single-precision values as ONR computes them; they reach Python as the
//! `float` of their shortest decimal form (`0.84999996`, as Java prints it), the same value
//! the verdict dicts hold.

use std::borrow::Cow;

use onr_core::similarity::jaro_winkler;
use onr_core::similarity::name_match::{self, NameRules, PersonNames, VtjNames};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert::{self, detached, guard};
use crate::json;

/// A single-precision similarity as the Python `float` of its shortest decimal form.
pub fn f32_to_py(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// The UTF-16 code units of a Python `str` exactly as Java holds them, unpaired surrogates
/// included.
fn utf16_units(s: &Bound<'_, PyString>) -> PyResult<Vec<u16>> {
    match s.to_cow() {
        Ok(text) => Ok(text.encode_utf16().collect()),
        Err(_) => {
            let bytes = s.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
            let bytes: &[u8] = bytes.extract()?;
            Ok(bytes
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect())
        }
    }
}

fn string<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<&'a Bound<'a, PyString>> {
    obj.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            convert::type_name(obj)
        ))
    })
}

fn jw(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<f32> {
    let (a, b) = (string(a, "a")?, string(b, "b")?);
    match (a.to_cow(), b.to_cow()) {
        (Ok(a), Ok(b)) => Ok(jaro_winkler::similarity(&a, &b)),
        _ => Ok(jaro_winkler::similarity_utf16(
            &utf16_units(a)?,
            &utf16_units(b)?,
        )),
    }
}

/// Lucene's Jaro-Winkler similarity of ``a`` and ``b`` exactly as ONR computes it (UTF-16 code
/// units, single precision, uncapped prefix); ONR calls two names similar at ``>= 0.85``. The
/// strings are compared as given: ``onr.name_match.comparison_form`` gives ONR's normalised
/// form.
///
/// >>> import onr
/// >>> onr.jaro_winkler("virkailija", "virkalija")
/// 0.9648148
/// >>> onr.jaro_winkler("hanna", "ahnn"), onr.jaro_winkler_is_similar("hanna", "ahnn")
/// (0.84999996, False)
#[pyfunction]
#[pyo3(signature = (a, b, /))]
pub fn jaro_winkler_similarity(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<f64> {
    guard(py, || Ok(f32_to_py(jw(a, b)?)))
}

/// Whether Lucene's Jaro-Winkler similarity of ``a`` and ``b`` is at least 0.85 (in single
/// precision, as ONR compares).
#[pyfunction]
#[pyo3(signature = (a, b, /))]
pub fn jaro_winkler_is_similar(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    guard(py, || Ok(jw(a, b)? >= jaro_winkler::THRESHOLD))
}

/// Jaro-Winkler of every ``(a, b)`` pair, in order, detached from the interpreter.
///
/// >>> import onr
/// >>> onr.jaro_winkler_many([("anna", "hanna"), ("", "")])
/// [0.93333334, 0.0]
#[pyfunction]
#[pyo3(signature = (pairs, /))]
pub fn jaro_winkler_many(py: Python<'_>, pairs: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    guard(py, || {
        let mut items = Vec::new();
        for (i, pair) in pairs.try_iter()?.enumerate() {
            let (a, b): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair?.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "jaro_winkler_many expects (str, str) pairs; item {i} is not one"
                ))
            })?;
            items.push((
                a.cast_into::<PyString>().map_err(|e| {
                    PyTypeError::new_err(format!(
                        "item {i}: a must be str, not {}",
                        convert::type_name(&e.into_inner())
                    ))
                })?,
                b.cast_into::<PyString>().map_err(|e| {
                    PyTypeError::new_err(format!(
                        "item {i}: b must be str, not {}",
                        convert::type_name(&e.into_inner())
                    ))
                })?,
            ));
        }
        // Pairs with unpaired surrogates are compared unit by unit, the rest as text in bulk.
        let mut texts: Vec<(Cow<'_, str>, Cow<'_, str>)> = Vec::with_capacity(items.len());
        let mut by_units = Vec::new();
        for (i, (a, b)) in items.iter().enumerate() {
            match (a.to_cow(), b.to_cow()) {
                (Ok(x), Ok(y)) => texts.push((x, y)),
                _ => {
                    texts.push((Cow::Borrowed(""), Cow::Borrowed("")));
                    by_units.push((i, utf16_units(a)?, utf16_units(b)?));
                }
            }
        }
        let mut values = detached(py, || jaro_winkler::similarities(&texts))?;
        for (i, a, b) in by_units {
            values[i] = jaro_winkler::similarity_utf16(&a, &b);
        }
        Ok(values.into_iter().map(f32_to_py).collect())
    })
}

/// ONR's comparison form of a name: NFD, accents stripped, Junidecode's ASCII
/// transliteration, lowercase, exactly as ONR normalises names before comparing them.
///
/// >>> from onr import name_match
/// >>> name_match.comparison_form("Éva Nõmm-Ångström"), name_match.comparison_form("Иван")
/// ('eva nomm-angstrom', 'ivan')
#[pyfunction]
#[pyo3(signature = (name, /))]
pub fn name_comparison_form(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        Ok(name_match::comparison_form(&convert::text(name, "name")?))
    })
}

/// The tokens ONR compares first names by: the comparison form split at each whitespace
/// character, then the parts of each hyphenated token.
///
/// >>> from onr import name_match
/// >>> name_match.first_name_tokens("Anna-Liisa Maria")
/// ['anna-liisa', 'maria', 'anna', 'liisa']
#[pyfunction]
#[pyo3(signature = (first_names, /))]
pub fn name_first_name_tokens(
    py: Python<'_>,
    first_names: &Bound<'_, PyAny>,
) -> PyResult<Vec<String>> {
    guard(py, || {
        Ok(name_match::first_name_tokens(&convert::text(
            first_names,
            "first_names",
        )?))
    })
}

/// A verdict as a dict, with `is_match` added.
fn verdict<'py, T: serde::Serialize>(
    py: Python<'py>,
    v: &T,
    is_match: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let d = json::to_py(py, v)?;
    d.cast::<PyDict>()?.set_item("is_match", is_match)?;
    Ok(d)
}

/// ONR's surname rule: Jaro-Winkler of the comparison forms ``>= 0.85``. Returns
/// ``{"similarity", "similar", "is_match"}``.
///
/// >>> from onr import name_match
/// >>> name_match.surname("Virtanen", "Wirtanen")["is_match"]
/// True
#[pyfunction]
#[pyo3(signature = (given, reference, /))]
pub fn name_surname<'py>(
    py: Python<'py>,
    given: &Bound<'py, PyAny>,
    reference: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let v = NameRules::ONR.surname(
            &convert::text(given, "given")?,
            &convert::text(reference, "reference")?,
        );
        verdict(py, &v, v.is_match())
    })
}

/// ONR's first-name rule: the reference's comparison form contains the given one, or a token
/// of each is similar. Returns ``{"rule": "substring" | "similar_tokens" | "different", ...,
/// "is_match"}``.
///
/// >>> from onr import name_match
/// >>> name_match.first_names("Anna", "Hanna-Leena")["rule"]
/// 'substring'
#[pyfunction]
#[pyo3(signature = (given, reference, /))]
pub fn name_first_names<'py>(
    py: Python<'py>,
    given: &Bound<'py, PyAny>,
    reference: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let v = NameRules::ONR.first_names(
            &convert::text(given, "given")?,
            &convert::text(reference, "reference")?,
        );
        verdict(py, &v, v.is_match())
    })
}

/// ONR's ``namesMatch`` (import conflicts, existence checks): the surname rule, then the
/// first-name rule. Returns ``{"verdict": "match" | "surname_differs" | "first_names_differ",
/// ..., "is_match"}``.
///
/// >>> from onr import name_match
/// >>> name_match.names_match("Anna", "Virtanen", "Hanna-Leena", "Virtanen")["is_match"]
/// True
#[pyfunction]
#[pyo3(signature = (given_first_names, given_surname, reference_first_names, reference_surname, /))]
pub fn name_names_match<'py>(
    py: Python<'py>,
    given_first_names: &Bound<'py, PyAny>,
    given_surname: &Bound<'py, PyAny>,
    reference_first_names: &Bound<'py, PyAny>,
    reference_surname: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let gf = convert::text(given_first_names, "given_first_names")?;
        let gs = convert::text(given_surname, "given_surname")?;
        let rf = convert::text(reference_first_names, "reference_first_names")?;
        let rs = convert::text(reference_surname, "reference_surname")?;
        let v = NameRules::ONR.names_match(PersonNames::new(&gf, &gs), PersonNames::new(&rf, &rs));
        verdict(py, &v, v.is_match())
    })
}

/// ONR's identification name check (``tarkistaNimet``) of ONR's names against VTJ's, with
/// VTJ's former surnames and the swapped-fields rule. Returns ``{"verdict": "match" |
/// "mismatch" | "blank_names_with_hetu", ..., "is_match"}``.
///
/// >>> from onr import name_match
/// >>> v = name_match.identification("Virtanen", "Anna", "Anna", "Virtanen")
/// >>> v["is_match"], v["swapped"]
/// (True, True)
#[pyfunction]
#[pyo3(signature = (
    onr_first_names, onr_surname, vtj_first_names, vtj_surname, /,
    former_surnames = Vec::new(), has_hetu = false
), text_signature = "(onr_first_names, onr_surname, vtj_first_names, vtj_surname, /, former_surnames=(), has_hetu=False)")]
#[allow(clippy::too_many_arguments)]
pub fn name_identification<'py>(
    py: Python<'py>,
    onr_first_names: &Bound<'py, PyAny>,
    onr_surname: &Bound<'py, PyAny>,
    vtj_first_names: &Bound<'py, PyAny>,
    vtj_surname: &Bound<'py, PyAny>,
    former_surnames: Vec<String>,
    has_hetu: bool,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let of = convert::text(onr_first_names, "onr_first_names")?;
        let os = convert::text(onr_surname, "onr_surname")?;
        let vf = convert::text(vtj_first_names, "vtj_first_names")?;
        let vs = convert::text(vtj_surname, "vtj_surname")?;
        let former: Vec<&str> = former_surnames.iter().map(String::as_str).collect();
        let v = NameRules::ONR.identification(
            PersonNames::new(&of, &os),
            has_hetu,
            VtjNames::new(&vf, &vs).with_former_surnames(&former),
        );
        verdict(py, &v, v.is_match())
    })
}
