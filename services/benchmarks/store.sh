# The national-scale dossier store benchmark (issue 16), sourced by run.sh (`./parindex bench store`; the set runs on
# a fresh embedded PostgreSQL, demo data off; $WORK, $DOSSIERS, $AUTH, classpath() and cap() are set).
#
# Growth steps BENCH_STORE_SIZES (cumulative dossiers stored; default 1M 3M 10M, ~30 min; 30M adds ~25 min and
# 15 GB) over the 24 months 2024-12 … 2026-11, all 3,321 communes of the 2025 structure. Each step is loaded
# server-side, month by month, with `INSERT INTO dossier … SELECT … FROM generate_series(…)` through the partitioned
# table (its indexes) and dossier_key, then the roll-ups by the statement V8's triggers run (the triggers are off for
# the insert: see bench_store_month); the derived columns follow ingestion's rules (working-day due date from the
# calendar ingestion uses, finish class, working days, excluded statuses). Then VACUUM (ANALYZE), the disk used,
# and over HTTP at 1 connection: with wrk, one commune's year, a province grouped by unit, and the same commune and
# province year ending a day earlier (the dossiers themselves); the national report by province (whole months: the
# roll-up) as timed requests one after the other. After the step that reaches BENCH_STORE_RATIO_AT (default 10M), BENCH_STORE_RATIO_N (default 1M)
# new dossiers are COPYed into the partitioned dossier table and as many others POSTed to /api/dossiers/batch: the
# ratio of their rates. Every line of results starts with "store:"; a table per step is printed at the end.
SIZES="${BENCH_STORE_SIZES:-1000000 3000000 10000000}"
RATIO_AT="${BENCH_STORE_RATIO_AT:-10000000}"
RATIO_N="${BENCH_STORE_RATIO_N:-1000000}"
JOBS="${BENCH_STORE_JOBS:-2}"
STORE_WARMUP="${BENCH_STORE_WARMUP:-$WARMUP}"
STORE_DURATION="${BENCH_STORE_DURATION:-$DURATION}"
FIRST_MONTH=2024-12-01
MONTHS=24
HORIZON=2026-11-30 # the last day of the data: a dossier finished after it is still open
YEAR_FROM=2025-12-01
YEAR_TO=2026-11-30 # the last 12 whole months: statistics from the roll-up
RAW_TO=2026-11-29  # a day short: statistics from the dossiers themselves
DCP="$(classpath services/dossier-stats "$WORK/dcp.txt")"
tool() { "$JAVA_HOME/bin/java" -Xmx1g -cp "$DCP" vn.parindex.dossier.bench.DossierBenchmark "$@"; }

awk -F, '$4 == "commune" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/communes.txt"
awk -F, '$4 == "province" {print $1}' services/unit-registry/src/main/resources/seed/units/units_2025.csv >"$WORK/provinces.txt"
cap "$WORK/communes.txt"
cap "$WORK/provinces.txt"
JDBC="jdbc:postgresql://localhost:$PARINDEX_PG_PORT/dossier_stats"
if command -v psql >/dev/null 2>&1; then
    sql() { PGPASSWORD=postgres psql -X -q -t -A -v ON_ERROR_STOP=1 -h localhost -p "$PARINDEX_PG_PORT" -U postgres -d dossier_stats -c "$1"; }
else
    cat >"$WORK/Ddl.java" <<'JAVA'
import java.sql.*;
public class Ddl { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection(a[0], "postgres", "postgres"); Statement s = c.createStatement()) {
    if (s.execute(a[1])) { try (ResultSet rs = s.getResultSet()) { while (rs.next()) System.out.println(rs.getString(1)); } } } } }
JAVA
    sql() { "$JAVA_HOME/bin/java" -cp "$DCP" "$WORK/Ddl.java" "$JDBC" "$1"; }
fi
now_ns() { date +%s%N; }
secs_since() { python3 -c "print(round(($(now_ns) - $1) / 1e9, 1))"; }

