//! `onr send FILE`, `onr import status|results ID` and `onr feed`: talking to ONR through
//! onr-client. Credentials come from the environment (`ONR_CAS_USERNAME` +
//! `ONR_CAS_PASSWORD`, or `ONR_OAUTH2_CLIENT_ID` + `ONR_OAUTH2_CLIENT_SECRET`) or from a
//! `--credentials` file of `KEY=VALUE` lines with the same names; never from arguments.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use onr_client::feed::{Feed, FeedCursor};
use onr_client::import::{ImportOptions, JsonBatch, Progress, DEFAULT_CHUNK_SIZE};
use onr_client::{CallerId, Client, ClientError, ClientOptions, Credentials, Target};
use onr_core::import::action::{ExistingPersons, Persons, Unknown};
use onr_core::import::csv::{CsvOptions, EmptyCell};
use onr_core::import::RowInput;
use onr_core::input::Encoding;
use onr_core::Lang;

use super::check::{detect, open, parse_encoding, read_text, sniff_delimiter, InputFormat};
use crate::io as cli_io;

/// Which OPH service, as whom and how patiently: the options every command that calls OPH
/// shares (`onr send`, `import`, `feed`, `koodisto update`).
#[derive(clap::Args, Debug)]
pub struct Endpoint {
    /// The ONR environment: `qa` (OPH's QA, virkailija.testiopintopolku.fi: test rules,
    /// temporary hetus allowed; the default) or `production` (virkailija.opintopolku.fi); for
    /// `--base-url`, the rules to check with.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Target::ENV_NAMES))]
    pub env: Option<String>,
    /// Another base URL (a local stand-in); the rules are those of `--env`.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Your Caller-Id (OPH requires it: `A-Z a-z 0-9 . - ( )`, e.g. `1.2.246.562.10.xxx.my-sis`).
    #[arg(long)]
    pub caller_id: String,
    /// The timeout of each call, in seconds.
    #[arg(long, default_value_t = ClientOptions::DEFAULT_TIMEOUT.as_secs())]
    pub timeout: u64,
}

impl Endpoint {
    /// The target, the checked Caller-Id and the client options these arguments give.
    pub(crate) fn resolve(&self) -> anyhow::Result<(Target, CallerId, ClientOptions)> {
        let target = Target::select(
            self.env.as_deref().unwrap_or(Target::ENV_NAMES[0]),
            self.base_url.as_deref(),
        )
        .map_err(coded)?;
        let caller = CallerId::new(&self.caller_id).map_err(coded)?;
        let options = ClientOptions {
            timeout: std::time::Duration::from_secs(self.timeout),
            ..ClientOptions::default()
        };
        Ok((target, caller, options))
    }
}

/// Where and as whom, with credentials (ONR's service API needs a login).
#[derive(clap::Args, Debug)]
pub struct Conn {
    #[command(flatten)]
    pub endpoint: Endpoint,
    /// A file of `KEY=VALUE` credentials (else the environment variables).
    #[arg(long)]
    pub credentials: Option<PathBuf>,
}

impl Conn {
    pub(crate) fn client(&self) -> anyhow::Result<Client> {
        let (target, caller, options) = self.endpoint.resolve()?;
        let credentials =
            Credentials::from_file_or_env(self.credentials.as_deref()).map_err(coded)?;
        Ok(Client::new(target, caller, credentials, options))
    }
}

pub(crate) fn coded(e: ClientError) -> anyhow::Error {
    anyhow::anyhow!("{} [{}]", e, e.code())
}

/// Report formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Readable text.
    #[default]
    Text,
    /// One JSON document.
    Json,
}

