//! `onr check FILE`: ONR's verdict, lints and predicted action for every row of an import
//! batch (ONR's import JSON or CSV), then a summary.
//!
//! The text report (the default) is a header line, the rows with errors or warnings (every
//! row with `--all`), each named by its line in the file and its `tunniste`, the likely
//! duplicates inside the batch (each pair once), the batch errors and a summary, all in
//! `--lang`.
//!
//! The JSON report (`--format json`) holds at least everything the text shows; the README
//! documents it field by field (section "The JSON report of `onr check`"):
//!
//! * `rows`: one object per input row, in order: `index` (0-based position in `henkilot`),
//!   `line` (1-based input line where the row starts), `tunniste`, `verdict` (`accepted` or
//!   `rejected`), `stage` (of ONR's answer for the row, null when accepted), `errors`
//!   (`{field, key, message, code, explanation}`: ONR's answer for the row, exactly: ONR's
//!   field path, error key and message, of the first stage that fails; `message` is null
//!   where ONR sends none; `code` and `explanation` are onr-core's), `later` (the same
//!   fields plus `stage`: what ONR answers once `errors` are fixed, stage by stage:
//!   `deserialization`, `bean_validation`, `post_validation`; never part of ONR's answer),
//!   `warnings` (`{code, message}`, `related` `{index, line, tunniste}` when the warning
//!   names another row, `candidates` `[{oid, similarity}]` for
//!   `import.lint.existing_duplicates`, in ONR's order), `action`
//!   (`{kind, by, oid, row, maybe, conflict, text}`);
//! * `batch_errors`: as row errors, for the batch itself (`sahkoposti`, `henkilot`);
//! * `likely_duplicates`: `[{a, b, similarity}]`, each pair once, `a`/`b` as `related`;
//! * `input`: `{file, existing_persons, ignored_columns}`;
//! * `summary`: counts, `onr`: the HTTP status and stage of ONR's answer to the batch,
//!   `answer`: the errors of that answer (as row errors; of values ONR cannot read only the
//!   first in document order, as ONR names it), `answer_errors` (how many), and
//!   `row_warnings`: `[{index, code, message, row, similarity}]`, the warnings that need the
//!   whole batch (`import.lint.likely_duplicate`: `row` is the other row), by row index.
//!
//! Rows are written as they are checked, so memory stays bounded on large CSV files (apart
//! from the trigram sets kept for the likely-duplicate pass and one small label per row);
//! the warnings of that final pass come after the rows.
//!
//! Exit status: 0 when the check ran (whatever it found), 1 when `--fail-on` was given and
//! its findings are there, 2 for unusable input.
//!
//! With `--existing`, rows also get the existing persons ONR's duplicate search lists for
//! them (`import.lint.existing_duplicates`); a CSV of persons needs the columns `kutsumanimi`
//! and `syntymaaika` for that (optional `passivoitu` and `duplicate`: true/false cells as
//! `onr_core::cell::flag` reads them, empty = false). The file is read by onr-core
//! (`onr_core::import::existing`), as Python and Java read it.

use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use onr_core::error::Coded;
use onr_core::import::action::Persons;
use onr_core::import::checker::{check_csv, check_json};
use onr_core::import::csv::{CsvOptions, EmptyCell};
use onr_core::import::existing::{self, ExistingFile, ExistingFormat};
use onr_core::import::lint::Lint;
use onr_core::import::person_rules::{KutsumanimiRule, UnknownRule};
use onr_core::import::report::ErrorView;
use onr_core::import::verdict::OnrError;
use onr_core::import::{json, CheckOptions, CheckSetup, RowReport, RowVerdict, Summary};
use onr_core::input::Encoding;
use onr_core::{Environment, Lang};
use serde_json::{json, Value};

use super::check_words::Words;
use super::{EnvArg, EXIT_STATUS_FAIL_ON};
use crate::io as cli_io;

/// The report formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// A readable report.
    #[default]
    Text,
    /// One JSON document: `rows`, `batch_errors`, `summary`.
    Json,
}

