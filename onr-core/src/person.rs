//! Person (henkilö, a person record of ONR) and the state ONR derives from it.
//!
//! A person record is what ONR stores for every learner or official: an OID, an optional hetu
//! and its history, names, birth date, sex, mother tongue, citizenships, passport numbers,
//! login identifications (e-mail, Google, eIDAS ...), home municipality, contact groups with
//! their origin, guardians, and the flags `passivoitu`, `duplicate`, `yksiloity`,
//! `yksiloityVTJ`, `yksiloityEidas`, `yksilointiYritetty` and `turvakielto`.
//!
//! The rules ONR applies to a record, all reproduced here:
//!
//! * **Identification** (yksilöinti): a person is *identified by any method* when `yksiloity`
//!   (manual, hetu-less), `yksiloityVTJ` (automatic against the population register) or
//!   `yksiloityEidas` is set, and *strongly identified* when `yksiloityVTJ` or
//!   `yksiloityEidas` is set.
//! * **Oppijanumero** (learner number): the person's own OID when it is identified by any
//!   method, otherwise none. (For a duplicate, consumers see the master's oppijanumero: see
//!   [`crate::linking`].)
//! * **Identification state** ([`YksilointiTila`]), checked in this order: duplicate or
//!   passivated ⇒ `OK`; identified by any method ⇒ `OK`; no hetu ⇒ `HETU_PUUTTUU`;
//!   identification attempted ⇒ `VIRHE`; otherwise `KESKEN`.
//! * **Saving**: every save stores an empty hetu as none and overwrites the birth date and
//!   sex from the hetu when the hetu is valid in the target environment (sex `"1"` for an odd
//!   individual number, `"2"` for an even one) — [`Person::apply_save_rules`].
//! * **Passivation**: a passivated (`passivoitu`) or duplicate person stays in the register and is
//!   still found by OID, hetu and eIDAS identifier, but disappears from other lookups; each
//!   lookup is a named rule of [`Lookup`]. Re-activation needs a superuser
//!   ([`Person::check_reactivation`]), except that linking silently re-activates a master.
//! * **Turvakielto** (address non-disclosure): ONR deletes the contact groups of VTJ origin
//!   (`alkupera1`) whenever such a person is saved and hides the home municipality from
//!   consumers while keeping it stored; guardians' views empty the contact groups but, unlike
//!   every other view, still show the home municipality ([`Person::view`]).
//!
//! # Example
//!
//! ```
//! use onr_core::person::{Person, YksilointiTila};
//!
//! let mut p = Person::new("1.2.246.562.24.10000000003");
//! assert_eq!(p.yksilointi_tila(), YksilointiTila::HetuPuuttuu);
//! assert_eq!(p.oppijanumero(), None);
//! p.yksiloity = true;
//! assert_eq!(p.oppijanumero(), Some("1.2.246.562.24.10000000003"));
//! assert_eq!(p.yksilointi_tila(), YksilointiTila::Ok);
//! ```

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;

use crate::error::{code_table, Category, Coded, Lang};
use crate::Environment;

mod vocabulary;
pub use vocabulary::UnknownName;

/// The origin code (`ryhmaAlkuperaTieto`) of contact groups that come from VTJ, the
/// population register: `alkupera1`.
pub const ORIGIN_VTJ: &str = "alkupera1";

/// The identity provider of a login identification (`idpEntityId`).
///
/// # Example
///
/// ```
/// use onr_core::person::IdpEntityId;
/// assert_eq!(IdpEntityId::Email.as_str(), "email");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IdpEntityId {
    /// `oppijaToken`: a learner token.
    #[cfg_attr(feature = "serde", serde(rename = "oppijaToken"))]
    OppijaToken,
    /// `google`.
    #[cfg_attr(feature = "serde", serde(rename = "google"))]
    Google,
    /// `email`.
    #[cfg_attr(feature = "serde", serde(rename = "email"))]
    Email,
    /// `eidas`: an eIDAS identifier stored as a login identification.
    #[cfg_attr(feature = "serde", serde(rename = "eidas"))]
    Eidas,
}

impl IdpEntityId {
    /// ONR's name of the identity provider.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::person::IdpEntityId::OppijaToken.as_str(), "oppijaToken");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            IdpEntityId::OppijaToken => "oppijaToken",
            IdpEntityId::Google => "google",
            IdpEntityId::Email => "email",
            IdpEntityId::Eidas => "eidas",
        }
    }
}

/// A login identification of a person (`identifications[]`): provider and identifier.
///
/// ONR keeps these as separate rows, so a person may hold the same pair twice (linking copies
/// the slave's rows to the master without de-duplicating them).
///
/// # Example
///
/// ```
/// use onr_core::person::{Identification, IdpEntityId};
/// let id = Identification::new(IdpEntityId::Email, "learner@example.invalid");
/// assert_eq!(id.identifier, "learner@example.invalid");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Identification {
    /// The identity provider.
    #[cfg_attr(feature = "serde", serde(rename = "idpEntityId"))]
    pub idp_entity_id: IdpEntityId,
    /// The identifier at that provider (an e-mail address, a token ...).
    pub identifier: String,
}

impl Identification {
    /// A new identification.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::{Identification, IdpEntityId};
    /// let id = Identification::new(IdpEntityId::Google, "learner");
    /// assert_eq!(id.idp_entity_id, IdpEntityId::Google);
    /// ```
    pub fn new(idp_entity_id: IdpEntityId, identifier: impl Into<String>) -> Self {
        Identification {
            idp_entity_id,
            identifier: identifier.into(),
        }
    }
}

