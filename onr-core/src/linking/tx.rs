//! ONR's linking operations on a [`Registry`], each atomic, each returning an [`Outcome`].

use std::collections::HashSet;

use super::store::{Id, RowId};
use super::{LinkError, LinkLint, Registry};
use crate::person::{Identification, Person};

/// A flag of a person record that an operation may change.
///
/// # Example
///
/// ```
/// use onr_core::linking::Flag;
/// assert_eq!(Flag::YksiloityVtj.as_str(), "yksiloityVTJ");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Flag {
    /// `passivoitu`.
    #[cfg_attr(feature = "serde", serde(rename = "passivoitu"))]
    Passivoitu,
    /// `duplicate`.
    #[cfg_attr(feature = "serde", serde(rename = "duplicate"))]
    Duplicate,
    /// `yksiloity`.
    #[cfg_attr(feature = "serde", serde(rename = "yksiloity"))]
    Yksiloity,
    /// `yksiloityVTJ`.
    #[cfg_attr(feature = "serde", serde(rename = "yksiloityVTJ"))]
    YksiloityVtj,
    /// `yksiloityEidas`.
    #[cfg_attr(feature = "serde", serde(rename = "yksiloityEidas"))]
    YksiloityEidas,
    /// `yksilointiYritetty`.
    #[cfg_attr(feature = "serde", serde(rename = "yksilointiYritetty"))]
    YksilointiYritetty,
    /// `turvakielto`.
    #[cfg_attr(feature = "serde", serde(rename = "turvakielto"))]
    Turvakielto,
}

impl Flag {
    /// Every flag, in a fixed order.
    pub const ALL: [Flag; 7] = [
        Flag::Passivoitu,
        Flag::Duplicate,
        Flag::Yksiloity,
        Flag::YksiloityVtj,
        Flag::YksiloityEidas,
        Flag::YksilointiYritetty,
        Flag::Turvakielto,
    ];

    /// ONR's field name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::linking::Flag::Passivoitu.as_str(), "passivoitu");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Flag::Passivoitu => "passivoitu",
            Flag::Duplicate => "duplicate",
            Flag::Yksiloity => "yksiloity",
            Flag::YksiloityVtj => "yksiloityVTJ",
            Flag::YksiloityEidas => "yksiloityEidas",
            Flag::YksilointiYritetty => "yksilointiYritetty",
            Flag::Turvakielto => "turvakielto",
        }
    }

    /// The flag's value in a record.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("A");
    /// p.duplicate = true;
    /// assert!(onr_core::linking::Flag::Duplicate.get(&p));
    /// ```
    pub fn get(self, p: &Person) -> bool {
        match self {
            Flag::Passivoitu => p.passivoitu,
            Flag::Duplicate => p.duplicate,
            Flag::Yksiloity => p.yksiloity,
            Flag::YksiloityVtj => p.yksiloity_vtj,
            Flag::YksiloityEidas => p.yksiloity_eidas,
            Flag::YksilointiYritetty => p.yksilointi_yritetty,
            Flag::Turvakielto => p.turvakielto,
        }
    }
}

/// A non-flag field of a person record that an operation changed (values are not repeated in
/// the outcome: they may be personal data).
///
/// # Example
///
/// ```
/// use onr_core::linking::Field;
/// assert_ne!(Field::Hetu, Field::KaikkiHetut);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub enum Field {
    /// The current hetu.
    Hetu,
    /// The hetu history (`kaikkiHetut`).
    KaikkiHetut,
    /// Login identifications.
    Identifications,
    /// Citizenships.
    Kansalaisuus,
    /// Mother tongue.
    Aidinkieli,
    /// Guardians.
    Huoltajat,
    /// Birth date.
    Syntymaaika,
    /// Sex.
    Sukupuoli,
    /// Contact groups.
    YhteystiedotRyhma,
    /// The home-municipality history rows (not part of [`Person`]; deleted by a hetu take-over).
    KotikuntaHistoria,
}

/// A flag that an operation changed.
///
/// # Example
///
/// ```
/// use onr_core::linking::{Flag, FlagChange};
/// let c = FlagChange { oid: "S".into(), flag: Flag::Duplicate, from: false, to: true };
/// assert!(c.to);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FlagChange {
    /// The person.
    pub oid: String,
    /// The flag.
    pub flag: Flag,
    /// Value before the operation.
    pub from: bool,
    /// Value after.
    pub to: bool,
}

/// A field that an operation changed.
///
/// # Example
///
/// ```
/// use onr_core::linking::{Field, FieldChange};
/// let c = FieldChange { oid: "M".into(), field: Field::Identifications };
/// assert_eq!(c.field, Field::Identifications);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FieldChange {
    /// The person.
    pub oid: String,
    /// The field.
    pub field: Field,
}

/// A link row (master → slave).
///
/// # Example
///
/// ```
/// let l = onr_core::linking::Link::new("M", "S");
/// assert_eq!(l.slave, "S");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Link {
    /// The master.
    pub master: String,
    /// The slave.
    pub slave: String,
}

