//! KOODISTO (the national code-list service): the code lists ONR checks import rows against.
//!
//! ONR fetches its code lists from koodisto at run time, expired codes included, and compares
//! a row's code with the list's values exactly (case-sensitively). onr-core cannot reach
//! koodisto, so it bundles snapshots as data files (`onr-core/data/koodisto/*.tsv`, each with
//! its source and date in its header):
//!
//! | list | used for | values |
//! |---|---|---|
//! | `sukupuoli` | `sukupuoli` | `1` male, `2` female |
//! | `kieli` | `aidinkieli` | upper-case ISO 639-1 codes and a few of koodisto's own (`FI`, `SV`, `98`, `99`, `XX`, ...) |
//! | `maatjavaltiot2` | `kansalaisuus` | ISO 3166-1 numeric codes and koodisto's own (`246` Finland, `998`, `999` unknown, ...) |
//! | `kunta` | `kotikunta` (person create/update only) | three-digit municipality codes |
//!
//! The snapshots can go out of date. A caller with a fresh koodisto export replaces any list
//! ([`CodeList::parse_tsv`], [`CodeList::from_codes`]) in a [`Koodisto`] value, whose fields are
//! public.
//!
//! # Example
//!
//! ```
//! use onr_core::import::koodisto::{CodeList, Koodisto};
//!
//! let mut koodisto = Koodisto::bundled();
//! assert!(koodisto.maatjavaltiot2.contains("246"));
//! assert!(koodisto.kieli.contains("SV"));
//! assert!(!koodisto.kieli.contains("sv")); // case matters, as in ONR's import
//! koodisto.sukupuoli = CodeList::from_codes("sukupuoli", ["1", "2", "3"]);
//! assert!(koodisto.sukupuoli.contains("3"));
//! ```

use std::collections::HashMap;
use std::fmt;

use crate::error::{code_table, Category, Coded, Lang};

const SUKUPUOLI: &str = include_str!("../../data/koodisto/sukupuoli.tsv");
const KIELI: &str = include_str!("../../data/koodisto/kieli.tsv");
const MAATJAVALTIOT2: &str = include_str!("../../data/koodisto/maatjavaltiot2.tsv");
const KUNTA: &str = include_str!("../../data/koodisto/kunta.tsv");

/// One koodisto code list: its URI and its values, each with optional names in Finnish,
/// Swedish and English.
///
/// # Example
///
/// ```
/// use onr_core::{import::koodisto::CodeList, Lang};
/// let list = CodeList::parse_tsv("sukupuoli", "koodi\tfi\tsv\ten\n1\tmies\tman\tmale\n")?;
/// assert!(list.contains("1"));
/// assert_eq!(list.name("1", Lang::Sv), Some("man"));
/// # Ok::<(), onr_core::import::koodisto::KoodistoError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct CodeList {
    uri: String,
    entries: HashMap<String, [String; 3]>,
}

impl fmt::Debug for CodeList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeList")
            .field("uri", &self.uri)
            .field("len", &self.entries.len())
            .finish()
    }
}

