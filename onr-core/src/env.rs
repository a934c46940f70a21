//! The target environment: production or one of ONR's test environments.
//!
//! ONR behaves differently per environment, and onr-core never guesses which one a caller
//! means: it is always an explicit value.
//!
//! * Production (`oppijanumerorekisteri.allow-fake-ssn = false`) rejects hetus whose individual
//!   number starts with `9` (the temporary / test numbers 900-999); person OIDs use node `24`.
//! * The test environments (QA, dev, hahtuva) accept those hetus; their person OIDs use the
//!   nodes `98`, `198` and `298`.

/// The ONR environment a verdict is computed for.
///
/// # Example
///
/// ```
/// use onr_core::Environment;
///
/// let env: Environment = "test".parse()?;
/// assert_eq!(env, Environment::Test);
/// assert!(env.allows_temporary_hetu());
/// assert_eq!(Environment::default(), Environment::Production);
/// # Ok::<(), onr_core::env::UnknownEnvironment>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Environment {
    /// ONR's production environment: temporary (9xx) hetus are rejected.
    #[default]
    Production,
    /// Any of ONR's test environments (QA, dev, hahtuva): temporary hetus are accepted.
    Test,
}

impl Environment {
    /// Whether ONR accepts hetus whose individual number starts with `9` in this environment.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::Environment;
    /// assert!(!Environment::Production.allows_temporary_hetu());
    /// assert!(Environment::Test.allows_temporary_hetu());
    /// ```
    pub const fn allows_temporary_hetu(self) -> bool {
        matches!(self, Environment::Test)
    }

    /// The OID nodes ONR uses for person OIDs in this environment.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_core::Environment;
    /// assert_eq!(Environment::Production.person_oid_nodes(), &[24]);
    /// assert_eq!(Environment::Test.person_oid_nodes(), &[98, 198, 298]);
    /// ```
    pub const fn person_oid_nodes(self) -> &'static [u32] {
        match self {
            Environment::Production => &[24],
            Environment::Test => &[98, 198, 298],
        }
    }

    /// The stable lowercase name: `production` or `test`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(onr_core::Environment::Test.as_str(), "test");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Test => "test",
        }
    }
}

impl std::fmt::Display for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an [`Environment`] name that is not `production` or `test`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown environment, expected `production` or `test`")]
pub struct UnknownEnvironment;

impl std::str::FromStr for Environment {
    type Err = UnknownEnvironment;

    /// Accepts `production`/`prod` and `test` (also `qa`, `dev`, `hahtuva`), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "production" | "prod" => Ok(Environment::Production),
            "test" | "qa" | "dev" | "hahtuva" => Ok(Environment::Test),
            _ => Err(UnknownEnvironment),
        }
    }
}
