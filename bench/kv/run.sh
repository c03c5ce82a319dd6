#!/usr/bin/env bash
# Runs the KV benchmark (see bench/README.md). Needs the service jars built (mvn -B install -DskipTests) and wrk.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
# local-stack (launcher + deploy client) first, then kv-service's libraries for the gRPC client and the
# raw-Infinispan floor, and its app jar for the generated gRPC messages/stubs.
CP="$REPO/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar:$REPO/local-stack/target/stack-libs/launcher/*:$REPO/kv-service/target/quarkus-app/lib/boot/*:$REPO/kv-service/target/quarkus-app/lib/main/*:$REPO/kv-service/target/quarkus-app/app/*"
CLASSES="$("$REPO/bench/common/compile.sh" "$CP")"
trap 'rm -rf "$CLASSES"' EXIT
# Worker traffic is addressed by Host (<worker>.localhost), which java.net.http restricts by default.
java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$CLASSES:$CP" "$REPO/bench/kv/KvBench.java" --repo="$REPO" --script="$REPO/bench/common/requests.lua" "$@"
