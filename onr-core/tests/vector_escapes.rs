//! The one escape dialect of `tests/vectors/*.tsv` as the Rust reader (`common::unescape`)
//! reads it: the known escapes, and a loud failure for any other (the retired `\uXXXX` /
//! `\UXXXXXXXX` form included).

mod common;

use common::unescape;

#[test]
fn the_one_dialect_is_read() {
    assert_eq!(
        unescape(r"a\\b\tc\nd\re\u{0}\u{1D7CE}\u{7F}f"),
        "a\\b\tc\nd\re\u{0}\u{1D7CE}\u{7F}f"
    );
    assert_eq!(unescape("plain ä 𝟎"), "plain ä 𝟎");
}

#[test]
#[should_panic(expected = "old \\uXXXX form is retired")]
fn the_retired_short_form_fails() {
    unescape(r"12\u0000");
}

#[test]
#[should_panic(expected = "unknown escape \\U")]
fn the_retired_long_form_fails() {
    unescape(r"12\U0001D7CE");
}

#[test]
#[should_panic(expected = "unknown escape \\x")]
fn an_unknown_escape_fails() {
    unescape(r"\x41");
}

#[test]
#[should_panic(expected = "not a Unicode scalar value")]
fn a_surrogate_fails() {
    unescape(r"\u{D800}");
}

#[test]
#[should_panic(expected = "lone backslash")]
fn a_lone_backslash_fails() {
    unescape("a\\");
}

#[test]
fn every_vector_file_reads_in_the_dialect() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("tsv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for row in common::rows(&text) {
            for field in row {
                unescape(field);
            }
        }
        files += 1;
    }
    assert!(files >= 10, "{files} vector files in {}", dir.display());
}
