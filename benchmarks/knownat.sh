#!/usr/bin/env bash
# Interpretation with a past knownAt next to the same request without one, in the same run against the same
# services: single serum B2M results sent straight to interpretation-service, alternating, ROUNDS rounds.
#   benchmarks/knownat.sh                      after ./mvnw -B install -DskipTests (needs wrk, curl and psql)
#   LOAD_SECONDS=30 ROUNDS=3 benchmarks/knownat.sh
# Three request kinds: "current" (no knownAt), "past" (the basis.knownAt of a current answer: the reproduction
# case, served from the past-view cache after the first request) and "past-moving" (a new knownAt per request
# would need a body per request, which wrk's one-body script cannot send: not measured here).
# Ports 28281-28282 (management 29281-29282) and a scratch database labrange_bench_knownat; everything started
# is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LOAD_SECONDS="${LOAD_SECONDS:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
ROUNDS="${ROUNDS:-3}"
CONNS="${WRK_CONNECTIONS:-16}"
JVM_OPTS="${JVM_OPTS:--Xmx256m}"
RANGES_PORT=28281; INTERP_PORT=28282
PG="${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}"
DB_NAME=labrange_bench_knownat
OUT="${OUT:-$ROOT/benchmarks/target/results/knownat-$(date -u +%Y%m%dT%H%M%SZ)}"
RESULTS="$OUT/results.txt"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
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

start() { # name port app-dir env...
  local name="$1" port="$2" dir="$3"; shift 3
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY" \
    MP_JWT_VERIFY_ISSUER=labrange-dev java $JVM_OPTS -jar "$dir/quarkus-run.jar" >"$OUT/logs/$name.log" 2>&1 &
  PIDS+=("$!")
}
post() { curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$1" "$2"; }
wait_ok() { # url body
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data-binary @"$2" "$1" || true)" = 200 ] && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2; return 1
}

URL="http://localhost:$INTERP_PORT/api/v1/interpretations/single"
cat >"$OUT/current.json" <<'JSON'
{"patient":{"sex":"FEMALE","birthDate":"1970-05-01"},
 "result":{"id":"s1","analyte":"1952-1","value":"2.45","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z"}}
JSON

psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME" >/dev/null
psql "$PG/postgres" -qc "CREATE DATABASE $DB_NAME" >/dev/null
start reference-ranges-service "$RANGES_PORT" "$ROOT/reference-ranges-service/target/quarkus-app" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME"
start interpretation-service "$INTERP_PORT" "$ROOT/interpretation-service/target/quarkus-app" \
  LABRANGE_RANGES_URL="http://localhost:$RANGES_PORT"
wait_ok "$URL" "$OUT/current.json"

# the past moment: what a current answer states as its basis, sent back (the reproduction case)
KNOWN_AT=$(post "$OUT/current.json" "$URL" | grep -o '"knownAt":"[^"]*"' | head -n 1 | cut -d'"' -f4)
[ -n "$KNOWN_AT" ] || { echo "the current answer states no basis.knownAt" >&2; exit 1; }
sed "s/^{/{\"knownAt\":\"$KNOWN_AT\",/" "$OUT/current.json" >"$OUT/past.json"
wait_ok "$URL" "$OUT/past.json"
record "knownAt=$KNOWN_AT"

export TOKEN
for kind in current past; do
  BODY="$OUT/$kind.json" LABEL=warmup wrk -t2 -c"$CONNS" -d"${WARMUP_SECONDS}s" -s "$ROOT/benchmarks/wrk/post-json.lua" \
    "$URL" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for kind in current past; do
    line=$(BODY="$OUT/$kind.json" LABEL="$kind" wrk -t2 -c"$CONNS" -d"${LOAD_SECONDS}s" --timeout 30s \
      -s "$ROOT/benchmarks/wrk/post-json.lua" "$URL" | grep '^WRK')
    record "round=$round $line"
  done
done
# upstream calls the load cost: the ranges service's request log is not kept, so count through its metrics
curl -s "http://localhost:$((RANGES_PORT + 1000))/q/metrics" | grep -E '^http_server_requests_seconds_count.*(timeline|changes)' \
  | tee -a "$RESULTS" || true
echo "results: $RESULTS"
