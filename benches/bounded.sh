#!/usr/bin/env bash
# Memory and time of the streamed self-join through the real binary (issue "nothing unbounded").
# Prints, per case, peak resident memory (MiB), wall and CPU seconds, and the pair/row counts:
#   1. 4,000 identical persons through `onr duplicates` (7,998,000 pairs; aim < 300 MB);
#   2. the same 4,000 as an import batch through `onr check` (aim < 500 MB);
#   3. 50,000 rows with heavily repeated names (10 first names x 8 surnames x 2 birth
#      years) through `onr check` (aim < 1 GB and < 30 s on 2 cores).
# The registry-shaped self-join at 1M/2M/4M persons is `dup_throughput N 2026 registry`
# (benches/src/bin/dup_throughput.rs), run by this script with `--registry "1000000 2000000"`.
# Usage: benches/bounded.sh [--registry "N..."]   (run it niced on a shared machine)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
REGISTRY=""
if [ "${1:-}" = "--registry" ]; then REGISTRY="${2:-1000000 2000000}"; fi
cargo build --release -q -p onr-cli -p onr-benches --bin dup_throughput
TARGET="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
ONR="$TARGET/release/onr"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 - "$TMP" <<'PY'
import random, sys
tmp = sys.argv[1]
with open(f"{tmp}/same.csv", "w") as f:
    f.write("id,etunimet,kutsumanimi,sukunimi,syntymaaika\n")
    for i in range(4000):
        f.write(f"{i},Anna Maria,Anna,Virtanen,2001-01-01\n")
with open(f"{tmp}/same-batch.csv", "w") as f:
    f.write("tunniste,passinumero,etunimet,kutsumanimi,sukunimi,syntymaaika,kansalaisuus\n")
    for i in range(4000):
        f.write(f"T{i},P{i:07d},Anna Maria,Anna,Virtanen,2001-01-01,752\n")
rng = random.Random(2026)
first = ["Anna", "Maria", "Aino", "Eino", "Matti", "Juhani", "Liisa", "Pekka", "Helmi", "Onni"]
last = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Koskinen", "Laine", "Heikkinen", "Järvinen"]
with open(f"{tmp}/repeated-batch.csv", "w") as f:
    f.write("tunniste,passinumero,etunimet,kutsumanimi,sukunimi,syntymaaika,kansalaisuus\n")
    for i in range(50000):
        k = rng.choice(first)
        e = " ".join(dict.fromkeys([k, rng.choice(first)]))
        d = f"{rng.choice([2005, 2006])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        f.write(f"T{i},P{i:07d},{e},{k},{rng.choice(last)},{d},752\n")
PY

measure() { # name, aim, command...
  local name="$1" aim="$2"; shift 2
  /usr/bin/time -f "%M %e %U %S" -o "$TMP/time" "$@" > "$TMP/out" 2> "$TMP/err" || true
  read -r kb wall user sys < "$TMP/time"
  printf '%-34s peak %6.0f MiB  wall %6.2f s  cpu %6.2f s  (aim %s)  %s\n' "$name" \
    "$(echo "$kb / 1024" | bc -l)" "$wall" "$(echo "$user + $sys" | bc -l)" "$aim" "$(tail -n 1 "$TMP/err")"
}
measure "duplicates, 4,000 identical" "< 300 MB" "$ONR" duplicates "$TMP/same.csv"
echo "  pairs written: $(( $(wc -l < "$TMP/out") - 1 ))"
measure "check, 4,000 identical" "< 500 MB" "$ONR" check --format json "$TMP/same-batch.csv"
echo "  likely_duplicate warnings: $(grep -o '"import.lint.likely_duplicate": [0-9]*' "$TMP/out" | head -1)"
measure "check, 50,000 repeated names" "< 1 GB, < 30 s" "$ONR" check --format json "$TMP/repeated-batch.csv"
echo "  likely_duplicate warnings: $(grep -o '"import.lint.likely_duplicate": [0-9]*' "$TMP/out" | head -1)"
for n in $REGISTRY; do
  "$TARGET/release/dup_throughput" "$n" 2026 registry
done
