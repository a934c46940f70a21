//! The one reader of `tests/vectors/*.tsv` for the Rust tests.

// Each test uses a part of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// Undoes the escapes of `tests/vectors/*.tsv`, the one dialect (`CONTRIBUTING.md`, "Escapes"):
/// `\\`, `\t`, `\n`, `\r` and `\u{HEX}`; everything else is literal UTF-8. Any other escape
/// (the retired `\uXXXX` / `\UXXXXXXXX` form included) panics with the field, so a stray one
/// fails loudly.
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
                let rest = chars.as_str();
                let hex = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .map(|(hex, _)| hex)
                    .unwrap_or_else(|| {
                        panic!("bad escape in {s:?}: \\u must be \\u{{HEX}} (the old \\uXXXX form is retired)")
                    });
                out.push(scalar(hex, s));
                chars = rest[hex.len() + 2..].chars();
            }
            Some(k) => panic!(
                "unknown escape \\{k} in {s:?}: the vectors know \\\\ \\t \\n \\r and \\u{{HEX}}"
            ),
            None => panic!("a lone backslash ends {s:?}: write \\\\"),
        }
    }
    out
}

fn scalar(hex: &str, field: &str) -> char {
    (!hex.is_empty() && hex.len() <= 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u32::from_str_radix(hex, 16).ok())
        .flatten()
        .and_then(char::from_u32)
        .unwrap_or_else(|| {
            panic!("bad \\u{{{hex}}} in {field:?}: not a Unicode scalar value in hex")
        })
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
