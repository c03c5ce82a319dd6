#!/usr/bin/env bash
# Runs the R2 benchmark (see bench/README.md). Needs the service jars built (mvn -B install -DskipTests).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# local-stack (launcher + deploy client) first, then r2-service's libraries for the MinIO client (S3 API and floor).
CP="$REPO/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar:$REPO/local-stack/target/stack-libs/launcher/*:$REPO/r2-service/target/quarkus-app/lib/main/*"
# Worker traffic is addressed by Host (<worker>.localhost), which java.net.http restricts by default.
exec java -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=host -cp "$CP" "$REPO/bench/r2/R2Bench.java" --repo="$REPO" "$@"
