//! JSON (ONR's import body, `OppijaTuontiCreateDto`), read as ONR's Jackson reads it.
//!
//! The rows are handed over one at a time, with the line each starts on, so a caller can
//! report as it reads. ONR's reader (Jackson 3 under Spring Boot 4, with ONR's
//! `JacksonConfiguration` and `LocalDateJsonComponent`), reproduced:
//!
//! * unknown properties are ignored; names are case-sensitive; a property given twice is read
//!   twice, in order, and the last value stays (an unreadable first one is still an error;
//!   of a `henkilot` given twice, the rows of the last are the batch's);
//! * a `String` property also takes a number or a boolean, as its text as written
//!   (`{"koodi": 2.46e2}` is `"2.46e2"`); an object or an array there cannot be read;
//! * `syntymaaika` must be a JSON string; Java's `trim()`, then `""` is null, else strictly
//!   `yyyy-MM-dd` (`LocalDate.parse`: a year of 4 digits, or more after a `+`, or negative);
//!   an array, a number, a boolean or a date-time cannot be read;
//! * `sukupuoli`, `aidinkieli`, the elements of `kansalaisuus` and the rows are objects or
//!   null: a string, number, boolean or array there cannot be read; `kansalaisuus` and
//!   `henkilot` are arrays or null;
//! * `conflict` (an output field that ONR nevertheless reads) is a Java `boolean`: null,
//!   `true`/`false`, any whole number (non-zero is true), or a string that is, after
//!   `trim()`, empty, `null`, `true`/`True`/`TRUE` or `false`/`False`/`FALSE`.
//!
//! A value that cannot be read is a [`ReadProblem`], carrying Jackson's own message
//! ([`ReadProblem::onr_message`]): ONR answers the whole request with HTTP 400 naming the
//! first such value in document order, before validating anything. A syntax error is a
//! [`JsonError`]: the input is unusable.
//!
//! # Example
//!
//! ```
//! use onr_core::import::json;
//!
//! let text = r#"{"sahkoposti": "a@b.fi", "henkilot": [
//!   {"tunniste": "1", "henkilo": {"hetu": "010101A900R", "etunimet": "Aino", "kutsumanimi": "Aino",
//!    "sukunimi": "Virtanen", "kansalaisuus": [{"koodi": 246}]}}
//! ]}"#;
//! let mut rows = Vec::new();
//! let header = json::read(text, |row| rows.push(row))?;
//! assert_eq!(header.sahkoposti.as_deref(), Some("a@b.fi"));
//! assert_eq!(header.rows, Some(1));
//! assert_eq!(rows[0].line, Some(2));
//! let person = rows[0].row.as_ref().unwrap().henkilo.as_ref().unwrap();
//! assert_eq!(person.kansalaisuus_codes().collect::<Vec<_>>(), ["246"]);
//! # Ok::<(), onr_core::import::json::JsonError>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::error::{code_table, Category, Coded, Lang};

use super::java;
use super::model::{Batch, Koodi, Row, RowPerson};
use super::row_input::{ReadProblem, RowInput};

/// The batch-level part of a JSON batch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The notification e-mail (`sahkoposti`).
    pub sahkoposti: Option<String>,
    /// The number of rows, or `None` when `henkilot` is missing or null.
    pub rows: Option<usize>,
    /// Batch-level values that cannot be read (`sahkoposti` an object, `henkilot` not an
    /// array), in document order.
    pub problems: Vec<ReadProblem>,
    /// For each of `problems`, how many rows had been handed over when it was read: with
    /// the rows' own problems this gives the document order of every unreadable value (ONR
    /// names only the first).
    pub problem_positions: Vec<usize>,
}

/// A JSON text that is not usable at all: a syntax error, or a top level that is not an
/// object.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, import::json};
/// let err = json::read("{\"henkilot\": [", |_| {}).unwrap_err();
/// assert_eq!(err.code(), "import.json.syntax");
/// assert_eq!(err.line(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// Not valid JSON.
    #[error("{}", self.message(Lang::En))]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected (no input text).
        detail: String,
    },
    /// Valid JSON whose top level is not an object.
    #[error("{}", self.message(Lang::En))]
    NotAnObject,
}

