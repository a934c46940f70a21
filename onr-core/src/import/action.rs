//! ACTIONS (what ONR will do with each accepted row): match an existing person, attach the
//! row to the person of an earlier row, or create a new person.
//!
//! ONR processes an accepted batch in chunks of 100 rows. For each chunk it first looks up
//! every identifier of the chunk's rows in its database, then takes the rows in order. For a
//! row it tries, in this order, and **the first hit wins**:
//!
//! 1. `oid`: a person with that OID;
//! 2. `hetu`: a person with that current hetu, overridden by a person who has it in their
//!    hetu history;
//! 3. `passinumero`: a person with that passport number;
//! 4. `sahkoposti`: a person with that e-mail identification.
//!
//! Lookups are exact and case-sensitive. After each row, every identifier of the row (even
//! `hetu: ""`) points to the person the row got, for the rest of the chunk: so two rows of a
//! chunk with the same identifier get the same person, and so do all rows of a chunk with
//! `hetu: ""`. Later chunks find a person created by the batch only by what ONR stored: its
//! hetu (unless empty), passport number (unless blank) and e-mail, never by the OID the row
//! gave (a new person gets a new OID). A matched person is never updated from the row.
//!
//! Without knowledge of existing persons ([`Unknown`]) a lookup can only say "maybe"; with a
//! [`ExistingPersons`] (e.g. [`Persons`]) it is certain.
//!
//! # Example
//!
//! ```
//! use onr_core::import::action::{ExistingPerson, Persons, ExistingPersons, LookupAnswer};
//! use onr_core::import::IdKind;
//!
//! let persons = Persons::new(vec![ExistingPerson {
//!     oid: "1.2.246.562.24.00000000001".into(),
//!     hetu: Some("010101A900R".into()),
//!     etunimet: "Aino".into(),
//!     sukunimi: "Virtanen".into(),
//!     ..ExistingPerson::default()
//! }]);
//! assert!(matches!(persons.find(IdKind::Hetu, "010101A900R"), LookupAnswer::Found(..)));
//! assert!(matches!(persons.find(IdKind::Hetu, "020202A900E"), LookupAnswer::NotFound));
//! ```

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::lint::MatchBy;
use super::model::{IdKind, RowPerson};

/// An existing person of ONR, as far as the import needs to know it.
///
/// # Example
///
/// ```
/// use onr_core::import::action::ExistingPerson;
/// let p = ExistingPerson {
///     oid: "1.2.246.562.24.00000000001".into(),
///     hetu: Some("131052-308T".into()),
///     ..ExistingPerson::default()
/// };
/// assert!(p.passinumerot.is_empty());
/// assert!(!format!("{p:?}").contains("131052")); // Debug never prints personal data
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ExistingPerson {
    /// The person OID.
    pub oid: String,
    /// The current hetu.
    pub hetu: Option<String>,
    /// Former hetus (ONR's `kaikkiHetut`).
    pub hetu_history: Vec<String>,
    /// Passport numbers.
    pub passinumerot: Vec<String>,
    /// E-mail identifications.
    pub sahkopostit: Vec<String>,
    /// First names.
    pub etunimet: String,
    /// Surname.
    pub sukunimi: String,
}

impl std::fmt::Debug for ExistingPerson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (hetus, documents, e-mail addresses, names) is never printed.
        f.debug_struct("ExistingPerson")
            .field("oid", &self.oid)
            .field("has_hetu", &self.hetu.is_some())
            .field("hetu_history", &self.hetu_history.len())
            .field("passinumerot", &self.passinumerot.len())
            .field("sahkopostit", &self.sahkopostit.len())
            .finish_non_exhaustive()
    }
}

impl From<&crate::person::Person> for ExistingPerson {
    /// The import's view of a person record: its identifiers (e-mail identifications only,
    /// as ONR's import looks them up) and names.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::action::ExistingPerson;
    /// use onr_core::person::{IdpEntityId, Identification, Person};
    ///
    /// let mut p = Person::new("1.2.246.562.24.10000000003");
    /// p.identifications.push(Identification::new(IdpEntityId::Email, "a@b.fi"));
    /// p.identifications.push(Identification::new(IdpEntityId::Google, "g-123"));
    /// let e = ExistingPerson::from(&p);
    /// assert_eq!(e.sahkopostit, ["a@b.fi"]);
    /// ```
    fn from(p: &crate::person::Person) -> ExistingPerson {
        ExistingPerson {
            oid: p.oid.clone(),
            hetu: p.hetu.clone(),
            hetu_history: p.kaikki_hetut.iter().cloned().collect(),
            passinumerot: p.passinumerot.iter().cloned().collect(),
            sahkopostit: p
                .identifications
                .iter()
                .filter(|i| i.idp_entity_id == crate::person::IdpEntityId::Email)
                .map(|i| i.identifier.clone())
                .collect(),
            etunimet: p.etunimet.clone(),
            sukunimi: p.sukunimi.clone(),
        }
    }
}

