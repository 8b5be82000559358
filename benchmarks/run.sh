#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md.
#
#   benchmarks/run.sh                 all phases: engine, startup, load, memory, sustained, faults, rolling,
#                                     db-growth
#   PHASES="engine" benchmarks/run.sh only some of them (space-separated)
#
# What it does (details and the meaning of each figure: BENCHMARKS.md):
#   engine     JMH, in-process: EngineBenchmark (single result, batch of 1,000; REPEATS forks),
#              BatchGrowthBenchmark (1 → 10,000 results), revisions per range (1 → 1,000), a stack profile
#   startup    starts reference-ranges-service, interpretation-service and gateway REPEATS times each, timing
#              launch → first successful API request, and reading RSS; the last start stays up for `load`
#   load       through the gateway: wrk at full speed (single result, batch of 1,000, report), the Java
#              fixed-rate harness (latency percentiles at RATES req/s), batch growth, RSS under load, cache and
#              database counters from /q/metrics and pg_stat_database, a JFR profile of each service
#   memory     starts the suite again with MEMORY_JVM_OPTS, runs a short mixed load
#              (single, batch of 1,000 and of 10,000, report) and records RSS idle and peak per service
#   sustained  SUSTAINED_SECONDS at one fixed rate through the gateway (70 % of a maximum measured first with
#              wrk, or SUSTAINED_RATE): latency and errors per minute, RSS of each service every 5 s,
#              heap after a full GC before and after, and whether RSS grew after the first minute
#   faults     steady fixed-rate load (FAULTS_RATE) whose flags are checked, plus an admin writer revising a
#              range every ~500 ms, while the interpretation service and the ranges service are restarted and
#              the database connections dropped (FAULTS, in order): error windows, problem+json checks, a
#              reconciliation of the writes against the range history; PASS/FAIL on correctness only
#   rolling    the same load and writer against two instances of reference-ranges-service and of
#              interpretation-service (the gateway given both URLs, interpretation-service a Stork static list
#              of the ranges instances); each instance of each service in turn gets SIGTERM, is started again and
#              awaited ready before the other one goes (ROLLING_FAULTS): FAIL on any failed request at all
#   db-growth  EXPLAIN ANALYZE of the ranges service's bitemporal queries on a scratch database with
#              10 → 100,000 ranges and 1 → 1,000 revisions per range (benchmarks/db-growth.sh)
#
# The services run on their own ports (default 28080-28082) against a scratch database `labrange_bench`
# that this script creates and drops, so a suite someone else runs on 8080-8082 is not disturbed.
# Every measurement line carries the load average at its start. Nothing here fails on a timing.
#
# Environment (defaults in brackets):
#   ENGINE_GROWTH [true]  false = skip the JMH growth runs;  LOAD_GROWTH [true]  false = skip batch growth over HTTP
#   MEMORY_JVM_OPTS [see below]  heap settings tried by the `memory` phase
#   MEMORY_MALLOC_ARENA_MAX [2]  glibc malloc arenas in the `memory` phase (MALLOC_ARENA_MAX)
#   REPEATS [3]  LOAD_SECONDS [30]  WARMUP_SECONDS [10]  RATES ["250 500 1000 2000"; "half" = half the gateway's
#   single-result maximum measured just before]  LOAD_PROFILES [true]  false = no JFR profiles in the load phase
#   LOAD_WARMUP_SECONDS [90]  single-result load before the first measurement (JIT warm-up; see warm_up)
#   LOAD_NO_OP [true]  end the load phase with the no-op comparison (interpretation-service restarted from its
#                      no-op benchmark build, made here with -Dquarkus.profile=noop-benchmark, then back to normal)
#   WRK_CONNECTIONS [16]  JVM_OPTS ["-Xmx256m", as bin/labrange]  JMH_OPTS [""] extra JMH options
#   BENCH_GATEWAY_PORT [28080]  BENCH_RANGES_PORT [28081]  BENCH_INTERPRETATION_PORT [28082]
#   BENCH_PG_URL [postgresql://postgres@127.0.0.1:5432]  (psql connection, the server only; no database)
#   SUSTAINED_SECONDS [300]  SUSTAINED_RATE [70 % of the measured maximum]  SUSTAINED_PERCENT [70]
#   FAULTS_RATE [300]  FAULTS_CLEAN_SECONDS [20]
#   FAULTS ["restart-interpretation-service restart-reference-ranges-service drop-db-connections"]
#   ROLLING_FAULTS ["rolling-restart-interpretation-service rolling-restart-reference-ranges-service"]
#   (the second instances listen on the first ones' ports + 10)  ROLLING_SETTLE_SECONDS [10] a restarted instance
#   serves this long before the other one is stopped (a Deployment's minReadySeconds)
#   LABRANGE_SKIP_BUILD [false]  true = use the existing jars
#   OUT [benchmarks/target/results/<UTC time>]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