impl Link {
    /// A link from `master` to `slave`.
    ///
    /// # Example
    ///
    /// ```
    /// let l = onr_core::linking::Link::new("M", "S");
    /// assert_eq!(l.master, "M");
    /// ```
    pub fn new(master: impl Into<String>, slave: impl Into<String>) -> Self {
        Link {
            master: master.into(),
            slave: slave.into(),
        }
    }
}

/// A link row whose master was changed (a slave's slave handed over to the new master).
///
/// # Example
///
/// ```
/// let r = onr_core::linking::Repoint { slave: "T".into(), from: "S".into(), to: "M".into() };
/// assert_eq!(r.to, "M");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Repoint {
    /// The slave of the row.
    pub slave: String,
    /// The former master.
    pub from: String,
    /// The new master.
    pub to: String,
}

/// What linking moved from a slave to its master (only when neither has a hetu).
///
/// # Example
///
/// ```
/// let m = onr_core::linking::Merge {
///     slave: "S".into(), master: "M".into(),
///     identifications: vec![], kansalaisuus: vec!["246".into()], aidinkieli: None,
/// };
/// assert_eq!(m.kansalaisuus, vec!["246"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Merge {
    /// The slave the data came from.
    pub slave: String,
    /// The master that received it.
    pub master: String,
    /// Login identifications moved (removed from the slave, added to the master).
    pub identifications: Vec<Identification>,
    /// Citizenship codes the master did not have before.
    pub kansalaisuus: Vec<String>,
    /// The mother tongue the master took (it had none).
    pub aidinkieli: Option<String>,
}

/// Everything an operation did: the shape of ONR's answer and every side effect a mirror must
/// reproduce.
///
/// # Example
///
/// ```
/// use onr_core::{linking::Registry, person::Person, Environment};
/// let mut reg = Registry::new(Environment::Production);
/// reg.extend_persons([Person::new("M"), Person::new("S")]);
/// let o = reg.link("M", &["S"])?;
/// assert_eq!(o.links_created.len(), 1);
/// assert_eq!(o.accounts_passivated, vec!["S"]);
/// assert_eq!(o.saved, vec!["M"]);
/// assert_eq!(o.change_feed, vec!["M", "S"]);
/// # Ok::<(), onr_core::linking::LinkError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Outcome {
    /// The master of the operation (for unlink the given master; for hetu-less identification
    /// the person).
    pub master: String,
    /// ONR's response body for link and force-link: the slave OIDs processed, in order
    /// (repeats included, as ONR sends them). For the hetu operations the slaves of the link
    /// they made, if any; empty for the other operations.
    pub slaves: Vec<String>,
    /// Link rows inserted.
    pub links_created: Vec<Link>,
    /// Link rows deleted.
    pub links_deleted: Vec<Link>,
    /// Link rows whose master changed.
    pub links_repointed: Vec<Repoint>,
    /// Flags changed, per person in the order the persons were first touched.
    pub flag_changes: Vec<FlagChange>,
    /// Other fields changed.
    pub field_changes: Vec<FieldChange>,
    /// Data moved from slaves to the master.
    pub merges: Vec<Merge>,
    /// Persons whose guardian relations were removed.
    pub guardians_cleared: Vec<String>,
    /// Persons whose user account ONR passivates in the access-rights service.
    pub accounts_passivated: Vec<String>,
    /// Persons saved through ONR's `update()`, in order (repeats included).
    pub saved: Vec<String>,
    /// The OIDs whose `modified` time is bumped, i.e. that appear in `/s2s/changedSince`:
    /// each saved person and all its slaves, de-duplicated, in order.
    pub change_feed: Vec<String>,
    /// The change notifications (`{"oidHenkilo": ...}`) ONR publishes, in order (repeats
    /// included).
    pub notifications: Vec<String>,
    /// Surprising effects of this operation (see [`LinkLint`]).
    pub lints: Vec<LinkLint>,
}

/// What ONR's `DuplicateService` returns internally: master, persons to save, slave list.
struct LinkResult {
    master: Id,
    modified: Vec<Id>,
}

enum Undo {
    Inserted(RowId),
    Deleted(RowId),
    Repointed(RowId, Id),
}

/// One atomic operation: a journal of every change so it can be rolled back, and the
/// outcome being built.
struct Tx<'r> {
    reg: &'r mut Registry,
    snapshots: Vec<(Id, Option<Box<Person>>)>,
    snapshotted: HashSet<Id>,
    undo: Vec<Undo>,
    out: Outcome,
    repointed_rows: Vec<RowId>,
    extra_fields: Vec<(Id, Field)>,
}

impl<'r> Tx<'r> {
    fn new(reg: &'r mut Registry) -> Self {
        Tx {
            reg,
            snapshots: Vec::new(),
            snapshotted: HashSet::new(),
            undo: Vec::new(),
            out: Outcome::default(),
            repointed_rows: Vec::new(),
            extra_fields: Vec::new(),
        }
    }

    fn name(&self, id: Id) -> String {
        self.reg.name(id).to_owned()
    }

    fn person(&self, id: Id) -> Option<&Person> {
        self.reg.person_by_id(id)
    }

    fn exists(&self, id: Id) -> bool {
        self.person(id).is_some()
    }

