//! The batch checker: ONR's verdict, the lints and the predicted action for every row of a
//! stream, and a summary.
//!
//! # Duplicate candidates
//!
//! Two lints use ONR's duplicate search (pg_trgm similarity of `lower(unaccent(etunimet
//! kutsumanimi sukunimi YYYY-MM-DD))`, [`crate::similarity::duplicates`]):
//!
//! * `import.lint.likely_duplicate`: two rows of the batch whose search strings are similar
//!   (at least [`CheckOptions::duplicate_threshold`], 0.5 as ONR) but which resolve to
//!   different persons (rows that already resolve to the same person by an identifier are not
//!   reported). The rows are compared with the **stored** search string
//!   ([`crate::names::stored_search_string`]): each row becomes (or is) a stored person, and
//!   ONR finds such pairs with the symmetric self-join `a.duplicate_search_str %
//!   b.duplicate_search_str`. The birth date is the one ONR stores: the hetu's when the hetu
//!   is valid, else `syntymaaika`. A row is compared with earlier *and* later rows, so the lint
//!   needs the whole batch: [`Checker::check`] keeps each row's trigram set (the duplicate
//!   index's input, the only per-row state that grows with the batch beyond a few words) and
//!   [`Checker::finish`] runs the self-join once and returns these warnings in
//!   [`Summary::row_warnings`] (a streaming caller has already written the rows; the counts of
//!   the summary include them).
//! * `import.lint.existing_duplicates`: with [`Checker::with_duplicate_index`], the existing
//!   persons ONR's duplicate query for the row (the **query** side,
//!   [`crate::names::query_search_string`], as ONR's Java code builds it for a person's names
//!   and birth date) lists, most similar first, in [`RowReport::duplicate_candidates`]. The
//!   person the row is attached to by an identifier is left out, as ONR leaves a person out
//!   of its own duplicate list.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;

use crate::env::Environment;
use crate::error::Coded;
use crate::hetu::{self, Hetu};
use crate::names::stored_search_string;
use crate::oid::Oid;
use crate::similarity::duplicates::DuplicateIndex;
use crate::similarity::name_match::{NameRules, PersonNames};
use crate::similarity::trigram::TrigramSet;

use super::action::{Action, ActionKind, ExistingPersons, LookupAnswer, Resolver, Unknown};
use super::email;
use super::java;
use super::koodisto::Koodisto;
use super::lint::{Lint, NameField, MAX_NAME_CHARS};
use super::model::{IdKind, Row, RowPerson};
use super::person_rules::{kutsumanimi_is_valid, KutsumanimiRule};
use super::report::{DuplicateCandidate, RowReport, RowVerdict, Summary};
use super::row_input::{ReadProblem, RowInput};
use super::verdict::{OnrError, Stage, Validator, FINLAND};

/// Whether ONR's field path `field` is `prefix` or lies inside it (`henkilot[1].henkilo`
/// lies inside `henkilot[1]`, `henkilot[10]` does not).
fn path_within(field: &str, prefix: &str) -> bool {
    field
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// Options of a [`Checker`].
///
/// # Example
///
/// ```
/// use onr_core::{import::checker::CheckOptions, Environment};
/// let o = CheckOptions { env: Environment::Test, ..CheckOptions::default() };
/// assert_eq!(o.duplicate_threshold, 0.5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckOptions {
    /// The ONR environment.
    pub env: Environment,
    /// The kutsumanimi rule of the `kutsumanimi_not_in_etunimet` lint.
    pub kutsumanimi_rule: KutsumanimiRule,
    /// The trigram similarity from which two rows are likely duplicates (ONR's own duplicate
    /// search uses 0.5, [`DEFAULT_THRESHOLD`](crate::similarity::trigram::DEFAULT_THRESHOLD),
    /// the default).
    pub duplicate_threshold: f64,
    /// At most this many `import.lint.likely_duplicate` warnings per row, the most similar
    /// rows first; `0` turns the in-batch duplicate pass off. Real batches with common names
    /// can hold millions of similar pairs, so the default keeps memory and reports bounded.
    pub max_duplicates_per_row: usize,
    /// The in-batch duplicate pass runs only for batches of at most this many rows with names;
    /// above it the pass is skipped and [`Summary::duplicates_skipped`] says so. No limit by
    /// default: the pass streams the self-join and keeps the best
    /// [`CheckOptions::max_duplicates_per_row`] rows per row, so its memory is linear in the
    /// rows (their trigram sets, the index, `k` per row) whatever the number of similar
    /// pairs; its time still grows with the number of similar pairs.
    pub max_duplicate_rows: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            env: Environment::Production,
            kutsumanimi_rule: KutsumanimiRule::Service,
            duplicate_threshold: crate::similarity::trigram::DEFAULT_THRESHOLD,
            max_duplicates_per_row: 5,
            max_duplicate_rows: usize::MAX,
        }
    }
}

