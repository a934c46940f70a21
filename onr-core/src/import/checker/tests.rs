use super::*;
use crate::import::model::Koodi;

fn person(hetu: Option<&str>) -> RowPerson {
    RowPerson {
        hetu: hetu.map(Into::into),
        etunimet: Some("Aino Maria".into()),
        kutsumanimi: Some("Aino".into()),
        sukunimi: Some("Virtanen".into()),
        kansalaisuus: Some(vec![Some(Koodi::new("246"))]),
        ..RowPerson::default()
    }
}

fn check_one(p: RowPerson, env: Environment) -> RowReport {
    let k = Koodisto::bundled();
    let mut c = Checker::new(
        &k,
        CheckOptions {
            env,
            ..CheckOptions::default()
        },
    );
    c.check(RowInput::new(0, Some(Row::new(p))))
}

fn codes(r: &RowReport) -> Vec<&'static str> {
    r.warnings.iter().map(Coded::code).collect()
}

#[test]
fn lint_empty_hetu_loophole() {
    let r = check_one(person(Some("")), Environment::Production);
    assert_eq!(r.verdict(), RowVerdict::Accepted);
    assert_eq!(r.warnings, [Lint::EmptyHetu { finnish: true }]);
}

#[test]
fn lint_temporary_hetu_in_production() {
    let r = check_one(person(Some("010101A900R")), Environment::Production);
    assert_eq!(r.verdict(), RowVerdict::Rejected);
    assert_eq!(codes(&r), ["import.lint.temporary_hetu"]);
    let r = check_one(person(Some("010101A900R")), Environment::Test);
    assert_eq!(r.verdict(), RowVerdict::Accepted);
    assert!(r.warnings.is_empty());
}

#[test]
fn lint_birth_date_and_sex_contradict_hetu() {
    let mut p = person(Some("010101A900R"));
    p.syntymaaika = NaiveDate::from_ymd_opt(2001, 1, 2);
    p.sukupuoli = Some(Koodi::new("1")); // 900 is even: female
    let r = check_one(p, Environment::Test);
    assert_eq!(
        codes(&r),
        [
            "import.lint.birth_date_mismatch",
            "import.lint.sex_mismatch"
        ]
    );
}

#[test]
fn lint_hetu_typo_suggests_positions() {
    let r = check_one(person(Some("131052-380T")), Environment::Production);
    assert_eq!(r.verdict(), RowVerdict::Rejected);
    assert!(
        matches!(r.warnings[0], Lint::HetuTypo { .. }),
        "{:?}",
        r.warnings
    );
}

#[test]
fn lint_blank_passinumero_and_names() {
    let mut p = person(None);
    p.kansalaisuus = Some(vec![Some(Koodi::new("752"))]);
    p.passinumero = Some("  ".into());
    p.sukunimi = Some(" Virtanen".into());
    p.kutsumanimi = Some(" ".into());
    let r = check_one(p, Environment::Production);
    assert_eq!(r.verdict(), RowVerdict::Accepted);
    assert_eq!(
        codes(&r),
        [
            "import.lint.blank_passinumero",
            "import.lint.blank_name",
            "import.lint.untrimmed_name"
        ]
    );
}

#[test]
fn lint_kutsumanimi_not_in_etunimet() {
    let mut p = person(Some(""));
    p.kutsumanimi = Some("Maija".into());
    let r = check_one(p, Environment::Production);
    assert!(r.warnings.contains(&Lint::KutsumanimiNotInEtunimet {
        rule: KutsumanimiRule::Service
    }));
}

#[test]
fn lint_oid_format_and_email_not_strict() {
    let mut p = person(None);
    p.kansalaisuus = Some(vec![Some(Koodi::new("752"))]);
    p.oid = Some("oid1".into());
    p.sahkoposti = Some("test@test".into());
    let r = check_one(p, Environment::Production);
    assert_eq!(
        codes(&r),
        ["import.lint.oid_format", "import.lint.email_not_strict"]
    );
}

#[test]
fn lint_unknown_oid_with_registry() {
    use crate::import::action::{ExistingPerson, Persons};
    let k = Koodisto::bundled();
    let reg = Persons::new(vec![ExistingPerson {
        oid: "1.2.246.562.24.00000000001".into(),
        ..Default::default()
    }]);
    let mut c = Checker::with_registry(&k, CheckOptions::default(), &reg);
    let mut p = person(Some(""));
    p.oid = Some("oid1".into());
    let r = c.check(RowInput::new(0, Some(Row::new(p))));
    assert_eq!(r.action.kind, ActionKind::Create);
    assert!(r.warnings.contains(&Lint::UnknownOid));
}

