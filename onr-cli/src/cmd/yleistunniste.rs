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
//! * `onr yleistunniste send FILE`: a batch (`PUT .../yleistunniste`, CSV with the columns of
//!   `find`, `tunniste` required, or ONR's `YleistunnisteInput` JSON), checked by onr-core
//!   first, sent in chunks, followed to the end (a stalled batch is restarted once) and read:
//!   one JSON report (onr-client's `BatchReport`; no hetu in it). A batch ONR would refuse
//!   is not sent: a JSON object with the reasons, exit 1.
//! * `onr yleistunniste status|results ID`: a batch's progress and its rows, as JSON.
//!
//! Files are read by onr-core's input policy ([`onr_core::input`]); a failed call to ONR
//! (login, HTTP other than the statuses above, timeout) stops the command with exit 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::anyhow;
use onr_client::import::{PollOptions, DEFAULT_CHUNK_SIZE};
use onr_client::yleistunniste::{Batch, BatchOptions, BatchRow, Person};
use onr_client::{ClientError, Secret};
use onr_core::error::Lang;
use onr_core::input::{CsvColumns, Encoding};
use serde_json::json;

use super::check::{
    csv_columns_of, csv_error, detect, open, parse_encoding, read_csv_columns, read_text,
    InputFormat,
};
use super::send::{coded, progress_bar, Conn};
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
    /// Send a batch (`PUT .../yleistunniste`), follow it to the end and read its rows.
    #[command(after_help = super::EXIT_STATUS_SEND)]
    Send(SendArgs),
    /// A batch's progress (`GET .../yleistunniste/tuonti={ID}/perustiedot`).
    Status {
        /// The batch's import id.
        id: i64,
        #[command(flatten)]
        conn: Conn,
    },
    /// A batch's rows (`GET .../yleistunniste/tuonti={ID}`), as JSON.
    Results {
        /// The batch's import id.
        id: i64,
        #[command(flatten)]
        conn: Conn,
    },
}

#[derive(clap::Args, Debug)]
pub struct SendArgs {
    /// The batch: CSV with the columns `tunniste`, `hetu`, `etunimet`, `kutsumanimi`,
    /// `sukunimi`, or ONR's JSON (`{"sahkoposti", "henkilot": [{"tunniste", "henkilo"}]}`).
    pub file: PathBuf,
    #[command(flatten)]
    pub conn: Conn,
    /// The input's character encoding: `utf-8`, or `windows-1252` (also `latin1`).
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    pub encoding: Encoding,
    /// Rows per batch sent (each is one import id).
    #[arg(long, default_value_t = DEFAULT_CHUNK_SIZE)]
    pub chunk_size: usize,
    /// Send the rows ONR accepts and report the others, instead of refusing the batch.
    #[arg(long)]
    pub only_accepted: bool,
    /// The batch's notification e-mail address (overrides the JSON's `sahkoposti`).
    #[arg(long)]
    pub sahkoposti: Option<String>,
    /// Resend the `PUT` after a timeout or broken connection (may create the batch twice).
    #[arg(long)]
    pub resend_unconfirmed: bool,
    /// Seconds without progress after which a batch counts as stalled and is restarted once
    /// (a second stall fails with `client.stalled`).
    #[arg(long, default_value_t = PollOptions::DEFAULT.stall_after.as_secs())]
    pub stall_after: u64,
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
        YleistunnisteCommand::Send(a) => send(a),
        YleistunnisteCommand::Status { id, conn } => {
            print_json(&conn.client()?.yleistunniste_status(*id).map_err(coded)?)
        }
        YleistunnisteCommand::Results { id, conn } => {
            print_json(&conn.client()?.yleistunniste_results(*id).map_err(coded)?)
        }
    }
}

