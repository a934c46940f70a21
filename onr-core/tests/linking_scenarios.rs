//! The linking scenarios L1-L26 of ONR's behaviour, one test each, named after the scenario.
//! Sources: ONR's `HenkiloidenLinkitysTest`, `HenkiloModificationServiceTest`,
//! `DuplicateServiceImplTest`, `YksilointiITest`, and cases computed from its code.

use chrono::NaiveDate;
use onr_core::error::Coded;
use onr_core::linking::{Field, Flag, FlagChange, LinkError, LinkLint, Registry, Violation};
use onr_core::person::{Identification, IdpEntityId, Person};
use onr_core::Environment;

fn reg(persons: impl IntoIterator<Item = Person>) -> Registry {
    let mut r = Registry::new(Environment::Production);
    r.extend_persons(persons);
    r
}

fn p(oid: &str) -> Person {
    Person::new(oid)
}

fn with_hetu(oid: &str, hetu: &str) -> Person {
    let mut x = Person::new(oid);
    x.hetu = Some(hetu.into());
    x
}

fn vtj(oid: &str, hetu: &str) -> Person {
    let mut x = with_hetu(oid, hetu);
    x.yksiloity_vtj = true;
    x
}

fn email(v: &str) -> Identification {
    Identification::new(IdpEntityId::Email, v)
}

fn snapshot(r: &Registry, oids: &[&str]) -> (Vec<(String, String)>, Vec<Option<Person>>) {
    (
        r.links()
            .map(|(m, s)| (m.to_owned(), s.to_owned()))
            .collect(),
        oids.iter().map(|o| r.person(o).cloned()).collect(),
    )
}

#[test]
fn l1_forcelink_vtj_master_and_unidentified_slave() {
    let mut r = reg([vtj("M", "300146-042C"), p("S")]);
    let o = r.force_link("M", &["S"]).unwrap();
    assert_eq!(o.slaves, vec!["S"]);
    assert!(!r.person("M").unwrap().duplicate);
    assert!(r.person("S").unwrap().duplicate);
    assert_eq!(r.links().collect::<Vec<_>>(), vec![("M", "S")]);
    assert!(r.check().is_empty());
}

#[test]
fn l2_unlink_removes_the_link() {
    let mut r = reg([p("M"), p("S")]);
    r.link("M", &["S"]).unwrap();
    assert!(r.person("S").unwrap().duplicate);
    let o = r.unlink("M", "S").unwrap();
    assert_eq!(r.link_count(), 0);
    assert_eq!(o.links_deleted.len(), 1);
    assert_eq!(o.saved, vec!["M", "S"]);
    let s = r.person("S").unwrap();
    assert!(!s.duplicate && !s.passivoitu);
}

#[test]
fn l3_forcelink_two_vtj_identified_is_refused() {
    let mut r = reg([vtj("A", "080274-0084"), vtj("B", "131161-3476")]);
    let e = r.force_link("A", &["B"]).unwrap_err();
    assert_eq!(
        e,
        LinkError::ForceLinkCandidateIdentified { oid: "B".into() }
    );
    assert_eq!(e.http_status(), 400);
    assert_eq!(e.onr_message(), None);
    assert_eq!(r.link_count(), 0);
}

#[test]
fn l4_a_duplicate_cannot_become_master() {
    let mut r = reg([vtj("O", "080863-924N"), p("D1"), p("D2")]);
    assert_eq!(r.link("O", &["D1"]).unwrap().slaves, vec!["D1"]);
    let e = r.link("D1", &["D2"]).unwrap_err();
    assert_eq!(e.code(), "link.already_duplicate");
    assert_eq!(e.onr_message().unwrap(), "Henkilo D1is already a duplicate");
    assert_eq!(e.http_status(), 400);
    assert_eq!(r.master_of("D1"), Some("O"));
    assert_eq!(r.master_of("D2"), None);
    assert!(!r.person("D2").unwrap().duplicate);
}