/// A person a lookup found: its OID and the names the conflict check compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonRef<'a> {
    /// The OID.
    pub oid: &'a str,
    /// First names.
    pub etunimet: &'a str,
    /// Surname.
    pub sukunimi: &'a str,
}

/// The answer of an [`ExistingPersons`] lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupAnswer<'a> {
    /// ONR has such a person; how it was found.
    Found(PersonRef<'a>, MatchBy),
    /// ONR has no such person.
    NotFound,
    /// Not known (no registry given).
    Unknown,
}

/// Knowledge of ONR's existing persons, looked up as ONR's import does.
pub trait ExistingPersons {
    /// The person ONR's import finds for an identifier of the given kind.
    fn find(&self, kind: IdKind, value: &str) -> LookupAnswer<'_>;
}

/// The registry that knows nothing: every lookup is [`LookupAnswer::Unknown`].
///
/// # Example
///
/// ```
/// use onr_core::import::{action::{LookupAnswer, ExistingPersons, Unknown}, IdKind};
/// assert_eq!(Unknown.find(IdKind::Oid, "1.2.3"), LookupAnswer::Unknown);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Unknown;

impl ExistingPersons for Unknown {
    fn find(&self, _kind: IdKind, _value: &str) -> LookupAnswer<'_> {
        LookupAnswer::Unknown
    }
}

/// An in-memory registry of existing persons, indexed by every identifier.
///
/// When two persons hold the same value, the later one in the list wins (ONR's database
/// keeps identifiers unique, so this only happens with inconsistent data); a former hetu
/// wins over a current one, as in ONR.
///
/// # Example
///
/// ```
/// use onr_core::import::{action::{ExistingPerson, Persons, ExistingPersons, LookupAnswer}, lint::MatchBy, IdKind};
/// let persons = Persons::new(vec![
///     ExistingPerson { oid: "A".into(), hetu: Some("H".into()), ..Default::default() },
///     ExistingPerson { oid: "B".into(), hetu_history: vec!["H".into()], ..Default::default() },
/// ]);
/// match persons.find(IdKind::Hetu, "H") {
///     LookupAnswer::Found(p, by) => { assert_eq!(p.oid, "B"); assert_eq!(by, MatchBy::HetuHistory); }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Persons {
    persons: Vec<ExistingPerson>,
    by_oid: HashMap<String, usize>,
    by_hetu: HashMap<String, (usize, MatchBy)>,
    by_passinumero: HashMap<String, usize>,
    by_sahkoposti: HashMap<String, usize>,
}

impl Persons {
    /// Indexes the persons.
    pub fn new(persons: Vec<ExistingPerson>) -> Persons {
        let mut index = Persons {
            persons: Vec::new(),
            ..Persons::default()
        };
        for (i, p) in persons.iter().enumerate() {
            index.by_oid.insert(p.oid.clone(), i);
            if let Some(h) = &p.hetu {
                index
                    .by_hetu
                    .entry(h.clone())
                    .and_modify(|e| {
                        if e.1 != MatchBy::HetuHistory {
                            *e = (i, MatchBy::Hetu)
                        }
                    })
                    .or_insert((i, MatchBy::Hetu));
            }
            for n in &p.passinumerot {
                index.by_passinumero.insert(n.clone(), i);
            }
            for e in &p.sahkopostit {
                index.by_sahkoposti.insert(e.clone(), i);
            }
        }
        for (i, p) in persons.iter().enumerate() {
            for h in &p.hetu_history {
                index.by_hetu.insert(h.clone(), (i, MatchBy::HetuHistory));
            }
        }
        index.persons = persons;
        index
    }

    /// The number of persons.
    pub fn len(&self) -> usize {
        self.persons.len()
    }

    /// Whether there are no persons.
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty()
    }

    fn person_ref(&self, i: usize) -> PersonRef<'_> {
        let p = &self.persons[i];
        PersonRef {
            oid: &p.oid,
            etunimet: &p.etunimet,
            sukunimi: &p.sukunimi,
        }
    }
}

