//! One module per subcommand.

pub mod check;
mod check_words;
pub mod duplicates;
pub mod hetu;
pub mod koodisto;
pub mod links;
pub mod oid;
pub mod send;
pub mod similarity;
mod similarity_jw;
pub mod yleistunniste;

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

/// The exit status convention of every command, shown at the end of each `--help` (for the
/// commands that have `--fail-on`).
pub const EXIT_STATUS_FAIL_ON: &str = "Exit status: 0 when the command ran, whatever it found; 1 \
only when you asked to fail on findings (`--fail-on`) and there are some; 2 for unusable input \
or usage (a missing or unreadable file, a CSV without the columns needed, a bad option).";

/// The exit status convention, for the commands without findings to fail on.
pub const EXIT_STATUS: &str = "Exit status: 0 when the command ran; 2 for unusable input or \
usage (a missing or unreadable file, a CSV without the columns needed, a bad option). (Only \
commands with `--fail-on` exit with 1.)";

/// The exit status of `onr send`: sending nothing is a failure of the command, not a finding.
pub const EXIT_STATUS_SEND: &str = "Exit status: 0 when every chunk was sent and processed; 1 \
when nothing was sent because ONR would refuse the batch (use `--only-accepted` to send the rows \
ONR accepts); 2 for unusable input, usage, or a failed call to ONR (login, HTTP, timeout).";

/// `--fail-on` of the line-by-line validators.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FailOnInvalid {
    /// Exit 0 whatever the verdicts.
    #[default]
    Never,
    /// Exit 1 when any line is invalid (a line that is not UTF-8 included).
    Invalid,
}

/// The code reported for an input line that is not valid UTF-8.
pub const NOT_UTF8: &str = "input.not_utf8";
