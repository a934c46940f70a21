//! CHECKS (ONR's other validators a client can run locally): contact e-mail, asiointikieli,
//! hetu and eIDAS, the existence check's fields, and the three kutsumanimi rules.
//!
//! None of these is part of the import's verdict; they are what ONR's person create and
//! update endpoints, find-or-create and the existence check (`POST /henkilo/exists`,
//! `PUT /yleistunniste`) apply.
//!
//! * Contact e-mail ([`is_valid_contact_email`]): the strict rule with a top-level domain;
//!   ONR answers "Invalid address data".
//! * Asiointikieli, the language of service ([`is_valid_asiointikieli`]): `fi`, `sv` or `en`
//!   exactly (lower case), else `invalid.asiointikieli`.
//! * Hetu and eIDAS identifier are mutually exclusive ([`check_hetu_eidas`]): find-or-create
//!   refuses both non-null ("Cannot findOrCreate henkilo with both hetu and eidasTunniste", an
//!   empty hetu counts as given) and the create validator refuses an eIDAS identifier with a
//!   hetu (`eidas.and.hetu.not.allowed`).
//! * The existence check ([`existence_check`]): all four fields non-empty; names are groups of
//!   visible characters separated by single ASCII spaces (no leading, trailing or double
//!   spaces, no tabs or no-break spaces), kutsumanimi a single group; a valid hetu; and the
//!   kutsumanimi one of the first-name tokens.
//! * Kutsumanimi ([`kutsumanimi_is_valid`]) under the three rules ONR has ([`KutsumanimiRule`]).
//!
//! # Example
//!
//! ```
//! use onr_core::import::person_rules::{self, KutsumanimiRule};
//!
//! assert!(person_rules::is_valid_asiointikieli("sv"));
//! assert!(!person_rules::is_valid_asiointikieli("SV"));
//! assert!(person_rules::kutsumanimi_is_valid(KutsumanimiRule::Service, "Anna-Liisa Milla", "Liisa Milla"));
//! assert!(!person_rules::kutsumanimi_is_valid(KutsumanimiRule::ExistenceCheck, "Anna-Liisa Milla", "Liisa Milla"));
//! ```

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;

use crate::env::Environment;
use crate::error::{code_table, Category, Coded, Lang};
use crate::hetu::Hetu;

use super::email;

/// Whether ONR accepts `value` as a contact e-mail address (`YHTEYSTIETO_SAHKOPOSTI`); see
/// [`email::is_valid_contact`].
///
/// # Example
///
/// ```
/// use onr_core::import::person_rules::is_valid_contact_email;
/// assert!(is_valid_contact_email("test@test.test"));
/// assert!(!is_valid_contact_email("test@test"));
/// ```
pub fn is_valid_contact_email(value: &str) -> bool {
    email::is_valid_contact(value)
}

/// Whether ONR accepts the asiointikieli code: `fi`, `sv` or `en`, exactly (ONR's
/// `@ValidateAsiointikieli`; a null code passes and is not asked here).
///
/// # Example
///
/// ```
/// use onr_core::import::person_rules::is_valid_asiointikieli;
/// assert!(is_valid_asiointikieli("en"));
/// assert!(!is_valid_asiointikieli("FI"));
/// assert!(!is_valid_asiointikieli("fi "));
/// ```
pub fn is_valid_asiointikieli(code: &str) -> bool {
    matches!(code, "fi" | "sv" | "en")
}

/// A rule of ONR's person validators broken.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, import::person_rules::{check_hetu_eidas, CheckError, Operation}};
/// let err = check_hetu_eidas(Some(""), true, Operation::FindOrCreate).unwrap_err();
/// assert_eq!(err, CheckError::HetuAndEidasTunniste);
/// assert_eq!(err.onr_message(), "Cannot findOrCreate henkilo with both hetu and eidasTunniste");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    /// Find-or-create with both a hetu and an eIDAS identifier (`invalid.perustieto`).
    #[error("{}", self.message(Lang::En))]
    HetuAndEidasTunniste,
    /// Creating an eIDAS-identified person who has a hetu (`eidas.and.hetu.not.allowed`).
    #[error("{}", self.message(Lang::En))]
    EidasAndHetu,
    /// Asiointikieli not `fi`, `sv` or `en` (`invalid.asiointikieli`).
    #[error("{}", self.message(Lang::En))]
    Asiointikieli,
}

