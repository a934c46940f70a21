//! The `onr` command line tool.
//!
//! Exit codes: 0 when the command ran (whatever it found), 2 for unusable input or usage.
//! Fatal errors print `onr: ` and the error chain on stderr; a broken pipe exits 0 silently.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// ONR's rules, applied locally.
#[derive(Debug, Parser)]
#[command(name = "onr", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare name pairs (`a<TAB>b` lines) as ONR does: trigram or Jaro-Winkler similarity.
    Similarity(cmd::similarity::Args),
    /// List the duplicate candidates among the persons of a CSV file (pg_trgm self-join).
    Duplicates(cmd::duplicates::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Similarity(a) => cmd::similarity::run(a),
        Command::Duplicates(a) => cmd::duplicates::run(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("onr: {err:#}");
            ExitCode::from(2)
        }
    }
}
