//! The input policy: how every front end (the CLI's commands, Python, the JVM) turns the bytes
//! of a file into text, lines and CSV records. Written once here, so that a file means the
//! same thing to every command.
//!
//! | what | policy |
//! |---|---|
//! | empty input | an error, [`InputError::Empty`] (`input.empty`) |
//! | byte-order mark | a leading UTF-8 BOM is dropped (CSV, JSON and text lines alike) |
//! | encoding | UTF-8; invalid UTF-8 is an error naming the line ([`InputError::NotUtf8`], `input.not_utf8`), which says when the file looks like Windows-1252 / Latin-1 (Finnish Excel's CSV export); [`Encoding::Windows1252`] reads such a file (every byte is a character, so it never fails) |
//! | line ends | `\n` and `\r\n` end a line (a lone `\r` is a character); the last line needs none; lines count from 1 |
//! | CSV quotes | RFC 4180 (`"` opens a quoted cell, `""` is a quote inside it); a quote that never closes is an error naming the line where it opened ([`CsvShapeError::UnclosedQuote`]) |
//! | CSV header | names compared after trimming spaces; a recognised column named twice is an error ([`CsvShapeError::RepeatedColumn`]) |
//! | CSV cells | a line with more cells than the header is an error naming the line ([`CsvShapeError::ExtraCells`]); a line with fewer has empty cells at the end; blank lines are skipped but counted in line numbers |
//! | CSV delimiter | given by the caller, an ASCII character ([`delimiter`]; anything else is [`InputError::Delimiter`], `input.csv.delimiter`), or guessed from the header line by [`sniff_delimiter`]: `,` unless the header has no comma but a tab (then tab) or a semicolon (then `;`) |
//!
//! `CsvColumns` (feature `csv`) is the one reader that applies all of it to a CSV file with a
//! header row.
//!
//! # Example
//!
//! ```
//! use onr_core::input::{decode, Encoding, InputError};
//! assert_eq!(decode(b"\xEF\xBB\xBFhetu\r\n".to_vec(), Encoding::Utf8)?, "hetu\r\n");
//! assert_eq!(decode(b"Jyv\xe4skyl\xe4".to_vec(), Encoding::Windows1252)?, "Jyväskylä");
//! let err = decode(b"a\nJyv\xe4skyl\xe4\n".to_vec(), Encoding::Utf8).unwrap_err();
//! assert_eq!(err, InputError::NotUtf8 { line: 2, looks_like_windows_1252: true });
//! # Ok::<(), InputError>(())
//! ```

use std::collections::VecDeque;
use std::io;

#[cfg(feature = "csv")]
mod columns;
#[cfg(feature = "csv")]
pub use columns::{CsvColumns, CsvReadError};

use crate::error::{code_table, Category, Coded, Lang};

/// The character encoding of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (invalid bytes are an error).
    #[default]
    Utf8,
    /// Windows-1252, which also reads ISO-8859-1 (Latin-1) text (as the WHATWG encoding
    /// standard defines the label `latin1`).
    Windows1252,
}

impl Encoding {
    /// The encoding for a label: `utf-8`/`utf8`, `windows-1252`/`cp1252`/`latin1`/`iso-8859-1`
    /// (case-insensitive).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::input::Encoding;
    /// assert_eq!(Encoding::from_label("Latin1"), Some(Encoding::Windows1252));
    /// assert_eq!(Encoding::from_label("ebcdic"), None);
    /// ```
    pub fn from_label(label: &str) -> Option<Encoding> {
        match label.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" => {
                Some(Encoding::Windows1252)
            }
            _ => None,
        }
    }
}

/// An input that cannot be used as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The input has no bytes at all (or only a byte-order mark).
    #[error("{}", self.message(Lang::En))]
    Empty,
    /// The input is not UTF-8 text.
    #[error("{}", self.message(Lang::En))]
    NotUtf8 {
        /// The 1-based line of the first invalid byte.
        line: u64,
        /// Whether the bytes read as Windows-1252 / Latin-1 letters (`ä`, `ö`, `å`...).
        looks_like_windows_1252: bool,
    },
    /// The CSV delimiter the caller gave is not an ASCII character, or is the quote or a line
    /// break ([`delimiter`]).
    #[error("{}", self.message(Lang::En))]
    Delimiter {
        /// The character given.
        found: char,
    },
}