#[test]
fn lint_empty_hetu_merged_and_same_person_other_identifiers() {
    let k = Koodisto::bundled();
    let mut c = Checker::new(&k, CheckOptions::default());
    let mut a = person(Some(""));
    a.passinumero = Some("A1".into());
    let mut b = person(Some(""));
    b.passinumero = Some("B2".into());
    b.etunimet = Some("Ville".into());
    b.kutsumanimi = Some("Ville".into());
    c.check(RowInput::new(0, Some(Row::new(a))));
    let r = c.check(RowInput::new(1, Some(Row::new(b))));
    assert!(
        r.warnings.contains(&Lint::EmptyHetuMerged { row: 0 }),
        "{:?}",
        r.warnings
    );

    let mut c = Checker::new(&k, CheckOptions::default());
    let mut x = person(None);
    x.passinumero = Some("X".into());
    x.syntymaaika = NaiveDate::from_ymd_opt(2005, 3, 14);
    x.kansalaisuus = Some(vec![Some(Koodi::new("752"))]);
    let mut y = x.clone();
    y.passinumero = Some("Y".into());
    c.check(RowInput::new(0, Some(Row::new(x))));
    let r = c.check(RowInput::new(1, Some(Row::new(y))));
    assert_eq!(r.warnings, [Lint::SamePersonOtherIdentifiers { row: 0 }]);
}

#[test]
fn action_conflict_names_match_rule() {
    use crate::import::action::{ExistingPerson, Persons};
    let k = Koodisto::bundled();
    let reg = Persons::new(vec![ExistingPerson {
        oid: "1.2.246.562.24.10000000003".into(),
        hetu: Some("010101A900R".into()),
        etunimet: "Aino Maria".into(),
        sukunimi: "Virtanen".into(),
        ..Default::default()
    }]);
    let options = CheckOptions {
        env: Environment::Test,
        ..CheckOptions::default()
    };
    let mut c = Checker::with_registry(&k, options, &reg);
    // Same person, first name a substring: no conflict.
    let r = c.check(RowInput::new(
        0,
        Some(Row::new(person(Some("010101A900R")))),
    ));
    assert_eq!(
        (r.action.kind, r.action.conflict),
        (ActionKind::Match, Some(false))
    );
    // Another surname: ONR flags a conflict.
    let mut p = person(Some("010101A900R"));
    p.sukunimi = Some("Korhonen".into());
    let r = c.check(RowInput::new(1, Some(Row::new(p))));
    assert_eq!(r.action.conflict, Some(true));
    assert!(r.warnings.contains(&Lint::NameConflict { row: None }));
    // In-batch: a second row with the first row's passport but other names.
    let mut a = person(Some(""));
    a.passinumero = Some("P".into());
    let mut b = a.clone();
    b.hetu = None;
    b.kansalaisuus = Some(vec![Some(Koodi::new("752"))]);
    b.etunimet = Some("Ville".into());
    b.kutsumanimi = Some("Ville".into());
    c.check(RowInput::new(2, Some(Row::new(a))));
    let r = c.check(RowInput::new(3, Some(Row::new(b))));
    assert_eq!(
        (r.action.kind, r.action.conflict),
        (ActionKind::SameAsRow, Some(true))
    );
    assert!(r.warnings.contains(&Lint::NameConflict { row: Some(2) }));
    // A new person is compared with itself: no conflict.
    let mut n = person(None);
    n.passinumero = Some("Q".into());
    n.kansalaisuus = Some(vec![Some(Koodi::new("752"))]);
    let r = c.check(RowInput::new(4, Some(Row::new(n))));
    assert_eq!(
        (r.action.kind, r.action.conflict),
        (ActionKind::Create, Some(false))
    );
}

fn passport_person(passport: &str, etunimet: &str, sukunimi: &str) -> RowPerson {
    RowPerson {
        passinumero: Some(passport.into()),
        etunimet: Some(etunimet.into()),
        kutsumanimi: Some(etunimet.split(' ').next().unwrap_or_default().into()),
        sukunimi: Some(sukunimi.into()),
        syntymaaika: NaiveDate::from_ymd_opt(2006, 5, 17),
        kansalaisuus: Some(vec![Some(Koodi::new("752"))]),
        ..RowPerson::default()
    }
}