impl CheckError {
    /// ONR's error key.
    pub fn key(&self) -> &'static str {
        match self {
            CheckError::HetuAndEidasTunniste => "invalid.perustieto",
            CheckError::EidasAndHetu => "eidas.and.hetu.not.allowed",
            CheckError::Asiointikieli => "invalid.asiointikieli",
        }
    }

    /// ONR's message.
    pub fn onr_message(&self) -> &'static str {
        match self {
            CheckError::HetuAndEidasTunniste => {
                "Cannot findOrCreate henkilo with both hetu and eidasTunniste"
            }
            CheckError::EidasAndHetu => "Henkilöllä on hetu, eIDAS-yksilöintiä ei voida tehdä",
            CheckError::Asiointikieli => "invalid.asiointikieli",
        }
    }
}

code_table! {
    /// Every code of [`CheckError`], in the order of its variants.
    CheckError {
        CheckError::HetuAndEidasTunniste => "check.hetu_and_eidas", Category::Consistency;
        CheckError::EidasAndHetu => "check.eidas_and_hetu", Category::Consistency;
        CheckError::Asiointikieli => "check.asiointikieli", Category::Component;
    }
}

impl Coded for CheckError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (self, lang) {
            (CheckError::HetuAndEidasTunniste, En) => "both a hetu and an eIDAS identifier given, expected one of them (an empty hetu counts as given)",
            (CheckError::HetuAndEidasTunniste, Fi) => "sekä henkilötunnus että eIDAS-tunniste annettu, odotettiin vain toista (tyhjäkin henkilötunnus lasketaan)",
            (CheckError::HetuAndEidasTunniste, Sv) => "både personbeteckning och eIDAS-identifierare angivna, bara den ena förväntades (även en tom personbeteckning räknas)",
            (CheckError::EidasAndHetu, En) => "an eIDAS-identified person must not have a hetu",
            (CheckError::EidasAndHetu, Fi) => "eIDAS-tunnistetulla henkilöllä ei saa olla henkilötunnusta",
            (CheckError::EidasAndHetu, Sv) => "en eIDAS-identifierad person får inte ha personbeteckning",
            (CheckError::Asiointikieli, En) => "invalid language of service, expected fi, sv or en (lower case)",
            (CheckError::Asiointikieli, Fi) => "virheellinen asiointikieli, odotettiin fi, sv tai en (pienin kirjaimin)",
            (CheckError::Asiointikieli, Sv) => "ogiltigt ärendespråk, fi, sv eller en förväntades (gemener)",
        }
        .into()
    }
}

/// Where a hetu and an eIDAS identifier meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `findOrCreateHenkiloFromPerustietoDto` (`/s2s/findOrCreateHenkiloPerustieto`):
    /// any non-null hetu conflicts with an eIDAS identifier.
    FindOrCreate,
    /// `HenkiloCreatePostValidator` (`POST /henkilo`): a non-null hetu conflicts with eIDAS
    /// identifiers.
    Create,
}

/// Checks that a hetu and an eIDAS identifier are not both given.
///
/// # Errors
///
/// [`CheckError::HetuAndEidasTunniste`] (find-or-create) or [`CheckError::EidasAndHetu`]
/// (create) when `hetu` is non-null (even `""`) and `has_eidas` is true.
///
/// # Example
///
/// ```
/// use onr_core::import::person_rules::{check_hetu_eidas, Operation};
/// assert!(check_hetu_eidas(None, true, Operation::Create).is_ok());
/// assert!(check_hetu_eidas(Some("010101A900R"), false, Operation::Create).is_ok());
/// assert!(check_hetu_eidas(Some("010101A900R"), true, Operation::Create).is_err());
/// ```
pub fn check_hetu_eidas(
    hetu: Option<&str>,
    has_eidas: bool,
    operation: Operation,
) -> Result<(), CheckError> {
    match (hetu, has_eidas, operation) {
        (Some(_), true, Operation::FindOrCreate) => Err(CheckError::HetuAndEidasTunniste),
        (Some(_), true, Operation::Create) => Err(CheckError::EidasAndHetu),
        _ => Ok(()),
    }
}

