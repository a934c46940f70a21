//! `onr`: ONR's rules over CSV files and line-oriented input.
//!
//! Exit status, the same convention for every command (stated at the end of each `--help`):
//! 0 when the command ran, whatever it found; 1 only when the user asked to fail on findings
//! (`--fail-on`) and there are some; 2 for unusable input or usage (a missing file, a CSV
//! without a header); `onr send` exits 1 when it sent nothing because ONR would refuse the
//! batch. A broken pipe ends the command silently with 0.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod cmd;
mod io;

/// Apply the rules of Finland's learner-number registry (ONR) locally.
#[derive(Parser, Debug)]
#[command(name = "onr", version, about, long_about = None, after_help = cmd::EXIT_STATUS_FAIL_ON)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Henkilötunnus (hetu): validate, normalize, suggest, generate.
    #[command(subcommand)]
    Hetu(cmd::hetu::HetuCommand),
    /// OIDs: validate, generate.
    #[command(subcommand)]
    Oid(cmd::oid::OidCommand),
    /// Check a file of learners row by row and print a report.
    Check(cmd::check::Args),
    /// Master/slave link tables: check ONR's invariants, resolve OIDs to masters.
    #[command(subcommand)]
    Links(cmd::links::LinksCommand),
    /// String similarity as ONR computes it: `a<TAB>b` lines in, `value<TAB>1|0` lines out.
    Similarity(cmd::similarity::Args),
    /// List the duplicate candidates among the persons of a CSV file (pg_trgm self-join).
    Duplicates(cmd::duplicates::Args),
    /// Check a batch, send it to ONR, follow the imports to the end and audit the result.
    Send(cmd::send::SendArgs),
    /// An import's progress or results.
    #[command(subcommand)]
    Import(cmd::send::ImportCommand),
    /// Read ONR's change feed from a resumable state file, one JSON entry a line.
    Feed(cmd::send::FeedArgs),
    /// Koodisto code lists: refresh the lists the import check uses.
    #[command(subcommand)]
    Koodisto(cmd::koodisto::KoodistoCommand),
    /// The learner number as a general identifier: find or create persons, look up OIDs.
    #[command(subcommand)]
    Yleistunniste(cmd::yleistunniste::YleistunnisteCommand),
}

/// The command line, with the exit status convention at the end of every command's help
/// (unless the command states its own).
fn command() -> clap::Command {
    fn with_exit_status(cmd: clap::Command) -> clap::Command {
        let cmd = if cmd.get_after_help().is_none() {
            cmd.after_help(cmd::EXIT_STATUS)
        } else {
            cmd
        };
        cmd.mut_subcommands(with_exit_status)
    }
    with_exit_status(Cli::command())
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match &cli.command {
        Command::Hetu(c) => cmd::hetu::run(c),
        Command::Oid(c) => cmd::oid::run(c),
        Command::Check(a) => cmd::check::run(a),
        Command::Links(c) => cmd::links::run(c),
        Command::Similarity(a) => cmd::similarity::run(a),
        Command::Duplicates(a) => cmd::duplicates::run(a),
        Command::Send(a) => cmd::send::send(a),
        Command::Import(c) => cmd::send::import(c),
        Command::Feed(a) => cmd::send::feed(a),
        Command::Koodisto(c) => cmd::koodisto::run(c),
        Command::Yleistunniste(c) => cmd::yleistunniste::run(c),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`onr ... | head`) ends the output early, not in failure. serde_json
            // wraps the io::Error of a JSON writer, so ask it for the kind too.
            let broken_pipe = |e: &(dyn std::error::Error + 'static)| {
                e.downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    .or_else(|| {
                        e.downcast_ref::<serde_json::Error>()
                            .and_then(serde_json::Error::io_error_kind)
                    })
                    == Some(std::io::ErrorKind::BrokenPipe)
            };
            if err.chain().any(broken_pipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("onr: {err:#}");
            ExitCode::from(2)
        }
    }
}
