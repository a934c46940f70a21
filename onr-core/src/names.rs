//! Names (the name normalisation ONR's duplicate search applies in PostgreSQL).
//!
//! ONR's duplicate search compares `duplicate_search_fmt(x) = lower(unaccent(x))` strings, where
//!
//! * [`unaccent`] is PostgreSQL's `unaccent` extension with its default rules file: 1,650
//!   single-character rules (Latin letters with diacritics to the base letter, ligatures such as
//!   `æ`→`ae`, `ß`→`ss`, Greek with tonos to plain Greek, full-width forms to ASCII, typographic
//!   punctuation to ASCII, 106 combining marks deleted, ...). At each position the longest
//!   matching rule source is replaced; anything without a rule is copied unchanged. There is no
//!   Unicode normalisation and no case change.
//! * [`pg_lower`] is PostgreSQL's `lower()` in a UTF-8 libc locale: glibc's `towlower` applied
//!   to each character separately (1:1, so `İ`→`i`, `Σ`→`σ` everywhere: no final-sigma rule,
//!   unlike [`str::to_lowercase`]).
//!
//! The strings themselves are built by [`stored_search_string`] (the generated column
//! `duplicate_search_str`: `etunimet || ' ' || kutsumanimi || ' ' || sukunimi || ' ' ||
//! date_to_char(syntymaaika)`, NULL when any name part is NULL) and [`query_search_string`]
//! (ONR's Java side: the non-null parts joined by single spaces, the birth date as `YYYY-MM-DD`
//! or an empty string when unknown).
//!
//! The tables come from the real systems (glibc 2.36 under `C.UTF-8`, PostgreSQL 15's
//! `unaccent.rules`, identical to PostgreSQL 16's) and are checked against the real PostgreSQL
//! character by character in the test suite.
//!
//! # Example
//!
//! ```
//! use onr_core::names::{duplicate_search_fmt, query_search_string};
//! assert_eq!(duplicate_search_fmt("Äijälä Œdipe ẞ"), "aijala oedipe ss");
//! let q = query_search_string(Some("Eino"), Some("Eino"), Some("Testiäinen"), None);
//! assert_eq!(q, "eino eino testiainen ");
//! ```

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::glibc;

mod unaccent_rules;

/// The rules, once in the binary.
static RULES: [(char, &str, &str); unaccent_rules::RULES.len()] = unaccent_rules::RULES;

/// Characters below this have their rule looked up directly in [`LATIN_RULE`] (Latin-1 and
/// Latin Extended-A/B: the letters of Finnish, Swedish and most European names).
const LATIN_END: usize = 0x250;

/// For U+0080..U+024F: the index of the character's rule in [`RULES`], or `u16::MAX`.
static LATIN_RULE: [u16; LATIN_END - 0x80] = {
    let mut table = [u16::MAX; LATIN_END - 0x80];
    let mut i = 0;
    while i < unaccent_rules::RULES.len() {
        let c = unaccent_rules::RULES[i].0 as usize;
        if c >= 0x80 && c < LATIN_END {
            table[c - 0x80] = i as u16;
        }
        i += 1;
    }
    table
};

/// Looks up the unaccent rule of one non-ASCII character: `(unaccent(c), lower(unaccent(c)))`.
#[inline]
pub(crate) fn unaccent_rule(c: char) -> Option<(&'static str, &'static str)> {
    let i = if (c as usize) < LATIN_END {
        match LATIN_RULE.get((c as usize).wrapping_sub(0x80)) {
            Some(&i) if i != u16::MAX => i as usize,
            _ => return None,
        }
    } else {
        RULES.binary_search_by_key(&c, |&(src, _, _)| src).ok()?
    };
    Some((RULES[i].1, RULES[i].2))
}

