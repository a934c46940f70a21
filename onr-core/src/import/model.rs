//! The batch and row model of ONR's import (`PUT /oppija`, `OppijaTuontiCreateDto`).
//!
//! Every field is kept exactly as it would reach ONR: `None` is JSON `null` (or an absent
//! field) and `Some("")` is the empty string. The difference matters: ONR's "at least one
//! identifier" rule counts non-null values, so `hetu: ""` satisfies it although it holds no
//! identifier at all. Nothing is trimmed or case-folded.
//!
//! Field names are ONR's (Finnish), so that the model maps one-to-one to ONR's JSON:
//!
//! | field | meaning |
//! |---|---|
//! | `tunniste` | the source system's own identifier for the row |
//! | `oid` | an existing person's OID |
//! | `hetu` | henkilötunnus, the Finnish personal identity code |
//! | `passinumero` | passport number |
//! | `sahkoposti` | e-mail address (stored as an `email` identification) |
//! | `etunimet`, `kutsumanimi`, `sukunimi` | first names, nickname, surname |
//! | `syntymaaika` | birth date |
//! | `sukupuoli` | sex, koodisto `sukupuoli` (`1` male, `2` female) |
//! | `aidinkieli` | mother tongue, koodisto `kieli` in upper case (`FI`, `SV`, ...) |
//! | `kansalaisuus` | citizenships, koodisto `maatjavaltiot2` (`246` Finland, ...) |

use chrono::NaiveDate;

/// A whole import batch (`OppijaTuontiCreateDto`): an optional notification e-mail address and
/// the rows.
///
/// # Example
///
/// ```
/// use onr_core::import::{Batch, RowPerson, Row};
///
/// let batch = Batch {
///     sahkoposti: Some("kirjaamo@example.fi".into()),
///     henkilot: Some(vec![Some(Row::new(RowPerson::default()))]),
/// };
/// assert_eq!(batch.henkilot.as_ref().map(Vec::len), Some(1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Batch {
    /// The address ONR notifies when an official has to act (`sahkoposti`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub sahkoposti: Option<String>,
    /// The rows (`henkilot`); `None` when the field is missing or `null`, and an element is
    /// `None` when it is JSON `null`.
    pub henkilot: Option<Vec<Option<Row>>>,
}

/// One row of a batch (`OppijaTuontiRiviCreateDto`).
///
/// # Example
///
/// ```
/// use onr_core::import::{RowPerson, Row};
/// let row = Row::new(RowPerson { hetu: Some("010101A900R".into()), ..RowPerson::default() });
/// assert!(row.tunniste.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Row {
    /// The source system's identifier for the row (`tunniste`), optional.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub tunniste: Option<String>,
    /// The person (`henkilo`); required by ONR.
    pub henkilo: Option<RowPerson>,
    /// The row's `conflict` flag as sent (`None` when the field is absent or `null`). It is an
    /// output field of ONR's DTO, but ONR reads it from the request and keeps it: a row sent
    /// with `true` is stored as a name conflict whatever happens (lint
    /// `import.lint.sent_conflict`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub conflict: Option<bool>,
}

impl Row {
    /// A row holding `henkilo`, without a `tunniste`.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{RowPerson, Row};
    /// assert!(Row::new(RowPerson::default()).henkilo.is_some());
    /// ```
    pub fn new(henkilo: RowPerson) -> Row {
        Row {
            tunniste: None,
            henkilo: Some(henkilo),
            conflict: None,
        }
    }
}

/// The person of a row (`OppijaTuontiRiviHenkiloCreateDto`).
///
/// # Example
///
/// ```
/// use onr_core::import::{Koodi, RowPerson};
/// let person = RowPerson {
///     hetu: Some("010101A900R".into()),
///     etunimet: Some("Aino Maria".into()),
///     kutsumanimi: Some("Aino".into()),
///     sukunimi: Some("Virtanen".into()),
///     kansalaisuus: Some(vec![Some(Koodi::new("246"))]),
///     ..RowPerson::default()
/// };
/// assert_eq!(person.identifiers().count(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct RowPerson {
    /// An existing person's OID (`oid`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub oid: Option<String>,
    /// The personal identity code (`hetu`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub hetu: Option<String>,
    /// A passport number (`passinumero`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub passinumero: Option<String>,
    /// An e-mail address (`sahkoposti`), stored by ONR as an `email` identification.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub sahkoposti: Option<String>,
    /// All first names (`etunimet`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub etunimet: Option<String>,
    /// The name the person is called by (`kutsumanimi`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub kutsumanimi: Option<String>,
    /// The surname (`sukunimi`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub sukunimi: Option<String>,
    /// The birth date (`syntymaaika`, ISO `yyyy-MM-dd` in JSON).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub syntymaaika: Option<NaiveDate>,
    /// Sex, a code of koodisto `sukupuoli` (`sukupuoli`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub sukupuoli: Option<Koodi>,
    /// Mother tongue, a code of koodisto `kieli` (`aidinkieli`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub aidinkieli: Option<Koodi>,
    /// Citizenships, codes of koodisto `maatjavaltiot2` (`kansalaisuus`); an element is `None`
    /// when it is JSON `null`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub kansalaisuus: Option<Vec<Option<Koodi>>>,
}

