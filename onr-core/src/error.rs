//! Conventions shared by every error and warning type of onr-core.
//!
//! Each module has its own `#[non_exhaustive]` error enum (`HetuError`, `OidError`, ...). Every
//! variant has
//!
//! * a stable, machine-readable [`code`](Coded::code) such as `hetu.checksum` that never changes
//!   and that the bindings expose unchanged,
//! * a coarse [`Category`],
//! * an English `Display` (lowercase, no final period, "expected X, found Y"), and
//! * a [`message`](Coded::message) in English, Finnish or Swedish.
//!
//! No error or warning ever contains a full hetu or a name: at most a position, one escaped
//! character and the expected check character.

use std::fmt;

mod internal;
pub use internal::{panic_note, Internal};

/// The language of a human-readable message.
///
/// # Example
///
/// ```
/// use onr_core::Lang;
/// let lang: Lang = "fi".parse()?;
/// assert_eq!(lang, Lang::Fi);
/// # Ok::<(), onr_core::error::UnknownLang>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Finnish (suomi).
    Fi,
    /// Swedish (svenska).
    Sv,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fi, Lang::Sv];

    /// The ISO 639-1 code: `en`, `fi` or `sv`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::Lang::Sv.as_str(), "sv");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fi => "fi",
            Lang::Sv => "sv",
        }
    }
}

/// The error of parsing a [`Lang`] that is not `en`, `fi` or `sv`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language, expected `en`, `fi` or `sv`")]
pub struct UnknownLang;

impl std::str::FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Ok(Lang::En),
            "fi" | "fin" | "suomi" | "finnish" => Ok(Lang::Fi),
            "sv" | "swe" | "svenska" | "swedish" => Ok(Lang::Sv),
            _ => Err(UnknownLang),
        }
    }
}

/// The coarse class of an error, as in python-stdnum's exception taxonomy.
///
/// # Example
///
/// ```
/// use onr_core::Category;
/// assert_eq!(Category::Checksum.as_str(), "checksum");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Category {
    /// The input has the wrong length.
    Length,
    /// The input has the wrong shape or characters.
    Format,
    /// A component (date, century sign, individual number, node...) is out of range.
    Component,
    /// The check character or digit does not match.
    Checksum,
    /// The value is well-formed but not allowed by the policy (e.g. a temporary hetu in production).
    Policy,
    /// A rule about several values or records together (links, duplicates, batches).
    Consistency,
    /// A bug in onr caught at a front end's boundary (codes `internal.*`, see [`Internal`]).
    Internal,
}

impl Category {
    /// The stable lowercase name of the category.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::Category::Policy.as_str(), "policy");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Length => "length",
            Category::Format => "format",
            Category::Component => "component",
            Category::Checksum => "checksum",
            Category::Policy => "policy",
            Category::Consistency => "consistency",
            Category::Internal => "internal",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Implemented by every error and warning of onr-core: a stable code and translated messages.
///
pub trait Coded {
    /// The stable, machine-readable code, e.g. `hetu.checksum`.
    fn code(&self) -> &'static str;
    /// The coarse category.
    fn category(&self) -> Category;
    /// The human-readable message in the given language (no personal data).
    fn message(&self, lang: Lang) -> String;
}

/// Writes a character so that control, invisible and non-ASCII characters stay readable in a
/// message: printable ASCII as itself in backticks, everything else as `U+XXXX`.
pub(crate) struct Escaped(pub(crate) char);

impl fmt::Display for Escaped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        if c.is_ascii_graphic() {
            write!(f, "`{c}`")
        } else if c == ' ' {
            f.write_str("space")
        } else {
            write!(f, "U+{:04X}", c as u32)
        }
    }
}
