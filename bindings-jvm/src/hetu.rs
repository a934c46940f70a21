//! `onr_core::hetu` for the JVM: parse, verdicts, batches, normalize, suggest, generation.

use std::sync::Mutex;

use chrono::{Datelike, NaiveDate};
use onr_core::error::Coded;
use onr_core::hetu::{self, Hetu, HetuError, Sex};
use onr_core::Environment;

use crate::error::{names, shielded, NativeError, Problem};

// A date crosses the boundary as its day count from 1970-01-01, which the generated Kotlin
// turns into a `java.time.LocalDate` (see `uniffi.toml`).
uniffi::custom_type!(NaiveDate, i64, {
    remote,
    lower: |date| i64::from(date.num_days_from_ce()) - DAYS_FROM_CE_TO_1970,
    try_lift: |days| i32::try_from(days + DAYS_FROM_CE_TO_1970)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| uniffi::deps::anyhow::anyhow!("date out of range")),
});

/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const DAYS_FROM_CE_TO_1970: i64 = 719_163;

/// A person's sex as a hetu encodes it (onr-core's own enum, exported as is).
#[uniffi::remote(Enum)]
pub enum Sex {
    Male,
    Female,
}

/// The koodisto `sukupuoli` code of a sex: `"1"` or `"2"`.
#[uniffi::export]
pub fn sex_code(sex: Sex) -> Result<String, NativeError> {
    shielded(|| Ok(sex.code().to_owned()))
}

/// A parsed hetu and everything onr-core derives from it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HetuValue {
    /// The text exactly as parsed (what ONR stores).
    pub text: String,
    /// The canonical ASCII form.
    pub canonical: String,
    /// The birth date as ONR derives it.
    pub birth_date: NaiveDate,
    /// The sex.
    pub sex: Sex,
    /// The century sign.
    pub century_sign: String,
    /// 1800, 1900 or 2000.
    pub century: i32,
    /// 0..=999.
    pub individual_number: i32,
    /// The check character.
    pub check_char: String,
    /// Individual number 900-999.
    pub temporary: bool,
    /// The quirks ONR accepts but the strict rules reject.
    pub warnings: Vec<Problem>,
}

impl From<Hetu> for HetuValue {
    fn from(h: Hetu) -> HetuValue {
        HetuValue {
            text: h.as_str().to_owned(),
            canonical: h.to_string(),
            birth_date: h.birth_date(),
            sex: h.sex(),
            century_sign: h.century_sign().to_string(),
            century: i32::from(h.century()),
            individual_number: i32::from(h.individual_number()),
            check_char: h.check_char().to_string(),
            temporary: h.is_temporary(),
            warnings: h.warnings().iter().map(|w| Problem::from(&w)).collect(),
        }
    }
}

/// One input's verdict in a batch: exactly one of `hetu` and `error` is set.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HetuOutcome {
    /// The parsed hetu, if valid.
    pub hetu: Option<HetuValue>,
    /// Why it is invalid, if it is.
    pub error: Option<Problem>,
}

impl From<Result<Hetu, HetuError>> for HetuOutcome {
    fn from(r: Result<Hetu, HetuError>) -> HetuOutcome {
        match r {
            Ok(h) => HetuOutcome {
                hetu: Some(h.into()),
                error: None,
            },
            Err(e) => HetuOutcome {
                hetu: None,
                error: Some(Problem::from(&e)),
            },
        }
    }
}

/// [`Hetu::parse`]: ONR's verdict.
#[uniffi::export]
pub fn hetu_parse(input: String, env: Environment) -> Result<HetuValue, NativeError> {
    shielded(|| Ok(Hetu::parse(&input, env)?.into()))
}

/// [`Hetu::parse_strict`]: the official rules.
#[uniffi::export]
pub fn hetu_parse_strict(input: String, env: Environment) -> Result<HetuValue, NativeError> {
    shielded(|| Ok(Hetu::parse_strict(&input, env)?.into()))
}