/// The input formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By the file name's extension, else by the first character (`{` is JSON).
    #[default]
    Auto,
    /// ONR's import JSON (`{"sahkoposti": ..., "henkilot": [...]}`).
    Json,
    /// CSV with a header line.
    Csv,
}

/// How empty CSV cells map.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EmptyArg {
    /// Null: the field is left out.
    #[default]
    Null,
    /// `""` for text columns, `[]` for kansalaisuus.
    EmptyString,
}

/// Message languages.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LangArg {
    /// English.
    #[default]
    En,
    /// Finnish.
    Fi,
    /// Swedish.
    Sv,
}

/// Which findings make `onr check` exit with status 1.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FailOn {
    /// None: exit 0 whenever the check ran.
    #[default]
    Never,
    /// ONR would refuse the batch: a rejected row or a batch error.
    Rejected,
    /// As `rejected`, or any warning (including likely duplicates inside the batch).
    Warning,
}

#[derive(clap::Args, Debug)]
#[command(after_help = EXIT_STATUS_FAIL_ON)]
pub struct Args {
    /// An import batch: ONR's import JSON, or CSV with the columns tunniste, oid, hetu,
    /// passinumero, sahkoposti, etunimet, kutsumanimi, sukunimi, syntymaaika, sukupuoli,
    /// aidinkieli, kansalaisuus (codes separated by `;`). `-` reads standard input.
    pub file: PathBuf,
    /// The ONR environment whose verdict to give.
    #[arg(long, value_enum, default_value_t)]
    pub env: EnvArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Input format.
    #[arg(long, value_enum, default_value_t)]
    pub input: InputFormat,
    #[command(flatten)]
    pub reference: Reference,
    /// How empty CSV cells map to ONR's JSON.
    #[arg(long, value_enum, default_value_t)]
    pub csv_empty: EmptyArg,
    /// The CSV delimiter; by default guessed from the header line (`,`, `;` or tab).
    #[arg(long)]
    pub delimiter: Option<char>,
    /// The batch's notification e-mail address, for CSV input (JSON has its own).
    #[arg(long)]
    pub sahkoposti: Option<String>,
    /// The input's character encoding: `utf-8`, or `windows-1252` (also `latin1`: Finnish
    /// Excel's CSV export). A file that is not UTF-8 is refused unless this says otherwise.
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    pub encoding: Encoding,
    /// The kutsumanimi rule of the kutsumanimi lint: `service` (ONR's service rule, person
    /// create and update), `existence-check` (the existence check's rule) or `ui` (the UI's
    /// rule).
    #[arg(long, default_value = "service", value_parser = parse_rule)]
    pub kutsumanimi_rule: KutsumanimiRule,
    /// The language of messages.
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    /// Text report: list every row, not only the rows with errors or warnings.
    #[arg(long)]
    pub all: bool,
    /// The default since `--all` exists (kept so that old scripts still run).
    #[arg(long, hide = true)]
    pub problems_only: bool,
    /// Exit with status 1 when ONR would refuse the batch (`rejected`) or when there is also
    /// any warning (`warning`); by default the status is 0 whatever the check finds.
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOn,
    /// At most this many likely-duplicate warnings per row (most similar first); 0 turns the
    /// in-batch duplicate search off.
    #[arg(long, default_value_t = 5)]
    pub max_duplicates: usize,
    /// Search likely duplicates inside the batch only when it has at most this many rows (no
    /// limit by default: the search's memory is linear in the rows; its time grows with the
    /// number of similar pairs).
    #[arg(long)]
    pub max_duplicate_rows: Option<usize>,
}

