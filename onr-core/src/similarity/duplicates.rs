//! Duplicates (ONR's duplicate-candidate search over many person records, at scale).
//!
//! ONR lists person `y` as a duplicate candidate for a query when
//!
//! * `y` is neither passivated (`passivoitu`) nor marked as a duplicate (`duplicate`),
//! * `y`'s stored search string ([`stored_search_string`]) is not NULL, and
//! * pg_trgm's `similarity(y.duplicate_search_str, query) >= 0.5` (the `%` operator),
//!
//! ordered by distance `1 - similarity` ascending (most similar first), without a limit.
//! PostgreSQL leaves ties in an unspecified order; this index breaks them by insertion order.
//!
//! [`DuplicateIndex`] answers that query for any number of queries, and the all-pairs
//! self-join `a.s % b.s` over the indexed records, with exactly PostgreSQL's pair set. It does
//! not compare every pair: trigrams are ranked rarest first, each record is indexed under the
//! first `|x| - ceil(t|x|) + 1` of its trigrams (prefix filtering: two sets with Jaccard
//! similarity `>= t` must share one of those), and only records whose set size lies in
//! `[t|x|, |x|/t]` are considered (length filtering). Every surviving candidate is verified
//! with pg_trgm's single-precision formula; the filters use a threshold lowered by a relative
//! `1e-6`, so no pair that the `f32` arithmetic accepts is ever filtered out. Records are
//! processed in parallel (rayon).
//!
//! The self-join goes further: it splits every set into its name trigrams and its birth-date
//! trigrams and indexes pairs of name trigrams, and (date trigram, name trigram) combinations,
//! which are far rarer than single trigrams of common Finnish names (see the `split` module's
//! source for the argument that no pair is lost).
//!
//! With a threshold of 0 only pairs sharing at least one trigram are returned, as with
//! PostgreSQL's GIN index (a sequential scan would return every pair).
//!
//! The R-S join ([`DuplicateIndex::pairs_with`], streamed by
//! [`DuplicateIndex::for_each_pair_block_with`]) gives the pairs across two indexes (a batch
//! against a registry export): exactly the self-join's pairs over both sets together that
//! join one record of each (see the `cross` module's source for its two strategies).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
//! let d = NaiveDate::from_ymd_opt(1911, 11, 11);
//! let records = vec![
//!     PersonRecord::new("1", "Eino Ilmari Urho Kaleva", "Eino", "Testiäinen", d),
//!     PersonRecord::new("2", "Eino", "Eino", "Testiäinen", d),
//!     PersonRecord::new("3", "Anna", "Anna", "Virtanen", d),
//! ];
//! let index = DuplicateIndex::new(&records, 0.5)?;
//! let found = index.find(Some("Eino"), Some("Eino"), Some("Testiainen"), d);
//! assert_eq!(found.iter().map(|c| index.id(c.index)).collect::<Vec<_>>(), ["2", "1"]);
//! let pairs = index.pairs();
//! assert_eq!(pairs.len(), 1);
//! assert_eq!((pairs[0].a, pairs[0].b, pairs[0].similarity), (0, 1, 22.0 / 41.0));
//! # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::trigram::{self, count_common, is_similar, similarity_from_counts, TrigramSet};

mod cross;
mod split;
use crate::error::{Category, Coded, Lang};
use crate::names::{query_search_string, stored_search_string};

/// A person as ONR's duplicate search sees it.
///
/// # Example
///
/// ```
/// use onr_core::similarity::duplicates::PersonRecord;
/// let mut r = PersonRecord::new("1.2.246.562.24.00000000001", "Matti", "Matti", "Meikäläinen", None);
/// r.passivoitu = true;
/// assert_eq!(r.stored_search_string().as_deref(), Some("matti matti meikalainen "));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PersonRecord {
    /// The caller's identifier (an OID, a row number...), returned with the results.
    pub id: String,
    /// First names; `None` is SQL NULL (the stored search string is then NULL).
    pub etunimet: Option<String>,
    /// Nickname (kutsumanimi); `None` is SQL NULL.
    pub kutsumanimi: Option<String>,
    /// Surname; `None` is SQL NULL.
    pub sukunimi: Option<String>,
    /// Birth date, if known.
    pub syntymaaika: Option<NaiveDate>,
    /// Passivated persons are never candidates.
    pub passivoitu: bool,
    /// Persons marked as duplicates are never candidates.
    pub duplicate: bool,
}

impl PersonRecord {
    /// An active, non-duplicate person with all three name parts present.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::PersonRecord;
    /// let r = PersonRecord::new("7", "Anna", "Anna", "Virtanen", None);
    /// assert!(!r.passivoitu && !r.duplicate);
    /// ```
    pub fn new(
        id: impl Into<String>,
        etunimet: impl Into<String>,
        kutsumanimi: impl Into<String>,
        sukunimi: impl Into<String>,
        syntymaaika: Option<NaiveDate>,
    ) -> Self {
        PersonRecord {
            id: id.into(),
            etunimet: Some(etunimet.into()),
            kutsumanimi: Some(kutsumanimi.into()),
            sukunimi: Some(sukunimi.into()),
            syntymaaika,
            passivoitu: false,
            duplicate: false,
        }
    }

    /// The stored search string (`duplicate_search_str`), `None` when a name part is NULL.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::PersonRecord;
    /// let r = PersonRecord::new("7", "Anna", "Anna", "Virtanen", None);
    /// assert_eq!(r.stored_search_string().as_deref(), Some("anna anna virtanen "));
    /// ```
    pub fn stored_search_string(&self) -> Option<String> {
        stored_search_string(
            self.etunimet.as_deref(),
            self.kutsumanimi.as_deref(),
            self.sukunimi.as_deref(),
            self.syntymaaika,
        )
    }

    /// Whether ONR's duplicate search can return this person at all.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::PersonRecord;
    /// let mut r = PersonRecord::new("7", "Anna", "Anna", "Virtanen", None);
    /// assert!(r.is_searchable());
    /// r.duplicate = true;
    /// assert!(!r.is_searchable());
    /// ```
    pub fn is_searchable(&self) -> bool {
        !self.passivoitu
            && !self.duplicate
            && self.etunimet.is_some()
            && self.kutsumanimi.is_some()
            && self.sukunimi.is_some()
    }
}

/// A threshold outside `[0, 1]` (or NaN), which `pg_trgm.similarity_threshold` rejects.
///
/// # Example
///
/// ```
/// use onr_core::similarity::duplicates::DuplicateIndex;
/// use onr_core::error::Coded;
/// let err = DuplicateIndex::new(&[], 1.5).unwrap_err();
/// assert_eq!(err.code(), "similarity.threshold");
/// assert_eq!(err.to_string(), "similarity threshold out of range, expected a number from 0 to 1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("similarity threshold out of range, expected a number from 0 to 1")]
#[non_exhaustive]
pub struct ThresholdError;

impl Coded for ThresholdError {
    fn code(&self) -> &'static str {
        "similarity.threshold"
    }
    fn category(&self) -> Category {
        Category::Component
    }
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fi => {
                "samankaltaisuuden kynnysarvo ei kelpaa, odotettiin lukua väliltä 0–1".into()
            }
            Lang::Sv => "likhetströskeln är ogiltig, ett tal mellan 0 och 1 förväntades".into(),
        }
    }
}

/// Why [`DuplicateIndex::try_from_sets`] refused its input: the threshold, or one of the
/// preconditions on which [`DuplicateIndex::from_sets`] panics (ids and sets of different
/// lengths, more records or trigrams than the index addresses with 32 bits).
///
/// # Example
///
/// ```
/// use onr_core::error::Coded;
/// use onr_core::similarity::duplicates::{DuplicateIndex, IndexInputError};
/// let err = DuplicateIndex::try_from_sets(vec!["a".into()], vec![], 0.5).unwrap_err();
/// assert_eq!(err, IndexInputError::LengthMismatch { ids: 1, sets: 0 });
/// assert_eq!(err.code(), "similarity.length_mismatch");
/// assert_eq!(err.to_string(), "one text per id expected, found 1 ids and 0 texts");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum IndexInputError {
    /// The threshold is NaN or outside `[0, 1]`.
    #[error(transparent)]
    Threshold(#[from] ThresholdError),
    /// The ids and the texts (sets) differ in number.
    #[error("one text per id expected, found {ids} ids and {sets} texts")]
    LengthMismatch {
        /// The number of ids.
        ids: usize,
        /// The number of texts.
        sets: usize,
    },
    /// 2^32 - 1 records or more.
    #[error("too many records, expected fewer than {}, found {found}", u32::MAX)]
    TooManyRecords {
        /// The number of records.
        found: usize,
    },
    /// 2^32 - 1 trigrams or more in all the texts together.
    #[error(
        "too many trigrams in all, expected fewer than {}, found {found}",
        u32::MAX
    )]
    TooManyTrigrams {
        /// The number of trigrams.
        found: usize,
    },
}

