//! Dates as ONR's Jackson reads them.

use chrono::{Datelike, NaiveDate};

/// `DateTimeFormatter.ISO_LOCAL_DATE` (strict), and the lenient `yyyy-MM-ddT...` form.
pub(crate) fn parse_iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    let (date_part, rest) = if b.len() > 10 && b[10] == b'T' {
        (&t[..10], Some(&t[11..]))
    } else {
        (t, None)
    };
    let d = date_part.as_bytes();
    let digits = |r: std::ops::Range<usize>| d[r].iter().all(u8::is_ascii_digit);
    if d.len() != 10
        || d[4] != b'-'
        || d[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let date = NaiveDate::parse_from_str(date_part, "%Y-%m-%d").ok()?;
    if date.year() < 0 {
        return None;
    }
    if let Some(time) = rest {
        let time = time.strip_suffix('Z').unwrap_or(time);
        chrono::NaiveTime::parse_from_str(time, "%H:%M:%S%.f")
            .or_else(|_| chrono::NaiveTime::parse_from_str(time, "%H:%M"))
            .ok()?;
    }
    Some(date)
}
