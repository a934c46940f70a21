//! The existing-persons fixture (`tests/existing/`), the file the Python and Java suites read
//! too: both formats give the same persons and duplicate-search records.

use onr_core::import::existing::{read, ExistingFormat};
use onr_core::input::Encoding;

#[test]
fn the_shared_fixture_reads_in_both_formats_alike() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/existing/");
    let file = |name: &str| {
        read(
            std::fs::read(format!("{root}{name}")).unwrap(),
            ExistingFormat::of_file_name(name),
            Encoding::Utf8,
        )
        .unwrap()
    };
    let from_csv = file("persons.csv");
    let from_json = file("persons.json");
    assert_eq!(from_csv.persons.len(), 3);
    assert_eq!(from_csv.persons, from_json.persons);
    assert_eq!(from_csv.records, from_json.records);
    let p = &from_csv.persons[1];
    assert_eq!(p.hetu, None);
    assert_eq!(p.passinumerot, ["XK1111111", "XK7654321"]);
    assert_eq!(p.sahkopostit, ["olga@example.fi"]);
    assert_eq!(from_csv.persons[2].hetu_history, ["021106A9157"]);
    let r = from_csv.records.unwrap();
    assert!(!r[0].passivoitu && !r[0].duplicate);
    assert!(r[2].passivoitu && r[2].duplicate);
    assert_eq!(r[1].syntymaaika, None);
    assert_eq!(
        r[0].syntymaaika.map(|d| d.to_string()).as_deref(),
        Some("2005-03-14")
    );
}