impl IndexInputError {
    /// Every code, in the order of the variants.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::IndexInputError;
    /// assert!(IndexInputError::ALL_CODES.contains(&"similarity.too_many_records"));
    /// ```
    pub const ALL_CODES: [&'static str; 4] = [
        "similarity.threshold",
        "similarity.length_mismatch",
        "similarity.too_many_records",
        "similarity.too_many_trigrams",
    ];

    /// Checks `from_sets`' input.
    fn check(ids: usize, sets: &[Option<TrigramSet>], threshold: f64) -> Result<(), Self> {
        check_threshold(threshold)?;
        let limit = u32::MAX as usize;
        if ids != sets.len() {
            return Err(IndexInputError::LengthMismatch {
                ids,
                sets: sets.len(),
            });
        }
        if sets.len() >= limit {
            return Err(IndexInputError::TooManyRecords { found: sets.len() });
        }
        let trigrams: usize = sets.iter().flatten().map(TrigramSet::len).sum();
        if trigrams >= limit {
            return Err(IndexInputError::TooManyTrigrams { found: trigrams });
        }
        Ok(())
    }
}

impl Coded for IndexInputError {
    fn code(&self) -> &'static str {
        match self {
            IndexInputError::Threshold(e) => e.code(),
            IndexInputError::LengthMismatch { .. } => Self::ALL_CODES[1],
            IndexInputError::TooManyRecords { .. } => Self::ALL_CODES[2],
            IndexInputError::TooManyTrigrams { .. } => Self::ALL_CODES[3],
        }
    }

    fn category(&self) -> Category {
        match self {
            IndexInputError::Threshold(e) => e.category(),
            IndexInputError::LengthMismatch { .. } => Category::Consistency,
            _ => Category::Length,
        }
    }

    fn message(&self, lang: Lang) -> String {
        let max = u32::MAX;
        match (*self, lang) {
            (IndexInputError::Threshold(e), _) => e.message(lang),
            (_, Lang::En) => self.to_string(),
            (IndexInputError::LengthMismatch { ids, sets }, Lang::Fi) => format!(
                "jokaiselle tunnisteelle odotettiin yksi teksti, löytyi {ids} tunnistetta ja {sets} tekstiä"
            ),
            (IndexInputError::LengthMismatch { ids, sets }, Lang::Sv) => {
                format!("en text per id förväntades, hittade {ids} id:n och {sets} texter")
            }
            (IndexInputError::TooManyRecords { found }, Lang::Fi) => {
                format!("liikaa tietueita, odotettiin alle {max}, löytyi {found}")
            }
            (IndexInputError::TooManyRecords { found }, Lang::Sv) => {
                format!("för många poster, färre än {max} förväntades, hittade {found}")
            }
            (IndexInputError::TooManyTrigrams { found }, Lang::Fi) => {
                format!("liikaa trigrammeja yhteensä, odotettiin alle {max}, löytyi {found}")
            }
            (IndexInputError::TooManyTrigrams { found }, Lang::Sv) => {
                format!("för många trigram totalt, färre än {max} förväntades, hittade {found}")
            }
        }
    }
}

/// Checks a similarity threshold as PostgreSQL's `pg_trgm.similarity_threshold` does.
///
/// # Errors
///
/// [`ThresholdError`] when `t` is NaN or outside `[0, 1]`.
///
/// # Example
///
/// ```
/// use onr_core::similarity::duplicates::check_threshold;
/// assert!(check_threshold(0.5).is_ok());
/// assert!(check_threshold(f64::NAN).is_err());
/// ```
pub fn check_threshold(t: f64) -> Result<f64, ThresholdError> {
    if (0.0..=1.0).contains(&t) {
        Ok(t)
    } else {
        Err(ThresholdError)
    }
}

/// One duplicate candidate returned by [`DuplicateIndex::find`].
///
/// # Example
///
/// ```
/// use onr_core::similarity::duplicates::Candidate;
/// let c = Candidate { index: 3, similarity: 0.75 };
/// assert_eq!(c.distance(), 0.25);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Candidate {
    /// Position of the record in the slice the index was built from.
    pub index: usize,
    /// pg_trgm similarity with the query.
    pub similarity: f32,
}

impl Candidate {
    /// pg_trgm's distance `<->`: `1 - similarity` in single precision.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::Candidate;
    /// assert_eq!(Candidate { index: 0, similarity: 1.0 }.distance(), 0.0);
    /// ```
    pub fn distance(&self) -> f32 {
        trigram::distance(self.similarity)
    }
}

/// One pair of a join. In the self-join, records `a < b` (positions in the input slice); in
/// the R-S join ([`DuplicateIndex::pairs_with`]), `a` is a position in the index joined and
/// `b` one in the other index.
///
/// # Example
///
/// ```
/// use onr_core::similarity::duplicates::Pair;
/// let p = Pair { a: 0, b: 2, similarity: 0.5 };
/// assert!(p.a < p.b);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pair {
    /// The earlier record's position (R-S join: in the index joined).
    pub a: u32,
    /// The later record's position (R-S join: in the other index).
    pub b: u32,
    /// pg_trgm similarity of their stored search strings.
    pub similarity: f32,
}

/// An index over person records for ONR's duplicate queries and the all-pairs self-join.
///
/// Building is parallel; a built index is immutable, `Send + Sync`, and answers queries from
/// many threads.
///
/// # Example
///
/// ```
/// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
/// let records = vec![
///     PersonRecord::new("a", "Matti", "Matti", "Meikäläinen", None),
///     PersonRecord::new("b", "Matti", "Matti", "Meikalainen", None),
/// ];
/// let index = DuplicateIndex::new(&records, 0.5)?;
/// assert_eq!(index.len(), 2);
/// assert_eq!(index.pairs().len(), 1);
/// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
/// ```
pub struct DuplicateIndex {
    threshold: f64,
    /// `threshold` lowered by a relative 1e-6: every filter bound uses it, so a pair the f32
    /// verification would accept is never filtered out.
    filter_t: f64,
    ids: Vec<String>,
    /// CSR: record `i`'s trigram ranks (rarest first = ascending) are
    /// `ranks[offsets[i]..offsets[i + 1]]`; empty for records that can never match.
    offsets: Vec<u32>,
    ranks: Vec<u32>,
    /// Trigram values sorted ascending, with their ranks (for queries).
    vocab: Vec<(u32, u32)>,
    /// 128-bit signature per record: bit `rank % 128` set for each trigram. The number of
    /// differing bits is a lower bound on the symmetric difference, hence
    /// `common <= (|x| + |y| - popcount(sig x ^ sig y)) / 2` (the bitmap filter).
    sigs: Vec<[u64; 2]>,
    /// CSR by rank: the records indexed under each trigram (prefix only), in position order,
    /// with the trigram's position within the record's ranked set.
    post_offsets: Vec<u32>,
    postings: Vec<Posting>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Posting {
    rec: u32,
    pos: u32,
    size: u32,
}

impl fmt::Debug for DuplicateIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DuplicateIndex")
            .field("threshold", &self.threshold)
            .field("records", &self.ids.len())
            .field("trigrams", &self.vocab.len())
            .field("postings", &self.postings.len())
            .finish()
    }
}

/// Minimum overlap any accepted pair involving a set of size `n` must have (at least 1).
#[inline]
fn min_overlap(t: f64, n: usize) -> usize {
    ((t * n as f64).ceil() as usize).max(1)
}

/// The number of leading (rarest) trigrams under which a set of size `n` is indexed/probed.
#[inline]
fn prefix_len(t: f64, n: usize) -> usize {
    (n + 1).saturating_sub(min_overlap(t, n)).min(n)
}

/// Set sizes `[lo, hi]` that can reach the threshold with a set of size `n`.
#[inline]
fn size_bounds(t: f64, n: usize) -> (usize, usize) {
    let lo = (t * n as f64).ceil() as usize;
    let hi = if t > 0.0 {
        let h = (n as f64 / t).floor();
        if h >= u32::MAX as f64 {
            usize::MAX
        } else {
            h as usize
        }
    } else {
        usize::MAX
    };
    (lo.max(1), hi)
}

