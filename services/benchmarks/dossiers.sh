# Dossier benchmarks, sourced by run.sh (the set is running on a fresh embedded PostgreSQL; $WORK, $DOSSIERS,
# $JAVA_HOME, run() are set). Sizes: BENCH_DOSSIERS (default 5,000,000) per big batch; two big batches are
# stored (10 million) before the statistics are measured.
N="${BENCH_DOSSIERS:-5000000}"
./mvnw -B -q -pl services/dossier-stats dependency:build-classpath -Dmdep.outputFile="$WORK/dcp.txt" -Dmdep.includeScope=test
DCP="services/dossier-stats/target/classes:services/dossier-stats/target/test-classes:$(cat "$WORK/dcp.txt")"
tool() { "$JAVA_HOME/bin/java" -Xmx1g -cp "$DCP" vn.parindex.dossier.bench.DossierBenchmark "$@"; }

awk -F, '$4 == "commune" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/communes.txt"
awk -F, '$4 == "province" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/provinces.txt"
tool procedures "$WORK/procedures.json"
curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' --data-binary @"$WORK/procedures.json" "$DOSSIERS/api/procedures"

echo "bench: generating 200,000 warm-up and 2 × $N dossiers (NDJSON)"
tool ndjson "$WORK/communes.txt" 200000 1 W- "$WORK/warm.ndjson"
tool ndjson "$WORK/communes.txt" "$N" 2 M- "$WORK/main.ndjson"
tool ndjson "$WORK/communes.txt" "$N" 3 N- "$WORK/second.ndjson"
ls -l "$WORK"/*.ndjson | awk '{print "bench:   " $5 " bytes " $9}'

post() { # file -> seconds, and the response in $WORK/post.json; curl -T streams the file from disk
    local start end code
    rm -f "$WORK/post.json"
    start=$(date +%s%N)
    code=$(curl -s -o "$WORK/post.json" -w '%{http_code}' -X POST -T "$1" -H 'Content-Type: application/x-ndjson' \
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

PID=$(pgrep -f 'dossier-stats/target/quarkus-app/quarkus-run.jar' | head -1)
"$JAVA_HOME/bin/jstat" -gc "$PID" 500 >"$WORK/jstat.txt" &
JSTAT=$!
secs=$(post "$WORK/main.ndjson")
kill "$JSTAT" 2>/dev/null || true
inserted=$(python3 -c "import json; print(json.load(open('$WORK/post.json'))['inserted'])")
http_rate=$(python3 -c "print(round($inserted / $secs))")
heap_max_mb=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "%.0f", m / 1024}' "$WORK/jstat.txt")
echo "bench: HTTP ingestion: $inserted dossiers in ${secs} s = ${http_rate}/s; heap used at most ${heap_max_mb} MB (limit -Xmx512m)"

tool copyrows "$WORK/main.ndjson" "$WORK/main.copy"
JDBC="jdbc:postgresql://localhost:$PARINDEX_PG_PORT/dossier_stats"
cat >"$WORK/Ddl.java" <<'JAVA'
import java.sql.*;
public class Ddl { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection(a[0], "postgres", "postgres"); Statement s = c.createStatement()) { s.execute(a[1]); } } }
JAVA
"$JAVA_HOME/bin/java" -cp "$DCP" "$WORK/Ddl.java" "$JDBC" "DROP TABLE IF EXISTS dossier_copy; CREATE TABLE dossier_copy (LIKE dossier INCLUDING ALL)"
copy_line=$(tool copy "$JDBC" postgres postgres dossier_copy "$WORK/main.copy" | grep RESULT)
copy_rate=$(echo "$copy_line" | sed 's/.*rows_per_s=//')
echo "bench: PostgreSQL COPY of the same rows into a table like dossier: $copy_line"
echo "bench: ratio HTTP / COPY = $(python3 -c "print(round($http_rate / $copy_rate, 2))")"
"$JAVA_HOME/bin/java" -cp "$DCP" "$WORK/Ddl.java" "$JDBC" "DROP TABLE dossier_copy; ANALYZE dossier"
rm -f "$WORK/main.copy"

secs2=$(post "$WORK/second.ndjson")
echo "bench: second batch: $(python3 -c "import json; print(json.load(open('$WORK/post.json'))['inserted'])") dossiers in ${secs2} s"
"$JAVA_HOME/bin/java" -cp "$DCP" "$WORK/Ddl.java" "$JDBC" "VACUUM (ANALYZE) dossier"
rm -f "$WORK"/*.ndjson

shuf -n 2000 --random-source=<(yes) "$WORK/communes.txt" | sed 's|.*|/api/dossier-stats?unitCode=&\&from=2025-07-01\&to=2026-06-30|' >"$WORK/unit-year.txt"
sed 's|.*|/api/dossier-stats?unitCode=&\&includeDescendants=true\&groupBy=unit\&from=2025-07-01\&to=2026-06-30|' "$WORK/provinces.txt" >"$WORK/province-units.txt"
{
    run unit-year-1conn "$WORK/unit-year.txt" 1 "$DOSSIERS"
    run unit-year "$WORK/unit-year.txt" "$CONNECTIONS" "$DOSSIERS"
    run province-by-unit-1conn "$WORK/province-units.txt" 1 "$DOSSIERS"
} | tee -a "$WORK/results.txt"
