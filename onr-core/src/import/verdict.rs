//! ONR's verdict on an import batch: the bean-validation rules of the DTOs and the
//! post-validator (`OppijaTuontiCreatePostValidator`), each error with ONR's field path, key
//! and message.
//!
//! # What ONR checks, in the order this module reports it
//!
//! Batch (`OppijaTuontiCreateDto`):
//!
//! | field | rule | key | ONR's message |
//! |---|---|---|---|
//! | `sahkoposti` | `""` | `Size` | `size must be between 1 and 2147483647` |
//! | `sahkoposti` | not [well-formed](super::email::is_well_formed) | `Email` | `must be a well-formed email address` |
//! | `henkilot` | null or `[]` | `NotEmpty` | `must not be empty` |
//!
//! Row *i* (bean validation; a `null` row is skipped by it):
//!
//! | field | rule | key | ONR's message |
//! |---|---|---|---|
//! | `henkilot[i].henkilo` | null | `NotNull` | `must not be null` |
//! | `henkilot[i].henkilo` | `oid`, `hetu`, `passinumero`, `sahkoposti` all null (`""` counts as given) | `ValidateAtLeastOneNotNull` | `Ainakin yksi kentistä oid/hetu/passinumero/sahkoposti on annettava` |
//! | `….oid`, `….passinumero`, `….sahkoposti` | `""` | `Size` | `size must be between 1 and 2147483647` |
//! | `….hetu` | non-empty and not valid for the environment (`""` passes) | `ValidateHetu` | `invalid.hetu` |
//! | `….sahkoposti` | not well-formed | `Email` | `must be a well-formed email address` |
//! | `….etunimet`, `….kutsumanimi`, `….sukunimi` | null or `""` (spaces pass) | `NotEmpty` | `must not be empty` |
//! | `….sukupuoli.koodi`, `….aidinkieli.koodi` | object given, `koodi` null | `NotNull` | `must not be null` |
//! | `….kansalaisuus` | null or `[]` | `NotEmpty` | `must not be empty` |
//! | `….kansalaisuus[]` | a `null` element (reported once) | `NotNull` | `must not be null` |
//! | `….kansalaisuus[j].koodi` | `koodi` null | `NotNull` | `must not be null` |
//!
//! Row *i*, post-validator (ONR runs it only when the whole batch passed bean validation):
//!
//! | field | rule | key | ONR's message |
//! |---|---|---|---|
//! | `….sukupuoli` | code not in koodisto `sukupuoli` | `invalid.sukupuoli` | `Tuntematon koodiston 'sukupuoli' koodi X` |
//! | `….aidinkieli` | code not in koodisto `kieli` (upper case) | `invalid.aidinkieli` | `Tuntematon koodiston 'kieli' koodi X` |
//! | `….kansalaisuus` | any code not in `maatjavaltiot2` | `invalid.kansalaisuus` | `Tuntematon koodiston 'maatjavaltiot2' koodit [X, Y]` (Java `HashSet` order) |
//! | `….hetu` | a citizenship `246` and `hetu` null (`""` passes) | `hetu.required.for.finnish` | none (ONR sends `null`) |
//!
//! The key is the error code ONR's Spring answer carries (`FieldError.getCode()`): the
//! annotation's simple name for bean validation, the validator's code for the
//! post-validator. Field paths are Spring's (`kansalaisuus[]` for a null element, whose
//! Hibernate path is `kansalaisuus[].<iterable element>`).
//!
//! # One row's errors
//!
//! [`Validator::row`] gives the errors ONR answers for a batch holding only that row (with a
//! valid batch e-mail): its bean-validation errors if it has any, otherwise its
//! post-validator errors. For a whole batch ONR answers every row's bean-validation errors
//! if any row has one, and only otherwise the post-validator's ([`OnrResponse`]).
//!
//! # Example
//!
//! ```
//! use onr_core::{Environment, import::{Koodi, RowPerson, Row, koodisto::Koodisto, verdict::Validator}};
//!
//! let koodisto = Koodisto::bundled();
//! let validator = Validator::new(Environment::Production, &koodisto);
//! let row = Row::new(RowPerson {
//!     hetu: Some(String::new()),
//!     etunimet: Some("Aino".into()),
//!     kutsumanimi: Some("Aino".into()),
//!     sukunimi: Some("Virtanen".into()),
//!     kansalaisuus: Some(vec![Some(Koodi::new("246"))]),
//!     ..RowPerson::default()
//! });
//! // The empty-hetu loophole: ONR accepts this row.
//! assert!(validator.row(0, Some(&row)).is_empty());
//!
//! let mut bad = row.clone();
//! bad.henkilo.as_mut().unwrap().hetu = Some("010101-123X".into());
//! let errors = validator.row(3, Some(&bad));
//! assert_eq!(errors[0].field, "henkilot[3].henkilo.hetu");
//! assert_eq!(errors[0].key(), "ValidateHetu");
//! assert_eq!(errors[0].onr_message().as_deref(), Some("invalid.hetu"));
//! ```

