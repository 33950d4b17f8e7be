# Scoring benchmarks, sourced by run.sh (the set is running on a fresh embedded PostgreSQL; $WORK, $BASE,
# $CATALOGUE, $SCORING, $JAVA_HOME, run() are set): a campaign of every commune (3,321) × 100 criteria.
./mvnw -B -q -pl services/scoring dependency:build-classpath -Dmdep.outputFile="$WORK/scp.txt" -Dmdep.includeScope=test
SCP="services/scoring/target/classes:services/scoring/target/test-classes:$(cat "$WORK/scp.txt")"
stool() { "$JAVA_HOME/bin/java" -cp "$SCP" vn.parindex.scoring.bench.ScoringBenchmark "$@"; }

awk -F, '$4 == "commune" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/communes.txt"
echo "bench: scoring setup: 100-criteria set, group of $(wc -l <"$WORK/communes.txt") communes, campaign, self scores"
stool setup "$CATALOGUE" "$BASE" "$SCORING" "$WORK/communes.txt" BENCH-2025 | tee -a "$WORK/scoring.txt"
# Results after a score change (recomputed from the database, ranked, serialised): warm-up, then the rounds.
stool results "$SCORING" BENCH-2025 3 >/dev/null
stool results "$SCORING" BENCH-2025 "${BENCH_RESULT_ROUNDS:-11}" | tee -a "$WORK/scoring.txt"

for step in close-self-assessment start-appraisal approve; do
    curl -sf -o /dev/null -H "$AUTH" -X POST "$SCORING/api/campaigns/BENCH-2025/$step"
done
curl -sf -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -d '{"decisionNumber":"BENCH/QĐ","decisionDate":"2026-03-01"}' \
    "$SCORING/api/campaigns/BENCH-2025/publish"
echo "/api/rankings/BENCH-2025" >"$WORK/ranking-path.txt"
echo "bench: published ranking: $(curl -s "$SCORING/api/rankings/BENCH-2025" | wc -c) bytes"
{
    run ranking-1conn "$WORK/ranking-path.txt" 1 "$SCORING"
    run ranking "$WORK/ranking-path.txt" "$CONNECTIONS" "$SCORING"
} | tee -a "$WORK/results.txt"
