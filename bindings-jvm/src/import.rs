//! `onr_core::import` for the JVM: ONR's verdict, lints and actions on a JSON import batch.

use onr_core::import::check::check_json;
use onr_core::import::koodisto::Koodisto;
use onr_core::import::verdict::OnrError;
use onr_core::import::{CheckOptions, Checker, RowReport};
use onr_core::Environment;

use crate::error::{NativeError, Problem};

/// One error of ONR's verdict: the field path ONR reports, ONR's message key and the problem.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportError {
    /// ONR's field path, e.g. `henkilot[0].henkilo.hetu`.
    pub field: String,
    /// ONR's message key, e.g. `NotBlank`.
    pub key: String,
    /// The code, category and messages.
    pub problem: Problem,
}

impl From<&OnrError> for ImportError {
    fn from(e: &OnrError) -> ImportError {
        ImportError {
            field: e.field.clone(),
            key: e.key().to_owned(),
            problem: Problem::from(e),
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
    /// ONR's errors; empty if ONR accepts the row.
    pub errors: Vec<ImportError>,
    /// Problems ONR does not reject but that lose or mix up data.
    pub warnings: Vec<Problem>,
    /// What ONR will do with the row: `none`, `match`, `create`, ...
    pub action: String,
    /// The existing person's OID, for `match`.
    pub action_oid: Option<String>,
}

impl From<&RowReport> for ImportRow {
    fn from(r: &RowReport) -> ImportRow {
        ImportRow {
            index: i64::try_from(r.index).unwrap_or(i64::MAX),
            line: r.line.and_then(|l| i64::try_from(l).ok()).unwrap_or(-1),
            tunniste: r.tunniste.clone(),
            errors: r.errors.iter().map(ImportError::from).collect(),
            warnings: r.warnings.iter().map(Problem::from).collect(),
            action: r.action.kind.as_str().to_owned(),
            action_oid: r.action.oid.clone(),
        }
    }
}

/// The report of a whole batch.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportReport {
    /// Whether ONR accepts the batch (HTTP 200); one bad row rejects all of it.
    pub accepted: bool,
    /// The HTTP status ONR answers with.
    pub http_status: i32,
    /// One report per row, in order.
    pub rows: Vec<ImportRow>,
    /// Errors of the batch itself (the e-mail address, the number of rows, unreadable fields).
    pub batch_errors: Vec<ImportError>,
}

/// Checks an import batch in ONR's JSON (`PUT /oppija`) with the bundled code lists, as
/// `onr check` does without `--existing`.
#[uniffi::export]
pub fn import_check_json(input: String, env: Environment) -> Result<ImportReport, NativeError> {
    let koodisto = Koodisto::bundled();
    let checker = Checker::new(
        &koodisto,
        CheckOptions {
            env,
            ..CheckOptions::default()
        },
    );
    let mut rows = Vec::new();
    let (batch_errors, summary) = check_json(&input, checker, |report| {
        rows.push(ImportRow::from(&report))
    })?;
    Ok(ImportReport {
        accepted: summary.response.is_accepted(),
        http_status: i32::from(summary.response.http_status()),
        rows,
        batch_errors: batch_errors.iter().map(ImportError::from).collect(),
    })
}
