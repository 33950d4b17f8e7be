# The 2025 reform comparison at national scale (docs/performance.md, "Scoring: the 2025 reform comparison"),
# sourced by run.sh (`./parindex bench reform`) and by scoring.sh (the set is running on a fresh embedded
# PostgreSQL; $WORK, $BASE, $CATALOGUE, $SCORING, $JAVA_HOME are set, $PARINDEX_TOKEN is an administrator's):
#   - two 100-criteria sets of 2024 (COMMUNE, PROVINCE); groups of the 10,035 communes and 63 provinces of 2024
#     (asOf 2024-12-31) and of the 3,321 communes and 34 provinces of 2025 (asOf 2025-12-31);
#   - the 2024 campaigns BENCH-C-2024 and BENCH-P-2024, their results imported as published totals
#     (pseudo-random, fixed per unit);
#   - timed: POST /api/campaigns of 2025 campaigns with previousCampaignCode = the 2024 one and
#     MEAN_OF_PREDECESSORS (scoring reads the group, the set and the registry's lineage of the group's members),
#     BENCH_CREATE_WARMUP (2) unmeasured, then BENCH_CREATE_ROUNDS (7) measured, a new code each time;
#   - for reference, the registry's POST /api/units/lineage of the same members on its own.
if [[ -z "${SCP:-}" ]]; then
    SCP="$(classpath services/scoring "$WORK/scp.txt")"
fi
stool() { "$JAVA_HOME/bin/java" -cp "$SCP" vn.parindex.scoring.bench.ScoringBenchmark "$@"; }

SEED_UNITS=services/unit-registry/src/main/resources/seed/units
# Columns: code,name,type,level,parent_code.
awk -F, '$4 == "commune" {print $1}' "$SEED_UNITS/units_2024.csv" >"$WORK/communes-2024.txt"
awk -F, '$4 == "commune" {print $1}' "$SEED_UNITS/units_2025.csv" >"$WORK/communes.txt"
awk -F, '$4 == "province" {print $1}' "$SEED_UNITS/units_2024.csv" >"$WORK/provinces-2024.txt"
awk -F, '$4 == "province" {print $1}' "$SEED_UNITS/units_2025.csv" >"$WORK/provinces-2025.txt"
for list in communes-2024 communes provinces-2024 provinces-2025; do cap "$WORK/$list.txt"; done
CREATE_WARMUP="${BENCH_CREATE_WARMUP:-2}"
CREATE_ROUNDS="${BENCH_CREATE_ROUNDS:-7}"

echo "bench: reform setup: sets of 2024, groups of $(wc -l <"$WORK/communes-2024.txt") → $(wc -l <"$WORK/communes.txt") communes" \
    "and $(wc -l <"$WORK/provinces-2024.txt") → $(wc -l <"$WORK/provinces-2025.txt") provinces, 2024 results imported"
stool sets "$CATALOGUE"
stool group "$BASE" BENCH-COMMUNES-2024 2024 2024-12-31 "$WORK/communes-2024.txt"
stool group "$BASE" BENCH-COMMUNES 2025 2025-12-31 "$WORK/communes.txt"
stool group "$BASE" BENCH-PROVINCES-2024 2024 2024-12-31 "$WORK/provinces-2024.txt"
stool group "$BASE" BENCH-PROVINCES-2025 2025 2025-12-31 "$WORK/provinces-2025.txt"
stool imported "$SCORING" BENCH-C-2024 2024 BENCH_100 BENCH-COMMUNES-2024
stool imported "$SCORING" BENCH-P-2024 2024 BENCH_100_PROVINCE BENCH-PROVINCES-2024

echo "bench: creating 2025 campaigns compared with 2024 (MEAN_OF_PREDECESSORS): $CREATE_WARMUP warm-up, $CREATE_ROUNDS measured each"
{
    stool create "$SCORING" BENCH-C-2025 2025 BENCH_100 BENCH-COMMUNES BENCH-C-2024 "$CREATE_WARMUP" "$CREATE_ROUNDS"
    stool create "$SCORING" BENCH-P-2025 2025 BENCH_100_PROVINCE BENCH-PROVINCES-2025 BENCH-P-2024 "$CREATE_WARMUP" "$CREATE_ROUNDS"
    stool lineage "$BASE" "$WORK/communes.txt" 2024-12-31 2025-12-31 "$CREATE_WARMUP" "$CREATE_ROUNDS"
    stool lineage "$BASE" "$WORK/provinces-2025.txt" 2024-12-31 2025-12-31 "$CREATE_WARMUP" "$CREATE_ROUNDS"
} | tee -a "$WORK/reform.txt"

echo
echo "| reform measure | target | rounds | median ms | min ms | max ms |"
echo "|---|---|---|---|---|---|"
python3 - "$WORK/reform.txt" <<'PY'
import sys
names = {
    "create-BENCH-C-2025": ("create 2025 commune campaign (3,321 ← 10,035)", "≤ 3000"),
    "create-BENCH-P-2025": ("create 2025 provincial campaign (34 ← 63)", "≤ 1000"),
    "lineage-communes.txt": ("registry lineage of the 3,321 communes alone", "–"),
    "lineage-provinces-2025.txt": ("registry lineage of the 34 provinces alone", "–"),
}
for line in open(sys.argv[1]):
    if not line.startswith("RESULT "):
        continue
    name, *kv = line.split()[1:]
    r = dict(x.split("=", 1) for x in kv if "=" in x)
    label, target = names.get(name, (name, "–"))
    print(f"| {label} | {target} | {r['rounds']} | {r['median_ms']} | {r['min_ms']} | {r['max_ms']} |")
PY
