//! CSV (an import batch as a spreadsheet): one row per learner, read as the JSON batch it
//! stands for.
//!
//! The first line is a header. These columns are recognised (names compared
//! case-insensitively, surrounding spaces and a byte-order mark ignored); others are ignored
//! and listed by [`Reader::unknown_columns`], and a missing column is a null field:
//!
//! | column | ONR field | a non-empty cell |
//! |---|---|---|
//! | `tunniste` | `tunniste` | as written |
//! | `oid`, `hetu`, `passinumero`, `sahkoposti` | identifiers | as written |
//! | `etunimet`, `kutsumanimi`, `sukunimi` | names | as written |
//! | `syntymaaika` | birth date | `yyyy-MM-dd` (as ONR reads JSON: trimmed, strict) |
//! | `sukupuoli`, `aidinkieli` | `{"koodi": cell}` | as written |
//! | `kansalaisuus` | `[{"koodi": ...}, ...]` | codes separated by `;` (`246;752`), each as written |
//!
//! Nothing is trimmed or case-folded: a cell of spaces is a string of spaces, as it would be
//! sent. **Empty cells** are null by default ([`EmptyCell::Null`]): the field is left out of
//! the JSON. With [`EmptyCell::EmptyString`] an empty cell of a text column (`tunniste`, the
//! identifiers and the names) is `""` and an empty `kansalaisuus` is `[]` — what a converter
//! that writes every column sends, and how the empty-hetu loophole arises. An empty
//! `syntymaaika`, `sukupuoli` or `aidinkieli` is null either way.
//!
//! The file follows the input policy of [`crate::input`]: a leading BOM is dropped, `\n` and
//! `\r\n` end lines, blank lines are skipped but counted, so that every row's line number is
//! its line in the file. A line is never dropped: a cell that is not UTF-8 or a date that
//! cannot be read is a [`ReadProblem`] of its field, with the line number; what makes the
//! rest of the file unreadable or ambiguous is an error of the whole input, naming the line
//! ([`CsvError::Shape`]: a quote that never closes, a line with more cells than the header, a
//! recognised column named twice), as is an empty input ([`CsvError::Empty`]).
//!
//! # Example
//!
//! ```
//! use onr_core::import::csv::{CsvOptions, Reader};
//!
//! let text = "tunniste,hetu,etunimet,kutsumanimi,sukunimi,kansalaisuus\n\
//!             S1,010101A900R,Aino,Aino,Virtanen,246;752\n";
//! let mut reader = Reader::new(text.as_bytes(), CsvOptions::default())?;
//! let row = reader.next().unwrap()?;
//! assert_eq!(row.line, Some(2));
//! let person = row.row.unwrap().henkilo.unwrap();
//! assert_eq!(person.kansalaisuus_codes().collect::<Vec<_>>(), ["246", "752"]);
//! assert_eq!(person.passinumero, None); // no column: null
//! # Ok::<(), onr_core::import::csv::CsvError>(())
//! ```

use std::io;

use crate::error::{code_table, Category, Coded, Lang};
use crate::input::{CsvShapeError, CsvTracker};

use super::java;
use super::model::{Koodi, Row, RowPerson};
use super::row_input::{ReadProblem, RowInput};

/// How an empty cell maps to ONR's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EmptyCell {
    /// Null: the field is left out.
    #[default]
    Null,
    /// The empty string `""` for text columns, `[]` for `kansalaisuus`.
    EmptyString,
}

/// Options of the CSV [`Reader`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// How empty cells map.
    pub empty: EmptyCell,
    /// The field delimiter, `b','` by default; [`crate::input::sniff_delimiter`] guesses it
    /// from the header line as `onr check` does without `--delimiter`.
    pub delimiter: u8,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            empty: EmptyCell::Null,
            delimiter: b',',
        }
    }
}

/// The recognised columns, in ONR's field order.
pub const COLUMNS: [&str; 12] = [
    "tunniste",
    "oid",
    "hetu",
    "passinumero",
    "sahkoposti",
    "etunimet",
    "kutsumanimi",
    "sukunimi",
    "syntymaaika",
    "sukupuoli",
    "aidinkieli",
    "kansalaisuus",
];

