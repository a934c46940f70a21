"""Thread safety: the batch functions work detached from the interpreter and give every
thread the same answers; the frozen values are shared freely between threads."""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor

from onr import Hetu, hetu, oid

from conftest import read_vectors


def _inputs() -> list[str]:
    return [row[0] for row in read_vectors("hetu_onr.tsv")]


def test_batches_from_many_threads_agree() -> None:
    inputs = _inputs()
    expected = hetu.validate_many(inputs, env="test").valid
    expected_codes = hetu.validate_many(inputs).codes
    expected_columns = hetu.validate_columns(inputs)

    def work(i: int) -> tuple[list[bool], list[object], dict[str, list[object]]]:
        return (
            hetu.validate_many(inputs, env="test").valid,
            hetu.validate_many(inputs).codes,
            hetu.validate_columns(inputs) if i % 2 else expected_columns,
        )

    with ThreadPoolExecutor(max_workers=4) as pool:
        for valid, codes, columns in pool.map(work, range(8)):
            assert valid == expected
            assert codes == expected_codes
            assert columns == expected_columns


def test_per_call_functions_and_shared_values_across_threads() -> None:
    inputs = _inputs()[:5000]
    expected = [hetu.is_valid(v) for v in inputs]
    shared = Hetu.parse("131052-308T")
    results = hetu.validate_many(inputs)

    def work(_: int) -> bool:
        same = [hetu.is_valid(v) for v in inputs] == expected
        same &= shared.birth_date == datetime.date(1952, 10, 13)
        same &= [r.valid for r in results] == expected
        same &= oid.validate_many(["1.2.246.562.24.25909319372"] * 100).valid == [True] * 100
        return same

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(work, range(8)))


def test_a_generator_is_usable_from_threads() -> None:
    # A Generator is mutable: PyO3 serialises access to it, so no call sees a torn state.
    gen = hetu.Generator(1)
    day = datetime.date(2000, 1, 1)

    def work(_: int) -> list[Hetu]:
        out = []
        for _ in range(200):
            try:
                out.append(gen.temporary(day))
            except RuntimeError:  # "already borrowed": another thread holds it right now
                pass
        return out

    with ThreadPoolExecutor(max_workers=4) as pool:
        made = [h for chunk in pool.map(work, range(4)) for h in chunk]
    assert made and all(h.is_temporary and h.birth_date == day for h in made)


def test_duplicate_index_is_shared_between_threads() -> None:
    import onr

    records = [
        {"id": str(i), "etunimet": n, "kutsumanimi": n, "sukunimi": s, "syntymaaika": None}
        for i, (n, s) in enumerate(
            [("Anna", "Virtanen"), ("Anni", "Virtanen"), ("Matti", "Mäkinen"), ("Matti", "Makinen")] * 50
        )
    ]
    index = onr.DuplicateIndex(records)
    expected_pairs = index.pairs()
    expected_found = index.find("Anna", "Anna", "Virtanen")

    def work(_: int) -> bool:
        return index.pairs() == expected_pairs and index.find("Anna", "Anna", "Virtanen") == expected_found

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(work, range(8)))