#[derive(clap::Args, Debug)]
#[command(after_help = super::EXIT_STATUS_SEND)]
pub struct SendArgs {
    /// The batch: ONR's import JSON or CSV, as `onr check` reads them.
    pub file: PathBuf,
    #[command(flatten)]
    pub conn: Conn,
    /// Rows per import.
    #[arg(long, default_value_t = DEFAULT_CHUNK_SIZE)]
    pub chunk_size: usize,
    /// Send the rows ONR accepts and report the others, instead of refusing the batch.
    #[arg(long)]
    pub only_accepted: bool,
    /// The input's character encoding: `utf-8`, or `windows-1252` (also `latin1`), as
    /// `onr check --encoding` reads it.
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    pub encoding: Encoding,
    /// The batch's notification e-mail address (overrides the JSON's `sahkoposti`).
    #[arg(long)]
    pub sahkoposti: Option<String>,
    /// Resend `PUT /oppija` after a timeout or broken connection (may import twice).
    #[arg(long)]
    pub resend_unconfirmed: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    // `--existing` and `--koodisto`: the persons ONR has and its code lists, for the
    // pre-flight check and the audit, as `onr check` reads them.
    #[command(flatten)]
    pub reference: super::check::Reference,
}

#[derive(clap::Subcommand, Debug)]
pub enum ImportCommand {
    /// An import's progress (`GET .../oppija/tuonti={ID}/perustiedot`).
    Status {
        /// The import id.
        id: i64,
        #[command(flatten)]
        conn: Conn,
    },
    /// An import's result rows (`GET .../oppija/tuonti={ID}`), as JSON.
    Results {
        /// The import id.
        id: i64,
        #[command(flatten)]
        conn: Conn,
    },
}

#[derive(clap::Args, Debug)]
pub struct FeedArgs {
    /// Where to start when the state file does not exist yet (ISO 8601, e.g. 2024-01-01T00:00:00Z).
    #[arg(long)]
    pub since: Option<String>,
    /// The state file: read to resume, written after every page.
    #[arg(long)]
    pub state: PathBuf,
    /// Entries per page (at most 10000).
    #[arg(long, default_value_t = onr_client::feed::DEFAULT_COUNT)]
    pub count: u32,
    #[command(flatten)]
    pub conn: Conn,
}

/// The batch's rows and e-mail, read by the same input policy and readers as `onr check`.
fn read_rows(
    path: &std::path::Path,
    encoding: Encoding,
) -> anyhow::Result<(Vec<RowInput>, Option<String>)> {
    let (input, _) = open(path)?;
    let text = read_text(path, input, encoding, Lang::En)?;
    let mut input: &[u8] = text.as_bytes();
    let mut rows = Vec::new();
    match detect(path, &mut input)? {
        InputFormat::Csv => {
            let delimiter = sniff_delimiter(&mut input)?;
            let reader = onr_core::import::csv::Reader::new(
                input,
                CsvOptions {
                    empty: EmptyCell::Null,
                    delimiter,
                },
            )
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            for row in reader {
                rows.push(row.map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?);
            }
            Ok((rows, None))
        }
        _ => {
            // The file's fault, not the configuration's: its message without that lead.
            let batch = JsonBatch::from_json(&text).map_err(|e| match e {
                ClientError::Config(m) => anyhow::anyhow!("{}: {m}", path.display()),
                e => anyhow::anyhow!("{}: {e}", path.display()),
            })?;
            Ok((batch.rows, batch.sahkoposti))
        }
    }
}

