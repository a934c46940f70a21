#![no_main]
//! Random sequences of ONR's linking operations: each either fails and changes nothing, or
//! succeeds; from a consistent table a success stays consistent unless a lint names the
//! inconsistency ONR itself creates. Never a panic.

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use onr_core::linking::{LinkLint, Registry};
use onr_core::person::Person;
use onr_core::Environment;

const OIDS: [&str; 8] = ["A", "B", "C", "D", "E", "F", "G", "Z"];
const HETUS: [&str; 5] = ["200198-7484", "190198-5259", "170498-993H", "251098-9515", ""];

fn state(r: &Registry) -> (Vec<(String, String)>, Vec<Option<Person>>) {
    (
        r.links().map(|(m, s)| (m.to_owned(), s.to_owned())).collect(),
        OIDS.iter().map(|o| r.person(o).cloned()).collect(),
    )
}

fn oid(u: &mut Unstructured) -> Result<&'static str> {
    u.choose(&OIDS).copied()
}

fn oids(u: &mut Unstructured) -> Result<Vec<&'static str>> {
    let n = u.int_in_range(0..=4)?;
    (0..n).map(|_| oid(u)).collect()
}

fn run(u: &mut Unstructured) -> Result<()> {
    let env = if u.arbitrary()? { Environment::Production } else { Environment::Test };
    let mut reg = Registry::new(env);
    let mut used = std::collections::HashSet::new();
    for o in &OIDS[..7] {
        let mut p = Person::new(*o);
        if u.arbitrary()? {
            let h = *u.choose(&HETUS)?;
            if used.insert(h) {
                p.hetu = Some(h.to_owned());
                p.yksiloity_vtj = u.arbitrary()?;
            }
        }
        if p.hetu.is_none() {
            match u.int_in_range(0..=2)? {
                0 => p.yksiloity = true,
                1 => p.yksiloity_eidas = u.arbitrary()?,
                _ => {}
            }
        }
        p.huoltajat = if u.arbitrary()? { vec!["G".into()] } else { Vec::new() };
        reg.insert_person(p);
    }
    let steps = u.int_in_range(1..=16)?;
    for _ in 0..steps {
        let before = state(&reg);
        let consistent = reg.check().is_empty();
        let res = match u.int_in_range(0..=6)? {
            0 | 1 => reg.link(oid(u)?, &oids(u)?),
            2 => reg.force_link(oid(u)?, &oids(u)?),
            3 => reg.unlink(oid(u)?, oid(u)?),
            4 => reg.link_with_vtj_hetu(oid(u)?, u.choose(&HETUS)?),
            5 => reg.remove_duplicate_hetu_and_link(oid(u)?, u.choose(&HETUS)?),
            _ => reg.identify_without_hetu(oid(u)?),
        };
        match res {
            Err(_) => assert_eq!(state(&reg), before, "a failed operation changed the registry"),
            Ok(o) => {
                let breaks = o.lints.iter().any(|l| {
                    matches!(
                        l,
                        LinkLint::StillLinkedButNotDuplicate { .. }
                            | LinkLint::IdentifiedSlaveKeepsLink { .. }
                    )
                });
                if consistent && !breaks {
                    assert_eq!(reg.check(), vec![], "an operation broke the invariants");
                }
                for oid in &o.change_feed {
                    assert!(reg.person(oid).is_some());
                }
            }
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
