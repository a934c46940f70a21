"""``onr.jaro_winkler`` and ``onr.name_match`` over the shared ground-truth fixtures (the same
files as ``onr-core/tests/jaro_winkler_lucene.rs`` and ``onr_normalize.rs``): bit-identical
single-precision values and identical normalisation."""

from __future__ import annotations

import struct

import pytest

import onr
from onr import name_match

from conftest import read_fixture


def f32_bits(x: float) -> bytes:
    return struct.pack("<f", x)


def test_jaro_winkler_is_bit_identical_to_lucene() -> None:
    rows = read_fixture("jaro_winkler.tsv")
    assert len(rows) > 1000
    many = onr.jaro_winkler_many([(a, b) for a, b, _, _ in rows])
    mismatches = []
    for (a, b, java, verdict), batch in zip(rows, many):
        value = onr.jaro_winkler(a, b)
        expected = float(java)
        if f32_bits(value) != f32_bits(expected) or f32_bits(batch) != f32_bits(expected):
            mismatches.append((a, b, java, value))
        if onr.jaro_winkler_is_similar(a, b) != (verdict == "true"):
            mismatches.append((a, b, verdict, value))
        # The Python float is the shortest decimal of the single-precision value.
        assert float(repr(value)) == value
    assert not mismatches, mismatches[:20]


def test_comparison_form_matches_onrs_java() -> None:
    rows = read_fixture("onr_normalize.tsv")
    assert len(rows) > 10_000
    bad = [(i, o) for i, o in rows if name_match.comparison_form(i) != o]
    assert not bad, bad[:20]


def test_unpaired_surrogates_are_compared_as_java_units() -> None:
    assert onr.jaro_winkler("\ud800a", "\ud800a") == 1.0
    assert onr.jaro_winkler("\ud800a", "\ud801a") == onr.jaro_winkler("xa", "ya")
    assert onr.jaro_winkler_many([("\ud800a", "\ud801a")]) == [onr.jaro_winkler("xa", "ya")]


def test_threshold_in_single_precision() -> None:
    assert onr.jaro_winkler("hanna", "ahnn") == 0.84999996
    assert not onr.jaro_winkler_is_similar("hanna", "ahnn")
    assert name_match.is_similar("virkailija", "virkalija")


def test_name_rules() -> None:
    assert name_match.surname("Virtanen", "Wirtanen")["is_match"]
    assert not name_match.surname("Virtanen", "Korhonen")["is_match"]
    v = name_match.first_names("Anna", "Hanna-Leena")
    assert v == {"rule": "substring", "is_match": True}
    v = name_match.names_match("Matti", "Virtanen", "Anna", "Virtanen")
    assert v["verdict"] == "first_names_differ" and not v["is_match"]
    assert name_match.first_name_tokens("Anna-Liisa Maria") == ["anna-liisa", "maria", "anna", "liisa"]
    v = name_match.identification("Anna", "Korhonen", "Anna", "Virtanen", former_surnames=["Korhonen"])
    assert v["is_match"] and v["vtj_surname"] == {"former": 0}
    v = name_match.identification("", "", "Anna", "Virtanen", has_hetu=True)
    assert v == {"verdict": "blank_names_with_hetu", "is_match": True}
    v = name_match.identification("Pekka", "Korhonen", "Anna", "Virtanen")
    assert v["verdict"] == "mismatch" and not v["is_match"]


@pytest.mark.parametrize(
    "call",
    [
        lambda: onr.jaro_winkler("a", None),
        lambda: onr.jaro_winkler(1, "a"),
        lambda: onr.jaro_winkler_many([("a", 1)]),
        lambda: onr.jaro_winkler_many(["ab"]),
        lambda: name_match.comparison_form(b"x"),
        lambda: name_match.identification("a", "b", "c", "d", former_surnames="e"),
    ],
)
def test_wrong_types(call: object) -> None:
    with pytest.raises(TypeError):
        call()  # type: ignore[operator]
