//! Linking (linkitys, joining duplicate person records under one master).
//!
//! ONR joins records of the same real person by **links** (`henkiloviite` rows) from a
//! *master* (the surviving record) to *slaves* (duplicates). The rules, all reproduced by
//! [`Registry`]:
//!
//! * **Two levels only**: a master is never a slave, a slave has no slaves and exactly one
//!   master. Slaves are flagged `duplicate` and `passivoitu`; masters are neither. The table
//!   itself enforces nothing (no uniqueness), only the operations do.
//! * **[`link`](Registry::link)(`oid`, candidates)**: refused if `oid` is a duplicate; the own
//!   OID and repeats are dropped from the candidates; a person counts as *identified* when it is
//!   identified by any method **or has a hetu**, two identified persons are refused, an
//!   identified candidate becomes master, else `oid`. The master is (re-)activated; if it was
//!   someone's slave, its former masters become slaves too; each slave loses its other masters,
//!   is flagged, loses its guardians and its user account, and hands its own slaves over to the
//!   new master. Only when **neither has a hetu** are the slave's login identifications moved and
//!   its citizenships (and, if the master has none, mother tongue) copied to the master.
//! * **[`force_link`](Registry::force_link)**: candidates may not be strongly identified nor
//!   have a hetu; their manual identification is removed, then `link` runs.
//! * **[`unlink`](Registry::unlink)**: always clears the slave's `duplicate` and `passivoitu`,
//!   whether or not it was linked to that master; merged data is not restored.
//! * **Hetu collisions** ([`link_with_vtj_hetu`](Registry::link_with_vtj_hetu),
//!   [`remove_duplicate_hetu_and_link`](Registry::remove_duplicate_hetu_and_link)): when
//!   identification or an update gives a person a hetu another person holds, the two are linked
//!   and the hetu and its history move to the master.
//! * **Saving**: each operation saves the master and every former master it touched; each save
//!   bumps the saved person *and all its slaves* in the change feed and notifies them.
//!
//! Every operation is atomic: it returns an [`Outcome`] listing what changed, or a
//! [`LinkError`] with ONR's message and leaves the registry untouched. Surprising effects that
//! ONR really has are reproduced and named by [`LinkLint`]s in the outcome.
//!
//! A table of links loaded from elsewhere is read by [`read_table`] and checked by
//! [`check_links`]; a consumer of ONR's
//! change feed follows re-pointed masters with [`ChangeFeedTracker`].
//!
//! # Example
//!
//! ```
//! use onr_core::linking::Registry;
//! use onr_core::person::Person;
//! use onr_core::Environment;
//!
//! let mut reg = Registry::new(Environment::Production);
//! reg.insert_person(Person::new("M"));
//! reg.insert_person(Person::new("S"));
//! let outcome = reg.link("M", &["S"])?;
//! assert_eq!(outcome.master, "M");
//! assert_eq!(outcome.slaves, vec!["S"]);
//! assert_eq!(reg.master_of("S"), Some("M"));
//! assert!(reg.person("S").unwrap().duplicate);
//! # Ok::<(), onr_core::linking::LinkError>(())
//! ```

mod check;
mod error;
mod feed;
mod ops;
mod outcome;
mod store;
mod tx;

use std::collections::{HashMap, HashSet};

pub use check::{
    check_links, read_table, BadRow, LinkRow, LinkTable, TableError, TableLayout, Violation,
    FLAG_COLUMNS, MASTER_COLUMN, SLAVE_COLUMN,
};
pub use error::{LinkError, LinkLint};
pub use feed::{ChangeFeedEntry, ChangeFeedTracker, Repointed};
pub use outcome::{Field, FieldChange, Flag, FlagChange, Link, Merge, Outcome, Repoint};

use crate::person::Person;
use crate::Environment;
use store::{Id, Interner, LinkStore};

/// How many OIDs ONR's `/s2s/duplicateHenkilos` queries at once (`henkiloViiteSplitSize`).
pub const DUPLICATE_QUERY_CHUNK: usize = 5000;

/// The most OIDs `masterHenkilosByOidList` accepts.
pub const MAX_MASTER_QUERY: usize = 5000;