PHASES="${PHASES:-engine startup load memory sustained faults rolling db-growth}"
REPEATS="${REPEATS:-3}"
LOAD_SECONDS="${LOAD_SECONDS:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
RATES="${RATES:-250 500 1000 2000}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-16}"
JVM_OPTS="${JVM_OPTS:--Xmx256m}"
JMH_OPTS="${JMH_OPTS:-}"
ENGINE_GROWTH="${ENGINE_GROWTH:-true}"
LOAD_GROWTH="${LOAD_GROWTH:-true}"
LOAD_NO_OP="${LOAD_NO_OP:-true}"
LOAD_PROFILES="${LOAD_PROFILES:-true}"
LOAD_WARMUP_SECONDS="${LOAD_WARMUP_SECONDS:-90}"
SUSTAINED_SECONDS="${SUSTAINED_SECONDS:-300}"
SUSTAINED_RATE="${SUSTAINED_RATE:-}"
SUSTAINED_PERCENT="${SUSTAINED_PERCENT:-70}"
FAULTS_RATE="${FAULTS_RATE:-300}"
FAULTS_CLEAN_SECONDS="${FAULTS_CLEAN_SECONDS:-20}"
FAULTS="${FAULTS:-restart-interpretation-service restart-reference-ranges-service drop-db-connections}"
ROLLING_FAULTS="${ROLLING_FAULTS:-rolling-restart-interpretation-service rolling-restart-reference-ranges-service}"
ROLLING_SETTLE_SECONDS="${ROLLING_SETTLE_SECONDS:-10}"
# instances of reference-ranges-service and interpretation-service (2 in the `rolling` phase; the hook sees it too)
INSTANCES="${BENCH_INSTANCES:-1}"
MEMORY_JVM_OPTS="${MEMORY_JVM_OPTS:--Xmx128m -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC}"
MEMORY_MALLOC_ARENA_MAX="${MEMORY_MALLOC_ARENA_MAX:-2}"
GW_PORT="${BENCH_GATEWAY_PORT:-28080}"
RANGES_PORT="${BENCH_RANGES_PORT:-28081}"
INTERP_PORT="${BENCH_INTERPRETATION_PORT:-28082}"
# management interfaces (health, metrics): HTTP port + 1000 unless set
GW_MGMT_PORT="${BENCH_GATEWAY_MANAGEMENT_PORT:-$((GW_PORT + 1000))}"
RANGES_MGMT_PORT="${BENCH_RANGES_MANAGEMENT_PORT:-$((RANGES_PORT + 1000))}"
INTERP_MGMT_PORT="${BENCH_INTERPRETATION_MANAGEMENT_PORT:-$((INTERP_PORT + 1000))}"
PG="${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}"
DB_NAME="labrange_bench"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
OUT="${OUT:-$ROOT/benchmarks/target/results/$(date -u +%Y%m%dT%H%M%SZ)}"
BODIES="$OUT/bodies"
RESULTS="$OUT/results.txt"
KEY="$ROOT/.labrange/keys/public.pem"
mkdir -p "$OUT/logs" "$OUT/raw"

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }
# one measurement = one line of key=value pairs in results.txt, always with the load average
record() { echo "$* load=$(load_avg) at=$(date -u +%H:%M:%S)" | tee -a "$RESULTS"; }
has_phase() { [[ " $PHASES " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------------------------------------
machine() {
  {
    echo "## date"; date -u
    echo "## uptime"; uptime
    echo "## lscpu"; lscpu
    echo "## free -h"; free -h
    echo "## java -version"; java -version 2>&1
    echo "## wrk"; wrk -v 2>&1 | head -n 1 || true
    echo "## postgres"; psql "$PG/postgres" -Atc 'select version()' 2>&1 || true
    echo "## kernel"; uname -a
    echo "## git"; git -C "$ROOT" log -1 --format='%H %s' 2>/dev/null || true
  } >"$OUT/machine.txt"
}

build() {
  if [ "${LABRANGE_SKIP_BUILD:-false}" = "true" ]; then
    log "using the existing build"
  else
    log "building (./mvnw package -DskipTests)"
    ./mvnw -B -q package -DskipTests
  fi
  for f in "$JAR" reference-ranges-service/target/quarkus-app/quarkus-run.jar \
           interpretation-service/target/quarkus-app/quarkus-run.jar gateway/target/quarkus-app/quarkus-run.jar; do
    [ -f "$f" ] || { echo "missing $f: build first (./mvnw -B package -DskipTests)" >&2; exit 1; }
  done
  java -cp "$JAR" org.labrange.benchmarks.load.RequestBodies "$BODIES"
}

# ---------------------------------------------------------------------------------------------------------
# engine: JMH
engine() {
  log "JMH: EngineBenchmark, $REPEATS forks"
  record "phase name=engine-start"
  # shellcheck disable=SC2086
  java -jar "$JAR" 'EngineBenchmark' -f "$REPEATS" -rf json -rff "$OUT/raw/jmh-engine.json" $JMH_OPTS \
    >"$OUT/logs/jmh-engine.txt" 2>&1
  record "phase name=engine-end"
  log "JMH: singleResult on 2 threads (one per core)"
  # shellcheck disable=SC2086
  java -jar "$JAR" 'EngineBenchmark.singleResult' -t 2 -f 1 -rf json -rff "$OUT/raw/jmh-engine-2threads.json" \
    $JMH_OPTS >"$OUT/logs/jmh-engine-2threads.txt" 2>&1
  record "phase name=engine-2threads-end"
  if [ "$ENGINE_GROWTH" != "true" ]; then
    engine_profile
    return 0
  fi
  log "JMH: batch growth 1 → 10,000 results"
  # shellcheck disable=SC2086
  java -jar "$JAR" 'BatchGrowthBenchmark' -f 1 -rf json -rff "$OUT/raw/jmh-batch-growth.json" $JMH_OPTS \
    >"$OUT/logs/jmh-batch-growth.txt" 2>&1
  record "phase name=batch-growth-end"
  log "JMH: revisions per range 1 → 1,000"
  # shellcheck disable=SC2086
  java -jar "$JAR" 'EngineBenchmark.singleResult' -p revisionsPerRange=1,10,100,1000 -f 1 \
    -rf json -rff "$OUT/raw/jmh-revisions.json" $JMH_OPTS >"$OUT/logs/jmh-revisions.txt" 2>&1
  record "phase name=revisions-growth-end"
  engine_profile
}

engine_profile() {
  log "JMH: where the engine's time goes (JFR on one fork)"
  java -jar "$JAR" 'EngineBenchmark.singleResult' -f 1 -wi 2 -i 3 \
    -jvmArgsAppend "-XX:StartFlightRecording=filename=$OUT/raw/engine.jfr,settings=profile" \
    >"$OUT/logs/jmh-engine-jfr.txt" 2>&1
  python3 "$ROOT/benchmarks/scripts/jfr_hotspots.py" "$OUT/raw/engine.jfr" 25 >"$OUT/profile-engine.txt" || true
}

# ---------------------------------------------------------------------------------------------------------
# the services
PIDS=()
start_service() { # name port management-port env...   (INSTANCE=2: the second instance, files named name-2)
  local name="$1" port="$2" mgmt="$3"; shift 3
  local label; label=$(instance_label "$name" "${INSTANCE:-1}")
  # shellcheck disable=SC2086
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$mgmt" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY" MP_JWT_VERIFY_ISSUER=labrange-dev \
    java $JVM_OPTS -jar "${APP_DIR:-$ROOT/$name/target/quarkus-app}/quarkus-run.jar" \
    >"$OUT/logs/$label${LOG_SUFFIX:-}.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  echo "$pid" >"$OUT/$label.pid"
}
instance_label() { if [ "${2:-1}" = 1 ]; then echo "$1"; else echo "$1-$2"; fi; }

stop_service() { # name
  local pidfile="$OUT/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$pidfile"
}

stop_all() {
  for name in gateway interpretation-service interpretation-service-2 reference-ranges-service \
    reference-ranges-service-2; do stop_service "$name"; done
}

rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "NA"; }
pid_of() { cat "$OUT/$1.pid"; }

# time from launch to the first successful answer of a real API call (not only the health check)
wait_first_success() { # name url method body-file → prints milliseconds since $2's launch
  local start_ns="$1" url="$2" method="$3" body="${4:-}"
  for _ in $(seq 1 1200); do
    local code
    if [ "$method" = POST ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' --data-binary @"$body" "$url" || true)
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url" || true)
    fi
    if [ "$code" = 200 ]; then
      echo $(( ($(date +%s%N) - start_ns) / 1000000 ))
      return 0
    fi
    sleep 0.05
  done
  echo "NA"
  return 1
}

ports_free() {
  for p in "$GW_PORT" "$RANGES_PORT" "$INTERP_PORT" "$GW_MGMT_PORT" "$RANGES_MGMT_PORT" "$INTERP_MGMT_PORT" \
    $((RANGES_PORT + 10)) $((INTERP_PORT + 10)) $((RANGES_MGMT_PORT + 10)) $((INTERP_MGMT_PORT + 10)); do
    if ss -ltn "( sport = :$p )" | grep -q LISTEN; then
      echo "port $p is in use: set BENCH_*_PORT to free ports" >&2
      exit 1
    fi
  done
}

create_db() {
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME" >/dev/null
  psql "$PG/postgres" -qc "CREATE DATABASE $DB_NAME" >/dev/null
}
drop_db() { psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true; }

# each service with the environment that wires it to the others
# with INSTANCES=2 the callers get both instances: the gateway a URL list, interpretation-service a Stork static list
urls() { # port → "http://localhost:port[,http://localhost:port+10]"
  local list="http://localhost:$1"
  [ "$INSTANCES" = 2 ] && list="$list,http://localhost:$(($1 + 10))"
  echo "$list"
}
launch_service() { # name [extra env...]   (INSTANCE=2: the second instance, on the ports + 10)
  local name="$1"; shift
  local offset=$(( (${INSTANCE:-1} - 1) * 10 ))
  case "$name" in
    reference-ranges-service)
      start_service reference-ranges-service $((RANGES_PORT + offset)) $((RANGES_MGMT_PORT + offset)) \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME" "$@" ;;
    interpretation-service)
      if [ "$INSTANCES" = 2 ]; then
        start_service interpretation-service $((INTERP_PORT + offset)) $((INTERP_MGMT_PORT + offset)) \
          LABRANGE_RANGES_URL="stork://reference-ranges" \
          LABRANGE_RANGES_INSTANCES="localhost:$RANGES_PORT,localhost:$((RANGES_PORT + 10))" "$@"
      else
        start_service interpretation-service "$INTERP_PORT" "$INTERP_MGMT_PORT" LABRANGE_RANGES_URL="http://localhost:$RANGES_PORT" "$@"
      fi ;;
    gateway)
      start_service gateway "$GW_PORT" "$GW_MGMT_PORT" LABRANGE_RANGES_URL="$(urls "$RANGES_PORT")" \
        LABRANGE_INTERPRETATION_URL="$(urls "$INTERP_PORT")" \
        LABRANGE_RANGES_MANAGEMENT_URL="$(urls "$RANGES_MGMT_PORT")" \
        LABRANGE_INTERPRETATION_MANAGEMENT_URL="$(urls "$INTERP_MGMT_PORT")" \
        LABRANGE_CONSOLE_OIDC_URL="http://localhost:9/realms/labrange" LABRANGE_CONSOLE_CLIENT_SECRET=benchmark-only "$@" ;;
  esac
}

