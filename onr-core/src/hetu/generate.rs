//! Generation of test codes.

use chrono::{Datelike, NaiveDate};

use super::{check_char, signs_of, Hetu};
use crate::env::Environment;
use crate::error::{code_table, Category, Coded, Lang};

/// Why a code could not be generated.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use onr_core::{error::Coded, hetu::Generator};
/// let err = Generator::new(1).temporary(NaiveDate::from_ymd_opt(2100, 1, 1).unwrap()).unwrap_err();
/// assert_eq!(err.code(), "hetu.generate.date_out_of_range");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum GenerateError {
    /// A hetu can encode only the birth dates 1800-01-01..=2099-12-31.
    #[error("{}", self.message(Lang::En))]
    DateOutOfRange,
}

code_table! {
    /// Every code of [`GenerateError`], in the order of its variants.
    GenerateError {
        GenerateError::DateOutOfRange => "hetu.generate.date_out_of_range", Category::Component;
    }
}

impl Coded for GenerateError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => "date out of range, expected 1800-01-01..2099-12-31",
            Lang::Fi => "päivämäärä ei ole sallitulla välillä 1800-01-01..2099-12-31",
            Lang::Sv => "datumet är utanför intervallet 1800-01-01..2099-12-31",
        }
        .into()
    }
}

/// A deterministic generator of valid hetus, for test data.
///
/// Given the same seed it gives the same codes, on every platform. [`temporary`](Self::temporary)
/// makes codes with individual numbers 900–999 (what ONR's own `TestiHetuRandomizer` makes: a
/// random century sign of the date's century); [`ordinary`](Self::ordinary) makes codes with
/// individual numbers 002–899, which may belong to real people, so it is only for when that is
/// really wanted.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use onr_core::{hetu::{Generator, Hetu}, Environment};
///
/// let mut generator = Generator::new(42);
/// let date = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
/// let hetu = generator.temporary(date)?;
/// assert!(hetu.is_temporary());
/// assert_eq!(hetu.birth_date(), date);
/// assert!(Hetu::parse_strict(&hetu.to_string(), Environment::Test).is_ok());
/// // Same seed, same codes.
/// assert_eq!(Generator::new(42).temporary(date)?, hetu);
/// # Ok::<(), onr_core::hetu::GenerateError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    rng: crate::rng::SplitMix64,
}

impl Generator {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: crate::rng::SplitMix64::new(seed),
        }
    }

    /// A temporary code (individual number 900–999) for the birth date.
    ///
    /// # Errors
    ///
    /// [`GenerateError::DateOutOfRange`] for dates outside 1800-01-01..=2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
    /// assert_eq!(onr_core::hetu::Generator::new(7).temporary(d)?.century_sign(), '+');
    /// # Ok::<(), onr_core::hetu::GenerateError>(())
    /// ```
    pub fn temporary(&mut self, date: NaiveDate) -> Result<Hetu, GenerateError> {
        let individual = 900 + self.rng.below(100) as u16;
        self.make(date, individual)
    }

    /// An ordinary code (individual number 002–899) for the birth date. Such codes may belong
    /// to real people: use [`temporary`](Self::temporary) for test data.
    ///
    /// # Errors
    ///
    /// [`GenerateError::DateOutOfRange`] for dates outside 1800-01-01..=2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(1990, 6, 1).unwrap();
    /// let hetu = onr_core::hetu::Generator::new(7).ordinary(d)?;
    /// assert!((2..900).contains(&hetu.individual_number()));
    /// # Ok::<(), onr_core::hetu::GenerateError>(())
    /// ```
    pub fn ordinary(&mut self, date: NaiveDate) -> Result<Hetu, GenerateError> {
        let individual = 2 + self.rng.below(898) as u16;
        self.make(date, individual)
    }

    fn make(&mut self, date: NaiveDate, individual: u16) -> Result<Hetu, GenerateError> {
        let year = date.year();
        if !(1800..=2099).contains(&year) {
            return Err(GenerateError::DateOutOfRange);
        }
        let signs = signs_of((year / 100 * 100) as u16);
        let sign = signs[self.rng.below(signs.len() as u64) as usize];
        let number = date.day() * 10_000_000
            + date.month() * 100_000
            + (year % 100) as u32 * 1000
            + u32::from(individual);
        let text = format!(
            "{:02}{:02}{:02}{}{:03}{}",
            date.day(),
            date.month(),
            year % 100,
            char::from(sign),
            individual,
            check_char(number)
        );
        Hetu::parse_strict(&text, Environment::Test).map_err(|_| GenerateError::DateOutOfRange)
    }
}
