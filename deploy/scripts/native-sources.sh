#!/usr/bin/env bash
# Native readiness without GraalVM: runs Quarkus' whole native build for every
# service module listed in the root pom, up to the point where it would call
# native-image, and writes <module>/target/native-sources/ (the runner jar,
# its libraries and native-image.args with every reflection, resource and
# substitution setting). Then checks each bundle (deploy/checks/src/native-sources.mjs).
#
# Usage: deploy/scripts/native-sources.sh [module ...]
# Environment: MVN (Maven command; default ./mvnw), MAVEN_ARGS_EXTRA.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn="${MVN:-$root/mvnw}"

services=(reference-ranges-service interpretation-service gateway)
if [[ $# -gt 0 ]]; then
  modules=("$@")
else
  # Only modules that are part of the build (listed in the root pom).
  modules=()
  for m in "${services[@]}"; do
    if grep -q "<module>$m</module>" pom.xml; then
      modules+=("$m")
    else
      echo "native-sources: $m is not a module of the root pom yet; skipped"
    fi
  done
fi
if [[ ${#modules[@]} -eq 0 ]]; then
  echo "native-sources: no service module to build" >&2
  exit 1
fi

# The native pass rewrites target/quarkus-artifact.properties (which
# @QuarkusIntegrationTest reads to find the packaged application); keep the JVM
# build's copy so a later IT run outside the full build still finds the jar.
saved="$(mktemp -d)"
restore() {
  for m in "${modules[@]}"; do
    if [[ -f "$saved/$m.properties" ]]; then
      cp "$saved/$m.properties" "$m/target/quarkus-artifact.properties"
    fi
  done
  rm -rf "$saved"
}
trap restore EXIT
for m in "${modules[@]}"; do
  if [[ -f "$m/target/quarkus-artifact.properties" ]]; then
    cp "$m/target/quarkus-artifact.properties" "$saved/$m.properties"
  fi
done

read -r -a extra <<< "${MAVEN_ARGS_EXTRA:-}"
list="$(IFS=,; echo "${modules[*]}")"
echo "native-sources: building $list"
start=$(date +%s)
# -Dnative activates the root pom's native profile (quarkus.native.enabled=true).
# Tests already ran in the normal build; this pass only packages.
"$mvn" -B -ntp -f "$root/pom.xml" -pl "$list" -am package \
  -Dnative -Dquarkus.native.sources-only=true \
  -DskipTests -DskipITs \
  "${extra[@]}"
echo "native-sources: Maven finished in $(( $(date +%s) - start )) s"

node "$root/deploy/checks/src/native-sources.mjs" "${modules[@]}"
