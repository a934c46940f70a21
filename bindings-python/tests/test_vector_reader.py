"""The one escape dialect of ``tests/vectors/*.tsv`` as the Python reader (``conftest.unescape``)
reads it, and a loud failure for any other escape (the retired ``\\uXXXX`` form included)."""

from __future__ import annotations

import pytest

from conftest import VECTORS, read_fixture, unescape


def test_the_one_dialect_is_read() -> None:
    assert unescape(r"a\\b\tc\nd\re\u{0}\u{1D7CE}\u{7F}f") == "a\\b\tc\nd\re\x00\U0001d7ce\x7ff"
    assert unescape("plain ä 𝟎") == "plain ä 𝟎"


@pytest.mark.parametrize(
    "field, message",
    [
        (r"12\u0000", r"unknown escape \u"),
        (r"12\U0001D7CE", r"unknown escape \U"),
        (r"\x41", r"unknown escape \x"),
        (r"\u{D800}", "not a Unicode scalar value"),
        (r"\u{110000}", "not a Unicode scalar value"),
        ("a\\", "lone backslash"),
    ],
)
def test_any_other_escape_fails_loudly(field: str, message: str) -> None:
    with pytest.raises(ValueError) as e:
        unescape(field)
    assert message in str(e.value)
    assert repr(field) in str(e.value)


def test_every_vector_file_reads_in_the_dialect() -> None:
    names = sorted(p.name for p in VECTORS.glob("*.tsv"))
    assert len(names) >= 10
    for name in names:
        assert read_fixture(name), name
