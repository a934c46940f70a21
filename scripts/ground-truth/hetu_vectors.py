#!/usr/bin/env python3
"""Writes tests/vectors/hetu_onr.tsv from verdicts computed by ONR's own validator.

Input (stdin): lines `input<TAB>prod_valid<TAB>prod_date<TAB>prod_sex<TAB>test_valid<TAB>test_date<TAB>test_sex`
as printed by a harness that calls ONR's `HetuUtils` (hetuIsValid, dateFromHetu,
sukupuoliFromHetu) unchanged, with setAllowFake(false) (production) and setAllowFake(true)
(test environments). The harness and ONR's code are not part of this repository; any JDK 17
run of HetuUtils.java from Opetushallitus/oppijanumerorekisteri reproduces the verdicts.

Output: the same columns with the input escaped (escape(): the one dialect of tests/vectors/)
and a provenance header.
"""
import sys

HEADER = """# Hetu verdicts of ONR's own validator (HetuUtils.java, Opetushallitus/oppijanumerorekisteri
# commit 80e429aa9c8c0a600d45a2616516d781188948c2), run unchanged on OpenJDK 17.0.15.
# Inputs: every hetu-shaped value of the domain rules (section 1.11, appendix A) and the
# synthetic probes of scripts/ground-truth/hetu_inputs.py --seed 2026 --count 30000.
# regenerate: scripts/ground-truth/hetu_inputs.py | <ONR HetuUtils harness> | scripts/ground-truth/hetu_vectors.py
# Escapes in the input column (the one dialect of tests/vectors/, CONTRIBUTING.md): \\\\ backslash,
# \\t \\n \\r, and \\u{HEX} for other control and line-separator characters; everything else is
# literal UTF-8 (leading/trailing spaces too).
# Columns: input, production verdict, birth date, sex code, test-environment verdict, birth date, sex code.
input\tprod_valid\tprod_birth_date\tprod_sex\ttest_valid\ttest_birth_date\ttest_sex"""


ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape(s: str) -> str:
    """The one escape dialect of tests/vectors/ (CONTRIBUTING.md): ``\\\\``, ``\\t``, ``\\n``,
    ``\\r``, and ``\\u{HEX}`` for the other control and line-separator characters."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif o < 0x20 or o == 0x7F or o in (0x85, 0x2028, 0x2029):
            out.append(f"\\u{{{o:X}}}")
        else:
            out.append(ch)
    return "".join(out)


def main():
    seen = set()
    print(HEADER)
    for line in sys.stdin.read().split("\n"):
        if not line:
            continue
        fields = line.split("\t")
        inp = "\t".join(fields[:-6])
        if inp in seen:
            continue
        seen.add(inp)
        print("\t".join([escape(inp)] + fields[-6:]))


if __name__ == "__main__":
    main()
