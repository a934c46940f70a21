//! `onr_core::import` for the JVM: ONR's verdict, lints and actions on an import batch (JSON or
//! CSV), against the existing persons of a list or of a file. Every export runs in
//! `crate::error::shielded`: a panic is `internal.panic`, never UniFFI's text.

use onr_core::import::action::ExistingPerson;
use onr_core::import::checker::{check_csv, check_json};
use onr_core::import::csv::{CsvOptions, EmptyCell, Reader};
use onr_core::import::existing::{self, ExistingFile, ExistingFormat};
use onr_core::import::koodisto::{CodeList, Koodisto};
use onr_core::import::verdict::OnrError;
use onr_core::import::{CheckOptions, CheckSetup, RowReport, Summary};
use onr_core::input::{sniff_delimiter, Encoding};
use onr_core::Environment;

use crate::error::{shielded, NativeError, Problem};

/// One error of ONR's verdict: the field path ONR reports, ONR's message key and the problem.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportError {
    /// ONR's field path, e.g. `henkilot[0].henkilo.hetu`.
    pub field: String,
    /// ONR's message key, e.g. `NotBlank`.
    pub key: String,
    /// The code, category and messages.
    pub problem: Problem,
    /// ONR's own message, exactly as ONR sends it, if it sends one.
    pub onr_message: Option<String>,
    /// The stage of ONR that gives the error: `deserialization`, `bean_validation`,
    /// `post_validation` or `server`.
    pub stage: String,
}

impl From<&OnrError> for ImportError {
    fn from(e: &OnrError) -> ImportError {
        ImportError {
            field: e.field.clone(),
            key: e.key().to_owned(),
            problem: Problem::from(e),
            onr_message: e.onr_message(),
            stage: e.stage().as_str().to_owned(),
        }
    }
}

/// The report of one row.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportRow {
    /// The 0-based index of the row in the batch.
    pub index: i64,
    /// The 1-based line of the row in the input, or -1.
    pub line: i64,
    /// The row's `tunniste` (the sender's own identifier), if any.
    pub tunniste: Option<String>,
    /// ONR's answer for the row, exactly: the errors of the first stage that fails; empty if
    /// ONR accepts the row.
    pub errors: Vec<ImportError>,
    /// What ONR answers once `errors` are fixed, stage by stage (never ONR's answer).
    pub later: Vec<ImportError>,
    /// Problems ONR does not reject but that lose or mix up data.
    pub warnings: Vec<Problem>,
    /// What ONR will do with the row: `none`, `match`, `create`, ...
    pub action: String,
    /// The existing person's OID, for `match`.
    pub action_oid: Option<String>,
    /// The identifier that matches (`oid`, `hetu`, `hetu_history`, `passinumero`,
    /// `sahkoposti`), for the matching actions.
    pub action_by: Option<String>,
    /// The earlier row whose person this is (0-based), or -1.
    pub action_row: i64,
    /// Whether ONR will flag the row as a name conflict; `None` when unknown.
    pub action_conflict: Option<bool>,
}

impl From<&RowReport> for ImportRow {
    fn from(r: &RowReport) -> ImportRow {
        ImportRow {
            index: i64::try_from(r.index).unwrap_or(i64::MAX),
            line: r.line.and_then(|l| i64::try_from(l).ok()).unwrap_or(-1),
            tunniste: r.tunniste.clone(),
            errors: r.errors.iter().map(ImportError::from).collect(),
            later: r.later.iter().map(ImportError::from).collect(),
            warnings: r.warnings.iter().map(Problem::from).collect(),
            action: r.action.kind.as_str().to_owned(),
            action_oid: r.action.oid.clone(),
            action_by: r.action.by.map(|b| b.as_str().to_owned()),
            action_row: r
                .action
                .row
                .and_then(|i| i64::try_from(i).ok())
                .unwrap_or(-1),
            action_conflict: r.action.conflict,
        }
    }
}

/// Two rows of the batch that are likely the same person (`import.lint.likely_duplicate`):
/// [`Summary::likely_duplicates`], each pair once, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct LikelyDuplicate {
    /// The first row (0-based).
    pub a: i64,
    /// The other row (0-based), `b > a`.
    pub b: i64,
    /// pg_trgm similarity of the two rows' search strings.
    pub similarity: f32,
}

