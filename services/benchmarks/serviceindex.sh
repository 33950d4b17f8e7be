# Service index benchmark (issue 18), sourced by run.sh (the set is running on a fresh embedded PostgreSQL; $WORK,
# $DOSSIERS, $AUTH, run() and cap() are set).
#
# 1. Bulk load, server side (INSERT … SELECT generate_series, one statement per month so the roll-up trigger of V8
#    sees a month at a time): BENCH_SI_DOSSIERS dossiers (default 10,000,000) spread over the 12 months
#    2025-12 … 2026-11 and evenly over the communes of 2025 (3,321), with their dossier_key rows; a payment and a
#    digitisation record for every dossier; a rating for half of the finished ones; feedback for 1 dossier in 100.
#    Rows are what ingestion stores (Vietnam-day dates, due and finish class, the sender 'admin').
# 2. Ingestion ratio: after an untimed warm-up batch of BENCH_SI_RATIO_ROWS / 20 ratings, BENCH_SI_RATIO_ROWS
#    (default 1,000,000) new ratings of other stored dossiers streamed through POST /api/dossiers/ratings/batch
#    (curl -T), and as many ratings of yet other dossiers by psql \copy into the same table, in
#    BENCH_SI_RATIO_ROUNDS rounds (default 3, the order alternating); rows/s of each, each round's ratio and the median
#    (target >= 0.7).
# 3. VACUUM (ANALYZE), then wrk through HTTP at 1 connection: the month index of every commune of a province (all 34
#    provinces in turn; the largest alone), and one unit's year: ?unit=&month=2026-11 (its November and its year to
#    date, Jan–Nov, each ranked among its peers, i.e. every commune of its province).
# BENCH_QUERIES_ONLY=1 (with BENCH_HOME of an earlier run) skips 1 and 2 and measures again on the stored data;
# with BENCH_SI_RATIO_AGAIN=1 it deletes the ratings of 2 and times 2 again; BENCH_SI_QUERIES=0 leaves out 3.
N="${BENCH_SI_DOSSIERS:-10000000}"
RATIO_N="${BENCH_SI_RATIO_ROWS:-1000000}"
[[ "${BENCH_SMOKE:-0}" == 1 ]] && N="${BENCH_SI_DOSSIERS:-20000}" && RATIO_N="${BENCH_SI_RATIO_ROWS:-2000}"
SI_FIRST=2025-12-01
SI_LAST=2026-11-30
SI_MONTH=2026-11
SRC=SIBENCH # the dossier benchmark's own rows (source BENCH) are left out
export PGPASSWORD=postgres
psql_si() { psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PARINDEX_PG_PORT" -U postgres -d dossier_stats "$@"; }
now_ns() { date +%s%N; }

awk -F, '$4 == "commune" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/si-communes.txt"
awk -F, '$4 == "province" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/si-provinces.txt"
cap "$WORK/si-communes.txt"

si_ratio() {
    # The ratio: the same rows ingestion would store, of disjoint groups of finished dossiers (by g % 10): 5–6 through
    # the API, 7–8 by COPY, 9 the API's warm-up. BENCH_SI_RATIO_ROUNDS rounds (default 3; the order of the two
    # alternates, the groups' ratings are deleted and vacuumed between rounds); each round's ratio and the median.
    group() { # residues limit
        echo "FROM (SELECT d.*, substr(dossier_id, 4)::bigint AS g FROM dossier d WHERE source_system = '$SRC'
              AND finished_date IS NOT NULL) x WHERE g % 10 IN ($1) LIMIT $2"
    }
    LEVEL="(ARRAY['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'])[1 + g % 3]"
    ndjson() { # residues limit file
        psql_si -c "\\copy (SELECT json_build_object('sourceSystem', source_system, 'dossierId', dossier_id, 'unitCode', unit_code,
            'procedureCode', procedure_code, 'channel', (ARRAY['DEVICE', 'ONLINE', 'SMS'])[1 + g % 3], 'level', $LEVEL,
            'ratedAt', to_char(finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+07:00\"'))::text
            $(group "$1" "$2")) TO '$3'"
    }
    post() { # file -> sets api_s (the request's seconds) and api_rows
        local started
        started=$(now_ns)
        code=$(curl -s -o "$WORK/si-post.json" -w '%{http_code}' -X POST -T "$1" -H "$AUTH" \
            -H 'Content-Type: application/x-ndjson' "$DOSSIERS/api/dossiers/ratings/batch")
        api_s=$(python3 -c "print(($(now_ns) - $started) / 1e9)")
        if [[ "$code" != 200 ]]; then
            echo "bench: POST of the ratings answered $code: $(head -c 500 "$WORK/si-post.json")" >&2
            exit 1
        fi
        api_rows=$(python3 -c "import json; r = json.load(open('$WORK/si-post.json')); assert r['rejected'] == 0, r; print(r['inserted'] + r['updated'] + r['unchanged'])")
    }
    ndjson "5, 6" "$RATIO_N" "$WORK/si-ratings.ndjson"
    ndjson "9" "$(( RATIO_N / 20 + 1 ))" "$WORK/si-warmup.ndjson"
    psql_si -c "\\copy (SELECT source_system, dossier_id, unit_code, procedure_code, (ARRAY['DEVICE', 'ONLINE', 'SMS'])[1 + g % 3],
        $LEVEL, NULL, finished_at, finished_date, 'admin' $(group "7, 8" "$RATIO_N")) TO '$WORK/si-ratings.copy'"
    echo "bench: service index: $(wc -l <"$WORK/si-ratings.ndjson") ratings for the API ($(stat -c %s "$WORK/si-ratings.ndjson") bytes NDJSON), $(wc -l <"$WORK/si-ratings.copy") for COPY"
    # As the dossier benchmarks: a first, smaller batch (other dossiers, untimed) so the timed one meets a running
    # service — compiled code, the registry's directory loaded — as a provincial system's daily feed does.
    post "$WORK/si-warmup.ndjson"
    echo "bench: service index: warm-up batch of $api_rows ratings (untimed)"
    : >"$WORK/si-ratios.txt"
    local rounds="${BENCH_SI_RATIO_ROUNDS:-3}"
    [[ "$rounds" -ge 1 ]] || rounds=1
    for round in $(seq "$rounds"); do
        if [[ "$round" -gt 1 ]]; then
            psql_si -c "DELETE FROM dossier_rating WHERE source_system = '$SRC' AND substr(dossier_id, 4)::bigint % 10 BETWEEN 5 AND 8"
            psql_si -c "VACUUM (ANALYZE) dossier_rating"
        fi
        for side in $( ((round % 2)) && echo "api copy" || echo "copy api"); do
            if [[ "$side" == api ]]; then
                post "$WORK/si-ratings.ndjson"
            else
                started=$(now_ns)
                psql_si -c "\\copy dossier_rating (source_system, dossier_id, unit_code, procedure_code, channel, level, criteria, rated_at, rated_date, recorded_by) FROM '$WORK/si-ratings.copy'"
                copy_s=$(python3 -c "print(($(now_ns) - $started) / 1e9)")
            fi
        done
        copy_rows=$(wc -l <"$WORK/si-ratings.copy")
        python3 - "$round" "$api_rows" "$api_s" "$copy_rows" "$copy_s" "$WORK/si-ratios.txt" <<'PY'