use std::fmt;

use crate::env::Environment;
use crate::error::{code_table, Category, Coded, Lang};
use crate::hetu::{Hetu, HetuError};

use super::email;
use super::java;
use super::koodisto::Koodisto;
use super::model::{Koodi, Row, RowPerson};

/// Which part of ONR gives an error.
///
/// # Example
///
/// ```
/// use onr_core::import::verdict::Stage;
/// assert_eq!(Stage::BeanValidation.as_str(), "bean_validation");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Stage {
    /// Jackson could not read the JSON into ONR's DTOs (HTTP 400, whole batch).
    Deserialization,
    /// Bean validation of the DTOs (HTTP 400, `MethodArgumentNotValidException`).
    BeanValidation,
    /// `OppijaTuontiCreatePostValidator` (HTTP 400 with `fieldErrors`).
    PostValidation,
    /// ONR fails with an internal error (HTTP 500).
    Server,
}

impl Stage {
    /// The stable name: `deserialization`, `bean_validation`, `post_validation`, `server`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Deserialization => "deserialization",
            Stage::BeanValidation => "bean_validation",
            Stage::PostValidation => "post_validation",
            Stage::Server => "server",
        }
    }

    /// The HTTP status ONR answers with.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::verdict::Stage;
    /// assert_eq!(Stage::PostValidation.http_status(), 400);
    /// assert_eq!(Stage::Server.http_status(), 500);
    /// ```
    pub const fn http_status(self) -> u16 {
        match self {
            Stage::Server => 500,
            _ => 400,
        }
    }
}

/// What is wrong, with the data ONR's message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OnrErrorKind {
    /// `@NotNull`: a required value is null.
    NotNull,
    /// `@NotEmpty`: a required string or list is null or empty.
    NotEmpty,
    /// `@Size(min = 1)`: an optional string is `""`.
    Size,
    /// `@Email`: not a well-formed e-mail address.
    Email,
    /// `@ValidateHetu`: not a valid hetu for the environment; the reason is ours.
    ValidateHetu(HetuError),
    /// `@ValidateAtLeastOneNotNull`: none of the four identifiers is given.
    AtLeastOneIdentifier,
    /// `invalid.sukupuoli`: the code is not in koodisto `sukupuoli`.
    InvalidSukupuoli {
        /// The code given.
        koodi: String,
    },
    /// `invalid.aidinkieli`: the code is not in koodisto `kieli`.
    InvalidAidinkieli {
        /// The code given.
        koodi: String,
    },
    /// `invalid.kansalaisuus`: codes not in koodisto `maatjavaltiot2`.
    InvalidKansalaisuus {
        /// The unknown codes, in the order ONR lists them.
        koodit: Vec<String>,
    },
    /// `hetu.required.for.finnish`: a Finnish citizen (`246`) without a hetu.
    HetuRequiredForFinnish,
    /// The JSON cannot be read into ONR's DTOs (wrong type, bad date); ONR rejects the whole
    /// request before validating anything.
    Unreadable {
        /// What is wrong, in English, without the value.
        detail: String,
        /// The message of ONR's reader (Jackson's), which ONR answers after `JSON parse
        /// error: `; it can quote the value.
        onr: Option<String>,
    },
    /// A `null` row: bean validation skips it and ONR's post-validator then fails with a
    /// `NullPointerException` (HTTP 500).
    NullRow,
}

