"""The exception classes: hierarchy, stable codes, categories, positions, messages in three
languages, pickling, no personal data, and Rust panics arriving as ``onr.InternalError``."""

from __future__ import annotations

import copy
import pickle

import pytest

import onr
from onr import Category, Hetu, HetuError, Lang, Oid, OidError, OnrError, hetu, oid

from conftest import Err


def test_hierarchy() -> None:
    assert issubclass(OnrError, ValueError)
    for cls in (HetuError, OidError, onr.InternalError):
        assert issubclass(cls, OnrError)
    assert not issubclass(HetuError, OidError)


@pytest.mark.parametrize(
    "value, expected, category, position",
    [
        ("", Err("hetu.empty"), Category.LENGTH, None),
        ("123456+789", Err("hetu.length"), Category.LENGTH, None),
        ("13105X-308T", Err("hetu.character"), Category.FORMAT, 5),
        ("010190Z123M", Err("hetu.century_sign"), Category.COMPONENT, 6),
        ("320190-123X", Err("hetu.date"), Category.COMPONENT, 0),
        ("131052-308X", Err("hetu.checksum"), Category.CHECKSUM, 10),
        ("010190-900P", Err("hetu.temporary"), Category.POLICY, 7),
    ],
)
def test_hetu_errors_carry_code_category_position(
    value: str, expected: Err, category: Category, position: object
) -> None:
    with pytest.raises(HetuError) as info:
        Hetu.parse(value)
    err = info.value
    assert err.code == expected.code
    assert err.category is category
    assert err.position == position
    assert isinstance(err, ValueError)
    result = hetu.validate_many([value])[0]
    assert (result.code, result.category, result.position) == (err.code, err.category, err.position)
    assert isinstance(result.error, HetuError) and result.error.code == err.code


def test_messages_in_three_languages() -> None:
    with pytest.raises(HetuError) as info:
        Hetu.parse("131052-308X")
    err = info.value
    assert str(err) == "wrong check character, expected `T`, found `X`"
    assert err.message() == err.message("en") == err.message(Lang.EN) == str(err)
    assert err.message("fi") == "väärä tarkistusmerkki, odotettiin `T`, löytyi `X`"
    assert err.message(Lang.SV) == "fel kontrolltecken, `T` förväntades, hittade `X`"
    result = hetu.validate_many(["131052-308X"])[0]
    assert result.message("fi") == err.message("fi")
    assert hetu.validate_many(["131052-308T"])[0].message() is None
    with pytest.raises(ValueError):
        err.message("de")


@pytest.mark.parametrize("proto", range(pickle.HIGHEST_PROTOCOL + 1))
def test_errors_pickle(proto: int) -> None:
    for make in (lambda: Hetu.parse("13105X-308T"), lambda: Oid.parse("1.2.246.562.24.25909319373")):
        with pytest.raises(OnrError) as info:
            make()
        err = info.value
        back = pickle.loads(pickle.dumps(err, protocol=proto))
        assert type(back) is type(err)
        assert (back.code, back.category, back.position, str(back)) == (
            err.code,
            err.category,
            err.position,
            str(err),
        )
        assert back.message("sv") == err.message("sv")
        assert copy.deepcopy(err).message("fi") == err.message("fi")


def test_no_error_shows_the_hetu() -> None:
    value = "131052-308X"
    with pytest.raises(HetuError) as info:
        Hetu.parse(value)
    err = info.value
    texts = [str(err), repr(err), *(err.message(lang) for lang in Lang), repr(err.args)]
    texts += [repr(hetu.validate_many([value])[0]), repr(Hetu.parse("131052-308T"))]
    texts += [repr(hetu.normalize(value)), repr(hetu.suggest(value))]
    for text in texts:
        assert "131052" not in text or "308" not in text, text
        assert "052-308" not in text, text


def test_oid_errors() -> None:
    with pytest.raises(OidError) as info:
        Oid.parse("1.2.246.562.24.25909319373")
    assert info.value.code == "oid.checksum"
    assert info.value.category is Category.CHECKSUM
    assert info.value.position is None
    assert str(info.value) == "wrong check digit, expected 2, found 3"
    assert set(oid.ERROR_CODES) >= {"oid.empty", "oid.root", "oid.checksum"}


def test_generate_out_of_range_is_a_hetu_error() -> None:
    import datetime

    with pytest.raises(HetuError) as info:
        hetu.generate(datetime.date(2100, 1, 1))
    assert info.value.code == "hetu.generate.date_out_of_range"