/// What the check knows of ONR besides the batch: the persons it has and its current code
/// lists (`onr check` and `onr send` share these options).
#[derive(clap::Args, Debug)]
pub struct Reference {
    /// Existing persons to predict matches, conflicts and duplicate candidates against: CSV
    /// (oid, hetu, hetu_history, passinumerot, sahkopostit, etunimet, sukunimi, and for
    /// duplicate candidates kutsumanimi, syntymaaika, optional passivoitu and duplicate;
    /// lists separated by `;`) or, for a `.json` file, an array of ONR person records.
    #[arg(long, value_name = "PERSONS.csv")]
    pub existing: Option<PathBuf>,
    /// A koodisto file written by `onr koodisto update`, whose sukupuoli, kieli and
    /// maatjavaltiot2 lists replace the bundled ones.
    #[arg(long, value_name = "FILE")]
    pub koodisto: Option<PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let env = Environment::from(args.env);
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Fi => Lang::Fi,
        LangArg::Sv => Lang::Sv,
    };
    // Reading and indexing a large registry extract takes a while: a spinner on a terminal.
    let loading = match args.reference.existing {
        Some(_) => Progress::new(None),
        None => Progress::hidden(),
    };
    let existing = match &args.reference.existing {
        Some(path) => {
            loading.phase("reading the existing persons");
            Some(read_persons(path)?)
        }
        None => None,
    };
    if let (Some(path), Some(ExistingFile { records: None, .. })) =
        (&args.reference.existing, &existing)
    {
        eprintln!(
            "onr: note: {} has no kutsumanimi and syntymaaika columns: no duplicate candidates",
            path.display()
        );
    }
    let koodisto = super::koodisto::load(args.reference.koodisto.as_deref())?;
    let options = CheckOptions {
        env,
        kutsumanimi_rule: args.kutsumanimi_rule,
        max_duplicates_per_row: args.max_duplicates,
        max_duplicate_rows: args.max_duplicate_rows.unwrap_or(usize::MAX),
        ..CheckOptions::default()
    };
    if existing.as_ref().is_some_and(|f| f.records.is_some()) {
        loading.phase("indexing the existing persons for the duplicate search");
    }
    let setup = CheckSetup::with_existing_file(koodisto, options, existing)?;
    loading.finish();
    let checker = setup.checker();

    let (input, size) = open(&args.file)?;
    // The whole input by onr-core's input policy: BOM dropped, the encoding checked (or
    // decoded) once for the file, an empty file refused.
    let text = read_text(&args.file, input, args.encoding, lang)?;
    let mut input: &[u8] = text.as_bytes();
    let format = match args.input {
        InputFormat::Auto => detect(&args.file, &mut input)?,
        f => f,
    };
    // On a terminal: bytes read for CSV, rows checked for JSON (read whole first), then the
    // batch-wide duplicate pass, which can take long on large batches with repeated names.
    let progress = Progress::new(match format {
        InputFormat::Csv => size,
        _ => None,
    });
    let mut out = cli_io::stdout();
    let mut writer = ReportWriter::new(args, env, lang, setup.persons().map(Persons::len));

    let (batch_errors, summary) = match format {
        InputFormat::Json | InputFormat::Auto => {
            // A syntax error anywhere makes the input unusable: find it before any output.
            serde_json::from_str::<serde::de::IgnoredAny>(&text)
                .map_err(|_| ())
                .or_else(|()| json::read(&text, |_| {}).map(|_| serde::de::IgnoredAny))
                .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.message(lang)))?;
            let mut failure = None;
            let result = check_json(&text, checker, |report| {
                progress.row();
                if failure.is_none() {
                    if let Err(e) = writer.row(&mut out, &report) {
                        failure = Some(e);
                    }
                }
            })
            .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.message(lang)))?;
            if let Some(e) = failure {
                return Err(e);
            }
            result
        }
        InputFormat::Csv => {
            let delimiter = match args.delimiter {
                Some(c) => onr_core::input::delimiter(c).map_err(|e| {
                    anyhow::anyhow!("--delimiter: {} ({})", e.message(lang), e.code())
                })?,
                None => onr_core::input::sniff_delimiter(&text),
            };
            let csv_options = CsvOptions {
                empty: match args.csv_empty {
                    EmptyArg::Null => EmptyCell::Null,
                    EmptyArg::EmptyString => EmptyCell::EmptyString,
                },
                delimiter,
            };
            let counting = CountingReader {
                inner: input,
                progress: &progress,
            };
            let reader = onr_core::import::csv::Reader::new(counting, csv_options)
                .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.message(lang)))?;
            writer.unknown_columns = reader.unknown_columns().to_vec();
            let mut failure = None;
            let result = check_csv(reader, checker, args.sahkoposti.as_deref(), |report| {
                if failure.is_none() {
                    if let Err(e) = writer.row(&mut out, &report) {
                        failure = Some(e);
                    }
                }
            });
            if let Some(e) = failure {
                return Err(e);
            }
            result.map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.message(lang)))?
        }
    };
    progress.finish();
    writer.finish(&mut out, &batch_errors, &summary)?;
    out.flush()?;
    Ok(exit_status(args.fail_on, &summary))
}

