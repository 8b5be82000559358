#!/usr/bin/env bash
# Offline checks of the deployment: renders every kustomize overlay, validates
# each object against the Kubernetes schemas (unknown fields rejected), runs the
# policy tests, then proves with deliberately broken fixtures that the checks
# do fail. Needs kubectl (for its built-in kustomize), Node.js >= 20 and npm.
# Exits non-zero and prints what failed on any problem.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

for tool in kubectl node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    # CI machines have these tools, so there a missing one is an error. A developer laptop with only
    # a JDK still passes the rest of the test command, with this loud notice.
    if [[ "${CI:-false}" == "true" ]]; then
      echo "deploy checks: '$tool' is not installed" >&2
      exit 2
    fi
    echo "WARNING: deploy checks SKIPPED: '$tool' is not installed (they run in CI)" >&2
    exit 0
  fi
done

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
