//! What a linking operation reports: the [`Outcome`] with its links, repoints, merges and the
//! flags and fields it changed.

use super::LinkLint;
use crate::person::{Identification, Person};

/// A flag of a person record that an operation may change.
///
/// # Example
///
/// ```
/// use onr_core::linking::Flag;
/// assert_eq!(Flag::YksiloityVtj.as_str(), "yksiloityVTJ");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Flag {
    /// `passivoitu`.
    #[cfg_attr(feature = "serde", serde(rename = "passivoitu"))]
    Passivoitu,
    /// `duplicate`.
    #[cfg_attr(feature = "serde", serde(rename = "duplicate"))]
    Duplicate,
    /// `yksiloity`.
    #[cfg_attr(feature = "serde", serde(rename = "yksiloity"))]
    Yksiloity,
    /// `yksiloityVTJ`.
    #[cfg_attr(feature = "serde", serde(rename = "yksiloityVTJ"))]
    YksiloityVtj,
    /// `yksiloityEidas`.
    #[cfg_attr(feature = "serde", serde(rename = "yksiloityEidas"))]
    YksiloityEidas,
    /// `yksilointiYritetty`.
    #[cfg_attr(feature = "serde", serde(rename = "yksilointiYritetty"))]
    YksilointiYritetty,
    /// `turvakielto`.
    #[cfg_attr(feature = "serde", serde(rename = "turvakielto"))]
    Turvakielto,
}

impl Flag {
    /// Every flag, in a fixed order.
    pub const ALL: [Flag; 7] = [
        Flag::Passivoitu,
        Flag::Duplicate,
        Flag::Yksiloity,
        Flag::YksiloityVtj,
        Flag::YksiloityEidas,
        Flag::YksilointiYritetty,
        Flag::Turvakielto,
    ];

    /// ONR's field name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::linking::Flag::Passivoitu.as_str(), "passivoitu");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Flag::Passivoitu => "passivoitu",
            Flag::Duplicate => "duplicate",
            Flag::Yksiloity => "yksiloity",
            Flag::YksiloityVtj => "yksiloityVTJ",
            Flag::YksiloityEidas => "yksiloityEidas",
            Flag::YksilointiYritetty => "yksilointiYritetty",
            Flag::Turvakielto => "turvakielto",
        }
    }

    /// The flag's value in a record.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = onr_core::person::Person::new("A");
    /// p.duplicate = true;
    /// assert!(onr_core::linking::Flag::Duplicate.get(&p));
    /// ```
    pub fn get(self, p: &Person) -> bool {
        match self {
            Flag::Passivoitu => p.passivoitu,
            Flag::Duplicate => p.duplicate,
            Flag::Yksiloity => p.yksiloity,
            Flag::YksiloityVtj => p.yksiloity_vtj,
            Flag::YksiloityEidas => p.yksiloity_eidas,
            Flag::YksilointiYritetty => p.yksilointi_yritetty,
            Flag::Turvakielto => p.turvakielto,
        }
    }
}

/// A non-flag field of a person record that an operation changed (values are not repeated in
/// the outcome: they may be personal data).
///
/// # Example
///
/// ```
/// use onr_core::linking::Field;
/// assert_ne!(Field::Hetu, Field::KaikkiHetut);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub enum Field {
    /// The current hetu.
    Hetu,
    /// The hetu history (`kaikkiHetut`).
    KaikkiHetut,
    /// Login identifications.
    Identifications,
    /// Citizenships.
    Kansalaisuus,
    /// Mother tongue.
    Aidinkieli,
    /// Guardians.
    Huoltajat,
    /// Birth date.
    Syntymaaika,
    /// Sex.
    Sukupuoli,
    /// Contact groups.
    YhteystiedotRyhma,
    /// The home-municipality history rows (not part of [`Person`]; deleted by a hetu take-over).
    KotikuntaHistoria,
}

/// A flag that an operation changed.
///
/// # Example
///
/// ```
/// use onr_core::linking::{Flag, FlagChange};
/// let c = FlagChange { oid: "S".into(), flag: Flag::Duplicate, from: false, to: true };
/// assert!(c.to);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FlagChange {
    /// The person.
    pub oid: String,
    /// The flag.
    pub flag: Flag,
    /// Value before the operation.
    pub from: bool,
    /// Value after.
    pub to: bool,
}