/// One error of ONR's verdict: ONR's field path, key and message.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, import::verdict::{OnrError, OnrErrorKind}};
/// let e = OnrError::new("henkilot[0].henkilo.etunimet", OnrErrorKind::NotEmpty);
/// assert_eq!(e.key(), "NotEmpty");
/// assert_eq!(e.onr_message().as_deref(), Some("must not be empty"));
/// assert_eq!(e.code(), "import.not_empty");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnrError {
    /// ONR's field path, e.g. `henkilot[3].henkilo.hetu`.
    pub field: String,
    /// What is wrong.
    pub kind: OnrErrorKind,
}

const SIZE_MESSAGE: &str = "size must be between 1 and 2147483647";
const AT_LEAST_ONE: &str = "Ainakin yksi kentistä oid/hetu/passinumero/sahkoposti on annettava";

impl OnrError {
    /// An error at a field path.
    pub fn new(field: impl Into<String>, kind: OnrErrorKind) -> OnrError {
        OnrError {
            field: field.into(),
            kind,
        }
    }

    /// ONR's error key (Spring's error code), e.g. `NotEmpty`, `ValidateHetu`,
    /// `invalid.sukupuoli`, `hetu.required.for.finnish`.
    pub fn key(&self) -> &'static str {
        match self.kind {
            OnrErrorKind::NotNull => "NotNull",
            OnrErrorKind::NotEmpty => "NotEmpty",
            OnrErrorKind::Size => "Size",
            OnrErrorKind::Email => "Email",
            OnrErrorKind::ValidateHetu(_) => "ValidateHetu",
            OnrErrorKind::AtLeastOneIdentifier => "ValidateAtLeastOneNotNull",
            OnrErrorKind::InvalidSukupuoli { .. } => "invalid.sukupuoli",
            OnrErrorKind::InvalidAidinkieli { .. } => "invalid.aidinkieli",
            OnrErrorKind::InvalidKansalaisuus { .. } => "invalid.kansalaisuus",
            OnrErrorKind::HetuRequiredForFinnish => "hetu.required.for.finnish",
            OnrErrorKind::Unreadable { .. } => "HttpMessageNotReadableException",
            OnrErrorKind::NullRow => "NullPointerException",
        }
    }

    /// ONR's own message, exactly; `None` where ONR sends none (`hetu.required.for.finnish`
    /// has no default message). Koodisto messages quote the code given.
    pub fn onr_message(&self) -> Option<String> {
        Some(match &self.kind {
            OnrErrorKind::NotNull => "must not be null".into(),
            OnrErrorKind::NotEmpty => "must not be empty".into(),
            OnrErrorKind::Size => SIZE_MESSAGE.into(),
            OnrErrorKind::Email => "must be a well-formed email address".into(),
            OnrErrorKind::ValidateHetu(_) => "invalid.hetu".into(),
            OnrErrorKind::AtLeastOneIdentifier => AT_LEAST_ONE.into(),
            OnrErrorKind::InvalidSukupuoli { koodi } => {
                format!("Tuntematon koodiston 'sukupuoli' koodi {koodi}")
            }
            OnrErrorKind::InvalidAidinkieli { koodi } => {
                format!("Tuntematon koodiston 'kieli' koodi {koodi}")
            }
            OnrErrorKind::InvalidKansalaisuus { koodit } => {
                format!(
                    "Tuntematon koodiston 'maatjavaltiot2' koodit [{}]",
                    koodit.join(", ")
                )
            }
            OnrErrorKind::HetuRequiredForFinnish => return None,
            OnrErrorKind::Unreadable { detail, onr } => {
                format!("JSON parse error: {}", onr.as_deref().unwrap_or(detail))
            }
            OnrErrorKind::NullRow => return None,
        })
    }

    /// The part of ONR that gives the error.
    pub fn stage(&self) -> Stage {
        match self.kind {
            OnrErrorKind::InvalidSukupuoli { .. }
            | OnrErrorKind::InvalidAidinkieli { .. }
            | OnrErrorKind::InvalidKansalaisuus { .. }
            | OnrErrorKind::HetuRequiredForFinnish => Stage::PostValidation,
            OnrErrorKind::Unreadable { .. } => Stage::Deserialization,
            OnrErrorKind::NullRow => Stage::Server,
            _ => Stage::BeanValidation,
        }
    }
}

