#!/usr/bin/env bash
# Runs the D1 benchmark (see bench/README.md). Needs the service jars built (mvn -B install -DskipTests) and wrk.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
SQLITE_JAR="$(ls "$REPO"/d1-service/target/quarkus-app/lib/main/org.xerial.sqlite-jdbc-*.jar | head -1)"
CP="$REPO/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar:$REPO/local-stack/target/stack-libs/launcher/*:$SQLITE_JAR"
CLASSES="$("$REPO/bench/common/compile.sh" "$CP")"
trap 'rm -rf "$CLASSES"' EXIT
# Worker traffic is addressed by Host (<worker>.localhost), which java.net.http restricts by default.
java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$CLASSES:$CP" "$REPO/bench/d1/D1Bench.java" --repo="$REPO" --script="$REPO/bench/common/requests.lua" "$@"
