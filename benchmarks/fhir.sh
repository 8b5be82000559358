#!/usr/bin/env bash
# FHIR R4 $interpret next to the JSON API, in the same run and against the same suite, and what HAPI costs
# the gateway at start and in memory (this build's gateway against one built from BASE_REF without FHIR).
#   benchmarks/fhir.sh                      after ./mvnw -B install -DskipTests
#   BASE_REF=main LOAD_SECONDS=30 ROUNDS=2 REPEATS=3 benchmarks/fhir.sh
# Ports 28180-28183 (management interfaces on 29180-29183) and a scratch database labrange_bench_fhir; everything started is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE_REF="${BASE_REF:-main}"
LOAD_SECONDS="${LOAD_SECONDS:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
ROUNDS="${ROUNDS:-2}"
REPEATS="${REPEATS:-3}"
CONNS="${WRK_CONNECTIONS:-16}"
JVM_OPTS="${JVM_OPTS:--Xmx256m}"
GW_PORT=28180; BASE_GW_PORT=28183; RANGES_PORT=28181; INTERP_PORT=28182
PG="${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}"
DB_NAME=labrange_bench_fhir
OUT="${OUT:-$ROOT/benchmarks/target/results/fhir-$(date -u +%Y%m%dT%H%M%SZ)}"
RESULTS="$OUT/results.txt"
mkdir -p "$OUT/logs"
PIDS=()
"$ROOT/bin/labrange" token interpreter bench >/dev/null
KEY="$ROOT/.labrange/keys/public.pem"
TOKEN=$("$ROOT/bin/labrange" token interpreter bench)

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
record() { echo "$* load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/') at=$(date -u +%H:%M:%S)" | tee -a "$RESULTS"; }
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

start() { # name port app-dir env... → pid in $STARTED
  local name="$1" port="$2" dir="$3"; shift 3
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY" MP_JWT_VERIFY_ISSUER=labrange-dev \
    java $JVM_OPTS -jar "$dir/quarkus-run.jar" >"$OUT/logs/$name.log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
}
wait_ok() { # url method body
  for _ in $(seq 1 1200); do
    local code
    if [ "$2" = POST ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data-binary @"$3" "$1" || true)
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1" || true)
    fi
    [ "$code" = 200 ] && return 0
    sleep 0.05
  done
  return 1
}

cat >"$OUT/json.json" <<'JSON'
{"patient":{"sex":"FEMALE","birthDate":"1970-05-01"},
 "results":[{"id":"s1","analyte":"1952-1","value":"2.45","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z"}]}
JSON
cat >"$OUT/fhir.json" <<'JSON'
{"resourceType":"Parameters","parameter":[
 {"name":"observation","resource":{"resourceType":"Observation","status":"final",
   "code":{"coding":[{"system":"http://loinc.org","code":"1952-1"}]},"effectiveDateTime":"2026-11-20T08:00:00Z",
   "valueQuantity":{"value":2.45,"unit":"mg/L","system":"http://unitsofmeasure.org","code":"mg/L"}}},
 {"name":"patient","resource":{"resourceType":"Patient","gender":"female","birthDate":"1970-05-01"}}]}
JSON

# the gateway of BASE_REF, built apart (same parent pom and token-cache as that commit)
BASE_SRC="$OUT/base-src"
mkdir -p "$BASE_SRC"
# the in-repository modules a gateway of that commit depends on (problem-catalogue and its contracts file since it exists)
BASE_PATHS=(pom.xml .mvn mvnw token-cache gateway)
if git -C "$ROOT" cat-file -e "$BASE_REF:problem-catalogue" 2>/dev/null; then
  BASE_PATHS+=(problem-catalogue contracts)
fi
git -C "$ROOT" archive "$BASE_REF" "${BASE_PATHS[@]}" | tar -x -C "$BASE_SRC"
if [ -d "$BASE_SRC/problem-catalogue" ]; then
  (cd "$BASE_SRC" && ./mvnw -B -q -o install -DskipTests -f problem-catalogue/pom.xml -Dspotless.check.skip=true) \
    >"$OUT/logs/base-catalogue.log" 2>&1