# The procedures (as the dossiers benchmark), the working days of the calendar ingestion uses, the communes.
tool procedures "$WORK/procedures.json"
curl -sf -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' --data-binary @"$WORK/procedures.json" "$DOSSIERS/api/procedures"
tool workdays 2024-11-01 2027-12-31 "$WORK/workdays.txt"
# Bulk loading writes far more WAL than the embedded default's 1 GB between checkpoints: fewer checkpoints, fewer
# full-page images (a setting of this benchmark's fresh server only).
sql "ALTER SYSTEM SET max_wal_size = '8GB'" >/dev/null
sql "SELECT pg_reload_conf()" >/dev/null
sql "DROP TABLE IF EXISTS bench_workday, bench_day, bench_unit, bench_proc;
CREATE TABLE bench_workday (ord integer PRIMARY KEY, day date NOT NULL UNIQUE);
INSERT INTO bench_workday SELECT row_number() OVER (ORDER BY day), day
FROM (VALUES $(sed "s/.*/('&'::date)/" "$WORK/workdays.txt" | paste -sd,)) v(day);
CREATE TABLE bench_day AS SELECT d::date AS day,
    (SELECT count(*) FROM bench_workday w WHERE w.day <= d::date)::integer AS wd,
    EXISTS (SELECT 1 FROM bench_workday w WHERE w.day = d::date) AS working
FROM generate_series(date '2024-11-01', date '2027-12-31', interval '1 day') d;
ALTER TABLE bench_day ADD PRIMARY KEY (day);
CREATE TABLE bench_unit (i integer PRIMARY KEY, code varchar(32) NOT NULL);
INSERT INTO bench_unit SELECT row_number() OVER (ORDER BY code) - 1, code
FROM (VALUES $(sed "s/.*/('&')/" "$WORK/communes.txt" | paste -sd,)) v(code);
CREATE TABLE bench_proc AS SELECT (row_number() OVER (ORDER BY code) - 1)::integer AS i, code,
    deadline_working_days AS k, service_level FROM procedure;
ALTER TABLE bench_proc ADD PRIMARY KEY (i);
SELECT dossier_ensure_partitions(date '$FIRST_MONTH', date '$HORIZON');"
echo "store: $(sql "SELECT count(*) FROM bench_unit") communes, $(sql "SELECT count(*) FROM bench_proc") procedures," \
    "$(sql "SELECT count(*) FROM bench_workday") working days, $MONTHS months $FIRST_MONTH … $HORIZON"

# n dossiers received in month m, ids prefix || first_seq … ; one statement: the dossiers (through the partitioned
# table, so its indexes and the roll-up triggers) and their keys. The derived columns as DossierRowValidator sets
# them: due date = the k-th working day after receipt (k = the procedure's deadline), finish class against it,
# working days between receipt and finish, excluded for refused / withdrawn / cancelled. Shapes as the generator
# of SyntheticDossiers: a few procedures carry most dossiers; channel by the procedure's level; counter dossiers on
# working days in office hours; ~65 % early, 25 % on time, 10 % late, 3 % excluded; finished after the horizon =
# still open.
sql "DROP FUNCTION IF EXISTS bench_store_month(date, bigint, bigint, date, text);
CREATE FUNCTION bench_store_month(m date, first_seq bigint, n bigint, horizon date, src text)
RETURNS bigint LANGUAGE plpgsql SET session_replication_role = replica SET work_mem = '256MB' AS \$f\$
DECLARE
    month_end date := (m + interval '1 month')::date;
    units integer := (SELECT count(*) FROM bench_unit);
    procs integer := (SELECT count(*) FROM bench_proc);
    done bigint;
