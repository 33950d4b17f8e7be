# Dossier benchmarks, sourced by run.sh (the set is running on a fresh embedded PostgreSQL; $WORK, $DOSSIERS,
# $JAVA_HOME, run() are set). Sizes: BENCH_DOSSIERS (default 5,000,000) per big batch; two big batches are
# stored (10 million) before the statistics are measured. BENCH_QUERIES_ONLY=1 (with BENCH_HOME of an earlier
# run, see run.sh) skips generation and ingestion and measures the statistics on the dossiers already stored.
N="${BENCH_DOSSIERS:-5000000}"
DCP="$(classpath services/dossier-stats "$WORK/dcp.txt")"
WARM_N="${BENCH_WARMUP_DOSSIERS:-200000}"
tool() { "$JAVA_HOME/bin/java" -Xmx1g -cp "$DCP" vn.parindex.dossier.bench.DossierBenchmark "$@"; }

awk -F, '$4 == "commune" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/communes.txt"
awk -F, '$4 == "province" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/provinces.txt"
cap "$WORK/communes.txt"
JDBC="jdbc:postgresql://localhost:$PARINDEX_PG_PORT/dossier_stats"
cat >"$WORK/Ddl.java" <<'JAVA'
import java.sql.*;
public class Ddl { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection(a[0], "postgres", "postgres"); Statement s = c.createStatement()) {
    if (s.execute(a[1])) { try (ResultSet rs = s.getResultSet()) { while (rs.next()) System.out.println(rs.getString(1)); } } } } }
JAVA
sql() { "$JAVA_HOME/bin/java" -cp "$DCP" "$WORK/Ddl.java" "$JDBC" "$1"; }

if [[ "${BENCH_QUERIES_ONLY:-0}" != 1 ]]; then
    tool procedures "$WORK/procedures.json"
    curl -sf -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' --data-binary @"$WORK/procedures.json" "$DOSSIERS/api/procedures"

    echo "bench: generating $WARM_N warm-up and 2 × $N dossiers (NDJSON)"
    tool ndjson "$WORK/communes.txt" "$WARM_N" 1 W- "$WORK/warm.ndjson"
    tool ndjson "$WORK/communes.txt" "$N" 2 M- "$WORK/main.ndjson"
    tool ndjson "$WORK/communes.txt" "$N" 3 N- "$WORK/second.ndjson" BENCHCOPY
    ls -l "$WORK"/*.ndjson | awk '{print "bench:   " $5 " bytes " $9}'

    post() { # file -> seconds, and the response in $WORK/post.json; curl -T streams the file from disk
        local start end code
        rm -f "$WORK/post.json"
        start=$(date +%s%N)
        code=$(curl -s -o "$WORK/post.json" -w '%{http_code}' -X POST -T "$1" -H "$AUTH" -H 'Content-Type: application/x-ndjson' \
            "$DOSSIERS/api/dossiers/batch")
        end=$(date +%s%N)
        if [[ "$code" != 200 ]]; then
            echo "bench: POST of $1 answered $code: $(head -c 500 "$WORK/post.json" 2>/dev/null)" >&2
            exit 1
        fi
        python3 -c "print(round(($end - $start) / 1e9, 2))"
    }

    # Warm-up: JIT, and the registry answers for every commune are cached.
    post "$WORK/warm.ndjson" >/dev/null

    # The COPY baseline first: the second batch's rows (other keys, same shape), with the columns ingestion derives,
    # loaded by PostgreSQL's own COPY into the partitioned dossier table itself (its indexes and the V8 roll-up
    # triggers); their dossier_key rows after it, untimed (the API writes its keys in its own time).
    tool copyrows "$WORK/second.ndjson" "$WORK/second.copy"
    copy_line=$(tool copy "$JDBC" postgres postgres dossier "$WORK/second.copy" | grep RESULT)
    copy_rate=$(echo "$copy_line" | sed 's/.*rows_per_s=//')
    sql "INSERT INTO dossier_key SELECT source_system, dossier_id, received_date FROM dossier WHERE source_system = 'BENCHCOPY'"
    rm -f "$WORK/second.copy"
    echo "bench: PostgreSQL COPY of $N other dossiers into the partitioned dossier table: $copy_line"

    # Then the API's batch, onto the rows the COPY stored (so the API has the larger table).
    PID=$(pgrep -f 'dossier-stats/target/quarkus-app/quarkus-run.jar' | head -1)
    "$JAVA_HOME/bin/jstat" -gc "$PID" 500 >"$WORK/jstat.txt" &
    JSTAT=$!
    secs=$(post "$WORK/main.ndjson")
    kill "$JSTAT" 2>/dev/null || true
    inserted=$(python3 -c "import json; print(json.load(open('$WORK/post.json'))['inserted'])")
    http_rate=$(python3 -c "print(round($inserted / $secs))")
    heap_max_mb=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "%.0f", m / 1024}' "$WORK/jstat.txt")
    echo "bench: HTTP ingestion: $inserted dossiers in ${secs} s = ${http_rate}/s; heap used at most ${heap_max_mb} MB (limit -Xmx512m)"
    echo "bench: ratio HTTP / COPY = $(python3 -c "print(round($http_rate / $copy_rate, 2))")"
    sql "VACUUM (ANALYZE) dossier"
    rm -f "$WORK"/*.ndjson
fi
echo "bench: $(sql "SELECT count(*) FROM dossier") dossiers stored"

shuf -n 2000 --random-source=<(yes) "$WORK/communes.txt" | sed 's|.*|/api/dossier-stats?unitCode=&\&from=2025-07-01\&to=2026-06-30|' >"$WORK/unit-year.txt"
sed 's|.*|/api/dossier-stats?unitCode=&\&includeDescendants=true\&groupBy=unit\&from=2025-07-01\&to=2026-06-30|' "$WORK/provinces.txt" >"$WORK/province-units.txt"
# BENCH_BASELINE_APP (run.sh's start_baseline): every statistics round is measured on the current build, then on
# the earlier one ("before-…").
start_baseline
BEFORE="$BASELINE_URL"
scenario() { # name paths-file connections
    local i
    if [[ -z "$BEFORE" ]]; then
        run "$1" "$2" "$3" "$DOSSIERS"
        return
    fi
    for i in $(seq "$ROUNDS"); do
        ROUNDS=1 run "$1" "$2" "$3" "$DOSSIERS"
        ROUNDS=1 run "before-$1" "$2" "$3" "$BEFORE"
    done
}
{
    scenario unit-year-1conn "$WORK/unit-year.txt" 1
    scenario unit-year "$WORK/unit-year.txt" "$CONNECTIONS"
    scenario province-by-unit-1conn "$WORK/province-units.txt" 1
} | tee -a "$WORK/results.txt"
