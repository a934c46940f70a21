//! Java's `Float.toString`, to print a Jaro-Winkler value as ONR's Java code would.

/// Java's `Float.toString` (as of Java 17): the shortest decimal that reads back as the same
/// float, printed as `0.85`, `1.0`, `0.0` for values from `10^-3` (inclusive) to `10^7`
/// (exclusive) and as `8.5E-4` (computerized scientific notation, at least one fraction digit)
/// otherwise. When two shortest decimals are equally close to the float, Java prints the one
/// whose last digit is even (`0.0024414062` for 5/2048, where Rust's `{}` prints `0.0024414063`).
///
/// This is how ONR's Java code would print a Jaro-Winkler value; its PostgreSQL twin (how
/// `float4` prints a trigram similarity) is [`pg_float4_text`](crate::similarity::trigram::pg_float4_text).
///
/// # Example
///
/// ```
/// use onr_core::similarity::jaro_winkler::{java_float_text, similarity};
/// assert_eq!(java_float_text(similarity("hanna", "ahnn")), "0.84999996");
/// assert_eq!(java_float_text(1.0), "1.0");
/// assert_eq!(java_float_text(1e-4), "1.0E-4");
/// assert_eq!(java_float_text(5.0 / 2048.0), "0.0024414062");
/// ```
pub fn java_float_text(value: f32) -> String {
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
    let magnitude = value.abs();
    let (digits, exponent) = java_shortest_digits(magnitude);

    if (1e-3..1e7).contains(&magnitude) {
        if exponent >= 0 {
            let int_len = exponent as usize + 1;
            if digits.len() > int_len {
                format!("{sign}{}.{}", &digits[..int_len], &digits[int_len..])
            } else {
                format!("{sign}{digits}{}.0", "0".repeat(int_len - digits.len()))
            }
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

/// The shortest round-tripping significant digits of a positive finite float and the decimal
/// exponent of the first one, with Java's choice between two equally close candidates.
fn java_shortest_digits(value: f32) -> (String, i32) {
    let (digits, exponent) = split_scientific(&format!("{value:e}"));
    // The exact value of the float; 120 digits hold any f32 exactly.
    let (exact, exact_exponent) = split_scientific(&format!("{value:.120e}"));
    let n = digits.len();
    if exact_exponent != exponent || exact.len() <= n {
        return (digits, exponent);
    }
    let (head, tail) = exact.split_at(n);
    let tie = tail.starts_with('5') && tail[1..].bytes().all(|b| b == b'0');
    if !tie {
        return (digits, exponent);
    }
    // Halfway between `head` and `head + 1` (same number of digits): Java takes the even one.
    let last = head.as_bytes()[n - 1] - b'0';
    let even = if last % 2 == 0 {
        head.to_owned()
    } else {
        increment(head)
    };
    let reads_back = format!("{even}e{}", exponent - n as i32 + 1)
        .parse::<f32>()
        .is_ok_and(|v| v == value);
    if even.len() == n && !even.ends_with('0') && reads_back {
        (even, exponent)
    } else {
        (digits, exponent)
    }
}

/// `"d.ddde-x"` to (`"dddd"`, `-x`).
fn split_scientific(text: &str) -> (String, i32) {
    // Rust's `{:e}` always writes `mantissa e exponent`.
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits = mantissa.chars().filter(|&c| c != '.').collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// Adds one to a string of decimal digits.
fn increment(digits: &str) -> String {
    let mut bytes = digits.as_bytes().to_vec();
    for b in bytes.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return bytes.into_iter().map(char::from).collect();
        }
    }
    std::iter::once('1')
        .chain(bytes.into_iter().map(char::from))
        .collect()
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
            assert_eq!(java_float_text(v), java, "{v:e}");
        }
    }

    /// Every float of `tests/vectors/java_float.tsv`, printed by Java's own `Float.toString`.
    ///
    /// From `2^-11` up (which holds every Jaro-Winkler value but 0) the output must be
    /// identical; every float in `[2^-11, 1]` was also checked exhaustively against Java 17.
    /// Below it, Java 17 prints a few values (14 found, all subnormal or the smallest normal
    /// float, e.g. `1.4E-45` and `1.17549435E-38`) with more digits than needed; there we print
    /// the shortest form, which must read back as the same float.
    #[test]
    fn java_float_fixture() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/vectors/java_float.tsv"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let mut checked = 0;
        let mut mismatches = Vec::new();
        let mut longer_in_java = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (bits, java) = line.split_once('\t').unwrap();
            let value = f32::from_bits(u32::from_str_radix(bits, 16).unwrap());
            let ours = java_float_text(value);
            checked += 1;
            if ours == java {
                continue;
            }
            let known_quirk = value < 2f32.powi(-11)
                && ours.parse::<f32>() == Ok(value)
                && java.parse::<f32>() == Ok(value);
            if known_quirk {
                longer_in_java += 1;
            } else {
                mismatches.push(format!("{bits}: java {java}, ours {ours}"));
            }
        }
        assert!(checked > 10_000);
        assert!(longer_in_java <= 14, "{longer_in_java}");
        assert!(
            mismatches.is_empty(),
            "{} of {checked} differ:\n{}",
            mismatches.len(),
            mismatches[..mismatches.len().min(30)].join("\n")
        );
    }

    #[test]
    fn ties_print_the_even_digit() {
        assert_eq!(java_float_text(5.0 / 2048.0), "0.0024414062");
        assert_eq!(java_float_text(3.0 / 2048.0), "0.0014648438");
    }
}