/// Checks an asiointikieli code; null passes.
///
/// # Errors
///
/// [`CheckError::Asiointikieli`] for anything but `fi`, `sv`, `en`.
///
/// # Example
///
/// ```
/// use onr_core::import::person_rules::check_asiointikieli;
/// assert!(check_asiointikieli(None).is_ok());
/// assert!(check_asiointikieli(Some("FI")).is_err());
/// ```
pub fn check_asiointikieli(code: Option<&str>) -> Result<(), CheckError> {
    match code {
        Some(c) if !is_valid_asiointikieli(c) => Err(CheckError::Asiointikieli),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Kutsumanimi
// ---------------------------------------------------------------------------------------------

/// The three kutsumanimi (nickname) rules found in ONR.
///
/// # Example
///
/// ```
/// use onr_core::import::person_rules::{kutsumanimi_is_valid, KutsumanimiRule::*};
/// // The service accepts a run of whole names, the UI a hyphen-joined part.
/// assert!(kutsumanimi_is_valid(Service, "Anna-Liisa", "Anna Liisa"));
/// assert!(!kutsumanimi_is_valid(Ui, "Anna-Liisa", "Anna Liisa"));
/// assert!(kutsumanimi_is_valid(Ui, "Anna-Liisa-Milla", "Liisa-Milla"));
/// assert!(!kutsumanimi_is_valid(Service, "Anna-Liisa-Milla", "Liisa-Milla"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum KutsumanimiRule {
    /// ONR's service rule (`KutsumanimiValidator`, person create/update, VTJ updates): equal
    /// to etunimet, or case-insensitively equal to a contiguous run of the first names split
    /// at spaces, or of the first names split at spaces and hyphens, joined by single spaces.
    #[default]
    Service,
    /// The existence check's rule (`HenkiloExistenceCheckDto.isNicknameOk`): one of the
    /// first names split at whitespace, or a hyphen-separated part of one, case-insensitively.
    ExistenceCheck,
    /// The UI's rule (`KutsumanimiValidator.ts`): a case-insensitive substring of etunimet
    /// that starts and ends at the ends or next to a space or hyphen.
    Ui,
}

impl KutsumanimiRule {
    /// The stable name: `service`, `existence_check`, `ui`.
    pub const fn as_str(self) -> &'static str {
        match self {
            KutsumanimiRule::Service => "service",
            KutsumanimiRule::ExistenceCheck => "existence_check",
            KutsumanimiRule::Ui => "ui",
        }
    }
}

impl fmt::Display for KutsumanimiRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for KutsumanimiRule {
    type Err = UnknownRule;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "service" => Ok(KutsumanimiRule::Service),
            "existence_check" | "existence-check" => Ok(KutsumanimiRule::ExistenceCheck),
            "ui" => Ok(KutsumanimiRule::Ui),
            _ => Err(UnknownRule),
        }
    }
}

/// The error of parsing a [`KutsumanimiRule`] name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kutsumanimi rule, expected `service`, `existence_check` or `ui`")]
pub struct UnknownRule;

/// Java's `String.split` with a one-character delimiter set: empty tokens kept except the
/// trailing ones; an input without delimiters is one token (even `""`).
fn java_split(s: &str, delim: impl Fn(char) -> bool) -> Vec<&str> {
    let mut parts: Vec<&str> = s.split(delim).collect();
    if parts.len() > 1 {
        while parts.last() == Some(&"") {
            parts.pop();
        }
    }
    parts
}

/// Whether `kutsumanimi` is valid for `etunimet` under `rule`.
///
/// # Example
///
/// ```
/// use onr_core::import::person_rules::{kutsumanimi_is_valid, KutsumanimiRule};
/// let rule = KutsumanimiRule::Service;
/// let etunimet = "Anna-Liisa Milla Karoliina Anitra Kristiina";
/// for ok in ["Anna", "Liisa", "Anna-Liisa", "Anna Liisa", "Liisa Milla", "Milla Karoliina Anitra Kristiina"] {
///     assert!(kutsumanimi_is_valid(rule, etunimet, ok), "{ok}");
/// }
/// for bad in ["Karo", "liina", "Sanna", "Anna Milla", "Liisa Anna"] {
///     assert!(!kutsumanimi_is_valid(rule, etunimet, bad), "{bad}");
/// }
/// ```
pub fn kutsumanimi_is_valid(rule: KutsumanimiRule, etunimet: &str, kutsumanimi: &str) -> bool {
    match rule {
        KutsumanimiRule::Service => service_rule(etunimet, kutsumanimi),
        KutsumanimiRule::ExistenceCheck => {
            let nick = kutsumanimi.to_lowercase();
            crate::similarity::name_match::first_name_tokens(etunimet).contains(&nick)
        }
        KutsumanimiRule::Ui => ui_rule(etunimet, kutsumanimi),
    }
}

