//! A koodisto file: a refreshed copy of the code lists the import check uses, written by
//! `onr koodisto update` (onr-client reads koodisto) and read by `onr check --koodisto`, Python
//! and Java. Reading and writing are pure (text in, text out); the file is JSON:
//!
//! ```json
//! {
//!   "format": 1,
//!   "fetched": "2026-12-02T17:00:00Z",
//!   "source": "https://virkailija.opintopolku.fi/koodisto-service",
//!   "lists": {
//!     "sukupuoli": [{"koodi": "1", "fi": "mies", "sv": "man", "en": "male"}, ...],
//!     "kieli": [{"koodi": "FI", "fi": "suomi"}, ...],
//!     "maatjavaltiot2": [{"koodi": "246", "fi": "Suomi"}, ...]
//!   }
//! }
//! ```
//!
//! * `format` is the version of this layout, [`FORMAT`] (1); a reader refuses any other, so a
//!   later layout is never half understood.
//! * `fetched` (when, ISO 8601) and `source` (from where) are kept for the reader and not
//!   interpreted.
//! * `lists` holds koodisto's `koodiArvo` values exactly as koodisto gives them (compared
//!   case-sensitively, as ONR does), with optional names. `sukupuoli`, `kieli` and
//!   `maatjavaltiot2` are required and must not be empty; `kunta` is optional (the bundled list
//!   is kept without it); other lists are ignored.
//!
//! # Example
//!
//! ```
//! use onr_core::import::koodisto_file::{FileCode, KoodistoFile};
//! let codes = |c: &[&str]| c.iter().map(|k| FileCode::new(*k)).collect::<Vec<_>>();
//! let file = KoodistoFile::new("2026-12-02T17:00:00Z", "test")
//!     .with_list("sukupuoli", codes(&["1", "2"]))
//!     .with_list("kieli", codes(&["FI", "SV"]))
//!     .with_list("maatjavaltiot2", codes(&["246", "001"]));
//! let text = file.to_json();
//! let koodisto = KoodistoFile::parse(&text)?.koodisto()?;
//! assert!(koodisto.maatjavaltiot2.contains("001"));
//! assert!(!koodisto.maatjavaltiot2.contains("752"));
//! # Ok::<(), onr_core::import::koodisto_file::KoodistoFileError>(())
//! ```

use std::collections::BTreeMap;

use super::koodisto::{CodeList, Koodisto};
use crate::error::{code_table, Category, Coded, Lang};

/// The version of the file layout this module reads and writes.
pub const FORMAT: u32 = 1;

/// The lists a file must have.
pub const REQUIRED_LISTS: [&str; 3] = ["sukupuoli", "kieli", "maatjavaltiot2"];

/// One code of a list, with its optional names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileCode {
    /// The code (koodisto's `koodiArvo`).
    pub koodi: String,
    /// The Finnish name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi: Option<String>,
    /// The Swedish name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    /// The English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl FileCode {
    /// A code without names.
    pub fn new(koodi: impl Into<String>) -> FileCode {
        FileCode {
            koodi: koodi.into(),
            fi: None,
            sv: None,
            en: None,
        }
    }
}

/// The contents of a koodisto file (see the module docs for the layout).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KoodistoFile {
    /// The layout version, [`FORMAT`].
    pub format: u32,
    /// When the lists were fetched (ISO 8601).
    pub fetched: String,
    /// Where they were fetched from.
    pub source: String,
    /// The lists by koodisto URI.
    pub lists: BTreeMap<String, Vec<FileCode>>,
}

impl KoodistoFile {
    /// An empty file of the current format.
    pub fn new(fetched: impl Into<String>, source: impl Into<String>) -> KoodistoFile {
        KoodistoFile {
            format: FORMAT,
            fetched: fetched.into(),
            source: source.into(),
            lists: BTreeMap::new(),
        }
    }

    /// Adds (or replaces) a list (builder style).
    pub fn with_list(mut self, uri: &str, codes: Vec<FileCode>) -> KoodistoFile {
        self.lists.insert(uri.to_owned(), codes);
        self
    }