/// The report of a whole batch.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ImportReport {
    /// Whether ONR accepts the batch (HTTP 200); one bad row rejects all of it.
    pub accepted: bool,
    /// The HTTP status ONR answers with.
    pub http_status: i32,
    /// The stage of ONR's answer (`deserialization`, `bean_validation`, `post_validation`,
    /// `server`); `None` when ONR accepts the batch.
    pub stage: Option<String>,
    /// The errors of ONR's answer to the batch: of values ONR cannot read only the first in
    /// document order, else every error of the stage; none for a 500.
    pub answer: Vec<ImportError>,
    /// One report per row, in order.
    pub rows: Vec<ImportRow>,
    /// Errors of the batch itself (the e-mail address, the number of rows, unreadable fields).
    pub batch_errors: Vec<ImportError>,
    /// CSV header names that are not recognised columns (lower-cased), in order; empty for JSON.
    pub unknown_columns: Vec<String>,
    /// Rows of the batch that are likely the same person, each pair once, in row order.
    pub likely_duplicates: Vec<LikelyDuplicate>,
    /// Whether the in-batch duplicate pass was skipped (a batch over its row limit).
    pub duplicates_skipped: bool,
}

/// Checks an import batch in ONR's JSON (`PUT /oppija`) with the bundled code lists, as
/// `onr check` does without `--existing`.
#[uniffi::export]
pub fn import_check_json(input: String, env: Environment) -> Result<ImportReport, NativeError> {
    shielded(|| import_check_json_with(input, env, ImportOptions::default()))
}

/// The existing-persons file's errors cross as every other error (no position).
impl crate::error::Positioned for onr_core::import::existing::ExistingError {}

impl ImportReport {
    /// The report of rows already converted, their batch errors and summary.
    fn new(
        rows: Vec<ImportRow>,
        batch_errors: &[OnrError],
        summary: &Summary,
        unknown_columns: Vec<String>,
    ) -> ImportReport {
        ImportReport {
            accepted: summary.response.is_accepted(),
            http_status: i32::from(summary.response.http_status()),
            stage: summary.response.stage().map(|s| s.as_str().to_owned()),
            answer: summary.answer.iter().map(ImportError::from).collect(),
            rows,
            batch_errors: batch_errors.iter().map(ImportError::from).collect(),
            unknown_columns,
            likely_duplicates: summary
                .likely_duplicates()
                .iter()
                .map(|p| LikelyDuplicate {
                    a: i64::try_from(p.a).unwrap_or(i64::MAX),
                    b: i64::try_from(p.b).unwrap_or(i64::MAX),
                    similarity: p.similarity,
                })
                .collect(),
            duplicates_skipped: summary.duplicates_skipped,
        }
    }
}

/// A person ONR already has, as the import looks it up ([`ExistingPerson`]).
#[derive(Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ExistingPersonValue {
    /// The person OID.
    pub oid: String,
    /// The current hetu.
    pub hetu: Option<String>,
    /// Former hetus (`kaikkiHetut`).
    pub hetu_history: Vec<String>,
    /// Passport numbers.
    pub passinumerot: Vec<String>,
    /// E-mail identifications.
    pub sahkopostit: Vec<String>,
    /// First names.
    pub etunimet: String,
    /// Surname.
    pub sukunimi: String,
}

impl std::fmt::Debug for ExistingPersonValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // onr-core's Debug, which never prints personal data.
        std::fmt::Debug::fmt(&ExistingPerson::from(self.clone()), f)
    }
}

impl From<ExistingPersonValue> for ExistingPerson {
    fn from(v: ExistingPersonValue) -> ExistingPerson {
        ExistingPerson {
            oid: v.oid,
            hetu: v.hetu,
            hetu_history: v.hetu_history,
            passinumerot: v.passinumerot,
            sahkopostit: v.sahkopostit,
            etunimet: v.etunimet,
            sukunimi: v.sukunimi,
        }
    }
}

/// What a check knows beyond the batch: code lists other than the bundled ones, and the
/// persons ONR already has (then the actions are certain, as with `onr check --existing`).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ImportOptions {
    /// Koodisto `kieli` codes instead of the bundled list.
    pub kieli: Option<Vec<String>>,
    /// Koodisto `maatjavaltiot2` codes instead of the bundled list.
    pub maatjavaltiot2: Option<Vec<String>>,
    /// Koodisto `sukupuoli` codes instead of the bundled list.
    pub sukupuoli: Option<Vec<String>>,
    /// The persons ONR has; `None`: unknown (actions then say what depends on them).
    pub existing: Option<Vec<ExistingPersonValue>>,
    /// The text of a koodisto file (`onr koodisto update`), read by onr-core; its lists
    /// replace the bundled ones (and `kieli` / `maatjavaltiot2` / `sukupuoli` above replace
    /// the file's).
    pub koodisto_file: Option<String>,
    /// An existing-persons file (`onr check --existing`), read by onr-core
    /// ([`onr_core::import::existing`]) when a check runs; used instead of `existing`. With
    /// names and birth dates it also gives the duplicate candidates
    /// (`import.lint.existing_duplicates`).
    pub existing_file: Option<ExistingFileInput>,
}