code_table! {
    /// Every code of [`InputError`], in the order of its variants.
    InputError {
        InputError::Empty => "input.empty", Category::Length;
        InputError::NotUtf8 { .. } => "input.not_utf8", Category::Format;
        InputError::Delimiter { .. } => "input.csv.delimiter", Category::Format;
    }
}

impl Coded for InputError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (InputError::Empty, Lang::En) => "empty file".into(),
            (InputError::Empty, Lang::Fi) => "tyhjä tiedosto".into(),
            (InputError::Empty, Lang::Sv) => "tom fil".into(),
            (InputError::Delimiter { found }, Lang::En) => format!(
                "the delimiter must be an ASCII character other than a quote or a line break, found {:?} (U+{:04X})",
                found, *found as u32
            ),
            (InputError::Delimiter { found }, Lang::Fi) => format!(
                "erottimen on oltava ASCII-merkki, ei lainausmerkki eikä rivinvaihto, löytyi {:?} (U+{:04X})",
                found, *found as u32
            ),
            (InputError::Delimiter { found }, Lang::Sv) => format!(
                "avgränsaren måste vara ett ASCII-tecken, inte citattecken eller radbrytning, hittade {:?} (U+{:04X})",
                found, *found as u32
            ),
            (
                InputError::NotUtf8 {
                    line,
                    looks_like_windows_1252,
                },
                lang,
            ) => {
                let hint = match (looks_like_windows_1252, lang) {
                    (false, _) => "",
                    (true, Lang::En) => ": it looks like Windows-1252 / Latin-1 (Excel's CSV export); read it with --encoding windows-1252 or save it as UTF-8",
                    (true, Lang::Fi) => ": se näyttää Windows-1252- / Latin-1-merkistöltä (Excelin CSV-vienti); lue se valitsimella --encoding windows-1252 tai tallenna se UTF-8-muodossa",
                    (true, Lang::Sv) => ": den ser ut som Windows-1252 / Latin-1 (Excels CSV-export); läs den med --encoding windows-1252 eller spara den som UTF-8",
                };
                match lang {
                    Lang::En => format!("line {line}: the file is not UTF-8 text{hint}"),
                    Lang::Fi => format!("rivi {line}: tiedosto ei ole UTF-8-tekstiä{hint}"),
                    Lang::Sv => format!("rad {line}: filen är inte UTF-8-text{hint}"),
                }
            }
        }
    }
}

/// Drops a leading UTF-8 byte-order mark.
///
/// # Example
///
/// ```
/// assert_eq!(onr_core::input::strip_bom("\u{feff}{}"), "{}");
/// ```
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The text of a whole input in `encoding`, without a leading byte-order mark.
///
/// # Errors
///
/// [`InputError::Empty`] for no bytes (or a BOM alone), [`InputError::NotUtf8`] for invalid
/// UTF-8 under [`Encoding::Utf8`].
///
/// # Example
///
/// ```
/// use onr_core::input::{decode, Encoding, InputError};
/// assert_eq!(decode(Vec::new(), Encoding::Utf8), Err(InputError::Empty));
/// ```
pub fn decode(bytes: Vec<u8>, encoding: Encoding) -> Result<String, InputError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if body.is_empty() {
        return Err(InputError::Empty);
    }
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(body) {
            Ok(_) => {
                let skip = bytes.len() - body.len();
                let mut bytes = bytes;
                bytes.drain(..skip);
                Ok(String::from_utf8(bytes).unwrap_or_default())
            }
            Err(e) => {
                let at = e.valid_up_to();
                let line = 1 + body[..at].iter().filter(|&&b| b == b'\n').count() as u64;
                Err(InputError::NotUtf8 {
                    line,
                    looks_like_windows_1252: looks_like_windows_1252(body),
                })
            }
        },
        Encoding::Windows1252 => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
            Ok(text.into_owned())
        }
    }
}

