#!/usr/bin/env bash
# Rank intervals under uncertainty (issue 17), in process — no running set needed: `./parindex bench uncertainty`.
# RankUncertainty for 3,321 communes × 1,000 Monte Carlo runs, 1 warm-up then BENCH_ROUNDS (3) rounds, median
# reported, on all cores and on one thread. BENCH_SMOKE=1: 60 units, 1 round (proves the command works).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?JAVA_HOME must be set (./parindex bench sets it)}"
UNITS="${BENCH_UNCERTAINTY_UNITS:-3321}"
RUNS="${BENCH_UNCERTAINTY_RUNS:-1000}"
ROUNDS="${BENCH_ROUNDS:-3}"
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then
    UNITS="${BENCH_UNCERTAINTY_UNITS:-60}"
    ROUNDS=1
fi
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
# The module and the project modules it uses are compiled in the same Maven run (a fresh clone needs nothing installed).
./mvnw -B -q -pl services/scoring -am -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "services/scoring/target/classes:services/scoring/target/test-classes:$(cat "$CP_FILE")" \
    vn.parindex.scoring.bench.UncertaintyBenchmark "$UNITS" "$RUNS" "$ROUNDS"
