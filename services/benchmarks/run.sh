#!/usr/bin/env bash
# Registry benchmarks (docs/performance.md). Started by `./parindex bench`; JAVA_HOME is set by it.
# Starts the set on a FRESH embedded PostgreSQL (so the first-start seed load is measured), then drives the
# registry with wrk from this machine's loopback. Every scenario runs ROUNDS times; medians are reported.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
BASE="http://localhost:8081"

if ! command -v wrk >/dev/null 2>&1; then
    if [[ "$(id -u)" == "0" ]]; then
        apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
    else
        echo "bench: wrk is needed (apt-get install wrk)" >&2
        exit 2
    fi
fi
command -v python3 >/dev/null || { echo "bench: python3 is needed to make the request lists" >&2; exit 2; }

WORK="$(mktemp -d)"
export PARINDEX_HOME="$WORK/home"
export PARINDEX_PG_PORT="${BENCH_PG_PORT:-55439}"
LAUNCHER_PID=""
cleanup() {
    if [[ -n "$LAUNCHER_PID" ]] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
        kill -TERM "$LAUNCHER_PID"
        wait "$LAUNCHER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

python3 services/benchmarks/make-paths.py services/unit-registry/src/main/resources/seed/units "$WORK"

echo "bench: starting the set on a fresh embedded PostgreSQL ($PARINDEX_HOME)"
started=$(date +%s%N)
"$JAVA_HOME/bin/java" -jar services/launcher/target/parindex-launcher.jar >"$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
until curl -sf "$BASE/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$LAUNCHER_PID" 2>/dev/null || { cat "$WORK/launcher.log"; exit 1; }
    sleep 0.2
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
seed_ms=$(grep -o 'Seeded [0-9]* unit versions, [0-9]* change events and [0-9]* lineage edges in [0-9]* ms' \
    "$PARINDEX_HOME/logs/unit-registry.log" | head -1)
echo "bench: registry ready ${ready_ms} ms after launch (embedded PostgreSQL start + migrations + seed)"
echo "bench: ${seed_ms}"

run() { # name paths-file connections
    local name="$1" file="$2" conns="$3" threads=2 i
    [[ "$conns" -lt 2 ]] && threads=1
    # Warm-up: JIT, connection pool, PostgreSQL caches.
    PATHS_FILE="$file" wrk -t"$threads" -c"$conns" -d5s -s services/benchmarks/wrk-paths.lua "$BASE" >/dev/null
    for i in $(seq "$ROUNDS"); do
        PATHS_FILE="$file" wrk -t"$threads" -c"$conns" -d"$DURATION" -s services/benchmarks/wrk-paths.lua "$BASE" |
            grep '^RESULT' | sed "s/^RESULT/$name/"
    done
}

{
    run unit "$WORK/unit.txt" "$CONNECTIONS"
    run children "$WORK/children.txt" "$CONNECTIONS"
    run search "$WORK/search.txt" "$CONNECTIONS"
    run search-1conn "$WORK/search.txt" 1
} | tee "$WORK/results.txt"

echo
echo "| scenario | connections | rounds | median req/s | median p50 ms | median p95 ms | median p99 ms | errors |"
echo "|---|---|---|---|---|---|---|---|"
python3 - "$WORK/results.txt" "$CONNECTIONS" <<'PY'
import statistics, sys, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    name, *kv = line.split()
    rows.setdefault(name, []).append(dict(x.split("=") for x in kv))
for name, runs in rows.items():
    med = lambda k: statistics.median(float(r[k]) for r in runs)
    conns = 1 if name.endswith("1conn") else sys.argv[2]
    errors = sum(int(r["errors"]) for r in runs)
    print(f"| {name} | {conns} | {len(runs)} | {med('rps'):.0f} | {med('p50_ms'):.2f} | {med('p95_ms'):.2f} | {med('p99_ms'):.2f} | {errors} |")
PY