impl fmt::Display for OnrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message(Lang::En))
    }
}

impl std::error::Error for OnrError {}

code_table! {
    /// Every code of [`Coded::code`], for documentation and binding tests.
    OnrError {
        OnrError { kind: OnrErrorKind::NotNull, .. } => "import.not_null", Category::Length;
        OnrError { kind: OnrErrorKind::NotEmpty, .. } => "import.not_empty", Category::Length;
        OnrError { kind: OnrErrorKind::Size, .. } => "import.size", Category::Length;
        OnrError { kind: OnrErrorKind::Email, .. } => "import.email", Category::Format;
        OnrError { kind: OnrErrorKind::ValidateHetu(e), .. } => "import.invalid_hetu", e.category();
        OnrError { kind: OnrErrorKind::AtLeastOneIdentifier, .. } => "import.no_identifier", Category::Consistency;
        OnrError { kind: OnrErrorKind::InvalidSukupuoli { .. }, .. } => "import.invalid_sukupuoli", Category::Component;
        OnrError { kind: OnrErrorKind::InvalidAidinkieli { .. }, .. } => "import.invalid_aidinkieli", Category::Component;
        OnrError { kind: OnrErrorKind::InvalidKansalaisuus { .. }, .. } => "import.invalid_kansalaisuus", Category::Component;
        OnrError { kind: OnrErrorKind::HetuRequiredForFinnish, .. } => "import.hetu_required_for_finnish", Category::Consistency;
        OnrError { kind: OnrErrorKind::Unreadable { .. }, .. } => "import.unreadable", Category::Format;
        OnrError { kind: OnrErrorKind::NullRow, .. } => "import.null_row", Category::Consistency;
    }
}

