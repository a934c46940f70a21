#!/usr/bin/env bash
# Runs every cargo-fuzz target for N seconds (default 10): scripts/fuzz.sh [SECONDS] [TARGET...]
# CI's short run is `scripts/fuzz.sh 10` (part of scripts/test); the long run, to be started
# by hand (about 100 minutes for the ten targets), is `scripts/fuzz.sh 600`.
# Each target starts from its committed seeds (fuzz/seeds/<target>/, written by
# scripts/gen-fuzz-seeds.py from tests/vectors and examples/) plus what earlier runs found
# (fuzz/corpus/<target>/, not committed). Inputs reach real file sizes: up to 1 MiB for the
# batch targets (import_csv, import_json, check_batch), 64 KiB for the others; check_batch
# also has a time budget per byte (in the target) and a memory limit of 2 GiB.
# The toolchain is stable; cargo-fuzz needs nightly flags, which RUSTC_BOOTSTRAP=1 allows.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-10}"; shift || true
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz); fi
ok=0
for t in "${targets[@]}"; do
  case "$t" in
    import_csv|import_json|check_batch) max_len=1048576 ;;
    *) max_len=65536 ;;
  esac
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s (inputs up to $max_len bytes)"
  mkdir -p "fuzz/corpus/$t"
  corpora=("fuzz/corpus/$t")
  if [ -d "fuzz/seeds/$t" ]; then corpora+=("fuzz/seeds/$t"); fi
  log=$(mktemp)
  if cargo fuzz run --fuzz-dir fuzz "$t" "${corpora[@]}" -- -max_total_time="$SECONDS_PER_TARGET" \
      -max_len="$max_len" -rss_limit_mb=2048 -timeout=60 -print_final_stats=1 >"$log" 2>&1; then
    grep -E 'stat::number_of_executed_units' "$log" || true
  else
    tail -40 "$log"; ok=1
  fi
  rm -f "$log"
done
[ $ok -eq 0 ] && echo "fuzz: ${#targets[@]} targets, no crash"
exit $ok
