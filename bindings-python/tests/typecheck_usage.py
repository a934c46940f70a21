"""Checked by ``mypy --strict`` in scripts/test-python.sh (not run): the public API's types as a
user's code sees them."""

from __future__ import annotations

import datetime
from typing import List, Optional

import onr
from onr import Hetu, HetuError, Oid, Sex, hetu, oid


def clean(values: List[str]) -> List[Optional[datetime.date]]:
    ok: bool = hetu.is_valid(values[0], env="test")
    parsed: Hetu = hetu.validate(values[0])
    sex: Sex = parsed.sex
    results = hetu.validate_many(values, env=onr.Environment.TEST, today=datetime.date.today())
    codes: List[Optional[str]] = results.codes
    first: Optional[onr.hetu.HetuResult] = results[0]  # None for a missing input
    with_gaps = hetu.validate_many([values[0], None, float("nan")])
    valid: List[Optional[bool]] = with_gaps.valid
    cols: onr.hetu.HetuColumns = hetu.validate_columns(values)
    try:
        Hetu.parse_strict(values[0])
    except HetuError as err:
        message: str = err.message("fi")
        position: Optional[int] = err.position
        del message, position
    o: Oid = oid.validate("1.2.246.562.24.25909319372")
    node: int = o.node
    del ok, sex, codes, first, node, valid
    return cols["birth_date"] + [r.birth_date if r is not None else None for r in results]


def duplicates(ids: List[str], texts: List[Optional[str]]) -> List[tuple[str, str, float]]:
    query: onr.TrigramSet = onr.trigram.TrigramSet("Anna Virtanen", form="onr")
    size: int = len(query)
    shown: List[str] = query.trigrams()
    s: float = query.similarity(onr.TrigramSet("anna")) + query.similarity_to("Anna", form="onr")
    index = onr.DuplicateIndex.from_texts(ids, texts, 0.5, form="onr")
    found: List[tuple[str, float]] = index.find_set(query)
    seen: List[int] = []

    def report(done: int, total: int) -> None:
        seen.append(done)

    batch = onr.DuplicateIndex.from_texts(ids, texts)
    across: List[tuple[str, str, float]] = index.pairs_with(batch, progress=report)
    for chunk in index.pair_chunks_with(batch, columns=True):
        positions: List[int] = chunk["a"]
        del positions
    del size, shown, s, found
    return index.pairs(progress=report) + index.pairs() + across


def yleistunniste(client: onr.client.Client, rows: List[dict[str, object]]) -> List[Optional[str]]:
    report: onr.client.YleistunnisteReport = client.yleistunniste_send({"henkilot": rows}, only_accepted=True)
    held: List[str] = [r for h in report["held_back"] for r in h["reasons"]]
    status: onr.client.ImportStatus = client.yleistunniste_status(report["chunks"][0]["id"])
    results: onr.client.YleistunnisteResults = client.yleistunniste_results(status["id"])
    outcome = client.yleistunniste_hae("010101A900R", "Aino", "Aino", "Virtanen")
    rejected: bool = outcome["outcome"] == "rejected"
    del held, rejected
    numbers: List[Optional[str]] = []
    for row in results["henkilot"]:
        person: Optional[onr.client.Student] = row["henkilo"]
        numbers.append(person["oppijanumero"] if person is not None else None)
    return numbers