/// A CSV input that cannot be used.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, import::csv::{CsvOptions, Reader}};
/// let err = Reader::new("a,b\n1,2\n".as_bytes(), CsvOptions::default()).unwrap_err();
/// assert_eq!(err.code(), "import.csv.no_columns");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CsvError {
    /// The input could not be read.
    #[error("{}", self.message(Lang::En))]
    Io(#[source] io::Error),
    /// The header names none of the recognised columns.
    #[error("{}", self.message(Lang::En))]
    NoColumns,
    /// The input has no bytes (or only a byte-order mark).
    #[error("{}", self.message(Lang::En))]
    Empty,
    /// The input cannot be read to its end, or is ambiguous.
    #[error(transparent)]
    Shape(#[from] CsvShapeError),
}

code_table! {
    /// Every code of [`CsvError`], in the order of its variants.
    CsvError {
        CsvError::Io(_) => "import.csv.io", Category::Format;
        CsvError::NoColumns => "import.csv.no_columns", Category::Format;
        CsvError::Empty => shared "input.empty", Category::Format;
        CsvError::Shape(e) => use e;
    }
}

impl Coded for CsvError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CsvError::Empty, _) => crate::input::InputError::Empty.message(lang),
            (CsvError::Shape(e), _) => e.message(lang),
            (CsvError::Io(e), Lang::En) => format!("cannot read the CSV input: {e}"),
            (CsvError::Io(e), Lang::Fi) => format!("CSV-syötettä ei voi lukea: {e}"),
            (CsvError::Io(e), Lang::Sv) => format!("CSV-indata kan inte läsas: {e}"),
            (CsvError::NoColumns, Lang::En) => format!(
                "no known column in the header line, expected some of {}",
                COLUMNS.join(", ")
            ),
            (CsvError::NoColumns, Lang::Fi) => format!(
                "otsikkorivillä ei ole tunnettuja sarakkeita, odotettiin joitakin näistä: {}",
                COLUMNS.join(", ")
            ),
            (CsvError::NoColumns, Lang::Sv) => format!(
                "rubrikraden har inga kända kolumner, några av dessa förväntades: {}",
                COLUMNS.join(", ")
            ),
        }
    }
}

fn io_error(e: csv::Error) -> CsvError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => CsvError::Io(e),
        other => CsvError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{other:?}"),
        )),
    }
}

/// Reads import rows from CSV, one at a time.
#[derive(Debug)]
pub struct Reader<R> {
    inner: csv::Reader<CsvTracker<R>>,
    columns: [Option<usize>; 12],
    width: usize,
    unknown: Vec<String>,
    options: CsvOptions,
    index: usize,
    record: csv::ByteRecord,
    /// After an error the reader ends.
    failed: bool,
}

impl<R: io::Read> Reader<R> {
    /// Reads the header line.
    ///
    /// # Errors
    ///
    /// [`CsvError`] when the input cannot be read or its header has no known column.
    pub fn new(input: R, options: CsvOptions) -> Result<Reader<R>, CsvError> {
        let mut inner = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(options.delimiter)
            .has_headers(true)
            .from_reader(CsvTracker::new(input, options.delimiter));
        let header = inner.byte_headers().map_err(io_error)?.clone();
        inner.get_mut().next_record_line();
        if let Some(line) = inner.get_ref().unclosed_quote() {
            return Err(CsvShapeError::UnclosedQuote { line }.into());
        }
        let names: Vec<String> = header
            .iter()
            .map(|raw| String::from_utf8_lossy(raw).to_lowercase())
            .collect();
        if header.is_empty() || (header.len() == 1 && header.as_slice() == b"\xEF\xBB\xBF") {
            return Err(CsvError::Empty);
        }
        let found =
            crate::input::header_columns(names.iter().map(String::as_str), &COLUMNS, |a, b| {
                a == b
            })?;
        let mut columns = [None; 12];
        columns.copy_from_slice(&found);
        let unknown = names
            .iter()
            .enumerate()
            .filter(|(i, _)| !columns.contains(&Some(*i)))
            .map(|(_, n)| crate::input::strip_bom(n).trim().to_owned())
            .collect();
        if columns.iter().all(Option::is_none) {
            return Err(CsvError::NoColumns);
        }
        Ok(Reader {
            inner,
            columns,
            width: header.len(),
            unknown,
            options,
            index: 0,
            record: csv::ByteRecord::new(),
            failed: false,
        })
    }

    /// Header names that are not recognised columns (lower-cased), in order.
    pub fn unknown_columns(&self) -> &[String] {
        &self.unknown
    }

