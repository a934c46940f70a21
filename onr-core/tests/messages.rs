//! Every error and warning message in every language, pinned by snapshots
//! (`onr-core/tests/snapshots/`). A changed message is a visible diff in review.

use onr_core::error::Coded;
use onr_core::hetu::{GenerateError, HetuError, HetuWarning};
use onr_core::oid::OidError;
use onr_core::Lang;

fn table<T: Coded>(items: &[T]) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(&format!("{} ({})\n", item.code(), item.category()));
        for lang in Lang::ALL {
            out.push_str(&format!("  {}: {}\n", lang.as_str(), item.message(lang)));
        }
    }
    out
}

#[test]
fn hetu_error_messages() {
    let errors = [
        HetuError::Empty,
        HetuError::Length { found: 12 },
        HetuError::Character {
            position: 3,
            found: 'x',
        },
        HetuError::Character {
            position: 8,
            found: '\u{a0}',
        },
        HetuError::CenturySign { found: 'a' },
        HetuError::Date {
            day: 32,
            month: 1,
            nonexistent: false,
        },
        HetuError::Date {
            day: 31,
            month: 4,
            nonexistent: true,
        },
        HetuError::IndividualNumber { found: 1 },
        HetuError::NonAsciiDigit { position: 7 },
        HetuError::Checksum {
            expected: 'T',
            found: 'X',
        },
        HetuError::Temporary,
    ];
    let codes: std::collections::BTreeSet<_> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(
        codes.len(),
        HetuError::ALL_CODES.len(),
        "every code is in the table"
    );
    insta::assert_snapshot!("hetu_errors", table(&errors));
}

#[test]
fn hetu_warning_messages() {
    let warnings = [
        HetuWarning::DateClamped,
        HetuWarning::IndividualNumberNotIssued,
        HetuWarning::NonAsciiDigit,
        HetuWarning::FutureBirthDate,
    ];
    assert_eq!(warnings.len(), HetuWarning::ALL_CODES.len());
    insta::assert_snapshot!("hetu_warnings", table(&warnings));
    insta::assert_snapshot!("hetu_generate", table(&[GenerateError::DateOutOfRange]));
}

#[test]
fn oid_error_messages() {
    let errors = [
        OidError::Empty,
        OidError::Root,
        OidError::Format,
        OidError::Node,
        OidError::TailLength { found: 10 },
        OidError::LeadingZero,
        OidError::Checksum {
            expected: 2,
            found: 3,
        },
    ];
    assert_eq!(errors.len(), OidError::ALL_CODES.len());
    insta::assert_snapshot!("oid_errors", table(&errors));
}

#[test]
fn linking_messages() {
    use onr_core::linking::{LinkError, LinkLint, TableError, Violation};
    use onr_core::person::PersonError;
    let s = |x: &str| x.to_owned();
    let errors = [
        LinkError::AlreadyDuplicate { oid: s("D1") },
        LinkError::MasterNotFound { oid: s("M") },
        LinkError::SlaveNotFound { oid: s("Z") },
        LinkError::MoreThanOneIdentified,
        LinkError::ForceLinkCandidateIdentified { oid: s("B") },
        LinkError::UnlinkMasterNotFound { oid: s("M") },
        LinkError::UnlinkSlaveNotFound {
            slave: s("S"),
            master: s("M"),
        },
        LinkError::BothIdentified {
            oid: s("A"),
            holder: s("B"),
        },
        LinkError::HetuNotUnique,
        LinkError::PersonNotFound { oid: s("X") },
        LinkError::HetuMissing { oid: s("U") },
        LinkError::EidasIdentified { oid: s("E") },
        LinkError::TemporaryHetu,
        LinkError::HetuTooShort,
        LinkError::HasHetu { oid: s("H") },
        LinkError::TooManyOids { count: 5001 },
    ];
    let onr: String = errors
        .iter()
        .map(|e| format!("{} {} {:?}\n", e.code(), e.http_status(), e.onr_message()))
        .collect();
    insta::assert_snapshot!("link_errors", format!("{}\n{onr}", table(&errors)));
    let lints = [
        LinkLint::SilentReactivation { oid: s("P") },
        LinkLint::HetuCountsAsIdentified { oid: s("B") },
        LinkLint::SelfLinkIgnored { oid: s("A") },
        LinkLint::RepeatedSlaveInResponse { oid: s("M1") },
        LinkLint::DuplicateLinkRow {
            master: s("M"),
            slave: s("T"),
        },
        LinkLint::UnlinkWithoutLink {
            master: s("M"),
            slave: s("S"),
        },
        LinkLint::UnlinkReactivatesOtherPassivation { oid: s("S") },
        LinkLint::StillLinkedButNotDuplicate { oid: s("S") },
        LinkLint::MergeNotReverted {
            master: s("M"),
            slave: s("S"),
        },
        LinkLint::IdentifiedSlaveKeepsLink { oid: s("S") },
        LinkLint::PassivationNotInChangeFeed { oid: s("A") },
    ];
    insta::assert_snapshot!("link_lints", table(&lints));
    let violations = [
        Violation::SelfLink { oid: s("A") },
        Violation::SeveralMasters {
            slave: s("S"),
            masters: vec![s("M1"), s("M2")],
        },
        Violation::Chain {
            oid: s("Y"),
            masters: vec![s("X")],
            slaves: vec![s("Z")],
        },
        Violation::Cycle {
            oids: vec![s("C1"), s("C2")],
        },
        Violation::SlaveNotDuplicate { oid: s("Q") },
        Violation::SlaveNotPassivated { oid: s("Q") },
        Violation::MasterPassivated { oid: s("P") },
        Violation::MasterDuplicate { oid: s("P") },
        Violation::InconsistentFlags { oid: s("R") },
    ];
    insta::assert_snapshot!("link_violations", table(&violations));
    let table_errors = [
        TableError::MissingColumn {
            column: "master_oid",
        },
        TableError::RepeatedColumn {
            column: "slave_oid",
        },
        TableError::MissingField {
            column: "slave_oid",
        },
        TableError::EmptyOid {
            column: "master_oid",
        },
        TableError::BadFlag {
            column: "slave_duplicate",
        },
    ];
    insta::assert_snapshot!("link_table_errors", table(&table_errors));
    insta::assert_snapshot!(
        "person_errors",
        table(&[PersonError::ReactivationForbidden])
    );
}
