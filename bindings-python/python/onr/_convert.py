"""Helpers of the native module's conversions."""

from __future__ import annotations

import datetime
from typing import Any


def json_default(value: Any) -> Any:
    """What ``json.dumps`` cannot write itself: dates as ISO text, sets as sorted lists."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"{type(value).__name__} is not a JSON value")
