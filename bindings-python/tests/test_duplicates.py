"""``onr.similarity``, ``onr.trigram``, ``onr.names`` and ``onr.DuplicateIndex`` over the shared
PostgreSQL vectors (the same files as ``onr-core/tests/pg_vectors.rs``: computed by the real
PostgreSQL 15 with pg_trgm and unaccent), plus the index against brute force."""

from __future__ import annotations

import datetime
import itertools
import random
import struct
from typing import Any, List

import pytest

import onr
from onr import names, trigram

from conftest import VECTORS, read_fixture


def pg_rows(name: str) -> List[List[str]]:
    """A PostgreSQL fixture (no header line), read by the one reader of the vectors."""
    assert (VECTORS / name).read_text(encoding="utf-8").startswith("# source: PostgreSQL")
    return read_fixture(name)


def f32(x: float) -> bytes:
    return struct.pack("<f", x)


def test_trigram_pairs_match_postgres() -> None:
    rows = pg_rows("trigram.tsv")
    assert len(rows) > 2000
    fmt_many = trigram.similarity_many([(r[0], r[1]) for r in rows])
    raw_many = trigram.similarity_many([(r[0], r[1]) for r in rows], form="raw")
    bad = []
    for r, fm, rm in zip(rows, fmt_many, raw_many):
        a, b = r[0], r[1]
        s = onr.similarity(a, b)
        checks = [
            names.duplicate_search_fmt(a) == r[2],
            names.duplicate_search_fmt(b) == r[3],
            f32(trigram.similarity(a, b)) == f32(float(r[4])) == f32(rm),
            f32(s) == f32(float(r[5])) == f32(fm),
            trigram.pg_float4_text(s) == r[6],
            trigram.pg_float4_text(trigram.distance(s)) == r[7],
            trigram.is_similar(s) == (r[8] == "true"),
        ]
        if not all(checks):
            bad.append((a, b, checks))
    assert not bad, bad[:10]


def test_every_unaccent_rule_matches_postgres() -> None:
    rows = pg_rows("unaccent.tsv")
    assert len(rows) == 1650
    bad = [
        r[0]
        for r in rows
        if (names.unaccent(r[1]), names.lower(r[1]), names.duplicate_search_fmt(r[1]), names.unaccent(f"x{r[1]}y"))
        != (r[2], r[3], r[4], r[5])
    ]
    assert not bad, bad[:20]


def test_search_strings() -> None:
    d = datetime.date(1911, 11, 11)
    assert names.stored_search_string("Eino Ilmari", "Eino", "Testiäinen", d) == "eino ilmari eino testiainen 1911-11-11"
    assert names.stored_search_string("A", None, "B", d) is None
    assert names.stored_search_string("A", "A", "B", "1911-11-11") == "a a b 1911-11-11"
    assert names.query_search_string(syntymaaika=datetime.date(2022, 3, 23)) == "2022-03-23"
    assert names.query_search_string("Etu", None, "Suku") == "etu suku "


def people(n: int, seed: int) -> List[dict[str, Any]]:
    rnd = random.Random(seed)
    first = ["Anna", "Anni", "Aino", "Eino", "Matti", "Mathias", "Liisa", "Lisa"]
    last = ["Virtanen", "Wirtanen", "Korhonen", "Mäkinen", "Makinen", "Nieminen"]
    out = []
    for i in range(n):
        f = rnd.choice(first)
        out.append(
            {
                "id": f"p{i}",
                "etunimet": f,
                "kutsumanimi": f,
                "sukunimi": rnd.choice(last),
                "syntymaaika": datetime.date(2000, 1, 1) + datetime.timedelta(days=rnd.randrange(3)),
                "passivoitu": rnd.random() < 0.1,
            }
        )
    return out


def test_index_pairs_equal_brute_force() -> None:
    records = people(120, 7)
    pairs = onr.find_duplicates(records)
    searchable = [r for r in records if not r["passivoitu"]]
    texts = {r["id"]: names.stored_search_string(r["etunimet"], r["kutsumanimi"], r["sukunimi"], r["syntymaaika"]) for r in searchable}
    expected = set()
    for a, b in itertools.combinations(searchable, 2):
        s = onr.similarity(texts[a["id"]] or "", texts[b["id"]] or "")
        if trigram.is_similar(s):
            expected.add((a["id"], b["id"], s))
    assert set(pairs) == expected
    order = {r["id"]: i for i, r in enumerate(records)}
    assert all(order[a] < order[b] for a, b, _ in pairs)


def test_find_is_onrs_query() -> None:
    records = people(200, 3)
    index = onr.DuplicateIndex(records)
    assert len(index) == 200 and index.threshold == 0.5 and index.id(0) == "p0"
    q = records[0]
    found = index.find(q["etunimet"], q["kutsumanimi"], q["sukunimi"], q["syntymaaika"])
    query = names.query_search_string(q["etunimet"], q["kutsumanimi"], q["sukunimi"], q["syntymaaika"])
    expected = []
    for r in records:
        if r["passivoitu"]:
            continue
        stored = names.stored_search_string(r["etunimet"], r["kutsumanimi"], r["sukunimi"], r["syntymaaika"])
        s = onr.similarity(stored or "", query)
        if trigram.is_similar(s):
            expected.append((r["id"], s))
    assert sorted(found, key=lambda c: (-c[1], int(c[0][1:]))) == found
    assert sorted(found) == sorted(expected)
    assert index.find_text(query) == found
    with pytest.raises(IndexError):
        index.id(200)