    /// Mutable access to a person, snapshotting it first.
    fn person_mut(&mut self, id: Id) -> Option<&mut Person> {
        if !self.exists(id) {
            return None;
        }
        if self.snapshotted.insert(id) {
            let snap = self.reg.persons[id as usize].clone();
            self.snapshots.push((id, snap));
        }
        self.reg.persons[id as usize].as_deref_mut()
    }

    fn insert_row(&mut self, master: Id, slave: Id) {
        let r = self.reg.links.insert(master, slave);
        self.undo.push(Undo::Inserted(r));
        self.out
            .links_created
            .push(Link::new(self.name(master), self.name(slave)));
    }

    fn delete_row(&mut self, r: RowId) {
        let row = self.reg.links.row(r);
        if self.reg.links.delete(r) {
            self.undo.push(Undo::Deleted(r));
            self.out
                .links_deleted
                .push(Link::new(self.name(row.master), self.name(row.slave)));
        }
    }

    fn repoint_row(&mut self, r: RowId, to: Id) {
        let row = self.reg.links.row(r);
        self.reg.links.repoint(r, to);
        self.undo.push(Undo::Repointed(r, row.master));
        self.repointed_rows.push(r);
        self.out.links_repointed.push(Repoint {
            slave: self.name(row.slave),
            from: self.name(row.master),
            to: self.name(to),
        });
    }

    fn lint(&mut self, lint: LinkLint) {
        if !self.out.lints.contains(&lint) {
            self.out.lints.push(lint);
        }
    }

    fn rollback(mut self) {
        while let Some(u) = self.undo.pop() {
            match u {
                Undo::Inserted(r) => {
                    self.reg.links.delete(r);
                }
                Undo::Deleted(r) => self.reg.links.restore(r),
                Undo::Repointed(r, from) => self.reg.links.repoint(r, from),
            }
        }
        for (id, snap) in self.snapshots.drain(..).rev() {
            self.reg.persons[id as usize] = snap;
        }
    }

    fn commit(mut self) -> Outcome {
        // Re-index hetus and report what changed, per person in touch order.
        let snapshots = std::mem::take(&mut self.snapshots);
        for (id, before) in &snapshots {
            let Some(before) = before.as_deref() else {
                continue;
            };
            // ONR's persist hook runs on every changed record (saved or merely flushed):
            // under turvakielto the VTJ-origin contact groups are deleted.
            if let Some(after) = self.reg.persons[*id as usize].as_deref_mut() {
                if after != before {
                    after.apply_turvakielto_on_save();
                }
            }
            let after = self.reg.persons[*id as usize]
                .as_deref()
                .expect("a snapshotted person is never removed");
            let oid = after.oid.clone();
            for flag in Flag::ALL {
                let (from, to) = (flag.get(before), flag.get(after));
                if from != to {
                    self.out.flag_changes.push(FlagChange {
                        oid: oid.clone(),
                        flag,
                        from,
                        to,
                    });
                }
            }
            let fields = [
                (Field::Hetu, before.hetu != after.hetu),
                (
                    Field::KaikkiHetut,
                    before.kaikki_hetut != after.kaikki_hetut,
                ),
                (
                    Field::Identifications,
                    before.identifications != after.identifications,
                ),
                (
                    Field::Kansalaisuus,
                    before.kansalaisuus != after.kansalaisuus,
                ),
                (Field::Aidinkieli, before.aidinkieli != after.aidinkieli),
                (Field::Huoltajat, before.huoltajat != after.huoltajat),
                (Field::Syntymaaika, before.syntymaaika != after.syntymaaika),
                (Field::Sukupuoli, before.sukupuoli != after.sukupuoli),
                (
                    Field::YhteystiedotRyhma,
                    before.yhteystiedot_ryhma != after.yhteystiedot_ryhma,
                ),
            ];
            for (field, changed) in fields {
                if changed {
                    self.out.field_changes.push(FieldChange {
                        oid: oid.clone(),
                        field,
                    });
                }
            }
            if before.hetu != after.hetu || before.kaikki_hetut != after.kaikki_hetut {
                self.reg.hetus.remove(*id, before);
                let after = self.reg.persons[*id as usize].take();
                if let Some(after) = after {
                    self.reg.hetus.add(*id, &after);
                    self.reg.persons[*id as usize] = Some(after);
                }
            }
        }
        for (id, field) in std::mem::take(&mut self.extra_fields) {
            let oid = self.name(id);
            self.out.field_changes.push(FieldChange { oid, field });
        }
        // Re-pointing onto a master that already had the same slave leaves two equal rows.
        for r in std::mem::take(&mut self.repointed_rows) {
            let row = self.reg.links.row(r);
            if !row.live {
                continue;
            }
            let same = self
                .reg
                .links
                .rows_by_master(row.master)
                .filter(|&o| self.reg.links.row(o).slave == row.slave)
                .count();
            if same > 1 {
                let lint = LinkLint::DuplicateLinkRow {
                    master: self.name(row.master),
                    slave: self.name(row.slave),
                };
                self.lint(lint);
            }
        }
        self.out
    }