impl fmt::Debug for Identification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The identifier is personal data (an e-mail address): never printed.
        f.debug_struct("Identification")
            .field("idp_entity_id", &self.idp_entity_id)
            .finish_non_exhaustive()
    }
}

/// One contact value of a contact group (`yhteystieto[]`).
///
/// # Example
///
/// ```
/// use onr_core::person::ContactInfo;
/// let c = ContactInfo::new("YHTEYSTIETO_KUNTA", "Helsinki");
/// assert_eq!(c.yhteystieto_tyyppi, "YHTEYSTIETO_KUNTA");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ContactInfo {
    /// The type, e.g. `YHTEYSTIETO_SAHKOPOSTI`.
    #[cfg_attr(feature = "serde", serde(rename = "yhteystietoTyyppi"))]
    pub yhteystieto_tyyppi: String,
    /// The value (free text).
    #[cfg_attr(feature = "serde", serde(rename = "yhteystietoArvo", default))]
    pub yhteystieto_arvo: Option<String>,
}

impl ContactInfo {
    /// A new contact value.
    ///
    /// # Example
    ///
    /// ```
    /// let c = onr_core::person::ContactInfo::new("YHTEYSTIETO_MAA", "Suomi");
    /// assert_eq!(c.yhteystieto_arvo.as_deref(), Some("Suomi"));
    /// ```
    pub fn new(tyyppi: impl Into<String>, arvo: impl Into<String>) -> Self {
        ContactInfo {
            yhteystieto_tyyppi: tyyppi.into(),
            yhteystieto_arvo: Some(arvo.into()),
        }
    }
}

impl fmt::Debug for ContactInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContactInfo")
            .field("yhteystieto_tyyppi", &self.yhteystieto_tyyppi)
            .finish_non_exhaustive()
    }
}

/// A contact-information group (`yhteystiedotRyhma[]`) with its description and origin.
///
/// # Example
///
/// ```
/// use onr_core::person::{ContactGroup, ORIGIN_VTJ};
/// let g = ContactGroup::new("yhteystietotyyppi4", ORIGIN_VTJ);
/// assert!(g.is_from_vtj());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ContactGroup {
    /// Code of koodisto `yhteystietotyypit`, e.g. `yhteystietotyyppi2` (work address).
    #[cfg_attr(feature = "serde", serde(rename = "ryhmaKuvaus", default))]
    pub ryhma_kuvaus: Option<String>,
    /// Code of koodisto `yhteystietojenalkupera`: `alkupera1` = VTJ, `alkupera2` = entered by a user ...
    #[cfg_attr(feature = "serde", serde(rename = "ryhmaAlkuperaTieto"))]
    pub ryhma_alkupera_tieto: String,
    /// Whether clients may replace the group (VTJ groups are read-only).
    #[cfg_attr(feature = "serde", serde(rename = "readOnly", default))]
    pub read_only: bool,
    /// The values.
    #[cfg_attr(feature = "serde", serde(default))]
    pub yhteystieto: Vec<ContactInfo>,
}

impl ContactGroup {
    /// A new empty group with the given description and origin.
    ///
    /// # Example
    ///
    /// ```
    /// let g = onr_core::person::ContactGroup::new("yhteystietotyyppi2", "alkupera2");
    /// assert!(!g.is_from_vtj());
    /// ```
    pub fn new(ryhma_kuvaus: impl Into<String>, origin: impl Into<String>) -> Self {
        ContactGroup {
            ryhma_kuvaus: Some(ryhma_kuvaus.into()),
            ryhma_alkupera_tieto: origin.into(),
            read_only: false,
            yhteystieto: Vec::new(),
        }
    }

    /// Whether the group's origin is VTJ ([`ORIGIN_VTJ`], exact match).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::ContactGroup;
    /// assert!(ContactGroup::new("yhteystietotyyppi8", "alkupera1").is_from_vtj());
    /// ```
    pub fn is_from_vtj(&self) -> bool {
        self.ryhma_alkupera_tieto == ORIGIN_VTJ
    }
}

/// The identification state ONR derives for a person (`YksilointiTila`).
///
/// # Example
///
/// ```
/// use onr_core::person::YksilointiTila;
/// assert_eq!(YksilointiTila::HetuPuuttuu.as_str(), "HETU_PUUTTUU");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum YksilointiTila {
    /// `OK`: identified, or duplicate, or passivated.
    #[cfg_attr(feature = "serde", serde(rename = "OK"))]
    Ok,
    /// `HETU_PUUTTUU`: unidentified and without a hetu.
    #[cfg_attr(feature = "serde", serde(rename = "HETU_PUUTTUU"))]
    HetuPuuttuu,
    /// `VIRHE`: has a hetu, identification was attempted and did not succeed.
    #[cfg_attr(feature = "serde", serde(rename = "VIRHE"))]
    Virhe,
    /// `KESKEN`: has a hetu, identification not attempted yet.
    #[cfg_attr(feature = "serde", serde(rename = "KESKEN"))]
    Kesken,
}

impl YksilointiTila {
    /// ONR's name of the state.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::person::YksilointiTila::Kesken.as_str(), "KESKEN");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            YksilointiTila::Ok => "OK",
            YksilointiTila::HetuPuuttuu => "HETU_PUUTTUU",
            YksilointiTila::Virhe => "VIRHE",
            YksilointiTila::Kesken => "KESKEN",
        }
    }
}

