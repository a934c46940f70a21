#!/usr/bin/env bash
# onr (Python) vs python-stdnum on the same one million hetu inputs, in one run; prints the
# ratios. Builds the wheel, installs it with python-stdnum into a virtual environment.
# Usage: benches/python-hetu-ratio.sh [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET="$(scripts/cargo-target-dir.sh)"
PYTHON="${PYTHON:-python3}"
VENV="${ONR_BENCH_PY_VENV:-$TARGET/py-bench-venv}"
WHEELS="$TARGET/wheels"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q "maturin==1.16.0" "python-stdnum==2.2"
rm -f "$WHEELS"/onr_core-*.whl
"$VENV/bin/maturin" build --release --locked -q -m bindings-python/Cargo.toml -o "$WHEELS" -i "$VENV/bin/python"
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$WHEELS"/onr_core-*.whl
cd "$(mktemp -d)"
"$VENV/bin/python" "$ROOT/benches/python_hetu_ratio.py" "$@"