/// The least overlap two sets of sizes `a` and `b` need (at least 1).
#[inline]
fn pair_min_overlap(t: f64, a: usize, b: usize) -> u32 {
    ((t * (a + b) as f64 / (1.0 + t)).ceil() as u32).max(1)
}

fn signature(ranks: &[u32]) -> [u64; 2] {
    let mut sig = [0u64; 2];
    for &r in ranks {
        let bit = r.wrapping_mul(0x9E37_79B1) >> 25; // 0..127, spreads consecutive ranks
        sig[(bit >> 6) as usize] |= 1 << (bit & 63);
    }
    sig
}

/// Marks a candidate that the positional filter has ruled out.
const PRUNED: u32 = u32::MAX;

/// Per-thread scratch space for probing.
struct Scratch {
    /// Per record: the epoch it was last seen in (high 32 bits) and its overlap count so far
    /// or PRUNED (low 32 bits).
    seen: Vec<u64>,
    epoch: u32,
    cands: Vec<u32>,
    /// `pair_min_overlap(t, a, lo + k)` for the current query size `a`.
    need: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Scratch {
            seen: vec![0; n],
            epoch: 0,
            cands: Vec::new(),
            need: Vec::new(),
        }
    }

    fn next_epoch(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.seen.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        self.cands.clear();
    }
}

/// Per-thread working state shared by the rayon jobs of one self-join (allocated once per
/// thread, not once per job): a job leases one and gives it back when the lease drops.
struct Pool<T> {
    make: Box<dyn Fn() -> T + Sync>,
    free: std::sync::Mutex<Vec<T>>,
}

/// The scratch spaces of the general prefix index.
type ScratchPool = Pool<Scratch>;

struct Lease<'p, T> {
    pool: &'p Pool<T>,
    sc: Option<T>,
}

impl<T> Pool<T> {
    fn new(make: impl Fn() -> T + Sync + 'static) -> Self {
        Pool {
            make: Box::new(make),
            free: std::sync::Mutex::new(Vec::new()),
        }
    }

    fn lease(&self) -> Lease<'_, T> {
        let sc = self
            .free
            .lock()
            .map(|mut v| v.pop())
            .unwrap_or(None)
            .unwrap_or_else(|| (self.make)());
        Lease {
            pool: self,
            sc: Some(sc),
        }
    }
}

impl ScratchPool {
    /// Scratch spaces for an index of `n` records.
    fn scratch(n: usize) -> Self {
        Pool::new(move || Scratch::new(n))
    }
}

impl<T> Drop for Lease<'_, T> {
    fn drop(&mut self) {
        if let (Some(sc), Ok(mut v)) = (self.sc.take(), self.pool.free.lock()) {
            v.push(sc);
        }
    }
}