/// [`hetu::length_error`]: the error of every input of `units` UTF-16 units (`units >= 0`)
/// when the length alone decides, so that the facade answers for a huge string without
/// copying it; `Ok` when the characters decide.
#[uniffi::export]
pub fn hetu_check_length(units: i32) -> Result<(), NativeError> {
    shielded(
        || match hetu::length_error(usize::try_from(units).unwrap_or(0)) {
            Some(e) => Err(e.into()),
            None => Ok(()),
        },
    )
}

/// [`hetu::is_valid`].
#[uniffi::export]
pub fn hetu_is_valid(input: String, env: Environment) -> Result<bool, NativeError> {
    shielded(|| Ok(hetu::is_valid(&input, env)))
}

/// [`hetu::is_valid`] on UTF-8 bytes: the per-call path without UniFFI's string encoder
/// (the facade encodes, replacing lone surrogates with U+FFFD).
#[uniffi::export]
pub fn hetu_is_valid_utf8(input: Vec<u8>, env: Environment) -> Result<bool, NativeError> {
    shielded(|| Ok(hetu::is_valid(&String::from_utf8_lossy(&input), env)))
}

/// [`hetu::is_valid_strict`].
#[uniffi::export]
pub fn hetu_is_valid_strict(input: String, env: Environment) -> Result<bool, NativeError> {
    shielded(|| Ok(hetu::is_valid_strict(&input, env)))
}

/// [`hetu::validate_many`] with one full record per input.
#[uniffi::export]
pub fn hetu_validate_all(
    inputs: Vec<String>,
    env: Environment,
) -> Result<Vec<HetuOutcome>, NativeError> {
    shielded(|| {
        Ok(hetu::validate_many(&inputs, env)
            .into_iter()
            .map(HetuOutcome::from)
            .collect())
    })
}

/// [`hetu::validate_many_strict`] with one full record per input.
#[uniffi::export]
pub fn hetu_validate_all_strict(
    inputs: Vec<String>,
    env: Environment,
) -> Result<Vec<HetuOutcome>, NativeError> {
    shielded(|| {
        Ok(hetu::validate_many_strict(&inputs, env)
            .into_iter()
            .map(HetuOutcome::from)
            .collect())
    })
}

/// Every error code of [`HetuError`], in the order [`hetu_validate_packed`] numbers them.
#[uniffi::export]
pub fn hetu_error_codes() -> Vec<String> {
    names(&HetuError::ALL_CODES)
}

/// The compact batch transport of the Java facade's `Hetu.validateAll`: one copy in, one
/// copy out, no object per item.
///
/// `inputs` is the UTF-8 of every input, each followed by the byte `0xFF` (which UTF-8 never
/// contains). The result has one little-endian `i32` per input, in order, as `pack` makes it.
#[uniffi::export]
pub fn hetu_validate_packed(
    inputs: Vec<u8>,
    env: Environment,
    strict: bool,
) -> Result<Vec<u8>, NativeError> {
    shielded(|| Ok(validate_packed(&inputs, env, strict)))
}

/// The body of [`hetu_validate_packed`].
fn validate_packed(inputs: &[u8], env: Environment, strict: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(inputs.len() / 3);
    let mut items = inputs.split(|&b| b == 0xFF);
    // Every item is terminated, so the last split is the empty tail after the final 0xFF.
    let _tail = items.next_back();
    for item in items {
        let text = String::from_utf8_lossy(item);
        let result = if strict {
            hetu::verdict_strict(&text, env)
        } else {
            hetu::verdict(&text, env)
        };
        out.extend_from_slice(&pack(&result).to_le_bytes());
    }
    out
}

/// `NaiveDate::num_days_from_ce` of 1800-01-01, which every hetu's birth date is on or after.
const DAYS_FROM_CE_TO_1800: i32 = 657_072;
/// 1800-01-01 in days since 1970-01-01.
const EPOCH_DAY_OF_1800: i32 = -62_091;

/// The index of an error's code in [`HetuError::ALL_CODES`].
fn code_index(e: &HetuError) -> usize {
    match e {
        HetuError::Empty => 0,
        HetuError::Length { .. } => 1,
        HetuError::Character { .. } => 2,
        HetuError::CenturySign { .. } => 3,
        HetuError::Date { .. } => 4,
        HetuError::IndividualNumber { .. } => 5,
        HetuError::NonAsciiDigit { .. } => 6,
        HetuError::Checksum { .. } => 7,
        HetuError::Temporary => 8,
        // A variant added to onr-core later: found by its code.
        _ => HetuError::ALL_CODES
            .iter()
            .position(|c| *c == e.code())
            .unwrap_or(HetuError::ALL_CODES.len()),
    }
}

