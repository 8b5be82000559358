#!/usr/bin/env bash
# Builds a local stand-in for the JVM runtime image from Debian packages only, for machines that
# cannot pull from a registry: Debian bookworm (debootstrap, minbase) with OpenJDK 17's headless
# runtime, and a /opt/jboss/container/java/run/run-java.sh launcher with the same contract the
# Dockerfile.jvm ENTRYPOINT relies on (JAVA_OPTS, JAVA_OPTS_APPEND, JAVA_APP_JAR).
#
#   deploy/smoke/base-image.sh [IMAGE]      default IMAGE: localhost/labrange-jvm-base:bookworm
#
# Needs root, debootstrap and podman. Takes a few minutes and ~480 MB.
set -euo pipefail
image="${1:-localhost/labrange-jvm-base:bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d)"
rootfs="$work/rootfs"
unmount() { for m in proc sys dev/pts; do umount "$rootfs/$m" 2>/dev/null || true; done; }
trap 'unmount; rm -rf --one-file-system "$work"' EXIT
# A step that fails without output of its own still says where the script stopped.
trap 'echo "base-image.sh: stopped at line $LINENO: $BASH_COMMAND" >&2' ERR

debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
unmount
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

mkdir -p "$rootfs/opt/jboss/container/java/run" "$rootfs/deployments"
cat >"$rootfs/opt/jboss/container/java/run/run-java.sh" <<'LAUNCHER'
#!/bin/sh
# Minimal launcher: the JVM options of the image and the deployment, then the application jar.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} -jar "${JAVA_APP_JAR:-/deployments/quarkus-run.jar}" "$@"
LAUNCHER
chmod 0755 "$rootfs/opt/jboss/container/java/run/run-java.sh"
# The JVM images run as uid 185 (the ubi image's user) unless the platform says otherwise (1001 here).
chroot "$rootfs" /usr/sbin/useradd --uid 185 --gid 0 --home-dir /deployments --no-create-home jboss

tar -C "$rootfs" --one-file-system -c . | podman import \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'WORKDIR /deployments' \
  - "$image" >/dev/null
echo "$image"
