//! `onr oid`: validate and generate OIDs.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use onr_core::error::Coded;
use onr_core::oid::{self, Oid};
use serde_json::json;

use super::{FailOnInvalid, LineFormat, NOT_UTF8};
use crate::io::{self, Line};

#[derive(clap::Subcommand, Debug)]
pub enum OidCommand {
    /// Validate one OID per line. Output per input line, in order (TSV): `valid`|`invalid`,
    /// error code, node. (ONR itself accepts any non-empty string as an OID; this is the
    /// check of an OID as ONR generates it.)
    #[command(after_help = super::EXIT_STATUS_FAIL_ON)]
    Validate(ValidateArgs),
    /// Generate OIDs as ONR makes them, deterministically.
    Generate(GenerateArgs),
}

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// Input file, one OID per line; standard input when absent or `-`.
    pub file: Option<PathBuf>,
    /// Check only the syntax `1.2.246.562.<node>.<digits>`, not the length or check digit.
    #[arg(long)]
    pub lenient: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: LineFormat,
    /// `invalid`: exit with status 1 when any line is invalid (default: 0 whatever the verdicts).
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOnInvalid,
}

#[derive(clap::Args, Debug)]
pub struct GenerateArgs {
    /// The node: 24 persons (production), 98/198/298 persons (test environments), 10 organisations.
    #[arg(long, default_value_t = oid::PERSON_NODE)]
    pub node: u32,
    /// How many.
    #[arg(long, default_value_t = 1)]
    pub count: usize,
    /// The seed: the same seed gives the same OIDs.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
}

pub fn run(cmd: &OidCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        OidCommand::Validate(a) => validate(a),
        OidCommand::Generate(a) => {
            let mut g = oid::Generator::new(a.seed);
            let mut out = io::stdout();
            for _ in 0..a.count {
                writeln!(out, "{}", g.generate(a.node))?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn validate(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let input = io::open_input(args.file.as_deref())?;
    let mut out = io::stdout();
    let mut invalid = false;
    io::for_each_line(input, |line| {
        let result = match line {
            Line::Text(s) if args.lenient => Some(Oid::parse_lenient(s)),
            Line::Text(s) => Some(Oid::parse(s)),
            Line::NotUtf8 => None,
        };
        invalid |= !matches!(result, Some(Ok(_)));
        match (args.format, result) {
            (LineFormat::Tsv, Some(Ok(o))) => writeln!(out, "valid\t\t{}", o.node())?,
            (LineFormat::Tsv, Some(Err(e))) => writeln!(out, "invalid\t{}\t", e.code())?,
            (LineFormat::Tsv, None) => writeln!(out, "invalid\t{NOT_UTF8}\t")?,
            (LineFormat::Json, Some(Ok(o))) => io::write_json_line(
                &mut out,
                &json!({"valid": true, "code": null, "node": o.node(), "check_digit_valid": o.has_valid_check_digit()}),
            )?,
            (LineFormat::Json, Some(Err(e))) => io::write_json_line(
                &mut out,
                &json!({"valid": false, "code": e.code(), "message": e.to_string(), "node": null}),
            )?,
            (LineFormat::Json, None) => io::write_json_line(
                &mut out,
                &json!({"valid": false, "code": NOT_UTF8, "message": "the line is not valid UTF-8", "node": null}),
            )?,
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if invalid && args.fail_on == FailOnInvalid::Invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
