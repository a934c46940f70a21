//! Rows as the readers ([`super::json`], [`super::csv`]) give them to the [`super::Checker`]:
//! the row, where it came from, and what could not be read.

use super::model::Row;
use super::verdict::{OnrError, OnrErrorKind};

/// A row as a reader gives it: the row (or `None` for JSON `null`), where it came from, and
/// what could not be read.
///
/// # Example
///
/// ```
/// use onr_core::import::{RowPerson, Row, RowInput};
/// let input = RowInput::new(0, Some(Row::new(RowPerson::default())));
/// assert!(input.problems.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowInput {
    /// The 0-based row index (the position in `henkilot`).
    pub index: usize,
    /// The 1-based line of the input where the row starts, if known.
    pub line: Option<u64>,
    /// The row; `None` for a `null` row, or a row that could not be read at all.
    pub row: Option<Row>,
    /// Values that could not be read (wrong JSON type, bad date, a broken CSV line); ONR
    /// rejects the whole request for any of them.
    pub problems: Vec<ReadProblem>,
}

impl RowInput {
    /// A readable row at `index`.
    pub fn new(index: usize, row: Option<Row>) -> RowInput {
        RowInput {
            index,
            line: None,
            row,
            problems: Vec::new(),
        }
    }
}

/// A value that could not be read into ONR's model.
///
/// Its `Debug` leaves out [`ReadProblem::onr_message`], which can quote the value.
#[derive(Clone, PartialEq, Eq)]
pub struct ReadProblem {
    /// ONR's field path of the value (`henkilot[2].henkilo.syntymaaika`), or of the row
    /// (`henkilot[2]`) when the row itself could not be read.
    pub field: String,
    /// What is wrong, in English, without the value.
    pub detail: String,
    /// The message of ONR's reader (Jackson's, as ONR answers it after `JSON parse error: `)
    /// when ONR itself would fail on the value; it can quote the value. `None` for a problem
    /// of our own input format (a CSV line that cannot be a row).
    pub onr_message: Option<String>,
}

impl std::fmt::Debug for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadProblem")
            .field("field", &self.field)
            .field("detail", &self.detail)
            .field("onr_message", &self.onr_message.as_ref().map(|_| ".."))
            .finish()
    }
}

impl ReadProblem {
    /// The problem as ONR's error (stage [`Stage::Deserialization`](super::verdict::Stage::Deserialization)).
    pub fn to_error(&self) -> OnrError {
        OnrError::new(
            self.field.clone(),
            OnrErrorKind::Unreadable {
                detail: self.detail.clone(),
                onr: self.onr_message.clone(),
            },
        )
    }
}
