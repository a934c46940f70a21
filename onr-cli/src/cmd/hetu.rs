//! `onr hetu`: validate, normalize, suggest and generate henkilötunnus codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use onr_core::error::Coded;
use onr_core::hetu::{self, Hetu, HetuError};
use onr_core::Environment;
use serde_json::json;

use super::{EnvArg, FailOnInvalid, LineFormat, NOT_UTF8};
use crate::io::{self, Line};

#[derive(clap::Subcommand, Debug)]
pub enum HetuCommand {
    /// Validate one hetu per line. Output per input line, in order (TSV): `valid`|`invalid`,
    /// error code, birth date, sex code (1 male, 2 female), warning codes (comma-separated).
    #[command(after_help = super::EXIT_STATUS_FAIL_ON)]
    Validate(ValidateArgs),
    /// Clean each line (trim, dashes, case, full-width forms): `value<TAB>changes`.
    Normalize(FileArg),
    /// Suggest valid codes one typo away: `input-line-number<TAB>suggestion<TAB>edit`, best first.
    Suggest(SuggestArgs),
    /// Generate test codes (individual numbers 900-999) for birth dates, deterministically.
    Generate(GenerateArgs),
}

#[derive(clap::Args, Debug)]
pub struct FileArg {
    /// Input file, one value per line; standard input when absent or `-`.
    pub file: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// Input file, one hetu per line; standard input when absent or `-`.
    pub file: Option<PathBuf>,
    /// The ONR environment whose verdict to give.
    #[arg(long, value_enum, default_value_t)]
    pub env: EnvArg,
    /// Apply the strict (official) rules instead of ONR's verdict.
    #[arg(long)]
    pub strict: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: LineFormat,
    /// The day against which a future birth date is reported (YYYY-MM-DD); default: today.
    #[arg(long)]
    pub today: Option<NaiveDate>,
    /// `invalid`: exit with status 1 when any line is invalid (default: 0 whatever the verdicts).
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOnInvalid,
}

#[derive(clap::Args, Debug)]
pub struct SuggestArgs {
    /// Input file, one value per line; standard input when absent or `-`.
    pub file: Option<PathBuf>,
    /// The environment the suggestions must be valid in.
    #[arg(long, value_enum, default_value_t)]
    pub env: EnvArg,
    /// At most this many suggestions per input.
    #[arg(long, default_value_t = 3)]
    pub max: usize,
}

#[derive(clap::Args, Debug)]
pub struct GenerateArgs {
    /// Birth date (YYYY-MM-DD); one code per date given.
    #[arg(required = true)]
    pub dates: Vec<NaiveDate>,
    /// Codes per date.
    #[arg(long, default_value_t = 1)]
    pub count: usize,
    /// The seed: the same seed gives the same codes.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Make ordinary codes (002-899), which may belong to real people, instead of test codes.
    #[arg(long)]
    pub ordinary: bool,
}

pub fn run(cmd: &HetuCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        HetuCommand::Validate(a) => validate(a),
        HetuCommand::Normalize(a) => normalize(a),
        HetuCommand::Suggest(a) => suggest(a),
        HetuCommand::Generate(a) => generate(a),
    }
}

fn validate(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let env = Environment::from(args.env);
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let input = io::open_input(args.file.as_deref())?;
    let mut out = io::stdout();
    let mut invalid = false;
    io::for_each_line(input, |line| {
        let result = match line {
            Line::Text(s) if args.strict => Some(Hetu::parse_strict(s, env)),
            Line::Text(s) => Some(Hetu::parse(s, env)),
            Line::NotUtf8 => None,
        };
        invalid |= !matches!(result, Some(Ok(_)));
        write_verdict(&mut out, args.format, result, today)
    })?;
    out.flush()?;
    Ok(if invalid && args.fail_on == FailOnInvalid::Invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_verdict(
    out: &mut impl Write,
    format: LineFormat,
    result: Option<Result<Hetu, HetuError>>,
    today: NaiveDate,
) -> anyhow::Result<()> {
    match (format, result) {
        (LineFormat::Tsv, Some(Ok(h))) => {
            write!(out, "valid\t\t{}\t{}\t", h.birth_date(), h.sex().code())?;
            for (i, w) in h.warnings_on(today).iter().enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(w.code().as_bytes())?;
            }
            out.write_all(b"\n")?;
        }
        (LineFormat::Tsv, Some(Err(e))) => writeln!(out, "invalid\t{}\t\t\t", e.code())?,
        (LineFormat::Tsv, None) => writeln!(out, "invalid\t{NOT_UTF8}\t\t\t")?,
        (LineFormat::Json, Some(Ok(h))) => io::write_json_line(
            out,
            &json!({
                "valid": true,
                "code": null,
                "birth_date": h.birth_date().to_string(),
                "sex": h.sex().code(),
                "temporary": h.is_temporary(),
                "warnings": h.warnings_on(today).iter().map(|w| json!({"code": w.code(), "message": w.to_string()})).collect::<Vec<_>>(),
            }),
        )?,
        (LineFormat::Json, Some(Err(e))) => io::write_json_line(
            out,
            &json!({"valid": false, "code": e.code(), "message": e.to_string(), "position": e.position(), "birth_date": null, "sex": null, "warnings": []}),
        )?,
        (LineFormat::Json, None) => io::write_json_line(
            out,
            &json!({"valid": false, "code": NOT_UTF8, "message": "the line is not valid UTF-8", "position": null, "birth_date": null, "sex": null, "warnings": []}),
        )?,
    }
    Ok(())
}

fn normalize(args: &FileArg) -> anyhow::Result<ExitCode> {
    let input = io::open_input(args.file.as_deref())?;
    let mut out = io::stdout();
    io::for_each_line(input, |line| {
        match line {
            Line::Text(s) => {
                let n = hetu::normalize(s);
                let changes: Vec<&str> = n.changes.iter().map(|c| c.code()).collect();
                let value = onr_core::input::tsv_field(&n.value);
                writeln!(out, "{value}\t{}", changes.join(","))?;
            }
            Line::NotUtf8 => writeln!(out, "\t{NOT_UTF8}")?,
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn suggest(args: &SuggestArgs) -> anyhow::Result<ExitCode> {
    let env = Environment::from(args.env);
    let input = io::open_input(args.file.as_deref())?;
    let mut out = io::stdout();
    let mut n = 0usize;
    io::for_each_line(input, |line| {
        n += 1;
        if let Line::Text(s) = line {
            for sug in hetu::suggest(s, env, args.max) {
                // onr-core's name of the edit, with its 1-based position where it has one.
                let edit = match sug.edit.position() {
                    Some(p) => format!("{}@{}", sug.edit.as_str(), p + 1),
                    None => sug.edit.as_str().to_owned(),
                };
                writeln!(out, "{n}\t{}\t{edit}", sug.hetu)?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn generate(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let mut generator = hetu::Generator::new(args.seed);
    let mut out = io::stdout();
    for &date in &args.dates {
        for _ in 0..args.count {
            let made = if args.ordinary {
                generator.ordinary(date)
            } else {
                generator.temporary(date)
            };
            match made {
                Ok(h) => writeln!(out, "{h}")?,
                Err(e) => anyhow::bail!("{date}: {e}"),
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
