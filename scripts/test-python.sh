#!/usr/bin/env bash
# The Python package `onr` (bindings-python/): builds the abi3 wheel with maturin, installs it
# into a fresh virtual environment with the pinned test dependencies, checks the type stubs
# with mypy (stubtest against the built module, and the package with --strict), and runs the
# pytest suite (shared vectors, conversions, errors, threads, hypothesis, doctests, the
# pandas/polars/PySpark examples).
#
# Needs python3 (3.10+ for the test dependencies; the wheel itself supports 3.9+), cargo, and
# a JDK for the PySpark test. Environment: PYTHON (interpreter, default python3),
# ONR_PY_VENV (default <cargo target dir>/py-test-venv), extra pytest arguments after `--`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET="$(scripts/cargo-target-dir.sh)"
PYTHON="${PYTHON:-python3}"
VENV="${ONR_PY_VENV:-$TARGET/py-test-venv}"
WHEELS="$TARGET/wheels"

echo "== fresh virtual environment: $VENV ($("$PYTHON" --version))"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
PY="$VENV/bin/python"
"$PY" -m pip install -q --upgrade pip
"$PY" -m pip install -q -r bindings-python/requirements-test.txt

echo "== building the wheel (maturin, release)"
rm -f "$WHEELS"/onr_core-*.whl
# --features test-hooks: the functions only the tests call (a deliberate panic); such a wheel
# is for testing only.
"$VENV/bin/maturin" build --release --locked --features test-hooks -m bindings-python/Cargo.toml -o "$WHEELS" -i "$PY"
"$PY" -m pip install -q --force-reinstall --no-deps "$WHEELS"/onr_core-*.whl

# Run everything from outside the source tree, so that `import onr` is the installed wheel.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

echo "== mypy.stubtest: onr._onr.pyi and the package against the built module"
"$PY" -m mypy.stubtest onr --allowlist "$ROOT/bindings-python/stubtest-allowlist.txt"
echo "== mypy --strict on the package and on a user's code"
"$PY" -m mypy --strict --no-incremental -p onr
"$PY" -m mypy --strict --no-incremental "$ROOT/bindings-python/tests/typecheck_usage.py"

echo "== the onr CLI (the tests compare the bindings with it on the same files)"
(cd "$ROOT" && cargo build -q --release --locked -p onr-cli)
export ONR_CLI="$TARGET/release/onr"

echo "== pytest"
if [ "${1:-}" = "--" ]; then shift; fi  # `scripts/test-python.sh -- -k x`: the rest is for pytest
"$PY" -m pytest "$ROOT/bindings-python/tests" -p no:cacheprovider -ra -q "$@"
