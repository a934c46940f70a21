//! Name matching (ONR's name normalisation and the Jaro-Winkler name rules).
//!
//! ONR compares a person's names with another source's (VTJ, the population register, or an
//! import row) in three places, always after the same normalisation and always with
//! [Jaro-Winkler](super::jaro_winkler) at `>= 0.85`.
//!
//! # Normalisation ([`comparison_form`])
//!
//! 1. Unicode NFD, then every character of the *Combining Diacritical Marks* block
//!    (U+0300-U+036F) is removed.
//! 2. Accents are stripped again: NFKD (so ligatures, full-width and mathematical letters,
//!    superscripts and fractions are decomposed), `Ł ł Đ đ Ɨ ɨ ᵻ ᶤ ᶧ Ʉ ʉ ᵾ ᶶ Ŧ ŧ` become their
//!    plain letters, and U+0300-U+036F are removed.
//! 3. Every remaining character is transliterated to ASCII with Junidecode's tables (a port of
//!    Perl's Text::Unidecode): `ß` -> `ss`, `æ` -> `ae`, `ø` -> `o`, Cyrillic and Greek to Latin,
//!    CJK to syllables followed by a space, unknown characters (most emoji) to nothing. As in
//!    Junidecode, a character outside the Basic Multilingual Plane is looked up by the low 16 bits
//!    of its code point.
//! 4. ASCII lowercase. Spaces, hyphens and punctuation are kept; nothing is trimmed.
//!
//! The result is always ASCII. Characters that ONR's Java does not know yet (assigned after its
//! Unicode version) are passed through steps 1 and 2 unchanged, as Java's normaliser does.
//!
//! # Rules
//!
//! * **Surname** ([`NameRules::surname`]): `JW(given, reference) >= 0.85` on the comparison forms.
//! * **First names** ([`NameRules::first_names`]): a match if the reference's comparison form
//!   *contains* the given one as a substring (so an empty given name always matches), otherwise if
//!   any token of the reference and any token of the given names have `JW >= 0.85`. Tokens come
//!   from [`first_name_tokens`]: the names split at every single whitespace character, plus the
//!   hyphen-separated parts of each hyphenated token.
//! * **Import conflict / existence check** ([`NameRules::names_match`], ONR's `namesMatch`): the
//!   surname rule and then the first-name rule. Nicknames and birth dates are not compared.
//! * **Identification** ([`NameRules::identification`], ONR's `tarkistaNimet`): the ONR surname is
//!   similar to VTJ's current surname or to any former surname, and the ONR first names match VTJ's;
//!   or, for sources that swap the fields, the ONR *first names* are similar to a VTJ surname and
//!   the ONR *surname* matches VTJ's first names. A person with a hetu whose first names and surname
//!   are both blank is not compared at all.
//!
//! # Example
//!
//! ```
//! use onr_core::similarity::name_match::{comparison_form, NameRules, PersonNames};
//!
//! assert_eq!(comparison_form("Éva Nõmm-Ångström"), "eva nomm-angstrom");
//!
//! let rules = NameRules::default();
//! let given = PersonNames::new("Anna", "Virtanen");
//! let reference = PersonNames::new("Hanna-Leena", "Virtanen");
//! assert!(rules.names_match(given, reference).is_match()); // "hanna-leena" contains "anna"
//! ```

mod first_names;
mod java_data;
mod normalize;
mod verdict;

pub use first_names::first_name_tokens;
use first_names::{has_text, tokens};
pub use normalize::{comparison_form, NORMALIZATION_JAVA_VERSION};
pub use verdict::{
    FirstNameVerdict, IdentificationVerdict, NamesVerdict, PersonNames, SurnameVerdict, VtjNames,
    VtjSurname,
};

use super::jaro_winkler;

/// ONR's name rules with their thresholds (a policy value).
///
/// [`NameRules::default()`] is ONR's configuration: `0.85` for first names
/// (`oppijanumerorekisteri.etunimi-threshold`) and for surnames
/// (`oppijanumerorekisteri.sukunimi-threshold`), compared with `>=`.
///
/// # Example
///
/// ```
/// use onr_core::similarity::name_match::NameRules;
///
/// let rules = NameRules::default();
/// assert_eq!(rules.surname_threshold(), 0.85);
/// let strict = NameRules::with_thresholds(0.95, 0.95);
/// assert!(rules.surname("Korhonen", "Korhola").is_match());
/// assert!(!strict.surname("Korhonen", "Korhola").is_match());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NameRules {
    first_name_threshold: f32,
    surname_threshold: f32,
}

impl Default for NameRules {
    fn default() -> Self {
        NameRules::ONR
    }
}

impl NameRules {
    /// ONR's configuration: both thresholds `0.85`.
    pub const ONR: NameRules = NameRules {
        first_name_threshold: jaro_winkler::THRESHOLD,
        surname_threshold: jaro_winkler::THRESHOLD,
    };

