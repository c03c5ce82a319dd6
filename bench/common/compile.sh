#!/usr/bin/env bash
# Compiles bench/common (shared by the benches) against the classpath given as $1 into a fresh temp dir and
# prints that dir. The benches themselves run as single-file programs with it on their classpath.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/outpost-bench-common.XXXXXX")"
javac -nowarn -d "$OUT" -cp "$1" "$HERE"/*.java >&2
echo "$OUT"