impl ExistingPersons for Persons {
    fn find(&self, kind: IdKind, value: &str) -> LookupAnswer<'_> {
        let hit = match kind {
            IdKind::Oid => self.by_oid.get(value).map(|&i| (i, MatchBy::Oid)),
            IdKind::Hetu => self.by_hetu.get(value).copied(),
            IdKind::Passinumero => self
                .by_passinumero
                .get(value)
                .map(|&i| (i, MatchBy::Passinumero)),
            IdKind::Sahkoposti => self
                .by_sahkoposti
                .get(value)
                .map(|&i| (i, MatchBy::Sahkoposti)),
        };
        match hit {
            Some((i, by)) => LookupAnswer::Found(self.person_ref(i), by),
            None => LookupAnswer::NotFound,
        }
    }
}

/// What ONR will do with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ActionKind {
    /// Nothing: the row is rejected (and with it the whole batch).
    None,
    /// The row is attached to an existing person (not updated from the row).
    Match,
    /// The row is attached to the person of an earlier row of the batch.
    SameAsRow,
    /// A new person is created from the row.
    Create,
    /// An existing person if ONR knows one of the identifiers listed in `maybe`, else a new
    /// person.
    MatchOrCreate,
    /// An existing person if ONR knows one of the identifiers listed in `maybe`, else the
    /// person of an earlier row.
    MatchOrSameAsRow,
}

impl ActionKind {
    /// The stable name.
    pub const fn as_str(self) -> &'static str {
        match self {
            ActionKind::None => "none",
            ActionKind::Match => "match",
            ActionKind::SameAsRow => "same_as_row",
            ActionKind::Create => "create",
            ActionKind::MatchOrCreate => "match_or_create",
            ActionKind::MatchOrSameAsRow => "match_or_same_as_row",
        }
    }
}

/// The predicted action for a row.
///
/// # Example
///
/// ```
/// use onr_core::import::action::{Action, ActionKind};
/// let a = Action::none();
/// assert_eq!(a.kind, ActionKind::None);
/// assert_eq!(a.conflict, None);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// What happens.
    pub kind: ActionKind,
    /// The identifier that matches (for `match`, `same_as_row` and the `match_or_same_as_row`
    /// fallback).
    pub by: Option<MatchBy>,
    /// The existing person's OID (for `match`).
    pub oid: Option<String>,
    /// The earlier row whose person this is (for `same_as_row`, `match_or_same_as_row`).
    pub row: Option<usize>,
    /// Identifiers that may match another existing person first, in ONR's priority order
    /// (for the `match_or_*` kinds; for `match` they would give another existing person).
    pub maybe: Vec<IdKind>,
    /// Whether ONR will flag the row as a name conflict; `None` when unknown.
    pub conflict: Option<bool>,
}

impl Action {
    /// The action of a rejected row.
    pub fn none() -> Action {
        Action {
            kind: ActionKind::None,
            by: None,
            oid: None,
            row: None,
            maybe: Vec::new(),
            conflict: None,
        }
    }
}

/// Whose person a row got: an existing one or the one created (or possibly created) by a row.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Holder {
    Existing {
        oid: String,
        etunimet: String,
        sukunimi: String,
    },
    Row(u32),
}

/// A person a resolved row points to, for the conflict check: its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    /// First names of the person the row gets.
    pub etunimet: &'a str,
    /// Surname of the person the row gets.
    pub sukunimi: &'a str,
}

/// The chunk size of ONR's import processing (`ERAKOKO`).
pub const CHUNK: usize = 100;