def test_data_frames_and_errors() -> None:
    import pandas as pd
    import polars as pl

    records = people(50, 1)
    expected = onr.find_duplicates(records)
    assert onr.find_duplicates(pl.DataFrame(records)) == expected
    assert onr.find_duplicates(pd.DataFrame(records)) == expected
    with pytest.raises(onr.SimilarityError) as info:
        onr.DuplicateIndex(records, threshold=1.5)
    assert info.value.code == "similarity.threshold"
    with pytest.raises(TypeError):
        onr.find_duplicates([("p1", "Anna")])
    with pytest.raises(TypeError):
        onr.find_duplicates([{"etunimet": "Anna"}])
    assert repr(onr.DuplicateIndex(records[:3])) == "DuplicateIndex(3 records, threshold=0.5)"


def test_pair_chunks_stream_every_pair_once() -> None:
    # 1,200 identical persons: 719,400 pairs in chunks of at most 65,536, each pair once.
    n = 1200
    index = onr.DuplicateIndex.from_texts([str(i) for i in range(n)], ["Anna Virtanen 2001-01-01"] * n)
    seen = set()
    chunks = 0
    for chunk in index.pair_chunks():
        assert 0 < len(chunk) <= 65536
        chunks += 1
        for a, b, sim in chunk:
            assert sim == 1.0 and int(a) < int(b)
            seen.add((a, b))
    assert len(seen) == n * (n - 1) // 2 and chunks >= 10
    columns = next(iter(index.pair_chunks(columns=True)))
    assert set(columns) == {"a", "b", "id_a", "id_b", "similarity"}
    assert len({len(v) for v in columns.values()}) == 1
    assert all(index.id(a) == ia for a, ia in zip(columns["a"], columns["id_a"]))
    # Stopping early is fine: the search ends with the iterator.
    for _ in index.pair_chunks():
        break


def test_pairs_with_is_the_union_self_join_across() -> None:
    # A reference and a batch, ids disjoint: the R-S join is the self-join over both,
    # restricted to pairs of one record of each; passivated records of either side never pair.
    records = people(300, 11)
    for r in records[120:]:
        r["id"] = "b" + r["id"]
    reference, batch = onr.DuplicateIndex(records[:120]), onr.DuplicateIndex(records[120:], threshold=0.9)
    ref_ids = {r["id"] for r in records[:120]}
    expected = {(a, b, s) if a in ref_ids else (b, a, s) for a, b, s in onr.find_duplicates(records) if (a in ref_ids) != (b in ref_ids)}
    assert len(expected) > 20
    got = reference.pairs_with(batch)
    assert set(got) == expected and len(got) == len(expected)
    order = {r["id"]: i for i, r in enumerate(records)}
    assert got == sorted(got, key=lambda p: (order[p[0]], order[p[1]]))
    # Swapped: the same pairs the other way round, at the reference's threshold (0.9 now).
    high = {(b, a, s) for a, b, s in expected if s >= 0.9}
    assert set(batch.pairs_with(reference)) == high
    # Streamed in chunks (tuples or columns), each pair once.
    streamed = [p for chunk in reference.pair_chunks_with(batch) for p in chunk]
    assert sorted(streamed) == sorted(got)
    cols = [c for c in reference.pair_chunks_with(batch, columns=True)]
    assert sum(len(c["a"]) for c in cols) == len(got)
    for c in cols:
        assert all(reference.id(a) == ia for a, ia in zip(c["a"], c["id_a"]))
        assert all(batch.id(b) == ib for b, ib in zip(c["b"], c["id_b"]))


def test_pairs_with_progress_and_errors() -> None:
    reference = onr.DuplicateIndex.from_texts([f"r{i}" for i in range(50)], ["Anna Virtanen"] * 50)
    batch = onr.DuplicateIndex.from_texts([f"b{i}" for i in range(700)], ["Anna Wirtanen"] * 700)
    seen: List[Any] = []
    pairs = reference.pairs_with(batch, progress=lambda done, total: seen.append((done, total)))
    assert len(pairs) == 50 * 700 and {s for _, _, s in pairs} == {onr.similarity("Anna Virtanen", "Anna Wirtanen")}
    assert seen[-1] == (700, 700) and [d for d, _ in seen] == sorted(d for d, _ in seen)

    def fail(done: int, total: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        reference.pairs_with(batch, progress=fail)
    with pytest.raises(TypeError):
        reference.pairs_with(batch, progress=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        reference.pairs_with(["not an index"])  # type: ignore[arg-type]
    assert onr.DuplicateIndex([]).pairs_with(batch) == []
