//! `onr_core::linking` for the JVM: a registry of persons and ONR's link operations; link
//! tables and the change feed are in `linking/table.rs`, the person record in `person.rs`.

use std::sync::{Mutex, MutexGuard};

use onr_core::linking::{Link, Outcome, Registry, Violation};
use onr_core::Environment;

use crate::error::{shielded, NativeError, Problem};
pub use crate::person::PersonValue;

mod table;
pub use table::*;

/// What an operation changed (the essentials of [`Outcome`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LinkOutcome {
    /// The master after the operation.
    pub master: String,
    /// The slaves linked or unlinked.
    pub slaves: Vec<String>,
    /// The persons saved, in order.
    pub saved: Vec<String>,
    /// The OIDs that appear in ONR's change feed, in order.
    pub change_feed: Vec<String>,
    /// Surprising effects ONR really has.
    pub lints: Vec<Problem>,
    /// Link rows inserted.
    pub links_created: Vec<LinkValue>,
    /// Link rows deleted.
    pub links_deleted: Vec<LinkValue>,
    /// Persons whose user account ONR passivates.
    pub accounts_passivated: Vec<String>,
}

/// A link row, master to slave.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LinkValue {
    /// The master.
    pub master: String,
    /// The slave.
    pub slave: String,
}

impl From<&Link> for LinkValue {
    fn from(l: &Link) -> LinkValue {
        LinkValue {
            master: l.master.clone(),
            slave: l.slave.clone(),
        }
    }
}

/// A broken invariant of the link table ([`Violation`]): its kind and the OIDs involved, the
/// subject first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ViolationValue {
    /// [`Violation::kind`], e.g. `chain`.
    pub kind: String,
    /// [`Violation::oids`].
    pub oids: Vec<String>,
}

impl From<&Violation> for ViolationValue {
    fn from(v: &Violation) -> ViolationValue {
        ViolationValue {
            kind: v.kind().to_owned(),
            oids: v.oids().into_iter().map(str::to_owned).collect(),
        }
    }
}

/// ONR's `GET /yleistunniste/hae/{oid}` ([`onr_core::linking::YleistunnisteView`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct YleistunnisteValue {
    /// The OID asked for.
    pub oid: String,
    /// The master's oppijanumero, if the master is identified.
    pub oppijanumero: Option<String>,
    /// The person's own `passivoitu`.
    pub passivoitu: bool,
    /// Every other OID of the group, sorted.
    pub linked: Vec<String>,
}

impl From<Outcome> for LinkOutcome {
    fn from(o: Outcome) -> LinkOutcome {
        LinkOutcome {
            lints: o.lints.iter().map(Problem::from).collect(),
            links_created: o.links_created.iter().map(LinkValue::from).collect(),
            links_deleted: o.links_deleted.iter().map(LinkValue::from).collect(),
            accounts_passivated: o.accounts_passivated,
            master: o.master,
            slaves: o.slaves,
            saved: o.saved,
            change_feed: o.change_feed,
        }
    }
}

/// [`Registry`], shareable between threads (each operation locks it).
#[derive(Debug, uniffi::Object)]
pub struct LinkRegistry(Mutex<Registry>);

#[uniffi::export]
impl LinkRegistry {
    /// [`Registry::new`].
    #[uniffi::constructor]
    pub fn new(env: Environment) -> Result<LinkRegistry, NativeError> {
        shielded(|| Ok(LinkRegistry(Mutex::new(Registry::new(env)))))
    }

    /// [`Registry::insert_person`]: adds or replaces a person.
    pub fn insert_person(&self, person: PersonValue) -> Result<(), NativeError> {
        shielded(|| {
            self.lock().insert_person(person.into());
            Ok(())
        })
    }

    /// [`Registry::person`].
    pub fn person(&self, oid: String) -> Result<Option<PersonValue>, NativeError> {
        shielded(|| Ok(self.lock().person(&oid).map(PersonValue::from)))
    }

    /// [`Registry::master_of`].
    pub fn master_of(&self, oid: String) -> Result<Option<String>, NativeError> {
        shielded(|| Ok(self.lock().master_of(&oid).map(str::to_owned)))
    }

    /// [`Registry::slaves_of`].
    pub fn slaves_of(&self, oid: String) -> Result<Vec<String>, NativeError> {
        shielded(|| Ok(owned(self.lock().slaves_of(&oid))))
    }

    /// [`Registry::link`].
    pub fn link(&self, oid: String, candidates: Vec<String>) -> Result<LinkOutcome, NativeError> {
        shielded(|| Ok(self.lock().link(&oid, &candidates)?.into()))
    }

    /// [`Registry::force_link`].
    pub fn force_link(
        &self,
        oid: String,
        candidates: Vec<String>,
    ) -> Result<LinkOutcome, NativeError> {
        shielded(|| Ok(self.lock().force_link(&oid, &candidates)?.into()))
    }

    /// [`Registry::unlink`].
    pub fn unlink(&self, master: String, slave: String) -> Result<LinkOutcome, NativeError> {
        shielded(|| Ok(self.lock().unlink(&master, &slave)?.into()))
    }

    /// [`Registry::link_with_vtj_hetu`]: VTJ identified the person with this hetu.
    pub fn link_with_vtj_hetu(
        &self,
        oid: String,
        vtj_hetu: String,
    ) -> Result<LinkOutcome, NativeError> {
        shielded(|| Ok(self.lock().link_with_vtj_hetu(&oid, &vtj_hetu)?.into()))
    }