import sys
from decimal import Decimal, ROUND_HALF_UP
rnd, api, api_s, copy, copy_s = sys.argv[1], int(sys.argv[2]), Decimal(sys.argv[3]), int(sys.argv[4]), Decimal(sys.argv[5])
a, c = Decimal(api) / api_s, Decimal(copy) / copy_s
q = lambda x, e="1": x.quantize(Decimal(e), ROUND_HALF_UP)
first = "API first" if int(rnd) % 2 else "COPY first"
print(f"bench: round {rnd} ({first}): ratings through POST /api/dossiers/ratings/batch: {api} in {q(api_s, '0.01')} s = {q(a)}/s;"
      f" psql \\copy into dossier_rating: {copy} in {q(copy_s, '0.01')} s = {q(c)}/s; ratio {q(a / c, '0.01')}")
open(sys.argv[6], "a").write(f"{a / c}\n")
PY
    done
    python3 - "$WORK/si-ratios.txt" <<'PY'
import statistics, sys
from decimal import Decimal, ROUND_HALF_UP
r = [Decimal(x) for x in open(sys.argv[1]).read().split()]
q = lambda x: x.quantize(Decimal("0.01"), ROUND_HALF_UP)
print(f"bench: ratio API / COPY = {q(statistics.median(r))} (median of {len(r)} rounds: {', '.join(str(q(x)) for x in r)}; target >= 0.7)")
PY
    rm -f "$WORK/si-ratings.ndjson" "$WORK/si-ratings.copy" "$WORK/si-warmup.ndjson"
}

