//! `onr similarity`: string similarity exactly as ONR computes it, one pair per line.
//!
//! Input: lines `a<TAB>b` (the first tab separates the two strings; a line break is `\n` or
//! `\r\n`; bytes that are not UTF-8 become U+FFFD, as Java reads them). Output: one line per
//! input line, `value<TAB>1|0`, the value as the reference system prints it (trigram: as
//! PostgreSQL prints `float4`; Jaro-Winkler: as Java's `Float.toString`) and the verdict at the
//! metric's default threshold (trigram `>= 0.5`, Jaro-Winkler `>= 0.85`). A line without a tab
//! is unusable input (exit status 2).

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use onr_core::similarity::trigram;

use super::similarity_jw::jaro_winkler_line;
use crate::io;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The metric: pg_trgm's trigram similarity as ONR's duplicate search uses it, or Lucene's
    /// Jaro-Winkler as ONR's name checks use it.
    #[arg(long, value_enum, default_value_t = Metric::Trigram)]
    pub metric: Metric,
    /// Trigram: compare the strings as given, without ONR's `lower(unaccent(...))`.
    #[arg(long)]
    pub raw: bool,
    /// Jaro-Winkler: compare the names after ONR's normalisation (NFD, accents stripped, ASCII
    /// transliteration, lowercase) instead of as given.
    #[arg(long)]
    pub normalize: bool,
    /// Input file of `a<TAB>b` lines; standard input when absent or `-`.
    pub file: Option<PathBuf>,
}

/// The similarity metrics.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// pg_trgm `similarity` (ONR's duplicate search), threshold 0.5.
    Trigram,
    /// Lucene's `JaroWinklerDistance` (identification and import name checks).
    JaroWinkler,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let input = io::open_input(args.file.as_deref())?;
    let mut out = io::stdout();
    let result = for_each_pair(input, |a, b| {
        let line = match args.metric {
            Metric::Trigram => trigram_line(a, b, args.raw),
            Metric::JaroWinkler => jaro_winkler_line(a, b, args.normalize),
        };
        writeln!(out, "{line}")?;
        Ok(())
    });
    out.flush()?;
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.downcast_ref::<UnusableLine>().is_some() => {
            eprintln!("onr: {e:#}");
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e),
    }
}

/// `value<TAB>1|0` for pg_trgm's similarity, after ONR's `lower(unaccent(...))` unless `raw`.
fn trigram_line(a: &str, b: &str, raw: bool) -> String {
    let sim = if raw {
        trigram::similarity(a, b)
    } else {
        trigram::similarity_fmt(a, b)
    };
    let verdict = u8::from(trigram::is_similar(sim, trigram::DEFAULT_THRESHOLD));
    format!("{}\t{verdict}", trigram::pg_float4_text(sim))
}

/// A line that is not two strings separated by one tab: the input is not a list of pairs.
#[derive(Debug)]
struct UnusableLine(usize, &'static str);

impl std::fmt::Display for UnusableLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.0, self.1)
    }
}

impl std::error::Error for UnusableLine {}

/// Calls `f(a, b)` for every `a<TAB>b` line of the input, in order.
fn for_each_pair(
    mut input: impl BufRead,
    mut f: impl FnMut(&str, &str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut number = 0usize;
    io::for_each_line(&mut input, |line| {
        number += 1;
        let io::Line::Text(line) = line else {
            bail!(UnusableLine(number, "the line is not UTF-8 text"));
        };
        match line.split('\t').collect::<Vec<_>>()[..] {
            [a, b] => f(a, b),
            _ => bail!(UnusableLine(
                number,
                "expected two strings separated by one tab"
            )),
        }
    })
}