#[test]
fn l5_identifications_move_when_no_hetus() {
    let mut m = p("M");
    m.identifications.push(email("value1"));
    let mut r = reg([m, p("S")]);
    assert_eq!(r.link("M", &["S"]).unwrap().slaves, vec!["S"]);
    assert_eq!(
        r.person("M").unwrap().identifications,
        vec![email("value1")]
    );
    assert!(r.person("S").unwrap().identifications.is_empty());
}

#[test]
fn l6_slave_identifications_are_added_to_master() {
    let mut m = p("M");
    m.identifications.push(email("value1"));
    let mut s = p("S");
    s.identifications.push(email("value2"));
    let mut r = reg([m, s]);
    let o = r.link("M", &["S"]).unwrap();
    assert_eq!(
        r.person("M").unwrap().identifications,
        vec![email("value1"), email("value2")]
    );
    assert!(r.person("S").unwrap().identifications.is_empty());
    assert_eq!(o.merges[0].identifications, vec![email("value2")]);
}

#[test]
fn l7_citizenships_are_united_on_master() {
    let mut m = p("M");
    m.kansalaisuus.insert("kansalaisuus1".into());
    let mut s1 = p("S1");
    s1.kansalaisuus.insert("kansalaisuus2".into());
    let mut s2 = p("S2");
    s2.kansalaisuus
        .extend(["kansalaisuus2".to_owned(), "kansalaisuus3".to_owned()]);
    let mut r = reg([m, s1, s2]);
    r.link("M", &["S1", "S2"]).unwrap();
    let got: Vec<_> = r
        .person("M")
        .unwrap()
        .kansalaisuus
        .iter()
        .cloned()
        .collect();
    assert_eq!(got, ["kansalaisuus1", "kansalaisuus2", "kansalaisuus3"]);
    assert_eq!(r.person("S1").unwrap().kansalaisuus.len(), 1);
    assert_eq!(r.person("S2").unwrap().kansalaisuus.len(), 2);
}

#[test]
fn l8_master_mother_tongue_is_kept() {
    let mut m = p("M");
    m.aidinkieli = Some("fi".into());
    let mut s1 = p("S1");
    s1.aidinkieli = Some("sv".into());
    let mut s2 = p("S2");
    s2.aidinkieli = Some("en".into());
    let mut r = reg([m, s1, s2]);
    r.link("M", &["S1", "S2"]).unwrap();
    assert_eq!(r.person("M").unwrap().aidinkieli.as_deref(), Some("fi"));
}

#[test]
fn l9_master_without_mother_tongue_takes_first_slaves() {
    let mut s1 = p("S1");
    s1.aidinkieli = Some("sv".into());
    let mut s2 = p("S2");
    s2.aidinkieli = Some("en".into());
    let mut r = reg([p("M"), s1, s2]);
    let o = r.link("M", &["S1", "S2"]).unwrap();
    assert_eq!(r.person("M").unwrap().aidinkieli.as_deref(), Some("sv"));
    assert_eq!(o.merges[0].aidinkieli.as_deref(), Some("sv"));
    assert_eq!(o.merges[1].aidinkieli, None);
}

#[test]
fn l10_all_identifications_including_eidas_move() {
    let mut h1 = p("H1");
    h1.identifications = vec![
        email("arpa@noppa.com"),
        Identification::new(IdpEntityId::Google, "arpahaka"),
    ];
    let mut h2 = p("H2");
    h2.identifications = vec![
        email("arpa2@noppa2.com"),
        Identification::new(IdpEntityId::Eidas, "eidas"),
    ];
    let mut h3 = p("H3");
    h3.identifications = vec![email("arpa3@noppa3.com")];
    let mut r = reg([h1, h2, h3]);
    r.link("H1", &["H2", "H3"]).unwrap();
    let ids = &r.person("H1").unwrap().identifications;
    assert_eq!(ids.len(), 5);
    assert!(ids.contains(&Identification::new(IdpEntityId::Eidas, "eidas")));
    assert!(r.person("H2").unwrap().identifications.is_empty());
    assert!(r.person("H3").unwrap().identifications.is_empty());
}

