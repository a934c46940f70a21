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

/// Declares the code table of an error or warning enum: one line per variant with its stable
/// code and its [`Category`], in the order of the list of codes. The table drives the
/// type's `ALL_CODES` (every code, in order) and its private `code_entry`, from which
/// [`Coded::code`] and [`Coded::category`] answer, so a code is written once.
///
/// An arm `Pattern => "area.reason", Category::X;` owns a code; an arm
/// `Pattern => use inner;` takes code and category from a wrapped error (`inner` is a binding
/// of the pattern implementing [`Coded`]), whose type lists that code; an arm
/// `Pattern => shared "area.reason", Category::X;` answers with a code another type lists.
macro_rules! code_table {
    ($(#[$meta:meta])* $ty:ident { $($body:tt)* }) => {
        $crate::error::code_table!(@munch [$(#[$meta])*] $ty; []; []; $($body)*);
    };
    (@munch [$($meta:tt)*] $ty:ident; [$($code:literal)*]; [$($arm:tt)*];
     $pat:pat => $new:literal, $cat:expr; $($rest:tt)*) => {
        $crate::error::code_table!(@munch [$($meta)*] $ty; [$($code)* $new];
            [$($arm)* { $pat => ($new, $cat) }]; $($rest)*);
    };
    (@munch [$($meta:tt)*] $ty:ident; [$($code:literal)*]; [$($arm:tt)*];
     $pat:pat => shared $old:literal, $cat:expr; $($rest:tt)*) => {
        $crate::error::code_table!(@munch [$($meta)*] $ty; [$($code)*];
            [$($arm)* { $pat => ($old, $cat) }]; $($rest)*);
    };
    (@munch [$($meta:tt)*] $ty:ident; [$($code:literal)*]; [$($arm:tt)*];
     $pat:pat => use $inner:ident; $($rest:tt)*) => {
        $crate::error::code_table!(@munch [$($meta)*] $ty; [$($code)*];
            [$($arm)* { $pat => ($crate::error::Coded::code($inner), $crate::error::Coded::category($inner)) }];
            $($rest)*);
    };
    (@munch [$($meta:tt)*] $ty:ident; [$($code:literal)*]; [$({ $pat:pat => $entry:expr })*];) => {
        impl $ty {
            $($meta)*
            pub const ALL_CODES: [&'static str; <[&'static str]>::len(&[$($code),*])] = [$($code),*];

            /// The code and category of this value, from the code table.
            fn code_entry(&self) -> (&'static str, $crate::error::Category) {
                match self {
                    $($pat => $entry,)*
                }
            }
        }
    };
}
pub(crate) use code_table;

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
    /// Every name ([`Lang::as_str`]), in the order of [`Lang::ALL`].
    pub const NAMES: [&'static str; 3] = ["en", "fi", "sv"];

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
    /// Not the input's fault: a bug caught at a front end's boundary ([`Internal`]).
    Internal,
    /// Not the input's fault: a call to ONR failed (the connection, the service or its
    /// answer), or the client was set up wrong; onr-client's errors.
    Network,
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
            Category::Network => "network",
        }
    }
}

impl Category {
    /// Every category, in the order of [`Category::NAMES`].
    pub const ALL: [Category; 8] = [
        Category::Length,
        Category::Format,
        Category::Component,
        Category::Checksum,
        Category::Policy,
        Category::Consistency,
        Category::Internal,
        Category::Network,
    ];
    /// Every name ([`Category::as_str`]), which the front ends' vocabularies are checked
    /// against.
    ///
    /// ```
    /// use onr_core::Category;
    /// assert!(Category::ALL.iter().zip(Category::NAMES).all(|(c, n)| c.as_str() == n));
    /// ```
    pub const NAMES: [&'static str; 8] = [
        "length",
        "format",
        "component",
        "checksum",
        "policy",
        "consistency",
        "internal",
        "network",
    ];
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
    /// The human-readable message in the given language (no personal data). The English
    /// message is the `Display` text.
    fn message(&self, lang: Lang) -> String;
    /// The 0-based position (in characters of the input) the error points at, for the errors
    /// that know one; `None` by default.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{error::Coded, hetu::Hetu, oid::Oid, Environment};
    /// let e = Hetu::parse("13105X-308T", Environment::Production).unwrap_err();
    /// assert_eq!(Coded::position(&e), Some(5));
    /// assert_eq!(Oid::parse("").unwrap_err().position(), None);
    /// ```
    fn position(&self) -> Option<usize> {
        None
    }
}

/// The code table of every error and warning type of onr-core: the type's name and its
/// `ALL_CODES`, in a fixed order. A type that wraps another's errors (e.g. the CSV reader's
/// shape errors) lists only its own codes. Types behind a cargo feature are listed when it is on.
///
/// # Example
///
/// ```
/// let tables = onr_core::error::code_tables();
/// assert!(tables.iter().any(|(ty, codes)| *ty == "HetuError" && codes.contains(&"hetu.checksum")));
/// ```
pub fn code_tables() -> Vec<(&'static str, &'static [&'static str])> {
    use crate::{cell, hetu, import, input, linking, oid, person, similarity};
    #[cfg_attr(not(any(feature = "json", feature = "csv")), allow(unused_mut))]
    let mut tables: Vec<(&'static str, &'static [&'static str])> = vec![
        ("Internal", &Internal::ALL_CODES),
        ("HetuError", &hetu::HetuError::ALL_CODES),
        ("HetuWarning", &hetu::HetuWarning::ALL_CODES),
        ("GenerateError", &hetu::GenerateError::ALL_CODES),
        ("OidError", &oid::OidError::ALL_CODES),
        ("CellError", &cell::CellError::ALL_CODES),
        ("InputError", &input::InputError::ALL_CODES),
        ("CsvShapeError", &input::CsvShapeError::ALL_CODES),
        ("OnrError", &import::verdict::OnrError::ALL_CODES),
        ("Lint", &import::lint::Lint::ALL_CODES),
        ("CheckError", &import::person_rules::CheckError::ALL_CODES),
        (
            "ExistenceCheckError",
            &import::person_rules::ExistenceCheckError::ALL_CODES,
        ),
        ("KoodistoError", &import::koodisto::KoodistoError::ALL_CODES),
        ("BatchError", &import::yleistunniste::BatchError::ALL_CODES),
        ("PersonError", &person::PersonError::ALL_CODES),
        ("UnknownName", &person::UnknownName::ALL_CODES),
        ("LinkError", &linking::LinkError::ALL_CODES),
        ("LinkLint", &linking::LinkLint::ALL_CODES),
        ("TableError", &linking::TableError::ALL_CODES),
        ("Violation", &linking::Violation::ALL_CODES),
        (
            "IndexInputError",
            &similarity::duplicates::IndexInputError::ALL_CODES,
        ),
        ("UnknownForm", &similarity::trigram::UnknownForm::ALL_CODES),
    ];
    #[cfg(feature = "json")]
    tables.extend([
        ("JsonError", &import::json::JsonError::ALL_CODES[..]),
        (
            "KoodistoFileError",
            &import::koodisto_file::KoodistoFileError::ALL_CODES[..],
        ),
    ]);
    #[cfg(feature = "csv")]
    tables.push(("CsvError", &import::csv::CsvError::ALL_CODES));
    #[cfg(all(feature = "csv", feature = "json"))]
    tables.push(("ExistingError", &import::existing::ExistingError::ALL_CODES));
    tables
}

/// Every code of onr-core (the union of [`code_tables`]), sorted, each once.
///
/// # Example
///
/// ```
/// let codes = onr_core::error::all_codes();
/// assert!(codes.contains(&"internal.panic") && codes.contains(&"oid.checksum"));
/// ```
pub fn all_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = code_tables()
        .into_iter()
        .flat_map(|(_, codes)| codes.iter().copied())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
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