impl fmt::Display for YksilointiTila {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person record with the fields ONR's rules read.
///
/// Fields are public: this is a record, not a validated value. Field names in JSON (feature
/// `serde`) are ONR's (`oidHenkilo`, `kaikkiHetut`, `yksiloityVTJ` ...); `aidinkieli`,
/// `kansalaisuus` and `eidasTunnisteet` keep ONR's nested shapes (`{"kieliKoodi": ..}`,
/// `[{"kansalaisuusKoodi": ..}]`, `[{"tunniste": ..}]`) while Rust holds only the codes. Missing
/// JSON fields take their defaults. `huoltajat` (guardians) holds the guardians' OIDs.
///
/// `Debug` never prints the hetu, names or identifiers.
///
/// # Example
///
/// ```
/// use onr_core::person::Person;
///
/// let mut p = Person::new("1.2.246.562.24.10000000003");
/// p.hetu = Some("010190-998V".into());
/// p.yksiloity_vtj = true;
/// assert!(p.is_strongly_identified());
/// assert!(!format!("{p:?}").contains("010190"));
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct Person {
    /// The person's OID (`oidHenkilo`).
    #[cfg_attr(feature = "serde", serde(rename = "oidHenkilo"))]
    pub oid: String,
    /// The current hetu, if any (ONR stores an empty one as none).
    pub hetu: Option<String>,
    /// Every official hetu of the person, current and former (`kaikkiHetut`); only hetus confirmed
    /// by VTJ end up here.
    #[cfg_attr(feature = "serde", serde(rename = "kaikkiHetut"))]
    pub kaikki_hetut: BTreeSet<String>,
    /// First names.
    pub etunimet: String,
    /// Nickname (one of the first names).
    pub kutsumanimi: String,
    /// Surname.
    pub sukunimi: String,
    /// Birth date.
    pub syntymaaika: Option<NaiveDate>,
    /// Sex, koodisto `sukupuoli`: `"1"` male, `"2"` female.
    pub sukupuoli: Option<String>,
    /// Mother tongue, koodisto `kieli` code (JSON `{"kieliKoodi": ...}`).
    #[cfg_attr(feature = "serde", serde(with = "serde_kielisyys"))]
    pub aidinkieli: Option<String>,
    /// Citizenship codes, koodisto `maatjavaltiot2` (JSON `[{"kansalaisuusKoodi": ...}]`).
    #[cfg_attr(feature = "serde", serde(with = "serde_kansalaisuus"))]
    pub kansalaisuus: BTreeSet<String>,
    /// Passport numbers.
    pub passinumerot: BTreeSet<String>,
    /// Login identifications (e-mail, Google, learner token, eIDAS).
    pub identifications: Vec<Identification>,
    /// eIDAS identifiers (JSON `[{"tunniste": ...}]`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "eidasTunnisteet", with = "serde_eidas")
    )]
    pub eidas_tunnisteet: Vec<String>,
    /// Home municipality, koodisto `kunta` code (kept in the record even under turvakielto).
    pub kotikunta: Option<String>,
    /// Contact-information groups.
    #[cfg_attr(feature = "serde", serde(rename = "yhteystiedotRyhma"))]
    pub yhteystiedot_ryhma: Vec<ContactGroup>,
    /// The guardians' OIDs (ONR's guardian relations).
    pub huoltajat: Vec<String>,
    /// Passivated (deactivated).
    pub passivoitu: bool,
    /// A duplicate record, linked as slave to a master.
    pub duplicate: bool,
    /// Manually identified without a hetu ("weak" identification).
    pub yksiloity: bool,
    /// Identified automatically against VTJ by hetu ("strong").
    #[cfg_attr(feature = "serde", serde(rename = "yksiloityVTJ"))]
    pub yksiloity_vtj: bool,
    /// Identified by eIDAS ("strong").
    #[cfg_attr(feature = "serde", serde(rename = "yksiloityEidas"))]
    pub yksiloity_eidas: bool,
    /// VTJ identification has been attempted (successfully or not).
    #[cfg_attr(feature = "serde", serde(rename = "yksilointiYritetty"))]
    pub yksilointi_yritetty: bool,
    /// Address non-disclosure (turvakielto).
    pub turvakielto: bool,
}

impl fmt::Debug for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Personal data (hetu, names, identifiers, addresses) is never printed.
        f.debug_struct("Person")
            .field("oid", &self.oid)
            .field("has_hetu", &self.hetu.is_some())
            .field("kaikki_hetut", &self.kaikki_hetut.len())
            .field("identifications", &self.identifications.len())
            .field("kansalaisuus", &self.kansalaisuus)
            .field("aidinkieli", &self.aidinkieli)
            .field("passivoitu", &self.passivoitu)
            .field("duplicate", &self.duplicate)
            .field("yksiloity", &self.yksiloity)
            .field("yksiloity_vtj", &self.yksiloity_vtj)
            .field("yksiloity_eidas", &self.yksiloity_eidas)
            .field("yksilointi_yritetty", &self.yksilointi_yritetty)
            .field("turvakielto", &self.turvakielto)
            .finish_non_exhaustive()
    }
}

/// Who may change a flag: an ordinary official or a superuser (rekisterinpitäjä).
///
/// # Example
///
/// ```
/// use onr_core::person::Actor;
/// assert_ne!(Actor::Official, Actor::Superuser);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Actor {
    /// An official allowed to update the person.
    Official,
    /// A superuser (rekisterinpitäjä).
    Superuser,
}

