//! `onr_core::similarity` for the JVM: pg_trgm's trigram similarity, Lucene's Jaro-Winkler as
//! ONR uses it, and ONR's name rules (comparison form, surname, first names, `namesMatch`,
//! identification).
//!
//! Every export runs its body in `error::shielded`, so a panic never reaches UniFFI. A trigram form
//! crosses as its name (`raw`, `onr`), parsed by onr-core's [`Form`] (`FromStr`): the Java enum
//! `fi.onr.TrigramForm` carries the names [`trigram_form_names`] lists.

use onr_core::similarity::name_match::{
    FirstNameVerdict, IdentificationVerdict, NameRules, NamesVerdict, PersonNames, VtjNames,
    VtjSurname,
};
use std::fmt;
use std::sync::Arc;

use onr_core::similarity::trigram::{Form, TrigramSet, UnknownForm};
use onr_core::similarity::{jaro_winkler, name_match, trigram};

use crate::error::{shielded, NativeError, Positioned};

impl Positioned for UnknownForm {}

/// A form's name parsed by onr-core ([`Form`]'s `FromStr`): `similarity.unknown_form` else.
fn form(name: &str) -> Result<Form, NativeError> {
    Ok(name.parse::<Form>()?)
}

/// [`Form::NAMES`]: the names a form crosses as (`fi.onr.TrigramForm`'s).
#[uniffi::export]
pub fn trigram_form_names() -> Vec<String> {
    Form::NAMES.iter().map(|n| (*n).to_owned()).collect()
}

/// [`jaro_winkler::similarity`]: Lucene's `JaroWinklerDistance`, bit for bit (0.0..=1.0).
#[uniffi::export]
pub fn jaro_winkler(a: String, b: String) -> Result<f32, NativeError> {
    shielded(|| Ok(jaro_winkler::similarity(&a, &b)))
}

/// [`jaro_winkler::is_similar`]: ONR's threshold on [`jaro_winkler()`].
#[uniffi::export]
pub fn jaro_winkler_is_similar(a: String, b: String) -> Result<bool, NativeError> {
    shielded(|| Ok(jaro_winkler::is_similar(&a, &b)))
}

/// [`name_match::comparison_form`]: a name as ONR compares it.
#[uniffi::export]
pub fn name_comparison_form(name: String) -> Result<String, NativeError> {
    shielded(|| Ok(name_match::comparison_form(&name)))
}

/// [`trigram::similarity`]: pg_trgm's `similarity(a, b)` of the strings as given.
#[uniffi::export]
pub fn trigram(a: String, b: String) -> Result<f32, NativeError> {
    shielded(|| Ok(trigram::similarity(&a, &b)))
}

/// [`trigram::similarity_fmt`]: ONR's comparison, `similarity(lower(unaccent(a)), lower(unaccent(b)))`.
#[uniffi::export]
pub fn trigram_onr(a: String, b: String) -> Result<f32, NativeError> {
    shielded(|| Ok(trigram::similarity_fmt(&a, &b)))
}

/// [`trigram::similarities_in`] of each pair in the form named `form`, in order: `a[i]` with
/// `b[i]` (the facade checks that the lists have the same length; extra items are ignored).
#[uniffi::export]
pub fn trigram_many(a: Vec<String>, b: Vec<String>, form: String) -> Result<Vec<f32>, NativeError> {
    shielded(|| {
        let form = self::form(&form)?;
        let pairs: Vec<(&str, &str)> = a
            .iter()
            .map(String::as_str)
            .zip(b.iter().map(String::as_str))
            .collect();
        Ok(trigram::similarities_in(&pairs, form))
    })
}

/// [`TrigramSet`]: pg_trgm's trigram set of one string, computed once so that one string is
/// compared with many. Immutable: shareable between threads.
#[derive(uniffi::Object)]
pub struct NativeTrigramSet {
    set: TrigramSet,
}

/// The size only: the trigrams spell out the text, and texts are names (personal data).
impl fmt::Debug for NativeTrigramSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TrigramSet[size={}]", self.set.len())
    }
}

impl NativeTrigramSet {
    /// The onr-core set.
    pub fn set(&self) -> &TrigramSet {
        &self.set
    }
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[uniffi::export]
impl NativeTrigramSet {
    /// [`TrigramSet::of`] the text in the form named `form`.
    #[uniffi::constructor]
    pub fn new(text: String, form: String) -> Result<Self, NativeError> {
        shielded(|| {
            Ok(NativeTrigramSet {
                set: TrigramSet::of(&text, self::form(&form)?),
            })
        })
    }

    /// [`TrigramSet::len`].
    pub fn size(&self) -> Result<i32, NativeError> {
        shielded(|| Ok(count(self.set.len())))
    }

    /// [`TrigramSet::show`]: the trigrams as pg_trgm's `show_trgm` prints them, in its order.
    pub fn show(&self) -> Result<Vec<String>, NativeError> {
        shielded(|| Ok(self.set.show()))
    }

