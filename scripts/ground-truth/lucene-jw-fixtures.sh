#!/usr/bin/env bash
# Regenerates tests/vectors/jaro_winkler.tsv: Jaro-Winkler of many pairs as the real Lucene class
# (org.apache.lucene.search.spell.JaroWinklerDistance, lucene-suggest 8.7.0 from Debian's
# liblucene8-java) computes and Java prints it. The pairs come from jw_pairs.py (seeded).
# Needs Java and python3; scripts/ground-truth/tools/lucene-jw/run.sh (or LUCENE_JW_TOOL) installs Lucene.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOL="${LUCENE_JW_TOOL:-$ROOT/scripts/ground-truth/tools/lucene-jw/run.sh}"
OUT="$ROOT/tests/vectors/jaro_winkler.tsv"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

python3 "$ROOT/scripts/ground-truth/jw_pairs.py" fixture > "$TMP/pairs.tsv"
"$TOOL" < "$TMP/pairs.tsv" > "$TMP/lucene.tsv"
[ "$(wc -l < "$TMP/pairs.tsv")" = "$(wc -l < "$TMP/lucene.tsv")" ] || { echo "tool skipped lines" >&2; exit 1; }
{
  echo "# Lucene JaroWinklerDistance.getDistance(a, b) and (value >= 0.85f), as Java prints them"
  echo "# source: lucene-suggest 8.7.0 (Debian liblucene8-java) via scripts/ground-truth/tools/lucene-jw/run.sh, $(java -version 2>&1 | head -1)"
  echo "# regenerate: scripts/ground-truth/lucene-jw-fixtures.sh"
  echo "# columns: a<TAB>b<TAB>Float.toString(value)<TAB>verdict; escapes: \\\\ \\t \\n \\r and \\u{HEX}"
  python3 "$ROOT/scripts/ground-truth/jw_pairs.py" escape < "$TMP/lucene.tsv"
} > "$OUT"
echo "wrote $(grep -vc '^#' "$OUT") pairs to $OUT" >&2
