//! Link tables from elsewhere (rows, layout, the invariants) and the change feed tracker.

use std::sync::{Mutex, MutexGuard};

use onr_core::linking::{
    check_links, read_table, ChangeFeedEntry, ChangeFeedTracker, LinkRow, TableLayout,
};

use crate::error::{shielded, NativeError, Problem};

use super::{LinkValue, ViolationValue};

// ---------------------------------------------------------------------------------------------
// Link tables from elsewhere, and the change feed
// ---------------------------------------------------------------------------------------------

/// One row of a link table loaded from elsewhere ([`LinkRow`]), with the flags when known.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LinkRowValue {
    /// The master's OID.
    pub master_oid: String,
    /// The slave's OID.
    pub slave_oid: String,
    /// The master's `passivoitu`, if known.
    pub master_passivoitu: Option<bool>,
    /// The master's `duplicate`, if known.
    pub master_duplicate: Option<bool>,
    /// The slave's `passivoitu`, if known.
    pub slave_passivoitu: Option<bool>,
    /// The slave's `duplicate`, if known.
    pub slave_duplicate: Option<bool>,
}

impl From<LinkRowValue> for LinkRow {
    fn from(r: LinkRowValue) -> LinkRow {
        LinkRow {
            master_oid: r.master_oid,
            slave_oid: r.slave_oid,
            master_passivoitu: r.master_passivoitu,
            master_duplicate: r.master_duplicate,
            slave_passivoitu: r.slave_passivoitu,
            slave_duplicate: r.slave_duplicate,
        }
    }
}

impl From<LinkRow> for LinkRowValue {
    fn from(r: LinkRow) -> LinkRowValue {
        LinkRowValue {
            master_oid: r.master_oid,
            slave_oid: r.slave_oid,
            master_passivoitu: r.master_passivoitu,
            master_duplicate: r.master_duplicate,
            slave_passivoitu: r.slave_passivoitu,
            slave_duplicate: r.slave_duplicate,
        }
    }
}

/// [`check_links`]: the broken invariants of a link table.
#[uniffi::export]
pub fn linking_check_links(rows: Vec<LinkRowValue>) -> Result<Vec<ViolationValue>, NativeError> {
    shielded(|| {
        let rows: Vec<LinkRow> = rows.into_iter().map(LinkRow::from).collect();
        Ok(check_links(&rows)
            .iter()
            .map(ViolationValue::from)
            .collect())
    })
}

/// [`TableLayout::from_header`]: checks a link table's header; returns
/// [`TableLayout::has_flags`].
#[uniffi::export]
pub fn linking_table_layout(header: Vec<String>) -> Result<bool, NativeError> {
    shielded(|| Ok(TableLayout::from_header(&header)?.has_flags()))
}

/// One data row of a link table as [`TableLayout::row`] reads it: the row, or its error.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableRowRead {
    /// The row, when usable.
    pub row: Option<LinkRowValue>,
    /// Why the row is unusable.
    pub error: Option<Problem>,
}

/// [`TableLayout::from_header`] then [`TableLayout::row`] for every data row, in order (an
/// unusable row doesn't stop the others; a blank row is read too, and is unusable: for one
/// row read strictly; [`linking_read_table`] reads a table).
#[uniffi::export]
pub fn linking_table_rows(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
) -> Result<Vec<TableRowRead>, NativeError> {
    shielded(|| {
        let layout = TableLayout::from_header(&header)?;
        Ok(rows
            .iter()
            .map(|fields| match layout.row(fields) {
                Ok(r) => TableRowRead {
                    row: Some(r.into()),
                    error: None,
                },
                Err(e) => TableRowRead {
                    row: None,
                    error: Some(Problem::from(&e)),
                },
            })
            .collect())
    })
}

/// An unusable data row of a link table ([`onr_core::linking::BadRow`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BadRowValue {
    /// The row's 0-based index among the data rows given.
    pub index: i64,
    /// Why the row is unusable.
    pub error: Problem,
}

/// A link table read whole ([`onr_core::linking::LinkTable`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LinkTableValue {
    /// The usable rows, in order.
    pub rows: Vec<LinkRowValue>,
    /// The unusable rows, in order.
    pub bad_rows: Vec<BadRowValue>,
}

