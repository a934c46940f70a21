//! Errors and warnings: why a hetu was rejected, and what ONR accepts although the official
//! rules don't.

use std::fmt;

use crate::error::{code_table, Category, Coded, Escaped, Lang};

/// Why a hetu was rejected. No variant holds the input: at most a position, one character and
/// the expected check character.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, hetu::{Hetu, HetuError}, Environment, Lang};
///
/// let err = Hetu::parse("131052-308X", Environment::Production).unwrap_err();
/// assert_eq!(err, HetuError::Checksum { expected: 'T', found: 'X' });
/// assert_eq!(err.code(), "hetu.checksum");
/// assert_eq!(err.to_string(), "wrong check character, expected `T`, found `X`");
/// assert_eq!(err.message(Lang::Fi), "väärä tarkistusmerkki, odotettiin `T`, löytyi `X`");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum HetuError {
    /// The input is empty.
    #[error("{}", self.message(Lang::En))]
    Empty,
    /// The input is not 11 characters long (counted in UTF-16 code units, as ONR does).
    #[error("{}", self.message(Lang::En))]
    Length {
        /// The length found, in UTF-16 code units.
        found: u32,
    },
    /// A character that is not a digit where a digit is expected.
    #[error("{}", self.message(Lang::En))]
    Character {
        /// The 0-based position.
        position: u8,
        /// The character found there.
        found: char,
    },
    /// The century sign is not one of `+ - Y X W V U A B C D E F` (case matters).
    #[error("{}", self.message(Lang::En))]
    CenturySign {
        /// The character found in position 6.
        found: char,
    },
    /// The day or month is out of range, or (strict rules) the day does not exist in that month.
    #[error("{}", self.message(Lang::En))]
    Date {
        /// The day as written.
        day: u8,
        /// The month as written.
        month: u8,
        /// `true` when day and month are in range but the day does not exist in that month
        /// and year (only the strict rules reject this; ONR clamps it).
        nonexistent: bool,
    },
    /// (Strict rules) the individual number is 000 or 001, which are never issued.
    #[error("{}", self.message(Lang::En))]
    IndividualNumber {
        /// The individual number found.
        found: u16,
    },
    /// (Strict rules) the individual number is written with non-ASCII digits.
    #[error("{}", self.message(Lang::En))]
    NonAsciiDigit {
        /// The 0-based position of the first non-ASCII digit.
        position: u8,
    },
    /// The check character does not match.
    #[error("{}", self.message(Lang::En))]
    Checksum {
        /// The check character that the other ten characters call for.
        expected: char,
        /// The character found in position 10.
        found: char,
    },
    /// A temporary individual number (900–999) where the environment rejects it (production).
    #[error("{}", self.message(Lang::En))]
    Temporary,
}

impl HetuError {
    /// The 0-based position of the offending character, where there is one.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{hetu::Hetu, Environment};
    /// let err = Hetu::parse("13105X-308T", Environment::Production).unwrap_err();
    /// assert_eq!(err.position(), Some(5));
    /// ```
    pub fn position(&self) -> Option<usize> {
        match *self {
            HetuError::Character { position, .. } | HetuError::NonAsciiDigit { position } => {
                Some(usize::from(position))
            }
            HetuError::CenturySign { .. } => Some(6),
            HetuError::Checksum { .. } => Some(10),
            HetuError::IndividualNumber { .. } | HetuError::Temporary => Some(7),
            HetuError::Date { .. } => Some(0),
            HetuError::Empty | HetuError::Length { .. } => None,
        }
    }
}

code_table! {
    /// Every error code, for documentation and binding tests.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(onr_core::hetu::HetuError::ALL_CODES.contains(&"hetu.checksum"));
    /// ```
    HetuError {
        HetuError::Empty => "hetu.empty", Category::Length;
        HetuError::Length { .. } => "hetu.length", Category::Length;
        HetuError::Character { .. } => "hetu.character", Category::Format;
        HetuError::CenturySign { .. } => "hetu.century_sign", Category::Component;
        HetuError::Date { .. } => "hetu.date", Category::Component;
        HetuError::IndividualNumber { .. } => "hetu.individual_number", Category::Component;
        HetuError::NonAsciiDigit { .. } => "hetu.non_ascii_digit", Category::Format;
        HetuError::Checksum { .. } => "hetu.checksum", Category::Checksum;
        HetuError::Temporary => "hetu.temporary", Category::Policy;
    }
}

