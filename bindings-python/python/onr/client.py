"""Talking to ONR: send a batch that onr-core checked, follow the imports to the end and audit
ONR's result against the prediction, and read the change feed.

``Client`` is onr-client's (Rust) client: the protocol, the pre-flight check, the polling, the
audit and the feed paging live there, and every call releases the GIL while it waits for the
network. Credentials come from the environment (``ONR_CAS_USERNAME`` + ``ONR_CAS_PASSWORD``, or
``ONR_OAUTH2_CLIENT_ID`` + ``ONR_OAUTH2_CLIENT_SECRET``) or a ``credentials_file`` of
``KEY=VALUE`` lines. Failures raise ``onr.ClientError`` with a stable ``code``.

The results are plain dicts, typed below::

    client = onr.client.Client("1.2.246.562.10.00000000001.my-sis", env="qa")
    report = client.send({"henkilot": [...]}, chunk_size=1000)
    for chunk in report["chunks"]:
        print(chunk["id"], chunk["status"]["kasiteltyja"])
"""

from __future__ import annotations

from typing import List, Literal, Optional, TypedDict

from onr import _onr
from onr._errors import ClientError

__all__ = [
    "AuditDiff",
    "ChunkReport",
    "Client",
    "ClientError",
    "FeedCursor",
    "FeedEntry",
    "FeedRun",
    "FieldError",
    "HaeOutcome",
    "HeldBack",
    "ImportReport",
    "ImportResults",
    "ImportStatus",
    "ResultRow",
    "Student",
    "YleistunnisteChunk",
    "YleistunnisteReport",
    "YleistunnisteResults",
    "YleistunnisteRow",
]

Client = _onr.Client


class ImportStatus(TypedDict):
    """An import's progress (``OppijaTuontiPerustiedotReadDto``)."""

    id: int
    kasiteltavia: int
    kasiteltyja: int
    kasitelty: bool


class ResultRow(TypedDict):
    """A result row: the source's ``tunniste``, the person's ``oid`` and creation time
    (``luotu``, ms since 1970) and ONR's name-conflict flag."""

    tunniste: Optional[str]
    oid: Optional[str]
    luotu: Optional[int]
    conflict: bool


class ImportResults(TypedDict):
    """An import's progress and rows."""

    status: ImportStatus
    rows: List[ResultRow]


class HeldBack(TypedDict):
    """A row the pre-flight check did not send, with ONR's reasons (``field: key``)."""

    index: int
    tunniste: Optional[str]
    reasons: List[str]


class ChunkReport(TypedDict):
    """One import of a batch."""

    id: int
    rows: List[int]
    status: ImportStatus
    restarted: bool
    results: List[ResultRow]


class AuditDiff(TypedDict):
    """A difference between the prediction and ONR's result (code ``audit.*``)."""

    index: int
    tunniste: Optional[str]
    code: str
    detail: str


class ImportReport(TypedDict):
    """The report of ``Client.send`` over every chunk."""

    target: str
    environment: str
    rows: int
    sent: int
    held_back: List[HeldBack]
    chunks: List[ChunkReport]
    audit: List[AuditDiff]


class FeedEntry(TypedDict):
    """A change-feed entry: a changed OID and its master."""

    oid: str
    master: str
    passivoitu: bool


class FeedCursor(TypedDict):
    """Where a reader of the change feed is; save it to resume."""

    since: str
    page: int
    boundary: List[str]
    run_started: Optional[str]


class FeedRun(TypedDict):
    """One run of the change feed."""

    entries: List[FeedEntry]
    cursor: FeedCursor


class FieldError(TypedDict):
    """An error of ONR's body: field path, validation code and message (hetus redacted)."""

    field: str
    code: Optional[str]
    message: Optional[str]


class HaeOutcome(TypedDict, total=False):
    """What ``Client.yleistunniste_hae`` answers: ``outcome`` ``"found"`` with ``oid`` and
    ``oppijanumero``, or ``"not_found"`` (404) / ``"name_mismatch"`` (409) / ``"rejected"``
    (400) with ONR's ``message`` and ``field_errors``."""

    outcome: Literal["found", "not_found", "name_mismatch", "rejected"]
    oid: str
    oppijanumero: Optional[str]
    message: Optional[str]
    field_errors: List[FieldError]


class Student(TypedDict):
    """A person by OID (``FilteredStudent``): its learner number, passivation and linked OIDs."""

    oid: str
    oppijanumero: Optional[str]
    passivoitu: bool
    linked: List[str]


class YleistunnisteRow(TypedDict):
    """A row of a yleistunniste batch's results (``FilteredRow``): the source's ``tunniste``,
    the person's identifiers and ONR's name-conflict flag (``None`` when ONR omits it). No hetu."""

    tunniste: Optional[str]
    henkilo: Optional[Student]
    conflict: Optional[bool]


class YleistunnisteResults(TypedDict):
    """A yleistunniste batch's progress and rows (``FilteredResult``)."""

    id: int
    kasiteltavia: int
    kasiteltyja: int
    kasitelty: bool
    henkilot: List[YleistunnisteRow]


class YleistunnisteChunk(TypedDict):
    """One ``PUT .../yleistunniste`` of a batch."""

    id: int
    rows: List[int]
    status: ImportStatus
    restarted: bool
    results: List[YleistunnisteRow]


class YleistunnisteReport(TypedDict):
    """The report of ``Client.yleistunniste_send`` over every chunk (no hetu in it)."""

    target: str
    environment: str
    rows: int
    sent: int
    held_back: List[HeldBack]
    chunks: List[YleistunnisteChunk]
