#!/usr/bin/env bash
# Runs every cargo-fuzz target for N seconds (default 10): scripts/fuzz.sh [SECONDS] [TARGET...]
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
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s"
  mkdir -p "fuzz/corpus/$t"
  log=$(mktemp)
  if cargo fuzz run --fuzz-dir fuzz "$t" -- -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -print_final_stats=1 >"$log" 2>&1; then
    grep -E 'stat::number_of_executed_units' "$log" || true
  else
    tail -40 "$log"; ok=1
  fi
  rm -f "$log"
done
[ $ok -eq 0 ] && echo "fuzz: ${#targets[@]} targets, no crash"
exit $ok