/// A lookup or listing of ONR, each a named rule about passivated and duplicate persons.
///
/// # Example
///
/// ```
/// use onr_core::person::{Lookup, Person};
///
/// let mut p = Person::new("1.2.246.562.24.10000000003");
/// p.passivoitu = true;
/// assert!(!p.included_in(Lookup::DuplicateSearch));
/// assert!(p.included_in(Lookup::ByHetu));
/// assert!(!p.included_in(Lookup::NameSearch { include_passive: false }));
/// assert!(p.included_in(Lookup::NameSearch { include_passive: true }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lookup {
    /// The trigram duplicate search and its count: passivated and duplicate persons excluded.
    DuplicateSearch,
    /// The free-text person search (`oppijahaku`, by OID, hetu or name): passivated persons are
    /// excluded unless the caller asks for them; duplicates are **not** excluded.
    NameSearch {
        /// The caller's `passive = true`.
        include_passive: bool,
    },
    /// `GET /henkilo/hakutermi=`: only persons neither passivated nor duplicate.
    SearchTerm,
    /// Lookups by hetu (`/hetu=`, `/s2s/oidByHetu`, import matching, `/henkilo/exists`): everyone.
    ByHetu,
    /// `GET /henkilo/{oid}` and master resolution: everyone.
    ByOid,
    /// Lookup by eIDAS identifier: everyone.
    ByEidas,
    /// The import "errors" and "in progress" counts and the error listing: passivated and
    /// duplicate persons excluded.
    ImportErrorCount,
    /// The list of failed identifications for manual comparison: passivated and duplicate
    /// persons excluded.
    FailedIdentificationList,
    /// The VTJ change feed (muutostieto): updates for passivated persons are skipped.
    VtjChangeFeed,
    /// The VTJ refresh buckets: only non-passivated VTJ-identified persons with a hetu.
    VtjBucketRefresh,
    /// The background identification job: persons with a non-empty hetu who are not
    /// VTJ-identified — passivated and duplicate persons are **not** excluded (stored comparison
    /// data and pending errors, which also exclude a person, are not part of this record).
    BackgroundIdentification,
}

impl Person {
    /// A new unidentified, active person with the given OID and every other field empty.
    ///
    /// # Example
    ///
    /// ```
    /// let p = onr_core::person::Person::new("1.2.246.562.24.10000000003");
    /// assert!(!p.passivoitu && !p.duplicate);
    /// ```
    pub fn new(oid: impl Into<String>) -> Self {
        Person {
            oid: oid.into(),
            ..Person::default()
        }
    }

    /// Whether the person has a hetu (ONR: `hetu != null`; an empty string counts as a hetu
    /// until the record is saved, see [`Person::apply_save_rules`]).
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("1.2.246.562.24.10000000003");
    /// assert!(!p.has_hetu());
    /// p.hetu = Some("010190-998V".into());
    /// assert!(p.has_hetu());
    /// ```
    pub fn has_hetu(&self) -> bool {
        self.hetu.is_some()
    }

    /// Identified by any method: `yksiloity || yksiloityVTJ || yksiloityEidas`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("1.2.246.562.24.10000000003");
    /// p.yksiloity_eidas = true;
    /// assert!(p.is_identified_by_any_method());
    /// ```
    pub fn is_identified_by_any_method(&self) -> bool {
        self.yksiloity || self.is_strongly_identified()
    }

    /// Strongly identified: `yksiloityVTJ || yksiloityEidas`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("1.2.246.562.24.10000000003");
    /// p.yksiloity = true;
    /// assert!(!p.is_strongly_identified());
    /// ```
    pub fn is_strongly_identified(&self) -> bool {
        self.yksiloity_vtj || self.yksiloity_eidas
    }

    /// "Identified" as the master selection of linking counts it: identified by any method
    /// **or having a hetu** (ONR's own code wonders why a hetu without VTJ identification
    /// counts).
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("1.2.246.562.24.10000000003");
    /// p.hetu = Some("010190-998V".into());
    /// assert!(p.counts_as_identified_for_linking());
    /// assert!(!p.is_identified_by_any_method());
    /// ```
    pub fn counts_as_identified_for_linking(&self) -> bool {
        self.is_identified_by_any_method() || self.has_hetu()
    }

    /// The person's own oppijanumero: its OID when identified by any method, else none.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("1.2.246.562.24.10000000003");
    /// assert_eq!(p.oppijanumero(), None);
    /// p.yksiloity_vtj = true;
    /// assert_eq!(p.oppijanumero(), Some("1.2.246.562.24.10000000003"));
    /// ```
    pub fn oppijanumero(&self) -> Option<&str> {
        self.is_identified_by_any_method()
            .then_some(self.oid.as_str())
    }

    /// The identification state, in ONR's order (see the module documentation).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::{Person, YksilointiTila};
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.hetu = Some("251098-9515".into());
    /// assert_eq!(p.yksilointi_tila(), YksilointiTila::Kesken);
    /// p.yksilointi_yritetty = true;
    /// assert_eq!(p.yksilointi_tila(), YksilointiTila::Virhe);
    /// p.duplicate = true;
    /// assert_eq!(p.yksilointi_tila(), YksilointiTila::Ok);
    /// ```
    pub fn yksilointi_tila(&self) -> YksilointiTila {
        if self.duplicate || self.passivoitu || self.is_identified_by_any_method() {
            YksilointiTila::Ok
        } else if self.hetu.is_none() {
            YksilointiTila::HetuPuuttuu
        } else if self.yksilointi_yritetty {
            YksilointiTila::Virhe
        } else {
            YksilointiTila::Kesken
        }
    }

