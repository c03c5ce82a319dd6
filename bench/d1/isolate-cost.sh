#!/usr/bin/env bash
# The isolate's CPU per worker select in one JVM (bench/d1/IsolateCost.java; see bench/README.md, session 6).
# Needs worker-runtime built (mvn -B install -DskipTests -pl worker-runtime). Args: [rounds] [selects per round].
# MAVEN_ARGS may carry e.g. -Dmaven.repo.local=... for the class path lookup.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -o ${MAVEN_ARGS:-} -f "$REPO/worker-runtime/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
java -cp "$REPO/worker-runtime/target/classes:$(cat "$CP_FILE")" "$REPO/bench/d1/IsolateCost.java" "$@"
