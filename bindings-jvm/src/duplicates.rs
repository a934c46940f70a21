//! `onr_core::similarity::duplicates` for the JVM: ONR's duplicate-candidate search over many
//! person records. Every export runs its body in `error::shielded`.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{shielded, NativeError, Positioned};
use crate::similarity::NativeTrigramSet;
use onr_core::similarity::duplicates::{
    self, Candidate, DuplicateIndex, IndexInputError, Pair, PersonRecord,
};
use onr_core::similarity::trigram::Form;

impl Positioned for duplicates::ThresholdError {}
impl Positioned for IndexInputError {}

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

/// [`DuplicateIndex`] (which keeps the ids of its records). Immutable: shareable between
/// threads.
#[derive(Debug, uniffi::Object)]
pub struct DuplicateSearch {
    index: DuplicateIndex,
    threshold: f64,
}

/// Receives the self-join of [`DuplicateSearch::for_each_pair`], on the calling thread:
/// progress while the search runs, then the pairs in blocks, in order of `(a, b)`. Each method
/// returns whether to go on; after `false` (or an error) nothing more is delivered, and the
/// call returns once the search already under way has finished.
#[uniffi::export(callback_interface)]
pub trait PairSink: Send + Sync {
    /// `done` of the `total` records searched so far (nondecreasing; the last report, before
    /// any pair, is `total`).
    fn progress(&self, done: i32, total: i32) -> Result<bool, NativeError>;
    /// The next block of pairs.
    fn pairs(&self, block: Vec<PairValue>) -> Result<bool, NativeError>;
}