    /// [`TrigramSet::common`].
    pub fn common(&self, other: Arc<NativeTrigramSet>) -> Result<i32, NativeError> {
        shielded(|| Ok(count(self.set.common(&other.set))))
    }

    /// [`TrigramSet::similarity`].
    pub fn similarity(&self, other: Arc<NativeTrigramSet>) -> Result<f32, NativeError> {
        shielded(|| Ok(self.set.similarity(&other.set)))
    }

    /// [`TrigramSet::similarity_str`] of `other` in the form named `form`.
    pub fn similarity_str(&self, other: String, form: String) -> Result<f32, NativeError> {
        shielded(|| Ok(self.set.similarity_str(&other, self::form(&form)?)))
    }
}

/// [`jaro_winkler::similarity`] of each pair, in order: `a[i]` with `b[i]`.
#[uniffi::export]
pub fn jaro_winkler_many(a: Vec<String>, b: Vec<String>) -> Result<Vec<f32>, NativeError> {
    shielded(|| {
        let pairs: Vec<(&String, &String)> = a.iter().zip(&b).collect();
        Ok(jaro_winkler::similarities(&pairs))
    })
}

/// [`name_match::first_name_tokens`].
#[uniffi::export]
pub fn name_first_name_tokens(first_names: String) -> Result<Vec<String>, NativeError> {
    shielded(|| Ok(name_match::first_name_tokens(&first_names)))
}

/// ONR's name-rule thresholds ([`name_match::NameRules`]).
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct NameThresholds {
    /// The first-name threshold (`>=`).
    pub first_name: f32,
    /// The surname threshold (`>=`).
    pub surname: f32,
}

impl From<NameThresholds> for NameRules {
    fn from(t: NameThresholds) -> NameRules {
        NameRules::with_thresholds(t.first_name, t.surname)
    }
}

/// ONR's own thresholds ([`NameRules::ONR`]).
#[uniffi::export]
pub fn name_onr_thresholds() -> Result<NameThresholds, NativeError> {
    shielded(|| {
        Ok(NameThresholds {
            first_name: NameRules::ONR.first_name_threshold(),
            surname: NameRules::ONR.surname_threshold(),
        })
    })
}

/// [`name_match::SurnameVerdict`].
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct SurnameValue {
    /// Jaro-Winkler of the comparison forms.
    pub similarity: f32,
    /// Whether it reaches the threshold.
    pub similar: bool,
}

/// [`name_match::FirstNameVerdict`] flattened: `rule` is `substring`, `similar_tokens` or
/// `different`; the token indexes are -1 unless `similar_tokens`; `similarity` is the similar
/// tokens' (or, for `different`, the best) similarity, 1.0 for `substring`.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct FirstNamesValue {
    /// `substring`, `similar_tokens` or `different`.
    pub rule: FirstNameRule,
    /// The given names' token, or -1.
    pub given_token: i32,
    /// The reference names' token, or -1.
    pub reference_token: i32,
    /// See the type.
    pub similarity: f32,
}

/// How first names matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FirstNameRule {
    /// The reference contains the given names.
    Substring,
    /// Two tokens are similar.
    SimilarTokens,
    /// No match.
    Different,
}

impl From<FirstNameVerdict> for FirstNamesValue {
    fn from(v: FirstNameVerdict) -> FirstNamesValue {
        let (rule, g, r, s) = match v {
            FirstNameVerdict::Substring => (FirstNameRule::Substring, -1, -1, 1.0),
            FirstNameVerdict::SimilarTokens {
                given_token,
                reference_token,
                similarity,
            } => (
                FirstNameRule::SimilarTokens,
                index(given_token),
                index(reference_token),
                similarity,
            ),
            FirstNameVerdict::Different { best_similarity } => {
                (FirstNameRule::Different, -1, -1, best_similarity)
            }
        };
        FirstNamesValue {
            rule,
            given_token: g,
            reference_token: r,
            similarity: s,
        }
    }
}

fn index(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

/// [`name_match::NamesVerdict`]: `outcome` says which; `first_names` is set for a match.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct NamesValue {
    /// Match, surname differs, or first names differ.
    pub outcome: NamesOutcome,
    /// The surname similarity.
    pub surname_similarity: f32,
    /// How the first names matched (for a match), or the best first-name similarity
    /// (`different`, when the first names differ); `None` when the surname differs.
    pub first_names: Option<FirstNamesValue>,
}

/// Which [`NamesVerdict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum NamesOutcome {
    /// The names match.
    Match,
    /// The surnames are not similar.
    SurnameDiffers,
    /// The surnames are similar, the first names don't match.
    FirstNamesDiffer,
}

