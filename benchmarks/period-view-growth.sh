#!/usr/bin/env bash
# Before/after measurement of the range_revision_period rewrite (V4), on a scratch database that this script
# creates and drops (pv_growth_<mode>, never `labrange` or `test`). Data as in benchmarks/db-growth.sh:
#   - ranges stored: 10 → 100,000, one revision each (10 synthetic sources per analyte, plus the B2M seed)
#   - revisions per range: 1 → 1,000 (one analyte per count, 3 ranges each, one revision a day)
#
#   benchmarks/period-view-growth.sh before   # migrations V1–V3, queries of RangeStore before V4
#   benchmarks/period-view-growth.sh after    # migrations V1–V4, queries of RangeStore now
#
# Each query runs 5 times under EXPLAIN (ANALYZE, BUFFERS); one line per query with min/median/max execution
# time and the scans of the last plan, which is kept in $OUT/plans/. PG_URL defaults to the local server.
set -euo pipefail
MODE="${1:?before or after}"
HERE="$(cd "$(dirname "$0")" && pwd)"
MIGRATIONS="$HERE/../reference-ranges-service/src/main/resources/db/migration"
OUT="${2:-$HERE/target/period-view-growth/$MODE}"
PG="${PG_URL:-postgresql://postgres@127.0.0.1:5432}"
DB="pv_growth_$MODE"
mkdir -p "$OUT/plans"
: >"$OUT/results.txt"

q() { psql "$PG/$DB" -v ON_ERROR_STOP=1 -qAt "$@"; }
drop() { psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; }
trap drop EXIT
drop
psql "$PG/postgres" -qc "CREATE DATABASE $DB" >/dev/null
case "$MODE" in
  before) migrations=$(ls "$MIGRATIONS"/V[123]__*.sql) ;;
  after) migrations=$(ls "$MIGRATIONS"/V*.sql) ;;
  *) echo "mode must be before or after" >&2; exit 2 ;;
esac
for f in $migrations; do q -f "$f" >/dev/null; done
q -c "INSERT INTO source (code, name, kind, citation)
      SELECT 'syn-src-' || s, 'Synthetic source ' || s, 'LAB', 'synthetic' FROM generate_series(0, 9) s"

COLUMNS="r.seq, r.range_id, r.revision, r.action, r.status, r.low, r.low_inclusive, r.high, r.high_inclusive,
  r.unit, r.sex, r.age_min, r.age_max, r.age_unit, r.condition, r.method, r.note, r.effective_from,
  r.recorded_at, r.recorded_by, r.reason, i.analyte_code, i.source_code, i.category"

# How RangeStore reaches the view: before V4 by seq from range_revision; since V4 through range_id.
if [ "$MODE" = before ]; then
  PERIODS="FROM range_revision r JOIN range_identity i ON i.id = r.range_id
           JOIN range_revision_period p ON p.seq = r.seq"
  BY_RANGE="r.range_id"; BY_REVISION="r.revision"
else
  PERIODS="FROM range_revision_period p JOIN range_identity i ON i.id = p.range_id
           JOIN range_revision r ON r.seq = p.seq"
  BY_RANGE="p.range_id"; BY_REVISION="p.revision"
fi
history_sql() { echo "SELECT $COLUMNS, p.effective_to $PERIODS WHERE $BY_RANGE = '$1' ORDER BY r.revision"; }
revision_sql() { echo "SELECT $COLUMNS, p.effective_to $PERIODS WHERE $BY_RANGE = '$1' AND $BY_REVISION = $2"; }
timeline_sql() {
  echo "SELECT $COLUMNS, p.effective_to $PERIODS
         WHERE i.analyte_code = '$1' AND (p.effective_to IS NULL OR p.effective_to > r.effective_from)
         ORDER BY i.source_code, i.category, r.range_id, r.revision"
}
# unchanged by V4 (it does not read the view), measured to show it is unaffected
in_effect_sql() { # analyte on knownAt
  echo "SELECT $COLUMNS, (SELECT min(l.effective_from) FROM range_revision l
          WHERE l.range_id = r.range_id AND l.revision > r.revision AND l.recorded_at <= '$3') AS effective_to
          FROM range_identity i JOIN analyte a ON a.code = i.analyte_code
         CROSS JOIN LATERAL (SELECT * FROM range_revision x
                              WHERE x.range_id = i.id AND x.recorded_at <= '$3' AND x.effective_from <= '$2'
                              ORDER BY x.revision DESC LIMIT 1) r
         WHERE true AND i.analyte_code = '$1' ORDER BY i.analyte_code, i.source_code, i.category, r.range_id"
}

