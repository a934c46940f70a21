//! Dates as ONR reads them: its own `LocalDateJsonComponent` takes only a JSON string, trims
//! it (Java's `trim()`), reads `""` as null and parses the rest with `LocalDate.parse`
//! (`DateTimeFormatter.ISO_LOCAL_DATE`, strict). A failure is ONR's 400 with
//! `java.time`'s message, reproduced here exactly (the text is Java's, so indices count
//! UTF-16 units and a text over 64 units is cut to 64 and `...`).

use chrono::NaiveDate;

#[cfg(feature = "json")]
use super::java;

/// What `LocalDate.parse` gives for an ISO date text: a date, a valid date outside the range
/// this crate can hold (`Ok(None)`; Java's years reach ±999,999,999), or `java.time`'s
/// message.
pub(crate) fn parse_local_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let quoted = if units.len() > 64 {
        format!("{}...", String::from_utf16_lossy(&units[..64]))
    } else {
        text.to_owned()
    };
    let at = |index: usize| format!("Text '{quoted}' could not be parsed at index {index}");
    let mut pos = 0;
    let year = match number(&units, &mut pos, 4, 10, true) {
        Ok(y) => y,
        Err(i) => return Err(at(i)),
    };
    let literal = |pos: &mut usize| -> Result<(), usize> {
        if units.get(*pos) == Some(&u16::from(b'-')) {
            *pos += 1;
            Ok(())
        } else {
            Err(*pos)
        }
    };
    literal(&mut pos).map_err(at)?;
    let month = number(&units, &mut pos, 2, 2, false).map_err(at)?;
    literal(&mut pos).map_err(at)?;
    let day = number(&units, &mut pos, 2, 2, false).map_err(at)?;
    if pos < units.len() {
        return Err(format!(
            "Text '{quoted}' could not be parsed, unparsed text found at index {pos}"
        ));
    }
    let resolve = |m: String| format!("Text '{quoted}' could not be parsed: {m}");
    if !(-999_999_999..=999_999_999).contains(&year) {
        return Err(resolve(format!(
            "Invalid value for Year (valid values -999999999 - 999999999): {year}"
        )));
    }
    if !(1..=12).contains(&month) {
        return Err(resolve(format!(
            "Invalid value for MonthOfYear (valid values 1 - 12): {month}"
        )));
    }
    if !(1..=31).contains(&day) {
        return Err(resolve(format!(
            "Invalid value for DayOfMonth (valid values 1 - 28/31): {day}"
        )));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > length {
        return Err(resolve(if day == 29 {
            format!("Invalid date 'February 29' as '{year}' is not a leap year")
        } else {
            format!("Invalid date '{} {day}'", MONTHS[month as usize - 1])
        }));
    }
    Ok(i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month as u32, day as u32)))
}

const MONTHS: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// `DateTimeFormatterBuilder`'s strict number parser: a year (`signed`: sign style
/// `EXCEEDS_PAD`, `+` only beyond the minimum width, `-0` refused) or a fixed-width
/// non-negative field. `Err` is the error index.
fn number(
    units: &[u16],
    pos: &mut usize,
    min: usize,
    max: usize,
    signed: bool,
) -> Result<i64, usize> {
    let len = units.len();
    if *pos == len {
        return Err(*pos);
    }
    let mut start = *pos;
    let (mut positive, mut negative) = (false, false);
    match units[start] {
        0x2B | 0x2D if !signed => return Err(start),
        0x2B => {
            positive = true;
            start += 1;
        }
        0x2D => {
            negative = true;
            start += 1;
        }
        _ => {}
    }
    if start + min > len {
        return Err(start);
    }
    let end_max = (start + max).min(len);
    let mut p = start;
    let mut total: i64 = 0;
    while p < end_max {
        let u = units[p];
        if !(0x30..=0x39).contains(&u) {
            break;
        }
        total = total * 10 + i64::from(u - 0x30);
        p += 1;
    }
    if p < start + min {
        return Err(start);
    }
    if negative {
        if total == 0 {
            return Err(start - 1);
        }
        total = -total;
    } else if signed {
        let parsed = p - start;
        if positive && parsed <= min {
            return Err(start - 1);
        }
        if !positive && parsed > min {
            return Err(start);
        }
    }
    *pos = p;
    Ok(total)
}

/// `syntymaaika` given as a string, as ONR reads it: `Ok(None)` for a blank string.
#[cfg(feature = "json")]
pub(crate) fn read_string_date(s: &str) -> Result<Option<NaiveDate>, String> {
    let t = java::trim(s);
    if t.is_empty() {
        return Ok(None);
    }
    parse_local_date(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_time_messages() {
        for (text, expected) in [
            ("2005-03-14", "ok"),
            ("-2005-03-14", "ok"),
            ("+12005-03-14", "ok"),
            ("+2005-03-14", "Text '+2005-03-14' could not be parsed at index 0"),
            ("-0000-01-01", "Text '-0000-01-01' could not be parsed at index 0"),
            ("12005-03-14", "Text '12005-03-14' could not be parsed at index 0"),
            ("2005-3-14", "Text '2005-3-14' could not be parsed at index 5"),
            ("2005-+3-14", "Text '2005-+3-14' could not be parsed at index 5"),
            ("2005-03-1", "Text '2005-03-1' could not be parsed at index 8"),
            ("2005/03/14", "Text '2005/03/14' could not be parsed at index 4"),
            (
                "2005-03-14T",
                "Text '2005-03-14T' could not be parsed, unparsed text found at index 10",
            ),
            (
                "2005-02-29",
                "Text '2005-02-29' could not be parsed: Invalid date 'February 29' as '2005' is not a leap year",
            ),
            (
                "2005-04-31",
                "Text '2005-04-31' could not be parsed: Invalid date 'APRIL 31'",
            ),
            (
                "2005-00-10",
                "Text '2005-00-10' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 0",
            ),
            (
                "2005-01-32",
                "Text '2005-01-32' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 32",
            ),
            ("２００５-03-14", "Text '２００５-03-14' could not be parsed at index 0"),
        ] {
            let got = match parse_local_date(text) {
                Ok(_) => "ok".to_owned(),
                Err(m) => m,
            };
            assert_eq!(got, expected, "{text}");
        }
        let long = "x".repeat(70);
        assert_eq!(
            parse_local_date(&long).unwrap_err(),
            format!(
                "Text '{}...' could not be parsed at index 0",
                "x".repeat(64)
            )
        );
        #[cfg(feature = "json")]
        assert_eq!(read_string_date(" \t"), Ok(None));
    }
}
