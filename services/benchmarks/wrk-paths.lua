-- wrk script: GET a rotating list of paths (one per line in $PATHS_FILE), then print one RESULT line
-- with throughput and latency percentiles in milliseconds.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
    paths[#paths + 1] = line
end
local counter = 0

function init(args)
    -- Each wrk thread starts at a different offset so that the threads do not ask for the same path in step.
    counter = math.random(#paths)
end

function request()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f errors=%d\n",
        summary.requests, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
