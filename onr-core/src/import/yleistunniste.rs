//! YLEISTUNNISTE batches (`PUT /yleistunniste`): what ONR's controller validates before it
//! accepts a batch of persons to find or create.
//!
//! The body (`YleistunnisteInput`) is validated whole, as `PUT /oppija`'s is: one bad row and
//! ONR answers 400 and creates nothing. The rules, from `YleistunnisteController`:
//!
//! * `sahkoposti`: Jakarta `@Email` ([`email::is_well_formed`]; unlike the import, an empty
//!   address passes: there is no size rule);
//! * `henkilot`: `@NotNull @Size(min = 1)`;
//! * each row's `tunniste`: `@NotNull @NotBlank` (Java's `trim()`: a value of only characters
//!   up to U+0020 is blank);
//! * each row's `henkilo`: the existence check ([`existence_check`]: names, hetu and the
//!   kutsumanimi-is-a-first-name rule).
//!
//! ONR then sets every row's kansalaisuus to `999` (a valid code), so the import's koodisto
//! validator finds nothing more.
//!
//! # Example
//!
//! ```
//! use onr_core::error::Coded;
//! use onr_core::import::yleistunniste::{batch_errors, row_errors, RowFields};
//! use onr_core::Environment;
//!
//! let row = RowFields { tunniste: " ", hetu: "010101A900R", etunimet: "Aino Maria", kutsumanimi: "Maija", sukunimi: "Virtanen" };
//! let errors = row_errors(3, &row, Environment::Test);
//! let got: Vec<(String, &str)> = errors.iter().map(|e| (e.field(), e.code())).collect();
//! assert_eq!(got, [
//!     ("henkilot[3].tunniste".to_string(), "yleistunniste.tunniste_blank"),
//!     ("henkilot[3].henkilo.nicknameOk".to_string(), "existence_check.nickname"),
//! ]);
//! assert_eq!(batch_errors(Some("kirjaamo@"), 1)[0].code(), "yleistunniste.sahkoposti");
//! assert_eq!(batch_errors(Some(""), 0)[0].field(), "henkilot");
//! ```

use std::fmt;

use crate::env::Environment;
use crate::error::{code_table, Category, Coded, Lang};

use super::email;
use super::person_rules::{existence_check, ExistenceCheckError};

/// The fields of one row of a batch.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RowFields<'a> {
    /// The source system's identifier.
    pub tunniste: &'a str,
    /// The hetu.
    pub hetu: &'a str,
    /// First names.
    pub etunimet: &'a str,
    /// The nickname.
    pub kutsumanimi: &'a str,
    /// The surname.
    pub sukunimi: &'a str,
}

impl fmt::Debug for RowFields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RowFields")
            .field("tunniste", &self.tunniste)
            .field("hetu", &"[hetu]")
            .field("etunimet", &self.etunimet)
            .field("kutsumanimi", &self.kutsumanimi)
            .field("sukunimi", &self.sukunimi)
            .finish()
    }
}

/// What is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BatchErrorKind {
    /// `henkilot` is empty.
    NoRows,
    /// `sahkoposti` is not an `@Email` address.
    Sahkoposti,
    /// The row's `tunniste` is blank.
    TunnisteBlank,
    /// The row's person fails the existence check.
    Person(ExistenceCheckError),
}

/// One reason ONR refuses a batch: the row (`None` for the batch itself) and what is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BatchError {
    /// The row index, from 0.
    pub row: Option<usize>,
    /// What is wrong.
    pub kind: BatchErrorKind,
}

impl BatchError {
    /// ONR's field path: `sahkoposti`, `henkilot`, `henkilot[i].tunniste`,
    /// `henkilot[i].henkilo.<field>`.
    pub fn field(&self) -> String {
        let row = self.row.unwrap_or(0);
        match self.kind {
            BatchErrorKind::NoRows => "henkilot".into(),
            BatchErrorKind::Sahkoposti => "sahkoposti".into(),
            BatchErrorKind::TunnisteBlank => format!("henkilot[{row}].tunniste"),
            BatchErrorKind::Person(e) => format!("henkilot[{row}].henkilo.{}", e.field.as_str()),
        }
    }
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field(), self.message(Lang::En))
    }
}

impl std::error::Error for BatchError {}

code_table! {
    /// Every code of [`BatchError`] of its own (a person's errors keep their
    /// [`ExistenceCheckError`] codes).
    BatchError {
        BatchError { kind: BatchErrorKind::NoRows, .. } => "yleistunniste.no_rows", Category::Length;
        BatchError { kind: BatchErrorKind::Sahkoposti, .. } => "yleistunniste.sahkoposti", Category::Format;
        BatchError { kind: BatchErrorKind::TunnisteBlank, .. } => "yleistunniste.tunniste_blank", Category::Length;
        BatchError { kind: BatchErrorKind::Person(e), .. } => use e;
    }
}

