"""Every enum of ``onr._enums`` restates an onr-core vocabulary: its values are onr-core's names,
in onr-core's order, as the native module exports them. A name added, renamed or reordered on
either side fails here."""

from __future__ import annotations

import enum

import pytest

from onr import _enums, _onr


def values(e: type[enum.Enum]) -> list[str]:
    return [m.value for m in e]


@pytest.mark.parametrize(
    ("enum_type", "native"),
    [
        (_enums.Lang, _onr.lang_names),
        (_enums.Environment, _onr.environment_names),
        (_enums.Sex, _onr.sex_codes),
        (_enums.Change, _onr.hetu_change_names),
        (_enums.Edit, _onr.hetu_edit_names),
        (_enums.HetuWarning, _onr.hetu_warning_codes),
    ],
)
def test_enum_values_are_onr_cores_names(enum_type: type[enum.Enum], native) -> None:
    assert values(enum_type) == native()


def test_category_is_onr_cores() -> None:
    # ``network``, the category of ``onr.ClientError`` (onr-client's errors), is onr-core's too.
    assert values(_enums.Category) == _onr.category_names()
    assert "network" in _onr.category_names()


def test_every_enum_of_the_module_is_checked() -> None:
    assert set(_enums.__all__) == {
        "Category", "Change", "Edit", "Environment", "HetuWarning", "Lang", "Sex",
    }
