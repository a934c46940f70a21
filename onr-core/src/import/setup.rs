//! What a check knows of ONR besides the batch, set up once for every front end: the code
//! lists, the persons ONR already has and the index of ONR's duplicate search over them.
//!
//! `onr check`, Python's `check_import` and Java's `ImportCheck` all build their [`Checker`]
//! from a [`CheckSetup`], so that the same existing persons give the same matches, conflicts
//! and duplicate candidates everywhere, and a duplicate index that cannot be built is the same
//! error everywhere.
//!
//! # Example
//!
//! ```
//! use onr_core::import::action::ExistingPerson;
//! use onr_core::import::koodisto::Koodisto;
//! use onr_core::import::{CheckOptions, CheckSetup, Koodi, Row, RowInput, RowPerson};
//! use onr_core::similarity::duplicates::PersonRecord;
//!
//! let oid = "1.2.246.562.24.10000000003";
//! let persons = vec![ExistingPerson {
//!     oid: oid.into(),
//!     etunimet: "Aino Maria".into(),
//!     sukunimi: "Virtanen".into(),
//!     ..ExistingPerson::default()
//! }];
//! let records = [PersonRecord::new(oid, "Aino Maria", "Aino", "Virtanen", None)];
//! let setup = CheckSetup::with_existing(
//!     Koodisto::bundled(),
//!     CheckOptions::default(),
//!     persons,
//!     Some(&records),
//! )?;
//! assert_eq!(setup.persons().map(|p| p.len()), Some(1));
//! let row = Row::new(RowPerson {
//!     passinumero: Some("XP1234567".into()),
//!     etunimet: Some("Aino Maria".into()),
//!     kutsumanimi: Some("Aino".into()),
//!     sukunimi: Some("Virtanen".into()),
//!     kansalaisuus: Some(vec![Some(Koodi::new("752"))]),
//!     ..RowPerson::default()
//! });
//! let report = setup.checker().check(RowInput::new(0, Some(row)));
//! assert_eq!(report.duplicate_candidates[0].oid, oid);
//! # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
//! ```

use crate::similarity::duplicates::{
    check_threshold, DuplicateIndex, PersonRecord, ThresholdError,
};

use super::action::{ExistingPerson, ExistingPersons, Persons, Unknown};
use super::checker::{CheckOptions, Checker};
use super::koodisto::Koodisto;

/// The code lists, the options, the existing persons (if known) and the duplicate index over
/// them (if their names and birth dates are known), owned, from which [`CheckSetup::checker`]
/// makes a [`Checker`] for each batch.
///
/// Without existing persons every identifier of a batch is unknown to the check
/// ([`Unknown`]); without records there are no `import.lint.existing_duplicates` warnings.
pub struct CheckSetup {
    koodisto: Koodisto,
    options: CheckOptions,
    persons: Option<Persons>,
    duplicate_index: Option<DuplicateIndex>,
}

impl std::fmt::Debug for CheckSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckSetup")
            .field("options", &self.options)
            .field("persons", &self.persons.as_ref().map(Persons::len))
            .field("duplicate_index", &self.duplicate_index.is_some())
            .finish_non_exhaustive()
    }
}

impl CheckSetup {
    /// A setup without existing persons.
    ///
    /// # Errors
    ///
    /// [`ThresholdError`] (`similarity.threshold`) when
    /// [`CheckOptions::duplicate_threshold`] is NaN or outside `[0, 1]`.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::error::Coded;
    /// use onr_core::import::{koodisto::Koodisto, CheckOptions, CheckSetup};
    /// let setup = CheckSetup::new(Koodisto::bundled(), CheckOptions::default())?;
    /// assert!(setup.persons().is_none());
    /// let bad = CheckOptions { duplicate_threshold: 2.0, ..CheckOptions::default() };
    /// let err = CheckSetup::new(Koodisto::bundled(), bad).unwrap_err();
    /// assert_eq!(err.code(), "similarity.threshold");
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn new(koodisto: Koodisto, options: CheckOptions) -> Result<CheckSetup, ThresholdError> {
        check_threshold(options.duplicate_threshold)?;
        Ok(CheckSetup {
            koodisto,
            options,
            persons: None,
            duplicate_index: None,
        })
    }

    /// A setup with the persons ONR has and, when `records` (the same persons as ONR's
    /// duplicate search sees them, ids their OIDs: [`crate::import::existing`] reads both from
    /// one file) are given, the duplicate index over them at
    /// [`CheckOptions::duplicate_threshold`].
    ///
    /// # Errors
    ///
    /// [`ThresholdError`] (`similarity.threshold`) when
    /// [`CheckOptions::duplicate_threshold`] is NaN or outside `[0, 1]`, with or without
    /// records.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::action::ExistingPerson;
    /// use onr_core::import::{koodisto::Koodisto, CheckOptions, CheckSetup};
    /// let person = ExistingPerson { oid: "1.2.246.562.24.10000000003".into(), ..ExistingPerson::default() };
    /// let setup = CheckSetup::with_existing(Koodisto::bundled(), CheckOptions::default(), vec![person], None)?;
    /// assert_eq!(setup.persons().map(|p| p.len()), Some(1));
    /// assert!(setup.duplicate_index().is_none());
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn with_existing(
        koodisto: Koodisto,
        options: CheckOptions,
        persons: Vec<ExistingPerson>,
        records: Option<&[PersonRecord]>,
    ) -> Result<CheckSetup, ThresholdError> {
        let mut setup = CheckSetup::new(koodisto, options)?;
        setup.duplicate_index = records
            .map(|r| DuplicateIndex::new(r, options.duplicate_threshold))
            .transpose()?;
        setup.persons = Some(Persons::new(persons));
        Ok(setup)
    }