measure() { # label sql
  local plan="$OUT/plans/$1.txt" times=()
  for _ in 1 2 3 4 5; do
    q -c "EXPLAIN (ANALYZE, BUFFERS) $2" >"$plan"
    times+=("$(awk '/Execution Time/ {print $3}' "$plan")")
  done
  local stats rows scans
  stats=$(printf '%s\n' "${times[@]}" | sort -g | awk '{t[NR] = $1} END {printf "%s / %s / %s", t[1], t[3], t[5]}')
  rows=$(q -c "SELECT count(*) FROM ($2) t")
  scans=$(grep -oE '(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( Backward)? (using [a-z_]+ )?on [a-z_]+' "$plan" \
    | sort | uniq -c | awk '{c = $1; $1 = ""; printf "%s%s x%s", sep, substr($0, 2), c; sep = "; "}')
  echo "$MODE | $1 | rows=$rows | ms min/median/max $stats | $scans" | tee -a "$OUT/results.txt"
}
utc_now() { q -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"; }
TODAY=$(date -u +%F)
B2M_LABCORP=1952e001-0000-4000-8000-000000000002

made=0
for target in 10 1000 10000 100000; do
  from=$((made / 10)); to=$((target / 10 - 1))
  q <<SQL >/dev/null
INSERT INTO analyte (code, display_name, specimen, unit)
SELECT 'SYN-' || lpad(n::text, 6, '0'), 'Synthetic analyte ' || n, 'SERUM_PLASMA', 'mg/L' FROM generate_series($from, $to) n;
INSERT INTO range_identity (id, analyte_code, source_code, category)
SELECT md5('range-' || n || '-' || s)::uuid, 'SYN-' || lpad(n::text, 6, '0'), 'syn-src-' || s, 'REFERENCE'
  FROM generate_series($from, $to) n, generate_series(0, 9) s;
INSERT INTO range_revision (range_id, revision, action, status, low, low_inclusive, high, high_inclusive, unit,
                            sex, age_unit, effective_from, recorded_by, reason)
SELECT md5('range-' || n || '-' || s)::uuid, 1, 'CREATE', 'ACTIVE', 0.5 + s * 0.01, true, 2.5, true, 'mg/L',
       'ANY', 'YEARS', DATE '2020-01-01', 'bench', 'synthetic' FROM generate_series($from, $to) n, generate_series(0, 9) s;
ANALYZE;
SQL
  made=$target
  now=$(utc_now)
  measure "ranges-$target-in-effect-b2m" "$(in_effect_sql 1952-1 "$TODAY" "$now")"
  measure "ranges-$target-in-effect-synthetic" "$(in_effect_sql SYN-000000 "$TODAY" "$now")"
  measure "ranges-$target-timeline-b2m" "$(timeline_sql 1952-1)"
  measure "ranges-$target-timeline-synthetic" "$(timeline_sql SYN-000000)"
  measure "ranges-$target-history-b2m" "$(history_sql $B2M_LABCORP)"
done

for n in 1 10 100 1000; do
  code="REV-$n"
  q <<SQL >/dev/null
INSERT INTO analyte (code, display_name, specimen, unit) VALUES ('$code', 'Synthetic, $n revisions', 'SERUM_PLASMA', 'mg/L');
INSERT INTO range_identity (id, analyte_code, source_code, category)
SELECT md5('rev-$n-' || s)::uuid, '$code', 'syn-src-' || s, 'REFERENCE' FROM generate_series(0, 2) s;
INSERT INTO range_revision (range_id, revision, action, status, low, low_inclusive, high, high_inclusive, unit,
                            sex, age_unit, effective_from, recorded_by, reason)
SELECT md5('rev-$n-' || s)::uuid, r, CASE WHEN r = 1 THEN 'CREATE' ELSE 'REVISE' END, 'ACTIVE', 0.5 + r * 0.0001,
       true, 2.5, true, 'mg/L', 'ANY', 'YEARS', DATE '2000-01-01' + (r - 1), 'bench', 'synthetic'
  FROM generate_series(0, 2) s, generate_series(1, $n) r ORDER BY s, r;
ANALYZE;
SQL
  range=$(q -c "SELECT md5('rev-$n-0')::uuid")
  middle=$(( (n + 1) / 2 ))
  middle_date=$(q -c "SELECT DATE '2000-01-01' + ($middle - 1)")
  middle_known=$(q -c "SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')
                         FROM range_revision WHERE range_id = '$range' AND revision = $middle")
  now=$(utc_now)
  measure "revisions-$n-in-effect-today" "$(in_effect_sql "$code" "$TODAY" "$now")"
  measure "revisions-$n-in-effect-middle-known-at" "$(in_effect_sql "$code" "$middle_date" "$middle_known")"
  measure "revisions-$n-timeline" "$(timeline_sql "$code")"
  measure "revisions-$n-history" "$(history_sql "$range")"
  measure "revisions-$n-revision-middle" "$(revision_sql "$range" "$middle")"
done
