//! The names of the person module's vocabularies ([`Actor`], [`Audience`], [`Lookup`],
//! [`YksilointiTila`]): one `as_str`, `FromStr`, `ALL` and `NAMES` each, which every front end
//! converts with (the CLI, Python's strings, the JVM's enums), so that none keeps a table of
//! its own.

use std::fmt;
use std::str::FromStr;

use super::{Actor, Audience, Lookup, YksilointiTila};
use crate::error::{code_table, Category, Coded, Lang};

/// The error of parsing a vocabulary name that is not one of its values
/// (`person.unknown_name`, category `format`).
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::person::Actor;
/// let e = "admin".parse::<Actor>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown actor, expected one of: official, superuser");
/// assert_eq!(e.code(), "person.unknown_name");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what}, expected one of: {}", expected.join(", "))]
pub struct UnknownName {
    what: &'static str,
    expected: &'static [&'static str],
}

code_table! {
    /// Every code of [`UnknownName`].
    UnknownName {
        UnknownName { .. } => "person.unknown_name", Category::Format;
    }
}

impl Coded for UnknownName {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    /// The message; the expected names are onr-core's (untranslated) and the input is never
    /// quoted.
    fn message(&self, lang: Lang) -> String {
        let expected = self.expected.join(", ");
        match lang {
            Lang::En => self.to_string(),
            Lang::Fi => format!("tuntematon nimi ({}), odotettiin: {expected}", self.what),
            Lang::Sv => format!("okänt namn ({}), förväntade: {expected}", self.what),
        }
    }
}

fn parse<T: Copy>(
    s: &str,
    what: &'static str,
    all: &[T],
    names: &'static [&'static str],
) -> Result<T, UnknownName> {
    let s = s.trim();
    names
        .iter()
        .position(|n| n.eq_ignore_ascii_case(s))
        .map(|i| all[i])
        .ok_or(UnknownName {
            what,
            expected: names,
        })
}

impl Actor {
    /// Every actor, in the order of [`Actor::NAMES`].
    pub const ALL: [Actor; 2] = [Actor::Official, Actor::Superuser];
    /// Every name.
    pub const NAMES: [&'static str; 2] = ["official", "superuser"];

    /// The stable name: `official` or `superuser`.
    ///
    /// ```
    /// use onr_core::person::Actor;
    /// assert_eq!(Actor::Superuser.as_str(), "superuser");
    /// assert_eq!("superuser".parse::<Actor>(), Ok(Actor::Superuser));
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Actor::Official => "official",
            Actor::Superuser => "superuser",
        }
    }
}

impl Audience {
    /// Every audience, in the order of [`Audience::NAMES`].
    pub const ALL: [Audience; 2] = [Audience::Consumer, Audience::Guardian];
    /// Every name.
    pub const NAMES: [&'static str; 2] = ["consumer", "guardian"];

    /// The stable name: `consumer` or `guardian`.
    ///
    /// ```
    /// use onr_core::person::Audience;
    /// assert_eq!("guardian".parse::<Audience>(), Ok(Audience::Guardian));
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Audience::Consumer => "consumer",
            Audience::Guardian => "guardian",
        }
    }
}

impl Lookup {
    /// Every lookup, in the order of [`Lookup::NAMES`]; the name search twice, without and
    /// with passivated persons.
    pub const ALL: [Lookup; 12] = [
        Lookup::DuplicateSearch,
        Lookup::NameSearch {
            include_passive: false,
        },
        Lookup::NameSearch {
            include_passive: true,
        },
        Lookup::SearchTerm,
        Lookup::ByHetu,
        Lookup::ByOid,
        Lookup::ByEidas,
        Lookup::ImportErrorCount,
        Lookup::FailedIdentificationList,
        Lookup::VtjChangeFeed,
        Lookup::VtjBucketRefresh,
        Lookup::BackgroundIdentification,
    ];
    /// Every name.
    pub const NAMES: [&'static str; 12] = [
        "duplicate_search",
        "name_search",
        "name_search_with_passive",
        "search_term",
        "by_hetu",
        "by_oid",
        "by_eidas",
        "import_error_count",
        "failed_identification_list",
        "vtj_change_feed",
        "vtj_bucket_refresh",
        "background_identification",
    ];

