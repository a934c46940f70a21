//! onr-core's constants in one record, read once by the Java facade into its `static final`
//! fields (`DuplicateIndex.ONR_THRESHOLD`, `Oid.ROOT`, ...), so that each value is written once,
//! in onr-core.

use onr_core::similarity::{jaro_winkler, trigram};
use onr_core::{linking, oid};

use crate::error::{shielded, NativeError};

/// onr-core's constants, as the JVM sees them.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Constants {
    /// [`trigram::DEFAULT_THRESHOLD`]: ONR's duplicate threshold (0.5).
    pub trigram_default_threshold: f64,
    /// [`jaro_winkler::THRESHOLD`]: ONR's name-match threshold (0.85 in single precision).
    pub name_match_threshold: f32,
    /// [`oid::ROOT`]: `1.2.246.562`.
    pub oid_root: String,
    /// [`oid::PERSON_NODE`]: 24.
    pub oid_person_node: i64,
    /// [`oid::ORGANISATION_NODE`]: 10.
    pub oid_organisation_node: i64,
    /// [`linking::DUPLICATE_QUERY_CHUNK`]: 5000.
    pub linking_duplicate_query_chunk: i32,
    /// [`linking::MAX_MASTER_QUERY`]: 5000.
    pub linking_max_master_query: i32,
}

fn int(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The constants.
#[uniffi::export]
pub fn constants() -> Result<Constants, NativeError> {
    shielded(|| {
        Ok(Constants {
            trigram_default_threshold: trigram::DEFAULT_THRESHOLD,
            name_match_threshold: jaro_winkler::THRESHOLD,
            oid_root: oid::ROOT.to_owned(),
            oid_person_node: i64::from(oid::PERSON_NODE),
            oid_organisation_node: i64::from(oid::ORGANISATION_NODE),
            linking_duplicate_query_chunk: int(linking::DUPLICATE_QUERY_CHUNK),
            linking_max_master_query: int(linking::MAX_MASTER_QUERY),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_onr_cores() {
        let c = constants().unwrap();
        assert_eq!(c.trigram_default_threshold, 0.5);
        assert_eq!(c.name_match_threshold, 0.85f32);
        assert_eq!(c.oid_root, "1.2.246.562");
        assert_eq!((c.oid_person_node, c.oid_organisation_node), (24, 10));
        assert_eq!(c.linking_max_master_query, 5000);
    }
}
