#!/usr/bin/env bash
# The JVM package's tests: builds onr-jvm (cargo), generates the Kotlin bindings, compiles the
# Java facade, runs the JUnit 5 suite (Surefire) and installs fi.onr:onr-core into the local
# Maven repository; then builds and runs examples/java-app against the installed artifact.
# Needs: cargo, a JDK 17+, Maven 3.8+ (Maven downloads its plugins from Maven Central).
set -euo pipefail
cd "$(dirname "$0")/.."

# -q hides Maven's chatter; Surefire's summary lines ("Tests run: N, Failures: 0, ...") are
# logged at INFO, so the Surefire loggers stay at INFO.
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire=info -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugins.surefire=info"

# The native library is built into cargo's own target directory (CARGO_TARGET_DIR and the like).
# -Ptest-hooks: the library with the exports only the tests call (a deliberate panic) and the
# tests that call them (java/src/test-hooks).
mvn -B -q -f bindings-jvm/pom.xml install -Ptest-hooks -Dcargo.target.dir="$(scripts/cargo-target-dir.sh)"
mvn -B -q -f examples/java-app/pom.xml compile exec:exec