    /// ONR's `update()`: save rules on the person, then the person and all its slaves get a new
    /// `modified` time and a notification each.
    fn save(&mut self, id: Id) {
        let env = self.reg.env;
        if let Some(p) = self.person_mut(id) {
            p.apply_save_rules(env);
        } else {
            return;
        }
        let oid = self.name(id);
        self.out.saved.push(oid.clone());
        self.bump(id);
        let slaves: Vec<Id> = self
            .reg
            .links
            .rows_by_master(id)
            .map(|r| self.reg.links.row(r).slave)
            .filter(|&s| self.exists(s))
            .collect();
        for s in slaves {
            self.bump(s);
        }
    }

    fn bump(&mut self, id: Id) {
        let oid = self.name(id);
        if !self.out.change_feed.contains(&oid) {
            self.out.change_feed.push(oid.clone());
        }
        self.out.notifications.push(oid);
    }

    fn finish(&mut self, result: LinkResult) {
        self.out.master = self.name(result.master);
        for id in result.modified {
            self.save(id);
        }
    }

    /// `DuplicateServiceImpl.linkHenkilos`.
    fn link_henkilos(&mut self, henkilo: Id, similar: &[Id]) -> Result<LinkResult, LinkError> {
        if self.person(henkilo).is_some_and(|p| p.duplicate) {
            return Err(LinkError::AlreadyDuplicate {
                oid: self.name(henkilo),
            });
        }
        if similar.contains(&henkilo) {
            let lint = LinkLint::SelfLinkIgnored {
                oid: self.name(henkilo),
            };
            self.lint(lint);
        }
        let mut seen = HashSet::new();
        let mut slaves: Vec<Id> = similar
            .iter()
            .copied()
            .filter(|&s| s != henkilo && seen.insert(s))
            .collect();

        let master = self.determine_master(henkilo, &slaves)?;
        let m = self.person_mut(master).expect("the master exists");
        let was_passive = m.passivoitu;
        m.passivoitu = false;
        m.duplicate = false;
        if was_passive {
            let lint = LinkLint::SilentReactivation {
                oid: self.name(master),
            };
            self.lint(lint);
        }

        if master != henkilo {
            if let Some(pos) = slaves.iter().position(|&s| s == master) {
                slaves.remove(pos);
            }
            slaves.push(henkilo);
        }
        // A master that was someone's slave takes over its former master(s).
        let mut former = HashSet::new();
        let former_masters: Vec<Id> = self
            .reg
            .links
            .rows_by_slave(master)
            .map(|r| self.reg.links.row(r).master)
            .filter(|m| former.insert(*m))
            .collect();
        slaves.extend(former_masters);

        let mut modified = Vec::new();
        for &s in &slaves {
            modified.extend(self.link_one(master, s)?);
        }
        modified.push(master);

        let mut listed = HashSet::new();
        for &s in &slaves {
            if !listed.insert(s) {
                let lint = LinkLint::RepeatedSlaveInResponse { oid: self.name(s) };
                self.lint(lint);
            }
        }
        self.out.slaves = slaves.iter().map(|&s| self.name(s)).collect();
        Ok(LinkResult { master, modified })
    }

    /// `determineMasterHenkilo`: an identified candidate (identified by any method or having a
    /// hetu) becomes master, else the given person; two identified persons are refused.
    fn determine_master(&mut self, henkilo: Id, candidates: &[Id]) -> Result<Id, LinkError> {
        let Some(original) = self.person(henkilo) else {
            return Err(LinkError::not_found_master(self.reg.name(henkilo)));
        };
        let mut identified = usize::from(original.counts_as_identified_for_linking());
        let mut master = henkilo;
        for &c in candidates {
            if let Some(p) = self.person(c) {
                if p.counts_as_identified_for_linking() {
                    identified += 1;
                    master = c;
                }
            }
        }
        if identified > 1 {
            return Err(LinkError::MoreThanOneIdentified);
        }
        if master != henkilo {
            let p = self.person(master).expect("candidate exists");
            if !p.is_identified_by_any_method() {
                let lint = LinkLint::HetuCountsAsIdentified {
                    oid: self.name(master),
                };
                self.lint(lint);
            }
        }
        Ok(master)
    }

    /// The per-slave part of `linkHenkilos`; returns the former masters to save.
    fn link_one(&mut self, master: Id, slave: Id) -> Result<Vec<Id>, LinkError> {
        let rows: Vec<RowId> = self.reg.links.rows_by_slave(slave).collect();
        let mut previous = Vec::new();
        let mut already = false;
        for r in rows {
            let m = self.reg.links.row(r).master;
            if m == master {
                already = true;
            } else {
                self.delete_row(r);
                if self.exists(m) {
                    previous.push(m);
                }
            }
        }
        if already {
            return Ok(previous);
        }
        self.insert_row(master, slave);
        if !self.exists(slave) {
            return Err(LinkError::not_found_slave(self.reg.name(slave)));
        }
        let s = self.person_mut(slave).expect("checked");
        s.duplicate = true;
        s.passivoitu = true;
        let had_guardians = !s.huoltajat.is_empty();
        s.huoltajat.clear();
        let slave_oid = self.name(slave);
        if had_guardians {
            self.out.guardians_cleared.push(slave_oid.clone());
        }
        self.out.accounts_passivated.push(slave_oid);

        // Keep two levels: the slave's own slaves move to the master (a row back to the
        // master itself is deleted).
        let sub: Vec<RowId> = self.reg.links.rows_by_master(slave).collect();
        for r in sub {
            if self.reg.links.row(r).slave == master {
                self.delete_row(r);
            } else {
                self.repoint_row(r, master);
            }
        }

        let master_has_hetu = self.person(master).is_some_and(Person::has_hetu);
        let slave_has_hetu = self.person(slave).is_some_and(Person::has_hetu);
        if !master_has_hetu && !slave_has_hetu {
            self.merge(master, slave);
        }
        Ok(previous)
    }

