#!/usr/bin/env bash
# onr-core vs python-stdnum's stdnum.fi.hetu on the same one million inputs, in one run.
# Prints codes/s of each and the ratios. Usage: benches/stdnum-ratio.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
TARGET="$(scripts/cargo-target-dir.sh)"
VENV="${ONR_BENCH_VENV:-$TARGET/bench-venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c 'import stdnum' 2>/dev/null || "$VENV/bin/pip" install -q 'python-stdnum==1.20'
cargo build --release -q -p onr-benches --bins
INPUTS="$TARGET/bench-hetus.txt"
"$TARGET"/release/gen_hetus "$N" 1 > "$INPUTS"
ours=$("$TARGET"/release/hetu_throughput "$INPUTS")
peer=$("$VENV/bin/python" - "$INPUTS" <<'PY'
import sys, time
from stdnum.fi import hetu
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
best = float("inf")
for _ in range(3):
    t = time.perf_counter()
    valid = sum(1 for s in lines if hetu.is_valid(s))
    best = min(best, time.perf_counter() - t)
print(f"stdnum_valid {valid}")
print(f"stdnum_codes_per_s {len(lines) / best:.0f}")
PY
)
echo "$ours"; echo "$peer"
python3 - "$ours" "$peer" <<'PY'
import sys
v = dict(l.split() for l in (sys.argv[1] + "\n" + sys.argv[2]).splitlines())
s = float(v["stdnum_codes_per_s"])
print(f"ratio onr-core batch / python-stdnum:    {float(v['batch_codes_per_s']) / s:8.1f}x")
print(f"ratio onr-core per-call / python-stdnum: {float(v['percall_codes_per_s']) / s:8.1f}x")
print("(python-stdnum validates with its strict rules and allow_temporary=False; onr-core gives ONR's production verdict)")
PY