/// Checks the rows of one batch, in order, one at a time (memory stays bounded: the state
/// kept per row is a few hashes and, for rows that create a person, the two names).
///
/// # Example
///
/// ```
/// use onr_core::import::{checker::{Checker, CheckOptions}, RowInput, RowVerdict, koodisto::Koodisto, Koodi, RowPerson, Row};
///
/// let koodisto = Koodisto::bundled();
/// let mut checker = Checker::new(&koodisto, CheckOptions::default());
/// let row = Row::new(RowPerson {
///     passinumero: Some("XP1234567".into()),
///     etunimet: Some("Liisa".into()),
///     kutsumanimi: Some("Liisa".into()),
///     sukunimi: Some("Nieminen".into()),
///     kansalaisuus: Some(vec![Some(Koodi::new("246"))]),
///     ..RowPerson::default()
/// });
/// let report = checker.check(RowInput::new(0, Some(row)));
/// assert_eq!(report.verdict(), RowVerdict::Rejected);
/// assert_eq!(report.errors[0].key(), "hetu.required.for.finnish");
/// let summary = checker.finish(None, Some(1));
/// assert_eq!(summary.rejected, 1);
/// ```
pub struct Checker<'a> {
    validator: Validator<'a>,
    options: CheckOptions,
    registry: &'a dyn ExistingPersons,
    resolver: Resolver,
    same_person: HashMap<u64, (u32, PersonKey)>,
    summary: Summary,
    existing_duplicates: Option<&'a DuplicateIndex>,
    /// The rows with a stored search string, for the final likely-duplicate pass.
    dup_rows: Vec<DupRow>,
    dup_sets: Vec<Option<TrigramSet>>,
}

/// What the final likely-duplicate pass needs of a row.
#[derive(Debug)]
struct DupRow {
    index: u32,
    person: PersonKey,
    warned: bool,
}

