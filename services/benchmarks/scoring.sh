# Scoring benchmarks, sourced by run.sh (the set is running on a fresh embedded PostgreSQL; $WORK, $BASE,
# $CATALOGUE, $SCORING, $JAVA_HOME, run() are set): a campaign of every commune (3,321) × 100 criteria, compared
# with the 2024 campaign of the 10,035 communes (imported published totals) by MEAN_OF_PREDECESSORS.
# First the reform measures (reform.sh): the 2024 campaigns, the sets and groups, timed campaign creations.
source services/benchmarks/reform.sh

echo "bench: scoring setup: campaign BENCH-2025 of $(wc -l <"$WORK/communes.txt") communes compared with BENCH-C-2024, self scores"
stool setup "$SCORING" "$WORK/communes.txt" BENCH-2025 BENCH_100 BENCH-COMMUNES BENCH-C-2024 | tee -a "$WORK/scoring.txt"
# Results after a score change (recomputed from the database, ranked, compared, serialised): warm-up, then the
# rounds; the last answer's comparison rules are counted (RESULT comparison).
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
