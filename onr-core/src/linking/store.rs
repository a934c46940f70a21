//! The storage under [`super::Registry`]: interned OIDs and the link rows with their indexes.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// An interned OID.
pub(crate) type Id = u32;
/// The position of a link row in insertion order (ONR's row id order).
pub(crate) type RowId = u32;

/// OIDs interned to dense `u32` ids.
#[derive(Debug, Default, Clone)]
pub(crate) struct Interner {
    ids: HashMap<Arc<str>, Id>,
    names: Vec<Arc<str>>,
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
        // One allocation shared by the map key and the name table.
        let name: Arc<str> = Arc::from(oid);
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
/// The indexes are dense vectors over interned ids. A key with one row keeps it inline together
/// with the id at the row's other end (so `master_of` touches a single slot); more rows go to a
/// B-tree of row ids, so every lookup returns rows in insertion order and every insert, delete
/// and re-point is logarithmic.
#[derive(Debug, Default, Clone)]
pub(crate) struct LinkStore {
    rows: Vec<Row>,
    by_slave: Vec<RowSet>,
    by_master: Vec<RowSet>,
    live: usize,
}

/// The row ids of one key, ordered.
#[derive(Debug, Clone, Default)]
pub(crate) enum RowSet {
    #[default]
    Empty,
    /// A single row and the id at its other end.
    One { row: RowId, peer: Id },
    /// Boxed on purpose: keeps every slot of the dense index at 16 bytes.
    #[allow(clippy::box_collection)]
    Many(Box<BTreeSet<RowId>>),
}

impl RowSet {
    fn insert(&mut self, r: RowId, peer: Id) {
        match self {
            RowSet::Empty => *self = RowSet::One { row: r, peer },
            RowSet::One { row, .. } if *row == r => {}
            RowSet::One { row, .. } => *self = RowSet::Many(Box::new(BTreeSet::from([*row, r]))),
            RowSet::Many(set) => {
                set.insert(r);
            }
        }
    }

    fn remove(&mut self, r: RowId) {
        match self {
            RowSet::One { row, .. } if *row == r => *self = RowSet::Empty,
            RowSet::Many(set) => {
                set.remove(&r);
                if set.is_empty() {
                    *self = RowSet::Empty;
                }
            }
            _ => {}
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, RowSet::Empty)
    }

    fn iter(&self) -> impl Iterator<Item = RowId> + '_ {
        let (one, many) = match self {
            RowSet::Empty => (None, None),
            RowSet::One { row, .. } => (Some(*row), None),
            RowSet::Many(set) => (None, Some(set.iter().copied())),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }
}

fn slot(index: &mut Vec<RowSet>, key: Id) -> &mut RowSet {
    let k = key as usize;
    if index.len() <= k {
        index.resize_with(k + 1, RowSet::default);
    }
    &mut index[k]
}

impl LinkStore {
    pub(crate) fn with_capacity(n: usize) -> Self {
        LinkStore {
            rows: Vec::with_capacity(n),
            by_slave: Vec::new(),
            by_master: Vec::new(),
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
        slot(&mut self.by_slave, slave).insert(r, master);
        slot(&mut self.by_master, master).insert(r, slave);
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
        slot(&mut self.by_slave, row.slave).remove(r);
        slot(&mut self.by_master, row.master).remove(r);
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
        slot(&mut self.by_slave, row.slave).insert(r, row.master);
        slot(&mut self.by_master, row.master).insert(r, row.slave);
        self.live += 1;
    }

    /// Changes the master of a row.
    pub(crate) fn repoint(&mut self, r: RowId, new_master: Id) {
        let row = self.rows[r as usize];
        self.rows[r as usize].master = new_master;
        if !row.live || row.master == new_master {
            return;
        }
        slot(&mut self.by_master, row.master).remove(r);
        slot(&mut self.by_master, new_master).insert(r, row.slave);
        if let RowSet::One { row: one, peer } = slot(&mut self.by_slave, row.slave) {
            if *one == r {
                *peer = new_master;
            }
        }
    }

    fn get(index: &[RowSet], key: Id) -> &RowSet {
        const EMPTY: &RowSet = &RowSet::Empty;
        index.get(key as usize).unwrap_or(EMPTY)
    }

    /// Live rows where `slave` is the slave, in row order.
    pub(crate) fn rows_by_slave(&self, slave: Id) -> impl Iterator<Item = RowId> + '_ {
        Self::get(&self.by_slave, slave).iter()
    }

    /// Live rows where `master` is the master, in row order.
    pub(crate) fn rows_by_master(&self, master: Id) -> impl Iterator<Item = RowId> + '_ {
        Self::get(&self.by_master, master).iter()
    }

    pub(crate) fn first_master(&self, slave: Id) -> Option<Id> {
        match Self::get(&self.by_slave, slave) {
            RowSet::Empty => None,
            RowSet::One { peer, .. } => Some(*peer),
            RowSet::Many(set) => set.first().map(|&r| self.rows[r as usize].master),
        }
    }

    /// The slave of `master` when it has exactly one row, without touching the row table.
    pub(crate) fn only_slave(&self, master: Id) -> Option<Option<Id>> {
        match Self::get(&self.by_master, master) {
            RowSet::Empty => Some(None),
            RowSet::One { peer, .. } => Some(Some(*peer)),
            RowSet::Many(_) => None,
        }
    }

    pub(crate) fn is_slave(&self, id: Id) -> bool {
        !Self::get(&self.by_slave, id).is_empty()
    }

    pub(crate) fn is_master(&self, id: Id) -> bool {
        !Self::get(&self.by_master, id).is_empty()
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