    /// The setup of an existing-persons file as [`crate::import::existing`] reads it (its
    /// persons and, when it has them, their duplicate-search records), or of no file: what
    /// `onr check --existing`, Python's `check_import(existing=PATH)` and Java's
    /// `withExistingFile` all give.
    ///
    /// # Errors
    ///
    /// As [`CheckSetup::with_existing`].
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{existing, koodisto::Koodisto, CheckOptions, CheckSetup};
    /// let file = existing::read(
    ///     b"oid,etunimet,kutsumanimi,sukunimi,syntymaaika\n1.2.246.562.24.10000000003,Aino,Aino,Virtanen,2005-03-14\n".to_vec(),
    ///     existing::ExistingFormat::Csv,
    ///     onr_core::input::Encoding::Utf8,
    /// ).unwrap();
    /// let setup = CheckSetup::with_existing_file(Koodisto::bundled(), CheckOptions::default(), Some(file))?;
    /// assert!(setup.persons().is_some() && setup.duplicate_index().is_some());
    /// let none = CheckSetup::with_existing_file(Koodisto::bundled(), CheckOptions::default(), None)?;
    /// assert!(none.persons().is_none());
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    #[cfg(all(feature = "csv", feature = "json"))]
    pub fn with_existing_file(
        koodisto: Koodisto,
        options: CheckOptions,
        file: Option<crate::import::existing::ExistingFile>,
    ) -> Result<CheckSetup, ThresholdError> {
        match file {
            Some(f) => {
                CheckSetup::with_existing(koodisto, options, f.persons, f.records.as_deref())
            }
            None => CheckSetup::new(koodisto, options),
        }
    }

    /// A checker for one batch, with these code lists, options and existing persons.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::import::{koodisto::Koodisto, CheckOptions, CheckSetup, RowInput};
    /// let setup = CheckSetup::new(Koodisto::bundled(), CheckOptions::default())?;
    /// let mut checker = setup.checker();
    /// checker.check(RowInput::new(0, None));
    /// assert_eq!(checker.finish(None, Some(1)).rows, 1);
    /// # Ok::<(), onr_core::similarity::duplicates::ThresholdError>(())
    /// ```
    pub fn checker(&self) -> Checker<'_> {
        let registry: &dyn ExistingPersons = match &self.persons {
            Some(p) => p,
            None => &Unknown,
        };
        let checker = Checker::with_registry(&self.koodisto, self.options, registry);
        match &self.duplicate_index {
            Some(index) => checker.with_duplicate_index(index),
            None => checker,
        }
    }

    /// The code lists.
    pub fn koodisto(&self) -> &Koodisto {
        &self.koodisto
    }

    /// The options of every checker.
    pub fn options(&self) -> &CheckOptions {
        &self.options
    }

    /// The existing persons, when known.
    pub fn persons(&self) -> Option<&Persons> {
        self.persons.as_ref()
    }

    /// The duplicate index over the existing persons, when their records were given.
    pub fn duplicate_index(&self) -> Option<&DuplicateIndex> {
        self.duplicate_index.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::model::{Koodi, Row, RowPerson};
    use crate::import::RowInput;

    fn row() -> Row {
        Row::new(RowPerson {
            passinumero: Some("XP1234567".into()),
            etunimet: Some("Aino Maria".into()),
            kutsumanimi: Some("Aino".into()),
            sukunimi: Some("Virtanen".into()),
            kansalaisuus: Some(vec![Some(Koodi::new("752"))]),
            ..RowPerson::default()
        })
    }

    #[test]
    fn the_threshold_is_checked_with_or_without_records() {
        let bad = CheckOptions {
            duplicate_threshold: f64::NAN,
            ..CheckOptions::default()
        };
        assert!(CheckSetup::new(Koodisto::bundled(), bad).is_err());
        assert!(CheckSetup::with_existing(Koodisto::bundled(), bad, Vec::new(), None).is_err());
        assert!(
            CheckSetup::with_existing(Koodisto::bundled(), bad, Vec::new(), Some(&[])).is_err()
        );
    }

    #[test]
    fn the_checker_uses_persons_and_index() {
        let oid = "1.2.246.562.24.10000000003";
        let person = ExistingPerson {
            oid: oid.into(),
            passinumerot: vec!["XP1234567".into()],
            etunimet: "Aino Maria".into(),
            sukunimi: "Virtanen".into(),
            ..ExistingPerson::default()
        };
        let other = "1.2.246.562.24.10000000014";
        let records = [PersonRecord::new(
            other,
            "Aino Maria",
            "Aino",
            "Virtanen",
            None,
        )];
        let setup = CheckSetup::with_existing(
            Koodisto::bundled(),
            CheckOptions::default(),
            vec![person],
            Some(&records),
        )
        .unwrap();
        let report = setup.checker().check(RowInput::new(0, Some(row())));
        assert_eq!(report.action.oid.as_deref(), Some(oid));
        assert_eq!(report.duplicate_candidates.len(), 1);
        assert_eq!(report.duplicate_candidates[0].oid, other);

        let bare = CheckSetup::new(Koodisto::bundled(), CheckOptions::default()).unwrap();
        let report = bare.checker().check(RowInput::new(0, Some(row())));
        assert_eq!(report.action.oid, None);
        assert!(report.duplicate_candidates.is_empty());
    }
}