# waits until an instance's readiness check answers UP (at most 120 s)
await_ready() { # name instance
  local offset=$(( (${2:-1} - 1) * 10 )) mgmt
  case "$1" in
    reference-ranges-service) mgmt=$((RANGES_MGMT_PORT + offset)) ;;
    interpretation-service) mgmt=$((INTERP_MGMT_PORT + offset)) ;;
    gateway) mgmt=$GW_MGMT_PORT ;;
  esac
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$mgmt/q/health/ready" || true)" = 200 ] && return 0
    sleep 0.1
  done
  echo "$1 instance ${2:-1} not ready after 120 s" >&2
  return 1
}

start_suite() { # repetition number
  local rep="$1" t ms
  t=$(date +%s%N)
  launch_service reference-ranges-service
  ms=$(wait_first_success "$t" "http://localhost:$RANGES_PORT/api/v1/sources" GET)
  record "startup service=reference-ranges-service rep=$rep first_success_ms=$ms rss_mib=$(rss_mib "$(pid_of reference-ranges-service)") quarkus_says=$(grep -o 'started in [0-9.]*s' "$OUT/logs/reference-ranges-service.log" | head -n 1 | tr -d 'a-z ')"
  if [ "$INSTANCES" = 2 ]; then INSTANCE=2 launch_service reference-ranges-service; await_ready reference-ranges-service 2; fi
  t=$(date +%s%N)
  launch_service interpretation-service
  ms=$(wait_first_success "$t" "http://localhost:$INTERP_PORT/api/v1/interpretations/single" POST "$BODIES/single.json")
  record "startup service=interpretation-service rep=$rep first_success_ms=$ms rss_mib=$(rss_mib "$(pid_of interpretation-service)") quarkus_says=$(grep -o 'started in [0-9.]*s' "$OUT/logs/interpretation-service.log" | head -n 1 | tr -d 'a-z ')"
  if [ "$INSTANCES" = 2 ]; then INSTANCE=2 launch_service interpretation-service; await_ready interpretation-service 2; fi
  t=$(date +%s%N)
  launch_service gateway
  ms=$(wait_first_success "$t" "http://localhost:$GW_PORT/api/v1/interpretations/single" POST "$BODIES/single.json")
  record "startup service=gateway rep=$rep first_success_ms=$ms rss_mib=$(rss_mib "$(pid_of gateway)") quarkus_says=$(grep -o 'started in [0-9.]*s' "$OUT/logs/gateway.log" | head -n 1 | tr -d 'a-z ')"
}

