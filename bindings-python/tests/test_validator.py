"""``onr.hetu.Validator``: the hetu policy (rules and environment) as one value, and the module's
twin functions as its aliases, on the shared vectors' inputs."""

from __future__ import annotations

import datetime
import pickle

import pytest

from onr import Environment, Hetu, HetuError, hetu
from onr.hetu import Validator

INPUTS = ["131052-308T", "310490-123D", "010594Y9032", "010190-001B", "131052-308X", "", "010190-１２３M", None]


@pytest.mark.parametrize("env", ["production", "test"])
def test_the_twins_are_the_two_validators(env: str) -> None:
    onr, official = Validator("onr", env), Validator("official", env)
    texts = [i for i in INPUTS if i is not None]
    for text in texts:
        assert onr.is_valid(text) == hetu.is_valid(text, env)
        assert official.is_valid(text) == hetu.is_valid_strict(text, env)
        for validator, parse in ((onr, Hetu.parse), (official, Hetu.parse_strict)):
            try:
                expected: object = parse(text, env)
            except HetuError as err:
                expected = err.code
            try:
                got: object = validator.parse(text)
            except HetuError as err:
                got = err.code
            assert got == expected, text
            facts = validator.facts(text)
            assert facts.valid == (not isinstance(expected, str))
            assert facts.code == (expected if isinstance(expected, str) else None)
    assert onr.many(INPUTS).codes == hetu.validate_many(INPUTS, env).codes
    assert official.many(INPUTS).codes == hetu.validate_many_strict(INPUTS, env).codes
    assert onr.columns(INPUTS) == hetu.validate_columns(INPUTS, env)
    assert official.columns(INPUTS) == hetu.validate_columns_strict(INPUTS, env)


def test_rules_and_env_are_values() -> None:
    v = Validator()
    assert (v.rules, v.env) == ("onr", Environment.PRODUCTION)
    assert v == Validator("onr", "production") == Validator(None, None)
    assert hash(v) == hash(Validator("onr"))
    assert Validator("strict", Environment.TEST) == Validator("official", "test")
    assert repr(Validator("official", "test")) == "Validator(rules='official', env='test')"
    assert pickle.loads(pickle.dumps(Validator("official", "test"))) == Validator("official", "test")
    with pytest.raises(ValueError, match="unknown hetu rules"):
        Validator("lax")  # type: ignore[arg-type]


def test_none_is_not_valid_anywhere() -> None:
    for check in (Validator().is_valid, Validator("official").is_valid, hetu.is_valid, hetu.is_valid_strict):
        assert check(None) is False
    with pytest.raises(TypeError, match="hetu must be str, not int"):
        Validator().is_valid(131052308)  # type: ignore[arg-type]


def test_facts_with_today_adds_the_future_birth_date_warning() -> None:
    facts = Validator().facts("010150A123A", today=datetime.date(2026, 11, 22))
    assert [w.value for w in facts.warnings] == ["hetu.warning.future_birth_date"]
    assert Validator().facts("131052-308X").code == "hetu.checksum"