#[test]
fn l11_forcelink_unidentified() {
    let mut r = reg([p("M"), p("S")]);
    assert_eq!(r.force_link("M", &["S"]).unwrap().slaves, vec!["S"]);
}

#[test]
fn l12_forcelink_removes_manual_identification() {
    let mut s = p("S");
    s.yksiloity = true;
    let mut r = reg([p("M"), s]);
    let o = r.force_link("M", &["S"]).unwrap();
    assert_eq!(o.slaves, vec!["S"]);
    assert!(!r.person("S").unwrap().yksiloity);
    assert!(o.flag_changes.contains(&FlagChange {
        oid: "S".into(),
        flag: Flag::Yksiloity,
        from: true,
        to: false
    }));
}

#[test]
fn l13_forcelink_vtj_identified_candidate_is_refused() {
    let mut s = p("S");
    s.yksiloity_vtj = true;
    let mut r = reg([p("M"), s]);
    assert!(matches!(
        r.force_link("M", &["S"]),
        Err(LinkError::ForceLinkCandidateIdentified { .. })
    ));
}

#[test]
fn l14_forcelink_candidate_with_hetu_is_refused() {
    let mut r = reg([p("M"), with_hetu("S", "fakehetu")]);
    assert!(matches!(
        r.force_link("M", &["S"]),
        Err(LinkError::ForceLinkCandidateIdentified { .. })
    ));
}

#[test]
fn l15_remove_duplicate_hetu_and_link() {
    let mut e = vtj("E", "hetu");
    e.kaikki_hetut
        .extend(["hetu1".to_owned(), "hetu2".to_owned()]);
    let mut r = reg([e, p("N")]);
    let o = r.remove_duplicate_hetu_and_link("N", "hetu").unwrap();
    let e = r.person("E").unwrap();
    assert!(!e.yksiloity_vtj);
    assert!(e.kaikki_hetut.is_empty());
    assert_eq!(e.hetu, None);
    let n: Vec<_> = r
        .person("N")
        .unwrap()
        .kaikki_hetut
        .iter()
        .cloned()
        .collect();
    assert_eq!(n, ["hetu1", "hetu2"]);
    assert_eq!(r.master_of("E"), Some("N"));
    assert!(o
        .field_changes
        .iter()
        .any(|c| c.oid == "E" && c.field == Field::KotikuntaHistoria));

    // The same through the force update that gives N the hetu.
    let mut e = vtj("E", "hetu");
    e.kaikki_hetut
        .extend(["hetu1".to_owned(), "hetu2".to_owned()]);
    let mut r = reg([e, p("N")]);
    r.force_update_hetu("N", "hetu").unwrap();
    assert_eq!(r.person("N").unwrap().hetu.as_deref(), Some("hetu"));
    assert_eq!(r.person("N").unwrap().kaikki_hetut.len(), 2);
    assert_eq!(r.master_of("E"), Some("N"));
}

#[test]
fn l16_identification_finds_vtj_holder_of_the_hetu() {
    let mut r = reg([with_hetu("X", "190259-855W"), vtj("D", "170498-993H")]);
    let o = r.link_with_vtj_hetu("X", "170498-993H").unwrap();
    assert_eq!(o.master, "D");
    let d = r.person("D").unwrap();
    assert_eq!(d.hetu.as_deref(), Some("170498-993H"));
    assert!(d.yksiloity_vtj);
    let x = r.person("X").unwrap();
    assert_eq!(x.hetu, None);
    assert!(!x.yksiloity_vtj);
    assert_eq!(r.slaves_of("D"), vec!["X"]);
    assert_eq!(o.accounts_passivated, vec!["X"]);
    assert_eq!(o.notifications, vec!["D", "X"]);
}