/// What a packed verdict is made of: a [`Hetu`] or a [`hetu::Verdict`].
pub(crate) trait Packable {
    /// Days since 1800-01-01.
    fn days_since_1800(&self) -> i32;
    fn has_warnings(&self) -> bool;
    fn is_temporary(&self) -> bool;
    fn sex(&self) -> Sex;
}

macro_rules! packable {
    ($t:ty, $days:expr) => {
        impl Packable for $t {
            fn days_since_1800(&self) -> i32 {
                $days(self)
            }
            fn has_warnings(&self) -> bool {
                !<$t>::warnings(self).is_empty()
            }
            fn is_temporary(&self) -> bool {
                <$t>::is_temporary(self)
            }
            fn sex(&self) -> Sex {
                <$t>::sex(self)
            }
        }
    };
}
packable!(Hetu, |h: &Hetu| h.birth_date().num_days_from_ce()
    - DAYS_FROM_CE_TO_1800);
packable!(hetu::Verdict, |v: &hetu::Verdict| v.birth_date_epoch_day()
    - EPOCH_DAY_OF_1800);

/// One packed verdict: a valid hetu is `days_since_1800 << 4 | warnings << 2 | temporary << 1 | female`
/// (non-negative: at most 109 573 days, 17 bits); an invalid one is `-1 - code_index`, the
/// index into [`hetu_error_codes`].
pub(crate) fn pack<V: Packable>(result: &Result<V, HetuError>) -> i32 {
    match result {
        Ok(h) => {
            let days = h.days_since_1800();
            let warnings = i32::from(h.has_warnings());
            let temporary = i32::from(h.is_temporary());
            let female = i32::from(h.sex() == Sex::Female);
            days << 4 | warnings << 2 | temporary << 1 | female
        }
        Err(e) => -1 - code_index(e) as i32,
    }
}

/// [`hetu::normalize`]: the cleaned text and the codes of what changed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NormalizedValue {
    /// The cleaned text, not validated.
    pub value: String,
    /// `trimmed`, `dash_replaced`, `ascii_folded`, `uppercased`, in that order.
    pub changes: Vec<String>,
}

/// [`hetu::normalize`].
#[uniffi::export]
pub fn hetu_normalize(input: String) -> Result<NormalizedValue, NativeError> {
    shielded(|| {
        let n = hetu::normalize(&input);
        Ok(NormalizedValue {
            changes: n.changes.iter().map(|c| c.as_str().to_owned()).collect(),
            value: n.value,
        })
    })
}

/// The names of the rule sets ([`hetu::RuleSet::as_str`] of [`hetu::RuleSet::ALL`]): the
/// facade's `HetuRules` is checked against them.
#[uniffi::export]
pub fn hetu_rule_set_names() -> Vec<String> {
    hetu::RuleSet::ALL
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect()
}

/// The names of the kinds of [`hetu::Edit`] ([`hetu::Edit::NAMES`]).
#[uniffi::export]
pub fn hetu_edit_names() -> Vec<String> {
    names(&hetu::Edit::NAMES)
}

/// A suggestion of [`hetu::suggest`].
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SuggestionValue {
    /// The suggested code.
    pub hetu: HetuValue,
    /// `normalized`, `transposition` or `substitution`.
    pub edit: String,
    /// The 0-based position of the edit, -1 for `normalized`.
    pub position: i32,
}

/// [`hetu::suggest`].
#[uniffi::export]
pub fn hetu_suggest(
    input: String,
    env: Environment,
    max: i32,
) -> Result<Vec<SuggestionValue>, NativeError> {
    shielded(|| {
        Ok(
            hetu::suggest(&input, env, usize::try_from(max).unwrap_or(0))
                .into_iter()
                .map(|s| SuggestionValue {
                    hetu: s.hetu.into(),
                    edit: s.edit.as_str().to_owned(),
                    position: s.edit.position().map_or(-1, i32::from),
                })
                .collect(),
        )
    })
}