    /// Whether the import summary view counts this person's row as successful: passivated or
    /// duplicate or `yksiloity` or `yksiloityVTJ` — **not** eIDAS identification, which the
    /// database view ignores (unlike [`YksilointiTila`]).
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("1.2.246.562.24.10000000003");
    /// p.yksiloity_eidas = true;
    /// assert!(!p.counts_as_import_success());
    /// ```
    pub fn counts_as_import_success(&self) -> bool {
        self.passivoitu || self.duplicate || self.yksiloity || self.yksiloity_vtj
    }

    /// The birth date and sex code ONR derives from the hetu, when the hetu is valid in `env`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use onr_core::{person::Person, Environment};
    ///
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.hetu = Some("200198-7484".into());
    /// let (date, sex) = p.hetu_birth_date_and_sex(Environment::Production).unwrap();
    /// assert_eq!(date, NaiveDate::from_ymd_opt(1998, 1, 20).unwrap());
    /// assert_eq!(sex, "2");
    /// ```
    pub fn hetu_birth_date_and_sex(&self, env: Environment) -> Option<(NaiveDate, &'static str)> {
        self.hetu
            .as_deref()
            .and_then(|h| hetu_facts::birth_date_and_sex(h, env))
    }

    /// Applies what every save through ONR does to a record: an empty hetu becomes none, and
    /// the birth date and sex are overwritten from a hetu that is valid in `env`. Returns
    /// whether anything changed.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{person::Person, Environment};
    ///
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.hetu = Some("190198-5259".into());
    /// p.sukupuoli = Some("2".into());
    /// assert!(p.apply_save_rules(Environment::Production));
    /// assert_eq!(p.sukupuoli.as_deref(), Some("1"));
    /// assert_eq!(p.syntymaaika.unwrap().to_string(), "1998-01-19");
    /// ```
    pub fn apply_save_rules(&mut self, env: Environment) -> bool {
        let mut changed = false;
        if self.hetu.as_deref() == Some("") {
            self.hetu = None;
            changed = true;
        }
        if let Some((date, sex)) = self.hetu_birth_date_and_sex(env) {
            if self.syntymaaika != Some(date) {
                self.syntymaaika = Some(date);
                changed = true;
            }
            if self.sukupuoli.as_deref() != Some(sex) {
                self.sukupuoli = Some(sex.to_owned());
                changed = true;
            }
        }
        if self.turvakielto {
            changed |= self.apply_turvakielto_on_save();
        }
        changed
    }

    /// Applies ONR's persist hook for turvakielto: when the flag is set, every contact group of
    /// VTJ origin is deleted from the record (other origins are kept; the home municipality is
    /// kept). Returns whether a group was removed.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::{ContactGroup, Person};
    ///
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.turvakielto = true;
    /// p.yhteystiedot_ryhma.push(ContactGroup::new("yhteystietotyyppi4", "alkupera1"));
    /// p.yhteystiedot_ryhma.push(ContactGroup::new("yhteystietotyyppi2", "alkupera2"));
    /// assert!(p.apply_turvakielto_on_save());
    /// assert_eq!(p.yhteystiedot_ryhma.len(), 1);
    /// ```
    pub fn apply_turvakielto_on_save(&mut self) -> bool {
        if !self.turvakielto {
            return false;
        }
        let before = self.yhteystiedot_ryhma.len();
        self.yhteystiedot_ryhma.retain(|g| !g.is_from_vtj());
        before != self.yhteystiedot_ryhma.len()
    }

    /// The record as ONR shows it to `audience`.
    ///
    /// * [`Audience::Consumer`] (`HenkiloDto`, `OppijaReadDto`, exports): under turvakielto the
    ///   home municipality is hidden and VTJ-origin contact groups are gone.
    /// * [`Audience::Guardian`] (`GET /henkilo/{oid}/huoltajat`, the person seen as someone's
    ///   guardian): under turvakielto every contact group is emptied, but the home municipality
    ///   is **still shown** — an inconsistency of ONR reproduced here.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::{Audience, Person};
    ///
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.turvakielto = true;
    /// p.kotikunta = Some("493".into());
    /// assert_eq!(p.view(Audience::Consumer).kotikunta, None);
    /// assert_eq!(p.view(Audience::Guardian).kotikunta.as_deref(), Some("493"));
    /// ```
    pub fn view(&self, audience: Audience) -> Person {
        let mut shown = self.clone();
        if self.turvakielto {
            match audience {
                Audience::Consumer => {
                    shown.kotikunta = None;
                    shown.yhteystiedot_ryhma.retain(|g| !g.is_from_vtj());
                }
                Audience::Guardian => shown.yhteystiedot_ryhma.clear(),
            }
        }
        shown
    }