fn service_rule(etunimet: &str, kutsumanimi: &str) -> bool {
    if etunimet == kutsumanimi {
        return true;
    }
    let lower = etunimet.to_lowercase();
    let nick = kutsumanimi.to_lowercase();
    let runs_match = |tokens: Vec<&str>| {
        let tokens: Vec<&str> = tokens.into_iter().map(super::java::trim).collect();
        (0..tokens.len()).any(|start| {
            let mut joined = String::new();
            tokens[start..].iter().enumerate().any(|(i, t)| {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(t);
                joined.to_lowercase() == nick
            })
        })
    };
    runs_match(java_split(&lower, |c| c == ' '))
        || runs_match(java_split(&lower, |c| c == ' ' || c == '-'))
}

fn ui_rule(etunimet: &str, kutsumanimi: &str) -> bool {
    if etunimet.is_empty() || kutsumanimi.is_empty() {
        return false;
    }
    let (e, k) = (etunimet.to_lowercase(), kutsumanimi.to_lowercase());
    let sep = |c: Option<char>| matches!(c, None | Some(' ') | Some('-'));
    e.match_indices(k.as_str())
        .any(|(i, m)| sep(e[..i].chars().next_back()) && sep(e[i + m.len()..].chars().next()))
        || {
            // Overlapping occurrences, which match_indices skips.
            e.char_indices().any(|(i, _)| {
                e[i..].starts_with(k.as_str())
                    && sep(e[..i].chars().next_back())
                    && sep(e[i + k.len()..].chars().next())
            })
        }
}

// ---------------------------------------------------------------------------------------------
// Existence check
// ---------------------------------------------------------------------------------------------

/// One violation of the existence check's rules (`HenkiloExistenceCheckDto`): ONR's field and
/// message.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, import::person_rules::{existence_check, ExistenceCheckField}, Environment};
/// let errors = existence_check(Some("a b c "), Some("b"), Some("d"), Some("230668-003A"), Environment::Production);
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors[0].field, ExistenceCheckField::Etunimet);
/// assert_eq!(errors[0].onr_message(), "Invalid pattern. Must contain an alphabetic character.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExistenceCheckError {
    /// The field.
    pub field: ExistenceCheckField,
    /// What is wrong.
    pub kind: ExistenceCheckKind,
}

/// The fields of the existence check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExistenceCheckField {
    /// `etunimet`.
    Etunimet,
    /// `kutsumanimi`.
    Kutsumanimi,
    /// `sukunimi`.
    Sukunimi,
    /// `hetu`.
    Hetu,
    /// `nicknameOk` (the kutsumanimi-in-etunimet rule).
    NicknameOk,
}

impl ExistenceCheckField {
    /// ONR's property name.
    pub const fn as_str(self) -> &'static str {
        match self {
            ExistenceCheckField::Etunimet => "etunimet",
            ExistenceCheckField::Kutsumanimi => "kutsumanimi",
            ExistenceCheckField::Sukunimi => "sukunimi",
            ExistenceCheckField::Hetu => "hetu",
            ExistenceCheckField::NicknameOk => "nicknameOk",
        }
    }
}

/// What is wrong with an existence-check field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExistenceCheckKind {
    /// Null or `""`.
    Empty,
    /// Not groups of visible characters separated by single spaces (for kutsumanimi: not a
    /// single group).
    Pattern,
    /// Not a valid hetu.
    Hetu,
    /// Kutsumanimi not one of the first-name tokens.
    Nickname,
}

