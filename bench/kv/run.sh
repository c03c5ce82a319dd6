#!/usr/bin/env bash
# Runs the KV benchmark (see bench/README.md). Needs the service jars built (mvn -B install -DskipTests).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# local-stack (launcher + deploy client) first, then kv-service's libraries for the raw-Infinispan floor.
CP="$REPO/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar:$REPO/local-stack/target/stack-libs/launcher/*:$REPO/kv-service/target/quarkus-app/lib/boot/*:$REPO/kv-service/target/quarkus-app/lib/main/*"
# Worker traffic is addressed by Host (<worker>.localhost), which java.net.http restricts by default.
exec java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$CP" "$REPO/bench/kv/KvBench.java" --repo="$REPO" "$@"
