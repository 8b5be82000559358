#!/usr/bin/env bash
# Offline checks of the deployment: renders every kustomize overlay, validates
# each object against the Kubernetes schemas (unknown fields rejected), runs the
# policy tests, then proves with deliberately broken fixtures that the checks
# do fail. Needs kubectl (for its built-in kustomize), Node.js >= 20 and npm.
# Exits non-zero and prints what failed on any problem.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# A missing tool fails the build (never a silent skip) and says how to get it.
how_to_install() {
  case "$1" in
    kubectl) echo "install kubectl (it carries kustomize): https://kubernetes.io/docs/tasks/tools/ or your package manager" ;;
    node | npm) echo "install Node.js >= 20 with npm from https://nodejs.org/ or your package manager (Debian 12's own nodejs is 18: too old)" ;;
  esac
}
missing=0
for tool in kubectl node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "deploy checks: '$tool' is not installed; $(how_to_install "$tool")" >&2
    missing=1
  fi
done
if [[ $missing -ne 0 ]]; then
  echo "deploy checks FAILED: './mvnw -B verify' needs the tools above (a deliberate local skip: -Ddeploy.checks.skip)" >&2
  exit 2
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )); then
  echo "deploy checks FAILED: Node.js $(node --version) is too old; $(how_to_install node)" >&2
  exit 2
fi

# Install the pinned validator packages when they are missing or stale.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

out="${DEPLOY_RENDER_DIR:-$(cd "$here/.." && pwd)/target/rendered}"
status=0
node src/main.mjs --out "$out" || status=1
node src/selftest.mjs || status=1

if [[ $status -ne 0 ]]; then
  echo "deploy checks FAILED (rendered manifests in $out)" >&2
else
  echo "deploy checks passed (rendered manifests in $out)"
fi
exit $status
