#!/usr/bin/env bash
# Rebuilds conformance/corpus/app-<name>.js from conformance/apps/<name>/: installs the pinned wrangler and
# npm packages (package.json + package-lock.json), bundles each app exactly as `wrangler deploy` would
# (--dry-run --outdir), and prepends the app's header.txt (checklist id, requests, compared headers).
# An app with its own package.json (a create-cloudflare template with its own versions) gets its own npm ci.
# Usage: conformance/apps/build.sh [app ...]   (default: every directory with a wrangler.toml). Needs Node.js 20.
set -euo pipefail
cd "$(dirname "$0")"
export WRANGLER_SEND_METRICS=false
[ -x node_modules/.bin/wrangler ] || npm ci --no-audit --no-fund --loglevel=error
apps=("$@")
if [ ${#apps[@]} -eq 0 ]; then
  for d in */wrangler.toml; do apps+=("${d%/wrangler.toml}"); done
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for app in "${apps[@]}"; do
  if [ -f "$app/package.json" ] && [ ! -d "$app/node_modules" ]; then
    (cd "$app" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  npx wrangler deploy --dry-run --outdir "$out/$app" -c "$app/wrangler.toml" >"$out/$app.log" 2>&1 \
    || { cat "$out/$app.log"; exit 1; }
  target=../corpus/app-$app.js
  { cat "$app/header.txt"; grep -v '^//# sourceMappingURL=' "$out/$app/index.js"; } >"$target"
  echo "$target: $(wc -c <"$target") bytes"
done