/// 1 when the findings `--fail-on` names are there, else 0.
fn exit_status(fail_on: FailOn, s: &Summary) -> ExitCode {
    // ONR's answer to the batch is refused exactly when a row is rejected or the batch has an
    // error (onr-core's checker tests hold the two equal).
    let refused = !s.response.is_accepted();
    let warned = s.with_warnings > 0 || !s.row_warnings.is_empty();
    let fail = match fail_on {
        FailOn::Never => false,
        FailOn::Rejected => refused,
        FailOn::Warning => refused || warned,
    };
    if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Opens the input; returns it buffered, with its size when known.
pub(crate) fn open(path: &Path) -> anyhow::Result<(Box<dyn BufRead>, Option<u64>)> {
    if path.as_os_str() == "-" {
        return Ok((Box::new(BufReader::new(io::stdin())), None));
    }
    let file = cli_io::open_path(path)?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(BufReader::with_capacity(1 << 16, file)), size))
}

/// A kutsumanimi rule by onr-core's names (`service`, `existence_check` or `existence-check`,
/// `ui`).
fn parse_rule(name: &str) -> Result<KutsumanimiRule, String> {
    name.parse().map_err(|e: UnknownRule| e.to_string())
}

pub(crate) fn parse_encoding(label: &str) -> Result<Encoding, String> {
    Encoding::from_label(label)
        .ok_or_else(|| format!("unknown encoding `{label}`, expected utf-8 or windows-1252"))
}

/// A CSV file with a header row by onr-core's input policy and record shape
/// ([`onr_core::input::CsvColumns`]): what every command reading named columns calls. The
/// delimiter is the caller's, or with `None` the header line's
/// ([`onr_core::input::sniff_delimiter`]).
pub(crate) fn read_csv_columns(
    path: &Path,
    encoding: Encoding,
    delimiter: Option<u8>,
) -> anyhow::Result<onr_core::input::CsvColumns> {
    let (input, _) = open(path)?;
    csv_columns_of(path, read_text(path, input, encoding, Lang::En)?, delimiter)
}

/// [`read_csv_columns`] of a text already read.
pub(crate) fn csv_columns_of(
    path: &Path,
    text: String,
    delimiter: Option<u8>,
) -> anyhow::Result<onr_core::input::CsvColumns> {
    let delimiter = delimiter.unwrap_or_else(|| onr_core::input::sniff_delimiter(&text));
    onr_core::input::CsvColumns::from_text(text, delimiter).map_err(|e| csv_error(path, &e))
}

/// A CSV file's error as the commands that read named columns print it: the file, the message
/// and the code.
pub(crate) fn csv_error(path: &Path, e: &dyn Coded) -> anyhow::Error {
    anyhow::anyhow!("{}: {} ({})", path.display(), e.message(Lang::En), e.code())
}

/// The whole input as text, by onr-core's input policy ([`onr_core::input::decode`]).
pub(crate) fn read_text(
    path: &Path,
    mut input: Box<dyn BufRead>,
    encoding: Encoding,
    lang: Lang,
) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    onr_core::input::decode(bytes, encoding)
        .map_err(|e| anyhow::anyhow!("{}: {} ({})", path.display(), e.message(lang), e.code()))
}

pub(crate) fn detect(path: &Path, input: &mut &[u8]) -> anyhow::Result<InputFormat> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("json") => return Ok(InputFormat::Json),
        Some("csv") | Some("tsv") | Some("txt") => return Ok(InputFormat::Csv),
        _ => {}
    }
    let buf = input.fill_buf().context("cannot read the input")?;
    let first = buf
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace())
        .find(|_| true);
    Ok(if matches!(first, Some(b'{') | Some(b'[')) {
        InputFormat::Json
    } else {
        InputFormat::Csv
    })
}

