"""Cells read by one rule (onr-core's ``cell`` module), as the CLI reads them: ``csv.DictReader``
rows give text, so ``"false"`` must be false and ``""`` a missing value; data frames give
``None``/NaN for missing values, and batches answer ``None`` for them."""

from __future__ import annotations

import csv
import io
import math
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import pytest

import onr
from onr import hetu

from conftest import VECTORS

EXAMPLES = VECTORS.parent.parent / "examples"


def rows(passivoitu: str, syntymaaika_b: str) -> List[Dict[str, Any]]:
    text = (
        "id,etunimet,kutsumanimi,sukunimi,syntymaaika,passivoitu,duplicate\n"
        f"A,Aino Maria,Aino,Virtanen,2005-03-14,{passivoitu},false\n"
        f"B,Aino Maria,Aino,Virtanen,{syntymaaika_b},FALSE,\n"
    )
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("no", ["false", "FALSE", " f ", "0", "no", "ei", ""])
def test_false_texts_are_false(no: str) -> None:
    assert onr.find_duplicates(rows(no, "2005-03-14")) == [("A", "B", 1.0)]


@pytest.mark.parametrize("yes", ["true", "True", "t", "1", "yes", "kyllä"])
def test_true_texts_are_true(yes: str) -> None:
    assert onr.find_duplicates(rows(yes, "2005-03-14")) == []


def test_python_values_are_flags_too() -> None:
    base = rows("false", "2005-03-14")
    for no in [False, 0, None, math.nan]:
        base[0]["passivoitu"] = no
        assert len(onr.find_duplicates(base)) == 1, no
    for yes in [True, 1]:
        base[0]["passivoitu"] = yes
        assert onr.find_duplicates(base) == [], yes
    base[0]["passivoitu"] = 2
    with pytest.raises(TypeError, match="passivoitu must be bool"):
        onr.find_duplicates(base)


def test_a_text_that_is_no_flag_is_an_error_not_true() -> None:
    with pytest.raises(onr.OnrError) as info:
        onr.find_duplicates(rows("maybe", "2005-03-14"))
    assert info.value.code == "cell.flag"
    assert str(info.value).startswith("record 0: passivoitu: not a true/false value")
    assert info.value.message("fi").startswith("record 0: passivoitu: ei ole totuusarvo")


def test_empty_birth_date_is_missing_and_bad_text_an_error() -> None:
    found = onr.find_duplicates(rows("false", ""))
    assert [(a, b) for a, b, _ in found] == [("A", "B")] and found[0][2] < 1.0
    with pytest.raises(onr.OnrError) as info:
        onr.find_duplicates(rows("false", "14.3.2005"))
    assert info.value.code == "cell.date"
    assert "record 1: syntymaaika" in str(info.value)


def test_dict_reader_over_the_example_file_finds_what_the_cli_finds(onr_cli: Path) -> None:
    path = EXAMPLES / "persons.csv"
    with path.open(encoding="utf-8", newline="") as f:
        found = onr.find_duplicates(list(csv.DictReader(f)))
    out = subprocess.run([str(onr_cli), "duplicates", str(path)], check=True, capture_output=True, text=True).stdout
    # The CLI writes pairs as the join verifies them, in no particular order.
    cli = sorted(tuple(line.split(",")[:2]) for line in out.splitlines()[1:])
    assert found and sorted((a, b) for a, b, _ in found) == cli


def test_validate_many_gives_none_for_missing_values() -> None:
    import pandas as pd

    values = ["131052-308T", None, math.nan, "131052-308X", pd.NA]
    results = hetu.validate_many(values)
    assert len(results) == 5
    assert results.valid == [True, None, None, False, None]
    assert results.codes == [None, None, None, "hetu.checksum", None]
    assert results[1] is None and results[-1] is None and results[0] is not None
    assert [r is None for r in results] == [False, True, True, False, True]
    assert results[1:3] == [None, None]
    assert results.to_columns()["valid"] == [True, None, None, False, None]
    assert repr(results) == "HetuResults(5 results, 1 valid, 1 invalid, 3 missing)"
    assert hetu.validate_many(pd.Series(values)).valid == [True, None, None, False, None]
    assert hetu.validate_many_strict([None]).valid == [None]
    with pytest.raises(TypeError, match="item 0 is int"):
        hetu.validate_many([7])
