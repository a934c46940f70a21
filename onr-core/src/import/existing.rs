//! The existing-persons file: the persons ONR already has, as `onr check --existing`,
//! `onr send --existing`, Python's `check_import(existing=PATH)` and Java's
//! `ImportCheck.Options.withExistingFile(path)` read them (features `csv` and `json`).
//!
//! Two formats, told apart by the file name ([`ExistingFormat::of_file_name`]):
//!
//! * **JSON** (a `.json` file): an array of ONR person records (`HenkiloDto`-shaped objects,
//!   [`Person`] with its serde names: `oidHenkilo`, `hetu`, `kaikkiHetut`, `etunimet`, ...).
//! * **CSV** (any other file): a header row and one person per record. Columns (names compared
//!   case-insensitively after trimming; an alias counts as its column, and a column named
//!   twice, even by two aliases, is an error):
//!
//! | column | aliases | a cell |
//! |---|---|---|
//! | `oid` (required) | `oidhenkilo`, `oid_henkilo` | as written |
//! | `hetu` | | as written; empty: none |
//! | `hetu_history` | `kaikkihetut`, `kaikki_hetut` | a list |
//! | `passinumerot` | `passinumero` | a list |
//! | `sahkopostit` | `sahkoposti` | a list |
//! | `etunimet`, `sukunimi`, `kutsumanimi` | | as written |
//! | `syntymaaika` | | [`cell::date`]: `YYYY-MM-DD`, empty: none |
//! | `passivoitu` | | [`cell::flag`], empty: false |
//! | `duplicate` | `duplikaatti` | [`cell::flag`], empty: false |
//!
//! A list is its values separated by `;`, empty values dropped. The file follows the input
//! policy of [`crate::input`] (BOM, encoding, empty file, record shape) and its delimiter is
//! guessed from the header line ([`sniff_delimiter`]: `,` for every file with a comma in its
//! header).
//!
//! Besides the persons as the import looks them up ([`ExistingFile::persons`]), the file gives
//! the records of ONR's duplicate search ([`ExistingFile::records`]) when it has what that
//! search needs: always for JSON; for CSV when it has the columns `etunimet`, `kutsumanimi`,
//! `sukunimi` and `syntymaaika` (then `syntymaaika`, `passivoitu` and `duplicate` cells are
//! checked, and a bad one is an error naming its line and column).
//!
//! # Example
//!
//! ```
//! use onr_core::import::existing::{read, ExistingFormat};
//! use onr_core::input::Encoding;
//!
//! let csv = "\u{feff}oid,hetu,hetu_history,etunimet,sukunimi,kutsumanimi,syntymaaika,passivoitu\n\
//!            1.2.246.562.24.10000000003,140305A902U,;,Aino Maria,Virtanen,Aino,2005-03-14,FALSE\n";
//! let file = read(csv.as_bytes().to_vec(), ExistingFormat::of_file_name("persons.csv"), Encoding::Utf8)?;
//! assert_eq!(file.persons[0].oid, "1.2.246.562.24.10000000003");
//! assert!(file.persons[0].hetu_history.is_empty());
//! let records = file.records.expect("names and birth dates");
//! assert_eq!(records[0].kutsumanimi.as_deref(), Some("Aino"));
//! assert!(!records[0].passivoitu);
//! # Ok::<(), onr_core::import::existing::ExistingError>(())
//! ```

use crate::cell::{self, CellError};
use crate::error::{code_table, Category, Coded, Lang};
use crate::input::{
    decode, header_columns, sniff_delimiter, strip_bom, CsvColumns, CsvReadError, Encoding,
    InputError,
};
use crate::person::Person;
use crate::similarity::duplicates::PersonRecord;

use super::action::ExistingPerson;

/// The format of an existing-persons file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExistingFormat {
    /// A CSV file with a header row.
    Csv,
    /// A JSON array of ONR person records.
    Json,
}

impl ExistingFormat {
    /// The format of a file by its name: `.json` (any case) is JSON, anything else CSV.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::existing::ExistingFormat;
    /// assert_eq!(ExistingFormat::of_file_name("dir/persons.JSON"), ExistingFormat::Json);
    /// assert_eq!(ExistingFormat::of_file_name("persons.csv"), ExistingFormat::Csv);
    /// assert_eq!(ExistingFormat::of_file_name("persons"), ExistingFormat::Csv);
    /// ```
    pub fn of_file_name(name: &str) -> ExistingFormat {
        let is_json = name
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| !stem.is_empty() && ext.eq_ignore_ascii_case("json"));
        if is_json {
            ExistingFormat::Json
        } else {
            ExistingFormat::Csv
        }
    }
}

