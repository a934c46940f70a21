"""onr (the Python package) against python-stdnum's ``stdnum.fi.hetu.is_valid``, in one run,
on the same generated inputs: prints codes per second and the ratios.

    python benches/python_hetu_ratio.py [N] [ROUNDS]     (default 1000000 inputs, 3 rounds)

Measured, on the same list of N inputs (the mix of ``onr_benches::mixed_hetus``: about 60%
valid ordinary codes, 10% valid temporary codes, the rest the usual mistakes):

* python-stdnum: a plain loop ``[stdnum.fi.hetu.is_valid(s) for s in inputs]``;
* onr per call: the same loop over ``onr.hetu.is_valid``;
* onr batch: ``onr.hetu.validate_many(inputs)`` (one call; the verdicts are held natively
  and each result object is made when accessed), and, for information, the same plus
  reading every verdict (``.valid``) and ``validate_columns`` (six columns of Python objects).

Each measure is the best of ROUNDS, the rounds interleaved so that all share the machine's
load. Times are CPU time of this process (``time.process_time``; the machine may be shared),
wall-clock figures are printed beside them. Targets: batch >= 50x, per call >= 5x.
"""

from __future__ import annotations

import datetime
import sys
import time
from typing import Callable, Dict, List, Tuple

import onr
from stdnum.fi import hetu as stdnum_hetu


def mixed_hetus(n: int, seed: int = 1) -> List[str]:
    """The inputs of ``onr_benches::mixed_hetus`` (benches/src/lib.rs), made with onr's own
    deterministic generator."""
    g = onr.hetu.Generator(seed)
    start = datetime.date(1930, 1, 1)
    out = []
    for i in range(n):
        day = start + datetime.timedelta(days=(i * 7919) % 30_000)
        h = str(g.temporary(day) if i % 10 == 9 else g.ordinary(day))
        k = i % 20
        if k == 12:
            h = h[:10] + "X"
        elif k == 13:
            h = h[:7] + h[8] + h[7] + h[9:]
        elif k == 14:
            h = " " + h
        elif k == 15:
            h = h.lower()
        elif k == 16:
            h = h[:10]
        elif k == 17:
            h = h[:6] + "Z" + h[7:]
        out.append(h)
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    inputs = mixed_hetus(n)
    stdnum_is_valid = stdnum_hetu.is_valid
    onr_is_valid = onr.hetu.is_valid
    validate_many = onr.hetu.validate_many

    cases: Dict[str, Callable[[], object]] = {
        "python-stdnum is_valid loop": lambda: [stdnum_is_valid(s) for s in inputs],
        "onr.hetu.is_valid loop": lambda: [onr_is_valid(s) for s in inputs],
        "onr.hetu.validate_many": lambda: validate_many(inputs),
        "onr.hetu.validate_many(...).valid": lambda: validate_many(inputs).valid,
        "onr.hetu.validate_columns": lambda: onr.hetu.validate_columns(inputs),
    }
    best: Dict[str, Tuple[float, float]] = {name: (float("inf"), float("inf")) for name in cases}
    answers: Dict[str, object] = {}
    for _ in range(rounds):
        for name, run in cases.items():
            cpu, wall = time.process_time(), time.perf_counter()
            answers[name] = run()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            best[name] = (min(best[name][0], cpu), min(best[name][1], wall))
            answers[name] = None if "columns" in name else answers[name]

    stdnum_valid = sum(1 for s in inputs if stdnum_is_valid(s))
    onr_valid = sum(validate_many(inputs).valid)
    print(f"inputs: {n} (onr production verdict: {onr_valid} valid; python-stdnum: {stdnum_valid} valid)")
    print(f"python-stdnum {getattr(__import__('stdnum'), '__version__', '?')}, onr {onr.__version__}, best of {rounds}")
    print(f"{'':36} {'CPU s':>8} {'codes/s':>12} {'wall s':>8}")
    for name, (cpu, wall) in best.items():
        print(f"{name:36} {cpu:8.3f} {n / cpu:12.0f} {wall:8.3f}")
    peer_cpu, peer_wall = best["python-stdnum is_valid loop"]
    print()
    for label, name, target in (
        ("batch    (validate_many)", "onr.hetu.validate_many", 50),
        ("per call (is_valid loop)", "onr.hetu.is_valid loop", 5),
        ("batch, verdicts read    ", "onr.hetu.validate_many(...).valid", None),
        ("columns (validate_columns)", "onr.hetu.validate_columns", None),
    ):
        cpu, wall = best[name]
        goal = f"  (target >= {target}x)" if target else ""
        print(f"ratio {label} / python-stdnum: {peer_cpu / cpu:7.1f}x CPU, {peer_wall / wall:7.1f}x wall{goal}")


if __name__ == "__main__":
    main()
