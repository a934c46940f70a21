#!/usr/bin/env python3
"""Rewrites PostgreSQL's COPY text output (stdin) into the one escape dialect of
tests/vectors/*.tsv (stdout; CONTRIBUTING.md, "Escapes"): ``\\\\``, ``\\t``, ``\\n`` and ``\\r``
stay, COPY's ``\\b`` ``\\f`` ``\\v`` become ``\\u{8}`` ``\\u{C}`` ``\\u{B}``, and the control
characters COPY writes raw become ``\\u{HEX}``. A NULL (``\\N``) or any other escape is an error:
the vectors have no NULLs.

Usage: ... COPY (...) TO STDOUT | scripts/ground-truth/copy_text.py > tests/vectors/x.tsv
"""
import sys

COPY = {"\\": "\\\\", "t": "\\t", "n": "\\n", "r": "\\r", "b": "\\u{8}", "f": "\\u{C}", "v": "\\u{B}"}


def field(s: str) -> str:
    out = []
    chars = iter(s)
    for c in chars:
        if c == "\\":
            k = next(chars, "")
            if k not in COPY:
                sys.exit(f"copy_text.py: unexpected COPY escape \\{k} in {s!r}")
            out.append(COPY[k])
        elif ord(c) < 0x20 or ord(c) == 0x7F or ord(c) in (0x85, 0x2028, 0x2029):
            out.append("\\u{%X}" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def main() -> None:
    for line in sys.stdin.read().split("\n"):
        if line:
            print("\t".join(field(f) for f in line.split("\t")))


if __name__ == "__main__":
    main()