#[test]
fn l17_later_identified_person_becomes_slave() {
    let mut r = reg([with_hetu("U", "200198-7484"), with_hetu("V", "190198-5259")]);
    r.update_person("V", |v| v.apply_save_rules(Environment::Production));
    r.link_with_vtj_hetu("U", "200198-7484").unwrap();
    let o = r.link_with_vtj_hetu("V", "200198-7484").unwrap();
    assert_eq!(o.master, "U");
    let v = r.person("V").unwrap();
    assert_eq!(v.hetu, None);
    assert!(!v.yksiloity_vtj);
    assert!(v.yksilointi_yritetty);
    assert_eq!(v.oppijanumero(), None);
    assert_eq!(v.syntymaaika, NaiveDate::from_ymd_opt(1998, 1, 19));
    assert_eq!(v.sukupuoli.as_deref(), Some("1"));
    let u = r.person("U").unwrap();
    let hist: Vec<_> = u.kaikki_hetut.iter().cloned().collect();
    assert_eq!(hist, ["190198-5259", "200198-7484"]);
    assert_eq!(u.syntymaaika, NaiveDate::from_ymd_opt(1998, 1, 20));
    assert_eq!(u.sukupuoli.as_deref(), Some("2"));
    assert_eq!(r.master_of("V"), Some("U"));
}

#[test]
fn l18_first_identified_person_takes_the_hetu() {
    let mut r = reg([with_hetu("U", "200198-7484"), with_hetu("V", "190198-5259")]);
    let o = r.link_with_vtj_hetu("V", "200198-7484").unwrap();
    assert_eq!(o.master, "V");
    let v = r.person("V").unwrap();
    assert_eq!(v.hetu.as_deref(), Some("200198-7484"));
    assert_eq!(v.kaikki_hetut.len(), 2);
    assert!(v.yksiloity_vtj);
    assert_eq!(v.oppijanumero(), Some("V"));
    let u = r.person("U").unwrap();
    assert_eq!(u.hetu, None);
    assert!(!u.yksiloity_vtj);
    assert!(!u.yksilointi_yritetty);
    // Identifying U afterwards does nothing: it has no hetu.
    assert_eq!(
        r.link_with_vtj_hetu("U", "200198-7484"),
        Err(LinkError::HetuMissing { oid: "U".into() })
    );
}

#[test]
fn l19_self_link_is_ignored() {
    let mut r = reg([p("A")]);
    let o = r.link("A", &["A"]).unwrap();
    assert!(o.slaves.is_empty());
    let a = r.person("A").unwrap();
    assert!(!a.passivoitu && !a.duplicate);
    assert!(o
        .lints
        .contains(&LinkLint::SelfLinkIgnored { oid: "A".into() }));
    assert_eq!(r.link_count(), 0);
}

#[test]
fn l20_candidate_with_hetu_becomes_master() {
    let mut r = reg([p("A"), with_hetu("B", "170498-993H")]);
    let o = r.link("A", &["B"]).unwrap();
    assert_eq!(o.master, "B");
    assert_eq!(o.slaves, vec!["A"]);
    let a = r.person("A").unwrap();
    assert!(a.duplicate && a.passivoitu);
    assert!(o
        .lints
        .contains(&LinkLint::HetuCountsAsIdentified { oid: "B".into() }));
}

#[test]
fn l21_two_identified_persons_are_refused() {
    let mut r = reg([with_hetu("A", "200198-7484"), with_hetu("B", "190198-5259")]);
    let e = r.link("A", &["B"]).unwrap_err();
    assert_eq!(e, LinkError::MoreThanOneIdentified);
    assert_eq!(e.http_status(), 403);
    assert_eq!(e.onr_message().unwrap(), "More than one identified Henkilo");
    let mut b = p("B");
    b.yksiloity = true;
    let mut r = reg([with_hetu("A", "200198-7484"), b]);
    assert_eq!(r.link("A", &["B"]), Err(LinkError::MoreThanOneIdentified));
}