    fn merge(&mut self, master: Id, slave: Id) {
        let s = self.person_mut(slave).expect("slave exists");
        let identifications = std::mem::take(&mut s.identifications);
        let kansalaisuus = s.kansalaisuus.clone();
        let aidinkieli = s.aidinkieli.clone();
        let m = self.person_mut(master).expect("master exists");
        m.identifications.extend(identifications.iter().cloned());
        let mut added = Vec::new();
        for k in kansalaisuus {
            if m.kansalaisuus.insert(k.clone()) {
                added.push(k);
            }
        }
        let took_language = if m.aidinkieli.is_none() && aidinkieli.is_some() {
            m.aidinkieli = aidinkieli.clone();
            aidinkieli
        } else {
            None
        };
        self.out.merges.push(Merge {
            slave: self.name(slave),
            master: self.name(master),
            identifications,
            kansalaisuus: added,
            aidinkieli: took_language,
        });
    }

    /// `DuplicateServiceImpl.linkWithHetu`.
    fn link_with_hetu(&mut self, henkilo: Id, hetu: &str) -> Result<LinkResult, LinkError> {
        let holder = match self.holder(hetu, true)? {
            Some(h) => Some(h),
            None => self.holder(hetu, false)?,
        }
        .filter(|&h| h != henkilo);
        let Some(holder) = holder else {
            return Ok(LinkResult {
                master: henkilo,
                modified: vec![henkilo],
            });
        };
        let holder_vtj = self.person(holder).is_some_and(|p| p.yksiloity_vtj);
        let henkilo_identified = self
            .person(henkilo)
            .is_some_and(Person::is_identified_by_any_method);
        if holder_vtj && henkilo_identified {
            return Err(LinkError::BothIdentified {
                oid: self.name(henkilo),
                holder: self.name(holder),
            });
        }
        let (master, slave) = if holder_vtj {
            (holder, henkilo)
        } else {
            (henkilo, holder)
        };
        if let Some(p) = self.person_mut(slave) {
            p.hetu = None;
        }
        self.link_henkilos(master, &[slave])
    }

    /// The single holder of `hetu` (in the history or as the current hetu).
    fn holder(&self, hetu: &str, history: bool) -> Result<Option<Id>, LinkError> {
        let map = if history {
            &self.reg.hetus.history
        } else {
            &self.reg.hetus.current
        };
        match map.get(hetu).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([one]) => Ok(Some(*one)),
            Some(_) => Err(LinkError::HetuNotUnique),
        }
    }

    /// `YksilointiServiceImpl.kasitteleHetuMuutos`.
    fn handle_hetu_change(&mut self, henkilo: Id, new_hetu: &str) -> Result<LinkResult, LinkError> {
        let current = self.person(henkilo).and_then(|p| p.hetu.clone());
        let held_by_other = || -> Result<bool, LinkError> {
            Ok(self.holder(new_hetu, true)?.is_some_and(|h| h != henkilo))
        };
        let changes =
            !new_hetu.is_empty() && (current.as_deref() != Some(new_hetu) || held_by_other()?);
        if !changes {
            if let Some(c) = current {
                let p = self.person_mut(henkilo).expect("exists");
                p.kaikki_hetut.insert(c);
            }
            return Ok(LinkResult {
                master: henkilo,
                modified: vec![henkilo],
            });
        }
        let result = self.link_with_hetu(henkilo, new_hetu)?;
        let both: Vec<String> = current
            .into_iter()
            .chain(std::iter::once(new_hetu.to_owned()))
            .collect();
        if result.master == henkilo {
            let p = self.person_mut(henkilo).expect("exists");
            p.hetu = Some(new_hetu.to_owned());
            p.kaikki_hetut.extend(both);
        } else {
            let p = self.person_mut(henkilo).expect("exists");
            for h in &both {
                p.kaikki_hetut.remove(h);
            }
            let m = self.person_mut(result.master).expect("master exists");
            m.kaikki_hetut.extend(both);
        }
        Ok(result)
    }

    /// `DuplicateServiceImpl.removeDuplicateHetuAndLink`.
    fn remove_duplicate_hetu_and_link(
        &mut self,
        henkilo: Id,
        hetu: &str,
    ) -> Result<LinkResult, LinkError> {
        let holder = self.holder(hetu, false)?.filter(|&h| h != henkilo);
        let Some(holder) = holder else {
            return Ok(LinkResult {
                master: henkilo,
                modified: vec![henkilo],
            });
        };
        let h = self.person_mut(holder).expect("holder exists");
        let history = std::mem::take(&mut h.kaikki_hetut);
        h.hetu = None;
        h.yksiloity = false;
        h.yksiloity_vtj = false;
        self.extra_fields.push((holder, Field::KotikuntaHistoria));
        let p = self.person_mut(henkilo).expect("person exists");
        p.kaikki_hetut.extend(history);
        self.link_henkilos(henkilo, &[holder])
    }
}

