//! The reports of the [`Checker`](super::Checker): ONR's verdict on each row with its lints and
//! predicted action ([`RowReport`]), and the counts over a whole batch ([`Summary`]), each with a
//! serde view (`RowReport::view`, `Summary::report`) that is the JSON report's shape.

use std::collections::BTreeMap;

use super::action::Action;
use super::lint::Lint;
use super::verdict::{OnrError, OnrResponse};
use crate::env::Environment;
use crate::error::Coded;

/// ONR's verdict on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum RowVerdict {
    /// ONR accepts the row.
    Accepted,
    /// ONR rejects the row, and with it the whole batch.
    Rejected,
}

impl RowVerdict {
    /// `accepted` or `rejected`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RowVerdict::Accepted => "accepted",
            RowVerdict::Rejected => "rejected",
        }
    }
}

/// The report on one row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowReport {
    /// The 0-based row index.
    pub index: usize,
    /// The 1-based input line, if known.
    pub line: Option<u64>,
    /// The row's `tunniste`, if given.
    pub tunniste: Option<String>,
    /// ONR's answer for the row, exactly: the errors of the first stage that fails (one
    /// value ONR cannot read, or the bean-validation errors, or the post-validator's); empty
    /// when ONR accepts the row.
    pub errors: Vec<OnrError>,
    /// What ONR will answer once `errors` are fixed, stage after stage (each error's
    /// [`OnrError::stage`]): the row's other unreadable values in document order, then its
    /// bean-validation errors, then the post-validator's. Errors about a value that cannot be
    /// read are left out (they depend on how it is fixed). Never part of ONR's answer.
    pub later: Vec<OnrError>,
    /// Lints (never affecting the verdict).
    pub warnings: Vec<Lint>,
    /// What ONR will do with the row.
    pub action: Action,
    /// The existing persons ONR's duplicate search lists for the row, most similar first
    /// (only with [`Checker::with_duplicate_index`](super::Checker::with_duplicate_index); see the lint
    /// `import.lint.existing_duplicates`).
    pub duplicate_candidates: Vec<DuplicateCandidate>,
}

impl RowReport {
    /// The row as the machine-readable report of `onr check --format json`, Python's
    /// `check_import(...)["rows"]` and the JVM's `ImportCheck`: ONR's answer (`errors`),
    /// what ONR says after it (`later`, each with its stage), the warnings in `lang` and the
    /// predicted action.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{checker::{Checker, CheckOptions}, RowInput, koodisto::Koodisto, RowPerson, Row};
    /// use onr_core::Lang;
    /// let koodisto = Koodisto::bundled();
    /// let mut checker = Checker::new(&koodisto, CheckOptions::default());
    /// let report = checker.check(RowInput::new(0, Some(Row::new(RowPerson::default()))));
    /// let view = report.report(Lang::En);
    /// assert_eq!(view.verdict, "rejected");
    /// assert_eq!(view.errors[0].key, "ValidateAtLeastOneNotNull");
    /// assert!(view.errors[0].stage.is_none());
    /// assert_eq!(view.later.iter().filter(|e| e.stage == Some("post_validation")).count(), 0);
    /// ```
    pub fn report(&self, lang: crate::error::Lang) -> RowReportView<'_> {
        let a = &self.action;
        RowReportView {
            index: self.index,
            line: self.line,
            tunniste: self.tunniste.as_deref(),
            verdict: self.verdict().as_str(),
            stage: self.errors.first().map(|e| e.stage().as_str()),
            errors: self
                .errors
                .iter()
                .map(|e| ErrorView::of(e, false, lang))
                .collect(),
            later: self
                .later
                .iter()
                .map(|e| ErrorView::of(e, true, lang))
                .collect(),
            warnings: self
                .warnings
                .iter()
                .map(|w| WarningView {
                    code: w.code(),
                    message: w.message(lang),
                    candidates: matches!(w, Lint::ExistingDuplicates { .. })
                        .then_some(self.duplicate_candidates.as_slice()),
                })
                .collect(),
            action: ActionView {
                kind: a.kind.as_str(),
                by: a.by.map(|b| b.as_str()),
                oid: a.oid.as_deref(),
                row: a.row,
                maybe: a.maybe.iter().map(|k| k.field()).collect(),
                conflict: a.conflict,
            },
        }
    }
}

