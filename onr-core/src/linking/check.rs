//! The link-table loader (columns to rows) and the invariant checker.

use std::collections::HashMap;
use std::fmt;

use super::store::{Id, Interner};
use crate::error::{code_table, Category, Coded, Lang};

/// The column holding the master OID.
pub const MASTER_COLUMN: &str = "master_oid";
/// The column holding the slave OID.
pub const SLAVE_COLUMN: &str = "slave_oid";
/// The optional flag columns, in [`LinkRow`] field order.
pub const FLAG_COLUMNS: [&str; 4] = [
    "master_passivoitu",
    "master_duplicate",
    "slave_passivoitu",
    "slave_duplicate",
];

/// One row of a link table loaded from elsewhere, with the flags of both persons when known.
///
/// # Example
///
/// ```
/// let row = onr_core::linking::LinkRow::new("M", "S");
/// assert_eq!(row.slave_duplicate, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LinkRow {
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

impl LinkRow {
    /// A row without flags.
    ///
    /// # Example
    ///
    /// ```
    /// let row = onr_core::linking::LinkRow::new("M", "S");
    /// assert_eq!(row.master_oid, "M");
    /// ```
    pub fn new(master: impl Into<String>, slave: impl Into<String>) -> Self {
        LinkRow {
            master_oid: master.into(),
            slave_oid: slave.into(),
            ..LinkRow::default()
        }
    }
}

/// Where the columns of a link table are: found from its header.
///
/// Header names are matched after trimming, case-insensitively (a leading byte-order mark is
/// ignored); unknown columns are ignored.
///
/// # Example
///
/// ```
/// use onr_core::linking::TableLayout;
///
/// let layout = TableLayout::from_header(&["slave_oid", "master_oid", "slave_duplicate"])?;
/// let row = layout.row(&["S", "M", "true"])?;
/// assert_eq!(row.master_oid, "M");
/// assert_eq!(row.slave_duplicate, Some(true));
/// # Ok::<(), onr_core::linking::TableError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLayout {
    master: usize,
    slave: usize,
    flags: [Option<usize>; 4],
}

/// A problem with a link table's header or one of its rows.
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::linking::TableLayout;
/// let e = TableLayout::from_header(&["a", "b"]).unwrap_err();
/// assert_eq!(e.code(), "link.table.missing_column");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    /// A required column is missing from the header.
    #[error("missing column `{column}`")]
    MissingColumn {
        /// The column.
        column: &'static str,
    },
    /// A column appears twice in the header.
    #[error("column `{column}` appears twice")]
    RepeatedColumn {
        /// The column.
        column: &'static str,
    },
    /// A row has no field for a column.
    #[error("row has no field for column `{column}`")]
    MissingField {
        /// The column.
        column: &'static str,
    },
    /// An OID field is empty.
    #[error("empty `{column}`")]
    EmptyOid {
        /// The column.
        column: &'static str,
    },
    /// A flag field is not a boolean: see [`crate::cell::flag`] for the texts read (empty is missing).
    #[error("`{column}` is not a boolean, expected true or false")]
    BadFlag {
        /// The column.
        column: &'static str,
    },
}

code_table! {
    /// Every code of [`TableError`], in the order of its variants.
    TableError {
        TableError::MissingColumn { .. } => "link.table.missing_column", Category::Format;
        TableError::RepeatedColumn { .. } => "link.table.repeated_column", Category::Format;
        TableError::MissingField { .. } => "link.table.missing_field", Category::Format;
        TableError::EmptyOid { .. } => "link.table.empty_oid", Category::Format;
        TableError::BadFlag { .. } => "link.table.bad_flag", Category::Format;
    }
}

impl Coded for TableError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (TableError::MissingColumn { column }, Lang::Fi) => {
                format!("sarake `{column}` puuttuu")
            }
            (TableError::MissingColumn { column }, Lang::Sv) => {
                format!("kolumnen `{column}` saknas")
            }
            (TableError::RepeatedColumn { column }, Lang::Fi) => {
                format!("sarake `{column}` on kahdesti")
            }
            (TableError::RepeatedColumn { column }, Lang::Sv) => {
                format!("kolumnen `{column}` förekommer två gånger")
            }
            (TableError::MissingField { column }, Lang::Fi) => {
                format!("riviltä puuttuu sarake `{column}`")
            }
            (TableError::MissingField { column }, Lang::Sv) => {
                format!("raden saknar fält för kolumnen `{column}`")
            }
            (TableError::EmptyOid { column }, Lang::Fi) => format!("tyhjä `{column}`"),
            (TableError::EmptyOid { column }, Lang::Sv) => format!("tom `{column}`"),
            (TableError::BadFlag { column }, Lang::Fi) => {
                format!("`{column}` ei ole totuusarvo, odotettiin true tai false")
            }
            (TableError::BadFlag { column }, Lang::Sv) => {
                format!("`{column}` är inte ett sanningsvärde, förväntade true eller false")
            }
        }
    }
}

