//! `onr duplicates FILE.csv`: every pair of persons ONR's duplicate search would link, i.e.
//! PostgreSQL's `a.duplicate_search_str % b.duplicate_search_str` self-join.
//!
//! Input: a CSV file with a header row and the columns `id`, `etunimet`, `kutsumanimi`,
//! `sukunimi` and `syntymaaika` (`YYYY-MM-DD`; empty = unknown), names configurable. An empty
//! name field is an empty string, as in ONR's NOT NULL name columns. Rows whose `passivoitu`
//! or `duplicate` column (when present) is true are never candidates.
//!
//! Output: `id_a,id_b,similarity` rows (CSV with a header, or a JSON array), `id_a` before
//! `id_b` in file order; similarity printed as PostgreSQL prints `float4`. The pairs are
//! written while the search runs, in no particular order (sort the output if you need one):
//! memory is the index and a fixed buffer, never the number of pairs. A summary goes to
//! stderr, and a progress bar when stderr is a terminal.
//!
//! The input is read by onr-core's input policy ([`onr_core::input`]).

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{anyhow, bail};
use onr_core::error::Coded;
use onr_core::input::Encoding;
use onr_core::similarity::duplicates::{check_threshold, DuplicateIndex, PersonRecord};
use onr_core::similarity::trigram::{pg_float4_text, DEFAULT_THRESHOLD};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CSV with the header `id_a,id_b,similarity`.
    Csv,
    /// A JSON array of `{"id_a": ..., "id_b": ..., "similarity": ...}` objects.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The persons, as CSV with a header row.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Similarity threshold (pg_trgm.similarity_threshold; ONR uses 0.5).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f64,
    /// Name of the id column.
    #[arg(long, default_value = "id")]
    pub id_column: String,
    /// Name of the first-names column.
    #[arg(long, default_value = "etunimet")]
    pub etunimet_column: String,
    /// Name of the nickname column.
    #[arg(long, default_value = "kutsumanimi")]
    pub kutsumanimi_column: String,
    /// Name of the surname column.
    #[arg(long, default_value = "sukunimi")]
    pub sukunimi_column: String,
    /// Name of the birth-date column (YYYY-MM-DD, empty when unknown).
    #[arg(long, default_value = "syntymaaika")]
    pub syntymaaika_column: String,
    /// Name of the passivated flag column (used when present).
    #[arg(long, default_value = "passivoitu")]
    pub passivoitu_column: String,
    /// Name of the duplicate flag column (used when present).
    #[arg(long, default_value = "duplicate")]
    pub duplicate_column: String,
    /// Input field delimiter.
    #[arg(long, default_value_t = ',')]
    pub delimiter: char,
    /// The input's character encoding: `utf-8`, or `windows-1252` (also `latin1`), as
    /// `onr check --encoding` reads it.
    #[arg(long, default_value = "utf-8", value_parser = super::check::parse_encoding)]
    pub encoding: Encoding,
}

enum Sink<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Json(W),
}

impl<W: Write> Sink<W> {
    fn pair(&mut self, a: &str, b: &str, sim: &str, first: bool) -> anyhow::Result<()> {
        match self {
            Sink::Csv(w) => w.write_record([a, b, sim])?,
            Sink::Json(w) => {
                let sep = if first { "\n" } else { ",\n" };
                let (a, b) = (serde_json::to_string(a)?, serde_json::to_string(b)?);
                write!(w, "{sep}{{\"id_a\":{a},\"id_b\":{b},\"similarity\":{sim}}}")?;
            }
        }
        Ok(())
    }

    fn finish(self, empty: bool) -> anyhow::Result<()> {
        match self {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Json(mut w) => {
                writeln!(w, "{}]", if empty { "" } else { "\n" })?;
                w.flush()?;
            }
        }
        Ok(())
    }
}

