//! Every import error, lint and check message in every language, with ONR's own key and
//! message, pinned by snapshots (`onr-core/tests/snapshots/`).

use onr_core::error::Coded;
use onr_core::hetu::{Edit, HetuError};
use onr_core::import::lint::{Lint, NameField};
use onr_core::import::person_rules::{
    CheckError, ExistenceCheckError, ExistenceCheckField, ExistenceCheckKind, KutsumanimiRule,
};
use onr_core::import::verdict::{OnrError, OnrErrorKind};
use onr_core::Lang;

fn table<T: Coded>(items: &[T], extra: impl Fn(&T) -> String) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(&format!(
            "{} ({}){}\n",
            item.code(),
            item.category(),
            extra(item)
        ));
        for lang in Lang::ALL {
            out.push_str(&format!("  {}: {}\n", lang.as_str(), item.message(lang)));
        }
    }
    out
}

#[test]
fn import_onr_error_messages() {
    let kinds = [
        OnrErrorKind::NotNull,
        OnrErrorKind::NotEmpty,
        OnrErrorKind::Size,
        OnrErrorKind::Email,
        OnrErrorKind::ValidateHetu(HetuError::Checksum {
            expected: 'T',
            found: 'X',
        }),
        OnrErrorKind::AtLeastOneIdentifier,
        OnrErrorKind::InvalidSukupuoli { koodi: "3".into() },
        OnrErrorKind::InvalidAidinkieli { koodi: "fi".into() },
        OnrErrorKind::InvalidKansalaisuus {
            koodit: vec!["bar".into(), "foo".into()],
        },
        OnrErrorKind::HetuRequiredForFinnish,
        OnrErrorKind::Unreadable {
            detail: "expected a date yyyy-MM-dd".into(),
            onr: Some("Text '2005-3-14' could not be parsed at index 5".into()),
        },
        OnrErrorKind::NullRow,
    ];
    let errors: Vec<OnrError> = kinds.into_iter().map(|k| OnrError::new("f", k)).collect();
    insta::assert_snapshot!(table(&errors, |e| format!(
        " key {} stage {} onr {:?}",
        e.key(),
        e.stage().as_str(),
        e.onr_message()
    )));
}

#[test]
fn import_lint_messages() {
    let lints = [
        Lint::EmptyHetu { finnish: false },
        Lint::EmptyHetu { finnish: true },
        Lint::EmptyHetuMerged { row: 3 },
        Lint::KutsumanimiNotInEtunimet {
            rule: KutsumanimiRule::Service,
        },
        Lint::UnknownOid,
        Lint::OidFormat,
        Lint::TemporaryHetu { production: true },
        Lint::TemporaryHetu { production: false },
        Lint::BlankPassinumero,
        Lint::UntrimmedName {
            field: NameField::Sukunimi,
        },
        Lint::BlankName {
            field: NameField::Kutsumanimi,
        },
        Lint::BirthDateMismatch,
        Lint::SexMismatch,
        Lint::LikelyDuplicate {
            row: 7,
            similarity: 0.62,
        },
        Lint::SamePersonOtherIdentifiers { row: 2 },
        Lint::NameConflict { row: Some(4) },
        Lint::NameConflict { row: None },
        Lint::HetuTypo {
            edit: Edit::Transposition { position: 7 },
            candidates: 1,
        },
        Lint::HetuTypo {
            edit: Edit::Substitution { position: 10 },
            candidates: 3,
        },
        Lint::HetuTypo {
            edit: Edit::Normalized,
            candidates: 1,
        },
        Lint::EmailNotStrict,
        Lint::ExistingDuplicates {
            candidates: 2,
            best: 0.8125,
        },
        Lint::SentConflict { value: true },
        Lint::SentConflict { value: false },
    ];
    insta::assert_snapshot!(table(&lints, |l| format!(" field {:?}", l.field())));
}

#[test]
fn import_check_messages() {
    let errors = [
        CheckError::HetuAndEidasTunniste,
        CheckError::EidasAndHetu,
        CheckError::Asiointikieli,
    ];
    let mut out = table(&errors, |e| {
        format!(" key {} onr {:?}", e.key(), e.onr_message())
    });
    let existence: Vec<ExistenceCheckError> = [
        (ExistenceCheckField::Etunimet, ExistenceCheckKind::Empty),
        (ExistenceCheckField::Etunimet, ExistenceCheckKind::Pattern),
        (
            ExistenceCheckField::Kutsumanimi,
            ExistenceCheckKind::Pattern,
        ),
        (ExistenceCheckField::Hetu, ExistenceCheckKind::Hetu),
        (
            ExistenceCheckField::NicknameOk,
            ExistenceCheckKind::Nickname,
        ),
    ]
    .into_iter()
    .map(|(field, kind)| ExistenceCheckError { field, kind })
    .collect();
    out.push_str(&table(&existence, |e| {
        format!(" {} onr {:?}", e.field.as_str(), e.onr_message())
    }));
    insta::assert_snapshot!(out);
}
