//! Conversions between Python values and onr-core's types, shared by every module of the
//! binding: text, environments, languages, dates, iterables, enum members, and the guard that
//! keeps Rust panics from reaching Python as anything but an `onr` exception.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

use chrono::NaiveDate;
use onr_core::{Environment, Lang};
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyFloat, PyIterator, PySlice, PyString, PyType};

use crate::errors;

/// Runs `f`, turning a Rust panic into `onr.InternalError` (code `internal.panic`).
///
/// Every function and method of the binding runs its body through this, so no panic reaches
/// Python as PyO3's `PanicException` (a `BaseException`).
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(_) => Err(errors::internal(py)),
    }
}

/// Runs `f` detached from the interpreter (other Python threads run meanwhile), turning a
/// panic into `onr.InternalError` once attached again.
pub fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|_| errors::internal(py))
}

/// The type name of a Python object, for error messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into())
}

/// The text of a Python `str` as Rust sees it, with every unpaired surrogate (which a Java
/// string can hold, and Rust's cannot) replaced by one U+FFFD, so that the length in UTF-16 code
/// units, which ONR counts, stays the same.
pub fn str_text<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    match s.to_cow() {
        Ok(text) => Ok(text),
        Err(_) => {
            let py = s.py();
            let bytes =
                s.call_method1(pyo3::intern!(py, "encode"), ("utf-16-le", "surrogatepass"))?;
            let bytes: &[u8] = bytes.extract()?;
            let units = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
            Ok(Cow::Owned(
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            ))
        }
    }
}

/// The text of an argument that must be a `str`; `TypeError` otherwise.
pub fn text<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Cow<'a, str>> {
    match obj.cast::<PyString>() {
        Ok(s) => str_text(s),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            type_name(obj)
        ))),
    }
}

/// The environment of an `env` argument: `None` (production), `"production"`, `"test"` (or
/// another name onr-core accepts) or an `onr.Environment` member.
pub fn environment(env: Option<&Bound<'_, PyAny>>) -> PyResult<Environment> {
    let Some(env) = env else {
        return Ok(Environment::Production);
    };
    let py = env.py();
    // Literal arguments are interned, so most calls end at a pointer comparison.
    if env.is(pyo3::intern!(py, "production")) {
        return Ok(Environment::Production);
    }
    if env.is(pyo3::intern!(py, "test")) {
        return Ok(Environment::Test);
    }
    if env.is_none() {
        return Ok(Environment::Production);
    }
    let name = text(env, "env")?;
    name.parse()
        .map_err(|e: onr_core::env::UnknownEnvironment| {
            PyValueError::new_err(format!("{e}, found {name:?}"))
        })
}

/// The language of a `lang` argument: `"en"`, `"fi"`, `"sv"` or an `onr.Lang` member.
pub fn lang(lang: Option<&Bound<'_, PyAny>>) -> PyResult<Lang> {
    match lang {
        None => Ok(Lang::En),
        Some(l) if l.is_none() => Ok(Lang::En),
        Some(l) => {
            let name = text(l, "lang")?;
            name.parse().map_err(|e: onr_core::error::UnknownLang| {
                PyValueError::new_err(format!("{e}, found {name:?}"))
            })
        }
    }
}

/// A `datetime.date` argument (a `datetime.datetime` counts as its date).
pub fn date(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    if let Ok(d) = obj.extract::<NaiveDate>() {
        return Ok(d);
    }
    let py = obj.py();
    let datetime = DATETIME.import(py, "datetime", "datetime")?;
    if obj.is_instance(datetime)? {
        return obj.call_method0(pyo3::intern!(py, "date"))?.extract();
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be datetime.date, not {}",
        type_name(obj)
    )))
}

static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A Python object for each distinct value, made once per batch: dates and codes repeat.
pub struct Memo<K> {
    made: HashMap<K, Py<PyAny>, BuildHasherDefault<FxHasher>>,
}

impl<K: Eq + Hash + Copy> Memo<K> {
    pub fn new() -> Self {
        Memo {
            made: HashMap::default(),
        }
    }

    /// The object for `key`, made by `make` the first time.
    pub fn get<'py>(
        &mut self,
        py: Python<'py>,
        key: K,
        make: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Some(obj) = self.made.get(&key) {
            return Ok(obj.bind(py).clone());
        }
        let obj = make()?;
        self.made.insert(key, obj.clone().unbind());
        Ok(obj)
    }
}

/// The multiply-rotate hash of rustc (FxHash): the memo keys are a few machine words, which
/// std's DoS-resistant SipHash hashes several times slower.
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, word: u32) {
        self.write_u64(u64::from(word));
    }

    fn write_i32(&mut self, word: i32) {
        self.write_u64(u64::from(word as u32));
    }

    fn write_u8(&mut self, word: u8) {
        self.write_u64(u64::from(word));
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
}

/// How many inputs a batch reads from Python before it detaches to work on them: big enough
/// to make detaching cheap, small enough to keep the buffers in cache and memory flat.
pub const CHUNK: usize = 16 * 1024;

/// A chunk of a batch's inputs, copied out of Python into one buffer so that the work can run
/// detached from the interpreter (other Python threads keep running).
#[derive(Default)]
pub struct Texts {
    buf: String,
    /// The byte range of each input in `buf`; `None` for a missing value (columnar input only).
    spans: Vec<Option<Range<usize>>>,
}

