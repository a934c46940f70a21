//! No panic reaches UniFFI: every `#[uniffi::export]` function, constructor and method runs its
//! body inside `crate::error::shielded` (UniFFI would otherwise carry the panic's text to
//! Kotlin). The test reads the sources, so an export added without the shield fails here.

use std::path::Path;

/// Every `.rs` file under `src/` (sorted, relative to the crate), so a new file is scanned too.
fn source_files(root: &Path) -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root.join("src"), &mut out);
    out.sort();
    out
}

/// Exports that need no shield, by name: constant name and code tables (`*_names`,
/// `*_codes`: a copy of a `const` array cannot panic short of running out of memory, which
/// aborts anyway), the problem the facade reports a panic with, and the test hook that panics
/// outside the shield on purpose (to test the facade's last guard).
fn exempt(name: &str) -> bool {
    name.ends_with("_names")
        || name.ends_with("_codes")
        || name == "internal_panic_problem"
        || name == "unshielded_panic_for_test"
}

/// An exported function: its name and its body's text.
#[derive(Debug)]
struct Export {
    name: String,
    body: String,
}

/// The exported functions of one source file (rustfmt's layout: a body ends at the `}` on
/// the indentation of its `fn`).
fn exports(source: &str) -> Vec<Export> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() != "#[uniffi::export]" {
            i += 1;
            continue;
        }
        // Skip further attributes and doc comments to the item.
        let mut j = i + 1;
        while j < lines.len() && {
            let t = lines[j].trim_start();
            t.starts_with("#[") || t.starts_with("///")
        } {
            j += 1;
        }
        let item = lines[j];
        if item.trim_start().starts_with("impl ") {
            // An exported impl block: every `pub fn` up to its closing `}` at column 0.
            let mut k = j + 1;
            while k < lines.len() && lines[k] != "}" {
                if lines[k].trim_start().starts_with("pub fn ") {
                    let (export, end) = function(&lines, k);
                    out.push(export);
                    k = end;
                }
                k += 1;
            }
            i = k;
        } else {
            let (export, end) = function(&lines, j);
            out.push(export);
            i = end;
        }
    }
    out
}

/// The function starting at line `start` and the line of its closing brace.
fn function(lines: &[&str], start: usize) -> (Export, usize) {
    let line = lines[start];
    let indent = line.len() - line.trim_start().len();
    let name = line
        .trim_start()
        .trim_start_matches("pub ")
        .trim_start_matches("fn ")
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        line.trim_start().starts_with("pub fn "),
        "not a function: {line}"
    );
    let closing = format!("{}}}", " ".repeat(indent));
    let mut end = start;
    while end < lines.len() && lines[end] != closing {
        end += 1;
    }
    let body = lines[start..end.min(lines.len())].join("\n");
    (Export { name, body }, end)
}

#[test]
fn every_export_is_shielded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    let mut unshielded = Vec::new();
    for path in source_files(root) {
        let source = std::fs::read_to_string(&path).expect("a source file");
        let file = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        for e in exports(&source) {
            checked += 1;
            if !exempt(&e.name) && !e.body.contains("shielded(") {
                unshielded.push(format!("{file}: {}", e.name));
            }
        }
    }
    assert!(
        unshielded.is_empty(),
        "exports without shielded(): {unshielded:#?}"
    );
    // The scan finds what is there (well over 100 exports in the crate).
    assert!(
        checked > 100,
        "only {checked} exports found: the scan is broken"
    );
}

#[test]
fn the_scan_finds_free_functions_constructors_and_methods() {
    let source = r#"
/// Doc.
#[uniffi::export]
pub fn plain(x: i32) -> i32 {
    x + 1
}

#[uniffi::export]
pub fn guarded(x: i32) -> Result<i32, NativeError> {
    shielded(|| Ok(x))
}

#[uniffi::export]
impl Thing {
    /// New.
    #[uniffi::constructor]
    pub fn new() -> Thing {
        Thing
    }

    pub fn method(
        &self,
    ) -> Result<(), NativeError> {
        shielded(|| Ok(()))
    }
}

pub fn not_exported() {}
"#;
    let found = exports(source);
    let names: Vec<_> = found.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["plain", "guarded", "new", "method"]);
    let bare: Vec<_> = found
        .iter()
        .filter(|e| !e.body.contains("shielded("))
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(bare, ["plain", "new"]);
}
