"""Conversions between Python values and onr-core's: types, enums, dates, environments,
iterables of every kind, missing values, unpaired surrogates, the result sequences."""

from __future__ import annotations

import datetime
import pickle
from collections.abc import Sequence

import pytest

import onr
from onr import Change, Edit, Environment, Hetu, HetuWarning, Oid, Sex, hetu, oid

VALID = "131052-308T"
TEMPORARY = "010594Y9032"


def test_hetu_value_and_accessors() -> None:
    h = Hetu.parse(VALID)
    assert isinstance(h.birth_date, datetime.date) and h.birth_date == datetime.date(1952, 10, 13)
    assert h.sex is Sex.FEMALE and h.sex == "2" and h.sex.code == "2"
    assert (h.century_sign, h.century, h.individual_number, h.check_char) == ("-", 1900, 308, "T")
    assert h.is_temporary is False
    assert h.warnings == ()
    assert str(h) == VALID and h.as_str() == VALID
    assert repr(h) == "Hetu(131052-****)"
    assert h == Hetu.parse(VALID) and hash(h) == hash(Hetu.parse(VALID))
    assert h != Hetu.parse(TEMPORARY, env="test")
    assert sorted([h, Hetu.parse(TEMPORARY, env="test")]) == [Hetu.parse(TEMPORARY, env="test"), h]
    assert h.age_on(datetime.date(2026, 11, 22)) == 74
    assert h.age_on(datetime.datetime(2026, 11, 22, 12, 0)) == 74
    assert h.age_on(datetime.date(1900, 1, 1)) is None
    assert {h: 1}[Hetu.parse(VALID)] == 1


