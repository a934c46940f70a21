#!/usr/bin/env python3
"""Runs the shell examples of README.md and compares what they print with what the README shows.

An example is a line starting with ``$ `` inside a fenced ``sh`` or ``text`` block; the lines
after it, up to the next ``$ `` line or the end of the block, are its expected output (standard
output and standard error, merged as a terminal shows them). A line ``...`` in the expected output stands for any
number of lines. An example without expected lines must still exit with status 0; so must every
example, unless it shows its status with ``; echo "exit $?"``.

The commands run with bash in the repository root, with the directory given as the first
argument (where the freshly built ``onr`` is) first on PATH, so that a bare ``onr`` is this
checkout's binary. Every file an example names must be in the repository (``examples/``).

Usage: scripts/readme-examples.py BIN_DIR [README]     exit status 0 when every example matches
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def examples(text: str) -> list[tuple[int, str, list[str]]]:
    """(line number, command, expected lines) of every ``$ `` line in a sh/text block."""
    found: list[tuple[int, str, list[str]]] = []
    in_block = False
    current: tuple[int, str, list[str]] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        fence = re.match(r"^```(\w*)\s*$", line)
        if fence and not in_block:
            in_block = fence.group(1) in ("sh", "text", "console")
            continue
        if line.startswith("```"):
            if current:
                found.append(current)
            current, in_block = None, False
            continue
        if not in_block:
            continue
        if line.startswith("$ "):
            if current:
                found.append(current)
            current = (number, line[2:], [])
        elif current:
            current[2].append(line)
    return found


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` fits ``expected``, where a ``...`` line stands for any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    bin_dir = Path(sys.argv[1]).resolve()
    readme = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "README.md"
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", LC_ALL="C.UTF-8")
    env.pop("CLICOLOR_FORCE", None)
    failed = 0
    runs = examples(readme.read_text(encoding="utf-8"))
    for number, command, expected in runs:
        proc = subprocess.run(
            ["bash", "-c", command], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, timeout=600,
        )
        actual = proc.stdout.rstrip("\n").split("\n") if proc.stdout else []
        while expected and expected[-1] == "":
            expected = expected[:-1]
        ok = proc.returncode == 0 and (not expected or matches(expected, actual))
        if not ok:
            failed += 1
            print(f"README.md:{number}: $ {command}\n  exit status {proc.returncode}")
            if expected:
                print("  expected:\n" + "\n".join(f"    {l}" for l in expected))
            print("  got:\n" + "\n".join(f"    {l}" for l in actual[:40]))
    print(f"readme-examples: {len(runs)} examples, {failed} differ from the README")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