/// Persons and the master/slave links between them, with ONR's linking operations and queries.
///
/// OIDs are interned to dense ids; links are kept in insertion order with both-way indexes, so
/// loading is linear and every query is a couple of hash lookups. A registry may hold links
/// between OIDs it has no person record for (a link table loaded alone).
///
/// # Example
///
/// ```
/// use onr_core::linking::Registry;
/// use onr_core::Environment;
///
/// let reg = Registry::from_links(Environment::Production, [("M", "S1"), ("M", "S2")]);
/// assert_eq!(reg.master_of("S2"), Some("M"));
/// assert_eq!(reg.group("S1"), vec!["M", "S1", "S2"]);
/// assert_eq!(reg.resolve("X"), "X");
/// ```
#[derive(Debug, Clone)]
pub struct Registry {
    env: Environment,
    names: Interner,
    persons: Vec<Option<Box<Person>>>,
    links: LinkStore,
    hetus: HetuIndex,
}

/// Who holds which hetu, currently and in history (ONR's unique columns, which loaded data may
/// violate: hence lists).
#[derive(Debug, Default, Clone)]
struct HetuIndex {
    current: HashMap<String, Vec<Id>>,
    history: HashMap<String, Vec<Id>>,
}

impl HetuIndex {
    fn add(&mut self, id: Id, p: &Person) {
        if let Some(h) = &p.hetu {
            self.current.entry(h.clone()).or_default().push(id);
        }
        for h in &p.kaikki_hetut {
            self.history.entry(h.clone()).or_default().push(id);
        }
    }

    fn remove(&mut self, id: Id, p: &Person) {
        fn drop_from(map: &mut HashMap<String, Vec<Id>>, key: &str, id: Id) {
            if let Some(v) = map.get_mut(key) {
                if let Some(pos) = v.iter().position(|&x| x == id) {
                    v.swap_remove(pos);
                }
                if v.is_empty() {
                    map.remove(key);
                }
            }
        }
        if let Some(h) = &p.hetu {
            drop_from(&mut self.current, h, id);
        }
        for h in &p.kaikki_hetut {
            drop_from(&mut self.history, h, id);
        }
    }
}

/// The distinct ids of `ids`, in order of first appearance (linear search for the short lists
/// of a link group, a hash set beyond).
fn dedup_in_order(ids: impl Iterator<Item = Id>) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    let mut seen: Option<HashSet<Id>> = None;
    for id in ids {
        let new = match &mut seen {
            Some(set) => set.insert(id),
            None if out.len() < 16 => !out.contains(&id),
            None => {
                let mut set: HashSet<Id> = out.iter().copied().collect();
                let new = set.insert(id);
                seen = Some(set);
                new
            }
        };
        if new {
            out.push(id);
        }
    }
    out
}

/// One row of ONR's `/s2s/duplicateHenkilos` answer: a slave and its master.
///
/// # Example
///
/// ```
/// use onr_core::linking::{DuplicateHenkilo, Registry};
/// let reg = Registry::from_links(onr_core::Environment::Production, [("M", "S")]);
/// assert_eq!(
///     reg.duplicate_henkilos(Some(&["S"])),
///     vec![DuplicateHenkilo { henkilo_oid: "S".into(), master_oid: "M".into() }]
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DuplicateHenkilo {
    /// The slave (`henkiloOid`).
    #[cfg_attr(feature = "serde", serde(rename = "henkiloOid"))]
    pub henkilo_oid: String,
    /// Its master (`masterOid`).
    #[cfg_attr(feature = "serde", serde(rename = "masterOid"))]
    pub master_oid: String,
}

