#!/usr/bin/env bash
# Container smoke test (not part of ./mvnw verify): builds the three JVM images from the project's
# Dockerfile.jvm with podman, runs them the way the manifests run a pod, against the local PostgreSQL,
# and sends requests through the gateway.
#
#   deploy/smoke/run.sh
#
# - Base image: BASE_IMAGE (default localhost/labrange-jvm-base:bookworm), made from Debian packages by
#   deploy/smoke/base-image.sh when missing, because no registry image can be pulled on a closed
#   machine. With registry access, BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-21-runtime:… works too.
# - Each container: read-only root filesystem, uid/gid 1001, all capabilities dropped, no privilege
#   escalation, a 64 MiB tmpfs at /tmp, the JWT public key mounted read-only where the manifests mount
#   it, the memory limit and heap of the manifests, and the environment of the dev overlay's
#   ConfigMaps (deploy/smoke/manifest-env.mjs). Host networking, so each service gets its own ports.
# - Database: a fresh database on the local PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432
#   postgres) with an owner role Flyway migrates as and a DML-only role the service connects as,
#   exactly like the manifests; both are dropped afterwards.
# Needs: podman (with runc), kubectl, node, psql, openssl, curl, and the services packaged
# (./mvnw -B package -DskipTests; SMOKE_BUILD=true does it). Prints PASS/FAIL per check and exits
# non-zero on any failure. Leaves nothing running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

BASE_IMAGE="${BASE_IMAGE:-localhost/labrange-jvm-base:bookworm}"
SERVICES=(reference-ranges-service interpretation-service gateway)
declare -A HTTP_PORT=([reference-ranges-service]="${SMOKE_RANGES_PORT:-38081}" [interpretation-service]="${SMOKE_INTERPRETATION_PORT:-38082}" [gateway]="${SMOKE_GATEWAY_PORT:-38080}")
declare -A MGMT_PORT=([reference-ranges-service]="${SMOKE_RANGES_MANAGEMENT_PORT:-39081}" [interpretation-service]="${SMOKE_INTERPRETATION_MANAGEMENT_PORT:-39082}" [gateway]="${SMOKE_GATEWAY_MANAGEMENT_PORT:-39080}")
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
run_id="$(date -u +%H%M%S)$$"
db="labrange_smoke_$run_id" owner="labrange_smoke_owner_$run_id" app="labrange_smoke_app_$run_id"
work="$(mktemp -d)"
failures=0

# podman on these machines: runc, and fixed ulimits (the defaults are refused without a systemd session)
cat >"$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF="$work/containers.conf"

cleanup() {
  if (( failures > 0 )); then
    for svc in "${SERVICES[@]}"; do podman logs "smoke-$svc-$run_id" >"${SMOKE_LOGS:-/tmp}/smoke-$svc.log" 2>&1 || true; done
    echo "container logs in ${SMOKE_LOGS:-/tmp}/smoke-<service>.log"
  fi
  for svc in "${SERVICES[@]}"; do podman rm -f "smoke-$svc-$run_id" >/dev/null 2>&1 || true; done
  psql -qd postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  psql -qd postgres -c "DROP ROLE IF EXISTS $app" -c "DROP ROLE IF EXISTS $owner" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "PASS  $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}

# --- images -------------------------------------------------------------------------------------
if [[ "${SMOKE_BUILD:-false}" == true ]]; then ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${SERVICES[*]}")" -am; fi
podman image exists "$BASE_IMAGE" || deploy/smoke/base-image.sh "$BASE_IMAGE"
revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
version="$(sed -n '/<artifactId>labrange-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
for svc in "${SERVICES[@]}"; do
  [[ -f "$svc/target/quarkus-app/quarkus-run.jar" ]] || { echo "$svc is not packaged: ./mvnw -B package -DskipTests (or SMOKE_BUILD=true)" >&2; exit 2; }
  t0=$(date +%s)
  podman build -q -f "$svc/src/main/docker/Dockerfile.jvm" --build-arg RUNTIME_IMAGE="$BASE_IMAGE" \
    --build-arg VERSION="$version" --build-arg REVISION="$revision" -t "localhost/labrange/$svc:smoke" "$svc" >/dev/null
  echo "built localhost/labrange/$svc:smoke in $(( $(date +%s) - t0 )) s ($(podman image inspect -f '{{.Size}}' "localhost/labrange/$svc:smoke" | awk '{printf "%.0f MB", $1/1e6}'))"
done

# --- database: an owner for Flyway, a DML-only role for the service --------------------------------
owner_pw="$(openssl rand -hex 16)" app_pw="$(openssl rand -hex 16)"
psql -qd postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE $owner LOGIN PASSWORD '$owner_pw'" \
  -c "CREATE ROLE $app LOGIN PASSWORD '$app_pw'" \
  -c "CREATE DATABASE $db OWNER $owner" >/dev/null
jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$db"

# --- keys and tokens -----------------------------------------------------------------------------
mkdir -p "$work/jwt"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/jwt/publicKey.pem"
chmod 0644 "$work/jwt/publicKey.pem"; chmod 0755 "$work/jwt"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # role
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"labrange","upn":"smoke","sub":"smoke","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
    "$1" "$now" $((now + 3600)) "$(openssl rand -hex 8)" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/private.pem" -binary | b64url)"
}