#: Looks like personal data on purpose: it must never come out of a panic.
SECRET = "131052-308T Testi Äijälä"


@pytest.mark.parametrize("detached", [False, True])
def test_a_rust_panic_arrives_as_internal_error_with_fixed_text(
    detached: bool, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rust's default hook would print a backtrace under this; onr's prints none.
    monkeypatch.setenv("RUST_BACKTRACE", "full")
    # _panic_for_tests exists only in a wheel built with the cargo feature test-hooks
    # (scripts/test-python.sh builds so); a release wheel has no such function.
    with pytest.raises(onr.InternalError) as info:
        onr._onr._panic_for_tests(SECRET, detached)
    err = info.value
    assert isinstance(err, OnrError) and isinstance(err, ValueError)
    assert err.code == "internal.panic"
    assert err.category is Category.INTERNAL
    assert str(err) == "internal error in onr (a bug, please report it)"
    assert err.message("fi").startswith("sisäinen virhe")
    assert err.__cause__ is None and err.__context__ is None
    assert pickle.loads(pickle.dumps(err)).code == "internal.panic"
    # The panic hook prints a fixed note with the place in the source, never the message or a
    # backtrace.
    printed = capfd.readouterr()
    assert "onr: internal error at " in printed.err, printed.err
    for leak in ("131052", "Äijälä", "panicked at", "stack backtrace"):
        assert leak not in printed.err + printed.out, printed.err
    assert hetu.is_valid("131052-308T"), "the library carries on after a panic"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: hetu.is_valid(131052308), "hetu must be str, not int"),
        (lambda: hetu.Validator().parse(None), "hetu must be str, not NoneType"),
        (lambda: hetu.is_valid(b"131052-308T"), "hetu must be str, not bytes"),
        (lambda: Hetu.parse(["131052-308T"]), "hetu must be str, not list"),
        (lambda: oid.is_valid(1.5), "oid must be str, not float"),
        (lambda: hetu.is_valid("131052-308T", env=1), "env must be str, not int"),
        (lambda: hetu.validate_many("131052-308T"), "not a single str"),
        (lambda: hetu.validate_many(5), "expects an iterable of str, not int"),
        (lambda: hetu.validate_many(["131052-308T", 7]), "item 1 is int"),
        (lambda: oid.validate_many(["1.2.246.562.24.25909319372", None]), "item 1 is NoneType"),
        (lambda: hetu.validate_columns(["131052-308T", 7]), "item 1 is int"),
        (lambda: oid.validate_many([b"x"]), "item 0 is bytes"),
        (lambda: Hetu.parse("131052-308T").age_on("2020-01-01"), "today must be datetime.date, not str"),
        (lambda: hetu.validate_many([], today=20200101), "today must be datetime.date, not int"),
        (lambda: hetu.generate("1990-01-01"), "birth_date must be datetime.date, not str"),
    ],
)
def test_wrong_types_raise_type_error_with_a_clear_message(call: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()  # type: ignore[operator]


def test_unknown_environment_and_language_are_value_errors() -> None:
    with pytest.raises(ValueError, match="unknown environment"):
        hetu.is_valid("131052-308T", env="staging")
    with pytest.raises(ValueError, match="unknown language"):
        hetu.validate_many(["x"])[0].message("de")


JUNK = ["", "\x00", "\x00" * 11, "😀" * 11, "１" * 11, "1" * 10_000, "\ud800" * 11, " ", "\n", "-" * 11, "\u202e131052-308T"]


@pytest.mark.parametrize("value", JUNK, ids=range(len(JUNK)))
def test_junk_gets_a_verdict_never_a_crash(value: str) -> None:
    for env in ("production", "test"):
        assert hetu.is_valid(value, env=env) is False
        assert hetu.is_valid_strict(value, env=env) is False
        for parse in (Hetu.parse, Hetu.parse_strict):
            with pytest.raises(HetuError):
                parse(value, env=env)
    assert hetu.validate_many([value]).valid == [False]
    assert hetu.validate_columns([value])["valid"] == [False]
    hetu.normalize(value)
    hetu.suggest(value)
    assert oid.is_valid(value) is False
    for parse_oid in (Oid.parse, Oid.parse_lenient):
        with pytest.raises(OidError):
            parse_oid(value)