impl TableLayout {
    /// Finds the columns in a header row.
    ///
    /// # Errors
    ///
    /// [`TableError::MissingColumn`] without `master_oid` or `slave_oid`,
    /// [`TableError::RepeatedColumn`] when a known column appears twice.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::TableLayout;
    /// assert!(TableLayout::from_header(&["\u{feff}MASTER_OID ", "slave_oid"]).is_ok());
    /// ```
    pub fn from_header<S: AsRef<str>>(header: &[S]) -> Result<TableLayout, TableError> {
        let mut master = None;
        let mut slave = None;
        let mut flags = [None; 4];
        for (i, name) in header.iter().enumerate() {
            let name = name.as_ref().trim_start_matches('\u{feff}').trim();
            let slot = if name.eq_ignore_ascii_case(MASTER_COLUMN) {
                Some((&mut master, MASTER_COLUMN))
            } else if name.eq_ignore_ascii_case(SLAVE_COLUMN) {
                Some((&mut slave, SLAVE_COLUMN))
            } else {
                FLAG_COLUMNS
                    .iter()
                    .position(|c| name.eq_ignore_ascii_case(c))
                    .map(|k| (&mut flags[k], FLAG_COLUMNS[k]))
            };
            if let Some((slot, column)) = slot {
                if slot.replace(i).is_some() {
                    return Err(TableError::RepeatedColumn { column });
                }
            }
        }
        Ok(TableLayout {
            master: master.ok_or(TableError::MissingColumn {
                column: MASTER_COLUMN,
            })?,
            slave: slave.ok_or(TableError::MissingColumn {
                column: SLAVE_COLUMN,
            })?,
            flags,
        })
    }

    /// Whether the table has any flag column.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::TableLayout;
    /// assert!(!TableLayout::from_header(&["master_oid", "slave_oid"])?.has_flags());
    /// # Ok::<(), onr_core::linking::TableError>(())
    /// ```
    pub fn has_flags(&self) -> bool {
        self.flags.iter().any(Option::is_some)
    }

    /// Reads one data row. OIDs are trimmed; flags accept `true`/`false`, `t`/`f`, `1`/`0`,
    /// `yes`/`no` in any case, and empty for unknown.
    ///
    /// # Errors
    ///
    /// [`TableError::MissingField`], [`TableError::EmptyOid`], [`TableError::BadFlag`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::{TableError, TableLayout};
    /// let layout = TableLayout::from_header(&["master_oid", "slave_oid"])?;
    /// assert_eq!(layout.row(&["M", ""]), Err(TableError::EmptyOid { column: "slave_oid" }));
    /// # Ok::<(), onr_core::linking::TableError>(())
    /// ```
    pub fn row<S: AsRef<str>>(&self, fields: &[S]) -> Result<LinkRow, TableError> {
        let field = |i: usize, column: &'static str| {
            fields
                .get(i)
                .map(|f| f.as_ref().trim())
                .ok_or(TableError::MissingField { column })
        };
        let oid = |i: usize, column: &'static str| {
            let v = field(i, column)?;
            if v.is_empty() {
                Err(TableError::EmptyOid { column })
            } else {
                Ok(v.to_owned())
            }
        };
        let mut row = LinkRow::new(
            oid(self.master, MASTER_COLUMN)?,
            oid(self.slave, SLAVE_COLUMN)?,
        );
        let mut values = [None; 4];
        for (k, col) in self.flags.iter().enumerate() {
            if let Some(i) = *col {
                // A short row simply lacks the optional flag.
                let Some(v) = fields.get(i).map(|f| f.as_ref().trim()) else {
                    continue;
                };
                values[k] = crate::cell::flag(v).map_err(|_| TableError::BadFlag {
                    column: FLAG_COLUMNS[k],
                })?;
            }
        }
        [
            row.master_passivoitu,
            row.master_duplicate,
            row.slave_passivoitu,
            row.slave_duplicate,
        ] = values;
        Ok(row)
    }
}