/// The persons of an existing-persons file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExistingFile {
    /// Every person, in file order, as the import looks them up
    /// ([`Persons::new`](super::action::Persons::new) makes the lookup).
    pub persons: Vec<ExistingPerson>,
    /// The same persons as ONR's duplicate search sees them (ids are the OIDs), when the file
    /// has the names and birth dates that search needs; `None` for a CSV file without them.
    pub records: Option<Vec<PersonRecord>>,
}

/// An existing-persons file that cannot be read. Never quotes a cell or a value (they are
/// personal data): at most a line and a column name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExistingError {
    /// The bytes are not text by the input policy, or there are none (a JSON file).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The CSV file cannot be read (encoding, empty file, shape: an unclosed quote, extra
    /// cells, a column named twice).
    #[error(transparent)]
    Csv(#[from] CsvReadError),
    /// The CSV header has no `oid` column.
    #[error("{}", self.message(Lang::En))]
    NoOidColumn,
    /// A cell of a CSV record does not hold its column's value ([`cell::date`],
    /// [`cell::flag`]); the code is the cell's (`cell.date`, `cell.flag`).
    #[error("{}", self.message(Lang::En))]
    Cell {
        /// The 1-based line where the record starts.
        line: u64,
        /// The column.
        column: &'static str,
        /// What is wrong with the cell.
        error: CellError,
    },
    /// The JSON file is not JSON.
    #[error("{}", self.message(Lang::En))]
    NotJson {
        /// The 1-based line of the syntax error.
        line: usize,
    },
    /// The JSON file is not an array.
    #[error("{}", self.message(Lang::En))]
    NotAnArray,
    /// An element of the JSON array is not an ONR person record (e.g. a field of the wrong
    /// type).
    #[error("{}", self.message(Lang::En))]
    NotAPerson {
        /// The 1-based line where the reader found the problem.
        line: usize,
    },
}

code_table! {
    /// Every code of [`ExistingError`] of its own (the others are [`InputError`]'s,
    /// [`CsvReadError`]'s and [`CellError`]'s).
    ExistingError {
        ExistingError::Input(e) => use e;
        ExistingError::Csv(e) => use e;
        ExistingError::NoOidColumn => "import.existing.no_oid_column", Category::Format;
        ExistingError::Cell { error, .. } => use error;
        ExistingError::NotJson { .. } => "import.existing.not_json", Category::Format;
        ExistingError::NotAnArray => "import.existing.not_an_array", Category::Format;
        ExistingError::NotAPerson { .. } => "import.existing.not_a_person", Category::Format;
    }
}

impl Coded for ExistingError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExistingError::Input(e), _) => e.message(lang),
            (ExistingError::Csv(e), _) => e.message(lang),
            (
                ExistingError::Cell {
                    line,
                    column,
                    error,
                },
                Lang::En,
            ) => {
                format!("line {line}: {column}: {}", error.message(lang))
            }
            (
                ExistingError::Cell {
                    line,
                    column,
                    error,
                },
                Lang::Fi,
            ) => {
                format!("rivi {line}: {column}: {}", error.message(lang))
            }
            (
                ExistingError::Cell {
                    line,
                    column,
                    error,
                },
                Lang::Sv,
            ) => {
                format!("rad {line}: {column}: {}", error.message(lang))
            }
            (ExistingError::NoOidColumn, Lang::En) => "no `oid` column in the header line".into(),
            (ExistingError::NoOidColumn, Lang::Fi) => {
                "otsikkorivillä ei ole saraketta `oid`".into()
            }
            (ExistingError::NoOidColumn, Lang::Sv) => "rubrikraden har ingen kolumn `oid`".into(),
            (ExistingError::NotJson { line }, Lang::En) => {
                format!("line {line}: not JSON (a JSON array of ONR person records is expected)")
            }
            (ExistingError::NotJson { line }, Lang::Fi) => {
                format!(
                    "rivi {line}: ei ole JSONia (odotettiin JSON-taulukkoa ONR:n henkilötietueita)"
                )
            }
            (ExistingError::NotJson { line }, Lang::Sv) => {
                format!("rad {line}: inte JSON (en JSON-array med ONR:s personposter förväntades)")
            }
            (ExistingError::NotAnArray, Lang::En) => {
                "not a JSON array of persons (a JSON array of ONR person records is expected)"
                    .into()
            }
            (ExistingError::NotAnArray, Lang::Fi) => {
                "ei ole JSON-taulukko (odotettiin JSON-taulukkoa ONR:n henkilötietueita)".into()
            }
            (ExistingError::NotAnArray, Lang::Sv) => {
                "inte en JSON-array (en JSON-array med ONR:s personposter förväntades)".into()
            }
            (ExistingError::NotAPerson { line }, Lang::En) => {
                format!("line {line}: not an ONR person record (a field has the wrong type)")
            }
            (ExistingError::NotAPerson { line }, Lang::Fi) => {
                format!("rivi {line}: ei ole ONR:n henkilötietue (kentän tyyppi on väärä)")
            }
            (ExistingError::NotAPerson { line }, Lang::Sv) => {
                format!("rad {line}: inte en personpost i ONR (ett fält har fel typ)")
            }
        }
    }
}