fn hetu_has_text(h: Option<&str>) -> bool {
    h.is_some_and(|h| h.chars().any(|c| !c.is_whitespace()))
}

impl Registry {
    fn run<F>(&mut self, f: F) -> Result<Outcome, LinkError>
    where
        F: FnOnce(&mut Tx<'_>) -> Result<(), LinkError>,
    {
        let mut tx = Tx::new(self);
        match f(&mut tx) {
            Ok(()) => Ok(tx.commit()),
            Err(e) => {
                tx.rollback();
                Err(e)
            }
        }
    }

    fn ids<S: AsRef<str>>(&mut self, oids: &[S]) -> Vec<Id> {
        oids.iter().map(|o| self.intern(o.as_ref())).collect()
    }

    /// ONR's `POST /henkilo/{oid}/link` with the body `candidates`: links the candidates to
    /// `oid` (or `oid` to the one identified candidate) as the module documentation describes.
    /// The outcome's `slaves` is ONR's response body.
    ///
    /// # Errors
    ///
    /// [`LinkError::AlreadyDuplicate`] when `oid` is a duplicate, [`LinkError::MasterNotFound`]
    /// when `oid` does not exist, [`LinkError::MoreThanOneIdentified`], and
    /// [`LinkError::SlaveNotFound`] for a slave without a record. Nothing changes on error.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// let mut b = Person::new("B");
    /// b.hetu = Some("170498-993H".into());
    /// reg.extend_persons([Person::new("A"), b]);
    /// let o = reg.link("A", &["B"])?;
    /// assert_eq!(o.master, "B");
    /// assert_eq!(o.slaves, vec!["A"]);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn link<S: AsRef<str>>(
        &mut self,
        oid: &str,
        candidates: &[S],
    ) -> Result<Outcome, LinkError> {
        let h = self.intern(oid);
        let c = self.ids(candidates);
        self.run(|tx| {
            let res = tx.link_henkilos(h, &c)?;
            tx.finish(res);
            Ok(())
        })
    }