/// ONR's answer to `GET /yleistunniste/hae/{oid}`.
///
/// # Example
///
/// ```
/// use onr_core::linking::Registry;
/// use onr_core::person::Person;
///
/// let mut reg = Registry::new(onr_core::Environment::Production);
/// let mut m = Person::new("master");
/// m.yksiloity = true;
/// reg.insert_person(m);
/// reg.insert_person(Person::new("duplicate1"));
/// reg.link("master", &["duplicate1"])?;
/// let v = reg.yleistunniste("duplicate1")?;
/// assert_eq!(v.oppijanumero.as_deref(), Some("master"));
/// assert!(v.passivoitu);
/// assert_eq!(v.linked, vec!["master"]);
/// # Ok::<(), onr_core::linking::LinkError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct YleistunnisteView {
    /// The OID asked for.
    pub oid: String,
    /// The master's oppijanumero (the master's OID if the master is identified), else none.
    pub oppijanumero: Option<String>,
    /// The person's own `passivoitu`.
    pub passivoitu: bool,
    /// Every other OID of the group, sorted (ONR returns a set).
    pub linked: Vec<String>,
}

impl Registry {
    /// An empty registry for the given environment (which decides hetu validity when records
    /// are saved).
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::new(onr_core::Environment::Test);
    /// assert_eq!(reg.link_count(), 0);
    /// ```
    pub fn new(env: Environment) -> Self {
        Registry::with_capacity(env, 0, 0)
    }

    /// An empty registry with room for `oids` OIDs and `links` links.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::with_capacity(onr_core::Environment::Production, 10, 5);
    /// assert_eq!(reg.person_count(), 0);
    /// ```
    pub fn with_capacity(env: Environment, oids: usize, links: usize) -> Self {
        Registry {
            env,
            names: Interner::with_capacity(oids),
            persons: Vec::with_capacity(oids),
            links: LinkStore::with_capacity(links),
            hetus: HetuIndex::default(),
        }
    }

    /// A registry holding only the given links (master, slave), in order.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M", "S")]);
    /// assert_eq!(reg.link_count(), 1);
    /// ```
    pub fn from_links<I, M, S>(env: Environment, links: I) -> Self
    where
        I: IntoIterator<Item = (M, S)>,
        M: AsRef<str>,
        S: AsRef<str>,
    {
        let links = links.into_iter();
        let (lo, _) = links.size_hint();
        let mut reg = Registry::with_capacity(env, lo, lo);
        reg.extend_links(links);
        reg
    }

    /// The environment the registry applies ONR's rules for.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, Environment};
    /// assert_eq!(Registry::new(Environment::Test).environment(), Environment::Test);
    /// ```
    pub fn environment(&self) -> Environment {
        self.env
    }

    pub(crate) fn id(&self, oid: &str) -> Option<Id> {
        self.names.get(oid)
    }

    pub(crate) fn intern(&mut self, oid: &str) -> Id {
        let id = self.names.intern(oid);
        if self.persons.len() < self.names.len() {
            self.persons.resize_with(self.names.len(), || None);
        }
        id
    }

    pub(crate) fn name(&self, id: Id) -> &str {
        self.names.name(id)
    }

    pub(crate) fn person_by_id(&self, id: Id) -> Option<&Person> {
        self.persons.get(id as usize).and_then(|p| p.as_deref())
    }

    /// Adds or replaces a person record (keyed by its OID). Returns the record it replaced.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// assert!(reg.insert_person(Person::new("A")).is_none());
    /// assert!(reg.insert_person(Person::new("A")).is_some());
    /// assert_eq!(reg.person_count(), 1);
    /// ```
    pub fn insert_person(&mut self, person: Person) -> Option<Person> {
        let id = self.intern(&person.oid);
        let slot = &mut self.persons[id as usize];
        let old = slot.take();
        if let Some(old) = &old {
            self.hetus.remove(id, old);
        }
        self.hetus.add(id, &person);
        self.persons[id as usize] = Some(Box::new(person));
        old.map(|b| *b)
    }

    /// Adds many person records.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.extend_persons([Person::new("A"), Person::new("B")]);
    /// assert_eq!(reg.person_count(), 2);
    /// ```
    pub fn extend_persons<I: IntoIterator<Item = Person>>(&mut self, persons: I) {
        for p in persons {
            self.insert_person(p);
        }
    }

    /// The person record with this OID.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.insert_person(Person::new("A"));
    /// assert_eq!(reg.person("A").unwrap().oid, "A");
    /// assert!(reg.person("B").is_none());
    /// ```
    pub fn person(&self, oid: &str) -> Option<&Person> {
        self.id(oid).and_then(|id| self.person_by_id(id))
    }

