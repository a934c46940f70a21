//! `onr yleistunniste`: the learner number as a general identifier (ONR's `/yleistunniste`
//! API, through onr-client).
//!
//! * `onr yleistunniste find FILE.csv`: for each row (`hetu`, `etunimet`, `kutsumanimi`,
//!   `sukunimi`, optional `tunniste`), ONR finds or creates the person
//!   (`POST .../yleistunniste/hae`). One JSON line per row, in file order: `line`,
//!   `tunniste`, `outcome` (`found`: with `oid` and `oppijanumero`; `not_found`: 404, no
//!   person with the hetu and names could be found or created; `name_mismatch`: 409, the names
//!   do not match the person of the hetu; `rejected`: 400, with ONR's `message` and
//!   `field_errors`). The hetu is never printed.
//! * `onr yleistunniste oid OID...`: the person of each OID (`GET .../yleistunniste/hae/{oid}`),
//!   one JSON line each, `{"oid": ..., "found": false}` for 404.
//!
//! The file is read by onr-core's input policy ([`onr_core::input`]); a failed call to ONR
//! (login, HTTP other than the statuses above, timeout) stops the command with exit 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::anyhow;
use onr_client::yleistunniste::Person;
use onr_client::{ClientError, ErrorBody, Secret};
use onr_core::error::{Coded, Lang};
use onr_core::input::{header_columns, CsvTracker, Encoding};
use serde_json::json;

use super::check::{open, parse_encoding, read_text};
use super::send::{coded, Conn};
use crate::io as cli_io;

#[derive(clap::Subcommand, Debug)]
pub enum YleistunnisteCommand {
    /// Find or create the person of each row of a CSV file (`POST .../yleistunniste/hae`).
    Find(FindArgs),
    /// The person of each OID (`GET .../yleistunniste/hae/{oid}`).
    Oid {
        /// The OIDs.
        #[arg(required = true)]
        oids: Vec<String>,
        #[command(flatten)]
        conn: Conn,
    },
}

#[derive(clap::Args, Debug)]
pub struct FindArgs {
    /// The persons: CSV with a header row and the columns `hetu`, `etunimet`, `kutsumanimi`,
    /// `sukunimi` (and `tunniste`, copied to the output, when present).
    pub file: PathBuf,
    #[command(flatten)]
    pub conn: Conn,
    /// The input's character encoding: `utf-8`, or `windows-1252` (also `latin1`), as
    /// `onr check --encoding` reads it.
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    pub encoding: Encoding,
}

pub fn run(cmd: &YleistunnisteCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        YleistunnisteCommand::Find(a) => find(a),
        YleistunnisteCommand::Oid { oids, conn } => by_oid(oids, conn),
    }
}

/// A row of the file: its line, `tunniste` and the person to look for.
struct Row {
    line: u64,
    tunniste: Option<String>,
    person: Person,
}

fn read_rows(args: &FindArgs) -> anyhow::Result<Vec<Row>> {
    let name = args.file.display();
    let (input, _) = open(&args.file)?;
    let text = read_text(&args.file, input, args.encoding, Lang::En)?;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(CsvTracker::new(text.as_bytes(), b','));
    let headers = rdr
        .headers()
        .map_err(|e| anyhow!("{name}: reading the header row: {e}"))?
        .clone();
    rdr.get_mut().next_record_line();
    let names = ["hetu", "etunimet", "kutsumanimi", "sukunimi", "tunniste"];
    let at = header_columns(headers.iter(), &names, |a, b| a == b)
        .map_err(|e| anyhow!("{name}: {e} ({})", e.code()))?;
    let need = |i: usize| {
        at[i].ok_or_else(|| anyhow!("{name}: no column `{}` in the header row", names[i]))
    };
    let (hetu, etu, kutsu, suku) = (need(0)?, need(1)?, need(2)?, need(3)?);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    while rdr
        .read_record(&mut record)
        .map_err(|e| anyhow!("{name}: reading the CSV file: {e}"))?
    {
        let line = rdr
            .get_mut()
            .take_record(record.len(), headers.len())
            .map_err(|e| anyhow!("{name}: {e} ({})", e.code()))?;
        let cell = |i: usize| record.get(i).unwrap_or("").to_string();
        rows.push(Row {
            line,
            tunniste: at[4].map(cell),
            person: Person {
                hetu: Secret::new(cell(hetu)),
                etunimet: cell(etu),
                kutsumanimi: cell(kutsu),
                sukunimi: cell(suku),
            },
        });
    }
    Ok(rows)
}

fn find(args: &FindArgs) -> anyhow::Result<ExitCode> {
    let rows = read_rows(args)?;
    let client = args.conn.client()?;
    let mut out = cli_io::stdout();
    for row in &rows {
        let base = json!({"line": row.line, "tunniste": row.tunniste});
        let answer = match client.yleistunniste_hae(&row.person) {
            Ok(outcome) => serde_json::to_value(&outcome)?,
            // A row ONR refuses to read (400) is a finding of this row, not a failed command.
            Err(ClientError::Http {
                status: 400, body, ..
            }) => rejected(&body),
            Err(e) => return Err(coded(e).context(format!("line {}", row.line))),
        };
        let mut entry = base;
        if let (Some(entry), Some(answer)) = (entry.as_object_mut(), answer.as_object()) {
            entry.extend(answer.clone());
        }
        serde_json::to_writer(&mut out, &entry)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A row ONR refused (400), shaped as [`onr_client::yleistunniste::HaeOutcome`]'s refusals are: ONR's (hetu-redacted)
/// message and field errors.
fn rejected(body: &ErrorBody) -> serde_json::Value {
    let mut v = serde_json::to_value(body).unwrap_or_default();
    v["outcome"] = json!("rejected");
    v
}

fn by_oid(oids: &[String], conn: &Conn) -> anyhow::Result<ExitCode> {
    let client = conn.client()?;
    let mut out = cli_io::stdout();
    for oid in oids {
        match client.yleistunniste_oid(oid).map_err(coded)? {
            Some(student) => {
                let mut v = serde_json::to_value(&student)?;
                v["found"] = json!(true);
                serde_json::to_writer(&mut out, &v)?;
            }
            None => serde_json::to_writer(&mut out, &json!({"oid": oid, "found": false}))?,
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
