//! glibc's `towlower` and word-character classes under `LC_CTYPE=C.UTF-8`, as PostgreSQL
//! sees them (crate-private; the tables are generated from the real glibc).

#[path = "glibc_ctype.rs"]
mod table;

/// glibc `towlower` of one character (1:1, no context, no final-sigma rule).
#[inline]
pub(crate) fn towlower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    towlower_non_ascii(c)
}

#[inline]
pub(crate) fn towlower_non_ascii(c: char) -> char {
    let cp = c as u32;
    match table::TOWLOWER.binary_search_by_key(&cp, |&(from, _)| from) {
        // The table holds only valid scalar values (the generator checks it).
        Ok(i) => char::from_u32(table::TOWLOWER[i].1).unwrap_or(c),
        Err(_) => c,
    }
}

/// pg_trgm's word character: ASCII letters and digits, or, beyond ASCII, glibc's
/// `iswalpha(c) || iswdigit(c)`.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_word_non_ascii(c as u32)
}

#[inline]
pub(crate) fn is_word_non_ascii(cp: u32) -> bool {
    let r = &table::WORD_RANGES;
    // Index of the first range whose start is > cp; the candidate is the one before it.
    let i = r.partition_point(|&(lo, _)| lo <= cp);
    i > 0 && cp <= r[i - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_examples() {
        assert_eq!(towlower('A'), 'a');
        assert_eq!(towlower('Ä'), 'ä');
        assert_eq!(towlower('İ'), 'i');
        assert_eq!(towlower('Σ'), 'σ');
        assert_eq!(towlower('ς'), 'ς');
        assert_eq!(towlower('Ж'), 'ж');
        assert_eq!(towlower('ẞ'), 'ß');
        assert_eq!(towlower('\u{212A}'), 'k');
        assert_eq!(towlower('€'), '€');
    }

    #[test]
    fn word_chars() {
        for c in ['a', 'Z', '0', '9', 'ä', 'Ö', 'ж', 'Ω', '中', 'ŋ', 'ǅ', '٣'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [
            ' ', '-', '_', '\'', '.', '²', '½', '😀', '\u{301}', '€', '\u{a0}',
        ] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn tables_are_sorted_and_idempotent() {
        assert!(table::TOWLOWER.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table::WORD_RANGES
            .windows(2)
            .all(|w| w[0].1 < w[1].0 && w[0].0 <= w[0].1));
        for &(from, to) in table::TOWLOWER.iter() {
            let c = char::from_u32(to).expect("scalar value");
            assert_eq!(towlower(c), c);
            // Classifying before or after lowering gives the same words.
            let f = char::from_u32(from).expect("scalar value");
            assert_eq!(is_word_char(f), is_word_char(c), "{from:x}");
        }
    }
}