impl Coded for OnrError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (&self.kind, lang) {
            (OnrErrorKind::NotNull, En) => "a required value is missing (null)".into(),
            (OnrErrorKind::NotNull, Fi) => "pakollinen arvo puuttuu (null)".into(),
            (OnrErrorKind::NotNull, Sv) => "ett obligatoriskt värde saknas (null)".into(),
            (OnrErrorKind::NotEmpty, En) => "required, must not be null or empty".into(),
            (OnrErrorKind::NotEmpty, Fi) => "pakollinen, ei saa olla tyhjä".into(),
            (OnrErrorKind::NotEmpty, Sv) => "obligatoriskt, får inte vara tomt".into(),
            (OnrErrorKind::Size, En) => "must be left out or not empty, found \"\"".into(),
            (OnrErrorKind::Size, Fi) => "jätä kenttä pois tai anna arvo, löytyi \"\"".into(),
            (OnrErrorKind::Size, Sv) => "utelämna fältet eller ge ett värde, hittade \"\"".into(),
            (OnrErrorKind::Email, En) => "not a well-formed e-mail address".into(),
            (OnrErrorKind::Email, Fi) => "virheellinen sähköpostiosoite".into(),
            (OnrErrorKind::Email, Sv) => "ogiltig e-postadress".into(),
            (OnrErrorKind::ValidateHetu(e), En) => format!("invalid hetu: {}", e.message(En)),
            (OnrErrorKind::ValidateHetu(e), Fi) => {
                format!("virheellinen henkilötunnus: {}", e.message(Fi))
            }
            (OnrErrorKind::ValidateHetu(e), Sv) => {
                format!("ogiltig personbeteckning: {}", e.message(Sv))
            }
            (OnrErrorKind::AtLeastOneIdentifier, En) => {
                "no identifier, expected at least one of oid, hetu, passinumero, sahkoposti".into()
            }
            (OnrErrorKind::AtLeastOneIdentifier, Fi) => {
                "tunniste puuttuu, anna ainakin yksi kentistä oid, hetu, passinumero, sahkoposti"
                    .into()
            }
            (OnrErrorKind::AtLeastOneIdentifier, Sv) => {
                "identifierare saknas, ange minst ett av fälten oid, hetu, passinumero, sahkoposti"
                    .into()
            }
            (OnrErrorKind::InvalidSukupuoli { koodi }, En) => {
                format!("unknown sex code `{koodi}`, expected 1 or 2")
            }
            (OnrErrorKind::InvalidSukupuoli { koodi }, Fi) => {
                format!("tuntematon sukupuolikoodi `{koodi}`, odotettiin 1 tai 2")
            }
            (OnrErrorKind::InvalidSukupuoli { koodi }, Sv) => {
                format!("okänd könskod `{koodi}`, 1 eller 2 förväntades")
            }
            (OnrErrorKind::InvalidAidinkieli { koodi }, En) => format!(
                "unknown language code `{koodi}` of koodisto kieli (the import expects upper case, e.g. FI, SV)"
            ),
            (OnrErrorKind::InvalidAidinkieli { koodi }, Fi) => format!(
                "tuntematon koodiston kieli koodi `{koodi}` (tuonti odottaa isoja kirjaimia, esim. FI, SV)"
            ),
            (OnrErrorKind::InvalidAidinkieli { koodi }, Sv) => format!(
                "okänd språkkod `{koodi}` i kodverket kieli (importen förväntar versaler, t.ex. FI, SV)"
            ),
            (OnrErrorKind::InvalidKansalaisuus { koodit }, En) => format!(
                "unknown citizenship codes of koodisto maatjavaltiot2: {}",
                koodit.join(", ")
            ),
            (OnrErrorKind::InvalidKansalaisuus { koodit }, Fi) => format!(
                "tuntemattomat koodiston maatjavaltiot2 kansalaisuuskoodit: {}",
                koodit.join(", ")
            ),
            (OnrErrorKind::InvalidKansalaisuus { koodit }, Sv) => format!(
                "okända medborgarskapskoder i kodverket maatjavaltiot2: {}",
                koodit.join(", ")
            ),
            (OnrErrorKind::HetuRequiredForFinnish, En) => {
                "a Finnish citizen (246) needs a hetu, found null".into()
            }
            (OnrErrorKind::HetuRequiredForFinnish, Fi) => {
                "Suomen kansalaiselta (246) vaaditaan henkilötunnus, löytyi null".into()
            }
            (OnrErrorKind::HetuRequiredForFinnish, Sv) => {
                "en finsk medborgare (246) måste ha personbeteckning, hittade null".into()
            }
            (OnrErrorKind::Unreadable { detail, .. }, En) => {
                format!("ONR cannot read the value: {detail}")
            }
            (OnrErrorKind::Unreadable { detail, .. }, Fi) => {
                format!("ONR ei pysty lukemaan arvoa: {detail}")
            }
            (OnrErrorKind::Unreadable { detail, .. }, Sv) => {
                format!("ONR kan inte läsa värdet: {detail}")
            }
            (OnrErrorKind::NullRow, En) => {
                "the row is null: ONR fails with an internal error (500)".into()
            }
            (OnrErrorKind::NullRow, Fi) => {
                "rivi on null: ONR kaatuu sisäiseen virheeseen (500)".into()
            }
            (OnrErrorKind::NullRow, Sv) => {
                "raden är null: ONR får ett internt fel (500)".into()
            }
        }
    }
}

/// ONR's validators for an environment and a koodisto snapshot.
///
/// # Example
///
/// ```
/// use onr_core::{Environment, import::{koodisto::Koodisto, verdict::Validator}};
/// let koodisto = Koodisto::bundled();
/// let v = Validator::new(Environment::Test, &koodisto);
/// let errors = v.batch(Some("makkara"), Some(1));
/// assert_eq!(errors[0].key(), "Email");
/// assert_eq!(v.batch(None, Some(0))[0].field, "henkilot");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Validator<'k> {
    env: Environment,
    koodisto: &'k Koodisto,
}