/// The kinds of identifier ONR matches import rows by, in its priority order.
///
/// # Example
///
/// ```
/// use onr_core::import::IdKind;
/// assert_eq!(IdKind::ALL[0], IdKind::Oid);
/// assert_eq!(IdKind::Passinumero.field(), "passinumero");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum IdKind {
    /// The person OID.
    Oid,
    /// The hetu.
    Hetu,
    /// A passport number.
    Passinumero,
    /// An e-mail address.
    Sahkoposti,
}

impl IdKind {
    /// The four kinds in ONR's matching priority: OID, hetu, passport number, e-mail.
    pub const ALL: [IdKind; 4] = [
        IdKind::Oid,
        IdKind::Hetu,
        IdKind::Passinumero,
        IdKind::Sahkoposti,
    ];

    /// ONR's field name: `oid`, `hetu`, `passinumero` or `sahkoposti`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::import::IdKind::Hetu.field(), "hetu");
    /// ```
    pub const fn field(self) -> &'static str {
        match self {
            IdKind::Oid => "oid",
            IdKind::Hetu => "hetu",
            IdKind::Passinumero => "passinumero",
            IdKind::Sahkoposti => "sahkoposti",
        }
    }
}

impl RowPerson {
    /// The identifier of one kind, as given (`None` for null).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{IdKind, RowPerson};
    /// let p = RowPerson { passinumero: Some("XP123".into()), ..RowPerson::default() };
    /// assert_eq!(p.identifier(IdKind::Passinumero), Some("XP123"));
    /// assert_eq!(p.identifier(IdKind::Hetu), None);
    /// ```
    pub fn identifier(&self, kind: IdKind) -> Option<&str> {
        match kind {
            IdKind::Oid => self.oid.as_deref(),
            IdKind::Hetu => self.hetu.as_deref(),
            IdKind::Passinumero => self.passinumero.as_deref(),
            IdKind::Sahkoposti => self.sahkoposti.as_deref(),
        }
    }

    /// The non-null identifiers in ONR's matching priority (empty strings included, as ONR
    /// counts them).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{IdKind, RowPerson};
    /// let p = RowPerson { hetu: Some(String::new()), sahkoposti: Some("a@b".into()), ..RowPerson::default() };
    /// let kinds: Vec<IdKind> = p.identifiers().map(|(k, _)| k).collect();
    /// assert_eq!(kinds, [IdKind::Hetu, IdKind::Sahkoposti]);
    /// ```
    pub fn identifiers(&self) -> impl Iterator<Item = (IdKind, &str)> + '_ {
        IdKind::ALL
            .into_iter()
            .filter_map(|k| self.identifier(k).map(|v| (k, v)))
    }

    /// The citizenship codes given, in order, skipping null elements and null codes.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{Koodi, RowPerson};
    /// let p = RowPerson { kansalaisuus: Some(vec![Some(Koodi::new("246")), None]), ..RowPerson::default() };
    /// assert_eq!(p.kansalaisuus_codes().collect::<Vec<_>>(), ["246"]);
    /// ```
    pub fn kansalaisuus_codes(&self) -> impl Iterator<Item = &str> + '_ {
        self.kansalaisuus
            .iter()
            .flatten()
            .flatten()
            .filter_map(|k| k.koodi.as_deref())
    }
}

/// A code-list value (`KoodiUpdateDto`): `{"koodi": "246"}`.
///
/// # Example
///
/// ```
/// use onr_core::import::Koodi;
/// assert_eq!(Koodi::new("SV").koodi.as_deref(), Some("SV"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Koodi {
    /// The code (`koodi`); ONR requires it to be non-null.
    pub koodi: Option<String>,
}

impl Koodi {
    /// A value with the given code.
    pub fn new(koodi: impl Into<String>) -> Koodi {
        Koodi {
            koodi: Some(koodi.into()),
        }
    }
}