/// [`RowReport::report`]: one row's report as a serializable value.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RowReportView<'a> {
    /// The 0-based row index.
    pub index: usize,
    /// The 1-based input line, if known.
    pub line: Option<u64>,
    /// The row's `tunniste`.
    pub tunniste: Option<&'a str>,
    /// `accepted` or `rejected`.
    pub verdict: &'static str,
    /// The stage of ONR's answer for the row (`deserialization`, `bean_validation`,
    /// `post_validation`, `server`); `None` when ONR accepts it.
    pub stage: Option<&'static str>,
    /// ONR's answer for the row (one stage).
    pub errors: Vec<ErrorView>,
    /// What ONR answers once `errors` are fixed, each with its stage.
    pub later: Vec<ErrorView>,
    /// The row's warnings.
    pub warnings: Vec<WarningView<'a>>,
    /// What ONR will do with the row.
    pub action: ActionView<'a>,
}

/// One of ONR's errors in a [`RowReportView`] (or the batch's errors).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ErrorView {
    /// ONR's field path.
    pub field: String,
    /// ONR's error key (Spring's error code).
    pub key: &'static str,
    /// ONR's default message, exactly (`None` where ONR sends none).
    pub message: Option<String>,
    /// onr-core's code for the error (e.g. `import.onr.hetu`), as [`Coded::code`] gives it.
    ///
    /// [`Coded::code`]: crate::error::Coded::code
    pub code: &'static str,
    /// What is wrong, in the requested language (more than ONR's message says: e.g. the
    /// expected check character).
    pub explanation: String,
    /// The stage that gives the error (`deserialization`, `bean_validation`,
    /// `post_validation`, `server`); only in `later`, where stages differ.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub stage: Option<&'static str>,
}

impl ErrorView {
    /// The error's view, with its stage or without, explained in `lang`.
    pub fn of(e: &OnrError, with_stage: bool, lang: crate::error::Lang) -> ErrorView {
        ErrorView {
            field: e.field.clone(),
            key: e.key(),
            message: e.onr_message(),
            code: crate::error::Coded::code(e),
            explanation: e.message(lang),
            stage: with_stage.then(|| e.stage().as_str()),
        }
    }
}

/// One warning in a [`RowReportView`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct WarningView<'a> {
    /// The lint code.
    pub code: &'static str,
    /// The message in the requested language.
    pub message: String,
    /// For `import.lint.existing_duplicates`: the persons listed.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub candidates: Option<&'a [DuplicateCandidate]>,
}

/// The predicted action in a [`RowReportView`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ActionView<'a> {
    /// The action kind.
    pub kind: &'static str,
    /// The identifier it resolves by.
    pub by: Option<&'static str>,
    /// The existing person's OID.
    pub oid: Option<&'a str>,
    /// The earlier row of the same person.
    pub row: Option<usize>,
    /// The identifiers that may match an unknown person.
    pub maybe: Vec<&'static str>,
    /// Whether ONR stores a name conflict (`None`: unknown).
    pub conflict: Option<bool>,
}

/// An existing person listed by ONR's duplicate search for a row.
///
/// # Example
///
/// ```
/// use onr_core::import::report::DuplicateCandidate;
/// let c = DuplicateCandidate { oid: "1.2.246.562.24.10000000003".into(), similarity: 0.75 };
/// assert!(c.similarity >= 0.5);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DuplicateCandidate {
    /// The id the person was indexed with (its OID).
    pub oid: String,
    /// pg_trgm similarity of the person's stored search string and the row's query.
    pub similarity: f32,
}

impl RowReport {
    /// ONR's verdict: accepted when there are no errors.
    pub fn verdict(&self) -> RowVerdict {
        if self.errors.is_empty() {
            RowVerdict::Accepted
        } else {
            RowVerdict::Rejected
        }
    }
}

