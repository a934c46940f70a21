//! onr-core's constants as attributes of `onr._onr`, which the Python modules re-export
//! (`onr.trigram.DEFAULT_THRESHOLD`, `onr.name_match.THRESHOLD`, `onr.oid.ROOT`, ...): each
//! value is written once, in onr-core.

use onr_core::similarity::{jaro_winkler, trigram};
use onr_core::{linking, oid};
use pyo3::prelude::*;

use crate::similarity::f32_to_py;

/// Adds the constants to the native module.
pub fn add(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("TRIGRAM_DEFAULT_THRESHOLD", trigram::DEFAULT_THRESHOLD)?;
    // Single precision, as the Python `float` of its shortest decimal form (0.85).
    m.add("NAME_MATCH_THRESHOLD", f32_to_py(jaro_winkler::THRESHOLD))?;
    m.add("OID_ROOT", oid::ROOT)?;
    m.add("OID_PERSON_NODE", oid::PERSON_NODE)?;
    m.add("OID_ORGANISATION_NODE", oid::ORGANISATION_NODE)?;
    m.add(
        "LINKING_DUPLICATE_QUERY_CHUNK",
        linking::DUPLICATE_QUERY_CHUNK,
    )?;
    m.add("LINKING_MAX_MASTER_QUERY", linking::MAX_MASTER_QUERY)?;
    Ok(())
}