#[test]
fn l22_slave_moves_from_its_previous_master() {
    let mut r = reg([p("M1"), p("M"), p("S")]);
    r.link("M1", &["S"]).unwrap();
    let o = r.link("M", &["S"]).unwrap();
    assert_eq!(r.masters_of("S"), vec!["M"]);
    assert_eq!(o.links_deleted[0].master, "M1");
    assert_eq!(o.saved, vec!["M1", "M"]);
    assert!(r.slaves_of("M1").is_empty());
}

#[test]
fn l23_slaves_slaves_are_repointed() {
    let mut r = reg([p("M"), p("S"), p("T")]);
    r.add_link("S", "T");
    let o = r.link("M", &["S"]).unwrap();
    assert_eq!(o.links_repointed.len(), 1);
    assert_eq!(r.master_of("T"), Some("M"));
    // Rows keep their original order: the re-pointed S->T row is older than M->S.
    assert_eq!(r.slaves_of("M"), vec!["T", "S"]);
    assert!(r.slaves_of("S").is_empty());
    // T keeps its flags (it was never flagged here): the checker says so.
    assert!(r
        .check()
        .iter()
        .any(|v| *v == Violation::SlaveNotDuplicate { oid: "T".into() }));
}

#[test]
fn l24_linking_reactivates_a_passivated_master() {
    let mut pp = p("P");
    pp.passivoitu = true;
    let mut r = reg([pp]);
    let o = r.link::<&str>("P", &[]).unwrap();
    assert!(!r.person("P").unwrap().passivoitu);
    assert!(o
        .lints
        .contains(&LinkLint::SilentReactivation { oid: "P".into() }));
}

#[test]
fn l25_missing_slave_fails_and_nothing_is_persisted() {
    let mut r = reg([p("M"), p("S"), p("T")]);
    r.add_link("S", "T");
    let before = snapshot(&r, &["M", "S", "T"]);
    let e = r.link("M", &["S", "Z"]).unwrap_err();
    assert_eq!(e, LinkError::SlaveNotFound { oid: "Z".into() });
    assert_eq!(
        e.onr_message().unwrap(),
        "Henkilo not found with given oid Z"
    );
    assert_eq!(e.http_status(), 404);
    assert_eq!(snapshot(&r, &["M", "S", "T"]), before);
}

#[test]
fn l26_unlink_clears_flags_of_an_unrelated_person() {
    let mut s = p("S");
    s.passivoitu = true;
    let mut r = reg([p("M"), s]);
    let o = r.unlink("M", "S").unwrap();
    let s = r.person("S").unwrap();
    assert!(!s.duplicate && !s.passivoitu);
    assert!(o.lints.contains(&LinkLint::UnlinkWithoutLink {
        master: "M".into(),
        slave: "S".into()
    }));
    assert!(o
        .lints
        .contains(&LinkLint::UnlinkReactivatesOtherPassivation { oid: "S".into() }));
}

#[test]
fn linking_a_turvakielto_slave_deletes_its_vtj_contact_groups() {
    use onr_core::person::ContactGroup;
    let mut s = p("S");
    s.turvakielto = true;
    s.kotikunta = Some("091".into());
    s.yhteystiedot_ryhma = vec![
        ContactGroup::new("yhteystietotyyppi4", "alkupera1"),
        ContactGroup::new("yhteystietotyyppi2", "alkupera2"),
    ];
    let mut r = reg([p("M"), s]);
    let o = r.link("M", &["S"]).unwrap();
    let s = r.person("S").unwrap();
    assert_eq!(s.yhteystiedot_ryhma.len(), 1);
    assert_eq!(s.kotikunta.as_deref(), Some("091"));
    assert!(o
        .field_changes
        .iter()
        .any(|c| c.oid == "S" && c.field == Field::YhteystiedotRyhma));
}
