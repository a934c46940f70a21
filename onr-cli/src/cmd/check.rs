//! `onr check FILE.csv`: a report per row and a summary.
//!
//! Each row's hetu gets ONR's verdict for the environment (an error when ONR would reject
//! it) and the strict rules' warnings; each row's OID, which ONR never checks, gets warnings
//! only.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use onr_core::error::Coded;
use onr_core::hetu::Hetu;
use onr_core::oid::Oid;
use onr_core::Environment;
use serde_json::{json, Value};

use super::EnvArg;
use crate::io;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// A readable report.
    #[default]
    Text,
    /// One JSON document: `rows` and `summary`.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A CSV file with a header row; the columns `hetu` and `oid` are checked.
    pub file: PathBuf,
    /// The ONR environment whose verdict to give.
    #[arg(long, value_enum, default_value_t)]
    pub env: EnvArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// The day against which a future birth date is reported (YYYY-MM-DD); default: today.
    #[arg(long)]
    pub today: Option<NaiveDate>,
}

struct Issue {
    field: &'static str,
    code: &'static str,
    message: String,
}

struct Row {
    line: u64,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let env = Environment::from(args.env);
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(io::open_file(&args.file)?);
    let headers = reader
        .byte_headers()
        .with_context(|| format!("cannot read the header row of {}", args.file.display()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case(name))
    };
    let (hetu_col, oid_col) = (column("hetu"), column("oid"));
    if hetu_col.is_none() && oid_col.is_none() {
        anyhow::bail!(
            "{}: no `hetu` or `oid` column in the header row",
            args.file.display()
        );
    }
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => rows.push(check_row(&record, line, hetu_col, oid_col, env, today)),
            Err(e) => rows.push(Row {
                line,
                errors: vec![Issue {
                    field: "row",
                    code: "csv.unreadable",
                    message: e.to_string(),
                }],
                warnings: Vec::new(),
            }),
        }
    }
    let mut out = io::stdout();
    match args.format {
        ReportFormat::Text => write_text(&mut out, &args.file, env, &rows)?,
        ReportFormat::Json => write_json(&mut out, env, &rows)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn check_row(
    record: &csv::ByteRecord,
    line: u64,
    hetu_col: Option<usize>,
    oid_col: Option<usize>,
    env: Environment,
    today: NaiveDate,
) -> Row {
    let mut row = Row {
        line,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let field = |col: Option<usize>, name: &'static str, row: &mut Row| -> Option<String> {
        let bytes = record.get(col?)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Some(s.to_owned()),
            Err(_) => {
                row.errors.push(Issue {
                    field: name,
                    code: "input.not_utf8",
                    message: "the field is not valid UTF-8".into(),
                });
                None
            }
        }
    };
    if let Some(h) = field(hetu_col, "hetu", &mut row) {
        if h.is_empty() {
            row.warnings.push(Issue {
                field: "hetu",
                code: "hetu.empty",
                message: "no hetu: ONR accepts an empty hetu, and the person gets none".into(),
            });
        } else {
            match Hetu::parse(&h, env) {
                Ok(hetu) => {
                    for w in hetu.warnings_on(today).iter() {
                        row.warnings.push(Issue {
                            field: "hetu",
                            code: w.code(),
                            message: w.to_string(),
                        });
                    }
                }
                Err(e) => row.errors.push(Issue {
                    field: "hetu",
                    code: e.code(),
                    message: e.to_string(),
                }),
            }
        }
    }
    if let Some(o) = field(oid_col, "oid", &mut row) {
        if !o.is_empty() {
            if let Err(e) = Oid::parse(&o) {
                // ONR accepts any non-empty OID; ours is a warning only.
                row.warnings.push(Issue {
                    field: "oid",
                    code: e.code(),
                    message: e.to_string(),
                });
            }
        }
    }
    row
}

fn write_text(
    out: &mut impl Write,
    file: &std::path::Path,
    env: Environment,
    rows: &[Row],
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} ({} rows, {env} environment)",
        file.display(),
        rows.len()
    )?;
    for (i, row) in rows.iter().enumerate() {
        if row.errors.is_empty() && row.warnings.is_empty() {
            continue;
        }
        let verdict = if row.errors.is_empty() {
            "accepted"
        } else {
            "REJECTED"
        };
        writeln!(out, "row {i} (line {}): {verdict}", row.line)?;
        for e in &row.errors {
            writeln!(
                out,
                "  error    {:<6} {:<28} {}",
                e.field, e.code, e.message
            )?;
        }
        for w in &row.warnings {
            writeln!(
                out,
                "  warning  {:<6} {:<28} {}",
                w.field, w.code, w.message
            )?;
        }
    }
    let rejected = rows.iter().filter(|r| !r.errors.is_empty()).count();
    let warned = rows.iter().filter(|r| !r.warnings.is_empty()).count();
    writeln!(
        out,
        "\nsummary: {} rows, {} accepted, {rejected} rejected, {warned} with warnings",
        rows.len(),
        rows.len() - rejected
    )?;
    Ok(())
}

fn write_json(out: &mut impl Write, env: Environment, rows: &[Row]) -> anyhow::Result<()> {
    let issue = |i: &Issue| json!({"field": i.field, "code": i.code, "message": i.message});
    let json_rows: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "index": i,
                "line": r.line,
                "verdict": if r.errors.is_empty() { "accepted" } else { "rejected" },
                "errors": r.errors.iter().map(issue).collect::<Vec<_>>(),
                "warnings": r.warnings.iter().map(issue).collect::<Vec<_>>(),
            })
        })
        .collect();
    let rejected = rows.iter().filter(|r| !r.errors.is_empty()).count();
    let doc = json!({
        "environment": env.as_str(),
        "batch_errors": [],
        "rows": json_rows,
        "summary": {
            "rows": rows.len(),
            "accepted": rows.len() - rejected,
            "rejected": rejected,
            "with_warnings": rows.iter().filter(|r| !r.warnings.is_empty()).count(),
        }
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}
