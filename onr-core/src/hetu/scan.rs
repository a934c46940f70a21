//! The general path: any input, counted in UTF-16 units as Java counts them, with Unicode
//! digits as Java's `Character.digit` reads them.

use chrono::NaiveDate;

use super::{
    century_of, days_in_month, is_ascii_digit, java_digit, length_error, unit_char, Hetu,
    HetuError, HetuWarning, HetuWarnings, Rules, CHECK_CHARS,
};
use crate::env::Environment;

/// What the parser saw, before the verdict-specific checks.
struct Scanned {
    units: [u16; 11],
    day: u8,
    month: u8,
    year: u16,
    individual: u16,
    non_ascii_digit: Option<u8>,
}

impl Hetu {
    /// The verdict on any input: UTF-16 units, Unicode digits, every length.
    pub(super) fn parse_general(
        input: &str,
        env: Environment,
        rules: Rules,
    ) -> Result<Hetu, HetuError> {
        let s = scan(input)?;
        let mut warnings = HetuWarnings::empty();
        let dim = days_in_month(i32::from(s.year), u32::from(s.month));
        let clamped_day = if u32::from(s.day) > dim {
            if rules == Rules::Strict {
                return Err(HetuError::Date {
                    day: s.day,
                    month: s.month,
                    nonexistent: true,
                });
            }
            warnings.insert(HetuWarning::DateClamped);
            dim
        } else {
            u32::from(s.day)
        };
        if let Some(position) = s.non_ascii_digit {
            if rules == Rules::Strict {
                return Err(HetuError::NonAsciiDigit { position });
            }
            warnings.insert(HetuWarning::NonAsciiDigit);
        }
        if s.individual < 2 {
            if rules == Rules::Strict {
                return Err(HetuError::IndividualNumber {
                    found: s.individual,
                });
            }
            warnings.insert(HetuWarning::IndividualNumberNotIssued);
        }
        let number = u32::from(s.day) * 10_000_000
            + u32::from(s.month) * 100_000
            + u32::from(s.year % 100) * 1000
            + u32::from(s.individual);
        let expected = CHECK_CHARS[(number % 31) as usize];
        if s.units[10] != u16::from(expected) {
            return Err(HetuError::Checksum {
                expected: char::from(expected),
                found: unit_char(s.units[10]),
            });
        }
        // ONR looks only at the ASCII character `9` in position 7; the strict rules look at
        // the number.
        let temporary = match rules {
            Rules::Onr => s.units[7] == u16::from(b'9'),
            Rules::Strict => s.individual >= 900,
        };
        if temporary && !env.allows_temporary_hetu() {
            return Err(HetuError::Temporary);
        }
        let birth_date =
            NaiveDate::from_ymd_opt(i32::from(s.year), u32::from(s.month), clamped_day).ok_or(
                HetuError::Date {
                    day: s.day,
                    month: s.month,
                    nonexistent: true,
                },
            )?;
        let mut raw = [0u8; 17];
        raw[..input.len()].copy_from_slice(input.as_bytes());
        Ok(Hetu {
            raw,
            raw_len: input.len() as u8,
            day: s.day,
            month: s.month,
            year: s.year,
            sign: s.units[6] as u8,
            individual: s.individual,
            check: expected,
            birth_date,
            warnings,
        })
    }
}

/// Checks the shape of the input and reads its components; everything the two verdicts share.
fn scan(input: &str) -> Result<Scanned, HetuError> {
    // Java counts UTF-16 units. Past the eleventh, only the count is still needed.
    let mut units = [0u16; 11];
    let bytes = input.as_bytes();
    let n = if bytes.len() == 11 && bytes.is_ascii() {
        // The common case: eleven ASCII characters are eleven UTF-16 units.
        for (u, &b) in units.iter_mut().zip(bytes) {
            *u = u16::from(b);
        }
        11
    } else {
        let mut n = 0usize;
        let mut iter = input.encode_utf16();
        for u in iter.by_ref() {
            if n == 11 {
                n += 1 + iter.count();
                break;
            }
            units[n] = u;
            n += 1;
        }
        n
    };
    if let Some(e) = length_error(n) {
        return Err(e);
    }
    let mut date = [0u8; 6];
    for (i, d) in date.iter_mut().enumerate() {
        let u = units[i];
        if !is_ascii_digit(u) {
            return Err(HetuError::Character {
                position: i as u8,
                found: unit_char(u),
            });
        }
        *d = (u - u16::from(b'0')) as u8;
    }
    let century = century_of(units[6]).ok_or(HetuError::CenturySign {
        found: unit_char(units[6]),
    })?;
    let mut individual = 0u16;
    let mut non_ascii_digit = None;
    for (i, &u) in units.iter().enumerate().take(10).skip(7) {
        let d = java_digit(u).ok_or(HetuError::Character {
            position: i as u8,
            found: unit_char(u),
        })?;
        if !is_ascii_digit(u) && non_ascii_digit.is_none() {
            non_ascii_digit = Some(i as u8);
        }
        individual = individual * 10 + u16::from(d);
    }
    let day = date[0] * 10 + date[1];
    let month = date[2] * 10 + date[3];
    let year = century + u16::from(date[4] * 10 + date[5]);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(HetuError::Date {
            day,
            month,
            nonexistent: false,
        });
    }
    Ok(Scanned {
        units,
        day,
        month,
        year,
        individual,
        non_ascii_digit,
    })
}
