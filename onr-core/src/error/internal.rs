//! `internal.*`: a bug caught at a front end's boundary, with fixed text only.
//!
//! A Rust panic is always a bug. The bindings catch it where it would cross into Python or the
//! JVM and report it as [`Internal::Panic`]; the panic's own message is dropped, as it could
//! quote the input (a hetu, a name). This module gives those errors their stable codes and
//! their text in one place, so that every front end reports them alike; installing a panic
//! hook is the front end's business (onr-core has no global state), and [`panic_note`] is the
//! one line such a hook may print.

use std::fmt;

use super::{Category, Coded, Lang};

/// A bug in onr, caught at a boundary. Never carries the panic's message.
///
/// # Example
///
/// ```
/// use onr_core::error::{Coded, Internal};
/// use onr_core::{Category, Lang};
///
/// let e = Internal::Panic;
/// assert_eq!(e.code(), "internal.panic");
/// assert_eq!(e.category(), Category::Internal);
/// assert_eq!(e.to_string(), "internal error in onr (a bug, please report it)");
/// assert!(e.message(Lang::Fi).starts_with("sisäinen virhe"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Internal {
    /// Rust code panicked (`internal.panic`).
    Panic,
    /// A callback into the host language failed in a way the front end does not expect
    /// (`internal.callback`).
    Callback,
}

impl Internal {
    /// Every variant, in the order of [`Internal::ALL_CODES`].
    pub const ALL: [Internal; 2] = [Internal::Panic, Internal::Callback];

    /// The stable code, e.g. `internal.panic`.
    pub fn as_str(self) -> &'static str {
        self.code_entry().0
    }
}

code_table! {
    /// Every code, in the order of [`Internal::ALL`].
    ///
    /// ```
    /// assert_eq!(onr_core::error::Internal::ALL_CODES, ["internal.panic", "internal.callback"]);
    /// ```
    Internal {
        Internal::Panic => "internal.panic", Category::Internal;
        Internal::Callback => "internal.callback", Category::Internal;
    }
}

impl fmt::Display for Internal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Internal {}

impl Coded for Internal {
    fn code(&self) -> &'static str {
        self.as_str()
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        let text = match (self, lang) {
            (Internal::Panic, Lang::En) => "internal error in onr (a bug, please report it)",
            (Internal::Panic, Lang::Fi) => {
                "sisäinen virhe onr-kirjastossa (ohjelmavirhe, ilmoitathan siitä)"
            }
            (Internal::Panic, Lang::Sv) => {
                "internt fel i onr-biblioteket (ett programfel, rapportera det gärna)"
            }
            (Internal::Callback, Lang::En) => {
                "a callback into the host language failed unexpectedly"
            }
            (Internal::Callback, Lang::Fi) => "kutsu isäntäkieleen epäonnistui odottamatta",
            (Internal::Callback, Lang::Sv) => "ett anrop till värdspråket misslyckades oväntat",
        };
        text.to_owned()
    }
}

/// The one line a front end's panic hook may print: fixed text and the place in the source
/// (file, line, column), never the panic's message, which could quote personal data.
///
/// # Example
///
/// ```
/// use onr_core::error::panic_note;
///
/// assert_eq!(
///     panic_note(Some(("onr-core/src/hetu.rs", 10, 5))),
///     "onr: internal error at onr-core/src/hetu.rs:10:5 (a bug, please report it; \
///      the panic's message is withheld as it may quote personal data)"
/// );
/// assert!(panic_note(None).starts_with("onr: internal error (a bug"));
/// ```
pub fn panic_note(location: Option<(&str, u32, u32)>) -> String {
    let tail =
        "(a bug, please report it; the panic's message is withheld as it may quote personal data)";
    match location {
        Some((file, line, column)) => {
            format!("onr: internal error at {file}:{line}:{column} {tail}")
        }
        None => format!("onr: internal error {tail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_texts_are_fixed_and_translated() {
        for (e, code) in Internal::ALL.iter().zip(Internal::ALL_CODES) {
            assert_eq!(e.code(), code);
            assert_eq!(e.category(), Category::Internal);
            let texts: Vec<String> = Lang::ALL.iter().map(|&l| e.message(l)).collect();
            assert_eq!(texts[0], e.to_string());
            assert!(texts[0] != texts[1] && texts[1] != texts[2], "{texts:?}");
        }
    }
}