BEGIN
    WITH r AS MATERIALIZED (
        SELECT s, floor(random() * units)::integer AS ui,
            least(procs - 1, floor(abs(sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) * procs / 3.0))::integer AS pi,
            random() AS c, floor(random() * (month_end - m))::integer AS dd, random() AS mr, random() AS o,
            random() AS t, random() AS u1, random() AS u2, random() AS u3, random() AS u4
        FROM generate_series(first_seq, first_seq + n - 1) s
    ), a AS (
        SELECT r.*, u.code AS unit_code, p.code AS procedure_code, p.k, p.service_level,
            CASE WHEN r.c < CASE p.service_level WHEN 'FULL' THEN 0.70 WHEN 'PARTIAL' THEN 0.40 ELSE 0 END THEN 'ONLINE'
                 WHEN r.c < CASE p.service_level WHEN 'FULL' THEN 0.76 WHEN 'PARTIAL' THEN 0.46 ELSE 0.06 END THEN 'POSTAL'
                 ELSE 'DIRECT' END AS channel
        FROM r JOIN bench_unit u ON u.i = r.ui JOIN bench_proc p ON p.i = r.pi
    ), b AS MATERIALIZED (
        SELECT a.*, CASE WHEN a.channel = 'ONLINE' OR d0.working THEN d0.day
                         WHEN nx.day < month_end THEN nx.day ELSE pv.day END AS received_date
        FROM a JOIN bench_day d0 ON d0.day = m + a.dd
        LEFT JOIN bench_workday nx ON nx.ord = d0.wd + 1
        LEFT JOIN bench_workday pv ON pv.ord = d0.wd
    ), c AS MATERIALIZED (
        SELECT b.*, rd.wd AS rwd,
            (b.received_date + make_interval(mins => CASE WHEN b.channel = 'ONLINE' THEN floor(b.mr * 1440)::integer
                ELSE 450 + floor(b.mr * 570)::integer END)) AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at,
            CASE WHEN b.k = 0 THEN b.received_date ELSE due.day END AS due_date
        FROM b JOIN bench_day rd ON rd.day = b.received_date
        LEFT JOIN bench_workday due ON due.ord = rd.wd + b.k
    ), e AS (
        SELECT c.*, c.o < 0.03 AS excl,
            CASE WHEN c.o < 0.03 THEN c.received_date
                 WHEN c.t < 0.65 AND c.due_date > c.received_date
                     THEN c.received_date + floor(c.u1 * (c.due_date - c.received_date))::integer
                 WHEN c.t < 0.90 THEN c.due_date
                 ELSE c.due_date + 1 + floor(c.u2 * 10)::integer END AS f0
        FROM c
    ), f AS (
        SELECT e.*, greatest((e.f0 + make_interval(mins => 480 + floor(e.u3 * 540)::integer)) AT TIME ZONE 'Asia/Ho_Chi_Minh',
            e.received_at + interval '30 minutes') AS fat0
        FROM e
    ), g AS MATERIALIZED (
        SELECT f.*, CASE WHEN f.excl OR (f.fat0 AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= horizon THEN f.fat0 END AS finished_at
        FROM f
    ), h AS (
        SELECT g.*, (g.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS finished_date FROM g
    ), ins AS (
        INSERT INTO dossier (source_system, dossier_id, procedure_code, unit_code, channel, service_level, status,
            received_at, received_date, due_at, due_date, finished_at, finished_date, finish_class, excluded, processing_days)
        SELECT src, 'G-' || h.s, h.procedure_code, h.unit_code, h.channel, h.service_level,
            CASE WHEN h.excl THEN CASE WHEN h.o < 0.01 THEN 'REFUSED' WHEN h.o < 0.02 THEN 'WITHDRAWN' ELSE 'CANCELLED' END
                 WHEN h.finished_date IS NULL THEN CASE WHEN h.u4 < 0.1 THEN 'SUPPLEMENT_REQUESTED' ELSE 'PROCESSING' END
                 WHEN h.u4 < 0.1 THEN 'RETURNED' ELSE 'RESOLVED' END,
            h.received_at, h.received_date, NULL, h.due_date, h.finished_at, h.finished_date,
            CASE WHEN h.excl OR h.finished_date IS NULL THEN NULL WHEN h.finished_date < h.due_date THEN 1
                 WHEN h.finished_date = h.due_date THEN 2 ELSE 3 END,
            h.excl,
            CASE WHEN h.excl OR h.finished_date IS NULL THEN NULL ELSE fd.wd - h.rwd END
        FROM h LEFT JOIN bench_day fd ON fd.day = h.finished_date
        RETURNING source_system, dossier_id, received_date
    )
    INSERT INTO dossier_key (source_system, dossier_id, received_date) SELECT * FROM ins;
    GET DIAGNOSTICS done = ROW_COUNT;
    -- The roll-up of these rows, by the statement V8's triggers run (they are off in this function: per statement
    -- they cost more than the insert itself on this machine), over the month's partition.
    EXECUTE dossier_month_sql(format('SELECT *, 1 AS sign FROM %I WHERE source_system = %L',
        'dossier_' || to_char(m, 'YYYY_MM'), src));
    RETURN done;
END
\$f\$" >/dev/null

shuf -n 2000 --random-source=<(yes) "$WORK/communes.txt" >"$WORK/sample.txt"
sed "s|.*|/api/dossier-stats?unitCode=&\&from=$YEAR_FROM\&to=$YEAR_TO|" "$WORK/sample.txt" >"$WORK/s-unit-year.txt"
sed "s|.*|/api/dossier-stats?unitCode=&\&from=$YEAR_FROM\&to=$RAW_TO|" "$WORK/sample.txt" >"$WORK/s-unit-year-raw.txt"
sed "s|.*|/api/dossier-stats?unitCode=&\&includeDescendants=true\&groupBy=unit\&from=$YEAR_FROM\&to=$YEAR_TO|" \
    "$WORK/provinces.txt" >"$WORK/s-province.txt"
sed "s|.*|/api/dossier-stats?unitCode=&\&includeDescendants=true\&groupBy=unit\&from=$YEAR_FROM\&to=$RAW_TO|" \
    "$WORK/provinces.txt" >"$WORK/s-province-raw.txt"
echo "/api/dossier-stats/national?from=$YEAR_FROM&to=$YEAR_TO" >"$WORK/s-national.txt"
SCENARIOS="${BENCH_STORE_SCENARIOS:-unit-year unit-year-raw province province-raw national}"

# BENCH_BASELINE_APP=DIR (as for the dossiers benchmark: a copy of services/dossier-stats/target/quarkus-app built
# before a change) runs that build on port 8094 against the same database; the scenarios of
# BENCH_STORE_BEFORE_SCENARIOS (default the three read from the roll-up) are measured on it too at every step
# ("before-…"): an A/B of a query or roll-up change on the same data.
BEFORE_SCENARIOS="${BENCH_STORE_BEFORE_SCENARIOS:-unit-year province national}"
start_baseline
BEFORE="$BASELINE_URL"

measure() { # step-label name paths-file base-url: wrk at 1 connection (a long timeout: a national report takes seconds)
    local step="$1" name="$2" file="$3" base="$4" i
    PATHS_FILE="$file" wrk -t1 -c1 -d"$STORE_WARMUP" --timeout 120s -s services/benchmarks/wrk-paths.lua "$base" >/dev/null
    for i in $(seq "$ROUNDS"); do
        PATHS_FILE="$file" wrk -t1 -c1 -d"$STORE_DURATION" --timeout 120s -s services/benchmarks/wrk-paths.lua "$base" |
            grep '^RESULT' | sed "s/^RESULT/store: wrk $step $name/"
    done
}

# The national report takes seconds: wrk's rounds of a fixed duration would stop in the middle of a request whose
# statement goes on in PostgreSQL, and the next round's would run beside it. Instead, BENCH_STORE_NATIONAL_N
# (default 7) requests one after the other, each timed, after one to warm up; one line as wrk-paths.lua prints.
timed() { # step-label name paths-file base-url
    local step="$1" name="$2" url="$4$(head -1 "$3")" i code t errors=0
    curl -s -o /dev/null --max-time 300 "$url" || true
    : >"$WORK/timed.txt"
    for i in $(seq "${BENCH_STORE_NATIONAL_N:-7}"); do
        read -r code t < <(curl -s -o /dev/null --max-time 300 -w '%{http_code} %{time_total}\n' "$url" || echo "000 0")
        [[ "$code" == 200 ]] || errors=$((errors + 1))
        echo "$t" >>"$WORK/timed.txt"
    done
    python3 - "$WORK/timed.txt" "$step" "$name" "$errors" <<'PY'
import statistics, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]))
q = lambda p: t[min(len(t) - 1, int(round(p * (len(t) - 1))))]
print(f"store: wrk {sys.argv[2]} {sys.argv[3]} requests={len(t)} rps={len(t) / (sum(t) / 1000):.2f} "
      f"p50_ms={statistics.median(t):.3f} p95_ms={q(0.95):.3f} p99_ms={q(0.99):.3f} errors={sys.argv[4]}")