impl JsonError {
    /// The 1-based line of a syntax error (1 for [`JsonError::NotAnObject`]).
    pub fn line(&self) -> usize {
        match self {
            JsonError::Syntax { line, .. } => *line,
            JsonError::NotAnObject => 1,
        }
    }

    fn from_serde(e: &serde_json::Error) -> JsonError {
        let text = e.to_string();
        let detail = match text.find(" at line ") {
            Some(i) => text[..i].to_owned(),
            None => text,
        };
        if detail == NOT_AN_OBJECT {
            return JsonError::NotAnObject;
        }
        JsonError::Syntax {
            line: e.line(),
            column: e.column(),
            detail,
        }
    }
}

code_table! {
    /// Every code of [`JsonError`], in the order of its variants.
    JsonError {
        JsonError::Syntax { .. } => "import.json.syntax", Category::Format;
        JsonError::NotAnObject => "import.json.not_an_object", Category::Format;
    }
}

impl Coded for JsonError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                JsonError::Syntax {
                    line,
                    column,
                    detail,
                },
                Lang::En,
            ) => {
                format!("invalid JSON at line {line} column {column}: {detail}")
            }
            (
                JsonError::Syntax {
                    line,
                    column,
                    detail,
                },
                Lang::Fi,
            ) => {
                format!("virheellinen JSON rivillä {line} sarakkeessa {column}: {detail}")
            }
            (
                JsonError::Syntax {
                    line,
                    column,
                    detail,
                },
                Lang::Sv,
            ) => {
                format!("ogiltig JSON på rad {line} kolumn {column}: {detail}")
            }
            (JsonError::NotAnObject, Lang::En) => {
                "expected a JSON object with `henkilot`, found another JSON value".into()
            }
            (JsonError::NotAnObject, Lang::Fi) => {
                "odotettiin JSON-objektia, jossa on `henkilot`, löytyi muu JSON-arvo".into()
            }
            (JsonError::NotAnObject, Lang::Sv) => {
                "ett JSON-objekt med `henkilot` förväntades, hittade ett annat JSON-värde".into()
            }
        }
    }
}

const NOT_AN_OBJECT: &str = "onr: the top level is not an object";

/// Reads a JSON batch, calling `on_row` for each row in order, and returns the batch-level
/// part.
///
/// # Errors
///
/// [`JsonError`] for a syntax error (rows before it have been handed over) or a top level
/// that is not an object.
pub fn read(input: &str, mut on_row: impl FnMut(RowInput)) -> Result<Header, JsonError> {
    let mut de = serde_json::Deserializer::from_str(input);
    let mut lines = LineCounter {
        base: input.as_ptr() as usize,
        input,
        offset: 0,
        line: 1,
    };
    let header = TopSeed {
        on_row: &mut on_row,
        lines: &mut lines,
        henkilot: top_level_henkilot(input),
    }
    .deserialize(&mut de)
    .map_err(|e| JsonError::from_serde(&e))?;
    de.end().map_err(|e| JsonError::from_serde(&e))?;
    Ok(header)
}

/// Reads a whole JSON batch into memory: the batch and every read problem.
///
/// # Errors
///
/// As [`read`].
///
/// # Example
///
/// ```
/// use onr_core::import::json;
/// let (batch, problems) = json::parse(r#"{"henkilot": [null, {"henkilo": {"syntymaaika": "2001-02-30"}}]}"#)?;
/// assert_eq!(batch.henkilot.as_ref().map(Vec::len), Some(2));
/// assert_eq!(problems[0].field, "henkilot[1].henkilo.syntymaaika");
/// # Ok::<(), onr_core::import::json::JsonError>(())
/// ```
pub fn parse(input: &str) -> Result<(Batch, Vec<ReadProblem>), JsonError> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let header = read(input, |r| {
        problems.extend(r.problems);
        rows.push(r.row);
    })?;
    let mut all = header.problems;
    all.extend(problems);
    Ok((
        Batch {
            sahkoposti: header.sahkoposti,
            henkilot: header.rows.map(|_| rows),
        },
        all,
    ))
}

struct LineCounter<'a> {
    base: usize,
    input: &'a str,
    offset: usize,
    line: u64,
}

impl LineCounter<'_> {
    fn line_of(&mut self, raw: &RawValue) -> u64 {
        let at = (raw.get().as_ptr() as usize).saturating_sub(self.base);
        if at >= self.offset && at <= self.input.len() {
            self.line += self.input.as_bytes()[self.offset..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.offset = at;
        }
        self.line
    }
}

