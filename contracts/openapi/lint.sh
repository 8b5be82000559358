#!/usr/bin/env bash
# Lints the public OpenAPI document with Redocly CLI (version pinned by the caller, default 2.77.0).
# Run by `./mvnw verify` (module gateway); needs Node.js >= 20 with npx. Never skipped: without Node it fails.
# Fails on any error or warning.
set -euo pipefail
version="${1:-2.77.0}"
case "${BASH_SOURCE[0]}" in
  */*) here="$(cd "${BASH_SOURCE[0]%/*}" && pwd)" ;;
  *) here="$(pwd)" ;;
esac
install_hint="Install Node.js 20 or later (it brings npm and npx), e.g. 'apt-get install nodejs npm' on Debian 13 or from https://nodejs.org, then run the build again."
if ! command -v node >/dev/null 2>&1 || ! command -v npx >/dev/null 2>&1; then
  echo "ERROR: the OpenAPI lint needs node and npx, which are not on the PATH. ${install_hint}" >&2
  exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "${major}" -lt 20 ]; then
  echo "ERROR: the OpenAPI lint needs Node.js >= 20, found $(node --version). ${install_hint}" >&2
  exit 1
fi
cd "${here}"
# Redocly fails on errors only; a warning fails too: fix it, or switch its rule off in redocly.yaml saying why.
output="$(npx --yes "@redocly/cli@${version}" lint labrange-api.yaml --config redocly.yaml --format=stylish 2>&1)" || {
  echo "${output}"
  echo "ERROR: Redocly CLI found errors in labrange-api.yaml" >&2
  exit 1
}
echo "${output}"
if echo "${output}" | grep -Eq "You have [0-9]+ warnings?"; then
  echo "ERROR: Redocly CLI warns about labrange-api.yaml: fix it, or switch the rule off in redocly.yaml with the reason" >&2
  exit 1
fi