impl<'k> Validator<'k> {
    /// A validator for the environment (which decides whether temporary 9xx hetus are valid).
    pub fn new(env: Environment, koodisto: &'k Koodisto) -> Validator<'k> {
        Validator { env, koodisto }
    }

    /// The environment.
    pub fn env(&self) -> Environment {
        self.env
    }

    /// The koodisto snapshot.
    pub fn koodisto(&self) -> &'k Koodisto {
        self.koodisto
    }

    /// The batch-level errors: the notification e-mail, and `henkilot` being null (`None`)
    /// or empty (`Some(0)`).
    pub fn batch(&self, sahkoposti: Option<&str>, row_count: Option<usize>) -> Vec<OnrError> {
        let mut errors = Vec::new();
        if let Some(e) = sahkoposti {
            if e.is_empty() {
                errors.push(OnrError::new("sahkoposti", OnrErrorKind::Size));
            } else if !email::is_well_formed(e) {
                errors.push(OnrError::new("sahkoposti", OnrErrorKind::Email));
            }
        }
        if row_count.unwrap_or(0) == 0 {
            errors.push(OnrError::new("henkilot", OnrErrorKind::NotEmpty));
        }
        errors
    }

    /// The errors ONR answers for row `index` when it is the only row of a batch: its
    /// bean-validation errors, or if it has none, its post-validator errors. `None` is a
    /// `null` row.
    pub fn row(&self, index: usize, row: Option<&Row>) -> Vec<OnrError> {
        let mut errors = self.bean(index, row);
        if errors.is_empty() {
            errors = self.post(index, row);
        }
        errors
    }

    /// Bean validation of row `index` alone.
    pub fn bean(&self, index: usize, row: Option<&Row>) -> Vec<OnrError> {
        let mut errors = Vec::new();
        let Some(row) = row else {
            return errors; // @Valid skips null elements
        };
        let base = format!("henkilot[{index}].henkilo");
        let Some(p) = row.henkilo.as_ref() else {
            errors.push(OnrError::new(base, OnrErrorKind::NotNull));
            return errors;
        };
        let at = |field: &str| format!("{base}.{field}");
        if p.identifiers().next().is_none() {
            errors.push(OnrError::new(
                base.clone(),
                OnrErrorKind::AtLeastOneIdentifier,
            ));
        }
        if p.oid.as_deref() == Some("") {
            errors.push(OnrError::new(at("oid"), OnrErrorKind::Size));
        }
        if let Some(h) = p.hetu.as_deref().filter(|h| !h.is_empty()) {
            if let Err(e) = Hetu::parse(h, self.env) {
                errors.push(OnrError::new(at("hetu"), OnrErrorKind::ValidateHetu(e)));
            }
        }
        if p.passinumero.as_deref() == Some("") {
            errors.push(OnrError::new(at("passinumero"), OnrErrorKind::Size));
        }
        match p.sahkoposti.as_deref() {
            Some("") => errors.push(OnrError::new(at("sahkoposti"), OnrErrorKind::Size)),
            Some(e) if !email::is_well_formed(e) => {
                errors.push(OnrError::new(at("sahkoposti"), OnrErrorKind::Email))
            }
            _ => {}
        }
        for (name, value) in [
            ("etunimet", &p.etunimet),
            ("kutsumanimi", &p.kutsumanimi),
            ("sukunimi", &p.sukunimi),
        ] {
            if value.as_deref().map_or(true, str::is_empty) {
                errors.push(OnrError::new(at(name), OnrErrorKind::NotEmpty));
            }
        }
        for (name, value) in [("sukupuoli", &p.sukupuoli), ("aidinkieli", &p.aidinkieli)] {
            if matches!(value, Some(Koodi { koodi: None })) {
                errors.push(OnrError::new(
                    format!("{base}.{name}.koodi"),
                    OnrErrorKind::NotNull,
                ));
            }
        }
        match p.kansalaisuus.as_deref() {
            None | Some([]) => {
                errors.push(OnrError::new(at("kansalaisuus"), OnrErrorKind::NotEmpty))
            }
            Some(list) => {
                if list.iter().any(Option::is_none) {
                    errors.push(OnrError::new(
                        format!("{base}.kansalaisuus[]"),
                        OnrErrorKind::NotNull,
                    ));
                }
                for (j, k) in list.iter().enumerate() {
                    if matches!(k, Some(Koodi { koodi: None })) {
                        errors.push(OnrError::new(
                            format!("{base}.kansalaisuus[{j}].koodi"),
                            OnrErrorKind::NotNull,
                        ));
                    }
                }
            }
        }
        errors
    }

