//! The Jaro-Winkler metric of `onr similarity`: Lucene's value, printed as Java prints a float.

use onr_core::similarity::jaro_winkler::{self, THRESHOLD};
use onr_core::similarity::name_match::comparison_form;

/// One output line for the pair `a`, `b`: `value<TAB>1|0`, the value as Java's
/// `Float.toString` prints it and the verdict at ONR's threshold (`>= 0.85`).
///
/// With `normalize`, both strings are first brought to ONR's comparison form (NFD, accents
/// stripped, ASCII transliteration, lowercase), as ONR's name checks do.
pub fn jaro_winkler_line(a: &str, b: &str, normalize: bool) -> String {
    let value = if normalize {
        jaro_winkler::similarity(&comparison_form(a), &comparison_form(b))
    } else {
        jaro_winkler::similarity(a, b)
    };
    let verdict = if value >= THRESHOLD { '1' } else { '0' };
    format!("{}\t{verdict}", java_float_to_string(value))
}

/// Java's `Float.toString` (as of Java 17): the shortest decimal that reads back as the same
/// float, printed as `0.85`, `1.0`, `0.0` for values from `10^-3` (inclusive) to `10^7`
/// (exclusive) and as `8.5E-4` (computerized scientific notation, at least one fraction digit)
/// otherwise.
pub fn java_float_to_string(value: f32) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if value == 0.0 {
        return format!("{sign}0.0");
    }
    // Rust's `{:e}` gives the shortest round-tripping digits: `d.ddde<exp>`.
    let sci = format!("{:e}", value.abs());
    let (mantissa, exponent) = sci.split_once('e').expect("`{:e}` has an exponent");
    let exponent: i32 = exponent.parse().expect("a decimal exponent");
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();

    let magnitude = value.abs();
    if (1e-3..1e7).contains(&magnitude) {
        if exponent >= 0 {
            let int_len = exponent as usize + 1;
            let (int_part, frac_part) = if digits.len() > int_len {
                (digits[..int_len].to_owned(), digits[int_len..].to_owned())
            } else {
                (
                    format!("{digits}{}", "0".repeat(int_len - digits.len())),
                    "0".to_owned(),
                )
            };
            format!("{sign}{int_part}.{frac_part}")
        } else {
            let zeros = "0".repeat((-exponent - 1) as usize);
            format!("{sign}0.{zeros}{digits}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{sign}{first}.{rest}E{exponent}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_float_format() {
        for (v, java) in [
            (0.0f32, "0.0"),
            (1.0, "1.0"),
            (0.85, "0.85"),
            (0.84999996, "0.84999996"),
            (0.7, "0.7"),
            (0.001, "0.001"),
            (0.0009999999, "9.999999E-4"),
            (1e-4, "1.0E-4"),
            (1.5e-5, "1.5E-5"),
            (123.0, "123.0"),
            (1234567.0, "1234567.0"),
            (1e7, "1.0E7"),
            (-0.5, "-0.5"),
            (0.1, "0.1"),
            (0.33333334, "0.33333334"),
        ] {
            assert_eq!(java_float_to_string(v), java, "{v:e}");
        }
    }

    #[test]
    fn lines() {
        assert_eq!(jaro_winkler_line("hanna", "ahnn", false), "0.84999996\t0");
        assert_eq!(jaro_winkler_line("test", "test", false), "1.0\t1");
        assert_eq!(jaro_winkler_line("", "", false), "0.0\t0");
        assert_eq!(jaro_winkler_line("Äyrämö", "ayramo", true), "1.0\t1");
        assert_eq!(jaro_winkler_line("Äyrämö", "ayramo", false), "0.6666667\t0");
    }
}
