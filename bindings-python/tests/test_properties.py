"""Property tests (hypothesis): generated codes parse and round-trip, any text gets a verdict
without surprises, batches agree with single calls, and the strict verdict agrees with
python-stdnum where both apply."""

from __future__ import annotations

import datetime
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

import onr
from onr import Hetu, Oid, hetu, oid

dates = st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2099, 12, 31))
seeds = st.integers(min_value=0, max_value=2**64 - 1)
hetu_like = st.text(alphabet="0123456789+-ABCDEFUVWXYZHJKLMNPRSTabc ９１\u2013", min_size=0, max_size=13)


@given(dates, seeds)
def test_generated_codes_parse_and_round_trip(day: datetime.date, seed: int) -> None:
    g = hetu.Generator(seed)
    for code in (g.temporary(day), g.ordinary(day)):
        text = str(code)
        assert code.birth_date == day
        assert Hetu.parse_strict(text, env="test") == code
        assert Hetu.parse(text, env="test") == code
        assert str(Hetu.parse(text, env="test")) == text
        assert hetu.is_valid(text, env="production") is not code.is_temporary
        assert hetu.validate_many([text], env="test")[0].hetu == code
        assert pickle.loads(pickle.dumps(code)) == code
        assert hetu.normalize(text).unchanged
        assert hetu.check_char(int(text[:6] + text[7:10])) == text[10]


@given(st.one_of(hetu_like, st.text(max_size=20)))
def test_any_text_gets_a_verdict(text: str) -> None:
    for env in ("production", "test"):
        valid = hetu.is_valid(text, env=env)
        result = hetu.validate_many([text], env=env)[0]
        assert result.valid is valid
        try:
            parsed = Hetu.parse(text, env=env)
        except onr.HetuError as err:
            assert not valid and err.code == result.code and err.code in hetu.ERROR_CODES
        else:
            assert valid and parsed.as_str() == text
        if hetu.is_valid_strict(text, env=env):
            assert valid
    normalized = hetu.normalize(text)
    assert hetu.normalize(normalized.value).value == normalized.value


@settings(max_examples=50)
@given(st.lists(st.one_of(hetu_like, st.none()), max_size=50))
def test_batches_agree_with_single_calls(values: list[str | None]) -> None:
    present = [v for v in values if v is not None]
    many = hetu.validate_many(present)
    assert many.valid == [hetu.is_valid(v) for v in present]
    cols = hetu.validate_columns(values)
    singles = iter(many)
    for value, valid, code in zip(values, cols["valid"], cols["code"]):
        if value is None:
            assert valid is None and code is None
        else:
            r = next(singles)
            assert (valid, code) == (r.valid, r.code)


@given(dates, seeds, st.sampled_from(["mutate", "keep"]), st.integers(0, 10), st.sampled_from("0123456789ABCDEFHJKLMNPRSTUVWXY+-"))
def test_strict_verdict_agrees_with_python_stdnum(
    day: datetime.date, seed: int, how: str, position: int, char: str
) -> None:
    from stdnum.fi import hetu as stdnum_hetu

    text = str(hetu.Generator(seed).ordinary(day))
    if how == "mutate":
        text = text[:position] + char + text[position + 1 :]
    # stdnum accepts individual numbers 002-899 and checks the date exists: the strict rules.
    assert hetu.is_valid_strict(text, env="production") == stdnum_hetu.is_valid(text), text


@given(st.sampled_from([24, 10, 98, 198, 298, 99]), st.integers(1_000_000_000, 9_999_999_999))
def test_oids_round_trip(node: int, number: int) -> None:
    made = Oid.new(node, number)
    assert Oid.parse(str(made)) == made
    assert oid.is_valid(str(made))
    assert made.number == number and made.check_digit == oid.check_digit(node, number)
    assert pickle.loads(pickle.dumps(made)) == made
    wrong = str(made)[:-1] + str((made.check_digit + 1) % 10)
    assert oid.validate_many([wrong])[0].code == "oid.checksum"