/// Whether invalid UTF-8 reads as Windows-1252 text: every non-ASCII byte is a Latin letter
/// or common punctuation of Windows-1252 and is not part of a valid UTF-8 sequence.
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    let (mut rest, mut letters) = (bytes, 0usize);
    while let Err(e) = std::str::from_utf8(rest) {
        let bad = &rest[e.valid_up_to()..];
        let n = e.error_len().unwrap_or(bad.len());
        for &b in &bad[..n] {
            match b {
                0xC0..=0xFF if b != 0xD7 && b != 0xF7 => letters += 1,
                0x80 | 0x8A | 0x8C | 0x8E | 0x91..=0x97 | 0x9A | 0x9C | 0x9E | 0x9F => {}
                0xA0..=0xBF => {}
                _ => return false,
            }
        }
        rest = &bad[n..];
    }
    letters > 0
}

/// The lines of a text by the policy: `\n` or `\r\n` ends a line, the last one needs none,
/// with their 1-based numbers.
///
/// # Example
///
/// ```
/// let lines: Vec<_> = onr_core::input::lines("a\r\n\nb").collect();
/// assert_eq!(lines, [(1, "a"), (2, ""), (3, "b")]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = (u64, &str)> {
    let text = strip_bom(text);
    let body = text.strip_suffix('\n').unwrap_or(text);
    let empty = text.is_empty();
    body.split('\n')
        .filter(move |_| !empty)
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l.strip_suffix('\r').unwrap_or(l)))
}

/// One line of a line-oriented input (a list of hetus, OIDs, pairs), read by the policy: the
/// line break (`\n` or `\r\n`) removed, a leading BOM dropped from the first line, and
/// `None` when the line is not UTF-8.
///
/// # Example
///
/// ```
/// use onr_core::input::line_text;
/// assert_eq!(line_text(b"\xEF\xBB\xBF010101A900R\r\n", true), Some("010101A900R"));
/// assert_eq!(line_text(b"\xEF\xBB\xBFx\n", false), Some("\u{feff}x"));
/// assert_eq!(line_text(b"\xe4\n", false), None);
/// ```
pub fn line_text(raw: &[u8], first: bool) -> Option<&str> {
    let raw = raw
        .strip_suffix(b"\n")
        .map_or(raw, |l| l.strip_suffix(b"\r").unwrap_or(l));
    let raw = if first {
        raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
    } else {
        raw
    };
    std::str::from_utf8(raw).ok()
}

/// A value as one field of tab-separated output: `\` `\t` `\n` `\r` and NUL written as
/// `\\` `\t` `\n` `\r` `\0` (PostgreSQL's COPY text format), so that a value can never add a
/// field or a line.
///
/// # Example
///
/// ```
/// use onr_core::input::tsv_field;
/// assert_eq!(tsv_field("1.2.246.562.24.1\tforged\nline\0"), "1.2.246.562.24.1\\tforged\\nline\\0");
/// assert_eq!(tsv_field("plain"), "plain");
/// ```
pub fn tsv_field(value: &str) -> std::borrow::Cow<'_, str> {
    if !value
        .bytes()
        .any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r' | 0))
    {
        return value.into();
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c => out.push(c),
        }
    }
    out.into()
}

/// The delimiter of a CSV file, guessed from its header line (the text up to the first `\n`; a
/// leading BOM does not matter): `,` when the header has a comma, else a tab when it has one,
/// else `;` when it has one, else `,`. A header of recognised column names never holds any of
/// these characters, so the guess only differs from `,` where `,` could not read the header.
///
/// Every CSV reader that takes no explicit delimiter uses it: `onr check`, `onr send`, the
/// existing-persons file ([`crate::import::existing`]) and the JVM's CSV check by default.
///
/// # Example
///
/// ```
/// use onr_core::input::sniff_delimiter;
/// assert_eq!(sniff_delimiter("tunniste;hetu\nS1;010101A900R\n"), b';');
/// assert_eq!(sniff_delimiter("tunniste\thetu;x\n"), b'\t');
/// assert_eq!(sniff_delimiter("a;b,c\n"), b',');
/// assert_eq!(sniff_delimiter("hetu\n1,2;3\n"), b',');
/// ```
pub fn sniff_delimiter(text: &str) -> u8 {
    let line = text.split('\n').next().unwrap_or_default();
    if line.contains(',') {
        b','
    } else if line.contains('\t') {
        b'\t'
    } else if line.contains(';') {
        b';'
    } else {
        b','
    }
}