/// The bytes of an existing-persons file and its name (`.json`: ONR person JSON, else CSV).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExistingFileInput {
    /// The file name (only its extension matters).
    pub name: String,
    /// The file's bytes (UTF-8 by the input policy).
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for ExistingFileInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The bytes are personal data.
        f.debug_struct("ExistingFileInput")
            .field("name", &self.name)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// The persons of an existing-persons file ([`onr_core::import::existing`]), as the import looks
/// them up: `name` tells the format (`.json`: ONR person JSON, else CSV).
#[uniffi::export]
pub fn import_read_existing(
    name: String,
    bytes: Vec<u8>,
) -> Result<Vec<ExistingPersonValue>, NativeError> {
    shielded(|| {
        let file = existing::read(bytes, ExistingFormat::of_file_name(&name), Encoding::Utf8)?;
        Ok(file
            .persons
            .into_iter()
            .map(ExistingPersonValue::from)
            .collect())
    })
}

impl From<ExistingPerson> for ExistingPersonValue {
    fn from(p: ExistingPerson) -> ExistingPersonValue {
        ExistingPersonValue {
            oid: p.oid,
            hetu: p.hetu,
            hetu_history: p.hetu_history,
            passinumerot: p.passinumerot,
            sahkopostit: p.sahkopostit,
            etunimet: p.etunimet,
            sukunimi: p.sukunimi,
        }
    }
}

/// [`import_check_json`] with other code lists and the persons ONR has.
#[uniffi::export]
pub fn import_check_json_with(
    input: String,
    env: Environment,
    options: ImportOptions,
) -> Result<ImportReport, NativeError> {
    shielded(|| {
        let setup = setup(env, options)?;
        let mut rows = Vec::new();
        let (batch_errors, summary) = check_json(&input, setup.checker(), |report| {
            rows.push(ImportRow::from(&report))
        })?;
        Ok(ImportReport::new(rows, &batch_errors, &summary, Vec::new()))
    })
}

/// onr-core's [`CheckSetup`] for these options: the one setup `onr check` and Python's
/// `check_import` make (code lists, existing persons, their duplicate index).
fn setup(env: Environment, options: ImportOptions) -> Result<CheckSetup, NativeError> {
    let mut koodisto = match &options.koodisto_file {
        Some(text) => Koodisto::from_file_text(text)?,
        None => Koodisto::bundled(),
    };
    for (uri, codes) in [
        ("kieli", options.kieli),
        ("maatjavaltiot2", options.maatjavaltiot2),
        ("sukupuoli", options.sukupuoli),
    ] {
        if let Some(codes) = codes {
            // The three are import lists: replacing them cannot fail.
            let _ = koodisto.replace(CodeList::from_codes(uri, codes));
        }
    }
    let check_options = CheckOptions {
        env,
        ..CheckOptions::default()
    };
    let existing = match options.existing_file {
        Some(file) => Some(existing::read(
            file.bytes,
            ExistingFormat::of_file_name(&file.name),
            Encoding::Utf8,
        )?),
        None => options.existing.map(|e| ExistingFile {
            persons: e.into_iter().map(ExistingPerson::from).collect(),
            records: None,
        }),
    };
    Ok(CheckSetup::with_existing_file(
        koodisto,
        check_options,
        existing,
    )?)
}

/// How a CSV batch is read ([`CsvOptions`]) and the batch's e-mail address, which CSV has no
/// place for (`onr check --sahkoposti`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportCsvOptions {
    /// The field delimiter, an ASCII character (anything else is `input.csv.delimiter`,
    /// [`onr_core::input::delimiter`]), or 0: guessed from the header line by onr-core's rule
    /// ([`onr_core::input::sniff_delimiter`]: `,` for every header with a comma).
    pub delimiter: i32,
    /// An empty cell is `""` (`[]` for `kansalaisuus`) instead of null ([`EmptyCell`]).
    pub empty_as_empty_string: bool,
    /// The batch's `sahkoposti`, if any.
    pub sahkoposti: Option<String>,
}

