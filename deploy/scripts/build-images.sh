#!/usr/bin/env bash
# Builds (and optionally pushes) the container images of the services.
#
#   deploy/scripts/build-images.sh [--push] [--jvm] [--registry HOST[/PATH]] [--tag TAG] [service ...]
#
# Default: native images of all three services, compiled inside the Mandrel
# builder image (no local GraalVM), named <registry>/labrange/<service>:<tag>.
# --jvm builds the JVM debugging images instead (tag suffix -jvm); it packages
# each module with ./mvnw first. The tag defaults to the git revision (40 hex
# digits), so a tag is never reused for different code; a build from a work tree
# with uncommitted changes is refused unless --tag is given. Releases then pin
# the pushed digest (deploy/README.md, step 2).
# Uses podman when present, else docker (override with CONTAINER_ENGINE).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

push=false
flavour=native
registry="${REGISTRY:-}"
tag=""
services=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --push) push=true ;;
    --jvm) flavour=jvm ;;
    --registry) registry="$2"; shift ;;
    --tag) tag="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) services+=("$1") ;;
  esac
  shift
done
[[ ${#services[@]} -eq 0 ]] && services=(reference-ranges-service interpretation-service gateway)

engine="${CONTAINER_ENGINE:-}"
if [[ -z "$engine" ]]; then
  if command -v podman >/dev/null 2>&1; then engine=podman
  elif command -v docker >/dev/null 2>&1; then engine=docker
  else echo "neither podman nor docker found" >&2; exit 2
  fi
fi

version="$(sed -n '/<artifactId>labrange-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
if [[ -z "$tag" ]]; then
  tag="$(git rev-parse HEAD)"
  if [[ -n "$(git status --porcelain)" ]]; then
    echo "uncommitted changes: the image would not be what revision $tag holds; commit, or name a --tag" >&2
    exit 2
  fi
fi
[[ "$flavour" == jvm ]] && tag="${tag}-jvm"
source_url="${SOURCE_URL:-$(git config --get remote.origin.url 2>/dev/null || echo https://git.example.org/labrange/labrange)}"
revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"

for svc in "${services[@]}"; do
  image="${registry:+${registry%/}/}labrange/${svc}:${tag}"
  echo "==> $image"
  if [[ "$flavour" == native ]]; then
    # Context: repository root (the module inherits ./pom.xml).
    "$engine" build -f "$svc/src/main/docker/Dockerfile.native-multistage" \
      --build-arg VERSION="$version" --build-arg SOURCE_URL="$source_url" --build-arg REVISION="$revision" \
      -t "$image" .
  else
    ./mvnw -B -q -pl "$svc" -am package -DskipTests
    "$engine" build -f "$svc/src/main/docker/Dockerfile.jvm" \
      --build-arg VERSION="$version" --build-arg SOURCE_URL="$source_url" --build-arg REVISION="$revision" \
      -t "$image" "$svc"
  fi
  if $push; then
    "$engine" push "$image"
  fi
done
