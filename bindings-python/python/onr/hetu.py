"""HETU (henkilötunnus, the Finnish personal identity code).

A hetu is eleven characters, ``DDMMYYCNNNQ``: the birth date, a century sign ``C`` (``+`` for
the 1800s, ``-YXWVU`` for the 1900s, ``ABCDEF`` for the 2000s), an individual number ``NNN``
(odd for men, even for women; 900-999 are temporary and test numbers) and a check character
``Q``: ``DDMMYYNNN`` modulo 31 looked up in ``0123456789ABCDEFHJKLMNPRSTUVWXY``.

The policy is a value, a ``Validator``: the rules and the environment (``"production"``,
which rejects temporary numbers, the default, or ``"test"``), with every verdict as a method
(``parse``, ``is_valid``, ``facts``, ``many``, ``columns``). Two sets of rules, kept apart by
name:

* ``Validator("onr", env)``: **ONR's verdict**, exactly as the registry's own validator
  answers. ONR is lax: it clamps impossible days (31 April becomes 30 April), accepts the
  individual numbers 000 and 001 and non-ASCII digits in the individual number. Each quirk
  leaves an ``onr.HetuWarning``.
* ``Validator("official", env)``: the official rules.

The module's functions are thin aliases of the two validators, kept for existing code:
``is_valid``, ``validate``, ``validate_many``, ``validate_columns`` are
``Validator("onr", env)``'s ``is_valid``, ``parse``, ``many``, ``columns``, and the
``*_strict`` twins those of ``Validator("official", env)``.

The first failure wins, in this order: empty, length (in UTF-16 code units, as ONR counts),
the date's digits, the century sign, the individual number's digits, the date's ranges, (strict
only: the date's existence, the individual number's range, ASCII digits), the check character,
and last the environment's policy on temporary numbers.

>>> from onr import hetu
>>> hetu.is_valid("131052-308T"), hetu.is_valid(None)
(True, False)
>>> official = hetu.Validator("official", env="test")
>>> official.is_valid("310490-123D"), official.many(["010594Y9032", "x"]).codes
(False, [None, 'hetu.length'])
>>> code = hetu.validate("131052-308T")
>>> code.birth_date, code.sex.value
(datetime.date(1952, 10, 13), '2')
"""

from __future__ import annotations

from collections.abc import Sequence as _Sequence

from onr import _onr
from onr._columns import HetuColumns
from onr._enums import Change, Edit, HetuWarning, Sex
from onr._errors import HetuError

Hetu = _onr.Hetu
HetuResult = _onr.HetuResult
HetuResults = _onr.HetuResults
Normalized = _onr.Normalized
Suggestion = _onr.Suggestion
HetuGenerator = _onr.HetuGenerator
Generator = HetuGenerator
Validator = _onr.Validator

is_valid = _onr.hetu_is_valid
is_valid_strict = _onr.hetu_is_valid_strict
validate = _onr.Hetu.parse
validate_strict = _onr.Hetu.parse_strict
validate_many = _onr.hetu_validate_many
validate_many_strict = _onr.hetu_validate_many_strict
validate_columns = _onr.hetu_validate_columns
validate_columns_strict = _onr.hetu_validate_columns_strict
normalize = _onr.hetu_normalize
suggest = _onr.hetu_suggest
check_char = _onr.hetu_check_char
generate = _onr.hetu_generate

#: Every error code of ``HetuError`` for a hetu, in the order of the checks.
ERROR_CODES: tuple[str, ...] = tuple(_onr.hetu_error_codes())
#: Every warning code: the values of ``onr.HetuWarning``.
WARNING_CODES: tuple[str, ...] = tuple(_onr.hetu_warning_codes())

__all__ = [
    "ERROR_CODES",
    "WARNING_CODES",
    "Change",
    "Edit",
    "Generator",
    "HetuGenerator",
    "Hetu",
    "HetuColumns",
    "HetuError",
    "HetuResult",
    "HetuResults",
    "HetuWarning",
    "Normalized",
    "Sex",
    "Suggestion",
    "Validator",
    "check_char",
    "generate",
    "is_valid",
    "is_valid_strict",
    "normalize",
    "suggest",
    "validate",
    "validate_columns",
    "validate_columns_strict",
    "validate_many",
    "validate_many_strict",
    "validate_strict",
]

_Sequence.register(HetuResults)