fn id_hash(kind: IdKind, value: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    kind.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// The batch-wide state of ONR's matching: the current chunk's identifier map and what
/// earlier chunks stored.
///
/// Memory: the current chunk's identifiers, plus one hash per stored identifier and the
/// names of each row that creates a person.
#[derive(Debug, Default)]
pub struct Resolver {
    chunk: Option<usize>,
    in_chunk: HashMap<(IdKind, String), Holder>,
    pending: Vec<(u64, u32)>,
    stored: HashMap<u64, u32>,
    names: HashMap<u32, (Box<str>, Box<str>)>,
}

impl Resolver {
    /// An empty resolver for a new batch.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Resolves row `index` (accepted by ONR) as ONR would, records its identifiers, and
    /// returns the action (without `conflict`) and the names of the person it gets.
    pub fn resolve(
        &mut self,
        index: usize,
        person: &RowPerson,
        registry: &dyn ExistingPersons,
    ) -> (Action, Option<(String, String)>) {
        let chunk = index / CHUNK;
        if self.chunk != Some(chunk) {
            self.chunk = Some(chunk);
            self.in_chunk.clear();
            self.stored.extend(self.pending.drain(..));
        }
        let mut maybe = Vec::new();
        let mut hit: Option<(Holder, MatchBy)> = None;
        for (kind, value) in person.identifiers() {
            if let Some(h) = self.in_chunk.get(&(kind, value.to_owned())) {
                hit = Some((h.clone(), MatchBy::of(kind)));
                break;
            }
            if let Some(&row) = self.stored.get(&id_hash(kind, value)) {
                hit = Some((Holder::Row(row), MatchBy::of(kind)));
                break;
            }
            match registry.find(kind, value) {
                LookupAnswer::Found(p, by) => {
                    hit = Some((
                        Holder::Existing {
                            oid: p.oid.to_owned(),
                            etunimet: p.etunimet.to_owned(),
                            sukunimi: p.sukunimi.to_owned(),
                        },
                        by,
                    ));
                    break;
                }
                LookupAnswer::NotFound => {}
                LookupAnswer::Unknown => maybe.push(kind),
            }
        }
        let row = index as u32;
        let mut action = Action::none();
        let holder = match hit {
            Some((holder, by)) => {
                action.by = Some(by);
                match &holder {
                    Holder::Existing { oid, .. } => {
                        action.kind = ActionKind::Match;
                        action.oid = Some(oid.clone());
                    }
                    Holder::Row(k) => {
                        action.kind = if maybe.is_empty() {
                            ActionKind::SameAsRow
                        } else {
                            ActionKind::MatchOrSameAsRow
                        };
                        action.row = Some(*k as usize);
                    }
                }
                holder
            }
            None => {
                action.kind = if maybe.is_empty() {
                    ActionKind::Create
                } else {
                    ActionKind::MatchOrCreate
                };
                self.names.insert(
                    row,
                    (
                        person.etunimet.clone().unwrap_or_default().into(),
                        person.sukunimi.clone().unwrap_or_default().into(),
                    ),
                );
                for (kind, value) in person.identifiers() {
                    let stored = match kind {
                        IdKind::Oid => false,
                        IdKind::Hetu => !value.is_empty(),
                        IdKind::Passinumero => !value.trim().is_empty(),
                        IdKind::Sahkoposti => true,
                    };
                    if stored {
                        self.pending.push((id_hash(kind, value), row));
                    }
                }
                Holder::Row(row)
            }
        };
        action.maybe = maybe;
        let names = match &holder {
            Holder::Existing {
                etunimet, sukunimi, ..
            } => Some((etunimet.clone(), sukunimi.clone())),
            Holder::Row(k) => self
                .names
                .get(k)
                .map(|(e, s)| (e.to_string(), s.to_string())),
        };
        for (kind, value) in person.identifiers() {
            self.in_chunk
                .insert((kind, value.to_owned()), holder.clone());
        }
        (action, names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(ids: &[(IdKind, &str)]) -> RowPerson {
        let mut p = RowPerson {
            etunimet: Some("Aino".into()),
            sukunimi: Some("Virtanen".into()),
            ..RowPerson::default()
        };
        for &(k, v) in ids {
            let v = Some(v.to_owned());
            match k {
                IdKind::Oid => p.oid = v,
                IdKind::Hetu => p.hetu = v,
                IdKind::Passinumero => p.passinumero = v,
                IdKind::Sahkoposti => p.sahkoposti = v,
            }
        }
        p
    }

    fn registry() -> Persons {
        Persons::new(vec![
            ExistingPerson {
                oid: "1.2.246.562.24.1".into(),
                hetu: Some("H1".into()),
                hetu_history: vec!["OLD".into()],
                passinumerot: vec!["P1".into()],
                sahkopostit: vec!["e@x".into()],
                etunimet: "Aino".into(),
                sukunimi: "Virtanen".into(),
            },
            ExistingPerson {
                oid: "1.2.246.562.24.2".into(),
                hetu: Some("H2".into()),
                ..ExistingPerson::default()
            },
        ])
    }

    #[test]
    fn action_match_priority_oid_then_hetu_then_passport_then_email() {
        let reg = registry();
        let mut r = Resolver::new();
        let (a, _) = r.resolve(
            0,
            &person(&[(IdKind::Oid, "1.2.246.562.24.2"), (IdKind::Hetu, "H1")]),
            &reg,
        );
        assert_eq!(
            (a.kind, a.by, a.oid.as_deref()),
            (
                ActionKind::Match,
                Some(MatchBy::Oid),
                Some("1.2.246.562.24.2")
            )
        );
        let (a, _) = r.resolve(1, &person(&[(IdKind::Hetu, "OLD")]), &reg);
        assert_eq!(a.by, Some(MatchBy::HetuHistory));
        let (a, _) = r.resolve(2, &person(&[(IdKind::Passinumero, "P1")]), &reg);
        assert_eq!(a.by, Some(MatchBy::Passinumero));
        let (a, _) = r.resolve(3, &person(&[(IdKind::Sahkoposti, "e@x")]), &reg);
        assert_eq!(a.by, Some(MatchBy::Sahkoposti));
    }

    #[test]
    fn action_unknown_oid_creates_new_person() {
        let reg = registry();
        let mut r = Resolver::new();
        let (a, _) = r.resolve(
            0,
            &person(&[(IdKind::Oid, "oid1"), (IdKind::Hetu, "180897-945K")]),
            &reg,
        );
        assert_eq!(a.kind, ActionKind::Create);
        // Same oid+hetu again in the chunk: the same new person (getOrCreateShouldCreateNewHenkiloWithSameHetu).
        let (a, _) = r.resolve(
            1,
            &person(&[(IdKind::Oid, "oid1"), (IdKind::Hetu, "180897-945K")]),
            &reg,
        );
        assert_eq!((a.kind, a.row), (ActionKind::SameAsRow, Some(0)));
    }

    #[test]
    fn action_empty_hetu_merges_within_chunk_only() {
        let reg = registry();
        let mut r = Resolver::new();
        let (a, _) = r.resolve(
            0,
            &person(&[(IdKind::Hetu, ""), (IdKind::Passinumero, "X")]),
            &reg,
        );
        assert_eq!(a.kind, ActionKind::Create);
        let (a, _) = r.resolve(
            5,
            &person(&[(IdKind::Hetu, ""), (IdKind::Passinumero, "Y")]),
            &reg,
        );
        assert_eq!(
            (a.kind, a.by, a.row),
            (ActionKind::SameAsRow, Some(MatchBy::Hetu), Some(0))
        );
        // Next chunk: "" is not stored, so a new person.
        let (a, _) = r.resolve(100, &person(&[(IdKind::Hetu, "")]), &reg);
        assert_eq!(a.kind, ActionKind::Create);
        // ...but passport X was stored with row 0's person.
        let (a, _) = r.resolve(101, &person(&[(IdKind::Passinumero, "X")]), &reg);
        assert_eq!((a.kind, a.row), (ActionKind::SameAsRow, Some(0)));
    }

    #[test]
    fn action_identifiers_of_matched_rows_are_not_stored_across_chunks() {
        let reg = registry();
        let mut r = Resolver::new();
        // Row 0 matches an existing person by hetu; its new passport Z is not stored in ONR.
        let (a, _) = r.resolve(
            0,
            &person(&[(IdKind::Hetu, "H2"), (IdKind::Passinumero, "Z")]),
            &reg,
        );
        assert_eq!(a.kind, ActionKind::Match);
        let (a, _) = r.resolve(1, &person(&[(IdKind::Passinumero, "Z")]), &reg);
        assert_eq!(
            (a.kind, a.oid.as_deref()),
            (ActionKind::Match, Some("1.2.246.562.24.2"))
        );
        let (a, _) = r.resolve(100, &person(&[(IdKind::Passinumero, "Z")]), &reg);
        assert_eq!(a.kind, ActionKind::Create);
    }

    #[test]
    fn action_without_registry_is_uncertain() {
        let mut r = Resolver::new();
        let (a, _) = r.resolve(0, &person(&[(IdKind::Hetu, "H")]), &Unknown);
        assert_eq!(
            (a.kind, a.maybe.as_slice()),
            (ActionKind::MatchOrCreate, &[IdKind::Hetu][..])
        );
        let (a, _) = r.resolve(
            1,
            &person(&[(IdKind::Oid, "O"), (IdKind::Hetu, "H")]),
            &Unknown,
        );
        assert_eq!((a.kind, a.row), (ActionKind::MatchOrSameAsRow, Some(0)));
    }
}
