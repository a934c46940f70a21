#!/usr/bin/env bash
# Live differential test of Jaro-Winkler and ONR's name normalisation against the real Java
# libraries, on fresh random input:
#   1. `onr similarity --metric jaro-winkler` vs Lucene's JaroWinklerDistance (lucene-suggest
#      8.7.0 from Debian's liblucene8-java, which scripts/ground-truth/tools/lucene-jw/run.sh installs):
#      printed value and verdict, line for line;
#   2. `onr similarity --normalize` vs Lucene on the pairs normalised by ONR's own libraries
#      (commons-lang3 3.20.0 + junidecode 0.5.2 from Maven Central, scripts/ground-truth/onr-normalize.sh);
#   3. onr-core's comparison_form vs ONR's normalize on every code point and on random strings.
# Env: ONR_DIFF_SEED (default: the time), ONR_DIFF_PAIRS (default 20000).
# Exit status 0 only if every answer is identical.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
TOOL="${LUCENE_JW_TOOL:-$ROOT/scripts/ground-truth/tools/lucene-jw/run.sh}"
SEED="${ONR_DIFF_SEED:-$(date +%s)}"
PAIRS="${ONR_DIFF_PAIRS:-20000}"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
echo "lucene-differential: seed $SEED, $PAIRS pairs"
[ -x "$TOOL" ] || { echo "lucene-differential: $TOOL not found (set LUCENE_JW_TOOL)"; exit 1; }

cargo build -q --release -p onr-cli --locked
ONR="$(scripts/cargo-target-dir.sh)/release/onr"
status=0

# 1. Raw pairs.
python3 scripts/ground-truth/jw_pairs.py random "$SEED" "$PAIRS" > "$TMP/pairs.tsv"
"$TOOL" < "$TMP/pairs.tsv" | awk -F'\t' '{ print $3 "\t" ($4 == "true" ? 1 : 0) }' > "$TMP/lucene.txt"
"$ONR" similarity --metric jaro-winkler < "$TMP/pairs.tsv" > "$TMP/onr.txt"
raw_diff=$(paste "$TMP/pairs.tsv" "$TMP/lucene.txt" "$TMP/onr.txt" | awk -F'\t' '$3 != $5 || $4 != $6' | tee "$TMP/raw-diff.txt" | wc -l)
echo "jaro-winkler raw: $(wc -l < "$TMP/pairs.tsv") pairs, $raw_diff differ from Lucene"
[ "$raw_diff" -eq 0 ] || { head -20 "$TMP/raw-diff.txt"; status=1; }

# 2. Normalised pairs: ONR's normalize in Java, then Lucene; against `onr similarity --normalize`.
python3 - "$TMP" <<'PY'
import sys, os
sys.path.insert(0, "scripts/ground-truth")
from jw_pairs import escape
tmp = sys.argv[1]
with open(os.path.join(tmp, "pairs.tsv"), encoding="utf-8", newline="\n") as f, \
     open(os.path.join(tmp, "sides.txt"), "w", encoding="utf-8", newline="\n") as out:
    for line in f.read().split("\n"):
        if line:
            a, b = line.split("\t", 1)
            out.write(escape(a) + "\n" + escape(b) + "\n")
PY
scripts/ground-truth/onr-normalize.sh normalize < "$TMP/sides.txt" > "$TMP/normalized.tsv"
python3 - "$TMP" <<'PY'
import sys, os
tmp = sys.argv[1]
def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(c); i += 1; continue
        n = s[i + 1]
        if n == "u":
            end = s.index("}", i)
            out.append(chr(int(s[i + 3:end], 16))); i = end + 1
        else:
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[n]); i += 2
    return "".join(out)
sides = [unescape(l.split("\t")[1]) for l in open(os.path.join(tmp, "normalized.tsv"), encoding="utf-8").read().split("\n") if l]
pairs = [l for l in open(os.path.join(tmp, "pairs.tsv"), encoding="utf-8", newline="\n").read().split("\n") if l]
kept_raw, kept_norm = [], []
for i, raw in enumerate(pairs):
    a, b = sides[2 * i], sides[2 * i + 1]
    if any(c in s for s in (a, b) for c in "\t\r\n"):
        continue  # Lucene's tool reads lines: a normalised line separator cannot be passed to it
    kept_raw.append(raw); kept_norm.append(a + "\t" + b)
open(os.path.join(tmp, "norm-raw.tsv"), "w", encoding="utf-8", newline="\n").write("".join(l + "\n" for l in kept_raw))
open(os.path.join(tmp, "norm-java.tsv"), "w", encoding="utf-8", newline="\n").write("".join(l + "\n" for l in kept_norm))
PY
"$TOOL" < "$TMP/norm-java.tsv" | awk -F'\t' '{ print $3 "\t" ($4 == "true" ? 1 : 0) }' > "$TMP/lucene-norm.txt"
"$ONR" similarity --metric jaro-winkler --normalize < "$TMP/norm-raw.tsv" > "$TMP/onr-norm.txt"
norm_diff=$(paste "$TMP/norm-raw.tsv" "$TMP/lucene-norm.txt" "$TMP/onr-norm.txt" | awk -F'\t' '$3 != $5 || $4 != $6' | tee "$TMP/norm-diff.txt" | wc -l)
echo "jaro-winkler --normalize: $(wc -l < "$TMP/norm-raw.tsv") pairs, $norm_diff differ from ONR's normalize + Lucene"
[ "$norm_diff" -eq 0 ] || { head -20 "$TMP/norm-diff.txt"; status=1; }

# 3. The normalisation alone: every code point on its own, and the random strings of step 1.
python3 -c '
for cp in range(0x110000):
    if not 0xD800 <= cp <= 0xDFFF:
        print("\\u{%X}" % cp)' > "$TMP/codepoints.txt"
cat "$TMP/codepoints.txt" "$TMP/sides.txt" | scripts/ground-truth/onr-normalize.sh normalize > "$TMP/normalize-vectors.tsv"
if ONR_NORMALIZE_VECTORS="$TMP/normalize-vectors.tsv" cargo test -q --workspace --locked \
    --test onr_normalize -- --nocapture > "$TMP/normalize-test.txt" 2>&1; then
  grep -E "checked" "$TMP/normalize-test.txt" | sed 's/^/normalize: /'
else
  grep -E "checked|differ|java|panicked" "$TMP/normalize-test.txt" | head -40
  status=1
fi

[ "$status" -eq 0 ] && echo "lucene-differential: all identical (seed $SEED)" || echo "lucene-differential: FAILED (seed $SEED)"
exit "$status"
