//! Hetu policy as a value: a [`Validator`] is the rules ([`RuleSet::Onr`] or
//! [`RuleSet::Official`]) and the [`Environment`], and every verdict (parse, is_valid, facts,
//! many) is one of its methods. The front ends hold one instead of choosing between twin
//! functions (`parse`/`parse_strict`, `validate_many`/`validate_many_strict`, ...).

use std::fmt;

use crate::Environment;

use super::{Hetu, HetuError, Verdict};

/// Which rules a [`Validator`] applies.
///
/// # Example
///
/// ```
/// use onr_core::hetu::RuleSet;
///
/// assert_eq!("official".parse::<RuleSet>()?, RuleSet::Official);
/// assert_eq!(RuleSet::Onr.as_str(), "onr");
/// assert_eq!(RuleSet::ALL, [RuleSet::Onr, RuleSet::Official]);
/// # Ok::<(), onr_core::hetu::UnknownRuleSet>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum RuleSet {
    /// ONR's verdict, exactly as the registry's own validator answers, quirks included
    /// ([`Hetu::parse`]).
    #[default]
    Onr,
    /// The official rules ([`Hetu::parse_strict`]): the date exists, the individual number is
    /// 002-899 (900-999 where the environment accepts temporary numbers), ASCII only.
    Official,
}

impl RuleSet {
    /// Every rule set.
    pub const ALL: [RuleSet; 2] = [RuleSet::Onr, RuleSet::Official];

    /// The stable name: `onr` or `official`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleSet::Onr => "onr",
            RuleSet::Official => "official",
        }
    }
}

impl fmt::Display for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`RuleSet`] that is not `onr` or `official`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown hetu rules, expected `onr` or `official`")]
pub struct UnknownRuleSet;

impl std::str::FromStr for RuleSet {
    type Err = UnknownRuleSet;

    /// `onr` or `official` (also `strict`, the older name), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "onr" => Ok(RuleSet::Onr),
            "official" | "strict" => Ok(RuleSet::Official),
            _ => Err(UnknownRuleSet),
        }
    }
}

/// A hetu validator: the rules and the environment, as one value.
///
/// Its methods are the module's functions with the two chosen: [`Validator::parse`] is
/// [`Hetu::parse`] or [`Hetu::parse_strict`], [`Validator::is_valid`] is
/// [`is_valid`](super::is_valid) or [`is_valid_strict`](super::is_valid_strict), and so on,
/// with the same answers and the same speed. `Copy`; `Send + Sync`.
///
/// # Example
///
/// ```
/// use onr_core::hetu::{RuleSet, Validator};
/// use onr_core::Environment;
///
/// let onr = Validator::onr(Environment::Production);
/// let official = Validator::new(RuleSet::Official, Environment::Production);
/// // ONR clamps 31 April to the 30th; the official rules reject it.
/// assert!(onr.is_valid("310490-123D"));
/// assert!(!official.is_valid("310490-123D"));
/// assert_eq!(onr.parse("131052-308T")?.birth_date().to_string(), "1952-10-13");
/// assert_eq!(onr.many(&["131052-308T", "x"]).iter().filter(|r| r.is_ok()).count(), 1);
/// # Ok::<(), onr_core::hetu::HetuError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Validator {
    rules: RuleSet,
    env: Environment,
}

impl Validator {
    /// The validator of `rules` for `env`.
    pub const fn new(rules: RuleSet, env: Environment) -> Validator {
        Validator { rules, env }
    }

    /// ONR's verdict for `env`.
    pub const fn onr(env: Environment) -> Validator {
        Validator::new(RuleSet::Onr, env)
    }

    /// The official rules for `env`.
    pub const fn official(env: Environment) -> Validator {
        Validator::new(RuleSet::Official, env)
    }

    /// The rules.
    pub const fn rules(&self) -> RuleSet {
        self.rules
    }

    /// The environment.
    pub const fn env(&self) -> Environment {
        self.env
    }