#[test]
fn names_longer_than_onr_stores_are_flagged_and_never_compared() {
    // Two rows sharing a hetu, names of 100,000 characters: both flagged, no conflict
    // comparison (Jaro-Winkler would be quadratic in the length), no duplicate search.
    let k = Koodisto::bundled();
    let mut c = Checker::new(
        &k,
        CheckOptions {
            env: Environment::Test,
            ..CheckOptions::default()
        },
    );
    let long = "a".repeat(100_000);
    let mut p = person(Some("010101A900R"));
    p.etunimet = Some(long.clone());
    p.kutsumanimi = Some(long.clone());
    let mut q = p.clone();
    q.sukunimi = Some(format!("{long}b"));
    let r0 = c.check(RowInput::new(0, Some(Row::new(p))));
    let r1 = c.check(RowInput::new(1, Some(Row::new(q))));
    assert!(r0.warnings.contains(&Lint::NameTooLong {
        field: NameField::Etunimet
    }));
    assert_eq!(
        r1.warnings
            .iter()
            .filter(|w| matches!(w, Lint::NameTooLong { .. }))
            .count(),
        3
    );
    assert_eq!(r1.action.conflict, None);
    let s = c.finish(None, Some(2));
    assert!(!s
        .warnings_by_code
        .contains_key("import.lint.likely_duplicate"));
    // 255 characters (not bytes) is still stored.
    let mut ok = person(Some("010101A900R"));
    ok.sukunimi = Some("ä".repeat(255));
    let r = check_one(ok, Environment::Test);
    assert!(!r
        .warnings
        .iter()
        .any(|w| matches!(w, Lint::NameTooLong { .. })));
}

#[test]
fn lint_likely_duplicate_inside_the_batch() {
    let k = Koodisto::bundled();
    let mut c = Checker::new(&k, CheckOptions::default());
    let rows = [
        passport_person("A1", "Aino Maria", "Virtanen"),
        passport_person("B2", "Ville", "Korhonen"),
        passport_person("C3", "Aino Marja", "Virtanen"),
        // Same passport as row 0: the same person, never reported.
        passport_person("A1", "Aino Maria", "Virtane"),
    ];
    for (i, p) in rows.into_iter().enumerate() {
        let r = c.check(RowInput::new(i, Some(Row::new(p))));
        // The lint needs the whole batch: never on the streamed row.
        assert!(!codes(&r).contains(&"import.lint.likely_duplicate"));
    }
    let s = c.finish(None, Some(4));
    let got: Vec<(usize, usize)> = s
        .row_warnings
        .iter()
        .map(|(i, l)| (*i, l.related_row().unwrap()))
        .collect();
    assert_eq!(got, [(0, 2), (2, 0), (2, 3), (3, 2)]);
    let pairs: Vec<(usize, usize)> = s.likely_duplicates().iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(pairs, [(0, 2), (2, 3)]);
    let (_, Lint::LikelyDuplicate { similarity, .. }) = s.row_warnings[0] else {
        panic!("{:?}", s.row_warnings)
    };
    let expected = crate::similarity::trigram::similarity(
        "aino maria aino virtanen 2006-05-17",
        "aino marja aino virtanen 2006-05-17",
    );
    assert_eq!(similarity, expected);
    assert_eq!(s.warnings_by_code["import.lint.likely_duplicate"], 4);
    assert_eq!(s.with_warnings, 3);
}

#[test]
fn lint_likely_duplicate_uses_the_birth_date_onr_stores() {
    let k = Koodisto::bundled();
    let options = CheckOptions {
        env: Environment::Test,
        ..CheckOptions::default()
    };
    let mut c = Checker::new(&k, options);
    let mut a = person(Some("010101A900R"));
    a.syntymaaika = NaiveDate::from_ymd_opt(1999, 9, 9);
    let mut b = person(None);
    b.passinumero = Some("P".into());
    b.kansalaisuus = Some(vec![Some(Koodi::new("752"))]);
    b.etunimet = Some("Aino".into());
    b.syntymaaika = NaiveDate::from_ymd_opt(2001, 1, 1);
    c.check(RowInput::new(0, Some(Row::new(a))));
    c.check(RowInput::new(1, Some(Row::new(b))));
    let s = c.finish(None, Some(2));
    let Some((0, Lint::LikelyDuplicate { row: 1, similarity })) = s.row_warnings.first() else {
        panic!("{:?}", s.row_warnings)
    };
    let expected = crate::similarity::trigram::similarity(
        "aino maria aino virtanen 2001-01-01",
        "aino aino virtanen 2001-01-01",
    );
    assert_eq!(*similarity, expected);
}