    /// [`Registry::force_update_hetu`].
    pub fn force_update_hetu(
        &self,
        oid: String,
        new_hetu: String,
    ) -> Result<LinkOutcome, NativeError> {
        shielded(|| Ok(self.lock().force_update_hetu(&oid, &new_hetu)?.into()))
    }

    /// [`Registry::remove_duplicate_hetu_and_link`].
    pub fn remove_duplicate_hetu_and_link(
        &self,
        oid: String,
        hetu: String,
    ) -> Result<LinkOutcome, NativeError> {
        shielded(|| {
            Ok(self
                .lock()
                .remove_duplicate_hetu_and_link(&oid, &hetu)?
                .into())
        })
    }

    /// [`Registry::identify_without_hetu`].
    pub fn identify_without_hetu(&self, oid: String) -> Result<LinkOutcome, NativeError> {
        shielded(|| Ok(self.lock().identify_without_hetu(&oid)?.into()))
    }

    /// [`Registry::passivate`].
    pub fn passivate(&self, oid: String) -> Result<LinkOutcome, NativeError> {
        shielded(|| Ok(self.lock().passivate(&oid)?.into()))
    }

    /// [`Registry::add_link`]: loads a link row as it is (no rules applied).
    pub fn add_link(&self, master: String, slave: String) -> Result<(), NativeError> {
        shielded(|| {
            self.lock().add_link(&master, &slave);
            Ok(())
        })
    }

    /// [`Registry::links`]: every link row, in insertion order.
    pub fn links(&self) -> Result<Vec<LinkValue>, NativeError> {
        shielded(|| {
            Ok(self
                .lock()
                .links()
                .map(|(m, s)| LinkValue {
                    master: m.to_owned(),
                    slave: s.to_owned(),
                })
                .collect())
        })
    }

    /// [`Registry::person_count`].
    pub fn person_count(&self) -> Result<i64, NativeError> {
        shielded(|| Ok(count(self.lock().person_count())))
    }

    /// [`Registry::link_count`].
    pub fn link_count(&self) -> Result<i64, NativeError> {
        shielded(|| Ok(count(self.lock().link_count())))
    }

    /// [`Registry::resolve`]: the master of a slave, else the OID itself.
    pub fn resolve(&self, oid: String) -> Result<String, NativeError> {
        shielded(|| Ok(self.lock().resolve(&oid).to_owned()))
    }

    /// [`Registry::masters_of`].
    pub fn masters_of(&self, oid: String) -> Result<Vec<String>, NativeError> {
        shielded(|| Ok(owned(self.lock().masters_of(&oid))))
    }

    /// [`Registry::group`].
    pub fn group(&self, oid: String) -> Result<Vec<String>, NativeError> {
        shielded(|| Ok(owned(self.lock().group(&oid))))
    }

    /// [`Registry::linked`].
    pub fn linked(&self, oid: String) -> Result<Vec<String>, NativeError> {
        shielded(|| Ok(owned(self.lock().linked(&oid))))
    }

    /// [`Registry::master_person`].
    pub fn master_person(&self, oid: String) -> Result<PersonValue, NativeError> {
        shielded(|| Ok(PersonValue::from(self.lock().master_person(&oid)?)))
    }

    /// [`Registry::oppijanumero`].
    pub fn oppijanumero(&self, oid: String) -> Result<Option<String>, NativeError> {
        shielded(|| Ok(self.lock().oppijanumero(&oid)?.map(str::to_owned)))
    }

    /// [`Registry::yleistunniste`].
    pub fn yleistunniste(&self, oid: String) -> Result<YleistunnisteValue, NativeError> {
        shielded(|| {
            let v = self.lock().yleistunniste(&oid)?;
            Ok(YleistunnisteValue {
                oid: v.oid,
                oppijanumero: v.oppijanumero,
                passivoitu: v.passivoitu,
                linked: v.linked,
            })
        })
    }

    /// [`Registry::masters_by_oids`]: `(asked OID, its master person's OID)` rows.
    pub fn masters_by_oids(&self, oids: Vec<String>) -> Result<Vec<LinkValue>, NativeError> {
        shielded(|| {
            Ok(self
                .lock()
                .masters_by_oids(&oids)?
                .into_iter()
                .map(|(oid, master)| LinkValue { master, slave: oid })
                .collect())
        })
    }

    /// [`Registry::duplicate_henkilos`]: `(master, slave)` rows, for the OIDs or for all.
    pub fn duplicate_henkilos(
        &self,
        oids: Option<Vec<String>>,
    ) -> Result<Vec<LinkValue>, NativeError> {
        shielded(|| {
            Ok(self
                .lock()
                .duplicate_henkilos(oids.as_deref())
                .into_iter()
                .map(|d| LinkValue {
                    master: d.master_oid,
                    slave: d.henkilo_oid,
                })
                .collect())
        })
    }

    /// [`Registry::check`]: the broken invariants of the registry's links and flags.
    pub fn check(&self) -> Result<Vec<ViolationValue>, NativeError> {
        shielded(|| {
            Ok(self
                .lock()
                .check()
                .iter()
                .map(ViolationValue::from)
                .collect())
        })
    }
}

/// A count as the `i64` Java reads (a registry never holds 2^63 of anything).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn owned(v: Vec<&str>) -> Vec<String> {
    v.into_iter().map(str::to_owned).collect()
}

impl LinkRegistry {
    fn lock(&self) -> MutexGuard<'_, Registry> {
        // Operations are atomic in onr-core: a panic in one leaves the registry as it was.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
