//! `onr_core::names` for the JVM: PostgreSQL's `unaccent` and `lower`, and ONR's duplicate
//! search strings. Every export runs its body in `error::shielded`.

use chrono::NaiveDate;
use onr_core::names;

use crate::error::{shielded, NativeError};

/// [`names::unaccent`]: PostgreSQL's `unaccent(text)` with the default rules.
#[uniffi::export]
pub fn names_unaccent(text: String) -> Result<String, NativeError> {
    shielded(|| Ok(names::unaccent(&text).into_owned()))
}

/// [`names::pg_lower`]: PostgreSQL's `lower(text)` in a UTF-8 glibc locale.
#[uniffi::export]
pub fn names_pg_lower(text: String) -> Result<String, NativeError> {
    shielded(|| Ok(names::pg_lower(&text).into_owned()))
}

/// [`names::duplicate_search_fmt`]: `lower(unaccent(text))`.
#[uniffi::export]
pub fn names_duplicate_search_fmt(text: String) -> Result<String, NativeError> {
    shielded(|| Ok(names::duplicate_search_fmt(&text)))
}

/// [`names::stored_search_string`]: the generated column `duplicate_search_str`.
#[uniffi::export]
pub fn names_stored_search_string(
    etunimet: Option<String>,
    kutsumanimi: Option<String>,
    sukunimi: Option<String>,
    syntymaaika: Option<NaiveDate>,
) -> Result<Option<String>, NativeError> {
    shielded(|| {
        Ok(names::stored_search_string(
            etunimet.as_deref(),
            kutsumanimi.as_deref(),
            sukunimi.as_deref(),
            syntymaaika,
        ))
    })
}

/// [`names::query_search_string`]: the query string ONR's Java side builds.
#[uniffi::export]
pub fn names_query_search_string(
    etunimet: Option<String>,
    kutsumanimi: Option<String>,
    sukunimi: Option<String>,
    syntymaaika: Option<NaiveDate>,
) -> Result<String, NativeError> {
    shielded(|| {
        Ok(names::query_search_string(
            etunimet.as_deref(),
            kutsumanimi.as_deref(),
            sukunimi.as_deref(),
            syntymaaika,
        ))
    })
}