/// A field that an operation changed.
///
/// # Example
///
/// ```
/// use onr_core::linking::{Field, FieldChange};
/// let c = FieldChange { oid: "M".into(), field: Field::Identifications };
/// assert_eq!(c.field, Field::Identifications);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FieldChange {
    /// The person.
    pub oid: String,
    /// The field.
    pub field: Field,
}

/// A link row (master → slave).
///
/// # Example
///
/// ```
/// let l = onr_core::linking::Link::new("M", "S");
/// assert_eq!(l.slave, "S");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Link {
    /// The master.
    pub master: String,
    /// The slave.
    pub slave: String,
}

impl Link {
    /// A link from `master` to `slave`.
    ///
    /// # Example
    ///
    /// ```
    /// let l = onr_core::linking::Link::new("M", "S");
    /// assert_eq!(l.master, "M");
    /// ```
    pub fn new(master: impl Into<String>, slave: impl Into<String>) -> Self {
        Link {
            master: master.into(),
            slave: slave.into(),
        }
    }
}

/// A link row whose master was changed (a slave's slave handed over to the new master).
///
/// # Example
///
/// ```
/// let r = onr_core::linking::Repoint { slave: "T".into(), from: "S".into(), to: "M".into() };
/// assert_eq!(r.to, "M");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Repoint {
    /// The slave of the row.
    pub slave: String,
    /// The former master.
    pub from: String,
    /// The new master.
    pub to: String,
}

/// What linking moved from a slave to its master (only when neither has a hetu).
///
/// # Example
///
/// ```
/// let m = onr_core::linking::Merge {
///     slave: "S".into(), master: "M".into(),
///     identifications: vec![], kansalaisuus: vec!["246".into()], aidinkieli: None,
/// };
/// assert_eq!(m.kansalaisuus, vec!["246"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Merge {
    /// The slave the data came from.
    pub slave: String,
    /// The master that received it.
    pub master: String,
    /// Login identifications moved (removed from the slave, added to the master).
    pub identifications: Vec<Identification>,
    /// Citizenship codes the master did not have before.
    pub kansalaisuus: Vec<String>,
    /// The mother tongue the master took (it had none).
    pub aidinkieli: Option<String>,
}

/// Everything an operation did: the shape of ONR's answer and every side effect a mirror must
/// reproduce.
///
/// # Example
///
/// ```
/// use onr_core::{linking::Registry, person::Person, Environment};
/// let mut reg = Registry::new(Environment::Production);
/// reg.extend_persons([Person::new("M"), Person::new("S")]);
/// let o = reg.link("M", &["S"])?;
/// assert_eq!(o.links_created.len(), 1);
/// assert_eq!(o.accounts_passivated, vec!["S"]);
/// assert_eq!(o.saved, vec!["M"]);
/// assert_eq!(o.change_feed, vec!["M", "S"]);
/// # Ok::<(), onr_core::linking::LinkError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Outcome {
    /// The master of the operation (for unlink the given master; for hetu-less identification
    /// the person).
    pub master: String,
    /// ONR's response body for link and force-link: the slave OIDs processed, in order
    /// (repeats included, as ONR sends them). For the hetu operations the slaves of the link
    /// they made, if any; empty for the other operations.
    pub slaves: Vec<String>,
    /// Link rows inserted.
    pub links_created: Vec<Link>,
    /// Link rows deleted.
    pub links_deleted: Vec<Link>,
    /// Link rows whose master changed.
    pub links_repointed: Vec<Repoint>,
    /// Flags changed, per person in the order the persons were first touched.
    pub flag_changes: Vec<FlagChange>,
    /// Other fields changed.
    pub field_changes: Vec<FieldChange>,
    /// Data moved from slaves to the master.
    pub merges: Vec<Merge>,
    /// Persons whose guardian relations were removed.
    pub guardians_cleared: Vec<String>,
    /// Persons whose user account ONR passivates in the access-rights service.
    pub accounts_passivated: Vec<String>,
    /// Persons saved through ONR's `update()`, in order (repeats included).
    pub saved: Vec<String>,
    /// The OIDs whose `modified` time is bumped, i.e. that appear in `/s2s/changedSince`:
    /// each saved person and all its slaves, de-duplicated, in order.
    pub change_feed: Vec<String>,
    /// The change notifications (`{"oidHenkilo": ...}`) ONR publishes, in order (repeats
    /// included).
    pub notifications: Vec<String>,
    /// Surprising effects of this operation (see [`LinkLint`]).
    pub lints: Vec<LinkLint>,
}
