//! Input and output shared by the subcommands.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::Context;

/// Opens a file, or standard input for `None` or `-`.
pub fn open_input(path: Option<&Path>) -> anyhow::Result<Box<dyn BufRead>> {
    match path {
        None => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(p) if p.as_os_str() == "-" => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(p) => Ok(Box::new(BufReader::with_capacity(1 << 16, open_path(p)?))),
    }
}

/// Opens a regular file for reading; the error names the path (a directory included).
pub fn open_path(path: &Path) -> anyhow::Result<File> {
    if path.is_dir() {
        anyhow::bail!("{}: is a directory, expected a file", path.display());
    }
    File::open(path).with_context(|| format!("cannot open {}", path.display()))
}

/// A buffered, locked standard output.
pub fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// One input line: its text without the line break, or the bytes when they are not UTF-8.
pub enum Line<'a> {
    Text(&'a str),
    NotUtf8,
}

/// Calls `f` for every line of the input, in order, read by onr-core's input policy
/// ([`onr_core::input::line_text`]): only the line break (`\n` or `\r\n`) and a leading BOM
/// are removed; every other character, spaces and tabs included, is part of the input.
pub fn for_each_line(
    mut input: impl BufRead,
    mut f: impl FnMut(Line<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut buf = Vec::with_capacity(256);
    let mut first = true;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .context("cannot read input")?;
        if n == 0 {
            return Ok(());
        }
        match onr_core::input::line_text(&buf, first) {
            Some(s) => f(Line::Text(s))?,
            None => f(Line::NotUtf8)?,
        }
        first = false;
    }
}

/// Writes a JSON value and a newline.
pub fn write_json_line(out: &mut impl Write, value: &serde_json::Value) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}