    /// Whether the person shows up in `lookup` (see [`Lookup`] for each rule).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::{Lookup, Person};
    ///
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.duplicate = true;
    /// assert!(p.included_in(Lookup::NameSearch { include_passive: false }));
    /// assert!(!p.included_in(Lookup::SearchTerm));
    /// ```
    pub fn included_in(&self, lookup: Lookup) -> bool {
        match lookup {
            Lookup::DuplicateSearch
            | Lookup::SearchTerm
            | Lookup::ImportErrorCount
            | Lookup::FailedIdentificationList => !self.passivoitu && !self.duplicate,
            Lookup::NameSearch { include_passive } => include_passive || !self.passivoitu,
            Lookup::ByHetu | Lookup::ByOid | Lookup::ByEidas => true,
            Lookup::VtjChangeFeed => !self.passivoitu,
            Lookup::VtjBucketRefresh => {
                !self.passivoitu && self.yksiloity_vtj && self.hetu.is_some()
            }
            Lookup::BackgroundIdentification => {
                !self.yksiloity_vtj && self.hetu.as_deref().is_some_and(|h| !h.is_empty())
            }
        }
    }

    /// Checks a `PUT /henkilo` that sends `passivoitu` (`requested`, `None` when the field is
    /// absent): re-activating a passivated person (`Some(false)`) is allowed only for a
    /// superuser. Passivating is allowed for anyone who may update the person.
    ///
    /// Linking is the exception: it re-activates the chosen master without this check (see
    /// [`crate::linking`]).
    ///
    /// # Errors
    ///
    /// [`PersonError::ReactivationForbidden`] (HTTP 403, "Vain rekisterinpitäjä voi aktivoida
    /// henkilön").
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::{Actor, Person, PersonError};
    ///
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.passivoitu = true;
    /// assert_eq!(p.check_reactivation(Some(false), Actor::Official), Err(PersonError::ReactivationForbidden));
    /// assert!(p.check_reactivation(Some(false), Actor::Superuser).is_ok());
    /// assert!(p.check_reactivation(None, Actor::Official).is_ok());
    /// ```
    pub fn check_reactivation(
        &self,
        requested: Option<bool>,
        actor: Actor,
    ) -> Result<(), PersonError> {
        if self.passivoitu && requested == Some(false) && actor != Actor::Superuser {
            return Err(PersonError::ReactivationForbidden);
        }
        Ok(())
    }
}

/// To whom a record is shown (see [`Person::view`]).
///
/// # Example
///
/// ```
/// use onr_core::person::Audience;
/// assert_ne!(Audience::Consumer, Audience::Guardian);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Ordinary consumers: `HenkiloDto`, `OppijaReadDto`, exports.
    Consumer,
    /// The person as someone's guardian (`HuoltajaDto`).
    Guardian,
}

/// An error of a rule about a single person record.
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::person::PersonError;
/// assert_eq!(PersonError::ReactivationForbidden.code(), "person.reactivation_forbidden");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum PersonError {
    /// Only a superuser may re-activate a passivated person (HTTP 403).
    #[error("only a superuser may re-activate a passivated person")]
    ReactivationForbidden,
}

impl PersonError {
    /// The HTTP status ONR answers with.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::person::PersonError::ReactivationForbidden.http_status(), 403);
    /// ```
    pub const fn http_status(&self) -> u16 {
        match self {
            PersonError::ReactivationForbidden => 403,
        }
    }

    /// ONR's own message text.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::person::PersonError;
    /// assert_eq!(PersonError::ReactivationForbidden.onr_message(), "Vain rekisterinpitäjä voi aktivoida henkilön");
    /// ```
    pub const fn onr_message(&self) -> &'static str {
        match self {
            PersonError::ReactivationForbidden => "Vain rekisterinpitäjä voi aktivoida henkilön",
        }
    }
}

code_table! {
    /// Every code of [`PersonError`], in the order of its variants.
    PersonError {
        PersonError::ReactivationForbidden => "person.reactivation_forbidden", Category::Policy;
    }
}

impl Coded for PersonError {
    fn code(&self) -> &'static str {
        self.code_entry().0
    }

    fn category(&self) -> Category {
        self.code_entry().1
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PersonError::ReactivationForbidden, Lang::En) => self.to_string(),
            (PersonError::ReactivationForbidden, Lang::Fi) => {
                "vain rekisterinpitäjä voi aktivoida passivoidun henkilön".to_owned()
            }
            (PersonError::ReactivationForbidden, Lang::Sv) => {
                "endast registeransvarig kan återaktivera en passiverad person".to_owned()
            }
        }
    }
}

/// What the person rules need from a hetu: ONR's validity verdict, birth date and sex.
mod hetu_facts {
    use chrono::NaiveDate;

    use crate::hetu::Hetu;
    use crate::Environment;

    /// Birth date and sex code (`"1"`/`"2"`) of a hetu that ONR considers valid in `env`.
    pub(crate) fn birth_date_and_sex(
        hetu: &str,
        env: Environment,
    ) -> Option<(NaiveDate, &'static str)> {
        Hetu::parse(hetu, env)
            .ok()
            .map(|h| (h.birth_date(), h.sex().code()))
    }
}

#[cfg(feature = "serde")]
mod serde_kielisyys {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Kielisyys {
        #[serde(rename = "kieliKoodi")]
        kieli_koodi: Option<String>,
    }

    pub(super) fn serialize<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        v.as_ref()
            .map(|k| Kielisyys {
                kieli_koodi: Some(k.clone()),
            })
            .serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<Kielisyys>::deserialize(d)?.and_then(|k| k.kieli_koodi))
    }
}

#[cfg(feature = "serde")]
mod serde_kansalaisuus {
    use std::collections::BTreeSet;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Kansalaisuus {
        #[serde(rename = "kansalaisuusKoodi")]
        kansalaisuus_koodi: String,
    }