    /// The post-validator's errors for row `index`, for a row that passed bean validation.
    /// A `null` row gives [`OnrErrorKind::NullRow`] (ONR's post-validator fails on it).
    pub fn post(&self, index: usize, row: Option<&Row>) -> Vec<OnrError> {
        let mut errors = Vec::new();
        let Some(row) = row else {
            errors.push(OnrError::new(
                format!("henkilot[{index}]"),
                OnrErrorKind::NullRow,
            ));
            return errors;
        };
        let Some(p) = row.henkilo.as_ref() else {
            return errors;
        };
        let base = format!("henkilot[{index}].henkilo");
        self.post_person(&base, p, &mut errors);
        errors
    }

    fn post_person(&self, base: &str, p: &RowPerson, errors: &mut Vec<OnrError>) {
        let k = self.koodisto;
        if let Some(code) = p.sukupuoli.as_ref().and_then(|s| s.koodi.as_deref()) {
            if !k.sukupuoli.contains(code) {
                errors.push(OnrError::new(
                    format!("{base}.sukupuoli"),
                    OnrErrorKind::InvalidSukupuoli { koodi: code.into() },
                ));
            }
        }
        if let Some(code) = p.aidinkieli.as_ref().and_then(|s| s.koodi.as_deref()) {
            if !k.kieli.contains(code) {
                errors.push(OnrError::new(
                    format!("{base}.aidinkieli"),
                    OnrErrorKind::InvalidAidinkieli { koodi: code.into() },
                ));
            }
        }
        if p.kansalaisuus.is_some() {
            // ONR collects the codes into a HashSet, then the unknown ones into another.
            let given = java::hash_set_order(p.kansalaisuus_codes());
            let unknown =
                java::hash_set_order(given.into_iter().filter(|c| !k.maatjavaltiot2.contains(c)));
            if !unknown.is_empty() {
                errors.push(OnrError::new(
                    format!("{base}.kansalaisuus"),
                    OnrErrorKind::InvalidKansalaisuus {
                        koodit: unknown.into_iter().map(str::to_owned).collect(),
                    },
                ));
            }
            if p.hetu.is_none() && p.kansalaisuus_codes().any(|c| c == FINLAND) {
                errors.push(OnrError::new(
                    format!("{base}.hetu"),
                    OnrErrorKind::HetuRequiredForFinnish,
                ));
            }
        }
    }
}

/// The citizenship code of Finland (`Kansalaisuus.SUOMI`).
pub const FINLAND: &str = "246";

/// What ONR answers to a whole batch (`PUT /oppija`), from the errors of its rows.
///
/// # Example
///
/// ```
/// use onr_core::import::verdict::{OnrResponse, Stage};
/// let mut r = OnrResponse::default();
/// assert!(r.is_accepted());
/// r.add_row_stage(Stage::PostValidation);
/// r.add_row_stage(Stage::BeanValidation);
/// assert_eq!(r.stage(), Some(Stage::BeanValidation));
/// assert_eq!(r.http_status(), 400);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OnrResponse {
    worst: Option<Stage>,
}

impl OnrResponse {
    /// Records that a row (or the batch header) has an error of this stage.
    pub fn add_row_stage(&mut self, stage: Stage) {
        let rank = |s: Stage| match s {
            Stage::Deserialization => 0,
            Stage::BeanValidation => 1,
            Stage::Server => 2,
            Stage::PostValidation => 3,
        };
        self.worst = Some(match self.worst {
            Some(w) if rank(w) <= rank(stage) => w,
            _ => stage,
        });
    }

