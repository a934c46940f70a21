//! The names compared and the verdicts of the name rules.

/// The names of a person as ONR compares them. A missing name is the empty string, as ONR's
/// `name()` treats `null`.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::PersonNames;
///
/// let names = PersonNames::new("Matti Juhani", "Meikäläinen");
/// assert_eq!(names.surname, "Meikäläinen");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PersonNames<'a> {
    /// All first names (`etunimet`), separated by spaces.
    pub first_names: &'a str,
    /// The surname (`sukunimi`).
    pub surname: &'a str,
}

impl<'a> PersonNames<'a> {
    /// Names from first names and a surname.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::PersonNames;
    /// assert_eq!(PersonNames::new("Anna", "Virtanen").first_names, "Anna");
    /// ```
    pub const fn new(first_names: &'a str, surname: &'a str) -> Self {
        PersonNames {
            first_names,
            surname,
        }
    }
}

/// A person's names as VTJ (the population register) returns them for identification.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::VtjNames;
///
/// let vtj = VtjNames::new("Liisa Johanna", "Virtanen").with_former_surnames(&["Korhonen"]);
/// assert_eq!(vtj.former_surnames, ["Korhonen"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct VtjNames<'a> {
    /// All first names (`etunimi` in VTJ's answer).
    pub first_names: &'a str,
    /// The current surname.
    pub surname: &'a str,
    /// The former names that VTJ flags as surnames (`entisetNimet` of kind surname).
    pub former_surnames: &'a [&'a str],
}

impl<'a> VtjNames<'a> {
    /// VTJ names without former surnames.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::VtjNames;
    /// assert!(VtjNames::new("Teijo", "Testaaja").former_surnames.is_empty());
    /// ```
    pub const fn new(first_names: &'a str, surname: &'a str) -> Self {
        VtjNames {
            first_names,
            surname,
            former_surnames: &[],
        }
    }

    /// The same names with the former surnames VTJ reports.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::VtjNames;
    /// let vtj = VtjNames::new("Teijo", "Testaaja").with_former_surnames(&["Virtanen"]);
    /// assert_eq!(vtj.former_surnames.len(), 1);
    /// ```
    pub const fn with_former_surnames(self, former_surnames: &'a [&'a str]) -> Self {
        VtjNames {
            former_surnames,
            ..self
        }
    }

    /// The surname candidates in order: the current surname, then the former surnames.
    pub(super) fn surnames(&self) -> impl Iterator<Item = (VtjSurname, &'a str)> + 'a {
        std::iter::once((VtjSurname::Current, self.surname)).chain(
            self.former_surnames
                .iter()
                .enumerate()
                .map(|(i, s)| (VtjSurname::Former(i), *s)),
        )
    }
}

/// Which VTJ surname a name matched.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::{NameRules, PersonNames, VtjNames, VtjSurname};
///
/// let onr = PersonNames::new("Kutsumanimi", "Sukunimi");
/// let vtj = VtjNames::new("Kutsumanimi", "CCCC").with_former_surnames(&["Sukunimi"]);
/// let verdict = NameRules::default().identification(onr, true, vtj);
/// assert_eq!(verdict.vtj_surname(), Some(VtjSurname::Former(0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum VtjSurname {
    /// VTJ's current surname.
    Current,
    /// The former surname at this index of [`VtjNames::former_surnames`].
    Former(usize),
}

/// The outcome of ONR's surname check.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::NameRules;
///
/// let verdict = NameRules::default().surname("Karhu", "Karju");
/// assert!(verdict.is_match());
/// assert_eq!(verdict.similarity, 0.90666664);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SurnameVerdict {
    /// Jaro-Winkler of the comparison forms, given surname first.
    pub similarity: f32,
    /// Whether the similarity reached the surname threshold.
    pub similar: bool,
}

impl SurnameVerdict {
    /// Whether ONR considers the surnames the same.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::NameRules;
    /// assert!(!NameRules::default().surname("", "").is_match());
    /// ```
    pub const fn is_match(&self) -> bool {
        self.similar
    }
}

/// The outcome of ONR's first-name check, and which rule decided it.
///
/// Token indices refer to [`first_name_tokens`](super::first_name_tokens) of the [`comparison_form`](super::comparison_form) of each side.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::{FirstNameVerdict, NameRules};
///
/// let rules = NameRules::default();
/// assert_eq!(rules.first_names("Anna", "Hanna-Leena"), FirstNameVerdict::Substring);
/// assert!(matches!(
///     rules.first_names("Elias Tapani", "Eelis Tapani"),
///     FirstNameVerdict::SimilarTokens { given_token: 0, reference_token: 0, .. }
/// ));
/// assert!(!rules.first_names("Pertti", "Seppo Matti").is_match());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "rule", rename_all = "snake_case"))]
pub enum FirstNameVerdict {
    /// The reference first names contain the given ones as a substring (ONR's first rule; an
    /// empty given name always matches this way).
    Substring,
    /// The first pair, in ONR's order (reference tokens outer, given tokens inner), whose
    /// Jaro-Winkler reached the first-name threshold.
    SimilarTokens {
        /// Index of the given token.
        given_token: usize,
        /// Index of the reference token.
        reference_token: usize,
        /// Jaro-Winkler of the two tokens, given token first.
        similarity: f32,
    },
    /// Neither rule matched.
    Different {
        /// The highest Jaro-Winkler of any token pair (`0` when a side has no tokens).
        best_similarity: f32,
    },
}

