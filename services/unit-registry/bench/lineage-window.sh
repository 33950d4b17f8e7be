#!/usr/bin/env bash
# Times POST /api/units/lineage for every commune of a structure (docs/performance.md, "Registry: lineage of many
# units"). Needs a running registry with the seeded data (e.g. `./parindex run`), curl and python3.
#
#   services/unit-registry/bench/lineage-window.sh [BASE]     BASE defaults to http://localhost:8081
#
# BENCH_FROM / BENCH_TO (default 2024-12-31 / 2025-12-31): the window; the codes are the communes valid on BENCH_TO.
# BENCH_WARMUP (default 5) unmeasured calls, then BENCH_ROUNDS (default 5) measured ones; prints each and the median.
set -euo pipefail
BASE="${1:-http://localhost:8081}"
FROM="${BENCH_FROM:-2024-12-31}"
TO="${BENCH_TO:-2025-12-31}"
WARMUP="${BENCH_WARMUP:-5}"
ROUNDS="${BENCH_ROUNDS:-5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$BASE" "$FROM" "$TO" "$WORK/body.json" <<'PY'
import json, sys, urllib.request
base, frm, to, out = sys.argv[1:5]
codes, page = [], 0
while True:
    url = f"{base}/api/units?level=COMMUNE&asOf={to}&size=1000&page={page}"
    items = json.load(urllib.request.urlopen(url))["items"]
    codes += [i["code"] for i in items]
    if len(items) < 1000:
        break
    page += 1
json.dump({"codes": codes, "from": frm, "to": to, "includeDerived": False}, open(out, "w"))
print(f"bench: {len(codes)} communes valid on {to}, window ({frm}, {to}]")
PY

call() {
    curl -sf -o "$WORK/answer.json" -w '%{time_total}' -H 'Content-Type: application/json' \
        --data-binary @"$WORK/body.json" "$BASE/api/units/lineage"
}
for ((i = 0; i < WARMUP; i++)); do call >/dev/null; done
times=()
for ((i = 0; i < ROUNDS; i++)); do times+=("$(call)"); done
python3 - "$WORK/answer.json" "${times[@]}" <<'PY'
import json, statistics, sys, os
answer = json.load(open(sys.argv[1]))
ms = [float(t) * 1000 for t in sys.argv[2:]]
preds = sum(len(i["predecessors"]) for i in answer["items"])
succs = sum(len(i["successors"]) for i in answer["items"])
print(f"bench: answer {os.path.getsize(sys.argv[1]) / 1e6:.2f} MB, {len(answer['items'])} items,"
      f" {preds} predecessors, {succs} successors, {len(answer['unknown'])} unknown")
print("bench: rounds " + ", ".join(f"{m:.0f} ms" for m in ms))
print(f"bench: median {statistics.median(ms):.0f} ms (min {min(ms):.0f}, max {max(ms):.0f})")
PY