/// The CSV delimiter a caller gives (`onr check --delimiter`, `onr duplicates --delimiter`,
/// Java's `ImportCheck.CsvOptions.withDelimiter`), as the byte the CSV reader takes: only an
/// ASCII character is one byte of UTF-8 text, so only it can separate the cells; the quote
/// `"` and the line breaks `\n` and `\r` already mean something else in CSV.
///
/// # Errors
///
/// [`InputError::Delimiter`] (`input.csv.delimiter`) for `"`, `\n`, `\r` and any character
/// that is not ASCII, including U+0080..U+00FF (one byte in Latin-1, two in UTF-8).
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::input::{delimiter, InputError};
/// assert_eq!(delimiter(';'), Ok(b';'));
/// assert_eq!(delimiter('\t'), Ok(b'\t'));
/// let err = delimiter('§').unwrap_err();
/// assert_eq!(err, InputError::Delimiter { found: '§' });
/// assert_eq!(err.code(), "input.csv.delimiter");
/// assert!(delimiter('"').is_err() && delimiter('\n').is_err() && delimiter('\r').is_err());
/// ```
pub fn delimiter(c: char) -> Result<u8, InputError> {
    if c.is_ascii() && !matches!(c, '"' | '\n' | '\r') {
        Ok(c as u8)
    } else {
        Err(InputError::Delimiter { found: c })
    }
}

/// Why a CSV input cannot be read to its end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CsvShapeError {
    /// A quoted cell opens on `line` and never closes: the rest of the file would be one
    /// cell.
    #[error("{}", self.message(Lang::En))]
    UnclosedQuote {
        /// The 1-based line where the quote opens.
        line: u64,
    },
    /// A line has more cells than the header.
    #[error("{}", self.message(Lang::En))]
    ExtraCells {
        /// The 1-based line.
        line: u64,
        /// Its number of cells.
        cells: usize,
        /// The header's.
        header: usize,
    },
    /// A column is named twice in the header.
    #[error("{}", self.message(Lang::En))]
    RepeatedColumn {
        /// The column.
        name: String,
    },
    /// The CSV reader stopped for another reason (not expected of text in memory).
    #[error("{}", self.message(Lang::En))]
    Unreadable {
        /// The 1-based line, 0 if unknown.
        line: u64,
    },
}

code_table! {
    /// Every code of [`CsvShapeError`], in the order of its variants.
    CsvShapeError {
        CsvShapeError::UnclosedQuote { .. } => "input.csv.unclosed_quote", Category::Format;
        CsvShapeError::ExtraCells { .. } => "input.csv.extra_cells", Category::Format;
        CsvShapeError::RepeatedColumn { .. } => "input.csv.repeated_column", Category::Format;
        CsvShapeError::Unreadable { .. } => "input.csv.unreadable", Category::Format;
    }
}

impl Coded for CsvShapeError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CsvShapeError::UnclosedQuote { line }, Lang::En) => format!(
                "line {line}: a quote opens a cell here and never closes, so the rest of the file cannot be read"
            ),
            (CsvShapeError::UnclosedQuote { line }, Lang::Fi) => format!(
                "rivi {line}: lainausmerkki aloittaa solun mutta ei sulkeudu, joten loppua tiedostosta ei voi lukea"
            ),
            (CsvShapeError::UnclosedQuote { line }, Lang::Sv) => format!(
                "rad {line}: ett citattecken inleder en cell men stängs aldrig, så resten av filen kan inte läsas"
            ),
            (CsvShapeError::ExtraCells { line, cells, header }, Lang::En) => {
                format!("line {line} has {cells} cells, the header has {header}")
            }
            (CsvShapeError::ExtraCells { line, cells, header }, Lang::Fi) => {
                format!("rivillä {line} on {cells} solua, otsikkorivillä {header}")
            }
            (CsvShapeError::ExtraCells { line, cells, header }, Lang::Sv) => {
                format!("rad {line} har {cells} celler, rubrikraden har {header}")
            }
            (CsvShapeError::RepeatedColumn { name }, Lang::En) => {
                format!("the column `{name}` appears twice in the header")
            }
            (CsvShapeError::RepeatedColumn { name }, Lang::Fi) => {
                format!("sarake `{name}` on otsikkorivillä kahdesti")
            }
            (CsvShapeError::RepeatedColumn { name }, Lang::Sv) => {
                format!("kolumnen `{name}` förekommer två gånger i rubrikraden")
            }
            (CsvShapeError::Unreadable { line }, Lang::En) => {
                format!("line {line}: the CSV reader cannot read on")
            }
            (CsvShapeError::Unreadable { line }, Lang::Fi) => {
                format!("rivi {line}: CSV-lukija ei voi jatkaa")
            }
            (CsvShapeError::Unreadable { line }, Lang::Sv) => {
                format!("rad {line}: CSV-läsaren kan inte läsa vidare")
            }
        }
    }
}