startup() {
  ports_free
  create_db
  for rep in $(seq 1 "$REPEATS"); do
    log "startup, repetition $rep of $REPEATS"
    start_suite "$rep"
    if [ "$rep" -lt "$REPEATS" ]; then stop_all; fi
  done
  sleep 10
  for name in reference-ranges-service interpretation-service gateway; do
    record "rss-idle service=$name when=after-start+10s rss_mib=$(rss_mib "$(pid_of "$name")")"
  done
}

# ---------------------------------------------------------------------------------------------------------
# load through the gateway
SAMPLER_PID=""
start_rss_sampler() { # file
  local file="$1"
  (
    end=$((SECONDS + 3600))
    while [ $SECONDS -lt $end ]; do
      for name in reference-ranges-service interpretation-service gateway; do
        echo "$name $(rss_mib "$(pid_of "$name")")"
      done
      sleep 1
    done
  ) >"$file" 2>/dev/null &
  SAMPLER_PID=$!
}
stop_rss_sampler() { [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=""; }

# sum of a Prometheus counter family on a service, optionally only lines matching a pattern
metric_sum() { # management-port metric [grep -E pattern]
  curl -s "http://localhost:$1/q/metrics" | grep -E "^$2(\{| )" | { if [ -n "${3:-}" ]; then grep -E "$3"; else cat; fi; } \
    | awk '{s += $NF} END {printf "%.0f", s}'
}
pg_counter() { psql "$PG/postgres" -Atc "select $1 from pg_stat_database where datname = '$DB_NAME'"; }

counters() { # → "interp_single interp_batch client_calls ranges_api_requests xact tup_returned"
  sleep 1.5 # PostgreSQL publishes its statistics with a short delay
  echo "$(metric_sum "$INTERP_MGMT_PORT" http_server_requests_seconds_count 'uri="/api/v1/interpretations/single"')" \
       "$(metric_sum "$INTERP_MGMT_PORT" http_server_requests_seconds_count 'uri="/api/v1/interpretations"')" \
       "$(metric_sum "$INTERP_MGMT_PORT" http_client_requests_seconds_count)" \
       "$(metric_sum "$RANGES_MGMT_PORT" http_server_requests_seconds_count '^[^/]*$|uri="/api/')" \
       "$(pg_counter 'xact_commit + xact_rollback')" "$(pg_counter tup_returned)"
}

cache_record() { # label before after results-per-request-kind
  local label="$1"; read -r s0 b0 c0 r0 x0 t0 <<<"$2"; read -r s1 b1 c1 r1 x1 t1 <<<"$3"
  local results=$(( (s1 - s0) + (b1 - b0) * ${4:-1} ))
  [ "$results" -gt 0 ] || results=1
  record "cache label=$label interpretations=$results upstream_calls=$((c1 - c0)) ranges_api_requests=$((r1 - r0)) db_transactions=$((x1 - x0)) db_tuples_returned=$((t1 - t0)) upstream_calls_per_1000=$(awk "BEGIN {printf \"%.3f\", 1000 * ($c1 - $c0) / $results}") db_transactions_per_interpretation=$(awk "BEGIN {printf \"%.5f\", ($x1 - $x0) / $results}")"
}

run_wrk() { # label url body-file|- seconds connections [script]
  local label="$1" url="$2" body="$3" seconds="$4" conns="$5" script="${6:-post-json.lua}"
  local line
  local threads=2; [ "$conns" -lt 2 ] && threads=1
  line=$(LABEL="$label" BODY="$body" TOKEN="$TOKEN" wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 30s \
    -s "$ROOT/benchmarks/wrk/$script" "$url" 2>&1 | tee -a "$OUT/logs/wrk.txt" | grep '^WRK ' || echo "WRK label=$label failed=all")
  record "wrk ${line#WRK } connections=$conns seconds=$seconds"
}

run_fixed_rate() { # label url body rate
  local label="$1" url="$2" body="$3" rate="$4" line
  line=$(java -Xmx256m -cp "$JAR" org.labrange.benchmarks.load.FixedRateLoad --url "$url" --body "$body" \
    --token "$TOKEN" --rate "$rate" --duration "$LOAD_SECONDS" --warmup "$WARMUP_SECONDS" --label "$label" \
    --hgrm "$OUT/raw/$label-$rate-$(date +%s).hgrm" 2>>"$OUT/logs/fixed-rate.err" | tail -n 1)
  record "fixed-rate $line"
}

profile_service() { # name seconds → JFR while the caller's load runs
  local name="$1" seconds="$2" pid; pid=$(pid_of "$name")
  jcmd "$pid" JFR.start name=bench settings=profile duration="${seconds}s" \
    filename="$OUT/raw/$name.jfr" >/dev/null 2>&1 || true
}

load() {
  [ -f "$OUT/gateway.pid" ] || startup
  local gw="http://localhost:$GW_PORT/api/v1" direct="http://localhost:$INTERP_PORT/api/v1"
  warm_up "$gw"
  sleep 11 # let PostgreSQL publish the warm-up's statistics before the first counters are read

  for body in single report batch-1 batch-1000 batch-10000 batch-1000-compact; do
    local url="$gw/interpretations" file="$body"
    [ "$body" = single ] && url="$gw/interpretations/single"
    [ "$body" = report ] && url="$gw/reports"
    [ "$body" = batch-1000-compact ] && url="$gw/interpretations?view=compact" && file=batch-1000
    record "size body=$body $(curl -s -o /dev/null -w 'status=%{http_code} request_bytes=%{size_upload} response_bytes=%{size_download} seconds=%{time_total}' \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$BODIES/$file.json" "$url")"
  done

  start_rss_sampler "$OUT/raw/rss-under-load.txt"
  local c0 c1
  log "single result, full speed through the gateway ($REPEATS × ${LOAD_SECONDS}s)"
  c0=$(counters)
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk single-max "$gw/interpretations/single" "$BODIES/single.json" "$LOAD_SECONDS" "$WRK_CONNECTIONS"
  done
  c1=$(counters); cache_record single-max "$c0" "$c1" 1

  local rates="$RATES" best
  if [ "$RATES" = half ]; then
    # half the gateway's maximum just measured (the best of the repeats): the latency goal's operating point
    best=$(grep -o 'label=single-max .*rps=[0-9.]*' "$RESULTS" | tail -n "$REPEATS" | sed 's/.*rps=//' | sort -g | tail -n 1)
    rates=$(awk -v b="$best" 'BEGIN {printf "%d", b / 2}')
    record "fixed-rate-choice rule=half-of-max max_rps=$best rate=$rates"
  fi
  log "fixed rates through the gateway: $rates req/s ($REPEATS × ${LOAD_SECONDS}s each)"
  for rate in $rates; do
    for rep in $(seq 1 "$REPEATS"); do
      c0=$(counters)
      run_fixed_rate single-fixed "$gw/interpretations/single" "$BODIES/single.json" "$rate"
      c1=$(counters); cache_record "single-fixed-$rate" "$c0" "$c1" 1
    done
  done

  log "batches of 1,000 through the gateway"
  c0=$(counters)
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk batch-1000 "$gw/interpretations" "$BODIES/batch-1000.json" "$LOAD_SECONDS" 4
  done
  c1=$(counters); cache_record batch-1000 "$c0" "$c1" 1000

  log "batches of 1,000 through the gateway, compact view (?view=compact)"
  c0=$(counters)
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk batch-1000-compact "$gw/interpretations?view=compact" "$BODIES/batch-1000.json" "$LOAD_SECONDS" 4
  done
  c1=$(counters); cache_record batch-1000-compact "$c0" "$c1" 1000

  log "reports (serum + urine) through the gateway"
  c0=$(counters)
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk report "$gw/reports" "$BODIES/report.json" "$LOAD_SECONDS" "$WRK_CONNECTIONS"
  done
  c1=$(counters); cache_record report "$c0" "$c1" 2
  stop_rss_sampler

  log "reports with 200 connections: beyond the in-flight bound, 503 overloaded at once rather than queueing"
  local rss_before
  rss_before=$(rss_mib "$(pid_of gateway)")
  start_rss_sampler "$OUT/raw/rss-reports-200.txt"
  run_wrk report-200 "$gw/reports" "$BODIES/report.json" "$LOAD_SECONDS" 200
  stop_rss_sampler
  record "reports-200 gateway_rss_before_mib=$rss_before gateway_rss_peak_mib=$(awk '$1 == "gateway" && $2 != "NA" && $2 > m {m = $2} END {print m + 0}' "$OUT/raw/rss-reports-200.txt")"

  log "for comparison: single result straight to interpretation-service (no gateway)"
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk single-direct "$direct/interpretations/single" "$BODIES/single.json" "$LOAD_SECONDS" "$WRK_CONNECTIONS"
  done
  log "for comparison: a cheap forwarded read through the gateway (GET /changes/latest; not a no-op)"
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk changes-latest "$gw/changes/latest" - 15 "$WRK_CONNECTIONS" get.lua
  done

  log "batch growth through the gateway: 1 → 10,000 results"
  for n in $([ "$LOAD_GROWTH" = true ] && echo 1 10 100 1000 10000); do
    local conns=4; [ "$n" -ge 10000 ] && conns=2
    run_wrk "batch-growth-$n" "$gw/interpretations" "$BODIES/batch-$n.json" 15 "$conns"
  done

  if [ "$LOAD_PROFILES" = true ]; then
    log "profiles (JFR, 25 s) of each service under single-result load"
    for name in gateway interpretation-service; do
      profile_service "$name" 25
    done
    run_wrk profile-single "$gw/interpretations/single" "$BODIES/single.json" 25 "$WRK_CONNECTIONS" >/dev/null
    profile_service reference-ranges-service 25
    run_wrk profile-report "$gw/reports" "$BODIES/report.json" 25 "$WRK_CONNECTIONS" >/dev/null
    sleep 3
    for name in gateway interpretation-service reference-ranges-service; do
      [ -f "$OUT/raw/$name.jfr" ] && python3 "$ROOT/benchmarks/scripts/jfr_hotspots.py" "$OUT/raw/$name.jfr" 25 \
        >"$OUT/profile-$name.txt" 2>&1 || true
    done
  fi

  for name in reference-ranges-service interpretation-service gateway; do
    local peak
    peak=$(awk -v n="$name" '$1 == n && $2 != "NA" && $2 > m {m = $2} END {print m + 0}' "$OUT/raw/rss-under-load.txt")
    record "rss-load service=$name peak_rss_mib=$peak"
  done
  sleep 10
  for name in reference-ranges-service interpretation-service gateway; do
    record "rss-idle service=$name when=after-load+10s rss_mib=$(rss_mib "$(pid_of "$name")")"
  done
  [ "$LOAD_NO_OP" = true ] && no_op_comparison
  return 0
}

