#!/usr/bin/env bash
# Runs scripts/ground-truth/onr-normalize/OnrNormalize.java against the libraries ONR uses for
# name normalisation (commons-lang3 3.20.0, junidecode 0.5.2; versions from ONR's pom.xml),
# fetched from Maven Central with Maven.
# Usage: onr-normalize.sh table|fixture|normalize   (see the Java file for the modes)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${TMPDIR:-/tmp}/onr-normalize-tool"
mkdir -p "$WORK/lib" "$WORK/classes"
for artifact in org.apache.commons:commons-lang3:3.20.0 net.gcardone.junidecode:junidecode:0.5.2; do
  name="$(echo "$artifact" | cut -d: -f2)-$(echo "$artifact" | cut -d: -f3).jar"
  if [ ! -f "$WORK/lib/$name" ]; then
    mvn -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$WORK/lib" >&2
  fi
done
CP="$WORK/lib/commons-lang3-3.20.0.jar:$WORK/lib/junidecode-0.5.2.jar"
SRC="$HERE/onr-normalize/OnrNormalize.java"
[ "$WORK/classes/OnrNormalize.class" -nt "$SRC" ] || javac -encoding UTF-8 -d "$WORK/classes" -cp "$CP" "$SRC"
exec java -Dfile.encoding=UTF-8 -cp "$CP:$WORK/classes" OnrNormalize "$@"
