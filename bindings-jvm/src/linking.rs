//! `onr_core::linking` for the JVM: a registry of persons and ONR's link operations.

use std::sync::{Mutex, MutexGuard};

use onr_core::linking::{Outcome, Registry};
use onr_core::person::Person;
use onr_core::Environment;

use crate::error::{NativeError, Problem};

/// The fields of a person that the link rules read and change.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonValue {
    /// `oidHenkilo`.
    pub oid: String,
    /// The hetu, if any.
    pub hetu: Option<String>,
    /// `etunimet`.
    pub etunimet: String,
    /// `kutsumanimi`.
    pub kutsumanimi: String,
    /// `sukunimi`.
    pub sukunimi: String,
    /// `aidinkieli` (a koodisto `kieli` code), if any.
    pub aidinkieli: Option<String>,
    /// `kansalaisuus` (koodisto `maatjavaltiot2` codes).
    pub kansalaisuus: Vec<String>,
    /// `passivoitu`.
    pub passivoitu: bool,
    /// `duplicate`.
    pub duplicate: bool,
    /// `yksiloity` (identified manually).
    pub yksiloity: bool,
    /// `yksiloityVTJ` (identified against the population register).
    pub yksiloity_vtj: bool,
    /// `yksiloityEidas`.
    pub yksiloity_eidas: bool,
}

impl From<&Person> for PersonValue {
    fn from(p: &Person) -> PersonValue {
        PersonValue {
            oid: p.oid.clone(),
            hetu: p.hetu.clone(),
            etunimet: p.etunimet.clone(),
            kutsumanimi: p.kutsumanimi.clone(),
            sukunimi: p.sukunimi.clone(),
            aidinkieli: p.aidinkieli.clone(),
            kansalaisuus: p.kansalaisuus.iter().cloned().collect(),
            passivoitu: p.passivoitu,
            duplicate: p.duplicate,
            yksiloity: p.yksiloity,
            yksiloity_vtj: p.yksiloity_vtj,
            yksiloity_eidas: p.yksiloity_eidas,
        }
    }
}

impl From<PersonValue> for Person {
    fn from(v: PersonValue) -> Person {
        let mut p = Person::new(v.oid);
        p.hetu = v.hetu;
        p.etunimet = v.etunimet;
        p.kutsumanimi = v.kutsumanimi;
        p.sukunimi = v.sukunimi;
        p.aidinkieli = v.aidinkieli;
        p.kansalaisuus = v.kansalaisuus.into_iter().collect();
        p.passivoitu = v.passivoitu;
        p.duplicate = v.duplicate;
        p.yksiloity = v.yksiloity;
        p.yksiloity_vtj = v.yksiloity_vtj;
        p.yksiloity_eidas = v.yksiloity_eidas;
        p
    }
}

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
}

impl From<Outcome> for LinkOutcome {
    fn from(o: Outcome) -> LinkOutcome {
        LinkOutcome {
            lints: o.lints.iter().map(Problem::from).collect(),
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
    pub fn new(env: Environment) -> LinkRegistry {
        LinkRegistry(Mutex::new(Registry::new(env)))
    }

    /// [`Registry::insert_person`]: adds or replaces a person.
    pub fn insert_person(&self, person: PersonValue) {
        self.lock().insert_person(person.into());
    }

    /// [`Registry::person`].
    pub fn person(&self, oid: String) -> Option<PersonValue> {
        self.lock().person(&oid).map(PersonValue::from)
    }

    /// [`Registry::master_of`].
    pub fn master_of(&self, oid: String) -> Option<String> {
        self.lock().master_of(&oid).map(str::to_owned)
    }

    /// [`Registry::slaves_of`].
    pub fn slaves_of(&self, oid: String) -> Vec<String> {
        self.lock()
            .slaves_of(&oid)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// [`Registry::link`].
    pub fn link(&self, oid: String, candidates: Vec<String>) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().link(&oid, &candidates)?.into())
    }

    /// [`Registry::force_link`].
    pub fn force_link(
        &self,
        oid: String,
        candidates: Vec<String>,
    ) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().force_link(&oid, &candidates)?.into())
    }

    /// [`Registry::unlink`].
    pub fn unlink(&self, master: String, slave: String) -> Result<LinkOutcome, NativeError> {
        Ok(self.lock().unlink(&master, &slave)?.into())
    }
}

impl LinkRegistry {
    fn lock(&self) -> MutexGuard<'_, Registry> {
        // Operations are atomic in onr-core: a panic in one leaves the registry as it was.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
