-- wrk script: POST one JSON body with a bearer token, as fast as the connections allow.
--   TOKEN=... BODY=benchmarks/target/bodies/single.json LABEL=single \
--   wrk -t2 -c16 -d30s -s benchmarks/wrk/post-json.lua http://localhost:8080/api/v1/interpretations/single
-- At the end it prints one machine-readable line (latencies in ms), which benchmarks/run.sh collects.

local body_file = os.getenv("BODY") or error("set BODY to the JSON file to send")
local token = os.getenv("TOKEN") or error("set TOKEN to a bearer token")
local label = os.getenv("LABEL") or body_file

local f = assert(io.open(body_file, "rb"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format(
    "WRK label=%s requests=%d failed=%d non2xx=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f\n",
    label, summary.requests, failed, e.status, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