fn print_json(v: &impl serde::Serialize) -> anyhow::Result<ExitCode> {
    let mut out = cli_io::stdout();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A row of the file: its line, `tunniste` and the person to look for.
struct Row {
    line: u64,
    tunniste: Option<String>,
    person: Person,
}

/// The rows of a CSV file of persons (`tunniste` optional unless `need_tunniste`), read by
/// the input policy with the delimiter of its header line, as `onr check` reads a batch.
fn read_rows(
    path: &std::path::Path,
    encoding: Encoding,
    need_tunniste: bool,
) -> anyhow::Result<Vec<Row>> {
    rows_of(path, read_csv_columns(path, encoding, None)?, need_tunniste)
}

fn rows_of(
    path: &std::path::Path,
    mut csv: CsvColumns,
    need_tunniste: bool,
) -> anyhow::Result<Vec<Row>> {
    let name = path.display();
    let names = ["hetu", "etunimet", "kutsumanimi", "sukunimi", "tunniste"];
    let at = csv.columns(&names).map_err(|e| csv_error(path, &e))?;
    let need = |i: usize| {
        at[i].ok_or_else(|| anyhow!("{name}: no column `{}` in the header row", names[i]))
    };
    let (hetu, etu, kutsu, suku) = (need(0)?, need(1)?, need(2)?, need(3)?);
    if need_tunniste {
        need(4)?;
    }
    let mut rows = Vec::new();
    while let Some((line, record)) = csv.next_record().map_err(|e| csv_error(path, &e))? {
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
    let rows = read_rows(&args.file, args.encoding, false)?;
    let client = args.conn.client()?;
    let mut out = cli_io::stdout();
    for row in &rows {
        let base = json!({"line": row.line, "tunniste": row.tunniste});
        let outcome = client
            .yleistunniste_hae(&row.person)
            .map_err(|e| coded(e).context(format!("line {}", row.line)))?;
        let answer = serde_json::to_value(&outcome)?;
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

/// The batch of a CSV or JSON file, read by the input policy.
fn read_batch(args: &SendArgs) -> anyhow::Result<Batch> {
    let (input, _) = open(&args.file)?;
    let text = read_text(&args.file, input, args.encoding, Lang::En)?;
    let mut bytes = text.as_bytes();
    let mut batch = match detect(&args.file, &mut bytes)? {
        InputFormat::Csv => Batch {
            sahkoposti: None,
            henkilot: rows_of(&args.file, csv_columns_of(&args.file, text, None)?, true)?
                .into_iter()
                .map(|r| BatchRow {
                    tunniste: r.tunniste.unwrap_or_default(),
                    henkilo: r.person,
                })
                .collect(),
        },
        _ => {
            Batch::from_json(&text).map_err(|e| anyhow!("{}: {}", args.file.display(), coded(e)))?
        }
    };
    if args.sahkoposti.is_some() {
        batch.sahkoposti = args.sahkoposti.clone();
    }
    Ok(batch)
}

fn send(args: &SendArgs) -> anyhow::Result<ExitCode> {
    let batch = read_batch(args)?;
    let client = args.conn.client()?;
    let options = BatchOptions {
        chunk_size: args.chunk_size.max(1),
        only_accepted: args.only_accepted,
        resend_unconfirmed: args.resend_unconfirmed,
        poll: PollOptions {
            stall_after: std::time::Duration::from_secs(args.stall_after),
            ..PollOptions::default()
        },
    };
    let (bar, mut show) = progress_bar();
    let result = client.send_yleistunniste(&batch, &options, &mut show);
    bar.finish_and_clear();
    match result {
        Ok(report) => print_json(&report),
        Err(ClientError::Rejected {
            rejected,
            batch_errors,
            reasons,
        }) => {
            print_json(&json!({
                "sent": false,
                "why": "ONR would refuse the whole batch; nothing was sent (fix the rows, or send the accepted rows only with --only-accepted)",
                "rejected_rows": rejected,
                "batch_errors": batch_errors,
                "reasons": reasons,
            }))?;
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(coded(e)),
    }
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