impl ExistenceCheckError {
    /// ONR's message.
    pub fn onr_message(&self) -> &'static str {
        match (self.kind, self.field) {
            (ExistenceCheckKind::Empty, _) => "Cannot be empty",
            (ExistenceCheckKind::Pattern, ExistenceCheckField::Etunimet) => {
                "Invalid pattern. Must contain an alphabetic character."
            }
            (ExistenceCheckKind::Pattern, _) => {
                "Invalid pattern. Must contain an alphabetic character"
            }
            (ExistenceCheckKind::Hetu, _) => "invalid.hetu",
            (ExistenceCheckKind::Nickname, _) => "Nick name must be one of the first names",
        }
    }
}

impl fmt::Display for ExistenceCheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.as_str(), self.message(Lang::En))
    }
}

code_table! {
    /// Every code of [`ExistenceCheckError`], in the order of its variants.
    ExistenceCheckError {
        ExistenceCheckError { kind: ExistenceCheckKind::Empty, .. } => "existence_check.empty", Category::Length;
        ExistenceCheckError { kind: ExistenceCheckKind::Pattern, .. } => "existence_check.pattern", Category::Format;
        ExistenceCheckError { kind: ExistenceCheckKind::Hetu, .. } => "existence_check.hetu", Category::Format;
        ExistenceCheckError { kind: ExistenceCheckKind::Nickname, .. } => "existence_check.nickname", Category::Consistency;
    }
}

impl Coded for ExistenceCheckError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (self.kind, lang) {
            (ExistenceCheckKind::Empty, En) => "required, must not be empty",
            (ExistenceCheckKind::Empty, Fi) => "pakollinen, ei saa olla tyhjä",
            (ExistenceCheckKind::Empty, Sv) => "obligatoriskt, får inte vara tomt",
            (ExistenceCheckKind::Pattern, En) => "expected visible characters separated by single spaces, without leading or trailing spaces (kutsumanimi: no spaces)",
            (ExistenceCheckKind::Pattern, Fi) => "odotettiin näkyviä merkkejä yksittäisin välilyönnein erotettuina, ei alussa tai lopussa välilyöntejä (kutsumanimessä ei välilyöntejä)",
            (ExistenceCheckKind::Pattern, Sv) => "synliga tecken åtskilda av enkla mellanslag förväntades, inga inledande eller avslutande mellanslag (tilltalsnamn: inga mellanslag)",
            (ExistenceCheckKind::Hetu, En) => "invalid hetu",
            (ExistenceCheckKind::Hetu, Fi) => "virheellinen henkilötunnus",
            (ExistenceCheckKind::Hetu, Sv) => "ogiltig personbeteckning",
            (ExistenceCheckKind::Nickname, En) => "kutsumanimi must be one of the first names",
            (ExistenceCheckKind::Nickname, Fi) => "kutsumanimen on oltava yksi etunimistä",
            (ExistenceCheckKind::Nickname, Sv) => "tilltalsnamnet måste vara ett av förnamnen",
        }
        .into()
    }
}

fn names_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[^\p{White_Space}\p{Cc}\p{Cn}]+(?: [^\p{White_Space}\p{Cc}\p{Cn}]+)*$")
            .expect("names pattern")
    })
}

fn single_name_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[^\p{White_Space}\p{Cc}\p{Cn}]+$").expect("name pattern"))
}

/// Whether ONR's existence check accepts `value` as etunimet or sukunimi (`multi = true`) or
/// as kutsumanimi (`multi = false`): visible characters, groups separated by single ASCII
/// spaces. The message claims a letter is needed, but `123` passes.
///
/// # Example
///
/// ```
/// use onr_core::import::person_rules::existence_check_name_is_valid;
/// assert!(existence_check_name_is_valid("X Æ A-12", true));
/// assert!(existence_check_name_is_valid("123", true));
/// assert!(!existence_check_name_is_valid("a  b", true));
/// assert!(!existence_check_name_is_valid("a\u{a0}b", true));
/// assert!(!existence_check_name_is_valid("a b", false));
/// ```
pub fn existence_check_name_is_valid(value: &str, multi: bool) -> bool {
    if multi {
        names_pattern().is_match(value)
    } else {
        single_name_pattern().is_match(value)
    }
}