    /// Parses one input.
    ///
    /// # Errors
    ///
    /// The first reason, in the documented order, why the rules reject it.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::{error::Coded, hetu::Validator, Environment};
    /// let e = Validator::onr(Environment::Production).parse("010594Y9032").unwrap_err();
    /// assert_eq!(e.code(), "hetu.temporary");
    /// ```
    #[inline]
    pub fn parse(&self, input: &str) -> Result<Hetu, HetuError> {
        match self.rules {
            RuleSet::Onr => Hetu::parse(input, self.env),
            RuleSet::Official => Hetu::parse_strict(input, self.env),
        }
    }

    /// Whether the rules accept the input: `self.parse(input).is_ok()`, without building the
    /// value.
    ///
    /// ```
    /// use onr_core::{hetu::Validator, Environment};
    /// assert!(Validator::official(Environment::Test).is_valid("010594Y9032"));
    /// ```
    #[inline]
    pub fn is_valid(&self, input: &str) -> bool {
        match self.rules {
            RuleSet::Onr => super::is_valid(input, self.env),
            RuleSet::Official => super::is_valid_strict(input, self.env),
        }
    }

    /// What the verdict derives (birth date, sex, temporary, warnings), without the value:
    /// `self.parse(input).map(Verdict::from)`, faster.
    ///
    /// # Errors
    ///
    /// The error of [`Validator::parse`].
    ///
    /// ```
    /// use onr_core::{hetu::Validator, Environment};
    /// let facts = Validator::onr(Environment::Production).facts("310490-123D")?;
    /// assert_eq!(facts.birth_date().to_string(), "1990-04-30");
    /// # Ok::<(), onr_core::hetu::HetuError>(())
    /// ```
    #[inline]
    pub fn facts(&self, input: &str) -> Result<Verdict, HetuError> {
        match self.rules {
            RuleSet::Onr => super::verdict(input, self.env),
            RuleSet::Official => super::verdict_strict(input, self.env),
        }
    }

    /// The verdict on every input, in order: one result per input, never stopping at a bad one.
    ///
    /// ```
    /// use onr_core::{hetu::Validator, Environment};
    /// let results = Validator::official(Environment::Production).many(&["310490-123D", "131052-308T"]);
    /// assert!(results[0].is_err() && results[1].is_ok());
    /// ```
    pub fn many<S: AsRef<str>>(&self, inputs: &[S]) -> Vec<Result<Hetu, HetuError>> {
        inputs.iter().map(|s| self.parse(s.as_ref())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INPUTS: [&str; 7] = [
        "131052-308T",
        "310490-123D",
        "010594Y9032",
        "010190-001B",
        "131052-308X",
        "",
        "010190-１２３M",
    ];

    #[test]
    fn every_method_answers_as_the_twin_functions() {
        for env in [Environment::Production, Environment::Test] {
            for input in INPUTS {
                let onr = Validator::onr(env);
                let official = Validator::official(env);
                assert_eq!(onr.parse(input), Hetu::parse(input, env));
                assert_eq!(official.parse(input), Hetu::parse_strict(input, env));
                assert_eq!(onr.is_valid(input), super::super::is_valid(input, env));
                assert_eq!(
                    official.is_valid(input),
                    super::super::is_valid_strict(input, env)
                );
                assert_eq!(onr.facts(input), Hetu::parse(input, env).map(Verdict::from));
                assert_eq!(
                    official.facts(input),
                    Hetu::parse_strict(input, env).map(Verdict::from)
                );
            }
            assert_eq!(
                Validator::official(env).many(&INPUTS),
                super::super::validate_many_strict(&INPUTS, env)
            );
        }
    }

    #[test]
    fn rule_sets_parse_their_names() {
        for r in RuleSet::ALL {
            assert_eq!(r.as_str().parse::<RuleSet>(), Ok(r));
        }
        assert_eq!(" Strict ".parse::<RuleSet>(), Ok(RuleSet::Official));
        assert_eq!("ONR".parse::<RuleSet>(), Ok(RuleSet::Onr));
        assert!("lax".parse::<RuleSet>().is_err());
    }
}