/// Counts over a whole batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Rows read.
    pub rows: usize,
    /// Rows ONR accepts.
    pub accepted: usize,
    /// Rows ONR rejects.
    pub rejected: usize,
    /// Rows with at least one lint.
    pub with_warnings: usize,
    /// Batch-level errors.
    pub batch_errors: usize,
    /// Rows per predicted action kind.
    pub actions: BTreeMap<&'static str, usize>,
    /// Rows ONR will flag as name conflicts.
    pub conflicts: usize,
    /// Errors per ONR key.
    pub errors_by_key: BTreeMap<&'static str, usize>,
    /// Lints per code.
    pub warnings_by_code: BTreeMap<&'static str, usize>,
    /// What ONR answers to the whole batch.
    pub response: OnrResponse,
    /// Warnings that need the whole batch (`import.lint.likely_duplicate`), found by
    /// [`Checker::finish`](super::Checker::finish) after the rows were reported: `(row index, lint)`, by row index,
    /// then most similar first (ties by the other row's index). Counted in
    /// `with_warnings` and `warnings_by_code`.
    pub row_warnings: Vec<(usize, Lint)>,
    /// Whether the in-batch duplicate pass was skipped because the batch had more rows than
    /// [`CheckOptions::max_duplicate_rows`](super::CheckOptions::max_duplicate_rows) (or it was turned off).
    pub duplicates_skipped: bool,
    /// The errors of ONR's answer to the whole batch: for a value ONR cannot read, only the
    /// first in document order; for bean validation, every row's and the batch's; for the
    /// post-validator, every row's in order; none for an accepted batch or a 500. All are
    /// kept, as ONR lists them all (a few hundred bytes each: a 50,000-row batch with five
    /// errors a row holds about 40 MB).
    pub answer: Vec<OnrError>,
    /// How many errors ONR's answer to the whole batch has.
    pub answer_errors: usize,
    /// The first row with a value ONR cannot read.
    pub(super) first_unreadable_row: Option<usize>,
}

impl Summary {
    /// The summary as the machine-readable report of `onr check --format json` and the
    /// Python binding's `check_import(...)["summary"]`: plain counts, the batch-wide row
    /// warnings with their messages in `lang`, and ONR's answer to the whole batch.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::Summary;
    /// use onr_core::{Environment, Lang};
    /// let summary = Summary::default();
    /// let report = summary.report(Environment::Test, Lang::En);
    /// assert_eq!(report.environment, "test");
    /// assert_eq!(report.onr.status, 200);
    /// ```
    pub fn report(&self, env: Environment, lang: crate::error::Lang) -> SummaryReport<'_> {
        SummaryReport {
            environment: env.as_str(),
            rows: self.rows,
            accepted: self.accepted,
            rejected: self.rejected,
            with_warnings: self.with_warnings,
            batch_errors: self.batch_errors,
            conflicts: self.conflicts,
            actions: &self.actions,
            errors_by_key: &self.errors_by_key,
            warnings_by_code: &self.warnings_by_code,
            duplicates_skipped: self.duplicates_skipped,
            row_warnings: self
                .row_warnings
                .iter()
                .map(|(index, w)| RowWarningReport {
                    index: *index,
                    code: w.code(),
                    message: w.message(lang),
                    row: w.related_row(),
                    similarity: match w {
                        Lint::LikelyDuplicate { similarity, .. } => Some(*similarity),
                        _ => None,
                    },
                })
                .collect(),
            onr: OnrAnswer {
                status: self.response.http_status(),
                stage: self.response.stage().map(|st| st.as_str()),
                accepted: self.response.is_accepted(),
            },
            answer: self
                .answer
                .iter()
                .map(|e| ErrorView::of(e, false, lang))
                .collect(),
            answer_errors: self.answer_errors,
        }
    }
}

