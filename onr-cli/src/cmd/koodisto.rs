//! `onr koodisto update --out FILE`: the current code lists of OPH's koodisto service (public:
//! no credentials, only `--caller-id`), written as a koodisto file that `onr check --koodisto`
//! reads; and the loading of such a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use onr_client::koodisto::{KoodistoReader, LISTS};
use onr_core::error::Coded;
use onr_core::import::koodisto::Koodisto;

use super::send::{coded, Endpoint};

/// `onr koodisto ...`.
#[derive(clap::Subcommand, Debug)]
pub enum KoodistoCommand {
    /// Read the current sukupuoli, kieli and maatjavaltiot2 lists from koodisto and write them
    /// to a file for `onr check --koodisto` (and Python's `check_import(koodisto=PATH)`, Java's
    /// `ImportCheck.Options.withKoodistoFile(path)`).
    Update(UpdateArgs),
}

/// `onr koodisto update`.
#[derive(clap::Args, Debug)]
pub struct UpdateArgs {
    /// The file to write (replaced only when every list was read).
    #[arg(long)]
    pub out: PathBuf,
    // Koodisto is public: no credentials, only the Caller-Id.
    #[command(flatten)]
    pub endpoint: Endpoint,
}

pub fn run(cmd: &KoodistoCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        KoodistoCommand::Update(a) => update(a),
    }
}

fn update(args: &UpdateArgs) -> anyhow::Result<ExitCode> {
    let (target, caller, options) = args.endpoint.resolve()?;
    let file = KoodistoReader::new(&target, caller, &options)
        .fetch()
        .map_err(coded)?;
    let tmp = args.out.with_extension("tmp");
    std::fs::write(&tmp, file.to_json())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &args.out)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    let bundled = Koodisto::bundled();
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "onr: wrote {} (from {})",
        args.out.display(),
        file.source
    )?;
    for uri in LISTS {
        let codes = &file.lists[uri];
        let list = bundled
            .list(uri)
            .with_context(|| format!("the bundled koodisto has no list {uri}"))?;
        let new: Vec<&str> = codes
            .iter()
            .map(|c| c.koodi.as_str())
            .filter(|c| !list.contains(c))
            .collect();
        let gone = list.len().saturating_sub(codes.len() - new.len());
        writeln!(
            err,
            "  {uri}: {} codes; not in the bundled list: {}; bundled codes missing: {gone}",
            codes.len(),
            if new.is_empty() {
                "none".to_owned()
            } else {
                new.join(", ")
            }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The code lists: a koodisto file's, or the bundled ones.
///
/// # Errors
///
/// A file that cannot be read, or is not a koodisto file (with the `koodisto.file.*` code).
pub fn load(path: Option<&Path>) -> anyhow::Result<Koodisto> {
    let Some(path) = path else {
        return Ok(Koodisto::bundled());
    };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Koodisto::from_file_text(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e} [{}]", path.display(), e.code()))
}
