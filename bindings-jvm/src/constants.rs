//! onr-core's (and onr-client's) constants in one record, read once by the Java facade into its `static final`
//! fields (`DuplicateIndex.ONR_THRESHOLD`, `Oid.ROOT`, ...), so that each value is written once,
//! in onr-core.

use onr_client::import::{PollOptions, DEFAULT_CHUNK_SIZE};
use onr_client::ClientOptions;
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
    /// [`ClientOptions::DEFAULT_TIMEOUT`] in milliseconds (30 s).
    pub client_timeout_ms: i64,
    /// [`DEFAULT_CHUNK_SIZE`]: rows per import (1000).
    pub import_chunk_size: i32,
    /// [`PollOptions::DEFAULT`]'s first wait, in milliseconds (1 s).
    pub poll_first_ms: i64,
    /// [`PollOptions::DEFAULT`]'s longest wait, in milliseconds (30 s).
    pub poll_max_ms: i64,
    /// [`PollOptions::DEFAULT`]'s stall time, in milliseconds (10 min).
    pub poll_stall_after_ms: i64,
}

fn millis(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
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
            client_timeout_ms: millis(ClientOptions::DEFAULT_TIMEOUT),
            import_chunk_size: int(DEFAULT_CHUNK_SIZE),
            poll_first_ms: millis(PollOptions::DEFAULT.first),
            poll_max_ms: millis(PollOptions::DEFAULT.max),
            poll_stall_after_ms: millis(PollOptions::DEFAULT.stall_after),
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
        assert_eq!((c.client_timeout_ms, c.import_chunk_size), (30_000, 1000));
        assert_eq!(
            (c.poll_first_ms, c.poll_max_ms, c.poll_stall_after_ms),
            (1000, 30_000, 600_000)
        );
    }
}
