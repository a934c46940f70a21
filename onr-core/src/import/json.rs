//! JSON (ONR's import body, `OppijaTuontiCreateDto`), read as ONR's Jackson reads it.
//!
//! The rows are handed over one at a time, with the line each starts on, so a caller can
//! report as it reads. Jackson's rules, reproduced:
//!
//! * unknown properties are ignored; a property given twice keeps its last value; names are
//!   case-sensitive;
//! * a string property also takes a number or a boolean, as its text (`{"koodi": 246}` is
//!   `"246"`; a decimal number's text is Rust's shortest form, which can differ from the
//!   text written: `1e3` reads as `1000.0`); an object or array there cannot be read;
//! * `syntymaaika` is an ISO date `yyyy-MM-dd` after Java's `trim()`; `""` is null; a
//!   date-time `yyyy-MM-ddT...` gives its date; `[y, m, d]` and a whole number (days since
//!   1970-01-01) are dates too; anything else, or a date that does not exist, cannot be read;
//! * `sukupuoli`, `aidinkieli` and the elements of `kansalaisuus` are objects `{"koodi": ...}`
//!   or null; `kansalaisuus` is an array or null; a row is an object or null;
//! * `conflict` (an output field) takes a boolean, a whole number or `"true"`/`"false"`.
//!
//! A value that cannot be read is a [`ReadProblem`]: ONR answers the whole request with
//! HTTP 400 before validating anything. A syntax error is a [`JsonError`]: the input is
//! unusable.
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
use serde_json::{Map, Value};

use crate::error::{Category, Coded, Lang};

use super::check::{ReadProblem, RowInput};
use super::java;
use super::model::{Batch, Koodi, Person, Row};

/// The batch-level part of a JSON batch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The notification e-mail (`sahkoposti`).
    pub sahkoposti: Option<String>,
    /// The number of rows, or `None` when `henkilot` is missing or null.
    pub rows: Option<usize>,
    /// Batch-level values that cannot be read (`sahkoposti` an object, `henkilot` not an
    /// array).
    pub problems: Vec<ReadProblem>,
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

impl Coded for JsonError {
    fn code(&self) -> &'static str {
        match self {
            JsonError::Syntax { .. } => "import.json.syntax",
            JsonError::NotAnObject => "import.json.not_an_object",
        }
    }

    fn category(&self) -> Category {
        Category::Format
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

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let mut header = Header::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "sahkoposti" => {
                    let v: Value = map.next_value()?;
                    header.problems.retain(|p| p.field != "sahkoposti");
                    match string(&v) {
                        Ok(s) => header.sahkoposti = s,
                        Err(detail) => {
                            header.sahkoposti = None;
                            header.problems.push(problem("sahkoposti", detail));
                        }
                    }
                }
                "henkilot" => {
                    header.problems.retain(|p| p.field != "henkilot");
                    let seed = RowsSeed {
                        on_row: &mut *self.on_row,
                        lines: &mut *self.lines,
                        start: header.rows.unwrap_or(0),
                    };
                    match map.next_value_seed(seed)? {
                        Ok(n) => header.rows = n.map(|n| n + header.rows.unwrap_or(0)),
                        Err(detail) => header.problems.push(problem("henkilot", detail)),
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
}

type RowsResult = Result<Option<usize>, String>;

impl<'de, F: FnMut(RowInput)> DeserializeSeed<'de> for RowsSeed<'_, '_, F> {
    type Value = RowsResult;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RowsResult, D::Error> {
        d.deserialize_any(self)
    }
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
            let value: Value = serde_json::from_str(raw.get()).map_err(de::Error::custom)?;
            let mut input = row_from_value(index, &value);
            input.line = Some(line);
            (self.on_row)(input);
            n += 1;
        }
        Ok(Ok(Some(n)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RowsResult, E> {
        Ok(Ok(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RowsResult, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Err(expected("an array", "an object")))
    }
    fn visit_str<E: de::Error>(self, _v: &str) -> Result<RowsResult, E> {
        Ok(Err(expected("an array", "a string")))
    }
    fn visit_bool<E: de::Error>(self, _v: bool) -> Result<RowsResult, E> {
        Ok(Err(expected("an array", "a boolean")))
    }
    fn visit_i64<E: de::Error>(self, _v: i64) -> Result<RowsResult, E> {
        Ok(Err(expected("an array", "a number")))
    }
    fn visit_u64<E: de::Error>(self, _v: u64) -> Result<RowsResult, E> {
        Ok(Err(expected("an array", "a number")))
    }
    fn visit_f64<E: de::Error>(self, _v: f64) -> Result<RowsResult, E> {
        Ok(Err(expected("an array", "a number")))
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expected(what: &str, found: &str) -> String {
    format!("expected {what}, found {found}")
}

fn problem(field: &str, detail: String) -> ReadProblem {
    ReadProblem {
        field: field.to_owned(),
        detail,
    }
}

/// A Java `String` property: null, a string, or a scalar's text.
fn string(v: &Value) -> Result<Option<String>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(expected("a string", kind_of(other))),
    }
}

/// A `LocalDate` property, as Jackson's `LocalDateDeserializer` reads it.
fn date(v: &Value) -> Result<Option<NaiveDate>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => {
            let t = java::trim(s);
            if t.is_empty() {
                return Ok(None);
            }
            super::json_date::parse_iso_date(t)
                .map(Some)
                .ok_or_else(|| "expected a date yyyy-MM-dd".to_owned())
        }
        Value::Number(n) => n
            .as_i64()
            .and_then(|d| {
                NaiveDate::from_ymd_opt(1970, 1, 1)?
                    .checked_add_signed(chrono::Duration::try_days(d)?)
            })
            .map(Some)
            .ok_or_else(|| "expected a date yyyy-MM-dd".to_owned()),
        Value::Array(a) => {
            let part = |i: usize| a.get(i).and_then(Value::as_i64);
            match (a.len(), part(0), part(1), part(2)) {
                (3, Some(y), Some(m), Some(d)) => i32::try_from(y)
                    .ok()
                    .zip(u32::try_from(m).ok())
                    .zip(u32::try_from(d).ok())
                    .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d))
                    .map(Some)
                    .ok_or_else(|| "expected a date [year, month, day]".to_owned()),
                _ => Err("expected a date [year, month, day]".to_owned()),
            }
        }
        other => Err(expected("a date", kind_of(other))),
    }
}

