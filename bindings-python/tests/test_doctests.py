"""Runs the examples in every docstring of the public API (the Rust doc comments of the native
module become these docstrings), so the documentation cannot drift from the behaviour."""

from __future__ import annotations

import doctest
import inspect
from typing import Iterator

import pytest

import onr
import onr._enums
import onr._errors

MODULES = [onr, onr._enums, onr._errors] + [
    getattr(onr, name) for name in onr.__all__ if inspect.ismodule(getattr(onr, name))
]


def _docstrings() -> Iterator[tuple[str, str]]:
    seen: set[str] = set()

    def emit(name: str, doc: object) -> Iterator[tuple[str, str]]:
        if isinstance(doc, str) and ">>>" in doc and doc not in seen:
            seen.add(doc)
            yield name, doc

    for module in MODULES:
        yield from emit(module.__name__, module.__doc__)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            name = f"{module.__name__}.{attr}"
            yield from emit(name, getattr(obj, "__doc__", None))
            if inspect.isclass(obj):
                for member, value in vars(obj).items():
                    bound = getattr(obj, member, value)  # a staticmethod's function
                    doc = getattr(bound, "__doc__", None) or getattr(value, "__doc__", None)
                    yield from emit(f"{name}.{member}", doc)


DOCSTRINGS = list(_docstrings())


def test_there_are_examples() -> None:
    names = {name for name, _ in DOCSTRINGS}
    for expected in ("onr.Hetu", "onr.Hetu.parse", "onr.hetu.is_valid", "onr.hetu.validate_many", "onr.Oid", "onr.oid.validate_many"):
        assert expected in names, sorted(names)
    for expected in ("onr.Person", "onr.linking.Registry", "onr.jaro_winkler", "onr.name_match.identification"):
        assert expected in names, sorted(names)
    assert len(DOCSTRINGS) >= 50


@pytest.mark.parametrize("name, doc", DOCSTRINGS, ids=[name for name, _ in DOCSTRINGS])
def test_docstring_examples(name: str, doc: str) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(doc, {"onr": onr}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)
    assert runner.tries > 0