    /// Changes a person record directly, outside ONR's operations (to set up a scenario).
    /// Returns `None` when there is no such person.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.insert_person(Person::new("A"));
    /// reg.update_person("A", |p| p.passivoitu = true);
    /// assert!(reg.person("A").unwrap().passivoitu);
    /// ```
    pub fn update_person<R>(&mut self, oid: &str, f: impl FnOnce(&mut Person) -> R) -> Option<R> {
        let id = self.id(oid)?;
        let mut p = self.persons.get_mut(id as usize)?.take()?;
        self.hetus.remove(id, &p);
        let r = f(&mut p);
        // The OID is the key: a changed OID is put back.
        if p.oid != oid {
            p.oid = oid.to_owned();
        }
        self.hetus.add(id, &p);
        self.persons[id as usize] = Some(p);
        Some(r)
    }

    /// Number of person records.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::new(onr_core::Environment::Production);
    /// assert_eq!(reg.person_count(), 0);
    /// ```
    pub fn person_count(&self) -> usize {
        self.persons.iter().filter(|p| p.is_some()).count()
    }

    /// Adds one link row (master, slave) as a database load would: no rule is applied and no
    /// flag changes. Repeated and contradictory rows are kept, as in ONR's table.
    ///
    /// # Example
    ///
    /// ```
    /// let mut reg = onr_core::linking::Registry::new(onr_core::Environment::Production);
    /// reg.add_link("M", "S");
    /// reg.add_link("M", "S");
    /// assert_eq!(reg.link_count(), 2);
    /// ```
    pub fn add_link(&mut self, master: &str, slave: &str) {
        let m = self.intern(master);
        let s = self.intern(slave);
        self.links.insert(m, s);
    }

    /// Adds many link rows (see [`Registry::add_link`]).
    ///
    /// # Example
    ///
    /// ```
    /// let mut reg = onr_core::linking::Registry::new(onr_core::Environment::Production);
    /// reg.extend_links([("M", "S1"), ("M", "S2")]);
    /// assert_eq!(reg.slaves_of("M"), vec!["S1", "S2"]);
    /// ```
    pub fn extend_links<I, M, S>(&mut self, links: I)
    where
        I: IntoIterator<Item = (M, S)>,
        M: AsRef<str>,
        S: AsRef<str>,
    {
        for (m, s) in links {
            self.add_link(m.as_ref(), s.as_ref());
        }
    }

    /// Number of link rows.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M", "S")]);
    /// assert_eq!(reg.link_count(), 1);
    /// ```
    pub fn link_count(&self) -> usize {
        self.links.len()
    }

    /// Every link row (master, slave), in insertion order.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M", "S")]);
    /// assert_eq!(reg.links().collect::<Vec<_>>(), vec![("M", "S")]);
    /// ```
    pub fn links(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.links
            .live_rows()
            .map(|(_, r)| (self.name(r.master), self.name(r.slave)))
    }

    /// The master of `oid` if it is someone's slave (the first master in row order if the data
    /// holds several), else `None`. Like ONR, a chain is not followed: the direct master is
    /// returned.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M", "S")]);
    /// assert_eq!(reg.master_of("S"), Some("M"));
    /// assert_eq!(reg.master_of("M"), None);
    /// ```
    pub fn master_of(&self, oid: &str) -> Option<&str> {
        let id = self.id(oid)?;
        self.links.first_master(id).map(|m| self.name(m))
    }

    /// The master of `oid`, or `oid` itself when it is no one's slave.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M", "S")]);
    /// assert_eq!(reg.resolve("S"), "M");
    /// assert_eq!(reg.resolve("unknown"), "unknown");
    /// ```
    pub fn resolve<'a>(&'a self, oid: &'a str) -> &'a str {
        self.master_of(oid).unwrap_or(oid)
    }

    /// Every master of `oid` (distinct, in row order): more than one only in inconsistent data.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M1", "S"), ("M2", "S")]);
    /// assert_eq!(reg.masters_of("S"), vec!["M1", "M2"]);
    /// ```
    pub fn masters_of(&self, oid: &str) -> Vec<&str> {
        let Some(id) = self.id(oid) else {
            return Vec::new();
        };
        dedup_in_order(
            self.links
                .rows_by_slave(id)
                .map(|r| self.links.row(r).master),
        )
        .into_iter()
        .map(|m| self.name(m))
        .collect()
    }