def test_hetu_is_immutable() -> None:
    h = Hetu.parse(VALID)
    with pytest.raises(AttributeError):
        h.birth_date = datetime.date(2000, 1, 1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Hetu()  # type: ignore[call-arg]


def test_warnings_are_enum_members() -> None:
    h = Hetu.parse("310490-000E")
    assert h.warnings == (HetuWarning.DATE_CLAMPED, HetuWarning.INDIVIDUAL_NUMBER_NOT_ISSUED)
    assert all(w.value in hetu.WARNING_CODES for w in h.warnings)
    assert set(hetu.WARNING_CODES) == {w.value for w in HetuWarning}


def test_non_ascii_digits_keep_the_text_as_parsed() -> None:
    h = Hetu.parse("010190-１２３M")
    assert h.as_str() == "010190-１２３M" and str(h) == "010190-123M"
    assert HetuWarning.NON_ASCII_DIGIT in h.warnings


@pytest.mark.parametrize("env", ["test", "TEST", "qa", "dev", "hahtuva", Environment.TEST])
def test_environment_names_and_members(env: str) -> None:
    assert hetu.is_valid(TEMPORARY, env=env)
    assert Hetu.parse(TEMPORARY, env).is_temporary


@pytest.mark.parametrize("env", [None, "production", "prod", Environment.PRODUCTION])
def test_production_is_the_default(env: object) -> None:
    assert not hetu.is_valid(TEMPORARY, env=env)  # type: ignore[arg-type]
    assert not hetu.is_valid(TEMPORARY)


def test_enums_are_enums_and_strings() -> None:
    import enum

    for cls in (Environment, Sex, HetuWarning, Change, Edit, onr.Lang, onr.Category):
        assert issubclass(cls, enum.Enum) and issubclass(cls, str)
    assert Environment("test") is Environment.TEST
    assert str(Sex.MALE) == "1"


def test_unpaired_surrogates_count_as_one_utf16_unit_like_in_java() -> None:
    # 11 UTF-16 units: ONR sees a bad character at position 9, not a wrong length.
    value = "010190-12\ud800M"
    result = hetu.validate_many([value])[0]
    assert result.code == "hetu.character" and result.position == 9
    assert not hetu.is_valid(value)
    with pytest.raises(onr.HetuError) as info:
        Hetu.parse(value)
    assert info.value.code == "hetu.character"
    # A non-BMP character is two units in Java: 10 characters, 11 units.
    assert hetu.validate_many(["010190-12\U0001d7ce"])[0].code == "hetu.character"
    assert hetu.validate_columns(["\udc00" * 3])["code"] == ["hetu.length"]


def _inputs() -> list[str]:
    return [VALID, "131052-308X", TEMPORARY, ""]


def test_batches_accept_any_iterable_of_str() -> None:
    import numpy as np
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    expected = [True, False, False, False]
    for values in (
        _inputs(),
        tuple(_inputs()),
        (v for v in _inputs()),
        iter(_inputs()),
        np.array(_inputs(), dtype=object),
        np.array(_inputs()),  # numpy.str_ items
        pd.Series(_inputs()),
        pd.Series(_inputs(), dtype="string"),
        pl.Series(_inputs()),
        pa.array(_inputs()),
        pa.chunked_array([_inputs()[:2], _inputs()[2:]]),
    ):
        assert hetu.validate_many(values).valid == expected, type(values)
    assert hetu.validate_many([]).valid == []
    assert oid.validate_many(pd.Series(["1.2.246.562.24.25909319372"])).valid == [True]


def test_columns_take_missing_values() -> None:
    import pandas as pd

    values = [VALID, None, float("nan"), pd.NA, "x"]
    cols = hetu.validate_columns(values)
    assert set(cols) == {"valid", "code", "birth_date", "sex", "temporary", "warnings"}
    assert cols["valid"] == [True, None, None, None, False]
    assert cols["code"] == [None, None, None, None, "hetu.length"]
    assert cols["birth_date"] == [datetime.date(1952, 10, 13), None, None, None, None]
    assert cols["sex"] == ["2", None, None, None, None]
    assert cols["temporary"] == [False, None, None, None, None]
    assert cols["warnings"] == ["", None, None, None, None]
    assert all(type(s) is str for s in cols["sex"] if s is not None)
    # pandas' nullable strings hand out pandas.NA for missing values.
    assert hetu.validate_columns(pd.Series([VALID, None], dtype="string"))["valid"] == [True, None]


def test_columns_warnings_and_today() -> None:
    cols = hetu.validate_columns(["310490-000E", "010150A123A"], today=datetime.date(2026, 11, 22))
    assert cols["warnings"] == [
        "hetu.warning.date_clamped,hetu.warning.individual_number_not_issued",
        "hetu.warning.future_birth_date",
    ]
    assert hetu.validate_columns(["010150A123A"])["warnings"] == [""]
    assert hetu.validate_columns_strict(["310490-000E"])["code"] == ["hetu.date"]


def test_result_sequence() -> None:
    results = hetu.validate_many(_inputs())
    assert isinstance(results, Sequence)
    assert len(results) == 4
    assert results[0].valid and not results[-1].valid
    assert [r.valid for r in results[1:3]] == [False, False]
    assert [r.code for r in results[::-2]] == ["hetu.empty", "hetu.checksum"]
    assert [r.valid for r in results] == results.valid == [True, False, False, False]
    assert list(reversed(results.codes)) == [r.code for r in reversed(list(results))]
    assert results.to_columns() == hetu.validate_columns(_inputs())
    assert repr(results) == "HetuResults(4 results, 1 valid, 3 invalid)"
    with pytest.raises(IndexError):
        results[4]
    with pytest.raises(IndexError):
        results[-5]
    with pytest.raises(TypeError):
        results["0"]  # type: ignore[call-overload]
    it = iter(results)
    assert next(it).valid and it.__length_hint__() == 3
    assert len(list(it)) == 3


def test_result_objects() -> None:
    ok, bad = hetu.validate_many([VALID, "131052-308X"])
    assert bool(ok) and not bool(bad)
    assert ok.hetu == Hetu.parse(VALID) and ok.unwrap() == ok.hetu
    assert (ok.code, ok.category, ok.position, ok.error) == (None, None, None, None)
    assert ok.is_temporary is False and ok.sex is Sex.FEMALE
    assert bad.hetu is None and bad.birth_date is None and bad.sex is None and bad.warnings == ()
    with pytest.raises(onr.HetuError):
        bad.unwrap()
    assert ok == hetu.validate_many([VALID])[0] and hash(ok) == hash(hetu.validate_many([VALID])[0])
    with pytest.raises(AttributeError):
        ok.valid = False  # type: ignore[misc]


def test_normalize_and_suggest() -> None:
    n = hetu.normalize("\u00a0１３１０５２﹣３０８ｔ ")
    assert n.value == VALID
    assert n.changes == (Change.TRIMMED, Change.DASH_REPLACED, Change.ASCII_FOLDED, Change.UPPERCASED)
    assert not n.unchanged and hetu.normalize(VALID).unchanged
    assert repr(n) == "Normalized(value=<11 chars>, changes=('trimmed', 'dash_replaced', 'ascii_folded', 'uppercased'))"
    s = hetu.suggest("131052-380T", max=3)
    assert 1 <= len(s) <= 3
    assert any(str(x.hetu) == VALID and x.edit is Edit.TRANSPOSITION and x.position == 8 for x in s)
    assert hetu.suggest(VALID) == []
    assert hetu.suggest(" 131052-308t")[0].edit is Edit.NORMALIZED
    assert hetu.suggest(" 131052-308t")[0].position is None
    assert hetu.suggest("hello") == []


def test_generators() -> None:
    d = datetime.date(2024, 2, 29)
    g1, g2 = hetu.Generator(5), hetu.Generator(seed=5)
    codes = [g1.temporary(d) for _ in range(5)]
    assert codes == [g2.temporary(d) for _ in range(5)]
    assert all(c.is_temporary and c.birth_date == d for c in codes)
    assert 2 <= hetu.Generator().ordinary(d).individual_number < 900
    assert hetu.generate(d, seed=5) == codes[0]
    assert hetu.check_char(131052308) == "T"
    o = oid.Generator(3).generate()
    assert o.node == 24 and oid.is_valid(str(o))
    assert oid.Generator(3).generate(98) == oid.Generator(3).generate(98)


def test_oid_value() -> None:
    o = Oid.parse("1.2.246.562.24.25909319372")
    assert (o.node, o.number, o.check_digit, o.has_valid_check_digit) == (24, 2590931937, 2, True)
    assert o.is_person() and o.is_person("production") and not o.is_person(Environment.TEST)
    assert not o.is_organisation
    assert str(o) == "1.2.246.562.24.25909319372" and repr(o) == "Oid('1.2.246.562.24.25909319372')"
    assert Oid.new(24, 2590931937) == o
    assert oid.check_digit(24, 2590931937) == 2
    assert oid.validate("1.2.246.562.24.25909319372") == o
    with pytest.raises(onr.OidError):
        Oid.new(0, 2590931937)
    with pytest.raises(OverflowError):
        Oid.new(-1, 2590931937)
    r = oid.validate_many(["1.2.246.562.24.25909319372", "x"])
    assert [x.valid for x in r] == r.valid == [True, False] and r.codes == [None, "oid.root"]
    assert r[0].oid == o and r[1].oid is None and r[1].message("fi") is not None
    assert r[1].category is onr.Category.FORMAT and r[1].error is not None
    assert repr(r) == "OidResults(2 results, 1 valid, 1 invalid)"


@pytest.mark.parametrize("proto", range(pickle.HIGHEST_PROTOCOL + 1))
def test_values_pickle(proto: int) -> None:
    for value in (
        Hetu.parse(VALID),
        Hetu.parse(TEMPORARY, env="test"),
        Hetu.parse("010190-１２３M"),
        Hetu.parse("310490-000E"),
        Hetu.parse_strict(VALID),
        Oid.parse("1.2.246.562.24.25909319372"),
        Oid.parse_lenient("1.2.246.562.10.00000000001"),
    ):
        back = pickle.loads(pickle.dumps(value, protocol=proto))
        assert back == value and type(back) is type(value)
        assert str(back) == str(value)


def test_public_names() -> None:
    for module in (onr, onr.hetu, onr.oid):
        for name in module.__all__:
            assert hasattr(module, name), (module.__name__, name)
    assert onr.__version__
    assert onr.hetu.validate is Hetu.parse or onr.hetu.validate == Hetu.parse
