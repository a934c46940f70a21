//! `onr check FILE`: ONR's verdict, lints and predicted action for every row of an import
//! batch (ONR's import JSON or CSV), then a summary.
//!
//! The JSON report (`--format json`) is one object:
//!
//! * `rows`: one object per input row, in order: `index` (0-based position in `henkilot`),
//!   `line` (1-based input line where the row starts), `verdict` (`accepted` or `rejected`),
//!   `errors` (`{field, key, message}`: ONR's field path, error key and message; `message` is
//!   null where ONR sends none), `warnings` (`{code, message}`; the
//!   `import.lint.existing_duplicates` warning also has `candidates`, `[{oid, similarity}]` in
//!   ONR's order), `action` (`{kind, by, oid, row, maybe, conflict}`);
//! * `batch_errors`: `{field, key, message}` for the batch itself (`sahkoposti`, `henkilot`);
//! * `summary`: counts, `onr`: the HTTP status and stage of ONR's answer to the batch, and
//!   `row_warnings`: `[{index, code, message, row, similarity}]`, the warnings that need the
//!   whole batch (`import.lint.likely_duplicate`: `row` is the other row), by row index.
//!
//! Rows are written as they are checked, so memory stays bounded on large CSV files (apart
//! from the trigram sets kept for the likely-duplicate pass); the warnings of that final pass
//! come after the rows: in the summary (JSON) or in a `likely duplicates` section (text).
//!
//! With `--existing`, rows also get the existing persons ONR's duplicate search lists for
//! them (`import.lint.existing_duplicates`); a CSV of persons needs the columns `kutsumanimi`
//! and `syntymaaika` for that (optional `passivoitu` and `duplicate`, `true`/`1`).

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use onr_core::error::Coded;
use onr_core::import::action::{Action, ExistingPerson, Persons, Registry, Unknown};
use onr_core::import::check::check_json;
use onr_core::import::checks::KutsumanimiRule;
use onr_core::import::csv::{CsvOptions, EmptyCell};
use onr_core::import::koodisto::Koodisto;
use onr_core::import::lint::Lint;
use onr_core::import::verdict::OnrError;
use onr_core::import::{json, CheckOptions, Checker, RowInput, RowReport, Summary, Verdict};
use onr_core::input::Encoding;
use onr_core::similarity::duplicates::{DuplicateIndex, PersonRecord};
use onr_core::{Environment, Lang};
use serde_json::{json, Value};

use super::EnvArg;
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

/// The kutsumanimi rules.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RuleArg {
    /// ONR's service rule (person create and update).
    #[default]
    Service,
    /// The existence check's rule.
    ExistenceCheck,
    /// The UI's rule.
    Ui,
}