pub fn send(args: &SendArgs) -> anyhow::Result<ExitCode> {
    let (rows, sahkoposti) = read_rows(&args.file, args.encoding)?;
    let koodisto = super::koodisto::load(args.reference.koodisto.as_deref())?;
    let persons = match &args.reference.existing {
        Some(path) => Some(Persons::new(super::check::read_persons(path)?.persons)),
        None => None,
    };
    let registry: &dyn ExistingPersons = match &persons {
        Some(p) => p,
        None => &Unknown,
    };
    let client = args.conn.client()?;
    let options = ImportOptions {
        chunk_size: args.chunk_size.max(1),
        only_accepted: args.only_accepted,
        sahkoposti: args.sahkoposti.clone().or(sahkoposti),
        resend_unconfirmed: args.resend_unconfirmed,
        ..ImportOptions::default()
    };
    let (bar, mut show) = progress_bar();
    let result = client.send_batch(rows, &koodisto, registry, &options, &mut show);
    bar.finish_and_clear();
    let mut out = cli_io::stdout();
    let report = match result {
        Ok(r) => r,
        Err(ClientError::Rejected {
            rejected,
            batch_errors,
            reasons,
        }) => {
            writeln!(out, "not sent: ONR would refuse the whole batch ({rejected} rejected rows, {batch_errors} batch errors); nothing was imported")?;
            for r in &reasons {
                writeln!(out, "  {r}")?;
            }
            writeln!(out, "fix the rows (see `onr check`), or send the accepted rows only with --only-accepted")?;
            out.flush()?;
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(coded(e)),
    };
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Format::Text => {
            writeln!(
                out,
                "target: {} (rules: {})",
                report.target, report.environment
            )?;
            writeln!(
                out,
                "rows: {} read, {} sent, {} held back",
                report.rows,
                report.sent,
                report.held_back.len()
            )?;
            for c in &report.chunks {
                writeln!(
                    out,
                    "import {}: {} rows, {}/{} processed{}",
                    c.id,
                    c.rows.len(),
                    c.status.kasiteltyja,
                    c.status.kasiteltavia,
                    if c.restarted {
                        " (restarted after a stall)"
                    } else {
                        ""
                    }
                )?;
            }
            for h in &report.held_back {
                writeln!(
                    out,
                    "held back: row {} ({}): {}",
                    h.index,
                    h.tunniste.as_deref().unwrap_or("-"),
                    h.reasons.join("; ")
                )?;
            }
            if report.audit.is_empty() {
                writeln!(
                    out,
                    "audit: ONR's result matches the prediction for every row"
                )?;
            } else {
                writeln!(
                    out,
                    "audit: {} differences from the prediction",
                    report.audit.len()
                )?;
                for d in &report.audit {
                    writeln!(
                        out,
                        "  row {} ({}): {}: {}",
                        d.index,
                        d.tunniste.as_deref().unwrap_or("-"),
                        d.code,
                        d.detail
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A spinner on a terminal's stderr (hidden otherwise), and the progress callback of
/// onr-client's batch flows that writes to it.
pub(crate) fn progress_bar() -> (indicatif::ProgressBar, impl FnMut(Progress<'_>)) {
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new_spinner();
        b.enable_steady_tick(std::time::Duration::from_millis(120));
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let shown = bar.clone();
    let show = move |p: Progress<'_>| match p {
        Progress::Sent {
            chunk,
            chunks,
            id,
            rows,
        } => shown.set_message(format!(
            "chunk {chunk}/{chunks}: import {id} ({rows} rows) sent"
        )),
        Progress::Polled {
            chunk,
            chunks,
            status,
        } => shown.set_message(format!(
            "chunk {chunk}/{chunks}: import {}: {}/{} processed",
            status.id, status.kasiteltyja, status.kasiteltavia
        )),
    };
    (bar, show)
}

pub fn import(cmd: &ImportCommand) -> anyhow::Result<ExitCode> {
    let mut out = cli_io::stdout();
    match cmd {
        ImportCommand::Status { id, conn } => {
            let s = conn.client()?.import_status(*id).map_err(coded)?;
            serde_json::to_writer(&mut out, &s)?;
        }
        ImportCommand::Results { id, conn } => {
            let r = conn.client()?.import_results(*id).map_err(coded)?;
            serde_json::to_writer_pretty(&mut out, &r)?;
        }
    }
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn feed(args: &FeedArgs) -> anyhow::Result<ExitCode> {
    let cursor: FeedCursor = match std::fs::read_to_string(&args.state) {
        Ok(text) => serde_json::from_str(&text)
            .with_context(|| format!("{} is not a feed state file", args.state.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match &args.since {
            Some(s) => FeedCursor::new(s.clone()),
            None => anyhow::bail!(
                "{} does not exist: give --since to start",
                args.state.display()
            ),
        },
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", args.state.display())),
    };
    let client = args.conn.client()?;
    let mut feed = Feed::new(&client, cursor, args.count);
    let mut out = cli_io::stdout();
    while let Some(page) = feed.next() {
        let page = page.map_err(coded)?;
        for e in &page {
            serde_json::to_writer(&mut out, e)?;
            writeln!(out)?;
        }
        out.flush()?;
        let tmp = args.state.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_string_pretty(feed.cursor())?)?;
        std::fs::rename(&tmp, &args.state)?;
    }
    Ok(ExitCode::SUCCESS)
}