    /// The slaves of `oid` (distinct, in row order); empty when `oid` is not a master.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M", "S")]);
    /// assert_eq!(reg.slaves_of("M"), vec!["S"]);
    /// assert!(reg.slaves_of("S").is_empty());
    /// ```
    pub fn slaves_of(&self, oid: &str) -> Vec<&str> {
        let Some(id) = self.id(oid) else {
            return Vec::new();
        };
        self.slave_ids(id)
            .into_iter()
            .map(|s| self.name(s))
            .collect()
    }

    fn slave_ids(&self, id: Id) -> Vec<Id> {
        if let Some(only) = self.links.only_slave(id) {
            return only.into_iter().collect();
        }
        dedup_in_order(
            self.links
                .rows_by_master(id)
                .map(|r| self.links.row(r).slave),
        )
    }

    /// Every OID of the group `oid` belongs to: its master (or itself) first, then the master's
    /// slaves in row order. An OID outside any link is a group of one.
    ///
    /// # Example
    ///
    /// ```
    /// let reg = onr_core::linking::Registry::from_links(onr_core::Environment::Production, [("M", "S1"), ("M", "S2")]);
    /// assert_eq!(reg.group("S2"), vec!["M", "S1", "S2"]);
    /// assert_eq!(reg.group("X"), vec!["X"]);
    /// ```
    pub fn group<'a>(&'a self, oid: &'a str) -> Vec<&'a str> {
        let Some(id) = self.id(oid) else {
            return vec![oid];
        };
        let master = self.links.first_master(id).unwrap_or(id);
        let slaves = self.slave_ids(master);
        let mut out = Vec::with_capacity(slaves.len() + 1);
        out.push(self.name(master));
        out.extend(
            slaves
                .into_iter()
                .filter(|&s| s != master)
                .map(|s| self.name(s)),
        );
        out
    }

    /// The `linked` list of `GET /yleistunniste/hae/{oid}`, computed as ONR's query does: for a
    /// master its slaves, for a slave its master(s) and its master's other slaves; sorted. Empty
    /// when there is no person record for `oid` (the query joins the person table).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::from_links(Environment::Production, [("M", "S1"), ("M", "S2")]);
    /// reg.extend_persons([Person::new("M"), Person::new("S1")]);
    /// assert_eq!(reg.linked("S1"), vec!["M", "S2"]);
    /// assert_eq!(reg.linked("M"), vec!["S1", "S2"]);
    /// assert!(reg.linked("S2").is_empty());
    /// ```
    pub fn linked(&self, oid: &str) -> Vec<&str> {
        let Some(id) = self.id(oid) else {
            return Vec::new();
        };
        if self.person_by_id(id).is_none() {
            return Vec::new();
        }
        // "masters" CTE: the master of every row where oid is master or slave.
        let mut roots: Vec<Id> = Vec::new();
        if self.links.is_master(id) {
            roots.push(id);
        }
        for r in self.links.rows_by_slave(id) {
            roots.push(self.links.row(r).master);
        }
        if roots.is_empty() {
            return Vec::new();
        }
        let mut out: HashSet<Id> = HashSet::new();
        // Every master of oid ...
        for r in self.links.rows_by_slave(id) {
            out.insert(self.links.row(r).master);
        }
        // ... and every slave of each root except oid itself.
        for root in roots {
            for r in self.links.rows_by_master(root) {
                let s = self.links.row(r).slave;
                if s != id {
                    out.insert(s);
                }
            }
        }
        let mut v: Vec<&str> = out.into_iter().map(|i| self.name(i)).collect();
        v.sort_unstable();
        v
    }