    /// Reads and validates a file's text.
    ///
    /// # Errors
    ///
    /// [`KoodistoFileError`]: not JSON of this layout (`koodisto.file.json`), another format
    /// version (`koodisto.file.format`), a required list missing or empty
    /// (`koodisto.file.missing_list`, `koodisto.file.empty_list`), or an empty code
    /// (`koodisto.file.empty_code`).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{error::Coded, import::koodisto_file::KoodistoFile};
    /// let e = KoodistoFile::parse(r#"{"format":2,"fetched":"","source":"","lists":{}}"#).unwrap_err();
    /// assert_eq!(e.code(), "koodisto.file.format");
    /// ```
    pub fn parse(text: &str) -> Result<KoodistoFile, KoodistoFileError> {
        // The version first, so that a later layout is reported as such, not as bad JSON.
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| KoodistoFileError::Json {
                line: e.line() as u32,
                column: e.column() as u32,
            })?;
        match value.get("format").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(FORMAT) => {}
            Some(v) => {
                return Err(KoodistoFileError::Format {
                    found: Some(u32::try_from(v).unwrap_or(u32::MAX)),
                })
            }
            None => return Err(KoodistoFileError::Format { found: None }),
        }
        let file: KoodistoFile = serde_json::from_value(value)
            .map_err(|_| KoodistoFileError::Json { line: 0, column: 0 })?;
        file.validate()?;
        Ok(file)
    }

    /// Checks what [`KoodistoFile::parse`] checks after reading.
    ///
    /// # Errors
    ///
    /// As [`KoodistoFile::parse`].
    pub fn validate(&self) -> Result<(), KoodistoFileError> {
        if self.format != FORMAT {
            return Err(KoodistoFileError::Format {
                found: Some(self.format),
            });
        }
        for name in REQUIRED_LISTS {
            match self.lists.get(name) {
                None => return Err(KoodistoFileError::MissingList { list: name }),
                Some(l) if l.is_empty() => return Err(KoodistoFileError::EmptyList { list: name }),
                Some(_) => {}
            }
        }
        for (name, codes) in &self.lists {
            if let Some(i) = codes.iter().position(|c| c.koodi.is_empty()) {
                return Err(KoodistoFileError::EmptyCode {
                    list: name.clone(),
                    index: i as u32,
                });
            }
        }
        Ok(())
    }

    /// The file as pretty JSON (lists sorted by name, codes in the order given).
    pub fn to_json(&self) -> String {
        // A map of strings and plain structs always serializes.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The [`Koodisto`] of the file: its lists, and the bundled `kunta` if it has none.
    ///
    /// # Errors
    ///
    /// As [`KoodistoFile::validate`].
    pub fn koodisto(&self) -> Result<Koodisto, KoodistoFileError> {
        self.validate()?;
        let list = |uri: &str| {
            self.lists.get(uri).map(|codes| {
                CodeList::from_named(
                    uri,
                    codes.iter().map(|c| {
                        let n = |s: &Option<String>| s.clone().unwrap_or_default();
                        (c.koodi.clone(), [n(&c.fi), n(&c.sv), n(&c.en)])
                    }),
                )
            })
        };
        let mut k = Koodisto::bundled();
        // validate() made sure the three are there.
        if let (Some(s), Some(l), Some(m)) =
            (list("sukupuoli"), list("kieli"), list("maatjavaltiot2"))
        {
            k.sukupuoli = s;
            k.kieli = l;
            k.maatjavaltiot2 = m;
        }
        if let Some(kunta) = list("kunta") {
            k.kunta = kunta;
        }
        Ok(k)
    }
}

impl Koodisto {
    /// The code lists of a koodisto file's text (see [`crate::import::koodisto_file`]).
    ///
    /// # Errors
    ///
    /// As [`KoodistoFile::parse`].
    pub fn from_file_text(text: &str) -> Result<Koodisto, KoodistoFileError> {
        KoodistoFile::parse(text)?.koodisto()
    }
}

