"""The typed shape of ``onr.check_import``'s report (``onr check --format json``'s ``rows``,
``batch_errors`` and ``summary``; ``likely_duplicates`` gives row indices where the CLI gives
each row's index, line and ``tunniste``).

``check_import`` returns plain dicts, written by onr-core's serde views of its report
(``RowReport::report``, ``Summary::report``, ``Summary::likely_duplicates``); the TypedDicts
below name every key and the values each can take, so a type checker sees typos and
``Literal`` comparisons. Every key is always present.

>>> import onr
>>> from onr.import_check import CheckReport
>>> row = {"tunniste": "1", "henkilo": {"hetu": "131052-308T", "etunimet": "Anna",
...        "kutsumanimi": "Anna", "sukunimi": "Virtanen", "kansalaisuus": [{"koodi": "246"}]}}
>>> report: CheckReport = onr.check_import({"henkilot": [row]})
>>> report["rows"][0]["verdict"], report["rows"][0]["action"]["kind"], report["likely_duplicates"]
('accepted', 'match_or_create', [])
"""

from __future__ import annotations

from typing import Dict, List, Literal, Optional, TypedDict, Union

__all__ = [
    "Action",
    "ActionKind",
    "CheckReport",
    "DuplicateCandidate",
    "ExistingDuplicatesLint",
    "IdField",
    "LaterError",
    "LikelyDuplicate",
    "Lint",
    "MatchBy",
    "OnrAnswer",
    "OnrErrorView",
    "RowReport",
    "RowWarning",
    "Stage",
    "Summary",
]

#: The validation stage of ONR's request stack that gives an error.
Stage = Literal["deserialization", "bean_validation", "post_validation", "server"]
#: What ONR will do with a row.
ActionKind = Literal["none", "match", "same_as_row", "create", "match_or_create", "match_or_same_as_row"]
#: The identifier an existing person is found by (``hetu_history``: a former hetu).
MatchBy = Literal["oid", "hetu", "hetu_history", "passinumero", "sahkoposti"]
#: An identifier field of an import row.
IdField = Literal["oid", "hetu", "passinumero", "sahkoposti"]


class OnrErrorView(TypedDict):
    """One of ONR's errors: its field path, key and message exactly, with onr-core's code and
    an explanation in the requested language."""

    field: str
    key: str
    message: Optional[str]
    code: str
    explanation: str


class LaterError(OnrErrorView):
    """An error ONR gives once the row's ``errors`` are fixed, with the stage that gives it."""

    stage: Stage


class DuplicateCandidate(TypedDict):
    """An existing person ONR's duplicate search lists for a row."""

    oid: str
    similarity: float


class Lint(TypedDict):
    """A lint (``import.lint.*``): something ONR accepts but loses or mixes up."""

    code: str
    message: str


class ExistingDuplicatesLint(TypedDict):
    """``import.lint.existing_duplicates``, with the existing persons it lists."""

    code: Literal["import.lint.existing_duplicates"]
    message: str
    candidates: List[DuplicateCandidate]


class Action(TypedDict):
    """What ONR will do with the row: the kind, what it matches by, the existing person's OID
    or the earlier row of the same person, the identifiers that may match, and whether ONR
    stores a name conflict (``None``: unknown)."""

    kind: ActionKind
    by: Optional[MatchBy]
    oid: Optional[str]
    row: Optional[int]
    maybe: List[IdField]
    conflict: Optional[bool]


class RowReport(TypedDict):
    """ONR's verdict on one row: its answer (``errors``, one stage), what it answers after
    (``later``), the warnings and the predicted action."""

    index: int
    line: Optional[int]
    tunniste: Optional[str]
    verdict: Literal["accepted", "rejected"]
    stage: Optional[Stage]
    errors: List[OnrErrorView]
    later: List[LaterError]
    warnings: List[Union[ExistingDuplicatesLint, Lint]]
    action: Action


class LikelyDuplicate(TypedDict):
    """Two rows of the batch that are likely the same person: each pair once, ``a < b``."""

    a: int
    b: int
    similarity: float


class RowWarning(TypedDict):
    """A warning that needs the whole batch (``import.lint.likely_duplicate``), by row."""

    index: int
    code: str
    message: str
    row: Optional[int]
    similarity: Optional[float]


class OnrAnswer(TypedDict):
    """ONR's HTTP answer to the whole batch."""

    status: int
    stage: Optional[Stage]
    accepted: bool


class Summary(TypedDict):
    """Counts over the batch and ONR's answer to it."""

    environment: Literal["production", "test"]
    rows: int
    accepted: int
    rejected: int
    with_warnings: int
    batch_errors: int
    conflicts: int
    actions: Dict[ActionKind, int]
    errors_by_key: Dict[str, int]
    warnings_by_code: Dict[str, int]
    duplicates_skipped: bool
    row_warnings: List[RowWarning]
    onr: OnrAnswer
    answer: List[OnrErrorView]
    answer_errors: int


class CheckReport(TypedDict):
    """``onr.check_import``'s report of a whole batch."""

    rows: List[RowReport]
    batch_errors: List[OnrErrorView]
    likely_duplicates: List[LikelyDuplicate]
    summary: Summary