struct TopSeed<'a, 'b, F> {
    on_row: &'a mut F,
    lines: &'a mut LineCounter<'b>,
    /// How many times the top level has `henkilot`: Jackson reads each, and the last one
    /// stays.
    henkilot: usize,
}

/// How many times the top-level object has the key `henkilot` (a second pass over the text
/// only when the name occurs more than once at all).
fn top_level_henkilot(input: &str) -> usize {
    if input.matches("\"henkilot\"").nth(1).is_none() {
        return 1;
    }
    struct Count;
    impl<'de> Visitor<'de> for Count {
        type Value = usize;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
            let mut n = 0;
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                n += usize::from(key == "henkilot");
                map.next_value::<IgnoredAny>()?;
            }
            Ok(n)
        }
    }
    let mut de = serde_json::Deserializer::from_str(input);
    de::Deserializer::deserialize_any(&mut de, Count).unwrap_or(1)
}

impl<'de, F: FnMut(RowInput)> DeserializeSeed<'de> for TopSeed<'_, '_, F> {
    type Value = Header;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Header, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F: FnMut(RowInput)> Visitor<'de> for TopSeed<'_, '_, F> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Header, A::Error> {
        let mut header = Header::default();
        let mut handed = 0usize;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "sahkoposti" => {
                    let raw: &RawValue = map.next_value()?;
                    match string(&node(raw)) {
                        Ok(s) => header.sahkoposti = s,
                        Err(fail) => {
                            header.sahkoposti = None;
                            header.problems.push(fail.at("sahkoposti"));
                            header.problem_positions.push(handed);
                        }
                    }
                }
                "henkilot" if self.henkilot > 1 => {
                    // A `henkilot` that a later one replaces: ONR still reads it (and fails
                    // on a value it cannot read), but its rows are not the batch's.
                    self.henkilot -= 1;
                    let raw: &RawValue = map.next_value()?;
                    match node(raw) {
                        Node::Null => {}
                        Node::Array(items) => {
                            for (i, item) in items.iter().enumerate() {
                                for p in row_from_raw(i, item).problems {
                                    header.problems.push(p);
                                    header.problem_positions.push(handed);
                                }
                            }
                        }
                        other => {
                            let shape = Shape::of(&other).unwrap_or(Shape::Object);
                            header
                                .problems
                                .push(Fail::mismatch(ROWS_T, shape, "an array").at("henkilot"));
                            header.problem_positions.push(handed);
                        }
                    }
                }
                "henkilot" => {
                    let seed = RowsSeed {
                        on_row: &mut *self.on_row,
                        lines: &mut *self.lines,
                        start: 0,
                        handed: &mut handed,
                    };
                    match map.next_value_seed(seed)? {
                        Ok(n) => header.rows = n,
                        Err(fail) => {
                            header.problems.push(fail.at("henkilot"));
                            header.problem_positions.push(handed);
                        }
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(header)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<Header, A::Error> {
        Err(de::Error::custom(NOT_AN_OBJECT))
    }
    fn visit_str<E: de::Error>(self, _v: &str) -> Result<Header, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_bool<E: de::Error>(self, _v: bool) -> Result<Header, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_i64<E: de::Error>(self, _v: i64) -> Result<Header, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_u64<E: de::Error>(self, _v: u64) -> Result<Header, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_f64<E: de::Error>(self, _v: f64) -> Result<Header, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Header, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
}

/// `henkilot`: `Ok(Some(count))` for an array, `Ok(None)` for null, `Err` otherwise.
struct RowsSeed<'a, 'b, F> {
    on_row: &'a mut F,
    lines: &'a mut LineCounter<'b>,
    start: usize,
    handed: &'a mut usize,
}

type RowsResult = Result<Option<usize>, Fail>;

impl<'de, F: FnMut(RowInput)> DeserializeSeed<'de> for RowsSeed<'_, '_, F> {
    type Value = RowsResult;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RowsResult, D::Error> {
        d.deserialize_any(self)
    }
}

fn rows_mismatch(shape: Shape) -> RowsResult {
    Err(Fail::mismatch(ROWS_T, shape, "an array"))
}

impl<'de, F: FnMut(RowInput)> Visitor<'de> for RowsSeed<'_, '_, F> {
    type Value = RowsResult;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of rows")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RowsResult, A::Error> {
        let mut n = 0;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            let index = self.start + n;
            let line = self.lines.line_of(raw);
            let mut input = row_from_raw(index, raw);
            input.line = Some(line);
            (self.on_row)(input);
            n += 1;
            *self.handed += 1;
        }
        Ok(Ok(Some(n)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RowsResult, E> {
        Ok(Ok(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RowsResult, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(rows_mismatch(Shape::Object))
    }
    fn visit_str<E: de::Error>(self, _v: &str) -> Result<RowsResult, E> {
        Ok(rows_mismatch(Shape::String))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RowsResult, E> {
        Ok(rows_mismatch(Shape::Boolean(v)))
    }
    fn visit_i64<E: de::Error>(self, _v: i64) -> Result<RowsResult, E> {
        Ok(rows_mismatch(Shape::Integer))
    }
    fn visit_u64<E: de::Error>(self, _v: u64) -> Result<RowsResult, E> {
        Ok(rows_mismatch(Shape::Integer))
    }
    fn visit_f64<E: de::Error>(self, _v: f64) -> Result<RowsResult, E> {
        Ok(rows_mismatch(Shape::Float))
    }
}

// ONR's Java types, as Jackson names them in its messages.
const DTO: &str = "fi.vm.sade.oppijanumerorekisteri.dto.";
const ROW_T: &str = "OppijaTuontiRiviCreateDto";
const PERSON_T: &str = "OppijaTuontiRiviCreateDto$OppijaTuontiRiviHenkiloCreateDto";
const KOODI_T: &str = "KoodiUpdateDto";
const ROWS_T: &str =
    "java.util.ArrayList<fi.vm.sade.oppijanumerorekisteri.dto.OppijaTuontiRiviCreateDto>";
const KOODIT_T: &str = "java.util.ArrayList<fi.vm.sade.oppijanumerorekisteri.dto.KoodiUpdateDto>";

/// One JSON value, with the order and repetitions of an object's keys and a number's text
/// as written (Jackson sees both; `serde_json::Value` keeps neither).
enum Node<'a> {
    Null,
    Bool(bool),
    Int(&'a str),
    Float(&'a str),
    Str(String),
    Array(Vec<&'a RawValue>),
    Object(Vec<(String, &'a RawValue)>),
}

struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Entries<'a> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<'a>, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
                    v.push(entry);
                }
                Ok(Entries(v))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// The value of a piece of JSON that serde_json has already checked.
fn node(raw: &RawValue) -> Node<'_> {
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'{') => Node::Object(
            serde_json::from_str::<Entries<'_>>(text)
                .map(|e| e.0)
                .unwrap_or_default(),
        ),
        Some(b'[') => Node::Array(serde_json::from_str(text).unwrap_or_default()),
        Some(b'"') => Node::Str(serde_json::from_str(text).unwrap_or_default()),
        Some(b't') => Node::Bool(true),
        Some(b'f') => Node::Bool(false),
        Some(b'n') => Node::Null,
        _ if text.contains(['.', 'e', 'E']) => Node::Float(text),
        _ => Node::Int(text),
    }
}

/// The JSON shape of a value, as Jackson's messages name it.
#[derive(Clone, Copy)]
enum Shape {
    Object,
    Array,
    String,
    Integer,
    Float,
    Boolean(bool),
}

impl Shape {
    fn of(n: &Node<'_>) -> Option<Shape> {
        Some(match n {
            Node::Null => return None,
            Node::Bool(b) => Shape::Boolean(*b),
            Node::Int(_) => Shape::Integer,
            Node::Float(_) => Shape::Float,
            Node::Str(_) => Shape::String,
            Node::Array(_) => Shape::Array,
            Node::Object(_) => Shape::Object,
        })
    }

    fn jackson(self) -> (&'static str, &'static str) {
        match self {
            Shape::Object => ("Object", "START_OBJECT"),
            Shape::Array => ("Array", "START_ARRAY"),
            Shape::String => ("String", "VALUE_STRING"),
            Shape::Integer => ("Integer", "VALUE_NUMBER_INT"),
            Shape::Float => ("Floating-point", "VALUE_NUMBER_FLOAT"),
            Shape::Boolean(true) => ("Boolean", "VALUE_TRUE"),
            Shape::Boolean(false) => ("Boolean", "VALUE_FALSE"),
        }
    }

    fn english(self) -> &'static str {
        match self {
            Shape::Object => "an object",
            Shape::Array => "an array",
            Shape::String => "a string",
            Shape::Integer | Shape::Float => "a number",
            Shape::Boolean(_) => "a boolean",
        }
    }
}

/// A value ONR's reader cannot read: our description (without the value) and Jackson's
/// message (ONR's answer, which may quote the value).
struct Fail {
    detail: String,
    jackson: String,
}

impl Fail {
    fn at(self, field: &str) -> ReadProblem {
        ReadProblem {
            field: field.to_owned(),
            detail: self.detail,
            onr_message: Some(self.jackson),
        }
    }

    /// `MismatchedInputException` for a value of the wrong shape.
    fn mismatch(java_type: &str, shape: Shape, expected: &str) -> Fail {
        let (name, token) = shape.jackson();
        let java_type = if java_type.starts_with("java.") || java_type == "boolean" {
            java_type.to_owned()
        } else {
            format!("{DTO}{java_type}")
        };
        Fail {
            detail: format!("expected {expected}, found {}", shape.english()),
            jackson: format!(
                "Cannot deserialize value of type `{java_type}` from {name} value (token `JsonToken.{token}`)"
            ),
        }
    }
}

/// A scalar where one of ONR's objects (`pojo`, a simple name of [`DTO`]) belongs.
fn not_an_object(pojo: &str, n: &Node<'_>, expected: &str) -> Fail {
    let t = format!("{DTO}{pojo}");
    let creator = |kind: &str, from: &str, value: String| {
        format!(
            "Cannot construct instance of `{t}` (although at least one Creator exists): no {kind}-argument constructor/factory method to deserialize from {from} value ({value})"
        )
    };
    let jackson = match n {
        Node::Str(s) if java::trim(s).is_empty() => format!(
            "Cannot coerce empty String (\"\") to `{t}` value (but could if coercion was enabled using `CoercionConfig`)"
        ),
        // Jackson quotes the value after Java's `trim()`.
        Node::Str(s) => creator("String", "String", format!("'{}'", java::trim(s))),
        Node::Bool(b) => creator("boolean/Boolean", "boolean", b.to_string()),
        Node::Int(text) => match text.parse::<i64>() {
            Ok(v) if i32::try_from(v).is_ok() => creator("int/Int", "Number", v.to_string()),
            Ok(v) => creator("long/Long", "Number", v.to_string()),
            Err(_) => creator("BigInteger", "Number", (*text).to_owned()),
        },
        Node::Float(text) => creator(
            "double/Double",
            "Number",
            java::double_to_string(text.parse::<f64>().unwrap_or(f64::NAN)),
        ),
        Node::Array(_) => return Fail::mismatch(pojo, Shape::Array, expected),
        Node::Null | Node::Object(_) => String::new(),
    };
    Fail {
        detail: format!(
            "expected {expected}, found {}",
            Shape::of(n).map_or("null", Shape::english)
        ),
        jackson,
    }
}

/// A Java `String` property: null, a string, or a scalar's text as written.
fn string(n: &Node<'_>) -> Result<Option<String>, Fail> {
    match n {
        Node::Null => Ok(None),
        Node::Str(s) => Ok(Some(s.clone())),
        Node::Int(t) | Node::Float(t) => Ok(Some((*t).to_owned())),
        Node::Bool(b) => Ok(Some(b.to_string())),
        Node::Array(_) => Err(Fail::mismatch("java.lang.String", Shape::Array, "a string")),
        Node::Object(_) => Err(Fail::mismatch(
            "java.lang.String",
            Shape::Object,
            "a string",
        )),
    }
}

/// `conflict`, a Java `boolean` (null allowed, as false): `Some` only for a value given.
fn boolean(n: &Node<'_>) -> Result<Option<bool>, Fail> {
    match n {
        Node::Null => Ok(None),
        Node::Bool(b) => Ok(Some(*b)),
        Node::Int(t) => Ok(Some(t.trim_start_matches('-').bytes().any(|b| b != b'0'))),
        Node::Str(s) => {
            let t = java::trim(s);
            match t {
                "" | "null" => Ok(None),
                "true" | "True" | "TRUE" => Ok(Some(true)),
                "false" | "False" | "FALSE" => Ok(Some(false)),
                _ => Err(Fail {
                    detail: "expected true or false".into(),
                    jackson: format!(
                        "Cannot deserialize value of type `boolean` from String \"{t}\": only \"true\"/\"True\"/\"TRUE\" or \"false\"/\"False\"/\"FALSE\" recognized"
                    ),
                }),
            }
        }
        Node::Float(_) => Err(Fail::mismatch("boolean", Shape::Float, "a boolean")),
        Node::Array(_) => Err(Fail::mismatch("boolean", Shape::Array, "a boolean")),
        Node::Object(_) => Err(Fail::mismatch("boolean", Shape::Object, "a boolean")),
    }
}

/// `syntymaaika`, read by ONR's `LocalDateJsonComponent`: a JSON string only.
fn date(n: &Node<'_>) -> Result<Option<NaiveDate>, Fail> {
    match n {
        Node::Null => Ok(None),
        Node::Str(s) => super::json_date::read_string_date(s).map_err(|jackson| Fail {
            detail: "expected a date yyyy-MM-dd".into(),
            jackson,
        }),
        other => {
            let shape = Shape::of(other).unwrap_or(Shape::Object);
            Err(Fail {
                detail: format!(
                    "expected a date \"yyyy-MM-dd\" as a string, found {}",
                    shape.english()
                ),
                jackson: format!(
                    "Unexpected token (`JsonToken.{}`), expected `JsonToken.VALUE_STRING`",
                    shape.jackson().1
                ),
            })
        }
    }
}

/// Reads values into a row, keeping every value ONR's reader cannot read, in document
/// order (ONR stops at the first; the others are what it will say next).
struct Reader {
    problems: Vec<ReadProblem>,
}

impl Reader {
    fn fail(&mut self, field: &str, fail: Fail) {
        self.problems.push(fail.at(field));
    }

    fn text(&mut self, field: &str, raw: &RawValue, slot: &mut Option<String>) {
        match string(&node(raw)) {
            Ok(s) => *slot = s,
            Err(f) => {
                *slot = None;
                self.fail(field, f);
            }
        }
    }

    fn koodi(&mut self, field: &str, n: &Node<'_>) -> Result<Option<Koodi>, ()> {
        match n {
            Node::Null => Ok(None),
            Node::Object(entries) => {
                let mut koodi = Koodi { koodi: None };
                for (key, raw) in entries {
                    if key == "koodi" {
                        self.text(&format!("{field}.koodi"), raw, &mut koodi.koodi);
                    }
                }
                Ok(Some(koodi))
            }
            other => {
                self.fail(
                    field,
                    not_an_object(KOODI_T, other, "an object {\"koodi\": ...}"),
                );
                Err(())
            }
        }
    }

    fn person(&mut self, base: &str, entries: &[(String, &RawValue)]) -> RowPerson {
        let mut p = RowPerson::default();
        for (key, raw) in entries {
            let at = format!("{base}.{key}");
            match key.as_str() {
                "oid" => self.text(&at, raw, &mut p.oid),
                "hetu" => self.text(&at, raw, &mut p.hetu),
                "passinumero" => self.text(&at, raw, &mut p.passinumero),
                "sahkoposti" => self.text(&at, raw, &mut p.sahkoposti),
                "etunimet" => self.text(&at, raw, &mut p.etunimet),
                "kutsumanimi" => self.text(&at, raw, &mut p.kutsumanimi),
                "sukunimi" => self.text(&at, raw, &mut p.sukunimi),
                "syntymaaika" => match date(&node(raw)) {
                    Ok(d) => p.syntymaaika = d,
                    Err(f) => {
                        p.syntymaaika = None;
                        self.fail(&at, f);
                    }
                },
                "sukupuoli" => p.sukupuoli = self.koodi(&at, &node(raw)).unwrap_or(None),
                "aidinkieli" => p.aidinkieli = self.koodi(&at, &node(raw)).unwrap_or(None),
                "kansalaisuus" => {
                    p.kansalaisuus = match node(raw) {
                        Node::Null => None,
                        Node::Array(items) => {
                            let mut list = Vec::with_capacity(items.len());
                            for (j, item) in items.iter().enumerate() {
                                // An element that cannot be read is left out: what ONR
                                // will say of it depends on how it is fixed.
                                if let Ok(k) = self.koodi(&format!("{at}[{j}]"), &node(item)) {
                                    list.push(k);
                                }
                            }
                            Some(list)
                        }
                        other => {
                            let shape = Shape::of(&other).unwrap_or(Shape::Object);
                            self.fail(&at, Fail::mismatch(KOODIT_T, shape, "an array"));
                            None
                        }
                    }
                }
                _ => {}
            }
        }
        p
    }
}

/// Converts one element of `henkilot` as ONR's Jackson reads it.
fn row_from_raw(index: usize, raw: &RawValue) -> RowInput {
    let mut input = RowInput::new(index, None);
    let base = format!("henkilot[{index}]");
    let entries = match node(raw) {
        Node::Null => return input,
        Node::Object(entries) => entries,
        other => {
            input
                .problems
                .push(not_an_object(ROW_T, &other, "an object").at(&base));
            return input;
        }
    };
    let mut row = Row::default();
    let mut reader = Reader {
        problems: Vec::new(),
    };
    for (key, raw) in &entries {
        let at = format!("{base}.{key}");
        match key.as_str() {
            "tunniste" => reader.text(&at, raw, &mut row.tunniste),
            "henkiloOid" | "henkiloNimi" => reader.text(&at, raw, &mut None),
            "conflict" => match boolean(&node(raw)) {
                Ok(b) => row.conflict = b,
                Err(f) => {
                    row.conflict = None;
                    reader.fail(&at, f);
                }
            },
            "henkilo" => {
                row.henkilo = match node(raw) {
                    Node::Null => None,
                    Node::Object(p) => Some(reader.person(&at, &p)),
                    other => {
                        reader.fail(&at, not_an_object(PERSON_T, &other, "an object"));
                        None
                    }
                }
            }
            _ => {}
        }
    }
    input.row = Some(row);
    input.problems = reader.problems;
    input
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<RowInput> {
        let mut v = Vec::new();
        read(text, |r| v.push(r)).expect("json");
        v
    }

    #[test]
    fn json_reader_coerces_scalars_to_strings() {
        let r = rows(
            r#"{"henkilot":[{"henkilo":{"hetu":123,"etunimet":true,"kansalaisuus":[{"koodi":246}]}}]}"#,
        );
        let p = r[0].row.as_ref().unwrap().henkilo.as_ref().unwrap();
        assert_eq!(p.hetu.as_deref(), Some("123"));
        assert_eq!(p.etunimet.as_deref(), Some("true"));
        assert!(r[0].problems.is_empty());
    }

    #[test]
    fn json_reader_last_duplicate_wins_and_unknown_fields_ignored() {
        let r = rows(r#"{"henkilot":[{"henkilo":{"hetu":"a","hetu":"b","foo":[1,2]}}]}"#);
        let p = r[0].row.as_ref().unwrap().henkilo.as_ref().unwrap();
        assert_eq!(p.hetu.as_deref(), Some("b"));
    }

    #[test]
    fn json_reader_dates_like_onr() {
        for (text, ok) in [
            ("\" 2001-02-03 \"", Some("2001-02-03")),
            ("\"\"", None),
            ("\" \"", None),
            ("null", None),
        ] {
            let r = rows(&format!(
                r#"{{"henkilot":[{{"henkilo":{{"syntymaaika":{text}}}}}]}}"#
            ));
            let p = r[0].row.as_ref().unwrap().henkilo.as_ref().unwrap();
            assert_eq!(
                p.syntymaaika.map(|d| d.to_string()).as_deref(),
                ok,
                "{text}"
            );
            assert!(r[0].problems.is_empty(), "{text}");
        }
        // ONR's LocalDateJsonComponent takes a string only, parsed strictly.
        for (bad, message) in [
            ("\"3.2.2001\"", "Text '3.2.2001' could not be parsed at index 0"),
            ("\"2001-02-30\"", "Text '2001-02-30' could not be parsed: Invalid date 'FEBRUARY 30'"),
            ("\"2001-2-3\"", "Text '2001-2-3' could not be parsed at index 5"),
            ("\"2001-02-03T10:00:00\"", "Text '2001-02-03T10:00:00' could not be parsed, unparsed text found at index 10"),
            ("[2001,2,3]", "Unexpected token (`JsonToken.START_ARRAY`), expected `JsonToken.VALUE_STRING`"),
            ("20010203", "Unexpected token (`JsonToken.VALUE_NUMBER_INT`), expected `JsonToken.VALUE_STRING`"),
            ("{}", "Unexpected token (`JsonToken.START_OBJECT`), expected `JsonToken.VALUE_STRING`"),
            ("true", "Unexpected token (`JsonToken.VALUE_TRUE`), expected `JsonToken.VALUE_STRING`"),
        ] {
            let r = rows(&format!(
                r#"{{"henkilot":[{{"henkilo":{{"syntymaaika":{bad}}}}}]}}"#
            ));
            assert_eq!(
                r[0].problems[0].field, "henkilot[0].henkilo.syntymaaika",
                "{bad}"
            );
            assert_eq!(r[0].problems[0].onr_message.as_deref(), Some(message));
        }
    }

    #[test]
    fn json_reader_last_henkilot_is_the_batch() {
        let r = rows(r#"{"henkilot": [{}, {}], "henkilot": [{"tunniste": "b"}]}"#);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].index, 0);
        assert_eq!(r[0].row.as_ref().unwrap().tunniste.as_deref(), Some("b"));
        let h = read(
            r#"{"henkilot": [{"henkilo": {"syntymaaika": 1}}], "henkilot": []}"#,
            |_| {},
        )
        .unwrap();
        assert_eq!(h.rows, Some(0));
        assert_eq!(h.problems[0].field, "henkilot[0].henkilo.syntymaaika");
    }

    #[test]
    fn json_reader_keeps_document_order_and_duplicates() {
        // Both occurrences are read in order: an unreadable first value is an error even
        // though a later one is fine; several unreadable values keep document order.
        let r = rows(
            r#"{"henkilot":[{"conflict": 1.5, "henkilo":{"hetu":["x"],"hetu":"a","kansalaisuus":["246"]}}]}"#,
        );
        let fields: Vec<&str> = r[0].problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "henkilot[0].conflict",
                "henkilot[0].henkilo.hetu",
                "henkilot[0].henkilo.kansalaisuus[0]"
            ]
        );
        let row = r[0].row.as_ref().unwrap();
        assert_eq!(row.henkilo.as_ref().unwrap().hetu.as_deref(), Some("a"));
        // The element that cannot be read is left out, never an empty code.
        assert_eq!(row.henkilo.as_ref().unwrap().kansalaisuus, Some(vec![]));
        let r = rows(r#"{"henkilot":[{"conflict":" TRUE ","henkilo":{"etunimet":2.46e2}}]}"#);
        let row = r[0].row.as_ref().unwrap();
        assert_eq!(row.conflict, Some(true));
        assert_eq!(
            row.henkilo.as_ref().unwrap().etunimet.as_deref(),
            Some("2.46e2")
        );
    }

    #[test]
    fn json_reader_row_level_type_errors_do_not_stop_reading() {
        let r =
            rows(r#"{"henkilot":["x", {"henkilo": 5}, {"henkilo":{"kansalaisuus":"246"}}, null]}"#);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].problems[0].field, "henkilot[0]");
        assert_eq!(r[1].problems[0].field, "henkilot[1].henkilo");
        assert_eq!(r[2].problems[0].field, "henkilot[2].henkilo.kansalaisuus");
        assert!(r[3].row.is_none() && r[3].problems.is_empty());
    }

    #[test]
    fn json_reader_lines_and_fatal_errors() {
        let r = rows("{\"henkilot\": [\n{},\n\n{}\n]}");
        assert_eq!(
            r.iter().map(|r| r.line).collect::<Vec<_>>(),
            [Some(2), Some(4)]
        );
        assert_eq!(read("[]", |_| {}), Err(JsonError::NotAnObject));
        assert!(matches!(
            read("{} x", |_| {}),
            Err(JsonError::Syntax { .. })
        ));
        assert!(matches!(read("", |_| {}), Err(JsonError::Syntax { .. })));
        let h = read(r#"{"henkilot": 5, "sahkoposti": {}}"#, |_| {}).unwrap();
        let fields: Vec<&str> = h.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["henkilot", "sahkoposti"]);
        assert_eq!(h.rows, None);
    }
}
