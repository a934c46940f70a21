"""The shared vectors of ``tests/vectors/``: the same files and the same verdicts as the Rust
suite (``onr-core/tests/vectors.rs``), through every Python entry point."""

from __future__ import annotations

import datetime

import pytest

import onr
from onr import Hetu, Oid, hetu, oid

from conftest import read_vectors

HETU_ONR = read_vectors("hetu_onr.tsv")
HETU_CODES = read_vectors("hetu_codes.tsv")
OIDS = read_vectors("oid.tsv")
TODAY = datetime.date(2026, 11, 22)  # the day the warnings of hetu_codes.tsv assume


def test_the_vectors_are_there() -> None:
    assert len(HETU_ONR) > 30_000
    assert len(HETU_CODES) > 40
    assert len(OIDS) > 30


@pytest.mark.parametrize("env, cols", [("production", slice(1, 4)), ("test", slice(4, 7))])
def test_onr_verdict_matches_onrs_own_validator(env: str, cols: slice) -> None:
    inputs = [row[0] for row in HETU_ONR]
    batch = hetu.validate_many(inputs, env=env)
    columns = hetu.validate_columns(inputs, env=env)
    assert len(batch) == len(inputs) == len(columns["valid"])
    for i, row in enumerate(HETU_ONR):
        verdict, birth_date, sex = row[cols]
        expected_valid = verdict == "valid"
        assert hetu.is_valid(row[0], env=env) is expected_valid, (row[0], env)
        result = batch[i]
        assert result.valid is expected_valid, (row[0], env)
        assert columns["valid"][i] is expected_valid, (row[0], env)
        if expected_valid:
            parsed = Hetu.parse(row[0], env=env)
            assert parsed.birth_date.isoformat() == birth_date
            assert parsed.sex.value == sex
            assert result.birth_date == parsed.birth_date
            assert result.sex is parsed.sex
            assert columns["birth_date"][i] == parsed.birth_date
            assert columns["sex"][i] == sex
            assert parsed.as_str() == row[0]
        else:
            with pytest.raises(onr.HetuError) as info:
                Hetu.parse(row[0], env=env)
            assert info.value.code == result.code == columns["code"][i]


def test_strict_verdict_never_accepts_what_onr_rejects() -> None:
    inputs = [row[0] for row in HETU_ONR]
    for env, col in (("production", 1), ("test", 4)):
        strict = hetu.validate_many_strict(inputs, env=env).valid
        for row, ok in zip(HETU_ONR, strict):
            if ok:
                assert row[col] == "valid", row[0]
                assert hetu.is_valid_strict(row[0], env=env)


def test_error_codes_and_warnings_follow_the_contract() -> None:
    for input_, env, rules, code, birth_date, sex, warnings in HETU_CODES:
        if rules == "onr":
            result = hetu.validate_many([input_], env=env, today=TODAY)[0]
            parse = Hetu.parse
        else:
            assert rules == "strict"
            result = hetu.validate_many_strict([input_], env=env, today=TODAY)[0]
            parse = Hetu.parse_strict
        if code:
            assert result.code == code, (input_, env, rules)
            with pytest.raises(onr.HetuError) as info:
                parse(input_, env=env)
            assert info.value.code == code
            assert code in hetu.ERROR_CODES
        else:
            assert result.valid, (input_, env, rules, result.code)
            assert result.birth_date is not None and result.birth_date.isoformat() == birth_date
            assert result.sex is not None and result.sex.value == sex
            got = ",".join(w.value for w in result.warnings)
            assert got == warnings, input_
            assert ",".join(w.value for w in parse(input_, env=env).warnings_on(TODAY)) == warnings


def test_oid_vectors() -> None:
    batch = oid.validate_many([row[0] for row in OIDS])
    for (input_, code, lenient_code, node), result in zip(OIDS, batch):
        assert (result.code or "") == code, input_
        assert oid.is_valid(input_) is (code == "")
        if code:
            with pytest.raises(onr.OidError) as info:
                Oid.parse(input_)
            assert info.value.code == code
            assert code in oid.ERROR_CODES
        if lenient_code:
            with pytest.raises(onr.OidError) as info:
                Oid.parse_lenient(input_)
            assert info.value.code == lenient_code
        else:
            lenient = Oid.parse_lenient(input_)
            assert str(lenient.node) == node
            assert str(lenient) == input_, "lenient parse keeps the text"


def test_oids_sort_in_onr_cores_order() -> None:
    # tests/vectors/oid_order.tsv: lenient OIDs in onr-core's order (node, the tail's value,
    # its length); the Rust and Java suites sort the same file.
    want = [row[0] for row in read_vectors("oid_order.tsv")]
    assert len(want) > 15
    shuffled = list(reversed(want))
    assert [str(o) for o in sorted(Oid.parse_lenient(t) for t in shuffled)] == want
    assert Oid.parse_lenient("1.2.246.562.24.5") > Oid.parse_lenient("1.2.246.562.24.01")