    /// ONR's `POST /henkilo/{master}/forcelink` ("yksilöinnin purku"): refuses candidates that
    /// are strongly identified or have a hetu, removes the manual identification (`yksiloity`)
    /// of the others, then links as [`Registry::link`].
    ///
    /// # Errors
    ///
    /// [`LinkError::ForceLinkCandidateIdentified`] and every error of [`Registry::link`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// let mut s = Person::new("S");
    /// s.yksiloity = true;
    /// reg.extend_persons([Person::new("M"), s]);
    /// let o = reg.force_link("M", &["S"])?;
    /// assert_eq!(o.slaves, vec!["S"]);
    /// assert!(!reg.person("S").unwrap().yksiloity);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn force_link<S: AsRef<str>>(
        &mut self,
        master: &str,
        candidates: &[S],
    ) -> Result<Outcome, LinkError> {
        let m = self.intern(master);
        let c = self.ids(candidates);
        self.run(|tx| {
            let mut seen = HashSet::new();
            let existing: Vec<Id> = c
                .iter()
                .copied()
                .filter(|&id| seen.insert(id) && tx.exists(id))
                .collect();
            for &id in &existing {
                let p = tx.person(id).expect("exists");
                if p.is_strongly_identified() || p.has_hetu() {
                    return Err(LinkError::ForceLinkCandidateIdentified { oid: tx.name(id) });
                }
            }
            for &id in &existing {
                if tx.person(id).is_some_and(|p| p.yksiloity) {
                    tx.person_mut(id).expect("exists").yksiloity = false;
                }
            }
            let res = tx.link_henkilos(m, &c)?;
            tx.finish(res);
            Ok(())
        })
    }

    /// ONR's `DELETE /henkilo/{master}/unlink/{slave}`: deletes every (master, slave) row and
    /// **always** clears the slave's `duplicate` and `passivoitu`; both are saved. Nothing that
    /// linking merged is restored.
    ///
    /// # Errors
    ///
    /// [`LinkError::UnlinkMasterNotFound`], [`LinkError::UnlinkSlaveNotFound`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.extend_persons([Person::new("M"), Person::new("S")]);
    /// reg.link("M", &["S"])?;
    /// let o = reg.unlink("M", "S")?;
    /// assert_eq!(o.links_deleted.len(), 1);
    /// assert!(!reg.person("S").unwrap().passivoitu);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn unlink(&mut self, master: &str, slave: &str) -> Result<Outcome, LinkError> {
        let m = self.intern(master);
        let s = self.intern(slave);
        self.run(|tx| {
            if !tx.exists(m) {
                return Err(LinkError::UnlinkMasterNotFound { oid: tx.name(m) });
            }
            if !tx.exists(s) {
                return Err(LinkError::UnlinkSlaveNotFound {
                    slave: tx.name(s),
                    master: tx.name(m),
                });
            }
            let rows: Vec<RowId> = tx
                .reg
                .links
                .rows_by_slave(s)
                .filter(|&r| tx.reg.links.row(r).master == m)
                .collect();
            let p = tx.person_mut(s).expect("exists");
            let (was_passive, was_duplicate) = (p.passivoitu, p.duplicate);
            p.duplicate = false;
            p.passivoitu = false;
            if rows.is_empty() {
                tx.lint(LinkLint::UnlinkWithoutLink {
                    master: tx.name(m),
                    slave: tx.name(s),
                });
            } else {
                tx.lint(LinkLint::MergeNotReverted {
                    master: tx.name(m),
                    slave: tx.name(s),
                });
            }
            if was_passive && !was_duplicate {
                tx.lint(LinkLint::UnlinkReactivatesOtherPassivation { oid: tx.name(s) });
            }
            for r in rows {
                tx.delete_row(r);
            }
            if tx.reg.links.is_slave(s) {
                tx.lint(LinkLint::StillLinkedButNotDuplicate { oid: tx.name(s) });
            }
            tx.out.master = tx.name(m);
            tx.save(m);
            tx.save(s);
            Ok(())
        })
    }

    /// The linking part of ONR's VTJ identification (`yksiloiHenkilo` when VTJ answered and
    /// the names matched): `yksilointiYritetty` is set; if VTJ's hetu differs from the
    /// person's, or another person has it in its hetu history, the hetu's holder is found
    /// (history first, then current hetus). A VTJ-identified holder becomes master and the
    /// person its slave (refused if the person is identified too); otherwise the person becomes
    /// master and the holder its slave. The slave loses its hetu, the master takes the new hetu,
    /// and both hetus move into the master's history. A person that stays master becomes
    /// VTJ-identified (and loses manual identification), with birth date and sex from the hetu.
    /// VTJ's other data (names, addresses ...) is not modelled.
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`], [`LinkError::HetuMissing`], [`LinkError::EidasIdentified`],
    /// [`LinkError::TemporaryHetu`], [`LinkError::HetuTooShort`] (checked on the person's
    /// current hetu, in that order), [`LinkError::HetuNotUnique`], [`LinkError::BothIdentified`]
    /// and the errors of [`Registry::link`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// let mut x = Person::new("X");
    /// x.hetu = Some("200198-7484".into());
    /// reg.insert_person(x);
    /// let o = reg.link_with_vtj_hetu("X", "200198-7484")?;
    /// assert_eq!(o.master, "X");
    /// assert!(reg.person("X").unwrap().yksiloity_vtj);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn link_with_vtj_hetu(&mut self, oid: &str, vtj_hetu: &str) -> Result<Outcome, LinkError> {
        let h = self.intern(oid);
        self.run(|tx| {
            let Some(p) = tx.person(h) else {
                return Err(LinkError::PersonNotFound { oid: tx.name(h) });
            };
            if !hetu_has_text(p.hetu.as_deref()) {
                return Err(LinkError::HetuMissing { oid: tx.name(h) });
            }
            if p.yksiloity_eidas {
                return Err(LinkError::EidasIdentified { oid: tx.name(h) });
            }
            let current: Vec<u16> = p.hetu.as_deref().unwrap_or("").encode_utf16().collect();
            match current.get(7) {
                None => return Err(LinkError::HetuTooShort),
                Some(&c) if c == u16::from(b'9') => return Err(LinkError::TemporaryHetu),
                Some(_) => {}
            }
            tx.person_mut(h).expect("exists").yksilointi_yritetty = true;
            let res = tx.handle_hetu_change(h, vtj_hetu)?;
            if res.master == h {
                let env = tx.reg.env;
                let p = tx.person_mut(h).expect("exists");
                let probe = Person {
                    hetu: Some(vtj_hetu.to_owned()),
                    ..Person::default()
                };
                if let Some((date, sex)) = probe.hetu_birth_date_and_sex(env) {
                    p.syntymaaika = Some(date);
                    p.sukupuoli = Some(sex.to_owned());
                }
                p.yksiloity_vtj = true;
                p.yksiloity = false;
            }
            tx.finish(res);
            Ok(())
        })
    }

    /// The hetu change of ONR's force update (`PUT /henkilo/{oid}/forceUpdate`, used by the VTJ
    /// change feed and strong-authentication flows) as far as linking goes: when `new_hetu`
    /// is non-empty and differs from the person's hetu, a VTJ-identified person first takes
    /// the hetu into its history (its current holder's history is cleared), then
    /// [`Registry::remove_duplicate_hetu_and_link`] runs and the person gets the hetu.
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`] and the errors of [`Registry::link`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// let mut old = Person::new("OLD");
    /// old.hetu = Some("200198-7484".into());
    /// reg.extend_persons([Person::new("NEW"), old]);
    /// let o = reg.force_update_hetu("NEW", "200198-7484")?;
    /// assert_eq!(o.master, "NEW");
    /// assert_eq!(reg.master_of("OLD"), Some("NEW"));
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn force_update_hetu(&mut self, oid: &str, new_hetu: &str) -> Result<Outcome, LinkError> {
        let h = self.intern(oid);
        self.run(|tx| {
            let Some(p) = tx.person(h) else {
                return Err(LinkError::PersonNotFound { oid: tx.name(h) });
            };
            if new_hetu.is_empty() || p.hetu.as_deref() == Some(new_hetu) {
                tx.out.master = tx.name(h);
                tx.save(h);
                return Ok(());
            }
            if p.yksiloity_vtj {
                if let Some(holder) = tx.holder(new_hetu, false)? {
                    tx.person_mut(holder).expect("exists").kaikki_hetut.clear();
                }
                tx.person_mut(h)
                    .expect("exists")
                    .kaikki_hetut
                    .insert(new_hetu.to_owned());
            }
            let res = tx.remove_duplicate_hetu_and_link(h, new_hetu)?;
            tx.person_mut(h).expect("exists").hetu = Some(new_hetu.to_owned());
            tx.finish(res);
            Ok(())
        })
    }

    /// ONR's `removeDuplicateHetuAndLink(person, hetu)`: if another person currently holds
    /// `hetu`, that person loses its hetu, its whole hetu history, `yksiloity`, `yksiloityVTJ`
    /// and its home-municipality history; the person inherits that history; then the other is
    /// linked to the person as [`Registry::link`] does.
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`], [`LinkError::HetuNotUnique`] and the errors of
    /// [`Registry::link`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// let mut e = Person::new("E");
    /// e.hetu = Some("hetu".into());
    /// e.kaikki_hetut.extend(["hetu1".to_owned(), "hetu2".to_owned()]);
    /// e.yksiloity_vtj = true;
    /// reg.extend_persons([Person::new("N"), e]);
    /// reg.remove_duplicate_hetu_and_link("N", "hetu")?;
    /// assert_eq!(reg.person("N").unwrap().kaikki_hetut.len(), 2);
    /// assert_eq!(reg.master_of("E"), Some("N"));
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn remove_duplicate_hetu_and_link(
        &mut self,
        oid: &str,
        hetu: &str,
    ) -> Result<Outcome, LinkError> {
        let h = self.intern(oid);
        self.run(|tx| {
            if !tx.exists(h) {
                return Err(LinkError::PersonNotFound { oid: tx.name(h) });
            }
            let res = tx.remove_duplicate_hetu_and_link(h, hetu)?;
            tx.finish(res);
            Ok(())
        })
    }

    /// ONR's `POST /henkilo/{oid}/yksiloihetuton` (manual identification of a hetu-less
    /// person): sets `yksiloity` and clears `duplicate` — **without** removing the person's
    /// link to its master (lint [`LinkLint::IdentifiedSlaveKeepsLink`]).
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`], [`LinkError::HasHetu`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.extend_persons([Person::new("M"), Person::new("S")]);
    /// reg.link("M", &["S"])?;
    /// let o = reg.identify_without_hetu("S")?;
    /// assert!(!reg.person("S").unwrap().duplicate);
    /// assert_eq!(reg.master_of("S"), Some("M"));
    /// assert_eq!(o.lints.len(), 1);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn identify_without_hetu(&mut self, oid: &str) -> Result<Outcome, LinkError> {
        let h = self.intern(oid);
        self.run(|tx| {
            let Some(p) = tx.person(h) else {
                return Err(LinkError::PersonNotFound { oid: tx.name(h) });
            };
            if hetu_has_text(p.hetu.as_deref()) {
                return Err(LinkError::HasHetu { oid: tx.name(h) });
            }
            let p = tx.person_mut(h).expect("exists");
            p.yksiloity = true;
            p.duplicate = false;
            if tx.reg.links.is_slave(h) {
                tx.lint(LinkLint::IdentifiedSlaveKeepsLink { oid: tx.name(h) });
            }
            tx.out.master = tx.name(h);
            tx.save(h);
            Ok(())
        })
    }

    /// ONR's `DELETE /henkilo/{oid}` (`disableHenkilo`): passivates the person and its user
    /// account **without** saving through `update()`, so nothing reaches the change feed
    /// (lint [`LinkLint::PassivationNotInChangeFeed`]).
    ///
    /// # Errors
    ///
    /// [`LinkError::PersonNotFound`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{linking::Registry, person::Person, Environment};
    /// let mut reg = Registry::new(Environment::Production);
    /// reg.insert_person(Person::new("A"));
    /// let o = reg.passivate("A")?;
    /// assert!(o.change_feed.is_empty());
    /// assert!(reg.person("A").unwrap().passivoitu);
    /// # Ok::<(), onr_core::linking::LinkError>(())
    /// ```
    pub fn passivate(&mut self, oid: &str) -> Result<Outcome, LinkError> {
        let h = self.intern(oid);
        self.run(|tx| {
            let Some(p) = tx.person_mut(h) else {
                return Err(LinkError::PersonNotFound { oid: tx.name(h) });
            };
            p.passivoitu = true;
            let name = tx.name(h);
            tx.out.master = name.clone();
            tx.out.accounts_passivated.push(name.clone());
            tx.lint(LinkLint::PassivationNotInChangeFeed { oid: name });
            Ok(())
        })
    }
}