impl Coded for HetuError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn position(&self) -> Option<usize> {
        HetuError::position(self)
    }

    fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (*self, lang) {
            (HetuError::Empty, En) => "empty hetu".into(),
            (HetuError::Empty, Fi) => "henkilötunnus puuttuu".into(),
            (HetuError::Empty, Sv) => "personbeteckningen saknas".into(),
            (HetuError::Length { found }, En) => {
                format!("wrong length, expected 11 characters, found {found}")
            }
            (HetuError::Length { found }, Fi) => {
                format!("väärä pituus, odotettiin 11 merkkiä, löytyi {found}")
            }
            (HetuError::Length { found }, Sv) => {
                format!("fel längd, 11 tecken förväntades, hittade {found}")
            }
            (HetuError::Character { position, found }, En) => format!(
                "expected a digit at position {}, found {}",
                position + 1,
                Escaped(found)
            ),
            (HetuError::Character { position, found }, Fi) => format!(
                "odotettiin numeroa kohdassa {}, löytyi {}",
                position + 1,
                Escaped(found)
            ),
            (HetuError::Character { position, found }, Sv) => format!(
                "en siffra förväntades på position {}, hittade {}",
                position + 1,
                Escaped(found)
            ),
            (HetuError::CenturySign { found }, En) => format!(
                "invalid century sign, expected one of `+-YXWVUABCDEF`, found {}",
                Escaped(found)
            ),
            (HetuError::CenturySign { found }, Fi) => format!(
                "virheellinen välimerkki, odotettiin jotakin merkeistä `+-YXWVUABCDEF`, löytyi {}",
                Escaped(found)
            ),
            (HetuError::CenturySign { found }, Sv) => format!(
                "ogiltigt skiljetecken, ett av `+-YXWVUABCDEF` förväntades, hittade {}",
                Escaped(found)
            ),
            (HetuError::Date { day, month, nonexistent: false }, En) => format!(
                "invalid birth date, expected day 01-31 and month 01-12, found day {day:02} month {month:02}"
            ),
            (HetuError::Date { day, month, nonexistent: false }, Fi) => format!(
                "virheellinen syntymäaika, odotettiin päivää 01-31 ja kuukautta 01-12, löytyi päivä {day:02} kuukausi {month:02}"
            ),
            (HetuError::Date { day, month, nonexistent: false }, Sv) => format!(
                "ogiltigt födelsedatum, dag 01-31 och månad 01-12 förväntades, hittade dag {day:02} månad {month:02}"
            ),
            (HetuError::Date { day, month, nonexistent: true }, En) => {
                format!("invalid birth date, day {day:02} does not exist in month {month:02} of that year")
            }
            (HetuError::Date { day, month, nonexistent: true }, Fi) => {
                format!("virheellinen syntymäaika, päivää {day:02} ei ole kuukaudessa {month:02} sinä vuonna")
            }
            (HetuError::Date { day, month, nonexistent: true }, Sv) => {
                format!("ogiltigt födelsedatum, dag {day:02} finns inte i månad {month:02} det året")
            }
            (HetuError::IndividualNumber { found }, En) => format!(
                "individual number out of range, expected 002-999, found {found:03}"
            ),
            (HetuError::IndividualNumber { found }, Fi) => format!(
                "yksilönumero ei ole sallitulla välillä, odotettiin 002-999, löytyi {found:03}"
            ),
            (HetuError::IndividualNumber { found }, Sv) => format!(
                "individnumret är utanför intervallet, 002-999 förväntades, hittade {found:03}"
            ),
            (HetuError::NonAsciiDigit { position }, En) => format!(
                "expected an ASCII digit 0-9 at position {}, found another script's digit",
                position + 1
            ),
            (HetuError::NonAsciiDigit { position }, Fi) => format!(
                "odotettiin ASCII-numeroa 0-9 kohdassa {}, löytyi muun kirjoitusjärjestelmän numero",
                position + 1
            ),
            (HetuError::NonAsciiDigit { position }, Sv) => format!(
                "en ASCII-siffra 0-9 förväntades på position {}, hittade en siffra från ett annat skriftsystem",
                position + 1
            ),
            (HetuError::Checksum { expected, found }, En) => format!(
                "wrong check character, expected {}, found {}",
                Escaped(expected),
                Escaped(found)
            ),
            (HetuError::Checksum { expected, found }, Fi) => format!(
                "väärä tarkistusmerkki, odotettiin {}, löytyi {}",
                Escaped(expected),
                Escaped(found)
            ),
            (HetuError::Checksum { expected, found }, Sv) => format!(
                "fel kontrolltecken, {} förväntades, hittade {}",
                Escaped(expected),
                Escaped(found)
            ),
            (HetuError::Temporary, En) => {
                "temporary individual number 900-999, not accepted in production".into()
            }
            (HetuError::Temporary, Fi) => {
                "väliaikainen yksilönumero 900-999, ei sallittu tuotantoympäristössä".into()
            }
            (HetuError::Temporary, Sv) => {
                "tillfälligt individnummer 900-999, tillåts inte i produktionsmiljön".into()
            }
        }
    }
}

