#![no_main]
//! The link-table loader and the invariant checker on arbitrary CSV: never a panic, and the
//! checker agrees with the registry built from the same rows.

use libfuzzer_sys::fuzz_target;
use onr_core::linking::{check_links, LinkRow, Registry, TableLayout};
use onr_core::Environment;

fuzz_target!(|data: &[u8]| {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(data);
    let Ok(header) = reader.headers().cloned() else {
        return;
    };
    let header: Vec<&str> = header.iter().collect();
    let Ok(layout) = TableLayout::from_header(&header) else {
        return;
    };
    let mut rows: Vec<LinkRow> = Vec::new();
    for record in reader.records() {
        let Ok(record) = record else { return };
        let fields: Vec<&str> = record.iter().collect();
        if let Ok(row) = layout.row(&fields) {
            assert!(!row.master_oid.is_empty() && !row.slave_oid.is_empty());
            rows.push(row);
        }
    }
    let violations = check_links(&rows);
    for v in &violations {
        assert!(!v.oids().is_empty());
        let _ = v.to_string();
    }
    let reg = Registry::from_links(
        Environment::Production,
        rows.iter().map(|r| (r.master_oid.as_str(), r.slave_oid.as_str())),
    );
    assert_eq!(reg.link_count(), rows.len());
    // Without flags the registry's own check sees the same links.
    let unflagged: Vec<LinkRow> = rows
        .iter()
        .map(|r| LinkRow::new(r.master_oid.clone(), r.slave_oid.clone()))
        .collect();
    assert_eq!(reg.check(), check_links(&unflagged));
    for r in &rows {
        let master = reg.resolve(&r.slave_oid);
        assert!(reg.masters_of(&r.slave_oid).contains(&master));
        assert!(reg.group(&r.slave_oid).contains(&master));
        let _ = reg.duplicate_henkilos(Some(&[r.slave_oid.as_str()]));
    }
});