impl Summary {
    /// The batch's likely duplicates (`import.lint.likely_duplicate`) as pairs of rows: each
    /// pair once, `a < b`, ordered by `a` then `b`. [`row_warnings`](Summary::row_warnings)
    /// has each pair twice, once for each row; this is the list a report shows.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{koodisto::Koodisto, Checker, Row, RowInput, RowPerson};
    ///
    /// let koodisto = Koodisto::bundled();
    /// let mut checker = Checker::new(&koodisto, Default::default());
    /// let people = [("Aino Maria", "Virtanen", 2006), ("Aino Marja", "Virtanen", 2006),
    ///               ("Pekka", "Korhonen", 1990)];
    /// for (i, (etunimet, sukunimi, year)) in people.into_iter().enumerate() {
    ///     let mut p = RowPerson::default();
    ///     p.etunimet = Some(etunimet.into());
    ///     p.kutsumanimi = Some(etunimet.split(' ').next().unwrap().into());
    ///     p.sukunimi = Some(sukunimi.into());
    ///     p.syntymaaika = chrono::NaiveDate::from_ymd_opt(year, 5, 17);
    ///     checker.check(RowInput::new(i, Some(Row::new(p))));
    /// }
    /// let summary = checker.finish(None, Some(3));
    /// let pairs = summary.likely_duplicates();
    /// assert_eq!(pairs.len(), 1);
    /// assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
    /// assert!(pairs[0].similarity >= 0.5); // ONR's duplicate threshold, CheckOptions::duplicate_threshold
    /// ```
    pub fn likely_duplicates(&self) -> Vec<LikelyDuplicate> {
        let mut pairs: Vec<LikelyDuplicate> = self
            .row_warnings
            .iter()
            .filter_map(|(index, w)| match *w {
                Lint::LikelyDuplicate { row, similarity } => Some(LikelyDuplicate {
                    a: (*index).min(row),
                    b: (*index).max(row),
                    similarity,
                }),
                _ => None,
            })
            .collect();
        pairs.sort_by_key(|p| (p.a, p.b));
        pairs.dedup_by_key(|p| (p.a, p.b));
        pairs
    }
}

/// Two rows of one batch that are likely the same person ([`Summary::likely_duplicates`]).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LikelyDuplicate {
    /// The first row (0-based index in the batch).
    pub a: usize,
    /// The other row, `b > a`.
    pub b: usize,
    /// pg_trgm similarity of the two rows' search strings.
    pub similarity: f32,
}

/// [`Summary::report`]: one batch's summary as a serializable value.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SummaryReport<'a> {
    /// `production` or `test`.
    pub environment: &'static str,
    /// Rows read.
    pub rows: usize,
    /// Rows ONR accepts.
    pub accepted: usize,
    /// Rows ONR rejects.
    pub rejected: usize,
    /// Rows with at least one warning.
    pub with_warnings: usize,
    /// Batch-level errors.
    pub batch_errors: usize,
    /// Rows ONR will flag as name conflicts.
    pub conflicts: usize,
    /// Rows per predicted action kind.
    pub actions: &'a BTreeMap<&'static str, usize>,
    /// Errors per ONR key.
    pub errors_by_key: &'a BTreeMap<&'static str, usize>,
    /// Warnings per code.
    pub warnings_by_code: &'a BTreeMap<&'static str, usize>,
    /// Whether the in-batch duplicate pass was skipped.
    pub duplicates_skipped: bool,
    /// The warnings that need the whole batch, by row.
    pub row_warnings: Vec<RowWarningReport>,
    /// What ONR answers to the whole batch.
    pub onr: OnrAnswer,
    /// The errors of ONR's answer to the whole batch ([`Summary::answer`]): one for an
    /// unreadable value (the first in document order), else every error of the stage.
    pub answer: Vec<ErrorView>,
    /// How many errors ONR's answer has.
    pub answer_errors: usize,
}

/// One batch-wide row warning in a [`SummaryReport`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RowWarningReport {
    /// The row the warning is about (0-based).
    pub index: usize,
    /// The warning's stable code.
    pub code: &'static str,
    /// The message in the requested language.
    pub message: String,
    /// The other row involved, if any.
    pub row: Option<usize>,
    /// The similarity, for a likely duplicate.
    pub similarity: Option<f32>,
}

/// ONR's HTTP answer to a whole batch in a [`SummaryReport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct OnrAnswer {
    /// The HTTP status ONR answers with.
    pub status: u16,
    /// The validation stage that rejected the batch, if one did.
    pub stage: Option<&'static str>,
    /// Whether ONR accepts the batch.
    pub accepted: bool,
}