impl CodeList {
    /// A list of bare codes, without names.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::koodisto::CodeList;
    /// let list = CodeList::from_codes("maatjavaltiot2", ["246", "752"]);
    /// assert_eq!(list.len(), 2);
    /// ```
    pub fn from_codes<I, S>(uri: &str, codes: I) -> CodeList
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        CodeList {
            uri: uri.to_owned(),
            entries: codes
                .into_iter()
                .map(|c| (c.into(), Default::default()))
                .collect(),
        }
    }

    /// Parses the data-file format: lines starting with `#` are comments, the first other
    /// line is a header (`koodi`, then optional `fi`, `sv`, `en` name columns), and every
    /// following non-empty line is `code<TAB>name...`. Codes are taken exactly as written.
    ///
    /// # Errors
    ///
    /// [`KoodistoError`] when the header is missing or a code is empty.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::koodisto::CodeList;
    /// let list = CodeList::parse_tsv("kieli", "# comment\nkoodi\nFI\nSV\n")?;
    /// assert!(list.contains("FI"));
    /// assert!(CodeList::parse_tsv("kieli", "FI\n").is_err());
    /// # Ok::<(), onr_core::import::koodisto::KoodistoError>(())
    /// ```
    pub fn parse_tsv(uri: &str, text: &str) -> Result<CodeList, KoodistoError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        match lines.next() {
            Some((_, header)) if header.split('\t').next() == Some("koodi") => {}
            Some((n, _)) => return Err(KoodistoError::Header { line: n as u32 + 1 }),
            None => return Err(KoodistoError::Header { line: 0 }),
        }
        let mut entries = HashMap::new();
        for (n, line) in lines {
            let mut cols = line.split('\t');
            let code = cols.next().unwrap_or_default();
            if code.is_empty() {
                return Err(KoodistoError::EmptyCode { line: n as u32 + 1 });
            }
            let mut names: [String; 3] = Default::default();
            for name in names.iter_mut() {
                *name = cols.next().unwrap_or_default().to_owned();
            }
            entries.insert(code.to_owned(), names);
        }
        Ok(CodeList {
            uri: uri.to_owned(),
            entries,
        })
    }

    /// A list of codes with their names in Finnish, Swedish and English (an empty name is
    /// no name).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{import::koodisto::CodeList, Lang};
    /// let list = CodeList::from_named("sukupuoli", [("1".to_owned(), ["mies".into(), "man".into(), String::new()])]);
    /// assert_eq!(list.name("1", Lang::Fi), Some("mies"));
    /// assert_eq!(list.name("1", Lang::En), None);
    /// ```
    pub fn from_named<I>(uri: &str, entries: I) -> CodeList
    where
        I: IntoIterator<Item = (String, [String; 3])>,
    {
        CodeList {
            uri: uri.to_owned(),
            entries: entries.into_iter().collect(),
        }
    }

    /// The koodisto URI, as ONR names it in its messages (`sukupuoli`, `kieli`, ...).
    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// Whether the code is in the list, compared exactly as ONR does (case-sensitively).
    pub fn contains(&self, code: &str) -> bool {
        self.entries.contains_key(code)
    }

    /// The code's name in a language, if the list has one.
    pub fn name(&self, code: &str, lang: Lang) -> Option<&str> {
        let names = self.entries.get(code)?;
        let i = match lang {
            Lang::Fi => 0,
            Lang::Sv => 1,
            Lang::En => 2,
        };
        Some(names[i].as_str()).filter(|s| !s.is_empty())
    }

    /// The number of codes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the list has no codes.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The codes, sorted.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::koodisto::Koodisto;
    /// assert_eq!(Koodisto::bundled().sukupuoli.codes(), ["1", "2"]);
    /// ```
    pub fn codes(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.entries.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
}

/// The code lists ONR's validators use. [`Koodisto::bundled`] (also the `Default`) gives the
/// snapshots shipped with onr-core; every field can be replaced.
///
/// # Example
///
/// ```
/// use onr_core::import::koodisto::Koodisto;
/// let k = Koodisto::default();
/// assert_eq!(k.kieli.uri(), "kieli");
/// assert!(k.kunta.contains("091"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Koodisto {
    /// Koodisto `sukupuoli`.
    pub sukupuoli: CodeList,
    /// Koodisto `kieli` (upper-case values).
    pub kieli: CodeList,
    /// Koodisto `maatjavaltiot2`.
    pub maatjavaltiot2: CodeList,
    /// Koodisto `kunta`.
    pub kunta: CodeList,
}

impl Koodisto {
    /// The snapshots bundled with onr-core (see the module docs for their sources).
    ///
    /// # Panics
    ///
    /// Never: the bundled files are checked by the test suite.
    pub fn bundled() -> Koodisto {
        let parse = |uri, text| CodeList::parse_tsv(uri, text).expect("bundled koodisto file");
        Koodisto {
            sukupuoli: parse("sukupuoli", SUKUPUOLI),
            kieli: parse("kieli", KIELI),
            maatjavaltiot2: parse("maatjavaltiot2", MAATJAVALTIOT2),
            kunta: parse("kunta", KUNTA),
        }
    }
}