impl From<NamesVerdict> for NamesValue {
    fn from(v: NamesVerdict) -> NamesValue {
        match v {
            NamesVerdict::Match {
                surname_similarity,
                first_names,
            } => NamesValue {
                outcome: NamesOutcome::Match,
                surname_similarity,
                first_names: Some(first_names.into()),
            },
            NamesVerdict::SurnameDiffers { surname_similarity } => NamesValue {
                outcome: NamesOutcome::SurnameDiffers,
                surname_similarity,
                first_names: None,
            },
            NamesVerdict::FirstNamesDiffer {
                surname_similarity,
                best_first_name_similarity,
            } => NamesValue {
                outcome: NamesOutcome::FirstNamesDiffer,
                surname_similarity,
                first_names: Some(
                    FirstNameVerdict::Different {
                        best_similarity: best_first_name_similarity,
                    }
                    .into(),
                ),
            },
        }
    }
}

/// [`name_match::IdentificationVerdict`] flattened.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct IdentificationValue {
    /// Blank names with a hetu, a match, or a mismatch.
    pub outcome: IdentificationOutcome,
    /// For a match: whether ONR's first names and surname were swapped.
    pub swapped: bool,
    /// For a match: -1 for VTJ's current surname, else the index of the former surname.
    pub vtj_surname: i32,
    /// For a match: the surname similarity.
    pub surname_similarity: f32,
    /// For a match: how the first names matched.
    pub first_names: Option<FirstNamesValue>,
    /// For a mismatch: why the direct comparison failed.
    pub direct: Option<NamesValue>,
    /// For a mismatch: why the swapped comparison failed.
    pub swapped_verdict: Option<NamesValue>,
}

/// Which [`IdentificationVerdict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum IdentificationOutcome {
    /// A person with a hetu and blank names: not compared, treated as matching.
    BlankNamesWithHetu,
    /// The names match.
    Match,
    /// The names do not match.
    Mismatch,
}

impl From<IdentificationVerdict> for IdentificationValue {
    fn from(v: IdentificationVerdict) -> IdentificationValue {
        let empty = IdentificationValue {
            outcome: IdentificationOutcome::BlankNamesWithHetu,
            swapped: false,
            vtj_surname: -1,
            surname_similarity: 0.0,
            first_names: None,
            direct: None,
            swapped_verdict: None,
        };
        match v {
            IdentificationVerdict::Match {
                swapped,
                vtj_surname,
                surname_similarity,
                first_names,
            } => IdentificationValue {
                outcome: IdentificationOutcome::Match,
                swapped,
                vtj_surname: match vtj_surname {
                    VtjSurname::Former(i) => index(i),
                    _ => -1,
                },
                surname_similarity,
                first_names: Some(first_names.into()),
                ..empty
            },
            IdentificationVerdict::Mismatch { direct, swapped } => IdentificationValue {
                outcome: IdentificationOutcome::Mismatch,
                direct: Some(direct.into()),
                swapped_verdict: Some(swapped.into()),
                ..empty
            },
            _ => empty,
        }
    }
}

/// [`NameRules::surname`].
#[uniffi::export]
pub fn name_surname(
    rules: NameThresholds,
    given: String,
    reference: String,
) -> Result<SurnameValue, NativeError> {
    shielded(|| {
        let v = NameRules::from(rules).surname(&given, &reference);
        Ok(SurnameValue {
            similarity: v.similarity,
            similar: v.similar,
        })
    })
}

/// [`NameRules::first_names`].
#[uniffi::export]
pub fn name_first_names(
    rules: NameThresholds,
    given: String,
    reference: String,
) -> Result<FirstNamesValue, NativeError> {
    shielded(|| {
        Ok(NameRules::from(rules)
            .first_names(&given, &reference)
            .into())
    })
}

/// [`NameRules::names_match`] (ONR's `namesMatch`).
#[uniffi::export]
pub fn name_names_match(
    rules: NameThresholds,
    given_first_names: String,
    given_surname: String,
    reference_first_names: String,
    reference_surname: String,
) -> Result<NamesValue, NativeError> {
    shielded(|| {
        Ok(NameRules::from(rules)
            .names_match(
                PersonNames::new(&given_first_names, &given_surname),
                PersonNames::new(&reference_first_names, &reference_surname),
            )
            .into())
    })
}

/// [`NameRules::identification`] (ONR's `tarkistaNimet`).
#[uniffi::export]
pub fn name_identification(
    rules: NameThresholds,
    onr_first_names: String,
    onr_surname: String,
    has_hetu: bool,
    vtj_first_names: String,
    vtj_surname: String,
    vtj_former_surnames: Vec<String>,
) -> Result<IdentificationValue, NativeError> {
    shielded(|| {
        let former: Vec<&str> = vtj_former_surnames.iter().map(String::as_str).collect();
        Ok(NameRules::from(rules)
            .identification(
                PersonNames::new(&onr_first_names, &onr_surname),
                has_hetu,
                VtjNames::new(&vtj_first_names, &vtj_surname).with_former_surnames(&former),
            )
            .into())
    })
}