/// A quirk that ONR accepts but the strict rules reject, left on a [`Hetu`](super::Hetu) parsed with ONR's
/// verdict.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, hetu::HetuWarning};
/// assert_eq!(HetuWarning::DateClamped.code(), "hetu.warning.date_clamped");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum HetuWarning {
    /// The day does not exist in its month; ONR clamps it to the month's last day.
    DateClamped,
    /// The individual number is 000 or 001, which are never issued.
    IndividualNumberNotIssued,
    /// The individual number is written with non-ASCII digits (ONR parses them with Java's
    /// `Integer.parseInt`, which accepts any Unicode decimal digit).
    NonAsciiDigit,
    /// The birth date is after the given day.
    FutureBirthDate,
}

impl HetuWarning {
    const ALL: [HetuWarning; 4] = [
        HetuWarning::DateClamped,
        HetuWarning::IndividualNumberNotIssued,
        HetuWarning::NonAsciiDigit,
        HetuWarning::FutureBirthDate,
    ];

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for HetuWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

code_table! {
    /// Every warning code, for documentation and binding tests.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::hetu::HetuWarning::ALL_CODES.len(), 4);
    /// ```
    HetuWarning {
        HetuWarning::DateClamped => "hetu.warning.date_clamped", Category::Component;
        HetuWarning::IndividualNumberNotIssued => "hetu.warning.individual_number_not_issued", Category::Component;
        HetuWarning::NonAsciiDigit => "hetu.warning.non_ascii_digit", Category::Format;
        HetuWarning::FutureBirthDate => "hetu.warning.future_birth_date", Category::Component;
    }
}

impl Coded for HetuWarning {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (self, lang) {
            (HetuWarning::DateClamped, En) => "the day does not exist in that month; ONR accepts the code and clamps the birth date to the month's last day",
            (HetuWarning::DateClamped, Fi) => "päivää ei ole kyseisessä kuukaudessa; ONR hyväksyy tunnuksen ja käyttää syntymäaikana kuukauden viimeistä päivää",
            (HetuWarning::DateClamped, Sv) => "dagen finns inte i den månaden; ONR godkänner beteckningen och använder månadens sista dag som födelsedatum",
            (HetuWarning::IndividualNumberNotIssued, En) => "individual number 000 or 001 is never issued; ONR accepts it",
            (HetuWarning::IndividualNumberNotIssued, Fi) => "yksilönumeroa 000 tai 001 ei koskaan myönnetä; ONR hyväksyy sen",
            (HetuWarning::IndividualNumberNotIssued, Sv) => "individnummer 000 eller 001 utfärdas aldrig; ONR godkänner det",
            (HetuWarning::NonAsciiDigit, En) => "the individual number has non-ASCII digits; ONR accepts and stores them as written",
            (HetuWarning::NonAsciiDigit, Fi) => "yksilönumerossa on muita kuin ASCII-numeroita; ONR hyväksyy ja tallentaa ne sellaisinaan",
            (HetuWarning::NonAsciiDigit, Sv) => "individnumret har andra siffror än ASCII; ONR godkänner och sparar dem som de är",
            (HetuWarning::FutureBirthDate, En) => "the birth date is in the future",
            (HetuWarning::FutureBirthDate, Fi) => "syntymäaika on tulevaisuudessa",
            (HetuWarning::FutureBirthDate, Sv) => "födelsedatumet ligger i framtiden",
        }
        .into()
    }
}

/// A set of [`HetuWarning`]s; `Copy`, no heap memory.
///
/// # Example
///
/// ```
/// use onr_core::{hetu::{Hetu, HetuWarning}, Environment};
/// let hetu = Hetu::parse("310490-000E", Environment::Production)?;
/// let w = hetu.warnings();
/// assert_eq!(w.len(), 2);
/// assert!(w.contains(HetuWarning::DateClamped));
/// assert!(w.contains(HetuWarning::IndividualNumberNotIssued));
/// # Ok::<(), onr_core::hetu::HetuError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct HetuWarnings(u8);

impl HetuWarnings {
    /// The empty set.
    pub const fn empty() -> HetuWarnings {
        HetuWarnings(0)
    }

    /// Whether the set holds the warning.
    pub const fn contains(self, w: HetuWarning) -> bool {
        self.0 & w.bit() != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The number of warnings.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub(super) fn insert(&mut self, w: HetuWarning) {
        self.0 |= w.bit();
    }

    /// The warnings, in a fixed order.
    pub fn iter(self) -> impl Iterator<Item = HetuWarning> {
        HetuWarning::ALL
            .into_iter()
            .filter(move |w| self.contains(*w))
    }
}

impl fmt::Debug for HetuWarnings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for HetuWarnings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|w| w.code()))
    }
}