/// The CSV delimiter of a text input by onr-core's rule ([`onr_core::input::sniff_delimiter`]:
/// `,` unless the header line has no comma but a tab or a semicolon).
pub(crate) fn sniff_delimiter(input: &mut &[u8]) -> anyhow::Result<u8> {
    let text = std::str::from_utf8(input).context("the input is not text")?;
    Ok(onr_core::input::sniff_delimiter(text))
}

/// Reads `--existing` with onr-core's reader ([`onr_core::import::existing`]): ONR person
/// records as JSON (a `.json` file) or a CSV of existing persons; with the records for ONR's
/// duplicate search when the input has the names and birth dates it needs.
pub(crate) fn read_persons(path: &Path) -> anyhow::Result<ExistingFile> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot open {}", path.display()))?;
    let format = ExistingFormat::of_file_name(&path.to_string_lossy());
    existing::read(bytes, format, Encoding::Utf8).map_err(|e| csv_error(path, &e))
}

/// Progress on standard error when it is a terminal (never in a pipe or a log): a bar of the
/// bytes read when the size is known, else a spinner with the rows checked; the spinner keeps
/// turning through the silent batch-wide pass at the end.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    rows: std::cell::Cell<u64>,
}

impl Progress {
    fn hidden() -> Progress {
        Progress {
            bar: None,
            rows: std::cell::Cell::new(0),
        }
    }

