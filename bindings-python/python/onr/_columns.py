"""The typed shapes of the columnar results (``validate_columns``, ``to_columns``)."""

from __future__ import annotations

import datetime
from typing import List, Optional, TypedDict

__all__ = ["HetuColumns", "PairColumns"]


class HetuColumns(TypedDict):
    """The columns of ``onr.hetu.validate_columns``: equally long lists, one item per input;
    ``None`` in every column for a missing input, and in the derived columns where invalid."""

    valid: List[Optional[bool]]
    code: List[Optional[str]]
    birth_date: List[Optional[datetime.date]]
    sex: List[Optional[str]]
    temporary: List[Optional[bool]]
    warnings: List[Optional[str]]


class PairColumns(TypedDict):
    """A chunk of ``DuplicateIndex.pair_chunks(columns=True)`` / ``pair_chunks_with``: equally
    long lists, one item per pair: the record positions ``a`` and ``b``, their ids and the
    similarity (``pandas.DataFrame(chunk)`` and ``pyarrow.Table.from_pydict(chunk)`` take it)."""

    a: List[int]
    b: List[int]
    id_a: List[str]
    id_b: List[str]
    similarity: List[float]
