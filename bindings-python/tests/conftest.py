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

_ESCAPE = re.compile(r"\\(\\|t|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")


def unescape(field: str) -> str:
    """Undoes the escapes of the vector files: ``\\\\``, ``\\t``, ``\\uXXXX``, ``\\UXXXXXXXX``."""

    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        if e == "\\":
            return "\\"
        if e == "t":
            return "\t"
        return chr(int(e[1:], 16))

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


_FIXTURE_ESCAPE = re.compile(r"\\(\\|t|n|r|u\{[0-9A-Fa-f]+\})")


def unescape_fixture(field: str) -> str:
    """Undoes the escapes of the ground-truth fixtures: ``\\\\``, ``\\t``, ``\\n``, ``\\r``,
    ``\\u{HEX}`` (as ``onr-core/tests/common/mod.rs`` does)."""

    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        return {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}.get(e) or chr(int(e[2:-1], 16))

    return _FIXTURE_ESCAPE.sub(one, field)


def read_fixture(name: str) -> List[List[str]]:
    """The rows of a ground-truth fixture (no header line; ``#`` comments), fields unescaped."""
    path = VECTORS / name
    if not path.exists():
        pytest.fail(f"shared vectors not found: {path} (set ONR_VECTORS)")
    rows = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        if not line or line.startswith("#"):
            continue
        rows.append([unescape_fixture(f) for f in line.split("\t")])
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