impl DuplicateIndex {
    /// Builds the index over `records` for queries at `threshold` (ONR: 0.5).
    ///
    /// Passivated and duplicate records, and records whose stored search string is NULL or
    /// has no trigrams, are kept (their positions stay valid) but never returned.
    ///
    /// # Errors
    ///
    /// [`ThresholdError`] when the threshold is NaN or outside `[0, 1]`.
    ///
    /// # Panics
    ///
    /// When there are 2^32 records or trigram occurrences or more.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let index = DuplicateIndex::new(&[PersonRecord::new("1", "A", "A", "B", None)], 0.5)?;
    /// assert_eq!(index.threshold(), 0.5);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn new(records: &[PersonRecord], threshold: f64) -> Result<Self, ThresholdError> {
        let sets: Vec<Option<TrigramSet>> = records
            .par_iter()
            .map(|r| {
                if !r.is_searchable() {
                    return None;
                }
                let s = r.stored_search_string()?;
                Some(TrigramSet::new(&s))
            })
            .collect();
        let ids = records.iter().map(|r| r.id.clone()).collect();
        Self::from_sets(ids, sets, threshold)
    }

    /// [`DuplicateIndex::from_sets`] for input from elsewhere (another language, a file):
    /// every precondition it panics on is an [`IndexInputError`] instead.
    ///
    /// # Errors
    ///
    /// [`IndexInputError`]: the threshold is NaN or outside `[0, 1]`, `ids` and `sets` differ
    /// in length, or there are 2^32 - 1 records or trigram occurrences or more.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, IndexInputError};
    /// use onr_core::similarity::trigram::TrigramSet;
    /// let sets = vec![Some(TrigramSet::from_fmt("Äijälä Oy")), None];
    /// let index = DuplicateIndex::try_from_sets(vec!["a".into(), "b".into()], sets, 0.5)?;
    /// assert_eq!(index.find_text("aijala oy").len(), 1);
    /// # Ok::<(), IndexInputError>(())
    /// ```
    pub fn try_from_sets(
        ids: Vec<String>,
        sets: Vec<Option<TrigramSet>>,
        threshold: f64,
    ) -> Result<Self, IndexInputError> {
        IndexInputError::check(ids.len(), &sets, threshold)?;
        // The checks pass again inside, so `from_sets` neither fails nor panics here.
        Ok(Self::from_sets(ids, sets, threshold)?)
    }

    /// The index over arbitrary texts, each taken in `form` ([`trigram::sets_of`]): record `i`
    /// is `ids[i]` with `texts[i]` (`None`: SQL NULL, never a candidate). Find with
    /// [`DuplicateIndex::find_text`] (ONR's form) or [`DuplicateIndex::find_set`] with a set
    /// of the same form. The lengths and the threshold are checked before any set is built.
    ///
    /// # Errors
    ///
    /// [`IndexInputError`], as [`DuplicateIndex::try_from_sets`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, IndexInputError};
    /// use onr_core::similarity::trigram::Form;
    /// let ids = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
    /// let texts = [Some("Äijälä Oy"), Some("AIJALA OY"), None];
    /// let onr = DuplicateIndex::from_texts(ids.clone(), &texts, Form::Onr, 0.5)?;
    /// assert_eq!(onr.pairs().len(), 1);
    /// let raw = DuplicateIndex::from_texts(ids, &texts, Form::Raw, 0.5)?;
    /// assert!(raw.pairs().is_empty());
    /// # Ok::<(), IndexInputError>(())
    /// ```
    pub fn from_texts<S: AsRef<str> + Sync>(
        ids: Vec<String>,
        texts: &[Option<S>],
        form: trigram::Form,
        threshold: f64,
    ) -> Result<Self, IndexInputError> {
        check_threshold(threshold)?;
        if ids.len() != texts.len() {
            return Err(IndexInputError::LengthMismatch {
                ids: ids.len(),
                sets: texts.len(),
            });
        }
        Self::try_from_sets(ids, trigram::sets_of(texts, form), threshold)
    }

    /// Builds the index from precomputed trigram sets (`None`: never a candidate) of stored
    /// search strings, with their ids.
    ///
    /// # Errors
    ///
    /// [`ThresholdError`] when the threshold is NaN or outside `[0, 1]`.
    ///
    /// # Panics
    ///
    /// When `ids` and `sets` differ in length, or there are 2^32 - 1 records or trigram
    /// occurrences or more ([`DuplicateIndex::try_from_sets`] returns these as errors).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::DuplicateIndex;
    /// use onr_core::similarity::trigram::TrigramSet;
    /// let sets = vec![Some(TrigramSet::new("anna virtanen")), Some(TrigramSet::new("anna virtane"))];
    /// let index = DuplicateIndex::from_sets(vec!["x".into(), "y".into()], sets, 0.5)?;
    /// assert_eq!(index.pairs().len(), 1);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn from_sets(
        ids: Vec<String>,
        sets: Vec<Option<TrigramSet>>,
        threshold: f64,
    ) -> Result<Self, ThresholdError> {
        match IndexInputError::check(ids.len(), &sets, threshold) {
            Ok(()) => {}
            Err(IndexInputError::Threshold(e)) => return Err(e),
            Err(other) => panic!("{other}"),
        }
        let filter_t = threshold * (1.0 - 1e-6);

        // Trigram frequencies -> ranks (rarest first, ties by value).
        let mut all: Vec<u32> = sets
            .iter()
            .flatten()
            .flat_map(|s| s.as_slice().iter().copied())
            .collect();
        all.par_sort_unstable();
        let mut freq: Vec<(u32, u32)> = Vec::new(); // (count, value)
        let mut k = 0;
        while k < all.len() {
            let run = all[k..].iter().take_while(|&&v| v == all[k]).count();
            freq.push((run as u32, all[k]));
            k += run;
        }
        drop(all);
        freq.par_sort_unstable();
        let mut vocab: Vec<(u32, u32)> = freq
            .iter()
            .enumerate()
            .map(|(rank, &(_, value))| (value, rank as u32))
            .collect();
        drop(freq);
        vocab.par_sort_unstable();

        // Each set as ascending ranks, flattened.
        let ranked: Vec<Vec<u32>> = sets
            .par_iter()
            .map(|s| match s {
                Some(s) => {
                    let mut r: Vec<u32> = s
                        .as_slice()
                        .iter()
                        .map(|v| {
                            let i = vocab
                                .binary_search_by_key(v, |&(val, _)| val)
                                .expect("every trigram is in the vocabulary");
                            vocab[i].1
                        })
                        .collect();
                    r.sort_unstable();
                    r
                }
                None => Vec::new(),
            })
            .collect();
        drop(sets);
        let mut offsets = Vec::with_capacity(ranked.len() + 1);
        offsets.push(0u32);
        let mut total = 0usize;
        for r in &ranked {
            total += r.len();
            offsets.push(u32::try_from(total).expect("too many trigrams"));
        }
        let mut ranks = Vec::with_capacity(total);
        for r in ranked {
            ranks.extend_from_slice(&r);
        }

        // Postings: each record under its prefix, in position order.
        let n = ids.len();
        // Each record's prefix, in position order.
        let prefixes = || {
            offsets.windows(2).map(|w| {
                let (lo, sz) = (w[0] as usize, (w[1] - w[0]) as usize);
                (&ranks[lo..lo + prefix_len(filter_t, sz)], sz)
            })
        };
        let mut counts = vec![0u32; vocab.len() + 1];
        for (prefix, _) in prefixes() {
            for &r in prefix {
                counts[r as usize + 1] += 1;
            }
        }
        for k in 1..counts.len() {
            counts[k] += counts[k - 1];
        }
        let post_offsets = counts.clone();
        let mut fill = counts;
        let mut postings = vec![Posting::default(); *post_offsets.last().unwrap_or(&0) as usize];
        for (i, (prefix, sz)) in prefixes().enumerate() {
            for (pos, &r) in prefix.iter().enumerate() {
                postings[fill[r as usize] as usize] = Posting {
                    rec: i as u32,
                    pos: pos as u32,
                    size: sz as u32,
                };
                fill[r as usize] += 1;
            }
        }
        let sigs = (0..n)
            .into_par_iter()
            .map(|i| signature(&ranks[offsets[i] as usize..offsets[i + 1] as usize]))
            .collect();

        Ok(DuplicateIndex {
            threshold,
            filter_t,
            ids,
            offsets,
            ranks,
            vocab,
            sigs,
            post_offsets,
            postings,
        })
    }

    /// The threshold the index was built for.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::DuplicateIndex;
    /// assert_eq!(DuplicateIndex::new(&[], 0.3)?.threshold(), 0.3);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Number of records (including those that can never be candidates).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::DuplicateIndex;
    /// assert_eq!(DuplicateIndex::new(&[], 0.5)?.len(), 0);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the index has no records.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::DuplicateIndex;
    /// assert!(DuplicateIndex::new(&[], 0.5)?.is_empty());
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id of the record at `index`.
    ///
    /// # Panics
    ///
    /// When `index >= self.len()`.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let index = DuplicateIndex::new(&[PersonRecord::new("x1", "A", "A", "B", None)], 0.5)?;
    /// assert_eq!(index.id(0), "x1");
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn id(&self, index: usize) -> &str {
        &self.ids[index]
    }

    #[inline]
    fn set(&self, i: usize) -> &[u32] {
        &self.ranks[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    #[inline]
    fn size(&self, i: u32) -> usize {
        (self.offsets[i as usize + 1] - self.offsets[i as usize]) as usize
    }

    /// Collects into `sc.cands` the records that may reach the threshold with a query whose
    /// known ranks are `known` (ascending), preceded in the global order by `unknown`
    /// trigrams that no record has. Only records at positions greater than `after`, if given.
    ///
    /// Filters, all conservative: prefix (shares one of the first `prefix_len` trigrams),
    /// length (set size in `size_bounds`), positional (PPJoin: overlap so far + what can
    /// still follow on both sides must reach the pair's least overlap) and bitmap.
    fn probe(&self, known: &[u32], unknown: usize, after: Option<u32>, sc: &mut Scratch) {
        sc.next_epoch();
        let a = known.len() + unknown;
        if a == 0 {
            return;
        }
        let t = self.filter_t;
        let (lo, hi) = size_bounds(t, a);
        let p = prefix_len(t, a).saturating_sub(unknown).min(known.len());
        // The least overlap per partner size; sizes beyond the table (only when t is tiny)
        // fall back to computing it.
        sc.need.clear();
        let table_hi = hi.min(lo + 4 * a + 64);
        sc.need
            .extend((lo..=table_hi).map(|b| pair_min_overlap(t, a, b)));
        let need = |b: usize, table: &[u32]| {
            table
                .get(b - lo)
                .copied()
                .unwrap_or_else(|| pair_min_overlap(t, a, b))
        };
        for (k, &r) in known[..p].iter().enumerate() {
            let i = unknown + k; // position in the query's order
            let list = &self.postings[self.post_offsets[r as usize] as usize
                ..self.post_offsets[r as usize + 1] as usize];
            let start = after.map_or(0, |x| list.partition_point(|q| q.rec <= x));
            let tag = (sc.epoch as u64) << 32;
            for q in &list[start..] {
                let b = q.size as usize;
                if b < lo || b > hi {
                    continue;
                }
                let need_b = need(b, &sc.need);
                let rest = (a - i - 1).min(b - q.pos as usize - 1) as u32;
                // Nothing can follow this common trigram on one side: this posting, and every
                // later one of the same record (both rests only shrink), cannot keep a record
                // alive that is not already. Skip without touching the record's state.
                if 1 + rest < need_b {
                    continue;
                }
                let slot = &mut sc.seen[q.rec as usize];
                let c = if *slot >> 32 == sc.epoch as u64 {
                    *slot as u32
                } else {
                    sc.cands.push(q.rec);
                    0
                };
                if c == PRUNED {
                    continue;
                }
                let c = if c + 1 + rest < need_b { PRUNED } else { c + 1 };
                *slot = tag | c as u64;
            }
        }
        let (sx, seen, table) = (signature(known), &sc.seen, &sc.need);
        sc.cands.retain(|&y| {
            if seen[y as usize] as u32 == PRUNED {
                return false;
            }
            let b = self.size(y);
            let sy = &self.sigs[y as usize];
            let diff = ((sx[0] ^ sy[0]).count_ones() + (sx[1] ^ sy[1]).count_ones()) as usize;
            let bound = (known.len() + b).saturating_sub(diff) / 2;
            bound as u32 >= need(b, table)
        });
    }

    fn find_ranked(&self, known: &[u32], unknown: usize, sc: &mut Scratch) -> Vec<Candidate> {
        self.probe(known, unknown, None, sc);
        let a = known.len() + unknown;
        let mut out: Vec<Candidate> = sc
            .cands
            .iter()
            .filter_map(|&y| {
                let ys = self.set(y as usize);
                let sim = similarity_from_counts(count_common(known, ys) as usize, a, ys.len());
                is_similar(sim, self.threshold).then_some(Candidate {
                    index: y as usize,
                    similarity: sim,
                })
            })
            .collect();
        out.sort_by(|x, y| {
            x.distance()
                .total_cmp(&y.distance())
                .then(x.index.cmp(&y.index))
        });
        out
    }

    /// The records ONR lists as duplicate candidates for a query trigram set (of a
    /// `duplicate_search_fmt` string), most similar first; ties in insertion order.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// use onr_core::similarity::trigram::TrigramSet;
    /// let index = DuplicateIndex::new(&[PersonRecord::new("1", "Anna", "Anna", "Virtanen", None)], 0.5)?;
    /// let found = index.find_set(&TrigramSet::from_fmt("anna anna virtanen"));
    /// assert_eq!(found[0].similarity, 1.0);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn find_set(&self, query: &TrigramSet) -> Vec<Candidate> {
        let mut known = Vec::with_capacity(query.len());
        for v in query.as_slice() {
            if let Ok(i) = self.vocab.binary_search_by_key(v, |&(val, _)| val) {
                known.push(self.vocab[i].1);
            }
        }
        known.sort_unstable();
        let unknown = query.len() - known.len();
        let mut sc = Scratch::new(self.len());
        self.find_ranked(&known, unknown, &mut sc)
    }

    /// ONR's `findDuplikaatit`: `duplicate_search_str % duplicate_search_fmt(text)` over the
    /// searchable records, ordered by distance, ties in insertion order.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let index = DuplicateIndex::new(&[PersonRecord::new("1", "Anna", "Anna", "Virtanen", None)], 0.5)?;
    /// assert_eq!(index.find_text("Anna Anna Virtanen ").len(), 1);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn find_text(&self, text: &str) -> Vec<Candidate> {
        self.find_set(&TrigramSet::from_fmt(text))
    }

    /// ONR's duplicate query for search criteria: the query string is built as ONR's Java
    /// code builds it ([`query_search_string`]: present parts joined by spaces).
    ///
    /// ONR's `GET /henkilo/{oid}/duplicates` then drops the person itself and some others in
    /// Java (see the domain rules); those post-filters are the caller's.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let d = NaiveDate::from_ymd_opt(2005, 3, 14);
    /// let index = DuplicateIndex::new(&[PersonRecord::new("1", "Matti Juhani", "Matti", "Meikäläinen", d)], 0.5)?;
    /// let found = index.find(Some("Matti"), None, Some("Meikäläinen"), d);
    /// assert_eq!(found.len(), 1);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn find(
        &self,
        etunimet: Option<&str>,
        kutsumanimi: Option<&str>,
        sukunimi: Option<&str>,
        syntymaaika: Option<NaiveDate>,
    ) -> Vec<Candidate> {
        let q = query_search_string(etunimet, kutsumanimi, sukunimi, syntymaaika);
        self.find_set(&TrigramSet::new(&q))
    }

    /// The candidates of record `index` among the later records (positions `> index`), sorted
    /// by position.
    #[cfg(test)]
    fn later_matches(&self, x: usize, sc: &mut Scratch, out: &mut Vec<Pair>) {
        let xs = self.set(x);
        if xs.is_empty() {
            return;
        }
        self.probe(xs, 0, Some(x as u32), sc);
        sc.cands.sort_unstable();
        for &y in &sc.cands {
            let ys = self.set(y as usize);
            let sim = similarity_from_counts(count_common(xs, ys) as usize, xs.len(), ys.len());
            if is_similar(sim, self.threshold) {
                out.push(Pair {
                    a: x as u32,
                    b: y,
                    similarity: sim,
                });
            }
        }
    }

    /// The self-join `a.s % b.s` with `a < b`, delivered block by block as it is computed.
    ///
    /// `on_block` receives each block of pairs and the number of records done so far, on
    /// the calling thread, while the search runs in parallel; it is also called with empty
    /// blocks as progress reports, and last with an empty block and the count of all records.
    /// Each pair comes once, in no particular order (it varies from run to run; sort them if
    /// you need an order, or use [`DuplicateIndex::pairs`]).
    ///
    /// Memory: the index, each worker thread's working space (linear in the records that
    /// share one trigram), and blocks of [`PAIR_BLOCK`] pairs (12 bytes each, 768 KiB a
    /// block) in flight: with `T` worker threads at most `2 T + 3` of them (one being filled
    /// and one being sent per thread, two waiting, one being read), whatever the number of
    /// pairs: the join does not hold its pairs. A slow `on_block` slows the join down rather
    /// than letting pairs pile up.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let records: Vec<_> = (0..3).map(|i| PersonRecord::new(i.to_string(), "Anna", "Anna", "Virtanen", None)).collect();
    /// let index = DuplicateIndex::new(&records, 0.5)?;
    /// let mut n = 0;
    /// index.for_each_pair_block(|pairs, _done| n += pairs.len());
    /// assert_eq!(n, 3);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn for_each_pair_block(&self, on_block: impl FnMut(&[Pair], usize)) {
        self.stream(None, on_block);
    }

    /// A join (the self-join, or the R-S join with `other`) streamed to `on_block` on this
    /// thread.
    fn stream(&self, other: Option<&DuplicateIndex>, mut on_block: impl FnMut(&[Pair], usize)) {
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<JoinMsg>(CHANNEL_BLOCKS);
            let worker = scope.spawn(move || run_join(self, other, tx));
            let mut done = 0;
            for msg in rx {
                match msg {
                    JoinMsg::Pairs(block) => on_block(&block, done),
                    JoinMsg::Progress(d) => {
                        done = d;
                        on_block(&[], d);
                    }
                }
            }
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        });
    }

    /// The R-S join: every pair of a record of this index (the reference) and a record of
    /// `other` (a batch) at this index's threshold, delivered block by block as it is
    /// computed, as [`DuplicateIndex::for_each_pair_block`] delivers the self-join (same
    /// block size, progress reports and memory bound; `done` counts `other`'s records).
    ///
    /// In each [`Pair`], `a` is the position in this index and `b` the position in `other`.
    /// The pairs and similarities are exactly those of the self-join over both sets together
    /// that join one record of each: the stored search strings of both sides are compared,
    /// passivated, duplicate and NULL-named records of either side never pair, and with a
    /// threshold of 0 only pairs sharing a trigram come. `other`'s own threshold plays no
    /// part. Each pair comes once, in no particular order.
    ///
    /// Each record of `other` probes this index's prefix index (the filters of
    /// [`DuplicateIndex::find`]); memory is the two indexes, a scratch space per worker
    /// thread (linear in this index's records) and the blocks in flight.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let reference = DuplicateIndex::new(&[
    ///     PersonRecord::new("r1", "Anna", "Anna", "Virtanen", None),
    ///     PersonRecord::new("r2", "Matti", "Matti", "Meikäläinen", None),
    /// ], 0.5)?;
    /// let batch = DuplicateIndex::new(&[
    ///     PersonRecord::new("b1", "Matti", "Matti", "Meikalainen", None),
    ///     PersonRecord::new("b2", "Matti", "Matti", "Meikalainen", None),
    /// ], 0.5)?;
    /// let mut n = 0;
    /// reference.for_each_pair_block_with(&batch, |pairs, _done| {
    ///     for p in pairs {
    ///         assert_eq!(reference.id(p.a as usize), "r2");
    ///         n += 1;
    ///     }
    /// });
    /// assert_eq!(n, 2);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn for_each_pair_block_with(
        &self,
        other: &DuplicateIndex,
        on_block: impl FnMut(&[Pair], usize),
    ) {
        self.stream(Some(other), on_block);
    }

    /// The R-S join with `other` ([`DuplicateIndex::for_each_pair_block_with`]) as an
    /// iterator of blocks, computed on a thread of its own while the blocks are consumed.
    /// Dropping the iterator stops the join.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let anna = |i: usize| PersonRecord::new(i.to_string(), "Anna", "Anna", "Virtanen", None);
    /// let reference = Arc::new(DuplicateIndex::new(&(0..3).map(anna).collect::<Vec<_>>(), 0.5)?);
    /// let batch = Arc::new(DuplicateIndex::new(&(0..4).map(anna).collect::<Vec<_>>(), 0.5)?);
    /// let n: usize = DuplicateIndex::pair_blocks_with(&reference, &batch).map(|b| b.pairs.len()).sum();
    /// assert_eq!(n, 12);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn pair_blocks_with(
        index: &std::sync::Arc<Self>,
        other: &std::sync::Arc<Self>,
    ) -> PairBlocks {
        let (tx, rx) = std::sync::mpsc::sync_channel::<JoinMsg>(CHANNEL_BLOCKS);
        let index = std::sync::Arc::clone(index);
        let other = std::sync::Arc::clone(other);
        let worker = std::thread::spawn(move || run_join(&index, Some(&other), tx));
        PairBlocks {
            rx: Some(rx),
            worker: Some(worker),
            done: 0,
        }
    }

    /// The whole R-S join with `other` as a vector, sorted by `(a, b)` (`a` in this index,
    /// `b` in `other`).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let reference = DuplicateIndex::new(&[PersonRecord::new("r", "Anna", "Anna", "Virtanen", None)], 0.5)?;
    /// let batch = DuplicateIndex::new(&[
    ///     PersonRecord::new("x", "Pekka", "Pekka", "Puupää", None),
    ///     PersonRecord::new("y", "Hanna", "Hanna", "Virtanen", None),
    /// ], 0.5)?;
    /// let pairs = reference.pairs_with(&batch);
    /// assert_eq!((pairs[0].a, pairs[0].b, pairs.len()), (0, 1, 1));
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn pairs_with(&self, other: &DuplicateIndex) -> Vec<Pair> {
        let mut all = Vec::new();
        self.for_each_pair_block_with(other, |p, _| all.extend_from_slice(p));
        all.par_sort_unstable_by_key(|p| (p.a, p.b));
        all
    }

    /// The self-join as an iterator of blocks of pairs (see
    /// [`DuplicateIndex::for_each_pair_block`] for the order and the memory bound), computed
    /// on a thread of its own while the blocks are consumed. Dropping the iterator stops the
    /// join.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let records: Vec<_> = (0..4).map(|i| PersonRecord::new(i.to_string(), "Anna", "Anna", "Virtanen", None)).collect();
    /// let index = Arc::new(DuplicateIndex::new(&records, 0.5)?);
    /// let n: usize = DuplicateIndex::pair_blocks(&index).map(|b| b.pairs.len()).sum();
    /// assert_eq!(n, 6);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn pair_blocks(index: &std::sync::Arc<Self>) -> PairBlocks {
        let (tx, rx) = std::sync::mpsc::sync_channel::<JoinMsg>(CHANNEL_BLOCKS);
        let index = std::sync::Arc::clone(index);
        let worker = std::thread::spawn(move || run_join(&index, None, tx));
        PairBlocks {
            rx: Some(rx),
            worker: Some(worker),
            done: 0,
        }
    }

    /// The self-join from the general prefix index alone (the reference the split join is
    /// tested against).
    #[cfg(test)]
    fn later_pairs_general(&self) -> Vec<Pair> {
        let pool = ScratchPool::scratch(self.len());
        let chunks: Vec<Vec<Pair>> = (0..self.len())
            .into_par_iter()
            .step_by(64)
            .map(|s| {
                let mut lease = pool.lease();
                let sc = lease.sc.as_mut().expect("leased scratch");
                let mut out = Vec::new();
                for x in s..(s + 64).min(self.len()) {
                    self.later_matches(x, sc, &mut out);
                }
                out
            })
            .collect();
        chunks.concat()
    }

    /// The whole self-join as a vector, sorted by `(a, b)`.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    /// let records = vec![
    ///     PersonRecord::new("1", "Anna", "Anna", "Virtanen", None),
    ///     PersonRecord::new("2", "Hanna", "Hanna", "Virtanen", None),
    /// ];
    /// let pairs = DuplicateIndex::new(&records, 0.5)?.pairs();
    /// assert_eq!(pairs.len(), 1);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn pairs(&self) -> Vec<Pair> {
        let mut all = Vec::new();
        self.for_each_pair_block(|p, _| all.extend_from_slice(p));
        all.par_sort_unstable_by_key(|p| (p.a, p.b));
        all
    }
}

