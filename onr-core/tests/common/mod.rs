//! The one reader of `tests/vectors/*.tsv` for the Rust tests.

// Each test uses a part of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// Undoes the escapes of `tests/vectors/*.tsv` (the one dialect, see `tests/vectors/README.md`):
/// `\\`, `\t`, `\n`, `\r` and `\u{HEX}`. The older `\uXXXX` / `\UXXXXXXXX` form, which two hetu
/// files still use, is read as well until those are rewritten.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
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
            Some('u') if chars.peek() == Some(&'{') => {
                chars.next();
                let hex: String = chars.by_ref().take_while(|&h| h != '}').collect();
                out.push(scalar(&hex, s));
            }
            Some(k @ ('u' | 'U')) => {
                let hex: String = chars.by_ref().take(if k == 'u' { 4 } else { 8 }).collect();
                out.push(scalar(&hex, s));
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

fn scalar(hex: &str, field: &str) -> char {
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or_else(|| panic!("bad hex escape {hex:?} in {field:?}"))
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

/// Every data line of a vector file (not the `#` comments, the header line included), split at
/// tabs and unescaped.
pub fn read(name: &str) -> Vec<Vec<String>> {
    let (_, text) = vectors(name, "ONR_VECTORS_NO_OVERRIDE");
    rows(&text)
        .filter(|row| row != &[""])
        .map(|row| row.into_iter().map(unescape).collect())
        .collect()
}
