"""Shared helpers of the onr test suite: the shared vectors of ``tests/vectors/`` at the
repository root (the same files the Rust and JVM suites read) and the ``Err(code)`` marker."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import pytest

VECTORS = Path(os.environ.get("ONR_VECTORS", Path(__file__).resolve().parents[2] / "tests" / "vectors"))

_ESCAPE = re.compile(r"\\(\\|t|n|r|u\{[0-9A-Fa-f]{1,6}\}|.?)")
_SIMPLE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def unescape(field: str) -> str:
    """Undoes the one escape dialect of ``tests/vectors/*.tsv`` (CONTRIBUTING.md, "Escapes"):
    ``\\\\``, ``\\t``, ``\\n``, ``\\r`` and ``\\u{HEX}``; everything else is literal. Any
    other escape (the retired ``\\uXXXX`` / ``\\UXXXXXXXX`` form included) raises
    ``ValueError`` naming it and the field, so a stray one fails loudly."""

    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        if e in _SIMPLE:
            return _SIMPLE[e]
        if e.startswith("u{"):
            code = int(e[2:-1], 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise ValueError(f"bad \\{e} in vector field {field!r}: not a Unicode scalar value")
            return chr(code)
        if not e:
            raise ValueError(f"a lone backslash ends vector field {field!r}: write \\\\")
        raise ValueError(
            f"unknown escape \\{e} in vector field {field!r}: the vectors know \\\\ \\t \\n \\r and \\u{{HEX}}"
        )

    return _ESCAPE.sub(one, field)


def read_vectors(name: str) -> List[List[str]]:
    """The rows of a vector file: comments (``#``) and the header line skipped, fields unescaped."""
    path = VECTORS / name
    if not path.exists():
        pytest.fail(f"shared vectors not found: {path} (set ONR_VECTORS)")
    lines: Iterator[str] = (
        line for line in path.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")
    )
    next(lines)  # the header
    return [[unescape(f) for f in line.split("\t")] for line in lines]


@dataclass(frozen=True)
class Err:
    """An expected error, by its stable code: ``Err("hetu.checksum")`` in a test table."""

    code: str


def read_fixture(name: str) -> List[List[str]]:
    """The rows of a vector file without a header line (the ground-truth fixtures; ``#``
    comments), fields unescaped."""
    path = VECTORS / name
    if not path.exists():
        pytest.fail(f"shared vectors not found: {path} (set ONR_VECTORS)")
    rows = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        if not line or line.startswith("#"):
            continue
        rows.append([unescape(f) for f in line.split("\t")])
    return rows


@pytest.fixture(scope="session")
def onr_cli() -> Path:
    """The ``onr`` command line tool of this checkout (``ONR_CLI``, else built with cargo into
    cargo's own target directory), to compare the bindings with the CLI on the same files."""
    import json
    import subprocess

    if "ONR_CLI" in os.environ:
        return Path(os.environ["ONR_CLI"])
    root = Path(__file__).resolve().parents[2]
    subprocess.run(["cargo", "build", "-q", "--release", "--locked", "-p", "onr-cli"], cwd=root, check=True)
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout
    return Path(json.loads(meta)["target_directory"]) / "release" / "onr"
