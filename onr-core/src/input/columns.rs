//! [`CsvColumns`]: the one reader of a CSV file with a header row, for every command that reads
//! named columns (`onr yleistunniste find|send`, `onr duplicates`, `onr links check`).
//!
//! It applies the whole input policy of [the module](super) in one place: the bytes decoded by
//! [`decode`](super::decode) (BOM, encoding, empty input), the header's names trimmed and a
//! wanted column named twice refused ([`header_columns`](super::header_columns)), and each
//! record's shape checked with its line ([`CsvTracker::take_record`]).

use std::io::Cursor;

use super::{decode, header_columns, strip_bom, CsvShapeError, CsvTracker, Encoding, InputError};
use crate::error::{code_table, Category, Coded, Lang};

/// Why a CSV file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CsvReadError {
    /// The bytes are not text by the input policy, or there are none.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The file's shape (an unclosed quote, extra cells, a repeated column).
    #[error(transparent)]
    Shape(#[from] CsvShapeError),
    /// The header row has no cells.
    #[error("{}", self.message(Lang::En))]
    NoHeader,
}

code_table! {
    /// Every code of [`CsvReadError`] of its own (the others are [`InputError`]'s and
    /// [`CsvShapeError`]'s).
    CsvReadError {
        CsvReadError::Input(e) => use e;
        CsvReadError::Shape(e) => use e;
        CsvReadError::NoHeader => shared "input.empty", Category::Length;
    }
}

impl Coded for CsvReadError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            CsvReadError::Input(e) => e.message(lang),
            CsvReadError::Shape(e) => e.message(lang),
            CsvReadError::NoHeader => InputError::Empty.message(lang),
        }
    }
}

/// A CSV file by the input policy: its header, the positions of named columns, and its records
/// with the line where each starts.
///
/// # Example
///
/// ```
/// use onr_core::input::{CsvColumns, CsvReadError, Encoding};
/// let mut csv = CsvColumns::decode(b"\xEF\xBB\xBFid,name\r\n\r\n1,Aino\r\n2,\"Eino\r\nJ\"\r\n".to_vec(), Encoding::Utf8, b',')?;
/// assert_eq!(csv.columns(&["name", "id", "date"])?, [Some(1), Some(0), None]);
/// let mut rows = Vec::new();
/// while let Some((line, record)) = csv.next_record()? {
///     rows.push((line, record.get(1).unwrap_or("").to_owned()));
/// }
/// assert_eq!(rows, [(3, "Aino".to_owned()), (4, "Eino\r\nJ".to_owned())]);
/// let mut bad = CsvColumns::decode(b"a,b\n1,2,3\n".to_vec(), Encoding::Utf8, b',')?;
/// assert!(matches!(bad.next_record(), Err(CsvReadError::Shape(_))));
/// # Ok::<(), CsvReadError>(())
/// ```
#[derive(Debug)]
pub struct CsvColumns {
    reader: csv::Reader<CsvTracker<Cursor<Vec<u8>>>>,
    header: csv::StringRecord,
    record: csv::StringRecord,
}

impl CsvColumns {
    /// Decodes `bytes` by the input policy and reads the header row.
    ///
    /// # Errors
    ///
    /// [`CsvReadError::Input`] for bytes that are not text by `encoding` or none at all,
    /// [`CsvReadError::NoHeader`] for a header row without cells, and
    /// [`CsvReadError::Shape`] for a header that opens a quote it never closes.
    pub fn decode(bytes: Vec<u8>, encoding: Encoding, delimiter: u8) -> Result<Self, CsvReadError> {
        CsvColumns::from_text(decode(bytes, encoding)?, delimiter)
    }

