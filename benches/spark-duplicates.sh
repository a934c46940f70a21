#!/usr/bin/env bash
# onr.spark (Spark local[2]) against the single-machine join at 200,000 and 1,000,000
# registry-shaped persons, in one run: overhead ratio, shuffle bytes per record, largest
# task's share (benches/spark_duplicates.py). Builds the wheel and installs it with PySpark
# and PyArrow (the pinned test versions) into a virtual environment. Needs a JDK.
# Usage: benches/spark-duplicates.sh [N ...]   (run it niced on a shared machine)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET="$(scripts/cargo-target-dir.sh)"
PYTHON="${PYTHON:-python3}"
VENV="${ONR_BENCH_PY_VENV:-$TARGET/py-spark-bench-venv}"
WHEELS="$TARGET/wheels"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q "maturin==1.16.0" \
    $(grep -E '^(pyspark|pyarrow|pandas|numpy)==' bindings-python/requirements-test.txt)
fi
rm -f "$WHEELS"/onr_core-*.whl
"$VENV/bin/maturin" build --release --locked -q -m bindings-python/Cargo.toml -o "$WHEELS" -i "$VENV/bin/python"
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$WHEELS"/onr_core-*.whl
cd "$(mktemp -d)"
"$VENV/bin/python" "$ROOT/benches/spark_duplicates.py" "$@"