/// All violations of the existence check's DTO rules, in field order etunimet, kutsumanimi,
/// sukunimi, hetu, nicknameOk.
///
/// # Example
///
/// ```
/// use onr_core::{import::person_rules::existence_check, Environment};
/// let ok = existence_check(Some("X Æ A-12"), Some("Æ"), Some("Musk"), Some("230668-003A"), Environment::Production);
/// assert!(ok.is_empty());
/// let bad = existence_check(Some("aa bb cc"), Some("b"), Some("d"), Some("230668-003A"), Environment::Production);
/// assert_eq!(bad[0].onr_message(), "Nick name must be one of the first names");
/// ```
pub fn existence_check(
    etunimet: Option<&str>,
    kutsumanimi: Option<&str>,
    sukunimi: Option<&str>,
    hetu: Option<&str>,
    env: Environment,
) -> Vec<ExistenceCheckError> {
    use ExistenceCheckField as F;
    use ExistenceCheckKind as K;
    let mut errors = Vec::new();
    let mut push = |field, kind| errors.push(ExistenceCheckError { field, kind });
    for (field, value, multi) in [
        (F::Etunimet, etunimet, true),
        (F::Kutsumanimi, kutsumanimi, false),
        (F::Sukunimi, sukunimi, true),
    ] {
        match value {
            None => push(field, K::Empty),
            Some(v) => {
                if v.is_empty() {
                    push(field, K::Empty);
                }
                if !existence_check_name_is_valid(v, multi) {
                    push(field, K::Pattern);
                }
            }
        }
    }
    match hetu {
        None | Some("") => push(F::Hetu, K::Empty),
        Some(h) => {
            if Hetu::parse(h, env).is_err() {
                push(F::Hetu, K::Hetu);
            }
        }
    }
    let nickname_ok = match (etunimet, kutsumanimi) {
        (Some(e), Some(k)) => kutsumanimi_is_valid(KutsumanimiRule::ExistenceCheck, e, k),
        _ => false,
    };
    if !nickname_ok {
        push(F::NicknameOk, K::Nickname);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use KutsumanimiRule::*;

    #[test]
    fn kutsumanimi_service_rule_onr_test_vectors() {
        let e = "Anna-Liisa Milla Karoliina Anitra Kristiina";
        for ok in [
            "Anna",
            "Liisa",
            "Anna-Liisa",
            "Milla",
            "Karoliina",
            "Anitra",
            "Kristiina",
            "Anna Liisa",
            "Liisa Milla",
            "Anna-Liisa Milla",
            "Milla Karoliina",
            "Karoliina Anitra",
            "Anitra Kristiina",
            "Anna-Liisa Milla Karoliina",
            "Liisa Milla Karoliina",
            "Karoliina Anitra Kristiina",
            "Anna-Liisa Milla Karoliina Anitra",
            "Milla Karoliina Anitra Kristiina",
            "Anna Liisa Milla Karoliina",
            "Liisa Milla Karoliina Anitra",
            "Anna Liisa Milla Karoliina Anitra",
            "Liisa Milla Karoliina Anitra Kristiina",
            "Anna Liisa Milla Karoliina Anitra Kristiina",
        ] {
            assert!(kutsumanimi_is_valid(Service, e, ok), "{ok}");
        }
        for bad in [
            "Karo",
            "liina",
            "iisa",
            "Sanna",
            "Anna Milla",
            "Milla Anitra",
            "Liisa Anna",
        ] {
            assert!(!kutsumanimi_is_valid(Service, e, bad), "{bad}");
        }
        let e2 = "Anna Liisa Milla-Karoliina Anitra-Kristiina";
        for ok in [
            "Anna",
            "Liisa",
            "Milla-Karoliina",
            "Milla",
            "Karoliina",
            "Anitra-Kristiina",
            "Anitra",
            "Kristiina",
        ] {
            assert!(kutsumanimi_is_valid(Service, e2, ok), "{ok}");
        }
        assert!(kutsumanimi_is_valid(Service, "AnnaFIA Fia-Maarit", "Fia"));
        assert!(kutsumanimi_is_valid(Service, "Manh Man", "Man"));
        assert!(kutsumanimi_is_valid(Service, "Matti ", "Matti "));
        for ok in ["jorma", "Teppo", "jorma Teppo"] {
            assert!(kutsumanimi_is_valid(Service, "Jorma teppo", ok), "{ok}");
        }
        // Java's split keeps a leading empty token: " Anna" gives ["", "anna"], so " anna" is a run.
        assert!(kutsumanimi_is_valid(Service, " Anna", " anna"));
        // Computed with ONR's class.
        assert!(!kutsumanimi_is_valid(
            Service,
            "Anna-Liisa-Milla",
            "Liisa-Milla"
        ));
        assert!(kutsumanimi_is_valid(
            Service,
            "Jean-Pierre Paul",
            "Pierre Paul"
        ));
        assert!(!kutsumanimi_is_valid(
            Service,
            "Jean-Pierre Paul",
            "Jean Paul"
        ));
        assert!(!kutsumanimi_is_valid(Service, "Anna\tLiisa", "Liisa"));
        assert!(!kutsumanimi_is_valid(Service, "Matti", "Matti "));
    }

    #[test]
    fn kutsumanimi_existence_check_rule_onr_test_vectors() {
        assert!(kutsumanimi_is_valid(ExistenceCheck, "a b c", "b"));
        assert!(kutsumanimi_is_valid(ExistenceCheck, "a b c", "B"));
        assert!(!kutsumanimi_is_valid(ExistenceCheck, "aa bb cc", "b"));
        for ok in ["Æ", "12", "A-12"] {
            assert!(kutsumanimi_is_valid(ExistenceCheck, "X Æ A-12", ok), "{ok}");
        }
    }

    #[test]
    fn kutsumanimi_ui_rule_differs_from_service() {
        assert!(kutsumanimi_is_valid(Ui, "Anna-Liisa-Milla", "Liisa-Milla"));
        assert!(!kutsumanimi_is_valid(Ui, "Anna-Liisa", "Anna Liisa"));
        assert!(kutsumanimi_is_valid(Ui, "anna anna", "Anna"));
        assert!(!kutsumanimi_is_valid(Ui, "", ""));
    }

    #[test]
    fn existence_check_name_pattern_onr_test_vectors() {
        let env = Environment::Production;
        let hetu = Some("230668-003A");
        for (e, k, s) in [
            ("a b c", "b", "d"),
            ("X Æ A-12", "Æ", "Musk"),
            ("a b c", "B", "d"),
            ("X Æ A-12", "12", "Musk"),
            ("X Æ A-12", "A-12", "Musk"),
        ] {
            assert!(
                existence_check(Some(e), Some(k), Some(s), hetu, env).is_empty(),
                "{e}/{k}/{s}"
            );
        }
        type Case<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let invalid: [Case; 14] = [
            (Some("a b c"), Some("b"), Some("d"), None),
            (Some("a b c"), Some("b"), Some("d"), Some("230668-003B")),
            (None, Some("b"), Some("d"), hetu),
            (Some(""), Some("b"), Some("d"), hetu),
            (Some(" a b c"), Some("b"), Some("d"), hetu),
            (Some("a b c "), Some("b"), Some("d"), hetu),
            (Some("a b c"), None, Some("d"), hetu),
            (Some("a b c"), Some(""), Some("d"), hetu),
            (Some("a b c"), Some(" b"), Some("d"), hetu),
            (Some("a b c"), Some("b "), Some("d"), hetu),
            (Some("aa bb cc"), Some("b"), Some("d"), hetu),
            (Some("a b c"), Some("b"), None, hetu),
            (Some("a b c"), Some("b"), Some(" d"), hetu),
            (Some("a b c"), Some("b"), Some("d "), hetu),
        ];
        for (e, k, s, h) in invalid {
            assert!(
                !existence_check(e, k, s, h, env).is_empty(),
                "{e:?}/{k:?}/{s:?}/{h:?}"
            );
        }
    }

    #[test]
    fn hetu_and_eidas_are_mutually_exclusive() {
        assert_eq!(
            check_hetu_eidas(Some(""), true, Operation::FindOrCreate),
            Err(CheckError::HetuAndEidasTunniste)
        );
        assert_eq!(
            check_hetu_eidas(Some("x"), true, Operation::Create).map_err(|e| e.key()),
            Err("eidas.and.hetu.not.allowed")
        );
        assert!(check_hetu_eidas(None, true, Operation::FindOrCreate).is_ok());
    }

    #[test]
    fn asiointikieli_rule() {
        for ok in ["fi", "sv", "en"] {
            assert!(check_asiointikieli(Some(ok)).is_ok());
        }
        for bad in ["FI", "de", "", "fi|sv"] {
            assert_eq!(
                check_asiointikieli(Some(bad)),
                Err(CheckError::Asiointikieli)
            );
        }
    }
}
