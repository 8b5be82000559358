-- wrk script: GET with a bearer token (e.g. a ranges read through the gateway).
--   TOKEN=... LABEL=ranges wrk -t2 -c16 -d30s -s benchmarks/wrk/get.lua 'http://localhost:8080/api/v1/ranges?analyte=1952-1'
local token = os.getenv("TOKEN") or error("set TOKEN to a bearer token")
local label = os.getenv("LABEL") or "get"

wrk.method = "GET"
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