    fn convert(&self, index: usize, line: u64) -> RowInput {
        let mut input = RowInput::new(index, None);
        input.line = Some(line);
        let base = format!("henkilot[{index}]");
        let record = &self.record;
        let mut problems = Vec::new();
        let mut cell = |c: usize| -> Option<&str> {
            let raw = record.get(self.columns[c]?)?;
            match std::str::from_utf8(raw) {
                Ok(s) => Some(s),
                Err(_) => {
                    let field = if c == 0 {
                        format!("{base}.tunniste")
                    } else {
                        format!("{base}.henkilo.{}", COLUMNS[c])
                    };
                    problems.push(ReadProblem {
                        field,
                        detail: "the cell is not UTF-8 text".into(),
                        onr_message: None,
                    });
                    None
                }
            }
        };
        let empty_string = self.options.empty == EmptyCell::EmptyString;
        let text = |v: Option<&str>| {
            v.filter(|s| empty_string || !s.is_empty())
                .map(str::to_owned)
        };
        let code = |v: Option<&str>| v.filter(|s| !s.is_empty()).map(Koodi::new);
        let tunniste = text(cell(0));
        let mut p = RowPerson {
            oid: text(cell(1)),
            hetu: text(cell(2)),
            passinumero: text(cell(3)),
            sahkoposti: text(cell(4)),
            etunimet: text(cell(5)),
            kutsumanimi: text(cell(6)),
            sukunimi: text(cell(7)),
            ..RowPerson::default()
        };
        let date = cell(8)
            .map(java::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
        p.sukupuoli = code(cell(9));
        p.aidinkieli = code(cell(10));
        p.kansalaisuus = match cell(11) {
            Some("") if empty_string => Some(Vec::new()),
            Some("") | None => None,
            Some(s) => Some(s.split(';').map(|c| Some(Koodi::new(c))).collect()),
        };
        if let Some(d) = date {
            // Sent as a JSON string, the cell is what ONR's date reader parses.
            match super::json_date::parse_local_date(&d) {
                Ok(d) => p.syntymaaika = d,
                Err(message) => problems.push(ReadProblem {
                    field: format!("{base}.henkilo.syntymaaika"),
                    detail: "expected a date yyyy-MM-dd".into(),
                    onr_message: Some(message),
                }),
            }
        }
        input.row = Some(Row {
            tunniste,
            henkilo: Some(p),
            conflict: None,
        });
        input.problems = problems;
        input
    }
}

impl<R: io::Read> Iterator for Reader<R> {
    type Item = Result<RowInput, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let mut record = std::mem::take(&mut self.record);
        let read = self.inner.read_byte_record(&mut record);
        self.record = record;
        let result = match read {
            Ok(false) => return None,
            Ok(true) => match self
                .inner
                .get_mut()
                .take_record(self.record.len(), self.width)
            {
                Err(e) => Err(e.into()),
                Ok(line) => {
                    let index = self.index;
                    self.index += 1;
                    Ok(self.convert(index, line))
                }
            },
            Err(e) => Err(io_error(e)),
        };
        self.failed = result.is_err();
        Some(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_the_english_message() {
        let errors = [
            CsvError::Io(io::Error::other("disk on fire")),
            CsvError::NoColumns,
            CsvError::Empty,
        ];
        for e in errors {
            assert_eq!(e.to_string(), e.message(Lang::En), "{e:?}");
        }
        assert_eq!(CsvError::Empty.to_string(), "empty file");
        assert_eq!(CsvError::Empty.code(), "input.empty");
        assert_eq!(
            crate::input::InputError::Empty.to_string(),
            CsvError::Empty.to_string()
        );
    }

    fn read(text: &str, empty: EmptyCell) -> Vec<RowInput> {
        Reader::new(
            text.as_bytes(),
            CsvOptions {
                empty,
                ..CsvOptions::default()
            },
        )
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    fn person(r: &RowInput) -> &RowPerson {
        r.row.as_ref().unwrap().henkilo.as_ref().unwrap()
    }

    #[test]
    fn csv_empty_cells_are_null_or_empty_string() {
        let text = "hetu,etunimet,kansalaisuus,sukupuoli\n,Aino,,\n";
        let r = read(text, EmptyCell::Null);
        assert_eq!(
            (
                person(&r[0]).hetu.as_deref(),
                person(&r[0]).kansalaisuus.as_ref()
            ),
            (None, None)
        );
        let r = read(text, EmptyCell::EmptyString);
        assert_eq!(person(&r[0]).hetu.as_deref(), Some(""));
        assert_eq!(person(&r[0]).kansalaisuus.as_deref(), Some(&[][..]));
        assert_eq!(person(&r[0]).sukupuoli, None);
    }

    #[test]
    fn csv_cells_are_taken_as_written() {
        let r = read(
            "Hetu , passinumero,kansalaisuus\n 010101A900R,  ,246; 752;\n",
            EmptyCell::Null,
        );
        let p = person(&r[0]);
        assert_eq!(p.hetu.as_deref(), Some(" 010101A900R"));
        assert_eq!(p.passinumero.as_deref(), Some("  "));
        let codes: Vec<Option<String>> = p
            .kansalaisuus
            .as_ref()
            .unwrap()
            .iter()
            .map(|k| k.as_ref().unwrap().koodi.clone())
            .collect();
        assert_eq!(
            codes,
            [Some("246".into()), Some(" 752".into()), Some(String::new())]
        );
    }

    #[test]
    fn csv_never_drops_a_line() {
        let text = b"tunniste,syntymaaika,etunimet\nA,2001-02-30,x\nB,,\xff\nD, 2001-02-03 ,y\n";
        let r: Vec<RowInput> = Reader::new(&text[..], CsvOptions::default())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].problems[0].field, "henkilot[0].henkilo.syntymaaika");
        assert_eq!(r[0].line, Some(2));
        assert_eq!(r[1].problems[0].field, "henkilot[1].henkilo.etunimet");
        assert!(r[2].problems.is_empty());
        assert_eq!(
            person(&r[2]).syntymaaika.map(|d| d.to_string()).as_deref(),
            Some("2001-02-03")
        );
    }

