//! Small pieces of Java's standard library whose exact behaviour shows in ONR's answers.

/// `String.hashCode()`: the 31-polynomial over UTF-16 code units, wrapping.
pub(crate) fn string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(i32::from(u)))
}

/// The iteration order of a `java.util.HashSet<String>` after adding `items` in order
/// (duplicates dropped), as `HashSet.toString()` and `Collectors.toSet()` show it: buckets of
/// the final table in order, insertion order within a bucket. The table starts at 16 buckets
/// and doubles when the size exceeds three quarters of it, or when a bucket reaches 8 entries
/// while the table has fewer than 64 buckets. (Within a bucket that Java turns into a tree,
/// at 8 entries in a table of 64 or more, the order may differ; no code list comes near.)
pub(crate) fn hash_set_order<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let spread = |h: i32| (h ^ ((h as u32) >> 16) as i32) as u32;
    let mut table: Vec<Vec<(u32, &str)>> = vec![Vec::new(); 16];
    let mut size = 0usize;
    let resize = |table: &mut Vec<Vec<(u32, &'a str)>>| {
        let n = table.len() * 2;
        let mut next: Vec<Vec<(u32, &str)>> = vec![Vec::new(); n];
        for bucket in table.drain(..) {
            for (h, s) in bucket {
                next[(h as usize) & (n - 1)].push((h, s));
            }
        }
        *table = next;
    };
    for s in items {
        let h = spread(string_hash(s));
        let i = (h as usize) & (table.len() - 1);
        if table[i].iter().any(|&(_, t)| t == s) {
            continue;
        }
        table[i].push((h, s));
        if table[i].len() >= 9 && table.len() < 64 {
            resize(&mut table);
        }
        size += 1;
        if size > table.len() * 3 / 4 {
            resize(&mut table);
        }
    }
    table.into_iter().flatten().map(|(_, s)| s).collect()
}

/// `String.trim()`: removes leading and trailing characters up to U+0020.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

/// `Double.toString(double)` (Java 19 and later: the shortest decimal that reads back):
/// plain notation for magnitudes in [10^-3, 10^7), else `d.dddE±n`; always a fraction digit.
/// Only the JSON reader quotes doubles (Jackson's messages).
#[cfg(feature = "json")]
pub(crate) fn double_to_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let sci = format!("{:e}", v.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if v < 0.0 { "-" } else { "" };
    if (-3..7).contains(&exp) {
        let point = exp + 1;
        let body = if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{body}")
    } else {
        let rest = if digits.len() > 1 { &digits[1..] } else { "0" };
        format!("{sign}{}.{rest}E{exp}", &digits[..1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hash_matches_java() {
        // "246".hashCode() == 49_716, "".hashCode() == 0, "FI".hashCode() == 2_243.
        assert_eq!(string_hash("246"), 49_716);
        assert_eq!(string_hash(""), 0);
        assert_eq!(string_hash("FI"), 2_243);
        assert_eq!(string_hash("polygenelubricants"), i32::MIN);
    }

    #[test]
    fn hash_set_order_is_bucket_order() {
        // "b" (98 -> bucket 2) comes before "c" (99 -> bucket 3) whatever the insertion order;
        // "a" (97 -> bucket 1) first.
        assert_eq!(hash_set_order(["c", "a", "b"]), ["a", "b", "c"]);
        assert_eq!(hash_set_order(["x", "x"]), ["x"]);
        // "foo" 101_574 -> bucket 7, "bar" 97_299 -> bucket 2.
        assert_eq!(hash_set_order(["foo", "bar"]), ["bar", "foo"]);
    }

    #[test]
    fn trim_is_java_trim() {
        assert_eq!(trim("\u{1} 2001-02-03\t"), "2001-02-03");
        assert_eq!(trim("\u{a0}x"), "\u{a0}x");
    }

    #[test]
    #[cfg(feature = "json")]
    fn double_to_string_is_javas() {
        for (v, s) in [
            (1.5, "1.5"),
            (100.0, "100.0"),
            (0.1, "0.1"),
            (1e7, "1.0E7"),
            (1.25e-4, "1.25E-4"),
            (0.001, "0.001"),
            (-2.5e10, "-2.5E10"),
            (f64::INFINITY, "Infinity"),
            (-0.0, "-0.0"),
        ] {
            assert_eq!(double_to_string(v), s, "{v}");
        }
    }
}