    /// The stage whose errors ONR answers with: deserialization before bean validation, bean
    /// validation before the post-validator (which fails on a null row first); `None` when
    /// ONR accepts the batch.
    pub fn stage(&self) -> Option<Stage> {
        self.worst
    }

    /// Whether ONR accepts the batch.
    pub fn is_accepted(&self) -> bool {
        self.worst.is_none()
    }

    /// The HTTP status ONR answers with: 200, 400 or 500.
    pub fn http_status(&self) -> u16 {
        self.worst.map_or(200, Stage::http_status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Row {
        Row {
            tunniste: Some("testi".into()),
            henkilo: Some(RowPerson {
                hetu: Some("030296-976T".into()),
                etunimet: Some("testi".into()),
                kutsumanimi: Some("testi".into()),
                sukunimi: Some("testi".into()),
                kansalaisuus: Some(vec![Some(Koodi::new("246"))]),
                ..RowPerson::default()
            }),
            conflict: None,
        }
    }

    fn messages(errors: &[OnrError]) -> Vec<String> {
        errors
            .iter()
            .map(|e| e.onr_message().unwrap_or_default())
            .collect()
    }

    #[test]
    fn rule_size_rejects_empty_optional_strings() {
        let k = Koodisto::bundled();
        let v = Validator::new(Environment::Test, &k);
        let mut row = valid();
        row.henkilo.as_mut().unwrap().oid = Some(String::new());
        let e = v.row(0, Some(&row));
        assert_eq!(e[0].field, "henkilot[0].henkilo.oid");
        assert_eq!(messages(&e), [SIZE_MESSAGE]);
    }

    #[test]
    fn rule_kansalaisuus_null_element_reported_once() {
        let k = Koodisto::bundled();
        let v = Validator::new(Environment::Test, &k);
        let mut row = valid();
        row.henkilo.as_mut().unwrap().kansalaisuus =
            Some(vec![None, Some(Koodi { koodi: None }), None]);
        let e = v.row(2, Some(&row));
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "henkilot[2].henkilo.kansalaisuus[]",
                "henkilot[2].henkilo.kansalaisuus[1].koodi"
            ]
        );
    }

    #[test]
    fn rule_invalid_kansalaisuus_lists_codes_in_java_set_order() {
        let k = Koodisto::bundled();
        let v = Validator::new(Environment::Test, &k);
        let mut row = valid();
        row.henkilo.as_mut().unwrap().kansalaisuus = Some(
            ["foo", "246", "bar", "foo"]
                .into_iter()
                .map(|c| Some(Koodi::new(c)))
                .collect(),
        );
        let e = v.row(0, Some(&row));
        assert_eq!(
            messages(&e),
            ["Tuntematon koodiston 'maatjavaltiot2' koodit [bar, foo]"]
        );
    }

    #[test]
    fn rule_post_validation_waits_for_bean_validation() {
        let k = Koodisto::bundled();
        let v = Validator::new(Environment::Test, &k);
        let mut row = valid();
        let p = row.henkilo.as_mut().unwrap();
        p.etunimet = None;
        p.sukupuoli = Some(Koodi::new("3"));
        let e = v.row(0, Some(&row));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].key(), "NotEmpty");
        // Once the bean error is fixed, the post-validator speaks.
        row.henkilo.as_mut().unwrap().etunimet = Some("x".into());
        assert_eq!(v.row(0, Some(&row))[0].key(), "invalid.sukupuoli");
    }

    #[test]
    fn rule_null_row_is_a_server_error() {
        let k = Koodisto::bundled();
        let v = Validator::new(Environment::Test, &k);
        let e = v.row(4, None);
        assert_eq!(e[0].field, "henkilot[4]");
        assert_eq!(e[0].stage(), Stage::Server);
    }

    #[test]
    fn codes_are_unique_and_messages_complete() {
        let mut codes = OnrError::ALL_CODES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), OnrError::ALL_CODES.len());
        let e = OnrError::new("x", OnrErrorKind::HetuRequiredForFinnish);
        for lang in Lang::ALL {
            assert!(!e.message(lang).is_empty());
        }
    }
}
