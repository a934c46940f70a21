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


def import_report(batch: dict[str, object]) -> List[str]:
    report: onr.import_check.CheckReport = onr.check_import(batch, env="test")
    refused: bool = report["summary"]["onr"]["status"] != 200
    matched: List[Optional[str]] = [r["action"]["oid"] for r in report["rows"] if r["action"]["kind"] == "match"]
    pairs: List[tuple[int, int]] = [(p["a"], p["b"]) for p in report["likely_duplicates"]]
    del refused, matched, pairs
    return [e["key"] for r in report["rows"] for e in r["errors"]]


def linking(persons: List[onr.Person]) -> List[str]:
    reg = onr.linking.Registry()
    reg.extend_persons(persons)
    outcome: onr.linking.Outcome = reg.link(persons[0].oid, [p.oid for p in persons[1:]])
    created: List[str] = [link["slave"] for link in outcome["links_created"]]
    flips: List[bool] = [c["to"] for c in outcome["flag_changes"] if c["flag"] == "duplicate"]
    for lint in outcome["lints"]:
        if lint["kind"] == "duplicate_link_row":
            created.append(lint["master"])  # narrowed to LinkRowLint: master and slave
        elif lint["kind"] == "silent_reactivation":
            created.append(lint["oid"])
    reg.change_feed_entries(reg.unlink(persons[0].oid, persons[1].oid))
    for v in reg.check() + onr.linking.check_links([("A", "B")]):
        if v["kind"] == "cycle":
            created.extend(v["oids"])
        elif v["kind"] == "several_masters":
            created.append(v["slave"])
        code: str = v["code"]
        del code
    view: onr.client.Student = reg.yleistunniste(persons[1].oid)
    record: onr.linking.PersonDict = persons[0].to_dict()
    born: Optional[str] = record["syntymaaika"]
    ids: List[onr.linking.IdpEntityId] = [i["idpEntityId"] for i in record["identifications"]]
    pairs: List[str] = [d["masterOid"] for d in reg.duplicate_henkilos()]
    unknown = outcome["no_such_key"]  # type: ignore[typeddict-item]
    del flips, view, born, ids, pairs, unknown
    return created


def names(onr_first: str, onr_last: str, vtj_first: str, vtj_last: str) -> List[float]:
    out: List[float] = [onr.name_match.surname(onr_last, vtj_last)["similarity"]]
    first = onr.name_match.first_names(onr_first, vtj_first)
    if first["rule"] == "similar_tokens":
        out.append(first["similarity"])
    elif first["rule"] == "different":
        out.append(first["best_similarity"])
    both = onr.name_match.names_match(onr_first, onr_last, vtj_first, vtj_last)
    out.append(both["surname_similarity"])
    if both["verdict"] == "first_names_differ":
        out.append(both["best_first_name_similarity"])
    v = onr.name_match.identification(onr_first, onr_last, vtj_first, vtj_last, former_surnames=["Old"])
    if v["verdict"] == "match":
        swapped: bool = v["swapped"]
        former: Optional[int] = None if v["vtj_surname"] == "current" else v["vtj_surname"]["former"]
        del swapped, former
    elif v["verdict"] == "mismatch":
        out.append(v["direct"]["surname_similarity"])
    ok: bool = v["is_match"]
    del ok
    return out
