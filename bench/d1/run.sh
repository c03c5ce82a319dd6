#!/usr/bin/env bash
# Runs the D1 benchmark (see bench/README.md). Needs the service jars built (mvn -B install -DskipTests).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SQLITE_JAR="$(ls "$REPO"/d1-service/target/quarkus-app/lib/main/org.xerial.sqlite-jdbc-*.jar | head -1)"
CP="$REPO/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar:$REPO/local-stack/target/stack-libs/launcher/*:$SQLITE_JAR"
# Worker traffic is addressed by Host (<worker>.localhost), which java.net.http restricts by default.
exec java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$CP" "$REPO/bench/d1/D1Bench.java" --repo="$REPO" "$@"
