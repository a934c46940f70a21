//! bindings-python: `onr._onr`, the native module under the `onr` Python package.
//!
//! Every export is a delegation to onr-core plus conversions (`convert`): no rules live here.
//! Names are flat and prefixed by their module (`hetu_is_valid`); the public modules
//! `onr.hetu`, `onr.oid`, ... give them their Python names. Errors become the exception classes
//! of `onr._errors`, enum values the members of `onr._enums`; every body runs through
//! `convert::guard`, so a Rust panic reaches Python only as `onr.InternalError` with fixed
//! text, and the module's panic hook (`panic_hook`) never prints the panic's message.

mod client;
mod constants;
mod convert;
mod duplicates;
mod errors;
mod hetu;
mod import;
mod json;
mod linking;
mod oid;
mod panic_hook;
mod person;
mod similarity;
#[cfg(feature = "test-hooks")]
mod test_hooks;
mod vocabulary;

use pyo3::prelude::*;

/// The native core of the ``onr`` package; use ``onr`` itself.
#[pymodule(name = "_onr")]
mod onr_native {
    use pyo3::prelude::*;

    /// Installs the panic hook that never prints a panic's message (`panic_hook`).
    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        crate::panic_hook::install();
        crate::constants::add(module)?;
        Ok(())
    }

    #[pymodule_export]
    use crate::duplicates::trigram_form_names;
    #[pymodule_export]
    use crate::duplicates::{
        find_duplicates, names_duplicate_search_fmt, names_lower, names_query_search_string,
        names_stored_search_string, names_unaccent, trigram_distance, trigram_is_similar,
        trigram_pg_float4_text, trigram_similarity, trigram_similarity_fmt,
        trigram_similarity_many, DuplicateIndex, PairChunks, TrigramSet,
    };
    #[pymodule_export]
    use crate::hetu::{
        _hetu_unpickle, hetu_check_char, hetu_error_codes, hetu_generate, hetu_is_valid,
        hetu_is_valid_strict, hetu_normalize, hetu_suggest, hetu_validate_columns,
        hetu_validate_columns_strict, hetu_validate_many, hetu_validate_many_strict,
        hetu_warning_codes, Hetu, HetuGenerator, HetuResult, HetuResults, HetuResultsIter,
        Normalized, Suggestion, Validator as HetuValidator,
    };
    #[pymodule_export]
    use crate::oid::{
        _oid_unpickle, oid_check_digit, oid_error_codes, oid_is_valid, oid_validate_many, Oid,
        OidGenerator, OidResult, OidResults, OidResultsIter,
    };

    #[pymodule_export]
    use crate::client::Client;
    #[pymodule_export]
    use crate::import::check_import;
    #[pymodule_export]
    use crate::linking::{linking_check_links, ChangeFeedTracker, Registry};
    #[pymodule_export]
    use crate::person::Person;
    #[pymodule_export]
    use crate::similarity::{
        jaro_winkler_is_similar, jaro_winkler_many, jaro_winkler_similarity, name_comparison_form,
        name_first_name_tokens, name_first_names, name_identification, name_names_match,
        name_surname,
    };

    #[cfg(feature = "test-hooks")]
    #[pymodule_export]
    use crate::test_hooks::_panic_for_tests;

    #[pymodule_export]
    use crate::vocabulary::{
        category_names, environment_names, hetu_change_names, hetu_edit_names, lang_names,
        sex_codes,
    };

    #[pymodule_export]
    const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");
}
