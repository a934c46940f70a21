//! `onr_core::similarity::duplicates` for the JVM: ONR's duplicate-candidate search over many
//! person records.

use chrono::NaiveDate;
use onr_core::similarity::duplicates::{self, Candidate, DuplicateIndex, Pair, PersonRecord};

use crate::error::{NativeError, Positioned};

impl Positioned for duplicates::ThresholdError {}

/// A person as ONR's duplicate search sees it ([`PersonRecord`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonRecordValue {
    /// The caller's id (e.g. the OID), returned with each candidate.
    pub id: String,
    /// `etunimet`, `None` for NULL.
    pub etunimet: Option<String>,
    /// `kutsumanimi`, `None` for NULL.
    pub kutsumanimi: Option<String>,
    /// `sukunimi`, `None` for NULL.
    pub sukunimi: Option<String>,
    /// `syntymaaika`.
    pub syntymaaika: Option<NaiveDate>,
    /// `passivoitu`: never a candidate.
    pub passivoitu: bool,
    /// `duplicate`: never a candidate.
    pub duplicate: bool,
}

impl From<PersonRecordValue> for PersonRecord {
    fn from(v: PersonRecordValue) -> PersonRecord {
        PersonRecord {
            id: v.id,
            etunimet: v.etunimet,
            kutsumanimi: v.kutsumanimi,
            sukunimi: v.sukunimi,
            syntymaaika: v.syntymaaika,
            passivoitu: v.passivoitu,
            duplicate: v.duplicate,
        }
    }
}

/// One duplicate candidate: the record's position and id, and the similarity.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CandidateValue {
    /// The record's position in the list the index was built from.
    pub index: i32,
    /// The record's id.
    pub id: String,
    /// pg_trgm similarity with the query.
    pub similarity: f32,
    /// pg_trgm's distance `1 - similarity`, which ONR orders by.
    pub distance: f32,
}

/// One pair of the self-join: positions `a < b`, their ids, the similarity.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PairValue {
    /// The first record's position.
    pub a: i32,
    /// The second record's position.
    pub b: i32,
    /// The first record's id.
    pub a_id: String,
    /// The second record's id.
    pub b_id: String,
    /// pg_trgm similarity of the two stored search strings.
    pub similarity: f32,
}

/// [`DuplicateIndex`] with the ids of its records. Immutable: shareable between threads.
#[derive(Debug, uniffi::Object)]
pub struct DuplicateSearch {
    index: DuplicateIndex,
    ids: Vec<String>,
    threshold: f64,
}

fn position(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

#[uniffi::export]
impl DuplicateSearch {
    /// [`DuplicateIndex::new`] over the records, at the threshold (ONR: 0.5).
    #[uniffi::constructor]
    pub fn new(records: Vec<PersonRecordValue>, threshold: f64) -> Result<Self, NativeError> {
        let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
        let records: Vec<PersonRecord> = records.into_iter().map(PersonRecord::from).collect();
        let index = DuplicateIndex::new(&records, threshold)?;
        Ok(DuplicateSearch {
            index,
            ids,
            threshold,
        })
    }

    /// The threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The number of records.
    pub fn size(&self) -> i32 {
        position(self.ids.len())
    }

    /// [`DuplicateIndex::find`]: ONR's duplicate query for search criteria, in ONR's order.
    pub fn find(
        &self,
        etunimet: Option<String>,
        kutsumanimi: Option<String>,
        sukunimi: Option<String>,
        syntymaaika: Option<NaiveDate>,
    ) -> Vec<CandidateValue> {
        let found = self.index.find(
            etunimet.as_deref(),
            kutsumanimi.as_deref(),
            sukunimi.as_deref(),
            syntymaaika,
        );
        self.candidates(found)
    }

    /// [`DuplicateIndex::find_text`]: the query as a text, `lower(unaccent(text))`.
    pub fn find_text(&self, text: String) -> Vec<CandidateValue> {
        let found = self.index.find_text(&text);
        self.candidates(found)
    }

    /// [`DuplicateIndex::pairs`]: every pair at the threshold, sorted by `(a, b)`.
    pub fn pairs(&self) -> Vec<PairValue> {
        self.index
            .pairs()
            .into_iter()
            .map(|p: Pair| PairValue {
                a: position(p.a as usize),
                b: position(p.b as usize),
                a_id: self.ids[p.a as usize].clone(),
                b_id: self.ids[p.b as usize].clone(),
                similarity: p.similarity,
            })
            .collect()
    }
}

impl DuplicateSearch {
    fn candidates(&self, found: Vec<Candidate>) -> Vec<CandidateValue> {
        found
            .into_iter()
            .map(|c| CandidateValue {
                index: position(c.index),
                id: self.ids[c.index].clone(),
                similarity: c.similarity,
                distance: c.distance(),
            })
            .collect()
    }
}

/// [`duplicates::check_threshold`]: whether PostgreSQL accepts the threshold.
#[uniffi::export]
pub fn duplicates_check_threshold(threshold: f64) -> Result<f64, NativeError> {
    Ok(duplicates::check_threshold(threshold)?)
}
