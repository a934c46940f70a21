//! The fast path: eleven ASCII bytes.
//!
//! Almost every real input is eleven ASCII characters. For those the UTF-16 length is the byte
//! length, a Java digit is an ASCII digit and ONR's "starts with the character 9" is "the number
//! is 900 or more", so the verdict is straight-line code over bytes. Everything else (other
//! lengths, any non-ASCII byte) takes the general path. Both give exactly the same answer on
//! every input: `fast_path_equals_general_path` (proptest) and the vector tests pin it.

use chrono::NaiveDate;

use super::{facts::Verdict, Hetu, HetuError, HetuWarning, HetuWarnings, Rules, CHECK_CHARS};
use crate::env::Environment;

/// The input as eleven ASCII bytes, if it is exactly that.
#[inline]
pub(super) fn ascii11(input: &str) -> Option<&[u8; 11]> {
    let bytes: &[u8; 11] = input.as_bytes().try_into().ok()?;
    bytes.is_ascii().then_some(bytes)
}

/// The value of an ASCII digit, or a value above 9.
#[inline(always)]
pub(super) fn digit(b: u8) -> u8 {
    b.wrapping_sub(b'0')
}

/// Days in a month of a year in 1800..=2099, without a calendar library.
#[inline]
fn days_in_month_fast(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The fields of eleven ASCII bytes whose shape is right: digits, century sign, day 1–31 and
/// month 1–12. The error is the general path's error for the same input.
#[derive(Clone, Copy)]
struct Fields {
    day: u8,
    month: u8,
    year: u16,
    individual: u16,
    /// `DDMMYYNNN`, whose remainder modulo 31 picks the check character.
    number: u32,
}

/// The century of each byte as a century sign, 0 where it is none.
const CENTURY_OF_BYTE: [u16; 256] = {
    let mut table = [0u16; 256];
    let signs: [(&[u8], u16); 3] = [(b"+", 1800), (b"-YXWVU", 1900), (b"ABCDEF", 2000)];
    let mut k = 0;
    while k < signs.len() {
        let (bytes, century) = signs[k];
        let mut i = 0;
        while i < bytes.len() {
            table[bytes[i] as usize] = century;
            i += 1;
        }
        k += 1;
    }
    table
};

// Always inlined: returned through memory, the small fields are written byte by byte and read
// back as words, and that store-to-load forwarding stall cost more than the checks.
#[inline(always)]
fn fields_ascii11(b: &[u8; 11]) -> Result<Fields, HetuError> {
    // One branch for the common case: a bit per position that is not a digit where one must be.
    let mut bad = 0u16;
    for i in [0, 1, 2, 3, 4, 5, 7, 8, 9] {
        bad |= u16::from(digit(b[i]) > 9) << i;
    }
    let century = CENTURY_OF_BYTE[usize::from(b[6])];
    if bad != 0 || century == 0 {
        return Err(shape_error_ascii11(b, bad, century));
    }
    let day = digit(b[0]) * 10 + digit(b[1]);
    let month = digit(b[2]) * 10 + digit(b[3]);
    let yy = digit(b[4]) * 10 + digit(b[5]);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(HetuError::Date {
            day,
            month,
            nonexistent: false,
        });
    }
    let individual =
        u16::from(digit(b[7])) * 100 + u16::from(digit(b[8])) * 10 + u16::from(digit(b[9]));
    let number = u32::from(day) * 10_000_000
        + u32::from(month) * 100_000
        + u32::from(yy) * 1000
        + u32::from(individual);
    Ok(Fields {
        day,
        month,
        year: century + u16::from(yy),
        individual,
        number,
    })
}

/// The first shape error, in the documented order: date digits, century sign, individual
/// number digits. `bad` has a bit per position holding a non-digit.
#[cold]
fn shape_error_ascii11(b: &[u8; 11], bad: u16, century: u16) -> HetuError {
    let character = |i: u32| HetuError::Character {
        position: i as u8,
        found: char::from(b[i as usize]),
    };
    if bad & 0x3F != 0 {
        character(bad.trailing_zeros())
    } else if century == 0 {
        HetuError::CenturySign {
            found: char::from(b[6]),
        }
    } else {
        character(bad.trailing_zeros())
    }
}