/// PostgreSQL's `unaccent(text)` with the default rules file.
///
/// Returns the input unchanged (borrowed) when no rule applies, as PostgreSQL does.
///
/// # Example
///
/// ```
/// use onr_core::names::unaccent;
/// assert_eq!(unaccent("Åsa Ærø Łukasz Šmíd"), "Asa AEro Lukasz Smid");
/// assert_eq!(unaccent("e\u{301}"), "e"); // combining marks are deleted
/// assert_eq!(unaccent("ǅ ¼ “x” €"), "Dz 1/4 \"x\" €");
/// assert!(matches!(unaccent("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn unaccent(s: &str) -> Cow<'_, str> {
    let Some(first) = s
        .char_indices()
        .find(|&(_, c)| !c.is_ascii() && unaccent_rule(c).is_some())
        .map(|(i, _)| i)
    else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match (!c.is_ascii()).then(|| unaccent_rule(c)).flatten() {
            Some((to, _)) => out.push_str(to),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// PostgreSQL's `lower(text)` in a UTF-8 libc locale (glibc `towlower` per character).
///
/// Returns the input unchanged (borrowed) when nothing changes.
///
/// # Example
///
/// ```
/// use onr_core::names::pg_lower;
/// assert_eq!(pg_lower("ÄIJÄLÄ"), "äijälä");
/// assert_eq!(pg_lower("ΟΔΥΣΣΕΥΣ"), "οδυσσευσ"); // no final sigma
/// assert_eq!(pg_lower("İSTANBUL"), "istanbul");
/// ```
pub fn pg_lower(s: &str) -> Cow<'_, str> {
    let Some(first) = s
        .char_indices()
        .find(|&(_, c)| glibc::towlower(c) != c)
        .map(|(i, _)| i)
    else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    out.extend(s[first..].chars().map(glibc::towlower));
    Cow::Owned(out)
}

/// ONR's `duplicate_search_fmt(x)`: `lower(unaccent(x))`, in one pass.
///
/// # Example
///
/// ```
/// use onr_core::names::duplicate_search_fmt;
/// assert_eq!(duplicate_search_fmt("Eino Ilmari TESTIÄINEN 1911-11-11"), "eino ilmari testiainen 1911-11-11");
/// ```
pub fn duplicate_search_fmt(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_duplicate_search_fmt(&mut out, s);
    out
}

/// Appends `lower(unaccent(s))` to `out`.
pub(crate) fn push_duplicate_search_fmt(out: &mut String, s: &str) {
    for_each_fmt_char(s, |c| out.push(c));
}

/// Calls `f` with each character of `lower(unaccent(s))`, without building the string.
#[inline]
pub(crate) fn for_each_fmt_char(s: &str, mut f: impl FnMut(char)) {
    for c in s.chars() {
        if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else if let Some((_, lowered)) = unaccent_rule(c) {
            lowered.chars().for_each(&mut f);
        } else {
            f(glibc::towlower_non_ascii(c));
        }
    }
}

/// The birth date as PostgreSQL's `to_char(d, 'YYYY-MM-DD')` writes it (the stored side).
fn push_pg_date(out: &mut String, d: NaiveDate) {
    use std::fmt::Write;
    // to_char's YYYY: at least four digits; BC years as positive numbers without a marker.
    let y = d.year();
    let y = if y <= 0 { 1 - y } else { y };
    let _ = write!(out, "{y:04}-{:02}-{:02}", d.month(), d.day());
}

/// The birth date as Java's `DateTimeFormatter.ISO_LOCAL_DATE` writes it (the query side).
fn push_java_iso_date(out: &mut String, d: NaiveDate) {
    use std::fmt::Write;
    let y = d.year();
    let _ = if y > 9999 {
        write!(out, "+{y}")
    } else if y < 0 {
        write!(out, "-{:04}", -y)
    } else {
        write!(out, "{y:04}")
    };
    let _ = write!(out, "-{:02}-{:02}", d.month(), d.day());
}

/// The stored side of ONR's duplicate search: the value of the generated column
/// `duplicate_search_str`, i.e. `duplicate_search_fmt(etunimet || ' ' || kutsumanimi || ' ' ||
/// sukunimi || ' ' || date_to_char(syntymaaika))`.
///
/// An unknown birth date contributes an empty string (so the text ends in a space). A missing
/// (SQL NULL) name part makes the whole value NULL: `None`, which never matches anything.
/// ONR's name columns are NOT NULL, so `None` only arises from incomplete outside data; an
/// empty name is `Some("")`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use onr_core::names::stored_search_string;
/// let d = NaiveDate::from_ymd_opt(1911, 11, 11);
/// assert_eq!(
///     stored_search_string(Some("Eino Ilmari"), Some("Eino"), Some("Testiäinen"), d).as_deref(),
///     Some("eino ilmari eino testiainen 1911-11-11")
/// );
/// assert_eq!(stored_search_string(Some("A"), Some("A"), Some("B"), None).as_deref(), Some("a a b "));
/// assert_eq!(stored_search_string(Some("A"), None, Some("B"), d), None);
/// ```
pub fn stored_search_string(
    etunimet: Option<&str>,
    kutsumanimi: Option<&str>,
    sukunimi: Option<&str>,
    syntymaaika: Option<NaiveDate>,
) -> Option<String> {
    let (e, k, s) = (etunimet?, kutsumanimi?, sukunimi?);
    let mut out = String::with_capacity(e.len() + k.len() + s.len() + 14);
    for (i, part) in [e, k, s].into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_duplicate_search_fmt(&mut out, part);
    }
    out.push(' ');
    if let Some(d) = syntymaaika {
        push_pg_date(&mut out, d);
    }
    Some(out)
}

