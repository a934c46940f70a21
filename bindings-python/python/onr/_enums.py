"""The enumerations of onr: plain ``enum.Enum`` classes whose values are onr-core's stable codes.

Each class mixes in ``str``, so a member compares equal to its code (``Sex.FEMALE == "2"``)
and can be passed wherever a code is accepted (``env=Environment.TEST``).
"""

from __future__ import annotations

import enum

__all__ = ["Category", "Change", "Edit", "Environment", "HetuWarning", "Lang", "Sex"]


class _CodeEnum(str, enum.Enum):
    """An enumeration whose value is a stable code; ``str()`` gives the code."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def code(self) -> str:
        """The stable code, the same as ``value``."""
        return str(self.value)


class Environment(_CodeEnum):
    """The ONR environment a verdict is computed for.

    Production rejects temporary hetus (individual numbers 900-999) and gives person OIDs the
    node 24; the test environments (QA, dev, hahtuva) accept temporary hetus and use the nodes
    98, 198 and 298. Functions take a member or its value, ``"production"`` or ``"test"``.

    >>> from onr import Environment
    >>> Environment("test") is Environment.TEST
    True
    """

    PRODUCTION = "production"
    TEST = "test"


class Lang(_CodeEnum):
    """The language of a message: English, Finnish or Swedish."""

    EN = "en"
    FI = "fi"
    SV = "sv"


class Category(_CodeEnum):
    """The coarse class of an error, as in python-stdnum's exception taxonomy."""

    LENGTH = "length"
    FORMAT = "format"
    COMPONENT = "component"
    CHECKSUM = "checksum"
    POLICY = "policy"
    CONSISTENCY = "consistency"
    INTERNAL = "internal"
    NETWORK = "network"


class Sex(_CodeEnum):
    """A person's sex as a hetu encodes it; the value is ONR's koodisto ``sukupuoli`` code.

    >>> from onr import Sex
    >>> Sex("2")
    <Sex.FEMALE: '2'>
    """

    MALE = "1"
    FEMALE = "2"


class HetuWarning(_CodeEnum):
    """A quirk of a hetu that ONR accepts but the strict (official) rules reject."""

    DATE_CLAMPED = "hetu.warning.date_clamped"
    INDIVIDUAL_NUMBER_NOT_ISSUED = "hetu.warning.individual_number_not_issued"
    NON_ASCII_DIGIT = "hetu.warning.non_ascii_digit"
    FUTURE_BIRTH_DATE = "hetu.warning.future_birth_date"


class Change(_CodeEnum):
    """A change that ``onr.hetu.normalize`` made."""

    TRIMMED = "trimmed"
    DASH_REPLACED = "dash_replaced"
    ASCII_FOLDED = "ascii_folded"
    UPPERCASED = "uppercased"


class Edit(_CodeEnum):
    """The kind of typo that a suggestion of ``onr.hetu.suggest`` undoes."""

    NORMALIZED = "normalized"
    TRANSPOSITION = "transposition"
    SUBSTITUTION = "substitution"