    /// Rules with other thresholds, as ONR's two properties would set them.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::NameRules;
    /// assert_eq!(NameRules::with_thresholds(0.9, 0.8).first_name_threshold(), 0.9);
    /// ```
    pub const fn with_thresholds(first_name_threshold: f32, surname_threshold: f32) -> Self {
        NameRules {
            first_name_threshold,
            surname_threshold,
        }
    }

    /// The first-name threshold (`>=`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::similarity::name_match::NameRules::ONR.first_name_threshold(), 0.85);
    /// ```
    pub const fn first_name_threshold(&self) -> f32 {
        self.first_name_threshold
    }

    /// The surname threshold (`>=`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::similarity::name_match::NameRules::ONR.surname_threshold(), 0.85);
    /// ```
    pub const fn surname_threshold(&self) -> f32 {
        self.surname_threshold
    }

    /// ONR's surname check (`tarkistaSukunimi`): Jaro-Winkler of the [`comparison_form`]s,
    /// `given` first, at the surname threshold.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::NameRules;
    ///
    /// let rules = NameRules::default();
    /// assert!(rules.surname("Virkailija", "Virkalija").is_match());
    /// assert!(rules.surname("Halla-aho", "Hallaaho").is_match());
    /// assert!(!rules.surname("Mäkinen", "Mäkelä").is_match()); // 0.82222223
    /// ```
    pub fn surname(&self, given: &str, reference: &str) -> SurnameVerdict {
        self.surname_of_forms(&comparison_form(given), &comparison_form(reference))
    }

    /// ONR's first-name check (`tarkistaEtunimi`) on the [`comparison_form`]s: substring, then
    /// any pair of [`first_name_tokens`] at the first-name threshold.
    ///
    /// `given` is the side being checked (ONR's record or an import row), `reference` the side
    /// trusted (VTJ or ONR's record); the rule is not symmetric.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::{FirstNameVerdict, NameRules};
    ///
    /// let rules = NameRules::default();
    /// assert_eq!(rules.first_names("virhe", "luultavastivirhe"), FirstNameVerdict::Substring);
    /// assert!(rules.first_names("Krista Johanna", "Liisa Johanna").is_match());
    /// assert!(!rules.first_names("a", "b c d e f").is_match());
    /// ```
    pub fn first_names(&self, given: &str, reference: &str) -> FirstNameVerdict {
        self.first_names_of_forms(&comparison_form(given), &comparison_form(reference))
    }

    /// ONR's `namesMatch` (existence check and import-conflict test): the surname rule and,
    /// if the surnames are similar, the first-name rule. Nicknames and birth dates are ignored.
    ///
    /// An import row conflicts with the existing person exactly when this is not a match.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::{NameRules, PersonNames};
    ///
    /// let rules = NameRules::default();
    /// let given = PersonNames::new("Renée Nöel Zoë", "Søren");
    /// let onr = PersonNames::new("Renee Noel Zoe", "Soren");
    /// assert!(rules.names_match(given, onr).is_match());
    ///
    /// let other = PersonNames::new("x y z", "l");
    /// assert!(!rules.names_match(PersonNames::new("a b c", "d"), other).is_match());
    /// ```
    pub fn names_match(&self, given: PersonNames<'_>, reference: PersonNames<'_>) -> NamesVerdict {
        let surname = self.surname_of_forms(
            &comparison_form(given.surname),
            &comparison_form(reference.surname),
        );
        if !surname.similar {
            return NamesVerdict::SurnameDiffers {
                surname_similarity: surname.similarity,
            };
        }
        let first_names = self.first_names_of_forms(
            &comparison_form(given.first_names),
            &comparison_form(reference.first_names),
        );
        names_verdict(surname.similarity, first_names)
    }

