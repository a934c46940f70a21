//! The Jaro-Winkler metric of `onr similarity`: Lucene's value, printed as Java prints a float.

use onr_core::similarity::jaro_winkler::{self, java_float_text, THRESHOLD};
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
    format!("{}\t{verdict}", java_float_text(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(jaro_winkler_line("hanna", "ahnn", false), "0.84999996\t0");
        assert_eq!(jaro_winkler_line("test", "test", false), "1.0\t1");
        assert_eq!(jaro_winkler_line("", "", false), "0.0\t0");
        assert_eq!(jaro_winkler_line("Äyrämö", "ayramo", true), "1.0\t1");
        assert_eq!(jaro_winkler_line("Äyrämö", "ayramo", false), "0.6666667\t0");
    }
}