if [[ "${BENCH_QUERIES_ONLY:-0}" != 1 ]]; then
    NC=$(wc -l <"$WORK/si-communes.txt")
    echo "bench: service index: loading $N dossiers over $SI_FIRST … $SI_LAST across $NC communes (server-side INSERT … SELECT)"
    psql_si <<SQL
\o /dev/null
SELECT dossier_ensure_partitions('$SI_FIRST', '$SI_LAST');
CREATE TABLE si_commune (i serial, code varchar(32));
\copy si_commune (code) FROM '$WORK/si-communes.txt'
UPDATE si_commune SET i = i - 1;
CREATE UNIQUE INDEX ON si_commune (i);
ANALYZE si_commune;
-- 50 procedures: service level by p % 3, deadline 5 + p % 11 days, fee by p % 4 (0 = free).
INSERT INTO procedure (code, name, deadline_working_days, service_level)
SELECT 'SI-P' || lpad(p::text, 2, '0'), 'Service index benchmark procedure ' || p, 5 + p % 11,
       (ARRAY['FULL', 'PARTIAL', 'NONE'])[1 + p % 3]
FROM generate_series(0, 49) p ON CONFLICT DO NOTHING;
SQL
    started=$(now_ns)
    for k in $(seq 0 11); do
        lo=$(( k * N / 12 + 1 )); hi=$(( (k + 1) * N / 12 ))
        psql_si <<SQL
\o /dev/null
SET synchronous_commit = off;
SELECT setseed(0.$((k + 10)));
WITH s AS (
    SELECT g, (g % 50)::int AS p, (g % $NC)::int AS ci, random() AS r1, random() AS r2, random() AS r3,
           random() AS r4, random() AS r5
    FROM generate_series($lo::bigint, $hi) g),
t AS (
    SELECT s.*, ((date '$SI_FIRST' + interval '$k months') + r1 * (((date '$SI_FIRST' + interval '$((k + 1)) months')::date
               - (date '$SI_FIRST' + interval '$k months')::date) * 86400) * interval '1 second') AS rl,
           (ARRAY['FULL', 'PARTIAL', 'NONE'])[1 + p % 3] AS level
    FROM s),
u AS (
    SELECT t.*, rl::date AS rd, rl + r3 * 20 * 86400 * interval '1 second' AS fl, r4 < 0.02 AS excl,
           CASE WHEN level <> 'NONE' AND r2 < 0.6 THEN 'ONLINE' WHEN r2 < 0.7 THEN 'POSTAL' ELSE 'DIRECT' END AS channel,
           rl::date + (5 + p % 11) AS dd
    FROM t),
v AS (SELECT u.*, fl::date AS fd, NOT excl AND r5 < 0.9 AND fl::date <= date '$SI_LAST' AS fin FROM u)
INSERT INTO dossier (source_system, dossier_id, procedure_code, unit_code, channel, service_level, status,
                     received_at, received_date, due_at, due_date, finished_at, finished_date, finish_class,
                     excluded, processing_days)