#[test]
fn lint_existing_duplicates_lists_onr_candidates() {
    use crate::import::action::{ExistingPerson, Persons};
    use crate::similarity::duplicates::PersonRecord;
    let k = Koodisto::bundled();
    let d = NaiveDate::from_ymd_opt(2006, 5, 17);
    let mut passive = PersonRecord::new("oid-p", "Aino Maria", "Aino", "Virtanen", d);
    passive.passivoitu = true;
    let records = [
        PersonRecord::new("oid-a", "Aino", "Aino", "Virtanen", d),
        PersonRecord::new("oid-b", "Aino Maria", "Aino", "Virtanen", d),
        PersonRecord::new("oid-c", "Ville", "Ville", "Korhonen", d),
        passive,
    ];
    let index = DuplicateIndex::new(&records, 0.5).unwrap();
    let reg = Persons::new(vec![ExistingPerson {
        oid: "oid-a".into(),
        passinumerot: vec!["A1".into()],
        etunimet: "Aino".into(),
        sukunimi: "Virtanen".into(),
        ..Default::default()
    }]);
    let mut c =
        Checker::with_registry(&k, CheckOptions::default(), &reg).with_duplicate_index(&index);
    let r = c.check(RowInput::new(
        0,
        Some(Row::new(passport_person("X9", "Aino Maria", "Virtanen"))),
    ));
    let got: Vec<&str> = r
        .duplicate_candidates
        .iter()
        .map(|c| c.oid.as_str())
        .collect();
    assert_eq!(got, ["oid-b", "oid-a"]);
    assert_eq!(r.duplicate_candidates[0].similarity, 1.0);
    assert_eq!(
        r.warnings,
        [Lint::ExistingDuplicates {
            candidates: 2,
            best: 1.0
        }]
    );
    // The person the row is attached to is not its own duplicate candidate.
    let r = c.check(RowInput::new(
        1,
        Some(Row::new(passport_person("A1", "Aino", "Virtanen"))),
    ));
    assert_eq!(r.action.kind, ActionKind::Match);
    let got: Vec<&str> = r
        .duplicate_candidates
        .iter()
        .map(|c| c.oid.as_str())
        .collect();
    assert_eq!(got, ["oid-b"]);
}

#[test]
fn batch_answer_keeps_every_error_as_onr_lists_them() {
    let k = Koodisto::bundled();
    let mut c = Checker::new(&k, CheckOptions::default());
    for i in 0..300 {
        let r = c.check(RowInput::new(i, Some(Row::new(RowPerson::default()))));
        assert_eq!(r.errors.len(), 5);
    }
    let s = c.finish(None, Some(300));
    assert_eq!(s.response.stage(), Some(Stage::BeanValidation));
    assert_eq!(s.answer.len(), 1500);
    assert_eq!(s.answer_errors, 1500);
}

#[test]
fn unreadable_value_replaces_the_bean_errors_of_its_field() {
    let k = Koodisto::bundled();
    let mut c = Checker::new(&k, CheckOptions::default());
    let mut p = person(Some(""));
    p.kansalaisuus = None;
    let input = RowInput {
        index: 0,
        line: Some(2),
        row: Some(Row::new(p)),
        problems: vec![ReadProblem {
            field: "henkilot[0].henkilo.kansalaisuus".into(),
            detail: "expected an array".into(),
            onr_message: None,
        }],
    };
    let r = c.check(input);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].key(), "HttpMessageNotReadableException");
    let s = c.finish(None, Some(1));
    assert_eq!(s.response.stage(), Some(Stage::Deserialization));
}

/// ONR refuses a batch (`!response.is_accepted()`) exactly when a row is rejected or the
/// batch has an error: the two ways front ends have asked it give the same answer.
#[cfg(feature = "json")]
#[test]
fn the_response_refuses_exactly_when_a_row_or_the_batch_has_an_error() {
    let valid = r#"{"tunniste": "1", "henkilo": {"hetu": "131052-308T", "etunimet": "Anna",
        "kutsumanimi": "Anna", "sukunimi": "Virtanen", "kansalaisuus": [{"koodi": "246"}]}}"#;
    let bodies = [
        (format!(r#"{{"henkilot": [{valid}]}}"#), true),
        (
            format!(r#"{{"sahkoposti": "a@b.fi", "henkilot": [{valid}]}}"#),
            true,
        ),
        (
            format!(r#"{{"henkilot": [{valid}, {{"henkilo": {{}}}}]}}"#),
            false,
        ),
        (format!(r#"{{"henkilot": [{valid}, null]}}"#), false),
        (
            format!(r#"{{"henkilot": [{valid}, {{"henkilo": {{"hetu": ["x"]}}}}]}}"#),
            false,
        ),
        (
            format!(r#"{{"sahkoposti": "not an address", "henkilot": [{valid}]}}"#),
            false,
        ),
        (
            format!(r#"{{"sahkoposti": ["x"], "henkilot": [{valid}]}}"#),
            false,
        ),
        (r#"{"henkilot": []}"#.to_owned(), false),
        (r#"{"henkilot": null}"#.to_owned(), false),
        ("{}".to_owned(), false),
    ];
    let k = Koodisto::bundled();
    for (body, accepted) in bodies {
        let checker = Checker::new(&k, CheckOptions::default());
        let (_, s) = check_json(&body, checker, |_| {}).unwrap();
        let refused_by_counts = s.rejected > 0 || s.batch_errors > 0;
        assert_eq!(s.response.is_accepted(), accepted, "{body}");
        assert_eq!(refused_by_counts, !accepted, "{body}");
    }
}
