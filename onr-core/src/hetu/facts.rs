//! A verdict without the value: the facts [`Hetu::parse`] derives, without the text.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::{ascii11, fast::verdict_ascii11, Hetu, HetuError, HetuWarnings, Rules, Sex};
use crate::env::Environment;

/// A verdict without the value: what [`Hetu::parse`] derives (birth date, sex, temporary,
/// warnings), without the text, for batch reports that need only those.
///
/// [`verdict`] computes it for the common input of eleven ASCII characters without building a
/// [`Hetu`]; otherwise it is `Hetu::parse(..).map(Verdict::from)`, and it always equals that.
/// `Copy`, no heap memory. `Debug` shows the birth date and sex, never the code.
///
/// # Example
///
/// ```
/// use onr_core::{hetu::{self, Sex}, Environment};
///
/// let v = hetu::verdict("131052-308T", Environment::Production)?;
/// assert_eq!(v.birth_date().to_string(), "1952-10-13");
/// assert_eq!(v.sex(), Sex::Female);
/// assert!(!v.is_temporary() && v.warnings().is_empty());
/// # Ok::<(), onr_core::hetu::HetuError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Verdict {
    pub(super) year: u16,
    pub(super) month: u8,
    /// The day of the birth date: clamped as ONR clamps it.
    pub(super) day: u8,
    pub(super) individual: u16,
    pub(super) warnings: HetuWarnings,
}

impl Verdict {
    /// The birth date as ONR derives it (see [`Hetu::birth_date`]).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{hetu, Environment};
    /// let v = hetu::verdict("310490-123D", Environment::Production)?;
    /// assert_eq!(v.birth_date().to_string(), "1990-04-30");
    /// # Ok::<(), onr_core::hetu::HetuError>(())
    /// ```
    pub fn birth_date(&self) -> NaiveDate {
        // Always a date: the day was clamped to its month, the year is in 1800..=2099.
        NaiveDate::from_ymd_opt(
            i32::from(self.year),
            u32::from(self.month),
            u32::from(self.day),
        )
        .unwrap_or_default()
    }

    /// The birth date as days since 1970-01-01 (negative before it), the count of Java's
    /// `LocalDate.toEpochDay`: [`Verdict::birth_date`] for bindings, without a calendar
    /// library.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{hetu, Environment};
    /// assert_eq!(hetu::verdict("020170-1234", Environment::Production)?.birth_date_epoch_day(), 1);
    /// assert_eq!(hetu::verdict("311269-123E", Environment::Production)?.birth_date_epoch_day(), -1);
    /// # Ok::<(), onr_core::hetu::HetuError>(())
    /// ```
    #[inline]
    pub fn birth_date_epoch_day(&self) -> i32 {
        // Hetu years are 1800..=2099: a table of the first day of each year, then the month.
        const CUMULATIVE: [i32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        if let Some(&start) = YEAR_STARTS.get(usize::from(self.year.wrapping_sub(1800))) {
            let leap = self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0);
            let m = usize::from(self.month.clamp(1, 12)) - 1;
            return start + CUMULATIVE[m] + i32::from(leap && m >= 2) + i32::from(self.day) - 1;
        }
        // The proleptic Gregorian day count of H. Hinnant's `days_from_civil`, with years
        // starting in March so that the leap day is the last day of its year.
        let (m, d) = (i32::from(self.month), i32::from(self.day));
        let y = i32::from(self.year) - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The sex (see [`Hetu::sex`]).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{hetu::{self, Sex}, Environment};
    /// assert_eq!(hetu::verdict("010190-123M", Environment::Production)?.sex(), Sex::Male);
    /// # Ok::<(), onr_core::hetu::HetuError>(())
    /// ```
    pub fn sex(&self) -> Sex {
        if self.individual % 2 == 0 {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// Whether the individual number is 900–999 (see [`Hetu::is_temporary`]).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{hetu, Environment};
    /// assert!(hetu::verdict("010594Y9032", Environment::Test)?.is_temporary());
    /// # Ok::<(), onr_core::hetu::HetuError>(())
    /// ```
    pub fn is_temporary(&self) -> bool {
        self.individual >= 900
    }

    /// The quirks ONR accepts but the strict rules reject (see [`Hetu::warnings`]).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{hetu::{self, HetuWarning}, Environment};
    /// let v = hetu::verdict("310490-123D", Environment::Production)?;
    /// assert!(v.warnings().contains(HetuWarning::DateClamped));
    /// # Ok::<(), onr_core::hetu::HetuError>(())
    /// ```
    pub fn warnings(&self) -> HetuWarnings {
        self.warnings
    }
}

/// 1 January of each year 1800..=2099 in days since 1970-01-01.
const YEAR_STARTS: [i32; 300] = {
    let mut table = [0i32; 300];
    let mut days = -62_091; // 1800-01-01
    let mut i = 0;
    while i < 300 {
        table[i] = days;
        let y = 1800 + i as i32;
        days += if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) {
            366
        } else {
            365
        };
        i += 1;
    }
    table
};

impl From<Hetu> for Verdict {
    fn from(h: Hetu) -> Verdict {
        Verdict {
            year: h.birth_date.year() as u16,
            month: h.birth_date.month() as u8,
            day: h.birth_date.day() as u8,
            individual: h.individual,
            warnings: h.warnings,
        }
    }
}

impl fmt::Debug for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verdict")
            .field("birth_date", &self.birth_date())
            .field("sex", &self.sex())
            .field("temporary", &self.is_temporary())
            .field("warnings", &self.warnings)
            .finish()
    }
}

/// ONR's verdict as a [`Verdict`]: `Hetu::parse(input, env).map(Verdict::from)`, computed
/// without building the [`Hetu`] for eleven ASCII characters.
///
/// # Errors
///
/// The [`HetuError`] of [`Hetu::parse`].
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, hetu, Environment};
/// assert_eq!(hetu::verdict("131052-308X", Environment::Production).unwrap_err().code(), "hetu.checksum");
/// ```
#[inline]
pub fn verdict(input: &str, env: Environment) -> Result<Verdict, HetuError> {
    match ascii11(input) {
        Some(bytes) => verdict_ascii11(bytes, env, Rules::Onr),
        None => Hetu::parse_general(input, env, Rules::Onr).map(Verdict::from),
    }
}

/// The strict verdict as a [`Verdict`]: `Hetu::parse_strict(input, env).map(Verdict::from)`.
///
/// # Errors
///
/// The [`HetuError`] of [`Hetu::parse_strict`].
///
/// # Example
///
/// ```
/// use onr_core::{hetu, Environment};
/// assert!(hetu::verdict_strict("310490-123D", Environment::Production).is_err());
/// ```
#[inline]
pub fn verdict_strict(input: &str, env: Environment) -> Result<Verdict, HetuError> {
    match ascii11(input) {
        Some(bytes) => verdict_ascii11(bytes, env, Rules::Strict),
        None => Hetu::parse_general(input, env, Rules::Strict).map(Verdict::from),
    }
}