# --- run as the manifests do ---------------------------------------------------------------------
kubectl kustomize deploy/k8s/overlays/dev >"$work/dev.yaml"
(cd deploy/checks && { [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error; })
memory_limit() { # service → the manifests' memory limit, e.g. 256Mi → 256m
  node -e '
    const YAML = require(process.argv[1] + "/deploy/checks/node_modules/yaml");
    const d = YAML.parseAllDocuments(require("fs").readFileSync(process.argv[2], "utf8")).map((x) => x.toJS())
      .find((o) => o && o.kind === "Deployment" && o.metadata.name === process.argv[3]);
    console.log(d.spec.template.spec.containers[0].resources.limits.memory.replace(/Mi$/, "m").replace(/Gi$/, "g"));
  ' "$root" "$work/dev.yaml" "$1"
}
start() { # service, extra NAME=value...
  local svc="$1"; shift
  node deploy/smoke/manifest-env.mjs "$work/dev.yaml" "$svc" >"$work/$svc.env"
  {
    echo "QUARKUS_HTTP_PORT=${HTTP_PORT[$svc]}"
    echo "QUARKUS_MANAGEMENT_PORT=${MGMT_PORT[$svc]}"
    for kv in "$@"; do echo "$kv"; done
  } >>"$work/$svc.env"
  local limit; limit=$(memory_limit "$svc")
  local memory=(--memory "$limit")
  # cgroup memory limits need a delegated controller; without one, run unlimited and say so
  podman run --rm --memory "$limit" "$BASE_IMAGE" true >/dev/null 2>&1 || { memory=(); echo "note: memory limit $limit not enforceable here (no cgroup memory controller)"; }
  podman run -d --name "smoke-$svc-$run_id" --network host \
    --read-only --user 1001:1001 --cap-drop ALL --security-opt no-new-privileges \
    --tmpfs /tmp:rw,size=64m,mode=1777 -v "$work/jwt:/etc/labrange/jwt:ro" \
    "${memory[@]}" --env-file "$work/$svc.env" "localhost/labrange/$svc:smoke" >/dev/null
  local t0; t0=$(date +%s%N)
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:${MGMT_PORT[$svc]}/q/health/ready" >/dev/null 2>&1; then
      echo "$svc ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms (limit ${limit}, heap $(grep ^JAVA_OPTS_APPEND "$work/$svc.env" | grep -o '\-Xmx[^ ]*' || echo default))"
      return 0
    fi
    [[ "$(podman inspect -f '{{.State.Running}}' "smoke-$svc-$run_id")" == true ]] || break
    sleep 0.5
  done
  echo "FAIL  $svc did not become ready; its log:"; podman logs "smoke-$svc-$run_id" 2>&1 | tail -40
  exit 1
}
start reference-ranges-service QUARKUS_DATASOURCE_JDBC_URL="$jdbc" QUARKUS_FLYWAY_JDBC_URL="$jdbc" \
  QUARKUS_DATASOURCE_USERNAME="$app" QUARKUS_DATASOURCE_PASSWORD="$app_pw" \
  QUARKUS_FLYWAY_USERNAME="$owner" QUARKUS_FLYWAY_PASSWORD="$owner_pw" LABRANGE_DB_APP_ROLE="$app"
start interpretation-service LABRANGE_RANGES_URL="http://127.0.0.1:${HTTP_PORT[reference-ranges-service]}"
start gateway LABRANGE_RANGES_URL="http://127.0.0.1:${HTTP_PORT[reference-ranges-service]}" \
  LABRANGE_INTERPRETATION_URL="http://127.0.0.1:${HTTP_PORT[interpretation-service]}" \
  LABRANGE_RANGES_MANAGEMENT_URL="http://127.0.0.1:${MGMT_PORT[reference-ranges-service]}" \
  LABRANGE_INTERPRETATION_MANAGEMENT_URL="http://127.0.0.1:${MGMT_PORT[interpretation-service]}" \
  LABRANGE_CONSOLE_OIDC_URL="http://127.0.0.1:9/realms/labrange" LABRANGE_CONSOLE_CLIENT_SECRET="smoke-test-only"

# --- requests through the gateway ----------------------------------------------------------------
gw="http://127.0.0.1:${HTTP_PORT[gateway]}"
reader=$(token ranges-reader) clinician=$(token interpreter) admin=$(token ranges-admin)
status() { curl -s -o "$work/body" -w '%{http_code}' "$@"; }
check "anonymous call: 401 problem document" \
  bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code} %{content_type}' '$gw/api/v1/sources') == '401 application/problem+json'* ]]"
