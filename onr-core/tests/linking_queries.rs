//! Group queries as ONR answers them, and properties of random operation sequences.

use onr_core::linking::{
    ChangeFeedTracker, DuplicateHenkilo, LinkError, LinkLint, Registry, YleistunnisteView,
};
use onr_core::person::Person;
use onr_core::Environment;
use proptest::prelude::*;

/// ONR's `controller/yleistunniste/integration/fixture.sql`.
fn yleistunniste_fixture() -> Registry {
    let mut r = Registry::new(Environment::Production);
    let mut master = Person::new("master");
    master.yksiloity = true;
    let mut d1 = Person::new("duplicate1");
    d1.duplicate = true;
    d1.passivoitu = true;
    let mut d2 = Person::new("duplicate2");
    d2.duplicate = true;
    d2.passivoitu = true;
    let mut yksiloity = Person::new("yksiloity");
    yksiloity.yksiloity = true;
    r.extend_persons([master, d1, d2, Person::new("yksiloimaton"), yksiloity]);
    r.extend_links([("master", "duplicate1"), ("master", "duplicate2")]);
    r
}

fn view(
    oid: &str,
    oppijanumero: Option<&str>,
    passivoitu: bool,
    linked: &[&str],
) -> YleistunnisteView {
    YleistunnisteView {
        oid: oid.into(),
        oppijanumero: oppijanumero.map(Into::into),
        passivoitu,
        linked: linked.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn yleistunniste_controller_integration_fixture() {
    let r = yleistunniste_fixture();
    assert!(r.check().is_empty());
    assert_eq!(
        r.yleistunniste("duplicate1").unwrap(),
        view(
            "duplicate1",
            Some("master"),
            true,
            &["duplicate2", "master"]
        )
    );
    assert_eq!(
        r.yleistunniste("master").unwrap(),
        view(
            "master",
            Some("master"),
            false,
            &["duplicate1", "duplicate2"]
        )
    );
    assert_eq!(
        r.yleistunniste("yksiloimaton").unwrap(),
        view("yksiloimaton", None, false, &[])
    );
    assert_eq!(
        r.yleistunniste("yksiloity").unwrap(),
        view("yksiloity", Some("yksiloity"), false, &[])
    );
    assert_eq!(
        r.yleistunniste("invalid-oid"),
        Err(LinkError::PersonNotFound {
            oid: "invalid-oid".into()
        })
    );
}

#[test]
fn duplicate_henkilos_covers_whole_groups() {
    let r = yleistunniste_fixture();
    let all = vec![
        DuplicateHenkilo {
            henkilo_oid: "duplicate1".into(),
            master_oid: "master".into(),
        },
        DuplicateHenkilo {
            henkilo_oid: "duplicate2".into(),
            master_oid: "master".into(),
        },
    ];
    assert_eq!(r.duplicate_henkilos(Some(&["master"])), all);
    assert_eq!(r.duplicate_henkilos(Some(&["duplicate2"])), all);
    assert_eq!(r.duplicate_henkilos(Some(&["duplicate1", "master"])), all);
    assert_eq!(r.duplicate_henkilos::<&str>(None), all);
    assert!(r.duplicate_henkilos(Some(&["yksiloity"])).is_empty());
}

#[test]
fn group_queries() {
    let r = yleistunniste_fixture();
    assert_eq!(
        r.group("duplicate2"),
        vec!["master", "duplicate1", "duplicate2"]
    );
    assert_eq!(r.master_of("duplicate1"), Some("master"));
    assert_eq!(r.resolve("master"), "master");
    assert_eq!(r.oppijanumero("duplicate2").unwrap(), Some("master"));
    let m = r
        .masters_by_oids(&["duplicate1", "yksiloimaton", "nobody"])
        .unwrap();
    assert_eq!(
        m,
        vec![
            ("duplicate1".to_owned(), "master".to_owned()),
            ("yksiloimaton".to_owned(), "yksiloimaton".to_owned())
        ]
    );
    let many: Vec<String> = (0..5001).map(|i| format!("o{i}")).collect();
    assert_eq!(
        r.masters_by_oids(&many),
        Err(LinkError::TooManyOids { count: 5001 })
    );
}

#[test]
fn linked_follows_onr_query_on_a_chain() {
    // Inconsistent data M -> S -> T: the query reports S's master and S's own slave.
    let mut r = Registry::from_links(Environment::Production, [("M", "S"), ("S", "T")]);
    r.extend_persons([Person::new("M"), Person::new("S"), Person::new("T")]);
    assert_eq!(r.linked("S"), vec!["M", "T"]);
    assert_eq!(r.linked("T"), vec!["S"]);
}

#[test]
fn change_feed_follows_a_link() {
    let mut r = Registry::new(Environment::Production);
    r.extend_persons([Person::new("M"), Person::new("S"), Person::new("T")]);
    r.link("S", &["T"]).unwrap();
    let mut consumer = ChangeFeedTracker::with_masters([("S", "S"), ("T", "S")]);
    let o = r.link("M", &["S"]).unwrap();
    assert_eq!(o.change_feed, vec!["M", "T", "S"]);
    // Only S's entry arrives on this page: T follows S to M anyway.
    let page: Vec<_> = r
        .change_feed_entries(&o)
        .into_iter()
        .filter(|e| e.oid == "S")
        .collect();
    let moved = consumer.apply(&page);
    assert_eq!(moved.len(), 2);
    assert_eq!(consumer.master_of("T"), Some("M"));
}

#[derive(Debug, Clone)]
enum Op {
    Link(usize, Vec<usize>),
    ForceLink(usize, Vec<usize>),
    Unlink(usize, usize),
    VtjHetu(usize, usize),
    RemoveDuplicateHetu(usize, usize),
    IdentifyWithoutHetu(usize),
}

const OIDS: [&str; 7] = ["A", "B", "C", "D", "E", "F", "Z"];
const HETUS: [&str; 4] = ["200198-7484", "190198-5259", "170498-993H", "251098-9515"];

fn arb_person(i: usize) -> impl Strategy<Value = Person> {
    (
        proptest::option::of(0..HETUS.len()),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(h, yksiloity, vtj, eidas)| {
            let mut p = Person::new(OIDS[i]);
            p.hetu = h.map(|k| HETUS[k].to_owned());
            p.yksiloity = yksiloity && p.hetu.is_none();
            p.yksiloity_vtj = vtj && p.hetu.is_some();
            p.yksiloity_eidas = eidas && p.hetu.is_none() && !p.yksiloity;
            p
        })
}

fn arb_op() -> impl Strategy<Value = Op> {
    let oid = 0..OIDS.len();
    let list = proptest::collection::vec(0..OIDS.len(), 0..4);
    prop_oneof![
        4 => (oid.clone(), list.clone()).prop_map(|(a, l)| Op::Link(a, l)),
        2 => (oid.clone(), list).prop_map(|(a, l)| Op::ForceLink(a, l)),
        2 => (oid.clone(), oid.clone()).prop_map(|(a, b)| Op::Unlink(a, b)),
        1 => (oid.clone(), 0..HETUS.len()).prop_map(|(a, h)| Op::VtjHetu(a, h)),
        1 => (oid.clone(), 0..HETUS.len()).prop_map(|(a, h)| Op::RemoveDuplicateHetu(a, h)),
        1 => oid.prop_map(Op::IdentifyWithoutHetu),
    ]
}

fn state(r: &Registry) -> (Vec<(String, String)>, Vec<Option<Person>>) {
    (
        r.links()
            .map(|(m, s)| (m.to_owned(), s.to_owned()))
            .collect(),
        OIDS.iter().map(|o| r.person(o).cloned()).collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any operation either fails and changes nothing, or succeeds; from a consistent table a
    /// success keeps it consistent unless a lint names the inconsistency ONR creates.
    #[test]
    fn operations_keep_invariants_or_fail_atomically(
        persons in (arb_person(0), arb_person(1), arb_person(2), arb_person(3), arb_person(4), arb_person(5)),
        ops in proptest::collection::vec(arb_op(), 1..12),
    ) {
        let mut r = Registry::new(Environment::Production);
        let (a, b, c, d, e, f) = persons;
        // Hetus are unique in ONR: drop repeats.
        let mut seen = std::collections::HashSet::new();
        for mut p in [a, b, c, d, e, f] {
            if let Some(h) = p.hetu.clone() {
                if !seen.insert(h) {
                    p.hetu = None;
                    p.yksiloity_vtj = false;
                }
            }
            r.insert_person(p);
        }
        for op in ops {
            let before = state(&r);
            let consistent = r.check().is_empty();
            let res = match &op {
                Op::Link(a, l) => r.link(OIDS[*a], &l.iter().map(|&i| OIDS[i]).collect::<Vec<_>>()),
                Op::ForceLink(a, l) => r.force_link(OIDS[*a], &l.iter().map(|&i| OIDS[i]).collect::<Vec<_>>()),
                Op::Unlink(a, b) => r.unlink(OIDS[*a], OIDS[*b]),
                Op::VtjHetu(a, h) => r.link_with_vtj_hetu(OIDS[*a], HETUS[*h]),
                Op::RemoveDuplicateHetu(a, h) => r.remove_duplicate_hetu_and_link(OIDS[*a], HETUS[*h]),
                Op::IdentifyWithoutHetu(a) => r.identify_without_hetu(OIDS[*a]),
            };
            match res {
                Err(_) => prop_assert_eq!(state(&r), before, "{:?} failed but changed the registry", op),
                Ok(o) => {
                    let breaks = o.lints.iter().any(|l| matches!(
                        l,
                        LinkLint::StillLinkedButNotDuplicate { .. } | LinkLint::IdentifiedSlaveKeepsLink { .. }
                    ));
                    if consistent && !breaks {
                        prop_assert_eq!(r.check(), vec![], "{:?} broke the invariants", op);
                    }
                }
            }
        }
    }
}