    /// Reads the header row of text already decoded by the input policy
    /// ([`decode`](super::decode): no BOM, not empty), e.g. to [guess its
    /// delimiter](super::sniff_delimiter) first.
    ///
    /// # Errors
    ///
    /// [`CsvReadError::NoHeader`] for a header row without cells, and
    /// [`CsvReadError::Shape`] for a header that opens a quote it never closes.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::input::{decode, sniff_delimiter, CsvColumns, Encoding};
    /// let text = decode(b"id;name\n1;Aino\n".to_vec(), Encoding::Utf8)?;
    /// let delimiter = sniff_delimiter(&text);
    /// let mut csv = CsvColumns::from_text(text, delimiter)?;
    /// assert_eq!(csv.next_record()?.map(|(_, r)| r.get(1).unwrap_or("").to_owned()).as_deref(), Some("Aino"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_text(text: String, delimiter: u8) -> Result<Self, CsvReadError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(CsvTracker::new(Cursor::new(text.into_bytes()), delimiter));
        let header = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(shape(&mut reader, e)),
        };
        reader.get_mut().next_record_line();
        if header.is_empty() {
            return Err(CsvReadError::NoHeader);
        }
        Ok(CsvColumns {
            reader,
            header,
            record: csv::StringRecord::new(),
        })
    }

    /// The header's names (a leading BOM dropped; not trimmed).
    pub fn header(&self) -> impl Iterator<Item = &str> {
        self.header.iter().map(strip_bom)
    }

    /// The number of cells of the header row.
    pub fn header_len(&self) -> usize {
        self.header.len()
    }

    /// The positions of `wanted` columns (names trimmed and compared exactly), `None` for a
    /// column that is not there.
    ///
    /// # Errors
    ///
    /// [`CsvShapeError::RepeatedColumn`] when a wanted column is named twice.
    pub fn columns(&self, wanted: &[&str]) -> Result<Vec<Option<usize>>, CsvShapeError> {
        header_columns(self.header.iter(), wanted, |a, b| a == b)
    }

    /// The next record and the line where it starts (blank lines are skipped but counted);
    /// `None` at the end.
    ///
    /// # Errors
    ///
    /// [`CsvReadError::Shape`] for a quote that never closes or more cells than the header.
    pub fn next_record(&mut self) -> Result<Option<(u64, &csv::StringRecord)>, CsvReadError> {
        let more = match self.reader.read_record(&mut self.record) {
            Ok(more) => more,
            Err(e) => return Err(shape(&mut self.reader, e)),
        };
        if !more {
            return Ok(None);
        }
        let line = self
            .reader
            .get_mut()
            .take_record(self.record.len(), self.header.len())?;
        Ok(Some((line, &self.record)))
    }
}

/// A CSV reader's error over decoded text: its input is valid UTF-8 in memory and the reader is
/// flexible, so the only way left to fail is the input's shape; anything else is named by the
/// line the tracker is at.
fn shape(reader: &mut csv::Reader<CsvTracker<Cursor<Vec<u8>>>>, e: csv::Error) -> CsvReadError {
    let t = reader.get_mut();
    if let Some(line) = t.unclosed_quote() {
        return CsvShapeError::UnclosedQuote { line }.into();
    }
    let line = e.position().map_or(0, |p| p.line());
    CsvShapeError::Unreadable { line }.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8]) -> Result<Vec<(u64, Vec<String>)>, CsvReadError> {
        let mut c = CsvColumns::decode(bytes.to_vec(), Encoding::Utf8, b',')?;
        let mut out = Vec::new();
        while let Some((line, r)) = c.next_record()? {
            out.push((line, r.iter().map(str::to_owned).collect()));
        }
        Ok(out)
    }

    #[test]
    fn the_input_policy_and_the_shape_in_one_reader() {
        assert_eq!(read_all(b""), Err(CsvReadError::Input(InputError::Empty)));
        assert_eq!(read_all(b"\n\n"), Err(CsvReadError::NoHeader));
        assert!(matches!(
            read_all(b"a\n\xff\n"),
            Err(CsvReadError::Input(InputError::NotUtf8 { line: 2, .. }))
        ));
        assert_eq!(
            read_all(b"a,b\n1\n\"2,3\n"),
            Err(CsvReadError::Shape(CsvShapeError::UnclosedQuote {
                line: 3
            }))
        );
        assert_eq!(
            read_all(b"a,b\n1,2,3\n"),
            Err(CsvReadError::Shape(CsvShapeError::ExtraCells {
                line: 2,
                cells: 3,
                header: 2
            }))
        );
        assert_eq!(
            read_all(b"a,b\r\n1\r\n\r\nx,y").unwrap(),
            [
                (2, vec!["1".to_owned()]),
                (4, vec!["x".to_owned(), "y".to_owned()])
            ]
        );
        let c = CsvColumns::decode(b"\xEF\xBB\xBF a ,a\n".to_vec(), Encoding::Utf8, b',').unwrap();
        assert_eq!(c.header().collect::<Vec<_>>(), [" a ", "a"]);
        assert_eq!(
            c.columns(&["a"]),
            Err(CsvShapeError::RepeatedColumn { name: "a".into() })
        );
        let w = CsvColumns::decode(
            b"nimi\nJyv\xe4skyl\xe4\n".to_vec(),
            Encoding::Windows1252,
            b',',
        );
        let mut w = w.unwrap();
        assert_eq!(
            w.next_record().unwrap().unwrap().1.get(0),
            Some("Jyväskylä")
        );
    }
}