/// An unusable data row of a link table: where it is and why.
///
/// # Example
///
/// ```
/// use onr_core::linking::{read_table, BadRow, TableError};
/// let table = read_table(&["master_oid", "slave_oid"], [(7, ["M", ""])])?;
/// assert_eq!(table.bad_rows, [BadRow { line: 7, error: TableError::EmptyOid { column: "slave_oid" } }]);
/// # Ok::<(), TableError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BadRow {
    /// The row's number as the caller gave it (`onr links check`: the line of the file where
    /// the record starts; the JVM binding: the 0-based index among the data rows).
    pub line: u64,
    /// Why the row is unusable.
    pub error: TableError,
}

/// A link table read whole by [`read_table`] (or row by row with [`LinkTable::push_row`]):
/// the usable rows in order, and every unusable row with its error. Blank rows are in
/// neither.
///
/// # Example
///
/// ```
/// use onr_core::linking::{LinkRow, LinkTable, TableLayout};
/// let layout = TableLayout::from_header(&["master_oid", "slave_oid"])?;
/// let mut table = LinkTable::default();
/// table.push_row(&layout, 2, &["M", "S"]);
/// table.push_row(&layout, 3, &[" ", ""]);
/// table.push_row(&layout, 4, &["M"]);
/// assert_eq!(table.rows, [LinkRow::new("M", "S")]);
/// assert_eq!(table.bad_rows.iter().map(|b| b.line).collect::<Vec<_>>(), [4]);
/// # Ok::<(), onr_core::linking::TableError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkTable {
    /// The usable rows, in order.
    pub rows: Vec<LinkRow>,
    /// The unusable rows, in order.
    pub bad_rows: Vec<BadRow>,
}

impl LinkTable {
    /// Reads one data row into the table: a blank row (no field, or every field empty or
    /// whitespace) is skipped, a usable row is added to [`rows`](LinkTable::rows), an
    /// unusable one to [`bad_rows`](LinkTable::bad_rows) with `line`. For a reader that
    /// streams its records (as `onr links check` does); [`read_table`] reads a whole table.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::linking::{LinkTable, TableError, TableLayout};
    /// let layout = TableLayout::from_header(&["master_oid", "slave_oid", "slave_duplicate"])?;
    /// let mut table = LinkTable::default();
    /// table.push_row(&layout, 0, &["M", "S", "perhaps"]);
    /// table.push_row(&layout, 1, &["", "", ""]);
    /// assert!(table.rows.is_empty());
    /// assert_eq!(table.bad_rows[0].error, TableError::BadFlag { column: "slave_duplicate" });
    /// assert_eq!(table.bad_rows.len(), 1);
    /// # Ok::<(), TableError>(())
    /// ```
    pub fn push_row<S: AsRef<str>>(&mut self, layout: &TableLayout, line: u64, fields: &[S]) {
        if fields.iter().all(|f| f.as_ref().trim().is_empty()) {
            return;
        }
        match layout.row(fields) {
            Ok(row) => self.rows.push(row),
            Err(error) => self.bad_rows.push(BadRow { line, error }),
        }
    }
}

/// Reads a whole link table, as `onr links check` reads a CSV file: the header names the
/// columns ([`TableLayout::from_header`]), each data row is read by [`TableLayout::row`],
/// blank rows (every field empty or whitespace) are skipped, and an unusable row doesn't stop
/// the others: the result lists every one with its `line`, the number the caller gave it.
///
/// # Errors
///
/// Only for the header: [`TableError::MissingColumn`], [`TableError::RepeatedColumn`]. An
/// unusable data row is in [`LinkTable::bad_rows`].
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::linking::{read_table, LinkRow};
///
/// let header = ["master_oid", "slave_oid", "slave_duplicate"];
/// let rows = [vec!["M", "S", "true"], vec!["", ""], vec!["M", ""], vec!["M", "T", "?"]];
/// // Numbered as lines of a CSV file whose header is line 1.
/// let table = read_table(&header, (2..).zip(rows))?;
/// assert_eq!(table.rows.len(), 1);
/// assert_eq!(table.rows[0].slave_duplicate, Some(true));
/// let bad: Vec<_> = table.bad_rows.iter().map(|b| (b.line, b.error.code())).collect();
/// assert_eq!(bad, [(4, "link.table.empty_oid"), (5, "link.table.bad_flag")]);
/// # Ok::<(), onr_core::linking::TableError>(())
/// ```
pub fn read_table<H, I, R, S>(header: &[H], rows: I) -> Result<LinkTable, TableError>
where
    H: AsRef<str>,
    I: IntoIterator<Item = (u64, R)>,
    R: AsRef<[S]>,
    S: AsRef<str>,
{
    let layout = TableLayout::from_header(header)?;
    let mut table = LinkTable::default();
    for (line, fields) in rows {
        table.push_row(&layout, line, fields.as_ref());
    }
    Ok(table)
}