/// Reads an existing-persons file (see [the module](self)): `bytes` decoded by `encoding`
/// under the input policy, in `format`.
///
/// # Errors
///
/// [`ExistingError`]: the input policy's errors, a CSV file without an `oid` column or with a
/// bad `syntymaaika`, `passivoitu` or `duplicate` cell, a JSON file that is not an array of
/// person records.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, import::existing::{read, ExistingFormat}, input::Encoding};
/// let json = br#"[{"oidHenkilo": "1.2.246.562.24.10000000003", "etunimet": "Aino", "kutsumanimi": "Aino", "sukunimi": "Virtanen"}]"#;
/// let file = read(json.to_vec(), ExistingFormat::Json, Encoding::Utf8)?;
/// assert_eq!(file.persons.len(), 1);
/// assert_eq!(file.records.map(|r| r.len()), Some(1));
/// let err = read(b"{}".to_vec(), ExistingFormat::Json, Encoding::Utf8).unwrap_err();
/// assert_eq!(err.code(), "import.existing.not_an_array");
/// let err = read(b"hetu\n010101A900R\n".to_vec(), ExistingFormat::Csv, Encoding::Utf8).unwrap_err();
/// assert_eq!(err.code(), "import.existing.no_oid_column");
/// # Ok::<(), onr_core::import::existing::ExistingError>(())
/// ```
pub fn read(
    bytes: Vec<u8>,
    format: ExistingFormat,
    encoding: Encoding,
) -> Result<ExistingFile, ExistingError> {
    match format {
        ExistingFormat::Json => read_json(&decode(bytes, encoding)?),
        ExistingFormat::Csv => {
            let text = decode(bytes, encoding)?;
            let delimiter = sniff_delimiter(&text);
            read_csv(CsvColumns::from_text(text, delimiter)?)
        }
    }
}

fn read_json(text: &str) -> Result<ExistingFile, ExistingError> {
    let text = strip_bom(text);
    let persons: Vec<Person> = serde_json::from_str(text).map_err(|e| {
        // serde_json's text can quote a value: only its class and line are used.
        if e.is_syntax() || e.is_eof() {
            ExistingError::NotJson { line: e.line() }
        } else if !text.trim_start().starts_with('[') {
            ExistingError::NotAnArray
        } else {
            ExistingError::NotAPerson { line: e.line() }
        }
    })?;
    let records = persons
        .iter()
        .map(|p| PersonRecord {
            id: p.oid.clone(),
            etunimet: Some(p.etunimet.clone()),
            kutsumanimi: Some(p.kutsumanimi.clone()),
            sukunimi: Some(p.sukunimi.clone()),
            syntymaaika: p.syntymaaika,
            passivoitu: p.passivoitu,
            duplicate: p.duplicate,
        })
        .collect();
    Ok(ExistingFile {
        persons: persons.iter().map(ExistingPerson::from).collect(),
        records: Some(records),
    })
}

/// The CSV columns and their aliases (lower case), in the order of [`Col`].
const COLUMNS: [&[&str]; 11] = [
    &["oid", "oidhenkilo", "oid_henkilo"],
    &["hetu"],
    &["hetu_history", "kaikkihetut", "kaikki_hetut"],
    &["passinumerot", "passinumero"],
    &["sahkopostit", "sahkoposti"],
    &["etunimet"],
    &["sukunimi"],
    &["kutsumanimi"],
    &["syntymaaika"],
    &["passivoitu"],
    &["duplicate", "duplikaatti"],
];

