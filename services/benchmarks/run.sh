#!/usr/bin/env bash
# Benchmarks of docs/performance.md: `./parindex bench [registry|catalogue|dossiers|serviceindex|store|scoring|reform|gateway|uncertainty|all]`
# (JAVA_HOME is set by it). `store` (the national-scale dossier store, tens of millions of dossiers) and `serviceindex` (10 million
# dossiers with their facts) are part of `all` only in their smoke size (BENCH_SMOKE=1): a full run of each is its own target.
# Starts the set on a FRESH embedded PostgreSQL (so the first-start seed load is measured), then drives the
# services with wrk from this machine's loopback. Every scenario runs ROUNDS times; medians are reported.
set -euo pipefail
cd "$(dirname "$0")/../.."

TARGET="${1:-all}"
case "$TARGET" in registry | catalogue | dossiers | serviceindex | store | scoring | reform | gateway | uncertainty | all) ;; *) echo "bench: what to measure: registry, catalogue, dossiers, serviceindex, store, scoring, reform, gateway, uncertainty or all" >&2; exit 2 ;; esac
# Rank intervals run in process: no set, no wrk.
if [[ "$TARGET" == uncertainty ]]; then
    exec bash services/benchmarks/uncertainty.sh
fi
# BENCH_SMOKE=1: every scenario at a tiny size, once, for a second — proves the commands work (the test command runs
# it after the tests); its numbers mean nothing.
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then
    : "${BENCH_ROUNDS:=1}" "${BENCH_DURATION:=1s}" "${BENCH_WARMUP:=1s}" "${BENCH_GW_WARMUP:=1s}" "${BENCH_CONNECTIONS:=2}"
    : "${BENCH_DOSSIERS:=2000}" "${BENCH_WARMUP_DOSSIERS:=1000}" "${BENCH_UNITS:=60}"
    : "${BENCH_CREATE_WARMUP:=0}" "${BENCH_CREATE_ROUNDS:=1}" "${BENCH_RESULT_ROUNDS:=1}"
    : "${BENCH_STORE_SIZES:=24000 48000}" "${BENCH_STORE_RATIO_AT:=24000}" "${BENCH_STORE_RATIO_N:=2000}"
    export BENCH_ROUNDS BENCH_DURATION BENCH_WARMUP BENCH_GW_WARMUP BENCH_CONNECTIONS BENCH_DOSSIERS BENCH_WARMUP_DOSSIERS BENCH_UNITS \
        BENCH_CREATE_WARMUP BENCH_CREATE_ROUNDS BENCH_RESULT_ROUNDS BENCH_STORE_SIZES BENCH_STORE_RATIO_AT BENCH_STORE_RATIO_N
fi
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP="${BENCH_WARMUP:-5s}"
DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
BASE="http://localhost:8081"
CATALOGUE="http://localhost:8082"
DOSSIERS="http://localhost:8084"
SCORING="http://localhost:8083"
GATEWAY="http://localhost:8080"
# The dossier benchmarks control their own data.
[[ "$TARGET" == dossiers || "$TARGET" == serviceindex || "$TARGET" == store || "$TARGET" == scoring || "$TARGET" == reform ]] && export PARINDEX_DEMO_DATA=false
# wrk from one address would hit the gateway's per-client rate limit: raise it (it is still checked per request).
export PARINDEX_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=10000000 PARINDEX_GATEWAY_RATE_LIMIT_BURST=10000000

if ! command -v wrk >/dev/null 2>&1; then
    if [[ "$(id -u)" == "0" ]]; then
        apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
    else
        echo "bench: wrk is needed (apt-get install wrk)" >&2
        exit 2
    fi
fi
# The service index benchmark loads its data with psql.
if [[ "$TARGET" == serviceindex || "$TARGET" == all ]] && ! command -v psql >/dev/null 2>&1; then
    if [[ "$(id -u)" == "0" ]]; then
        apt-get update -qq >/dev/null && apt-get install -y -qq postgresql-client >/dev/null
    else
        echo "bench: psql is needed (apt-get install postgresql-client)" >&2
        exit 2
    fi
fi
command -v python3 >/dev/null || { echo "bench: python3 is needed to make the request lists" >&2; exit 2; }