impl FirstNameVerdict {
    /// Whether ONR considers the first names matching.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::NameRules;
    /// assert!(NameRules::default().first_names("Marja", "Marja Terttu Karpalo").is_match());
    /// ```
    pub const fn is_match(&self) -> bool {
        !matches!(self, FirstNameVerdict::Different { .. })
    }
}

/// The outcome of comparing a surname and first names: ONR's `namesMatch`, and each branch of
/// the identification rule.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::{NameRules, NamesVerdict, PersonNames};
///
/// let verdict = NameRules::default().names_match(
///     PersonNames::new("Pertti", "Virtanen"),
///     PersonNames::new("Seppo Matti", "Peipponen"),
/// );
/// assert!(matches!(verdict, NamesVerdict::SurnameDiffers { .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "verdict", rename_all = "snake_case"))]
pub enum NamesVerdict {
    /// The surnames are similar and the first names match.
    Match {
        /// Jaro-Winkler of the surnames.
        surname_similarity: f32,
        /// How the first names matched (never [`FirstNameVerdict::Different`]).
        first_names: FirstNameVerdict,
    },
    /// The surnames differ; ONR does not look at the first names.
    SurnameDiffers {
        /// Jaro-Winkler of the surnames (the best one over VTJ's surnames in identification).
        surname_similarity: f32,
    },
    /// The surnames are similar but the first names differ.
    FirstNamesDiffer {
        /// Jaro-Winkler of the surnames.
        surname_similarity: f32,
        /// The highest Jaro-Winkler of any first-name token pair.
        best_first_name_similarity: f32,
    },
}

impl NamesVerdict {
    /// Whether ONR considers the names matching (for an import row: no name conflict).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::{NameRules, PersonNames};
    ///
    /// let given = PersonNames::new("Sepo", "Peipponen");
    /// let vtj = PersonNames::new("Seppo", "Peipponen");
    /// assert!(NameRules::default().names_match(given, vtj).is_match());
    /// ```
    pub const fn is_match(&self) -> bool {
        matches!(self, NamesVerdict::Match { .. })
    }
}

/// The outcome of ONR's identification name comparison (`tarkistaNimet` and its short cut).
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::{IdentificationVerdict, NameRules, PersonNames, VtjNames};
///
/// let rules = NameRules::default();
/// let onr = PersonNames::new("Teppo Taneli", "Testaaja");
/// // VTJ has the names in the wrong fields: ONR accepts the swap.
/// let vtj = VtjNames::new("Testaaja", "Teppo Taneli");
/// let verdict = rules.identification(onr, true, vtj);
/// assert!(matches!(verdict, IdentificationVerdict::Match { swapped: true, .. }));
///
/// let vtj = VtjNames::new("Teijo Tahvelo", "Testaaja");
/// assert!(!rules.identification(onr, true, vtj).is_match());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "verdict", rename_all = "snake_case"))]
pub enum IdentificationVerdict {
    /// The person has a hetu and both first names and surname are blank: ONR does not compare
    /// names and treats them as matching.
    BlankNamesWithHetu,
    /// The names match.
    Match {
        /// `false`: ONR's surname matched a VTJ surname and ONR's first names VTJ's first names.
        /// `true`: ONR's *first names* matched a VTJ surname and ONR's *surname* VTJ's first
        /// names (the fields were swapped by the source system).
        swapped: bool,
        /// The first VTJ surname (current, then former ones) that was similar.
        vtj_surname: VtjSurname,
        /// Jaro-Winkler against that surname.
        surname_similarity: f32,
        /// How the first names matched (never [`FirstNameVerdict::Different`]).
        first_names: FirstNameVerdict,
    },
    /// The names do not match: ONR stores VTJ's names for comparison and does not mark the
    /// person VTJ-identified.
    Mismatch {
        /// Why the direct comparison failed (never [`NamesVerdict::Match`]).
        direct: NamesVerdict,
        /// Why the swapped comparison failed (never [`NamesVerdict::Match`]).
        swapped: NamesVerdict,
    },
}

impl IdentificationVerdict {
    /// Whether ONR considers the names matching VTJ's.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::{NameRules, PersonNames, VtjNames};
    ///
    /// let onr = PersonNames::new("", " ");
    /// let vtj = VtjNames::new("Matti", "Meikäläinen");
    /// assert!(NameRules::default().identification(onr, true, vtj).is_match());
    /// assert!(!NameRules::default().identification(onr, false, vtj).is_match());
    /// ```
    pub const fn is_match(&self) -> bool {
        !matches!(self, IdentificationVerdict::Mismatch { .. })
    }

    /// The VTJ surname that matched, if the names matched by comparison.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::{NameRules, PersonNames, VtjNames, VtjSurname};
    ///
    /// let onr = PersonNames::new("Testi", "Testi");
    /// let vtj = VtjNames::new("Testi", "Testi");
    /// let verdict = NameRules::default().identification(onr, true, vtj);
    /// assert_eq!(verdict.vtj_surname(), Some(VtjSurname::Current));
    /// ```
    pub const fn vtj_surname(&self) -> Option<VtjSurname> {
        match self {
            IdentificationVerdict::Match { vtj_surname, .. } => Some(*vtj_surname),
            _ => None,
        }
    }
}