    /// The stable name, e.g. `duplicate_search`; the name search with passivated persons is
    /// `name_search_with_passive`.
    ///
    /// ```
    /// use onr_core::person::Lookup;
    /// assert_eq!(Lookup::NameSearch { include_passive: true }.as_str(), "name_search_with_passive");
    /// assert_eq!("by_hetu".parse::<Lookup>(), Ok(Lookup::ByHetu));
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Lookup::DuplicateSearch => "duplicate_search",
            Lookup::NameSearch {
                include_passive: false,
            } => "name_search",
            Lookup::NameSearch {
                include_passive: true,
            } => "name_search_with_passive",
            Lookup::SearchTerm => "search_term",
            Lookup::ByHetu => "by_hetu",
            Lookup::ByOid => "by_oid",
            Lookup::ByEidas => "by_eidas",
            Lookup::ImportErrorCount => "import_error_count",
            Lookup::FailedIdentificationList => "failed_identification_list",
            Lookup::VtjChangeFeed => "vtj_change_feed",
            Lookup::VtjBucketRefresh => "vtj_bucket_refresh",
            Lookup::BackgroundIdentification => "background_identification",
        }
    }

    /// The lookup with the caller's `passive = true` when `include_passive` (only the name
    /// search has the choice; every other lookup is itself).
    ///
    /// ```
    /// use onr_core::person::Lookup;
    /// let l: Lookup = "name_search".parse()?;
    /// assert_eq!(l.with_passive(true), Lookup::NameSearch { include_passive: true });
    /// assert_eq!(Lookup::ByOid.with_passive(true), Lookup::ByOid);
    /// # Ok::<(), onr_core::person::UnknownName>(())
    /// ```
    pub const fn with_passive(self, include_passive: bool) -> Lookup {
        match self {
            Lookup::NameSearch { .. } => Lookup::NameSearch { include_passive },
            other => other,
        }
    }
}

impl YksilointiTila {
    /// Every state, in the order of [`YksilointiTila::NAMES`].
    pub const ALL: [YksilointiTila; 4] = [
        YksilointiTila::Ok,
        YksilointiTila::HetuPuuttuu,
        YksilointiTila::Virhe,
        YksilointiTila::Kesken,
    ];
    /// Every name ([`YksilointiTila::as_str`]), ONR's own.
    ///
    /// ```
    /// use onr_core::person::YksilointiTila;
    /// assert_eq!("hetu_puuttuu".parse::<YksilointiTila>(), Ok(YksilointiTila::HetuPuuttuu));
    /// ```
    pub const NAMES: [&'static str; 4] = ["OK", "HETU_PUUTTUU", "VIRHE", "KESKEN"];
}

macro_rules! vocabulary {
    ($($t:ty, $what:literal;)*) => {$(
        impl FromStr for $t {
            type Err = UnknownName;
            /// One of the names, case-insensitively.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse(s, $what, &<$t>::ALL, &<$t>::NAMES)
            }
        }

    )*};
}

macro_rules! display {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

vocabulary! {
    Actor, "actor";
    Audience, "audience";
    Lookup, "lookup";
    YksilointiTila, "identification state";
}

// YksilointiTila has its Display beside its type.
display!(Actor, Audience, Lookup);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_order() {
        for (l, n) in Lookup::ALL.iter().zip(Lookup::NAMES) {
            assert_eq!(l.as_str(), n);
            assert_eq!(n.parse::<Lookup>(), Ok(*l));
        }
        for (a, n) in Actor::ALL.iter().zip(Actor::NAMES) {
            assert_eq!((a.as_str(), n.parse::<Actor>()), (n, Ok(*a)));
        }
        for (a, n) in Audience::ALL.iter().zip(Audience::NAMES) {
            assert_eq!((a.as_str(), n.parse::<Audience>()), (n, Ok(*a)));
        }
        for (t, n) in YksilointiTila::ALL.iter().zip(YksilointiTila::NAMES) {
            assert_eq!((t.as_str(), n.parse::<YksilointiTila>()), (n, Ok(*t)));
        }
        assert_eq!(" BY_OID ".parse::<Lookup>(), Ok(Lookup::ByOid));
        let e = "nobody 131052-308T".parse::<Audience>().unwrap_err();
        assert_eq!(
            (e.code(), e.category()),
            ("person.unknown_name", Category::Format)
        );
        for lang in Lang::ALL {
            assert!(!e.message(lang).contains("131052"), "{}", e.message(lang));
            assert!(e.message(lang).contains("consumer, guardian"));
        }
    }
}