/// [`read_table`]: a whole link table as `onr links check` reads it (blank rows skipped, every
/// unusable row with its 0-based index among `rows`).
#[uniffi::export]
pub fn linking_read_table(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
) -> Result<LinkTableValue, NativeError> {
    shielded(|| {
        let table = read_table(&header, (0..).zip(rows))?;
        Ok(LinkTableValue {
            rows: table.rows.into_iter().map(LinkRowValue::from).collect(),
            bad_rows: table
                .bad_rows
                .iter()
                .map(|b| BadRowValue {
                    index: i64::try_from(b.line).unwrap_or(i64::MAX),
                    error: Problem::from(&b.error),
                })
                .collect(),
        })
    })
}

/// A local record whose master changed ([`onr_core::linking::Repointed`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RepointedValue {
    /// The local record's OID.
    pub oid: String,
    /// The master it pointed to before.
    pub from: String,
    /// The master it points to now.
    pub to: String,
}

/// [`ChangeFeedTracker`], shareable between threads.
#[derive(Debug, uniffi::Object)]
pub struct FeedTracker(Mutex<ChangeFeedTracker>);

#[uniffi::export]
impl FeedTracker {
    /// [`ChangeFeedTracker::with_masters`]: `known` rows are (OID as slave, its master).
    #[uniffi::constructor]
    pub fn new(known: Vec<LinkValue>) -> Result<FeedTracker, NativeError> {
        shielded(|| {
            Ok(FeedTracker(Mutex::new(ChangeFeedTracker::with_masters(
                known.into_iter().map(|l| (l.slave, l.master)),
            ))))
        })
    }

    /// [`ChangeFeedTracker::master_of`].
    pub fn master_of(&self, oid: String) -> Result<Option<String>, NativeError> {
        shielded(|| Ok(self.lock().master_of(&oid).map(str::to_owned)))
    }

    /// [`ChangeFeedTracker::apply`]: one page of `(oid, master)` entries, as `LinkValue`s
    /// with the changed OID as `slave`.
    pub fn apply(&self, page: Vec<LinkValue>) -> Result<Vec<RepointedValue>, NativeError> {
        shielded(|| {
            let page: Vec<ChangeFeedEntry> = page
                .into_iter()
                .map(|l| ChangeFeedEntry::new(l.slave, l.master))
                .collect();
            Ok(self
                .lock()
                .apply(&page)
                .into_iter()
                .map(|r| RepointedValue {
                    oid: r.oid,
                    from: r.from,
                    to: r.to,
                })
                .collect())
        })
    }
}

impl FeedTracker {
    fn lock(&self) -> MutexGuard<'_, ChangeFeedTracker> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_table_skips_blank_rows_and_numbers_bad_rows_by_index() {
        let s = |v: &[&str]| v.iter().map(|f| (*f).to_owned()).collect::<Vec<_>>();
        let header = s(&["master_oid", "slave_oid", "slave_duplicate"]);
        let rows = vec![
            s(&["M", "S1", "true"]),
            s(&["", "", ""]),
            s(&["M", "", "true"]),
            s(&["M", "S2", "perhaps"]),
            s(&[]),
        ];
        let table = linking_read_table(header, rows).unwrap();
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].slave_duplicate, Some(true));
        let bad: Vec<_> = table
            .bad_rows
            .iter()
            .map(|b| (b.index, b.error.code.as_str()))
            .collect();
        assert_eq!(
            bad,
            [(2, "link.table.empty_oid"), (3, "link.table.bad_flag")]
        );
        assert!(linking_read_table(s(&["master_oid"]), vec![]).is_err());
    }

    #[test]
    fn table_rows_keep_order_and_report_each_bad_row() {
        let header = vec!["master_oid".to_owned(), "slave_oid".to_owned()];
        let rows = vec![
            vec!["M".to_owned(), "S".to_owned()],
            vec!["M".to_owned()],
            vec!["M".to_owned(), String::new()],
        ];
        let read = linking_table_rows(header, rows).unwrap();
        assert_eq!(read[0].row.as_ref().unwrap().slave_oid, "S");
        let codes: Vec<_> = read[1..]
            .iter()
            .map(|r| r.error.as_ref().unwrap().code.as_str())
            .collect();
        assert_eq!(codes, ["link.table.missing_field", "link.table.empty_oid"]);
        assert!(linking_table_layout(vec!["slave_oid".to_owned()]).is_err());
    }
}