/// The checks after the shape for eleven ASCII bytes, in the general path's order: the fields,
/// the clamped day and the warnings.
#[inline(always)]
fn check_ascii11(
    b: &[u8; 11],
    env: Environment,
    rules: Rules,
) -> Result<(Fields, u8, HetuWarnings), HetuError> {
    let f = fields_ascii11(b)?;
    let mut warnings = HetuWarnings::empty();
    let dim = days_in_month_fast(f.year, f.month);
    let clamped_day = if f.day > dim {
        if rules == Rules::Strict {
            return Err(HetuError::Date {
                day: f.day,
                month: f.month,
                nonexistent: true,
            });
        }
        warnings.insert(HetuWarning::DateClamped);
        dim
    } else {
        f.day
    };
    if f.individual < 2 {
        if rules == Rules::Strict {
            return Err(HetuError::IndividualNumber {
                found: f.individual,
            });
        }
        warnings.insert(HetuWarning::IndividualNumberNotIssued);
    }
    let expected = CHECK_CHARS[(f.number % 31) as usize];
    if b[10] != expected {
        return Err(HetuError::Checksum {
            expected: char::from(expected),
            found: char::from(b[10]),
        });
    }
    // ASCII digits: "starts with 9" (ONR) and "900 or more" (strict) are the same test.
    if f.individual >= 900 && !env.allows_temporary_hetu() {
        return Err(HetuError::Temporary);
    }
    Ok((f, clamped_day, warnings))
}

/// [`Hetu::parse_general`] for eleven ASCII bytes.
#[inline]
pub(super) fn parse_ascii11(
    b: &[u8; 11],
    env: Environment,
    rules: Rules,
) -> Result<Hetu, HetuError> {
    let (f, clamped_day, warnings) = check_ascii11(b, env, rules)?;
    let birth_date = NaiveDate::from_ymd_opt(
        i32::from(f.year),
        u32::from(f.month),
        u32::from(clamped_day),
    )
    .ok_or(HetuError::Date {
        day: f.day,
        month: f.month,
        nonexistent: true,
    })?;
    // Built as two whole words: a byte-wise copy of eleven bytes is two overlapping stores,
    // which stall the load that moves the value into place.
    let lo = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
    let hi = u64::from_le_bytes([b[8], b[9], b[10], 0, 0, 0, 0, 0]);
    let mut raw = [0u8; 17];
    raw[..8].copy_from_slice(&lo.to_le_bytes());
    raw[8..16].copy_from_slice(&hi.to_le_bytes());
    Ok(Hetu {
        raw,
        raw_len: 11,
        day: f.day,
        month: f.month,
        year: f.year,
        sign: b[6],
        individual: f.individual,
        check: b[10],
        birth_date,
        warnings,
    })
}

/// `parse_ascii11(..).map(Verdict::from)` without building the value.
#[inline]
pub(super) fn verdict_ascii11(
    b: &[u8; 11],
    env: Environment,
    rules: Rules,
) -> Result<Verdict, HetuError> {
    let (f, clamped_day, warnings) = check_ascii11(b, env, rules)?;
    Ok(Verdict {
        year: f.year,
        month: f.month,
        day: clamped_day,
        individual: f.individual,
        warnings,
    })
}

/// `parse_ascii11(..).is_ok()` without building the value.
#[inline]
pub(super) fn is_valid_ascii11(b: &[u8; 11], env: Environment, rules: Rules) -> bool {
    let Ok(f) = fields_ascii11(b) else {
        return false;
    };
    if rules == Rules::Strict && (f.day > days_in_month_fast(f.year, f.month) || f.individual < 2) {
        return false;
    }
    b[10] == CHECK_CHARS[(f.number % 31) as usize]
        && (f.individual < 900 || env.allows_temporary_hetu())
}
