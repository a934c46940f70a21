//! The one error type that crosses the boundary, mapped from every onr-core error in one place.

use onr_core::error::{Category, Coded, Lang};

/// What went wrong, without personal data: the stable code, the coarse category, the message
/// in each language and, where there is one, the 0-based position of the offending character.
///
/// Used for warnings and for the per-item errors of batch calls (a batch never throws).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Problem {
    /// The stable code, e.g. `hetu.checksum`.
    pub code: String,
    /// The category, e.g. `checksum` (see [`onr_core::Category::as_str`]).
    pub category: String,
    /// English.
    pub message_en: String,
    /// Finnish.
    pub message_fi: String,
    /// Swedish.
    pub message_sv: String,
    /// The 0-based position of the offending character, or -1.
    pub position: i32,
}

/// The single error of every exported function: one variant per category, each carrying the
/// stable `code` and the message in English, Finnish and Swedish, and the position (-1 if
/// none). (The English field can't be named `message`: that is the Kotlin exception's own
/// property.) UniFFI makes it `NativeException` in Kotlin; the Java facade turns it
/// into the matching `fi.onr.OnrException` subclass.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum NativeError {
    /// The input has the wrong length.
    #[error("{message_en}")]
    Length {
        code: String,
        message_en: String,
        message_fi: String,
        message_sv: String,
        position: i32,
    },
    /// The input has the wrong shape or characters.
    #[error("{message_en}")]
    Format {
        code: String,
        message_en: String,
        message_fi: String,
        message_sv: String,
        position: i32,
    },
    /// A component (date, century sign, individual number, node...) is out of range.
    #[error("{message_en}")]
    Component {
        code: String,
        message_en: String,
        message_fi: String,
        message_sv: String,
        position: i32,
    },
    /// The check character or digit does not match.
    #[error("{message_en}")]
    Checksum {
        code: String,
        message_en: String,
        message_fi: String,
        message_sv: String,
        position: i32,
    },
    /// Well-formed but not allowed by the policy (e.g. a temporary hetu in production).
    #[error("{message_en}")]
    Policy {
        code: String,
        message_en: String,
        message_fi: String,
        message_sv: String,
        position: i32,
    },
    /// A rule about several values or records together.
    #[error("{message_en}")]
    Consistency {
        code: String,
        message_en: String,
        message_fi: String,
        message_sv: String,
        position: i32,
    },
}

/// Where an error points, for the errors that know it (a local trait: onr-core's errors have
/// inherent `position` methods, not a shared trait).
pub trait Positioned {
    /// The 0-based position of the offending character, if any.
    fn position(&self) -> Option<usize> {
        None
    }
}

impl Positioned for onr_core::hetu::HetuError {
    fn position(&self) -> Option<usize> {
        onr_core::hetu::HetuError::position(self)
    }
}
impl Positioned for onr_core::hetu::HetuWarning {}
impl Positioned for onr_core::hetu::GenerateError {}
impl Positioned for onr_core::oid::OidError {}
impl Positioned for onr_core::import::koodisto_file::KoodistoFileError {}
impl Positioned for onr_core::import::verdict::OnrError {}
impl Positioned for onr_core::import::lint::Lint {}
impl Positioned for onr_core::import::json::JsonError {}
impl Positioned for onr_core::linking::LinkError {}
impl Positioned for onr_core::linking::LinkLint {}
impl Positioned for onr_core::person::PersonError {}
impl Positioned for onr_core::linking::TableError {}
impl Positioned for onr_core::import::csv::CsvError {}

fn position_of<E: Positioned>(e: &E) -> i32 {
    e.position()
        .and_then(|p| i32::try_from(p).ok())
        .unwrap_or(-1)
}

impl<E: Coded + Positioned> From<&E> for Problem {
    fn from(e: &E) -> Problem {
        Problem {
            code: e.code().to_owned(),
            category: e.category().as_str().to_owned(),
            message_en: e.message(Lang::En),
            message_fi: e.message(Lang::Fi),
            message_sv: e.message(Lang::Sv),
            position: position_of(e),
        }
    }
}

/// The one mapping from onr-core's errors to the exported error.
impl<E: Coded + Positioned> From<E> for NativeError {
    fn from(e: E) -> NativeError {
        let code = e.code().to_owned();
        let message_en = e.message(Lang::En);
        let message_fi = e.message(Lang::Fi);
        let message_sv = e.message(Lang::Sv);
        let position = position_of(&e);
        match e.category() {
            Category::Length => NativeError::Length {
                code,
                message_en,
                message_fi,
                message_sv,
                position,
            },
            Category::Format => NativeError::Format {
                code,
                message_en,
                message_fi,
                message_sv,
                position,
            },
            Category::Component => NativeError::Component {
                code,
                message_en,
                message_fi,
                message_sv,
                position,
            },
            Category::Checksum => NativeError::Checksum {
                code,
                message_en,
                message_fi,
                message_sv,
                position,
            },
            Category::Policy => NativeError::Policy {
                code,
                message_en,
                message_fi,
                message_sv,
                position,
            },
            // `Category` is non-exhaustive; a new category lands here until it gets a variant.
            _ => NativeError::Consistency {
                code,
                message_en,
                message_fi,
                message_sv,
                position,
            },
        }
    }
}

/// A Java callback failed in a way the facade does not expect (it catches every exception of
/// the user's code itself): the reason is left out, as it may hold personal data.
impl From<uniffi::UnexpectedUniFFICallbackError> for NativeError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> NativeError {
        let message = "a callback into the JVM failed unexpectedly".to_owned();
        NativeError::Consistency {
            code: "internal.callback".to_owned(),
            message_en: message.clone(),
            message_fi: message.clone(),
            message_sv: message,
            position: -1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use onr_core::hetu::Hetu;
    use onr_core::Environment;

    #[test]
    fn hetu_errors_map_to_their_category_with_code_and_messages() {
        let e: NativeError = Hetu::parse("131052-308X", Environment::Production)
            .unwrap_err()
            .into();
        let NativeError::Checksum {
            code,
            message_en,
            message_fi,
            position,
            ..
        } = e
        else {
            panic!("{e:?}");
        };
        assert_eq!(code, "hetu.checksum");
        assert_eq!(message_en, "wrong check character, expected `T`, found `X`");
        assert!(message_fi.starts_with("väärä tarkistusmerkki"));
        assert_eq!(position, 10);
    }

    #[test]
    fn errors_without_position_say_minus_one() {
        let e: NativeError = Hetu::parse("", Environment::Production).unwrap_err().into();
        assert!(
            matches!(e, NativeError::Length { position: -1, .. }),
            "{e:?}"
        );
        let e: NativeError = onr_core::oid::Oid::parse("x").unwrap_err().into();
        assert!(matches!(e, NativeError::Format { .. }), "{e:?}");
    }
}