/// The query side of ONR's duplicate search: `duplicate_search_fmt` of the parts that are
/// present among `[etunimet, kutsumanimi, sukunimi, birth date]`, joined by single spaces.
///
/// The birth date is always a part: `YYYY-MM-DD`, or an empty string when unknown (which
/// leaves a trailing space). Missing name parts are skipped, so the query can have fewer
/// words than the stored side.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use onr_core::names::query_search_string;
/// let d = NaiveDate::from_ymd_opt(2022, 3, 23);
/// assert_eq!(query_search_string(None, None, None, d), "2022-03-23");
/// assert_eq!(query_search_string(Some("Etu"), None, Some("Suku"), d), "etu suku 2022-03-23");
/// assert_eq!(query_search_string(Some("Etu"), Some("Kutsu"), Some("Suku"), None), "etu kutsu suku ");
/// ```
pub fn query_search_string(
    etunimet: Option<&str>,
    kutsumanimi: Option<&str>,
    sukunimi: Option<&str>,
    syntymaaika: Option<NaiveDate>,
) -> String {
    let mut out = String::new();
    for part in [etunimet, kutsumanimi, sukunimi].into_iter().flatten() {
        push_duplicate_search_fmt(&mut out, part);
        out.push(' ');
    }
    if let Some(d) = syntymaaika {
        push_java_iso_date(&mut out, d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_table_is_sorted_and_non_ascii() {
        let r = &unaccent_rules::RULES;
        assert_eq!(r.len(), 1650);
        assert!(r.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(r.iter().all(|&(c, _, _)| !c.is_ascii()));
        for &(_, to, lowered) in r.iter() {
            assert_eq!(pg_lower(to), lowered);
        }
    }

    #[test]
    fn unaccent_examples() {
        assert_eq!(unaccent(""), "");
        assert_eq!(unaccent("Ääkkönen"), "Aakkonen");
        assert_eq!(unaccent("Øystein Þór ß"), "Oystein THor ss");
        assert_eq!(unaccent("Ё ё Ж"), "Е е Ж");
        assert_eq!(unaccent("ﬁ ⅳ ‘’ – …"), "fi iv '' - ...");
        assert_eq!(unaccent("a\u{308}"), "a");
        assert_eq!(unaccent("\u{308}"), "");
        assert_eq!(unaccent("中文 😀"), "中文 😀");
    }

    #[test]
    fn lower_examples() {
        assert_eq!(pg_lower(""), "");
        assert_eq!(pg_lower("ÅSA"), "åsa");
        assert_eq!(pg_lower("ǅ"), "ǆ");
        assert!(matches!(pg_lower("abc 123"), Cow::Borrowed(_)));
    }

    #[test]
    fn fmt_is_lower_of_unaccent() {
        for s in [
            "ÄIJÄLÄ",
            "ẞ Æ Œ",
            "İ ı",
            "Ǆ ǅ ǆ",
            "ΆΈΉ",
            "Ｆｕｌｌ",
            "x\u{301}y",
        ] {
            assert_eq!(duplicate_search_fmt(s), pg_lower(&unaccent(s)));
        }
    }

    #[test]
    fn dates_as_onr_writes_them() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let mut s = String::new();
        push_pg_date(&mut s, d(999, 1, 2));
        push_pg_date(&mut s, d(12345, 6, 7));
        push_pg_date(&mut s, d(-43, 3, 15));
        assert_eq!(s, "0999-01-0212345-06-070044-03-15");
        let mut j = String::new();
        push_java_iso_date(&mut j, d(999, 1, 2));
        push_java_iso_date(&mut j, d(12345, 6, 7));
        push_java_iso_date(&mut j, d(-43, 3, 15));
        assert_eq!(j, "0999-01-02+12345-06-07-0043-03-15");
    }

    #[test]
    fn onr_query_examples() {
        // HenkiloRepositoryImplTest: criteria (null, null, null, 2022-03-23).
        let d = NaiveDate::from_ymd_opt(2022, 3, 23);
        assert_eq!(query_search_string(None, None, None, d), "2022-03-23");
        assert_eq!(query_search_string(None, None, None, None), "");
        assert_eq!(
            query_search_string(Some("Etu"), Some("Kutsu"), Some("Suku"), d),
            "etu kutsu suku 2022-03-23"
        );
        assert_eq!(
            stored_search_string(Some(""), Some(""), Some(""), None).as_deref(),
            Some("   ")
        );
    }
}
