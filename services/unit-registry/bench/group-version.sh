#!/usr/bin/env bash
# Times PUT /api/unit-groups/{code}/versions/2025 with every commune of 2025 (3,321 codes) (docs/performance.md,
# "Registry: a group version of every commune"). Needs a running set with the seeded data (e.g. `./parindex run`),
# curl and python3; writes take an administrator token from the gateway's local issuer (demo credentials).
#
#   services/unit-registry/bench/group-version.sh [BASE]     BASE defaults to the gateway, http://localhost:8080
#
# Creates a group BENCH-GV-<time> (Yên Bái's communes of 2024, by rule), then BENCH_WARMUP (default 3) unmeasured
# and BENCH_ROUNDS (default 5) measured versions of 2025, each on another day of December (so each is a new
# version: 201), then the same body again (200, nothing stored) and GET ?year=2025; prints each and the medians.
set -euo pipefail
BASE="${1:-http://localhost:8080}"
WARMUP="${BENCH_WARMUP:-3}"
ROUNDS="${BENCH_ROUNDS:-5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
GROUP="BENCH-GV-$(date +%s)"

TOKEN="$(curl -sf -d 'grant_type=password&username=admin&password=admin' "$BASE/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"

python3 - "$BASE" "$WORK" <<'PY'
import json, sys, urllib.request
base, work = sys.argv[1:3]
codes, page = [], 0
while True:
    url = f"{base}/api/units?level=COMMUNE&asOf=2025-12-31&size=1000&page={page}"
    items = json.load(urllib.request.urlopen(url))["items"]
    codes += [i["code"] for i in items]
    if len(items) < 1000:
        break
    page += 1
for day in range(1, 32):
    body = {"memberCodes": codes, "asOf": f"2025-12-{day:02d}", "reason": "Benchmark: every commune of 2025"}
    json.dump(body, open(f"{work}/body-{day}.json", "w"))
print(f"bench: {len(codes)} communes valid on 2025-12-31")
PY

curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$GROUP\",\"name\":\"Benchmark\",\"year\":2024,\"rule\":{\"parentCode\":\"15\",\"level\":\"COMMUNE\"}}" \
    "$BASE/api/unit-groups"

put() { # day, expected status
    local t
    t="$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -X PUT \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data-binary @"$WORK/body-$1.json" "$BASE/api/unit-groups/$GROUP/versions/2025")"
    [[ "${t%% *}" == "$2" ]] || { echo "bench: PUT answered ${t%% *}, expected $2: $(head -c 300 "$WORK/answer.json")" >&2; exit 1; }
    echo "${t##* }"
}
day=31
for ((i = 0; i < WARMUP; i++)); do put $day 201 >/dev/null; day=$((day - 1)); done
created=()
for ((i = 0; i < ROUNDS; i++)); do created+=("$(put $day 201)"); day=$((day - 1)); done
same=()
for ((i = 0; i < ROUNDS; i++)); do same+=("$(put $((day + 1)) 200)"); done
reads=()
for ((i = 0; i < ROUNDS; i++)); do
    reads+=("$(curl -sf -o /dev/null -w '%{time_total}' "$BASE/api/unit-groups/$GROUP?year=2025")")
done
python3 - "$ROUNDS" "${created[@]}" "${same[@]}" "${reads[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
ms = [float(t) * 1000 for t in sys.argv[2:]]
for label, xs in (("new version (201)", ms[:n]), ("same again (200)", ms[n:2 * n]), ("GET ?year=2025", ms[2 * n:])):
    print(f"bench: {label}: median {statistics.median(xs):.0f} ms (rounds " + ", ".join(f"{x:.0f}" for x in xs) + ")")
PY
