//! onr-core's name tables, for the test that checks `onr._enums` against them
//! (`tests/test_vocabularies.py`): each Python enum's values are onr-core's names, in order.
//! Constant tables only: nothing here can panic.

use onr_core::hetu::{Change, Edit, Sex};
use onr_core::{Category, Environment, Lang};
use pyo3::prelude::*;

/// ``onr.Category``'s values, in order (``network`` is onr-client's errors').
#[pyfunction]
pub fn category_names() -> Vec<&'static str> {
    Category::NAMES.to_vec()
}

/// ``onr.Lang``'s values.
#[pyfunction]
pub fn lang_names() -> Vec<&'static str> {
    Lang::NAMES.to_vec()
}

/// ``onr.Environment``'s values (onr-core's ``as_str``).
#[pyfunction]
pub fn environment_names() -> Vec<&'static str> {
    [Environment::Production, Environment::Test]
        .map(Environment::as_str)
        .to_vec()
}

/// ``onr.Sex``'s values: the koodisto ``sukupuoli`` codes.
#[pyfunction]
pub fn sex_codes() -> Vec<&'static str> {
    [Sex::Male, Sex::Female].map(Sex::code).to_vec()
}

/// ``onr.Change``'s values.
#[pyfunction]
pub fn hetu_change_names() -> Vec<&'static str> {
    Change::NAMES.to_vec()
}

/// ``onr.Edit``'s values.
#[pyfunction]
pub fn hetu_edit_names() -> Vec<&'static str> {
    Edit::NAMES.to_vec()
}