# JIT warm-up: on 2 shared cores C2 needs one to two minutes of load before throughput levels off (measured
# 16:30 UTC: 390 → 1,900 req/s over the first 90 s through the gateway, flat after), so every measurement
# starts after LOAD_WARMUP_SECONDS of single results plus batches and reports.
warm_up() { # gateway base url
  log "warm-up: ${LOAD_WARMUP_SECONDS} s of single results, then batches and reports"
  run_wrk warmup-single "$1/interpretations/single" "$BODIES/single.json" "$LOAD_WARMUP_SECONDS" "$WRK_CONNECTIONS" >/dev/null
  run_wrk warmup-batch "$1/interpretations" "$BODIES/batch-1000.json" 20 2 >/dev/null
  run_wrk warmup-batch-compact "$1/interpretations?view=compact" "$BODIES/batch-1000.json" 10 2 >/dev/null
  run_wrk warmup-report "$1/reports" "$BODIES/report.json" 20 4 >/dev/null
}

# The same two hops, payloads and token checks with interpretation-service built with the benchmark-only
# profile noop-benchmark (requests are read and checked, nothing is interpreted; a normal build has no such
# endpoint), measured right after the real thing on the same suite; interpretation ÷ no-op is the share left
# after our own work.
# quarkus.package.output-directory replaces target/quarkus-app: the fast-jar lands in target/noop-benchmark/
NOOP_APP="$ROOT/interpretation-service/target/noop-benchmark"
no_op_comparison() {
  local gw="http://localhost:$GW_PORT/api/v1"
  log "no-op comparison: building interpretation-service with -Dquarkus.profile=noop-benchmark"
  (cd "$ROOT" && ./mvnw -B -q -pl interpretation-service package -DskipTests -Dquarkus.profile=noop-benchmark \
    -Dquarkus.package.output-directory=noop-benchmark)
  log "no-op comparison: interpretation-service restarted from the no-op build"
  stop_service interpretation-service
  APP_DIR="$NOOP_APP" LOG_SUFFIX=".no-op" launch_service interpretation-service
  wait_first_success "$(date +%s%N)" "http://localhost:$INTERP_PORT/api/v1/interpretations/single" POST \
    "$BODIES/single.json" >/dev/null
  run_wrk warmup-noop "$gw/interpretations/single" "$BODIES/single.json" "$LOAD_WARMUP_SECONDS" "$WRK_CONNECTIONS" >/dev/null
  run_wrk warmup-noop-batch "$gw/interpretations" "$BODIES/batch-1000.json" 20 4 >/dev/null
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk single-noop "$gw/interpretations/single" "$BODIES/single.json" "$LOAD_SECONDS" "$WRK_CONNECTIONS"
  done
  for rep in $(seq 1 "$REPEATS"); do
    run_wrk batch-1000-noop "$gw/interpretations" "$BODIES/batch-1000.json" "$LOAD_SECONDS" 4
  done
  log "no-op comparison done: interpretation-service back in normal mode"
  stop_service interpretation-service
  LOG_SUFFIX=".after-no-op" launch_service interpretation-service
  wait_first_success "$(date +%s%N)" "http://localhost:$INTERP_PORT/api/v1/interpretations/single" POST \
    "$BODIES/single.json" >/dev/null
  warm_up "$gw" # the phases after this one find a warm suite again
}

