//! Table cells as values, by one rule for every front end: the CLI's CSV files (link tables,
//! `onr check --existing`, `onr duplicates`), Python's dict rows and data frames, the JVM.
//!
//! A cell is text. Surrounding whitespace is ignored, and an empty (or all-blank) cell is a
//! *missing* value (`None`), never `false` or a date: what a missing value means is the
//! caller's policy (a missing `passivoitu` is "not passivated"; a missing birth date is SQL
//! NULL in ONR's duplicate search).
//!
//! ```
//! use onr_core::cell;
//! assert_eq!(cell::flag(" False ")?, Some(false));
//! assert_eq!(cell::flag("1")?, Some(true));
//! assert_eq!(cell::flag("")?, None);
//! assert_eq!(cell::flag("maybe").unwrap_err().code(), "cell.flag");
//! assert_eq!(cell::date("")?, None);
//! assert_eq!(cell::date("1952-10-13")?.map(|d| d.to_string()).as_deref(), Some("1952-10-13"));
//! # use onr_core::error::Coded;
//! # Ok::<(), onr_core::cell::CellError>(())
//! ```

use chrono::NaiveDate;

use crate::error::{code_table, Category, Coded};
use crate::Lang;

/// The texts read as `true`, compared without regard to ASCII case.
pub const TRUE_TEXTS: [&str; 7] = ["true", "t", "1", "yes", "y", "kyllä", "kylla"];
/// The texts read as `false`, compared without regard to ASCII case.
pub const FALSE_TEXTS: [&str; 6] = ["false", "f", "0", "no", "n", "ei"];

/// A cell that does not hold the value its column needs.
///
/// The error never quotes the cell (it could be personal data in a misplaced column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CellError {
    /// Not one of [`TRUE_TEXTS`] or [`FALSE_TEXTS`].
    #[error("not a true/false value, expected true or false (also 1/0, yes/no, t/f)")]
    NotAFlag,
    /// Not a date `YYYY-MM-DD`.
    #[error("not a date, expected YYYY-MM-DD")]
    NotADate,
}

code_table! {
    /// Every code of [`CellError`], in the order of its variants.
    CellError {
        CellError::NotAFlag => "cell.flag", Category::Format;
        CellError::NotADate => "cell.date", Category::Format;
    }
}

impl Coded for CellError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (CellError::NotAFlag, Lang::Fi) => {
                "ei ole totuusarvo, odotettiin true tai false (myös 1/0, kyllä/ei, t/f)".into()
            }
            (CellError::NotAFlag, Lang::Sv) => {
                "är inte ett sanningsvärde, förväntade true eller false (även 1/0, yes/no, t/f)"
                    .into()
            }
            (CellError::NotADate, Lang::Fi) => "ei ole päivämäärä, odotettiin VVVV-KK-PP".into(),
            (CellError::NotADate, Lang::Sv) => "är inte ett datum, förväntade ÅÅÅÅ-MM-DD".into(),
        }
    }
}

/// A true/false cell: `Some(true)` for [`TRUE_TEXTS`], `Some(false)` for [`FALSE_TEXTS`]
/// (any ASCII case, surrounding whitespace ignored), `None` for an empty cell.
///
/// # Errors
///
/// [`CellError::NotAFlag`] for any other text.
///
/// # Example
///
/// ```
/// use onr_core::cell::{flag, CellError};
/// assert_eq!(flag("TRUE"), Ok(Some(true)));
/// assert_eq!(flag("ei"), Ok(Some(false)));
/// assert_eq!(flag(" "), Ok(None));
/// assert_eq!(flag("2"), Err(CellError::NotAFlag));
/// ```
pub fn flag(cell: &str) -> Result<Option<bool>, CellError> {
    let v = cell.trim();
    if v.is_empty() {
        Ok(None)
    } else if TRUE_TEXTS.iter().any(|t| eq_ignore_case(v, t)) {
        Ok(Some(true))
    } else if FALSE_TEXTS.iter().any(|t| eq_ignore_case(v, t)) {
        Ok(Some(false))
    } else {
        Err(CellError::NotAFlag)
    }
}

/// A date cell `YYYY-MM-DD` (surrounding whitespace ignored), `None` for an empty cell.
///
/// # Errors
///
/// [`CellError::NotADate`] for any other text, or a day that does not exist.
///
/// # Example
///
/// ```
/// use onr_core::cell::{date, CellError};
/// assert_eq!(date(" 2000-02-29 ")?, chrono::NaiveDate::from_ymd_opt(2000, 2, 29));
/// assert_eq!(date("2001-02-29"), Err(CellError::NotADate));
/// assert_eq!(date("13.10.1952"), Err(CellError::NotADate));
/// # Ok::<(), CellError>(())
/// ```
pub fn date(cell: &str) -> Result<Option<NaiveDate>, CellError> {
    let v = cell.trim();
    if v.is_empty() {
        return Ok(None);
    }
    // Exactly YYYY-MM-DD: chrono alone would also take a year without leading zeros.
    let b = v.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(CellError::NotADate);
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| CellError::NotADate)
}

/// ASCII case-insensitive, and `kyllä` with any case of its `ä` (`KYLLÄ`).
fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_text_reads_in_every_case() {
        for t in TRUE_TEXTS {
            for v in [t.to_owned(), t.to_uppercase(), format!("  {t}\t")] {
                assert_eq!(flag(&v), Ok(Some(true)), "{v:?}");
            }
        }
        for t in FALSE_TEXTS {
            for v in [t.to_owned(), t.to_uppercase(), format!(" {t} ")] {
                assert_eq!(flag(&v), Ok(Some(false)), "{v:?}");
            }
        }
    }

    #[test]
    fn empty_is_missing_and_anything_else_is_an_error() {
        assert_eq!(flag(""), Ok(None));
        assert_eq!(flag(" \t"), Ok(None));
        for v in ["2", "-1", "tru", "falsey", "null", "none", "x", "truee"] {
            assert_eq!(flag(v), Err(CellError::NotAFlag), "{v:?}");
        }
    }

    #[test]
    fn dates_are_exactly_iso() {
        assert_eq!(date(""), Ok(None));
        assert_eq!(
            date("1911-11-11"),
            Ok(NaiveDate::from_ymd_opt(1911, 11, 11))
        );
        for v in [
            "1911-1-11",
            "+1911-11-11",
            "1911/11/11",
            "1911-11-31",
            "19111111",
            "x",
        ] {
            assert_eq!(date(v), Err(CellError::NotADate), "{v:?}");
        }
    }

    #[test]
    fn messages_never_quote_the_cell_and_exist_in_every_language() {
        for e in [CellError::NotAFlag, CellError::NotADate] {
            for lang in Lang::ALL {
                assert!(!e.message(lang).is_empty());
            }
            assert!(e.code().starts_with("cell."));
        }
    }
}