/// The positions of `wanted` columns in a CSV header (names trimmed, a leading BOM dropped,
/// compared with `eq`), `None` for a column that is not there.
///
/// # Errors
///
/// [`CsvShapeError::RepeatedColumn`] when a wanted column is named twice.
///
/// # Example
///
/// ```
/// use onr_core::input::{header_columns, CsvShapeError};
/// let at = header_columns(["\u{feff}id", " name", "x"], &["id", "name", "date"], |a, b| a == b)?;
/// assert_eq!(at, [Some(0), Some(1), None]);
/// let err = header_columns(["id", "id"], &["id"], |a, b| a == b).unwrap_err();
/// assert_eq!(err, CsvShapeError::RepeatedColumn { name: "id".into() });
/// # Ok::<(), CsvShapeError>(())
/// ```
pub fn header_columns<'h>(
    header: impl IntoIterator<Item = &'h str>,
    wanted: &[&str],
    eq: impl Fn(&str, &str) -> bool,
) -> Result<Vec<Option<usize>>, CsvShapeError> {
    let mut at = vec![None; wanted.len()];
    for (i, raw) in header.into_iter().enumerate() {
        let name = strip_bom(raw).trim();
        for (w, slot) in wanted.iter().zip(at.iter_mut()) {
            if eq(name, w) {
                if slot.is_some() {
                    return Err(CsvShapeError::RepeatedColumn {
                        name: (*w).to_owned(),
                    });
                }
                *slot = Some(i);
            }
        }
    }
    Ok(at)
}

/// Where the CSV scanner is (csv-core's states for RFC 4180 with `"` quotes, doubled quotes
/// and any of `\r`, `\n`, `\r\n` ending a record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scan {
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// A reader that passes a CSV input through unchanged while it follows the quoting and the
/// lines, so that a CSV reader on top of it can name the line where each record starts and
/// tell a quote left open at the end of the input. Its memory is bounded by the CSV reader's
/// read-ahead, not by the input.
///
/// # Example
///
/// ```
/// use std::io::Read;
/// use onr_core::input::CsvTracker;
/// let mut t = CsvTracker::new("a,b\r\n\r\n\"x,\n".as_bytes(), b',');
/// let mut all = Vec::new();
/// t.read_to_end(&mut all)?;
/// assert_eq!(t.unclosed_quote(), Some(3));
/// assert_eq!((t.next_record_line(), t.next_record_line(), t.next_record_line()), (Some(1), Some(3), None));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct CsvTracker<R> {
    inner: R,
    delimiter: u8,
    state: Scan,
    /// The line of the next byte.
    line: u64,
    /// Whether the next byte that is not a line break starts a record.
    at_record_start: bool,
    /// The lines where the records read so far start, not yet taken.
    record_lines: VecDeque<u64>,
    /// The line where the quoted cell being read opened.
    quote_line: u64,
    eof: bool,
}

impl<R: io::Read> CsvTracker<R> {
    /// Follows `inner`, a CSV input with cells separated by `delimiter`.
    pub fn new(inner: R, delimiter: u8) -> Self {
        CsvTracker {
            inner,
            delimiter,
            state: Scan::StartField,
            line: 1,
            at_record_start: true,
            record_lines: VecDeque::new(),
            quote_line: 0,
            eof: false,
        }
    }

    /// The 1-based line where the next record starts (blank lines are no records), in the
    /// order a CSV reader reads them: call it once per record read.
    pub fn next_record_line(&mut self) -> Option<u64> {
        self.record_lines.pop_front()
    }

    /// Once the whole input is read: the line where a quote opens that never closes.
    pub fn unclosed_quote(&self) -> Option<u64> {
        (self.eof && self.state == Scan::InQuoted).then_some(self.quote_line)
    }