/// Pairs per block of the streamed self-join.
pub const PAIR_BLOCK: usize = split::BLOCK;

/// Blocks that may wait between the join and its consumer.
const CHANNEL_BLOCKS: usize = 2;

enum JoinMsg {
    Pairs(Vec<Pair>),
    Progress(usize),
}

/// The split self-join (`other` is `None`) or the R-S join with `other`, sending its blocks
/// and progress into `tx` (stops when the receiver is gone).
fn run_join(
    index: &DuplicateIndex,
    other: Option<&DuplicateIndex>,
    tx: std::sync::mpsc::SyncSender<JoinMsg>,
) {
    let emit = |block: Vec<Pair>| tx.send(JoinMsg::Pairs(block)).is_ok();
    let progress_tx = tx.clone();
    let mut progress = |done| {
        let _ = progress_tx.send(JoinMsg::Progress(done));
    };
    match other {
        None => split::self_join(index, split::SPLIT_K, None, &emit, &mut progress),
        Some(batch) => {
            let strategy = cross::Strategy::for_sizes(index.len(), batch.len());
            cross::cross_join(index, batch, strategy, &emit, &mut progress);
        }
    }
}

/// One block of a streamed join ([`DuplicateIndex::pair_blocks`],
/// [`DuplicateIndex::pair_blocks_with`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PairBlock {
    /// The pairs (never empty).
    pub pairs: Vec<Pair>,
    /// Records done so far (an estimate while the join runs).
    pub done: usize,
}