fn position(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

#[uniffi::export]
impl DuplicateSearch {
    /// [`DuplicateIndex::new`] over the records, at the threshold (ONR: 0.5).
    #[uniffi::constructor]
    pub fn new(records: Vec<PersonRecordValue>, threshold: f64) -> Result<Self, NativeError> {
        shielded(|| {
            let records: Vec<PersonRecord> = records.into_iter().map(PersonRecord::from).collect();
            let index = DuplicateIndex::new(&records, threshold)?;
            Ok(DuplicateSearch { index, threshold })
        })
    }

    /// [`DuplicateIndex::from_texts`] over arbitrary texts (`None`: SQL NULL, never a
    /// candidate), each taken in the form named `form` (`raw`: as given, `onr`:
    /// `lower(unaccent(...))`; another name is `similarity.unknown_form`);
    /// [`IndexInputError`] where `from_sets` would panic.
    #[uniffi::constructor]
    pub fn from_texts(
        ids: Vec<String>,
        texts: Vec<Option<String>>,
        form: String,
        threshold: f64,
    ) -> Result<Self, NativeError> {
        shielded(|| {
            let form = form.parse::<Form>()?;
            let index = DuplicateIndex::from_texts(ids, &texts, form, threshold)?;
            Ok(DuplicateSearch { index, threshold })
        })
    }

    /// The threshold.
    pub fn threshold(&self) -> Result<f64, NativeError> {
        shielded(|| Ok(self.threshold))
    }

    /// The number of records.
    pub fn size(&self) -> Result<i32, NativeError> {
        shielded(|| Ok(position(self.index.len())))
    }

    /// [`DuplicateIndex::find`]: ONR's duplicate query for search criteria, in ONR's order.
    pub fn find(
        &self,
        etunimet: Option<String>,
        kutsumanimi: Option<String>,
        sukunimi: Option<String>,
        syntymaaika: Option<NaiveDate>,
    ) -> Result<Vec<CandidateValue>, NativeError> {
        shielded(|| {
            let found = self.index.find(
                etunimet.as_deref(),
                kutsumanimi.as_deref(),
                sukunimi.as_deref(),
                syntymaaika,
            );
            Ok(self.candidates(found))
        })
    }

    /// [`DuplicateIndex::find_text`]: the query as a text, `lower(unaccent(text))`.
    pub fn find_text(&self, text: String) -> Result<Vec<CandidateValue>, NativeError> {
        shielded(|| Ok(self.candidates(self.index.find_text(&text))))
    }

    /// [`DuplicateIndex::find_set`]: the candidates for a query trigram set, in ONR's order.
    pub fn find_set(
        &self,
        query: Arc<NativeTrigramSet>,
    ) -> Result<Vec<CandidateValue>, NativeError> {
        shielded(|| Ok(self.candidates(self.index.find_set(query.set()))))
    }

    /// [`DuplicateIndex::pairs`]: every pair at the threshold, sorted by `(a, b)`.
    pub fn pairs(&self) -> Result<Vec<PairValue>, NativeError> {
        shielded(|| Ok(self.pair_values(&self.index.pairs())))
    }

    /// The R-S join: every pair of a record of this index (`a`) and one of `other` (`b`) at
    /// this index's threshold, sorted by positions.
    pub fn pairs_with(&self, other: Arc<DuplicateSearch>) -> Result<Vec<PairValue>, NativeError> {
        shielded(|| {
            Ok(Self::cross_values(
                &self.index,
                &other.index,
                &self.index.pairs_with(&other.index),
            ))
        })
    }

    /// The R-S join streamed to `sink` as the self-join is by `for_each_pair`; progress
    /// counts `other`'s records.
    pub fn for_each_pair_with(
        &self,
        other: Arc<DuplicateSearch>,
        sink: Box<dyn PairSink>,
    ) -> Result<(), NativeError> {
        shielded(|| {
            let total = position(other.index.len());
            let mut state: Result<bool, NativeError> = Ok(true);
            self.index
                .for_each_pair_block_with(&other.index, |block, done| {
                    if !matches!(state, Ok(true)) {
                        return;
                    }
                    state = if block.is_empty() {
                        sink.progress(position(done), total)
                    } else {
                        sink.pairs(Self::cross_values(&self.index, &other.index, block))
                    };
                });
            state.map(drop)
        })
    }

    /// [`DuplicateIndex::for_each_pair_block`]: the self-join with progress, delivered to
    /// `sink` (see [`PairSink`]). The sink's first error, if any, is returned.
    pub fn for_each_pair(&self, sink: Box<dyn PairSink>) -> Result<(), NativeError> {
        shielded(|| {
            let total = position(self.index.len());
            let mut state: Result<bool, NativeError> = Ok(true);
            self.index.for_each_pair_block(|block, done| {
                if !matches!(state, Ok(true)) {
                    return;
                }
                state = if block.is_empty() {
                    sink.progress(position(done), total)
                } else {
                    sink.pairs(self.pair_values(block))
                };
            });
            state.map(drop)
        })
    }
}

impl DuplicateSearch {
    fn candidates(&self, found: Vec<Candidate>) -> Vec<CandidateValue> {
        found
            .into_iter()
            .map(|c| CandidateValue {
                index: position(c.index),
                id: self.index.id(c.index).to_owned(),
                similarity: c.similarity,
                distance: c.distance(),
            })
            .collect()
    }

    fn pair_values(&self, pairs: &[Pair]) -> Vec<PairValue> {
        Self::cross_values(&self.index, &self.index, pairs)
    }

    /// Pairs with `a` in `index_a` and `b` in `index_b`.
    fn cross_values(
        index_a: &DuplicateIndex,
        index_b: &DuplicateIndex,
        pairs: &[Pair],
    ) -> Vec<PairValue> {
        pairs
            .iter()
            .map(|p| PairValue {
                a: position(p.a as usize),
                b: position(p.b as usize),
                a_id: index_a.id(p.a as usize).to_owned(),
                b_id: index_b.id(p.b as usize).to_owned(),
                similarity: p.similarity,
            })
            .collect()
    }
}

/// [`duplicates::check_threshold`]: whether PostgreSQL accepts the threshold.
#[uniffi::export]
pub fn duplicates_check_threshold(threshold: f64) -> Result<f64, NativeError> {
    shielded(|| Ok(duplicates::check_threshold(threshold)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_texts_refuses_lists_of_different_lengths_with_a_code() {
        let e =
            DuplicateSearch::from_texts(vec!["a".into()], vec![], "raw".into(), 0.5).unwrap_err();
        let p = e.problem();
        assert_eq!(p.code, "similarity.length_mismatch");
        assert_eq!(
            p.message_en,
            "one text per id expected, found 1 ids and 0 texts"
        );
    }

    #[test]
    fn from_texts_in_both_forms_and_an_unknown_one() {
        let ids = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let texts = vec![Some("Äijälä".to_owned()), Some("aijala".to_owned()), None];
        let raw =
            DuplicateSearch::from_texts(ids.clone(), texts.clone(), "raw".into(), 0.5).unwrap();
        assert!(raw.pairs().unwrap().is_empty());
        let e =
            DuplicateSearch::from_texts(ids.clone(), texts.clone(), "fmt".into(), 0.5).unwrap_err();
        assert_eq!(e.problem().code, "similarity.unknown_form");
        let fmt = DuplicateSearch::from_texts(ids, texts, "onr".into(), 0.5).unwrap();
        let pairs = fmt.pairs().unwrap();
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].a_id.as_str(), pairs[0].similarity), ("a", 1.0));
        let q = Arc::new(NativeTrigramSet::new("AIJALA".into(), "onr".into()).unwrap());
        assert_eq!(fmt.find_set(q).unwrap().len(), 2);
    }

    #[derive(Default)]
    struct Collect {
        log: std::sync::Mutex<Vec<(i32, usize)>>,
        stop_after_progress: bool,
    }

    impl PairSink for Collect {
        fn progress(&self, done: i32, _total: i32) -> Result<bool, NativeError> {
            self.log.lock().unwrap().push((done, 0));
            Ok(!self.stop_after_progress)
        }
        fn pairs(&self, block: Vec<PairValue>) -> Result<bool, NativeError> {
            self.log.lock().unwrap().push((-1, block.len()));
            Ok(true)
        }
    }

    #[test]
    fn for_each_pair_reports_progress_and_the_pairs_and_stops_on_false() {
        let n = 50;
        let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        let texts = vec![Some("anna virtanen".to_owned()); n];
        let index = DuplicateSearch::from_texts(ids, texts, "raw".into(), 0.5).unwrap();
        let sink = Arc::new(Collect::default());
        struct Shared(Arc<Collect>);
        impl PairSink for Shared {
            fn progress(&self, d: i32, t: i32) -> Result<bool, NativeError> {
                self.0.progress(d, t)
            }
            fn pairs(&self, b: Vec<PairValue>) -> Result<bool, NativeError> {
                self.0.pairs(b)
            }
        }
        index.for_each_pair(Box::new(Shared(sink.clone()))).unwrap();
        let log = sink.log.lock().unwrap().clone();
        let progress: Vec<i32> = log.iter().filter(|e| e.0 >= 0).map(|e| e.0).collect();
        assert!(progress.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(progress.last(), Some(&(n as i32)));
        let delivered: usize = log.iter().filter(|e| e.0 < 0).map(|e| e.1).sum();
        assert_eq!(delivered, n * (n - 1) / 2);

        let stop = Arc::new(Collect {
            stop_after_progress: true,
            ..Collect::default()
        });
        index.for_each_pair(Box::new(Shared(stop.clone()))).unwrap();
        // Pairs stream as the join verifies them, so a block may come before the first
        // progress report; nothing comes after the first `false`.
        let log = stop.log.lock().unwrap().clone();
        assert_eq!(log.iter().filter(|e| e.0 >= 0).count(), 1, "{log:?}");
        assert!(log.last().is_some_and(|e| e.0 >= 0), "{log:?}");
    }
}