/// Checks an import batch in CSV ([`onr_core::import::csv`]) as `onr check` does, with
/// onr-core's [`check_csv`]: each row goes through the same [`Checker`](onr_core::import::Checker) as a JSON row.
#[uniffi::export]
pub fn import_check_csv(
    input: String,
    env: Environment,
    csv: ImportCsvOptions,
    options: ImportOptions,
) -> Result<ImportReport, NativeError> {
    shielded(|| {
        let delimiter = match csv.delimiter {
            0 => sniff_delimiter(&input),
            // A Java `char`: a lone surrogate is no character, so not ASCII either.
            d => onr_core::input::delimiter(
                u32::try_from(d)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or(char::REPLACEMENT_CHARACTER),
            )?,
        };
        let csv_options = CsvOptions {
            empty: if csv.empty_as_empty_string {
                EmptyCell::EmptyString
            } else {
                EmptyCell::Null
            },
            delimiter,
        };
        let reader = Reader::new(input.as_bytes(), csv_options)?;
        let unknown_columns = reader.unknown_columns().to_vec();
        let setup = setup(env, options)?;
        let mut rows = Vec::new();
        let (batch_errors, summary) = check_csv(
            reader,
            setup.checker(),
            csv.sahkoposti.as_deref(),
            |report| rows.push(ImportRow::from(&report)),
        )?;
        Ok(ImportReport::new(
            rows,
            &batch_errors,
            &summary,
            unknown_columns,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_get_what_their_json_gets() {
        let csv = "tunniste,hetu,etunimet,kutsumanimi,sukunimi,extra\n\
                   S1,010101A900R,Aino,Aino,Virtanen,x\n\
                   S2,131052-308X,Eino,Eino,Testinen,y\n";
        let json = r#"{"sahkoposti": "a@example.fi", "henkilot": [
            {"tunniste": "S1", "henkilo": {"hetu": "010101A900R", "etunimet": "Aino", "kutsumanimi": "Aino", "sukunimi": "Virtanen"}},
            {"tunniste": "S2", "henkilo": {"hetu": "131052-308X", "etunimet": "Eino", "kutsumanimi": "Eino", "sukunimi": "Testinen"}}]}"#;
        let options = ImportCsvOptions {
            delimiter: i32::from(b','),
            empty_as_empty_string: false,
            sahkoposti: Some("a@example.fi".into()),
        };
        let from_csv = import_check_csv(
            csv.into(),
            Environment::Production,
            options,
            ImportOptions::default(),
        )
        .unwrap();
        let from_json = import_check_json(json.into(), Environment::Production).unwrap();
        assert_eq!(from_csv.unknown_columns, ["extra"]);
        assert_eq!(from_csv.http_status, from_json.http_status);
        let strip = |r: &ImportReport| {
            r.rows
                .iter()
                .map(|row| (row.errors.clone(), row.warnings.clone(), row.action.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&from_csv), strip(&from_json));
        assert!(!from_csv.rows[1].errors.is_empty());
    }

    #[test]
    fn delimiter_zero_is_guessed_and_the_existing_file_is_read_by_onr_core() {
        let csv = "tunniste;hetu;etunimet;kutsumanimi;sukunimi;kansalaisuus\n\
                   S1;140305A902U;Aino Maria;Aino;Virtanen;246\n";
        let options = ImportCsvOptions {
            delimiter: 0,
            empty_as_empty_string: false,
            sahkoposti: None,
        };
        let file = ExistingFileInput {
            name: "persons.csv".into(),
            bytes: b"oid,hetu\n1.2.246.562.24.10000000003,140305A902U\n".to_vec(),
        };
        let report = import_check_csv(
            csv.into(),
            Environment::Test,
            options.clone(),
            ImportOptions {
                existing_file: Some(file.clone()),
                ..ImportOptions::default()
            },
        )
        .unwrap();
        assert!(report.unknown_columns.is_empty());
        assert_eq!(report.rows[0].action, "match");
        assert_eq!(
            report.rows[0].action_oid.as_deref(),
            Some("1.2.246.562.24.10000000003")
        );
        assert!(!format!("{file:?}").contains("140305A902U"));
        let persons = import_read_existing(file.name, file.bytes).unwrap();
        assert_eq!(persons[0].hetu.as_deref(), Some("140305A902U"));
        let bad = import_read_existing("p.csv".into(), b"hetu\nx\n".to_vec()).unwrap_err();
        assert_eq!(bad.problem().code, "import.existing.no_oid_column");
    }

    #[test]
    fn a_delimiter_that_is_not_ascii_is_refused_with_its_code() {
        let csv = "tunniste,hetu\nS1,010101A900R\n";
        for d in [0xE9, 0xA7, 0x80, 0x20AC, 0xD800, -1] {
            let options = ImportCsvOptions {
                delimiter: d,
                empty_as_empty_string: false,
                sahkoposti: None,
            };
            let e = import_check_csv(
                csv.into(),
                Environment::Test,
                options,
                ImportOptions::default(),
            )
            .unwrap_err();
            assert_eq!(e.problem().code, "input.csv.delimiter", "{d:#x}");
        }
    }
}
