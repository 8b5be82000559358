#!/usr/bin/env python3
"""Turns one run's raw figures (results.txt and the JMH JSON files) into Markdown tables.

    summarize.py OUT-DIR

Every table gives min / median / max over the repeated runs; the load average column is the range of the
1-minute load average seen at the start of those runs. Standard library only.
"""
import json
import shlex
import os
import statistics
import sys
from collections import OrderedDict, defaultdict


def parse(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                parts = shlex.split(line)
            except ValueError:
                parts = line.split()
            if not parts:
                continue
            row = {"kind": parts[0]}
            for p in parts[1:]:
                if "=" in p:
                    k, v = p.split("=", 1)
                    row[k] = v.strip('"')
            rows.append(row)
    return rows


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def mmm(values, fmt="{:,.0f}"):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return " / ".join(fmt.format(x) for x in (min(values), statistics.median(values), max(values)))


def loads(rows):
    ones = [num(r.get("load", "").split("/")[0]) for r in rows]
    ones = [x for x in ones if x is not None]
    if not ones:
        return "n/a"
    return f"{min(ones):.1f}–{max(ones):.1f}"


def group(rows, kind, key):
    out = OrderedDict()
    for r in rows:
        if r["kind"] == kind:
            out.setdefault(r.get(key, "?"), []).append(r)
    return out


def jmh_table(path, per_op_multiplier=None):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    lines = []
    for b in data:
        name = b["benchmark"].rsplit(".", 2)
        name = name[-2] + "." + name[-1]
        params = ",".join(f"{k}={v}" for k, v in (b.get("params") or {}).items())
        pm = b["primaryMetric"]
        forks = [statistics.mean(fork) for fork in pm["rawData"]]
        iterations = [x for fork in pm["rawData"] for x in fork]
        lines.append((name, params, b.get("threads", 1), pm["scoreUnit"], forks, iterations))
    return lines


def main():
    out = sys.argv[1]
    rows = parse(os.path.join(out, "results.txt"))
    db_rows = parse(os.path.join(out, "db-growth", "results.txt")) or [r for r in rows if r["kind"] == "db"]
    print(f"# Benchmark run {os.path.basename(out.rstrip('/'))}\n")
    run = [r for r in rows if r["kind"] == "run"]
    if run:
        print("Settings: " + ", ".join(f"{k}={v}" for k, v in run[0].items() if k not in ("kind",)) + "\n")

    raw = os.path.join(out, "raw")
    engine = jmh_table(os.path.join(raw, "jmh-engine.json"))
    if engine:
        print("## Engine (JMH, in-process, ranges compiled; 1 thread = 1 core)\n")
        print("| benchmark | params | threads | forks | score per fork min / median / max | unit | all iterations min / max |")
        print("|---|---|---|---|---|---|---|")
        for name, params, threads, unit, forks, its in engine:
            print(f"| {name} | {params} | {threads} | {len(forks)} | {mmm(forks)} | {unit} | {min(its):,.0f} / {max(its):,.0f} |")
        for extra in ("jmh-engine-2threads.json", "jmh-revisions.json"):
            for name, params, threads, unit, forks, its in jmh_table(os.path.join(raw, extra)):
                print(f"| {name} | {params} | {threads} | {len(forks)} | {mmm(forks)} | {unit} | {min(its):,.0f} / {max(its):,.0f} |")
        print("\nOne op of `singleResult` and `batchOf1000` = one result evaluated against 3 sources.")
        print("Load average at the start/end of the JMH runs: " + loads([r for r in rows if r["kind"] == "phase"]) + "\n")
    growth = jmh_table(os.path.join(raw, "jmh-batch-growth.json"))
    if growth:
        print("## Engine: batch size growth (JMH, µs per whole batch incl. patterns)\n")
        print("| batch size | µs per batch (iterations min / median / max) | µs per result (median) | results/s (median) |")
        print("|---|---|---|---|")
        for name, params, threads, unit, forks, its in growth:
            n = int(params.split("=")[1])
            med = statistics.median(its)
            print(f"| {n:,} | {mmm(its, '{:,.1f}')} | {med / n:.3f} | {n / med * 1e6:,.0f} |")
        print()

    # start-ups of the `memory`, `sustained` and `faults` phases are not repetitions of the start-up measurement
    startup = group([r for r in rows if r.get("rep", "").isdigit()], "startup", "service")
    if startup:
        print("## Start-up (launch → first successful API call) and RSS\n")
        print("| service | runs | first success ms min / median / max | Quarkus 'started in' s | RSS right after first call MiB | load avg |")
        print("|---|---|---|---|---|---|")
        for svc, rs in startup.items():
            print(f"| {svc} | {len(rs)} | {mmm([num(r.get('first_success_ms')) for r in rs])} | "
                  f"{mmm([num(r.get('quarkus_says')) for r in rs], '{:.2f}')} | "
                  f"{mmm([num(r.get('rss_mib')) for r in rs], '{:.0f}')} | {loads(rs)} |")
        print()
        rss = [r for r in rows if r["kind"] in ("rss-idle", "rss-load")]
        if rss:
            print("| service | when | RSS MiB |")
            print("|---|---|---|")
            for r in rss:
                when = r.get("when", "peak under load (1 s samples)")
                print(f"| {r.get('service')} | {when} | {r.get('rss_mib', r.get('peak_rss_mib'))} |")
            print()

    mem = [r for r in rows if r["kind"] == "memory"]
    if mem:
        cfg = [r for r in rows if r["kind"] == "memory-config"]
        print("## RSS with tighter memory settings (`memory` phase)\n")
        if cfg:
            print("JVM options: `" + cfg[0].get("jvm_opts", "?") + "`\n")
        print("| service | when | RSS MiB | load avg |")
        print("|---|---|---|---|")
        for r in mem:
            print(f"| {r.get('service')} | {r.get('when')} | {r.get('rss_mib')} | {loads([r])} |")
        for r in rows:
            if r["kind"] == "startup" and r.get("rep") == "memory":
                print(f"| {r.get('service')} | first successful call after {r.get('first_success_ms')} ms | {r.get('rss_mib')} | {loads([r])} |")
        print()

    wrk = group(rows, "wrk", "label")
    wrk = OrderedDict((k, v) for k, v in wrk.items() if not k.startswith(("warmup", "profile")))
    if wrk:
        print("## Through HTTP at full speed (wrk, closed model)\n")
        print("| label | runs | conns | req/s min / median / max | results/s (median) | p50 ms (median) | p99 ms min / median / max | p99.9 ms (median) | failed | load avg |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for label, rs in wrk.items():
            per_request = 1
            if label.startswith("batch-growth-"):
                per_request = int(label.rsplit("-", 1)[1])
            elif label == "batch-1000":
                per_request = 1000
            elif label in ("batch-1000", "mem-batch-1000"):
                per_request = 1000
            elif label == "mem-batch-10000":
                per_request = 10000
            elif label in ("report", "mem-report"):
                per_request = 2
            rs = [r for r in rs if num(r.get("rps")) is not None]
            if not rs:
                print(f"| {label} | 0 | | no result (see logs/wrk.txt) | | | | | | |")
                continue
            rps = [num(r.get("rps")) for r in rs]
            med = statistics.median(rps)
            failed = sum(int(num(r.get("failed")) or 0) for r in rs)
            print(f"| {label} | {len(rs)} | {rs[0].get('connections')} | {mmm(rps, '{:,.1f}')} | {med * per_request:,.0f} | "
                  f"{statistics.median([num(r.get('p50_ms')) for r in rs]):.2f} | {mmm([num(r.get('p99_ms')) for r in rs], '{:.1f}')} | "
                  f"{statistics.median([num(r.get('p999_ms')) for r in rs]):.1f} | {failed} | {loads(rs)} |")
        print("\n`report` = serum + urine result (2 results); `batch-*` results/s = requests/s × batch size.\n")

    sizes = [r for r in rows if r["kind"] == "size"]
    if sizes:
        print("| request (one call, warm) | status | request bytes | response bytes | seconds |")
        print("|---|---|---|---|---|")
        for r in sizes:
            print(f"| {r.get('body')} | {r.get('status')} | {int(num(r.get('request_bytes')) or 0):,} | {int(num(r.get('response_bytes')) or 0):,} | {r.get('seconds')} |")
        print()

    fixed = group(rows, "fixed-rate", "target_rps")
    if fixed:
        print("## Single result through the gateway at fixed rates (open model, latency from the scheduled send time)\n")
        print("| target req/s | runs | achieved req/s (median) | p50 ms | p90 ms | p99 ms min / median / max | p99.9 ms (median) | max ms (median) | failed + not sent | load avg |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for rate, rs in fixed.items():
            med = lambda k: statistics.median([num(r.get(k)) for r in rs])
            bad = sum(int(num(r.get("failed")) or 0) + int(num(r.get("not_sent")) or 0) for r in rs)
            print(f"| {rate} | {len(rs)} | {med('achieved_rps'):,.1f} | {med('p50_ms'):.2f} | {med('p90_ms'):.2f} | "
                  f"{mmm([num(r.get('p99_ms')) for r in rs], '{:.1f}')} | {med('p999_ms'):.1f} | {med('max_ms'):.1f} | {bad} | {loads(rs)} |")
        print()

    cache = group(rows, "cache", "label")
    if cache:
        print("## Cache and database counters during load (services' /q/metrics, PostgreSQL pg_stat_database)\n")
        print("| phase | runs | interpretations | calls interpretation→ranges | per 1,000 interpretations min / median / max | ranges API requests | DB transactions | DB transactions per interpretation (median) |")
        print("|---|---|---|---|---|---|---|---|")
        for label, rs in cache.items():
            ints = sum(int(num(r.get("interpretations")) or 0) for r in rs)
            calls = sum(int(num(r.get("upstream_calls")) or 0) for r in rs)
            reqs = sum(int(num(r.get("ranges_api_requests")) or 0) for r in rs)
            xact = sum(int(num(r.get("db_transactions")) or 0) for r in rs)
            print(f"| {label} | {len(rs)} | {ints:,} | {calls} | {mmm([num(r.get('upstream_calls_per_1000')) for r in rs], '{:.3f}')} | "
                  f"{reqs} | {xact} | {statistics.median([num(r.get('db_transactions_per_interpretation')) for r in rs]):.5f} |")
        print()

    sustained_rows = [r for r in rows if r["kind"].startswith("sustained-")]
    if sustained_rows:
        cfg = next((r for r in sustained_rows if r["kind"] == "sustained-config"), {})
        total = next((r for r in sustained_rows if r["kind"] == "sustained-total"), {})
        print("## Sustained fixed rate through the gateway (`sustained` phase)\n")
        print(f"Rate {cfg.get('rate', '?')} req/s ({cfg.get('percent', '?')} % of a measured maximum of "
              f"{cfg.get('measured_max_rps', 'NA')} req/s, or SUSTAINED_RATE) for {cfg.get('seconds', '?')} s: "
              f"{total.get('sent', '?')} requests, {total.get('ok', '?')} ok, errors {total.get('errors_by_status', '?')}.\n")
        print("| interval | requests | ok | errors | p50 ms | p99 ms | p99.9 ms | max ms | load avg at start |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in sustained_rows:
            if r["kind"] == "sustained-interval":
                print(f"| {r.get('from_s')}–{r.get('to_s')} s | {r.get('sent')} | {r.get('ok')} | {r.get('errors_by_status')} | "
                      f"{r.get('p50_ms')} | {r.get('p99_ms')} | {r.get('p999_ms')} | {r.get('max_ms')} | {r.get('load')} |")
        print()
        print("| service | RSS first / last sample MiB | mean RSS minute a → minute b MiB | growth | verdict | heap after full GC before → after MiB |")
        print("|---|---|---|---|---|---|")
        heaps = defaultdict(dict)
        for r in sustained_rows:
            if r["kind"] == "sustained-heap":
                heaps[r.get("service")][r.get("when")] = r.get("heap_after_full_gc_mib")
        for r in sustained_rows:
            if r["kind"] == "sustained-rss":
                svc = r.get("service")
                print(f"| {svc} | {r.get('rss_first_mib')} / {r.get('rss_last_mib')} | {r.get('rss_mean_a_mib')} (min {r.get('minute_a')}) → "
                      f"{r.get('rss_mean_b_mib')} (min {r.get('minute_b')}) | {r.get('growth_mib')} MiB ({r.get('growth_pct')} %) | "
                      f"{r.get('verdict')} | {heaps[svc].get('before', '?')} → {heaps[svc].get('after', '?')} |")
        print()

    for phase, title in (("faults", "Faults under load (`faults` phase)"),
                         ("rolling", "Rolling restarts, two instances of each backend (`rolling` phase)")):
        fault_rows = [r for r in rows if r["kind"].startswith(phase + "-")]
        if not fault_rows:
            continue
        print(f"## {title}\n")
        print("| segment | hook s | settled s | load failures | first / last s | by status | writer failures | writer by status | not problem+json | p99 ms | load avg |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for r in fault_rows:
            if r["kind"] == phase + "-segment":
                print(f"| {r.get('name')} | {r.get('hook_s', '—')} | {r.get('settled_s', '—')} | {r.get('load_failures')} | "
                      f"{r.get('load_first_s', '—')} / {r.get('load_last_s', '—')} | {r.get('load_by_status', '—')} | "
                      f"{r.get('writer_failures')} | {r.get('writer_by_status', '—')} | {r.get('not_problem')} | {r.get('p99_ms', '—')} | {r.get('load')} |")
        print()
        for r in fault_rows:
            if r["kind"] in (phase + "-writer", phase + "-verdict"):
                print("- `" + r["kind"] + "`: " + ", ".join(f"{k}={v}" for k, v in r.items() if k not in ("kind", "at")))
        print()

    if db_rows:
        print("## Database growth (EXPLAIN ANALYZE on a scratch database; 5 runs each)\n")
        print("| query | rows | execution ms min / median / max | seq scans on range_revision | scans in the plan |")
        print("|---|---|---|---|---|")
        for r in db_rows:
            if r["kind"] != "db":
                continue
            print(f"| {r.get('label')} | {r.get('rows')} | {r.get('min_ms')} / {r.get('median_ms')} / {r.get('max_ms')} | "
                  f"{r.get('seq_scans_on_range_revision')} | {r.get('scans', '').replace(',', ', ').replace('_', ' ')} |")
        print()

    for name in ("engine", "gateway", "interpretation-service", "reference-ranges-service"):
        path = os.path.join(out, f"profile-{name}.txt")
        if os.path.exists(path):
            print(f"## Profile: {name} (JFR execution samples)\n")
            print("```")
            with open(path, encoding="utf-8") as f:
                print(f.read().rstrip())
            print("```\n")


if __name__ == "__main__":
    main()