#[derive(clap::Args, Debug)]
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
    /// Existing persons to predict matches, conflicts and duplicate candidates against: CSV
    /// (oid, hetu, hetu_history, passinumerot, sahkopostit, etunimet, sukunimi, and for
    /// duplicate candidates kutsumanimi, syntymaaika, optional passivoitu and duplicate;
    /// lists separated by `;`) or, for a `.json` file, an array of ONR person records.
    #[arg(long, value_name = "PERSONS.csv")]
    pub existing: Option<PathBuf>,
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
    /// The kutsumanimi rule of the kutsumanimi lint.
    #[arg(long, value_enum, default_value_t)]
    pub kutsumanimi_rule: RuleArg,
    /// The language of messages.
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    /// Text report: list only rows with errors or warnings.
    #[arg(long)]
    pub problems_only: bool,
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

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let env = Environment::from(args.env);
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Fi => Lang::Fi,
        LangArg::Sv => Lang::Sv,
    };
    let (persons, records) = match &args.existing {
        Some(path) => {
            let (p, r) = read_persons(path)?;
            (Some(p), r)
        }
        None => (None, None),
    };
    if args.existing.is_some() && records.is_none() {
        eprintln!(
            "onr: note: {} has no kutsumanimi and syntymaaika columns: no duplicate candidates",
            args.existing.as_deref().unwrap_or(Path::new("")).display()
        );
    }
    let registry: &dyn Registry = match &persons {
        Some(p) => p,
        None => &Unknown,
    };
    let koodisto = Koodisto::bundled();
    let options = CheckOptions {
        env,
        kutsumanimi_rule: match args.kutsumanimi_rule {
            RuleArg::Service => KutsumanimiRule::Service,
            RuleArg::ExistenceCheck => KutsumanimiRule::ExistenceCheck,
            RuleArg::Ui => KutsumanimiRule::Ui,
        },
        max_duplicates_per_row: args.max_duplicates,
        max_duplicate_rows: args.max_duplicate_rows.unwrap_or(usize::MAX),
        ..CheckOptions::default()
    };
    let index = records
        .as_deref()
        .map(|r| DuplicateIndex::new(r, options.duplicate_threshold))
        .transpose()?;
    let mut checker = Checker::with_registry(&koodisto, options, registry);
    if let Some(index) = &index {
        checker = checker.with_duplicate_index(index);
    }

    let (input, size) = open(&args.file)?;
    // The whole input by onr-core's input policy: BOM dropped, the encoding checked (or
    // decoded) once for the file, an empty file refused.
    let text = read_text(&args.file, input, args.encoding, lang)?;
    let mut input: &[u8] = text.as_bytes();
    let format = match args.input {
        InputFormat::Auto => detect(&args.file, &mut input)?,
        f => f,
    };
    let progress = Progress::new(size);
    let mut out = cli_io::stdout();
    let mut writer = ReportWriter::new(args, env, lang, persons.as_ref().map(Persons::len));

    let (batch_errors, summary) = match format {
        InputFormat::Json | InputFormat::Auto => {
            // A syntax error anywhere makes the input unusable: find it before any output.
            serde_json::from_str::<serde::de::IgnoredAny>(&text)
                .map_err(|_| ())
                .or_else(|()| json::read(&text, |_| {}).map(|_| serde::de::IgnoredAny))
                .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.message(lang)))?;
            let mut failure = None;
            let result = check_json(&text, checker, |report| {
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
                Some(c) => u8::try_from(c).context("the delimiter must be an ASCII character")?,
                None => sniff_delimiter(&mut input)?,
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
            let mut n = 0usize;
            for row in reader {
                let row: RowInput = row
                    .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.message(lang)))?;
                let report = checker.check(row);
                writer.row(&mut out, &report)?;
                n += 1;
            }
            let sahkoposti = args.sahkoposti.as_deref();
            (
                checker.batch_errors(sahkoposti, Some(n)),
                checker.finish(sahkoposti, Some(n)),
            )
        }
    };
    progress.finish();
    writer.finish(&mut out, &batch_errors, &summary)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the input; returns it buffered, with its size when known.
fn open(path: &Path) -> anyhow::Result<(Box<dyn BufRead>, Option<u64>)> {
    if path.as_os_str() == "-" {
        return Ok((Box::new(BufReader::new(io::stdin())), None));
    }
    let file = cli_io::open_path(path)?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(BufReader::with_capacity(1 << 16, file)), size))
}

fn parse_encoding(label: &str) -> Result<Encoding, String> {
    Encoding::from_label(label)
        .ok_or_else(|| format!("unknown encoding `{label}`, expected utf-8 or windows-1252"))
}

