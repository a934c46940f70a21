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
