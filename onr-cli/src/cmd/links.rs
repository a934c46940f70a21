//! `onr links`: check a master/slave link table, resolve OIDs to their masters.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use onr_core::error::Coded;
use onr_core::input::{tsv_field, CsvColumns, CsvReadError};
use onr_core::linking::{check_links, BadRow, LinkRow, LinkTable, Registry, TableLayout};
use onr_core::Environment;
use serde_json::json;

use super::LineFormat;
use crate::io::{self, Line};

#[derive(clap::Subcommand, Debug)]
pub enum LinksCommand {
    /// Check a link table (CSV with a header: `master_oid`, `slave_oid`, optionally
    /// `master_passivoitu`, `master_duplicate`, `slave_passivoitu`, `slave_duplicate`) against
    /// ONR's invariants. Prints one line per violation (TSV: kind, the OIDs involved separated
    /// by spaces, message). With `--fail-on violation`, exit status 1 when there are some.
    #[command(after_help = super::EXIT_STATUS_FAIL_ON)]
    Check(CheckArgs),
    /// Read OIDs from standard input, one per line, and print `oid<TAB>master_oid` for each
    /// (the OID itself when it is no one's slave; the first master in table order when the
    /// table gives several; blank lines are skipped).
    Resolve(ResolveArgs),
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The link table (CSV with a header); `-` for standard input.
    pub links: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: LineFormat,
    /// `violation`: exit with status 1 when the table breaks an invariant (default: 0
    /// whatever is found).
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOnViolation,
}

/// `--fail-on` of `onr links check`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FailOnViolation {
    /// Exit 0 whatever is found.
    #[default]
    Never,
    /// Exit 1 when there is a violation.
    Violation,
}

#[derive(clap::Args, Debug)]
pub struct ResolveArgs {
    /// The link table (CSV with a header).
    pub links: PathBuf,
}

pub fn run(cmd: &LinksCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LinksCommand::Check(a) => check(a),
        LinksCommand::Resolve(a) => resolve(a),
    }
}

/// Reads a link table by [`LinkTable::push_row`] (blank rows skipped). Every unusable row is
/// reported (not only the first) before failing.
fn load(path: &Path) -> anyhow::Result<Vec<LinkRow>> {
    // By the input policy of every command that reads named columns (BOM, UTF-8, empty file,
    // record shape); the columns are the link table's layout.
    let mut csv = super::check::read_csv_columns(path, onr_core::input::Encoding::Utf8, None)?;
    let name = path.display();
    let header: Vec<&str> = csv.header().collect();
    let layout =
        TableLayout::from_header(&header).with_context(|| format!("{name}: bad header"))?;
    let mut table = LinkTable::default();
    let read = read_rows(&mut csv, &layout, &mut table);
    // The rows read before a broken record are reported too, then the record's error.
    for BadRow { line, error } in &table.bad_rows {
        eprintln!("onr: {name} line {line}: {error} ({})", error.code());
    }
    read.map_err(|e| super::check::csv_error(path, &e))?;
    if !table.bad_rows.is_empty() {
        bail!("{name}: {} unusable row(s)", table.bad_rows.len());
    }
    Ok(table.rows)
}

/// Every record of `csv` into `table`, until the end or a record the CSV reader cannot read.
fn read_rows(
    csv: &mut CsvColumns,
    layout: &TableLayout,
    table: &mut LinkTable,
) -> Result<(), CsvReadError> {
    while let Some((line, record)) = csv.next_record()? {
        let fields: Vec<&str> = record.iter().collect();
        table.push_row(layout, line, &fields);
    }
    Ok(())
}

fn check(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let rows = load(&args.links)?;
    let violations = check_links(&rows);
    let mut out = io::stdout();
    for v in &violations {
        match args.format {
            LineFormat::Tsv => writeln!(
                out,
                "{}\t{}\t{}",
                v.kind(),
                tsv_field(&v.oids().join(" ")),
                tsv_field(&v.to_string())
            )?,
            LineFormat::Json => io::write_json_line(
                &mut out,
                &json!({"kind": v.kind(), "code": v.code(), "oids": v.oids(), "message": v.to_string()}),
            )?,
        }
    }
    out.flush()?;
    Ok(
        if violations.is_empty() || args.fail_on == FailOnViolation::Never {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
    )
}

fn resolve(args: &ResolveArgs) -> anyhow::Result<ExitCode> {
    if args.links.as_os_str() == "-" {
        bail!("the link table must be a file: standard input carries the OIDs");
    }
    let rows = load(&args.links)?;
    let registry = Registry::from_links(
        Environment::Production,
        rows.iter()
            .map(|r| (r.master_oid.as_str(), r.slave_oid.as_str())),
    );
    let mut out = io::stdout();
    let mut line_no = 0usize;
    let mut not_utf8 = 0usize;
    io::for_each_line(std::io::stdin().lock(), |line| {
        line_no += 1;
        match line {
            Line::Text(text) => {
                let oid = text.trim();
                if !oid.is_empty() {
                    writeln!(
                        out,
                        "{}\t{}",
                        tsv_field(oid),
                        tsv_field(registry.resolve(oid))
                    )?;
                }
            }
            Line::NotUtf8 => {
                eprintln!("onr: standard input line {line_no}: not UTF-8");
                not_utf8 += 1;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    if not_utf8 > 0 {
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
