//! ONR's name normalisation: the comparison form of a name (NFD and NFKD without accents,
//! Junidecode's transliteration, ASCII lowercase).

use super::java_data;
use unicode_normalization::UnicodeNormalization;

/// The Java version whose Unicode data [`comparison_form`] reproduces.
///
/// Java's normaliser leaves characters assigned after its Unicode version untouched; so does
/// [`comparison_form`] for the characters this Java does not know. The data is regenerated from
/// a newer Java by `scripts/ground-truth/onr-normalize.sh table`.
///
/// # Example
///
/// ```
/// assert!(!onr_core::similarity::name_match::NORMALIZATION_JAVA_VERSION.is_empty());
/// ```
pub const NORMALIZATION_JAVA_VERSION: &str = java_data::JAVA_VERSION;

/// ONR's comparison form of a name: `TextUtils.normalize(name).toLowerCase()`.
///
/// NFD, removal of U+0300-U+036F, commons-lang3's `stripAccents`, Junidecode's ASCII
/// transliteration and lowercase, exactly as ONR chains them (see the [module docs](super)). The
/// result is ASCII. ONR applies it to both sides before every name comparison.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::comparison_form;
///
/// assert_eq!(comparison_form("Äyrämö"), "ayramo");
/// assert_eq!(comparison_form("Łukasz Żółć"), "lukasz zolc");
/// assert_eq!(comparison_form("Straße Ægir Søren"), "strasse aegir soren");
/// assert_eq!(comparison_form("Иван Щукин"), "ivan shchukin");
/// assert_eq!(comparison_form("王小明"), "wang xiao ming ");
/// assert_eq!(comparison_form("𝐀𝐧𝐧𝐚"), "anna"); // NFKD of mathematical letters
/// assert_eq!(comparison_form(" Anna-Liisa "), " anna-liisa ");
/// ```
pub fn comparison_form(name: &str) -> String {
    if name.is_ascii() {
        // NFD and NFKD leave ASCII unchanged; Junidecode keeps ASCII except DEL, which it drops.
        let mut out: String = name.chars().filter(|&c| c != '\u{7F}').collect();
        out.make_ascii_lowercase();
        return out;
    }

    // 1. NFD, then remove the Combining Diacritical Marks block.
    let mut decomposed = String::with_capacity(name.len() + 8);
    java_decompose(name, false, |c| {
        if !is_combining_diacritical_mark(c) {
            decomposed.push(c);
        }
    });

    if decomposed.is_ascii() {
        // The usual case (Finnish and Swedish letters): the rest is the ASCII path.
        return comparison_form(&decomposed);
    }

    // 2. commons-lang3 stripAccents: NFKD, the few letters with strokes and bars, remove marks.
    let mut stripped = String::with_capacity(decomposed.len() + 8);
    java_decompose(&decomposed, true, |c| {
        let c = strip_stroke(c);
        if !is_combining_diacritical_mark(c) {
            stripped.push(c);
        }
    });

    // 3. and 4. Junidecode, lowercase.
    let mut out = String::with_capacity(stripped.len());
    for c in stripped.chars() {
        out.push_str(junidecode(c));
    }
    out.make_ascii_lowercase();
    out
}

/// `\p{InCombiningDiacriticalMarks}` of Java's regular expressions: the block U+0300-U+036F.
pub(super) fn is_combining_diacritical_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// commons-lang3's `convertRemainingAccentCharacters`: letters whose stroke or bar NFKD keeps.
pub(super) fn strip_stroke(c: char) -> char {
    match c {
        '\u{141}' => 'L',
        '\u{142}' => 'l',
        '\u{110}' => 'D',
        '\u{111}' => 'd',
        '\u{197}' | '\u{1D7B}' | '\u{1DA7}' => 'I',
        '\u{268}' | '\u{1DA4}' => 'i',
        '\u{244}' | '\u{1D7E}' => 'U',
        '\u{289}' | '\u{1DB6}' => 'u',
        '\u{166}' => 'T',
        '\u{167}' => 't',
        other => other,
    }
}

/// Junidecode's ASCII for `c`: its table is indexed by the low 16 bits of the code point.
pub(super) fn junidecode(c: char) -> &'static str {
    let unit = c as u32 & 0xFFFF;
    let block = java_data::JUNIDECODE[(unit >> 8) as usize];
    block.get((unit & 0xFF) as usize).copied().unwrap_or("")
}

/// Whether the Java that ONR's normalisation was taken from leaves `c` unassigned.
pub(super) fn unknown_to_java(c: char) -> bool {
    let cp = c as u32;
    java_data::JAVA_UNASSIGNED
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// NFD (or NFKD with `compatibility`) as Java's `Normalizer` computes it: characters that Java
/// does not know are neither decomposed nor reordered, so they split the text into segments that
/// are normalised separately.
pub(super) fn java_decompose(text: &str, compatibility: bool, mut emit: impl FnMut(char)) {
    let mut rest = text;
    while !rest.is_empty() {
        let split = rest
            .char_indices()
            .find(|&(_, c)| c >= '\u{378}' && unknown_to_java(c));
        let (segment, unknown) = match split {
            Some((at, c)) => (&rest[..at], Some(c)),
            None => (rest, None),
        };
        if compatibility {
            segment.nfkd().for_each(&mut emit);
        } else {
            segment.nfd().for_each(&mut emit);
        }
        match unknown {
            Some(c) => {
                emit(c);
                rest = &rest[segment.len() + c.len_utf8()..];
            }
            None => rest = "",
        }
    }
}