/// A join as an iterator of [`PairBlock`]s, from [`DuplicateIndex::pair_blocks`] or
/// [`DuplicateIndex::pair_blocks_with`].
#[derive(Debug)]
pub struct PairBlocks {
    rx: Option<std::sync::mpsc::Receiver<JoinMsg>>,
    worker: Option<std::thread::JoinHandle<()>>,
    done: usize,
}

impl PairBlocks {
    /// Records done so far (an estimate while the join runs).
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use onr_core::similarity::duplicates::DuplicateIndex;
    /// let index = Arc::new(DuplicateIndex::new(&[], 0.5)?);
    /// let mut blocks = DuplicateIndex::pair_blocks(&index);
    /// assert!(blocks.next().is_none());
    /// assert_eq!(blocks.done(), 0);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn done(&self) -> usize {
        self.done
    }

    /// Waits for the join's thread; re-raises its panic, if any.
    fn finish(&mut self) {
        self.rx = None;
        if let Some(worker) = self.worker.take() {
            if let Err(panic) = worker.join() {
                if !std::thread::panicking() {
                    std::panic::resume_unwind(panic);
                }
            }
        }
    }
}

impl Iterator for PairBlocks {
    type Item = PairBlock;

    fn next(&mut self) -> Option<PairBlock> {
        loop {
            let msg = self.rx.as_ref()?.recv();
            match msg {
                Ok(JoinMsg::Pairs(pairs)) => {
                    return Some(PairBlock {
                        pairs,
                        done: self.done,
                    })
                }
                Ok(JoinMsg::Progress(d)) => self.done = d,
                Err(_) => {
                    self.finish();
                    return None;
                }
            }
        }
    }
}