    fn all(text: &[u8]) -> Vec<Result<RowInput, CsvError>> {
        Reader::new(text, CsvOptions::default()).unwrap().collect()
    }

    #[test]
    fn csv_unclosed_quote_is_an_error_naming_its_line() {
        // Row 2 opens a quote that never closes: 998 rows would vanish into one cell.
        let mut text = String::from("tunniste,etunimet\nA,Aino\nB,\"Eino\n");
        for i in 0..998 {
            text.push_str(&format!("R{i},Anna\n"));
        }
        let r = all(text.as_bytes());
        assert_eq!(r.len(), 2);
        assert!(r[0].is_ok());
        let err = r[1].as_ref().unwrap_err();
        assert_eq!(err.code(), "input.csv.unclosed_quote");
        assert!(matches!(
            err,
            CsvError::Shape(CsvShapeError::UnclosedQuote { line: 3 })
        ));
        assert!(err.to_string().starts_with("line 3: a quote"));
        // In the header too.
        let err =
            Reader::new("\"hetu,etunimet\n1,2\n".as_bytes(), CsvOptions::default()).unwrap_err();
        assert_eq!(err.code(), "input.csv.unclosed_quote");
        // A closed multi-line cell is fine.
        let r = all(b"tunniste,etunimet\nA,\"Aino\nMaria\"\nB,Eino\n");
        assert_eq!(
            r.iter()
                .map(|r| r.as_ref().unwrap().line)
                .collect::<Vec<_>>(),
            [Some(2), Some(4)]
        );
    }

    #[test]
    fn csv_line_numbers_with_crlf_and_blank_lines() {
        let r = all(b"\xEF\xBB\xBFtunniste,etunimet\r\nA,Aino\r\n\r\nB,Eino\r\n\n\nC,Anna");
        let lines: Vec<_> = r.iter().map(|r| r.as_ref().unwrap().line).collect();
        assert_eq!(lines, [Some(2), Some(4), Some(7)]);
        let tunniste: Vec<_> = r
            .iter()
            .map(|r| r.as_ref().unwrap().row.as_ref().unwrap().tunniste.clone())
            .collect();
        assert_eq!(
            tunniste,
            [Some("A".into()), Some("B".into()), Some("C".into())]
        );
    }

    #[test]
    fn csv_shape_errors() {
        let r = all(b"tunniste,etunimet\nA,Aino\nC,1,2,3\nD,x\n");
        assert!(r[0].is_ok());
        let err = r[1].as_ref().unwrap_err();
        assert_eq!(err.code(), "input.csv.extra_cells");
        assert_eq!(err.to_string(), "line 3 has 4 cells, the header has 2");
        assert_eq!(r.len(), 2);
        let err =
            Reader::new("hetu,etunimet,HETU\n".as_bytes(), CsvOptions::default()).unwrap_err();
        assert_eq!(err.code(), "input.csv.repeated_column");
        // Fewer cells: the missing ones are empty.
        let r = all(b"tunniste,etunimet\nA\n");
        assert_eq!(person(r[0].as_ref().unwrap()).etunimet, None);
    }

    #[test]
    fn csv_header_needs_a_known_column() {
        for empty in ["", "\u{feff}"] {
            let err = Reader::new(empty.as_bytes(), CsvOptions::default()).unwrap_err();
            assert_eq!(err.code(), "input.empty");
            assert_eq!(err.to_string(), "empty file");
        }
        assert!(matches!(
            Reader::new("a,b\n".as_bytes(), CsvOptions::default()),
            Err(CsvError::NoColumns)
        ));
        let r = Reader::new("\u{feff}HETU,extra\n".as_bytes(), CsvOptions::default()).unwrap();
        assert_eq!(r.unknown_columns(), ["extra"]);
    }
}