impl std::fmt::Debug for Checker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker")
            .field("options", &self.options)
            .field("rows", &self.summary.rows)
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PersonKey {
    Existing(u64),
    Row(u32),
    Unknown,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl<'a> Checker<'a> {
    /// A checker without knowledge of existing persons.
    pub fn new(koodisto: &'a Koodisto, options: CheckOptions) -> Checker<'a> {
        Checker::with_registry(koodisto, options, &Unknown)
    }

    /// A checker that predicts matches and conflicts against known persons.
    pub fn with_registry(
        koodisto: &'a Koodisto,
        options: CheckOptions,
        registry: &'a dyn ExistingPersons,
    ) -> Checker<'a> {
        Checker {
            validator: Validator::new(options.env, koodisto),
            options,
            registry,
            resolver: Resolver::new(),
            same_person: HashMap::new(),
            summary: Summary::default(),
            existing_duplicates: None,
            dup_rows: Vec::new(),
            dup_sets: Vec::new(),
        }
    }

    /// Also lists, for each row, the existing persons ONR's duplicate search finds (lint
    /// `import.lint.existing_duplicates`), from an index of existing persons whose ids are
    /// their OIDs (passivated and duplicate persons are never candidates, as in ONR).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{checker::{Checker, CheckOptions}, RowInput, koodisto::Koodisto, Koodi, RowPerson, Row};
    /// use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
    ///
    /// let existing = [PersonRecord::new("1.2.246.562.24.10000000003", "Aino Maria", "Aino", "Virtanen", None)];
    /// let index = DuplicateIndex::new(&existing, 0.5)?;
    /// let koodisto = Koodisto::bundled();
    /// let mut checker = Checker::new(&koodisto, CheckOptions::default()).with_duplicate_index(&index);
    /// let row = Row::new(RowPerson {
    ///     passinumero: Some("XP1234567".into()),
    ///     etunimet: Some("Aino Maria".into()),
    ///     kutsumanimi: Some("Aino".into()),
    ///     sukunimi: Some("Virtanen".into()),
    ///     kansalaisuus: Some(vec![Some(Koodi::new("752"))]),
    ///     ..RowPerson::default()
    /// });
    /// let report = checker.check(RowInput::new(0, Some(row)));
    /// assert_eq!(report.duplicate_candidates[0].oid, "1.2.246.562.24.10000000003");
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn with_duplicate_index(mut self, existing: &'a DuplicateIndex) -> Checker<'a> {
        self.existing_duplicates = Some(existing);
        self
    }

    /// Checks the next row. Rows must come in order of their index.
    pub fn check(&mut self, input: RowInput) -> RowReport {
        let RowInput {
            index,
            line,
            row,
            problems,
        } = input;
        let (errors, later) = self.onr_errors(index, row.as_ref(), &problems);
        let person = row.as_ref().and_then(|r| r.henkilo.as_ref());
        let mut warnings = match person {
            Some(p) => self.row_lints(p),
            None => Vec::new(),
        };
        let sent_conflict = row.as_ref().and_then(|r| r.conflict);
        if let Some(value) = sent_conflict {
            warnings.push(Lint::SentConflict { value });
        }
        let mut action = Action::none();
        let mut person_key = PersonKey::Unknown;
        if errors.is_empty() {
            if let Some(p) = person {
                (action, person_key) = self.resolve(index, p, &mut warnings);
            }
            // ONR keeps a sent `conflict: true`: processing only ever sets the flag.
            if sent_conflict == Some(true) {
                action.conflict = Some(true);
            }
        }
        let mut duplicate_candidates = Vec::new();
        if let Some(p) = person.filter(|p| !has_too_long_name(p)) {
            let date = stored_birth_date(p, self.options.env);
            if let Some(existing) = self.existing_duplicates {
                let own = match action.kind {
                    ActionKind::Match => action.oid.as_deref(),
                    _ => None,
                };
                duplicate_candidates = existing
                    .find(
                        p.etunimet.as_deref(),
                        p.kutsumanimi.as_deref(),
                        p.sukunimi.as_deref(),
                        date,
                    )
                    .into_iter()
                    .map(|c| DuplicateCandidate {
                        oid: existing.id(c.index).to_owned(),
                        similarity: c.similarity,
                    })
                    .filter(|c| Some(c.oid.as_str()) != own)
                    .collect();
                if let Some(best) = duplicate_candidates.first() {
                    warnings.push(Lint::ExistingDuplicates {
                        candidates: u32::try_from(duplicate_candidates.len()).unwrap_or(u32::MAX),
                        best: best.similarity,
                    });
                }
            }
            let stored = stored_search_string(
                p.etunimet.as_deref(),
                p.kutsumanimi.as_deref(),
                p.sukunimi.as_deref(),
                date,
            );
            let room = self.options.max_duplicates_per_row > 0
                && self.dup_rows.len() < self.options.max_duplicate_rows;
            if !room && !self.summary.duplicates_skipped {
                // Over the limit: free what was kept and stop collecting.
                self.summary.duplicates_skipped = true;
                self.dup_rows = Vec::new();
                self.dup_sets = Vec::new();
            }
            if let (Some(s), Ok(i), false) = (
                stored,
                u32::try_from(index),
                self.summary.duplicates_skipped,
            ) {
                self.dup_rows.push(DupRow {
                    index: i,
                    person: person_key,
                    warned: !warnings.is_empty(),
                });
                self.dup_sets.push(Some(TrigramSet::new(&s)));
            }
        }
        let report = RowReport {
            index,
            line,
            tunniste: row.as_ref().and_then(|r| r.tunniste.clone()),
            errors,
            later,
            warnings,
            action,
            duplicate_candidates,
        };
        self.count(&report);
        report
    }

    /// ONR's answer for one row (the first stage that fails) and what it says after.
    fn onr_errors(
        &self,
        index: usize,
        row: Option<&Row>,
        problems: &[ReadProblem],
    ) -> (Vec<OnrError>, Vec<OnrError>) {
        let mut read: Vec<OnrError> = problems.iter().map(ReadProblem::to_error).collect();
        let base = format!("henkilot[{index}]");
        let unreadable_row = problems.iter().any(|p| p.field == base);
        // An error about an unreadable value, or about what holds it (the list of an
        // unreadable element, the person of an unreadable identifier), depends on the fix.
        let keep = |e: &OnrError| {
            !problems
                .iter()
                .any(|p| path_within(&e.field, &p.field) || path_within(&p.field, &e.field))
        };
        let (bean, post) = if unreadable_row {
            (Vec::new(), Vec::new())
        } else {
            let bean: Vec<OnrError> = self.validator.bean(index, row);
            let post: Vec<OnrError> = self.validator.post(index, row);
            (
                bean.into_iter().filter(keep).collect(),
                post.into_iter().filter(keep).collect(),
            )
        };
        if !read.is_empty() {
            // ONR's reader stops at the first value it cannot read.
            let mut later = read.split_off(1);
            later.extend(bean);
            later.extend(post);
            (read, later)
        } else if !bean.is_empty() {
            (bean, post)
        } else {
            (post, Vec::new())
        }
    }

    fn resolve(
        &mut self,
        index: usize,
        p: &RowPerson,
        warnings: &mut Vec<Lint>,
    ) -> (Action, PersonKey) {
        let (mut action, names) = self.resolver.resolve(index, p, self.registry);
        // ONR's conflict rule: the row's names against the person it gets (namesMatch, Lucene
        // Jaro-Winkler), also for a person the row creates. Unknown while the person is.
        let certain = matches!(
            action.kind,
            ActionKind::Match | ActionKind::SameAsRow | ActionKind::Create
        );
        // A name ONR cannot store is not compared (the row fails in ONR's database before any
        // comparison would matter), which bounds the cost of a row whatever its length.
        let comparable = !has_too_long_name(p);
        action.conflict = names
            .filter(|(e, s)| certain && comparable && !too_long(e) && !too_long(s))
            .map(|(e, s)| {
                let given = PersonNames::new(
                    p.etunimet.as_deref().unwrap_or_default(),
                    p.sukunimi.as_deref().unwrap_or_default(),
                );
                !NameRules::ONR
                    .names_match(given, PersonNames::new(&e, &s))
                    .is_match()
            });
        if action.conflict == Some(true) {
            match action.kind {
                ActionKind::SameAsRow => warnings.push(Lint::NameConflict { row: action.row }),
                ActionKind::Match => warnings.push(Lint::NameConflict { row: None }),
                _ => {}
            }
        }
        if action.by == Some(super::lint::MatchBy::Hetu)
            && p.hetu.as_deref() == Some("")
            && matches!(
                action.kind,
                ActionKind::SameAsRow | ActionKind::MatchOrSameAsRow
            )
        {
            if let Some(row) = action.row {
                warnings.push(Lint::EmptyHetuMerged { row });
            }
        }
        if let Some(oid) = p.oid.as_deref().filter(|o| !o.is_empty()) {
            let created = matches!(action.kind, ActionKind::Create | ActionKind::SameAsRow);
            if created && self.registry.find(IdKind::Oid, oid) == LookupAnswer::NotFound {
                warnings.push(Lint::UnknownOid);
            }
        }
        let person_key = match action.kind {
            ActionKind::Match => action
                .oid
                .as_deref()
                .map_or(PersonKey::Unknown, |o| PersonKey::Existing(hash_of(o))),
            ActionKind::SameAsRow | ActionKind::MatchOrSameAsRow => action
                .row
                .map_or(PersonKey::Unknown, |r| PersonKey::Row(r as u32)),
            ActionKind::Create | ActionKind::MatchOrCreate => PersonKey::Row(index as u32),
            ActionKind::None => PersonKey::Unknown,
        };
        if let Some(key) = same_person_key(p, self.options.env) {
            match self.same_person.get(&key) {
                Some((row, other)) if *other != person_key => {
                    warnings.push(Lint::SamePersonOtherIdentifiers { row: *row as usize });
                }
                Some(_) => {}
                None => {
                    self.same_person
                        .insert(key, (index as u32, person_key.clone()));
                }
            }
        }
        (action, person_key)
    }

    /// The lints of a single row, independent of other rows.
    fn row_lints(&self, p: &RowPerson) -> Vec<Lint> {
        let env = self.options.env;
        let mut lints = Vec::new();
        let finnish = p.kansalaisuus_codes().any(|c| c == FINLAND);
        let parsed = p
            .hetu
            .as_deref()
            .filter(|h| !h.is_empty())
            .map(|h| (h, Hetu::parse(h, env)));
        match parsed {
            None if p.hetu.is_some() => lints.push(Lint::EmptyHetu { finnish }),
            None => {}
            Some((h, result)) => {
                let temporary = Hetu::parse(h, Environment::Test)
                    .ok()
                    .filter(Hetu::is_temporary);
                if temporary.is_some() && !env.allows_temporary_hetu() {
                    lints.push(Lint::TemporaryHetu { production: true });
                }
                match result {
                    Ok(hetu) => {
                        if p.syntymaaika.is_some_and(|d| d != hetu.birth_date()) {
                            lints.push(Lint::BirthDateMismatch);
                        }
                        let sex = p.sukupuoli.as_ref().and_then(|k| k.koodi.as_deref());
                        if sex
                            .and_then(hetu::Sex::from_code)
                            .is_some_and(|s| s != hetu.sex())
                        {
                            lints.push(Lint::SexMismatch);
                        }
                    }
                    Err(_) if temporary.is_some() => {}
                    Err(_) => {
                        let suggestions = hetu::suggest(h, env, 9);
                        if let Some(first) = suggestions.first() {
                            lints.push(Lint::HetuTypo {
                                edit: first.edit,
                                candidates: suggestions.len() as u8,
                            });
                        }
                    }
                }
            }
        }
        if let Some(oid) = p.oid.as_deref().filter(|o| !o.is_empty()) {
            if !Oid::parse(oid).is_ok_and(|o| o.is_person(env) && o.has_valid_check_digit()) {
                lints.push(Lint::OidFormat);
            }
        }
        if let Some(n) = p.passinumero.as_deref() {
            if !n.is_empty() && java::trim(n).is_empty() {
                lints.push(Lint::BlankPassinumero);
            }
        }
        if let Some(e) = p.sahkoposti.as_deref() {
            if !e.is_empty() && email::is_well_formed(e) && !email::is_valid_contact(e) {
                lints.push(Lint::EmailNotStrict);
            }
        }
        for (field, value) in [
            (NameField::Etunimet, &p.etunimet),
            (NameField::Kutsumanimi, &p.kutsumanimi),
            (NameField::Sukunimi, &p.sukunimi),
        ] {
            if value.as_deref().is_some_and(too_long) {
                lints.push(Lint::NameTooLong { field });
            }
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                if v.trim().is_empty() {
                    lints.push(Lint::BlankName { field });
                } else if v.trim() != v {
                    lints.push(Lint::UntrimmedName { field });
                }
            }
        }
        if let (Some(e), Some(k), false) = (
            p.etunimet.as_deref(),
            p.kutsumanimi.as_deref(),
            has_too_long_name(p),
        ) {
            let rule = self.options.kutsumanimi_rule;
            if !e.trim().is_empty() && !k.trim().is_empty() && !kutsumanimi_is_valid(rule, e, k) {
                lints.push(Lint::KutsumanimiNotInEtunimet { rule });
            }
        }
        lints
    }

    fn count(&mut self, report: &RowReport) {
        let s = &mut self.summary;
        s.rows += 1;
        match report.verdict() {
            RowVerdict::Accepted => s.accepted += 1,
            RowVerdict::Rejected => s.rejected += 1,
        }
        if !report.warnings.is_empty() {
            s.with_warnings += 1;
        }
        *s.actions.entry(report.action.kind.as_str()).or_default() += 1;
        if report.action.conflict == Some(true) {
            s.conflicts += 1;
        }
        for e in &report.errors {
            *s.errors_by_key.entry(e.key()).or_default() += 1;
        }
        if let Some(first) = report.errors.first() {
            if first.stage() == Stage::Deserialization && s.first_unreadable_row.is_none() {
                s.first_unreadable_row = Some(report.index);
            }
            add_to_answer(s, &report.errors);
        }
        for w in &report.warnings {
            *s.warnings_by_code.entry(w.code()).or_default() += 1;
        }
    }

    /// The batch-level errors (notification e-mail, `henkilot` null or empty), given the
    /// batch's `sahkoposti` and its number of rows (`None` when `henkilot` is null).
    pub fn batch_errors(&self, sahkoposti: Option<&str>, rows: Option<usize>) -> Vec<OnrError> {
        self.validator.batch(sahkoposti, rows)
    }

    /// Ends the batch and returns the summary, counting the batch-level errors.
    pub fn finish(mut self, sahkoposti: Option<&str>, rows: Option<usize>) -> Summary {
        let batch = self.validator.batch(sahkoposti, rows);
        self.summary.batch_errors = batch.len();
        for e in &batch {
            *self.summary.errors_by_key.entry(e.key()).or_default() += 1;
        }
        add_to_answer(&mut self.summary, &batch);
        self.likely_duplicates();
        self.summary
    }

    /// The final pass: `import.lint.likely_duplicate` for every pair of rows whose stored
    /// search strings are similar and which do not resolve to the same person.
    fn likely_duplicates(&mut self) {
        let rows = std::mem::take(&mut self.dup_rows);
        let sets = std::mem::take(&mut self.dup_sets);
        let ids = vec![String::new(); sets.len()];
        let Ok(index) = DuplicateIndex::from_sets(ids, sets, self.options.duplicate_threshold)
        else {
            return;
        };
        let k = self.options.max_duplicates_per_row;
        if k == 0 || self.summary.duplicates_skipped {
            return;
        }
        // The best `k` other rows of every row: most similar first (ONR's distance order),
        // ties by the other row's index, kept as the join streams its pairs (in no
        // particular order; the choice does not depend on it). Memory is the index, the
        // join's fixed buffers and `k` per row, whatever the number of similar pairs.
        let better = |x: &(f32, u32), y: &(f32, u32)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
        let mut best: Vec<Vec<(f32, u32)>> = vec![Vec::new(); rows.len()];
        let mut offer = |at: usize, candidate: (f32, u32)| {
            let list = &mut best[at];
            if list.len() < k {
                list.push(candidate);
            } else if let Some(worst) = list.iter_mut().max_by(|a, b| better(a, b)) {
                if better(&candidate, worst).is_lt() {
                    *worst = candidate;
                }
            }
        };
        index.for_each_pair_block(|pairs, _| {
            for pair in pairs {
                let (a, b) = (&rows[pair.a as usize], &rows[pair.b as usize]);
                let same = a.person != PersonKey::Unknown && a.person == b.person;
                if !same {
                    offer(pair.a as usize, (pair.similarity, b.index));
                    offer(pair.b as usize, (pair.similarity, a.index));
                }
            }
        });
        drop(index);
        let mut found: Vec<(u32, u32, f32)> = Vec::new();
        for (at, mut list) in best.into_iter().enumerate() {
            list.sort_unstable_by(better);
            found.extend(
                list.into_iter()
                    .map(|(sim, other)| (rows[at].index, other, sim)),
            );
        }
        found.sort_by_key(|x| x.0);
        let warned: HashMap<u32, bool> = rows.iter().map(|r| (r.index, r.warned)).collect();
        let s = &mut self.summary;
        let mut last = None;
        for (row, other, similarity) in found {
            if last != Some(row) && !warned.get(&row).copied().unwrap_or(true) {
                s.with_warnings += 1;
            }
            last = Some(row);
            let lint = Lint::LikelyDuplicate {
                row: other as usize,
                similarity,
            };
            *s.warnings_by_code.entry(lint.code()).or_default() += 1;
            s.row_warnings.push((row as usize, lint));
        }
    }
}

fn stage_rank(stage: Stage) -> u8 {
    match stage {
        Stage::Deserialization => 0,
        Stage::BeanValidation => 1,
        Stage::Server => 2,
        Stage::PostValidation => 3,
    }
}

/// Adds errors of one stage (a row's, or the batch's) to ONR's answer to the batch: the
/// answer is the best-ranked stage's (deserialization before bean validation, bean
/// validation before the post-validator, which fails with a 500 on a null row before it
/// answers); of unreadable values only the first counts.
fn add_to_answer(s: &mut Summary, errors: &[OnrError]) {
    let Some(stage) = errors.first().map(OnrError::stage) else {
        return;
    };
    let current = s.response.stage();
    s.response.add_row_stage(stage);
    let keep = |s: &mut Summary, errors: &[OnrError]| {
        s.answer_errors += errors.len();
        s.answer.extend_from_slice(errors);
    };
    match current.map(stage_rank) {
        Some(rank) if rank < stage_rank(stage) => {}
        Some(rank) if rank == stage_rank(stage) => {
            if matches!(stage, Stage::BeanValidation | Stage::PostValidation) {
                keep(s, errors);
            }
        }
        _ => {
            s.answer.clear();
            s.answer_errors = 0;
            match stage {
                Stage::Deserialization => keep(s, &errors[..1]),
                Stage::Server => {}
                _ => keep(s, errors),
            }
        }
    }
}

/// Whether a name is longer than ONR's database columns hold.
fn too_long(name: &str) -> bool {
    // Characters, as PostgreSQL's varchar counts them; bytes bound them from above.
    name.len() > MAX_NAME_CHARS && name.chars().nth(MAX_NAME_CHARS).is_some()
}

/// Whether any of a person's names is longer than ONR's database columns hold.
fn has_too_long_name(p: &RowPerson) -> bool {
    [&p.etunimet, &p.kutsumanimi, &p.sukunimi]
        .iter()
        .any(|n| n.as_deref().is_some_and(too_long))
}

/// The birth date ONR stores for a row: the hetu's when the hetu is valid, else
/// `syntymaaika`.
fn stored_birth_date(p: &RowPerson, env: Environment) -> Option<NaiveDate> {
    p.hetu
        .as_deref()
        .filter(|h| !h.is_empty())
        .and_then(|h| Hetu::parse(h, env).ok())
        .map(|h| h.birth_date())
        .or(p.syntymaaika)
}

/// ONR's whole check of an import request body as JSON text (`PUT /oppija`): every row
/// through `checker` (each report handed to `on_row` as soon as it is made, in order), then the
/// batch-level errors, and the summary. Values the JSON reader could not read (a wrong type, a
/// bad date) are batch errors with key `HttpMessageNotReadableException`, as ONR rejects the
/// request for them before any validation; the summary counts them.
///
/// # Errors
///
/// A [`JsonError`](super::json::JsonError) when the text is not JSON at all or not an object.
///
/// # Example
///
/// ```
/// use onr_core::import::{checker::check_json, koodisto::Koodisto, CheckOptions, Checker};
///
/// let koodisto = Koodisto::bundled();
/// let checker = Checker::new(&koodisto, CheckOptions::default());
/// let body = r#"{"henkilot": [{"tunniste": "1", "henkilo": {"hetu": "131052-308T",
///     "etunimet": "Anna", "kutsumanimi": "Anna", "sukunimi": "Virtanen"}}]}"#;
/// let mut reports = Vec::new();
/// let (batch_errors, summary) = check_json(body, checker, |r| reports.push(r))?;
/// assert_eq!(reports.len(), 1);
/// assert_eq!(summary.rows, 1);
/// assert!(batch_errors.iter().all(|e| e.key() != "HttpMessageNotReadableException"));
/// # Ok::<(), onr_core::import::json::JsonError>(())
/// ```
#[cfg(feature = "json")]
pub fn check_json(
    text: &str,
    mut checker: Checker<'_>,
    mut on_row: impl FnMut(RowReport),
) -> Result<(Vec<OnrError>, Summary), super::json::JsonError> {
    let header = super::json::read(text, |row| on_row(checker.check(row)))?;
    let unreadable: Vec<OnrError> = header.problems.iter().map(ReadProblem::to_error).collect();
    let mut batch_errors = unreadable.clone();
    batch_errors.extend(checker.batch_errors(header.sahkoposti.as_deref(), header.rows));
    let mut summary = checker.finish(header.sahkoposti.as_deref(), header.rows);
    summary.batch_errors += unreadable.len();
    if let (Some(first), Some(&position)) = (unreadable.first(), header.problem_positions.first()) {
        // Document order: the batch-level value came before the first unreadable row
        // value when that row was handed over after it.
        let before = summary
            .first_unreadable_row
            .map_or(true, |row| row >= position);
        summary.response.add_row_stage(Stage::Deserialization);
        if before {
            summary.answer = vec![first.clone()];
            summary.answer_errors = 1;
        }
    }
    Ok((batch_errors, summary))
}

/// Checks a whole import batch in CSV, as [`check_json`] checks JSON: every row read by
/// `reader` ([`crate::import::csv::Reader`]) through `checker` (each report handed to `on_row`
/// as soon as it is made, in order), then the batch-level errors, and the summary. CSV has no
/// place for the batch's notification address: `sahkoposti` is it (`onr check --sahkoposti`).
///
/// The reader is made by the caller, so that it can look at the header first (e.g.
/// [`Reader::unknown_columns`](crate::import::csv::Reader::unknown_columns)) and choose the
/// delimiter ([`crate::input::sniff_delimiter`] guesses it from the header line).
///
/// # Errors
///
/// The reader's [`CsvError`](super::csv::CsvError) when a record cannot be read (the rows
/// before it have been handed to `on_row`).
///
/// # Example
///
/// ```
/// use onr_core::import::{checker::check_csv, csv::{CsvOptions, Reader}, koodisto::Koodisto, CheckOptions, Checker};
///
/// let koodisto = Koodisto::bundled();
/// let checker = Checker::new(&koodisto, CheckOptions::default());
/// let text = "tunniste,hetu,etunimet,kutsumanimi,sukunimi,kansalaisuus\n\
///             1,131052-308T,Anna,Anna,Virtanen,246\n\
///             2,,Pekka,,,\n";
/// let reader = Reader::new(text.as_bytes(), CsvOptions::default())?;
/// let mut reports = Vec::new();
/// let (batch_errors, summary) = check_csv(reader, checker, None, |r| reports.push(r))?;
/// assert_eq!(reports.len(), 2);
/// assert_eq!(reports[1].line, Some(3));
/// assert_eq!((summary.rows, summary.rejected), (2, 1));
/// assert_eq!(summary.response.http_status(), 400);
/// assert!(batch_errors.is_empty());
/// # Ok::<(), onr_core::import::csv::CsvError>(())
/// ```
#[cfg(feature = "csv")]
pub fn check_csv<R: std::io::Read>(
    reader: super::csv::Reader<R>,
    mut checker: Checker<'_>,
    sahkoposti: Option<&str>,
    mut on_row: impl FnMut(RowReport),
) -> Result<(Vec<OnrError>, Summary), super::csv::CsvError> {
    let mut rows = 0usize;
    for row in reader {
        on_row(checker.check(row?));
        rows += 1;
    }
    Ok((
        checker.batch_errors(sahkoposti, Some(rows)),
        checker.finish(sahkoposti, Some(rows)),
    ))
}

/// The key of "the same person": lower-cased trimmed first names and surname, and the birth
/// date (given, or from a valid hetu); `None` when any is missing.
fn same_person_key(p: &RowPerson, env: Environment) -> Option<u64> {
    let e = p.etunimet.as_deref()?.trim().to_lowercase();
    let s = p.sukunimi.as_deref()?.trim().to_lowercase();
    if e.is_empty() || s.is_empty() {
        return None;
    }
    let date: NaiveDate = p.syntymaaika.or_else(|| {
        p.hetu
            .as_deref()
            .and_then(|h| Hetu::parse(h, env).ok())
            .map(|h| h.birth_date())
    })?;
    Some(hash_of((e, s, date)))
}

#[cfg(test)]
mod tests;