# the same suite with tighter memory settings: does each service stay under 300 MiB RSS?
memory() {
  stop_all
  ports_free
  create_db
  local saved="$JVM_OPTS"
  JVM_OPTS="$MEMORY_JVM_OPTS"
  # glibc otherwise keeps up to 8 malloc arenas per core for the JVM's and Netty's native allocations
  export MALLOC_ARENA_MAX="$MEMORY_MALLOC_ARENA_MAX"
  record "memory-config jvm_opts=\"$JVM_OPTS\" malloc_arena_max=$MALLOC_ARENA_MAX"
  start_suite memory
  sleep 10
  for name in reference-ranges-service interpretation-service gateway; do
    record "memory service=$name when=idle-after-start rss_mib=$(rss_mib "$(pid_of "$name")")"
  done
  local gw="http://localhost:$GW_PORT/api/v1"
  start_rss_sampler "$OUT/raw/rss-memory-config.txt"
  run_wrk mem-single "$gw/interpretations/single" "$BODIES/single.json" "$LOAD_SECONDS" "$WRK_CONNECTIONS"
  run_wrk mem-batch-1000 "$gw/interpretations" "$BODIES/batch-1000.json" "$LOAD_SECONDS" 4
  run_wrk mem-batch-10000 "$gw/interpretations" "$BODIES/batch-10000.json" "$LOAD_SECONDS" 1
  run_wrk mem-report "$gw/reports" "$BODIES/report.json" "$LOAD_SECONDS" "$WRK_CONNECTIONS"
  stop_rss_sampler
  for name in reference-ranges-service interpretation-service gateway; do
    local peak
    peak=$(awk -v n="$name" '$1 == n && $2 != "NA" && $2 > m {m = $2} END {print m + 0}' "$OUT/raw/rss-memory-config.txt")
    record "memory service=$name when=peak-under-load rss_mib=$peak"
  done
  sleep 10
  for name in reference-ranges-service interpretation-service gateway; do
    record "memory service=$name when=idle-after-load+10s rss_mib=$(rss_mib "$(pid_of "$name")")"
  done
  stop_all
  unset MALLOC_ARENA_MAX
  JVM_OPTS="$saved"
}

# ---------------------------------------------------------------------------------------------------------
# long runs and faults: both reuse a running suite, or start one (once) on a fresh scratch database
suite_running() { [ -f "$OUT/gateway.pid" ] && kill -0 "$(pid_of gateway)" 2>/dev/null; }
ensure_suite() { # label for the start-up lines
  suite_running && return 0
  stop_all
  ports_free
  create_db
  start_suite "$1"
  sleep 5
}

