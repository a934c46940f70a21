//! Helpers shared by the integration tests that read `tests/vectors/*.tsv`.

use std::path::PathBuf;

/// Undoes the escapes of the ground-truth fixtures: `\\`, `\t`, `\n`, `\r` and `\u{HEX}`.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "bad escape in {s:?}");
                let hex: String = chars.by_ref().take_while(|&h| h != '}').collect();
                let cp = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(cp).expect("a scalar value"));
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

/// A vector file: `override_var` names another file to read instead (live differential tests).
pub fn vectors(name: &str, override_var: &str) -> (PathBuf, String) {
    let path = match std::env::var_os(override_var) {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/vectors")
            .join(name),
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, text)
}

/// The data lines (not `#` comments) split at tabs.
pub fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}
