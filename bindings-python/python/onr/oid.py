"""OID (object identifier of the Finnish education administration, under ``1.2.246.562``).

Every person in ONR has an OID ``1.2.246.562.<node>.<number><check>``: the node says what kind
of object it is (24 persons in production, 98/198/298 persons in the test environments, 10
organisations), the number is ten digits from 1000000000 to 9999999999, and the check digit
is IBM "7-3-1" for node 24 and Luhn for every other node.

ONR itself does not validate OIDs: any non-empty text is accepted and simply matches nothing.
``is_valid``, ``validate`` and ``validate_many`` check an OID as ONR *generates* them;
``Oid.parse_lenient`` checks only the syntax, for the special OIDs real data holds (the root
organisation ``1.2.246.562.10.00000000001``).

The first failure wins, in this order: empty, root, shape, node, length of the last segment,
leading zero, check digit.

>>> from onr import oid
>>> oid.is_valid("1.2.246.562.24.25909319372")
True
>>> oid.validate("1.2.246.562.98.24707445854").node
98
"""

from __future__ import annotations

from collections.abc import Sequence as _Sequence

from onr import _onr
from onr._errors import OidError

Oid = _onr.Oid
OidResult = _onr.OidResult
OidResults = _onr.OidResults
OidGenerator = _onr.OidGenerator
Generator = OidGenerator

is_valid = _onr.oid_is_valid
validate = _onr.Oid.parse
validate_lenient = _onr.Oid.parse_lenient
validate_many = _onr.oid_validate_many
check_digit = _onr.oid_check_digit

#: The root of every OID of the Finnish education administration (``1.2.246.562``), from onr-core.
ROOT: str = _onr.OID_ROOT
#: The node of person OIDs in production (24; the only node checked with IBM 7-3-1).
PERSON_NODE: int = _onr.OID_PERSON_NODE
#: The node of organisation OIDs (10).
ORGANISATION_NODE: int = _onr.OID_ORGANISATION_NODE
#: Every error code of ``OidError``, in the order of the checks.
ERROR_CODES: tuple[str, ...] = tuple(_onr.oid_error_codes())

__all__ = [
    "ERROR_CODES",
    "Generator",
    "OidGenerator",
    "ORGANISATION_NODE",
    "Oid",
    "OidError",
    "OidResult",
    "OidResults",
    "PERSON_NODE",
    "ROOT",
    "check_digit",
    "is_valid",
    "validate",
    "validate_lenient",
    "validate_many",
]

_Sequence.register(OidResults)