# RSS of each service every few seconds, with the time: "epoch-seconds service MiB"
start_rss_sampler_every() { # file seconds
  local file="$1" every="$2"
  (
    end=$((SECONDS + 7200))
    while [ $SECONDS -lt $end ]; do
      now=$(date +%s)
      for name in reference-ranges-service interpretation-service gateway; do
        echo "$now $name $(rss_mib "$(pid_of "$name")")"
      done
      sleep "$every"
    done
  ) >"$file" 2>/dev/null &
  SAMPLER_PID=$!
}

# heap in use right after a full collection (jcmd GC.run, then GC.heap_info), in MiB
heap_after_gc() { # name
  local pid; pid=$(pid_of "$1")
  jcmd "$pid" GC.run >/dev/null 2>&1 || { echo NA; return 0; }
  jcmd "$pid" GC.heap_info 2>/dev/null | awk '/total/ && /used/ {
    for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[K,]/, "", v); printf "%.1f", v / 1024; exit } }'
}

# mean RSS in the second minute of the run against the last minute; "flat" within 5 MiB or 3 %
rss_growth() { # file start-epoch-s seconds service
  awk -v s="$2" -v d="$3" -v n="$4" '
    $2 == n && $3 != "NA" && $1 >= s && $1 < s + d {
      m = int(($1 - s) / 60) + 1; sum[m] += $3; cnt[m]++
      if (first == "") first = $3
      last = $3; if (m > maxm) maxm = m
    }
    END {
      if (maxm == 0) { printf "service=%s samples=0", n; exit }
      a = (maxm >= 2) ? 2 : 1; ma = sum[a] / cnt[a]; mb = sum[maxm] / cnt[maxm]; g = mb - ma
      pct = (ma > 0) ? 100 * g / ma : 0
      v = "flat"; if (g > 5 && pct > 3) v = "grew"; if (g < -5 && pct < -3) v = "shrank"
      printf "service=%s rss_first_mib=%.1f rss_last_mib=%.1f minute_a=%d rss_mean_a_mib=%.1f minute_b=%d rss_mean_b_mib=%.1f growth_mib=%.1f growth_pct=%.1f verdict=%s",
        n, first, last, a, ma, maxm, mb, g, pct, v
    }' "$1"
}

sustained() {
  ensure_suite sustained
  local url="http://localhost:$GW_PORT/api/v1/interpretations/single" rate="$SUSTAINED_RATE" max="NA" line start name
  warm_up "http://localhost:$GW_PORT/api/v1"
  if [ -z "$rate" ]; then
    log "sustained: the maximum first (wrk, closed model, 20 s)"
    run_wrk sustained-max "$url" "$BODIES/single.json" 20 "$WRK_CONNECTIONS" >/dev/null
    max=$(grep '^wrk label=sustained-max ' "$RESULTS" | tail -n 1 | sed -n 's/.* rps=\([0-9.]*\) .*/\1/p')
    if [ -z "$max" ]; then
      log "sustained: no maximum was measured (is wrk installed? see logs/wrk.txt); set SUSTAINED_RATE"
      return 1
    fi
    rate=$(awk -v m="$max" -v p="$SUSTAINED_PERCENT" 'BEGIN {printf "%.0f", m * p / 100}')
  fi
  sleep 5
  for name in reference-ranges-service interpretation-service gateway; do
    record "sustained-heap service=$name when=before heap_after_full_gc_mib=$(heap_after_gc "$name") rss_mib=$(rss_mib "$(pid_of "$name")")"
  done
  record "sustained-config rate=$rate measured_max_rps=$max percent=$SUSTAINED_PERCENT seconds=$SUSTAINED_SECONDS rss_every_s=5"
  log "sustained: $rate req/s for ${SUSTAINED_SECONDS}s through the gateway"
  start_rss_sampler_every "$OUT/raw/rss-sustained.txt" 5
  java -Xmx256m -cp "$JAR" org.labrange.benchmarks.load.SustainedLoad --url "$url" --body "$BODIES/single.json" \
    --token "$TOKEN" --rate "$rate" --duration "$SUSTAINED_SECONDS" --label sustained --hgrm-dir "$OUT/raw" \
    >"$OUT/raw/sustained.txt" 2>"$OUT/logs/sustained.err"
  stop_rss_sampler
  # the interval lines carry the load average and time of their own start
  grep '^sustained-interval ' "$OUT/raw/sustained.txt" | tee -a "$RESULTS"
  line=$(grep '^sustained-total ' "$OUT/raw/sustained.txt")
  record "$line"
  start=$(( $(sed -n 's/.*start_epoch_ms=\([0-9]*\).*/\1/p' <<<"$line") / 1000 ))
  for name in reference-ranges-service interpretation-service gateway; do
    record "sustained-rss $(rss_growth "$OUT/raw/rss-sustained.txt" "$start" "$SUSTAINED_SECONDS" "$name")"
  done
  for name in reference-ranges-service interpretation-service gateway; do
    record "sustained-heap service=$name when=after heap_after_full_gc_mib=$(heap_after_gc "$name") rss_mib=$(rss_mib "$(pid_of "$name")")"
  done
}

