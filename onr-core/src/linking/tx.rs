//! One atomic linking operation ([`Tx`]): a journal of every change so that it can be rolled
//! back, and ONR's `DuplicateService` algorithms (link, master choice, merge, hetu take-over)
//! run inside it.

use std::collections::HashSet;

use super::outcome::{Field, FieldChange, Flag, FlagChange, Link, Merge, Outcome, Repoint};
use super::store::{Id, RowId};
use super::{LinkError, LinkLint, Registry};
use crate::person::Person;

/// What ONR's `DuplicateService` returns internally: master, persons to save, slave list.
pub(super) struct LinkResult {
    pub(super) master: Id,
    pub(super) modified: Vec<Id>,
}

pub(super) enum Undo {
    Inserted(RowId),
    Deleted(RowId),
    Repointed(RowId, Id),
}

/// One atomic operation: a journal of every change so it can be rolled back, and the
/// outcome being built.
pub(super) struct Tx<'r> {
    pub(super) reg: &'r mut Registry,
    pub(super) snapshots: Vec<(Id, Option<Box<Person>>)>,
    pub(super) snapshotted: HashSet<Id>,
    pub(super) undo: Vec<Undo>,
    pub(super) out: Outcome,
    pub(super) repointed_rows: Vec<RowId>,
    pub(super) extra_fields: Vec<(Id, Field)>,
}

impl<'r> Tx<'r> {
    pub(super) fn new(reg: &'r mut Registry) -> Self {
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

    pub(super) fn name(&self, id: Id) -> String {
        self.reg.name(id).to_owned()
    }

    pub(super) fn person(&self, id: Id) -> Option<&Person> {
        self.reg.person_by_id(id)
    }

    pub(super) fn exists(&self, id: Id) -> bool {
        self.person(id).is_some()
    }

    /// Mutable access to a person, snapshotting it first.
    pub(super) fn person_mut(&mut self, id: Id) -> Option<&mut Person> {
        if !self.exists(id) {
            return None;
        }
        if self.snapshotted.insert(id) {
            let snap = self.reg.persons[id as usize].clone();
            self.snapshots.push((id, snap));
        }
        self.reg.persons[id as usize].as_deref_mut()
    }

    pub(super) fn insert_row(&mut self, master: Id, slave: Id) {
        let r = self.reg.links.insert(master, slave);
        self.undo.push(Undo::Inserted(r));
        self.out
            .links_created
            .push(Link::new(self.name(master), self.name(slave)));
    }

    pub(super) fn delete_row(&mut self, r: RowId) {
        let row = self.reg.links.row(r);
        if self.reg.links.delete(r) {
            self.undo.push(Undo::Deleted(r));
            self.out
                .links_deleted
                .push(Link::new(self.name(row.master), self.name(row.slave)));
        }
    }

    pub(super) fn repoint_row(&mut self, r: RowId, to: Id) {
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

    pub(super) fn lint(&mut self, lint: LinkLint) {
        if !self.out.lints.contains(&lint) {
            self.out.lints.push(lint);
        }
    }

    pub(super) fn rollback(mut self) {
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

    pub(super) fn commit(mut self) -> Outcome {
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
    pub(super) fn save(&mut self, id: Id) {
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

    pub(super) fn bump(&mut self, id: Id) {
        let oid = self.name(id);
        if !self.out.change_feed.contains(&oid) {
            self.out.change_feed.push(oid.clone());
        }
        self.out.notifications.push(oid);
    }

    pub(super) fn finish(&mut self, result: LinkResult) {
        self.out.master = self.name(result.master);
        for id in result.modified {
            self.save(id);
        }
    }

    /// `DuplicateServiceImpl.linkHenkilos`.
    pub(super) fn link_henkilos(
        &mut self,
        henkilo: Id,
        similar: &[Id],
    ) -> Result<LinkResult, LinkError> {
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
    pub(super) fn determine_master(
        &mut self,
        henkilo: Id,
        candidates: &[Id],
    ) -> Result<Id, LinkError> {
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
    pub(super) fn link_one(&mut self, master: Id, slave: Id) -> Result<Vec<Id>, LinkError> {
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

    pub(super) fn merge(&mut self, master: Id, slave: Id) {
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
    pub(super) fn link_with_hetu(
        &mut self,
        henkilo: Id,
        hetu: &str,
    ) -> Result<LinkResult, LinkError> {
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
    pub(super) fn holder(&self, hetu: &str, history: bool) -> Result<Option<Id>, LinkError> {
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
    pub(super) fn handle_hetu_change(
        &mut self,
        henkilo: Id,
        new_hetu: &str,
    ) -> Result<LinkResult, LinkError> {
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
    pub(super) fn remove_duplicate_hetu_and_link(
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

pub(super) fn hetu_has_text(h: Option<&str>) -> bool {
    h.is_some_and(|h| h.chars().any(|c| !c.is_whitespace()))
}