/// The whole input as text, by onr-core's input policy ([`onr_core::input::decode`]).
fn read_text(
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

fn detect(path: &Path, input: &mut &[u8]) -> anyhow::Result<InputFormat> {
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

/// `,` unless the header line has no comma but a semicolon or a tab.
fn sniff_delimiter(input: &mut &[u8]) -> anyhow::Result<u8> {
    let buf = input.fill_buf().context("cannot read the input")?;
    let line = buf.split(|&b| b == b'\n').next().unwrap_or_default();
    let has = |c: u8| line.contains(&c);
    Ok(if has(b',') {
        b','
    } else if has(b'\t') {
        b'\t'
    } else if has(b';') {
        b';'
    } else {
        b','
    })
}

/// Reads `--existing`: ONR person records as JSON (an array of `HenkiloDto`-shaped objects,
/// onr-core's `person::Person`), or a CSV of existing persons; with the records for ONR's
/// duplicate search when the input has the names and birth dates it needs.
fn read_persons(path: &Path) -> anyhow::Result<(Persons, Option<Vec<PersonRecord>>)> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        let persons: Vec<onr_core::person::Person> =
            serde_json::from_str(onr_core::input::strip_bom(&text))
                .with_context(|| format!("{}: not a JSON array of persons", path.display()))?;
        let records = persons
            .iter()
            .map(|p| PersonRecord {
                id: p.oid.clone(),
                etunimet: Some(p.etunimet.clone()),
                kutsumanimi: Some(p.kutsumanimi.clone()),
                sukunimi: Some(p.sukunimi.clone()),
                syntymaaika: p.syntymaaika,
                passivoitu: p.passivoitu,
                duplicate: p.duplicate,
            })
            .collect();
        return Ok((
            Persons::new(persons.iter().map(ExistingPerson::from).collect()),
            Some(records),
        ));
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(BufReader::new(file));
    let headers = reader
        .headers()
        .with_context(|| format!("cannot read the header line of {}", path.display()))?
        .clone();
    let col = |names: &[&str]| {
        headers.iter().position(|h| {
            let h = h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase();
            names.contains(&h.as_str())
        })
    };
    let oid = col(&["oid", "oidhenkilo", "oid_henkilo"])
        .with_context(|| format!("{}: no `oid` column in the header line", path.display()))?;
    let hetu = col(&["hetu"]);
    let history = col(&["hetu_history", "kaikkihetut", "kaikki_hetut"]);
    let passports = col(&["passinumerot", "passinumero"]);
    let emails = col(&["sahkopostit", "sahkoposti"]);
    let etunimet = col(&["etunimet"]);
    let sukunimi = col(&["sukunimi"]);
    let kutsumanimi = col(&["kutsumanimi"]);
    let syntymaaika = col(&["syntymaaika"]);
    let passivoitu = col(&["passivoitu"]);
    let duplicate = col(&["duplicate", "duplikaatti"]);
    let searchable = etunimet.is_some() && sukunimi.is_some() && kutsumanimi.is_some();
    let mut records = (searchable && syntymaaika.is_some()).then(Vec::new);
    let mut persons = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: record {}", path.display(), i + 1))?;
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or_default();
        let list = |c: Option<usize>| {
            get(c)
                .split(';')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        if let Some(records) = &mut records {
            let date = get(syntymaaika).trim();
            let syntymaaika = if date.is_empty() {
                None
            } else {
                Some(
                    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").with_context(|| {
                        format!(
                            "{}: record {}: syntymaaika is not YYYY-MM-DD",
                            path.display(),
                            i + 1
                        )
                    })?,
                )
            };
            let flag = |c: Option<usize>| {
                matches!(
                    get(c).trim().to_ascii_lowercase().as_str(),
                    "true" | "1" | "t" | "yes"
                )
            };
            records.push(PersonRecord {
                id: get(Some(oid)).to_owned(),
                etunimet: Some(get(etunimet).to_owned()),
                kutsumanimi: Some(get(kutsumanimi).to_owned()),
                sukunimi: Some(get(sukunimi).to_owned()),
                syntymaaika,
                passivoitu: flag(passivoitu),
                duplicate: flag(duplicate),
            });
        }
        persons.push(ExistingPerson {
            oid: get(Some(oid)).to_owned(),
            hetu: Some(get(hetu).to_owned()).filter(|h| !h.is_empty()),
            hetu_history: list(history),
            passinumerot: list(passports),
            sahkopostit: list(emails),
            etunimet: get(etunimet).to_owned(),
            sukunimi: get(sukunimi).to_owned(),
        });
    }
    Ok((Persons::new(persons), records))
}

struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(size: Option<u64>) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match size {
            Some(n) => {
                let bar = indicatif::ProgressBar::new(n);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} {bytes}/{total_bytes} {wide_bar} {pos:>3}% {msg}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                bar
            }
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        Progress { bar: Some(bar) }
    }

    fn bytes(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
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
        Ok(n)
    }
}