WORK="$(mktemp -d)"
# BENCH_HOME=DIR keeps the set's data in DIR instead of the temporary folder (so the start is only fresh the first
# time); a later `BENCH_QUERIES_ONLY=1` run of the dossier benchmarks measures the statistics again on the
# dossiers stored there, without generating and ingesting them: an A/B of a query change in minutes.
export PARINDEX_HOME="${BENCH_HOME:-$WORK/home}"
export PARINDEX_PG_PORT="${BENCH_PG_PORT:-55439}"
LAUNCHER_PID=""
BASELINE_PID=""
cleanup() {
    if [[ -n "$BASELINE_PID" ]]; then
        kill -TERM "$BASELINE_PID" 2>/dev/null || true
        wait "$BASELINE_PID" 2>/dev/null || true
    fi
    if [[ -n "$LAUNCHER_PID" ]] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
        kill -TERM "$LAUNCHER_PID"
        wait "$LAUNCHER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

python3 services/benchmarks/make-paths.py services/unit-registry/src/main/resources/seed/units "$WORK"

if [[ -f "$PARINDEX_HOME/pgdata/postgresql.conf" ]]; then
    echo "bench: starting the set on the embedded PostgreSQL kept in $PARINDEX_HOME"
else
    echo "bench: starting the set on a fresh embedded PostgreSQL ($PARINDEX_HOME)"
fi
started=$(date +%s%N)
"$JAVA_HOME/bin/java" -jar services/launcher/target/parindex-launcher.jar >"$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
until curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && curl -sf "$CATALOGUE/q/health/ready" >/dev/null 2>&1 \
    && curl -sf "$DOSSIERS/q/health/ready" >/dev/null 2>&1 && curl -sf "$SCORING/q/health/ready" >/dev/null 2>&1 \
    && curl -sf "$GATEWAY/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$LAUNCHER_PID" 2>/dev/null || { cat "$WORK/launcher.log"; exit 1; }
    sleep 0.2
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
seed_ms=$(grep -o 'Seeded [0-9]* unit versions, [0-9]* change events and [0-9]* lineage edges in [0-9]* ms' \
    "$PARINDEX_HOME/logs/unit-registry.log" | head -1)
echo "bench: registry ready ${ready_ms} ms after launch (embedded PostgreSQL start + migrations + seed)"
echo "bench: ${seed_ms}"

# Writes need a token: an administrator's, from the gateway's local issuer (demo credentials, embedded mode).
PARINDEX_TOKEN=$(curl -sf -d grant_type=password -d username=admin -d password=admin "$GATEWAY/auth/token" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
export PARINDEX_TOKEN
AUTH="Authorization: Bearer $PARINDEX_TOKEN"

# The test classpath of a service module ($1) into file $2. The module and the project modules it uses are compiled in
# the same Maven run, so a fresh clone needs nothing installed in the local repository.
classpath() {
    ./mvnw -B -q -pl "$1" -am -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
        -Dmdep.outputFile="$2" -Dmdep.includeScope=test
    # Each module of the run wrote the file in turn: the last is the asked module's.
    echo "$1/target/classes:$1/target/test-classes:$(cat "$2")"
}

# BENCH_BASELINE_APP=DIR: a quarkus-app folder of dossier-stats built from an earlier commit (copy
# services/dossier-stats/target/quarkus-app before changing the code). start_baseline runs it on port 8094 against
# the set's database (the schema left to the current build: it may not know the newest migrations) and sets
# BASELINE_URL to its address (empty without BENCH_BASELINE_APP); the dossier, store and service index benchmarks measure their
# rounds on it too ("before-…"): an A/B in one run.
BASELINE_URL=""
start_baseline() {
    [[ -z "${BENCH_BASELINE_APP:-}" ]] && return 0
    QUARKUS_HTTP_PORT=8094 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PARINDEX_PG_PORT/dossier_stats" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
        QUARKUS_REST_CLIENT_UNIT_REGISTRY_URL="$BASE" PARINDEX_DEMO_DATA=false QUARKUS_FLYWAY_MIGRATE_AT_START=false \
        "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m -jar "$BENCH_BASELINE_APP/quarkus-run.jar" >"$WORK/baseline.log" 2>&1 &
    BASELINE_PID=$!
    until curl -sf "http://localhost:8094/q/health/ready" >/dev/null 2>&1; do
        kill -0 "$BASELINE_PID" 2>/dev/null || { cat "$WORK/baseline.log" >&2; exit 1; }
        sleep 0.2
    done
    BASELINE_URL="http://localhost:8094"
}

# BENCH_UNITS=N keeps the first N communes (and provinces) of each list: the smoke run's size.
cap() { if [[ -n "${BENCH_UNITS:-}" ]]; then head -n "$BENCH_UNITS" "$1" >"$1.cap" && mv "$1.cap" "$1"; fi; }

run() { # name paths-file connections [base-url]
    local name="$1" file="$2" conns="$3" base="${4:-$BASE}" threads=2 i
    [[ "$conns" -lt 2 ]] && threads=1
    # Warm-up: JIT, connection pool, PostgreSQL caches.
    PATHS_FILE="$file" wrk -t"$threads" -c"$conns" -d"$WARMUP" -s services/benchmarks/wrk-paths.lua "$base" >/dev/null
    for i in $(seq "$ROUNDS"); do
        PATHS_FILE="$file" wrk -t"$threads" -c"$conns" -d"$DURATION" -s services/benchmarks/wrk-paths.lua "$base" |
            grep '^RESULT' | sed "s/^RESULT/$name/"
    done
}

if [[ "$TARGET" == catalogue || "$TARGET" == all ]]; then
    # A 150-node set (10 fields × 14 criteria, every rule kind), published, for the catalogue's GET; the same
    # generator times the evaluator in process.
    BENCH_CP="$(classpath services/criteria-catalogue "$WORK/cp.txt")"
    "$JAVA_HOME/bin/java" -cp "$BENCH_CP" vn.parindex.catalogue.bench.EvaluateBenchmark --print-set BENCH_150 >"$WORK/set.json"
    curl -sf -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' --data-binary @"$WORK/set.json" "$CATALOGUE/api/criteria-sets"
    curl -sf -o /dev/null -H "$AUTH" -X POST "$CATALOGUE/api/criteria-sets/BENCH_150/publish"
    echo "/api/criteria-sets/BENCH_150" >"$WORK/set-path.txt"
fi

{
    if [[ "$TARGET" == registry || "$TARGET" == all ]]; then
        run unit "$WORK/unit.txt" "$CONNECTIONS"
        run children "$WORK/children.txt" "$CONNECTIONS"
        run search "$WORK/search.txt" "$CONNECTIONS"
        run search-1conn "$WORK/search.txt" 1
    fi
    if [[ "$TARGET" == catalogue || "$TARGET" == all ]]; then
        run set150-1conn "$WORK/set-path.txt" 1 "$CATALOGUE"
        run set150 "$WORK/set-path.txt" "$CONNECTIONS" "$CATALOGUE"
    fi
} | tee "$WORK/results.txt"

if [[ "$TARGET" == dossiers || "$TARGET" == all ]]; then
    source services/benchmarks/dossiers.sh
fi

if [[ "$TARGET" == serviceindex || ( "$TARGET" == all && "${BENCH_SMOKE:-0}" == 1 ) ]]; then
    source services/benchmarks/serviceindex.sh
fi

if [[ "$TARGET" == store || ( "$TARGET" == all && "${BENCH_SMOKE:-0}" == 1 ) ]]; then
    source services/benchmarks/store.sh
fi

if [[ "$TARGET" == scoring || "$TARGET" == all ]]; then
    source services/benchmarks/scoring.sh # sources reform.sh first
elif [[ "$TARGET" == reform ]]; then
    source services/benchmarks/reform.sh
fi

if [[ "$TARGET" == gateway || "$TARGET" == all ]]; then
    source services/benchmarks/gateway.sh
fi

if [[ "$TARGET" == all ]]; then
    bash services/benchmarks/uncertainty.sh
fi

if [[ "$TARGET" == catalogue || "$TARGET" == all ]]; then
    echo "bench: evaluate in process (150 nodes):"
    "$JAVA_HOME/bin/java" -cp "$BENCH_CP" vn.parindex.catalogue.bench.EvaluateBenchmark | tee -a "$WORK/evaluate.txt"
fi

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