/// [`Hetu::warnings_on`]: the warnings of a parsed hetu plus those that depend on `today`.
#[uniffi::export]
pub fn hetu_warnings_on(
    input: String,
    env: Environment,
    strict: bool,
    today: NaiveDate,
) -> Result<Vec<Problem>, NativeError> {
    shielded(|| {
        let h = if strict {
            Hetu::parse_strict(&input, env)?
        } else {
            Hetu::parse(&input, env)?
        };
        Ok(h.warnings_on(today)
            .iter()
            .map(|w| Problem::from(&w))
            .collect())
    })
}

/// [`Hetu::age_on`]: the age in whole years, or -1 if born after `today`.
#[uniffi::export]
pub fn hetu_age_on(input: String, env: Environment, today: NaiveDate) -> Result<i32, NativeError> {
    shielded(|| {
        let age = Hetu::parse(&input, env)?.age_on(today);
        Ok(age.and_then(|a| i32::try_from(a).ok()).unwrap_or(-1))
    })
}

/// [`hetu::check_char`] of the nine-digit number `DDMMYYNNN`.
#[uniffi::export]
pub fn hetu_check_char(number: i32) -> Result<String, NativeError> {
    shielded(|| Ok(hetu::check_char(number.unsigned_abs()).to_string()))
}

/// [`hetu::Generator`], shareable between threads.
#[derive(Debug, uniffi::Object)]
pub struct HetuGenerator(Mutex<hetu::Generator>);

#[uniffi::export]
impl HetuGenerator {
    /// [`hetu::Generator::new`].
    #[uniffi::constructor]
    pub fn new(seed: i64) -> Result<HetuGenerator, NativeError> {
        shielded(|| Ok(HetuGenerator(Mutex::new(hetu::Generator::new(seed as u64)))))
    }

    /// [`hetu::Generator::temporary`].
    pub fn temporary(&self, date: NaiveDate) -> Result<HetuValue, NativeError> {
        shielded(|| Ok(self.lock().temporary(date)?.into()))
    }

    /// [`hetu::Generator::ordinary`].
    pub fn ordinary(&self, date: NaiveDate) -> Result<HetuValue, NativeError> {
        shielded(|| Ok(self.lock().ordinary(date)?.into()))
    }
}

impl HetuGenerator {
    fn lock(&self) -> std::sync::MutexGuard<'_, hetu::Generator> {
        // A panic while holding the lock leaves the generator's state consistent (it is one u64).
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_constants_match_onr_core() {
        let start = NaiveDate::from_ymd_opt(1800, 1, 1).expect("a date");
        assert_eq!(start.num_days_from_ce(), DAYS_FROM_CE_TO_1800);
        assert_eq!(
            (start - NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date")).num_days(),
            i64::from(EPOCH_DAY_OF_1800)
        );
        let errors = [
            Hetu::parse("", Environment::Production),
            Hetu::parse("1", Environment::Production),
            Hetu::parse("x10190-123M", Environment::Production),
            Hetu::parse("010190Z123M", Environment::Production),
            Hetu::parse("320190-123M", Environment::Production),
            Hetu::parse_strict("010190-001P", Environment::Production),
            Hetu::parse_strict("010190-１２３M", Environment::Production),
            Hetu::parse("010190-123X", Environment::Production),
            Hetu::parse("010190-900P", Environment::Production),
        ];
        for (i, r) in errors.iter().enumerate() {
            let e = r.expect_err("invalid");
            assert_eq!(HetuError::ALL_CODES[i], e.code());
            assert_eq!(code_index(&e), i);
            assert_eq!(pack(r), -1 - i as i32);
        }
        let h = Hetu::parse("010594Y9032", Environment::Test);
        let packed = pack(&h);
        assert_eq!(
            packed,
            pack(&hetu::verdict("010594Y9032", Environment::Test))
        );
        let h = h.expect("valid");
        assert_eq!(
            i64::from(packed >> 4),
            h.birth_date().signed_duration_since(start).num_days()
        );
        assert_eq!(packed & 0b111, 0b010 | i32::from(h.sex() == Sex::Female));
    }
}