struct ReportWriter {
    format: ReportFormat,
    env: Environment,
    lang: Lang,
    file: String,
    problems_only: bool,
    existing: Option<usize>,
    started: bool,
    unknown_columns: Vec<String>,
}

impl ReportWriter {
    fn new(args: &Args, env: Environment, lang: Lang, existing: Option<usize>) -> ReportWriter {
        ReportWriter {
            format: args.format,
            env,
            lang,
            file: args.file.display().to_string(),
            problems_only: args.problems_only,
            existing,
            started: false,
            unknown_columns: Vec::new(),
        }
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
                    "{} ({} environment{})",
                    self.file,
                    self.env,
                    match self.existing {
                        Some(n) => format!(", {n} existing persons"),
                        None => ", no existing persons given".into(),
                    }
                )?;
                if !self.unknown_columns.is_empty() {
                    writeln!(out, "ignored columns: {}", self.unknown_columns.join(", "))?;
                }
            }
        }
        Ok(())
    }

    fn row(&mut self, out: &mut impl Write, r: &RowReport) -> anyhow::Result<()> {
        let first = !self.started;
        self.start(out)?;
        match self.format {
            ReportFormat::Json => {
                if !first {
                    out.write_all(b",")?;
                }
                out.write_all(b"\n  ")?;
                serde_json::to_writer(&mut *out, &row_json(r, self.lang))?;
            }
            ReportFormat::Text => {
                if self.problems_only && r.errors.is_empty() && r.warnings.is_empty() {
                    return Ok(());
                }
                self.row_text(out, r)?;
            }
        }
        Ok(())
    }

    fn row_text(&self, out: &mut impl Write, r: &RowReport) -> anyhow::Result<()> {
        let mut place: Vec<String> = Vec::new();
        if let Some(l) = r.line {
            place.push(format!("line {l}"));
        }
        if let Some(t) = &r.tunniste {
            place.push(format!("tunniste {t}"));
        }
        let line = if place.is_empty() {
            String::new()
        } else {
            format!(" ({})", place.join(", "))
        };
        let verdict = match r.verdict() {
            Verdict::Accepted => "accepted",
            Verdict::Rejected => "REJECTED",
        };
        writeln!(
            out,
            "row {}{line}: {verdict}, {}",
            r.index,
            action_text(&r.action)
        )?;
        for e in &r.errors {
            let onr = e
                .onr_message()
                .map(|m| format!(" \"{m}\""))
                .unwrap_or_default();
            writeln!(
                out,
                "  error    {}  {}{onr}: {}",
                e.field,
                e.key(),
                e.message(self.lang)
            )?;
        }
        for w in &r.warnings {
            write!(out, "  warning  {}  {}", w.code(), w.message(self.lang))?;
            if matches!(w, Lint::ExistingDuplicates { .. }) {
                let list: Vec<String> = r
                    .duplicate_candidates
                    .iter()
                    .map(|c| format!("{} ({})", c.oid, c.similarity))
                    .collect();
                write!(out, ": {}", list.join(", "))?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(
        &mut self,
        out: &mut impl Write,
        batch_errors: &[OnrError],
        s: &Summary,
    ) -> anyhow::Result<()> {
        let first = !self.started;
        self.start(out)?;
        match self.format {
            ReportFormat::Json => {
                if !first {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"],\n\"batch_errors\": ")?;
                let errors: Vec<Value> = batch_errors.iter().map(error_json).collect();
                serde_json::to_writer(&mut *out, &errors)?;
                out.write_all(b",\n\"summary\": ")?;
                serde_json::to_writer_pretty(&mut *out, &s.report(self.env, self.lang))?;
                out.write_all(b"}\n")?;
            }
            ReportFormat::Text => {
                if s.duplicates_skipped {
                    writeln!(
                        out,
                        "likely duplicates: not searched (more rows than --max-duplicate-rows)"
                    )?;
                }
                if !s.row_warnings.is_empty() {
                    writeln!(out, "likely duplicates (the whole batch compared):")?;
                }
                for (index, w) in &s.row_warnings {
                    writeln!(
                        out,
                        "row {index}: warning  {}  {}",
                        w.code(),
                        w.message(self.lang)
                    )?;
                }
                for e in batch_errors {
                    writeln!(
                        out,
                        "batch error  {}  {}  {}",
                        e.field,
                        e.key(),
                        e.message(self.lang)
                    )?;
                }
                writeln!(
                    out,
                    "\nsummary: {} rows, {} accepted, {} rejected, {} with warnings; {} batch errors",
                    s.rows, s.accepted, s.rejected, s.with_warnings, s.batch_errors
                )?;
                let answer = match s.response.stage() {
                    None => "200, the batch is accepted".to_owned(),
                    Some(stage) => format!(
                        "{} ({}), nothing is imported",
                        stage.http_status(),
                        stage.as_str().replace('_', " ")
                    ),
                };
                writeln!(out, "  ONR answers: {answer}")?;
                let list = |m: &std::collections::BTreeMap<&'static str, usize>| {
                    let mut v: Vec<(&&str, &usize)> = m.iter().collect();
                    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                    v.iter()
                        .map(|(k, n)| format!("{k} {n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                writeln!(out, "  actions: {}", list(&s.actions))?;
                if s.conflicts > 0 {
                    writeln!(out, "  name conflicts: {}", s.conflicts)?;
                }
                if !s.errors_by_key.is_empty() {
                    writeln!(out, "  errors: {}", list(&s.errors_by_key))?;
                }
                if !s.warnings_by_code.is_empty() {
                    writeln!(out, "  warnings: {}", list(&s.warnings_by_code))?;
                }
            }
        }
        Ok(())
    }
}

fn action_text(a: &Action) -> String {
    use onr_core::import::action::ActionKind as K;
    let by = a.by.map(|b| b.as_str()).unwrap_or("?");
    let maybe = a
        .maybe
        .iter()
        .map(|k| k.field())
        .collect::<Vec<_>>()
        .join("/");
    let mut s = match a.kind {
        K::None => "nothing is imported".to_owned(),
        K::Match => format!(
            "attached to existing person {} (by {by})",
            a.oid.as_deref().unwrap_or("?")
        ),
        K::SameAsRow => format!("same person as row {} (by {by})", a.row.unwrap_or(0)),
        K::Create => "a new person is created".to_owned(),
        K::MatchOrCreate => {
            format!("an existing person if ONR knows the {maybe}, else a new person")
        }
        K::MatchOrSameAsRow => format!(
            "an existing person if ONR knows the {maybe}, else the person of row {} (by {by})",
            a.row.unwrap_or(0)
        ),
    };
    if a.conflict == Some(true) {
        s.push_str(", flagged as a name conflict");
    }
    s
}

fn error_json(e: &OnrError) -> Value {
    json!({"field": e.field, "key": e.key(), "message": e.onr_message()})
}

fn row_json(r: &RowReport, lang: Lang) -> Value {
    let a = &r.action;
    json!({
        "index": r.index,
        "line": r.line,
        "verdict": r.verdict().as_str(),
        "errors": r.errors.iter().map(error_json).collect::<Vec<_>>(),
        "warnings": r.warnings.iter().map(|w| warning_json(r, w, lang)).collect::<Vec<_>>(),
        "action": {
            "kind": a.kind.as_str(),
            "by": a.by.map(|b| b.as_str()),
            "oid": a.oid,
            "row": a.row,
            "maybe": a.maybe.iter().map(|k| k.field()).collect::<Vec<_>>(),
            "conflict": a.conflict,
        },
    })
}

fn warning_json(r: &RowReport, w: &Lint, lang: Lang) -> Value {
    let mut v = json!({"code": w.code(), "message": w.message(lang)});
    if matches!(w, Lint::ExistingDuplicates { .. }) {
        v["candidates"] = r
            .duplicate_candidates
            .iter()
            .map(|c| json!({"oid": c.oid, "similarity": c.similarity}))
            .collect();
    }
    v
}