/// A koodisto file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KoodistoFileError {
    /// Not JSON, or not of this layout.
    #[error("{}", self.message(Lang::En))]
    Json {
        /// The 1-based line of the JSON error (0 when the JSON is well-formed but of another
        /// shape).
        line: u32,
        /// The 1-based column.
        column: u32,
    },
    /// `format` is missing or not [`FORMAT`].
    #[error("{}", self.message(Lang::En))]
    Format {
        /// The version found.
        found: Option<u32>,
    },
    /// A required list is missing.
    #[error("{}", self.message(Lang::En))]
    MissingList {
        /// The list.
        list: &'static str,
    },
    /// A required list is empty.
    #[error("{}", self.message(Lang::En))]
    EmptyList {
        /// The list.
        list: &'static str,
    },
    /// A code is empty.
    #[error("{}", self.message(Lang::En))]
    EmptyCode {
        /// The list.
        list: String,
        /// The 0-based position in the list.
        index: u32,
    },
}

code_table! {
    /// Every code of [`KoodistoFileError`], in the order of its variants.
    KoodistoFileError {
        KoodistoFileError::Json { .. } => "koodisto.file.json", Category::Format;
        KoodistoFileError::Format { .. } => "koodisto.file.format", Category::Format;
        KoodistoFileError::MissingList { .. } => "koodisto.file.missing_list", Category::Format;
        KoodistoFileError::EmptyList { .. } => "koodisto.file.empty_list", Category::Format;
        KoodistoFileError::EmptyCode { .. } => "koodisto.file.empty_code", Category::Format;
    }
}