fn koodi(v: &Value) -> Result<Option<Koodi>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Object(m) => Ok(Some(Koodi {
            koodi: match m.get("koodi") {
                Some(k) => string(k).map_err(|e| format!("koodi: {e}"))?,
                None => None,
            },
        })),
        other => Err(expected("an object {\"koodi\": ...}", kind_of(other))),
    }
}

fn boolean(v: &Value) -> Result<(), String> {
    match v {
        Value::Bool(_) => Ok(()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(()),
        Value::String(s) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => {
            Ok(())
        }
        other => Err(expected("a boolean", kind_of(other))),
    }
}

/// Converts one element of `henkilot` with Jackson's rules.
fn row_from_value(index: usize, v: &Value) -> RowInput {
    let mut input = RowInput::new(index, None);
    let base = format!("henkilot[{index}]");
    let m = match v {
        Value::Null => return input,
        Value::Object(m) => m,
        other => {
            input
                .problems
                .push(problem(&base, expected("an object", kind_of(other))));
            return input;
        }
    };
    let mut row = Row::default();
    let mut problems = Vec::new();
    let field = |name: &str, problems: &mut Vec<ReadProblem>, r: Result<(), String>| {
        if let Err(detail) = r {
            problems.push(problem(&format!("{base}.{name}"), detail));
        }
    };
    if let Some(t) = m.get("tunniste") {
        field(
            "tunniste",
            &mut problems,
            string(t).map(|s| row.tunniste = s),
        );
    }
    for name in ["henkiloOid", "henkiloNimi"] {
        if let Some(t) = m.get(name) {
            field(name, &mut problems, string(t).map(drop));
        }
    }
    if let Some(c) = m.get("conflict") {
        field("conflict", &mut problems, boolean(c));
    }
    match m.get("henkilo") {
        None | Some(Value::Null) => {}
        Some(Value::Object(p)) => row.henkilo = Some(person(&base, p, &mut problems)),
        Some(other) => problems.push(problem(
            &format!("{base}.henkilo"),
            expected("an object", kind_of(other)),
        )),
    }
    input.row = Some(row);
    input.problems = problems;
    input
}

fn person(base: &str, m: &Map<String, Value>, problems: &mut Vec<ReadProblem>) -> Person {
    let mut p = Person::default();
    let at = |name: &str| format!("{base}.henkilo.{name}");
    {
        let mut text = |name: &str, slot: &mut Option<String>| {
            if let Some(v) = m.get(name) {
                match string(v) {
                    Ok(s) => *slot = s,
                    Err(d) => problems.push(problem(&at(name), d)),
                }
            }
        };
        text("oid", &mut p.oid);
        text("hetu", &mut p.hetu);
        text("passinumero", &mut p.passinumero);
        text("sahkoposti", &mut p.sahkoposti);
        text("etunimet", &mut p.etunimet);
        text("kutsumanimi", &mut p.kutsumanimi);
        text("sukunimi", &mut p.sukunimi);
    }
    if let Some(v) = m.get("syntymaaika") {
        match date(v) {
            Ok(d) => p.syntymaaika = d,
            Err(d) => problems.push(problem(&at("syntymaaika"), d)),
        }
    }
    for (name, slot) in [
        ("sukupuoli", &mut p.sukupuoli),
        ("aidinkieli", &mut p.aidinkieli),
    ] {
        if let Some(v) = m.get(name) {
            match koodi(v) {
                Ok(k) => *slot = k,
                Err(d) => problems.push(problem(&at(name), d)),
            }
        }
    }
    match m.get("kansalaisuus") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            let mut list = Vec::with_capacity(items.len());
            for (j, item) in items.iter().enumerate() {
                match koodi(item) {
                    Ok(k) => list.push(k),
                    Err(d) => {
                        problems.push(problem(&format!("{}[{j}]", at("kansalaisuus")), d));
                        list.push(Some(Koodi {
                            koodi: Some(String::new()),
                        }));
                    }
                }
            }
            p.kansalaisuus = Some(list);
        }
        Some(other) => problems.push(problem(
            &at("kansalaisuus"),
            expected("an array", kind_of(other)),
        )),
    }
    p
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
    fn json_reader_dates_like_jackson() {
        for (text, ok) in [
            ("\" 2001-02-03 \"", Some("2001-02-03")),
            ("\"\"", None),
            ("\"2001-02-03T10:00:00\"", Some("2001-02-03")),
            ("[2001,2,3]", Some("2001-02-03")),
            ("0", Some("1970-01-01")),
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
        for bad in [
            "\"3.2.2001\"",
            "\"2001-02-30\"",
            "\"2001-2-3\"",
            "{}",
            "true",
        ] {
            let r = rows(&format!(
                r#"{{"henkilot":[{{"henkilo":{{"syntymaaika":{bad}}}}}]}}"#
            ));
            assert_eq!(
                r[0].problems[0].field, "henkilot[0].henkilo.syntymaaika",
                "{bad}"
            );
        }
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