/// A broken invariant of a link table.
///
/// # Example
///
/// ```
/// use onr_core::linking::{check_links, LinkRow, Violation};
/// let v = check_links(&[LinkRow::new("M1", "S"), LinkRow::new("M2", "S")]);
/// assert_eq!(v, vec![Violation::SeveralMasters { slave: "S".into(), masters: vec!["M1".into(), "M2".into()] }]);
/// assert_eq!(v[0].kind(), "several_masters");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Violation {
    /// A person linked to itself.
    SelfLink {
        /// The person.
        oid: String,
    },
    /// A slave with more than one distinct master.
    SeveralMasters {
        /// The slave.
        slave: String,
        /// Its masters, in row order.
        masters: Vec<String>,
    },
    /// A person that is both a slave and a master: a chain of more than two levels.
    Chain {
        /// The person in the middle.
        oid: String,
        /// Its masters, in row order.
        masters: Vec<String>,
        /// Its slaves, in row order.
        slaves: Vec<String>,
    },
    /// Persons linked in a cycle (each reaches the others by following master → slave).
    Cycle {
        /// The persons of the cycle, in order of first appearance.
        oids: Vec<String>,
    },
    /// A slave whose `duplicate` flag is false.
    SlaveNotDuplicate {
        /// The slave.
        oid: String,
    },
    /// A slave whose `passivoitu` flag is false.
    SlaveNotPassivated {
        /// The slave.
        oid: String,
    },
    /// A master whose `passivoitu` flag is true.
    MasterPassivated {
        /// The master.
        oid: String,
    },
    /// A master whose `duplicate` flag is true.
    MasterDuplicate {
        /// The master.
        oid: String,
    },
    /// The table gives different values of one person's flag on different rows.
    InconsistentFlags {
        /// The person.
        oid: String,
    },
}

impl Violation {
    /// The violation's kind as a stable snake-case word.
    ///
    /// # Example
    ///
    /// ```
    /// let v = onr_core::linking::Violation::SelfLink { oid: "A".into() };
    /// assert_eq!(v.kind(), "self_link");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Violation::SelfLink { .. } => "self_link",
            Violation::SeveralMasters { .. } => "several_masters",
            Violation::Chain { .. } => "chain",
            Violation::Cycle { .. } => "cycle",
            Violation::SlaveNotDuplicate { .. } => "slave_not_duplicate",
            Violation::SlaveNotPassivated { .. } => "slave_not_passivated",
            Violation::MasterPassivated { .. } => "master_passivated",
            Violation::MasterDuplicate { .. } => "master_duplicate",
            Violation::InconsistentFlags { .. } => "inconsistent_flags",
        }
    }

    /// Every OID involved, the subject first.
    ///
    /// # Example
    ///
    /// ```
    /// let v = onr_core::linking::Violation::SeveralMasters { slave: "S".into(), masters: vec!["A".into(), "B".into()] };
    /// assert_eq!(v.oids(), vec!["S", "A", "B"]);
    /// ```
    pub fn oids(&self) -> Vec<&str> {
        match self {
            Violation::SelfLink { oid }
            | Violation::SlaveNotDuplicate { oid }
            | Violation::SlaveNotPassivated { oid }
            | Violation::MasterPassivated { oid }
            | Violation::MasterDuplicate { oid }
            | Violation::InconsistentFlags { oid } => vec![oid],
            Violation::SeveralMasters { slave, masters } => std::iter::once(slave)
                .chain(masters)
                .map(String::as_str)
                .collect(),
            Violation::Chain {
                oid,
                masters,
                slaves,
            } => std::iter::once(oid)
                .chain(masters)
                .chain(slaves)
                .map(String::as_str)
                .collect(),
            Violation::Cycle { oids } => oids.iter().map(String::as_str).collect(),
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Violation::SelfLink { .. } => 0,
            Violation::SeveralMasters { .. } => 1,
            Violation::Chain { .. } => 2,
            Violation::Cycle { .. } => 3,
            Violation::SlaveNotDuplicate { .. } => 4,
            Violation::SlaveNotPassivated { .. } => 5,
            Violation::MasterPassivated { .. } => 6,
            Violation::MasterDuplicate { .. } => 7,
            Violation::InconsistentFlags { .. } => 8,
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::SelfLink { oid } => write!(f, "{oid} is linked to itself"),
            Violation::SeveralMasters { slave, masters } => {
                write!(
                    f,
                    "slave {slave} has {} masters: {}",
                    masters.len(),
                    masters.join(", ")
                )
            }
            Violation::Chain {
                oid,
                masters,
                slaves,
            } => write!(
                f,
                "{oid} is a slave of {} and a master of {}",
                masters.join(", "),
                slaves.join(", ")
            ),
            Violation::Cycle { oids } => write!(f, "link cycle through {}", oids.join(", ")),
            Violation::SlaveNotDuplicate { oid } => {
                write!(f, "slave {oid} is not flagged duplicate")
            }
            Violation::SlaveNotPassivated { oid } => write!(f, "slave {oid} is not passivated"),
            Violation::MasterPassivated { oid } => write!(f, "master {oid} is passivated"),
            Violation::MasterDuplicate { oid } => write!(f, "master {oid} is flagged duplicate"),
            Violation::InconsistentFlags { oid } => {
                write!(f, "rows disagree about the flags of {oid}")
            }
        }
    }
}