impl Coded for KoodistoFileError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        use KoodistoFileError as E;
        match (self, lang) {
            (E::Json { line: 0, .. }, Lang::En) => {
                "not a koodisto file: the JSON does not have the layout {format, fetched, source, lists}".into()
            }
            (E::Json { line: 0, .. }, Lang::Fi) => {
                "ei koodistotiedosto: JSONin rakenne ei ole {format, fetched, source, lists}".into()
            }
            (E::Json { line: 0, .. }, Lang::Sv) => {
                "ingen kodverksfil: JSON-strukturen är inte {format, fetched, source, lists}".into()
            }
            (E::Json { line, column }, Lang::En) => {
                format!("not a koodisto file: invalid JSON at line {line}, column {column}")
            }
            (E::Json { line, column }, Lang::Fi) => {
                format!("ei koodistotiedosto: virheellinen JSON rivillä {line}, sarakkeessa {column}")
            }
            (E::Json { line, column }, Lang::Sv) => {
                format!("ingen kodverksfil: ogiltig JSON på rad {line}, kolumn {column}")
            }
            (E::Format { found }, lang) => {
                let f = found.map_or_else(|| "none".to_owned(), |v| v.to_string());
                match lang {
                    Lang::En => format!("unsupported koodisto file format {f} (this version reads format {FORMAT})"),
                    Lang::Fi => format!("koodistotiedoston muotoa {f} ei tueta (tämä versio lukee muotoa {FORMAT})"),
                    Lang::Sv => format!("kodverksfilens format {f} stöds inte (denna version läser format {FORMAT})"),
                }
            }
            (E::MissingList { list }, Lang::En) => format!("the koodisto file has no list `{list}`"),
            (E::MissingList { list }, Lang::Fi) => format!("koodistotiedostossa ei ole listaa `{list}`"),
            (E::MissingList { list }, Lang::Sv) => format!("kodverksfilen saknar listan `{list}`"),
            (E::EmptyList { list }, Lang::En) => format!("the list `{list}` of the koodisto file is empty"),
            (E::EmptyList { list }, Lang::Fi) => format!("koodistotiedoston lista `{list}` on tyhjä"),
            (E::EmptyList { list }, Lang::Sv) => format!("kodverksfilens lista `{list}` är tom"),
            (E::EmptyCode { list, index }, Lang::En) => format!("empty code at position {index} of list `{list}`"),
            (E::EmptyCode { list, index }, Lang::Fi) => format!("tyhjä koodi listan `{list}` kohdassa {index}"),
            (E::EmptyCode { list, index }, Lang::Sv) => format!("tom kod på plats {index} i listan `{list}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> KoodistoFile {
        let codes = |c: &[&str]| c.iter().map(|k| FileCode::new(*k)).collect::<Vec<_>>();
        KoodistoFile::new("2026-12-02T17:00:00Z", "https://h/koodisto-service")
            .with_list(
                "sukupuoli",
                vec![FileCode {
                    koodi: "1".into(),
                    fi: Some("mies".into()),
                    sv: Some("man".into()),
                    en: None,
                }],
            )
            .with_list("kieli", codes(&["FI", "SV", "QQ"]))
            .with_list("maatjavaltiot2", codes(&["246", "000"]))
    }

    #[test]
    fn round_trip_keeps_everything() {
        let f = file();
        let text = f.to_json();
        assert!(text.contains("\"format\": 1"), "{text}");
        assert!(
            !text.contains("\"en\""),
            "absent names are not written: {text}"
        );
        assert_eq!(KoodistoFile::parse(&text).unwrap(), f);
    }

    #[test]
    fn the_file_replaces_the_bundled_lists() {
        let k = Koodisto::from_file_text(&file().to_json()).unwrap();
        assert!(k.kieli.contains("QQ") && !Koodisto::bundled().kieli.contains("QQ"));
        assert!(
            !k.kieli.contains("EN"),
            "the file's list replaces, not extends"
        );
        assert!(k.maatjavaltiot2.contains("000"));
        assert_eq!(k.sukupuoli.codes(), ["1"]);
        assert_eq!(k.sukupuoli.name("1", Lang::Sv), Some("man"));
        assert_eq!(k.sukupuoli.name("1", Lang::En), None);
        // No kunta in the file: the bundled one stays.
        assert_eq!(k.kunta, Koodisto::bundled().kunta);
        let with_kunta = file().with_list("kunta", vec![FileCode::new("001")]);
        let k = with_kunta.koodisto().unwrap();
        assert_eq!(k.kunta.codes(), ["001"]);
    }

    #[test]
    fn bad_files_are_refused_with_stable_codes() {
        let code = |t: &str| KoodistoFile::parse(t).unwrap_err().code();
        assert_eq!(code("not json"), "koodisto.file.json");
        assert_eq!(code("{\"format\":1,"), "koodisto.file.json");
        assert_eq!(
            code(r#"{"format":1,"fetched":"x","source":"y","lists":[]}"#),
            "koodisto.file.json"
        );
        assert_eq!(code(r#"{"fetched":"x"}"#), "koodisto.file.format");
        assert_eq!(code(r#"{"format":"1"}"#), "koodisto.file.format");
        assert_eq!(
            code(r#"{"format":2,"whatever":true}"#),
            "koodisto.file.format"
        );
        let mut f = file();
        f.lists.remove("kieli");
        assert_eq!(code(&f.to_json()), "koodisto.file.missing_list");
        let f = file().with_list("maatjavaltiot2", vec![]);
        assert_eq!(code(&f.to_json()), "koodisto.file.empty_list");
        let f = file().with_list("kunta", vec![FileCode::new("091"), FileCode::new("")]);
        let e = KoodistoFile::parse(&f.to_json()).unwrap_err();
        assert_eq!(
            e,
            KoodistoFileError::EmptyCode {
                list: "kunta".into(),
                index: 1
            }
        );
        assert_eq!(e.to_string(), "empty code at position 1 of list `kunta`");
        let e = KoodistoFile::parse("{\n  x").unwrap_err();
        assert!(
            matches!(e, KoodistoFileError::Json { line: 2, .. }),
            "{e:?}"
        );
        for lang in [Lang::Fi, Lang::Sv, Lang::En] {
            assert!(!e.message(lang).is_empty());
        }
    }

    #[test]
    fn a_file_written_by_hand_with_extra_lists_reads() {
        let text = r#"{"format":1,"fetched":"","source":"","lists":{
            "sukupuoli":[{"koodi":"1"},{"koodi":"2"},{"koodi":"3","fi":"muu"}],
            "kieli":[{"koodi":"FI"}],"maatjavaltiot2":[{"koodi":"246"}],
            "posti":[{"koodi":"00100"}]}}"#;
        let k = Koodisto::from_file_text(text).unwrap();
        assert!(k.sukupuoli.contains("3"));
        assert_eq!(k.sukupuoli.name("3", Lang::Fi), Some("muu"));
    }
}