    pub(super) fn serialize<S: Serializer>(v: &BTreeSet<String>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|k| Kansalaisuus {
            kansalaisuus_koodi: k.clone(),
        }))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeSet<String>, D::Error> {
        Ok(Option::<Vec<Kansalaisuus>>::deserialize(d)?
            .unwrap_or_default()
            .into_iter()
            .map(|k| k.kansalaisuus_koodi)
            .collect())
    }
}

#[cfg(feature = "serde")]
mod serde_eidas {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct EidasTunniste {
        tunniste: String,
    }

    pub(super) fn serialize<S: Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|t| EidasTunniste {
            tunniste: t.clone(),
        }))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(Option::<Vec<EidasTunniste>>::deserialize(d)?
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.tunniste)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(oid: &str) -> Person {
        Person::new(oid)
    }

    // HenkiloRepositoryTests.findByOppijaTuontiCriteriaTest: the seven persons and their states.
    #[test]
    fn yksilointi_tila_matches_onr_repository_test() {
        let hetuton = person("hetuton");
        let mut hetuton_yksiloity = person("hetuton_yksiloity");
        hetuton_yksiloity.yksiloity = true;
        let mut hetullinen = person("hetullinen");
        hetullinen.hetu = Some("251098-9515".into());
        let mut yritetty = person("hetullinen_yksilointi_yritetty");
        yritetty.hetu = Some("251098-991E".into());
        yritetty.yksilointi_yritetty = true;
        let mut vtj = person("hetullinen_yksiloity");
        vtj.hetu = Some("251098-937P".into());
        vtj.yksiloity_vtj = true;
        let mut passivoitu = person("passivoitu");
        passivoitu.passivoitu = true;
        let mut duplikaatti = person("duplikaatti");
        duplikaatti.duplicate = true;

        use YksilointiTila::*;
        let all = [
            (&hetuton, HetuPuuttuu),
            (&hetuton_yksiloity, Ok),
            (&hetullinen, Kesken),
            (&yritetty, Virhe),
            (&vtj, Ok),
            (&passivoitu, Ok),
            (&duplikaatti, Ok),
        ];
        for (p, tila) in all {
            assert_eq!(p.yksilointi_tila(), tila, "{}", p.oid);
        }
        // Import summary: 4 successful, 1 in progress, 2 errors.
        let ok = all
            .iter()
            .filter(|(p, _)| p.counts_as_import_success())
            .count();
        assert_eq!(ok, 4);
        let errors = all
            .iter()
            .filter(|(p, t)| {
                p.included_in(Lookup::ImportErrorCount) && matches!(t, HetuPuuttuu | Virhe)
            })
            .count();
        assert_eq!(errors, 2);
    }

    #[test]
    fn duplicate_or_passivated_is_ok_before_anything_else() {
        let mut p = person("x");
        p.hetu = Some("251098-991E".into());
        p.yksilointi_yritetty = true;
        p.passivoitu = true;
        assert_eq!(p.yksilointi_tila(), YksilointiTila::Ok);
    }

    #[test]
    fn oppijanumero_only_when_identified() {
        let mut p = person("1.2.246.562.24.10000000003");
        p.hetu = Some("251098-9515".into());
        assert_eq!(p.oppijanumero(), None);
        for set in [
            |p: &mut Person| p.yksiloity = true,
            |p: &mut Person| p.yksiloity_vtj = true,
            |p: &mut Person| p.yksiloity_eidas = true,
        ] {
            let mut q = p.clone();
            set(&mut q);
            assert_eq!(q.oppijanumero(), Some(q.oid.as_str()));
        }
    }

    #[test]
    fn save_rules_overwrite_birth_date_and_sex_only_from_valid_hetu() {
        let mut p = person("x");
        p.hetu = Some("200198-7484".into());
        p.syntymaaika = NaiveDate::from_ymd_opt(2000, 1, 1);
        p.sukupuoli = Some("1".into());
        p.apply_save_rules(Environment::Production);
        assert_eq!(p.syntymaaika, NaiveDate::from_ymd_opt(1998, 1, 20));
        assert_eq!(p.sukupuoli.as_deref(), Some("2"));

        // Invalid checksum: nothing derived.
        let mut q = person("y");
        q.hetu = Some("200198-7485".into());
        q.sukupuoli = Some("1".into());
        assert!(!q.apply_save_rules(Environment::Production));
        assert_eq!(q.sukupuoli.as_deref(), Some("1"));

        // Empty hetu is stored as none.
        let mut r = person("z");
        r.hetu = Some(String::new());
        assert!(r.apply_save_rules(Environment::Production));
        assert_eq!(r.hetu, None);
    }

    #[test]
    fn temporary_hetu_derives_only_in_test_environment() {
        let mut p = person("x");
        p.hetu = Some("010190-998V".into());
        assert_eq!(p.hetu_birth_date_and_sex(Environment::Production), None);
        let (d, s) = p.hetu_birth_date_and_sex(Environment::Test).unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
        assert_eq!(s, "2");
    }

    #[test]
    fn smart_clamped_date_is_derived_like_onr() {
        // 310490-123D is valid in ONR and yields 1990-04-30.
        let mut p = person("x");
        p.hetu = Some("310490-123D".into());
        let (d, _) = p.hetu_birth_date_and_sex(Environment::Production).unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(1990, 4, 30).unwrap());
    }

    #[test]
    fn passivation_rules_table() {
        let active = person("a");
        let mut passive = person("p");
        passive.passivoitu = true;
        let mut dup = person("d");
        dup.duplicate = true;
        let cases: [(Lookup, bool, bool, bool); 9] = [
            (Lookup::DuplicateSearch, true, false, false),
            (
                Lookup::NameSearch {
                    include_passive: false,
                },
                true,
                false,
                true,
            ),
            (
                Lookup::NameSearch {
                    include_passive: true,
                },
                true,
                true,
                true,
            ),
            (Lookup::SearchTerm, true, false, false),
            (Lookup::ByHetu, true, true, true),
            (Lookup::ByOid, true, true, true),
            (Lookup::ByEidas, true, true, true),
            (Lookup::ImportErrorCount, true, false, false),
            (Lookup::VtjChangeFeed, true, false, true),
        ];
        for (lookup, a, p, d) in cases {
            assert_eq!(active.included_in(lookup), a, "{lookup:?} active");
            assert_eq!(passive.included_in(lookup), p, "{lookup:?} passive");
            assert_eq!(dup.included_in(lookup), d, "{lookup:?} duplicate");
        }
    }

    #[test]
    fn background_identification_does_not_skip_passivated() {
        let mut p = person("p");
        p.hetu = Some("251098-9515".into());
        p.passivoitu = true;
        p.duplicate = true;
        assert!(p.included_in(Lookup::BackgroundIdentification));
        p.hetu = Some(String::new());
        assert!(!p.included_in(Lookup::BackgroundIdentification));
    }

    #[test]
    fn turvakielto_views_and_persist_hook() {
        let mut p = person("t");
        p.turvakielto = true;
        p.kotikunta = Some("493".into());
        p.yhteystiedot_ryhma = vec![
            ContactGroup::new("yhteystietotyyppi4", "alkupera1"),
            ContactGroup::new("yhteystietotyyppi2", "alkupera2"),
            ContactGroup::new("yhteystietotyyppi2", "alkupera6"),
        ];
        let consumer = p.view(Audience::Consumer);
        assert_eq!(consumer.kotikunta, None);
        assert_eq!(consumer.yhteystiedot_ryhma.len(), 2);
        let guardian = p.view(Audience::Guardian);
        assert_eq!(guardian.kotikunta.as_deref(), Some("493"));
        assert!(guardian.yhteystiedot_ryhma.is_empty());
        // Stored record keeps kotikunta, loses only the VTJ group.
        assert!(p.apply_save_rules(Environment::Production));
        assert_eq!(p.kotikunta.as_deref(), Some("493"));
        assert_eq!(p.yhteystiedot_ryhma.len(), 2);
        // Without turvakielto nothing is hidden.
        p.turvakielto = false;
        assert_eq!(p.view(Audience::Consumer), p);
    }

    #[test]
    fn debug_has_no_personal_data() {
        let mut p = person("1.2.246.562.24.10000000003");
        p.hetu = Some("200198-7484".into());
        p.etunimet = "Testi Henkilo".into();
        p.identifications.push(Identification::new(
            IdpEntityId::Email,
            "secret@example.invalid",
        ));
        let dbg = format!("{p:?}");
        assert!(!dbg.contains("200198"));
        assert!(!dbg.contains("Testi"));
        assert!(!dbg.contains("secret"));
    }

    #[test]
    fn error_messages_in_every_language() {
        let e = PersonError::ReactivationForbidden;
        for lang in Lang::ALL {
            let m = e.message(lang);
            assert!(!m.is_empty() && !m.ends_with('.'));
        }
        assert_eq!(e.category(), Category::Policy);
        assert_eq!(e.http_status(), 403);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_uses_onr_field_names() {
        let json = r#"{
            "oidHenkilo": "1.2.246.562.24.10000000003",
            "hetu": "200198-7484",
            "kaikkiHetut": ["200198-7484"],
            "aidinkieli": {"kieliKoodi": "fi", "kieliTyyppi": "suomi"},
            "kansalaisuus": [{"kansalaisuusKoodi": "246"}],
            "identifications": [{"idpEntityId": "email", "identifier": "a@b.fi"}],
            "eidasTunnisteet": [{"tunniste": "FI/FI/X"}],
            "yhteystiedotRyhma": [{"ryhmaKuvaus": "yhteystietotyyppi2", "ryhmaAlkuperaTieto": "alkupera2",
                "readOnly": false, "yhteystieto": [{"yhteystietoTyyppi": "YHTEYSTIETO_KUNTA", "yhteystietoArvo": "x"}]}],
            "yksiloityVTJ": true,
            "syntymaaika": "1998-01-20",
            "unknownField": 1
        }"#;
        let p: Person = serde_json::from_str(json).unwrap();
        assert_eq!(p.oid, "1.2.246.562.24.10000000003");
        assert_eq!(p.aidinkieli.as_deref(), Some("fi"));
        assert!(p.kansalaisuus.contains("246"));
        assert_eq!(p.eidas_tunnisteet, vec!["FI/FI/X".to_owned()]);
        assert!(p.yksiloity_vtj);
        assert_eq!(p.syntymaaika, NaiveDate::from_ymd_opt(1998, 1, 20));
        let back = serde_json::to_value(&p).unwrap();
        assert_eq!(back["oidHenkilo"], "1.2.246.562.24.10000000003");
        assert_eq!(back["aidinkieli"]["kieliKoodi"], "fi");
        assert_eq!(back["kansalaisuus"][0]["kansalaisuusKoodi"], "246");
        assert_eq!(back["yksiloityVTJ"], true);
        let again: Person = serde_json::from_value(back).unwrap();
        assert_eq!(again, p);
    }
}