code_table! {
    /// Every code of [`Violation`], in the order of its variants.
    Violation {
        Violation::SelfLink { .. } => "link.check.self_link", Category::Consistency;
        Violation::SeveralMasters { .. } => "link.check.several_masters", Category::Consistency;
        Violation::Chain { .. } => "link.check.chain", Category::Consistency;
        Violation::Cycle { .. } => "link.check.cycle", Category::Consistency;
        Violation::SlaveNotDuplicate { .. } => "link.check.slave_not_duplicate", Category::Consistency;
        Violation::SlaveNotPassivated { .. } => "link.check.slave_not_passivated", Category::Consistency;
        Violation::MasterPassivated { .. } => "link.check.master_passivated", Category::Consistency;
        Violation::MasterDuplicate { .. } => "link.check.master_duplicate", Category::Consistency;
        Violation::InconsistentFlags { .. } => "link.check.inconsistent_flags", Category::Consistency;
    }
}

impl Coded for Violation {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        let j = |v: &[String]| v.join(", ");
        match lang {
            Lang::En => self.to_string(),
            Lang::Fi => match self {
                Violation::SelfLink { oid } => format!("{oid} on linkitetty itseensä"),
                Violation::SeveralMasters { slave, masters } => {
                    format!(
                        "duplikaatilla {slave} on {} masteria: {}",
                        masters.len(),
                        j(masters)
                    )
                }
                Violation::Chain {
                    oid,
                    masters,
                    slaves,
                } => format!(
                    "{oid} on henkilön {} duplikaatti ja henkilöiden {} master",
                    j(masters),
                    j(slaves)
                ),
                Violation::Cycle { oids } => format!("linkitykset muodostavat kehän: {}", j(oids)),
                Violation::SlaveNotDuplicate { oid } => {
                    format!("duplikaattia {oid} ei ole merkitty duplikaatiksi")
                }
                Violation::SlaveNotPassivated { oid } => {
                    format!("duplikaattia {oid} ei ole passivoitu")
                }
                Violation::MasterPassivated { oid } => format!("master {oid} on passivoitu"),
                Violation::MasterDuplicate { oid } => {
                    format!("master {oid} on merkitty duplikaatiksi")
                }
                Violation::InconsistentFlags { oid } => {
                    format!("rivit antavat henkilön {oid} lipuille eri arvoja")
                }
            },
            Lang::Sv => match self {
                Violation::SelfLink { oid } => format!("{oid} är länkad till sig själv"),
                Violation::SeveralMasters { slave, masters } => {
                    format!(
                        "dubbletten {slave} har {} masters: {}",
                        masters.len(),
                        j(masters)
                    )
                }
                Violation::Chain {
                    oid,
                    masters,
                    slaves,
                } => format!(
                    "{oid} är dubblett till {} och master för {}",
                    j(masters),
                    j(slaves)
                ),
                Violation::Cycle { oids } => format!("länkarna bildar en cykel: {}", j(oids)),
                Violation::SlaveNotDuplicate { oid } => {
                    format!("dubbletten {oid} är inte markerad som dubblett")
                }
                Violation::SlaveNotPassivated { oid } => {
                    format!("dubbletten {oid} är inte passiverad")
                }
                Violation::MasterPassivated { oid } => format!("mastern {oid} är passiverad"),
                Violation::MasterDuplicate { oid } => {
                    format!("mastern {oid} är markerad som dubblett")
                }
                Violation::InconsistentFlags { oid } => {
                    format!("raderna ger olika värden för flaggorna för {oid}")
                }
            },
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Seen {
    passivoitu: Option<bool>,
    duplicate: Option<bool>,
    inconsistent: bool,
}

impl Seen {
    fn note(slot: &mut Option<bool>, v: Option<bool>, inconsistent: &mut bool) {
        if let Some(v) = v {
            match slot {
                Some(old) if *old != v => *inconsistent = true,
                _ => *slot = Some(v),
            }
        }
    }
}

/// Checks a link table against the invariants ONR's code keeps: no self links, one master per
/// slave, two levels only (no person both master and slave), no cycles, and — where the rows
/// carry flags — slaves `duplicate` and `passivoitu`, masters neither, and each person's
/// flags the same on every row. Repeated identical rows are not a violation (ONR itself
/// creates them when re-pointing).
///
/// Every violation is listed with the OIDs involved, ordered by kind and then by first
/// appearance. Runs in linear time and never panics.
///
/// # Example
///
/// ```
/// use onr_core::linking::{check_links, LinkRow, Violation};
///
/// let mut row = LinkRow::new("M", "S");
/// row.slave_duplicate = Some(false);
/// let v = check_links(&[row, LinkRow::new("S", "T")]);
/// assert_eq!(v.iter().map(|v| v.kind()).collect::<Vec<_>>(), ["chain", "slave_not_duplicate"]);
/// ```
pub fn check_links(rows: &[LinkRow]) -> Vec<Violation> {
    let mut names = Interner::with_capacity(rows.len() * 2);
    let mut edges: Vec<(Id, Id)> = Vec::with_capacity(rows.len());
    let mut self_links: Vec<Id> = Vec::new();
    let mut flags: HashMap<Id, Seen> = HashMap::new();
    for row in rows {
        let m = names.intern(&row.master_oid);
        let s = names.intern(&row.slave_oid);
        {
            let seen = flags.entry(m).or_default();
            let mut inc = seen.inconsistent;
            Seen::note(&mut seen.passivoitu, row.master_passivoitu, &mut inc);
            Seen::note(&mut seen.duplicate, row.master_duplicate, &mut inc);
            seen.inconsistent = inc;
        }
        {
            let seen = flags.entry(s).or_default();
            let mut inc = seen.inconsistent;
            Seen::note(&mut seen.passivoitu, row.slave_passivoitu, &mut inc);
            Seen::note(&mut seen.duplicate, row.slave_duplicate, &mut inc);
            seen.inconsistent = inc;
        }
        if m == s {
            if !self_links.contains(&m) {
                self_links.push(m);
            }
        } else {
            edges.push((m, s));
        }
    }
    let n = names.len();
    let name = |id: Id| names.name(id).to_owned();

    // Distinct masters and slaves per person, in row order.
    let mut masters_of: Vec<Vec<Id>> = vec![Vec::new(); n];
    let mut slaves_of: Vec<Vec<Id>> = vec![Vec::new(); n];
    let mut pair_seen = std::collections::HashSet::with_capacity(edges.len());
    let mut distinct_edges = Vec::with_capacity(edges.len());
    for &(m, s) in &edges {
        if pair_seen.insert((m, s)) {
            masters_of[s as usize].push(m);
            slaves_of[m as usize].push(s);
            distinct_edges.push((m, s));
        }
    }

    let mut out: Vec<(usize, Violation)> = Vec::new();
    // Order of first appearance: the interned id.
    for &id in &self_links {
        out.push((id as usize, Violation::SelfLink { oid: name(id) }));
    }
    for id in 0..n {
        let ms = &masters_of[id];
        if ms.len() > 1 {
            out.push((
                id,
                Violation::SeveralMasters {
                    slave: name(id as Id),
                    masters: ms.iter().map(|&m| name(m)).collect(),
                },
            ));
        }
        if !ms.is_empty() && !slaves_of[id].is_empty() {
            out.push((
                id,
                Violation::Chain {
                    oid: name(id as Id),
                    masters: ms.iter().map(|&m| name(m)).collect(),
                    slaves: slaves_of[id].iter().map(|&s| name(s)).collect(),
                },
            ));
        }
    }
    for mut scc in cycles(n, &slaves_of) {
        scc.sort_unstable();
        let first = scc[0] as usize;
        out.push((
            first,
            Violation::Cycle {
                oids: scc.iter().map(|&i| name(i)).collect(),
            },
        ));
    }
    for id in 0..n {
        let Some(seen) = flags.get(&(id as Id)) else {
            continue;
        };
        let oid = || name(id as Id);
        let is_slave = !masters_of[id].is_empty();
        let is_master = !slaves_of[id].is_empty();
        if is_slave && seen.duplicate == Some(false) {
            out.push((id, Violation::SlaveNotDuplicate { oid: oid() }));
        }
        if is_slave && seen.passivoitu == Some(false) {
            out.push((id, Violation::SlaveNotPassivated { oid: oid() }));
        }
        if is_master && seen.passivoitu == Some(true) {
            out.push((id, Violation::MasterPassivated { oid: oid() }));
        }
        if is_master && seen.duplicate == Some(true) {
            out.push((id, Violation::MasterDuplicate { oid: oid() }));
        }
        if seen.inconsistent {
            out.push((id, Violation::InconsistentFlags { oid: oid() }));
        }
    }
    out.sort_by_key(|(first, v)| (v.rank(), *first));
    out.into_iter().map(|(_, v)| v).collect()
}

/// The strongly connected components with more than one member (iterative Tarjan: no
/// recursion, so deep chains cannot overflow the stack).
fn cycles(n: usize, succ: &[Vec<Id>]) -> Vec<Vec<Id>> {
    const UNSEEN: u32 = u32::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<Id> = Vec::new();
    let mut out = Vec::new();
    let mut next = 0u32;
    // (node, position in its successor list)
    let mut call: Vec<(Id, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN || succ[root].is_empty() {
            continue;
        }
        call.push((root as Id, 0));
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root as Id);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = call.last_mut() {
            let vu = v as usize;
            if let Some(&w) = succ[vu].get(*pos) {
                *pos += 1;
                let wu = w as usize;
                if index[wu] == UNSEEN {
                    index[wu] = next;
                    low[wu] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[wu] = true;
                    call.push((w, 0));
                } else if on_stack[wu] {
                    low[vu] = low[vu].min(index[wu]);
                }
            } else {
                call.pop();
                if let Some(&(parent, _)) = call.last() {
                    let pu = parent as usize;
                    low[pu] = low[pu].min(low[vu]);
                }
                if low[vu] == index[vu] {
                    let mut comp = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w as usize] = false;
                        comp.push(w);
                        if w == v {
                            break;
                        }
                    }
                    if comp.len() > 1 {
                        out.push(comp);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(pairs: &[(&str, &str)]) -> Vec<LinkRow> {
        pairs.iter().map(|(m, s)| LinkRow::new(*m, *s)).collect()
    }

    #[test]
    fn consistent_table_has_no_violation() {
        let r = rows(&[("M", "S1"), ("M", "S2"), ("N", "T"), ("M", "S1")]);
        assert!(check_links(&r).is_empty());
        assert!(check_links(&[]).is_empty());
    }

    #[test]
    fn every_kind_is_found() {
        let mut r = rows(&[("A", "A"), ("M1", "S"), ("M2", "S"), ("X", "Y"), ("Y", "Z")]);
        let mut flagged = LinkRow::new("P", "Q");
        flagged.master_passivoitu = Some(true);
        flagged.master_duplicate = Some(true);
        flagged.slave_passivoitu = Some(false);
        flagged.slave_duplicate = Some(false);
        r.push(flagged);
        let mut contradict = LinkRow::new("P", "Q2");
        contradict.master_passivoitu = Some(false);
        r.push(contradict);
        let kinds: Vec<_> = check_links(&r).iter().map(Violation::kind).collect();
        assert_eq!(
            kinds,
            [
                "self_link",
                "several_masters",
                "chain",
                "slave_not_duplicate",
                "slave_not_passivated",
                "master_passivated",
                "master_duplicate",
                "inconsistent_flags"
            ]
        );
    }

    #[test]
    fn cycles_are_found_with_their_members() {
        let r = rows(&[("A", "B"), ("B", "C"), ("C", "A"), ("D", "E"), ("E", "D")]);
        let v = check_links(&r);
        let cycles: Vec<_> = v
            .iter()
            .filter_map(|v| match v {
                Violation::Cycle { oids } => Some(oids.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(cycles, vec![vec!["A", "B", "C"], vec!["D", "E"]]);
    }

    #[test]
    fn deep_chain_does_not_overflow() {
        let names: Vec<String> = (0..200_000).map(|i| format!("p{i}")).collect();
        let mut r: Vec<LinkRow> = names
            .windows(2)
            .map(|w| LinkRow::new(w[0].clone(), w[1].clone()))
            .collect();
        r.push(LinkRow::new(names[199_999].clone(), names[0].clone()));
        let v = check_links(&r);
        assert!(v
            .iter()
            .any(|v| matches!(v, Violation::Cycle { oids } if oids.len() == 200_000)));
    }

    #[test]
    fn layout_reads_flags_and_rejects_junk() {
        let l = TableLayout::from_header(&["x", "master_oid", "SLAVE_OID", "slave_passivoitu"])
            .unwrap();
        assert!(l.has_flags());
        let r = l.row(&["", " M ", "S", "T"]).unwrap();
        assert_eq!(
            (r.master_oid.as_str(), r.slave_passivoitu),
            ("M", Some(true))
        );
        assert_eq!(
            l.row(&["", "M", "S", "maybe"]),
            Err(TableError::BadFlag {
                column: "slave_passivoitu"
            })
        );
        assert_eq!(
            l.row(&["", "M"]),
            Err(TableError::MissingField {
                column: "slave_oid"
            })
        );
        assert_eq!(l.row(&["", "M", "S"]).unwrap().slave_passivoitu, None);
        assert_eq!(
            TableLayout::from_header(&["master_oid", "master_oid", "slave_oid"]),
            Err(TableError::RepeatedColumn {
                column: "master_oid"
            })
        );
        assert_eq!(
            TableLayout::from_header(&["master_oid"]),
            Err(TableError::MissingColumn {
                column: "slave_oid"
            })
        );
    }

    #[test]
    fn read_table_skips_blank_rows_and_keeps_every_bad_row() {
        let header = ["master_oid", "slave_oid", "slave_duplicate"];
        let rows: Vec<(u64, Vec<&str>)> = vec![
            (2, vec!["M", "S1", "t"]),
            (3, vec![]),
            (4, vec![" ", "\t", ""]),
            (5, vec!["M", " "]),
            (6, vec!["M", "S2"]),
            (7, vec!["M", "S3", "perhaps"]),
            (8, vec!["", ""]),
            (9, vec!["M"]),
        ];
        let table = read_table(&header, rows).unwrap();
        let slaves: Vec<_> = table.rows.iter().map(|r| r.slave_oid.as_str()).collect();
        assert_eq!(slaves, ["S1", "S2"]);
        assert_eq!(table.rows[0].slave_duplicate, Some(true));
        assert_eq!(
            table.bad_rows,
            [
                BadRow {
                    line: 5,
                    error: TableError::EmptyOid {
                        column: "slave_oid"
                    }
                },
                BadRow {
                    line: 7,
                    error: TableError::BadFlag {
                        column: "slave_duplicate"
                    }
                },
                BadRow {
                    line: 9,
                    error: TableError::MissingField {
                        column: "slave_oid"
                    }
                },
            ]
        );
    }

    #[test]
    fn read_table_refuses_only_a_bad_header() {
        let none: [(u64, [&str; 2]); 0] = [];
        assert_eq!(
            read_table(&["master_oid"], none),
            Err(TableError::MissingColumn {
                column: "slave_oid"
            })
        );
        assert_eq!(
            read_table(&["slave_oid", "master_oid"], none),
            Ok(LinkTable::default())
        );
    }

    #[test]
    fn a_blank_row_alone_is_still_an_error_for_row() {
        // `TableLayout::row` reads one row strictly; only the table reader skips blank rows.
        let l = TableLayout::from_header(&["master_oid", "slave_oid"]).unwrap();
        assert_eq!(
            l.row(&["", ""]),
            Err(TableError::EmptyOid {
                column: "master_oid"
            })
        );
        let mut table = LinkTable::default();
        table.push_row(&l, 1, &["", ""]);
        assert_eq!(table, LinkTable::default());
    }

    #[test]
    fn messages_exist_in_every_language() {
        let v = Violation::Chain {
            oid: "X".into(),
            masters: vec!["M".into()],
            slaves: vec!["S".into()],
        };
        for lang in Lang::ALL {
            assert!(v.message(lang).contains('X'));
        }
        assert_eq!(v.code(), "link.check.chain");
    }
}
