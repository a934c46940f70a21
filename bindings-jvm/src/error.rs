//! The one error type that crosses the boundary, mapped from every onr-core error in one place.

use onr_core::error::{Coded, Lang};

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

/// The single error of every exported function, in one shape: the [`Problem`] (code,
/// category, messages in English, Finnish and Swedish, position). UniFFI makes it
/// `NativeException.Failed` in Kotlin; the Java facade turns it into the `fi.onr.OnrException`
/// subclass of the code's module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum NativeError {
    /// The only variant.
    #[error("{}", problem.message_en)]
    Failed {
        /// What went wrong.
        problem: Problem,
    },
}

impl NativeError {
    /// What went wrong.
    pub fn problem(&self) -> &Problem {
        match self {
            NativeError::Failed { problem } => problem,
        }
    }
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
impl Positioned for onr_core::person::UnknownName {}
impl Positioned for onr_core::linking::TableError {}
impl Positioned for onr_core::import::csv::CsvError {}
impl Positioned for onr_core::input::InputError {}

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
        NativeError::Failed {
            problem: Problem::from(&e),
        }
    }
}

impl Positioned for onr_core::error::Internal {}

/// A Java callback failed in a way the facade does not expect (it catches every exception of
/// the user's code itself): `internal.callback`, with onr-core's fixed text; the reason is
/// left out, as it may hold personal data.
impl From<uniffi::UnexpectedUniFFICallbackError> for NativeError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> NativeError {
        onr_core::error::Internal::Callback.into()
    }
}

/// The problem of a native panic (`internal.panic`, onr-core's fixed text): the facade
/// reports a panic with it and drops the text UniFFI passes along.
#[uniffi::export]
pub fn internal_panic_problem() -> Problem {
    Problem::from(&onr_core::error::Internal::Panic)
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
        let p = e.problem();
        assert_eq!(p.code, "hetu.checksum");
        assert_eq!(p.category, "checksum");
        assert_eq!(
            p.message_en,
            "wrong check character, expected `T`, found `X`"
        );
        assert!(p.message_fi.starts_with("väärä tarkistusmerkki"));
        assert_eq!(p.position, 10);
        assert_eq!(e.to_string(), p.message_en);
    }

    #[test]
    fn errors_without_position_say_minus_one() {
        let e: NativeError = Hetu::parse("", Environment::Production).unwrap_err().into();
        assert_eq!(
            (e.problem().category.as_str(), e.problem().position),
            ("length", -1)
        );
        let e: NativeError = onr_core::oid::Oid::parse("x").unwrap_err().into();
        assert_eq!(e.problem().category, "format");
    }

    #[test]
    fn internal_problems_have_fixed_text_and_their_own_category() {
        let p = internal_panic_problem();
        assert_eq!(
            (p.code.as_str(), p.category.as_str()),
            ("internal.panic", "internal")
        );
        assert_eq!(
            p.message_en,
            "internal error in onr (a bug, please report it)"
        );
        let e: NativeError =
            uniffi::UnexpectedUniFFICallbackError::new("secret 131052-308T").into();
        assert_eq!(e.problem().code, "internal.callback");
        assert!(!format!("{e:?}").contains("131052"));
    }
}

/// Runs the body of an exported function so that a panic never reaches UniFFI.
///
/// UniFFI catches a panic itself, but its Kotlin layer then throws an `InternalException` whose
/// message is the panic's text, which may hold personal data. Inside `shielded` a panic becomes
/// `internal.panic` with onr-core's fixed text; the payload is dropped unread. Every export
/// wraps its body in it and returns `Result<_, E>`, where `E` is the crate's [`NativeError`]
/// (or the client's error, which also takes an [`onr_core::error::Internal`]); the only
/// exceptions are the constant name tables (`*_names`) and [`internal_panic_problem`], listed in
/// the test `every_export_is_shielded` (`tests/shielded.rs`).
pub(crate) fn shielded<T, E: From<onr_core::error::Internal>>(
    body: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            // Dropping a payload runs its destructor, which could itself panic: keep that
            // inside too.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(payload)));
            Err(onr_core::error::Internal::Panic.into())
        }
    }
}

/// The names of onr-core's error categories ([`onr_core::Category::NAMES`]), in order: the
/// facade's `fi.onr.Category` is checked against them.
#[uniffi::export]
pub fn category_names() -> Vec<String> {
    names(&onr_core::Category::NAMES)
}

/// The names of the languages of messages ([`onr_core::Lang::NAMES`]), in order.
#[uniffi::export]
pub fn lang_names() -> Vec<String> {
    names(&onr_core::Lang::NAMES)
}

/// A name table of onr-core as owned strings.
pub(crate) fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

#[cfg(test)]
mod shield_tests {
    use super::*;

    #[test]
    fn a_panic_becomes_internal_panic_without_its_text() {
        let err = shielded::<(), NativeError>(|| panic!("hetu 131052-308T")).unwrap_err();
        let p = err.problem();
        assert_eq!(p.code, "internal.panic");
        assert!(!format!("{err:?}").contains("131052-308T"));
        assert!(!p.message_en.contains("131052-308T"));
    }

    #[test]
    fn results_pass_through() {
        assert_eq!(shielded::<_, NativeError>(|| Ok(7)).unwrap(), 7);
        let e = shielded::<(), NativeError>(|| Err(onr_core::error::Internal::Callback.into()))
            .unwrap_err();
        assert_eq!(e.problem().code, "internal.callback");
    }
}