/// The index of a column in [`COLUMNS`].
#[derive(Clone, Copy)]
enum Col {
    Oid,
    Hetu,
    History,
    Passports,
    Emails,
    Etunimet,
    Sukunimi,
    Kutsumanimi,
    Syntymaaika,
    Passivoitu,
    Duplicate,
}

fn read_csv(mut csv: CsvColumns) -> Result<ExistingFile, ExistingError> {
    let names: Vec<&str> = COLUMNS.iter().map(|aliases| aliases[0]).collect();
    let at = header_columns(csv.header(), &names, |name, column| {
        let name = name.to_ascii_lowercase();
        COLUMNS
            .iter()
            .find(|aliases| aliases[0] == column)
            .is_some_and(|aliases| aliases.contains(&name.as_str()))
    })
    .map_err(CsvReadError::from)?;
    let col = |c: Col| at[c as usize];
    let oid = col(Col::Oid).ok_or(ExistingError::NoOidColumn)?;
    let searchable = [
        Col::Etunimet,
        Col::Sukunimi,
        Col::Kutsumanimi,
        Col::Syntymaaika,
    ]
    .iter()
    .all(|&c| col(c).is_some());
    let mut records = searchable.then(Vec::new);
    let mut persons = Vec::new();
    while let Some((line, record)) = csv.next_record()? {
        let get = |c: Col| col(c).and_then(|i| record.get(i)).unwrap_or_default();
        let list = |c: Col| {
            get(c)
                .split(';')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let cell_error = |column: &'static str| {
            move |error: CellError| ExistingError::Cell {
                line,
                column,
                error,
            }
        };
        if let Some(records) = &mut records {
            let flag = |c: Col, column: &'static str| {
                cell::flag(get(c))
                    .map(|v| v.unwrap_or(false))
                    .map_err(cell_error(column))
            };
            records.push(PersonRecord {
                id: get(Col::Oid).to_owned(),
                etunimet: Some(get(Col::Etunimet).to_owned()),
                kutsumanimi: Some(get(Col::Kutsumanimi).to_owned()),
                sukunimi: Some(get(Col::Sukunimi).to_owned()),
                syntymaaika: cell::date(get(Col::Syntymaaika))
                    .map_err(cell_error("syntymaaika"))?,
                passivoitu: flag(Col::Passivoitu, "passivoitu")?,
                duplicate: flag(Col::Duplicate, "duplicate")?,
            });
        }
        persons.push(ExistingPerson {
            oid: record.get(oid).unwrap_or_default().to_owned(),
            hetu: Some(get(Col::Hetu).to_owned()).filter(|h| !h.is_empty()),
            hetu_history: list(Col::History),
            passinumerot: list(Col::Passports),
            sahkopostit: list(Col::Emails),
            etunimet: get(Col::Etunimet).to_owned(),
            sukunimi: get(Col::Sukunimi).to_owned(),
        });
    }
    Ok(ExistingFile { persons, records })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::CsvShapeError;

    fn csv(text: &str) -> Result<ExistingFile, ExistingError> {
        read(
            text.as_bytes().to_vec(),
            ExistingFormat::Csv,
            Encoding::Utf8,
        )
    }

    fn json(text: &str) -> Result<ExistingFile, ExistingError> {
        read(
            text.as_bytes().to_vec(),
            ExistingFormat::Json,
            Encoding::Utf8,
        )
    }

    const HEADER: &str = "oid,hetu,hetu_history,passinumerot,sahkopostit,etunimet,sukunimi,kutsumanimi,syntymaaika,passivoitu,duplicate\n";

    #[test]
    fn bom_aliases_other_delimiters_and_empty_lists() {
        let f = csv("\u{feff} OidHenkilo ;HETU;kaikki_hetut;passinumero;Sahkoposti\n1.2.3;;;;\n\n4.5.6;010101A900R;;;\"a@b.fi;c@d.fi\"\n")
            .unwrap();
        assert_eq!(f.persons.len(), 2);
        assert_eq!(f.persons[0].oid, "1.2.3");
        assert_eq!(f.persons[0].hetu, None);
        assert!(f.persons[0].hetu_history.is_empty() && f.persons[0].passinumerot.is_empty());
        assert_eq!(f.persons[1].hetu.as_deref(), Some("010101A900R"));
        assert_eq!(f.persons[1].sahkopostit, ["a@b.fi", "c@d.fi"]);
        assert_eq!(f.records, None); // no names and birth dates: no duplicate search
    }

    #[test]
    fn the_oid_column_is_required_and_named_once() {
        let e = csv("hetu,etunimet\n010101A900R,Aino\n").unwrap_err();
        assert_eq!(e, ExistingError::NoOidColumn);
        assert_eq!(e.code(), "import.existing.no_oid_column");
        let e = csv("oid,oidhenkilo\n1,2\n").unwrap_err();
        assert_eq!(
            e,
            ExistingError::Csv(CsvReadError::Shape(CsvShapeError::RepeatedColumn {
                name: "oid".into()
            }))
        );
        assert_eq!(e.code(), "input.csv.repeated_column");
    }

    #[test]
    fn bad_cells_name_their_line_and_column_never_the_value() {
        let e = csv(&format!(
            "{HEADER}1.2.3,,,,,Aino,Virtanen,Aino,2005-03-14,false,false\n\n1.2.4,,,,,Aino,Virtanen,Aino,2005-03-14,maybe,false\n"
        ))
        .unwrap_err();
        assert_eq!(
            e,
            ExistingError::Cell {
                line: 4,
                column: "passivoitu",
                error: CellError::NotAFlag
            }
        );
        assert_eq!(e.code(), "cell.flag");
        assert!(e
            .to_string()
            .starts_with("line 4: passivoitu: not a true/false value"));
        assert!(!e.to_string().contains("maybe"));
        let e = csv(&format!(
            "{HEADER}1.2.3,,,,,Aino,Virtanen,Aino,14.3.2005,,\n"
        ))
        .unwrap_err();
        assert_eq!(e.code(), "cell.date");
        assert_eq!(
            e.message(Lang::Fi),
            "rivi 2: syntymaaika: ei ole päivämäärä, odotettiin VVVV-KK-PP"
        );
        // Without the search columns the flag and date cells are not read.
        assert!(csv("oid,passivoitu\n1.2.3,maybe\n").is_ok());
    }

    #[test]
    fn input_policy_errors() {
        assert_eq!(
            csv("").unwrap_err(),
            ExistingError::Input(InputError::Empty)
        );
        assert_eq!(json("\u{feff}").unwrap_err().code(), "input.empty");
        let e = read(b"oid\n\xe4\n".to_vec(), ExistingFormat::Csv, Encoding::Utf8).unwrap_err();
        assert_eq!(e.code(), "input.not_utf8");
        let f = read(
            b"oid,etunimet\n1.2.3,J\xe4rvi\n".to_vec(),
            ExistingFormat::Csv,
            Encoding::Windows1252,
        )
        .unwrap();
        assert_eq!(f.persons[0].etunimet, "Järvi");
        assert_eq!(
            csv("oid,hetu\n1,2,3\n").unwrap_err().code(),
            "input.csv.extra_cells"
        );
    }

    #[test]
    fn json_that_is_not_an_array_of_persons() {
        assert_eq!(
            json("{\"oidHenkilo\": \"1\"}").unwrap_err(),
            ExistingError::NotAnArray
        );
        assert_eq!(json("\"x\"").unwrap_err(), ExistingError::NotAnArray);
        assert_eq!(
            json("[\n{\"oidHenkilo\": ").unwrap_err(),
            ExistingError::NotJson { line: 2 }
        );
        let e = json("[\n{\"oidHenkilo\": \"1\"},\n{\"hetu\": 131052308}\n]").unwrap_err();
        assert_eq!(e, ExistingError::NotAPerson { line: 3 });
        assert!(!e.to_string().contains("131052308"));
        assert_eq!(
            json("[]").unwrap(),
            ExistingFile {
                persons: vec![],
                records: Some(vec![])
            }
        );
        for e in [
            ExistingError::NoOidColumn,
            ExistingError::NotAnArray,
            ExistingError::NotJson { line: 1 },
            ExistingError::NotAPerson { line: 1 },
        ] {
            for lang in Lang::ALL {
                assert!(!e.message(lang).is_empty());
            }
            assert!(e.code().starts_with("import.existing."));
        }
    }
}
