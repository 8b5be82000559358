#!/usr/bin/env bash
# How the ranges service's bitemporal queries grow with the data, on a scratch database this script creates
# and drops (never `labrange` or `test`):
#   - ranges stored: 10 → 100,000 (synthetic analytes with 10 sources each, plus the B2M seed)
#   - revisions per range: 1 → 1,000 (one synthetic analyte per count, 3 ranges each)
# The queries are the ones RangeStore sends (inEffect with effectiveOn/knownAt, timeline, history), with the
# parameters written in. Each is run with EXPLAIN (ANALYZE, BUFFERS) 5 times: min/median/max execution time,
# and the plan of the last run is kept, so one can check that it uses the indexes.
#
#   benchmarks/db-growth.sh [OUT-DIR]        (BENCH_PG_URL as in run.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/benchmarks/target/results/db-growth-$(date -u +%Y%m%dT%H%M%SZ)}"
PG="${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}"
DB="labrange_bench_growth"
MIGRATIONS="$ROOT/reference-ranges-service/src/main/resources/db/migration"
RESULTS="$OUT/results.txt"
PLANS="$OUT/plans"
mkdir -p "$PLANS"

load_avg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }
record() { echo "$* load=$(load_avg) at=$(date -u +%H:%M:%S)" | tee -a "$RESULTS"; }
q() { psql "$PG/$DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

cleanup() { psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
psql "$PG/postgres" -qc "CREATE DATABASE $DB" >/dev/null
for f in "$MIGRATIONS"/V*.sql; do q -f "$f" >/dev/null; done

# ten synthetic sources
q -c "INSERT INTO source (code, name, kind, citation)
      SELECT 'syn-src-' || s, 'Synthetic source ' || s, 'LAB', 'synthetic, for benchmarks'
        FROM generate_series(0, 9) s"

RANGE_COLUMNS="r.seq, r.range_id, r.revision, r.action, r.status, r.low, r.low_inclusive, r.high, r.high_inclusive,
  r.unit, r.sex, r.age_min, r.age_max, r.age_unit, r.condition, r.method, r.note, r.effective_from,
  r.recorded_at, r.recorded_by, r.reason, i.analyte_code, i.source_code, i.category"

in_effect_sql() { # analyte effectiveOn knownAt
  cat <<SQL
SELECT $RANGE_COLUMNS
     , (SELECT min(l.effective_from) FROM range_revision l
         WHERE l.range_id = r.range_id AND l.revision > r.revision AND l.recorded_at <= '$3') AS effective_to
  FROM range_identity i
  JOIN analyte a ON a.code = i.analyte_code
  CROSS JOIN LATERAL (
      SELECT * FROM range_revision x
       WHERE x.range_id = i.id AND x.recorded_at <= '$3' AND x.effective_from <= '$2'
       ORDER BY x.revision DESC LIMIT 1) r
 WHERE true AND i.analyte_code = '$1'
 ORDER BY i.analyte_code, i.source_code, i.category, r.range_id
SQL
}
timeline_sql() { # analyte
  cat <<SQL
SELECT $RANGE_COLUMNS, p.effective_to FROM range_revision_period p
  JOIN range_identity i ON i.id = p.range_id
  JOIN range_revision r ON r.seq = p.seq
 WHERE i.analyte_code = '$1' AND (p.effective_to IS NULL OR p.effective_to > r.effective_from)
 ORDER BY i.source_code, i.category, r.range_id, r.revision
SQL
}
history_sql() { # range id
  cat <<SQL
SELECT $RANGE_COLUMNS, p.effective_to FROM range_revision_period p
  JOIN range_identity i ON i.id = p.range_id
  JOIN range_revision r ON r.seq = p.seq
 WHERE p.range_id = '$1' ORDER BY r.revision
SQL
}

measure() { # label sql
  local label="$1" sql="$2" times=() plan_file="$PLANS/$1.txt"
  for _ in 1 2 3 4 5; do
    q -c "EXPLAIN (ANALYZE, BUFFERS) $sql" >"$plan_file"
    times+=("$(awk '/Execution Time/ {print $3}' "$plan_file")")
  done
  local stats rows scans seq_on_revision
  stats=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {printf "min_ms=%s median_ms=%s max_ms=%s", a[1], a[3], a[5]}')
  rows=$(q -c "SELECT count(*) FROM ($sql) t")
  scans=$(grep -oE '(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( Backward)? (using [a-z_]+ )?on [a-z_]+' \
    "$plan_file" | sed 's/ /_/g' | sort | uniq -c | awk '{printf "%s%s(x%s)", sep, $2, $1; sep = ","}')
  seq_on_revision=$(grep -c 'Seq Scan on range_revision' "$plan_file" || true)
  record "db label=$label rows=$rows $stats seq_scans_on_range_revision=$seq_on_revision scans=$scans"
}

# knownAt = now, read after each load of data (as the service does per request)
now_utc() { q -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"; }
TODAY=$(date -u +%F)

# --- ranges stored: 10 → 100,000 -------------------------------------------------------------------------
made=0
for target in 10 1000 10000 100000; do
  analytes_from=$((made / 10)); analytes_to=$((target / 10 - 1))
  q <<SQL >/dev/null
INSERT INTO analyte (code, display_name, specimen, unit)
SELECT 'SYN-' || lpad(n::text, 6, '0'), 'Synthetic analyte ' || n, 'SERUM_PLASMA', 'mg/L'
  FROM generate_series($analytes_from, $analytes_to) n;
INSERT INTO range_identity (id, analyte_code, source_code, category)
SELECT md5('range-' || n || '-' || s)::uuid, 'SYN-' || lpad(n::text, 6, '0'), 'syn-src-' || s, 'REFERENCE'
  FROM generate_series($analytes_from, $analytes_to) n, generate_series(0, 9) s;
INSERT INTO range_revision (range_id, revision, action, status, low, low_inclusive, high, high_inclusive, unit,
                            sex, age_unit, effective_from, recorded_by, reason)
SELECT md5('range-' || n || '-' || s)::uuid, 1, 'CREATE', 'ACTIVE', 0.5 + s * 0.01, true, 2.5, true, 'mg/L',
       'ANY', 'YEARS', DATE '2020-01-01', 'bench', 'synthetic range for benchmarks'
  FROM generate_series($analytes_from, $analytes_to) n, generate_series(0, 9) s;
ANALYZE;
SQL
  made=$target
  total=$(q -c "SELECT count(*) FROM range_identity")
  record "db-data ranges_stored=$total"
  NOW=$(now_utc)
  measure "ranges-$target-in-effect-b2m" "$(in_effect_sql 1952-1 "$TODAY" "$NOW")"
  measure "ranges-$target-in-effect-synthetic" "$(in_effect_sql SYN-000000 "$TODAY" "$NOW")"
  measure "ranges-$target-timeline-b2m" "$(timeline_sql 1952-1)"
done

# --- revisions per range: 1 → 1,000 ---------------------------------------------------------------------
for n in 1 10 100 1000; do
  code="REV-$n"
  q <<SQL >/dev/null
INSERT INTO analyte (code, display_name, specimen, unit) VALUES ('$code', 'Synthetic, $n revisions', 'SERUM_PLASMA', 'mg/L');
INSERT INTO range_identity (id, analyte_code, source_code, category)
SELECT md5('rev-$n-' || s)::uuid, '$code', 'syn-src-' || s, 'REFERENCE' FROM generate_series(0, 2) s;
INSERT INTO range_revision (range_id, revision, action, status, low, low_inclusive, high, high_inclusive, unit,
                            sex, age_unit, effective_from, recorded_by, reason)
SELECT md5('rev-$n-' || s)::uuid, r, CASE WHEN r = 1 THEN 'CREATE' ELSE 'REVISE' END, 'ACTIVE',
       0.5 + r * 0.0001, true, 2.5, true, 'mg/L', 'ANY', 'YEARS', DATE '2000-01-01' + (r - 1), 'bench',
       'synthetic revision for benchmarks'
  FROM generate_series(0, 2) s, generate_series(1, $n) r
 ORDER BY s, r;
ANALYZE;
SQL
  middle=$(( (n + 1) / 2 ))
  middle_date=$(q -c "SELECT DATE '2000-01-01' + ($middle - 1)")
  middle_known=$(q -c "SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')
                         FROM range_revision WHERE range_id = md5('rev-$n-0')::uuid AND revision = $middle")
  record "db-data analyte=$code revisions_per_range=$n ranges=3"
  NOW=$(now_utc)
  measure "revisions-$n-in-effect-today" "$(in_effect_sql "$code" "$TODAY" "$NOW")"
  measure "revisions-$n-in-effect-middle-date" "$(in_effect_sql "$code" "$middle_date" "$NOW")"
  measure "revisions-$n-in-effect-middle-known-at" "$(in_effect_sql "$code" "$middle_date" "$middle_known")"
  measure "revisions-$n-timeline" "$(timeline_sql "$code")"
  measure "revisions-$n-history" "$(history_sql "$(q -c "SELECT md5('rev-$n-0')::uuid")")"
done