    /// The person ONR returns as the master of `oid` (`GET /henkilo/{oid}/master`): the master
    /// record if `oid` is a slave whose master has a record, else the person itself.
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`] when neither exists.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::from_links(Environment::Production, [("M", "S")]);
    /// reg.extend_persons([Person::new("M"), Person::new("S")]);
    /// assert_eq!(reg.master_person("S")?.oid, "M");
    /// assert_eq!(reg.master_person("M")?.oid, "M");
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn master_person(&self, oid: &str) -> Result<&Person, LinkError> {
        if let Some(id) = self.id(oid) {
            for r in self.links.rows_by_slave(id) {
                if let Some(m) = self.person_by_id(self.links.row(r).master) {
                    return Ok(m);
                }
            }
            if let Some(p) = self.person_by_id(id) {
                return Ok(p);
            }
        }
        Err(LinkError::PersonNotFound {
            oid: oid.to_owned(),
        })
    }

    /// The effective oppijanumero of `oid`: the oppijanumero of its master (or of itself when
    /// it is not a slave), `None` when that person is not identified.
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`] when there is no such person.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::from_links(Environment::Production, [("M", "S")]);
    /// let mut m = Person::new("M");
    /// m.yksiloity_vtj = true;
    /// reg.extend_persons([m, Person::new("S")]);
    /// assert_eq!(reg.oppijanumero("S")?, Some("M"));
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn oppijanumero(&self, oid: &str) -> Result<Option<&str>, LinkError> {
        Ok(self.master_person(oid)?.oppijanumero())
    }

    /// ONR's `GET /yleistunniste/hae/{oid}`: OID, effective oppijanumero, own `passivoitu` and
    /// the `linked` OIDs.
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`] when there is no person record for `oid`.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.insert_person(Person::new("yksiloimaton"));
    /// let v = reg.yleistunniste("yksiloimaton")?;
    /// assert_eq!(v.oppijanumero, None);
    /// assert!(v.linked.is_empty());
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn yleistunniste(&self, oid: &str) -> Result<YleistunnisteView, LinkError> {
        let oppijanumero = self.oppijanumero(oid)?.map(str::to_owned);
        let own = self.person(oid).ok_or_else(|| LinkError::PersonNotFound {
            oid: oid.to_owned(),
        })?;
        Ok(YleistunnisteView {
            oid: oid.to_owned(),
            oppijanumero,
            passivoitu: own.passivoitu,
            linked: self.linked(oid).into_iter().map(str::to_owned).collect(),
        })
    }

    /// ONR's `POST /henkilo/masterHenkilosByOidList`: for each OID the OID of the person
    /// returned as its master, with ONR's quirks — an OID that is no one's slave maps to itself
    /// if it has a record; a slave maps to its master (the last one in row order if several)
    /// if the master has a record, or to itself if it is also the master of another requested
    /// slave; OIDs without an answer are left out. Output follows the input order.
    ///
    /// # Errors
    ///
    /// [`LinkError::TooManyOids`] for more than [`MAX_MASTER_QUERY`] distinct OIDs.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::from_links(Environment::Production, [("M", "S")]);
    /// reg.extend_persons([Person::new("M"), Person::new("S")]);
    /// let m = reg.masters_by_oids(&["S", "M", "none"])?;
    /// assert_eq!(m, vec![("S".to_owned(), "M".to_owned()), ("M".to_owned(), "M".to_owned())]);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn masters_by_oids<S: AsRef<str>>(
        &self,
        oids: &[S],
    ) -> Result<Vec<(String, String)>, LinkError> {
        let mut seen = HashSet::new();
        let input: Vec<&str> = oids
            .iter()
            .map(AsRef::as_ref)
            .filter(|o| seen.insert(*o))
            .collect();
        if input.len() > MAX_MASTER_QUERY {
            return Err(LinkError::TooManyOids { count: input.len() });
        }
        // slave -> master, the last row wins (a map filled in fetch order).
        let mut slave_to_master: HashMap<&str, Id> = HashMap::new();
        for &oid in &input {
            if let Some(id) = self.id(oid) {
                for r in self.links.rows_by_slave(id) {
                    slave_to_master.insert(oid, self.links.row(r).master);
                }
            }
        }
        let mut query: HashSet<Id> = HashSet::new();
        for &oid in &input {
            if !slave_to_master.contains_key(oid) {
                if let Some(id) = self.id(oid) {
                    query.insert(id);
                }
            }
        }
        query.extend(slave_to_master.values().copied());
        let found = |id: Id| query.contains(&id) && self.person_by_id(id).is_some();
        let mut out = Vec::new();
        for &oid in &input {
            let own = self.id(oid);
            let master = match own {
                Some(id) if found(id) => Some(id),
                _ => slave_to_master.get(oid).copied().filter(|&m| found(m)),
            };
            if let Some(m) = master {
                out.push((oid.to_owned(), self.name(m).to_owned()));
            }
        }
        Ok(out)
    }

    /// ONR's `POST /s2s/duplicateHenkilos`: `{henkiloOid, masterOid}` for every link of the
    /// groups of the given OIDs (given a master: all its slaves; given a slave: its master's
    /// slaves). `None` (the field absent) lists every distinct link; an empty list lists
    /// nothing. The OIDs are de-duplicated and queried in chunks of
    /// [`DUPLICATE_QUERY_CHUNK`]; rows are distinct within a chunk and chunks are concatenated,
    /// as ONR does. Rows come in link order.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::Registry;
    /// let reg = Registry::from_links(onr_core::Environment::Production, [("M", "S1"), ("M", "S2")]);
    /// assert_eq!(reg.duplicate_henkilos(Some(&["S1"])).len(), 2);
    /// assert_eq!(reg.duplicate_henkilos::<&str>(None).len(), 2);
    /// assert!(reg.duplicate_henkilos::<&str>(Some(&[])).is_empty());
    /// ```
    pub fn duplicate_henkilos<S: AsRef<str>>(&self, oids: Option<&[S]>) -> Vec<DuplicateHenkilo> {
        let row = |m: Id, s: Id| DuplicateHenkilo {
            henkilo_oid: self.name(s).to_owned(),
            master_oid: self.name(m).to_owned(),
        };
        let Some(oids) = oids else {
            let mut seen = HashSet::new();
            return self
                .links
                .live_rows()
                .filter(|(_, r)| seen.insert((r.master, r.slave)))
                .map(|(_, r)| row(r.master, r.slave))
                .collect();
        };
        let mut seen_oid = HashSet::new();
        let ids: Vec<Option<Id>> = oids
            .iter()
            .map(AsRef::as_ref)
            .filter(|o| seen_oid.insert(*o))
            .map(|o| self.id(o))
            .collect();
        let mut out = Vec::new();
        for chunk in ids.chunks(DUPLICATE_QUERY_CHUNK) {
            let mut masters: Vec<Id> = Vec::new();
            let mut seen_master = HashSet::new();
            for id in chunk.iter().flatten() {
                if seen_master.insert(*id) {
                    masters.push(*id);
                }
            }
            for id in chunk.iter().flatten() {
                for r in self.links.rows_by_slave(*id) {
                    let m = self.links.row(r).master;
                    if seen_master.insert(m) {
                        masters.push(m);
                    }
                }
            }
            let mut rows: Vec<store::RowId> = masters
                .iter()
                .flat_map(|&m| self.links.rows_by_master(m))
                .collect();
            rows.sort_unstable();
            let mut seen_pair = HashSet::new();
            for r in rows {
                let l = self.links.row(r);
                if seen_pair.insert((l.master, l.slave)) {
                    out.push(row(l.master, l.slave));
                }
            }
        }
        out
    }

    /// Runs the invariant checker over this registry's links and person flags.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::{Registry, Violation};
    /// let reg = Registry::from_links(onr_core::Environment::Production, [("A", "A")]);
    /// assert_eq!(reg.check(), vec![Violation::SelfLink { oid: "A".into() }]);
    /// ```
    pub fn check(&self) -> Vec<Violation> {
        let rows: Vec<LinkRow> = self
            .links()
            .map(|(m, s)| {
                let mp = self.person(m);
                let sp = self.person(s);
                LinkRow {
                    master_oid: m.to_owned(),
                    slave_oid: s.to_owned(),
                    master_passivoitu: mp.map(|p| p.passivoitu),
                    master_duplicate: mp.map(|p| p.duplicate),
                    slave_passivoitu: sp.map(|p| p.passivoitu),
                    slave_duplicate: sp.map(|p| p.duplicate),
                }
            })
            .collect();
        check_links(&rows)
    }
}