    /// After a record of `cells` cells was read under a header of `header` cells: the line
    /// where the record starts, or why the input's shape refuses the file (a quote that never
    /// closes, or more cells than the header). Every CSV reader calls this once per record.
    pub fn take_record(&mut self, cells: usize, header: usize) -> Result<u64, CsvShapeError> {
        let line = self.next_record_line().unwrap_or(0);
        if let Some(line) = self.unclosed_quote() {
            return Err(CsvShapeError::UnclosedQuote { line });
        }
        if cells > header {
            return Err(CsvShapeError::ExtraCells {
                line,
                cells,
                header,
            });
        }
        Ok(line)
    }

    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            let end = b == b'\n' || b == b'\r';
            if self.at_record_start && !end {
                self.record_lines.push_back(self.line);
                self.at_record_start = false;
            }
            self.state = match self.state {
                Scan::StartField if b == b'"' => {
                    self.quote_line = self.line;
                    Scan::InQuoted
                }
                Scan::InQuoted if b == b'"' => Scan::QuoteInQuoted,
                Scan::InQuoted => Scan::InQuoted,
                Scan::QuoteInQuoted if b == b'"' => Scan::InQuoted,
                _ if end => {
                    self.at_record_start = true;
                    Scan::StartField
                }
                _ if b == self.delimiter => Scan::StartField,
                _ => Scan::InField,
            };
            if b == b'\n' {
                self.line += 1;
            }
        }
    }
}

impl<R: io::Read> io::Read for CsvTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.eof = true;
        }
        self.scan(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn track(text: &[u8]) -> CsvTracker<&[u8]> {
        let mut t = CsvTracker::new(text, b',');
        let mut sink = Vec::new();
        t.read_to_end(&mut sink).unwrap();
        t
    }

    #[test]
    fn quotes_follow_rfc_4180() {
        assert_eq!(track(b"a,\"b\"\"c\"\n\"d\ne\"\n").unclosed_quote(), None);
        assert_eq!(track(b"a,b\nx\"y,z\n").unclosed_quote(), None); // a quote inside a cell is a character
        assert_eq!(track(b"a,b\n1,2\n\"3,4\n5,6\n").unclosed_quote(), Some(3));
        assert_eq!(track(b"a\r\n\r\n\"x\"\"\n").unclosed_quote(), Some(3));
        assert_eq!(track(b"\"a\"b,c\n").unclosed_quote(), None);
    }

    #[test]
    fn record_lines() {
        let mut t = track(b"h\r\n\r\nrow\r\n\"a\nb\"\nrow2");
        let lines: Vec<_> = std::iter::from_fn(|| t.next_record_line()).collect();
        assert_eq!(lines, [1, 3, 4, 6]);
    }

    #[test]
    fn a_delimiter_is_ascii() {
        assert_eq!(delimiter(','), Ok(b','));
        assert_eq!(delimiter('\u{7f}'), Ok(0x7f));
        for c in ['\u{80}', 'é', '§', '\u{ff}', '€', '\u{fffd}'] {
            let e = delimiter(c).unwrap_err();
            assert_eq!(e, InputError::Delimiter { found: c });
            assert_eq!(e.code(), "input.csv.delimiter");
            assert!(e.message(Lang::En).contains("ASCII"));
        }
    }

    #[test]
    fn decode_policy() {
        assert_eq!(
            decode(b"\xEF\xBB\xBF".to_vec(), Encoding::Utf8),
            Err(InputError::Empty)
        );
        let e = decode(b"ok\nok\n\x81\x00".to_vec(), Encoding::Utf8).unwrap_err();
        assert_eq!(
            e,
            InputError::NotUtf8 {
                line: 3,
                looks_like_windows_1252: false
            }
        );
        assert_eq!(e.code(), "input.not_utf8");
        assert_eq!(
            decode(b"\xC4ij\xE4l\xE4 \x80".to_vec(), Encoding::Windows1252).unwrap(),
            "Äijälä €"
        );
        for l in Lang::ALL {
            for e in [
                InputError::Empty,
                InputError::NotUtf8 {
                    line: 1,
                    looks_like_windows_1252: true,
                },
                InputError::Delimiter { found: 'é' },
            ] {
                assert!(!e.message(l).is_empty());
            }
        }
        assert_eq!(lines("").count(), 0);
        assert_eq!(
            lines("\u{feff}a\tb\tc").collect::<Vec<_>>(),
            [(1, "a\tb\tc")]
        );
    }
}