FAULTS_FAILED=false
faults() { # [label] [fault list]
  local label="${1:-faults}" list="${2:-$FAULTS}"
  ensure_suite "$label"
  local admin rc=0 line
  admin=$("$ROOT/bin/labrange" token ranges-admin bench-faults)
  # the harness calls this script back (--inject-fault) for each fault; it must find the same suite
  export OUT JVM_OPTS BENCH_GATEWAY_PORT="$GW_PORT" BENCH_RANGES_PORT="$RANGES_PORT" \
    BENCH_INTERPRETATION_PORT="$INTERP_PORT" BENCH_PG_URL="$PG" BENCH_GATEWAY_MANAGEMENT_PORT="$GW_MGMT_PORT" \
    BENCH_RANGES_MANAGEMENT_PORT="$RANGES_MGMT_PORT" BENCH_INTERPRETATION_MANAGEMENT_PORT="$INTERP_MGMT_PORT" \
    BENCH_INSTANCES="$INSTANCES"
  log "$label: warm-up, 20 s of single results at full speed"
  run_wrk "warmup-$label" "http://localhost:$GW_PORT/api/v1/interpretations/single" "$BODIES/single.json" 20 \
    "$WRK_CONNECTIONS" >/dev/null
  record "$label-config rate=$FAULTS_RATE clean_seconds=$FAULTS_CLEAN_SECONDS instances=$INSTANCES faults=$(tr ' ' ',' <<<"$list")"
  log "$label: $list under $FAULTS_RATE req/s (takes a few minutes)"
  start_rss_sampler_every "$OUT/raw/rss-$label.txt" 5
  java -Xmx256m -cp "$JAR" org.labrange.benchmarks.load.FaultsUnderLoad --gateway "http://localhost:$GW_PORT" \
    --token "$TOKEN" --admin-token "$admin" --rate "$FAULTS_RATE" --clean-seconds "$FAULTS_CLEAN_SECONDS" \
    --faults "$(tr ' ' ',' <<<"$list")" --fault-hook "$ROOT/benchmarks/run.sh --inject-fault" \
    --events "$OUT/raw/$label-events.txt" --timeline "$OUT/raw/$label-timeline.txt" \
    >"$OUT/raw/$label.txt" 2>"$OUT/logs/$label.err" || rc=$?
  stop_rss_sampler
  # segment lines carry the load average at the segment's start; the rolling phase's lines say so in their name
  sed "s/^faults-/$label-/" "$OUT/raw/$label.txt" | grep "^$label-segment " | tee -a "$RESULTS" || true
  while IFS= read -r line; do record "$line"; done < <(sed "s/^faults-/$label-/" "$OUT/raw/$label.txt" | grep -E "^$label-(writer|verdict) ")
  if [ "$rc" -ne 0 ]; then
    FAULTS_FAILED=true
    log "$label: FAIL (exit $rc), see $OUT/raw/$label.txt and $OUT/logs/$label.err"
  fi
}

# the faults harness against two instances of each backend, restarted one instance at a time
rolling() {
  stop_all
  INSTANCES=2
  faults rolling "$ROLLING_FAULTS"
  stop_all
  INSTANCES=1
}

# called by FaultsUnderLoad through `run.sh --inject-fault NAME`; prints one line of key=value pairs
inject_fault() { # name
  local name t0 old stop_ms
  case "$1" in
    restart-reference-ranges-service|restart-interpretation-service|restart-gateway)
      name="${1#restart-}"
      [ -f "$OUT/$name.pid" ] || { echo "no $OUT/$name.pid: is OUT the running suite's?" >&2; return 1; }
      old=$(pid_of "$name")
      t0=$(date +%s%N)
      stop_service "$name" # SIGTERM, then waits until it has exited
      stop_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      LOG_SUFFIX=".restarted-$(date -u +%H%M%S)" launch_service "$name"
      echo "old_pid=$old stop_ms=$stop_ms new_pid=$(pid_of "$name")"
      ;;
    rolling-restart-reference-ranges-service|rolling-restart-interpretation-service)
      # as a Deployment's rolling update with maxUnavailable 1: one instance at a time, the next only once the
      # restarted one is ready again
      name="${1#rolling-restart-}"
      [ "$INSTANCES" = 2 ] || { echo "rolling restarts need BENCH_INSTANCES=2" >&2; return 1; }
      local said="" i label
      for i in 1 2; do
        label=$(instance_label "$name" "$i")
        [ -f "$OUT/$label.pid" ] || { echo "no $OUT/$label.pid: is OUT the running suite's?" >&2; return 1; }
        t0=$(date +%s%N)
        stop_service "$label"
        stop_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
        INSTANCE=$i LOG_SUFFIX=".restarted-$(date -u +%H%M%S)" launch_service "$name"
        await_ready "$name" "$i"
        # like a Deployment's minReadySeconds: a just-started JVM is ready but not yet compiled hot; it serves for a
        # while before the other instance goes and it takes all the traffic
        [ "$i" = 1 ] && sleep "$ROLLING_SETTLE_SECONDS"
        said="$said instance${i}_stop_ms=$stop_ms instance${i}_back_ms=$(( ($(date +%s%N) - t0) / 1000000 ))"
      done
      echo "${said# }"
      ;;
    drop-db-connections)
      echo "terminated_connections=$(psql "$PG/postgres" -Atc "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))
        FROM pg_stat_activity WHERE datname = '$DB_NAME' AND pid <> pg_backend_pid()")"
      ;;
    *) echo "unknown fault: $1" >&2; return 2 ;;
  esac
}

cleanup() {
  stop_rss_sampler || true
  stop_all
  drop_db
}

# ---------------------------------------------------------------------------------------------------------
if [ "${1:-}" = "--inject-fault" ]; then
  inject_fault "${2:?fault name}"
  exit 0
fi
machine
build
TOKEN=$("$ROOT/bin/labrange" token interpreter bench)
export TOKEN
trap cleanup EXIT
log "results in $OUT"
record "run phases=\"$PHASES\" repeats=$REPEATS load_seconds=$LOAD_SECONDS jvm_opts=\"$JVM_OPTS\""
if has_phase engine; then engine; fi
if has_phase startup; then startup; fi
if has_phase load; then load; fi
if has_phase memory; then memory; fi
if has_phase sustained; then sustained; fi
if has_phase faults; then faults; fi
if has_phase rolling; then rolling; fi
cleanup
trap - EXIT
if has_phase db-growth; then "$ROOT/benchmarks/db-growth.sh" "$OUT/db-growth"; fi
python3 "$ROOT/benchmarks/scripts/summarize.py" "$OUT" | tee "$OUT/summary.md"
log "done: $OUT/summary.md"
if [ "$FAULTS_FAILED" = true ]; then
  log "the faults phase did not PASS (FAIL or aborted): $OUT/raw/faults.txt"
  exit 1
fi
