//! Help for dirty data: `normalize` (cleaning a hetu-like text) and `suggest` (valid codes one
//! typo away), converted.

use onr_core::hetu::{self as core, Change, Edit};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{self, guard};

use super::Hetu;

/// The result of ``normalize``: the cleaned ``value`` (not validated) and the ``changes``
/// made, as ``onr.Change`` members. ``repr`` shows only the length of the value.
#[pyclass(module = "onr.hetu", name = "Normalized", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Normalized {
    value: String,
    changes: Vec<Change>,
}

#[pymethods]
impl Normalized {
    /// The cleaned text.
    #[getter]
    fn value(&self) -> &str {
        &self.value
    }

    /// What was changed, in the order trimmed, dash replaced, ASCII folded, uppercased.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        guard(py, || {
            let members = self
                .changes
                .iter()
                .map(|c| convert::enum_member(py, "Change", c.as_str()))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, members)
        })
    }

    /// Whether nothing was changed.
    #[getter]
    fn unchanged(&self) -> bool {
        self.changes.is_empty()
    }

    fn __repr__(&self) -> String {
        format!("{self:?}")
    }
}

impl std::fmt::Debug for Normalized {
    /// Shows only the length of the value, which is likely a hetu.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<String> = self
            .changes
            .iter()
            .map(|c| format!("'{}'", c.code()))
            .collect();
        let comma = if codes.len() == 1 { "," } else { "" };
        write!(
            f,
            "Normalized(value=<{} chars>, changes=({}{comma}))",
            self.value.chars().count(),
            codes.join(", ")
        )
    }
}

/// Cleans a hetu-like text as a person would read it: trims whitespace, turns look-alike dashes
/// into ``-``, full-width and other Unicode digits, letters and plus signs into ASCII, and
/// uppercases. Never validates: ONR itself does none of this.
///
/// >>> from onr import hetu
/// >>> n = hetu.normalize(" 131052–308t ")
/// >>> n.value, [c.value for c in n.changes]
/// ('131052-308T', ['trimmed', 'dash_replaced', 'uppercased'])
#[pyfunction]
#[pyo3(signature = (value, /))]
pub fn hetu_normalize(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Normalized> {
    guard(py, || {
        let n = core::normalize(&convert::text(value, "hetu")?);
        Ok(Normalized {
            value: n.value,
            changes: n.changes,
        })
    })
}

/// A valid code one typo away from the input, from ``suggest``: the ``hetu``, the ``edit``
/// (an ``onr.Edit``) and the 0-based ``position`` of the edit (``None`` for
/// ``Edit.NORMALIZED``).
#[pyclass(module = "onr.hetu", name = "Suggestion", frozen, eq, hash)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Suggestion {
    hetu: core::Hetu,
    edit: Edit,
}

#[pymethods]
impl Suggestion {
    /// The suggested code.
    #[getter]
    fn hetu(&self) -> Hetu {
        Hetu(self.hetu)
    }

    /// The kind of typo it undoes.
    #[getter]
    fn edit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::enum_member(py, "Edit", self.edit.as_str()))
    }

    /// The 0-based position of the edit (the first of two swapped characters).
    #[getter]
    fn position(&self) -> Option<u8> {
        self.edit.position()
    }

    fn __repr__(&self) -> String {
        match self.edit {
            Edit::Transposition { position } => format!(
                "Suggestion(hetu={:?}, edit='transposition', position={position})",
                self.hetu
            ),
            Edit::Substitution { position } => format!(
                "Suggestion(hetu={:?}, edit='substitution', position={position})",
                self.hetu
            ),
            _ => format!("Suggestion(hetu={:?}, edit='normalized')", self.hetu),
        }
    }
}

/// Valid codes one typo away from an invalid input (one substituted character or one swap of
/// adjacent characters), best first, at most ``max``; checked with the strict rules for
/// ``env``. A valid input gets none.
///
/// >>> from onr import hetu
/// >>> best = hetu.suggest("131052-3O8T")[0]
/// >>> str(best.hetu), best.edit.value, best.position
/// ('131052-308T', 'substitution', 8)
#[pyfunction]
#[pyo3(
    signature = (value, /, env = None, max = 3),
    text_signature = "(value, /, env='production', max=3)"
)]
pub fn hetu_suggest(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    env: Option<&Bound<'_, PyAny>>,
    max: usize,
) -> PyResult<Vec<Suggestion>> {
    guard(py, || {
        let env = convert::environment(env)?;
        let text = convert::text(value, "hetu")?;
        Ok(core::suggest(&text, env, max)
            .into_iter()
            .map(|s| Suggestion {
                hetu: s.hetu,
                edit: s.edit,
            })
            .collect())
    })
}
