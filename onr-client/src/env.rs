//! [`Target`]: which ONR the client talks to, and so which rules the pre-flight check applies.

use onr_core::Environment;

use crate::error::ClientError;

/// OPH's production environment.
pub const PRODUCTION_URL: &str = "https://virkailija.opintopolku.fi";
/// OPH's QA environment (testiopintopolku), where temporary (9xx) hetus are allowed.
pub const QA_URL: &str = "https://virkailija.testiopintopolku.fi";
/// The OAuth2 issuer of production.
pub const PRODUCTION_OAUTH2_ISSUER: &str = "https://prod.otuva.opintopolku.fi/kayttooikeus-service";
/// The OAuth2 issuer of QA.
pub const QA_OAUTH2_ISSUER: &str = "https://qa.otuva.opintopolku.fi/kayttooikeus-service";

/// The ONR a client talks to.
///
/// # Example
///
/// ```
/// use onr_client::Target;
/// use onr_core::Environment;
/// assert_eq!(Target::Qa.environment(), Environment::Test);
/// let local = Target::custom("http://127.0.0.1:8080/", Environment::Test)?;
/// assert_eq!(local.base_url(), "http://127.0.0.1:8080");
/// # Ok::<(), onr_client::ClientError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `https://virkailija.opintopolku.fi`; checked with [`Environment::Production`].
    Production,
    /// `https://virkailija.testiopintopolku.fi`; checked with [`Environment::Test`].
    Qa,
    /// Another base URL (a local stand-in, a tunnel), with the rules to check with.
    Custom {
        /// The base URL, without a trailing slash.
        base_url: String,
        /// The rules of the pre-flight check.
        environment: Environment,
    },
}

impl Target {
    /// A custom base URL (`http` or `https`, no query); a trailing `/` is dropped.
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] for a URL that is not `http(s)://host...`.
    pub fn custom(base_url: &str, environment: Environment) -> Result<Target, ClientError> {
        let b = base_url.trim_end_matches('/');
        let rest = b
            .strip_prefix("https://")
            .or_else(|| b.strip_prefix("http://"))
            .ok_or_else(|| {
                ClientError::Config("base URL must start with http:// or https://".into())
            })?;
        if rest.is_empty() || rest.contains(['?', '#', ' ', '@']) {
            return Err(ClientError::Config(
                "base URL must be scheme://host[:port][/path] without query, spaces or user info"
                    .into(),
            ));
        }
        Ok(Target::Custom {
            base_url: b.to_owned(),
            environment,
        })
    }

    /// The names a front end selects a target by (`--env`, `env=`), in order: QA and
    /// production. `test` is also taken for QA.
    pub const ENV_NAMES: [&'static str; 2] = ["qa", "production"];

    /// The target a front end selects by name: `env` is `qa` (or `test`) or `production`;
    /// with `base_url`, that URL checked with the rules of `env` (test unless `production`).
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] for an unknown `env` (the message lists the names) or a bad
    /// `base_url` (see [`Target::custom`]).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_client::Target;
    /// use onr_core::Environment;
    /// assert_eq!(Target::select("production", None)?, Target::Production);
    /// let local = Target::select("qa", Some("http://127.0.0.1:8080"))?;
    /// assert_eq!(local.environment(), Environment::Test);
    /// assert_eq!(Target::select("prod", None).unwrap_err().code(), "client.config");
    /// # Ok::<(), onr_client::ClientError>(())
    /// ```
    pub fn select(env: &str, base_url: Option<&str>) -> Result<Target, ClientError> {
        let production = match env {
            "qa" | "test" => false,
            "production" => true,
            other => {
                return Err(ClientError::Config(format!(
                    "unknown env {other:?}, expected one of: {}",
                    Target::ENV_NAMES.join(", ")
                )))
            }
        };
        match (base_url, production) {
            (Some(url), true) => Target::custom(url, Environment::Production),
            (Some(url), false) => Target::custom(url, Environment::Test),
            (None, true) => Ok(Target::Production),
            (None, false) => Ok(Target::Qa),
        }
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        match self {
            Target::Production => PRODUCTION_URL,
            Target::Qa => QA_URL,
            Target::Custom { base_url, .. } => base_url,
        }
    }

    /// The rules the pre-flight check applies: production for production, test otherwise
    /// unless a custom target says so.
    pub fn environment(&self) -> Environment {
        match self {
            Target::Production => Environment::Production,
            Target::Qa => Environment::Test,
            Target::Custom { environment, .. } => *environment,
        }
    }

    /// The OAuth2 issuer of this environment (for a custom target, `{base}/kayttooikeus-service`).
    pub fn oauth2_issuer(&self) -> String {
        match self {
            Target::Production => PRODUCTION_OAUTH2_ISSUER.to_owned(),
            Target::Qa => QA_OAUTH2_ISSUER.to_owned(),
            Target::Custom { base_url, .. } => format!("{base_url}/kayttooikeus-service"),
        }
    }
}
