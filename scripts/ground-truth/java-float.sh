#!/usr/bin/env bash
# Regenerates tests/vectors/java_float.tsv: Java's Float.toString for a set of floats in [0, 1].
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
java "$ROOT/scripts/ground-truth/java-float/JavaFloatToString.java" > "$ROOT/tests/vectors/java_float.tsv"
echo "wrote $(grep -vc '^#' "$ROOT/tests/vectors/java_float.tsv") floats" >&2
