//! `onr_core::similarity` for the JVM: Lucene's Jaro-Winkler as ONR uses it, and ONR's
//! comparison form of names.

use onr_core::similarity::{jaro_winkler, name_match, trigram};

/// [`jaro_winkler::similarity`]: Lucene's `JaroWinklerDistance`, bit for bit (0.0..=1.0).
#[uniffi::export]
pub fn jaro_winkler(a: String, b: String) -> f32 {
    jaro_winkler::similarity(&a, &b)
}

/// [`jaro_winkler::is_similar`]: ONR's threshold on [`jaro_winkler`].
#[uniffi::export]
pub fn jaro_winkler_is_similar(a: String, b: String) -> bool {
    jaro_winkler::is_similar(&a, &b)
}

/// [`name_match::comparison_form`]: a name as ONR compares it.
#[uniffi::export]
pub fn name_comparison_form(name: String) -> String {
    name_match::comparison_form(&name)
}

/// [`trigram::similarity`]: pg_trgm's `similarity(a, b)` of the strings as given.
#[uniffi::export]
pub fn trigram(a: String, b: String) -> f32 {
    trigram::similarity(&a, &b)
}

/// [`trigram::similarity_fmt`]: ONR's comparison, `similarity(lower(unaccent(a)), lower(unaccent(b)))`.
#[uniffi::export]
pub fn trigram_onr(a: String, b: String) -> f32 {
    trigram::similarity_fmt(&a, &b)
}