fi
(cd "$BASE_SRC" && ./mvnw -B -q -o package -DskipTests -f gateway/pom.xml -Dspotless.check.skip=true) \
  >"$OUT/logs/base-build.log" 2>&1
BASE_APP="$BASE_SRC/gateway/target/quarkus-app"

psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME" >/dev/null
psql "$PG/postgres" -qc "CREATE DATABASE $DB_NAME" >/dev/null
start reference-ranges-service "$RANGES_PORT" "$ROOT/reference-ranges-service/target/quarkus-app" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME"
wait_ok "http://localhost:$RANGES_PORT/api/v1/sources" GET
start interpretation-service "$INTERP_PORT" "$ROOT/interpretation-service/target/quarkus-app" \
  LABRANGE_RANGES_URL="http://localhost:$RANGES_PORT"
wait_ok "http://localhost:$INTERP_PORT/api/v1/interpretations" POST "$OUT/json.json"

# start time and memory: each gateway REPEATS times, alternately, against the same upstreams
gateway_start() { # label app-dir port
  local t0 pid ms
  t0=$(date +%s%N)
  start "gateway-$1" "$3" "$2" LABRANGE_RANGES_URL="http://localhost:$RANGES_PORT" \
    LABRANGE_INTERPRETATION_URL="http://localhost:$INTERP_PORT" \
    LABRANGE_CONSOLE_OIDC_URL="http://localhost:9/realms/labrange" LABRANGE_CONSOLE_CLIENT_SECRET=benchmark-only
  pid=$STARTED
  wait_ok "http://localhost:$3/api/v1/interpretations" POST "$OUT/json.json"
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  # the same 2,000 JSON interpretations through each, then RSS and heap after a full GC
  wrk -t1 -c4 -d10s -s "$ROOT/benchmarks/wrk/post-json.lua" "http://localhost:$3/api/v1/interpretations" \
    >/dev/null 2>&1 <<<"" || true
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  local heap
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  record "startup gateway=$1 first_success_ms=$ms quarkus_says=$(grep -o 'started in [0-9.]*s' "$OUT/logs/gateway-$1.log" | head -n 1 | tr -d 'a-z ') rss_mib=$(rss_mib "$pid") heap_used_after_gc=$heap"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
export BODY="$OUT/json.json" TOKEN LABEL=warm
for rep in $(seq 1 "$REPEATS"); do
  gateway_start "base-$BASE_REF" "$BASE_APP" "$BASE_GW_PORT"
  gateway_start fhir "$ROOT/gateway/target/quarkus-app" "$GW_PORT"
done

# throughput: the same serum result as JSON and as FHIR, through one gateway, alternately
start gateway-load "$GW_PORT" "$ROOT/gateway/target/quarkus-app" LABRANGE_RANGES_URL="http://localhost:$RANGES_PORT" \
  LABRANGE_INTERPRETATION_URL="http://localhost:$INTERP_PORT" \
  LABRANGE_CONSOLE_OIDC_URL="http://localhost:9/realms/labrange" LABRANGE_CONSOLE_CLIENT_SECRET=benchmark-only
wait_ok "http://localhost:$GW_PORT/api/v1/interpretations" POST "$OUT/json.json"
JSON_URL="http://localhost:$GW_PORT/api/v1/interpretations"
FHIR_URL="http://localhost:$GW_PORT/fhir/r4/Observation/\$interpret"
for url_body in "$JSON_URL|json" "$FHIR_URL|fhir"; do
  BODY="$OUT/${url_body#*|}.json" LABEL=warmup wrk -t2 -c"$CONNS" -d"${WARMUP_SECONDS}s" \
    -s "$ROOT/benchmarks/wrk/post-json.lua" "${url_body%|*}" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for url_body in "$JSON_URL|json" "$FHIR_URL|fhir"; do
    line=$(BODY="$OUT/${url_body#*|}.json" LABEL="${url_body#*|}" wrk -t2 -c"$CONNS" -d"${LOAD_SECONDS}s" --timeout 30s \
      -s "$ROOT/benchmarks/wrk/post-json.lua" "${url_body%|*}" | grep '^WRK')
    record "round=$round $line"
  done
done
echo "results: $RESULTS"