impl Texts {
    /// The inputs, in order: `Some(text)` or `None` for a missing value.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<&str>> + '_ {
        self.spans
            .iter()
            .map(|span| span.as_ref().map(|r| &self.buf[r.clone()]))
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// The UTF-8 bytes of a Python `str` appended to `bytes`.
fn push_utf8(bytes: &mut Vec<u8>, s: &Bound<'_, PyString>) -> PyResult<()> {
    // On the stable ABI of Python 3.9 the only way to UTF-8 is through a `bytes` object; its
    // bytes are copied straight into the chunk's buffer, which is checked once at the end.
    match s.encode_utf8() {
        Ok(encoded) => bytes.extend_from_slice(encoded.as_bytes()),
        Err(_) => bytes.extend_from_slice(str_text(s)?.as_bytes()),
    }
    Ok(())
}

/// Whether `obj` is a missing value as data frames write it: `None`, a float NaN or pandas' `NA`.
pub fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_none() {
        return true;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    let ty = obj.get_type();
    ty.name().is_ok_and(|n| n == "NAType")
        && ty
            .module()
            .is_ok_and(|m| m.to_cow().is_ok_and(|m| m.starts_with("pandas")))
}

/// Reads an iterable of `str` (a list, tuple, generator, numpy array, pandas or polars
/// Series; a pyarrow Array through its `to_pylist`) in chunks. With `allow_missing`, `None`,
/// NaN and pandas' `NA` become missing values; any other non-`str` item is a `TypeError`.
pub struct Reader<'py> {
    iter: Bound<'py, PyIterator>,
    what: &'static str,
    allow_missing: bool,
    index: usize,
    len_hint: usize,
}

impl<'py> Reader<'py> {
    pub fn new(
        values: &Bound<'py, PyAny>,
        what: &'static str,
        allow_missing: bool,
    ) -> PyResult<Self> {
        let py = values.py();
        if values.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!(
                "{what} expects an iterable of str, not a single str (wrap it in a list)"
            )));
        }
        let converted;
        let values = if values.hasattr(pyo3::intern!(py, "to_pylist"))? {
            converted = values.call_method0(pyo3::intern!(py, "to_pylist"))?;
            &converted
        } else {
            values
        };
        let iter = values.try_iter().map_err(|_| {
            PyTypeError::new_err(format!(
                "{what} expects an iterable of str, not {}",
                type_name(values)
            ))
        })?;
        Ok(Reader {
            iter,
            what,
            allow_missing,
            index: 0,
            len_hint: values.len().unwrap_or(0),
        })
    }

    /// The number of inputs, if the iterable knows it (0 otherwise).
    pub fn len_hint(&self) -> usize {
        self.len_hint
    }

    /// Fills `texts` with the next chunk of at most [`CHUNK`] inputs; `false` at the end.
    pub fn next_chunk(&mut self, texts: &mut Texts) -> PyResult<bool> {
        let mut bytes = std::mem::take(&mut texts.buf).into_bytes();
        bytes.clear();
        texts.spans.clear();
        while texts.spans.len() < CHUNK {
            let Some(item) = self.iter.next() else {
                break;
            };
            let item = item?;
            if let Ok(s) = item.cast::<PyString>() {
                let start = bytes.len();
                push_utf8(&mut bytes, s)?;
                texts.spans.push(Some(start..bytes.len()));
            } else if self.allow_missing && is_missing(&item) {
                texts.spans.push(None);
            } else {
                return Err(PyTypeError::new_err(format!(
                    "{} expects an iterable of str, but item {} is {}",
                    self.what,
                    self.index,
                    type_name(&item)
                )));
            }
            self.index += 1;
        }
        // Each piece is valid UTF-8 from Python's own encoder, so this never fails, and every
        // span starts and ends on a character boundary.
        texts.buf = String::from_utf8(bytes)
            .map_err(|_| PyValueError::new_err("invalid UTF-8 from Python's encoder"))?;
        Ok(!texts.is_empty())
    }
}

/// The member of one of the enumerations of `onr._enums` (`Sex`, `HetuWarning`, ...) whose
/// value is `value`; made once per process.
pub fn enum_member<'py>(
    py: Python<'py>,
    class: &'static str,
    value: &'static str,
) -> PyResult<Bound<'py, PyAny>> {
    type Members = Mutex<HashMap<(&'static str, &'static str), Py<PyAny>>>;
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    static MEMBERS: PyOnceLock<Members> = PyOnceLock::new();
    let members = MEMBERS.get_or_init(py, Members::default);
    let known = members
        .lock()
        .ok()
        .and_then(|m| m.get(&(class, value)).map(|obj| obj.clone_ref(py)));
    if let Some(obj) = known {
        return Ok(obj.into_bound(py));
    }
    let module = MODULE.get_or_try_init(py, || py.import("onr._enums").map(Bound::unbind))?;
    let member = module.bind(py).getattr(class)?.call1((value,))?;
    if let Ok(mut m) = members.lock() {
        m.insert((class, value), member.clone().unbind());
    }
    Ok(member)
}

/// The position in a sequence of `len` items of a Python index (negative from the end);
/// `IndexError` out of range, `TypeError` for a non-integer.
pub fn sequence_index(index: &Bound<'_, PyAny>, len: usize, what: &str) -> PyResult<usize> {
    let i: isize = index.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} indices must be integers or slices, not {}",
            type_name(index)
        ))
    })?;
    let resolved = if i < 0 { i + len as isize } else { i };
    usize::try_from(resolved)
        .ok()
        .filter(|&i| i < len)
        .ok_or_else(|| PyIndexError::new_err(format!("{what} index out of range")))
}

/// The positions a Python slice picks from a sequence of `len` items.
pub fn slice_indices(slice: &Bound<'_, PySlice>, len: usize) -> PyResult<Vec<usize>> {
    let ind = slice.indices(len as isize)?;
    let mut out = Vec::with_capacity(ind.slicelength);
    let mut i = ind.start;
    for _ in 0..ind.slicelength {
        out.push(i as usize);
        i += ind.step;
    }
    Ok(out)
}
