#!/usr/bin/env bash
# The project's ground-truth tool for Lucene's JaroWinklerDistance (the class ONR uses for name
# checks), from Debian's liblucene8-java (lucene-suggest 8.7.0; the algorithm is unchanged up to
# Lucene 10). Installs the package with apt-get when missing (needs root), compiles
# JaroWinklerTool.java once into cargo's target directory, and runs it.
# Usage: run.sh < pairs.tsv   (lines "a<TAB>b")  ->  "a<TAB>b<TAB>value<TAB>value>=0.85f"
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
JAR=/usr/share/java/lucene-suggest-8.7.0.jar
if [ ! -f "$JAR" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "lucene-jw: $JAR is missing; install Debian's liblucene8-java (apt-get install liblucene8-java) as root" >&2
    exit 1
  fi
  echo "lucene-jw: installing Debian's liblucene8-java" >&2
  apt-get update -qq && apt-get install -y -qq liblucene8-java >/dev/null
fi
command -v javac >/dev/null 2>&1 || { echo "lucene-jw: javac not found: install a JDK 17+" >&2; exit 1; }
OUT="$("$ROOT/scripts/cargo-target-dir.sh")/lucene-jw-tool"
mkdir -p "$OUT"
[ "$OUT/JaroWinklerTool.class" -nt "$HERE/JaroWinklerTool.java" ] \
  || javac -nowarn -d "$OUT" -cp "$JAR" "$HERE/JaroWinklerTool.java"
exec java -cp "$JAR:$OUT" JaroWinklerTool
