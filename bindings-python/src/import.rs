//! `onr.check_import`: onr-core's `import` check of a whole batch, converted. The report has
//! the shape of `onr check --format json`'s `rows`, `batch_errors` and `summary` (onr-core's
//! serde views); `likely_duplicates` names rows by index (the CLI adds each row's line and
//! `tunniste`, which Python has in `rows`), and the CLI's `input` and `action.text` are its own.

use onr_core::import::action::ExistingPerson;
use onr_core::import::existing::{self, ExistingFile, ExistingFormat};
use onr_core::import::person_rules::KutsumanimiRule;
use onr_core::import::{checker::check_json, report::ErrorView};
use onr_core::input::Encoding;
use onr_core::similarity::duplicates::ThresholdError;
use std::collections::HashMap;

use onr_core::import::koodisto::{CodeList, Koodisto};
use onr_core::import::{CheckOptions, CheckSetup};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde_json::{json, Value};

use crate::convert::{self, detached, guard};
use crate::person::Person;
use crate::{errors, json};

/// ONR's verdict on a whole import batch (``PUT /oppija``) before it is sent: every row's
/// errors (ONR's answer for the row, exactly: field, key and message of the first stage that
/// fails), ``later`` (what ONR answers once those are fixed, each with its ``stage``),
/// warnings (what ONR accepts but loses or mixes up) and predicted action, the batch-level
/// errors, the rows that are likely the same person (``likely_duplicates``: each pair once,
/// ``a < b``, as ``onr check`` lists them), and a summary with ONR's HTTP answer
/// (``summary["onr"]``) and its errors (``summary["answer"]``: of values ONR cannot read only
/// the first, as ONR names it). The report's shape is the TypedDict
/// ``onr.import_check.CheckReport``.
///
/// ``batch`` is the request body: JSON text or the same as a ``dict``
/// (``{"sahkoposti": ..., "henkilot": [{"tunniste": ..., "henkilo": {...}}]}``). ``existing``
/// are the persons ONR already has, for the predicted matches and name conflicts: ``onr.Person``
/// items, or the path (``str`` or ``os.PathLike``) of an existing-persons file as
/// ``onr check --existing`` reads it (read by onr-core: a ``.json`` file is an array of ONR
/// person records, any other file a CSV with an ``oid`` column; with names and birth dates
/// rows also get ONR's duplicate candidates, ``import.lint.existing_duplicates``; a bad file
/// raises ``onr.OnrError`` with an ``import.existing.*``, ``input.*`` or ``cell.*`` code).
/// ``kutsumanimi_rule`` is ``"service"`` (the import's own), ``"existence_check"`` or
/// ``"ui"``; ``lang`` the language of the warnings; ``koodisto`` replaces bundled code lists
/// (``{"kieli" | "maatjavaltiot2" | "sukupuoli": [codes]}``), or is the path (``str`` or
/// ``os.PathLike``) of a koodisto file written by ``onr koodisto update``, read by onr-core
/// (a bad file raises ``onr.OnrError`` with a ``koodisto.file.*`` code). Text that is not a JSON object raises
/// ``onr.ImportBatchError`` (as ONR answers it with HTTP 400).
///
/// >>> import onr
/// >>> anna = {"hetu": "131052-308T", "etunimet": "Anna", "kutsumanimi": "Anna",
/// ...         "sukunimi": "Virtanen", "kansalaisuus": [{"koodi": "246"}]}
/// >>> batch = {"henkilot": [{"tunniste": "1", "henkilo": anna},
/// ...                       {"tunniste": "2", "henkilo": {"etunimet": "Pekka"}}]}
/// >>> report = onr.check_import(batch)
/// >>> [r["verdict"] for r in report["rows"]], report["summary"]["onr"]["status"]
/// (['accepted', 'rejected'], 400)
/// >>> report["rows"][1]["errors"][0]["key"]
/// 'ValidateAtLeastOneNotNull'
/// >>> known = onr.Person("1.2.246.562.24.10000000003", hetu="131052-308T",
/// ...                    etunimet="Anna", sukunimi="Virtanen")
/// >>> onr.check_import({"henkilot": batch["henkilot"][:1]}, existing=[known])["rows"][0]["action"]["kind"]
/// 'match'
#[pyfunction]
#[pyo3(
    signature = (batch, /, env = None, existing = None, kutsumanimi_rule = "service", lang = None, koodisto = None),
    text_signature = "(batch, /, env='production', existing=None, kutsumanimi_rule='service', lang='en', koodisto=None)"
)]
pub fn check_import<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    env: Option<&Bound<'py, PyAny>>,
    existing: Option<&Bound<'py, PyAny>>,
    kutsumanimi_rule: &str,
    lang: Option<&Bound<'py, PyAny>>,
    koodisto: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let mut codes = Koodisto::bundled();
        let lists: HashMap<String, Vec<String>> = match koodisto {
            None => HashMap::new(),
            Some(k) => match k.extract::<HashMap<String, Vec<String>>>() {
                Ok(lists) => lists,
                Err(_) => {
                    let path: std::path::PathBuf = k.extract().map_err(|_| {
                        PyTypeError::new_err(
                            "koodisto must be a mapping of code lists or the path of a koodisto file",
                        )
                    })?;
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        pyo3::exceptions::PyOSError::new_err(format!(
                            "cannot read {}: {e}",
                            path.display()
                        ))
                    })?;
                    codes = Koodisto::from_file_text(&text)
                        .map_err(|e| errors::coded(py, "OnrError", &e))?;
                    HashMap::new()
                }
            },
        };
        for (uri, list) in lists {
            codes
                .replace(CodeList::from_codes(&uri, list))
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
        }
        let env = convert::environment(env)?;
        let lang = convert::lang(lang)?;
        let rule: KutsumanimiRule = kutsumanimi_rule.parse().map_err(
            |e: onr_core::import::person_rules::UnknownRule| {
                PyValueError::new_err(format!("kutsumanimi_rule: {e}, found {kutsumanimi_rule:?}"))
            },
        )?;
        let text: String = if let Ok(s) = batch.cast::<PyString>() {
            convert::str_text(s)?.into_owned()
        } else if batch.hasattr("keys")? {
            let json_module = py.import("json")?;
            let default = py.import("onr._convert")?.getattr("json_default")?;
            let kwargs = pyo3::types::PyDict::new(py);
            kwargs.set_item("default", default)?;
            json_module
                .call_method("dumps", (batch,), Some(&kwargs))?
                .extract()?
        } else {
            return Err(PyTypeError::new_err(format!(
                "batch must be JSON text (str) or a dict, not {}",
                convert::type_name(batch)
            )));
        };
        let existing: Option<ExistingFile> = match existing {
            Some(e) if e.is_instance_of::<PyString>() || e.hasattr("__fspath__")? => {
                let path: std::path::PathBuf = e.extract()?;
                let bytes = std::fs::read(&path).map_err(|err| {
                    pyo3::exceptions::PyOSError::new_err(format!(
                        "cannot read {}: {err}",
                        path.display()
                    ))
                })?;
                let format = ExistingFormat::of_file_name(&path.to_string_lossy());
                let file = detached(py, move || existing::read(bytes, format, Encoding::Utf8))?
                    .map_err(|err| errors::coded(py, "OnrError", &err))?;
                Some(file)
            }
            Some(e) if !e.is_none() => {
                let mut all = Vec::new();
                for item in e.try_iter()? {
                    let item = item?;
                    let person = item.cast::<Person>().map_err(|_| {
                        PyTypeError::new_err(format!(
                            "existing expects onr.Person items, not {}",
                            convert::type_name(&item)
                        ))
                    })?;
                    all.push(ExistingPerson::from(&person.get().0));
                }
                Some(ExistingFile {
                    persons: all,
                    records: None,
                })
            }
            _ => None,
        };
        let options = CheckOptions {
            env,
            kutsumanimi_rule: rule,
            ..CheckOptions::default()
        };
        let checked = detached(py, move || {
            // onr-core's one setup, as `onr check` and Java build it: an index that cannot be
            // built is an error here too.
            let setup = CheckSetup::with_existing_file(codes, options, existing)?;
            let mut rows = Vec::new();
            Ok::<_, ThresholdError>(
                check_json(&text, setup.checker(), |r| {
                    rows.push(serde_json::to_value(r.report(lang)).unwrap_or(Value::Null))
                })
                .map(|(batch_errors, summary)| {
                    json!({
                        "rows": rows,
                        "batch_errors": batch_errors
                            .iter()
                            .map(|e| ErrorView::of(e, false, lang))
                            .collect::<Vec<_>>(),
                        "likely_duplicates": summary.likely_duplicates(),
                        "summary": summary.report(env, lang),
                    })
                }),
            )
        })?
        .map_err(|e| errors::coded(py, "SimilarityError", &e))?;
        match checked {
            Ok(report) => json::to_py(py, &report),
            Err(e) => Err(errors::coded(py, "ImportBatchError", &e)),
        }
    })
}
