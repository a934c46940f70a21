//! The storage under [`super::Registry`]: interned OIDs and the link rows with their indexes.

use std::collections::{BTreeSet, HashMap};

/// An interned OID.
pub(crate) type Id = u32;
/// The position of a link row in insertion order (ONR's row id order).
pub(crate) type RowId = u32;

/// OIDs interned to dense `u32` ids.
#[derive(Debug, Default, Clone)]
pub(crate) struct Interner {
    ids: HashMap<Box<str>, Id>,
    names: Vec<Box<str>>,
}

impl Interner {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Interner {
            ids: HashMap::with_capacity(n),
            names: Vec::with_capacity(n),
        }
    }

    pub(crate) fn get(&self, oid: &str) -> Option<Id> {
        self.ids.get(oid).copied()
    }

    pub(crate) fn intern(&mut self, oid: &str) -> Id {
        if let Some(&id) = self.ids.get(oid) {
            return id;
        }
        let id = Id::try_from(self.names.len()).expect("more than 4 billion distinct OIDs");
        let name: Box<str> = oid.into();
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }

    pub(crate) fn name(&self, id: Id) -> &str {
        &self.names[id as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// One row of the link table (`henkiloviite`): `master` → `slave`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) master: Id,
    pub(crate) slave: Id,
    pub(crate) live: bool,
}

/// The link rows, a multiset like ONR's table (no uniqueness), indexed both ways.
///
/// Index values are ordered sets of row ids so every lookup returns rows in insertion order and
/// every insert, delete and re-point is logarithmic.
#[derive(Debug, Default, Clone)]
pub(crate) struct LinkStore {
    rows: Vec<Row>,
    by_slave: HashMap<Id, BTreeSet<RowId>>,
    by_master: HashMap<Id, BTreeSet<RowId>>,
    live: usize,
}

impl LinkStore {
    pub(crate) fn with_capacity(n: usize) -> Self {
        LinkStore {
            rows: Vec::with_capacity(n),
            by_slave: HashMap::with_capacity(n),
            by_master: HashMap::with_capacity(n),
            live: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.live
    }

    pub(crate) fn row(&self, r: RowId) -> Row {
        self.rows[r as usize]
    }

    pub(crate) fn insert(&mut self, master: Id, slave: Id) -> RowId {
        let r = RowId::try_from(self.rows.len()).expect("more than 4 billion link rows");
        self.rows.push(Row {
            master,
            slave,
            live: true,
        });
        self.by_slave.entry(slave).or_default().insert(r);
        self.by_master.entry(master).or_default().insert(r);
        self.live += 1;
        r
    }

    /// Marks a row deleted. Returns false if it already was.
    pub(crate) fn delete(&mut self, r: RowId) -> bool {
        let row = self.rows[r as usize];
        if !row.live {
            return false;
        }
        self.rows[r as usize].live = false;
        remove_from(&mut self.by_slave, row.slave, r);
        remove_from(&mut self.by_master, row.master, r);
        self.live -= 1;
        true
    }

    /// Brings a deleted row back (undo of `delete`).
    pub(crate) fn restore(&mut self, r: RowId) {
        let row = self.rows[r as usize];
        if row.live {
            return;
        }
        self.rows[r as usize].live = true;
        self.by_slave.entry(row.slave).or_default().insert(r);
        self.by_master.entry(row.master).or_default().insert(r);
        self.live += 1;
    }

    /// Changes the master of a live row.
    pub(crate) fn repoint(&mut self, r: RowId, new_master: Id) {
        let row = self.rows[r as usize];
        if !row.live || row.master == new_master {
            self.rows[r as usize].master = new_master;
            return;
        }
        remove_from(&mut self.by_master, row.master, r);
        self.by_master.entry(new_master).or_default().insert(r);
        self.rows[r as usize].master = new_master;
    }

    /// Live rows where `slave` is the slave, in row order.
    pub(crate) fn rows_by_slave(&self, slave: Id) -> impl Iterator<Item = RowId> + '_ {
        self.by_slave.get(&slave).into_iter().flatten().copied()
    }

    /// Live rows where `master` is the master, in row order.
    pub(crate) fn rows_by_master(&self, master: Id) -> impl Iterator<Item = RowId> + '_ {
        self.by_master.get(&master).into_iter().flatten().copied()
    }

    pub(crate) fn first_master(&self, slave: Id) -> Option<Id> {
        self.by_slave
            .get(&slave)
            .and_then(|s| s.first())
            .map(|&r| self.rows[r as usize].master)
    }

    pub(crate) fn is_slave(&self, id: Id) -> bool {
        self.by_slave.get(&id).is_some_and(|s| !s.is_empty())
    }

    pub(crate) fn is_master(&self, id: Id) -> bool {
        self.by_master.get(&id).is_some_and(|s| !s.is_empty())
    }

    /// Every live row, in row order.
    pub(crate) fn live_rows(&self) -> impl Iterator<Item = (RowId, Row)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.live)
            .map(|(i, r)| (i as RowId, *r))
    }
}

fn remove_from(index: &mut HashMap<Id, BTreeSet<RowId>>, key: Id, r: RowId) {
    if let Some(set) = index.get_mut(&key) {
        set.remove(&r);
        if set.is_empty() {
            index.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interner_round_trips() {
        let mut i = Interner::default();
        let a = i.intern("a");
        let b = i.intern("b");
        assert_eq!(i.intern("a"), a);
        assert_ne!(a, b);
        assert_eq!(i.name(b), "b");
        assert_eq!(i.get("c"), None);
        assert_eq!(i.len(), 2);
    }

    #[test]
    fn store_keeps_row_order_through_repoint_and_restore() {
        let mut s = LinkStore::default();
        let r0 = s.insert(1, 2);
        let r1 = s.insert(3, 2);
        let r2 = s.insert(2, 4);
        assert_eq!(s.rows_by_slave(2).collect::<Vec<_>>(), vec![r0, r1]);
        assert_eq!(s.first_master(2), Some(1));
        assert!(s.delete(r0));
        assert!(!s.delete(r0));
        assert_eq!(s.first_master(2), Some(3));
        s.repoint(r2, 1);
        assert_eq!(s.rows_by_master(1).collect::<Vec<_>>(), vec![r2]);
        assert!(!s.is_master(2));
        s.restore(r0);
        assert_eq!(s.rows_by_master(1).collect::<Vec<_>>(), vec![r0, r2]);
        assert_eq!(s.len(), 3);
        assert_eq!(s.live_rows().count(), 3);
    }
}
