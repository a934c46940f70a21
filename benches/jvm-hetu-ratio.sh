#!/usr/bin/env bash
# ONR's hetu verdict on the JVM, in one JVM run on the same inputs (default one million):
# Hetu.validateAll (one native call per batch) and Hetu.isValid (one native call per input)
# against a straightforward pure-Java validator; prints the RATIO lines.
# Options: ONR_BENCH_N (inputs, default 1000000), ONR_BENCH_ROUNDS (timed rounds, default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -f bindings-jvm/pom.xml -Pbench verify -Dcargo.target.dir="$(scripts/cargo-target-dir.sh)" \
    -Donr.bench.n="${ONR_BENCH_N:-1000000}" -Donr.bench.rounds="${ONR_BENCH_ROUNDS:-5}"
