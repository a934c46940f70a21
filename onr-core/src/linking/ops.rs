//! ONR's linking operations on a [`Registry`], each atomic, each returning an [`Outcome`].

use std::collections::HashSet;

use super::outcome::Outcome;
use super::store::{Id, RowId};
use super::tx::{hetu_has_text, Tx};
use super::{LinkError, LinkLint, Registry};
use crate::person::Person;

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