PY
}

load_step() { # dossiers to add, spread evenly over the months, in $JOBS parallel sessions
    local add="$1" job pids=() per rest
    per=$((add / MONTHS))
    rest=$((add - per * MONTHS))
    for job in $(seq 0 $((JOBS - 1))); do
        (
            local i n m first
            for i in $(seq "$job" "$JOBS" $((MONTHS - 1))); do
                n=$per
                [[ "$i" -lt "$rest" ]] && n=$((n + 1))
                [[ "$n" -eq 0 ]] && continue
                m=$(date -d "$FIRST_MONTH + $i month" +%F)
                first=$((SEQ + i * (per + 1) + 1))
                sql "SELECT bench_store_month(date '$m', $first, $n, date '$HORIZON', 'BENCHS$target')" >/dev/null
            done
        ) &
        pids+=($!)
    done
    for job in "${pids[@]}"; do wait "$job"; done
    SEQ=$((SEQ + MONTHS * (per + 1)))
}

ratio() { # API ingestion against COPY into the partitioned table, both onto the store as it is now
    local warm copy_line copy_rate start code secs inserted http_rate
    echo "store: ratio: generating $RATIO_N dossiers for the API and $RATIO_N others for COPY (2025-07-01 … 2026-06-30)"
    warm=$((RATIO_N / 20 + 1000))
    tool ndjson "$WORK/communes.txt" "$warm" 6 W- "$WORK/warm.ndjson" BENCHWARM
    tool ndjson "$WORK/communes.txt" "$RATIO_N" 7 A- "$WORK/api.ndjson" BENCHAPI
    tool ndjson "$WORK/communes.txt" "$RATIO_N" 8 C- "$WORK/copy.ndjson" BENCHCOPY
    tool copyrows "$WORK/copy.ndjson" "$WORK/copy.copy"
    rm -f "$WORK/copy.ndjson"
    # Warm-up: JIT, and the registry's answer for every commune is cached.
    curl -sf -o /dev/null -X POST -T "$WORK/warm.ndjson" -H "$AUTH" -H 'Content-Type: application/x-ndjson' "$DOSSIERS/api/dossiers/batch"
    # PostgreSQL's own COPY into the partitioned dossier table (its indexes and triggers); its keys are written
    # after, untimed (the API writes them in its time: the baseline is the harder one to reach).
    copy_line=$(tool copy "$JDBC" postgres postgres dossier "$WORK/copy.copy" | grep RESULT)
    copy_rate=$(echo "$copy_line" | sed 's/.*rows_per_s=//')
    sql "INSERT INTO dossier_key SELECT source_system, dossier_id, received_date FROM dossier WHERE source_system = 'BENCHCOPY'" >/dev/null
    rm -f "$WORK/copy.copy"
    # Then the API's batch, streamed (onto RATIO_N more dossiers than the COPY had).
    start=$(now_ns)
    code=$(curl -s -o "$WORK/post.json" -w '%{http_code}' -X POST -T "$WORK/api.ndjson" -H "$AUTH" \
        -H 'Content-Type: application/x-ndjson' "$DOSSIERS/api/dossiers/batch")
    secs=$(secs_since "$start")
    if [[ "$code" != 200 ]]; then
        echo "store: POST answered $code: $(head -c 500 "$WORK/post.json")" >&2
        exit 1
    fi
    inserted=$(python3 -c "import json; print(json.load(open('$WORK/post.json'))['inserted'])")
    http_rate=$(python3 -c "print(round($inserted / $secs))")
    rm -f "$WORK/api.ndjson" "$WORK/warm.ndjson"
    echo "store: ratio: COPY into dossier: $copy_line"
    echo "store: ratio: API batch: $inserted dossiers in $secs s = $http_rate/s"
    echo "store: ratio: API / COPY = $(python3 -c "print(round($http_rate / $copy_rate, 2))")"
}