check "sources as reader: 200" test "$(status -H "Authorization: Bearer $reader" "$gw/api/v1/sources")" = 200
check "serum B2M 2.45 mg/L interpreted (Labcorp H)" bash -c "
  [[ \$(curl -s -o '$work/single' -w '%{http_code}' -H 'Authorization: Bearer $clinician' -H 'Content-Type: application/json' \
    '$gw/api/v1/interpretations/single' -d '{\"patient\": {\"sex\": \"FEMALE\", \"birthDate\": \"1970-05-01\"},
    \"result\": {\"id\": \"serum\", \"analyte\": \"B2M\", \"specimen\": \"serum\", \"value\": \"2.45\", \"unit\": \"mg/L\", \"collectedAt\": \"2026-11-20T08:00:00Z\"}}') == 200 ]] \
  && grep -q '\"H\"' '$work/single'"
check "serum + urine report: 200" test "$(status -H "Authorization: Bearer $clinician" -H 'Content-Type: application/json' "$gw/api/v1/reports" -d '{
  "patient": {"sex": "FEMALE", "birthDate": "1970-05-01"},
  "results": [{"id": "serum", "analyte": "B2M", "specimen": "serum", "value": "1.5", "unit": "mg/L", "collectedAt": "2026-11-20T08:00:00Z"},
              {"id": "urine", "analyte": "B2M", "specimen": "urine", "value": "2000", "unit": "ug/L", "collectedAt": "2026-11-20T08:00:00Z"}]}')" = 200
check "range revision as admin (a write by the DML-only role): 200" test "$(status -X PUT -H "Authorization: Bearer $admin" \
  -H 'If-Match: "1"' -H 'Content-Type: application/json' "$gw/api/v1/ranges/1952e001-0000-4000-8000-000000000002" \
  -d '{"low": 0.8, "high": 2.6, "unit": "mg/L", "effectiveFrom": "2026-11-22", "reason": "smoke test"}')" = 200
check "the service's role cannot change the schema" bash -c \
  "! PGPASSWORD='$app_pw' psql -qd '$db' -U '$app' -c 'CREATE TABLE smoke_probe (id int)' >/dev/null 2>&1 && ! PGPASSWORD='$app_pw' psql -qd '$db' -U '$app' -c 'DROP TABLE flyway_schema_history' >/dev/null 2>&1"
for svc in "${SERVICES[@]}"; do
  check "$svc: /q/health, /q/metrics, /q/info not on the public port" bash -c \
    "[[ \$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:${HTTP_PORT[$svc]}/q/health/ready) == 404 && \$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:${HTTP_PORT[$svc]}/q/metrics) == 404 && \$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:${HTTP_PORT[$svc]}/q/info) == 404 ]]"
  check "$svc: metrics on the management port" bash -c "curl -fsS http://127.0.0.1:${MGMT_PORT[$svc]}/q/metrics | grep -q '^jvm_'"
  check "$svc: runs as uid 1001 on a read-only root" bash -c \
    "[[ \$(podman exec smoke-$svc-$run_id id -u) == 1001 ]] && ! podman exec smoke-$svc-$run_id touch /deployments/x 2>/dev/null"
done

# --- memory under the manifests' limits ------------------------------------------------------------
rss() { # service → "current / peak" resident memory of the JVM in the container
  local pid; pid=$(podman inspect -f '{{.State.Pid}}' "smoke-$1-$run_id")
  awk '/VmRSS/ {r = $2} /VmHWM/ {h = $2} END {printf "%.0f MiB now, %.0f MiB peak", r / 1024, h / 1024}' "/proc/$pid/status"
}
for svc in "${SERVICES[@]}"; do echo "$svc after the smoke requests: $(rss "$svc")"; done
if [[ "${SMOKE_LOAD:-true}" == true ]]; then
  # The largest batch the API accepts (10,000 results) through the gateway, once and then four at a time.
  python3 - "$work/batch.json" <<'PY'
import json, sys
results = [{"id": f"r{i}", "analyte": "B2M", "specimen": "serum", "value": f"{1 + (i % 300) / 100:.2f}", "unit": "mg/L",
            "collectedAt": "2026-11-20T08:00:00Z"} for i in range(10000)]
json.dump({"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"}, "results": results}, open(sys.argv[1], "w"))
PY
  batch() { # [base URL]: one maximum batch, through the gateway unless another service is named
    curl -s -o /dev/null --max-time 120 -w '%{http_code} %{size_download} %{time_total}' -H "Authorization: Bearer $clinician" \
      -H 'Content-Type: application/json' --data-binary @"$work/batch.json" "${1:-$gw}/api/v1/interpretations"; }
  single() { curl -s -o /dev/null --max-time 30 -w '%{http_code}' -H "Authorization: Bearer $clinician" -H 'Content-Type: application/json' \
    "$gw/api/v1/interpretations/single" -d '{"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"},
    "result": {"id": "serum", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L", "collectedAt": "2026-11-20T08:00:00Z"}}'; }
  read -r code size secs <<<"$(batch)"
  echo "one maximum batch (10,000 results, $(( $(stat -c %s "$work/batch.json") / 1024 )) KiB) through the gateway: HTTP $code, $(( size / 1048576 )) MiB answer, ${secs} s"
  check "one maximum batch through the gateway does not fail" test "$code" = 200
  if command -v wrk >/dev/null; then
    cat >"$work/single.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $clinician"
wrk.body = '{"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"}, "result": {"id": "serum", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L", "collectedAt": "2026-11-20T08:00:00Z"}}'
LUA
    wrk -t2 -c32 -d"${SMOKE_LOAD_SECONDS:-20}s" -s "$work/single.lua" "$gw/api/v1/interpretations/single" | grep -E 'Requests/sec|Non-2xx|Socket errors' | sed 's/^/wrk single results, 32 connections: /'
  fi
  for svc in "${SERVICES[@]}"; do echo "$svc after one maximum batch and the single results: $(rss "$svc")"; done
  # Four maximum batches at once: each is answered, with the interpretations or with a problem document
  # saying to come back later (429/503), and the gateway keeps serving afterwards.
  for i in 1 2 3 4; do batch >"$work/batch-$i.out" & done; wait
  echo "four concurrent maximum batches: $(cut -d' ' -f1 "$work"/batch-*.out | sort | uniq -c | awk '{printf "%s× HTTP %s  ", $1, $2}')"
  check "four concurrent maximum batches: each answered 200, 429 or 503" \
    bash -c "! cut -d' ' -f1 '$work'/batch-*.out | grep -qvE '^(200|429|503)\$'"
  for svc in "${SERVICES[@]}"; do
    check "$svc still running after the batches (not OOM-killed)" test "$(podman inspect -f '{{.State.Running}} {{.State.OOMKilled}}' "smoke-$svc-$run_id")" = "true false"
  done
  check "the gateway still answers a single interpretation after the batches" test "$(single)" = 200
  for svc in "${SERVICES[@]}"; do echo "$svc after four concurrent maximum batches: $(rss "$svc")"; done
fi

# --- shutdown ----------------------------------------------------------------------------------
if [[ "${SMOKE_LOAD:-true}" == true ]]; then
  # SIGTERM while interpretation-service works on a maximum batch: the request in flight must still be
  # answered. Sent to the service itself, so that what happened to the gateway above does not matter.
  batch "http://127.0.0.1:${HTTP_PORT[interpretation-service]}" >"$work/inflight.out" & inflight=$!
  mgmt="http://127.0.0.1:${MGMT_PORT[interpretation-service]}/q/metrics"
  for _ in $(seq 1 200); do
    curl -s --max-time 5 "$mgmt" | grep -E '^http_server_active_requests(\{| )' | awk '{s += $NF} END {exit !(s > 0)}' && break
    sleep 0.05
  done
  t0=$(date +%s%N)
  podman stop -t 30 "smoke-interpretation-service-$run_id" >/dev/null
  wait "$inflight" || true
  check "interpretation-service: SIGTERM during a maximum batch, the batch is still answered ($(cut -d' ' -f1 "$work/inflight.out"), stopped in $(( ($(date +%s%N) - t0) / 1000000 )) ms)" \
    test "$(cut -d' ' -f1 "$work/inflight.out")" = 200
fi
for svc in gateway interpretation-service reference-ranges-service; do
  [[ "$(podman inspect -f '{{.State.Running}}' "smoke-$svc-$run_id")" == true ]] || continue
  t0=$(date +%s%N)
  podman stop -t 30 "smoke-$svc-$run_id" >/dev/null
  code=$(podman inspect -f '{{.State.ExitCode}}' "smoke-$svc-$run_id")
  check "$svc stops on SIGTERM within the grace period (exit $code, $(( ($(date +%s%N) - t0) / 1000000 )) ms)" test "$code" = 143 -o "$code" = 0
done

if (( failures > 0 )); then echo "smoke test FAILED ($failures)"; exit 1; fi
echo "smoke test passed"