fn read_records(args: &Args) -> anyhow::Result<Vec<PersonRecord>> {
    let delimiter = onr_core::input::delimiter(args.delimiter)
        .map_err(|e| anyhow!("--delimiter: {e} ({})", e.code()))?;
    // The whole file by onr-core's input policy (BOM, encoding, empty file, record shape), as
    // every command that reads named columns; the text is small beside the index built from it.
    let mut csv = super::check::read_csv_columns(&args.file, args.encoding, Some(delimiter))?;
    let name = args.file.display();
    let names = [
        args.id_column.as_str(),
        &args.etunimet_column,
        &args.kutsumanimi_column,
        &args.sukunimi_column,
        &args.syntymaaika_column,
        &args.passivoitu_column,
        &args.duplicate_column,
    ];
    let at = csv
        .columns(&names)
        .map_err(|e| super::check::csv_error(&args.file, &e))?;
    let need = |i: usize| {
        at[i].ok_or_else(|| anyhow!("{name}: no column `{}` in the header row", names[i]))
    };
    let (id, etu, kutsu, suku, date) = (need(0)?, need(1)?, need(2)?, need(3)?, need(4)?);
    let (pass, dup) = (at[5], at[6]);
    let mut out = Vec::new();
    while let Some((line, row)) = csv
        .next_record()
        .map_err(|e| super::check::csv_error(&args.file, &e))?
    {
        let field = |i: usize| row.get(i).unwrap_or("");
        let syntymaaika = onr_core::cell::date(field(date))
            .map_err(|e| anyhow!("line {line}: {}: {e}", args.syntymaaika_column))?;
        let flag_at = |c: Option<usize>, name: &str| -> anyhow::Result<bool> {
            match c {
                None => Ok(false),
                Some(i) => onr_core::cell::flag(field(i))
                    .map(|v| v.unwrap_or(false))
                    .map_err(|e| anyhow!("line {line}: {name}: {e}")),
            }
        };
        let mut r = PersonRecord::new(
            field(id),
            field(etu),
            field(kutsu),
            field(suku),
            syntymaaika,
        );
        r.passivoitu = flag_at(pass, &args.passivoitu_column)?;
        r.duplicate = flag_at(dup, &args.duplicate_column)?;
        out.push(r);
    }
    Ok(out)
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let threshold = check_threshold(args.threshold)
        .map_err(|e| anyhow!("--threshold {}: {e}", args.threshold))?;
    let t0 = Instant::now();
    let records = read_records(args)?;
    let searchable = records.iter().filter(|r| r.is_searchable()).count();
    let index = DuplicateIndex::new(&records, threshold)?;
    drop(records);
    let t1 = Instant::now();

    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(index.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} records, {msg} pairs, eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };

    let out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut sink = match args.format {
        Format::Csv => {
            let mut w = csv::WriterBuilder::new().from_writer(out);
            w.write_record(["id_a", "id_b", "similarity"])?;
            Sink::Csv(Box::new(w))
        }
        Format::Json => {
            let mut out = out;
            write!(out, "[")?;
            Sink::Json(out)
        }
    };
    let mut pairs: u64 = 0;
    let mut err: Option<anyhow::Error> = None;
    index.for_each_pair_block(|block, done| {
        if err.is_some() {
            return;
        }
        for p in block {
            let (a, b) = (index.id(p.a as usize), index.id(p.b as usize));
            if let Err(e) = sink.pair(a, b, &pg_float4_text(p.similarity), pairs == 0) {
                err = Some(e);
                return;
            }
            pairs += 1;
        }
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
            bar.set_message(pairs.to_string());
        }
    });
    if let Some(e) = err {
        return Err(e.context("writing the output"));
    }
    sink.finish(pairs == 0)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let t2 = Instant::now();
    eprintln!(
        "onr: {} records ({searchable} searchable), {pairs} duplicate pairs at threshold {threshold} \
         (read+index {:.2} s, search {:.2} s, {} threads)",
        index.len(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        rayon::current_num_threads(),
    );
    if index.is_empty() && searchable == 0 && pairs > 0 {
        bail!("internal error: pairs without records");
    }
    Ok(ExitCode::SUCCESS)
}