# With BENCH_HOME of an earlier run, the dossiers stored there are kept and the steps go on from them.
STORED=$(sql "SELECT count(*) FROM dossier_key")
SEQ=$(sql "SELECT coalesce(max(substr(dossier_id, 3)::bigint), 0) FROM dossier_key WHERE dossier_id LIKE 'G-%'")
[[ "$(sql "SELECT count(*) FROM dossier_key WHERE source_system = 'BENCHAPI'")" != 0 ]] && RATIO_DONE=1
echo "store: $STORED dossiers stored at the start"
# BENCH_STORE_BUDGET_S (seconds, default none): a step whose predicted time (its load at the last step's rate, plus
# the last step's vacuum and measurements, plus the ratio while it is still to do) would end the benchmark after the
# budget is left out, and so are the larger ones; the ratio is then measured on the store as it is.
BUDGET="${BENCH_STORE_BUDGET_S:-0}"
BEGAN=$(now_ns)
LAST_RATE=""
LAST_OTHER=0
for target in $SIZES; do
    add=$((target - STORED))
    # A size below what is stored is passed; the size stored (a BENCH_HOME loaded before) is measured, not loaded.
    [[ "$add" -lt 0 ]] && continue
    if [[ "$BUDGET" != 0 && -n "$LAST_RATE" ]]; then
        predicted=$(python3 -c "print(round($add / $LAST_RATE + $LAST_OTHER + (0 if '${RATIO_DONE:-}' else 2 * $RATIO_N / 5000 + 120)))")
        elapsed=$(python3 -c "print(round(($(now_ns) - $BEGAN) / 1e9))")
        if [[ $((elapsed + predicted)) -gt "$BUDGET" ]]; then
            echo "store: step $target left out: ${elapsed} s spent, ~${predicted} s predicted, budget ${BUDGET} s"
            if [[ -z "${RATIO_DONE:-}" ]]; then
                RATIO_DONE=1
                ratio
                STORED=$(sql "SELECT count(*) FROM dossier_key")
                echo "store: $STORED dossiers stored after the ratio"
            fi
            break
        fi
    fi
    start=$(now_ns)
    [[ "$add" -gt 0 ]] && load_step "$add"
    load_s=$(secs_since "$start")
    other_start=$(now_ns)
    STORED=$((STORED + add))
    start=$(now_ns)
    sql "VACUUM (ANALYZE) dossier, dossier_key, dossier_month" >/dev/null
    sql "SELECT 1 FROM pg_class WHERE relname = 'dossier_unit_month'" | grep -q 1 && sql "VACUUM (ANALYZE) dossier_unit_month" >/dev/null
    vacuum_s=$(secs_since "$start")
    # Disk: the partitions with their indexes, the keys, and both roll-ups (the coarse one since V11).
    disk=$(sql "SELECT (SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('dossier') WHERE isleaf)
        || ' ' || pg_total_relation_size('dossier_key') || ' ' || (pg_total_relation_size('dossier_month')
        + coalesce(pg_total_relation_size(to_regclass('dossier_unit_month')), 0))
        || ' ' || (SELECT reltuples::bigint FROM pg_class WHERE relname = 'dossier_month')
        || ' ' || coalesce((SELECT reltuples::bigint FROM pg_class WHERE relname = 'dossier_unit_month'), 0)")
    read -r d_bytes k_bytes m_bytes m_rows u_rows <<<"$disk"
    echo "store: step stored=$STORED added=$add load_s=$load_s rate=$(python3 -c "print(round($add / max($load_s, 0.1)))")" \
        "vacuum_s=$vacuum_s dossier_bytes=$d_bytes key_bytes=$k_bytes month_bytes=$m_bytes month_rows=$m_rows" \
        "unit_month_rows=$u_rows"
    for s in $SCENARIOS; do
        how=measure
        [[ "$s" == national ]] && how=timed
        "$how" "$STORED" "$s" "$WORK/s-$s.txt" "$DOSSIERS"
        if [[ -n "$BEFORE" && " $BEFORE_SCENARIOS " == *" $s "* ]]; then
            "$how" "$STORED" "before-$s" "$WORK/s-$s.txt" "$BEFORE"
        fi
    done
    LAST_RATE=$(python3 -c "print($add / max($load_s, 0.1))")
    LAST_OTHER=$(python3 -c "print(round(($(now_ns) - $other_start) / 1e9))")
    if [[ "$STORED" -ge "$RATIO_AT" && -z "${RATIO_DONE:-}" ]]; then
        RATIO_DONE=1
        ratio
        STORED=$(sql "SELECT count(*) FROM dossier_key")
        echo "store: $STORED dossiers stored after the ratio"
    fi
done | tee "$WORK/store.txt"

python3 - "$WORK/store.txt" <<'PY'
import collections, statistics, sys
steps, wrk = [], collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.split()
    if p[:2] == ["store:", "step"]:
        steps.append(dict(x.split("=") for x in p[2:]))
    elif p[:2] == ["store:", "wrk"]:
        wrk[(p[2], p[3])].append(dict(x.split("=") for x in p[4:]))
def cell(step, name, key):
    runs = wrk.get((step, name))
    if not runs:
        return "—"
    return f"{statistics.median(float(r[key]) for r in runs):.2f}"
print()
print("| stored | load /s | unit year p50 / p95 ms | … raw p95 | province by unit p50 / p95 ms | … raw p95 | national p50 / p95 ms | dossier + key + month GB | per million MB | roll-up rows | errors |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for s in steps:
    st = s["stored"]
    total = int(s["dossier_bytes"]) + int(s["key_bytes"]) + int(s["month_bytes"])
    errors = sum(int(r["errors"]) for k, runs in wrk.items() if k[0] == st for r in runs)
    print(f"| {int(st):,} | {int(s['rate']):,} | {cell(st, 'unit-year', 'p50_ms')} / {cell(st, 'unit-year', 'p95_ms')} "
          f"| {cell(st, 'unit-year-raw', 'p95_ms')} | {cell(st, 'province', 'p50_ms')} / {cell(st, 'province', 'p95_ms')} "
          f"| {cell(st, 'province-raw', 'p95_ms')} | {cell(st, 'national', 'p50_ms')} / {cell(st, 'national', 'p95_ms')} "
          f"| {total / 1e9:.2f} | {total / 1e6 / (int(st) / 1e6):.0f} | {int(s['month_rows']):,} | {errors} |")
print()
print("| stored | scenario (1 connection) | rounds | median requests | median p50 ms | median p95 ms | median p99 ms | errors |")
print("|---|---|---|---|---|---|---|---|")
for (st, name), runs in wrk.items():
    med = lambda k: statistics.median(float(r[k]) for r in runs)
    print(f"| {int(st):,} | {name} | {len(runs)} | {med('requests'):.0f} | {med('p50_ms'):.2f} | {med('p95_ms'):.2f} "
          f"| {med('p99_ms'):.2f} | {sum(int(r['errors']) for r in runs)} |")
PY