    /// ONR's identification name comparison (`tarkistaNimet`, with its short cut).
    ///
    /// If the person has a hetu (`has_hetu`: present and non-empty) and both the first names
    /// and the surname are blank (empty or Java whitespace only), the names are not compared
    /// and count as matching. Otherwise the names match if
    /// * ONR's surname is similar to one of VTJ's surnames (current or former) and ONR's first
    ///   names match VTJ's first names, or
    /// * ONR's first names are similar to one of VTJ's surnames and ONR's surname matches VTJ's
    ///   first names (the fields swapped by the source system).
    ///
    /// Nicknames are not compared.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::similarity::name_match::{NameRules, PersonNames, VtjNames};
    ///
    /// let rules = NameRules::default();
    /// let onr = PersonNames::new("Krista Johanna", "Virtanen");
    /// let vtj = VtjNames::new("Liisa Johanna", "Virtanen");
    /// assert!(rules.identification(onr, true, vtj).is_match()); // one first name is enough
    ///
    /// let onr = PersonNames::new("Kutsumanimi", "Sukunimi");
    /// let vtj = VtjNames::new("Kutsumanimi", "CCCC").with_former_surnames(&["Sukunimi"]);
    /// assert!(rules.identification(onr, true, vtj).is_match()); // a former surname
    /// ```
    pub fn identification(
        &self,
        onr: PersonNames<'_>,
        has_hetu: bool,
        vtj: VtjNames<'_>,
    ) -> IdentificationVerdict {
        if has_hetu && !has_text(onr.surname) && !has_text(onr.first_names) {
            return IdentificationVerdict::BlankNamesWithHetu;
        }
        let onr_surname = comparison_form(onr.surname);
        let onr_first_names = comparison_form(onr.first_names);
        let vtj_first_names = comparison_form(vtj.first_names);
        let vtj_surnames: Vec<(VtjSurname, String)> = vtj
            .surnames()
            .map(|(which, s)| (which, comparison_form(s)))
            .collect();

        let direct = self.identification_branch(
            &onr_surname,
            &onr_first_names,
            &vtj_surnames,
            &vtj_first_names,
        );
        let direct = match direct {
            Ok(found) => return found.into_verdict(false),
            Err(why) => why,
        };
        let swapped = self.identification_branch(
            &onr_first_names,
            &onr_surname,
            &vtj_surnames,
            &vtj_first_names,
        );
        match swapped {
            Ok(found) => found.into_verdict(true),
            Err(why) => IdentificationVerdict::Mismatch {
                direct,
                swapped: why,
            },
        }
    }

    /// One branch of `tarkistaNimet`: `surname_side` against every VTJ surname, then
    /// `first_name_side` against VTJ's first names.
    fn identification_branch(
        &self,
        surname_side: &str,
        first_name_side: &str,
        vtj_surnames: &[(VtjSurname, String)],
        vtj_first_names: &str,
    ) -> Result<BranchMatch, NamesVerdict> {
        let mut best = 0.0f32;
        let mut similar = None;
        for (which, vtj_surname) in vtj_surnames {
            let verdict = self.surname_of_forms(surname_side, vtj_surname);
            best = best.max(verdict.similarity);
            if verdict.similar {
                similar = Some((*which, verdict.similarity));
                break;
            }
        }
        let Some((vtj_surname, surname_similarity)) = similar else {
            return Err(NamesVerdict::SurnameDiffers {
                surname_similarity: best,
            });
        };
        let first_names = self.first_names_of_forms(first_name_side, vtj_first_names);
        match names_verdict(surname_similarity, first_names) {
            NamesVerdict::Match { .. } => Ok(BranchMatch {
                vtj_surname,
                surname_similarity,
                first_names,
            }),
            other => Err(other),
        }
    }

    fn surname_of_forms(&self, given: &str, reference: &str) -> SurnameVerdict {
        let similarity = jaro_winkler::similarity(given, reference);
        SurnameVerdict {
            similarity,
            similar: similarity >= self.surname_threshold,
        }
    }

    fn first_names_of_forms(&self, given: &str, reference: &str) -> FirstNameVerdict {
        if reference.contains(given) {
            return FirstNameVerdict::Substring;
        }
        // The comparison forms are ASCII lowercase already: ONR's second lowercasing is a no-op.
        let reference_tokens = tokens(reference);
        let given_tokens = tokens(given);
        let mut best = 0.0f32;
        for (reference_token, r) in reference_tokens.iter().enumerate() {
            for (given_token, g) in given_tokens.iter().enumerate() {
                let similarity = jaro_winkler::similarity(g, r);
                if similarity >= self.first_name_threshold {
                    return FirstNameVerdict::SimilarTokens {
                        given_token,
                        reference_token,
                        similarity,
                    };
                }
                best = best.max(similarity);
            }
        }
        FirstNameVerdict::Different {
            best_similarity: best,
        }
    }
}

/// A successful identification branch.
struct BranchMatch {
    vtj_surname: VtjSurname,
    surname_similarity: f32,
    first_names: FirstNameVerdict,
}

impl BranchMatch {
    fn into_verdict(self, swapped: bool) -> IdentificationVerdict {
        IdentificationVerdict::Match {
            swapped,
            vtj_surname: self.vtj_surname,
            surname_similarity: self.surname_similarity,
            first_names: self.first_names,
        }
    }
}

fn names_verdict(surname_similarity: f32, first_names: FirstNameVerdict) -> NamesVerdict {
    match first_names {
        FirstNameVerdict::Different { best_similarity } => NamesVerdict::FirstNamesDiffer {
            surname_similarity,
            best_first_name_similarity: best_similarity,
        },
        matched => NamesVerdict::Match {
            surname_similarity,
            first_names: matched,
        },
    }
}

#[cfg(test)]
mod tests;