impl Coded for BatchError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (self.kind, lang) {
            (BatchErrorKind::Person(e), _) => e.message(lang),
            (BatchErrorKind::NoRows, En) => "a batch needs at least one row".into(),
            (BatchErrorKind::NoRows, Fi) => "erässä on oltava vähintään yksi rivi".into(),
            (BatchErrorKind::NoRows, Sv) => "en sats måste ha minst en rad".into(),
            (BatchErrorKind::Sahkoposti, En) => "not a well-formed e-mail address".into(),
            (BatchErrorKind::Sahkoposti, Fi) => "virheellinen sähköpostiosoite".into(),
            (BatchErrorKind::Sahkoposti, Sv) => "ogiltig e-postadress".into(),
            (BatchErrorKind::TunnisteBlank, En) => "required, must not be blank".into(),
            (BatchErrorKind::TunnisteBlank, Fi) => "pakollinen, ei saa olla tyhjä".into(),
            (BatchErrorKind::TunnisteBlank, Sv) => "obligatoriskt, får inte vara tomt".into(),
        }
    }
}

/// Whether Java's `@NotBlank` refuses the value: empty after `String.trim()` (which drops
/// every character up to U+0020 at both ends).
fn is_blank(value: &str) -> bool {
    value.chars().all(|c| c <= '\u{20}')
}

/// Every reason ONR refuses row `index` of a batch, in ONR's field order (`tunniste`, then the
/// person's fields as [`existence_check`] lists them).
pub fn row_errors(index: usize, row: &RowFields<'_>, env: Environment) -> Vec<BatchError> {
    let mut out = Vec::new();
    if is_blank(row.tunniste) {
        out.push(BatchError {
            row: Some(index),
            kind: BatchErrorKind::TunnisteBlank,
        });
    }
    out.extend(
        existence_check(
            Some(row.etunimet),
            Some(row.kutsumanimi),
            Some(row.sukunimi),
            Some(row.hetu),
            env,
        )
        .into_iter()
        .map(|e| BatchError {
            row: Some(index),
            kind: BatchErrorKind::Person(e),
        }),
    );
    out
}

/// The reasons ONR refuses the batch itself: its `sahkoposti`, and no rows.
pub fn batch_errors(sahkoposti: Option<&str>, rows: usize) -> Vec<BatchError> {
    let mut out = Vec::new();
    if sahkoposti.is_some_and(|s| !email::is_well_formed(s)) {
        out.push(BatchError {
            row: None,
            kind: BatchErrorKind::Sahkoposti,
        });
    }
    if rows == 0 {
        out.push(BatchError {
            row: None,
            kind: BatchErrorKind::NoRows,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(tunniste: &'a str, hetu: &'a str) -> RowFields<'a> {
        RowFields {
            tunniste,
            hetu,
            etunimet: "Aino Maria",
            kutsumanimi: "Aino",
            sukunimi: "Virtanen",
        }
    }

    #[test]
    fn blank_is_javas_trim() {
        for blank in ["", " ", "\t\r\n", "\u{1}\u{20}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for not in ["a", "\u{a0}", " x "] {
            assert!(!is_blank(not), "{not:?}");
        }
    }

    #[test]
    fn a_good_row_passes_and_the_environment_decides_temporary_hetus() {
        assert!(row_errors(0, &row("t1", "010101A900R"), Environment::Test).is_empty());
        let prod = row_errors(0, &row("t1", "010101A900R"), Environment::Production);
        assert_eq!(
            prod.iter().map(|e| e.code()).collect::<Vec<_>>(),
            ["existence_check.hetu"]
        );
        assert_eq!(prod[0].field(), "henkilot[0].henkilo.hetu");
    }

    #[test]
    fn the_batch_rules() {
        assert!(batch_errors(None, 1).is_empty());
        assert!(batch_errors(Some(""), 1).is_empty());
        assert!(batch_errors(Some("test@test"), 1).is_empty());
        assert_eq!(
            batch_errors(Some("makkara"), 0)
                .iter()
                .map(|e| (e.field(), e.code()))
                .collect::<Vec<_>>(),
            [
                ("sahkoposti".to_string(), "yleistunniste.sahkoposti"),
                ("henkilot".to_string(), "yleistunniste.no_rows"),
            ]
        );
    }

    #[test]
    fn no_hetu_in_debug_or_messages() {
        let r = row("t1", "010101A900X");
        let errors = row_errors(0, &r, Environment::Test);
        let text = format!("{r:?} {errors:?} {}", errors[0]);
        assert!(!text.contains("010101"), "{text}");
        for lang in [Lang::En, Lang::Fi, Lang::Sv] {
            assert!(!errors[0].message(lang).contains("010101"));
        }
    }
}
