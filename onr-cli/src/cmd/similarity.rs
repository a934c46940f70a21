//! `onr similarity`: one similarity value and verdict per `a<TAB>b` input line.
//!
//! Output per line: the value as float32 shortest text (as PostgreSQL prints `float4`), a tab,
//! and `1`/`0` for the verdict at the metric's default threshold (trigram: `>= 0.5`).
//! A line without a tab compares the whole line with the empty string; a trailing `\r` is
//! dropped.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context};
use onr_core::similarity::trigram;

/// The similarity measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Metric {
    /// pg_trgm `similarity` (ONR's duplicate search), threshold 0.5.
    Trigram,
    /// Lucene's Jaro-Winkler (ONR's identification name check), threshold 0.85.
    JaroWinkler,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which similarity to compute.
    #[arg(long, value_enum, default_value_t = Metric::Trigram)]
    pub metric: Metric,
    /// Trigram: compare the strings as given, without ONR's lower(unaccent(...)).
    #[arg(long)]
    pub raw: bool,
    /// Jaro-Winkler: apply ONR's name normalisation first (default: compare as given).
    #[arg(long)]
    pub normalize: bool,
    /// Input file of `a<TAB>b` lines (default: standard input).
    pub file: Option<std::path::PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.metric == Metric::JaroWinkler {
        bail!("the jaro-winkler metric is not available in this build");
    }
    let input: Box<dyn BufRead> = match &args.file {
        Some(p) => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?,
        )),
        None => Box::new(std::io::stdin().lock()),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("reading line {}", n + 1))?;
        let line = line.strip_suffix('\r').unwrap_or(&line);
        let (a, b) = line.split_once('\t').unwrap_or((line, ""));
        let sim = if args.raw {
            trigram::similarity(a, b)
        } else {
            trigram::similarity_fmt(a, b)
        };
        let verdict = trigram::is_similar(sim, trigram::DEFAULT_THRESHOLD) as u8;
        writeln!(out, "{}\t{verdict}", trigram::pg_float4_text(sim))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