impl Koodisto {
    /// The lists an import check reads and a caller may replace by URI
    /// ([`Koodisto::replace`]), in the order of an error message.
    pub const IMPORT_LISTS: [&'static str; 3] = ["kieli", "maatjavaltiot2", "sukupuoli"];

    /// The list with this URI (`sukupuoli`, `kieli`, `maatjavaltiot2` or `kunta`).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::koodisto::Koodisto;
    /// let k = Koodisto::bundled();
    /// assert!(k.list("kieli").is_some_and(|l| l.contains("FI")));
    /// assert!(k.list("posti").is_none());
    /// ```
    pub fn list(&self, uri: &str) -> Option<&CodeList> {
        match uri {
            "sukupuoli" => Some(&self.sukupuoli),
            "kieli" => Some(&self.kieli),
            "maatjavaltiot2" => Some(&self.maatjavaltiot2),
            "kunta" => Some(&self.kunta),
            _ => None,
        }
    }

    /// Replaces one of the [`IMPORT_LISTS`](Koodisto::IMPORT_LISTS) by a list of the same
    /// URI (what Python's `check_import(koodisto={uri: codes})` and Java's
    /// `Options.withCodes(uri, codes)` do).
    ///
    /// # Errors
    ///
    /// [`UnknownList`] for any other URI; the koodisto is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::koodisto::{CodeList, Koodisto};
    /// let mut k = Koodisto::bundled();
    /// k.replace(CodeList::from_codes("sukupuoli", ["1", "2", "3"]))?;
    /// assert!(k.sukupuoli.contains("3"));
    /// let err = k.replace(CodeList::from_codes("kunta", ["091"])).unwrap_err();
    /// assert_eq!(err.to_string(), r#"unknown koodisto "kunta", expected "kieli", "maatjavaltiot2" or "sukupuoli""#);
    /// # Ok::<(), onr_core::import::koodisto::UnknownList>(())
    /// ```
    pub fn replace(&mut self, list: CodeList) -> Result<(), UnknownList> {
        let slot = match list.uri() {
            "sukupuoli" => &mut self.sukupuoli,
            "kieli" => &mut self.kieli,
            "maatjavaltiot2" => &mut self.maatjavaltiot2,
            other => {
                return Err(UnknownList {
                    uri: other.to_owned(),
                })
            }
        };
        *slot = list;
        Ok(())
    }
}

/// A code list URI that is not one of [`Koodisto::IMPORT_LISTS`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(r#"unknown koodisto {uri:?}, expected "kieli", "maatjavaltiot2" or "sukupuoli""#)]
pub struct UnknownList {
    /// The URI given.
    pub uri: String,
}

impl Default for Koodisto {
    fn default() -> Self {
        Koodisto::bundled()
    }
}

/// A code-list file that cannot be read.
///
/// # Example
///
/// ```
/// use onr_core::{error::Coded, import::koodisto::CodeList};
/// let err = CodeList::parse_tsv("kieli", "koodi\n\tfoo\n").unwrap_err();
/// assert_eq!(err.code(), "koodisto.empty_code");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KoodistoError {
    /// The first non-comment line is not a header starting with `koodi`.
    #[error("{}", self.message(Lang::En))]
    Header {
        /// The 1-based line number (0 when the file has no lines).
        line: u32,
    },
    /// A line has an empty code.
    #[error("{}", self.message(Lang::En))]
    EmptyCode {
        /// The 1-based line number.
        line: u32,
    },
}

code_table! {
    /// Every code of [`KoodistoError`], in the order of its variants.
    KoodistoError {
        KoodistoError::Header { .. } => "koodisto.header", Category::Format;
        KoodistoError::EmptyCode { .. } => "koodisto.empty_code", Category::Format;
    }
}

impl Coded for KoodistoError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (*self, lang) {
            (KoodistoError::Header { line }, Lang::En) => {
                format!("expected a header line starting with `koodi`, found line {line}")
            }
            (KoodistoError::Header { line }, Lang::Fi) => {
                format!("odotettiin otsikkoriviä, joka alkaa sanalla `koodi`, löytyi rivi {line}")
            }
            (KoodistoError::Header { line }, Lang::Sv) => {
                format!("en rubrikrad som börjar med `koodi` förväntades, hittade rad {line}")
            }
            (KoodistoError::EmptyCode { line }, Lang::En) => format!("empty code on line {line}"),
            (KoodistoError::EmptyCode { line }, Lang::Fi) => format!("tyhjä koodi rivillä {line}"),
            (KoodistoError::EmptyCode { line }, Lang::Sv) => format!("tom kod på rad {line}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse_and_hold_onr_test_codes() {
        let k = Koodisto::bundled();
        assert_eq!(k.sukupuoli.codes(), ["1", "2"]);
        // Codes that ONR's own tests use.
        for c in ["246", "616", "999", "998"] {
            assert!(k.maatjavaltiot2.contains(c), "{c}");
        }
        for c in ["FI", "SV", "EN", "99", "XX"] {
            assert!(k.kieli.contains(c), "{c}");
        }
        assert!(k.kunta.contains("091") && k.kunta.contains("999"));
        assert!(k.maatjavaltiot2.len() > 250 && k.kieli.len() > 190 && k.kunta.len() > 300);
        assert_eq!(k.maatjavaltiot2.name("246", Lang::Fi), Some("Suomi"));
    }

    #[test]
    fn codes_compare_case_sensitively() {
        let k = Koodisto::bundled();
        assert!(!k.kieli.contains("fi"));
        assert!(!k.maatjavaltiot2.contains(" 246"));
    }
}