SELECT '$SRC', 'SI-' || g, 'SI-P' || lpad(p::text, 2, '0'), c.code, channel, level,
       CASE WHEN fin THEN 'RESOLVED' WHEN excl THEN 'WITHDRAWN' ELSE 'PROCESSING' END,
       rl AT TIME ZONE 'Asia/Ho_Chi_Minh', rd, (dd + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', dd,
       CASE WHEN fin THEN fl AT TIME ZONE 'Asia/Ho_Chi_Minh' END, CASE WHEN fin THEN fd END,
       CASE WHEN fin THEN CASE WHEN fd < dd THEN 1 WHEN fd = dd THEN 2 ELSE 3 END END,
       excl, CASE WHEN fin THEN (fd - rd) * 5 / 7 END
FROM v JOIN si_commune c ON c.i = v.ci;
SQL
        echo "bench:   month $((k + 1)) of 12 stored, $(( ($(now_ns) - started) / 1000000000 )) s"
    done
    psql_si -c "INSERT INTO dossier_key (source_system, dossier_id, received_date) SELECT source_system, dossier_id, received_date FROM dossier WHERE source_system = '$SRC' AND dossier_id LIKE 'SI-%'"
    echo "bench: service index: dossiers and keys loaded in $(( ($(now_ns) - started) / 1000000000 )) s"

    started=$(now_ns)
    # Facts of the dossiers; a dossier's number g decides its rating group: g % 10 < 5 (and finished) rated here,
    # 5–6 the API's group, 7–8 the COPY group.
    psql_si <<SQL
\o /dev/null
SET synchronous_commit = off;
SELECT setseed(0.5);
INSERT INTO dossier_payment (source_system, dossier_id, unit_code, procedure_code, fee, paid_online, paid_at, paid_date, recorded_by)
SELECT source_system, dossier_id, unit_code, procedure_code, fee, fee > 0 AND channel = 'ONLINE' AND random() < 0.8,
       received_at, received_date, 'admin'
FROM (SELECT d.*, (substr(procedure_code, 5)::int % 4) * 50000 AS fee FROM dossier d WHERE source_system = '$SRC') x;
INSERT INTO dossier_digitisation (source_system, dossier_id, unit_code, procedure_code, components_total,
    components_digitised, result_electronic, reused_digitised, digitised_at, digitised_date, recorded_by)
SELECT source_system, dossier_id, unit_code, procedure_code, total,
       CASE WHEN r < 0.7 THEN total ELSE floor(total * r)::int END,
       CASE WHEN finished_date IS NOT NULL THEN random() < 0.6 END, random() < 0.3, received_at, received_date, 'admin'
FROM (SELECT d.*, 1 + substr(procedure_code, 5)::int % 5 AS total, random() AS r FROM dossier d WHERE source_system = '$SRC') x;
INSERT INTO dossier_rating (source_system, dossier_id, unit_code, procedure_code, channel, level, criteria, rated_at, rated_date, recorded_by)
SELECT source_system, dossier_id, unit_code, procedure_code, (ARRAY['DEVICE', 'ONLINE', 'SMS'])[1 + g % 3],
       CASE WHEN r < 0.55 THEN 'VERY_SATISFIED' WHEN r < 0.9 THEN 'SATISFIED' ELSE 'NOT_SATISFIED' END, NULL,
       finished_at, finished_date, 'admin'
FROM (SELECT d.*, substr(dossier_id, 4)::bigint AS g, random() AS r FROM dossier d
      WHERE source_system = '$SRC' AND finished_date IS NOT NULL) x
WHERE g % 10 < 5;
INSERT INTO feedback (source_system, feedback_id, unit_code, procedure_code, kind, received_at, received_date, deadline,
    answered_at, answered_date, outcome, recorded_by)
SELECT source_system, dossier_id, unit_code, procedure_code, CASE WHEN r < 0.8 THEN 'FEEDBACK' ELSE 'COMPLAINT' END,
       received_at, received_date, received_date + 10,
       CASE WHEN r < 0.85 THEN received_at + r * 15 * interval '1 day' END,
       CASE WHEN r < 0.85 THEN ((received_at + r * 15 * interval '1 day') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,
       CASE WHEN r < 0.85 THEN 'RESOLVED' END, 'admin'
FROM (SELECT d.*, substr(dossier_id, 4)::bigint AS g, random() AS r FROM dossier d WHERE source_system = '$SRC') x
WHERE g % 100 = 0;
SQL
    echo "bench: service index: payments, digitisation, ratings and feedback loaded in $(( ($(now_ns) - started) / 1000000000 )) s"
    psql_si -c "ANALYZE"

    si_ratio
    psql_si -c "DROP TABLE si_commune"
    started=$(now_ns)
    psql_si -c "VACUUM (ANALYZE)"
    echo "bench: service index: VACUUM (ANALYZE) in $(( ($(now_ns) - started) / 1000000000 )) s"
elif [[ "${BENCH_SI_RATIO_AGAIN:-0}" == 1 ]]; then
    # The ratio again on the kept data (an A/B of ingestion): the two groups' ratings are deleted first.
    psql_si -c "DELETE FROM dossier_rating WHERE source_system = '$SRC' AND substr(dossier_id, 4)::bigint % 10 BETWEEN 5 AND 9"
    psql_si -c "VACUUM (ANALYZE) dossier_rating"
    si_ratio
    psql_si -c "VACUUM (ANALYZE) dossier_rating"
fi
psql_si -At -c "SELECT 'bench: stored: ' || (SELECT count(*) FROM dossier) || ' dossiers, ' || (SELECT count(*) FROM dossier_rating)
    || ' ratings, ' || (SELECT count(*) FROM dossier_payment) || ' payments, ' || (SELECT count(*) FROM dossier_digitisation)
    || ' digitisation, ' || (SELECT count(*) FROM feedback) || ' feedback; database '
    || pg_size_pretty(pg_database_size('dossier_stats'))"

# BENCH_SI_QUERIES=0: the load and the ratio only (an A/B of ingestion on kept data, in minutes).
[[ "${BENCH_SI_QUERIES:-1}" == 0 ]] && return 0

sed "s|.*|/api/dossier-stats/service-index?province=&\&month=$SI_MONTH|" "$WORK/si-provinces.txt" >"$WORK/si-province-month.txt"
# The province with the most communes, alone.
largest=$(awk -F, '$4 == "commune" {n[$5]++} END {for (p in n) if (n[p] > m) {m = n[p]; b = p}; print b}' \
    services/unit-registry/src/main/resources/seed/units/units_2025.csv)
echo "/api/dossier-stats/service-index?province=$largest&month=$SI_MONTH" >"$WORK/si-largest-month.txt"
shuf -n 300 --random-source=<(yes) "$WORK/si-communes.txt" |
    sed "s|.*|/api/dossier-stats/service-index?unit=&\&month=$SI_MONTH|" >"$WORK/si-unit-year.txt"
# A commune of the largest province: its year ranks it among the most peers.
largest_unit=$(awk -F, -v p="$largest" '$4 == "commune" && $5 == p {print $1; exit}' \
    services/unit-registry/src/main/resources/seed/units/units_2025.csv)
echo "/api/dossier-stats/service-index?unit=$largest_unit&month=$SI_MONTH" >"$WORK/si-largest-unit-year.txt"
for f in si-province-month si-largest-month si-unit-year si-largest-unit-year; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$DOSSIERS$(head -1 "$WORK/$f.txt")")
    [[ "$code" == 200 ]] || { echo "bench: $(head -1 "$WORK/$f.txt") answered $code" >&2; exit 1; }
done
echo "bench: service index: largest province $largest; its commune $largest_unit"
# BENCH_BASELINE_APP (run.sh's start_baseline): every round is measured on the current build, then on the earlier
# one ("before-…").
start_baseline
SI_BEFORE="$BASELINE_URL"
si_scenario() { # name paths-file (1 connection)
    local i
    if [[ -z "$SI_BEFORE" ]]; then
        run "$1" "$2" 1 "$DOSSIERS"
        return
    fi
    for i in $(seq "$ROUNDS"); do
        ROUNDS=1 run "$1" "$2" 1 "$DOSSIERS"
        ROUNDS=1 run "before-$1" "$2" 1 "$SI_BEFORE"
    done
}
{
    si_scenario si-province-month-1conn "$WORK/si-province-month.txt"
    si_scenario si-largest-province-month-1conn "$WORK/si-largest-month.txt"
    si_scenario si-unit-year-1conn "$WORK/si-unit-year.txt"
    si_scenario si-largest-unit-year-1conn "$WORK/si-largest-unit-year.txt"
} | tee -a "$WORK/results.txt"

# Where the time goes: each statement of the index (ServiceIndexService.counts, simplified to one or two sums or
# counts per unit) and three raw reads the roll-ups replace, under EXPLAIN (ANALYZE, BUFFERS), with the service's
# setting for many units (parallel index scans; BENCH_SI_EXPLAIN_PARALLEL_SIZE=512kB for PostgreSQL's default): the
# largest province's month and year to date, and its first commune's year to date alone. Time and heap fetches.
if [[ "${BENCH_SMOKE:-0}" != 1 ]]; then
    units=$(awk -F, -v p="$largest" '$4 == "commune" && $5 == p {printf "%s\x27%s\x27", (n++ ? "," : ""), $1}' \
        services/unit-registry/src/main/resources/seed/units/units_2025.csv)
    for spec in "province 2026-11-01 2026-11-30" "province 2026-01-01 2026-11-30" "unit 2026-01-01 2026-11-30"; do
        set -- $spec
        who="$units"; name="province $largest"
        [[ "$1" == unit ]] && who="'$largest_unit'" && name="commune $largest_unit alone"
        echo "bench: EXPLAIN of the statements of $name over $2 … $3:"
        # What the index reads for whole months: the roll-ups (V11, V12) and the feedback rows (their indicator
        # depends on the as-of day); then, for comparison, the raw reads the roll-ups replace.
        for q in "feedback received_date count(*) FILTER (WHERE answered_date <= deadline)" \
            "dossier_unit_month month sum(resolved), sum(early + on_time), sum(received), sum(received) FILTER (WHERE channel = 'ONLINE')" \
            "payment_month month sum(online_payment_rate_den), sum(online_payment_rate_num)" \
            "digitisation_month month sum(dossier_digitisation_rate_den), sum(dossier_digitisation_rate_num)" \
            "rating_month month sum(satisfaction_rate_den), sum(satisfaction_rate_num)" \
            "dossier finished_date count(*) FILTER (WHERE finish_class IN (1, 2))" \
            "dossier_payment paid_date count(*) FILTER (WHERE paid_online)" \
            "dossier_rating rated_date count(*) FILTER (WHERE level = 'SATISFIED')"; do
            read -r table day sel <<<"$q"
            extra=""; [[ "$day" == finished_date ]] && extra=" AND received_date <= '$3'"
            psql_si -At -c "SET min_parallel_index_scan_size = ${BENCH_SI_EXPLAIN_PARALLEL_SIZE:-0}; EXPLAIN (ANALYZE, BUFFERS)
                SELECT unit_code, count(*), $sel FROM $table
                WHERE unit_code = ANY(ARRAY[$who]) AND $day BETWEEN '$2' AND '$3'$extra GROUP BY unit_code" |
                python3 -c '
import re, sys
text = sys.stdin.read()
fetches = sum(int(x) for x in re.findall(r"Heap Fetches: (\d+)", text))
rows = sum(int(a) * int(b) for a, b in re.findall(r"(?:Index Only Scan|Index Scan|Seq Scan|Bitmap Heap Scan)[^\n]*actual time=[^ ]+ rows=(\d+) loops=(\d+)", text))
workers = re.findall(r"Workers Launched: (\d+)", text)
ms = re.search(r"Execution Time: ([\d.]+) ms", text).group(1)
print(f"{ms} ms, {rows} rows scanned, heap fetches {fetches}, workers {workers[0] if workers else 0}")
' | sed "s/^/bench:   $table by $day: /"
        done
    done
fi
