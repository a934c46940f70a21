//! One module per subcommand.

pub mod check;
pub mod duplicates;
pub mod hetu;
pub mod links;
pub mod oid;
pub mod send;
pub mod similarity;
mod similarity_jw;

/// The output formats of the line-oriented commands.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LineFormat {
    /// Tab-separated values, one line per input.
    #[default]
    Tsv,
    /// JSON Lines: one JSON object per input.
    Json,
}

/// The environment option shared by several commands.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EnvArg {
    /// ONR's production environment: temporary hetus (900-999) are rejected.
    #[default]
    Production,
    /// ONR's test environments: temporary hetus are accepted.
    Test,
}

impl From<EnvArg> for onr_core::Environment {
    fn from(e: EnvArg) -> Self {
        match e {
            EnvArg::Production => onr_core::Environment::Production,
            EnvArg::Test => onr_core::Environment::Test,
        }
    }
}

/// The code reported for an input line that is not valid UTF-8.
pub const NOT_UTF8: &str = "input.not_utf8";