impl Drop for PairBlocks {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split join with `k`, every block gathered and sorted (a pair found twice stays
    /// twice, so that the comparisons see it).
    fn split_join(idx: &DuplicateIndex, k: usize) -> Vec<Pair> {
        let all = std::sync::Mutex::new(Vec::new());
        let emit = |b: Vec<Pair>| {
            assert!(!b.is_empty() && b.len() <= split::BLOCK);
            all.lock().unwrap().extend(b);
            true
        };
        split::self_join(idx, k, None, &emit, &mut |_| {});
        let mut all = all.into_inner().unwrap();
        all.sort_by_key(|p| (p.a, p.b));
        all
    }

    fn brute(sets: &[Option<TrigramSet>], t: f64) -> Vec<(u32, u32, f32)> {
        let mut out = Vec::new();
        for i in 0..sets.len() {
            for j in i + 1..sets.len() {
                if let (Some(a), Some(b)) = (&sets[i], &sets[j]) {
                    let s = a.similarity(b);
                    if a.common(b) > 0 && is_similar(s, t) {
                        out.push((i as u32, j as u32, s));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn bounds_are_conservative() {
        for t in [0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0] {
            let ft = t * (1.0 - 1e-6);
            for a in 1..200usize {
                for b in 1..200usize {
                    for c in 1..=a.min(b) {
                        if is_similar(similarity_from_counts(c, a, b), t) {
                            let (lo, hi) = size_bounds(ft, a);
                            assert!(lo <= b && b <= hi, "t={t} a={a} b={b} c={c}");
                            assert!(c >= min_overlap(ft, a.max(b)));
                            assert!(prefix_len(ft, a) >= a + 1 - min_overlap(ft, a.max(b)));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn index_equals_brute_force_small() {
        let names = [
            "anna virtanen",
            "hanna virtanen",
            "anna virtane",
            "matti meikalainen",
            "matti meikäläinen",
            "",
            "-",
            "a",
            "a b",
            "b a",
            "matti",
            "virtanen anna",
        ];
        let sets: Vec<Option<TrigramSet>> = names
            .iter()
            .map(|s| Some(TrigramSet::from_fmt(s)))
            .collect();
        for t in [0.0, 0.2, 0.3, 0.5, 0.8, 1.0] {
            let ids = (0..names.len()).map(|i| i.to_string()).collect();
            let idx = DuplicateIndex::from_sets(ids, sets.clone(), t).unwrap();
            let got: Vec<_> = idx
                .pairs()
                .iter()
                .map(|p| (p.a, p.b, p.similarity))
                .collect();
            assert_eq!(got, brute(&sets, t), "t={t}");
        }
    }

    /// Person-like records: names from a small pool (with typos), dates sharing years, months
    /// and days, some without a date, some with digits in the names, some very short.
    fn person_sets(n: usize, seed: u64) -> Vec<Option<TrigramSet>> {
        let first = [
            "matti", "juhani", "anna", "maria", "eino", "aino", "pekka", "liisa",
        ];
        let last = [
            "virtanen", "korhonen", "mäkinen", "nieminen", "koskinen", "laine",
        ];
        let mut rng = crate::rng::SplitMix64::new(seed);
        let mut next = |m: usize| rng.below(m as u64) as usize;
        (0..n)
            .map(|_| {
                let mut s = String::new();
                for _ in 0..1 + next(3) {
                    s.push_str(first[next(first.len())]);
                    s.push(' ');
                }
                let mut surname = last[next(last.len())].to_string();
                if next(4) == 0 {
                    let at = surname.char_indices().nth(next(surname.chars().count()));
                    surname.insert(at.map_or(0, |(i, _)| i), 'x'); // a typo
                }
                s.push_str(&surname);
                match next(10) {
                    0 => {}                           // no date
                    1 => s = format!("a{}", next(3)), // short, with a digit
                    2 => s.push_str(" 2 b"),          // digits in the names
                    _ => s.push_str(&format!(
                        " {}-{:02}-{:02}",
                        1990 + next(4),
                        1 + next(3),
                        1 + next(12)
                    )),
                }
                (next(20) != 0).then(|| TrigramSet::from_fmt(&s))
            })
            .collect()
    }

    /// Long texts (about 40 to 250 trigrams, past the split join's tabulated sizes): variants
    /// of a few dozen random word lists, with words dropped or replaced (each with chance
    /// `1 / change`) and some birth dates.
    fn long_sets(n: usize, seed: u64, change: usize) -> Vec<Option<TrigramSet>> {
        let syllables: Vec<String> = "hklmnprstv"
            .chars()
            .flat_map(|c| "aeiouyäö".chars().map(move |v| format!("{c}{v}")))
            .collect();
        let mut rng = crate::rng::SplitMix64::new(seed);
        let mut next = |m: usize| rng.below(m as u64) as usize;
        let word = |next: &mut dyn FnMut(usize) -> usize| -> String {
            (0..2 + next(3))
                .map(|_| syllables[next(syllables.len())].as_str())
                .collect()
        };
        let bases: Vec<Vec<String>> = (0..30)
            .map(|_| (0..8 + next(40)).map(|_| word(&mut next)).collect())
            .collect();
        (0..n)
            .map(|_| {
                let mut words = bases[next(bases.len())].clone();
                for w in &mut words {
                    match next(2 * change) {
                        0 => w.clear(),
                        1 => *w = word(&mut next),
                        _ => {}
                    }
                }
                let mut s = words.join(" ");
                if next(2) == 0 {
                    s.push_str(&format!(" 1990-0{}-1{}", 1 + next(3), next(3)));
                }
                Some(TrigramSet::from_fmt(&s))
            })
            .collect()
    }

    #[test]
    fn split_join_equals_brute_force_on_long_texts() {
        for (seed, t, change) in [(11, 0.5, 4), (12, 0.3, 3), (13, 0.7, 10)] {
            let sets = long_sets(300, seed, change);
            let sizes: Vec<usize> = sets.iter().flatten().map(|s| s.len()).collect();
            let (min, max) = (sizes.iter().min(), sizes.iter().max());
            assert!(min < Some(&60) && max > Some(&200), "{min:?} {max:?}");
            let ids = (0..sets.len()).map(|i| i.to_string()).collect();
            let idx = DuplicateIndex::from_sets(ids, sets.clone(), t).unwrap();
            let want = brute(&sets, t);
            assert!(want.len() > 100, "too few pairs to mean much: t={t}");
            for k in [0, 3, 8, 12] {
                let got: Vec<_> = split_join(&idx, k)
                    .iter()
                    .map(|p| (p.a, p.b, p.similarity))
                    .collect();
                assert_eq!(got, want, "t={t} k={k}");
            }
        }
    }

    #[test]
    fn split_join_equals_general_join_for_every_split() {
        for (seed, t) in [(1, 0.5), (2, 0.3), (3, 0.7), (4, 0.5), (5, 0.0), (6, 1.0)] {
            let sets = person_sets(400, seed);
            let ids = (0..sets.len()).map(|i| i.to_string()).collect();
            let idx = DuplicateIndex::from_sets(ids, sets.clone(), t).unwrap();
            let want = idx.later_pairs_general();
            assert_eq!(
                want.iter()
                    .map(|p| (p.a, p.b, p.similarity))
                    .collect::<Vec<_>>(),
                brute(&sets, t),
                "general join, t={t}"
            );
            assert!(
                t == 1.0 || want.len() > 100,
                "too few pairs to mean much: t={t}"
            );
            for k in 0..=12 {
                let got = split_join(&idx, k);
                assert_eq!(got, want, "t={t} k={k}");
            }
        }
    }

    /// The R-S join of `sets[..cut]` (reference) and `sets[cut..]` (batch) at `t`, as
    /// `(position in sets of a, position in sets of b, similarity)`, sorted by `(a, b)`, each
    /// pair as often as it came: the same for both strategies and through the public API.
    fn cross_pairs(sets: &[Option<TrigramSet>], cut: usize, t: f64) -> Vec<(u32, u32, f32)> {
        let ids = |r: std::ops::Range<usize>| r.map(|i| i.to_string()).collect();
        let r = DuplicateIndex::from_sets(ids(0..cut), sets[..cut].to_vec(), t).unwrap();
        // The batch's own threshold plays no part.
        let b = DuplicateIndex::from_sets(ids(cut..sets.len()), sets[cut..].to_vec(), 0.9).unwrap();
        let shift = |p: &Pair| (p.a, p.b + cut as u32, p.similarity);
        let mut got = Vec::new();
        r.for_each_pair_block_with(&b, |block, _| {
            assert!(block.len() <= PAIR_BLOCK);
            got.extend(block.iter().map(shift));
        });
        got.sort_by_key(|p| (p.0, p.1));
        for strategy in [cross::Strategy::Probe, cross::Strategy::Split] {
            let all = std::sync::Mutex::new(Vec::new());
            let emit = |block: Vec<Pair>| {
                assert!(!block.is_empty() && block.len() <= PAIR_BLOCK);
                all.lock().unwrap().extend(block.iter().map(shift));
                true
            };
            let mut last = 0;
            cross::cross_join(&r, &b, strategy, &emit, &mut |done| {
                assert!(done >= last && done <= b.len());
                last = done;
            });
            assert_eq!(last, b.len());
            let mut all = all.into_inner().unwrap();
            all.sort_by_key(|p| (p.0, p.1));
            assert_eq!(all, got, "{strategy:?} t={t} cut={cut}");
        }
        got
    }

    /// The brute-force self-join over `sets`, restricted to pairs across `cut`.
    fn brute_cross(sets: &[Option<TrigramSet>], cut: usize, t: f64) -> Vec<(u32, u32, f32)> {
        brute(sets, t)
            .into_iter()
            .filter(|&(a, b, _)| (a as usize) < cut && b as usize >= cut)
            .collect()
    }

    #[test]
    fn cross_join_equals_brute_force_and_the_union_self_join() {
        for (seed, t) in [
            (21, 0.5),
            (22, 0.3),
            (23, 0.7),
            (24, 0.0),
            (25, 1.0),
            (26, 0.5),
        ] {
            let sets = person_sets(500, seed);
            for cut in [0, 1, 170, 250, 499, 500] {
                let want = brute_cross(&sets, cut, t);
                assert_eq!(cross_pairs(&sets, cut, t), want, "t={t} cut={cut}");
                if cut == 250 {
                    assert!(t == 1.0 || want.len() > 100, "too few pairs: t={t}");
                    // The split self-join over the union, cross pairs only.
                    let ids = (0..sets.len()).map(|i| i.to_string()).collect();
                    let union = DuplicateIndex::from_sets(ids, sets.clone(), t).unwrap();
                    let split: Vec<_> = union
                        .pairs()
                        .iter()
                        .filter(|p| (p.a as usize) < cut && p.b as usize >= cut)
                        .map(|p| (p.a, p.b, p.similarity))
                        .collect();
                    assert_eq!(split, want, "union self-join, t={t}");
                }
            }
        }
    }

    #[test]
    fn cross_join_equals_brute_force_on_long_texts() {
        for (seed, t, change) in [(31, 0.5, 4), (32, 0.3, 3), (33, 0.7, 10)] {
            let sets = long_sets(300, seed, change);
            let want = brute_cross(&sets, 120, t);
            assert!(want.len() > 30, "too few pairs to mean much: t={t}");
            assert_eq!(cross_pairs(&sets, 120, t), want, "t={t}");
        }
    }

    #[test]
    fn cross_join_streams_and_stops() {
        // 1,000 x 1,200 identical persons: 1,200,000 pairs in blocks, each once.
        let anna = |i: usize| PersonRecord::new(i.to_string(), "Anna", "Anna", "Virtanen", None);
        let r = DuplicateIndex::new(&(0..1000).map(anna).collect::<Vec<_>>(), 0.5).unwrap();
        let b = DuplicateIndex::new(&(0..1200).map(anna).collect::<Vec<_>>(), 0.5).unwrap();
        let (mut first_at, mut seen, mut last) = (None, vec![0u8; 1000 * 1200], 0);
        r.for_each_pair_block_with(&b, |block, done| {
            assert!(done >= last && done <= 1200);
            last = done;
            if block.is_empty() {
                return;
            }
            assert!(block.len() <= PAIR_BLOCK);
            first_at.get_or_insert(done);
            for p in block {
                assert_eq!(p.similarity, 1.0);
                seen[p.a as usize * 1200 + p.b as usize] += 1;
            }
        });
        assert_eq!(last, 1200);
        assert!(first_at.is_some_and(|d| d < 1200), "{first_at:?}");
        assert!(seen.iter().all(|&c| c == 1));
        let (r, b) = (std::sync::Arc::new(r), std::sync::Arc::new(b));
        let mut it = DuplicateIndex::pair_blocks_with(&r, &b);
        assert!(it.next().is_some_and(|blk| !blk.pairs.is_empty()));
        drop(it);
        assert_eq!(std::sync::Arc::strong_count(&r), 1);
        assert_eq!(std::sync::Arc::strong_count(&b), 1);
    }

    #[test]
    fn cross_join_skips_excluded_records_on_both_sides() {
        let anna = |id: &str| PersonRecord::new(id, "Anna", "Anna", "Virtanen", None);
        let mut passive = anna("p");
        passive.passivoitu = true;
        let mut dup = anna("d");
        dup.duplicate = true;
        let mut null = anna("n");
        null.sukunimi = None;
        let side = |x: &str| vec![anna(x), passive.clone(), dup.clone(), null.clone()];
        let r = DuplicateIndex::new(&side("r"), 0.5).unwrap();
        let b = DuplicateIndex::new(&side("b"), 0.5).unwrap();
        let pairs = r.pairs_with(&b);
        assert_eq!(pairs.len(), 1);
        assert_eq!(
            (r.id(pairs[0].a as usize), b.id(pairs[0].b as usize)),
            ("r", "b")
        );
    }

    #[test]
    fn pairs_leave_the_join_while_it_runs() {
        // 1,500 identical persons: 1,124,250 pairs, 18 blocks. The first block arrives before
        // the join reports the end (a join that collected its pairs first would deliver them
        // all after it), no block is longer than PAIR_BLOCK, and each pair comes once.
        let records: Vec<_> = (0..1500)
            .map(|i| PersonRecord::new(i.to_string(), "Anna", "Anna", "Virtanen", None))
            .collect();
        let idx = DuplicateIndex::new(&records, 0.5).unwrap();
        let n = idx.len();
        let (mut first_at, mut blocks, mut seen) = (None, 0, vec![0u8; n * n]);
        idx.for_each_pair_block(|block, done| {
            if block.is_empty() {
                return;
            }
            assert!(block.len() <= PAIR_BLOCK);
            first_at.get_or_insert(done);
            blocks += 1;
            for p in block {
                assert!(p.a < p.b && p.similarity == 1.0);
                seen[p.a as usize * n + p.b as usize] += 1;
            }
        });
        assert!(first_at.is_some_and(|d| d < n), "{first_at:?}");
        assert!(blocks >= 1_124_250 / PAIR_BLOCK);
        let once = (0..n).all(|a| (0..n).all(|b| seen[a * n + b] == u8::from(a < b)));
        assert!(once);
    }

    #[test]
    fn pair_blocks_iterate_and_stop_when_dropped() {
        let records: Vec<_> = (0..800)
            .map(|i| PersonRecord::new(i.to_string(), "Anna", "Anna", "Virtanen", None))
            .collect();
        let idx = std::sync::Arc::new(DuplicateIndex::new(&records, 0.5).unwrap());
        let mut all: Vec<(u32, u32)> = DuplicateIndex::pair_blocks(&idx)
            .flat_map(|b| b.pairs)
            .map(|p| (p.a, p.b))
            .collect();
        all.sort_unstable();
        let want: Vec<_> = idx.pairs().iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(all, want);
        assert_eq!(want.len(), 800 * 799 / 2);
        // Taking one block and dropping the iterator ends the join's thread.
        let mut it = DuplicateIndex::pair_blocks(&idx);
        assert!(it.next().is_some_and(|b| !b.pairs.is_empty()));
        drop(it);
        assert_eq!(std::sync::Arc::strong_count(&idx), 1);
    }

    #[test]
    fn excluded_records_never_match() {
        let mut a = PersonRecord::new("1", "Anna", "Anna", "Virtanen", None);
        let b = PersonRecord::new("2", "Anna", "Anna", "Virtanen", None);
        a.passivoitu = true;
        let mut c = b.clone();
        c.id = "3".into();
        c.duplicate = true;
        let mut d = b.clone();
        d.id = "4".into();
        d.kutsumanimi = None;
        let idx = DuplicateIndex::new(&[a, b, c, d], 0.5).unwrap();
        assert!(idx.pairs().is_empty());
        let found = idx.find(Some("Anna"), Some("Anna"), Some("Virtanen"), None);
        assert_eq!(found.len(), 1);
        assert_eq!(idx.id(found[0].index), "2");
    }

    #[test]
    fn ties_keep_insertion_order() {
        let records: Vec<_> = (0..5)
            .map(|i| PersonRecord::new(i.to_string(), "Anna", "Anna", "Virtanen", None))
            .collect();
        let idx = DuplicateIndex::new(&records, 0.5).unwrap();
        let found = idx.find_text("anna anna virtanen");
        assert_eq!(
            found.iter().map(|c| c.index).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
        assert_eq!(idx.pairs().len(), 10);
    }

    #[test]
    fn try_from_sets_refuses_what_from_sets_panics_on() {
        let set = || Some(TrigramSet::new("anna"));
        let err = DuplicateIndex::try_from_sets(vec!["a".into()], vec![set(), set()], 0.5);
        assert_eq!(
            err.unwrap_err(),
            IndexInputError::LengthMismatch { ids: 1, sets: 2 }
        );
        let err = DuplicateIndex::try_from_sets(vec![], vec![], f64::NAN).unwrap_err();
        assert_eq!(err, IndexInputError::Threshold(ThresholdError));
        assert_eq!(err.code(), "similarity.threshold");
        let ok =
            DuplicateIndex::try_from_sets(vec!["a".into(), "b".into()], vec![set(), set()], 0.5);
        assert_eq!(ok.unwrap().pairs().len(), 1);
        let errors = [
            IndexInputError::Threshold(ThresholdError),
            IndexInputError::LengthMismatch { ids: 2, sets: 3 },
            IndexInputError::TooManyRecords { found: 1 << 32 },
            IndexInputError::TooManyTrigrams { found: 1 << 32 },
        ];
        for (e, code) in errors.iter().zip(IndexInputError::ALL_CODES) {
            assert_eq!(e.code(), code);
            let [en, fi, sv] = Lang::ALL.map(|l| e.message(l));
            assert!(en != fi && fi != sv && en != sv, "{en} / {fi} / {sv}");
        }
        assert_eq!(
            errors[2].to_string(),
            "too many records, expected fewer than 4294967295, found 4294967296"
        );
    }

    #[test]
    fn threshold_rejected() {
        assert!(DuplicateIndex::new(&[], -0.1).is_err());
        assert!(DuplicateIndex::new(&[], f64::NAN).is_err());
        assert_eq!(ThresholdError.category(), Category::Component);
        for l in Lang::ALL {
            assert!(!ThresholdError.message(l).is_empty());
        }
    }
}