    fn new(size: Option<u64>) -> Progress {
        let rows = std::cell::Cell::new(0);
        if !io::stderr().is_terminal() {
            return Progress { bar: None, rows };
        }
        let style = |template: &str| {
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        };
        let bar = match size {
            Some(n) => indicatif::ProgressBar::new(n).with_style(style(
                "{spinner} {bytes}/{total_bytes} {wide_bar} {percent:>3}% {msg}",
            )),
            None => indicatif::ProgressBar::new_spinner()
                .with_style(style("{spinner} {msg} ({elapsed})")),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        bar.enable_steady_tick(std::time::Duration::from_millis(250));
        Progress {
            bar: Some(bar),
            rows,
        }
    }

    fn bytes(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    fn row(&self) {
        let n = self.rows.get() + 1;
        self.rows.set(n);
        if let Some(bar) = &self.bar {
            if n % 1000 == 0 {
                bar.set_message(format!("{n} rows checked"));
            }
        }
    }

    fn phase(&self, message: &'static str) {
        if let Some(bar) = &self.bar {
            bar.set_message(message);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

struct CountingReader<'a, R> {
    inner: R,
    progress: &'a Progress,
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.bytes(n);
        if n == 0 && !buf.is_empty() {
            // Every row is read: `check_csv` now runs the batch-wide pass.
            self.progress
                .phase("searching likely duplicates inside the batch");
        }
        Ok(n)
    }
}

/// Where a row is, for humans and for the JSON report: kept for every row, so that a later
/// row, the likely duplicates and the action "same person as ..." can name it.
struct Label {
    line: Option<u64>,
    tunniste: Option<String>,
}

/// A row's findings, one list after another: each list is `(kind label, code, text)` lines.
/// (A new list of a row report is one more entry here, in text and JSON alike.)
fn row_entries(
    r: &RowReport,
    lang: Lang,
    words: &Words,
    related: impl Fn(usize) -> String,
) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    for e in &r.errors {
        let onr = e
            .onr_message()
            .map(|m| format!(" \"{m}\""))
            .unwrap_or_default();
        out.push((
            words.error(),
            format!("{}  {}{onr}", e.field, e.key()),
            e.message(lang),
        ));
    }
    for e in &r.later {
        out.push((
            words.later(),
            format!("{}  {}  [{}]", e.field, e.key(), e.stage().as_str()),
            e.message(lang),
        ));
    }
    for w in &r.warnings {
        let mut text = w.message(lang);
        if matches!(w, Lint::ExistingDuplicates { .. }) {
            let list: Vec<String> = r
                .duplicate_candidates
                .iter()
                .map(|c| format!("{} ({})", c.oid, c.similarity))
                .collect();
            text.push_str(&format!(": {}", list.join(", ")));
        }
        if let Some(row) = w.related_row() {
            text.push(' ');
            text.push_str(&related(row));
        }
        out.push((words.warning(), w.code().to_owned(), text));
    }
    out
}

/// Whether the text report lists a row without `--all`.
fn is_problem(r: &RowReport) -> bool {
    !r.errors.is_empty() || !r.warnings.is_empty()
}

struct ReportWriter {
    format: ReportFormat,
    env: Environment,
    lang: Lang,
    words: Words,
    file: String,
    all: bool,
    existing: Option<usize>,
    started: bool,
    unknown_columns: Vec<String>,
    labels: Vec<Label>,
    shown: usize,
}

impl ReportWriter {
    fn new(args: &Args, env: Environment, lang: Lang, existing: Option<usize>) -> ReportWriter {
        ReportWriter {
            format: args.format,
            env,
            lang,
            words: Words::new(lang),
            file: args.file.display().to_string(),
            all: args.all,
            existing,
            started: false,
            unknown_columns: Vec::new(),
            labels: Vec::new(),
            shown: 0,
        }
    }

    /// Row `index` for humans: `line 5 (tunniste S00004)`.
    fn place(&self, index: usize) -> String {
        match self.labels.get(index) {
            Some(l) => self.words.place(l.line, l.tunniste.as_deref(), index),
            None => self.words.place(None, None, index),
        }
    }

    /// Row `index` for the JSON report: `{index, line, tunniste}`.
    fn place_json(&self, index: usize) -> Value {
        let label = self.labels.get(index);
        json!({
            "index": index,
            "line": label.and_then(|l| l.line),
            "tunniste": label.and_then(|l| l.tunniste.as_deref()),
        })
    }

    fn start(&mut self, out: &mut impl Write) -> anyhow::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        match self.format {
            ReportFormat::Json => out.write_all(b"{\"rows\": [")?,
            ReportFormat::Text => {
                writeln!(
                    out,
                    "{}",
                    self.words.header(&self.file, self.env, self.existing)
                )?;
                if !self.unknown_columns.is_empty() {
                    writeln!(
                        out,
                        "{}: {}",
                        self.words.ignored_columns(),
                        self.unknown_columns.join(", ")
                    )?;
                }
            }
        }
        Ok(())
    }

    fn row(&mut self, out: &mut impl Write, r: &RowReport) -> anyhow::Result<()> {
        let first = !self.started;
        self.start(out)?;
        if self.labels.len() <= r.index {
            self.labels.resize_with(r.index + 1, || Label {
                line: None,
                tunniste: None,
            });
        }
        self.labels[r.index] = Label {
            line: r.line,
            tunniste: r.tunniste.clone(),
        };
        match self.format {
            ReportFormat::Json => {
                if !first {
                    out.write_all(b",")?;
                }
                out.write_all(b"\n  ")?;
                serde_json::to_writer(&mut *out, &self.row_json(r))?;
            }
            ReportFormat::Text => {
                if !self.all && !is_problem(r) {
                    return Ok(());
                }
                self.shown += 1;
                self.row_text(out, r)?;
            }
        }
        Ok(())
    }

    fn related(&self, index: usize) -> String {
        self.words.related(index, &self.place(index))
    }

    fn row_text(&self, out: &mut impl Write, r: &RowReport) -> anyhow::Result<()> {
        let verdict = match r.verdict() {
            RowVerdict::Accepted => self.words.accepted(),
            RowVerdict::Rejected => self.words.rejected(),
        };
        writeln!(
            out,
            "{}: {verdict}, {}",
            self.place(r.index),
            self.words.action(&r.action, |i| self.place(i))
        )?;
        let width = self.words.label_width();
        for (kind, code, text) in row_entries(r, self.lang, &self.words, |i| self.related(i)) {
            writeln!(out, "  {kind:<width$}  {code}: {text}")?;
        }
        Ok(())
    }

    /// One row for the JSON report: onr-core's row report, plus what only the text
    /// report's reader needs (where a related row is in the file, the action in words).
    fn row_json(&self, r: &RowReport) -> Value {
        let mut v = serde_json::to_value(r.report(self.lang)).unwrap_or(Value::Null);
        if let Some(warnings) = v.get_mut("warnings").and_then(Value::as_array_mut) {
            for (view, w) in warnings.iter_mut().zip(&r.warnings) {
                if let Some(row) = w.related_row() {
                    view["related"] = self.place_json(row);
                }
            }
        }
        v["action"]["text"] = Value::String(self.words.action(&r.action, |i| self.place(i)));
        v
    }

    fn finish(
        &mut self,
        out: &mut impl Write,
        batch_errors: &[OnrError],
        s: &Summary,
    ) -> anyhow::Result<()> {
        let first = !self.started;
        self.start(out)?;
        let pairs = s.likely_duplicates();
        match self.format {
            ReportFormat::Json => {
                if !first {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"],\n\"batch_errors\": ")?;
                let errors: Vec<ErrorView> = batch_errors
                    .iter()
                    .map(|e| ErrorView::of(e, false, self.lang))
                    .collect();
                serde_json::to_writer(&mut *out, &errors)?;
                out.write_all(b",\n\"likely_duplicates\": ")?;
                let pairs: Vec<Value> = pairs
                    .iter()
                    .map(|p| {
                        json!({"a": self.place_json(p.a), "b": self.place_json(p.b), "similarity": p.similarity})
                    })
                    .collect();
                serde_json::to_writer(&mut *out, &pairs)?;
                out.write_all(b",\n\"input\": ")?;
                serde_json::to_writer(
                    &mut *out,
                    &json!({
                        "file": self.file,
                        "existing_persons": self.existing,
                        "ignored_columns": self.unknown_columns,
                    }),
                )?;
                out.write_all(b",\n\"summary\": ")?;
                serde_json::to_writer_pretty(&mut *out, &s.report(self.env, self.lang))?;
                out.write_all(b"}\n")?;
            }
            ReportFormat::Text => {
                let w = self.words;
                if s.duplicates_skipped {
                    writeln!(out, "\n{}", w.duplicates_skipped())?;
                }
                if !pairs.is_empty() {
                    writeln!(out, "\n{}:", w.likely_duplicates())?;
                }
                for p in &pairs {
                    writeln!(
                        out,
                        "  {}",
                        w.pair(&self.place(p.a), &self.place(p.b), p.similarity)
                    )?;
                }
                if !batch_errors.is_empty() {
                    writeln!(out, "\n{}:", w.batch_errors())?;
                }
                for e in batch_errors {
                    writeln!(out, "  {}  {}: {}", e.field, e.key(), e.message(self.lang))?;
                }
                writeln!(
                    out,
                    "\n{}",
                    w.summary(
                        s.rows,
                        s.accepted,
                        s.rejected,
                        s.with_warnings,
                        s.batch_errors
                    )
                )?;
                let refused = s
                    .response
                    .stage()
                    .map(|stage| (stage.http_status(), stage.as_str().replace('_', " ")));
                writeln!(out, "  {}", w.answer(refused))?;
                let list = |m: &std::collections::BTreeMap<&'static str, usize>| {
                    let mut v: Vec<(&&str, &usize)> = m.iter().collect();
                    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                    v.iter()
                        .map(|(k, n)| format!("{k} {n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                writeln!(out, "  {}: {}", w.actions(), list(&s.actions))?;
                if s.conflicts > 0 {
                    writeln!(out, "  {}: {}", w.conflicts(), s.conflicts)?;
                }
                if !s.errors_by_key.is_empty() {
                    writeln!(out, "  {}: {}", w.errors(), list(&s.errors_by_key))?;
                }
                if !s.warnings_by_code.is_empty() {
                    writeln!(out, "  {}: {}", w.warnings(), list(&s.warnings_by_code))?;
                }
                if !self.all && self.shown < s.rows {
                    writeln!(out, "  {}", w.shown(self.shown, s.rows))?;
                }
            }
        }
        Ok(())
    }
}
